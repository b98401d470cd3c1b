/**
 * The welcome packet, pure: when it is due (working days before the start), the lines it shows
 * (schedule, check-ins, who to ask what), and the printable HTML that becomes its PDF.
 */
import type { SchoolCalendar } from './calendar';
import { formatDutchDate, type IsoDate, weekday } from './dates';
import { escapeHtml } from './html';
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

export interface PacketContent {
  readonly title: string;
  /** The rendered welcome message (already escaped HTML from the template renderer). */
  readonly messageHtml: string;
  readonly newcomer: { name: string; location: string; startDate: IsoDate };
  readonly buddy: { name: string; email: string };
  readonly chiefBuddy: { name: string; email: string };
  readonly schedule: readonly RowOf<'schedule'>[];
  readonly checkIns: readonly RowOf<'checkIns'>[];
  readonly whoToAsk: readonly RowOf<'whoToAsk'>[];
  readonly links: readonly { label: string; url: string }[];
  readonly buddyTask: string;
}

/**
 * The printable welcome packet: one HTML page with everything in one place. Every value is
 * escaped; `messageHtml` comes from the template renderer, which escapes its values.
 */
export function packetHtml(p: PacketContent): string {
  const e = escapeHtml;
  const weeks = [...new Set(p.schedule.map((r) => r.week ?? 0))]
    .filter((w) => w > 0 && w <= 3)
    .sort((a, b) => a - b);
  const scheduleHtml = weeks
    .map((week) => {
      const rows = p.schedule
        .filter((r) => r.week === week)
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map((r) => `<tr><td>${e(dayLabel(r.date))}</td><td>${e(r.activity)}</td><td>${e(r.with)}</td></tr>`)
        .join('');
      return `<h3>Week ${week}</h3><table><tr><th>Dag</th><th>Activiteit</th><th>Met</th></tr>${rows}</table>`;
    })
    .join('');
  const checkIns = checkInLines(p.checkIns)
    .map((l) => `<li>${e(l)}</li>`)
    .join('');
  const who = p.whoToAsk
    .map((r) => `<tr><td>${e(r.topic)}</td><td>${e(r.person)}</td><td>${e(r.email)}</td></tr>`)
    .join('');
  const links = p.links.map((l) => `<li>${e(l.label)}: ${e(l.url)}</li>`).join('');
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<title>${e(p.title)}</title>`,
    '<style>body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#202124;margin:24px}',
    'h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;margin:20px 0 6px;border-bottom:1px solid #999}',
    'h3{font-size:11pt;margin:12px 0 4px}table{border-collapse:collapse;width:100%}',
    'th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}</style></head><body>',
    `<h1>${e(p.title)}</h1>`,
    `<p>${e(p.newcomer.name)} · ${e(p.newcomer.location)} · start ${e(formatDutchDate(p.newcomer.startDate))}</p>`,
    p.messageHtml,
    '<h2>Je buddy en je chef buddy</h2>',
    `<p>Buddy: ${e(p.buddy.name)} (${e(p.buddy.email)})<br>Chef buddy: ${e(p.chiefBuddy.name)} (${e(p.chiefBuddy.email)})</p>`,
    `<p>${e(p.buddyTask).replace(/\n/g, '<br>')}</p>`,
    '<h2>Je eerste drie weken</h2>',
    scheduleHtml || '<p>Het schema volgt.</p>',
    '<h2>Check-ins</h2>',
    checkIns ? `<ul>${checkIns}</ul>` : '<p>De check-ins worden nog gepland.</p>',
    '<h2>Wie vraag ik wat</h2>',
    who
      ? `<table><tr><th>Onderwerp</th><th>Persoon</th><th>E-mail</th></tr>${who}</table>`
      : '<p>Vraag het je buddy.</p>',
    '<h2>Documenten</h2>',
    links ? `<ul>${links}</ul>` : '',
    '</body></html>',
  ].join('');
}

/** What a buddy is for, for the newcomer (the packet explains it from their side). */
export const WHAT_A_BUDDY_IS =
  'Je buddy is een ervaren collega die je de eerste tijd helpt en met je meedenkt, als gelijke. ' +
  'Je buddy neemt geen werk van je over: jij houdt de regie. Vragen stellen mag altijd, ook als iedereen druk lijkt.';
