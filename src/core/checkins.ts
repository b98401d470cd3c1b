/**
 * Check-ins, the pure core: the state of a planned check-in, checking what the sidebar sends when
 * one is recorded (the four 4D steps, goals, competence levels, worries), the re-pairing signal
 * from the "klik", a newcomer's timeline and growth, and which buddy reminders and chef buddy
 * notices (late check-ins, the klik) are due. No I/O. Notes go in (validated, then written by
 * `checkInFields`) but never out: the timeline and the reminders do not carry them.
 */

import {
  COMPETENCES,
  GOAL_STATUS_EN,
  GOAL_STATUSES,
  type GoalStatus,
  LEVEL_EN,
  LEVELS,
  type Level,
  MAX_GOALS,
  STEP_ALIASES,
  STEPS,
  type Step,
} from '../shared/coaching';
import { addDays, daysBetween, type IsoDate, isIsoDate } from './dates';
import type { Email } from './identity';
import { type MailState, mailId, parseMailState } from './mailState';
import { CLICK_VALUES, NJI_COMPETENCIES, normalizeName, type PHASES_4D, type RowOf } from './schema';
import type { Settings } from './settings';

export type Phase = (typeof PHASES_4D)[number];
export type Competency = (typeof NJI_COMPETENCIES)[number];
export type Click = (typeof CLICK_VALUES)[number];

/**
 * A row of `Check-ins`. `reminder`, `lateNotice` and `chiefNotice` hold the states of its three
 * mails: the buddy's reminder before, the buddy's notice when late, the chef buddy's alert.
 */
export type CheckInRow = RowOf<'checkIns'>;

/** A planned check-in, not yet held. */
export function plannedCheckIn(newcomer: Email, buddy: Email, planned: IsoDate): CheckInRow {
  return {
    newcomer: newcomer,
    buddy: buddy,
    planned,
    held: '',
    phase: '',
    competency: '',
    wellbeing: null,
    click: '',
    agreements: '',
    notes: '',
    skipped: '',
    recordedBy: '',
    reminder: '',
    lateNotice: '',
    chiefNotice: '',
    hold: false,
    newcomerConfirmed: false,
    newcomerRemark: '',
    newcomerClick: '',
    newcomerWellbeing: null,
    newcomerBy: '',
    newcomerAt: '',
    discovery: '',
    dream: '',
    design: '',
    worries: '',
    levels: '',
    goals: '',
    newcomerLevels: '',
    clickAlert: '',
  };
}

type ScheduleRow = RowOf<'schedule'>;

export type CheckInStateName = 'gepland' | 'gehouden' | 'te laat' | 'overgeslagen';

export interface CheckInState {
  state: CheckInStateName;
  /** Only when late: whole days since the planned day (so grace + 1 on the first late day). */
  daysLate?: number;
}

/**
 * An open check-in planned before the returned day is late today. (today > planned + grace ⇔
 * planned < today − grace: one date per call instead of date arithmetic per row.)
 */
export function lateBefore(today: IsoDate, settings: Pick<Settings, 'checkInGraceDays'>): IsoDate {
  return addDays(today, -Math.max(0, Math.floor(settings.checkInGraceDays)));
}

function stateAt(row: CheckInRow, today: IsoDate, lateDay: IsoDate): CheckInState {
  if (row.held) return { state: 'gehouden' };
  if (row.skipped.trim()) return { state: 'overgeslagen' };
  if (row.planned && row.planned < lateDay) {
    return { state: 'te laat', daysLate: daysBetween(row.planned, today) };
  }
  return { state: 'gepland' };
}

/**
 * The state of one check-in: `gehouden` when 'Gehouden' has a day (this wins over a skip reason);
 * `overgeslagen` when 'Overgeslagen (reden)' has a reason; `te laat` once today is after the
 * planned day plus `checkInGraceDays`; else `gepland` (also without a planned day).
 */
export function checkInState(
  row: CheckInRow,
  today: IsoDate,
  settings: Pick<Settings, 'checkInGraceDays'>,
): CheckInState {
  return stateAt(row, today, lateBefore(today, settings));
}

/** The states of many check-ins on one day: `checkInState` for each, the late day worked out once. */
export function checkInStates(
  rows: readonly CheckInRow[],
  today: IsoDate,
  settings: Pick<Settings, 'checkInGraceDays'>,
): CheckInState[] {
  const lateDay = lateBefore(today, settings);
  return rows.map((row) => stateAt(row, today, lateDay));
}

/** Open means neither held nor skipped: gepland or te laat. */
function isOpen(row: CheckInRow): boolean {
  return !row.held && !row.skipped.trim();
}

// ---------------------------------------------------------------------------------------------
// Recording a check-in from the sidebar

