/**
 * The archive of finished onboardings (issue 19, "flat cost over the years"): when an onboarding
 * is closed, or by the monthly run for onboardings closed earlier and leavers whose onboarding
 * ended, their rows of `Check-ins` and `Inwerkschema` move to `Check-ins (archief)` and
 * `Inwerkschema (archief)`. The live tabs then hold only current newcomers, so what the sidebar reads does
 * not grow with the years; readers that need history (privacy, the pilot evaluation, the closing
 * summary, the chief report) read both.
 */
import { type Cell, cellText } from '../core/cells';
import type { Email } from '../core/identity';
import { type ArchivedTab, normalizeName, type RowOf } from '../core/schema';
import type { Table } from '../core/table';
import { logAction } from './audit';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { tabLayout } from './layout';

/** The archive tab of each live tab. */
export const ARCHIVE_OF = { checkIns: 'checkInsArchive', schedule: 'scheduleArchive' } as const;
type ArchiveKey = (typeof ARCHIVE_OF)[ArchivedTab];

const ARCHIVE_MONTH_KEY = 'archive.lastMonth';

/** How many rows moved, per live tab. */
export interface ArchiveMove {
  readonly checkIns: number;
  readonly schedule: number;
}

/**
 * Whose onboarding is finished: someone no longer `nieuw` without an active pairing, whose
 * onboarding was closed (a pairing afgerond) or who left. E-mail keys.
 */
export function finishedOnboardings(ctx: RequestContext): Set<Email> {
  const directory = ctx.directory();
  const pairings = directory.pairings();
  const active = new Set(pairings.filter((p) => p.status === 'actief').map((p) => p.newcomer));
  const closed = new Set(pairings.filter((p) => p.status === 'afgerond').map((p) => p.newcomer));
  const finished = new Set<Email>();
  for (const s of directory.staff()) {
    const who = s.email;
    if (!who || s.status === 'nieuw' || active.has(who)) continue;
    if (closed.has(who) || s.status === 'uit dienst') finished.add(who);
  }
  return finished;
}

/**
 * The archived rows of a live tab (none before the archive exists): for readers that need history
 * besides the live rows they already read.
 */
export function archivedRows<K extends ArchivedTab>(ctx: RequestContext, tab: K): RowOf<K>[] {
  return (ctx.wb.tryTable(ARCHIVE_OF[tab])?.records.map((r) => r.value) ?? []) as RowOf<K>[];
}

const key = (cells: readonly Cell[]) => JSON.stringify(cells.map((c) => cellText(c)));

/**
 * The archive tab of `tab`, with every column of the live header (created, or widened, when it
 * is not): an additive change to the sheet, like setup's, laid out as setup lays it out (date
 * formats, the `Bewaren` checkbox, allowed values), so its rows read as the live tab's did.
 */
function archiveTable(ctx: RequestContext, tab: ArchivedTab, live: Table<ArchivedTab>): Table<ArchiveKey> {
  const archive = ARCHIVE_OF[tab];
  const gateway = ctx.services.gateway;
  const liveHeader = live.header.map((c) => cellText(c).trim());
  const existing = ctx.wb.tryTable(archive);
  let name: string;
  let header: string[] | undefined;
  if (!existing) {
    name = ctx.wb.tabName(archive);
    header = liveHeader;
    gateway.createTab(name, header);
  } else {
    const known = new Set(existing.header.map((c) => normalizeName(cellText(c))));
    const missing = liveHeader.filter((h) => h !== '' && !known.has(normalizeName(h)));
    if (!missing.length) return existing as Table<ArchiveKey>;
    name = existing.sheetName;
    gateway.addColumns(name, missing);
  }
  const locations =
    ctx.wb
      .tryTable('locations')
      ?.records.map((r) => r.value.name)
      .filter(Boolean) ?? [];
  gateway.applyLayout(name, tabLayout(archive, header, locations));
  ctx.wb.forget(archive);
  return ctx.wb.table(archive) as Table<ArchiveKey>;
}

/** Moves the live rows of these newcomers to the archive of `tab`; returns how many moved. */
function moveRows(ctx: RequestContext, tab: ArchivedTab, who: ReadonlySet<string>): number {
  const live = ctx.wb.tryTable(tab) as Table<ArchivedTab> | null;
  if (!live) return 0;
  const moving = live.records.filter((r) => who.has(r.value.newcomer));
  if (!moving.length) return 0;
  const archive = archiveTable(ctx, tab, live);
  const header = (t: Table<ArchivedTab> | Table<ArchiveKey>) =>
    t.header.map((c) => normalizeName(cellText(c)));
  const target = header(archive);
  // Live column i goes to archive column at[i] (by header text; a column without header stays).
  const at = header(live).map((h) => (h === '' ? -1 : target.indexOf(h)));
  // A row already in the archive (a move whose live write failed) is not copied twice.
  const archived = new Set(archive.records.map((r) => key(archive.cellsOf(r))));
  for (const record of moving) {
    const cells: Cell[] = new Array(archive.width).fill('');
    live.cellsOf(record).forEach((cell, i) => {
      if (at[i]! >= 0) cells[at[i]!] = cell;
    });
    if (!archived.has(key(cells))) archive.appendCells(cells);
    live.remove(record);
  }
  return moving.length;
}

/**
 * Moves the rows of these newcomers (e-mails) from `Check-ins` and `Inwerkschema` to their
 * archives, inside the caller's unit of work (`ctx.locked`): written on commit, archives first.
 * Logs one line with the counts when anything moved. Running it again moves nothing.
 */
export function archiveOnboardings(ctx: RequestContext, newcomers: Iterable<Email>): ArchiveMove {
  const who = new Set([...newcomers].filter(Boolean));
  const moved = { checkIns: moveRows(ctx, 'checkIns', who), schedule: moveRows(ctx, 'schedule', who) };
  if (moved.checkIns + moved.schedule > 0)
    logAction(
      ctx,
      ctx.t('log.archived'),
      `${ctx.wb.tabName('checkIns')}: ${moved.checkIns}; ${ctx.wb.tabName('schedule')}: ${moved.schedule}`,
    );
  return moved;
}

/** Scheduled job: once a month, moves the rows of onboardings finished earlier to the archives. */
export const monthlyArchive: Job = {
  name: 'archive',
  run(ctx) {
    const month = ctx.services.clock.today().slice(0, 7);
    if (ctx.services.store.get(ARCHIVE_MONTH_KEY) === month)
      return { done: true, summary: 'done this month' };
    if (!ctx.wb.tryTable('staff')) return { done: true, summary: 'not set up' };
    const moved = ctx.wb.unitOfWork(() => {
      const result = archiveOnboardings(ctx, finishedOnboardings(ctx));
      ctx.wb.commit();
      return result;
    });
    ctx.services.store.set(ARCHIVE_MONTH_KEY, month);
    return { done: true, summary: `archived ${moved.checkIns + moved.schedule}` };
  },
};
