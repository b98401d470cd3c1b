/**
 * Cells as Sheets stores them (issue 11 §3): what schools type, typed as USER_ENTERED in an nl_NL
 * and an en_US spreadsheet; protected ranges and rules that reject input, with Google's messages;
 * deleting every non-frozen row refused.
 */
import { describe, expect, it } from 'vitest';
import { createGasFakes } from '../../sandbox/fakes/index.ts';

const NOW = '2027-01-04T07:30:00+01:00';
const OWNER = 'leider@school.example';
const OTHER = 'chef@school.example';

function setup(locale = 'nl_NL') {
  const fakes = createGasFakes({ now: NOW, locale, activeUser: OWNER });
  const { SpreadsheetApp, Utilities } = fakes.globals;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
  const typed = (input: string): unknown => {
    const cell = sheet.getRange('A1');
    cell.setValue(input);
    const value = cell.getValue();
    return Object.prototype.toString.call(value) === '[object Date]'
      ? Utilities.formatDate(value as Date, 'Europe/Amsterdam', 'yyyy-MM-dd')
      : value;
  };
  return { fakes, sheet, typed };
}

describe('what schools type, in a Dutch spreadsheet', () => {
  const { typed } = setup('nl_NL');
  it.each([
    ['1 maart 2027', '2027-03-01'],
    ['1 mrt. 2027', '2027-03-01'],
    ['1-mrt-2027', '2027-03-01'],
    ['Mar 1 2027', '2027-03-01'],
    ['1 March 2027', '2027-03-01'],
    ['1-3-2027', '2027-03-01'],
    ['1/2', '2027-02-01'],
    ['€ 50', 50],
    ['€50', 50],
    ['€ 1.234,50', 1234.5],
    ['$100.15', 100.15],
    ['50%', 0.5],
    ['12,5%', 0.125],
    ['3,5', 3.5],
    ['1 1/2', 1.5],
    ['WAAR', true],
    ['onwaar', false],
    ['TRUE', true],
    ['01234', 1234],
    ['+31612345678', 31612345678],
    ['0612345678', 612345678],
    ['06 1234 5678', '06 1234 5678'],
    ['+31 6 1234 5678', '+31 6 1234 5678'],
    ['Maarten', 'Maarten'],
    ['mei', 'mei'],
    ['30 februari 2027', '30 februari 2027'],
  ])('%s → %s', (input, expected) => {
    expect(typed(input)).toBe(expected);
  });
});

describe('what schools type, in an en_US spreadsheet', () => {
  const { typed } = setup('en_US');
  it.each([
    ['Mar 1 2027', '2027-03-01'],
    ['March 1, 2027', '2027-03-01'],
    ['1-Mar-2027', '2027-03-01'],
    ['3/1/2027', '2027-03-01'],
    ['1/2', '2027-01-02'],
    ['$100.15', 100.15],
    ['$1,234.50', 1234.5],
    ['-$5', -5],
    ['50%', 0.5],
    ['1 1/2', 1.5],
    ['TRUE', true],
    ['false', false],
    ['WAAR', 'WAAR'],
    ['01234', 1234],
    ['06 1234 5678', '06 1234 5678'],
  ])('%s → %s', (input, expected) => {
    expect(typed(input)).toBe(expected);
  });
});

describe('a text written with a leading apostrophe or into a plain-text cell', () => {
  it('stays exactly the text', () => {
    const { sheet } = setup();
    for (const text of ['1 maart 2027', '€ 50', 'WAAR', '01234', '1/2', '50%']) {
      sheet.getRange('A1').setValue(`'${text}`);
      expect(sheet.getRange('A1').getValue()).toBe(text);
      sheet.getRange('B1').setNumberFormat('@').setValue(text);
      expect(sheet.getRange('B1').getValue()).toBe(text);
    }
  });
});

