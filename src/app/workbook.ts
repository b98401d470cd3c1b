/**
 * The unit of work of one request: each tab is read at most once, changes collect in memory, and
 * `commit` writes each changed tab once. A missing tab or column stops before anything is written.
 */

import type { Cell } from '../core/cells';
import { UserError } from '../core/errors';
import { type RowOf, SCHEMA, type TabKey } from '../core/schema';
import { mapHeader, Table } from '../core/table';
import type { SheetGateway } from './ports';
import type { Language } from './texts/messages';

export interface TableOptions<K extends TabKey> {
  /** Optional columns this action cannot do without. */
  readonly needs?: readonly (keyof RowOf<K> & string)[];
}

/**
 * A mark every Wegwijs write changes, seen by every context: equal marks before a read and under
 * a later lock mean no Wegwijs call wrote in between. `null` means unknown (never written, or
 * forgotten): then everything is read again.
 */
export interface WriteStamp {
  read(): string | null;
  bump(): string;
}

/**
 * Write order (issue 19): archives, then the tabs they take rows from, then the rest; a failed
 * move then leaves the closing that asked for it unwritten too, so it can simply be retried.
 */
const ARCHIVED: ReadonlySet<TabKey> = new Set(['checkIns', 'schedule']);
const archiveFirst = (key: TabKey): number => (SCHEMA[key].archiveOf ? 0 : ARCHIVED.has(key) ? 1 : 2);

export class Workbook {
  /** The write stamp when this request first read a tab (undefined: nothing read yet). */
  private seen: string | null | undefined;
  private readonly tables = new Map<TabKey, Table<TabKey>>();
  private readonly missing = new Set<TabKey>();
  /** Rows to append to tabs not read in this request (the Logboek), written on commit. */
  private readonly pending = new Map<TabKey, RowOf<TabKey>[]>();
  /** The open unit of work: commits asked for inside it wait for it to succeed. */
  private unit: { requested: boolean; after: (() => void)[] } | null = null;

  constructor(
    readonly gateway: SheetGateway,
    readonly language: Language,
    private readonly stamp?: WriteStamp,
  ) {}

  /**
   * Whether no Wegwijs call wrote since this request read its first tab: then what it read before
   * taking the lock (to find the user's role) still holds under the lock and is not read again.
   * False without a stamp (always read again).
   */
  unchangedSinceRead(): boolean {
    if (!this.stamp || this.seen === undefined || this.seen === null) return false;
    return this.stamp.read() === this.seen;
  }

  /** The tab's name as the user would know it. */
  tabName(key: TabKey): string {
    return this.language === 'en' ? SCHEMA[key].en : SCHEMA[key].nl;
  }

  /** Reads a tab (once per request). Throws a UserError naming a missing tab or column. */
  table<K extends TabKey>(key: K, options: TableOptions<K> = {}): Table<K> {
    const table = this.tryTable(key, options);
    if (!table) throw new UserError('schema.missingTab', { tab: this.tabName(key) });
    return table;
  }

  /** Like `table`, but null when the tab does not exist. */
  tryTable<K extends TabKey>(key: K, options: TableOptions<K> = {}): Table<K> | null {
    const cached = this.tables.get(key) as Table<K> | undefined;
    if (cached) {
      if (options.needs?.length) mapHeader(key, cached.sheetName, this.headerOf(cached), options.needs);
      return cached;
    }
    if (this.missing.has(key)) return null;
    const spec = SCHEMA[key];
    // Taken before the first read: a write after it (by anyone) changes it.
    if (this.seen === undefined && this.stamp) this.seen = this.stamp.read();
    const read = this.gateway.read([spec.nl, spec.en, ...spec.aliases]);
    if (!read) {
      this.missing.add(key);
      return null;
    }
    const grid = read.grid.length > 0 ? read.grid : [[]];
    const columns = mapHeader(key, read.name, grid[0]!, options.needs ?? []);
    const table = new Table(key, read.name, grid, columns);
    this.tables.set(key, table as unknown as Table<TabKey>);
    // Rows queued for this tab before it was read become the table's own appends.
    for (const row of this.pending.get(key) ?? []) table.append(row as RowOf<K>);
    this.pending.delete(key);
    return table;
  }

  /**
   * A tab's header row: from the table when this request read the tab (no call), else read alone.
   * Null when the tab does not exist.
   */
  header(key: TabKey): { name: string; header: readonly Cell[] } | null {
    const table = this.tables.get(key);
    if (table) {
      // As a header read alone: without the empty cells after its last title.
      let width = table.header.length;
      while (width > 0 && table.header[width - 1] === '') width--;
      return { name: table.sheetName, header: table.header.slice(0, width) };
    }
    if (this.missing.has(key)) return null;
    const spec = SCHEMA[key];
    const read = this.gateway.readHeader([spec.nl, spec.en, ...spec.aliases]);
    return read ? { name: read.name, header: read.grid[0] ?? [] } : null;
  }

