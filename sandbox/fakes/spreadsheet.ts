/** SpreadsheetApp, Spreadsheet, Sheet, Range and embedded charts over an in-memory, JSON-safe model. */

import type { Cell, CellStyle, RuleData } from './cells.ts';
import {
  a1Of,
  coerceInput,
  displayOf,
  fromWall,
  hasContent,
  isWallDate,
  parseA1,
  quoteSheetName,
} from './cells.ts';
import type { FakeContext } from './core.ts';
import { isDate } from './core.ts';
import {
  assertAccepted,
  assertMayEdit,
  FakeProtection,
  type ProtectionState,
  shiftProtections,
} from './protection.ts';
import { isValidTimeZone } from './time.ts';
import type { RuleHost } from './validation.ts';
import {
  DATA_VALIDATION_CRITERIA,
  FakeDataValidation,
  FakeDataValidationBuilder,
  ruleDataOf,
} from './validation.ts';

/** Chart types as `Charts.ChartType` spells them. */
export const CHART_TYPES = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SCORECARD: 'SCORECARD',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
});

/** A block of cells on one sheet. */
export interface Block {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** An embedded chart as plain data. */
export interface ChartState {
  chartId: number;
  type: string;
  ranges: Block[];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/** One tab, JSON-safe. `cells[r-1][c-1]`; holes are null. */
export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: Record<string, number>;
  cells: (Cell | null)[][];
  charts: ChartState[];
}

/** The spreadsheet, JSON-safe. */
export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheetId: number;
  nextSheetId: number;
  nextChartId: number;
  sheets: SheetState[];
  /** Protected ranges (absent in states saved before protections were modelled). */
  protections?: ProtectionState[];
}

/** A chart as the sandbox page renders it: ranges in A1 and their values as JSON. */
export interface ChartSpec {
  chartId: number;
  type: string;
  ranges: string[];
  data: (string | number | boolean | null)[][][];
  position: ChartState['position'];
  options: Record<string, unknown>;
}

/** A stored validation rule with the cell it sits on. */
export interface ValidationSpec extends RuleData {
  a1: string;
}

/** A new tab of Google's default size: 1000 rows × 26 columns. */
export function newSheetState(id: number, name: string): SheetState {
  return {
    id,
    name,
    maxRows: 1000,
    maxCols: 26,
    frozenRows: 0,
    frozenCols: 0,
    hidden: false,
    tabColor: null,
    columnWidths: {},
    cells: [],
    charts: [],
  };
}

/** Default first tab name per locale (Sheets names it in the creator's language). */
export function defaultSheetBaseName(locale: string): string {
  return /^nl/i.test(locale) ? 'Blad' : /^de/i.test(locale) ? 'Tabellenblatt' : 'Sheet';
}

/** Internal operations on one tab's cells. */
export class SheetModel {
  constructor(readonly state: SheetState) {}

  cell(row: number, col: number): Cell | undefined {
    return this.state.cells[row - 1]?.[col - 1] ?? undefined;
  }
  /** The cell at row/col, created when missing. */
  touch(row: number, col: number): Cell {
    const cells = this.state.cells;
    while (cells.length < row) cells.push([]);
    const r = cells[row - 1]!;
    while (r.length < col) r.push(null);
    let cell = r[col - 1];
    if (!cell) {
      cell = { value: '' };
      r[col - 1] = cell;
    }
    return cell;
  }
  lastRow(): number {
    // Plain loops: a tab laid out by setup holds formatted, empty cells down to its last row
    // (1,000), and every read of the data range walks up through them.
    const cells = this.state.cells;
    for (let r = cells.length - 1; r >= 0; r--) {
      const row = cells[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (hasContent(row[c] ?? undefined)) return r + 1;
    }
    return 0;
  }
  lastColumn(): number {
    let last = 0;
    for (const row of this.state.cells) {
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1] ?? undefined)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
}

/** The spreadsheet model and the factory of its fakes. */
export class SpreadsheetModel implements RuleHost {
  constructor(
    readonly ctx: FakeContext,
    readonly state: SpreadsheetState,
  ) {}

