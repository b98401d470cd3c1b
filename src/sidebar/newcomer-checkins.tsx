/**
 * A newcomer's check-ins in the 4D model: schedule progress, the check-ins with their state (late
 * ones in red), wellbeing over time as a small line, last time's agreements, the re-pairing signal,
 * the goals and the growth per competence, and recording (the four steps, competence levels,
 * goals, worries), skipping (with a reason) and closing the onboarding. Notes and the personal
 * parts show only when the server sends them, which it does only to those who may read them.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MiniChart, spreadX } from '../components/chart';
import {
  CoachingView,
  draftGoals,
  emptySteps,
  GoalsFields,
  GoalsList,
  GrowthChart,
  goalsInput,
  goalsStillNeeded,
  LevelsFields,
  levelsInput,
  StepsFields,
} from '../components/coaching';
import type { CheckInsDto, GoalDto, TimelineCheckInDto } from '../shared/api';
import { COMPETENCES, coachingText } from '../shared/coaching';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { Confirm, ReasonForm, Said, type Tx } from './kit';
import { call } from './rpc';
import { dutchDate, type TextKey } from './texts';

const PHASES = ['ontdekken', 'dromen', 'ontwerpen', 'doen'] as const;
/** The NJI profile's seven competencies by their exact names, as the server sends them, with their label. */
const COMPETENCIES: readonly [string, TextKey][] = COMPETENCES.map((c, i) => [
  c.name,
  `checkin.competences.${i + 1}` as TextKey,
]);
const CLICKS = ['goed', 'twijfel', 'niet'] as const;
const MAX_REASON = 500;

const STATE_CLASS: Record<TimelineCheckInDto['state'], string> = {
  gepland: 'badge',
  gehouden: 'badge ok',
  'te laat': 'badge late',
  overgeslagen: 'badge grey',
};

function known<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function competencyLabel(tx: Tx, value: string): string {
  const found = COMPETENCIES.find(([v]) => v === value);
  return found ? tx(found[1]) : value;
}

/** A bar with "12 van 20 afgerond". */
function Progress({ done, total, tx }: { done: number; total: number; tx: Tx }) {
  const width = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div class="progress" data-testid="progress" data-done={done} data-total={total}>
      <span class="bar wide" aria-hidden="true">
        <span style={{ width: `${width}%` }} />
      </span>
      <span class="small">{tx('checkin.progress', { done, total })}</span>
    </div>
  );
}

