/**
 * A buddy records a held check-in from the page: the same server function and rules as the
 * sidebar (`recordCheckIn`), in the four steps of the 4D model with goals and competence levels
 * (issue 14); the server checks every field and answers in Dutch.
 */
import { useState } from 'preact/hooks';
import {
  draftGoals,
  emptySteps,
  GoalsFields,
  goalsInput,
  goalsStillNeeded,
  LevelsFields,
  levelsInput,
  StepsFields,
} from '../components/coaching';
import { call } from '../components/rpc';
import type { GoalDto } from '../shared/api';
import { coachingText } from '../shared/coaching';
import type { Language } from '../shared/language';
import { Choice, CLICKS, WELLBEING } from './fields';
import { pageText } from './texts';

export function CheckInForm({
  language,
  newcomerEmail,
  today,
  goals: current,
  firstCheckIn = false,
  onDone,
}: {
  language: Language;
  newcomerEmail: string;
  today: string;
  /** The goals as they stand (none yet: this check-in sets them). */
  goals: GoalDto[];
  /** No check-in held yet: this one sets the goals, or says "nog geen doelen". */
  firstCheckIn?: boolean;
  onDone: (message: string) => void;
}) {
  const expected = firstCheckIn && current.length === 0;
  const [noGoals, setNoGoals] = useState(false);
  const [held, setHeld] = useState(today);
  const [steps, setSteps] = useState(emptySteps);
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [goals, setGoals] = useState(() => draftGoals(current));
  const [worries, setWorries] = useState('');
  const [wellbeing, setWellbeing] = useState('');
  const [click, setClick] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const t = (k: Parameters<typeof pageText>[1]) => pageText(language, k);
  const submit = (e: Event) => {
    e.preventDefault();
    // The goals after the other required fields, which the server names first.
    if (steps.doen.trim() && wellbeing && click && goalsStillNeeded(expected, goals, noGoals)) {
      setError(coachingText(language, 'goalsNeeded'));
      return;
    }
    setBusy(true);
    setError('');
    call('recordCheckIn', newcomerEmail, {
      held,
      steps,
      levels: levelsInput(levels),
      goals: goalsInput(goals),
      worries,
      wellbeing: Number(wellbeing) || 0,
      click,
      notes,
      ...(expected && noGoals ? { noGoals: true } : {}),
    })
      .then((r) => onDone(r.signal ? `${r.message} ${r.signal}` : r.message))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <form class="checkin-form" onSubmit={submit}>
      <label>
        {t('checkin.held')}
        <input type="date" value={held} max={today} onInput={(e) => setHeld(e.currentTarget.value)} />
      </label>
      <StepsFields language={language} steps={steps} onChange={setSteps} />
      <GoalsFields
        language={language}
        goals={goals}
        first={current.length === 0}
        onChange={setGoals}
        expected={expected}
        noGoals={noGoals}
        onNoGoals={setNoGoals}
      />
      <LevelsFields language={language} levels={levels} onChange={setLevels} />
      <label>
        {coachingText(language, 'worries')}
        <textarea
          value={worries}
          rows={2}
          data-testid="worries"
          onInput={(e) => setWorries(e.currentTarget.value)}
        />
      </label>
      <p class="hint">{coachingText(language, 'worriesHint')}</p>
      <Choice label={t('checkin.wellbeing')} value={wellbeing} options={WELLBEING} onChange={setWellbeing} />
      <Choice label={t('checkin.click')} value={click} options={CLICKS} onChange={setClick} />
      <label>
        {t('checkin.notesField')}
        <textarea value={notes} rows={3} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={busy}>
        {t('checkin.record')}
      </button>
    </form>
  );
}
