/**
 * Buddy pairing, the pure core: who may be a newcomer's buddy (and why not), how good a match is
 * (and why), and which newcomers still wait for a buddy. The proposal for a whole location is in
 * `pairingProposal.ts`, on the same scores. No I/O: the server re-checks `eligibility` under the
 * document lock with these same functions.
 */
import { addDays, daysBetween, type IsoDate, maxDate } from './dates';
import type { MessageParams } from './errors';
import { type Email, normalizeName } from './identity';
import type { RowOf } from './schema';
import type { Settings } from './settings';

type Staff = RowOf<'staff'>;
type Pairing = RowOf<'pairings'>;
type LocationRow = RowOf<'locations'>;

/** Everything pairing needs, as read from the sheet. `today` comes from the injected clock. */
export interface PairingInput {
  staff: readonly Staff[];
  pairings: readonly Pairing[];
  locations: readonly LocationRow[];
  settings: Settings;
  today: IsoDate;
}

/**
 * Why a colleague cannot be a newcomer's buddy, in this order (the first is the main reason):
 * - `noEmail` {}: the staff row has no e-mail address.
 * - `isNewcomer` {}: the colleague is the newcomer.
 * - `leaving` {}: status 'uit dienst'.
 * - `notActive` {status}: any other status than 'actief' ('nieuw' or empty).
 * - `otherLocation` {location}: works at another location and `pairAcrossLocations` is off.
 * - `notWilling` {}: 'Kan buddy zijn' is not ticked.
 * - `absent` {until}: 'Afwezig tot' is after the day the newcomer needs a buddy (see `neededFrom`).
 * - `currentBuddy` {}: already this newcomer's active buddy.
 * - `atCapacity` {load, capacity}: already buddy of `capacity` newcomers (see `buddyCapacity`).
 * Buddy rules from the settings (the study: "geruime ervaring binnen de school en het VSO cluster 4
 * en affiniteit voor begeleiden"); a chef buddy may pair anyway after confirming (see `RULE_CODES`):
 * - `tooNewAtSchool` {years, min}: fewer whole years since 'Startdatum' than `buddyMinYearsSchool`.
 * - `tooLittleVso` {years, min}: 'Jaren ervaring VSO' below `buddyMinYearsVso` (empty counts as 0).
 * - `noAffinity` {}: 'Affiniteit met begeleiden' not ticked while `buddyAffinityRequired`.
 */
export type ExclusionCode =
  | 'noEmail'
  | 'isNewcomer'
  | 'leaving'
  | 'notActive'
  | 'otherLocation'
  | 'notWilling'
  | 'absent'
  | 'currentBuddy'
  | 'atCapacity'
  | 'tooNewAtSchool'
  | 'tooLittleVso'
  | 'noAffinity';

/** The exclusions that are buddy rules: a person may override them, knowingly; proposals never do. */
export const RULE_CODES: ReadonlySet<ExclusionCode> = new Set([
  'tooNewAtSchool',
  'tooLittleVso',
  'noAffinity',
]);

/** True when every exclusion is a buddy rule (so a chef buddy may pair after confirming). */
export function onlyRules(exclusions: readonly Exclusion[]): boolean {
  return exclusions.length > 0 && exclusions.every((x) => RULE_CODES.has(x.code));
}

/** Whole years from `start` to `today` (0 without a start date or before it). */
export function yearsSince(start: IsoDate | '', today: IsoDate): number {
  if (!start || start > today) return 0;
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - sy - (tm < sm || (tm === sm && td < sd) ? 1 : 0);
}

/** The buddy rules a colleague does not meet, whoever the newcomer is. */
export function ruleExclusions(
  candidate: Staff,
  settings: Pick<Settings, 'buddyMinYearsSchool' | 'buddyMinYearsVso' | 'buddyAffinityRequired'>,
  today: IsoDate,
): Exclusion[] {
  const out: Exclusion[] = [];
  const minSchool = settings.buddyMinYearsSchool;
  const atSchool = yearsSince(candidate.startDate, today);
  if (minSchool > 0 && atSchool < minSchool)
    out.push({ code: 'tooNewAtSchool', params: { years: atSchool, min: minSchool } });
  const minVso = settings.buddyMinYearsVso;
  const vso = candidate.yearsVso ?? 0;
  if (minVso > 0 && vso < minVso) out.push({ code: 'tooLittleVso', params: { years: vso, min: minVso } });
  if (settings.buddyAffinityRequired && !candidate.coachingAffinity)
    out.push({ code: 'noAffinity', params: {} });
  return out;
}