/** Longest 'Afspraken' (the step "doen") and 'Notities' accepted from the sidebar. */
export const MAX_AGREEMENTS = 2000;
export const MAX_NOTES = 5000;
/** Longest text of the steps ontdekken, dromen, ontwerpen, and of the worries. */
export const MAX_STEP = 2000;
/** Longest goal, start point or end point. */
export const MAX_GOAL = 300;
/** Longest skip reason. */
export const MAX_SKIP_REASON = 500;

/** A goal of the onboarding: where the newcomer starts, where they want to end, how it stands. */
export interface Goal {
  goal: string;
  start: string;
  end: string;
  status: GoalStatus;
}

/** A competence discussed at a check-in, with its level on the short scale. */
export interface LevelMark {
  competence: Competency;
  level: Level;
}

/** A check-in as recorded, checked. Competencies in the order of the NJI profile, no repeats. */
export interface CheckIn {
  /** Which planned check-in this records ('' = the first open one). */
  planned: IsoDate | '';
  held: IsoDate;
  /** The one 4D label older records carry; '' for a check-in recorded step by step. */
  phase: Phase | '';
  /** The steps ontdekken, dromen and ontwerpen; the fourth, doen, is `agreements`. */
  discovery: string;
  dream: string;
  design: string;
  /** Every competence discussed: those listed and those given a level. */
  competencies: Competency[];
  levels: LevelMark[];
  goals: Goal[];
  worries: string;
  wellbeing: number;
  click: Click;
  /** The step "doen": what the newcomer will do before the next check-in. */
  agreements: string;
  notes: string;
}

const CHECK_IN_FIELDS = [
  'planned',
  'held',
  'phase',
  'steps',
  'competencies',
  'levels',
  'goals',
  'worries',
  'wellbeing',
  'click',
  'agreements',
  'notes',
] as const;
export type CheckInField = (typeof CHECK_IN_FIELDS)[number];

/**
 * Why a value was refused (`field` names the input key; `params` only where listed):
 * - `notObject`: the input is not a plain object (field '').
 * - `unknownField`: a key that is not one of the fields (field = that key, cut to 40 characters).
 * - `missing`: a required field (held, wellbeing, click, agreements = doen) is absent or empty.
 * - `missingMany` {fields}: more than one required field is empty.
 * - `notDate` (held): not an existing `YYYY-MM-DD` day.
 * - `future` (held) {today}: after today.
 * - `beforeStart` (held) {start}: before the newcomer's start date (when it is known).
 * - `notPhase` (phase): not one of the four steps (Dutch or the study's English words).
 * - `notSteps` (steps): not an object; `notStep` (steps) {value}: a key that is no step.
 * - `notList` (competencies, levels, goals): not a list (or far too long).
 * - `notCompetency` (competencies, levels) {index, value}: not one of the seven.
 * - `notLevel` (levels) {index}: no level, or not oriënterend / op weg / zelfstandig (1–3).
 * - `twice` (levels) {index}: the same competence twice.
 * - `tooManyGoals` (goals) {max}: more than three goals.
 * - `notGoal` (goals) {index}: not an object with a goal text (keys goal, start, end, status).
 * - `notGoalStatus` (goals) {index}: not op koers, bereikt or bijgesteld.
 * - `notWellbeing` (wellbeing): not a whole number 1–5.
 * - `notClick` (click): not goed, twijfel or niet.
 * - `notText` (steps, worries, agreements, notes, reason): not a string.
 * - `tooLong` (steps, goals, worries, agreements, notes, reason) {max}: longer than `max` characters
 *   after trimming.
 */
export type ValidationCode =
  | 'notObject'
  | 'unknownField'
  | 'missing'
  | 'missingMany'
  | 'notDate'
  | 'future'
  | 'beforeStart'
  | 'notPhase'
  | 'notSteps'
  | 'notStep'
  | 'notList'
  | 'notCompetency'
  | 'notLevel'
  | 'twice'
  | 'tooManyGoals'
  | 'notGoal'
  | 'notGoalStatus'
  | 'notWellbeing'
  | 'notClick'
  | 'notText'
  | 'tooLong';

export type Validation<T> =
  | { ok: true; value: T }
  | { ok: false; field: string; code: ValidationCode; params: Readonly<Record<string, string | number>> };

