/** Cell contents as Sheets stores them: input coercion, typed read-back, display strings, A1 notation. */
import { isDate } from './core.ts';
import {
  dayFirst,
  decimalSeparator,
  defaultDateFormat,
  formatSheetsDate,
  formatSheetsNumber,
  isDateFormat,
  wallMs,
  zonedParts,
  zonedToMs,
} from './time.ts';

/**
 * A date cell. Sheets keeps a date as a wall-clock serial in the spreadsheet's time zone, so it is
 * stored here as wall-clock milliseconds (the fields read as UTC); changing the spreadsheet time
 * zone later moves the instant, as on Google.
 */
export interface WallDate {
  wall: number;
}

/** A stored value: '' for empty. */
export type Stored = string | number | boolean | WallDate;

/** Per-cell text styling the adapters set. */
export interface CellStyle {
  fontWeight?: string | null;
  background?: string | null;
  wrap?: boolean;
}

/** A data validation rule as plain data. Dates are tagged `{ wall }`, ranges `{ range: "'Tab'!A1:A9" }`. */
export interface RuleData {
  criteria: string;
  values: RuleValue[];
  allowInvalid: boolean;
  helpText: string;
}

/** One criteria value of a rule, JSON-safe. */
export type RuleValue = string | number | boolean | null | WallDate | { range: string } | RuleValue[];

/** One cell; JSON-safe so the whole sheet survives `toJSON`. */
export interface Cell {
  value: Stored;
  formula?: string;
  format?: string;
  validation?: RuleData;
  style?: CellStyle;
}

/** True for the `{ wall }` tag of a date cell. */
export function isWallDate(value: unknown): value is WallDate {
  return typeof value === 'object' && value !== null && typeof (value as WallDate).wall === 'number';
}

/** Wall-clock tag of an instant in `timeZone`. */
export function toWall(ms: number, timeZone: string): WallDate {
  return { wall: wallMs(zonedParts(ms, timeZone)) };
}

/** Instants of wall-clock tags per time zone: a column of dates holds the same few days. */
const instants = new Map<string, Map<number, number>>();

/** The instant of a wall-clock tag in `timeZone` (remembered: the zone rules are slow to apply). */
export function fromWall(date: WallDate, timeZone: string): number {
  let zone = instants.get(timeZone);
  if (!zone) {
    zone = new Map();
    instants.set(timeZone, zone);
  }
  let ms = zone.get(date.wall);
  if (ms === undefined) {
    ms = wallToMs(date, timeZone);
    if (zone.size >= 100_000) zone.clear();
    zone.set(date.wall, ms);
  }
  return ms;
}

function wallToMs(date: WallDate, timeZone: string): number {
  const d = new Date(date.wall);
  return zonedToMs(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
    timeZone,
  );
}

/** True when a cell holds something (a value or a formula); formats and rules alone do not count. */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== undefined);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateFrom(y: number, m: number, d: number, h: number, mi: number, s: number): WallDate | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || h > 23 || mi > 59 || s > 59) return null;
  return { wall: Date.UTC(y, m - 1, d, h, mi, s) };
}

/** Month names Sheets reads in typed dates, English and Dutch, in either locale (1-based month). */
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januari: 1,
  feb: 2,
  february: 2,
  februari: 2,
  mar: 3,
  march: 3,
  mrt: 3,
  maart: 3,
  apr: 4,
  april: 4,
  may: 5,
  mei: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  augustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH = '([A-Za-z]{3,9})\\.?';

function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase()] ?? null;
}

/** A number as typed in this locale (decimal comma in nl, thousands grouped), or null. */
function localNumber(t: string, locale: string): number | null {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (decimalSeparator(locale) === ',') {
    if (/^[+-]?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
    if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  } else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return null;
}

/**
 * What Sheets makes of a typed string (a user typing, or `setValue` with a string) in a cell that
 * is not plain text (USER_ENTERED): numbers (leading zeros dropped, `+31…` too), the locale's
 * decimal comma and thousands grouping, percentages (`50%` → 0.5), amounts with €, $ or £,
 * mixed fractions (`1 1/2` → 1.5), TRUE/FALSE (and WAAR/ONWAAR in a Dutch sheet), dates in ISO,
 * the locale's day/month order, with English or Dutch month names (`1 maart 2027`, `Mar 1 2027`,
 * `1-Mar-2027`) and day/month without a year (`1/2` → that day this year); else the string.
 * `nowMs` gives "this year". Where Google's choice is not documented the fake follows Sheets'
 * behaviour as commonly reported; the README lists these as checks on a real account.
 */
export function parseUserText(text: string, locale: string, nowMs = Date.now()): Stored {
  const t = text.trim();
  if (t === '') return text;
  const n = localNumber(t, locale);
  if (n !== null) return n;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^nl/i.test(locale) && /^(waar|onwaar)$/i.test(t)) return t.toLowerCase() === 'waar';
  let m = t.match(/^([+-]?[\d.,]+)\s?%$/);
  if (m) {
    const p = localNumber(m[1]!, locale);
    if (p !== null) return p / 100;
  }
  m = t.match(/^([+-]?)\s*[€$£]\s?([\d.,]+)$/) ?? t.match(/^([+-]?)([\d.,]+)\s?[€$£]$/);
  if (m) {
    const amount = localNumber(m[2]!, locale);
    if (amount !== null) return m[1] === '-' ? -amount : amount;
  }
  m = t.match(/^([+-]?\d+) (\d+)\/(\d+)$/);
  if (m && +m[3]! > 0 && +m[2]! < +m[3]!) {
    const whole = +m[1]!;
    return whole + Math.sign(whole || 1) * (+m[2]! / +m[3]!);
  }
  m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (m) return dateFrom(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) ?? text;
  m = t.match(/^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (m) {
    const [a, b] = [+m[1]!, +m[3]!];
    const [day, month] = dayFirst(locale) ? [a, b] : [b, a];
    return dateFrom(+m[4]!, month, day, +(m[5] ?? 0), +(m[6] ?? 0), +(m[7] ?? 0)) ?? text;
  }
  const year = new Date(nowMs).getUTCFullYear();
  m = t.match(/^(\d{1,2})\/(\d{1,2})$/);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    const [day, month] = dayFirst(locale) ? [a, b] : [b, a];
    return dateFrom(year, month, day, 0, 0, 0) ?? text;
  }
  // 1 maart 2027, 1 mrt. 2027, 1-Mar-2027, 1 March 2027
  m = t.match(new RegExp(`^(\\d{1,2})[ -]${MONTH}[ -](\\d{4})$`));
  if (m && monthOf(m[2]!)) return dateFrom(+m[3]!, monthOf(m[2]!)!, +m[1]!, 0, 0, 0) ?? text;
  // Mar 1 2027, March 1, 2027, maart 1 2027
  m = t.match(new RegExp(`^${MONTH} (\\d{1,2}),? (\\d{4})$`));
  if (m && monthOf(m[1]!)) return dateFrom(+m[3]!, monthOf(m[1]!)!, +m[2]!, 0, 0, 0) ?? text;
  return text;
}

