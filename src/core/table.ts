/**
 * Rows through headers: maps a tab's header row to the schema, parses rows into typed records,
 * and collects changes as one patch per tab. Pure; the sheet adapter applies the patch.
 */
import {
  type Cell,
  type CellParser,
  type CellProblem,
  cellText,
  columnParser,
  sameCell,
  toCell,
} from './cells';
import { UserError } from './errors';
import { acceptedNames, type ColumnSpec, normalizeName, type RowOf, SCHEMA, type TabKey } from './schema';

/** Where each known column sits in the sheet (0-based); absent optional columns are missing. */
export type ColumnIndex<K extends TabKey> = Partial<Record<keyof RowOf<K> & string, number>>;

/**
 * Matches a header row against a tab's schema. Throws a UserError naming the tab and column when
 * a required (or `needed`) column is missing, or when a known column appears twice.
 */
export function mapHeader<K extends TabKey>(
  key: K,
  sheetName: string,
  header: readonly Cell[],
  needed: readonly string[] = [],
): ColumnIndex<K> {
  const spec = SCHEMA[key];
  const normalized = header.map((h) => normalizeName(cellText(h)));
  const index: Record<string, number> = {};
  for (const [field, column] of Object.entries(spec.columns) as [string, ColumnSpec][]) {
    const names = acceptedNames(column);
    const hits = normalized.flatMap((h, i) => (h !== '' && names.includes(h) ? [i] : []));
    if (hits.length > 1) {
      throw new UserError('schema.duplicateColumn', { tab: sheetName, column: column.nl });
    }
    if (hits.length === 1) index[field] = hits[0]!;
    else if (column.required || needed.includes(field)) {
      throw new UserError('schema.missingColumn', { tab: sheetName, column: column.nl });
    }
  }
  return index as ColumnIndex<K>;
}

/** One row of a tab, parsed. `sheetRow` is the 1-based row number in the sheet. */
export interface Record_<K extends TabKey> {
  readonly sheetRow: number;
  readonly value: Readonly<RowOf<K>>;
  /** Cells that could not be read as their column's type. */
  readonly problems: readonly CellProblem[];
}
export type { Record_ as TableRecord };

/** The writes one table needs, in sheet coordinates (rows and columns 1-based). */
export interface TablePatch {
  readonly updates: readonly { row: number; column: number; cell: Cell }[];
  /** Whole rows to add under the last row, as wide as the header. */
  readonly appends: readonly Cell[][];
  /** Rows to delete (1-based, ascending). */
  readonly deletes: readonly number[];
}

function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c !== '' && cellText(c) !== '') return false;
  }
  return true;
}

const NO_PROBLEMS: readonly CellProblem[] = Object.freeze([]);

/** One column of a tab as the rows are read: its field, where it sits and how it is parsed. */
interface PlannedColumn {
  readonly field: string;
  /** 0-based position in the sheet; -1 when the (optional) column is missing. */
  readonly at: number;
  readonly nl: string;
  readonly spec: ColumnSpec;
  readonly parse: CellParser;
}

/** One row parsed: its value and the cells that could not be read. */
interface ParsedRow {
  readonly value: Record<string, unknown>;
  readonly problems: readonly CellProblem[];
}

/** The column plan of a tab for one header, and its row parser: built once per header, not per row. */
interface Plan {
  readonly columns: PlannedColumn[];
  readonly parseRow: (cells: readonly Cell[]) => ParsedRow;
}

const plans = new WeakMap<object, Plan>();

/**
 * The row parser of a plan, with the field names written out: every value is one object literal
 * of one shape per tab. Adding 30 properties one by one under computed names is what made the
 * table the largest cost of a request (issue 19); a literal is allocated whole. The names come from
 * the schema, never from the sheet. Apps Script's V8 runtime runs `new Function` (the chunks do too).
 */
function rowParserOf(columns: readonly PlannedColumn[]): (cells: readonly Cell[]) => ParsedRow {
  const parse = columns.map((c) => c.parse);
  const names = columns.map((c) => c.nl);
  const lines = columns.map((c, i) =>
    c.at < 0
      ? `var p${i} = P[${i}]('');`
      : `var c${i} = cells[${c.at}], p${i} = P[${i}](c${i} == null ? '' : c${i});`,
  );
  const problems = columns.map(
    (_, i) =>
      `if (p${i}.problem) (problems || (problems = [])).push({ column: N[${i}], code: p${i}.problem });`,
  );
  const value = columns.map((c, i) => `${JSON.stringify(c.field)}: p${i}.value`).join(', ');
  const body = `return function (cells) {\n${lines.join('\n')}\nvar problems;\n${problems.join('\n')}\nreturn { value: { ${value} }, problems: problems || NONE };\n};`;
  return new Function('P', 'N', 'NONE', body)(parse, names, NO_PROBLEMS) as (
    cells: readonly Cell[],
  ) => ParsedRow;
}

