/**
 * The welcome packet, pure: when it is due (working days before the start) and the lines its mail
 * shows (schedule, check-ins, who to ask what). The printable document is in `packet.ts`.
 */
import type { SchoolCalendar } from './calendar';
import { formatDutchDate, type IsoDate, weekday } from './dates';
import type { RowOf } from './schema';

const WEEKDAY_SHORT = ['', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

/** `ma 11-01-2027`. */
export function dayLabel(date: IsoDate): string {
  return `${WEEKDAY_SHORT[weekday(date)]} ${formatDutchDate(date)}`;
}

/**
 * The day the packet should go: `workdays` working days before the first working day on or
 * after the start date. A newcomer who starts sooner gets it at once (the due day has passed).
 */
export function welcomeDueDate(start: IsoDate, calendar: SchoolCalendar, workdays: number): IsoDate {
  const first = calendar.nextWorkingDay(start);
  return calendar.addWorkingDays(first, -Math.max(0, Math.round(workdays)));
}

/** Schedule lines of the first three weeks, as text lines for the mail. */
export function scheduleLines(rows: readonly RowOf<'schedule'>[], weeks = 3): string[] {
  return [...rows]
    .filter((r) => (r.week ?? 0) <= weeks)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((r) => `${dayLabel(r.date)}: ${r.activity}${r.with ? ` (met ${r.with})` : ''}`);
}

export function checkInLines(rows: readonly RowOf<'checkIns'>[]): string[] {
  return [...rows]
    .filter((r) => r.planned)
    .sort((a, b) => (a.planned < b.planned ? -1 : 1))
    .map((r) => `${dayLabel(r.planned)}: check-in met je buddy`);
}

export function whoToAskLines(rows: readonly RowOf<'whoToAsk'>[]): string[] {
  return rows.map((r) => `${r.topic}: ${r.person}${r.email ? ` (${r.email})` : ''}`);
}

/** What a buddy is for, for the newcomer (the packet explains it from their side). */
export const WHAT_A_BUDDY_IS =
  'Je buddy is een ervaren collega die je de eerste tijd helpt en met je meedenkt, als gelijke. ' +
  'Je buddy neemt geen werk van je over: jij houdt de regie. Vragen stellen mag altijd, ook als iedereen druk lijkt.';
