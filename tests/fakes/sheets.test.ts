// Behaviour of the SpreadsheetApp fakes: coercion, dates, ranges, sheets, validation, charts.
import { describe, expect, it } from 'vitest';
import { createGasFakes } from '../../sandbox/fakes/index.ts';

const NOW = '2027-01-04T07:30:00+01:00';

function setup(options: Parameters<typeof createGasFakes>[0] = {}) {
  const fakes = createGasFakes({ now: NOW, ...options });
  const { SpreadsheetApp, Utilities } = fakes.globals;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  const stored = (input: unknown, format?: string): unknown => {
    const cell = sheet.getRange('A1');
    if (format) cell.setNumberFormat(format);
    cell.setValue(input);
    return cell.getValue();
  };
  const ymd = (d: unknown) => Utilities.formatDate(d as Date, 'Europe/Amsterdam', 'yyyy-MM-dd');
  return { fakes, ss, sheet, stored, ymd };
}

describe('writing strings like a user types them', () => {
  it('turns a string starting with = into a formula, read back as its text', () => {
    const { sheet, stored } = setup();
    expect(stored('=SUM(B1:B3)')).toBe('=SUM(B1:B3)');
    expect(sheet.getRange('A1').getFormulas()).toEqual([['=SUM(B1:B3)']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B1:B3)');
  });

  it('stores a string with a leading apostrophe as text without the apostrophe', () => {
    const { sheet, stored } = setup();
    expect(stored("'01234")).toBe('01234');
    expect(stored("'=not a formula")).toBe('=not a formula');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('turns number-like strings into numbers (01234 → 1234, +7 → 7)', () => {
    const { stored } = setup();
    expect(stored('01234')).toBe(1234);
    expect(stored('1.5')).toBe(1.5);
    expect(stored('-3')).toBe(-3);
    expect(stored('+7')).toBe(7);
  });

  it('accepts the decimal comma of an nl_NL spreadsheet', () => {
    const { stored } = setup();
    expect(stored('2,5')).toBe(2.5);
  });

  it('keeps a phone number with spaces as a string', () => {
    const { stored } = setup();
    expect(stored('06 1234 5678')).toBe('06 1234 5678');
    expect(stored('Jan de Vries')).toBe('Jan de Vries');
  });

  it('turns TRUE/FALSE in any case into booleans', () => {
    const { stored } = setup();
    expect(stored('TRUE')).toBe(true);
    expect(stored('false')).toBe(false);
    expect(stored('True')).toBe(true);
  });

  it('turns ISO dates and nl dates (4-1-2027, 04-01-2027) into midnight in the spreadsheet zone', () => {
    const { stored, ymd } = setup();
    const midnight = Date.parse('2027-01-04T00:00:00+01:00');
    for (const text of ['2027-01-04', '4-1-2027', '04-01-2027', '4/1/2027']) {
      const value = stored(text);
      expect(value).toBeInstanceOf(Date);
      expect((value as Date).getTime()).toBe(midnight);
      expect(ymd(value)).toBe('2027-01-04');
    }
  });

  it('reads a day-first date as month-first in an en_US spreadsheet', () => {
    const { stored, ymd } = setup({ locale: 'en_US' });
    expect(ymd(stored('4/1/2027'))).toBe('2027-04-01');
  });

  it('keeps impossible dates as strings', () => {
    const { stored } = setup();
    expect(stored('31-02-2027')).toBe('31-02-2027');
    expect(stored('2027-13-01')).toBe('2027-13-01');
  });

  it('stores strings as-is, without formula or coercion, in a plain-text (@) cell', () => {
    const { stored } = setup();
    expect(stored('01234', '@')).toBe('01234');
    expect(stored('=SUM(A2)', '@')).toBe('=SUM(A2)');
    expect(stored('TRUE', '@')).toBe('TRUE');
    expect(stored('2027-01-04', '@')).toBe('2027-01-04');
  });

  it('stores numbers, booleans and Dates as given', () => {
    const { stored } = setup();
    expect(stored(42)).toBe(42);
    expect(stored(false)).toBe(false);
    const d = new Date('2027-01-04T09:15:00+01:00');
    const back = stored(d) as Date;
    expect(back.getTime()).toBe(d.getTime());
    expect(back).not.toBe(d);
  });

  it('clears a cell written with null or an empty string', () => {
    const { sheet, stored } = setup();
    stored('x');
    sheet.getRange('A1').setValue(null);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('coerces each cell of setValues the same way', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([['01234', "'01234", 'TRUE', '4-1-2027']]);
    const [[a, b, c, d]] = sheet.getRange(1, 1, 1, 4).getValues() as unknown[][] as [unknown[]];
    expect([a, b, c]).toEqual([1234, '01234', true]);
    expect(d).toBeInstanceOf(Date);
  });
});

describe('reading values', () => {
  it('gives empty strings for empty cells and new Date copies on every read', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue(new Date('2027-01-04T00:00:00+01:00'));
    const first = sheet.getRange('A1:B2').getValues();
    expect(first[0]).toEqual(['', '']);
    const again = sheet.getRange('B2').getValue() as Date;
    expect(first[1]![1]).not.toBe(again);
    (first[1]![1] as Date).setFullYear(2000);
    expect((sheet.getRange('B2').getValue() as Date).getFullYear()).toBe(2027);
  });

  it('shows display values as nl_NL Sheets does', () => {
    const { sheet } = setup();
    sheet
      .getRange(1, 1, 1, 6)
      .setValues([[new Date('2027-01-04T00:00:00+01:00'), 3, 2.5, true, 'tekst', '']]);
    expect(sheet.getRange(1, 1, 1, 6).getDisplayValues()).toEqual([
      ['4-1-2027', '3', '2,5', 'TRUE', 'tekst', ''],
    ]);
  });

  it('formats dates with the cell number format (dd-mm-yyyy, yyyy-mm-dd, d mmmm yyyy)', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 1, 3);
    range.setValues([['2027-01-04', '2027-01-04', '2027-01-04']]);
    range.setNumberFormats([['dd-mm-yyyy', 'yyyy-mm-dd', 'd mmmm yyyy']]);
    expect(range.getDisplayValues()).toEqual([['04-01-2027', '2027-01-04', '4 januari 2027']]);
    expect(range.getNumberFormats()).toEqual([['dd-mm-yyyy', 'yyyy-mm-dd', 'd mmmm yyyy']]);
  });

  it('shows a date with a time of day with its time', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2027-01-04T09:05:00+01:00'));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('4-1-2027 9:05:00');
  });
});

