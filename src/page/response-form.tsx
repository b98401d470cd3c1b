/**
 * After a held check-in the newcomer gives their own view: confirms the agreements or adds a
 * remark, and their own klik and wellbeing (`respondToCheckIn`). Kept beside the buddy's record.
 */
import { useState } from 'preact/hooks';
import { call } from '../components/rpc';
import type { Language } from '../shared/language';
import { Choice, CLICKS, WELLBEING } from './fields';
import { pageText } from './texts';

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
      <Choice label={t('ownClick')} value={click} options={CLICKS} onChange={setClick} />
      <Choice label={t('ownWellbeing')} value={wellbeing} options={WELLBEING} onChange={setWellbeing} />
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={busy}>
        {t('send')}
      </button>
    </form>
  );
}