  timeZone(): string {
    return this.state.timeZone;
  }
  fromWall(d: { wall: number }): Date {
    return this.ctx.date(fromWall(d, this.state.timeZone));
  }
  sheets(): SheetModel[] {
    return this.state.sheets.map((s) => new SheetModel(s));
  }
  sheetById(id: number): SheetModel | undefined {
    const s = this.state.sheets.find((x) => x.id === id);
    return s ? new SheetModel(s) : undefined;
  }
  /** Sheets matches tab names without regard to case. */
  sheetByName(name: string): SheetModel | undefined {
    const s = this.state.sheets.find((x) => x.name.toLowerCase() === String(name).toLowerCase());
    return s ? new SheetModel(s) : undefined;
  }
  rangeA1(range: unknown): string | null {
    if (!(range instanceof FakeRange)) return null;
    const b = range.block;
    const sheet = this.sheetById(b.sheetId);
    return sheet ? `${quoteSheetName(sheet.state.name)}!${a1Of(b.row, b.col, b.numRows, b.numCols)}` : null;
  }
  rangeAt(a1: string): unknown {
    return this.rangeByA1(a1, null);
  }
  /** A Range fake for A1 notation, on `sheet` unless the notation names a tab. */
  rangeByA1(a1: string, sheet: SheetModel | null): FakeRange {
    const ref = parseA1(String(a1));
    const target = ref?.sheet ? this.sheetByName(ref.sheet) : (sheet ?? this.activeSheet());
    if (!ref || !target) throw this.ctx.error('Range not found');
    const row = ref.row ?? 1;
    const col = ref.col ?? 1;
    const endRow = ref.endRow ?? target.state.maxRows;
    const endCol = ref.endCol ?? target.state.maxCols;
    return this.range(
      target,
      Math.min(row, endRow),
      Math.min(col, endCol),
      Math.abs(endRow - row) + 1,
      Math.abs(endCol - col) + 1,
    );
  }
  activeSheet(): SheetModel {
    return this.sheetById(this.state.activeSheetId) ?? new SheetModel(this.state.sheets[0]!);
  }
  spreadsheet(): FakeSpreadsheet {
    return this.ctx.wrap('Spreadsheet', new FakeSpreadsheet(this));
  }
  sheet(model: SheetModel): FakeSheet {
    return this.ctx.wrap('Sheet', new FakeSheet(this, model));
  }
  range(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): FakeRange {
    const { ctx } = this;
    if (row < 1) throw ctx.error('The starting row of the range is too small.');
    if (col < 1) throw ctx.error('The starting column of the range is too small.');
    if (numRows < 1) throw ctx.error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw ctx.error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > sheet.state.maxRows || col + numCols - 1 > sheet.state.maxCols) {
      // Google does not grow a sheet for a range: callers must insertRowsAfter first.
      throw ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return ctx.wrap('Range', new FakeRange(this, { sheetId: sheet.state.id, row, col, numRows, numCols }));
  }
  /** Validates and applies a new tab name (unique, case-insensitive, like Sheets). */
  checkNewName(name: string, except?: SheetState): void {
    if (String(name).trim() === '') throw this.ctx.error('Invalid argument: name');
    const clash = this.state.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash)
      throw this.ctx.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
  insertSheet(name: string | undefined, index: number | undefined): SheetModel {
    let tabName = name;
    if (tabName === undefined) {
      const base = defaultSheetBaseName(this.state.locale);
      let n = this.state.sheets.length + 1;
      while (this.sheetByName(`${base}${n}`)) n++;
      tabName = `${base}${n}`;
    }
    this.checkNewName(tabName);
    const state = newSheetState(this.state.nextSheetId, tabName);
    // Sheet ids on Google are large random numbers; deterministic ones keep tests stable.
    this.state.nextSheetId += 1_000_003;
    const at =
      index === undefined ? this.state.sheets.length : Math.max(0, Math.min(index, this.state.sheets.length));
    this.state.sheets.splice(at, 0, state);
    // insertSheet makes the new tab the active one.
    this.state.activeSheetId = state.id;
    return new SheetModel(state);
  }
  /** The JSON form of a value for `sheet.json()` and chart data. */
  jsonOf(cell: Cell | undefined): string | number | boolean | null {
    if (!cell) return null;
    if (cell.formula !== undefined) return cell.formula;
    const v = cell.value;
    if (v === '') return null;
    if (isWallDate(v)) {
      const d = new Date(v.wall).toISOString();
      if (v.wall % 86400000 === 0) return d.slice(0, 10);
      return this.ctx.isoWithOffset(fromWall(v, this.state.timeZone), this.state.timeZone);
    }
    return v;
  }
  /** Typed read of a cell as getValues gives it. */
  valueOf(cell: Cell | undefined): string | number | boolean | Date {
    if (!cell) return '';
    if (cell.formula !== undefined) return cell.formula;
    return isWallDate(cell.value) ? this.fromWall(cell.value) : cell.value;
  }
}

type Row = unknown[];

/** The SpreadsheetApp fake. */
export class FakeSpreadsheetApp {
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  constructor(
    private model: SpreadsheetModel,
    private getUiFn: () => unknown,
  ) {}
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.model.spreadsheet();
  }
  getActive(): FakeSpreadsheet {
    return this.model.spreadsheet();
  }
  getActiveSheet(): FakeSheet {
    return this.model.sheet(this.model.activeSheet());
  }
  /** Opens the spreadsheet by its ID (needs the full `spreadsheets` scope); other IDs do not exist here. */
  openById(id: unknown): FakeSpreadsheet {
    if (typeof id !== 'string' || id !== this.model.state.id) {
      throw this.model.ctx.error(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return this.model.spreadsheet();
  }
  getUi(): unknown {
    return this.getUiFn();
  }
  /** Writes are applied at once in the fake, so flush has nothing to do (it is still counted). */
  flush(): void {}
  newDataValidation(): FakeDataValidationBuilder {
    return this.model.ctx.wrap('DataValidationBuilder', new FakeDataValidationBuilder(this.model));
  }
}

/** The Spreadsheet fake. */
export class FakeSpreadsheet {
  constructor(private model: SpreadsheetModel) {}
  private get s(): SpreadsheetState {
    return this.model.state;
  }
  /** The ID for other fakes (a property, so reading it is no counted call, as Google's own lookups are not). */
  get fakeId(): string {
    return this.s.id;
  }
  getId(): string {
    return this.s.id;
  }
  getName(): string {
    return this.s.name;
  }
  rename(name: string): void {
    this.s.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.s.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.s.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    if (!isValidTimeZone(timeZone)) throw this.model.ctx.error(`Invalid argument: timeZone`);
    this.s.timeZone = timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.s.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.s.locale = String(locale);
  }
  getSheets(): FakeSheet[] {
    return this.model.sheets().map((m) => this.model.sheet(m));
  }
  getNumSheets(): number {
    return this.s.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    const m = this.model.sheetByName(name);
    return m ? this.model.sheet(m) : null;
  }
  getSheetById(id: number): FakeSheet | null {
    const m = this.model.sheetById(id);
    return m ? this.model.sheet(m) : null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    return this.model.sheet(this.model.insertSheet(name, at));
  }
  deleteSheet(sheet: unknown): void {
    if (!(sheet instanceof FakeSheet)) throw this.model.ctx.error('Invalid argument: sheet');
    const i = this.s.sheets.indexOf(sheet.model.state);
    if (i < 0) throw this.model.ctx.error('Sheet not found');
    if (this.s.sheets.length === 1) {
      throw this.model.ctx.error("You can't remove all the sheets in a document.");
    }
    this.s.sheets.splice(i, 1);
    if (this.s.activeSheetId === sheet.model.state.id) this.s.activeSheetId = this.s.sheets[0]!.id;
  }
  getActiveSheet(): FakeSheet {
    return this.model.sheet(this.model.activeSheet());
  }
  setActiveSheet(sheet: unknown): FakeSheet {
    if (!(sheet instanceof FakeSheet)) throw this.model.ctx.error('Invalid argument: sheet');
    this.s.activeSheetId = sheet.model.state.id;
    return this.model.sheet(sheet.model);
  }
  getRange(a1: string): FakeRange {
    return this.model.rangeByA1(a1, null);
  }
  /** Toasts are recorded with the UI (see `fakes.ui.toasts()`). */
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.model.ctx.toasts.push({
      message: String(message),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
}

/** The Sheet fake. */
export class FakeSheet {
  constructor(
    private ss: SpreadsheetModel,
    readonly model: SheetModel,
  ) {}
  private get s(): SheetState {
    return this.model.state;
  }
  private err(message: string): Error {
    return this.ss.ctx.error(message);
  }
  getName(): string {
    return this.s.name;
  }
  setName(name: string): this {
    this.ss.checkNewName(String(name), this.s);
    this.s.name = String(name);
    return this;
  }
  getIndex(): number {
    return this.ss.state.sheets.indexOf(this.s) + 1;
  }
  getSheetId(): number {
    return this.s.id;
  }
  getParent(): FakeSpreadsheet {
    return this.ss.spreadsheet();
  }
  getDataRange(): FakeRange {
    // An empty sheet still gives A1 (1 × 1), as on Google.
    return this.ss.range(
      this.model,
      1,
      1,
      Math.max(1, this.model.lastRow()),
      Math.max(1, this.model.lastColumn()),
    );
  }
  getRange(rowOrA1: number | string, col?: number, numRows?: number, numCols?: number): FakeRange {
    if (typeof rowOrA1 === 'string') return this.ss.rangeByA1(rowOrA1, this.model);
    if (col === undefined) throw this.err('Invalid argument: column');
    return this.ss.range(
      this.model,
      Number(rowOrA1),
      Number(col),
      Number(numRows ?? 1),
      Number(numCols ?? 1),
    );
  }
  getLastRow(): number {
    return this.model.lastRow();
  }
  getLastColumn(): number {
    return this.model.lastColumn();
  }
  getMaxRows(): number {
    return this.s.maxRows;
  }
  getMaxColumns(): number {
    return this.s.maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.s.maxRows) throw this.err('Those rows are out of bounds.');
    if (howMany < 1) throw this.err('Invalid argument: howMany');
    const rows = this.s.cells;
    if (rows.length > afterPosition)
      rows.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.s.maxRows += howMany;
    shiftProtections(this.ss.state.protections, this.s.id, afterPosition, howMany);
    return this;
  }
  /** Google: a list of ranges of this tab by A1 notation; one call sets them all. */
  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw this.err(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
      );
    // The fake's own ranges (not counted): on Google the list is one object, one round trip.
    const ranges = a1Notations.map((a1) => {
      const ref = parseA1(String(a1));
      if (!ref || ref.sheet || ref.row === null || ref.col === null) throw this.err(`Range not found: ${a1}`);
      const endRow = ref.endRow ?? ref.row;
      const endCol = ref.endCol ?? ref.col;
      if (endRow > this.s.maxRows || endCol > this.s.maxCols)
        throw this.err('The coordinates of the range are outside the dimensions of the sheet.');
      return new FakeRange(this.ss, {
        sheetId: this.s.id,
        row: ref.row,
        col: ref.col,
        numRows: endRow - ref.row + 1,
        numCols: endCol - ref.col + 1,
      });
    });
    return this.ss.ctx.wrap('RangeList', new FakeRangeList(ranges));
  }
  /**
   * Google: appends the row after the last row with content, atomically, adding a row (and
   * columns) when the tab is full; the values are typed as `setValues` types them, and protected
   * ranges and rules that reject input apply as to any write.
   */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw this.err(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    const row = this.model.lastRow() + 1;
    if (row > this.s.maxRows) this.insertRowsAfter(this.s.maxRows, row - this.s.maxRows);
    if (rowContents.length > this.s.maxCols)
      this.insertColumnsAfter(this.s.maxCols, rowContents.length - this.s.maxCols);
    // The fake's own range (not counted): appendRow is one call on Google.
    new FakeRange(this.ss, {
      sheetId: this.s.id,
      row,
      col: 1,
      numRows: 1,
      numCols: rowContents.length,
    }).setValues([rowContents]);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): this {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.s.maxRows) {
      throw this.err('Those rows are out of bounds.');
    }
    if (this.s.maxRows - howMany <= this.s.frozenRows) {
      throw this.err('Sorry, it is not possible to delete all non-frozen rows.');
    }
    assertMayEdit(this.ss.ctx, this.ss.state.protections, {
      sheetId: this.s.id,
      row: rowPosition,
      col: 1,
      numRows: howMany,
      numCols: this.s.maxCols,
    });
    this.s.cells.splice(rowPosition - 1, howMany);
    this.s.maxRows -= howMany;
    shiftProtections(this.ss.state.protections, this.s.id, rowPosition - 1, -howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.s.maxCols)
      throw this.err('Those columns are out of bounds.');
    for (const row of this.s.cells) {
      if (row.length > afterPosition)
        row.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => null));
    }
    this.s.maxCols += howMany;
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): this {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.s.maxCols) {
      throw this.err('Those columns are out of bounds.');
    }
    if (this.s.maxCols - howMany < 1)
      throw this.err('Sorry, it is not possible to delete all non-frozen columns.');
    for (const row of this.s.cells) row.splice(columnPosition - 1, howMany);
    this.s.maxCols -= howMany;
    return this;
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.s.maxRows) throw this.err('Invalid argument: rows');
    this.s.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.s.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.s.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.s.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.s.columnWidths[String(columnPosition)] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.s.columnWidths[String(columnPosition)] ?? 100;
  }
  /** A rough width from the longest displayed text (about 7 px a character at 10 pt Arial). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= this.s.cells.length; r++) {
        longest = Math.max(longest, displayOf(this.model.cell(r, c), this.ss.state.locale).length);
      }
      this.s.columnWidths[String(c)] = Math.max(30, longest * 7 + 10);
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  /** Clears contents and formats; data validation rules stay (as Sheet.clear on Google). */
  clear(): this {
    for (const row of this.s.cells) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        row[i] = cell?.validation ? { value: '', validation: cell.validation } : null;
      }
    }
    return this;
  }
  clearContents(): this {
    for (const row of this.s.cells) {
      for (const cell of row) {
        if (cell) {
          cell.value = '';
          delete cell.formula;
        }
      }
    }
    return this;
  }
  clearFormats(): this {
    for (const row of this.s.cells) {
      for (const cell of row) {
        if (cell) {
          delete cell.format;
          delete cell.style;
        }
      }
    }
    return this;
  }
  activate(): this {
    this.s.hidden = false;
    this.ss.state.activeSheetId = this.s.id;
    return this;
  }
  hideSheet(): this {
    const visible = this.ss.state.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.s)
      throw this.err("You can't hide all the sheets in a document.");
    this.s.hidden = true;
    return this;
  }
  showSheet(): this {
    this.s.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.s.hidden;
  }
  setTabColor(color: string | null): this {
    this.s.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.s.tabColor;
  }
  newChart(): FakeEmbeddedChartBuilder {
    return this.ss.ctx.wrap('EmbeddedChartBuilder', new FakeEmbeddedChartBuilder(this.ss, this.s, null));
  }
  insertChart(chart: unknown): void {
    if (!(chart instanceof FakeEmbeddedChart)) throw this.err('Invalid argument: chart');
    chart.state.chartId = this.ss.state.nextChartId++;
    this.s.charts.push(structuredClone(chart.state));
  }
  updateChart(chart: unknown): void {
    if (!(chart instanceof FakeEmbeddedChart)) throw this.err('Invalid argument: chart');
    const i = this.s.charts.findIndex((c) => c.chartId === chart.state.chartId);
    if (i < 0) throw this.err('Chart not found');
    this.s.charts[i] = structuredClone(chart.state);
  }
  getCharts(): FakeEmbeddedChart[] {
    return this.s.charts.map((c) =>
      this.ss.ctx.wrap('EmbeddedChart', new FakeEmbeddedChart(this.ss, this.s, structuredClone(c))),
    );
  }
  removeChart(chart: unknown): void {
    if (!(chart instanceof FakeEmbeddedChart)) throw this.err('Invalid argument: chart');
    this.s.charts = this.s.charts.filter((c) => c.chartId !== chart.state.chartId);
  }
  getDataValidations(): unknown {
    return this.getDataRange().getDataValidations();
  }
}

