/**
 * The overview for the school leader, the pure core: figures per location and in total, and the
 * list of what needs attention. Figures and statuses only: never notes, never a person's
 * wellbeing (an average over fewer than WELLBEING_MIN_NEWCOMERS newcomers is withheld). Every
 * input is indexed once and each row visited a constant number of times, so 10,000 staff and
 * 20,000 check-ins stay well under a second (tests/core/overview.test.ts prints the time).
 */

import { type CheckInRow, isWellbeing, lateBefore, repairSignal } from './checkins';
import { addDays, daysBetween, type IsoDate } from './dates';
import type { MessageParams } from './errors';
import { type MailState, parseMailState } from './mailState';
import { buddyCapacity, buddyLoads } from './pairing';
import { isLeft } from './roles';
import { normalizeName, type RowOf } from './schema';
import type { Settings } from './settings';

type Staff = RowOf<'staff'>;
type Pairing = RowOf<'pairings'>;
type ScheduleRow = RowOf<'schedule'>;
type LocationRow = RowOf<'locations'>;

export interface OverviewInput {
  staff: readonly Staff[];
  pairings: readonly Pairing[];
  schedule: readonly ScheduleRow[];
  checkIns: readonly CheckInRow[];
  locations: readonly LocationRow[];
  settings: Pick<Settings, 'checkInGraceDays' | 'defaultMaxPerBuddy' | 'welcomeWorkdaysBefore'>;
  today: IsoDate;
}

/** "Starting soon": the start date lies within this many days from today (today included). */
export const SOON_DAYS = 14;
/** An average wellbeing is shown only when at least this many newcomers contributed to it. */
export const WELLBEING_MIN_NEWCOMERS = 3;

/**
 * The figures of one location, or of all (then `location` is null). Everything counts newcomers
 * in onboarding (status 'nieuw') and what belongs to them, except the buddy load.
 */
export interface Figures {
  location: string | null;
  /** Newcomers in onboarding (distinct e-mail addresses). */
  newcomers: number;
  /** Of whom without an active pairing. */
  withoutBuddy: number;
  /** Of whom starting within SOON_DAYS days (today ≤ start ≤ today + 14) whose welcome packet is neither sent nor planned. */
  startingSoonWithoutWelcome: number;
  /** Schedule items done and in total. */
  schedule: { done: number; total: number };
  /**
   * Check-ins held and skipped; `due`: open with the planned day today or earlier (late ones
   * included); `late`: of those, past the grace days.
   */
  checkIns: { held: number; skipped: number; due: number; late: number };
  /**
   * Mean wellbeing over held check-ins, one decimal; null when no newcomer or fewer than
   * WELLBEING_MIN_NEWCOMERS contributed (then `withheld` is true), so it never shows one person.
   */
  wellbeing: { average: number | null; withheld: boolean };
  /** Active pairings of the willing ('Kan buddy zijn') active colleagues here, and their capacity. */
  buddyLoad: { used: number; capacity: number };
  /** Mails in state mislukt / onbekend: buddy mails, welcome packets, check-in reminders and notices. */
  mails: { failed: number; unknown: number };
}

export interface OverviewFigures {
  /** Every location of `Locaties`, in that order. */
  locations: Figures[];
  /** All newcomers and buddies, including those whose location is not in `Locaties`. */
  total: Figures;
}

/**
 * What needs attention, one item per newcomer and problem (`newcomer` is an `Email`; the
 * caller adds names when the reader may see them). Codes and params, in this order:
 * - `noBuddy` {startDate, daysUntilStart}: no active pairing, and the start is at most SOON_DAYS
 *   days away or past.
 * - `buddyUnavailable` {buddy, why: 'left'|'notFound'|'absent', until}: the active buddy is 'uit
 *   dienst' (`left`), not in Medewerkers (`notFound`), or absent after today (`absent`, until =
 *   'Afwezig tot'; '' otherwise).
 * - `repairSignal` {reason: 'niet'|'tweeKeerTwijfel', date, buddy}: see `repairSignal`, with the
 *   current buddy only.
 * - `checkInLate` {planned, daysLate, buddy}: one per late check-in.
 * - `welcomeNotSent` {startDate, daysUntilStart, state: 'none'|'pending'|'sending', due}: the
 *   welcome packet is not sent although its day has passed: the day in "gepland <due>" is before
 *   today, or, without such a day (`due` ''), fewer than `welcomeWorkdaysBefore` calendar days
 *   are left before the start (working days before it lie at least as many days back).
 * - `mailFailed` {mail, reason, planned?, buddy?} and `mailUnknown` {mail, since, planned?,
 *   buddy?}: `mail` is 'welcome', 'buddyMail', 'reminder', 'lateNotice' or 'chiefNotice';
 *   `reason` as in the cell after "mislukt:"; `since` 'YYYY-MM-DD HH:MM' (or '' if the cell has
 *   none); `planned` for check-in mails, `buddy` for the buddy mail.
 * - `unknownLocation` {location}: the newcomer's location is not in `Locaties` (figures count
 *   them in the total only).
 */
