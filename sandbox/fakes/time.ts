/** Time-zone arithmetic on Node's Intl, Java SimpleDateFormat patterns (Utilities) and Sheets date/number display. */

import { MONTHS } from '../../src/shared/language';

/** Wall-clock fields of an instant in a time zone. `month` is 1-12, `weekday` 0 (Sunday) to 6. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the IANA zone (Google accepts the same names). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `ms` in `timeZone`, with the zone's real rules (DST included). */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  // formatToParts is slow and the same instants (date cells at midnight) come back all the time.
  const key = `${timeZone}|${ms}`;
  const known = zoned.get(key);
  if (known) return { ...known };
  const result = computeZonedParts(ms, timeZone);
  if (zoned.size > 50_000) zoned.clear();
  zoned.set(key, result);
  return { ...result };
}

const zoned = new Map<string, ZonedParts>();

function computeZonedParts(ms: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (Amsterdam in summer: 120). */
export function offsetMinutes(ms: number, timeZone: string): number {
  return Math.round((wallMs(zonedParts(ms, timeZone)) - ms) / 60000);
}

/** Wall-clock fields as if they were UTC, in ms (setUTCFullYear keeps years below 100 literal). */
export function wallMs(p: Omit<ZonedParts, 'weekday'>): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, p.millisecond);
  return d.getTime();
}

/**
 * The instant at the given wall-clock time in `timeZone`. Fields may overflow (day 32 rolls into the
 * next month), as Java's lenient calendar does. A time that occurs twice (autumn) gives the earlier
 * instant; a time in the spring gap is read with the offset before the gap (02:30 → 03:30 CEST), as Java does.
 */
export function zonedToMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  timeZone: string,
): number {
  const local = wallMs({ year, month, day, hour, minute, second, millisecond });
  const before = offsetMinutes(local - 86400000, timeZone);
  const after = offsetMinutes(local + 86400000, timeZone);
  const candidates = [local - before * 60000, local - after * 60000].sort((a, b) => a - b);
  for (const ms of candidates) if (wallMs(zonedParts(ms, timeZone)) === local) return ms;
  return local - before * 60000;
}

/** The calendar day of `ms` in `timeZone` as `YYYY-MM-DD`. */
export function isoDay(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** ISO 8601 with the zone's offset, e.g. `2027-01-04T09:30:00.000+01:00`. */
export function isoWithOffset(ms: number, timeZone: string): string {
  return formatJavaDate(ms, timeZone, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

const MONTHS_EN = MONTHS.en;
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

/** Splits a Java SimpleDateFormat pattern into fields and literals ('' is a quote, 'x' quotes text). */
export function tokenizeJava(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] ?? '';
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else {
          text += pattern[i];
          i++;
        }
      }
      tokens.push({ kind: 'literal', text });
    } else if (/[A-Za-z]/.test(c)) {
      let count = 0;
      while (pattern[i] === c) {
        count++;
        i++;
      }
      tokens.push({ kind: 'field', letter: c, count });
    } else {
      tokens.push({ kind: 'literal', text: c });
      i++;
    }
  }
  return tokens;
}

function formatOffset(minutes: number, count: number, letter: 'X' | 'Z'): string {
  if (letter === 'X' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (letter === 'Z') return `${sign}${hh}${mm}`;
  if (count === 1) return `${sign}${hh}${abs % 60 ? mm : ''}`;
  return count === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
}

/**
 * Formats like Java's SimpleDateFormat, which `Utilities.formatDate` uses: English month and day
 * names whatever the user's locale, the zone's real offset at that instant.
 */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const p = zonedParts(ms, timeZone);
  let out = '';
  for (const t of tokenizeJava(pattern)) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4 ? MONTHS_EN[p.month - 1] : n === 3 ? MONTHS_EN[p.month - 1]?.slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, 3).slice(0, Math.max(n, 3)).padEnd(n, '0');
        break;
      case 'E':
        out += n >= 4 ? DAYS_EN[p.weekday] : DAYS_EN[p.weekday]?.slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'D': {
        const start = Date.UTC(p.year, 0, 1);
        out += pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86400000) + 1, n);
        break;
      }
      case 'Z':
        out += formatOffset(offsetMinutes(ms, timeZone), n, 'Z');
        break;
      case 'X':
        out += formatOffset(offsetMinutes(ms, timeZone), n, 'X');
        break;
      case 'z':
        // Java prints names like CET/CEST; Intl's short names differ per zone, so the offset is used.
        out += `GMT${formatOffset(offsetMinutes(ms, timeZone), 3, 'Z').replace(/(\d\d)(\d\d)$/, '$1:$2')}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${t.letter}'`);
    }
  }
  return out;
}