/** The Range fake. Reads return fresh arrays; Dates are new objects each read. */
/** Google's RangeList: ranges of one tab written together. */
export class FakeRangeList {
  constructor(private readonly ranges: FakeRange[]) {}
  /**
   * Sets every cell of every range to one value, typed as a user types it. Every range is checked
   * (protection, rules that reject input) before any is written.
   */
  setValue(value: unknown): this {
    for (const range of this.ranges) range.check(value);
    for (const range of this.ranges) range.setValue(value);
    return this;
  }
  getRanges(): FakeRange[] {
    return this.ranges.slice();
  }
}

export class FakeRange {
  constructor(
    private ss: SpreadsheetModel,
    readonly block: Block,
  ) {}
  private get sheetModel(): SheetModel {
    const sheet = this.ss.sheetById(this.block.sheetId);
    if (!sheet) throw this.ss.ctx.error('This range no longer exists: its sheet was deleted.');
    return sheet;
  }
  private get size(): number {
    return this.block.numRows * this.block.numCols;
  }
  private map<T>(fn: (cell: Cell | undefined) => T): T[][] {
    const sheet = this.sheetModel;
    const { row, col, numRows, numCols } = this.block;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numCols; c++) line.push(fn(sheet.cell(row + r, col + c)));
      out.push(line);
    }
    return out;
  }
  /** `values`: a read of the cells' values, counted per tab too. */
  private read<T>(fn: (cell: Cell | undefined) => T, values = false): T[][] {
    this.ss.ctx.calls.addRead(this.size, values ? this.sheetModel.state.name : undefined);
    return this.map(fn);
  }
  /** Checks a 2-D array against the range with Google's messages. */
  private checkGrid(data: unknown): Row[] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) {
      throw this.ss.ctx.error("The parameters (String) don't match the method signature.");
    }
    const rows = data as Row[];
    if (rows.length !== this.block.numRows) {
      throw this.ss.ctx.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.block.numRows}.`,
      );
    }
    for (const r of rows) {
      if (r.length !== this.block.numCols) {
        throw this.ss.ctx.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.block.numCols}.`,
        );
      }
    }
    return rows;
  }
  private write(fn: (cell: Cell, r: number, c: number) => void): void {
    const sheet = this.sheetModel;
    assertMayEdit(this.ss.ctx, this.ss.state.protections, this.block);
    const { row, col, numRows, numCols } = this.block;
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) fn(sheet.touch(row + r, col + c), r, c);
    this.ss.ctx.calls.addWritten(this.size);
  }
  private put(cell: Cell, value: unknown): void {
    const next = coerceInput(
      value,
      cell.format,
      this.ss.state.locale,
      this.ss.state.timeZone,
      this.ss.ctx.nowMs,
    );
    cell.value = next.value;
    if (next.formula === undefined) delete cell.formula;
    else cell.formula = next.formula;
  }
  /** Refuses the whole write, before any cell changes, when a rule that rejects input says no. */
  private checkRules(valueAt: (r: number, c: number) => unknown): void {
    const sheet = this.sheetModel;
    const { row, col, numRows, numCols } = this.block;
    const { locale, timeZone } = this.ss.state;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        const cell = sheet.cell(row + r, col + c);
        if (!cell?.validation || cell.validation.allowInvalid) continue;
        const next = coerceInput(valueAt(r, c), cell.format, locale, timeZone, this.ss.ctx.nowMs);
        if (next.formula === undefined) assertAccepted(this.ss.ctx, cell, next.value, row + r, col + c);
      }
    }
  }

  getValues(): (string | number | boolean | Date)[][] {
    return this.read((c) => this.ss.valueOf(c), true);
  }
  getValue(): string | number | boolean | Date {
    this.ss.ctx.calls.addRead(1);
    return this.ss.valueOf(this.sheetModel.cell(this.block.row, this.block.col));
  }
  getDisplayValues(): string[][] {
    return this.read((c) => displayOf(c, this.ss.state.locale), true);
  }
  getDisplayValue(): string {
    this.ss.ctx.calls.addRead(1);
    return displayOf(this.sheetModel.cell(this.block.row, this.block.col), this.ss.state.locale);
  }
  setValues(values: unknown[][]): this {
    const rows = this.checkGrid(values);
    assertMayEdit(this.ss.ctx, this.ss.state.protections, this.block);
    this.checkRules((r, c) => rows[r]?.[c]);
    this.write((cell, r, c) => this.put(cell, rows[r]?.[c]));
    return this;
  }
  /** Throws as `setValue(value)` would (protection, rules that reject input), writing nothing. */
  check(value: unknown): void {
    assertMayEdit(this.ss.ctx, this.ss.state.protections, this.block);
    this.checkRules(() => value);
  }
  /** Sets every cell of the range to one value. */
  setValue(value: unknown): this {
    assertMayEdit(this.ss.ctx, this.ss.state.protections, this.block);
    this.checkRules(() => value);
    this.write((cell) => this.put(cell, value));
    return this;
  }
  getFormulas(): string[][] {
    return this.read((c) => c?.formula ?? '');
  }
  getFormula(): string {
    this.ss.ctx.calls.addRead(1);
    return this.sheetModel.cell(this.block.row, this.block.col)?.formula ?? '';
  }
  setFormulas(formulas: string[][]): this {
    const rows = this.checkGrid(formulas);
    this.write((cell, r, c) => this.setFormulaOf(cell, rows[r]?.[c]));
    return this;
  }
  setFormula(formula: string): this {
    this.write((cell) => this.setFormulaOf(cell, formula));
    return this;
  }
  private setFormulaOf(cell: Cell, formula: unknown): void {
    const f = String(formula ?? '');
    if (f === '') {
      cell.value = '';
      delete cell.formula;
    } else if (f.startsWith('=')) {
      cell.value = '';
      cell.formula = f;
    } else this.put(cell, f);
  }
  getNumberFormats(): string[][] {
    return this.read((c) => c?.format ?? 'General');
  }
  getNumberFormat(): string {
    return this.sheetModel.cell(this.block.row, this.block.col)?.format ?? 'General';
  }
  setNumberFormat(numberFormat: string): this {
    this.write((cell) => {
      cell.format = String(numberFormat);
    });
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    const rows = this.checkGrid(numberFormats);
    this.write((cell, r, c) => {
      cell.format = String(rows[r]?.[c]);
    });
    return this;
  }
  setDataValidation(rule: unknown): this {
    const data = ruleDataOf(this.ss.ctx, rule);
    this.write((cell) => {
      if (data) cell.validation = structuredClone(data);
      else delete cell.validation;
    });
    return this;
  }
  setDataValidations(rules: unknown[][]): this {
    const rows = this.checkGrid(rules);
    this.write((cell, r, c) => {
      const data = ruleDataOf(this.ss.ctx, rows[r]?.[c]);
      if (data) cell.validation = data;
      else delete cell.validation;
    });
    return this;
  }
  private ruleOf(cell: Cell | undefined): FakeDataValidation | null {
    return cell?.validation
      ? this.ss.ctx.wrap('DataValidation', new FakeDataValidation(this.ss, structuredClone(cell.validation)))
      : null;
  }
  getDataValidation(): FakeDataValidation | null {
    return this.ruleOf(this.sheetModel.cell(this.block.row, this.block.col));
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.map((c) => this.ruleOf(c));
  }
  clearDataValidations(): this {
    this.write((cell) => {
      delete cell.validation;
    });
    return this;
  }
  /** Clears values and formulas; formats and validation stay. */
  clearContent(): this {
    this.write((cell) => {
      cell.value = '';
      delete cell.formula;
    });
    return this;
  }
  /** Clears contents, formats and data validation rules of the range. */
  clear(): this {
    this.write((cell) => {
      cell.value = '';
      delete cell.formula;
      delete cell.format;
      delete cell.style;
      delete cell.validation;
    });
    return this;
  }
  private style(key: keyof CellStyle, value: CellStyle[keyof CellStyle]): this {
    this.write((cell) => {
      cell.style = { ...cell.style, [key]: value };
    });
    return this;
  }
  setFontWeight(fontWeight: string | null): this {
    return this.style('fontWeight', fontWeight);
  }
  setBackground(color: string | null): this {
    return this.style('background', color);
  }
  setWrap(isWrapEnabled: boolean): this {
    return this.style('wrap', Boolean(isWrapEnabled));
  }
  getFontWeight(): string {
    return this.sheetModel.cell(this.block.row, this.block.col)?.style?.fontWeight ?? 'normal';
  }
  getBackground(): string {
    return this.sheetModel.cell(this.block.row, this.block.col)?.style?.background ?? '#ffffff';
  }
  getRow(): number {
    return this.block.row;
  }
  getColumn(): number {
    return this.block.col;
  }
  getLastRow(): number {
    return this.block.row + this.block.numRows - 1;
  }
  getLastColumn(): number {
    return this.block.col + this.block.numCols - 1;
  }
  getNumRows(): number {
    return this.block.numRows;
  }
  getNumColumns(): number {
    return this.block.numCols;
  }
  getA1Notation(): string {
    return a1Of(this.block.row, this.block.col, this.block.numRows, this.block.numCols);
  }
  getSheet(): FakeSheet {
    return this.ss.sheet(this.sheetModel);
  }
  /** Protects the range: only its editors (at first, the user who protects it) may edit it. */
  protect(): FakeProtection {
    const state: ProtectionState = {
      id: Math.max(0, ...(this.ss.state.protections ?? []).map((p) => p.id)) + 1,
      sheetId: this.block.sheetId,
      row: this.block.row,
      col: this.block.col,
      numRows: this.block.numRows,
      numCols: this.block.numCols,
      description: '',
      warningOnly: false,
      editors: [this.ss.ctx.activeUser.toLowerCase()],
      domainEdit: false,
    };
    this.ss.state.protections ??= [];
    this.ss.state.protections.push(state);
    return this.ss.ctx.wrap('Protection', new FakeProtection(this.ss.ctx, this.ss.state.protections, state));
  }
  isBlank(): boolean {
    return this.map((c) => hasContent(c)).every((r) => r.every((has) => !has));
  }
}