describe('dates around daylight saving time changes', () => {
  for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
    it(`keeps midnight of ${day} on the same calendar day in Amsterdam`, () => {
      const { sheet, ymd, fakes } = setup();
      const { Utilities } = fakes.globals;
      const midnight = Utilities.parseDate(day, 'Europe/Amsterdam', 'yyyy-MM-dd');
      sheet.getRange('A1').setValue(midnight);
      sheet.getRange('A2').setValue(day.split('-').reverse().join('-'));
      const [[a], [b]] = sheet.getRange('A1:A2').getValues() as [[Date], [Date]];
      expect(ymd(a)).toBe(day);
      expect(ymd(b)).toBe(day);
      expect(b.getTime()).toBe(midnight.getTime());
      expect(fakes.sheet.json(sheet.getName())).toEqual([[day], [day]]);
    });
  }

  it('keeps the wall-clock date when the spreadsheet time zone changes (Sheets stores serials)', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue('2027-03-28');
    ss.setSpreadsheetTimeZone('America/New_York');
    const d = sheet.getRange('A1').getValue() as Date;
    expect(d.toISOString()).toBe('2027-03-28T04:00:00.000Z');
  });
});

describe('data range and last row/column', () => {
  it('gives a 1×1 range for an empty sheet', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
  });

  it('spans A1 to the last row and column with content', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setValue('x');
    sheet.getRange('B7').setValue(1);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
  });

  it('ignores cells that only have a format or a validation rule', () => {
    const { fakes, sheet } = setup();
    sheet.getRange('A1').setValue('x');
    sheet.getRange('E20').setNumberFormat('@');
    const rule = fakes.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sheet.getRange('F30').setDataValidation(rule);
    sheet.getRange('G40').setBackground('#ff0000');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });
});

