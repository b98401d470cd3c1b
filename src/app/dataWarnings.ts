/**
 * What in the sheet Wegwijs cannot use, as sidebar warnings naming the tab and row: cells that
 * cannot be read as their column's type (an unknown Status, an e-mail that is not one address, a
 * capacity like "twee"), rows that copy another, buddies who left with a newcomer still paired,
 * and role settings that cannot be read. Shown to those who can fix them; never silently ignored.
 */

import type { CellProblemCode } from '../core/cells';
import type { Email } from '../core/identity';
import { type Actor, seesRowsOf } from '../core/roles';
import { type ColumnSpec, SCHEMA, type TabKey } from '../core/schema';
import { SETTINGS, settingKeyOf } from '../core/settings';
import type { TableRecord } from '../core/table';
import type { RequestContext } from './context';

/** Most row warnings listed one by one; the rest are counted. */
const MAX_ROW_WARNINGS = 25;

/** The tabs whose rows drive mail, pairing and schedules (each has a location or a newcomer). */
const CHECKED_TABS = ['staff', 'pairings', 'checkIns', 'locations', 'templates', 'messages'] as const;

function columnLabel(ctx: RequestContext, tab: TabKey, dutch: string): string {
  if (ctx.language !== 'en') return dutch;
  const column = (Object.values(SCHEMA[tab].columns) as ColumnSpec[]).find((c) => c.nl === dutch);
  return column?.en ?? dutch;
}

/** Which location a row is about, to show a chef buddy only their own rows. */
function locationOf(ctx: RequestContext, tab: (typeof CHECKED_TABS)[number], record: TableRecord<TabKey>) {
  const value = record.value as Record<string, unknown>;
  if (tab === 'locations') return String(value.name ?? '');
  if (tab === 'checkIns')
    return ctx.directory().person((value.newcomer as Email | undefined) ?? '')?.location ?? '';
  return String(value.location ?? '');
}

/** Cell problems and empty required choices, per row, for the actor's locations. */
function cellWarnings(ctx: RequestContext, actor: Actor): string[] {
  const out: string[] = [];
  for (const tab of CHECKED_TABS) {
    const table = ctx.wb.tryTable(tab);
    if (!table) continue;
    for (const record of table.records as TableRecord<TabKey>[]) {
      const problems: { column: string; code: CellProblemCode | 'empty' }[] = [...record.problems];
      // A staff row with an address but no Status would vanish from every list.
      const staff = record.value as Record<string, unknown>;
      if (
        tab === 'staff' &&
        staff.email &&
        staff.status === '' &&
        !problems.some((p) => p.column === 'Status')
      )
        problems.push({ column: 'Status', code: 'empty' });
      // Whose row it is only matters for a row with something to say (most rows have nothing).
      if (!problems.length || !seesRowsOf(actor, locationOf(ctx, tab, record))) continue;
      for (const p of problems) {
        out.push(
          ctx.t('sidebar.rowProblem', {
            tab: table.sheetName,
            row: record.sheetRow,
            column: columnLabel(ctx, tab, p.column),
            problem: ctx.t(`cell.${p.code}`),
          }),
        );
      }
    }
  }
  return out;
}

function duplicateWarnings(ctx: RequestContext, actor: Actor): string[] {
  const directory = ctx.directory();
  return directory.duplicates().flatMap((d) => {
    const table = ctx.wb.tryTable(d.tab);
    if (!table) return [];
    const first = table.records.find((r) => r.sheetRow === d.rows[0]) as TableRecord<TabKey> | undefined;
    if (first && !seesRowsOf(actor, locationOf(ctx, d.tab, first))) return [];
    return [
      ctx.t(`sidebar.duplicate.${d.tab}`, {
        tab: table.sheetName,
        rows: d.rows.join(', '),
        first: d.rows[0]!,
      }),
    ];
  });
}

/** Active pairings whose buddy has left: the newcomer needs a new buddy. */
function leftBuddyWarnings(ctx: RequestContext, actor: Actor): string[] {
  const directory = ctx.directory();
  const table = ctx.wb.tryTable('pairings');
  if (!table) return [];
  return directory
    .pairingRecords()
    .filter((r) => r.value.status === 'actief' && directory.hasLeft(r.value.buddy))
    .filter((r) => seesRowsOf(actor, r.value.location))
    .map((r) =>
      ctx.t('sidebar.buddyLeft', {
        buddy: directory.person(r.value.buddy)?.name || r.value.buddy,
        newcomer: directory.person(r.value.newcomer)?.name || r.value.newcomer,
        tab: table.sheetName,
        row: r.sheetRow,
      }),
    );
}

/**
 * Warnings about role settings, for anyone who opens the sidebar: an unreadable or empty leader
 * list locks the real leader out, so it must be visible to whoever can fix the sheet.
 */
export function roleSettingWarnings(ctx: RequestContext): string[] {
  const out: string[] = [];
  const tab = ctx.wb.tabName('settings');
  const setting = ctx.language === 'en' ? SETTINGS.schoolLeaders.en : SETTINGS.schoolLeaders.nl;
  for (const problem of ctx.settingProblems()) {
    if (settingKeyOf(problem.setting) === 'schoolLeaders')
      out.push(ctx.t('sidebar.roleSettingProblem', { setting, value: problem.value }));
  }
  if (ctx.settings().schoolLeaders.length === 0 && ctx.wb.tryTable('settings'))
    out.push(ctx.t('sidebar.noLeaders', { tab, setting }));
  return out;
}

/** Every data warning for a school leader or chef buddy (their own locations' rows). */
export function dataWarnings(ctx: RequestContext, actor: Actor): string[] {
  const rows = cellWarnings(ctx, actor);
  const shown = rows.slice(0, MAX_ROW_WARNINGS);
  if (rows.length > MAX_ROW_WARNINGS)
    shown.push(ctx.t('sidebar.rowProblemsMore', { count: rows.length - MAX_ROW_WARNINGS }));
  return [...duplicateWarnings(ctx, actor), ...leftBuddyWarnings(ctx, actor), ...shown];
}