  /**
   * Adds a row to a tab that only grows (the Logboek) without reading it: written on commit with
   * one append per row after reading the tab's header row only. When the tab is read anyway in
   * this request, the row goes with that table's write. A missing tab takes nothing.
   */
  appendOnly<K extends TabKey>(key: K, row: RowOf<K>): void {
    const table = this.tables.get(key) as Table<K> | undefined;
    if (table) {
      table.append(row);
      return;
    }
    if (this.missing.has(key)) return;
    this.pending.set(key, [...(this.pending.get(key) ?? []), row as RowOf<TabKey>]);
  }

  /** The queued appends as cells by the tabs' headers (read now, before anything is written). */
  private pendingRows(): { name: string; rows: Cell[][] }[] {
    const out: { name: string; rows: Cell[][] }[] = [];
    for (const [key, rows] of this.pending) {
      const spec = SCHEMA[key];
      const read = this.gateway.readHeader([spec.nl, spec.en, ...spec.aliases]);
      if (!read) continue;
      const header = read.grid[0] ?? [];
      const table = new Table(key, read.name, [header], mapHeader(key, read.name, header));
      for (const row of rows) table.append(row);
      out.push({ name: read.name, rows: [...table.patch().appends] });
    }
    this.pending.clear();
    return out;
  }

  private headerOf(table: Table<TabKey>): string[] {
    // Rebuild a header from the known positions, enough to check needed columns again.
    const header: string[] = new Array(table.width).fill('');
    const spec = SCHEMA[table.key].columns as Record<string, { nl: string }>;
    for (const [field, at] of Object.entries(table.columns) as [string, number][])
      header[at] = spec[field]!.nl;
    return header;
  }

  /** Forgets one tab, so the next `table` call reads it again (after adding it or a column). */
  forget(key: TabKey): void {
    this.tables.delete(key);
    this.missing.delete(key);
  }

  /** Forgets what was read, so the next `table` call reads the sheet again (after setup). */
  reset(): void {
    this.tables.clear();
    this.missing.clear();
  }

  /**
   * Runs `work` as one unit: a `commit` inside it is held until `work` returns, then every changed
   * tab is written once and the `after` callbacks run (e.g. clearing the mail journal). When `work`
   * throws, nothing it changed is written. Mails sent before the failure stay in the journal, so the
   * next run repairs their state instead of sending again.
   */
  unitOfWork<T>(work: () => T): T {
    if (this.unit) return work();
    const unit = { requested: false, after: [] as (() => void)[] };
    this.unit = unit;
    let value: T;
    try {
      value = work();
    } catch (error) {
      this.unit = null;
      this.discard();
      throw error;
    }
    this.unit = null;
    if (unit.requested) this.commit();
    for (const after of unit.after) after();
    return value;
  }

  /**
   * Writes every changed tab once, then runs `after` (inside a unit of work: both when the unit
   * succeeds).
   */
  commit(after?: () => void): void {
    if (this.unit) {
      this.unit.requested = true;
      if (after) this.unit.after.push(after);
      return;
    }
    // Headers of append-only tabs are read first: a missing column stops before any write.
    const appends = this.pendingRows();
    let wrote = appends.length > 0;
    // A written tab is kept as the write left it (rows renumbered after deletions), not read
    // again: under the lock nobody else writes, so a run of several jobs reads each tab once.
    // `RequestContext.locked` drops it all when a new lock is taken.
    // Archive tabs first (issue 19): rows moved to an archive are written there before they leave
    // the live tab, so a failed write can copy a row twice (the next move skips it) but never lose it.
    const order = [...this.tables].sort(([a], [b]) => archiveFirst(a) - archiveFirst(b));
    for (const [key, table] of order) {
      if (!table.changed) continue;
      this.gateway.write(table.sheetName, table.patch());
      this.tables.set(key, table.written());
      wrote = true;
    }
    for (const { name, rows } of appends) this.gateway.appendRows(name, rows);
    // What this request holds is what it wrote: it stays valid for this request's next lock.
    if (wrote && this.stamp) this.seen = this.stamp.bump();
    after?.();
  }

  /** Whether a unit of work is open (a call already holding the lock). */
  get inUnit(): boolean {
    return this.unit !== null;
  }

  /** Drops every change not yet written, and what was read. */
  discard(): void {
    this.tables.clear();
    this.missing.clear();
    this.pending.clear();
    this.seen = undefined;
  }
}
