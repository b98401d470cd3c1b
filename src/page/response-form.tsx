/**
 * After a held check-in the newcomer gives their own view: confirms the agreements or adds a
 * remark, and their own klik and wellbeing (`respondToCheckIn`). Kept beside the buddy's record.
 */
import { useState } from 'preact/hooks';
import { call } from '../components/rpc';
import type { Language } from '../shared/language';
import { pageText } from './texts';

const CLICKS = ['goed', 'twijfel', 'niet'] as const;

export function ResponseForm({
  language,
  held,
  onDone,
}: {
  language: Language;
  held: string;
  onDone: (message: string) => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const [remark, setRemark] = useState('');
  const [click, setClick] = useState('');
  const [wellbeing, setWellbeing] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const t = (k: Parameters<typeof pageText>[1]) => pageText(language, k);
  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    call('respondToCheckIn', held, { confirmed, remark, click, wellbeing: Number(wellbeing) || 0 })
      .then((r) => onDone(r.message))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <form class="checkin-form response-form" onSubmit={submit}>
      <label class="inline">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
        {t('confirm')}
      </label>
      <label>
        {t('remark')}
        <textarea value={remark} rows={3} onInput={(e) => setRemark(e.currentTarget.value)} />
      </label>
      <label>
        {t('ownClick')}
        <select value={click} onChange={(e) => setClick(e.currentTarget.value)}>
          <option value="">—</option>
          {CLICKS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ownWellbeing')}
        <select value={wellbeing} onChange={(e) => setWellbeing(e.currentTarget.value)}>
          <option value="">—</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={busy}>
        {t('send')}
      </button>
    </form>
  );
}