export interface Exclusion {
  code: ExclusionCode;
  params: MessageParams;
}

/**
 * One term of a match score. `points` is what it adds (negative: subtracts); the score is the sum
 * of the points of its reasons. Codes and params:
 * - `experience` {years}: weightExperience × min(years, 10) / 10. Ten years in the VSO counts as
 *   fully experienced, so a veteran's 25 years cannot outweigh everything else.
 * - `affinity` {}: weightAffinity, for 'Affiniteit met begeleiden'.
 * - `sameRole` {role}: weightSameRole, same Functie (loosely compared; empty never matches).
 * - `sameSubject` {subject}: weightSameSubject, same Sectie/vak (idem).
 * - `sameLocation` {location}: SAME_LOCATION_WEIGHT, only when other locations are allowed.
 * - `room` {load, capacity}: weightRoom × (capacity − load) / capacity: "heeft nog ruimte".
 * - `recentBuddy` {count, last}: −weightRecent when the colleague was buddy in a pairing made in
 *   the last RECENT_DAYS days (active or not); `last` is the latest such 'Gekoppeld op'.
 * - `otherLocation` {location}: 0 points, tells that the buddy works elsewhere.
 * A reason with 0 points is left out, except `otherLocation`. Reasons are ordered by points,
 * highest first, then in the order above.
 */
export type ReasonCode =
  | 'experience'
  | 'affinity'
  | 'sameRole'
  | 'sameSubject'
  | 'sameLocation'
  | 'room'
  | 'recentBuddy'
  | 'otherLocation';

export interface Reason {
  code: ReasonCode;
  params: MessageParams;
  points: number;
}

/** Years in the VSO at which experience counts in full. */
export const EXPERIENCE_FULL_YEARS = 10;
/** A pairing made this many days ago or less makes its buddy a "recent buddy" (six months). */
export const RECENT_DAYS = 183;
/** Bonus for a buddy of the newcomer's own location, when other locations are allowed. */
export const SAME_LOCATION_WEIGHT = 3;

const REASON_ORDER: readonly ReasonCode[] = [
  'experience',
  'affinity',
  'sameRole',
  'sameSubject',
  'sameLocation',
  'room',
  'recentBuddy',
  'otherLocation',
];

/** Number of active pairings per buddy, by e-mail. */
export function buddyLoads(pairings: readonly Pairing[]): Map<Email, number> {
  const loads = new Map<Email, number>();
  for (const p of pairings) {
    if (p.status !== 'actief') continue;
    const buddy = p.buddy;
    if (buddy) loads.set(buddy, (loads.get(buddy) ?? 0) + 1);
  }
  return loads;
}

function slots(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : null;
}

/**
 * How many newcomers a colleague may guide at once: their own 'Max. koppelingen', else their
 * location's 'Max. nieuwe collega's per buddy', else the setting `defaultMaxPerBuddy`.
 */
export function buddyCapacity(
  candidate: Staff,
  locations: readonly LocationRow[],
  settings: Pick<Settings, 'defaultMaxPerBuddy'>,
): number {
  const own = slots(candidate.maxPairings);
  if (own !== null) return own;
  const where = normalizeName(candidate.location);
  const location = locations.find((l) => normalizeName(l.name) === where);
  return slots(location?.maxPerBuddy) ?? slots(settings.defaultMaxPerBuddy) ?? 0;
}

/**
 * The day from which a newcomer needs their buddy: the start date, or today when that is later
 * (or unknown). 'Afwezig tot' reads like Dutch "tot" (not "tot en met"): the colleague is back
 * on that day, so they are absent for the newcomer when `absentUntil > neededFrom`.
 */
export function neededFrom(newcomer: Pick<Staff, 'startDate'>, today: IsoDate): IsoDate {
  return newcomer.startDate ? maxDate(newcomer.startDate, today) : today;
}

