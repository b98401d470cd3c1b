/**
 * Privacy by design (AVG), the pure rules: what the retention terms remove, everything held about
 * one person (right of access, with other people left out), and what erasing a person changes.
 * Plans only: the use cases apply them to the tables, one write per tab.
 */
import { addMonths, type IsoDate } from './dates';
import { type Email, emailKey, nameKey } from './identity';
import type { RowOf, TabKey } from './schema';
import type { Settings } from './settings';

type Staff = RowOf<'staff'>;

export interface PrivacyTables {
  readonly staff: readonly Staff[];
  readonly pairings: readonly RowOf<'pairings'>[];
  readonly schedule: readonly RowOf<'schedule'>[];
  readonly checkIns: readonly RowOf<'checkIns'>[];
  readonly whoToAsk: readonly RowOf<'whoToAsk'>[];
  readonly locations: readonly RowOf<'locations'>[];
  readonly log: readonly RowOf<'log'>[];
  /** Issue 19: the finished onboardings' rows, under the same rules as the live tabs (absent: none). */
  readonly scheduleArchive?: readonly RowOf<'schedule'>[];
  readonly checkInsArchive?: readonly RowOf<'checkIns'>[];
}

/** The live schedule and check-in tabs with their archives: every rule applies to both alike. */
const SCHEDULE_TABS = ['schedule', 'scheduleArchive'] as const;
const CHECK_IN_TABS = ['checkIns', 'checkInsArchive'] as const;

// ---- Retention ----

/**
 * Why a retention action is taken:
 * - `notes`: check-in notes, agreements and skip reasons, the 4D steps, worries, goals and
 *   competence levels (the buddy's and the newcomer's own), `retentionNotesMonths` after the
 *   newcomer's onboarding ended (the latest 'Afgesloten op' of their ended pairings);
 * - `pairReason`: the reason of an ended pairing, after the same term from 'Afgesloten op';
 * - `records`: schedule lines, check-ins and pairings of a newcomer who left ('Uit dienst per'),
 *   `retentionRecordsMonths` after leaving; their welcome packet state is cleared;
 * - `log`: Logboek rows older than `retentionRecordsMonths`.
 * A row with 'Bewaren' ticked, or of a person with 'Bewaren' ticked in Medewerkers, is kept.
 * The archive tabs of finished onboardings (issue 19) follow the rules of their live tabs.
 */
export type RetentionReason = 'notes' | 'pairReason' | 'records' | 'log';

export type RetentionAction =
  | {
      readonly tab: TabKey;
      readonly index: number;
      readonly reason: RetentionReason;
      readonly kind: 'delete';
    }
  | {
      readonly tab: TabKey;
      readonly index: number;
      readonly reason: RetentionReason;
      readonly kind: 'clear';
      readonly fields: readonly string[];
    };

export interface RetentionPlan {
  readonly actions: RetentionAction[];
  /** Staff who left without a 'Uit dienst per' date: their records cannot be dated (emails). */
  readonly undated: string[];
}

/** The end of each newcomer's onboarding: the latest 'Afgesloten op' of a closed pairing. */
function onboardingEnds(tables: PrivacyTables): Map<string, IsoDate> {
  const stillNew = new Set(tables.staff.filter((s) => s.status === 'nieuw').map((s) => s.email));
  const ends = new Map<string, IsoDate>();
  for (const p of tables.pairings) {
    const who = p.newcomer;
    if (p.status === 'actief' || !p.endedOn || stillNew.has(who)) continue;
    if (p.status === 'beëindigd' && tables.pairings.some((q) => q.status === 'actief' && q.newcomer === who))
      continue;
    const last = ends.get(who);
    if (!last || p.endedOn > last) ends.set(who, p.endedOn);
  }
  return ends;
}

/** The staff row's evaluation at closing: personal, cleared with the check-ins' notes. */
const CLOSING_FIELDS = ['closingGoals', 'closingAgreements'] as const;