function refuse(field: string, code: ValidationCode, params: Record<string, string | number> = {}) {
  return { ok: false as const, field, code, params };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

function absent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Finds a listed value loosely (case, accents, spaces, apostrophes ignored). */
function canonical<T extends string>(list: readonly T[], value: string): T | undefined {
  const wanted = normalizeName(value);
  return wanted ? list.find((v) => normalizeName(v) === wanted) : undefined;
}

/** A step by its Dutch name or one of its aliases (discovery, dream, design, delivery, …). */
export function stepOf(value: string): Step | undefined {
  const wanted = normalizeName(value);
  if (!wanted) return undefined;
  return STEPS.find((s) => s === wanted || STEP_ALIASES[s].some((a) => normalizeName(a) === wanted));
}

/** A competence by its exact NJI name, its short label or its English label, loosely. */
export function competenceOf(value: string): Competency | undefined {
  const wanted = normalizeName(value);
  if (!wanted) return undefined;
  const found = COMPETENCES.find(
    (c) =>
      normalizeName(c.name) === wanted || normalizeName(c.short) === wanted || normalizeName(c.en) === wanted,
  );
  return found ? (found.name as Competency) : undefined;
}

/** The short label of a competence ('interpersoonlijk'); anything else as it is. */
export function shortLabel(competence: string): string {
  return COMPETENCES.find((c) => c.name === competence)?.short ?? competence;
}

/** A level as a word (Dutch or English, loosely) or its number on the scale (1–3). */
export function levelOf(value: unknown): Level | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? LEVELS[value - 1] : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return LEVELS[Number(value) - 1];
  const wanted = normalizeName(value);
  if (!wanted) return undefined;
  return LEVELS.find((l) => normalizeName(l) === wanted || normalizeName(LEVEL_EN[l]) === wanted);
}

/** The number of a level on the scale: 1 oriënterend, 2 op weg, 3 zelfstandig. */
export function levelNumber(level: Level): number {
  return LEVELS.indexOf(level) + 1;
}

function goalStatusOf(value: string): GoalStatus | undefined {
  const wanted = normalizeName(value);
  return GOAL_STATUSES.find(
    (g) => normalizeName(g) === wanted || normalizeName(GOAL_STATUS_EN[g]) === wanted,
  );
}

function text(value: unknown, field: string, max: number): Validation<string> {
  if (absent(value)) return { ok: true, value: '' };
  if (typeof value !== 'string') return refuse(field, 'notText');
  const t = value.trim();
  return t.length > max ? refuse(field, 'tooLong', { max }) : { ok: true, value: t };
}

/** A goal's text for its cell: one line, no column separator. */
function oneLine(value: string): string {
  return value.replace(/\|/g, '/').replace(/\s*[\r\n]+\s*/g, ' ');
}

function validateSteps(steps: unknown): Validation<Partial<Record<Step, string>>> {
  if (absent(steps)) return { ok: true, value: {} };
  if (!isPlainObject(steps)) return refuse('steps', 'notSteps');
  const out: Partial<Record<Step, string>> = {};
  for (const key of Object.keys(steps)) {
    const step = stepOf(key);
    if (!step) return refuse('steps', 'notStep', { value: key.slice(0, 40) });
    const t = text(steps[key], 'steps', step === 'doen' ? MAX_AGREEMENTS : MAX_STEP);
    if (!t.ok) return t;
    if (t.value) out[step] = t.value;
  }
  return { ok: true, value: out };
}

function validateLevels(levels: unknown): Validation<LevelMark[]> {
  if (absent(levels)) return { ok: true, value: [] };
  // A list of {competence, level}, or one object {competence: level}.
  const entries: unknown[] = Array.isArray(levels)
    ? levels
    : isPlainObject(levels)
      ? Object.keys(levels).map((k) => ({ competence: k, level: levels[k] }))
      : [];
  if ((!Array.isArray(levels) && !isPlainObject(levels)) || entries.length > COMPETENCES.length * 2)
    return refuse('levels', 'notList');
  const out: LevelMark[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const name = isPlainObject(entry) ? entry.competence : undefined;
    const competence = typeof name === 'string' ? competenceOf(name) : undefined;
    if (!competence)
      return refuse('levels', 'notCompetency', { index: i, value: String(name ?? '').slice(0, 60) });
    const level = levelOf(isPlainObject(entry) ? entry.level : undefined);
    if (!level) return refuse('levels', 'notLevel', { index: i, competence: shortLabel(competence) });
    if (out.some((m) => m.competence === competence))
      return refuse('levels', 'twice', { index: i, competence: shortLabel(competence) });
    out.push({ competence, level });
  }
  return {
    ok: true,
    value: NJI_COMPETENCIES.flatMap((c) => out.filter((m) => m.competence === c)),
  };
}

const GOAL_KEYS = ['goal', 'start', 'end', 'status'];

function validateGoals(goals: unknown): Validation<Goal[]> {
  if (absent(goals)) return { ok: true, value: [] };
  if (!Array.isArray(goals) || goals.length > 20) return refuse('goals', 'notList');
  if (goals.length > MAX_GOALS) return refuse('goals', 'tooManyGoals', { max: MAX_GOALS });
  const out: Goal[] = [];
  for (let i = 0; i < goals.length; i++) {
    const g: unknown = goals[i];
    if (!isPlainObject(g) || Object.keys(g).some((k) => !GOAL_KEYS.includes(k)))
      return refuse('goals', 'notGoal', { index: i + 1 });
    const parts: string[] = [];
    for (const key of ['goal', 'start', 'end'] as const) {
      const t = text(g[key], 'goals', MAX_GOAL);
      if (!t.ok) return t.code === 'notText' ? refuse('goals', 'notGoal', { index: i + 1 }) : t;
      parts.push(oneLine(t.value));
    }
    if (!parts[0]) return refuse('goals', 'notGoal', { index: i + 1 });
    const status = absent(g.status)
      ? 'op koers'
      : typeof g.status === 'string'
        ? goalStatusOf(g.status)
        : undefined;
    if (!status) return refuse('goals', 'notGoalStatus', { index: i + 1 });
    out.push({ goal: parts[0], start: parts[1] ?? '', end: parts[2] ?? '', status });
  }
  return { ok: true, value: out };
}

