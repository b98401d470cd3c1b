/**
 * What a schedule template says: what "Met" means (the roles a line names, the kind of colleague a
 * shadowing line asks for, the Functie a line is for) and which template rows apply to a location.
 */
import { isAllLocations, normalizeName, sameLocation } from '../identity';
import type { RowOf } from '../schema';

type Staff = RowOf<'staff'>;
type TemplateRow = RowOf<'templates'>;

/** Texts written into `Met` when nobody could be resolved (Dutch: they land in the sheet). */
export const PLACEHOLDERS = {
  buddy: 'buddy nog niet gekoppeld',
  chiefBuddy: 'chef buddy nog niet ingesteld',
  schoolLeader: 'schoolleider nog niet ingesteld',
  ib: 'IB-er nog te kiezen',
  backup: 'achtervang nog te kiezen',
  shadowHost: 'meeloopcollega nog te kiezen',
} as const;

/**
 * What a template's "Met" means:
 * - `buddy`, `chiefBuddy` (chef buddy), `schoolLeader` (schoolleider), `ib` (IB-er, intern
 *   begeleider), `backup` (achtervang), `shadowHost` (meeloopcollega): roles, resolved per newcomer;
 * - `named`: anything else, kept as written (matched to a colleague by name or e-mail when possible);
 * - `none`: empty.
 */
export type WithRole = keyof typeof PLACEHOLDERS | 'named' | 'none';

const ROLE_WORDS: Record<string, WithRole> = {
  buddy: 'buddy',
  chefbuddy: 'chiefBuddy',
  chiefbuddy: 'chiefBuddy',
  schoolleider: 'schoolLeader',
  schoolleiding: 'schoolLeader',
  schoolleader: 'schoolLeader',
  iber: 'ib',
  ibber: 'ib',
  ib: 'ib',
  internbegeleider: 'ib',
  internebegeleider: 'ib',
  achtervang: 'backup',
  backup: 'backup',
  meeloopcollega: 'shadowHost',
  meeloopcollegas: 'shadowHost',
  shadowhost: 'shadowHost',
};

/** The role a "Met" value names (case, spaces and punctuation ignored). */
export function roleOf(withText: string): WithRole {
  const key = normalizeName(withText);
  if (key === '') return 'none';
  return ROLE_WORDS[key] ?? 'named';
}

/** True for a Functie that makes someone the location's IB-er (intern begeleider). */
export function isIbRole(role: string): boolean {
  const key = normalizeName(role);
  return roleOf(role) === 'ib' || key.includes('internbegeleid') || key.includes('internebegeleid');
}

/** True for a Functie of someone who teaches a class (leraar, docent, leerkracht, mentor). */
export function isTeacherRole(role: string): boolean {
  const key = normalizeName(role);
  return ['leraar', 'docent', 'leerkracht', 'mentor', 'teacher'].some((w) => key.includes(w));
}

/**
 * Whether a colleague is the kind a shadowing line asks for (`Met (soort collega)`): mentor,
 * leraar in de klas, andere sectie (a teacher of another Sectie/vak than the newcomer), IB-er,
 * orthopedagoog, teamleider; any other text matches a Functie that contains it. Empty: anyone.
 */
export function fitsHostKind(
  kind: string,
  colleague: Pick<Staff, 'role' | 'subject'>,
  newcomer: Pick<Staff, 'subject'>,
): boolean {
  const want = normalizeName(kind);
  if (want === '') return true;
  const role = normalizeName(colleague.role);
  switch (want) {
    case 'mentor':
      return role.includes('mentor');
    case 'leraarindeklas':
    case 'leraar':
    case 'docent':
    case 'leerkracht':
      return isTeacherRole(colleague.role);
    case 'anderesectie': {
      const theirs = normalizeName(colleague.subject);
      return isTeacherRole(colleague.role) && theirs !== '' && theirs !== normalizeName(newcomer.subject);
    }
    case 'iber':
    case 'ib':
    case 'internbegeleider':
      return isIbRole(colleague.role);
    case 'orthopedagoog':
      return role.includes('orthopedagoog') || role.includes('gedragswetenschapper');
    case 'teamleider':
      return ['teamleider', 'afdelingsleider', 'locatieleider'].some((w) => role.includes(w));
    default:
      return role !== '' && role.includes(want);
  }
}

/**
 * Whether a template line is for a newcomer with this Functie (`Voor functie`): empty means every
 * newcomer; otherwise one of its comma-separated words must occur in the Functie, so
 * "leraar, docent, mentor" fits a "Leraar Engels" and not an onderwijsassistent.
 */
export function fitsRole(forRole: string, newcomerRole: string): boolean {
  const words = forRole
    .split(/[,;/]+/)
    .map(normalizeName)
    .filter(Boolean);
  if (words.length === 0) return true;
  const role = normalizeName(newcomerRole);
  return role !== '' && words.some((w) => role.includes(w));
}

const DAY_NUMBER: Record<string, number> = { maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5 };

/** A template row that applies, with its weekday number (1 = maandag … 5 = vrijdag). */
export interface ResolvedTemplateRow extends TemplateRow {
  readonly dayNumber: number;
}

/**
 * The template of one location. The rule, per (week, day): when the location has rows of its own
 * for that week and day, those replace the base ('alle') rows of that week and day; otherwise the
 * base rows apply. So a location adds an item by copying the day's base rows and adding a line,
 * and changes one day without repeating the rest of the week. Order: week, day, sheet order.
 * Incomplete rows of the location or the base are returned in `skipped`.
 */
export function resolveTemplate(
  rows: readonly TemplateRow[],
  location: string,
): { rows: ResolvedTemplateRow[]; skipped: TemplateRow[] } {
  type Indexed = { row: ResolvedTemplateRow; index: number };
  const base: Indexed[] = [];
  const own: Indexed[] = [];
  const skipped: TemplateRow[] = [];
  rows.forEach((row, index) => {
    const isBase = isAllLocations(row.location);
    if (!isBase && !sameLocation(row.location, location)) return;
    const dayNumber = DAY_NUMBER[row.day] ?? 0;
    const week = row.week;
    if (
      week === null ||
      !Number.isInteger(week) ||
      week < 1 ||
      dayNumber === 0 ||
      row.activity.trim() === ''
    ) {
      skipped.push(row);
      return;
    }
    (isBase ? base : own).push({ row: { ...row, dayNumber }, index });
  });
  const slot = (r: ResolvedTemplateRow) => `${r.week}|${r.dayNumber}`;
  const ownSlots = new Set(own.map((x) => slot(x.row)));
  const chosen = [...base.filter((x) => !ownSlots.has(slot(x.row))), ...own];
  chosen.sort(
    (a, b) =>
      (a.row.week as number) - (b.row.week as number) ||
      a.row.dayNumber - b.row.dayNumber ||
      a.index - b.index,
  );
  return { rows: chosen.map((x) => x.row), skipped };
}