/**
 * Coerces one value written by `setValue(s)` like Google: with a text format ('@') strings are kept
 * as they are; otherwise `=` starts a formula, a leading apostrophe forces text (and is dropped),
 * other strings go through {@link parseUserText}. Dates, numbers and booleans are stored as given.
 */
export function coerceInput(
  value: unknown,
  format: string | undefined,
  locale: string,
  timeZone: string,
  nowMs?: number,
): { value: Stored; formula?: string } {
  if (value === null || value === undefined) return { value: '' };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (isDate(value)) return { value: toWall(value.getTime(), timeZone) };
  const text = String(value);
  if (format === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  return { value: parseUserText(text, locale, nowMs) };
}

/** The serial number Sheets uses for a wall-clock date (days since 1899-12-30). */
export function serialOf(date: WallDate): number {
  return date.wall / 86400000 + 25569;
}

/**
 * The string Sheets shows for a cell. The fake does not evaluate formulas: a formula cell shows
 * its formula text.
 */
export function displayOf(cell: Cell | undefined, locale: string): string {
  if (!cell) return '';
  if (cell.formula !== undefined) return cell.formula;
  const { value } = cell;
  const format = cell.format ?? '';
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (format === '@') return String(value);
    if (format && isDateFormat(format)) {
      return formatSheetsDate((value - 25569) * 86400000, 'UTC', format, locale);
    }
    return formatSheetsNumber(value, format, locale);
  }
  if (format && isDateFormat(format)) return formatSheetsDate(value.wall, 'UTC', format, locale);
  if (format && format !== '@' && !/^general$/i.test(format)) {
    return formatSheetsNumber(serialOf(value), format, locale);
  }
  return formatSheetsDate(value.wall, 'UTC', defaultDateFormat(locale, value.wall % 86400000 !== 0), locale);
}

// ---- A1 notation ----

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based column number of letters (A → 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `A1` or `A1:C3` for a block. */
export function a1Of(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  return numRows === 1 && numCols === 1
    ? start
    : `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** A sheet name quoted for A1 notation when needed (`'Blad 1'!A1`). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A parsed A1 reference; open ends (`A:A`, `1:1`) are null and filled from the sheet size. */
export interface A1Ref {
  sheet: string | null;
  row: number | null;
  col: number | null;
  endRow: number | null;
  endCol: number | null;
}

/** Parses `A1`, `A1:C3`, `A:C`, `2:5`, `C2:C` with an optional sheet (`'Blad 1'!A1`); null when invalid. */
export function parseA1(text: string): A1Ref | null {
  const m = text
    .trim()
    .match(/^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  const [c1 = '', r1 = '', c2, r2] = [m[3], m[4], m[5], m[6]];
  if (c1 === '' && r1 === '') return null;
  const ref: A1Ref = {
    sheet,
    row: r1 ? Number(r1) : null,
    col: c1 ? columnNumber(c1) : null,
    endRow: null,
    endCol: null,
  };
  if (c2 === undefined && r2 === undefined) {
    if (c1 === '' || r1 === '') return null;
    ref.endRow = ref.row;
    ref.endCol = ref.col;
  } else {
    ref.endRow = r2 ? Number(r2) : null;
    ref.endCol = c2 ? columnNumber(c2) : null;
    // `C2:C` (from row 2 to the tab's last row) is valid in Sheets, as are `A:C` and `2:5`.
    const openDown = ref.row !== null && ref.endRow === null && ref.col !== null && ref.endCol !== null;
    if (
      (ref.col === null) !== (ref.endCol === null) ||
      ((ref.row === null) !== (ref.endRow === null) && !openDown)
    )
      return null;
  }
  return ref;
}
