/**
 * Onboarding schedules, the pure core: which template rows apply to a location, how protocol weeks
 * land on the school's working days, who "with whom" is (roles, shadow hosts spread fairly across
 * newcomers), the planned check-ins, and what "Werk schema bij" would change. No I/O.
 */
import type { DayOffReason, SchoolCalendar, WorkingDay } from './calendar';
import { isAllLocations, sameLocation } from './calendar';
import { addDays, type IsoDate, isIsoDate, mondayOf } from './dates';
import { normalizeName, type RowOf, type ScheduleKind } from './schema';
import type { Settings } from './settings';

type Staff = RowOf<'staff'>;
type TemplateRow = RowOf<'templates'>;
/** A row of `Inwerkschema`. */
export type ScheduleRow = RowOf<'schedule'>;

/** Parameters of a warning, for the translated text. JSON-safe. */
export type Params = Readonly<Record<string, string | number>>;

/** A person as a schedule shows them. */
export interface PersonRef {
  readonly name: string;
  readonly email: string;
}

/** Texts written into `Met` when nobody could be resolved (Dutch: they land in the sheet). */
export const PLACEHOLDERS = {
  buddy: 'buddy nog niet gekoppeld',
  chiefBuddy: 'chef buddy nog niet ingesteld',
  schoolLeader: 'schoolleider nog niet ingesteld',
  ib: 'IB-er nog te kiezen',
  backup: 'achtervang nog te kiezen',
  shadowHost: 'meeloopcollega nog te kiezen',
} as const;

/**
 * What a template's "Met" means:
 * - `buddy`, `chiefBuddy` (chef buddy), `schoolLeader` (schoolleider), `ib` (IB-er, intern
 *   begeleider), `backup` (achtervang), `shadowHost` (meeloopcollega): roles, resolved per newcomer;
 * - `named`: anything else, kept as written (matched to a colleague by name or e-mail when possible);
 * - `none`: empty.
 */
export type WithRole = keyof typeof PLACEHOLDERS | 'named' | 'none';

const ROLE_WORDS: Record<string, WithRole> = {
  buddy: 'buddy',
  chefbuddy: 'chiefBuddy',
  chiefbuddy: 'chiefBuddy',
  schoolleider: 'schoolLeader',
  schoolleiding: 'schoolLeader',
  schoolleader: 'schoolLeader',
  iber: 'ib',
  ibber: 'ib',
  ib: 'ib',
  internbegeleider: 'ib',
  internebegeleider: 'ib',
  achtervang: 'backup',
  backup: 'backup',
  meeloopcollega: 'shadowHost',
  meeloopcollegas: 'shadowHost',
  shadowhost: 'shadowHost',
};

/** The role a "Met" value names (case, spaces and punctuation ignored). */
export function roleOf(withText: string): WithRole {
  const key = normalizeName(withText);
  if (key === '') return 'none';
  return ROLE_WORDS[key] ?? 'named';
}

/** True for a Functie that makes someone the location's IB-er (intern begeleider). */
export function isIbRole(role: string): boolean {
  const key = normalizeName(role);
  return roleOf(role) === 'ib' || key.includes('internbegeleid') || key.includes('internebegeleid');
}

/** True for a Functie of someone who teaches a class (leraar, docent, leerkracht, mentor). */
export function isTeacherRole(role: string): boolean {
  const key = normalizeName(role);
  return ['leraar', 'docent', 'leerkracht', 'mentor', 'teacher'].some((w) => key.includes(w));
}

/**
 * Whether a colleague is the kind a shadowing line asks for (`Met (soort collega)`): mentor,
 * leraar in de klas, andere sectie (a teacher of another Sectie/vak than the newcomer), IB-er,
 * orthopedagoog, teamleider; any other text matches a Functie that contains it. Empty: anyone.
 */
export function fitsHostKind(
  kind: string,
  colleague: Pick<Staff, 'role' | 'subject'>,
  newcomer: Pick<Staff, 'subject'>,
): boolean {
  const want = normalizeName(kind);
  if (want === '') return true;
  const role = normalizeName(colleague.role);
  switch (want) {
    case 'mentor':
      return role.includes('mentor');
    case 'leraarindeklas':
    case 'leraar':
    case 'docent':
    case 'leerkracht':
      return isTeacherRole(colleague.role);
    case 'anderesectie': {
      const theirs = normalizeName(colleague.subject);
      return isTeacherRole(colleague.role) && theirs !== '' && theirs !== normalizeName(newcomer.subject);
    }
    case 'iber':
    case 'ib':
    case 'internbegeleider':
      return isIbRole(colleague.role);
    case 'orthopedagoog':
      return role.includes('orthopedagoog') || role.includes('gedragswetenschapper');
    case 'teamleider':
      return ['teamleider', 'afdelingsleider', 'locatieleider'].some((w) => role.includes(w));
    default:
      return role !== '' && role.includes(want);
  }
}

/**
 * Whether a template line is for a newcomer with this Functie (`Voor functie`): empty means every
 * newcomer; otherwise one of its comma-separated words must occur in the Functie, so
 * "leraar, docent, mentor" fits a "Leraar Engels" and not an onderwijsassistent.
 */