/** The EmbeddedChartBuilder fake. */
export class FakeEmbeddedChartBuilder {
  readonly state: ChartState;
  constructor(
    private ss: SpreadsheetModel,
    private sheet: SheetState,
    from: ChartState | null,
  ) {
    this.state = from
      ? structuredClone(from)
      : {
          chartId: 0,
          type: 'COLUMN',
          ranges: [],
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
          options: {},
        };
  }
  addRange(range: unknown): this {
    if (!(range instanceof FakeRange)) throw this.ss.ctx.error('Invalid argument: range');
    this.state.ranges.push({ ...range.block });
    return this;
  }
  removeRange(range: unknown): this {
    if (range instanceof FakeRange) {
      const b = range.block;
      this.state.ranges = this.state.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(b));
    }
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  setChartType(type: string): this {
    this.state.type = String(type);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.state.options[String(option)] = isDate(value) ? value.toISOString() : structuredClone(value);
    return this;
  }
  setNumHeaders(headers: number): this {
    return this.setOption('numHeaders', headers);
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  getChartType(): string {
    return this.state.type;
  }
  build(): FakeEmbeddedChart {
    return this.ss.ctx.wrap(
      'EmbeddedChart',
      new FakeEmbeddedChart(this.ss, this.sheet, structuredClone(this.state)),
    );
  }
}

/** The EmbeddedChart fake (a chart that is, or will be, on a sheet). */
export class FakeEmbeddedChart {
  constructor(
    private ss: SpreadsheetModel,
    private sheet: SheetState,
    readonly state: ChartState,
  ) {}
  getChartId(): number | null {
    return this.state.chartId || null;
  }
  getId(): string {
    return `u${this.state.chartId}`;
  }
  getType(): string {
    return this.state.type;
  }
  getRanges(): FakeRange[] {
    return this.state.ranges.map((b) => {
      const sheet = this.ss.sheetById(b.sheetId);
      if (!sheet) throw this.ss.ctx.error('Range not found');
      return this.ss.range(sheet, b.row, b.col, b.numRows, b.numCols);
    });
  }
  getOptions(): { get(option: string): unknown } {
    const options = this.state.options;
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo(): Record<string, () => number> {
    const p = this.state.position;
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): FakeEmbeddedChartBuilder {
    return this.ss.ctx.wrap(
      'EmbeddedChartBuilder',
      new FakeEmbeddedChartBuilder(this.ss, this.sheet, this.state),
    );
  }
}

/** Replaces a tab's contents as a user pasting text: same coercion as setValues; the sheet grows to fit. */
export function pasteInto(ss: SpreadsheetModel, sheet: SheetModel, rows: unknown[][]): void {
  const s = sheet.state;
  // A paste replaces values; formats, rules and styles of the cells stay.
  s.cells = s.cells.map((row) =>
    row.map((c) => {
      if (!c || !(c.format || c.validation || c.style)) return null;
      const { formula: _formula, ...rest } = c;
      return { ...rest, value: '' };
    }),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  s.maxRows = Math.max(s.maxRows, rows.length);
  s.maxCols = Math.max(s.maxCols, width);
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === '' || value === null || value === undefined) return;
      const cell = sheet.touch(r + 1, c + 1);
      const next = coerceInput(value, cell.format, ss.state.locale, ss.state.timeZone, ss.ctx.nowMs);
      cell.value = next.value;
      if (next.formula !== undefined) cell.formula = next.formula;
    });
  });
}

