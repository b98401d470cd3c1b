/**
 * SheetGateway on SpreadsheetApp: one `getValues` per tab read, a write of only the cells that
 * change, date cells converted in the spreadsheet's time zone, and every string guarded so Sheets
 * stores it as text (never a formula, number, date or boolean).
 */

import type { SheetGateway, TabLayout, TabRead } from '../app/ports';
import { type Cell, type DateCell, isDateCell } from '../core/cells';
import { UserError } from '../core/errors';
import { normalizeName } from '../core/schema';
import type { TablePatch } from '../core/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Raw = unknown;

/**
 * Sheets types what a script writes as a user typing it (USER_ENTERED): `=…` becomes a formula,
 * `01234` the number 1234, `1 maart 2027` or `Mar 1 2027` a date, `€ 50` and `50%` numbers, `TRUE`
 * (and `WAAR` in a Dutch sheet) a boolean, and the rules differ per locale. Rather than predict that,
 * every non-empty string gets a leading apostrophe, which makes Sheets store the text exactly (and
 * hides the apostrophe from getValues). A cell formatted as plain text (`@`) is never typed, and
 * would keep an apostrophe as part of the text, so there the string goes as it is.
 */
export function guardText(text: string, format?: string): string {
  if (text === '' || format === '@') return text;
  return `'${text}`;
}

