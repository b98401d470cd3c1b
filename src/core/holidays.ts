/**
 * Dutch public holidays, computed per year, and the school holidays whose dates are verified.
 * Schools deviate from advised dates, so both end up as editable rows in the `Vrije dagen` tab.
 */
import { addDays, daysBetween, type IsoDate, makeDate, schoolYearOf, weekday } from './dates';

export interface Holiday {
  readonly from: IsoDate;
  readonly until: IsoDate;
  readonly description: string;
}

/** Easter Sunday (Gregorian calendar; anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

/** How a school treats the days that Dutch schools handle differently. */
export interface HolidayPolicy {
  /** Goede Vrijdag is free at most schools, but not by law. */
  readonly goodFriday: boolean;
  /** Bevrijdingsdag: free every year, only in lustrum years (2025, 2030, …), or never. */
  readonly liberationDay: 'elk jaar' | 'lustrum' | 'nee';
}

export const DEFAULT_HOLIDAY_POLICY: HolidayPolicy = { goodFriday: true, liberationDay: 'lustrum' };

/** The public holidays of one calendar year that fall on a weekday or matter to a schedule. */
export function publicHolidays(year: number, policy: HolidayPolicy = DEFAULT_HOLIDAY_POLICY): Holiday[] {
  const easter = easterSunday(year);
  const day = (date: IsoDate, description: string): Holiday => ({ from: date, until: date, description });
  const kingsDay = makeDate(year, 4, 27);
  const list: Holiday[] = [
    day(makeDate(year, 1, 1), 'Nieuwjaarsdag'),
    ...(policy.goodFriday ? [day(addDays(easter, -2), 'Goede Vrijdag')] : []),
    day(easter, 'Eerste Paasdag'),
    day(addDays(easter, 1), 'Tweede Paasdag'),
    // Koningsdag moves to Saturday 26 April when 27 April is a Sunday.
    day(weekday(kingsDay) === 7 ? makeDate(year, 4, 26) : kingsDay, 'Koningsdag'),
    ...(policy.liberationDay === 'elk jaar' || (policy.liberationDay === 'lustrum' && year % 5 === 0)
      ? [day(makeDate(year, 5, 5), 'Bevrijdingsdag')]
      : []),
    day(addDays(easter, 39), 'Hemelvaartsdag'),
    day(addDays(easter, 49), 'Eerste Pinksterdag'),
    day(addDays(easter, 50), 'Tweede Pinksterdag'),
    day(makeDate(year, 12, 25), 'Eerste Kerstdag'),
    day(makeDate(year, 12, 26), 'Tweede Kerstdag'),
  ];
  return list.sort((a, b) => (a.from < b.from ? -1 : 1));
}

/**
 * School holidays of region zuid (Noord-Brabant) whose dates were verified with the advice of the
 * Dutch government (rijksoverheid.nl, "schoolvakanties"). Years not listed must be filled in by the
 * school; Wegwijs warns when a school year has no holiday rows.
 */
export const VERIFIED_SCHOOL_HOLIDAYS_ZUID: Record<number, readonly Holiday[]> = {
  2027: [
    { from: '2027-10-23', until: '2027-10-31', description: 'Herfstvakantie' },
    { from: '2027-12-25', until: '2028-01-09', description: 'Kerstvakantie' },
    { from: '2028-02-26', until: '2028-03-05', description: 'Voorjaarsvakantie' },
    { from: '2028-04-29', until: '2028-05-07', description: 'Meivakantie' },
    { from: '2028-07-22', until: '2028-09-03', description: 'Zomervakantie' },
  ],
};

/**
 * School years (named by their first year) of `today` and the next that have no school holiday
 * rows yet. A holiday row is one spanning five days or more; single public holidays don't count.
 */
export function schoolYearsWithoutHolidays(
  rows: readonly { from: IsoDate; until: IsoDate }[],
  today: IsoDate,
): number[] {
  const first = schoolYearOf(today);
  return [first, first + 1].filter(
    (year) =>
      !rows.some(
        (r) =>
          r.from !== '' &&
          r.until !== '' &&
          daysBetween(r.from, r.until) >= 4 &&
          schoolYearOf(r.from) === year,
      ),
  );
}