/** Lookups built once per request, so that ranking thousands of colleagues stays linear. */
export interface Context {
  readonly input: PairingInput;
  readonly loads: Map<string, number>;
  readonly capacities: Map<string, number | null>;
  readonly activeBuddyOf: Map<Email, Email>;
  readonly recent: Map<string, { count: number; last: IsoDate }>;
  /** `normalizeName`, remembered: it is called for every row, often with the same text. */
  readonly norm: (text: string) => string;
}

export function contextOf(input: PairingInput): Context {
  const capacities = new Map<string, number | null>();
  for (const l of input.locations) {
    const key = normalizeName(l.name);
    if (!capacities.has(key)) capacities.set(key, slots(l.maxPerBuddy));
  }
  const since = addDays(input.today, -RECENT_DAYS);
  const activeBuddyOf = new Map<Email, Email>();
  const recent = new Map<string, { count: number; last: IsoDate }>();
  for (const p of input.pairings) {
    const buddy = p.buddy;
    if (p.status === 'actief') activeBuddyOf.set(p.newcomer, buddy);
    if (buddy && p.pairedOn && p.pairedOn >= since) {
      const seen = recent.get(buddy);
      if (!seen) recent.set(buddy, { count: 1, last: p.pairedOn });
      else {
        seen.count++;
        if (p.pairedOn > seen.last) seen.last = p.pairedOn;
      }
    }
  }
  const normalized = new Map<string, string>();
  const norm = (text: string) => {
    let key = normalized.get(text);
    if (key === undefined) {
      key = normalizeName(text);
      normalized.set(text, key);
    }
    return key;
  };
  return { input, loads: buddyLoads(input.pairings), capacities, activeBuddyOf, recent, norm };
}

export function capacityIn(ctx: Context, candidate: Staff): number {
  return (
    slots(candidate.maxPairings) ??
    ctx.capacities.get(ctx.norm(candidate.location)) ??
    slots(ctx.input.settings.defaultMaxPerBuddy) ??
    0
  );
}

function sameLocation(ctx: Context, a: Staff, b: Staff): boolean {
  return ctx.norm(a.location) === ctx.norm(b.location);
}

/** The outcome of `eligibility`. `load` and `capacity` are the buddy's, before this pairing. */
export type Eligibility =
  | { eligible: true; load: number; capacity: number }
  | { eligible: false; exclusions: Exclusion[]; load: number; capacity: number };

function eligibilityIn(ctx: Context, candidate: Staff, newcomer: Staff): Eligibility {
  const { settings, today } = ctx.input;
  const exclusions: Exclusion[] = [];
  const add = (code: ExclusionCode, params: MessageParams = {}) => exclusions.push({ code, params });
  const who = candidate.email;
  const newcomerKey = newcomer.email;
  if (!who) add('noEmail');
  else if (who === newcomerKey) add('isNewcomer');
  // Someone who left, or whose leaving date is set, is no longer a buddy.
  if (candidate.status === 'uit dienst' || candidate.leftOn) add('leaving');
  else if (candidate.status !== 'actief') add('notActive', { status: candidate.status });
  if (!settings.pairAcrossLocations && !sameLocation(ctx, candidate, newcomer))
    add('otherLocation', { location: candidate.location });
  if (!candidate.canBuddy) add('notWilling');
  if (candidate.absentUntil && candidate.absentUntil > neededFrom(newcomer, today))
    add('absent', { until: candidate.absentUntil });
  if (who && ctx.activeBuddyOf.get(newcomerKey) === who) add('currentBuddy');
  const load = who ? (ctx.loads.get(who) ?? 0) : 0;
  const capacity = capacityIn(ctx, candidate);
  if (load >= capacity) add('atCapacity', { load, capacity });
  exclusions.push(...ruleExclusions(candidate, settings, today));
  return exclusions.length === 0
    ? { eligible: true, load, capacity }
    : { eligible: false, exclusions, load, capacity };
}

/**
 * May `candidate` become `newcomer`'s buddy now? Lists every reason against, in the order of
 * `ExclusionCode`. Costs one pass over the pairings: cheap enough to re-check a single pair
 * under the document lock.
 */
export function eligibility(candidate: Staff, newcomer: Staff, input: PairingInput): Eligibility {
  return eligibilityIn(contextOf(input), candidate, newcomer);
}

/** Points in thousandths, so sums and comparisons are exact integers. */
export function milli(weight: number, fraction = 1): number {
  return Math.round(weight * 1000 * fraction);
}