describe('protected ranges', () => {
  it("refuses an edit by someone who is not an editor of the range, with Google's message, and changes nothing", () => {
    const { fakes, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    fakes.sheet.protect('Blad1', 'B1:B5', { editors: [OWNER] });
    fakes.beginExecution({ user: OTHER });
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        ['x', 'y'],
        ['z', 'w'],
      ]),
    ).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(() => sheet.getRange('B3').setNumberFormat('@')).toThrow(/protected cell/);
    expect(() => sheet.deleteRows(2, 1)).toThrow(/protected cell/);
    sheet.getRange('A1:A2').setValues([['x'], ['z']]);
    fakes.endExecution();
    expect(fakes.sheet.values('Blad1')).toEqual([
      ['x', 'b'],
      ['z', 'd'],
    ]);
    fakes.beginExecution({ user: OWNER });
    sheet.getRange('B1').setValue('mag');
    expect(sheet.getRange('B1').getValue()).toBe('mag');
  });

  it('lets everyone through a warning-only protection, and its editors through a strict one', () => {
    const { fakes, sheet } = setup();
    fakes.sheet.protect('Blad1', 'A1:A3', { warningOnly: true });
    fakes.sheet.protect('Blad1', 'C1:C3', { editors: [OWNER, OTHER] });
    fakes.beginExecution({ user: OTHER });
    sheet.getRange('A1').setValue('waarschuwing');
    sheet.getRange('C1').setValue('editor');
    expect(fakes.sheet.values('Blad1')[0]).toEqual(['waarschuwing', '', 'editor']);
  });

  it('protects through Range.protect: the creator edits, others are refused once removed', () => {
    const { fakes, sheet } = setup();
    const protection = sheet.getRange('A1:A5').protect().setDescription('kop');
    expect(protection.canEdit()).toBe(true);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    sheet.getRange('A1').setValue('kop');
    fakes.beginExecution({ user: OTHER });
    expect(() => sheet.getRange('A2').setValue('x')).toThrow(/protected cell/);
    fakes.beginExecution({ user: OWNER });
    protection.addEditor(OTHER);
    fakes.beginExecution({ user: OTHER });
    sheet.getRange('A2').setValue('x');
    expect(sheet.getRange('A2').getValue()).toBe('x');
  });

  it('moves with the rows when rows are inserted or deleted above it', () => {
    const { fakes, sheet } = setup();
    fakes.sheet.protect('Blad1', 'A5:A6', { editors: [OWNER] });
    sheet.insertRowsAfter(1, 2);
    fakes.beginExecution({ user: OTHER });
    sheet.getRange('A5').setValue('vrij');
    expect(() => sheet.getRange('A7').setValue('x')).toThrow(/protected cell/);
    fakes.beginExecution({ user: OWNER });
    sheet.deleteRows(1, 3);
    fakes.beginExecution({ user: OTHER });
    expect(() => sheet.getRange('A4').setValue('x')).toThrow(/protected cell/);
    sheet.getRange('A3').setValue('vrij');
  });
});

describe('rules that reject input', () => {
  function withRule(allowInvalid: boolean) {
    const { fakes, sheet } = setup();
    const { SpreadsheetApp } = fakes.globals;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['nieuw', 'actief'], true)
      .setAllowInvalid(allowInvalid)
      .build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    return { fakes, sheet };
  }

  it("refuses a value outside the list with Google's message, before anything is written", () => {
    const { sheet } = withRule(false);
    expect(() =>
      sheet.getRange('A2:B3').setValues([
        ['Anna', 'actief'],
        ['Bob', 'nieuwe collega'],
      ]),
    ).toThrow('The data you entered in cell B3 violates the data validation rules set on this cell.');
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(() => sheet.getRange('B4').setValue('onzin')).toThrow(/cell B4 violates/);
  });

  it('accepts values in the list (any case), the empty value, and text guarded with an apostrophe', () => {
    const { sheet } = withRule(false);
    sheet.getRange('B2:B5').setValues([['actief'], ['Nieuw'], [''], ["'actief"]]);
    expect(sheet.getRange('B2:B5').getValues().flat()).toEqual(['actief', 'Nieuw', '', 'actief']);
  });

  it('lets anything through a rule that only warns', () => {
    const { sheet } = withRule(true);
    sheet.getRange('B2').setValue('nieuwe collega');
    expect(sheet.getRange('B2').getValue()).toBe('nieuwe collega');
  });

  it('refuses a checkbox cell anything but a boolean, and a date cell anything but a date', () => {
    const { fakes, sheet } = setup();
    const { SpreadsheetApp } = fakes.globals;
    sheet
      .getRange('C1:C3')
      .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    sheet
      .getRange('D1:D3')
      .setDataValidation(SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build());
    sheet.getRange('C1').setValue(true);
    sheet.getRange('C2').setValue('WAAR');
    expect(() => sheet.getRange('C3').setValue('misschien')).toThrow(/cell C3 violates/);
    sheet.getRange('D1').setValue('1 maart 2027');
    expect(() => sheet.getRange('D2').setValue('binnenkort')).toThrow(/cell D2 violates/);
  });
});

describe('deleting rows', () => {
  it("refuses to delete every non-frozen row, with Google's message", () => {
    const { sheet } = setup();
    sheet.deleteRows(4, sheet.getMaxRows() - 3);
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 2)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRows(2, 1);
    expect(sheet.getMaxRows()).toBe(2);
  });
});