function planOf<K extends TabKey>(key: K, columns: ColumnIndex<K>): Plan {
  let plan = plans.get(columns);
  if (!plan) {
    const planned = (Object.entries(SCHEMA[key].columns) as [string, ColumnSpec][]).map(
      ([field, column]) => ({
        field,
        at: (columns as Record<string, number | undefined>)[field] ?? -1,
        nl: column.nl,
        spec: column,
        parse: columnParser(column),
      }),
    );
    plan = { columns: planned, parseRow: rowParserOf(planned) };
    plans.set(columns, plan);
  }
  return plan;
}

/**
 * A tab read once, parsed into records. Changes are collected and turned into one patch; the
 * records themselves are immutable so a use case can't half-apply a change.
 */
export class Table<K extends TabKey> {
  readonly records: Record_<K>[] = [];
  /** Goes up with every change, so lookups built from `records` know when they are stale. */
  version = 0;
  /** Goes up when a row is added or removed. */
  private rowsVersion = 0;
  /** How many rows `remove` took out: lookups that only grow with appended rows rebuild when it changes. */
  private removedRows = 0;
  /** How often each field was changed by `update`. */
  private readonly fieldVersions = new Map<string, number>();
  /** Records by sheet row, kept with `records`. */
  private readonly bySheetRow = new Map<number, Record_<K>>();
  private readonly updates = new Map<number, Map<number, Cell>>();
  private readonly appends: Cell[][] = [];
  private readonly deletes = new Set<number>();
  /** Sheet rows whose record `update` replaced (even where no cell changed). */
  private readonly touched = new Set<number>();

  constructor(
    readonly key: K,
    readonly sheetName: string,
    private readonly grid: readonly (readonly Cell[])[],
    readonly columns: ColumnIndex<K>,
    /** Rows (by grid index) known to be parsed already: the same cells as a record has. */
    parsed?: ReadonlyMap<number, Record_<K>>,
  ) {
    const { parseRow } = planOf(key, columns);
    for (let r = 1; r < grid.length; r++) {
      const known = parsed?.get(r);
      if (known) {
        this.records.push(known.sheetRow === r + 1 ? known : { ...known, sheetRow: r + 1 });
        continue;
      }
      const cells = grid[r]!;
      if (isBlankRow(cells)) continue; // blank rows between data are kept, but are no records
      const row = parseRow(cells);
      this.records.push({ sheetRow: r + 1, value: row.value as RowOf<K>, problems: row.problems });
    }
    for (const record of this.records) this.bySheetRow.set(record.sheetRow, record);
  }

  /** The current record of a sheet row (after changes in this request). */
  recordAt(sheetRow: number): Record_<K> | undefined {
    return this.bySheetRow.get(sheetRow);
  }

  /**
   * A stamp that changes when a row is added or removed or one of `fields` is updated: lookups
   * keyed on those fields stay valid while it is the same.
   */
  stampOf(fields: readonly string[]): string {
    return `${this.rowsVersion}.${this.fieldsStampOf(fields)}`;
  }

  /** A stamp that changes only when one of `fields` is updated (rows added or removed leave it). */
  fieldsStampOf(fields: readonly string[]): string {
    return fields.map((f) => this.fieldVersions.get(f) ?? 0).join('.');
  }

  /** How many rows were removed in this request. */
  get removals(): number {
    return this.removedRows;
  }

  /** The header row as read (the sheet's own texts, unknown columns too). */
  get header(): readonly Cell[] {
    return this.grid[0] ?? [];
  }

  /** The width of the sheet's header row. */
  get width(): number {
    return this.grid[0]?.length ?? 0;
  }

  /** Whether the sheet has this (optional) column. */
  has(field: keyof RowOf<K> & string): boolean {
    return this.columns[field] !== undefined;
  }

  /** Changes fields of one record. Fields whose column is missing are ignored. */
  update(record: Record_<K>, patch: Partial<RowOf<K>>): Record_<K> {
    const spec = SCHEMA[this.key].columns as Record<string, ColumnSpec>;
    const appended = this.appends[record.sheetRow - this.grid.length - 1];
    const original = this.grid[record.sheetRow - 1] ?? [];
    let cells = this.updates.get(record.sheetRow);
    for (const [field, value] of Object.entries(patch)) {
      const at = (this.columns as Record<string, number | undefined>)[field];
      if (at === undefined) continue;
      const cell = toCell(spec[field]!, value);
      if (appended) {
        appended[at] = cell;
        continue;
      }
      if (!cells) {
        cells = new Map();
        this.updates.set(record.sheetRow, cells);
      }
      if (sameCell(cell, original[at] ?? '')) cells.delete(at);
      else cells.set(at, cell);
    }
    this.touched.add(record.sheetRow);
    this.version++;
    for (const field of Object.keys(patch))
      this.fieldVersions.set(field, (this.fieldVersions.get(field) ?? 0) + 1);
    const updated = { ...record, value: { ...record.value, ...patch } };
    const i = this.records.indexOf(record);
    if (i >= 0) {
      this.records[i] = updated;
      this.bySheetRow.set(updated.sheetRow, updated);
    }
    return updated;
  }

