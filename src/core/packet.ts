/**
 * The welcome packet as the protocol's one collection document: the school's own texts per
 * section (the `Welkomstpakket` tab, a location's row over the `alle` row), completed with what
 * Wegwijs knows (who to ask what, the buddy, the first three weeks, the check-ins, links), and
 * printed as one clean HTML page that becomes the PDF. Pure.
 */

import { longDate } from '../shared/language';
import type { IsoDate } from './dates';
import { EXAMPLE_MARK } from './defaults';
import { escapeHtml } from './html';
import { isAllLocations } from './identity';
import { normalizeName, PACKET_SECTIONS, type PacketSection, type RowOf } from './schema';
import { checkInLines, dayLabel } from './welcome';

/** The heading of each section, as the newcomer reads it. */
export const SECTION_TITLES: Record<PacketSection, string> = {
  welkom: 'Welkom',
  'onze missie en visie': 'Onze missie en visie',
  'onze leerlingen': 'Onze leerlingen',
  protocollen: 'Protocollen',
  'regels en afspraken van de locatie': 'Regels en afspraken van de locatie',
  'wie vraag ik wat': 'Wie vraag ik wat',
  'je buddy en je chef buddy': 'Je buddy en je chef buddy',
  'je eerste drie weken': 'Je eerste drie weken',
  'je check-ins': 'Je check-ins',
  'handige links': 'Handige links',
};

/** One section's text for a location, and whether it is still setup's example. */
export interface SectionText {
  readonly section: PacketSection;
  readonly text: string;
  readonly example: boolean;
}

/** True while a text still carries setup's example mark. */
export function isExampleText(text: string): boolean {
  return normalizeName(text).includes(normalizeName(EXAMPLE_MARK));
}

/** A text without setup's example mark (what the newcomer reads). */
function withoutMark(text: string): string {
  return text.split(EXAMPLE_MARK).join('').replace(/\s+$/g, '').trim();
}

/**
 * The text of every section for one location: the location's own row when it has text, else the
 * `alle` row; the first such row counts, so no section appears twice. A section without any row
 * has no text (its generated part still shows).
 */
export function sectionTexts(rows: readonly RowOf<'packet'>[], location: string): SectionText[] {
  const here = normalizeName(location);
  return PACKET_SECTIONS.map((section) => {
    const of = rows.filter((r) => r.section === section && r.text.trim() !== '');
    const own = of.find((r) => here !== '' && normalizeName(r.location) === here);
    const base = of.find((r) => isAllLocations(r.location));
    const text = (own ?? base)?.text ?? '';
    return { section, text: withoutMark(text), example: text !== '' && isExampleText(text) };
  });
}

export interface PacketDocument {
  readonly title: string;
  readonly schoolName: string;
  /** The day the packet was made, written in the footer as "maandag 4 januari 2027". */
  readonly madeOn: IsoDate;
  readonly newcomer: { name: string; location: string; startDate: IsoDate };
  readonly sections: readonly SectionText[];
  readonly buddy: { name: string; email: string };
  readonly chiefBuddy: { name: string; email: string };
  readonly schedule: readonly RowOf<'schedule'>[];
  readonly checkIns: readonly RowOf<'checkIns'>[];
  readonly whoToAsk: readonly RowOf<'whoToAsk'>[];
  readonly links: readonly { label: string; url: string }[];
}

/** "maandag 11 januari 2027": how a date reads in a sentence. */
export function longDutchDate(date: IsoDate): string {
  return longDate(date, 'nl');
}

/** Lines an A4 page holds at 11pt, and characters per line: enough to estimate the length. */
const LINES_PER_PAGE = 46;
const CHARS_PER_LINE = 90;

interface Block {
  readonly html: string;
  /** Estimated printed lines. */
  readonly lines: number;
}

const e = escapeHtml;

