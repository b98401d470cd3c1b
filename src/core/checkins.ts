/**
 * Check-ins, the pure core: the state of a planned check-in, checking what the sidebar sends when
 * one is recorded, the re-pairing signal from the "klik", a newcomer's timeline, and which buddy
 * reminders and chef buddy notices are due. No I/O. Notes go in (validated, then written by
 * `checkInFields`) but never out: the timeline and the reminders do not carry them.
 */
import { addDays, daysBetween, type IsoDate, isIsoDate } from './dates';
import { type MailState, mailId, parseMailState } from './mailState';
import { emailKey } from './pairing';
import { CLICK_VALUES, NJI_COMPETENCIES, normalizeName, PHASES_4D, type RowOf } from './schema';
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
export function plannedCheckIn(newcomer: string, buddy: string, planned: IsoDate): CheckInRow {
  return {
    newcomer: emailKey(newcomer),
    buddy: emailKey(buddy),
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

/** Open means neither held nor skipped: gepland or te laat. */
function isOpen(row: CheckInRow): boolean {
  return !row.held && !row.skipped.trim();
}

// ---------------------------------------------------------------------------------------------
// Recording a check-in from the sidebar

/** Longest 'Afspraken' and 'Notities' accepted from the sidebar. */
export const MAX_AGREEMENTS = 2000;
export const MAX_NOTES = 5000;
/** Longest skip reason. */
export const MAX_SKIP_REASON = 500;

/** A check-in as recorded, checked. Competencies in the order of the NJI profile, no repeats. */
export interface CheckIn {
  /** Which planned check-in this records ('' = the first open one). */
  planned: IsoDate | '';
  held: IsoDate;
  phase: Phase;
  competencies: Competency[];
  wellbeing: number;
  click: Click;
  agreements: string;
  notes: string;
}

const CHECK_IN_FIELDS = [
  'planned',
  'held',
  'phase',
  'competencies',
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
 * - `missing`: a required field (held, phase, wellbeing, click) is absent or empty.
 * - `notDate` (held): not an existing `YYYY-MM-DD` day.
 * - `future` (held) {today}: after today.
 * - `beforeStart` (held) {start}: before the newcomer's start date (when it is known).
 * - `notPhase` (phase): not one of ontdekken, dromen, ontwerpen, doen.
 * - `notList` (competencies): not an array (or longer than 20).
 * - `notCompetency` (competencies) {index}: the entry at `index` is not one of the seven.
 * - `notWellbeing` (wellbeing): not a whole number 1–5.
 * - `notClick` (click): not goed, twijfel or niet.
 * - `notText` (agreements, notes, reason): not a string.
 * - `tooLong` (agreements, notes, reason) {max}: longer than `max` characters after trimming.
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
  | 'notList'
  | 'notCompetency'
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

function text(value: unknown, field: string, max: number): Validation<string> {
  if (absent(value)) return { ok: true, value: '' };
  if (typeof value !== 'string') return refuse(field, 'notText');
  const t = value.trim();
  return t.length > max ? refuse(field, 'tooLong', { max }) : { ok: true, value: t };
}

/**
 * Checks a check-in sent by the sidebar: `{held, phase, competencies?, wellbeing, click,
 * agreements?, notes?}`. Competencies may be empty, each must be one of the seven (matched
 * loosely, returned in canonical spelling). Wellbeing may come as a number or a digit string
 * (a `<select>` value). Texts are trimmed; absent texts become ''. Unknown keys are refused, so a
 * typo cannot silently drop data. A held day lies between the newcomer's `start` (when given) and
 * `today`. Returns the first problem, fields checked in the order above.
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

  // Every required field that is empty, at once: the buddy fills them in one go.
  const missing = (['held', 'phase', 'wellbeing', 'click'] as const).filter((f) => absent(input[f]));
  if (missing.length > 1) return refuse('', 'missingMany', { fields: missing.join(',') });
  if (!absent(planned) && !isIsoDate(planned)) return refuse('planned', 'notDate');

  if (absent(held)) return refuse('held', 'missing');
  if (!isIsoDate(held)) return refuse('held', 'notDate');
  if (held > today) return refuse('held', 'future', { today });
  if (start && held < start) return refuse('held', 'beforeStart', { start });

  if (absent(phase)) return refuse('phase', 'missing');
  const thePhase = typeof phase === 'string' ? canonical(PHASES_4D, phase) : undefined;
  if (!thePhase) return refuse('phase', 'notPhase');

  const chosen = new Set<Competency>();
  if (!absent(competencies)) {
    if (!Array.isArray(competencies) || competencies.length > 20) return refuse('competencies', 'notList');
    for (let i = 0; i < competencies.length; i++) {
      const item: unknown = competencies[i];
      const found = typeof item === 'string' ? canonical(NJI_COMPETENCIES, item) : undefined;
      if (!found) return refuse('competencies', 'notCompetency', { index: i });
      chosen.add(found);
    }
  }

  if (absent(wellbeing)) return refuse('wellbeing', 'missing');
  const score =
    typeof wellbeing === 'string' && /^\s*[1-5]\s*$/.test(wellbeing) ? Number(wellbeing) : wellbeing;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    return refuse('wellbeing', 'notWellbeing');
  }

  if (absent(click)) return refuse('click', 'missing');
  const theClick = typeof click === 'string' ? canonical(CLICK_VALUES, click) : undefined;
  if (!theClick) return refuse('click', 'notClick');

  const theAgreements = text(agreements, 'agreements', MAX_AGREEMENTS);
  if (!theAgreements.ok) return theAgreements;
  const theNotes = text(notes, 'notes', MAX_NOTES);
  if (!theNotes.ok) return theNotes;

  return {
    ok: true,
    value: {
      planned: absent(planned) ? '' : (planned as IsoDate),
      held,
      phase: thePhase,
      competencies: NJI_COMPETENCIES.filter((c) => chosen.has(c)),
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

/**
 * The cells to write for a recorded check-in. Recording clears a skip reason; the mail state
 * cells are left alone (a sent reminder stays sent).
 */
export function checkInFields(
  checkIn: CheckIn,
  recordedBy: string,
): Pick<
  CheckInRow,
  'held' | 'phase' | 'competency' | 'wellbeing' | 'click' | 'agreements' | 'notes' | 'skipped' | 'recordedBy'
> {
  return {
    held: checkIn.held,
    phase: checkIn.phase,
    competency: formatCompetencies(checkIn.competencies),
    wellbeing: checkIn.wellbeing,
    click: checkIn.click,
    agreements: checkIn.agreements,
    notes: checkIn.notes,
    skipped: '',
    recordedBy: emailKey(recordedBy),
  };
}

/** The 'Competentie (NJI)' cell: the competencies, comma-separated. */
export function formatCompetencies(list: readonly string[]): string {
  return list.join(', ');
}

/**
 * Reads a 'Competentie (NJI)' cell: entries split on commas or semicolons, known ones in canonical
 * spelling, anything else kept as typed (a person wrote it; it is shown, not dropped).
 */
export function parseCompetencies(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[,;]/)) {
    const t = part.trim();
    if (!t) continue;
    const found = canonical(NJI_COMPETENCIES, t) ?? t;
    if (!out.includes(found)) out.push(found);
  }
  return out;
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
export function repairSignal(rows: readonly CheckInRow[], currentBuddy?: string): RepairSignal | null {
  const buddy = currentBuddy === undefined ? null : emailKey(currentBuddy);
  const held = rows.filter((r) => r.held && r.click && (buddy === null || emailKey(r.buddy) === buddy));
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
export function timeline(newcomerEmail: string, input: TimelineInput): Timeline {
  const who = emailKey(newcomerEmail);
  const weeks = new Map<number | null, { week: number | null; done: number; total: number }>();
  let done = 0;
  let total = 0;
  for (const item of input.schedule) {
    if (!who || emailKey(item.newcomer) !== who) continue;
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

  const rows = input.checkIns.filter((r) => who && emailKey(r.newcomer) === who);
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
      buddy: emailKey(r.buddy),
      phase: r.phase,
      competencies: parseCompetencies(r.competency),
      wellbeing: r.held && isWellbeing(r.wellbeing) ? r.wellbeing : null,
      click: r.click,
      agreements: r.agreements,
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
export type ReminderKind = 'buddyBefore' | 'buddyLate' | 'chiefLate';

export const REMINDER_FIELD = {
  buddyBefore: 'reminder',
  buddyLate: 'lateNotice',
  chiefLate: 'chiefNotice',
} as const satisfies Record<ReminderKind, keyof CheckInRow>;

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
  newcomer: string;
  /** The buddy on the row ('' when none; the caller decides whom to mail). */
  buddy: string;
  planned: IsoDate;
  daysLate: number | null;
}

export interface ReminderOptions {
  /** When given, only check-ins of these newcomers (`emailKey`) are reminded about. */
  inOnboarding?: ReadonlySet<string>;
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
  rows.forEach((row, index) => {
    if (!row.planned || !isOpen(row)) return;
    const newcomer = emailKey(row.newcomer);
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
        buddy: emailKey(row.buddy),
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