/**
 * Checks a check-in sent by the sidebar or the page: `{held, steps?: {ontdekken, dromen,
 * ontwerpen, doen}, levels?, goals?, worries?, wellbeing, click, agreements?, notes?}` (older
 * clients: `phase` and `competencies`). Step names are the Dutch ones or the study's English words;
 * "doen" (or `agreements`, the same) is required. Competences are matched by their exact NJI name,
 * short label or English label, and returned by their NJI name. Levels come as a list of
 * `{competence, level}` or an object `{competence: level}`, a level as word or 1–3. At most three
 * goals, each with a text, optional start and end point, and a status (default op koers).
 * Wellbeing may come as a number or a digit string. Texts are trimmed; unknown keys are refused,
 * so a typo cannot silently drop data. A held day lies between the newcomer's `start` (when given)
 * and `today`. Returns the first problem, fields checked in the order above.
 */
export function validateCheckIn(
  input: unknown,
  today: IsoDate,
  start: IsoDate | '' = '',
): Validation<CheckIn> {
  if (!isPlainObject(input)) return refuse('', 'notObject');
  for (const key of Object.keys(input)) {
    if (!(CHECK_IN_FIELDS as readonly string[]).includes(key))
      return refuse(key.slice(0, 40), 'unknownField');
  }
  const { planned, held, phase, competencies, wellbeing, click, agreements, notes } = input;
  const steps = validateSteps(input.steps);
  const doen = steps.ok && steps.value.doen ? steps.value.doen : agreements;

  // Every required field that is empty, at once: the buddy fills them in one go.
  const missing = (['held', 'wellbeing', 'click'] as const).filter((f) => absent(input[f]));
  const all = absent(doen) ? [...missing, 'agreements'] : missing;
  if (all.length > 1) return refuse('', 'missingMany', { fields: all.join(',') });
  if (!absent(planned) && !isIsoDate(planned)) return refuse('planned', 'notDate');

  if (absent(held)) return refuse('held', 'missing');
  if (!isIsoDate(held)) return refuse('held', 'notDate');
  if (held > today) return refuse('held', 'future', { today });
  if (start && held < start) return refuse('held', 'beforeStart', { start });

  const thePhase = absent(phase) ? '' : typeof phase === 'string' ? stepOf(phase) : undefined;
  if (thePhase === undefined) return refuse('phase', 'notPhase');
  if (!steps.ok) return steps;

  const chosen = new Set<Competency>();
  if (!absent(competencies)) {
    if (!Array.isArray(competencies) || competencies.length > 20) return refuse('competencies', 'notList');
    for (let i = 0; i < competencies.length; i++) {
      const item: unknown = competencies[i];
      const found = typeof item === 'string' ? competenceOf(item) : undefined;
      if (!found)
        return refuse('competencies', 'notCompetency', { index: i, value: String(item ?? '').slice(0, 60) });
      chosen.add(found);
    }
  }
  const levels = validateLevels(input.levels);
  if (!levels.ok) return levels;
  for (const m of levels.value) chosen.add(m.competence);
  const goals = validateGoals(input.goals);
  if (!goals.ok) return goals;
  const worries = text(input.worries, 'worries', MAX_STEP);
  if (!worries.ok) return worries;

  if (absent(wellbeing)) return refuse('wellbeing', 'missing');
  const score =
    typeof wellbeing === 'string' && /^\s*[1-5]\s*$/.test(wellbeing) ? Number(wellbeing) : wellbeing;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    return refuse('wellbeing', 'notWellbeing');
  }

  if (absent(click)) return refuse('click', 'missing');
  const theClick = typeof click === 'string' ? canonical(CLICK_VALUES, click) : undefined;
  if (!theClick) return refuse('click', 'notClick');

  const theAgreements = text(doen, 'agreements', MAX_AGREEMENTS);
  if (!theAgreements.ok) return theAgreements;
  if (!theAgreements.value) return refuse('agreements', 'missing');
  const theNotes = text(notes, 'notes', MAX_NOTES);
  if (!theNotes.ok) return theNotes;

  return {
    ok: true,
    value: {
      planned: absent(planned) ? '' : (planned as IsoDate),
      held,
      phase: thePhase,
      discovery: steps.value.ontdekken ?? '',
      dream: steps.value.dromen ?? '',
      design: steps.value.ontwerpen ?? '',
      competencies: NJI_COMPETENCIES.filter((c) => chosen.has(c)),
      levels: levels.value,
      goals: goals.value,
      worries: worries.value,
      wellbeing: score,
      click: theClick,
      agreements: theAgreements.value,
      notes: theNotes.value,
    },
  };
}