/**
 * Parses like Java's SimpleDateFormat (lenient, as Apps Script's `Utilities.parseDate`); returns
 * the instant in ms or null when the text does not fit the pattern.
 */
export function parseJavaDate(text: string, timeZone: string, pattern: string): number | null {
  const tokens = tokenizeJava(pattern);
  const f = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: null as boolean | null,
  };
  let offset: number | null = null;
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) break;
    if (t.kind === 'literal') {
      if (text.slice(pos, pos + t.text.length) !== t.text) return null;
      pos += t.text.length;
      continue;
    }
    const next = tokens[i + 1];
    const nextIsNumeric = next?.kind === 'field' && /[yMdHhkKmsSD]/.test(next.letter);
    const readNumber = (): number | null => {
      const rest = text.slice(pos);
      const m = nextIsNumeric ? rest.match(new RegExp(`^[+-]?\\d{1,${t.count}}`)) : rest.match(/^[+-]?\d+/);
      if (!m) return null;
      pos += m[0].length;
      return Number(m[0]);
    };
    const readName = (names: readonly string[]): number | null => {
      const rest = text.slice(pos).toLowerCase();
      for (const full of [...names].sort((a, b) => b.length - a.length)) {
        for (const candidate of [full, full.slice(0, 3)]) {
          if (rest.startsWith(candidate.toLowerCase())) {
            pos += candidate.length;
            return names.indexOf(full);
          }
        }
      }
      return null;
    };
    switch (t.letter) {
      case 'y':
      case 'Y': {
        const start = pos;
        const n = readNumber();
        if (n === null) return null;
        // Java: a two-digit year with a 'yy' pattern lands within 80 years before / 20 after now.
        f.year =
          t.count <= 2 && pos - start <= 2
            ? 2000 + n - (2000 + n > new Date().getFullYear() + 20 ? 100 : 0)
            : n;
        break;
      }
      case 'M':
      case 'L': {
        const n = t.count >= 3 ? readName(MONTHS_EN) : readNumber();
        if (n === null) return null;
        f.month = t.count >= 3 ? n + 1 : n;
        break;
      }
      case 'E': {
        if (readName(DAYS_EN) === null) return null;
        break;
      }
      case 'a': {
        const rest = text.slice(pos, pos + 2).toUpperCase();
        if (rest !== 'AM' && rest !== 'PM') return null;
        f.pm = rest === 'PM';
        pos += 2;
        break;
      }
      case 'X':
      case 'Z': {
        const m = text.slice(pos).match(/^(Z|([+-])(\d\d):?(\d\d)?)/);
        if (!m) return null;
        pos += m[0].length;
        offset = m[1] === 'Z' ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? 0));
        break;
      }
      default: {
        const n = readNumber();
        if (n === null) return null;
        if (t.letter === 'd') f.day = n;
        else if (t.letter === 'H' || t.letter === 'k') f.hour = n === 24 && t.letter === 'k' ? 0 : n;
        else if (t.letter === 'h' || t.letter === 'K') f.hour = n % 12;
        else if (t.letter === 'm') f.minute = n;
        else if (t.letter === 's') f.second = n;
        else if (t.letter === 'S') f.ms = n;
        else return null;
      }
    }
  }
  if (f.pm) f.hour += 12;
  if (offset !== null) {
    const d = new Date(0);
    d.setUTCFullYear(f.year, f.month - 1, f.day);
    d.setUTCHours(f.hour, f.minute, f.second, f.ms);
    return d.getTime() - offset * 60000;
  }
  return zonedToMs(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms, timeZone);
}

// ---- Sheets display (number formats) ----

/** BCP 47 tag from a Sheets locale such as `nl_NL`. */
export function bcp47(locale: string): string {
  return locale.replace('_', '-');
}

/** Whether the locale writes dates day first (`4-1-2027` in nl is 4 January). */
export function dayFirst(locale: string): boolean {
  return !/^en[_-]US$|^en$/i.test(locale);
}

/** Decimal separator of a spreadsheet locale (`,` in nl_NL). */
export function decimalSeparator(locale: string): string {
  // Building an Intl.NumberFormat is slow, and this is asked for every typed cell: once per locale.
  let separator = separators.get(locale);
  if (separator === undefined) {
    try {
      const part = new Intl.NumberFormat(bcp47(locale)).formatToParts(1.5).find((p) => p.type === 'decimal');
      separator = part?.value ?? '.';
    } catch {
      separator = '.';
    }
    separators.set(locale, separator);
  }
  return separator;
}

const separators = new Map<string, string>();