export interface Term {
  code: ReasonCode;
  params: MessageParams;
  milli: number;
}

/** The part of the score that depends on the buddy alone (room at the given load). */
export function buddyTerms(ctx: Context, candidate: Staff, load: number, capacity: number): Term[] {
  const s = ctx.input.settings;
  const terms: Term[] = [];
  const years = candidate.yearsVso ?? 0;
  if (years > 0)
    terms.push({
      code: 'experience',
      params: { years },
      milli: milli(s.weightExperience, Math.min(years, EXPERIENCE_FULL_YEARS) / EXPERIENCE_FULL_YEARS),
    });
  if (candidate.coachingAffinity)
    terms.push({ code: 'affinity', params: {}, milli: milli(s.weightAffinity) });
  terms.push(roomTerm(ctx, load, capacity));
  const recent = ctx.recent.get(candidate.email);
  if (recent)
    terms.push({
      code: 'recentBuddy',
      params: { count: recent.count, last: recent.last },
      milli: -milli(s.weightRecent),
    });
  return terms;
}

export function roomTerm(ctx: Context, load: number, capacity: number): Term {
  const free = capacity > 0 ? Math.max(0, capacity - load) / capacity : 0;
  return { code: 'room', params: { load, capacity }, milli: milli(ctx.input.settings.weightRoom, free) };
}

/** The part of the score that depends on how buddy and newcomer match. */
function matchTerms(ctx: Context, candidate: Staff, newcomer: Staff): Term[] {
  const s = ctx.input.settings;
  const terms: Term[] = [];
  const role = ctx.norm(newcomer.role);
  if (role && role === ctx.norm(candidate.role))
    terms.push({ code: 'sameRole', params: { role: newcomer.role }, milli: milli(s.weightSameRole) });
  const subject = ctx.norm(newcomer.subject);
  if (subject && subject === ctx.norm(candidate.subject))
    terms.push({
      code: 'sameSubject',
      params: { subject: newcomer.subject },
      milli: milli(s.weightSameSubject),
    });
  if (s.pairAcrossLocations) {
    if (sameLocation(ctx, candidate, newcomer))
      terms.push({
        code: 'sameLocation',
        params: { location: newcomer.location },
        milli: milli(SAME_LOCATION_WEIGHT),
      });
    else terms.push({ code: 'otherLocation', params: { location: candidate.location }, milli: 0 });
  }
  return terms;
}

function explain(terms: Term[]): { score: number; reasons: Reason[] } {
  const kept = terms.filter((t) => t.milli !== 0 || t.code === 'otherLocation');
  kept.sort((a, b) => b.milli - a.milli || REASON_ORDER.indexOf(a.code) - REASON_ORDER.indexOf(b.code));
  const total = kept.reduce((sum, t) => sum + t.milli, 0);
  return {
    score: total / 1000,
    reasons: kept.map((t) => ({ code: t.code, params: t.params, points: t.milli / 1000 })),
  };
}

export function scoreIn(ctx: Context, candidate: Staff, newcomer: Staff, load: number, capacity: number) {
  return explain([...buddyTerms(ctx, candidate, load, capacity), ...matchTerms(ctx, candidate, newcomer)]);
}

/**
 * The match score of `candidate` for `newcomer` and its reasons (see `ReasonCode`), at the
 * buddy's current load plus `extraLoad` (to score pairs one after another). Does not check
 * eligibility. Scores are multiples of 0.001.
 */
export function scoreBuddy(
  candidate: Staff,
  newcomer: Staff,
  input: PairingInput,
  extraLoad = 0,
): { score: number; reasons: Reason[]; load: number; capacity: number } {
  const ctx = contextOf(input);
  const load = (ctx.loads.get(candidate.email) ?? 0) + extraLoad;
  const capacity = capacityIn(ctx, candidate);
  return { ...scoreIn(ctx, candidate, newcomer, load, capacity), load, capacity };
}

export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface NewcomerSummary {
  email: Email;
  name: string;
  location: string;
  role: string;
  subject: string;
  startDate: IsoDate | '';
}

function summary(s: Staff): NewcomerSummary {
  return {
    email: s.email,
    name: s.name,
    location: s.location,
    role: s.role,
    subject: s.subject,
    startDate: s.startDate,
  };
}