/** Plain-data view of a tab's rules. */
export function validationsOf(sheet: SheetModel): ValidationSpec[] {
  const out: ValidationSpec[] = [];
  sheet.state.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell?.validation) out.push({ a1: a1Of(r + 1, c + 1, 1, 1), ...structuredClone(cell.validation) });
    });
  });
  return out;
}

/** Plain-data view of a tab's charts with their data. */
export function chartsOf(ss: SpreadsheetModel, sheet: SheetModel): ChartSpec[] {
  return sheet.state.charts.map((chart) => ({
    chartId: chart.chartId,
    type: chart.type,
    position: { ...chart.position },
    options: structuredClone(chart.options),
    ranges: chart.ranges.map((b) => {
      const on = ss.sheetById(b.sheetId);
      return `${quoteSheetName(on?.state.name ?? '?')}!${a1Of(b.row, b.col, b.numRows, b.numCols)}`;
    }),
    data: chart.ranges.map((b) => {
      const on = ss.sheetById(b.sheetId);
      const grid: (string | number | boolean | null)[][] = [];
      for (let r = 0; r < b.numRows; r++) {
        const line: (string | number | boolean | null)[] = [];
        for (let c = 0; c < b.numCols; c++) line.push(ss.jsonOf(on?.cell(b.row + r, b.col + c)));
        grid.push(line);
      }
      return grid;
    }),
  }));
}