/** What the retention terms remove today. Running it on its own result finds nothing more. */
export function retentionPlan(
  tables: PrivacyTables,
  settings: Pick<Settings, 'retentionNotesMonths' | 'retentionRecordsMonths'>,
  today: IsoDate,
): RetentionPlan {
  const actions: RetentionAction[] = [];
  const held = new Set(tables.staff.filter((s) => s.hold).map((s) => s.email));
  const notesBefore = addMonths(today, -Math.round(settings.retentionNotesMonths));
  const recordsBefore = addMonths(today, -Math.round(settings.retentionRecordsMonths));
  const ends = onboardingEnds(tables);
  const left = new Set<string>();
  const undated: string[] = [];
  tables.staff.forEach((s, index) => {
    if (s.status !== 'uit dienst' || held.has(s.email)) return;
    if (!s.leftOn) {
      undated.push(s.email);
      return;
    }
    if (s.leftOn >= recordsBefore) return;
    left.add(s.email);
    const fields = (['welcomeStatus', ...CLOSING_FIELDS] as const).filter((f) => (s[f] ?? '').trim() !== '');
    if (fields.length) actions.push({ tab: 'staff', index, reason: 'records', kind: 'clear', fields });
  });
  // The evaluation at closing (issue 14) goes with the check-ins' personal parts.
  tables.staff.forEach((s, index) => {
    const who = s.email;
    if (held.has(who) || left.has(who)) return;
    const end = ends.get(who);
    const fields = CLOSING_FIELDS.filter((f) => (s[f] ?? '').trim() !== '');
    if (end && end < notesBefore && fields.length)
      actions.push({ tab: 'staff', index, reason: 'notes', kind: 'clear', fields });
  });
  for (const tab of SCHEDULE_TABS)
    (tables[tab] ?? []).forEach((r, index) => {
      if (left.has(r.newcomer)) actions.push({ tab, index, reason: 'records', kind: 'delete' });
    });
  for (const tab of CHECK_IN_TABS)
    (tables[tab] ?? []).forEach((r, index) => {
      const who = r.newcomer;
      if (r.hold || held.has(who)) return;
      if (left.has(who)) {
        actions.push({ tab, index, reason: 'records', kind: 'delete' });
        return;
      }
      const end = ends.get(who);
      const fields = (
        [
          'notes',
          'agreements',
          'skipped',
          'newcomerRemark',
          'discovery',
          'dream',
          'design',
          'worries',
          'goals',
          'levels',
          'newcomerLevels',
        ] as const
      ).filter((f) => (r[f] ?? '').trim() !== '');
      if (end && end < notesBefore && fields.length)
        actions.push({ tab, index, reason: 'notes', kind: 'clear', fields });
    });
  tables.pairings.forEach((p, index) => {
    const who = p.newcomer;
    if (p.hold || held.has(who)) return;
    if (left.has(who)) {
      actions.push({ tab: 'pairings', index, reason: 'records', kind: 'delete' });
      return;
    }
    if (p.status !== 'actief' && p.endedOn && p.endedOn < notesBefore && p.reason.trim()) {
      actions.push({ tab: 'pairings', index, reason: 'pairReason', kind: 'clear', fields: ['reason'] });
    }
  });
  tables.log.forEach((r, index) => {
    if (r.at && r.at.slice(0, 10) < recordsBefore)
      actions.push({ tab: 'log', index, reason: 'log', kind: 'delete' });
  });
  return { actions, undated };
}

/** Counts per tab and reason, for the preview and the Logboek (never what the rows said). */
export function countActions(
  actions: readonly RetentionAction[],
): { tab: TabKey; reason: RetentionReason; rows: number }[] {
  const counts = new Map<string, { tab: TabKey; reason: RetentionReason; rows: number }>();
  for (const a of actions) {
    const key = `${a.tab}|${a.reason}`;
    const entry = counts.get(key);
    if (entry) entry.rows++;
    else counts.set(key, { tab: a.tab, reason: a.reason, rows: 1 });
  }
  return [...counts.values()];
}

// ---- Right of access ----

/** How the person appears in a row. */
export type PersonRole = 'self' | 'newcomer' | 'buddy' | 'chefbuddy' | 'colleague' | 'author' | 'user';

export interface AccessRow {
  readonly tab: TabKey;
  readonly role: PersonRole;
  /** Field → value; fields naming other people hold OTHER_PERSON instead. */
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
}

/** What stands in a cell that names someone else. */
export const OTHER_PERSON = '(andere medewerker)';

/**
 * Every row about one person, in every tab. Rows about them keep their content (including notes
 * written about them as newcomer, which the AVG gives them access to) but other people's names
 * are left out; rows where they only acted (as buddy, host, author) show what they did, not whom
 * it concerned, and no notes about others.
 */
export function personRecords(email: Email, name: string, tables: PrivacyTables): AccessRow[] {
  const me = email;
  const myName = nameKey(name);
  const other = (value: string) =>
    emailKey(value) === me || nameKey(value) === myName || !value ? value : OTHER_PERSON;
  const rows: AccessRow[] = [];
  for (const s of tables.staff)
    if (s.email === me) rows.push({ tab: 'staff', role: 'self', values: { ...s } });
  for (const p of tables.pairings) {
    if (p.newcomer === me) {
      rows.push({
        tab: 'pairings',
        role: 'newcomer',
        values: { ...p, buddy: other(p.buddy), pairedBy: other(p.pairedBy) },
      });
    } else if (p.buddy === me) {
      rows.push({
        tab: 'pairings',
        role: 'buddy',
        values: {
          newcomer: OTHER_PERSON,
          buddy: p.buddy,
          location: p.location,
          pairedOn: p.pairedOn,
          status: p.status,
          endedOn: p.endedOn,
          buddyMail: p.buddyMail,
        },
      });
    } else if (p.pairedBy === me) {
      rows.push({
        tab: 'pairings',
        role: 'author',
        values: { location: p.location, pairedOn: p.pairedOn, pairedBy: p.pairedBy },
      });
    }
  }
  for (const tab of SCHEDULE_TABS)
    for (const r of tables[tab] ?? []) {
      if (r.newcomer === me) rows.push({ tab, role: 'newcomer', values: { ...r, with: other(r.with) } });
      else if (myName && nameKey(r.with) === myName) {
        rows.push({
          tab,
          role: 'colleague',
          values: { newcomer: OTHER_PERSON, date: r.date, activity: r.activity, with: r.with },
        });
      }
    }
  for (const tab of CHECK_IN_TABS)
    for (const c of tables[tab] ?? []) {
      if (c.newcomer === me) {
        rows.push({
          tab,
          role: 'newcomer',
          values: { ...c, buddy: other(c.buddy), recordedBy: other(c.recordedBy) },
        });
      } else if (c.buddy === me || c.recordedBy === me) {
        rows.push({
          tab,
          role: c.buddy === me ? 'buddy' : 'author',
          values: {
            newcomer: OTHER_PERSON,
            planned: c.planned,
            held: c.held,
            reminder: c.reminder,
            lateNotice: c.lateNotice,
          },
        });
      }
    }
  for (const w of tables.whoToAsk) {
    if (w.email === me || (myName && nameKey(w.person) === myName)) {
      rows.push({ tab: 'whoToAsk', role: 'self', values: { ...w } });
    }
  }
  for (const l of tables.locations) {
    if (l.chiefBuddy === me)
      rows.push({ tab: 'locations', role: 'chefbuddy', values: { name: l.name, chiefBuddy: l.chiefBuddy } });
  }
  for (const l of tables.log) if (l.user === me) rows.push({ tab: 'log', role: 'user', values: { ...l } });
  return rows;
}