function paragraph(text: string): Block {
  const parts = text.split(/\n\s*\n/).filter((p) => p.trim());
  return {
    html: parts.map((p) => `<p>${e(p.trim()).replace(/\n/g, '<br>')}</p>`).join(''),
    lines: parts.reduce((n, p) => n + Math.ceil(p.length / CHARS_PER_LINE) + 1, 0),
  };
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): Block {
  const th = head.map((h) => `<th>${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
  return { html: `<table><tr>${th}</tr>${body}</table>`, lines: rows.length * 1.3 + 2 };
}

function list(items: readonly string[]): Block {
  return { html: `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`, lines: items.length + 1 };
}

/** What Wegwijs adds to a section from the sheet (after the school's text). */
function generated(section: PacketSection, p: PacketDocument): Block[] {
  switch (section) {
    case 'wie vraag ik wat':
      return p.whoToAsk.length
        ? [
            table(
              ['Onderwerp', 'Wie', 'E-mail'],
              p.whoToAsk.map((r) => [r.topic, r.person, r.email]),
            ),
          ]
        : [];
    case 'je buddy en je chef buddy':
      return [
        list([
          `Je buddy: ${p.buddy.name || 'volgt nog'}${p.buddy.email ? ` (${p.buddy.email})` : ''}`,
          `Je chef buddy: ${p.chiefBuddy.name}${p.chiefBuddy.email ? ` (${p.chiefBuddy.email})` : ''}`,
        ]),
      ];
    case 'je eerste drie weken': {
      const weeks = [...new Set(p.schedule.map((r) => r.week ?? 0))]
        .filter((w) => w > 0 && w <= 3)
        .sort((a, b) => a - b);
      if (!weeks.length) return [paragraph('Je inwerkschema volgt nog.')];
      return weeks.flatMap((week) => [
        { html: `<h3>Week ${week}</h3>`, lines: 2 },
        table(
          ['Dag', 'Activiteit', 'Met'],
          p.schedule
            .filter((r) => r.week === week)
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
            .map((r) => [dayLabel(r.date), r.activity, r.with]),
        ),
      ]);
    }
    case 'je check-ins': {
      const lines = checkInLines(p.checkIns);
      return [lines.length ? list(lines) : paragraph('Je check-ins worden nog gepland.')];
    }
    case 'handige links':
      return p.links.length ? [list(p.links.map((l) => `${l.label}: ${l.url}`))] : [];
    default:
      return [];
  }
}

export interface PacketLayout {
  /** The sections shown, in order, each once. */
  readonly sections: readonly PacketSection[];
  readonly estimatedPages: number;
  readonly tableOfContents: boolean;
}

/**
 * The printable packet: a title, a table of contents when it runs over two pages, every section
 * once in the protocol's order (a section with neither text nor content is left out), and the
 * school's name and the date in the footer. Only the newcomer is addressed: nothing here is
 * written to the buddy. Every value is escaped.
 */
export function packetDocument(p: PacketDocument): { html: string; layout: PacketLayout } {
  const shown: { section: PacketSection; blocks: Block[] }[] = [];
  for (const s of p.sections) {
    const blocks = [...(s.text ? [paragraph(s.text)] : []), ...generated(s.section, p)];
    if (blocks.length && !shown.some((x) => x.section === s.section))
      shown.push({ section: s.section, blocks });
  }
  const bodyLines = 4 + shown.reduce((n, s) => n + 3 + s.blocks.reduce((m, b) => m + b.lines, 0), 0);
  const estimatedPages = Math.max(1, Math.ceil(bodyLines / LINES_PER_PAGE));
  const tableOfContents = estimatedPages > 2;
  const footer = [p.schoolName.trim(), `welkomstpakket ${p.newcomer.name}`, longDutchDate(p.madeOn)]
    .filter(Boolean)
    .join(' · ');
  const html = [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<title>${e(p.title)}</title>`,
    '<style>body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#202124;margin:24px}',
    'h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;margin:20px 0 6px;border-bottom:1px solid #999}',
    'h3{font-size:11pt;margin:12px 0 4px}table{border-collapse:collapse;width:100%}',
    'th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}',
    'footer{margin-top:32px;border-top:1px solid #999;padding-top:4px;font-size:9pt;color:#5f6368}</style></head><body>',
    `<h1>${e(p.title)}</h1>`,
    `<p>${e(p.newcomer.name)} · ${e(p.newcomer.location)} · je eerste werkdag: ${e(longDutchDate(p.newcomer.startDate))}</p>`,
    tableOfContents
      ? `<h2>Inhoud</h2><ol>${shown.map((s, i) => `<li><a href="#deel-${i + 1}">${e(SECTION_TITLES[s.section])}</a></li>`).join('')}</ol>`
      : '',
    ...shown.map(
      (s, i) =>
        `<h2 id="deel-${i + 1}">${e(SECTION_TITLES[s.section])}</h2>${s.blocks.map((b) => b.html).join('')}`,
    ),
    `<footer>${e(footer)}</footer>`,
    '</body></html>',
  ].join('');
  return { html, layout: { sections: shown.map((s) => s.section), estimatedPages, tableOfContents } };
}