export type AttentionCode =
  | 'noBuddy'
  | 'buddyUnavailable'
  | 'repairSignal'
  | 'checkInLate'
  | 'welcomeNotSent'
  | 'mailFailed'
  | 'mailUnknown'
  | 'unknownLocation';

export interface AttentionItem {
  code: AttentionCode;
  /** The location as written in `Locaties`, or as in Medewerkers when it is not there. */
  location: string;
  newcomer: string;
  params: MessageParams;
}

const CODE_ORDER: readonly AttentionCode[] = [
  'noBuddy',
  'buddyUnavailable',
  'repairSignal',
  'checkInLate',
  'welcomeNotSent',
  'mailFailed',
  'mailUnknown',
  'unknownLocation',
];

// ---------------------------------------------------------------------------------------------
// One index over all inputs

interface Newcomer {
  row: Staff;
  email: string;
  /** Position in `Locaties`, or -1. */
  at: number;
  location: string;
  buddy: Pairing | null;
  checkIns: CheckInRow[];
  scheduleDone: number;
  scheduleTotal: number;
}

interface Index {
  locations: string[];
  newcomers: Newcomer[];
  staffByEmail: Map<string, Staff>;
  /** Willing active colleagues, once per e-mail, with where they count. */
  pool: { row: Staff; email: string; at: number }[];
  loads: Map<string, number>;
}

function indexOf(input: OverviewInput): Index {
  const locations = input.locations.map((l) => l.name.trim());
  const position = new Map<string, number>();
  locations.forEach((name, i) => {
    const key = normalizeName(name);
    if (key && !position.has(key)) position.set(key, i);
  });
  const seenLocation = new Map<string, number>();
  const locationAt = (text: string): number => {
    let at = seenLocation.get(text);
    if (at === undefined) {
      at = position.get(normalizeName(text)) ?? -1;
      seenLocation.set(text, at);
    }
    return at;
  };

  const byEmail = new Map<string, Newcomer>();
  const newcomers: Newcomer[] = [];
  const staffByEmail = new Map<string, Staff>();
  const pool: Index['pool'] = [];
  const inPool = new Set<string>();
  for (const row of input.staff) {
    const email = row.email;
    if (!email) continue;
    const known = staffByEmail.get(email);
    // An 'actief' row wins for a colleague listed twice, then the first row.
    if (!known || (known.status !== 'actief' && row.status === 'actief')) staffByEmail.set(email, row);
    if (row.status === 'nieuw' && !byEmail.has(email)) {
      const at = locationAt(row.location);
      const n: Newcomer = {
        row,
        email,
        at,
        location: at >= 0 ? locations[at]! : row.location.trim(),
        buddy: null,
        checkIns: [],
        scheduleDone: 0,
        scheduleTotal: 0,
      };
      byEmail.set(email, n);
      newcomers.push(n);
    }
    if (row.status === 'actief' && row.canBuddy && !inPool.has(email)) {
      inPool.add(email);
      pool.push({ row, email, at: locationAt(row.location) });
    }
  }
  for (const p of input.pairings) {
    if (p.status !== 'actief') continue;
    const n = byEmail.get(p.newcomer);
    if (n && !n.buddy) n.buddy = p;
  }
  for (const c of input.checkIns) byEmail.get(c.newcomer)?.checkIns.push(c);
  for (const s of input.schedule) {
    const n = byEmail.get(s.newcomer);
    if (!n) continue;
    n.scheduleTotal++;
    if (s.done) n.scheduleDone++;
  }
  return { locations, newcomers, staffByEmail, pool, loads: buddyLoads(input.pairings) };
}

/** The state of a mail cell when it needs a person: mislukt or onbekend; else null. */
function mailProblem(cell: string | undefined): MailState | null {
  if (!cell) return null;
  const state = parseMailState(cell);
  return state.kind === 'failed' || state.kind === 'unknown' ? state : null;
}

interface MailProblem {
  mail: 'welcome' | 'buddyMail' | 'reminder' | 'lateNotice' | 'chiefNotice';
  state: MailState;
  extra: MessageParams;
}

/** The mails of a newcomer that failed or whose fate is unknown. Allocates only for those. */
function mailsOf(n: Newcomer): MailProblem[] {
  const out: MailProblem[] = [];
  let state = mailProblem(n.row.welcomeStatus);
  if (state) out.push({ mail: 'welcome', state, extra: {} });
  state = n.buddy && mailProblem(n.buddy.buddyMail);
  if (state) out.push({ mail: 'buddyMail', state, extra: { buddy: n.buddy!.buddy } });
  for (const c of n.checkIns) {
    for (const mail of CHECK_IN_MAILS) {
      state = mailProblem(c[mail]);
      if (state) out.push({ mail, state, extra: { planned: c.planned } });
    }
  }
  return out;
}