/** Wellbeing over time as a tiny line (1 at the bottom, 5 at the top); the values are in its label. */
function Sparkline({ points, tx }: { points: CheckInsDto['wellbeing']; tx: Tx }) {
  if (!points.length) return null;
  const w = 120;
  const h = 28;
  const xy = points.map((p, i) => ({
    x: spreadX(i, points.length, w, 4),
    y: 4 + ((5 - p.value) * (h - 8)) / 4,
  }));
  const label = `${tx('checkin.wellbeingLine')}: ${points.map((p) => `${dutchDate(p.date)} ${p.value}`).join(', ')}`;
  return (
    <div class="spark line">
      <span class="small">{tx('checkin.wellbeingLine')}</span>
      <MiniChart
        width={w}
        height={h}
        label={label}
        testId="sparkline"
        data={{ values: points.map((p) => p.value).join(',') }}
      >
        <polyline points={xy.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#1a73e8" />
        {xy.map((p, i) => (
          <circle key={points[i]!.date + i} cx={p.x} cy={p.y} r="2" fill="#1a73e8" />
        ))}
      </MiniChart>
      <strong>{points[points.length - 1]!.value}</strong>
    </div>
  );
}

/** One check-in; an open one has "Overslaan", which asks for a reason inline. */
function CheckInItem(props: {
  c: TimelineCheckInDto;
  email: string;
  language: Language;
  tx: Tx;
  onDone: (message: string) => void;
}) {
  const { c, tx } = props;
  const [skipping, setSkipping] = useState(false);
  const skip = useAction();
  const open = c.state === 'gepland' || c.state === 'te laat';
  const details = c.held
    ? [
        tx('checkin.heldOn', { date: dutchDate(c.held) }),
        // An older record carries one 4D label; a check-in in four steps shows them below.
        !c.coaching && known(PHASES, c.phase) ? tx(`checkin.phases.${c.phase}`) : !c.coaching ? c.phase : '',
        ...c.competencies.map((x) => competencyLabel(tx, x)),
        c.wellbeing !== null ? tx('checkin.wb', { n: c.wellbeing }) : '',
        known(CLICKS, c.click) ? tx('checkin.klik', { k: tx(`checkin.clicks.${c.click}`) }) : '',
      ].filter(Boolean)
    : [];
  const confirm = (text: string) => {
    skip.run(async () => {
      const result = await call('skipCheckIn', props.email, c.planned, text);
      setSkipping(false);
      props.onDone(result.message);
    });
  };
  return (
    <li class="item" data-testid="checkin" data-planned={c.planned} data-state={c.state}>
      <div class="line">
        <span>{c.planned ? tx('checkin.plannedOn', { date: dutchDate(c.planned) }) : ''}</span>
        <span class={STATE_CLASS[c.state]} data-testid="checkin-state">
          {c.state === 'te laat' && c.daysLate !== null
            ? tx('checkin.daysLate', { n: c.daysLate })
            : tx(`checkin.states.${c.state}`)}
        </span>
      </div>
      {details.length > 0 && <div class="small">{details.join(' · ')}</div>}
      {c.skipped && <div class="small">{tx('checkin.skippedWhy', { reason: c.skipped })}</div>}
      {c.coaching && (
        <CoachingView
          language={props.language}
          coaching={c.coaching}
          phase={c.phase}
          agreements={c.agreements}
        />
      )}
      {c.agreements && <div class="small">{tx('checkin.agreed', { text: c.agreements })}</div>}
      {c.notes !== null && c.notes !== '' && (
        <div class="notes" data-testid="checkin-notes">
          <span class="small">{tx('checkin.notesOf')}: </span>
          {c.notes}
        </div>
      )}
      {open && !skipping && (
        <div class="actions">
          <button type="button" data-testid="skip" onClick={() => setSkipping(true)}>
            {tx('checkin.skip')}
          </button>
        </div>
      )}
      {skipping && (
        <ReasonForm
          id="skip"
          tx={tx}
          label={tx('checkin.skipReason')}
          missingText={tx('pairing.reasonNeeded')}
          missingTestId="skip-missing"
          confirm={tx('checkin.confirmSkip')}
          max={MAX_REASON}
          busy={skip.busy}
          error={skip.error}
          onConfirm={confirm}
          onCancel={() => setSkipping(false)}
        />
      )}
    </li>
  );
}

/** A labelled text area with a hint under it that describes it. */
function HintedText(props: {
  id: string;
  testId: string;
  label: string;
  hint: string;
  rows: number;
  max: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        data-testid={props.testId}
        rows={props.rows}
        maxLength={props.max}
        aria-describedby={`${props.id}-hint`}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p class="small" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </>
  );
}

/**
 * "Check-in vastleggen": the four steps of the 4D model (doen = the agreements), the NJI
 * competences discussed with their level, the goals (set at the first check-in, reviewed after),
 * worries, wellbeing, klik and notes.
 */
function RecordForm(props: {
  email: string;
  today: string;
  language: Language;
  /** The planned check-ins still open, soonest first. */
  open: string[];
  /** The goals as they stand (none yet: this check-in sets them). */
  goals: GoalDto[];
  /** No check-in held yet: this one sets the goals, or says "nog geen doelen". */
  firstCheckIn?: boolean;
  tx: Tx;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { tx, language } = props;
  const id = useId();
  const [held, setHeld] = useState(props.today);
  // The planned check-in this records: the latest one already due, else the first open one.
  const [planned, setPlanned] = useState(
    [...props.open].reverse().find((d) => d <= props.today) ?? props.open[0] ?? '',
  );
  const [missing, setMissing] = useState<string[]>([]);
  const expected = Boolean(props.firstCheckIn) && props.goals.length === 0;
  const [noGoals, setNoGoals] = useState(false);
  const [goalsNeeded, setGoalsNeeded] = useState(false);
  const [steps, setSteps] = useState(emptySteps);
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [goals, setGoals] = useState(() => draftGoals(props.goals));
  const [worries, setWorries] = useState('');
  const [wellbeing, setWellbeing] = useState(0);
  const [click, setClick] = useState('');
  const [notes, setNotes] = useState('');
  const save = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    // Every empty required field at once, in the form's own words (no browser tooltips).
    const empty = [
      !held && tx('checkinForm.held'),
      !steps.doen.trim() && tx('checkinForm.doen'),
      !wellbeing && tx('checkinForm.wellbeing'),
      !click && tx('checkinForm.click'),
    ].filter((x): x is string => Boolean(x));
    setMissing(empty);
    if (empty.length) return;
    setGoalsNeeded(goalsStillNeeded(expected, goals, noGoals));
    if (goalsStillNeeded(expected, goals, noGoals)) return;
    save.run(async () => {
      const result = await call('recordCheckIn', props.email, {
        ...(planned ? { planned } : {}),
        held,
        steps,
        levels: levelsInput(levels),
        goals: goalsInput(goals),
        worries,
        wellbeing,
        click,
        notes,
        ...(expected && noGoals ? { noGoals: true } : {}),
      });
      props.onDone(result.signal ? `${result.message} ${result.signal}` : result.message);
    });
  };

  return (
    <form class="panel checkin-form" data-testid="checkin-form" onSubmit={submit} noValidate>
      {props.open.length > 0 && (
        <>
          <label for={`${id}-planned`}>{tx('checkinForm.which')}</label>
          <select
            id={`${id}-planned`}
            data-testid="record-planned"
            value={planned}
            onChange={(e) => setPlanned(e.currentTarget.value)}
          >
            {props.open.map((d) => (
              <option key={d} value={d}>
                {tx('checkinForm.plannedOn', { date: dutchDate(d) })}
              </option>
            ))}
          </select>
        </>
      )}
      <label for={`${id}-held`}>{tx('checkin.heldDate')}</label>
      <input
        id={`${id}-held`}
        ref={first}
        type="date"
        data-testid="held"
        required
        max={props.today}
        value={held}
        onInput={(e) => setHeld(e.currentTarget.value)}
      />
      <StepsFields language={language} steps={steps} onChange={setSteps} />
      <GoalsFields
        language={language}
        goals={goals}
        first={props.goals.length === 0}
        onChange={setGoals}
        expected={expected}
        noGoals={noGoals}
        onNoGoals={setNoGoals}
      />
      <LevelsFields language={language} levels={levels} onChange={setLevels} />
      <HintedText
        id={`${id}-worries`}
        testId="worries"
        label={coachingText(language, 'worries')}
        hint={coachingText(language, 'worriesHint')}
        rows={2}
        max={2000}
        value={worries}
        onInput={setWorries}
      />
      <fieldset>
        <legend>{tx('checkin.wellbeing')}</legend>
        <div class="radios">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class="check">
              <input
                type="radio"
                name={`${id}-wellbeing`}
                data-testid="wellbeing"
                value={n}
                required
                checked={wellbeing === n}
                onChange={() => setWellbeing(n)}
              />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{tx('checkin.click')}</legend>
        <div class="radios">
          {CLICKS.map((k) => (
            <label key={k} class="check">
              <input
                type="radio"
                name={`${id}-click`}
                data-testid="click"
                value={k}
                required
                checked={click === k}
                onChange={() => setClick(k)}
              />
              {tx(`checkin.clicks.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <HintedText
        id={`${id}-notes`}
        testId="notes"
        label={tx('checkin.notes')}
        hint={tx('checkin.notesHint')}
        rows={3}
        max={5000}
        value={notes}
        onInput={setNotes}
      />
      {missing.length > 0 && (
        <p class="error" role="alert" data-testid="record-missing">
          {tx('checkinForm.missing', { fields: missing.join(', ') })}
        </p>
      )}
      {goalsNeeded && (
        <p class="error" role="alert" data-testid="record-goals-needed">
          {coachingText(language, 'goalsNeeded')}
        </p>
      )}
      <Said id="record" error={save.error} />
      <div class="actions">
        <button type="submit" class="primary" data-testid="record-submit" disabled={save.busy}>
          {save.busy ? tx('pairing.busy') : tx('checkin.submit')}
        </button>
        <button type="button" disabled={save.busy} onClick={props.onCancel}>
          {tx('pairing.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Inwerken afronden", after a confirmation, with an optional evaluation of each current goal. */
function CloseOnboarding(props: {
  email: string;
  name: string;
  goals?: readonly GoalDto[];
  tx: Tx;
  onDone: (message: string) => void;
}) {
  const { tx } = props;
  const goals = props.goals ?? [];
  const [confirming, setConfirming] = useState(false);
  const [outcomes, setOutcomes] = useState<Record<string, { status: string; remark: string }>>({});
  const [agreements, setAgreements] = useState('');
  const close = useAction();
  const set = (goal: string, part: 'status' | 'remark', value: string) =>
    setOutcomes({ ...outcomes, [goal]: { status: '', remark: '', ...outcomes[goal], [part]: value } });
  // Only the goals given an outcome go along; no outcome and no agreements closes as before.
  const evaluation = () => ({
    goals: goals
      .filter((g) => outcomes[g.goal]?.status)
      .map((g) => ({ goal: g.goal, status: outcomes[g.goal]!.status, remark: outcomes[g.goal]!.remark })),
    agreements,
  });
  return (
    <div>
      <div class="actions">
        <button
          type="button"
          data-testid="close-onboarding"
          aria-expanded={confirming}
          onClick={() => setConfirming(!confirming)}
        >
          {tx('checkin.close')}
        </button>
      </div>
      {confirming && (
        <fieldset data-testid="close-evaluation">
          <legend>{tx('checkin.closeEvaluation')}</legend>
          {goals.map((g, i) => (
            <div key={g.goal}>
              <label for={`close-goal-${i}`}>{g.goal}</label>
              <select
                id={`close-goal-${i}`}
                data-testid={`close-goal-${i}`}
                value={outcomes[g.goal]?.status ?? ''}
                onChange={(e) => set(g.goal, 'status', e.currentTarget.value)}
              >
                <option value="">{tx('checkin.closeNoOutcome')}</option>
                <option value="bereikt">{tx('checkin.outcomeReached')}</option>
                <option value="deels bereikt">{tx('checkin.outcomePartly')}</option>
                <option value="niet bereikt">{tx('checkin.outcomeNot')}</option>
              </select>
              <label for={`close-remark-${i}`}>{tx('checkin.closeRemark')}</label>
              <input
                id={`close-remark-${i}`}
                data-testid={`close-remark-${i}`}
                maxLength={300}
                value={outcomes[g.goal]?.remark ?? ''}
                onInput={(e) => set(g.goal, 'remark', e.currentTarget.value)}
              />
            </div>
          ))}
          <label for="close-agreements">{tx('checkin.closeAgreements')}</label>
          <textarea
            id="close-agreements"
            data-testid="close-agreements"
            maxLength={2000}
            value={agreements}
            onInput={(e) => setAgreements(e.currentTarget.value)}
          />
        </fieldset>
      )}
      {confirming && (
        <Confirm
          id="close"
          text={tx('checkin.confirmClose', { name: props.name })}
          yes={tx('checkin.yesClose')}
          tx={tx}
          busy={close.busy}
          error={close.error}
          onYes={() =>
            close.run(async () => {
              const result = await call('closeOnboarding', props.email, evaluation());
              setConfirming(false);
              props.onDone(result.message);
            })
          }
          onNo={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

export function CheckInsSection(props: {
  email: string;
  data: CheckInsDto;
  today: string;
  /** Optional for older callers: the coaching parts then show in Dutch. */
  language?: Language;
  tx: Tx;
  /** After a change: fetch the timeline and the sidebar state again. */
  onChanged: () => Promise<void>;
}) {
  const { data, tx } = props;
  const language = props.language ?? 'nl';
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    setRecording(false);
    void props.onChanged();
  };
  return (
    <div>
      <Said id="checkins" message={message} />
      {data.signal && (
        <div class="warning" role="status" data-testid="signal">
          {data.signal}
        </div>
      )}
      <Progress done={data.schedule.done} total={data.schedule.total} tx={tx} />
      {data.nextCheckIn && (
        <p class="small">{tx('checkin.nextCheckIn', { date: dutchDate(data.nextCheckIn) })}</p>
      )}
      <Sparkline points={data.wellbeing} tx={tx} />
      {data.goals.length > 0 && (
        <div class="card">
          <div class="small">{coachingText(language, 'goals')}</div>
          <GoalsList language={language} goals={data.goals} />
        </div>
      )}
      <GrowthChart language={language} growth={data.growth} />
      {data.lastAgreements && (
        <div class="card" data-testid="last-agreements">
          <div class="small">
            {tx('checkin.lastAgreements', { date: dutchDate(data.lastAgreementsDate) })}
          </div>
          <div>{data.lastAgreements}</div>
        </div>
      )}
      {data.checkIns.length === 0 ? (
        <p class="muted">{tx('checkin.noCheckIns')}</p>
      ) : (
        <ul class="list">
          {data.checkIns.map((c, i) => (
            <CheckInItem
              key={`${c.planned}|${c.held}|${i}`}
              c={c}
              email={props.email}
              language={language}
              tx={tx}
              onDone={done}
            />
          ))}
        </ul>
      )}
      {recording ? (
        <RecordForm
          email={props.email}
          today={props.today}
          language={language}
          goals={data.goals}
          firstCheckIn={!data.checkIns.some((c) => c.held)}
          open={data.checkIns
            .filter((c) => c.planned && !c.held && !c.skipped)
            .map((c) => c.planned)
            .sort()}
          tx={tx}
          onDone={done}
          onCancel={() => setRecording(false)}
        />
      ) : (
        <div class="actions">
          <button
            type="button"
            class="primary"
            data-testid="record-open"
            onClick={() => {
              setMessage('');
              setRecording(true);
            }}
          >
            {tx('checkin.record')}
          </button>
        </div>
      )}
      {data.canClose && (
        <CloseOnboarding
          email={props.email}
          name={data.newcomer.name}
          goals={data.goals}
          tx={tx}
          onDone={done}
        />
      )}
    </div>
  );
}
