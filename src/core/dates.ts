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

function toUtc(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  return fromUtc(new Date(Date.UTC(year, month - 1, day, 12)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
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
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
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