export interface Suggestion {
  email: Email;
  name: string;
  score: number;
  reasons: Reason[];
  load: number;
  capacity: number;
}

export interface Excluded {
  email: Email;
  name: string;
  exclusions: Exclusion[];
}

export interface Suggestions {
  newcomer: NewcomerSummary & { currentBuddy: Email };
  /** Eligible colleagues: highest score first, then lower load, then name, then e-mail. */
  suggestions: Suggestion[];
  /** Everyone else with all their exclusions: fewest exclusions first, then name, then e-mail. */
  excluded: Excluded[];
}

function findNewcomer(staff: readonly Staff[], email: Email): Staff | undefined {
  const key = email;
  if (!key) return undefined;
  const rows = staff.filter((s) => s.email === key);
  return rows.find((s) => s.status === 'nieuw') ?? rows[0];
}

/**
 * Ranked buddy suggestions for one newcomer, and the colleagues left out with why. Returns null
 * when no staff row has that e-mail (the caller turns that into a UserError). The newcomer's
 * `currentBuddy` is '' when they have no active buddy; that buddy is excluded as `currentBuddy`.
 */
export function suggestBuddies(newcomerEmail: Email, input: PairingInput): Suggestions | null {
  const newcomer = findNewcomer(input.staff, newcomerEmail);
  if (!newcomer) return null;
  const ctx = contextOf(input);
  const suggestions: Suggestion[] = [];
  const excluded: Excluded[] = [];
  for (const candidate of input.staff) {
    const e = eligibilityIn(ctx, candidate, newcomer);
    const email = candidate.email;
    if (e.eligible)
      suggestions.push({
        email,
        name: candidate.name,
        ...scoreIn(ctx, candidate, newcomer, e.load, e.capacity),
        load: e.load,
        capacity: e.capacity,
      });
    else excluded.push({ email, name: candidate.name, exclusions: e.exclusions });
  }
  const name = (row: { name: string }) => ctx.norm(row.name);
  suggestions.sort(
    (a, b) => b.score - a.score || a.load - b.load || byText(name(a), name(b)) || byText(a.email, b.email),
  );
  excluded.sort(
    (a, b) =>
      a.exclusions.length - b.exclusions.length || byText(name(a), name(b)) || byText(a.email, b.email),
  );
  return {
    newcomer: { ...summary(newcomer), currentBuddy: ctx.activeBuddyOf.get(newcomer.email) ?? '' },
    suggestions,
    excluded,
  };
}

export interface WaitingNewcomer extends NewcomerSummary {
  /** Days from today to the start date (negative once started); null without a start date. */
  daysUntilStart: number | null;
  /** True from the start date on: the newcomer is at school without a buddy. */
  overdue: boolean;
}

export function waitingIn(ctx: Context, location?: string): { row: Staff; waiting: WaitingNewcomer }[] {
  const { staff, today } = ctx.input;
  const where = location === undefined ? null : ctx.norm(location);
  const out: { row: Staff; waiting: WaitingNewcomer }[] = [];
  const seen = new Set<string>();
  for (const s of staff) {
    const email = s.email;
    if (s.status !== 'nieuw' || !email || seen.has(email) || ctx.activeBuddyOf.has(email)) continue;
    if (where !== null && ctx.norm(s.location) !== where) continue;
    seen.add(email);
    const daysUntilStart = s.startDate ? daysBetween(today, s.startDate) : null;
    out.push({
      row: s,
      waiting: { ...summary(s), daysUntilStart, overdue: daysUntilStart !== null && daysUntilStart <= 0 },
    });
  }
  out.sort(
    (a, b) =>
      byText(a.waiting.startDate || '9999', b.waiting.startDate || '9999') ||
      byText(ctx.norm(a.row.name), ctx.norm(b.row.name)) ||
      byText(a.waiting.email, b.waiting.email),
  );
  return out;
}

/**
 * "Nieuwe collega's zonder buddy": staff with status 'nieuw' and an e-mail, without an active
 * pairing, optionally of one location. Soonest start first (no start date last), then name.
 */
export function unpairedNewcomers(input: PairingInput, location?: string): WaitingNewcomer[] {
  return waitingIn(contextOf(input), location).map((w) => w.waiting);
}
