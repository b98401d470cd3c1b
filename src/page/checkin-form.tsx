/**
 * A buddy records a held check-in from the page: the same server function and rules as the
 * sidebar (`recordCheckIn`); the server checks every field and answers in Dutch.
 */
import { useState } from 'preact/hooks';
import { call } from '../components/rpc';
import type { Language } from '../shared/language';
import { Choice, CLICKS, WELLBEING } from './fields';
import { pageText } from './texts';

const PHASES = ['ontdekken', 'dromen', 'ontwerpen', 'doen'] as const;

export function CheckInForm({
  language,
  newcomerEmail,
  today,
  onDone,
}: {
  language: Language;
  newcomerEmail: string;
  today: string;
  onDone: (message: string) => void;
}) {
  const [held, setHeld] = useState(today);
  const [phase, setPhase] = useState('');
  const [wellbeing, setWellbeing] = useState('');
  const [click, setClick] = useState('');
  const [agreements, setAgreements] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const t = (k: Parameters<typeof pageText>[1]) => pageText(language, k);
  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    call('recordCheckIn', newcomerEmail, {
      held,
      phase,
      wellbeing: Number(wellbeing) || 0,
      click,
      agreements,
      notes,
    })
      .then((r) => onDone(r.signal ? `${r.message} ${r.signal}` : r.message))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <form class="checkin-form" onSubmit={submit}>
      <label>
        {t('held')}
        <input type="date" value={held} max={today} onInput={(e) => setHeld(e.currentTarget.value)} />
      </label>
      <Choice label={t('phase')} value={phase} options={PHASES} onChange={setPhase} />
      <Choice label={t('wellbeing')} value={wellbeing} options={WELLBEING} onChange={setWellbeing} />
      <Choice label={t('click')} value={click} options={CLICKS} onChange={setClick} />
      <label>
        {t('agreementsField')}
        <textarea value={agreements} rows={3} onInput={(e) => setAgreements(e.currentTarget.value)} />
      </label>
      <label>
        {t('notesField')}
        <textarea value={notes} rows={3} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={busy}>
        {t('record')}
      </button>
    </form>
  );
}
