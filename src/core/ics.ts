/**
 * An onboarding schedule as an iCalendar file (RFC 5545) for the welcome packet and the sandbox.
 * Every item is an all-day event: templates name a day, not a time, and a date-only event cannot
 * shift with a clock change or a client's time zone. Plain string work: no Node APIs, no Intl.
 */
import { addDays, type IsoDate, isIsoDate } from './dates';
import { emailKey, hashText, normalizeName } from './identity';

/** What a calendar event needs of a schedule line (a generated item or an `Inwerkschema` row). */
export interface IcsItem {
  readonly date: IsoDate;
  readonly week: number | null;
  readonly activity: string;
  readonly with: string;
  readonly kind: string;
}

export interface IcsOptions {
  readonly newcomerEmail: string;
  readonly newcomerName: string;
  readonly location: string;
  /** Right-hand side of every UID, e.g. the school's domain. */
  readonly uidDomain: string;
  /** ISO-8601 instant with offset (the injected clock's `now()`): DTSTAMP and SEQUENCE. */
  readonly now: string;
  /** SEQUENCE of every event; default: whole minutes since 2024-01-01 UTC at `now`, see below. */
  readonly sequence?: number;
}

const CRLF = '\r\n';
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

/**
 * Europe/Amsterdam since 1996 (EU rules: summer time from the last Sunday of March 02:00 to the
 * last Sunday of October 03:00). No event refers to it (all-day dates are floating by design);
 * it is there so that the file states the school's zone and a later timed event can use it.
 */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline; no control chars. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 5545 TEXT may not hold them.
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line at 75 octets (RFC 5545 3.1): continuation lines start with a space,
 * which counts. Octets are UTF-8, counted per code point, so a character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function basicDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

function utcStamp(instant: string): string {
  const time = new Date(instant).getTime();
  if (Number.isNaN(time)) throw new RangeError(`Not an instant: ${instant}`);
  return new Date(time)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * A UID that survives regeneration: derived from (newcomer, week, kind, activity, n-th such item
 * by date), not from the date, so a moved item replaces its event instead of adding one.
 */
export function eventUid(
  newcomerEmail: string,
  item: Pick<IcsItem, 'week' | 'kind' | 'activity'>,
  ordinal: number,
  uidDomain: string,
): string {
  const key = [
    emailKey(newcomerEmail),
    item.week ?? '',
    item.kind,
    normalizeName(item.activity),
    ordinal,
  ].join('|');
  const hex = (n: number) => `00000000${n.toString(16)}`.slice(-8);
  return `wegwijs-${hex(hashText(key))}${hex(hashText(key, 0x01234567))}-w${item.week ?? 0}@${uidDomain}`;
}

/**
 * The schedule as an RFC 5545 calendar: CRLF line ends, lines folded at 75 octets, one all-day
 * event (DTSTART;VALUE=DATE, DTEND the next day, TRANSP:TRANSPARENT) per item with a valid date.
 * Items without a valid date have no place in a calendar and are left out. SEQUENCE defaults to
 * the minutes since 2024 at `now`, so a newer file always carries a higher sequence and clients
 * that honour it take the update.
 */
export function scheduleToIcs(items: readonly IcsItem[], options: IcsOptions): string {
  const stamp = utcStamp(options.now);
  const sequence =
    options.sequence ?? Math.max(0, Math.floor((new Date(options.now).getTime() - SEQUENCE_EPOCH) / 60_000));
  const title = `Inwerkschema ${options.newcomerName.trim() || options.newcomerEmail}`.trim();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wegwijs//Inwerkschema//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.location ? `${title} (${options.location})` : title)}`,
    'X-WR-TIMEZONE:Europe/Amsterdam',
    ...VTIMEZONE,
  ];
  const dated = items
    .map((item, index) => ({ item, index }))
    .filter((x) => isIsoDate(x.item.date))
    .sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.index - b.index));
  const ordinals = new Map<string, number>();
  for (const { item } of dated) {
    const key = `${item.week ?? ''}|${item.kind}|${normalizeName(item.activity)}`;
    const ordinal = ordinals.get(key) ?? 0;
    ordinals.set(key, ordinal + 1);
    const description = [
      item.with.trim() ? `met ${item.with.trim()}` : '',
      `Week ${item.week ?? '?'} van het inwerkschema${options.location ? ` (${options.location})` : ''}`,
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${eventUid(options.newcomerEmail, item, ordinal, options.uidDomain)}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${basicDate(item.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(item.date, 1))}`,
      `SUMMARY:${escapeText(item.activity.trim())}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(item.kind ? [`CATEGORIES:${escapeText(item.kind)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
