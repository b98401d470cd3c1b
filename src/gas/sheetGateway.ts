/**
 * SheetGateway on SpreadsheetApp: one `getValues` per tab read, one `setValues` per tab write,
 * date cells converted in the spreadsheet's time zone, and every string guarded so Sheets stores
 * it as text (never a formula, never a number).
 */

import type { SheetGateway, TabLayout, TabRead } from '../app/ports';
import { type Cell, isDateCell } from '../core/cells';
import { normalizeName } from '../core/schema';
import type { TablePatch } from '../core/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Raw = unknown;

/**
 * Sheets coerces typed text: `=…` becomes a formula, `01234` the number 1234, `1-2-2027` a date,
 * `TRUE` a boolean. A leading apostrophe makes it store the text as it is (and hides the apostrophe
 * from getValues), so every string that could be coerced or evaluated gets one.
 */
export function guardText(text: string): string {
  if (text === '') return text;
  if (/^[=+\-@\t\r'.\d]/.test(text) || /^(true|false)$/i.test(text.trim()) || /^\s/.test(text))
    return `'${text}`;
  return text;
}

export class SpreadsheetGateway implements SheetGateway {
  private ss: Spreadsheet | undefined;
  private zone: string | undefined;
  private readonly sheets = new Map<string, Sheet>();
  private readonly raw = new Map<string, Raw[][]>();
  private readonly dayOf = new Map<number, string>();
  private readonly dateOf = new Map<string, Date>();
  private dirty = false;

  private spreadsheet(): Spreadsheet {
    if (!this.ss) this.ss = SpreadsheetApp.getActiveSpreadsheet();
    return this.ss;
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

  private toRaw(cell: Cell): Raw {
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
    return typeof cell === 'string' ? guardText(cell) : cell;
  }

  private sheet(name: string): Sheet {
    const known = this.sheets.get(name);
    if (known) return known;
    const sheet = this.find([name]);
    if (!sheet) throw new Error(`Tab disappeared during the request: ${name.length} chars`);
    this.sheets.set(name, sheet);
    return sheet;
  }

  write(name: string, patch: TablePatch): void {
    const sheet = this.sheet(name);
    const raw = this.raw.get(name) ?? [];
    const { updates, appends, deletes } = patch;
    if (updates.length || appends.length) {
      const firstAppend = raw.length + 1;
      const rows = [
        ...updates.map((u) => u.row),
        ...(appends.length ? [firstAppend, firstAppend + appends.length - 1] : []),
      ];
      const width = Math.max(raw[0]?.length ?? 0, ...appends.map((a) => a.length));
      const cols = appends.length ? [1, width] : updates.map((u) => u.column);
      const top = Math.min(...rows);
      const bottom = Math.max(...rows);
      const left = Math.min(...cols);
      const right = Math.max(...cols, ...updates.map((u) => u.column));
      const changed = new Set(updates.map((u) => `${u.row}:${u.column}`));
      let keepsExisting = false;
      const block: Raw[][] = [];
      for (let r = top; r <= bottom; r++) {
        const line: Raw[] = [];
        for (let c = left; c <= right; c++) {
          if (r >= firstAppend) {
            const cell = appends[r - firstAppend]?.[c - 1];
            line.push(cell === undefined ? '' : this.toRaw(cell));
          } else {
            const original = raw[r - 1]?.[c - 1] ?? '';
            if (!changed.has(`${r}:${c}`)) keepsExisting = true;
            line.push(typeof original === 'string' ? guardText(original) : original);
          }
        }
        block.push(line);
      }
      for (const u of updates) block[u.row - top]![u.column - left] = this.toRaw(u.cell);
      if (bottom > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), bottom - sheet.getMaxRows());
      const range = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
      if (keepsExisting) {
        // Cells inside the block that this write does not change are written back as they were;
        // formulas among them must come back as formulas, not as their last value.
        const formulas = range.getFormulas();
        for (let r = top; r < Math.min(bottom + 1, firstAppend); r++) {
          for (let c = left; c <= right; c++) {
            const f = formulas[r - top]?.[c - left];
            if (f && !changed.has(`${r}:${c}`)) block[r - top]![c - left] = f;
          }
        }
      }
      range.setValues(block);
      this.dirty = true;
    }
    // Delete bottom-up in contiguous runs, so earlier row numbers stay valid.
    const runs: [number, number][] = [];
    for (const row of [...deletes].sort((a, b) => b - a)) {
      const last = runs[runs.length - 1];
      if (last && last[0] - 1 === row) last[0] = row;
      else runs.push([row, row]);
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
    sheet.getRange(1, 1, 1, header.length).setValues([header.map(guardText)]);
    this.sheets.set(name, sheet);
    this.dirty = true;
  }

  addColumns(name: string, headers: readonly string[]): void {
    const sheet = this.sheet(name);
    const last = sheet.getLastColumn();
    if (sheet.getMaxColumns() < last + headers.length) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), last + headers.length - sheet.getMaxColumns());
    }
    sheet.getRange(1, last + 1, 1, headers.length).setValues([headers.map(guardText)]);
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
    const values = grid.map((r) => Array.from({ length: width }, (_, i) => this.toRaw(r[i] ?? '')));
    sheet.clearContents();
    if (sheet.getMaxRows() < values.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, values.length, width).setValues(values);
    sheet.setFrozenRows(1);
    for (const old of sheet.getCharts()) sheet.removeChart(old);
    let builder = sheet.newChart().setChartType(Charts.ChartType.COLUMN).setOption('title', chart.title);
    for (const column of chart.columns) builder = builder.addRange(sheet.getRange(1, column, chart.rows, 1));
    sheet.insertChart(builder.setPosition(values.length + 2, 1, 0, 0).build());
    this.dirty = true;
  }

  flush(): void {
    if (this.dirty) SpreadsheetApp.flush();
    this.dirty = false;
  }
}