/** A CSV cell that no spreadsheet will run as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The access rows as one CSV (semicolon-separated, as Dutch spreadsheets expect). */
export function accessCsv(
  rows: readonly AccessRow[],
  headers: (tab: TabKey, field: string) => string,
  tabName: (tab: TabKey) => string,
): string {
  const lines = [['Tabblad', 'Rol', 'Veld', 'Waarde'].join(';')];
  for (const row of rows) {
    for (const [field, value] of Object.entries(row.values)) {
      if (value === '' || value === null || value === false) continue;
      lines.push([tabName(row.tab), row.role, headers(row.tab, field), value].map(csvCell).join(';'));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---- Erasure ----

export type ErasureAction =
  | { readonly tab: TabKey; readonly index: number; readonly kind: 'delete' }
  | {
      readonly tab: TabKey;
      readonly index: number;
      readonly kind: 'set';
      readonly values: Readonly<Record<string, unknown>>;
    };

/** What stands where an erased person was named. */
export const ERASED = '(verwijderd)';

/**
 * Erasing a person: their own rows go; where they were someone else's buddy, host or author, their
 * name or e-mail is removed and the other person's history stays. An active pairing whose buddy
 * is erased ends. Running it again finds nothing.
 */
export function erasurePlan(
  email: Email,
  name: string,
  tables: PrivacyTables,
  today: IsoDate,
): ErasureAction[] {
  const me = email;
  const myName = nameKey(name);
  const actions: ErasureAction[] = [];
  const named = (text: string) => myName !== '' && nameKey(text) === myName;
  tables.staff.forEach((s, index) => {
    if (s.email === me) actions.push({ tab: 'staff', index, kind: 'delete' });
  });
  tables.pairings.forEach((p, index) => {
    if (p.newcomer === me) actions.push({ tab: 'pairings', index, kind: 'delete' });
    else if (p.buddy === me) {
      actions.push({
        tab: 'pairings',
        index,
        kind: 'set',
        values: {
          buddy: '',
          ...(p.pairedBy === me ? { pairedBy: '' } : {}),
          ...(p.status === 'actief'
            ? { status: 'beëindigd', reason: 'buddy verwijderd (AVG)', endedOn: today }
            : {}),
        },
      });
    } else if (p.pairedBy === me)
      actions.push({ tab: 'pairings', index, kind: 'set', values: { pairedBy: '' } });
  });
  for (const tab of SCHEDULE_TABS)
    (tables[tab] ?? []).forEach((r, index) => {
      if (r.newcomer === me) actions.push({ tab, index, kind: 'delete' });
      else if (named(r.with)) actions.push({ tab, index, kind: 'set', values: { with: ERASED } });
    });
  for (const tab of CHECK_IN_TABS)
    (tables[tab] ?? []).forEach((c, index) => {
      if (c.newcomer === me) actions.push({ tab, index, kind: 'delete' });
      else if (c.buddy === me || c.recordedBy === me) {
        actions.push({
          tab,
          index,
          kind: 'set',
          values: {
            ...(c.buddy === me ? { buddy: '' } : {}),
            ...(c.recordedBy === me ? { recordedBy: '' } : {}),
          },
        });
      }
    });
  tables.whoToAsk.forEach((w, index) => {
    if (w.email === me || named(w.person)) actions.push({ tab: 'whoToAsk', index, kind: 'delete' });
  });
  tables.locations.forEach((l, index) => {
    if (l.chiefBuddy === me)
      actions.push({ tab: 'locations', index, kind: 'set', values: { chiefBuddy: '' } });
  });
  tables.log.forEach((l, index) => {
    if (l.user === me) actions.push({ tab: 'log', index, kind: 'set', values: { user: ERASED } });
  });
  return actions;
}
