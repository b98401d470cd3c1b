/**
 * SheetGateway on SpreadsheetApp: one `getValues` per tab read, a write of only the cells that
 * change, date cells converted in the spreadsheet's time zone, and every string guarded so Sheets
 * stores it as text (never a formula, number, date or boolean).
 */

import type { SheetGateway, TabLayout, TabRead } from '../app/ports';
import { type Cell, isDateCell } from '../core/cells';
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

export class SpreadsheetGateway implements SheetGateway {
  private ss: Spreadsheet | undefined;
  private zone: string | undefined;
  private readonly sheets = new Map<string, Sheet>();
  private readonly raw = new Map<string, Raw[][]>();
  private readonly dayOf = new Map<number, string>();
  private readonly dateOf = new Map<string, Date>();
  private dirty = false;

  /**
   * The active spreadsheet; in a web app (no active one, as Google documents for bound scripts)
   * the one whose ID setup remembered in the script's properties.
   */
  private spreadsheet(): Spreadsheet {
    if (!this.ss) {
      const active = SpreadsheetApp.getActiveSpreadsheet();
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

  private find(names: readonly string[]): Sheet | null {
    const ss = this.spreadsheet();
    for (const name of names.slice(0, 2)) {
      const exact = ss.getSheetByName(name);
      if (exact) return exact;
    }
    // Renamed with other case, accents or spaces: compare loosely over all tabs.
    const wanted = names.map(normalizeName);
    return ss.getSheets().find((s) => wanted.includes(normalizeName(s.getName()))) ?? null;
  }

  read(names: readonly string[]): TabRead | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const name = sheet.getName();
    const values = sheet.getDataRange().getValues() as Raw[][];
    this.sheets.set(name, sheet);
    this.raw.set(name, values);
    return { name, grid: values.map((row) => row.map((v) => this.toCell(v))) };
  }

  private toCell(value: Raw): Cell {
    if (value instanceof Date) {
      const time = value.getTime();
      let text = this.dayOf.get(time);
      if (text === undefined) {
        text = Utilities.formatDate(value, this.timeZone(), "yyyy-MM-dd'T'HH:mm:ssXXX");
        if (text.slice(11, 19) === '00:00:00') text = text.slice(0, 10);
        this.dayOf.set(time, text);
      }
      return { date: text };
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
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
    const sheet = this.find([name]);
    if (!sheet) throw new Error(`Tab disappeared during the request: ${name.length} chars`);
    this.sheets.set(name, sheet);
    return sheet;
  }

  /**
   * Writes only the cells that change: each run of changed cells in a row is one block, runs with
   * the same columns in consecutive rows merge, appended rows are one block. Cells in between are
   * never rewritten, so their rich-text links, formulas, protections and rules that reject input
   * are left alone. Strings are guarded by the target cell's number format (one read for all).
   */
  write(name: string, patch: TablePatch): void {
    const sheet = this.sheet(name);
    const raw = this.raw.get(name) ?? [];
    const { updates, appends, deletes } = patch;
    if (updates.length || appends.length) {
      const firstAppend = raw.length + 1;
      const width = Math.max(raw[0]?.length ?? 0, ...appends.map((a) => a.length));
      const blocks = changedBlocks(updates, firstAppend, appends, width);
      const top = Math.min(...blocks.map((b) => b.row));
      const bottom = Math.max(...blocks.map((b) => b.row + b.cells.length - 1));
      const left = Math.min(...blocks.map((b) => b.col));
      const right = Math.max(...blocks.map((b) => b.col + b.cells[0]!.length - 1));
      if (bottom > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), bottom - sheet.getMaxRows());
      if (right > sheet.getMaxColumns())
        sheet.insertColumnsAfter(sheet.getMaxColumns(), right - sheet.getMaxColumns());
      const formats = blocks.some((b) => b.cells.some((line) => line.some((c) => typeof c === 'string' && c)))
        ? sheet.getRange(top, left, bottom - top + 1, right - left + 1).getNumberFormats()
        : [];
      for (const b of blocks) {
        const values = b.cells.map((line, r) =>
          line.map((cell, c) => this.toRaw(cell, formats[b.row + r - top]?.[b.col + c - left])),
        );
        sheet.getRange(b.row, b.col, values.length, values[0]!.length).setValues(values);
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
    if (runs.length && sheet.getMaxRows() - deletes.length <= sheet.getFrozenRows()) {
      // Sheets refuses to delete every non-frozen row ("not possible to delete all non-frozen
      // rows"): when the last data row is the tab's last row, keep one empty row below.
      sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    }
    for (const [start, end] of runs) sheet.deleteRows(start, end - start + 1);
    if (runs.length) this.dirty = true;
    this.raw.delete(name);
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
    const width = sheet.getLastColumn();
    if (width === 0) return;
    const header = sheet
      .getRange(1, 1, 1, width)
      .getValues()[0]!
      .map((h) => normalizeName(String(h)));
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e8f0fe');
    const rows = Math.max(sheet.getMaxRows() - 1, 1);
    for (const column of layout.columns) {
      const at = header.indexOf(normalizeName(column.header));
      if (at < 0) continue;
      const range = sheet.getRange(2, at + 1, rows, 1);
      const rule = SpreadsheetApp.newDataValidation();
      switch (column.type) {
        case 'date':
          range.setNumberFormat('dd-mm-yyyy');
          range.setDataValidation(rule.requireDate().setAllowInvalid(true).build());
          break;
        case 'moment':
          range.setNumberFormat('dd-mm-yyyy hh:mm');
          break;
        case 'boolean':
          range.setDataValidation(rule.requireCheckbox().build());
          break;
        case 'choice':
          if (column.choices.length) {
            range.setDataValidation(
              rule
                .requireValueInList([...column.choices], true)
                .setAllowInvalid(false)
                .build(),
            );
          }
          break;
        case 'number':
          range.setDataValidation(rule.requireNumberBetween(0, 1_000_000).setAllowInvalid(true).build());
          break;
        default:
          break;
      }
    }
    this.dirty = true;
  }

  rewriteTab(
    name: string,
    grid: readonly (readonly Cell[])[],
    chart: { title: string; columns: number[]; rows: number },
  ): void {
    const sheet = this.find([name]) ?? this.spreadsheet().insertSheet(name);
    const width = Math.max(1, ...grid.map((r) => r.length));
    sheet.clearContents();
    if (sheet.getMaxRows() < grid.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const range = sheet.getRange(1, 1, grid.length, width);
    // Formats survive clearContents: a column the school made plain text gets its strings as they are.
    const formats = range.getNumberFormats();
    const values = grid.map((r, y) =>
      Array.from({ length: width }, (_, x) => this.toRaw(r[x] ?? '', formats[y]?.[x])),
    );
    range.setValues(values);
    sheet.setFrozenRows(1);
    for (const old of sheet.getCharts()) sheet.removeChart(old);
    let builder = sheet.newChart().setChartType(Charts.ChartType.COLUMN).setOption('title', chart.title);
    for (const column of chart.columns) builder = builder.addRange(sheet.getRange(1, column, chart.rows, 1));
    sheet.insertChart(builder.setPosition(grid.length + 2, 1, 0, 0).build());
    this.dirty = true;
  }

  flush(): void {
    if (this.dirty) SpreadsheetApp.flush();
    this.dirty = false;
  }
}