describe('appendRow', () => {
  it('writes after the last row with content, typed as a user types, growing a full tab, in one call', () => {
    const { fakes, ss } = setup();
    const sheet = ss.insertSheet('Log');
    sheet.getRange(1, 1, 1, 2).setValues([['Wanneer', 'Wat']]);
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    fakes.calls.reset();
    sheet.appendRow(["'01234", '=1+1']);
    sheet.appendRow(['b', 'c', 'd']);
    expect(fakes.calls.snapshot()).toEqual({ 'Sheet.appendRow': 2 });
    expect(fakes.sheet.json('Log')).toEqual([
      ['Wanneer', 'Wat', null],
      ['01234', '=1+1', null],
      ['b', 'c', 'd'],
    ]);
    expect(sheet.getMaxRows()).toBe(3);
  });

  it('refuses an empty row, and a cell a rule rejects', () => {
    const { ss, fakes } = setup();
    const sheet = ss.insertSheet('Log');
    expect(() => sheet.appendRow([])).toThrow(/appendRow/);
    const rule = fakes.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['ja'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('A1:A10').setDataValidation(rule);
    expect(() => sheet.appendRow(['nee'])).toThrow();
  });
});

describe('open-ended A1 ranges', () => {
  it('takes `C2:C` from row 2 to the tab’s last row, as Sheets does', () => {
    const { sheet } = setup();
    const range = sheet.getRange('C2:C');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2,
      3,
      sheet.getMaxRows() - 1,
      1,
    ]);
    expect(() => sheet.getRange('C:2')).toThrow('Range not found');
  });
});

describe('getRangeList', () => {
  it('sets one value in every range in one call, typed as a user types, and checks all before writing', () => {
    const { fakes, sheet, ss } = setup();
    fakes.calls.reset();
    sheet.getRangeList(['A1', 'C3', 'B5:B6']).setValue('01234');
    expect(fakes.calls.snapshot()).toEqual({ 'RangeList.setValue': 1, 'Sheet.getRangeList': 1 });
    expect([
      sheet.getRange('A1').getValue(),
      sheet.getRange('C3').getValue(),
      sheet.getRange('B6').getValue(),
    ]).toEqual([1234, 1234, 1234]);
    const rule = fakes.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['ja'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('D9').setDataValidation(rule);
    expect(() => sheet.getRangeList(['D1', 'D9']).setValue('nee')).toThrow(/violates/);
    expect(sheet.getRange('D1').getValue()).toBe('');
    expect(() => sheet.getRangeList(['Z2000'])).toThrow(/outside the dimensions/);
    expect(() => ss.getSheets()[0]!.getRangeList([])).toThrow();
  });
});

describe('range dimensions', () => {
  it("refuses setValues with the wrong number of rows, with Google's message", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it("refuses setValues with the wrong number of columns, with Google's message", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('refuses a range outside the sheet until rows are inserted', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
  });

  it('parses A1 notation with open ends and a sheet name', () => {
    const { sheet, ss } = setup();
    expect(sheet.getRange('B2:D4').getNumRows()).toBe(3);
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(ss.getRange("'Blad1'!C3").getColumn()).toBe(3);
  });
});

describe('sheets', () => {
  it('starts with one tab named Blad1 in nl_NL', () => {
    const { fakes } = setup();
    expect(fakes.sheet.tabNames()).toEqual(['Blad1']);
  });

  it("refuses a duplicate tab name with Google's message, whatever the case", () => {
    const { ss } = setup();
    ss.insertSheet('Personeel');
    expect(() => ss.insertSheet('Personeel')).toThrow(
      'A sheet with the name "Personeel" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('PERSONEEL')).toThrow('already exists');
    expect(ss.getSheetByName('personeel')?.getName()).toBe('Personeel');
  });

  it('inserts at an index, renames, deletes and activates tabs', () => {
    const { ss, fakes } = setup();
    const a = ss.insertSheet('A');
    ss.insertSheet('B', 0);
    expect(fakes.sheet.tabNames()).toEqual(['B', 'Blad1', 'A']);
    expect(ss.getActiveSheet().getName()).toBe('B');
    a.setName('C');
    expect(a.getIndex()).toBe(3);
    ss.deleteSheet(ss.getSheetByName('B')!);
    expect(fakes.sheet.tabNames()).toEqual(['Blad1', 'C']);
    expect(ss.getSheetByName('B')).toBeNull();
  });

  it('inserts and deletes rows, moving the cells below', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, '', '', 2, 3]);
    sheet.deleteRows(2, 2);
    sheet.deleteRow(1);
    expect(sheet.getRange('A1:A2').getValues().flat()).toEqual([2, 3]);
    expect(sheet.getMaxRows()).toBe(999);
  });

  it('keeps frozen rows, column widths, tab colour and visibility', () => {
    const { ss, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 180);
    sheet.setTabColor('#00ff00');
    ss.insertSheet('Extra');
    sheet.hideSheet();
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
  });

  it('clears contents but keeps formats with clearContents', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue('01');
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
    sheet.clear();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
  });
});

