/**
 * The school's working days for one location: weekends, computed public holidays (per the school's
 * policy) and the `Vrije dagen` rows for all locations or for this one. Pure and deterministic.
 */
import {
  addDays,
  daysBetween,
  type IsoDate,
  isIsoDate,
  mondayOf,
  schoolYearOf,
  weekday,
  yearOf,
} from './dates';
import { type HolidayPolicy, publicHolidays, schoolYearsWithoutHolidays } from './holidays';
import { isAllLocations, sameLocation } from './identity';
import type { RowOf } from './schema';

type DayOffRow = Pick<RowOf<'daysOff'>, 'from' | 'until' | 'description' | 'location'>;

/**
 * A `Vrije dagen` row longer than this is taken for a typing error (a wrong year) and ignored, so
 * that one bad row cannot close the school for years. The summer holiday is about 44 days.
 */
export const MAX_DAYS_OFF_SPAN = 100;

/** How far `nextWorkingDay` and `addWorkingDays` look before giving up (a bug or absurd data). */
const SEARCH_LIMIT_DAYS = 400;

/**
 * Why a day is not a working day:
 * - `weekend`: Saturday or Sunday (no description).
 * - `publicHoliday`: computed from the calendar and the policy, e.g. "Koningsdag".
 * - `dayOff`: a `Vrije dagen` row, e.g. "Kerstvakantie" or "Studiedag"; rows win over computed
 *   holidays on the same day, because their description is the school's own.
 */
export interface DayOffReason {
  readonly code: 'weekend' | 'publicHoliday' | 'dayOff';
  readonly description: string;
}

/** A working day and its ISO weekday (1 = Monday … 5 = Friday). */
export interface WorkingDay {
  readonly date: IsoDate;
  readonly weekday: number;
}

/**
 * Working days of one location. Build it once per location and request; lookups are O(1).
 * Public holidays are computed lazily per calendar year.
 */
export class SchoolCalendar {
  /** `Vrije dagen` rows skipped: dates missing or unreadable, or spanning more than MAX_DAYS_OFF_SPAN. */
  readonly ignoredRows: readonly DayOffRow[];
  private readonly rowDays = new Map<IsoDate, string>();
  private readonly holidayYears = new Map<number, Map<IsoDate, string>>();
  private readonly rows: readonly DayOffRow[];
  // Memos: one calendar serves every newcomer of a location in a request, and date arithmetic on
  // Date objects is the main cost of generating many schedules.
  private readonly reasons = new Map<IsoDate, DayOffReason | null>();
  private readonly weeks = new Map<IsoDate, readonly WorkingDay[]>();
  private readonly nextMondays = new Map<IsoDate, IsoDate>();
  private readonly missingYears = new Map<number, boolean>();
  private readonly workingDayMoves = new Map<string, IsoDate>();

  /**
   * @param daysOff all `Vrije dagen` rows; rows for 'alle', empty, or this location (loosely) apply.
   * @param policy how the school treats Goede Vrijdag and Bevrijdingsdag.
   * @param location the location whose calendar this is.
   */
  constructor(
    daysOff: readonly DayOffRow[],
    private readonly policy: HolidayPolicy,
    readonly location: string,
  ) {
    const ignored: DayOffRow[] = [];
    const rows: DayOffRow[] = [];
    for (const row of daysOff) {
      if (!isAllLocations(row.location) && !sameLocation(row.location, location)) continue;
      const until = row.until === '' ? row.from : row.until;
      if (!isIsoDate(row.from) || !isIsoDate(until)) {
        ignored.push(row);
        continue;
      }
      const span = daysBetween(row.from, until);
      if (span < 0 || span > MAX_DAYS_OFF_SPAN) {
        ignored.push(row);
        continue;
      }
      rows.push(row);
      const description = row.description.trim();
      for (let i = 0; i <= span; i++) {
        const day = addDays(row.from, i);
        // A location's own row says more than a row for all (a study day inside a holiday is rare).
        if (!this.rowDays.has(day) || !isAllLocations(row.location)) this.rowDays.set(day, description);
      }
    }
    this.rows = rows;
    this.ignoredRows = ignored;
  }

  private holidaysOf(year: number): Map<IsoDate, string> {
    let map = this.holidayYears.get(year);
    if (!map) {
      map = new Map();
      for (const h of publicHolidays(year, this.policy)) map.set(h.from, h.description);
      this.holidayYears.set(year, map);
    }
    return map;
  }