/** Checks the reason for `skipCheckIn`: required text, at most MAX_SKIP_REASON characters. */
export function validateSkipReason(reason: unknown): Validation<string> {
  const t = text(reason, 'reason', MAX_SKIP_REASON);
  if (t.ok && t.value === '') return refuse('reason', 'missing');
  return t;
}

/** The cells a recorded check-in writes (beside the mail states, which stay as they are). */
export type RecordedFields = Pick<
  CheckInRow,
  | 'held'
  | 'phase'
  | 'competency'
  | 'wellbeing'
  | 'click'
  | 'agreements'
  | 'notes'
  | 'skipped'
  | 'recordedBy'
  | 'discovery'
  | 'dream'
  | 'design'
  | 'worries'
  | 'levels'
  | 'goals'
>;

/**
 * The cells to write for a recorded check-in. Recording clears a skip reason; the mail state
 * cells are left alone (a sent reminder stays sent). `goals` are the check-in's goals: when it
 * brings none, the caller passes the newcomer's current ones so every row shows how they stood.
 */
export function checkInFields(
  checkIn: CheckIn,
  recordedBy: Email,
  goals: readonly Goal[] = checkIn.goals,
): RecordedFields {
  return {
    held: checkIn.held,
    phase: checkIn.phase,
    competency: formatCompetencies(checkIn.competencies),
    wellbeing: checkIn.wellbeing,
    click: checkIn.click,
    agreements: checkIn.agreements,
    notes: checkIn.notes,
    skipped: '',
    recordedBy: recordedBy,
    discovery: checkIn.discovery,
    dream: checkIn.dream,
    design: checkIn.design,
    worries: checkIn.worries,
    levels: formatLevels(checkIn.levels),
    goals: formatGoals(goals),
  };
}

/** The 'Competentie (NJI)' cell: the competencies by their short labels, comma-separated. */
export function formatCompetencies(list: readonly string[]): string {
  return list.map(shortLabel).join(', ');
}

/**
 * Reads a 'Competentie (NJI)' cell: entries split on commas or semicolons, known ones by their NJI
 * name, anything else kept as typed (a person wrote it; it is shown, not dropped).
 */