  /** Adds a row under the last one; unknown columns stay empty. */
  append(row: RowOf<K>): void {
    const cells: Cell[] = new Array(this.width).fill('');
    for (const column of planOf(this.key, this.columns).columns) {
      if (column.at >= 0)
        cells[column.at] = toCell(column.spec, (row as Record<string, unknown>)[column.field]);
    }
    this.appends.push(cells);
    this.version++;
    this.rowsVersion++;
    const sheetRow = this.grid.length + this.appends.length;
    const record = { sheetRow, value: row, problems: [] };
    this.records.push(record);
    this.bySheetRow.set(sheetRow, record);
  }

  /** Removes a record's row from the sheet. */
  remove(record: Record_<K>): void {
    this.deletes.add(record.sheetRow);
    this.version++;
    this.rowsVersion++;
    this.removedRows++;
    this.bySheetRow.delete(record.sheetRow);
    this.updates.delete(record.sheetRow);
    const i = this.records.indexOf(record);
    if (i >= 0) this.records.splice(i, 1);
  }

  /**
   * A record's row as the sheet will hold it (this request's changes included), every column of
   * the header, known or not: what moving the row to another tab copies (issue 19's archive).
   */
  cellsOf(record: Record_<K>): Cell[] {
    const appended = this.appends[record.sheetRow - this.grid.length - 1];
    const cells = [...(appended ?? this.grid[record.sheetRow - 1] ?? [])];
    while (cells.length < this.width) cells.push('');
    for (const [at, cell] of this.updates.get(record.sheetRow) ?? []) cells[at] = cell;
    return cells.slice(0, this.width);
  }

  /** Adds a row given as cells in this tab's column order (copied as they are, unknown columns too). */
  appendCells(cells: readonly Cell[]): void {
    this.append(planOf(this.key, this.columns).parseRow(cells).value as RowOf<K>);
    const row = this.appends[this.appends.length - 1]!;
    for (let i = 0; i < row.length; i++) row[i] = cells[i] ?? '';
  }

  get changed(): boolean {
    return (
      this.appends.length > 0 || this.deletes.size > 0 || [...this.updates.values()].some((m) => m.size > 0)
    );
  }

  /**
   * The table as the sheet holds it once its patch is written: what reading the tab again would
   * give (rows deleted, appended and changed in place), without the read. Inside one locked run
   * nobody else writes, so a run of several jobs reads each tab once even when it commits often.
   */
  written(): Table<K> {
    const patch = this.patch();
    const grid: (readonly Cell[])[] = this.grid.slice();
    const copied = new Set<number>();
    for (const u of patch.updates) {
      let row = grid[u.row - 1] as Cell[] | undefined;
      if (!copied.has(u.row)) {
        row = [...(row ?? [])];
        copied.add(u.row);
        grid[u.row - 1] = row;
      }
      while (row!.length < u.column) row!.push('');
      row![u.column - 1] = u.cell;
    }
    for (const r of patch.appends) grid.push([...r]);
    const deletes = [...patch.deletes].sort((a, b) => b - a);
    for (const r of deletes) grid.splice(r - 1, 1);
    // Rows never changed keep their parsed record (parsing is pure): only changed and added rows
    // are read again, at their place after the deletions.
    const parsed = new Map<number, Record_<K>>();
    const gone = new Set(deletes);
    let above = 0;
    for (let sheetRow = 2; sheetRow <= this.grid.length; sheetRow++) {
      if (gone.has(sheetRow)) {
        above++;
        continue;
      }
      if (this.touched.has(sheetRow)) continue;
      const record = this.bySheetRow.get(sheetRow);
      if (record) parsed.set(sheetRow - 1 - above, record);
    }
    return new Table(this.key, this.sheetName, grid, this.columns, parsed);
  }

  /** The collected changes; appended rows that were removed again are dropped. */
  patch(): TablePatch {
    const firstAppend = this.grid.length + 1;
    const updates = [...this.updates.entries()]
      .filter(([row]) => row < firstAppend)
      .flatMap(([row, cells]) =>
        [...cells.entries()].map(([column, cell]) => ({ row, column: column + 1, cell })),
      );
    const appends = this.appends.filter((_, i) => !this.deletes.has(firstAppend + i));
    const deletes = [...this.deletes].filter((r) => r < firstAppend).sort((a, b) => a - b);
    return { updates, appends, deletes };
  }
}
