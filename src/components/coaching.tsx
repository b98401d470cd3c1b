/**
 * The coaching parts of a check-in, shared by the sidebar and Mijn Wegwijs (issue 14): the four
 * 4D steps with their prompts, the seven NJI competences with a level and their indicators as
 * help, the onboarding goals, a held check-in's record, and the growth per competence as a small
 * inline SVG chart. Texts from `shared/coaching.ts`; Preact renders every value as text.
 */
import { Fragment } from 'preact';
import { useId } from 'preact/hooks';
import type { CoachingDto, GoalDto, GrowthDto } from '../shared/api';
import {
  COMPETENCES,
  type CoachingTextKey,
  coachingText,
  competenceLabel,
  GOAL_STATUSES,
  goalStatusLabel,
  LEVELS,
  levelLabel,
  MAX_GOALS,
  STEP_PROMPTS,
  STEPS,
  type Step,
} from '../shared/coaching';
import type { Language } from '../shared/language';
import { MiniChart, spreadX } from './chart';

const tx = (language: Language, key: CoachingTextKey, params?: Record<string, string | number>) =>
  coachingText(language, key, params);

/** A goal's three text fields: its field, its label and its test id. */
const GOAL_FIELDS: readonly (readonly ['goal' | 'start' | 'end', CoachingTextKey, string])[] = [
  ['goal', 'goal', 'goal-text'],
  ['start', 'goalStart', 'goal-start'],
  ['end', 'goalEnd', 'goal-end'],
];

/** The four steps as a new check-in starts them: all empty. */
export function emptySteps(): Record<Step, string> {
  return { ontdekken: '', dromen: '', ontwerpen: '', doen: '' };
}

/** The goals a check-in starts from: a copy of those that stand, or one empty goal to set. */
export function draftGoals(current: readonly GoalDto[]): GoalDto[] {
  return current.length
    ? current.map((g) => ({ ...g }))
    : [{ goal: '', start: '', end: '', status: 'op koers' }];
}

