/**
 * Calendar days as `YYYY-MM-DD` strings. All arithmetic is on the calendar (UTC noon internally),
 * so no time zone or clock change can move a day.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DUTCH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function valid(y: number, m: number, d: number): IsoDate | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return null;
  const probe = new Date(Date.UTC(y, m - 1, d, 12));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a date typed as text: `jjjj-mm-dd` or the Dutch `dd-mm-jjjj` (also with / or .).
 * Returns null for anything else, including impossible days like 31-02-2027.
 */
export function parseDateText(text: string): IsoDate | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const nl = DUTCH.exec(t);
  if (nl) return valid(Number(nl[3]), Number(nl[2]), Number(nl[1]));
  return null;
}

/** True for a well-formed, existing `YYYY-MM-DD` day. */
export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDateText(text) === text;
}

/**
 * Days since 1970-01-01 (the proleptic Gregorian calendar, without a Date object: day arithmetic
 * runs for every line of every schedule). After Howard Hinnant's `days_from_civil`.
 */
function dayNumber(date: IsoDate): number {
  // `YYYY-MM-DD`, nearly always: read by character codes (48 is '0').
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y0 = date.charCodeAt(0) - 48;
    const y1 = date.charCodeAt(1) - 48;
    const y2 = date.charCodeAt(2) - 48;
    const y3 = date.charCodeAt(3) - 48;
    const m0 = date.charCodeAt(5) - 48;
    const m1 = date.charCodeAt(6) - 48;
    const d0 = date.charCodeAt(8) - 48;
    const d1 = date.charCodeAt(9) - 48;
    // Each is a digit when it is 0…9: `>>> 0` turns a negative into a large number (no closure
    // per call, as this runs for every day of every schedule).
    const digits =
      y0 >>> 0 <= 9 &&
      y1 >>> 0 <= 9 &&
      y2 >>> 0 <= 9 &&
      y3 >>> 0 <= 9 &&
      m0 >>> 0 <= 9 &&
      m1 >>> 0 <= 9 &&
      d0 >>> 0 <= 9 &&
      d1 >>> 0 <= 9;
    const month = m0 * 10 + m1;
    if (digits && month >= 1 && month <= 12)
      return civilDays(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, d0 * 10 + d1);
  }
  const first = date.indexOf('-');
  const second = date.indexOf('-', first + 1);
  const year = Number(date.slice(0, first));
  const month = Number(date.slice(first + 1, second));
  const day = Number(date.slice(second + 1));
  // As a Date would: no day (NaN) for text that is none; a day past the month's end runs on.
  if (!(first > 0 && second > first && month >= 1 && month <= 12) || !Number.isInteger(year + day))
    return NaN;
  return civilDays(year, month, day);
}

function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The `YYYY-MM-DD` day of a day number (`dayNumber` reversed; Hinnant's `civil_from_days`). */
function fromDayNumber(days: number): IsoDate {
  if (!Number.isFinite(days)) throw new RangeError('Invalid time value');
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day, 12)).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same day `months` months later (or earlier); the 31st becomes the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0, 12)).getUTCDate();
  return makeDate(year, month, Math.min(d, last));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

/** The Monday of the week that holds `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The school year a day belongs to, named by its first calendar year (August starts a year). */
export function schoolYearOf(date: IsoDate): number {
  const year = yearOf(date);
  return Number(date.slice(5, 7)) >= 8 ? year : year - 1;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** `dd-mm-jjjj`, the way Dutch users write a day. */
export function formatDutchDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y}`;
}