const CHECK_IN_MAILS = ['reminder', 'lateNotice', 'chiefNotice'] as const;

/** `daysBetween(today, date)`, remembered: a school has few distinct days, and many rows. */
function daysFrom(today: IsoDate): (date: IsoDate) => number {
  const known = new Map<IsoDate, number>();
  return (date) => {
    let days = known.get(date);
    if (days === undefined) {
      days = daysBetween(today, date);
      known.set(date, days);
    }
    return days;
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Tally {
  newcomers: number;
  withoutBuddy: number;
  startingSoonWithoutWelcome: number;
  scheduleDone: number;
  scheduleTotal: number;
  held: number;
  skipped: number;
  due: number;
  late: number;
  wellbeingSum: number;
  wellbeingCount: number;
  wellbeingNewcomers: number;
  used: number;
  capacity: number;
  failed: number;
  unknown: number;
}

function emptyTally(): Tally {
  return {
    newcomers: 0,
    withoutBuddy: 0,
    startingSoonWithoutWelcome: 0,
    scheduleDone: 0,
    scheduleTotal: 0,
    held: 0,
    skipped: 0,
    due: 0,
    late: 0,
    wellbeingSum: 0,
    wellbeingCount: 0,
    wellbeingNewcomers: 0,
    used: 0,
    capacity: 0,
    failed: 0,
    unknown: 0,
  };
}

function figuresOf(location: string | null, t: Tally): Figures {
  const shown = t.wellbeingCount > 0 && t.wellbeingNewcomers >= WELLBEING_MIN_NEWCOMERS;
  return {
    location,
    newcomers: t.newcomers,
    withoutBuddy: t.withoutBuddy,
    startingSoonWithoutWelcome: t.startingSoonWithoutWelcome,
    schedule: { done: t.scheduleDone, total: t.scheduleTotal },
    checkIns: { held: t.held, skipped: t.skipped, due: t.due, late: t.late },
    wellbeing: {
      // × 10 before dividing: integer scores give an exact tenth before rounding.
      average: shown ? Math.round((t.wellbeingSum * 10) / t.wellbeingCount) / 10 : null,
      withheld: t.wellbeingCount > 0 && !shown,
    },
    buddyLoad: { used: t.used, capacity: t.capacity },
    mails: { failed: t.failed, unknown: t.unknown },
  };
}

/**
 * The overview figures per location (every row of `Locaties`, in order) and in total. See
 * `Figures` for what each number counts.
 */
export function overviewFigures(input: OverviewInput): OverviewFigures {
  return figuresFrom(indexOf(input), input);
}

/**
 * What needs attention, per newcomer in onboarding (see `AttentionCode`). Ordered by location
 * (as in `Locaties`, unknown locations last), then code, then newcomer, then date.
 */
export function attentionList(input: OverviewInput): AttentionItem[] {
  return attentionFrom(indexOf(input), input);
}

/** Both, from one index of the input: for the weekly mail and the `Overzicht` tab. */
export function overview(input: OverviewInput): { figures: OverviewFigures; attention: AttentionItem[] } {
  const index = indexOf(input);
  return { figures: figuresFrom(index, input), attention: attentionFrom(index, input) };
}

function figuresFrom(index: Index, input: OverviewInput): OverviewFigures {
  const { today, settings } = input;
  const soon = addDays(today, SOON_DAYS);
  const lateDay = lateBefore(today, settings);
  const tallies = index.locations.map(emptyTally);
  const total = emptyTally();

  for (const n of index.newcomers) {
    const t: Tally = emptyTally();
    const start = n.row.startDate;
    t.newcomers = 1;
    if (!n.buddy) t.withoutBuddy = 1;
    // Planned (or on its way) is not missing: the cards say when it goes.
    const packet = parseMailState(n.row.welcomeStatus).kind;
    if (start && start >= today && start <= soon && !['sent', 'pending', 'sending'].includes(packet))
      t.startingSoonWithoutWelcome = 1;
    t.scheduleDone = n.scheduleDone;
    t.scheduleTotal = n.scheduleTotal;
    for (const c of n.checkIns) {
      if (c.held) {
        t.held++;
        if (isWellbeing(c.wellbeing)) {
          t.wellbeingSum += c.wellbeing;
          t.wellbeingCount++;
        }
      } else if (c.skipped.trim()) t.skipped++;
      else if (c.planned && c.planned <= today) {
        t.due++;
        if (c.planned < lateDay) t.late++;
      }
    }
    if (t.wellbeingCount > 0) t.wellbeingNewcomers = 1;
    for (const m of mailsOf(n)) {
      if (m.state.kind === 'failed') t.failed++;
      else t.unknown++;
    }
    addTally(total, t);
    if (n.at >= 0) addTally(tallies[n.at]!, t);
  }

  // Capacity depends only on the own maximum and the location: remembered per pair.
  const capacities = new Map<string, number>();
  for (const b of index.pool) {
    const key = `${b.row.maxPairings}|${b.row.location}`;
    let capacity = capacities.get(key);
    if (capacity === undefined) {
      capacity = buddyCapacity(b.row, input.locations, settings);
      capacities.set(key, capacity);
    }
    const t = { ...emptyTally(), used: index.loads.get(b.email) ?? 0, capacity };
    addTally(total, t);
    if (b.at >= 0) addTally(tallies[b.at]!, t);
  }

  return {
    locations: index.locations.map((name, i) => figuresOf(name, tallies[i]!)),
    total: figuresOf(null, total),
  };
}

function addTally(into: Tally, t: Tally): void {
  for (const key of Object.keys(t) as (keyof Tally)[]) into[key] += t[key];
}

// ---------------------------------------------------------------------------------------------
// Attention

function attentionFrom(index: Index, input: OverviewInput): AttentionItem[] {
  const { today, settings } = input;
  const daysUntil = daysFrom(today);
  const lateDay = lateBefore(today, settings);
  const items: (AttentionItem & { at: number; date: string })[] = [];

  for (const n of index.newcomers) {
    const add = (code: AttentionCode, params: MessageParams, date = '') =>
      items.push({ code, location: n.location, newcomer: n.email, params, at: n.at, date });
    const start = n.row.startDate;
    const daysUntilStart = start ? daysUntil(start) : null;

    if (!n.buddy) {
      if (daysUntilStart !== null && daysUntilStart <= SOON_DAYS)
        add('noBuddy', { startDate: start, daysUntilStart }, start);
    } else {
      const buddy = n.buddy.buddy;
      const row = index.staffByEmail.get(buddy);
      const why = unavailable(row, today);
      if (why) add('buddyUnavailable', { buddy, why, until: why === 'absent' ? row!.absentUntil : '' });
      const signal = repairSignal(n.checkIns, buddy);
      if (signal) add('repairSignal', { reason: signal.reason, date: signal.date, buddy }, signal.date);
    }

    for (const c of n.checkIns) {
      if (c.held || c.skipped.trim() || !c.planned || c.planned >= lateDay) continue;
      add('checkInLate', { planned: c.planned, daysLate: -daysUntil(c.planned), buddy: c.buddy }, c.planned);
    }

    const welcome = parseMailState(n.row.welcomeStatus);
    if (
      daysUntilStart !== null &&
      (welcome.kind === 'none' || welcome.kind === 'pending' || welcome.kind === 'sending')
    ) {
      // The welcome job writes "gepland <day>": past that day it is overdue. Without a day, its
      // day has surely passed once fewer calendar days than working days are left.
      const due = welcome.kind === 'pending' ? welcome.due : '';
      if (due ? due < today : daysUntilStart < settings.welcomeWorkdaysBefore)
        add('welcomeNotSent', { startDate: start, daysUntilStart, state: welcome.kind, due }, start);
    }

    for (const m of mailsOf(n)) {
      const date = String(m.extra.planned ?? '');
      if (m.state.kind === 'failed')
        add('mailFailed', { mail: m.mail, reason: m.state.reason, ...m.extra }, date);
      else if (m.state.kind === 'unknown')
        add('mailUnknown', { mail: m.mail, since: momentIn(m.state.since), ...m.extra }, date);
    }

    if (n.at < 0) add('unknownLocation', { location: n.row.location.trim() });
  }

  const rank = (at: number) => (at < 0 ? Number.MAX_SAFE_INTEGER : at);
  items.sort(
    (a, b) =>
      rank(a.at) - rank(b.at) ||
      byText(a.location, b.location) ||
      CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code) ||
      byText(a.newcomer, b.newcomer) ||
      byText(a.date, b.date),
  );
  return items.map(({ code, location, newcomer, params }) => ({ code, location, newcomer, params }));
}

/** The day (and time) in an `onbekend` cell's text, which reads "sinds 2027-01-15 07:30: …". */
function momentIn(text: string): string {
  return /\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?/.exec(text)?.[0] ?? '';
}

/** Why an active buddy cannot be there for their newcomer, or '' when they can. */
function unavailable(row: Staff | undefined, today: IsoDate): 'notFound' | 'left' | 'absent' | '' {
  if (!row) return 'notFound';
  if (isLeft(row, today)) return 'left';
  return row.absentUntil > today ? 'absent' : '';
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
