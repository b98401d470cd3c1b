/**
 * After a held check-in the newcomer gives their own view: confirms the agreements or adds a
 * remark, and their own klik and wellbeing (`respondToCheckIn`). Kept beside the buddy's record.
 */
import { useState } from 'preact/hooks';
import { LevelsFields, levelsInput } from '../components/coaching';
import { call } from '../components/rpc';
import { coachingText } from '../shared/coaching';
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
  // Issue 14: the newcomer's own view of the competences, beside the buddy's levels.
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const t = (k: Parameters<typeof pageText>[1]) => pageText(language, k);
  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    const own = levelsInput(levels);
    call('respondToCheckIn', held, {
      confirmed,
      remark,
      click,
      wellbeing: Number(wellbeing) || 0,
      ...(own.length ? { levels: own } : {}),
    })
      .then((r) => onDone(r.message))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <form class="checkin-form response-form" onSubmit={submit}>
      <label class="inline">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
        {t('response.confirm')}
      </label>
      <label>
        {t('response.remark')}
        <textarea value={remark} rows={3} onInput={(e) => setRemark(e.currentTarget.value)} />
      </label>
      <Choice label={t('response.ownClick')} value={click} options={CLICKS} onChange={setClick} />
      <Choice
        label={t('response.ownWellbeing')}
        value={wellbeing}
        options={WELLBEING}
        onChange={setWellbeing}
      />
      <LevelsFields
        language={language}
        legend={coachingText(language, 'ownLevels')}
        levels={levels}
        onChange={setLevels}
      />
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={busy}>
        {t('response.send')}
      </button>
    </form>
  );
}