describe('data validation', () => {
  it('stores a rule per cell and reads back criteria, values, help text and allowInvalid', () => {
    const { fakes, sheet } = setup();
    const rule = fakes.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['Onderbouw', 'Bovenbouw'], true)
      .setAllowInvalid(false)
      .setHelpText('Kies een afdeling')
      .build();
    sheet.getRange('B2:B3').setDataValidation(rule);
    const back = sheet.getRange('B3').getDataValidation()!;
    expect(String(back.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(back.getCriteriaValues()).toEqual([['Onderbouw', 'Bovenbouw'], true]);
    expect(back.getAllowInvalid()).toBe(false);
    expect(back.getHelpText()).toBe('Kies een afdeling');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    expect(fakes.sheet.validations('Blad1').map((v) => v.a1)).toEqual(['B2', 'B3']);
  });

  it('keeps date, checkbox, number, email and range criteria', () => {
    const { fakes, sheet, ss, ymd } = setup();
    const { SpreadsheetApp } = fakes.globals;
    const start = new Date('2027-03-28T00:00:00+01:00');
    const rules = [
      SpreadsheetApp.newDataValidation().requireDate().build(),
      SpreadsheetApp.newDataValidation().requireDateOnOrAfter(start).build(),
      SpreadsheetApp.newDataValidation().requireCheckbox().build(),
      SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).build(),
      SpreadsheetApp.newDataValidation().requireTextIsEmail().build(),
      SpreadsheetApp.newDataValidation().requireValueInRange(ss.getRange("'Blad1'!Z1:Z9")).build(),
    ];
    sheet.getRange(1, 1, 1, 6).setDataValidations([rules]);
    const back = sheet.getRange(1, 1, 1, 6).getDataValidations()[0]!;
    expect(back.map((r) => String(r!.getCriteriaType()))).toEqual([
      'DATE_IS_VALID_DATE',
      'DATE_ON_OR_AFTER',
      'CHECKBOX',
      'NUMBER_BETWEEN',
      'TEXT_IS_VALID_EMAIL',
      'VALUE_IN_RANGE',
    ]);
    expect(ymd(back[1]!.getCriteriaValues()[0])).toBe('2027-03-28');
    expect(back[3]!.getCriteriaValues()).toEqual([1, 5]);
    const range = back[5]!.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(range.getA1Notation()).toBe('Z1:Z9');
    sheet.getRange(1, 1, 1, 6).clearDataValidations();
    expect(fakes.sheet.validations('Blad1')).toEqual([]);
  });

  it('refuses to build a rule without criteria', () => {
    const { fakes } = setup();
    expect(() => fakes.globals.SpreadsheetApp.newDataValidation().setHelpText('x').build()).toThrow();
  });
});

describe('charts', () => {
  it('records an inserted chart as plain data with its ranges and data', () => {
    const { fakes, sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['Locatie', 'Aantal'],
      ['Noord', 3],
      ['Zuid', 5],
    ]);
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B3'))
      .setChartType(fakes.globals.Charts.ChartType.COLUMN)
      .setPosition(5, 1, 0, 0)
      .setOption('title', 'Nieuwkomers')
      .build();
    sheet.insertChart(chart);
    const [spec] = fakes.sheet.charts('Blad1');
    expect(spec).toMatchObject({
      type: 'COLUMN',
      ranges: ['Blad1!A1:B3'],
      position: { anchorRow: 5, anchorColumn: 1 },
      options: { title: 'Nieuwkomers' },
      data: [
        [
          ['Locatie', 'Aantal'],
          ['Noord', 3],
          ['Zuid', 5],
        ],
      ],
    });
    const [onSheet] = sheet.getCharts();
    expect(onSheet!.getRanges()[0]!.getA1Notation()).toBe('A1:B3');
    sheet.removeChart(onSheet!);
    expect(fakes.sheet.charts('Blad1')).toEqual([]);
  });
});

describe('paste (test control)', () => {
  it('replaces a tab like a user pasting text, creating it when missing', () => {
    const { fakes } = setup();
    fakes.sheet.paste('Personeel', [
      ['Naam', 'Start', 'Telefoon'],
      ['Eva', '4-1-2027', '06 1234 5678'],
    ]);
    expect(fakes.sheet.json('Personeel')).toEqual([
      ['Naam', 'Start', 'Telefoon'],
      ['Eva', '2027-01-04', '06 1234 5678'],
    ]);
    fakes.sheet.paste('Personeel', [['Alleen']]);
    expect(fakes.sheet.values('Personeel')).toEqual([['Alleen']]);
  });
});