/** The four steps, each with its prompt and field; "doen" is required. */
export function StepsFields(props: {
  language: Language;
  steps: Record<Step, string>;
  onChange: (steps: Record<Step, string>) => void;
}) {
  const { language } = props;
  const id = useId();
  return (
    <fieldset class="coaching-steps" data-testid="steps">
      <legend>{tx(language, 'steps')}</legend>
      {STEPS.map((step) => (
        <div key={step} class="step">
          <label for={`${id}-${step}`}>
            <strong>{tx(language, `step.${step}` as CoachingTextKey)}</strong>
            {step === 'doen' ? ` (${tx(language, 'required')})` : ''}
            <span class="small prompt"> {STEP_PROMPTS[step][language]}</span>
          </label>
          <textarea
            id={`${id}-${step}`}
            data-testid={`step-${step}`}
            rows={2}
            maxLength={2000}
            aria-required={step === 'doen'}
            value={props.steps[step]}
            onInput={(e) => props.onChange({ ...props.steps, [step]: e.currentTarget.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** The seven competences, each with "niet besproken" or a level, and its indicators as help. */
export function LevelsFields(props: {
  language: Language;
  legend?: string;
  levels: Record<string, string>;
  onChange: (levels: Record<string, string>) => void;
}) {
  const { language } = props;
  const id = useId();
  return (
    <fieldset class="coaching-levels" data-testid="levels">
      <legend>{props.legend ?? tx(language, 'competences')}</legend>
      {COMPETENCES.map((c, i) => (
        <div key={c.name} class="competence">
          <label for={`${id}-${i}`} title={c.name}>
            {i + 1}. {c.name}
          </label>
          <select
            id={`${id}-${i}`}
            data-testid="level"
            data-competence={c.short}
            value={props.levels[c.name] ?? ''}
            onChange={(e) => props.onChange({ ...props.levels, [c.name]: e.currentTarget.value })}
          >
            <option value="">{tx(language, 'notDiscussed')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(language, l)}
              </option>
            ))}
          </select>
          <details class="indicators">
            <summary class="small">{tx(language, 'lookAt')}</summary>
            <ul class="small" data-testid="indicators">
              {c.indicators[language].map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        </div>
      ))}
    </fieldset>
  );
}

/** The level choices as the server takes them: only the competences given a level. */
export function levelsInput(levels: Record<string, string>): { competence: string; level: string }[] {
  return COMPETENCES.filter((c) => levels[c.name]).map((c) => ({
    competence: c.name,
    level: levels[c.name]!,
  }));
}

/** One to three goals: text, start and end point, and how each stands. */
export function GoalsFields(props: {
  language: Language;
  goals: GoalDto[];
  /** No goals yet: this check-in sets them ("begin met het einde voor ogen"). */
  first: boolean;
  onChange: (goals: GoalDto[]) => void;
  /**
   * The first check-in: goals are expected (marked so), unless "Nog geen doelen" is ticked.
   * Given together with `noGoals` and `onNoGoals`.
   */
  expected?: boolean;
  noGoals?: boolean;
  onNoGoals?: (noGoals: boolean) => void;
}) {
  const { language, goals } = props;
  const id = useId();
  const set = (i: number, patch: Partial<GoalDto>) =>
    props.onChange(goals.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  const expected = Boolean(props.expected && props.onNoGoals);
  return (
    <fieldset class="coaching-goals" data-testid="goals" data-expected={expected ? 'true' : undefined}>
      <legend>
        {tx(language, 'goals')}
        {expected && <span class="small"> ({tx(language, 'goalsExpected')})</span>}
      </legend>
      <p class="small">{tx(language, props.first ? 'goalsFirst' : 'goalsReview')}</p>
      {expected && (
        <label class="check">
          <input
            type="checkbox"
            data-testid="no-goals"
            checked={Boolean(props.noGoals)}
            onChange={(e) => props.onNoGoals?.(e.currentTarget.checked)}
          />{' '}
          {tx(language, 'noGoalsYet')}
        </label>
      )}
      {goals.map((g, i) => (
        <div key={i} class="goal" data-testid="goal">
          {GOAL_FIELDS.map(([field, key, testId]) => (
            <Fragment key={field}>
              <label for={`${id}-${field}${i}`}>{tx(language, key, { n: i + 1 })}</label>
              <input
                id={`${id}-${field}${i}`}
                data-testid={testId}
                aria-required={field === 'goal' && expected && !props.noGoals && i === 0 ? 'true' : undefined}
                maxLength={300}
                value={g[field]}
                onInput={(e) => set(i, { [field]: e.currentTarget.value })}
              />
            </Fragment>
          ))}
          <label for={`${id}-t${i}`}>{tx(language, 'goalStatus')}</label>
          <select
            id={`${id}-t${i}`}
            data-testid="goal-status"
            value={g.status}
            onChange={(e) => set(i, { status: e.currentTarget.value })}
          >
            {GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {goalStatusLabel(language, s)}
              </option>
            ))}
          </select>
          <button type="button" class="link" onClick={() => props.onChange(goals.filter((_, k) => k !== i))}>
            {tx(language, 'removeGoal')}
          </button>
        </div>
      ))}
      {goals.length < MAX_GOALS && (
        <button
          type="button"
          data-testid="goal-add"
          onClick={() => props.onChange([...goals, { goal: '', start: '', end: '', status: 'op koers' }])}
        >
          {tx(language, 'addGoal')}
        </button>
      )}
    </fieldset>
  );
}

/**
 * Whether the first check-in still lacks its goals: expected, none filled in, and "Nog geen doelen"
 * not ticked. Checked after the other required fields, so those are named first.
 */
export function goalsStillNeeded(expected: boolean, goals: GoalDto[], noGoals: boolean): boolean {
  return expected && !noGoals && goalsInput(goals).length === 0;
}

/** Goals without a text are left out (an empty row the buddy added and did not fill). */
export function goalsInput(goals: GoalDto[]): GoalDto[] {
  return goals.filter((g) => g.goal.trim() !== '');
}

/** A held check-in's record: the steps (or the one 4D label of an older row), levels, goals, worries. */
export function CoachingView(props: {
  language: Language;
  coaching: CoachingDto;
  phase: string;
  agreements: string;
}) {
  const { language, coaching: c } = props;
  const steps: [Step, string][] = [
    ['ontdekken', c.discovery],
    ['dromen', c.dream],
    ['ontwerpen', c.design],
  ];
  const filled = steps.filter(([, v]) => v);
  return (
    <div class="coaching-view small" data-testid="coaching">
      {filled.length === 0 && props.phase && (
        <div data-testid="older-phase">{tx(language, 'olderPhase', { phase: props.phase })}</div>
      )}
      {filled.map(([step, value]) => (
        <div key={step} data-testid={`shown-${step}`}>
          <strong>{tx(language, `step.${step}` as CoachingTextKey)}:</strong> {value}
        </div>
      ))}
      {c.levels.length > 0 && (
        <div data-testid="shown-levels">
          {c.levels
            .map((m) => `${competenceLabel(language, m.competence)}: ${levelLabel(language, m.level)}`)
            .join(' · ')}
        </div>
      )}
      {c.goals.length > 0 && (
        <ul class="goals" data-testid="shown-goals">
          {c.goals.map((g, i) => (
            <li key={i}>
              {g.goal}
              {g.start || g.end ? ` (${g.start || '—'} → ${g.end || '—'})` : ''}:{' '}
              {goalStatusLabel(language, g.status)}
            </li>
          ))}
        </ul>
      )}
      {c.worries && (
        <div data-testid="shown-worries">{tx(language, 'worriesShown', { text: c.worries })}</div>
      )}
    </div>
  );
}

/** The goals as they stand. */
export function GoalsList(props: { language: Language; goals: GoalDto[] }) {
  const { language } = props;
  if (!props.goals.length) return <p class="muted small">{tx(language, 'noGoals')}</p>;
  return (
    <ul class="goals" data-testid="current-goals">
      {props.goals.map((g, i) => (
        <li key={i} data-status={g.status}>
          <strong>{g.goal}</strong>
          {g.start || g.end ? ` (${g.start || '—'} → ${g.end || '—'})` : ''}:{' '}
          {goalStatusLabel(language, g.status)}
        </li>
      ))}
    </ul>
  );
}

const H = 40;

/**
 * Each competence over the check-ins: the buddy's levels as a line (1 oriënterend at the bottom,
 * 3 zelfstandig at the top), the newcomer's own view as open dots. The values are in the label.
 */
export function GrowthChart(props: { language: Language; growth: GrowthDto[]; width?: number }) {
  const { language, growth } = props;
  const W = props.width ?? 96;
  return (
    <div class="growth" data-testid="growth">
      <h4>{tx(language, 'growth')}</h4>
      {growth.length === 0 ? (
        <p class="muted small">{tx(language, 'growthNone')}</p>
      ) : (
        growth.map((g) => {
          const dates = [...new Set([...g.points, ...g.own].map((p) => p.date))].sort();
          const x = (date: string) => spreadX(dates.indexOf(date), dates.length, W, 6);
          const y = (level: number) => 6 + ((3 - level) * (H - 12)) / 2;
          const label = tx(language, 'growthLabel', {
            competence: competenceLabel(language, g.competence),
            levels: g.points.map((p) => levelLabel(language, LEVELS[p.level - 1] ?? '')).join(' → '),
          });
          return (
            <div key={g.competence} class="growth-line">
              <span class="small">{competenceLabel(language, g.competence)}</span>
              <MiniChart
                width={W}
                height={H}
                label={label}
                testId="growth-chart"
                data={{
                  competence: g.competence,
                  levels: g.points.map((p) => p.level).join(','),
                  own: g.own.map((p) => p.level).join(','),
                }}
              >
                {[1, 2, 3].map((l) => (
                  <line key={l} x1="0" x2={W} y1={y(l)} y2={y(l)} stroke="#e0e0e0" />
                ))}
                {g.points.length > 1 && (
                  <polyline
                    points={g.points.map((p) => `${x(p.date)},${y(p.level)}`).join(' ')}
                    fill="none"
                    stroke="#1a73e8"
                  />
                )}
                {g.points.map((p) => (
                  <circle key={`b${p.date}`} cx={x(p.date)} cy={y(p.level)} r="3" fill="#1a73e8" />
                ))}
                {g.own.map((p) => (
                  <circle
                    key={`o${p.date}`}
                    cx={x(p.date)}
                    cy={y(p.level)}
                    r="4"
                    fill="none"
                    stroke="#e37400"
                  />
                ))}
              </MiniChart>
              <strong class="small">
                {levelLabel(language, LEVELS[(g.points[g.points.length - 1]?.level ?? 0) - 1] ?? '')}
              </strong>
            </div>
          );
        })
      )}
    </div>
  );
}