  /** Why `date` is not a working day, or null when it is one. */
  dayOffReason(date: IsoDate): DayOffReason | null {
    let reason = this.reasons.get(date);
    if (reason === undefined) {
      reason = this.findReason(date);
      this.reasons.set(date, reason);
    }
    return reason;
  }

  private findReason(date: IsoDate): DayOffReason | null {
    const row = this.rowDays.get(date);
    if (row !== undefined) return { code: 'dayOff', description: row };
    const holiday = this.holidaysOf(yearOf(date)).get(date);
    if (holiday !== undefined) return { code: 'publicHoliday', description: holiday };
    if (weekday(date) >= 6) return { code: 'weekend', description: '' };
    return null;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayOffReason(date) === null;
  }

  /** `date` itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let day = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) return day;
    }
    throw new RangeError(`No working day within ${SEARCH_LIMIT_DAYS} days after ${date}`);
  }

  /**
   * Counts `n` working days from `date`, not counting `date` itself: +1 is the next working day,
   * −5 is "5 working days before". 0 gives `date` unchanged, even when it is a day off.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    // Memoised: every newcomer's packet due date counts back from a start day many share.
    const key = `${date}|${n}`;
    let found = this.workingDayMoves.get(key);
    if (found === undefined) {
      found = this.countWorkingDays(date, n);
      this.workingDayMoves.set(key, found);
    }
    return found;
  }

  private countWorkingDays(date: IsoDate, n: number): IsoDate {
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(Math.trunc(n));
    let day = date;
    let guard = 0;
    while (left > 0) {
      day = addDays(day, step);
      if (this.isWorkingDay(day)) left--;
      if (++guard > SEARCH_LIMIT_DAYS + Math.abs(n) * 7) {
        throw new RangeError(`Cannot count ${n} working days from ${date}`);
      }
    }
    return day;
  }

  /** The working days (Monday to Friday, not off) of the calendar week that holds `date`. */
  workingDaysOfWeek(date: IsoDate): IsoDate[] {
    return this.workingWeekdays(date).map((d) => d.date);
  }

  /** The Monday of the week after the one that holds `date` (memoised). */
  mondayAfter(date: IsoDate): IsoDate {
    let monday = this.nextMondays.get(date);
    if (monday === undefined) {
      monday = addDays(mondayOf(date), 7);
      this.nextMondays.set(date, monday);
    }
    return monday;
  }

  /** Like `workingDaysOfWeek`, with each day's weekday (1 = Monday); memoised, do not modify. */
  workingWeekdays(date: IsoDate): readonly WorkingDay[] {
    let days = this.weeks.get(date);
    if (days === undefined) {
      const monday = mondayOf(date);
      const found: WorkingDay[] = [];
      for (let i = 0; i < 5; i++) {
        const day = addDays(monday, i);
        if (this.isWorkingDay(day)) found.push({ date: day, weekday: i + 1 });
      }
      days = found;
      this.weeks.set(date, days);
    }
    return days;
  }

  /**
   * The school years (named by their first calendar year) touched by `from`..`until` that have no
   * school-holiday row applying to this location. Same criterion as `schoolYearsWithoutHolidays`:
   * a row of five days or more counts as a school holiday; single public holidays do not.
   */
  schoolYearsWithoutHolidays(from: IsoDate, until: IsoDate): number[] {
    const years: number[] = [];
    for (let year = schoolYearOf(from); year <= schoolYearOf(until); year++) {
      let missing = this.missingYears.get(year);
      if (missing === undefined) {
        missing = missingHolidayYears(this.rows, `${year}-08-01`, `${year}-08-01`).length > 0;
        this.missingYears.set(year, missing);
      }
      if (missing) years.push(year);
    }
    return years;
  }
}

/**
 * The school years touched by `from`..`until` without school-holiday rows in `daysOff` (pass the
 * rows that apply to the location). A schedule over such a year warns instead of silently
 * ignoring holidays nobody filled in.
 */
export function missingHolidayYears(
  daysOff: readonly { from: IsoDate; until: IsoDate }[],
  from: IsoDate,
  until: IsoDate,
): number[] {
  const years: number[] = [];
  for (let year = schoolYearOf(from); year <= schoolYearOf(until); year++) {
    // Reuses the setup check: asked on 1 August, it reports that school year first when missing.
    if (schoolYearsWithoutHolidays(daysOff, `${year}-08-01`).includes(year)) years.push(year);
  }
  return years;
}