export function parseCompetencies(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[,;]/)) {
    const t = part.trim();
    if (!t) continue;
    const found = competenceOf(t) ?? t;
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

/** The 'Competenties (niveau)' cell: "interpersoonlijk: op weg; organisatorisch: oriënterend". */
export function formatLevels(levels: readonly { competence: string; level: Level }[]): string {
  return levels.map((m) => `${shortLabel(m.competence)}: ${m.level}`).join('; ');
}

/** Reads a levels cell: known competences by their NJI name; entries without a known level are left out. */
export function parseLevels(cell: string): { competence: string; level: Level }[] {
  const out: { competence: string; level: Level }[] = [];
  for (const part of cell.split(/[;\n]/)) {
    const at = part.lastIndexOf(':');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const level = levelOf(part.slice(at + 1).trim());
    if (!name || !level) continue;
    const competence = competenceOf(name) ?? name;
    if (!out.some((m) => m.competence === competence)) out.push({ competence, level });
  }
  return out;
}

/** The 'Doelen' cell: one goal per line, "doel | beginpunt | eindpunt | status". */
export function formatGoals(goals: readonly Goal[]): string {
  return goals.map((g) => [g.goal, g.start, g.end, g.status].join(' | ')).join('\n');
}

/** Reads a 'Doelen' cell; a line without a known status counts as op koers. */
export function parseGoals(cell: string): Goal[] {
  return cell
    .split(/\r?\n/)
    .map((line) => line.split('|').map((p) => p.trim()))
    .filter((parts) => parts[0])
    .map((parts) => ({
      goal: parts[0]!,
      start: parts[1] ?? '',
      end: parts[2] ?? '',
      status: goalStatusOf(parts[3] ?? '') ?? 'op koers',
    }));
}

/** The newcomer's goals as they stand: those of the latest held check-in that has any. */
export function currentGoals(rows: readonly CheckInRow[]): Goal[] {
  const held = rows.filter((r) => r.held && r.goals.trim()).sort(byHeld);
  const last = held[held.length - 1];
  return last ? parseGoals(last.goals) : [];
}

/** One competence over the check-ins: the buddy's levels and the newcomer's own view, by held day. */
export interface GrowthLine {
  competence: string;
  points: { date: IsoDate; level: number }[];
  own: { date: IsoDate; level: number }[];
}

/** Each competence that got a level, over the held check-ins, in the profile's order. */
export function growth(rows: readonly CheckInRow[]): GrowthLine[] {
  const lines = new Map<string, GrowthLine>();
  const line = (competence: string) => {
    let l = lines.get(competence);
    if (!l) {
      l = { competence, points: [], own: [] };
      lines.set(competence, l);
    }
    return l;
  };
  for (const r of rows.filter((x) => x.held).sort(byHeld)) {
    for (const m of parseLevels(r.levels))
      line(m.competence).points.push({ date: r.held, level: levelNumber(m.level) });
    for (const m of parseLevels(r.newcomerLevels))
      line(m.competence).own.push({ date: r.held, level: levelNumber(m.level) });
  }
  const order = (c: string) => {
    const i = (NJI_COMPETENCIES as readonly string[]).indexOf(c);
    return i < 0 ? NJI_COMPETENCIES.length : i;
  };
  return [...lines.values()].sort((a, b) => order(a.competence) - order(b.competence));
}

/**
 * Whether a held check-in should alert the chef buddy about the klik: a "niet" from the buddy or
 * the newcomer, or a "twijfel" from the same side as at the previous held check-in with the same
 * buddy. `previous` is that check-in (or undefined).
 */
export function clickAlertReason(
  row: CheckInRow,
  previous: CheckInRow | undefined,
): 'niet' | 'tweeKeerTwijfel' | null {
  if (!row.held) return null;
  if (row.click === 'niet' || row.newcomerClick === 'niet') return 'niet';
  if (!previous) return null;
  if (row.click === 'twijfel' && previous.click === 'twijfel') return 'tweeKeerTwijfel';
  if (row.newcomerClick === 'twijfel' && previous.newcomerClick === 'twijfel') return 'tweeKeerTwijfel';
  return null;
}

// ---------------------------------------------------------------------------------------------
// The re-pairing signal

export interface RepairSignal {
  /** `niet`: a "niet"; `tweeKeerTwijfel`: two "twijfel" in a row. */
  reason: 'niet' | 'tweeKeerTwijfel';
  /** The held day of the check-in that raised it (the latest, for a run of "twijfel"). */
  date: IsoDate;
}

function byHeld(a: CheckInRow, b: CheckInRow): number {
  return a.held < b.held ? -1 : a.held > b.held ? 1 : 0;
}

/**
 * Should the chef buddy consider re-pairing? Reads the "klik" of the held check-ins of one
 * newcomer in order of the held day (rows with the same day keep their order). A "niet" raises
 * the signal; a "twijfel" right after a "twijfel" raises it; a "goed" clears it. So
 * twijfel-goed-twijfel is no signal, and niet-twijfel still is (nothing cleared the "niet").
 * Held check-ins without a klik are passed over. With `currentBuddy`, only rows whose buddy is
 * that buddy count: a new pair starts with a clean slate.
 */
export function repairSignal(rows: readonly CheckInRow[], currentBuddy?: Email): RepairSignal | null {
  const buddy = currentBuddy === undefined ? null : currentBuddy;
  const held = rows.filter((r) => r.held && r.click && (buddy === null || r.buddy === buddy));
  held.sort(byHeld);
  let signal: RepairSignal | null = null;
  let previous: CheckInRow['click'] = '';
  for (const row of held) {
    if (row.click === 'goed') signal = null;
    else if (row.click === 'niet') signal = { reason: 'niet', date: row.held };
    else if (previous === 'twijfel') signal = { reason: 'tweeKeerTwijfel', date: row.held };
    previous = row.click;
  }
  return signal;
}

// ---------------------------------------------------------------------------------------------
// A newcomer's timeline

export interface TimelineCheckIn {
  planned: IsoDate | '';
  held: IsoDate | '';
  state: CheckInStateName;
  daysLate: number | null;
  /** The reason when skipped, else ''. */
  skipped: string;
  buddy: string;
  phase: Phase | '';
  competencies: string[];
  wellbeing: number | null;
  click: Click | '';
  agreements: string;
  /** The steps ontdekken, dromen, ontwerpen ('' for older rows: they carry one `phase`). */
  discovery: string;
  dream: string;
  design: string;
  worries: string;
  levels: { competence: string; level: Level }[];
  goals: Goal[];
  /** The newcomer's own view of their competences at this check-in. */
  newcomerLevels: { competence: string; level: Level }[];
}

export interface Timeline {
  schedule: { done: number; total: number; byWeek: { week: number | null; done: number; total: number }[] };
  /** By planned day (no planned day last), then held day. Never the notes. */
  checkIns: TimelineCheckIn[];
  /** Held check-ins with a wellbeing of 1–5, by held day. */
  wellbeing: { date: IsoDate; value: number }[];
  /** The agreements of the latest held check-in that has any, and its held day ('' if none). */
  lastAgreements: string;
  lastAgreementsDate: IsoDate | '';
  /** The earliest planned day of an open (gepland or te laat) check-in. */
  nextCheckIn: IsoDate | null;
  /** At least one check-in, and every one held or skipped: the onboarding may be closed. */
  allHeld: boolean;
  /** The goals as they stand (latest held check-in with goals). */
  goals: Goal[];
  /** Each competence with a level, over the check-ins. */
  growth: GrowthLine[];
}

export interface TimelineInput {
  schedule: readonly ScheduleRow[];
  checkIns: readonly CheckInRow[];
  today: IsoDate;
  settings: Pick<Settings, 'checkInGraceDays'>;
}

/** A wellbeing value worth showing or averaging: a number from 1 to 5. */
export function isWellbeing(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 5;
}

/** What the sidebar shows of one newcomer: schedule progress, check-ins, wellbeing, agreements. */
export function timeline(newcomerEmail: Email, input: TimelineInput): Timeline {
  const who = newcomerEmail;
  const weeks = new Map<number | null, { week: number | null; done: number; total: number }>();
  let done = 0;
  let total = 0;
  for (const item of input.schedule) {
    if (!who || item.newcomer !== who) continue;
    total++;
    if (item.done) done++;
    let w = weeks.get(item.week);
    if (!w) {
      w = { week: item.week, done: 0, total: 0 };
      weeks.set(item.week, w);
    }
    w.total++;
    if (item.done) w.done++;
  }
  const byWeek = [...weeks.values()].sort(
    (a, b) => (a.week ?? Number.POSITIVE_INFINITY) - (b.week ?? Number.POSITIVE_INFINITY),
  );

  const rows = input.checkIns.filter((r) => who && r.newcomer === who);
  rows.sort(compareCheckIns);
  const lateDay = lateBefore(input.today, input.settings);
  const checkIns = rows.map((r): TimelineCheckIn => {
    const s = stateAt(r, input.today, lateDay);
    return {
      planned: r.planned,
      held: r.held,
      state: s.state,
      daysLate: s.daysLate ?? null,
      skipped: r.held ? '' : r.skipped.trim(),
      buddy: r.buddy,
      phase: r.phase,
      competencies: parseCompetencies(r.competency),
      wellbeing: r.held && isWellbeing(r.wellbeing) ? r.wellbeing : null,
      click: r.click,
      agreements: r.agreements,
      discovery: r.discovery,
      dream: r.dream,
      design: r.design,
      worries: r.worries,
      levels: parseLevels(r.levels),
      goals: parseGoals(r.goals),
      newcomerLevels: parseLevels(r.newcomerLevels),
    };
  });

  const held = rows.filter((r) => r.held).sort(byHeld);
  const wellbeing = held.flatMap((r) =>
    isWellbeing(r.wellbeing) ? [{ date: r.held, value: r.wellbeing }] : [],
  );
  let lastAgreements = '';
  let lastAgreementsDate = '';
  for (const r of held) {
    if (r.agreements.trim()) {
      lastAgreements = r.agreements.trim();
      lastAgreementsDate = r.held;
    }
  }
  let nextCheckIn: IsoDate | null = null;
  for (const r of rows)
    if (isOpen(r) && r.planned && (nextCheckIn === null || r.planned < nextCheckIn)) nextCheckIn = r.planned;

  return {
    schedule: { done, total, byWeek },
    checkIns,
    wellbeing,
    lastAgreements,
    lastAgreementsDate,
    nextCheckIn,
    allHeld: rows.length > 0 && rows.every((r) => !isOpen(r)),
    goals: currentGoals(rows),
    growth: growth(rows),
  };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The timeline's order of a newcomer's check-ins: by planned day, then by held day. */
export function compareCheckIns(a: CheckInRow, b: CheckInRow): number {
  return byText(a.planned || '9999', b.planned || '9999') || byText(a.held || '9999', b.held || '9999');
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * The three automatic messages about a check-in, each tracked in its own state cell:
 * - `buddyBefore` → `reminder` ('Herinnering (status)'): to the buddy, from `reminderDaysBefore`
 *   days before the planned day up to and including that day, while the check-in is gepland;
 * - `buddyLate` → `lateNotice` ('Te laat-melding (status)'): to the buddy, once it is te laat;
 * - `chiefLate` → `chiefNotice` ('Chef buddy-melding (status)'): to the location's chef buddy,
 *   once it is te laat and at least `chiefAlertDaysLate` days past the planned day.
 */
export type ReminderKind = 'buddyBefore' | 'buddyLate' | 'chiefLate' | 'chiefKlik';

export const REMINDER_FIELD = {
  buddyBefore: 'reminder',
  buddyLate: 'lateNotice',
  chiefLate: 'chiefNotice',
  chiefKlik: 'clickAlert',
} as const satisfies Record<ReminderKind, keyof CheckInRow>;

/** A klik alert is about a check-in held at most this many days ago (older ones are history). */
export const CLICK_ALERT_DAYS = 14;

export interface DueReminder {
  /** Position of the row in the `rows` given. */
  index: number;
  kind: ReminderKind;
  /** The state cell to mark. */
  field: (typeof REMINDER_FIELD)[ReminderKind];
  /** Its state now: `none`, or `pending` (e.g. a person typed "opnieuw" after a failure). */
  state: MailState;
  /** Stable mail id (`mailId`) from kind, newcomer and planned day. */
  id: string;
  newcomer: Email;
  /** The buddy on the row ('' when none; the caller decides whom to mail). */
  buddy: Email;
  planned: IsoDate;
  daysLate: number | null;
  /** Only for `chiefKlik`: why, and the day the check-in was held. */
  klik?: { reason: 'niet' | 'tweeKeerTwijfel'; held: IsoDate };
}

export interface ReminderOptions {
  /** When given, only check-ins of these newcomers are reminded about. */
  inOnboarding?: ReadonlySet<Email>;
  /** False when the sheet has no 'Klik-melding (status)' column yet: no klik alerts then. */
  clickAlerts?: boolean;
}

function mayGo(state: MailState): boolean {
  return state.kind === 'none' || state.kind === 'pending';
}

/**
 * The reminders whose moment has come and whose state cell is still empty (or pending): each
 * is due once, since the caller marks the cell. Ordered by row, then kind as listed above.
 * A before-reminder whose window passed unsent is not sent late (the late reminder follows).
 */
export function dueReminders(
  rows: readonly CheckInRow[],
  today: IsoDate,
  settings: Pick<Settings, 'checkInGraceDays' | 'reminderDaysBefore' | 'chiefAlertDaysLate'>,
  options: ReminderOptions = {},
): DueReminder[] {
  const lateDay = lateBefore(today, settings);
  const remindFrom = addDays(today, Math.max(0, Math.floor(settings.reminderDaysBefore)));
  const out: DueReminder[] = [];
  const clickFrom = addDays(today, -CLICK_ALERT_DAYS);
  const heldBefore = previousHeld(rows);
  rows.forEach((row, index) => {
    if (options.clickAlerts !== false && row.held && row.held >= clickFrom) {
      const newcomer = row.newcomer;
      const reason = clickAlertReason(row, heldBefore.get(index));
      const state = parseMailState(row.clickAlert);
      if (reason && newcomer && (!options.inOnboarding || options.inOnboarding.has(newcomer)) && mayGo(state))
        out.push({
          index,
          kind: 'chiefKlik',
          field: 'clickAlert',
          state,
          id: mailId('checkin-chiefKlik', newcomer, row.held),
          newcomer,
          buddy: row.buddy,
          planned: row.planned,
          daysLate: null,
          klik: { reason, held: row.held },
        });
    }
    if (!row.planned || !isOpen(row)) return;
    const newcomer = row.newcomer;
    if (!newcomer || (options.inOnboarding && !options.inOnboarding.has(newcomer))) return;
    const s = stateAt(row, today, lateDay);
    const add = (kind: ReminderKind, cell: string | undefined) => {
      if (cell === undefined) return;
      const state = parseMailState(cell);
      if (!mayGo(state)) return;
      out.push({
        index,
        kind,
        field: REMINDER_FIELD[kind],
        state,
        id: mailId(`checkin-${kind}`, newcomer, row.planned),
        newcomer,
        buddy: row.buddy,
        planned: row.planned,
        daysLate: s.daysLate ?? null,
      });
    };
    // planned − N ≤ today ≤ planned  ⇔  today ≤ planned ≤ today + N.
    if (s.state === 'gepland' && row.planned >= today && row.planned <= remindFrom)
      add('buddyBefore', row.reminder);
    if (s.state === 'te laat') {
      add('buddyLate', row.lateNotice);
      if ((s.daysLate ?? 0) >= settings.chiefAlertDaysLate) add('chiefLate', row.chiefNotice);
    }
  });
  return out;
}

/** For each held row (by position), the newcomer's held check-in just before it with the same buddy. */
function previousHeld(rows: readonly CheckInRow[]): Map<number, CheckInRow> {
  const byNewcomer = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!r.held) return;
    const key = r.newcomer;
    const list = byNewcomer.get(key);
    if (list) list.push(i);
    else byNewcomer.set(key, [i]);
  });
  const out = new Map<number, CheckInRow>();
  for (const list of byNewcomer.values()) {
    list.sort((a, b) => byHeld(rows[a]!, rows[b]!) || a - b);
    for (let k = 1; k < list.length; k++) {
      const row = rows[list[k]!]!;
      for (let j = k - 1; j >= 0; j--) {
        const before = rows[list[j]!]!;
        if (before.buddy === row.buddy) {
          out.set(list[k]!, before);
          break;
        }
      }
    }
  }
  return out;
}