export function fitsRole(forRole: string, newcomerRole: string): boolean {
  const words = forRole
    .split(/[,;/]+/)
    .map(normalizeName)
    .filter(Boolean);
  if (words.length === 0) return true;
  const role = normalizeName(newcomerRole);
  return role !== '' && words.some((w) => role.includes(w));
}

/**
 * Why an item is not on its template day:
 * - `dayOff`: that day is off (`description` says why: "Koningsdag", "Studiedag");
 * - `beforeStart`: the day is before the start date, in the first week.
 * The item moved to the first working day after it in the same week, or, when the week has none
 * after it, to the last working day of that week before it.
 */
export interface Moved {
  readonly from: IsoDate;
  readonly code: 'dayOff' | 'beforeStart';
  readonly description: string;
}

/** One line of a generated schedule. */
export interface ScheduleItem {
  readonly date: IsoDate;
  /** Protocol week, 1 = the start's week (see `WeekPlan`). */
  readonly week: number;
  readonly activity: string;
  /** Display text for `Met`: a name, a placeholder, or the template text as written. */
  readonly with: string;
  /** The resolved person's e-mail, '' when none. */
  readonly withEmail: string;
  readonly kind: ScheduleKind | '';
  readonly role: WithRole;
  /** False when `with` is a placeholder (nobody found yet). */
  readonly resolved: boolean;
  /** Set when the item is not on its template day. */
  readonly moved?: Moved;
  /** True for check-ins added from `checkInWeeks` (not in the template). */
  readonly generated?: boolean;
}

/**
 * Warning codes and their params (the caller translates them):
 * - `noStartDate` {}: the newcomer has no valid start date; no items.
 * - `noTemplate` {location}: no template rows apply to the location.
 * - `templateRowIncomplete` {location, week, day, activity}: a row without a valid week (a whole
 *   number ≥ 1), day or activity; skipped.
 * - `startMoved` {from, to, description}: the start date is a day off; the schedule starts on the
 *   next working day. `description` is '' for a weekend.
 * - `weekSkipped` {monday, description}: a calendar week without any working day (a school
 *   holiday) lies within the schedule; protocol weeks continue after it.
 * - `holidaysMissing` {year, schoolYear}: the schedule runs through school year `schoolYear`
 *   ("2027–2028"; `year` 2027) but `Vrije dagen` has no school holidays for it.
 * - `noBuddy` {}: no buddy yet; items show `PLACEHOLDERS.buddy`.
 * - `noChiefBuddy` {location} and `noSchoolLeader` {}: idem.
 * - `noIb` {location, date, activity}: no present IB-er at the location that day.
 * - `noBackup` {location, date, activity}: no present experienced colleague (see `generate`).
 * - `noShadowHost` {location, date, activity, max}: no colleague left who can host that day.
 * - `colleagueAbsent` {name, date, activity}: a named colleague is absent that day (kept anyway).
 * - `hostFallback` {location, date, activity, hostKind}: no colleague of the kind the line asks
 *   for could host; another colleague was chosen.
 */
export type WarningCode =
  | 'noStartDate'
  | 'noTemplate'
  | 'templateRowIncomplete'
  | 'startMoved'
  | 'weekSkipped'
  | 'holidaysMissing'
  | 'noBuddy'
  | 'noChiefBuddy'
  | 'noSchoolLeader'
  | 'noIb'
  | 'noBackup'
  | 'noShadowHost'
  | 'colleagueAbsent'
  | 'hostFallback';

export interface ScheduleWarning {
  readonly code: WarningCode;
  readonly params: Params;
}

export interface GeneratedSchedule {
  readonly newcomer: string;
  /** The first working day on or after the requested start date; '' without a start date. */
  readonly start: IsoDate;
  readonly items: readonly ScheduleItem[];
  readonly warnings: readonly ScheduleWarning[];
}

/** Per newcomer: who they are, who helps them, and their location's calendar. */
export interface ScheduleInput {
  readonly newcomer: Staff;
  readonly buddy: Staff | null;
  readonly chiefBuddy: PersonRef | null;
  readonly schoolLeader: PersonRef | null;
  readonly calendar: SchoolCalendar;
}

/** Shared by all newcomers of one request: read once, indexed once. */
export interface PlannerContext {
  /** All staff rows (shadow hosts, IB-ers, backups, named colleagues). */
  readonly staff: readonly Staff[];
  /** All `Schemasjablonen` rows. */
  readonly templates: readonly TemplateRow[];
  readonly settings: Pick<Settings, 'checkInWeeks' | 'shadowMaxPerWeek'>;
  /**
   * `Inwerkschema` rows (any newcomer). Everyone else's shadow hosting counts towards the weekly
   * maximum. A newcomer's own rows do not count when generating for them (they are being
   * replaced), but the hosts and achtervang they name are kept where still allowed.
   */
  readonly existingSchedule: readonly ScheduleRow[];
}

// ---------------------------------------------------------------------------------------------
// Templates

const DAY_NUMBER: Record<string, number> = { maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5 };

/** A template row that applies, with its weekday number (1 = maandag … 5 = vrijdag). */
export interface ResolvedTemplateRow extends TemplateRow {
  readonly dayNumber: number;
}

/**
 * The template of one location. The rule, per (week, day): when the location has rows of its own
 * for that week and day, those replace the base ('alle') rows of that week and day; otherwise the
 * base rows apply. So a location adds an item by copying the day's base rows and adding a line,
 * and changes one day without repeating the rest of the week. Order: week, day, sheet order.
 * Incomplete rows of the location or the base are returned in `skipped`.
 */