/** Sheets' automatic date format for a locale (nl_NL shows `4-1-2027`). */
export function defaultDateFormat(locale: string, withTime: boolean): string {
  let date = 'yyyy-mm-dd';
  if (/^nl/i.test(locale)) date = 'd-m-yyyy';
  else if (/^en[_-]US/i.test(locale)) date = 'm/d/yyyy';
  else if (/^en/i.test(locale)) date = 'dd/mm/yyyy';
  else if (/^(de|fi|nb|no|da|pl|ru|cs)/i.test(locale)) date = 'd.m.yyyy';
  else if (/^(fr|es|it|pt)/i.test(locale)) date = 'dd/mm/yyyy';
  return withTime ? `${date} h:mm:ss` : date;
}

function monthName(month: number, locale: string, style: 'long' | 'short'): string {
  return new Intl.DateTimeFormat(bcp47(locale), { month: style, timeZone: 'UTC' })
    .format(Date.UTC(2000, month - 1, 1))
    .replace('.', '');
}

function dayName(weekday: number, locale: string, style: 'long' | 'short'): string {
  return new Intl.DateTimeFormat(bcp47(locale), { weekday: style, timeZone: 'UTC' })
    .format(Date.UTC(2000, 0, 2 + weekday))
    .replace('.', '');
}

/** Whether a Sheets number format formats dates (contains y, d or a month/minute letter outside quotes). */
export function isDateFormat(format: string): boolean {
  return /[ydhs]|m/i.test(format.replace(/"[^"]*"|\\./g, '')) && !/^[#0.,%@\s]*$/.test(format);
}

/**
 * Formats an instant with a Sheets date format (`dd-mm-yyyy`, `yyyy-mm-dd`, `d mmmm yyyy`,
 * `h:mm:ss`…), month and day names in the spreadsheet locale. `m` means minutes next to h or s.
 */
export function formatSheetsDate(ms: number, timeZone: string, format: string, locale: string): string {
  const p = zonedParts(ms, timeZone);
  const tokens = format.match(/"[^"]*"|\\.|y+|m+|d+|h+|s+|AM\/PM|[^ymdhs"\\]+/gi) ?? [];
  const hasAmPm = tokens.some((t) => t.toUpperCase() === 'AM/PM');
  let out = '';
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const n = tok.length;
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (lower === 'am/pm') out += p.hour < 12 ? 'AM' : 'PM';
    else if (lower[0] === 'y') out += n <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4);
    else if (lower[0] === 'd')
      out +=
        n === 1
          ? String(p.day)
          : n === 2
            ? pad(p.day, 2)
            : dayName(p.weekday, locale, n === 3 ? 'short' : 'long');
    else if (lower[0] === 'h') {
      const h = hasAmPm ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      out += n === 1 ? String(h) : pad(h, 2);
    } else if (lower[0] === 's') out += n === 1 ? String(p.second) : pad(p.second, 2);
    else if (lower[0] === 'm') {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[a-z]/i.test(t))?.[0]
        ?.toLowerCase();
      const next = tokens
        .slice(i + 1)
        .find((t) => /^[a-z]/i.test(t))?.[0]
        ?.toLowerCase();
      if (n <= 2 && (prev === 'h' || next === 's')) out += n === 1 ? String(p.minute) : pad(p.minute, 2);
      else if (n === 1) out += String(p.month);
      else if (n === 2) out += pad(p.month, 2);
      else out += monthName(p.month, locale, n === 3 ? 'short' : 'long');
    } else out += tok;
  });
  return out;
}

/** Formats a number as Sheets shows it with `format` ('' or 'General', `0`, `0.00`, `#,##0.00`, `0%`). */
export function formatSheetsNumber(value: number, format: string, locale: string): string {
  const dec = decimalSeparator(locale);
  const group = dec === ',' ? '.' : ',';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : '#NUM!';
  const fmt = format.trim();
  if (fmt === '' || /^general$/i.test(fmt)) {
    // Sheets' General shows up to about 10 significant digits, no trailing zeros.
    const text =
      Math.abs(value) >= 1e15 ? value.toExponential(2).toUpperCase() : String(Number(value.toPrecision(10)));
    return text.replace('.', dec);
  }
  const percent = fmt.endsWith('%');
  const core = fmt.replace(/[%"].*$/, '');
  const decimals = (core.split('.')[1] ?? '').replace(/[^0#]/g, '').length;
  const grouped = core.includes(',');
  const n = percent ? value * 100 : value;
  let [intPart = '0', fracPart = ''] = Math.abs(n).toFixed(decimals).split('.');
  if (grouped) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  if (/#/.test(core.split('.')[1] ?? '')) fracPart = fracPart.replace(/0+$/, '');
  const sign = n < 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? '-' : '';
  return `${sign}${intPart}${fracPart ? dec + fracPart : ''}${percent ? '%' : ''}`;
}