/** A cell's A1 notation (row and column 1-based). */
export function a1Of(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** A block of cells to write, its top-left corner 1-based. */
interface Block {
  row: number;
  col: number;
  cells: Cell[][];
}

/**
 * The changed cells as few rectangular blocks, none holding a cell that does not change: runs of
 * adjacent changed columns per row, merged down while consecutive rows change the same columns;
 * appended rows as one block.
 */
export function changedBlocks(
  updates: readonly { row: number; column: number; cell: Cell }[],
  firstAppend: number,
  appends: readonly (readonly Cell[])[],
  width: number,
): Block[] {
  const byRow = new Map<number, Map<number, Cell>>();
  for (const u of updates) {
    const line = byRow.get(u.row) ?? new Map<number, Cell>();
    byRow.set(u.row, line);
    line.set(u.column, u.cell);
  }
  const segments: Block[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const line = byRow.get(row)!;
    let current: Block | null = null;
    for (const col of [...line.keys()].sort((a, b) => a - b)) {
      if (current && current.col + current.cells[0]!.length === col) current.cells[0]!.push(line.get(col)!);
      else {
        current = { row, col, cells: [[line.get(col)!]] };
        segments.push(current);
      }
    }
  }
  const blocks: Block[] = [];
  const open = new Map<string, Block>();
  for (const seg of segments) {
    const key = `${seg.col}:${seg.cells[0]!.length}`;
    const above = open.get(key);
    if (above && above.row + above.cells.length === seg.row) above.cells.push(seg.cells[0]!);
    else {
      blocks.push(seg);
      open.set(key, seg);
    }
  }
  if (appends.length && width > 0) {
    blocks.push({
      row: firstAppend,
      col: 1,
      cells: appends.map((a) => Array.from({ length: width }, (_, i) => a[i] ?? '')),
    });
  }
  return blocks;
}

/** Script property holding the staff spreadsheet's ID (setup writes it; the web page reads it). */
export const SPREADSHEET_ID_KEY = 'wegwijs.spreadsheetId';

/**
 * The active spreadsheet, asked of Google once per call and shared by every adapter that needs
 * it (the gateway, the environment's checks, the triggers): each `getActiveSpreadsheet` is a
 * round trip. `null` where there is none (a web app; a published add-on's trigger may get none).
 */
export class ActiveSpreadsheet {
  private known: { ss: Spreadsheet | null } | undefined;
  get(): Spreadsheet | null {
    if (!this.known) this.known = { ss: SpreadsheetApp.getActiveSpreadsheet() };
    return this.known.ss;
  }
}

export class SpreadsheetGateway implements SheetGateway {
  constructor(private readonly active: ActiveSpreadsheet = new ActiveSpreadsheet()) {}
  private ss: Spreadsheet | undefined;
  private zone: string | undefined;
  private readonly sheets = new Map<string, Sheet>();
  /** Per tab read: its rows and header width as read (and as written since), to place appends. */
  private readonly extent = new Map<string, { rows: number; width: number }>();
  /** Date cells by time: one object per distinct moment, shared by every cell that holds it. */
  private readonly dayOf = new Map<number, DateCell>();
  private readonly dateOf = new Map<string, Date>();
  private dirty = false;

  /**
   * The active spreadsheet; in a web app (no active one, as Google documents for bound scripts)
   * the one whose ID setup remembered in the script's properties.
   */
  private spreadsheet(): Spreadsheet {
    if (!this.ss) {
      const active = this.active.get();
      if (active) this.ss = active;
      else {
        const id = PropertiesService.getScriptProperties().getProperty(SPREADSHEET_ID_KEY);
        if (!id) throw new UserError('page.noSpreadsheet');
        this.ss = SpreadsheetApp.openById(id);
      }
    }
    return this.ss;
  }

  remember(): void {
    const id = this.spreadsheet().getId();
    const props = PropertiesService.getScriptProperties();
    if (props.getProperty(SPREADSHEET_ID_KEY) !== id) props.setProperty(SPREADSHEET_ID_KEY, id);
  }

  /** The spreadsheet's time zone: date cells mean midnight there. */
  timeZone(): string {
    if (!this.zone) this.zone = this.spreadsheet().getSpreadsheetTimeZone();
    return this.zone;
  }

  /**
   * The tab and its name. `getSheetByName` matches the name as asked (Google ignores case there),
   * so that name is used without asking the tab for it again; a tab renamed with other accents
   * or spaces is found by comparing loosely over all tabs.
   */
  private find(names: readonly string[]): { sheet: Sheet; name: string } | null {
    const ss = this.spreadsheet();
    for (const name of names.slice(0, 2)) {
      const exact = ss.getSheetByName(name);
      if (exact) return { sheet: exact, name };
    }
    const wanted = names.map(normalizeName);
    for (const sheet of ss.getSheets()) {
      const name = sheet.getName();
      if (wanted.includes(normalizeName(name))) return { sheet, name };
    }
    return null;
  }

  read(names: readonly string[]): TabRead | null {
    const found = this.find(names);
    if (!found) return null;
    const { sheet, name } = found;
    const values = sheet.getDataRange().getValues() as Raw[][];
    this.sheets.set(name, sheet);
    this.extent.set(name, { rows: values.length, width: values[0]?.length ?? 0 });
    // The rows Google returns are this call's own: dates (and blanks) are turned into cells in
    // place, text, numbers and booleans stay as they are, and no second grid is made.
    for (let r = 0; r < values.length; r++) {
      const row = values[r]!;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') row[c] = this.toCell(v);
      }
    }
    return { name, grid: values as Cell[][] };
  }

  readHeader(names: readonly string[]): TabRead | null {
    const found = this.find(names);
    if (!found) return null;
    const { sheet, name } = found;
    this.sheets.set(name, found.sheet);
    // The whole first row in one range: no call to ask how wide the header is.
    const row = (sheet.getRange('1:1').getValues()[0] ?? []) as Raw[];
    let width = row.length;
    while (width > 0 && (row[width - 1] === '' || row[width - 1] === null)) width--;
    return { name, grid: [row.slice(0, width).map((v) => this.toCell(v))] };
  }

  /**
   * `appendRow` writes after the last row with content and grows the tab itself, in one call that
   * Google makes atomic. The target cells' formats are not read (that would cost a call), so
   * every string is guarded as in a General cell.
   */
  appendRows(name: string, rows: readonly (readonly Cell[])[]): void {
    const sheet = this.sheet(name);
    for (const row of rows) sheet.appendRow(row.map((cell) => this.toRaw(cell)));
    if (rows.length) this.dirty = true;
    const extent = this.extent.get(name);
    if (extent) extent.rows += rows.length;
  }

  private toCell(value: Raw): Cell {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (value instanceof Date) {
      const time = value.getTime();
      let cell = this.dayOf.get(time);
      if (cell === undefined) {
        let text = Utilities.formatDate(value, this.timeZone(), "yyyy-MM-dd'T'HH:mm:ssXXX");
        if (text.slice(11, 19) === '00:00:00') text = text.slice(0, 10);
        cell = { date: text };
        this.dayOf.set(time, cell);
      }
      return cell;
    }
    return value === null || value === undefined ? '' : String(value);
  }

  /** The value to write for a cell whose number format is `format` (unknown: guard as General). */
  private toRaw(cell: Cell, format?: string): Raw {
    if (isDateCell(cell)) {
      let date = this.dateOf.get(cell.date);
      if (!date) {
        date =
          cell.date.length === 10
            ? Utilities.parseDate(cell.date, this.timeZone(), 'yyyy-MM-dd')
            : new Date(Date.parse(cell.date));
        this.dateOf.set(cell.date, date);
      }
      return date;
    }
    return typeof cell === 'string' ? guardText(cell, format) : cell;
  }

  private sheet(name: string): Sheet {
    const known = this.sheets.get(name);
    if (known) return known;
    const found = this.find([name]);
    if (!found) throw new Error(`Tab disappeared during the request: ${name.length} chars`);
    this.sheets.set(name, found.sheet);
    return found.sheet;
  }

  /**
   * Writes only the cells that change: each run of changed cells in a row is one block, runs with
   * the same columns in consecutive rows merge, appended rows are one block. Cells in between are
   * never rewritten, so their rich-text links, formulas, protections and rules that reject input
   * are left alone. Strings are guarded by the target cell's number format (one read for all).
   */
  write(name: string, patch: TablePatch): void {
    const sheet = this.sheet(name);
    const extent = this.extent.get(name) ?? { rows: 0, width: 0 };
    const { updates, appends, deletes } = patch;
    // The tab's size is asked of Google only when a write may reach past the data read (appended
    // rows, a wider row, deleting the last rows); a write inside the data needs no such call.
    let maxRows: number | undefined;
    const rowsOf = () => (maxRows ??= sheet.getMaxRows());
    if (updates.length || appends.length) {
      const firstAppend = extent.rows + 1;
      const width = Math.max(extent.width, ...appends.map((a) => a.length));
      const blocks = changedBlocks(updates, firstAppend, appends, width);
      const top = Math.min(...blocks.map((b) => b.row));
      const bottom = Math.max(...blocks.map((b) => b.row + b.cells.length - 1));
      const left = Math.min(...blocks.map((b) => b.col));
      const right = Math.max(...blocks.map((b) => b.col + b.cells[0]!.length - 1));
      if (bottom > extent.rows && bottom > rowsOf()) {
        sheet.insertRowsAfter(rowsOf(), bottom - rowsOf());
        maxRows = bottom;
      }
      if (right > extent.width && right > sheet.getMaxColumns())
        sheet.insertColumnsAfter(sheet.getMaxColumns(), right - sheet.getMaxColumns());
      const single = blocks.length === 1 ? blocks[0]! : null;
      const box = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
      const formats = blocks.some((b) => b.cells.some((line) => line.some((c) => typeof c === 'string' && c)))
        ? box.getNumberFormats()
        : [];
      // Lone cells of one value (a status column over scattered rows) go as one range list.
      const lone = new Map<string, { raw: Raw; a1s: string[] }>();
      for (const b of blocks) {
        const values = b.cells.map((line, r) =>
          line.map((cell, c) => this.toRaw(cell, formats[b.row + r - top]?.[b.col + c - left])),
        );
        if (!single && values.length === 1 && values[0]!.length === 1) {
          const raw = values[0]![0];
          const key = raw instanceof Date ? `d${raw.getTime()}` : `${typeof raw}:${String(raw)}`;
          const group = lone.get(key) ?? { raw, a1s: [] };
          group.a1s.push(a1Of(b.row, b.col));
          lone.set(key, group);
          continue;
        }
        // One block is the box itself: its range is already at hand.
        (single ? box : sheet.getRange(b.row, b.col, values.length, values[0]!.length)).setValues(values);
      }
      for (const { raw, a1s } of lone.values()) {
        if (a1s.length === 1) sheet.getRange(a1s[0]!).setValue(raw);
        else sheet.getRangeList(a1s).setValue(raw);
      }
      this.dirty = true;
    }
    // Delete bottom-up in contiguous runs, so earlier row numbers stay valid.
    const runs: [number, number][] = [];
    for (const row of [...deletes].sort((a, b) => b - a)) {
      const last = runs[runs.length - 1];
      if (last && last[0] - 1 === row) last[0] = row;
      else runs.push([row, row]);
    }
    if (runs.length && rowsOf() - deletes.length <= sheet.getFrozenRows()) {
      // Sheets refuses to delete every non-frozen row ("not possible to delete all non-frozen
      // rows"): when the last data row is the tab's last row, keep one empty row below.
      sheet.insertRowsAfter(rowsOf(), 1);
    }
    for (const [start, end] of runs) sheet.deleteRows(start, end - start + 1);
    if (runs.length) this.dirty = true;
    this.extent.set(name, {
      rows: extent.rows + appends.length - deletes.length,
      width: Math.max(extent.width, ...appends.map((a) => a.length)),
    });
  }

  createTab(name: string, header: readonly string[]): void {
    const sheet = this.spreadsheet().insertSheet(name);
    if (sheet.getMaxColumns() < header.length) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
    }
    sheet.getRange(1, 1, 1, header.length).setValues([header.map((h) => guardText(h))]);
    this.sheets.set(name, sheet);
    this.dirty = true;
  }

  addColumns(name: string, headers: readonly string[]): void {
    const sheet = this.sheet(name);
    const last = sheet.getLastColumn();
    if (sheet.getMaxColumns() < last + headers.length) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), last + headers.length - sheet.getMaxColumns());
    }
    sheet.getRange(1, last + 1, 1, headers.length).setValues([headers.map((h) => guardText(h))]);
    this.dirty = true;
  }

  applyLayout(name: string, layout: TabLayout): void {
    const sheet = this.sheet(name);
    const width = layout.header ? layout.header.length : sheet.getLastColumn();
    if (width === 0) return;
    const header = (layout.header ?? sheet.getRange(1, 1, 1, width).getValues()[0]!).map((h) =>
      normalizeName(String(h)),
    );
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e8f0fe');
    for (const column of layout.columns) {
      const at = header.findIndex((h) => h !== '' && column.names.includes(h));
      if (at < 0) continue;
      const format =
        column.type === 'date' ? 'dd-mm-yyyy' : column.type === 'moment' ? 'dd-mm-yyyy hh:mm' : null;
      const rule = this.rule(column);
      if (!format && !rule) continue;
      // Open-ended (`C2:C`): to the tab's last row without asking how many rows it has.
      const letters = a1Of(2, at + 1).slice(0, -1);
      const range = sheet.getRange(`${letters}2:${letters}`);
      if (format) range.setNumberFormat(format);
      if (rule) range.setDataValidation(rule);
    }
    this.dirty = true;
  }

  /** Validation rules built once per call and shared by every column that has the same one. */
  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation | null>();

  private rule(column: TabLayout['columns'][number]): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const key = column.type === 'choice' ? `choice:${JSON.stringify(column.choices)}` : column.type;
    if (this.rules.has(key)) return this.rules.get(key)!;
    let rule: GoogleAppsScript.Spreadsheet.DataValidation | null = null;
    switch (column.type) {
      case 'date':
        rule = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).build();
        break;
      case 'boolean':
        rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
        break;
      case 'choice':
        if (column.choices.length)
          rule = SpreadsheetApp.newDataValidation()
            .requireValueInList([...column.choices], true)
            .setAllowInvalid(false)
            .build();
        break;
      case 'number':
        rule = SpreadsheetApp.newDataValidation()
          .requireNumberBetween(0, 1_000_000)
          .setAllowInvalid(true)
          .build();
        break;
      default:
        break;
    }
    this.rules.set(key, rule);
    return rule;
  }

  /**
   * Rewrites the generated tab. Its chart is made (and the header row frozen) only when it is
   * missing or no longer fits: the old chart stays while the grid has as many rows as before and
   * its title is this language's, since its ranges follow the values written.
   */
  rewriteTab(
    name: string,
    grid: readonly (readonly Cell[])[],
    chart: { title: string; columns: number[]; rows: number },
  ): void {
    const found = this.find([name])?.sheet;
    const sheet = found ?? this.spreadsheet().insertSheet(name);
    const width = Math.max(1, ...grid.map((r) => r.length));
    const old = found ? sheet.getCharts() : [];
    const keep =
      old.length === 1 &&
      sheet.getLastRow() === grid.length &&
      old[0]!.getOptions().get('title') === chart.title;
    sheet.clearContents();
    let range: GoogleAppsScript.Spreadsheet.Range;
    try {
      range = sheet.getRange(1, 1, grid.length, width);
    } catch {
      // Smaller than the grid (a new tab, or rows deleted by hand): grow it, then take the range.
      if (sheet.getMaxRows() < grid.length)
        sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
      if (sheet.getMaxColumns() < width)
        sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      range = sheet.getRange(1, 1, grid.length, width);
    }
    // Formats survive clearContents: a column the school made plain text gets its strings as they are.
    const formats = range.getNumberFormats();
    const values = grid.map((r, y) =>
      Array.from({ length: width }, (_, x) => this.toRaw(r[x] ?? '', formats[y]?.[x])),
    );
    range.setValues(values);
    this.dirty = true;
    if (keep) return;
    sheet.setFrozenRows(1);
    for (const c of old) sheet.removeChart(c);
    let builder = sheet.newChart().setChartType(Charts.ChartType.COLUMN).setOption('title', chart.title);
    for (const column of chart.columns) builder = builder.addRange(sheet.getRange(1, column, chart.rows, 1));
    sheet.insertChart(builder.setPosition(grid.length + 2, 1, 0, 0).build());
  }

  flush(): void {
    if (this.dirty) SpreadsheetApp.flush();
    this.dirty = false;
  }
}