export function resolveTemplate(
  rows: readonly TemplateRow[],
  location: string,
): { rows: ResolvedTemplateRow[]; skipped: TemplateRow[] } {
  type Indexed = { row: ResolvedTemplateRow; index: number };
  const base: Indexed[] = [];
  const own: Indexed[] = [];
  const skipped: TemplateRow[] = [];
  rows.forEach((row, index) => {
    const isBase = isAllLocations(row.location);
    if (!isBase && !sameLocation(row.location, location)) return;
    const dayNumber = DAY_NUMBER[row.day] ?? 0;
    const week = row.week;
    if (
      week === null ||
      !Number.isInteger(week) ||
      week < 1 ||
      dayNumber === 0 ||
      row.activity.trim() === ''
    ) {
      skipped.push(row);
      return;
    }
    (isBase ? base : own).push({ row: { ...row, dayNumber }, index });
  });
  const slot = (r: ResolvedTemplateRow) => `${r.week}|${r.dayNumber}`;
  const ownSlots = new Set(own.map((x) => slot(x.row)));
  const chosen = [...base.filter((x) => !ownSlots.has(slot(x.row))), ...own];
  chosen.sort(
    (a, b) =>
      (a.row.week as number) - (b.row.week as number) ||
      a.row.dayNumber - b.row.dayNumber ||
      a.index - b.index,
  );
  return { rows: chosen.map((x) => x.row), skipped };
}

// ---------------------------------------------------------------------------------------------
// Weeks

/** More consecutive calendar weeks without a working day than this is taken for bad data. */
const MAX_EMPTY_WEEKS = 26;

/**
 * Protocol weeks on the school calendar. Week 1 is the calendar week of the (moved) start date,
 * from the start on. Week N+1 is the next calendar week that has at least one working day: a
 * week-long school holiday pauses the protocol instead of swallowing a protocol week, so week 2
 * after a start just before the Herfstvakantie is the week after it. The same numbering places
 * the check-ins of week 6 and 13.
 */
export class WeekPlan {
  private readonly weeks: { monday: IsoDate; days: readonly WorkingDay[] }[] = [];
  /** Calendar weeks skipped so far: their Monday and why the Monday is off. */
  readonly skipped: { monday: IsoDate; reason: DayOffReason | null }[] = [];
  private nextMonday: IsoDate;

  constructor(
    private readonly calendar: SchoolCalendar,
    readonly start: IsoDate,
  ) {
    const monday = mondayOf(start);
    this.weeks.push({ monday, days: calendar.workingWeekdays(monday).filter((d) => d.date >= start) });
    this.nextMonday = calendar.mondayAfter(monday);
  }

  private week(week: number): { monday: IsoDate; days: readonly WorkingDay[] } {
    while (this.weeks.length < week) {
      let empty = 0;
      let days = this.calendar.workingWeekdays(this.nextMonday);
      while (days.length === 0) {
        if (++empty > MAX_EMPTY_WEEKS)
          throw new RangeError(`No working day in ${empty} weeks from ${this.start}`);
        this.skipped.push({ monday: this.nextMonday, reason: this.calendar.dayOffReason(this.nextMonday) });
        this.nextMonday = this.calendar.mondayAfter(this.nextMonday);
        days = this.calendar.workingWeekdays(this.nextMonday);
      }
      this.weeks.push({ monday: this.nextMonday, days });
      this.nextMonday = this.calendar.mondayAfter(this.nextMonday);
    }
    return this.weeks[week - 1]!;
  }

  /** The working days of protocol week `week` (≥ 1), in order; never empty. */
  days(week: number): IsoDate[] {
    return this.week(week).days.map((d) => d.date);
  }

  /** The Monday of the calendar week that protocol week `week` is in. */
  monday(week: number): IsoDate {
    return this.week(week).monday;
  }

  /**
   * Where a template day lands in a protocol week: that weekday when it is a working day (and not
   * before the start), else the first working day after it in the same week, else the last one
   * before it. `moved` tells why when it is not that weekday.
   */
  place(week: number, dayNumber: number): { date: IsoDate; moved?: Moved } {
    const { monday, days } = this.week(week);
    const found = days.find((d) => d.weekday >= dayNumber) ?? days[days.length - 1]!;
    if (found.weekday === dayNumber) return { date: found.date };
    const from = addDays(monday, dayNumber - 1);
    const reason = this.calendar.dayOffReason(from);
    // A working day that was skipped can only lie before the start, in week 1.
    if (reason === null || reason.code === 'weekend') {
      return { date: found.date, moved: { from, code: 'beforeStart', description: '' } };
    }
    return { date: found.date, moved: { from, code: 'dayOff', description: reason.description } };
  }

  /** The last working day of a protocol week: where a check-in from the settings goes. */
  lastDay(week: number): IsoDate {
    const days = this.week(week).days;
    return days[days.length - 1]!.date;
  }
}

/**
 * The planned check-ins of a newcomer: the template's check-in items (kind `check-in`) of the
 * location, plus one on the last working day of each week of `checkInWeeks` that the template
 * leaves without one. Sorted by date. `startDate` may be a day off (it moves, as in a schedule).
 */
export function plannedCheckIns(
  startDate: IsoDate,
  calendar: SchoolCalendar,
  settings: Pick<Settings, 'checkInWeeks'>,
  templates: readonly TemplateRow[],
): { week: number; date: IsoDate }[] {
  const plan = new WeekPlan(calendar, calendar.nextWorkingDay(startDate));
  const resolved = resolveTemplate(templates, calendar.location).rows;
  const out = resolved
    .filter((r) => r.kind === 'check-in')
    .map((r) => ({ week: r.week as number, date: plan.place(r.week as number, r.dayNumber).date }));
  for (const week of extraCheckInWeeks(resolved, settings.checkInWeeks)) {
    out.push({ week, date: plan.lastDay(week) });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.week - b.week));
}

function extraCheckInWeeks(rows: readonly ResolvedTemplateRow[], weeks: readonly number[]): number[] {
  const covered = new Set(rows.filter((r) => r.kind === 'check-in').map((r) => r.week));
  return [...new Set(weeks)]
    .filter((w) => Number.isInteger(w) && w >= 1 && !covered.has(w))
    .sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// People

/** Deterministic 32-bit FNV-1a hash; spreads tie-breaks without randomness. */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function absentOn(person: Staff, date: IsoDate): boolean {
  return person.absentUntil !== '' && person.absentUntil >= date;
}

function display(person: PersonRef): string {
  return person.name.trim() || person.email.trim();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Who a schedule line is with, once resolved. */
interface Who {
  readonly with: string;
  readonly withEmail: string;
  readonly resolved: boolean;
}

/** A schedule line placed on its date, before "with whom" is resolved. */
interface Draft {
  readonly date: IsoDate;
  readonly week: number;
  readonly activity: string;
  readonly withText: string;
  /** The kind of colleague a shadowing line asks for ('' for anyone). */
  readonly hostKind: string;
  readonly kind: ScheduleKind | '';
  readonly moved: Moved | undefined;
  readonly generated: boolean;
}

/** A staff row with its e-mail key, computed once. */
interface Colleague {
  readonly staff: Staff;
  readonly email: string;
  /** hashText(email), once per planner: the tie-break mixes it with the newcomer's hash. */
  readonly hash: number;
}

/** A well-spread 32-bit mix of two hashes (murmur3's finaliser), for per-newcomer tie-breaks. */
function mixHashes(a: number, b: number): number {
  let h = (a ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const NONE: ReadonlyMap<string, number> = new Map();

/** Weekly and total counts per colleague e-mail, with each newcomer's share so it can be replaced. */
class Ledger {
  /** monday → colleague → count. */
  private readonly week = new Map<IsoDate, Map<string, number>>();
  private readonly total = new Map<string, number>();
  private readonly byNewcomer = new Map<string, { host: string; monday: IsoDate }[]>();

  add(newcomer: string, host: string, monday: IsoDate): void {
    this.bump(host, monday, 1);
    getOrAdd(this.byNewcomer, newcomer, () => []).push({ host, monday });
  }

  /** Forgets a newcomer's share: their schedule is being made again. */
  removeNewcomer(newcomer: string): void {
    for (const e of this.byNewcomer.get(newcomer) ?? []) this.bump(e.host, e.monday, -1);
    this.byNewcomer.delete(newcomer);
  }

  /** The counts of one week (read-only use); look a colleague up with `.get(email) ?? 0`. */
  weekOf(monday: IsoDate): ReadonlyMap<string, number> {
    return this.week.get(monday) ?? NONE;
  }

  overall(host: string): number {
    return this.total.get(host) ?? 0;
  }

  private bump(host: string, monday: IsoDate, by: number): void {
    const week = getOrAdd(this.week, monday, () => new Map<string, number>());
    week.set(host, (week.get(host) ?? 0) + by);
    this.total.set(host, (this.total.get(host) ?? 0) + by);
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * The colleague that passes `ok` with the lowest `rank`; ties go to the lowest `tie` (a hash),
 * then the lowest e-mail. One pass without allocation: it runs for every slot of every schedule.
 */
function pick(
  list: readonly Colleague[],
  ok: (c: Colleague) => boolean,
  rank: (c: Colleague) => number,
  tie: (c: Colleague) => number,
): Colleague | undefined {
  let found: Colleague | undefined;
  let foundRank = 0;
  let foundTie = -1;
  for (const c of list) {
    if (!ok(c)) continue;
    const r = rank(c);
    if (found === undefined || r < foundRank) {
      found = c;
      foundRank = r;
      foundTie = -1;
      continue;
    }
    if (r > foundRank) continue;
    if (foundTie < 0) foundTie = tie(found);
    const t = tie(c);
    if (t < foundTie || (t === foundTie && c.email < found.email)) {
      found = c;
      foundTie = t;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Generation

/**
 * Makes schedules for one or many newcomers. Build it once per request: staff and templates are
 * indexed once, and shadow hosting is counted across every schedule it makes (and the existing
 * ones), so that generating for a whole location spreads hosts over all newcomers.
 */
export class SchedulePlanner {
  private readonly byEmail = new Map<string, Staff>();
  private readonly byName = new Map<string, Staff>();
  /** Active colleagues with an e-mail, per normalised location, in sheet order. */
  private readonly activeByLocation = new Map<string, Colleague[]>();
  private readonly templateByLocation = new Map<string, ReturnType<typeof resolveTemplate>>();
  /** Shadow hosting (kind 'meelopen'). */
  private readonly shadow = new Ledger();
  /** Every appearance of a colleague in any schedule: spreads the backups. */
  private readonly busy = new Ledger();
  private readonly maxPerWeek: number;
  private readonly roles = new Map<string, WithRole>();
  private readonly normalized = new Map<string, string>();
  /** Per newcomer, per (date, activity): who their current rows name. Keeps hosts on regeneration. */
  private readonly planned = new Map<string, Map<string, Staff[]>>();

  constructor(private readonly context: PlannerContext) {
    for (const s of context.staff) {
      const email = emailKey(s.email);
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, s);
      const name = normalizeName(s.name);
      if (name && !this.byName.has(name)) this.byName.set(name, s);
      if (s.status !== 'actief' || !email) continue;
      const loc = normalizeName(s.location);
      getOrAdd(this.activeByLocation, loc, () => []).push({ staff: s, email, hash: hashText(email) });
    }
    // Values below 1 would make shadowing impossible; they count as 1.
    this.maxPerWeek = Math.max(1, Math.floor(context.settings.shadowMaxPerWeek) || 1);
    for (const row of context.existingSchedule) {
      if (!isIsoDate(row.date)) continue;
      const person = this.findPerson(row.with);
      if (!person) continue;
      const newcomer = emailKey(row.newcomer);
      const host = emailKey(person.email);
      const monday = mondayOf(row.date);
      this.busy.add(newcomer, host, monday);
      if (row.kind === 'meelopen') this.shadow.add(newcomer, host, monday);
      const slots = getOrAdd(this.planned, newcomer, () => new Map<string, Staff[]>());
      getOrAdd(slots, this.plannedKey(row.date, row.activity), () => []).push(person);
    }
  }

  /** A colleague by e-mail or (loosely) by name, as written in a `Met` cell. */
  findPerson(text: string): Staff | undefined {
    return this.byEmail.get(emailKey(text)) ?? this.byName.get(normalizeName(text));
  }

  private template(location: string): ReturnType<typeof resolveTemplate> {
    return getOrAdd(this.templateByLocation, normalizeName(location), () =>
      resolveTemplate(this.context.templates, location),
    );
  }

  /**
   * The schedule of one newcomer (replacing, in the host counts, any schedule made or read for
   * them before). Rules:
   * - Dates: see `WeekPlan` (protocol weeks on working days) and `WeekPlan.place` (moved items).
   * - buddy → the buddy; chef buddy / schoolleider → the given person; otherwise a placeholder.
   * - IB-er → the first active colleague of the location (sheet order) whose Functie is IB-er or
   *   intern begeleider, present that day, not the newcomer; the same one all schedule long when
   *   possible.
   * - achtervang → an experienced colleague of the location: active, 'Kan buddy zijn' ticked (the
   *   protocol's bar for experience), not the newcomer, not the buddy, present that day. The same
   *   one for every achtervang item when possible; else the one least often in any schedule that
   *   week, then the most years in the VSO, then a per-newcomer hash.
   * - meeloopcollega → each slot a different active colleague of the location, never the newcomer,
   *   not absent that day, hosting fewer than `shadowMaxPerWeek` times that calendar week across
   *   all schedules. Fairness: not the buddy when anyone else can, then fewest times this week,
   *   then fewest overall, then a hash of (newcomer, colleague): deterministic, and different
   *   newcomers get different first choices.
   * - anything else stays as written; a colleague found by that name or e-mail gives `withEmail`.
   * - Regeneration is stable: a shadow host or achtervang that the newcomer's current rows in
   *   `existingSchedule` name for the same (date, activity) stays when still allowed (a host that
   *   is now the buddy is replaced), so pairing a buddy changes the buddy lines, not the hosts.
   */
  generate(input: ScheduleInput): GeneratedSchedule {
    const { newcomer, calendar } = input;
    const me = emailKey(newcomer.email);
    const location = newcomer.location;
    const warnings: ScheduleWarning[] = [];
    const seen = new Set<string>();
    const warn = (code: WarningCode, params: Params = {}) => {
      let key: string = code;
      for (const k in params) key += `|${params[k]}`;
      if (!seen.has(key)) {
        seen.add(key);
        warnings.push({ code, params });
      }
    };
    this.shadow.removeNewcomer(me);
    this.busy.removeNewcomer(me);

    if (!isIsoDate(newcomer.startDate)) {
      warn('noStartDate');
      return { newcomer: me, start: '', items: [], warnings };
    }
    const start = calendar.nextWorkingDay(newcomer.startDate);
    if (start !== newcomer.startDate) {
      warn('startMoved', {
        from: newcomer.startDate,
        to: start,
        description: calendar.dayOffReason(newcomer.startDate)?.description ?? '',
      });
    }
    const template = this.template(location);
    for (const r of template.skipped) {
      warn('templateRowIncomplete', {
        location: r.location,
        week: r.week ?? '',
        day: r.day,
        activity: r.activity,
      });
    }
    if (template.rows.length === 0) warn('noTemplate', { location });

    const plan = new WeekPlan(calendar, start);
    let drafts: Draft[] = [];
    // Lines for another Functie (an onderwijsassistent does not take over lessons) are left out.
    const rows = template.rows.filter((r) => fitsRole(r.forRole ?? '', newcomer.role));
    for (const r of rows) {
      const week = r.week as number;
      const { date, moved } = plan.place(week, r.dayNumber);
      const activity = r.activity.trim();
      drafts.push({
        date,
        week,
        activity,
        withText: r.with,
        hostKind: r.hostKind ?? '',
        kind: r.kind,
        moved,
        generated: false,
      });
    }
    // A line that a day off moved onto a day that has the same line already is not doubled.
    const lineKey = (d: Draft) => `${d.date}|${this.norm(d.activity)}|${this.norm(d.withText)}`;
    const unmoved = new Set(drafts.filter((d) => !d.moved).map(lineKey));
    const movedSeen = new Set<string>();
    drafts = drafts.filter((d) => {
      if (!d.moved) return true;
      const key = lineKey(d);
      if (unmoved.has(key) || movedSeen.has(key)) return false;
      movedSeen.add(key);
      return true;
    });
    // "Veelal zelfstandig, met iemand beschikbaar om te ondersteunen of in te grijpen": a week
    // with an independent line with a backup names a backup on every one of its working days.
    for (const r of rows) {
      if (r.kind !== 'zelfstandig' || this.roleOf(r.with) !== 'backup') continue;
      const week = r.week as number;
      for (const date of plan.days(week)) {
        if (
          drafts.some(
            (d) => d.date === date && d.kind === 'zelfstandig' && this.roleOf(d.withText) === 'backup',
          )
        )
          continue;
        drafts.push({
          date,
          week,
          activity: r.activity.trim(),
          withText: r.with,
          hostKind: '',
          kind: r.kind,
          moved: undefined,
          generated: true,
        });
      }
    }
    for (const week of extraCheckInWeeks(template.rows, this.context.settings.checkInWeeks)) {
      const date = plan.lastDay(week);
      drafts.push({
        date,
        week,
        activity: `Check-in week ${week}`,
        withText: 'buddy',
        hostKind: '',
        kind: 'check-in',
        moved: undefined,
        generated: true,
      });
    }
    // Stable sort by date keeps template order within a day.
    const ordered = drafts.map((d, i) => ({ d, i }));
    ordered.sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : a.i - b.i));

    const usedHosts = new Set<string>();
    const sticky: { ib?: Colleague; backup?: Colleague } = {};
    const meHash = hashText(me);
    const buddyEmail = input.buddy ? emailKey(input.buddy.email) : '';
    const earlier = new Map<string, Staff[]>();
    for (const [key, people] of this.planned.get(me) ?? []) earlier.set(key, [...people]);
    const items: ScheduleItem[] = [];
    const pool = this.pool(location);
    // Hosts that the current rows name for a later slot are kept free for it, so replacing one
    // host does not shift all the others.
    const reserved = new Set<string>();
    for (const { d } of ordered) {
      if (this.roleOf(d.withText) !== 'shadowHost') continue;
      for (const p of earlier.get(this.plannedKey(d.date, d.activity)) ?? []) reserved.add(emailKey(p.email));
    }
    for (const { d } of ordered) {
      const role = this.roleOf(d.withText);
      const person = (p: PersonRef): Who => ({
        with: display(p),
        withEmail: emailKey(p.email),
        resolved: true,
      });
      const placeholder = (): Who => ({
        with: PLACEHOLDERS[role as keyof typeof PLACEHOLDERS],
        withEmail: '',
        resolved: false,
      });
      const where = { location, date: d.date, activity: d.activity };
      const monday = plan.monday(d.week);
      const week = (ledger: Ledger) => ledger.weekOf(monday);
      /** Who the newcomer's current row for this slot names, when still in the pool and `ok`. */
      const kept = (ok: (c: Colleague) => boolean) => {
        const previous = earlier.get(this.plannedKey(d.date, d.activity))?.shift();
        const c = previous && pool.find((x) => x.staff === previous);
        return c && ok(c) ? c : undefined;
      };
      // Deterministic, and different for every newcomer, so first choices spread over colleagues.
      const tieBreak = (c: Colleague) => mixHashes(meHash, c.hash);
      let who: Who;
      switch (role) {
        case 'buddy':
          who = input.buddy ? person(input.buddy) : placeholder();
          if (!input.buddy) warn('noBuddy');
          break;
        case 'chiefBuddy':
          who = input.chiefBuddy ? person(this.named(input.chiefBuddy)) : placeholder();
          if (!input.chiefBuddy) warn('noChiefBuddy', { location });
          break;
        case 'schoolLeader':
          who = input.schoolLeader ? person(this.named(input.schoolLeader)) : placeholder();
          if (!input.schoolLeader) warn('noSchoolLeader');
          break;
        case 'ib': {
          const ok = (c: Colleague) => c.email !== me && isIbRole(c.staff.role) && !absentOn(c.staff, d.date);
          const ib = sticky.ib && ok(sticky.ib) ? sticky.ib : pool.find(ok);
          if (ib) sticky.ib = ib;
          who = ib ? person(ib.staff) : placeholder();
          if (!ib) warn('noIb', where);
          break;
        }
        case 'backup': {
          const ok = (c: Colleague) =>
            c.email !== me && c.email !== buddyEmail && c.staff.canBuddy && !absentOn(c.staff, d.date);
          const busy = week(this.busy);
          const backup =
            kept(ok) ??
            (sticky.backup && ok(sticky.backup) ? sticky.backup : undefined) ??
            pick(
              pool,
              ok,
              // Least busy this week first, then the most years of experience (up to 999).
              (c) => (busy.get(c.email) ?? 0) * 1000 - Math.min(999, Math.max(0, c.staff.yearsVso ?? 0)),
              tieBreak,
            );
          if (backup) {
            sticky.backup = backup;
            this.busy.add(me, backup.email, monday);
          }
          who = backup ? person(backup.staff) : placeholder();
          if (!backup) warn('noBackup', where);
          break;
        }
        case 'shadowHost': {
          const hosting = week(this.shadow);
          const ok = (c: Colleague) =>
            c.email !== me &&
            !usedHosts.has(c.email) &&
            !absentOn(c.staff, d.date) &&
            (hosting.get(c.email) ?? 0) < this.maxPerWeek;
          // Not the buddy, then fewest times this week, then fewest overall (below a million).
          const fairer = (c: Colleague) =>
            (c.email === buddyEmail ? 1e12 : 0) +
            (hosting.get(c.email) ?? 0) * 1e6 +
            Math.min(999_999, this.shadow.overall(c.email));
          // The kind of colleague the line asks for first; anyone else only as a fallback, with a warning.
          const fits = (c: Colleague) => fitsHostKind(d.hostKind, c.staff, newcomer);
          const ofKind = (c: Colleague) => ok(c) && fits(c);
          // The current rows' host for this slot, taken once (`kept` consumes it).
          const previous = kept(() => true);
          const keep = (f: (c: Colleague) => boolean) => (previous && f(previous) ? previous : undefined);
          const chosen =
            keep((c) => ofKind(c) && c.email !== buddyEmail) ??
            pick(pool, (c) => ofKind(c) && !reserved.has(c.email), fairer, tieBreak) ??
            pick(pool, ofKind, fairer, tieBreak);
          const host =
            chosen ??
            (d.hostKind.trim()
              ? (keep((c) => ok(c) && c.email !== buddyEmail) ??
                pick(pool, (c) => ok(c) && !reserved.has(c.email), fairer, tieBreak) ??
                pick(pool, ok, fairer, tieBreak))
              : undefined);
          if (host && !chosen) warn('hostFallback', { ...where, hostKind: d.hostKind.trim() });
          if (host) {
            usedHosts.add(host.email);
            this.shadow.add(me, host.email, monday);
            this.busy.add(me, host.email, monday);
          }
          who = host ? person(host.staff) : placeholder();
          if (!host) warn('noShadowHost', { ...where, max: this.maxPerWeek });
          break;
        }
        case 'named': {
          const found = this.findPerson(d.withText);
          who = found ? person(found) : { with: d.withText.trim(), withEmail: '', resolved: true };
          if (found && absentOn(found, d.date))
            warn('colleagueAbsent', { name: display(found), date: d.date, activity: d.activity });
          break;
        }
        default:
          who = { with: '', withEmail: '', resolved: true };
      }
      // Built field by field: spreading objects of varying shapes was the main cost at 1,000 schedules.
      const item: Mutable<ScheduleItem> = {
        date: d.date,
        week: d.week,
        activity: d.activity,
        with: who.with,
        withEmail: who.withEmail,
        kind: d.kind,
        role,
        resolved: who.resolved,
      };
      if (d.moved) item.moved = d.moved;
      if (d.generated) item.generated = true;
      items.push(item);
    }

    const mine = new Map<string, Staff[]>();
    for (const i of items) {
      const found = i.withEmail ? this.byEmail.get(i.withEmail) : undefined;
      if (found) getOrAdd(mine, this.plannedKey(i.date, i.activity), () => []).push(found);
    }
    this.planned.set(me, mine);

    for (const s of plan.skipped) {
      if (items.length > 0 && s.monday < items[items.length - 1]!.date) {
        warn('weekSkipped', { monday: s.monday, description: s.reason?.description ?? '' });
      }
    }
    const last = items.length > 0 ? items[items.length - 1]!.date : start;
    for (const year of calendar.schoolYearsWithoutHolidays(start, last)) {
      warn('holidaysMissing', { year, schoolYear: `${year}–${year + 1}` });
    }
    return { newcomer: me, start, items, warnings };
  }

  /** Memoised: `normalizeName` (Unicode normalisation and two regexes) adds up over 1,000 schedules. */
  private plannedKey(date: IsoDate, activity: string): string {
    return `${date}|${getOrAdd(this.normalized, activity, () => normalizeName(activity))}`;
  }

  private norm(text: string): string {
    return getOrAdd(this.normalized, text, () => normalizeName(text));
  }

  private roleOf(withText: string): WithRole {
    return getOrAdd(this.roles, withText, () => roleOf(withText));
  }

  /** A chef buddy or school leader given by e-mail gets their name from the staff sheet. */
  private named(p: PersonRef): PersonRef {
    if (p.name.trim()) return p;
    const found = this.byEmail.get(emailKey(p.email));
    return found ? { name: found.name, email: p.email } : p;
  }

  private pool(location: string): readonly Colleague[] {
    return this.activeByLocation.get(normalizeName(location)) ?? [];
  }
}

/** One newcomer's schedule, with a planner of its own (use `SchedulePlanner` for many). */
export function generateSchedule(input: ScheduleInput & PlannerContext): GeneratedSchedule {
  return new SchedulePlanner(input).generate(input);
}

/** The `Inwerkschema` rows of a generated schedule (not done). */
export function toScheduleRows(newcomerEmail: string, items: readonly ScheduleItem[]): ScheduleRow[] {
  const newcomer = emailKey(newcomerEmail);
  return items.map((i) => {
    const line = { date: i.date, week: i.week, activity: i.activity, with: i.with, kind: i.kind };
    return { newcomer, ...line, done: false, check: lineCheck(line) };
  });
}

/**
 * A short fingerprint of a line as Wegwijs wrote it (day, activity, with whom). Kept in the row's
 * `Controle` cell: when a person edits the line, the fingerprint no longer matches, and
 * regeneration keeps their edit. Stored in the sheet, so it scales with the sheet.
 */
export function lineCheck(line: Pick<ScheduleLine, 'date' | 'activity' | 'with'>): string {
  return hashText(`${line.date}|${normalizeName(line.activity)}|${line.with.trim()}`).toString(36);
}

/** The lines of the last generation: rows whose fingerprint still matches them. */
export function generatedLines(rows: readonly ScheduleRow[]): ScheduleLine[] {
  return rows.filter((r) => r.check !== '' && r.check === lineCheck(r));
}

// ---------------------------------------------------------------------------------------------
// Regeneration

/** The fields of a schedule line that regeneration compares. */
export type ScheduleLine = Pick<ScheduleRow, 'date' | 'week' | 'activity' | 'with' | 'kind'>;

/** What "Werk schema bij" would do. `rows` is the result: keep + changed + added, by date. */
export interface ScheduleDiff {
  readonly keep: ScheduleRow[];
  readonly add: ScheduleRow[];
  readonly remove: ScheduleRow[];
  readonly change: { from: ScheduleRow; to: ScheduleRow }[];
  readonly rows: ScheduleRow[];
}

/** The slot of a line: (week, kind, activity) loosely; the same slot is the same event. */
export function slotKey(line: Pick<ScheduleLine, 'week' | 'kind' | 'activity'>): string {
  return `${line.week ?? ''}|${line.kind}|${normalizeName(line.activity)}`;
}

function sameLine(a: ScheduleLine, b: ScheduleLine): boolean {
  return (
    a.date === b.date &&
    normalizeName(a.activity) === normalizeName(b.activity) &&
    a.with.trim() === b.with.trim()
  );
}

/**
 * Compares a newcomer's rows in `Inwerkschema` with a new generation. Lines are matched by slot
 * (`slotKey`; the n-th line of a slot, by date, matches the n-th). Rules, per existing row:
 * - done → kept as it is, and its slot's new line is not added (no duplicate);
 * - edited by hand → kept, and likewise takes its slot's new line. With `previous` (the lines as
 *   generated last time), a row is edited by hand when it equals (date, activity, with) none of
 *   them. Without `previous`, a row is taken as edited by hand only when its slot is not in the new
 *   generation (a line added or renamed by hand); a generated-looking row whose date or `with`
 *   was changed by hand is then replaced — pass `previous` to keep those too;
 * - otherwise, generated → unchanged when equal to its slot's new line, changed when different,
 *   removed when the new generation has no such slot.
 * New lines whose slot matched nothing are added.
 */
export function updateSchedule(
  existing: readonly ScheduleRow[],
  next: readonly ScheduleLine[],
  previous?: readonly ScheduleLine[],
): ScheduleDiff {
  const newcomer = existing[0]?.newcomer ?? '';
  const byDate = <T extends ScheduleLine>(list: readonly T[]) =>
    list
      .map((x, i) => ({ x, i }))
      .sort((a, b) => (a.x.date < b.x.date ? -1 : a.x.date > b.x.date ? 1 : a.i - b.i))
      .map((e) => e.x);
  const slots = new Map<string, ScheduleLine[]>();
  for (const line of byDate(next)) {
    const key = slotKey(line);
    const list = slots.get(key);
    if (list) list.push(line);
    else slots.set(key, [line]);
  }
  const keep: ScheduleRow[] = [];
  const remove: ScheduleRow[] = [];
  const change: { from: ScheduleRow; to: ScheduleRow }[] = [];
  const toRow = (line: ScheduleLine, row?: ScheduleRow): ScheduleRow => ({
    newcomer: row?.newcomer ?? newcomer,
    date: line.date,
    week: line.week,
    activity: line.activity,
    with: line.with,
    kind: line.kind,
    done: false,
    check: lineCheck(line),
  });
  for (const row of byDate(existing)) {
    const list = slots.get(slotKey(row));
    const match = list?.shift();
    const byHand = previous ? !previous.some((p) => sameLine(p, row)) : match === undefined;
    if (row.done || byHand) keep.push(row);
    else if (!match) remove.push(row);
    else if (sameLine(match, row)) keep.push(row);
    else change.push({ from: row, to: toRow(match, row) });
  }
  const add: ScheduleRow[] = [];
  for (const list of slots.values()) for (const line of list) add.push(toRow(line));
  const rows = byDate([...keep, ...change.map((c) => c.to), ...add]);
  return { keep, add: byDate(add), remove, change, rows };
}
