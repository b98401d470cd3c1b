/**
 * The SpreadsheetGateway adapter against the Apps Script fakes: batching, text guarding, dates in
 * the spreadsheet's time zone, and formulas kept in cells it does not change.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGasFakes, type GasFakes } from '../../sandbox/fakes/index';
import { tabLayout } from '../../src/app/layout';
import { personKey } from '../../src/core/identity';
import { SCHEMA } from '../../src/core/schema';
import { mapHeader, Table } from '../../src/core/table';
import { a1Of, guardText, SpreadsheetGateway } from '../../src/gas/sheetGateway';

let fakes: GasFakes;
const saved = new Map<string, unknown>();
const scope = globalThis as Record<string, unknown>;

// The adapters reach Apps Script through globals, as on Google: install the fakes' services for
// each test (Node's own console stays; the test runner needs it) and put back what was there.
beforeEach(() => {
  fakes = createGasFakes({ now: '2027-03-27T12:00:00+01:00' });
  for (const [name, value] of Object.entries(fakes.globals)) {
    if (name === 'console') continue;
    saved.set(name, scope[name]);
    scope[name] = value;
  }
  fakes.beginExecution();
});

afterEach(() => {
  fakes.endExecution();
  for (const [name, value] of saved) {
    if (value === undefined) delete scope[name];
    else scope[name] = value;
  }
  saved.clear();
});

const header = ['Naam', 'E-mail', 'Locatie', 'Startdatum', 'Status', 'Eigen kolom'];

function staffTable(gateway: SpreadsheetGateway) {
  const read = gateway.read(['Medewerkers', 'Staff'])!;
  return new Table('staff', read.name, read.grid, mapHeader('staff', read.name, read.grid[0]!));
}

describe('reading a tab', () => {
  it('costs the same few calls whatever the number of rows', () => {
    const rows = (n: number) => [
      header,
      ...Array.from({ length: n }, (_, i) => [`P${i}`, `p${i}@x.example`, 'L', '2027-01-04', 'actief', '']),
    ];
    const callsFor = (n: number) => {
      fakes.sheet.paste('Medewerkers', rows(n));
      fakes.calls.reset();
      new SpreadsheetGateway().read(['Medewerkers']);
      return fakes.calls.count();
    };
    expect(callsFor(10)).toBe(callsFor(2000));
    expect(fakes.calls.snapshot()['Range.getValues']).toBe(1);
  });

  it('shares one date cell per moment instead of making an object per cell', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ...Array.from({ length: 3 }, (_, i) => [`P${i}`, `p${i}@x.example`, 'L', '2027-01-04', 'actief', '']),
      ['Q', 'q@x.example', 'L', '2027-01-05', 'actief', ''],
    ]);
    const { grid } = new SpreadsheetGateway().read(['Medewerkers'])!;
    expect(grid[1]![3]).toEqual({ date: '2027-01-04' });
    expect(grid[2]![3]).toBe(grid[1]![3]);
    expect(grid[3]![3]).toBe(grid[1]![3]);
    expect(grid[4]![3]).toEqual({ date: '2027-01-05' });
  });

  it('finds a tab renamed with other case and accents', () => {
    fakes.sheet.paste('  medewerkers ', [header]);
    expect(new SpreadsheetGateway().read(['Medewerkers'])?.name).toBe('  medewerkers ');
  });

  it('returns null for a tab that does not exist', () => {
    expect(new SpreadsheetGateway().read(['Koppelingen'])).toBeNull();
  });
});

describe('writing a tab', () => {
  // Changed with issue 11 §3: no longer one setValues over the block, which rewrote unchanged
  // cells inside it; one setValues per run of changed cells (runs in consecutive rows merged).
  it('writes the changed cells only, in as few blocks as runs allow', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ['Anna', 'a@x.example', 'L', '2027-01-04', 'nieuw', ''],
      ['Bob', 'b@x.example', 'L', '2027-01-04', 'nieuw', ''],
    ]);
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    table.update(table.records[0]!, { status: 'actief' });
    table.update(table.records[1]!, { status: 'actief' });
    table.append({ ...table.records[0]!.value, name: 'Cas', email: personKey('c@x.example') });
    fakes.calls.reset();
    gateway.write(table.sheetName, table.patch());
    // Status of rows 2–3 (one column, two rows) and the appended row 4.
    expect(fakes.calls.snapshot()['Range.setValues']).toBe(2);
    expect(fakes.calls.cellsWritten).toBe(2 + header.length);
    expect(fakes.sheet.json('Medewerkers').map((r) => r[4])).toEqual([
      'Status',
      'actief',
      'actief',
      'actief',
    ]);
  });

  it('asks a tab neither its name nor its size for a change inside the data read', () => {
    fakes.sheet.paste('Medewerkers', [header, ['Anna', 'a@x.example', 'L', '2027-01-04', 'nieuw', '']]);
    fakes.calls.reset();
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    table.update(table.records[0]!, { status: 'actief' });
    gateway.write(table.sheetName, table.patch());
    const calls = fakes.calls.snapshot();
    expect(calls['Sheet.getName']).toBeUndefined();
    expect(calls['Sheet.getMaxRows']).toBeUndefined();
    expect(calls['Sheet.getMaxColumns']).toBeUndefined();
    // One block: its range serves both the format check and the write.
    expect(calls['Sheet.getRange']).toBe(1);
    expect(fakes.sheet.json('Medewerkers')[1]![4]).toBe('actief');
  });

  it('writes lone cells of one value in scattered rows as one range list, never touching the rows between', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ...Array.from({ length: 9 }, (_, i) => [
        `P${i}`,
        `p${i}@x.example`,
        'L',
        '2027-01-04',
        'nieuw',
        `=LEN(A${i + 2})`,
      ]),
    ]);
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    for (const i of [0, 4, 8]) table.update(table.records[i]!, { status: 'actief' });
    table.update(table.records[6]!, { status: 'uit dienst' });
    fakes.calls.reset();
    gateway.write(table.sheetName, table.patch());
    expect(fakes.calls.snapshot()['RangeList.setValue']).toBe(1);
    expect(fakes.calls.count('Range.set')).toBe(1);
    expect(fakes.calls.cellsWritten).toBe(4);
    expect(fakes.sheet.json('Medewerkers').map((r) => r[4])).toEqual([
      'Status',
      'actief',
      'nieuw',
      'nieuw',
      'nieuw',
      'actief',
      'nieuw',
      'uit dienst',
      'nieuw',
      'actief',
    ]);
    expect(fakes.sheet.values('Medewerkers')[3]![5]).toBe('=LEN(A4)');
  });

  it('stores text exactly, never as a formula, number, date or boolean', () => {
    const risky = [
      '=1+1',
      '+31 6 1234 5678',
      '-5',
      '@kantoor',
      '01234',
      '06 1234 5678',
      'TRUE',
      "'s-Hertogenbosch",
      '4-1-2027',
      '\tinspringing',
      '.5',
    ];
    fakes.sheet.paste('Medewerkers', [
      header,
      ...risky.map(() => ['x', 'x@x.example', 'L', '', 'actief', '']),
    ]);
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    for (const [i, text] of risky.entries()) table.update(table.records[i]!, { name: text });
    gateway.write(table.sheetName, table.patch());
    const stored = fakes.sheet
      .values('Medewerkers')
      .slice(1)
      .map((r) => r[0]);
    expect(stored).toEqual(risky);
    const formulas = fakes.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Medewerkers')!
      .getRange(2, 1, risky.length, 1)
      .getFormulas();
    expect(formulas.flat().every((f) => f === '')).toBe(true);
  });

  it('keeps formulas in cells of the block that it does not change', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ['Anna', 'a@x.example', 'L', '2027-01-04', 'nieuw', '=LEN(A2)'],
      ['Bob', 'b@x.example', 'L', '2027-01-04', 'nieuw', ''],
    ]);
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    table.update(table.records[0]!, { name: 'Anna', status: 'actief' });
    table.append({ ...table.records[1]!.value, name: 'Cas', email: personKey('c@x.example') });
    gateway.write(table.sheetName, table.patch());
    const sheet = fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Medewerkers')!;
    expect(sheet.getRange('F2').getFormulas()[0]![0]).toBe('=LEN(A2)');
  });

  it('deletes rows bottom-up so earlier row numbers stay right', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ...['A', 'B', 'C', 'D', 'E'].map((n) => [n, `${n}@x.example`, 'L', '', 'actief', '']),
    ]);
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    const records = [...table.records];
    for (const i of [0, 2, 3]) table.remove(records[i]!);
    gateway.write(table.sheetName, table.patch());
    expect(
      fakes.sheet
        .json('Medewerkers')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['B', 'E']);
  });

  it('grows the sheet when appended rows pass its last row', () => {
    fakes.sheet.paste('Logboek', [['Tijdstip', 'Gebruiker', 'Actie', 'Details']]);
    const sheet = fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Logboek')!;
    const max = sheet.getMaxRows();
    const gateway = new SpreadsheetGateway();
    const read = gateway.read(['Logboek'])!;
    const log = new Table('log', read.name, read.grid, mapHeader('log', read.name, read.grid[0]!));
    for (let i = 0; i < max + 5; i++)
      log.append({
        at: '2027-03-27T12:00:00+01:00',
        user: personKey('u@x.example'),
        action: `a${i}`,
        details: '',
      });
    gateway.write(read.name, log.patch());
    expect(sheet.getLastRow()).toBe(max + 6);
  });
});

describe('dates in the spreadsheet time zone', () => {
  it.each(['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2027-01-04'])(
    'keeps %s the same calendar day',
    (day) => {
      fakes.sheet.paste('Medewerkers', [header, ['Anna', 'a@x.example', 'L', '', 'actief', '']]);
      const gateway = new SpreadsheetGateway();
      const table = staffTable(gateway);
      table.update(table.records[0]!, { startDate: day });
      gateway.write(table.sheetName, table.patch());
      expect(fakes.sheet.values('Medewerkers')[1]![3]).toBeInstanceOf(Date);
      expect(staffTable(new SpreadsheetGateway()).records[0]!.value.startDate).toBe(day);
    },
  );

  it('reads date cells and dates typed as text alike', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ['Anna', 'a@x.example', 'L', '28-3-2027', 'actief', ''],
      ['Bob', 'b@x.example', 'L', '2027-10-31', 'actief', ''],
    ]);
    const records = staffTable(new SpreadsheetGateway()).records;
    expect(records.map((r) => r.value.startDate)).toEqual(['2027-03-28', '2027-10-31']);
  });

  it('reads a moment with its time and offset', () => {
    fakes.sheet.paste('Logboek', [['Tijdstip', 'Gebruiker', 'Actie', 'Details']]);
    const gateway = new SpreadsheetGateway();
    const read = gateway.read(['Logboek'])!;
    const log = new Table('log', read.name, read.grid, mapHeader('log', read.name, read.grid[0]!));
    log.append({ at: '2027-03-28T03:15:00+02:00', user: personKey('u@x.example'), action: 'x', details: '' });
    gateway.write(read.name, log.patch());
    expect(new SpreadsheetGateway().read(['Logboek'])!.grid[1]![0]).toEqual({
      date: '2027-03-28T03:15:00+02:00',
    });
  });
});

describe('guarding text', () => {
  // Changed with issue 11 §3: every non-empty string gets the apostrophe (Sheets' typing of
  // "Mar 1 2027", "€ 50" or "WAAR" differs per locale), except in cells formatted as plain text.
  it('adds an apostrophe to every non-empty string, except in a plain-text cell', () => {
    expect(guardText('Anna de Vries')).toBe("'Anna de Vries");
    expect(guardText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(guardText('01234')).toBe("'01234");
    expect(guardText('false')).toBe("'false");
    expect(guardText('Mar 1 2027', 'General')).toBe("'Mar 1 2027");
    expect(guardText('01234', '@')).toBe('01234');
    expect(guardText('')).toBe('');
  });
});

describe('cells as Sheets stores them', () => {
  const sheetOf = () => fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Medewerkers')!;

  it.each(['General', '@', 'dd-mm-yyyy'])(
    'reads back exactly any string it wrote into a text column formatted %s (property)',
    (format) => {
      fakes.sheet.paste('Medewerkers', [header, ['x', 'x@x.example', 'L', '', 'actief', '']]);
      // A school may format a text column as plain text, or paste a date format over it.
      if (format !== 'General') sheetOf().getRange('A2:A1000').setNumberFormat(format);
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ minLength: 1 }),
            fc.string({ unit: 'grapheme', minLength: 1 }),
            fc.constantFrom('1 maart 2027', 'Mar 1 2027', '€ 50', '$100.15', '50%', 'WAAR', 'ONWAAR', 'TRUE'),
            fc.constantFrom(
              '1 1/2',
              '1/2',
              '01234',
              '06 1234 5678',
              '+31612345678',
              "'quote",
              '=A1',
              ' spatie',
            ),
          ),
          (text) => {
            const gateway = new SpreadsheetGateway();
            const table = staffTable(gateway);
            table.update(table.records[0]!, { name: text });
            gateway.write(table.sheetName, table.patch());
            expect(fakes.sheet.values('Medewerkers')[1]![0]).toBe(text);
            expect(sheetOf().getRange('A2').getFormula()).toBe('');
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it('leaves unchanged cells between changed ones alone: protected, invalid under a strict rule, formulas', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ['Anna', 'a@x.example', 'L', '2027-01-04', 'nieuw', '=LEN(A2)'],
      ['Bob', 'b@x.example', 'L', '2027-01-04', 'nieuw', 'eigen'],
    ]);
    const { SpreadsheetApp } = fakes.globals;
    // A status nobody may change but the leader, and a location value the rule would now refuse.
    sheetOf()
      .getRange('C2:C3')
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(['Noord']).setAllowInvalid(false).build(),
      );
    fakes.sheet.protect('Medewerkers', 'D2:D3', { editors: ['leider@school.example'] });
    fakes.endExecution();
    fakes.beginExecution({ user: 'chef@school.example' });
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    table.update(table.records[0]!, { name: 'Anna B', status: 'actief' });
    table.update(table.records[1]!, { name: 'Bob C', status: 'actief' });
    fakes.calls.reset();
    gateway.write(table.sheetName, table.patch());
    expect(fakes.calls.snapshot()['Range.setValues']).toBe(2);
    expect(fakes.calls.cellsWritten).toBe(4);
    const rows = fakes.sheet.values('Medewerkers').slice(1);
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['Anna B', 'L', 'actief'],
      ['Bob C', 'L', 'actief'],
    ]);
    expect(sheetOf().getRange('F2').getFormula()).toBe('=LEN(A2)');
  });

  it('deletes every data row of a tab whose last row is its maximum row', () => {
    fakes.sheet.paste('Medewerkers', [
      header,
      ...['A', 'B', 'C'].map((n) => [n, `${n}@x.example`, 'L', '', 'actief', '']),
    ]);
    const sheet = sheetOf();
    sheet.setFrozenRows(1);
    sheet.deleteRows(5, sheet.getMaxRows() - 4);
    expect(sheet.getMaxRows()).toBe(sheet.getLastRow());
    const gateway = new SpreadsheetGateway();
    const table = staffTable(gateway);
    for (const record of [...table.records]) table.remove(record);
    gateway.write(table.sheetName, table.patch());
    expect(fakes.sheet.values('Medewerkers')).toEqual([header]);
    expect(sheet.getMaxRows()).toBe(2);
  });
});

describe('the active spreadsheet', () => {
  it('is asked of Google once per call, by every adapter that needs it', async () => {
    const { ActiveSpreadsheet } = await import('../../src/gas/sheetGateway');
    const { ScriptEnvironment, ScriptTriggers } = await import('../../src/gas/services');
    const active = new ActiveSpreadsheet();
    fakes.sheet.paste('Medewerkers', [header]);
    fakes.calls.reset();
    const gateway = new SpreadsheetGateway(active);
    const environment = new ScriptEnvironment(() => 'Europe/Amsterdam', active);
    expect(environment.missingDocument()).toEqual([]);
    expect(environment.webApp()).toBe(false);
    new ScriptTriggers(active).installed('runScheduledJobs');
    gateway.read(['Medewerkers']);
    expect(fakes.calls.snapshot()['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
  });
});

describe('appending to the Logboek', () => {
  it('reads only its header row, places cells by header, and costs the same for any length', async () => {
    const { Workbook } = await import('../../src/app/workbook');
    const logHeader = ['Actie', 'Tijdstip', 'Details', 'Gebruiker'];
    const callsFor = (n: number) => {
      fakes.sheet.paste('Logboek', [
        logHeader,
        ...Array.from({ length: n }, (_, i) => [`a${i}`, '2026-01-01', '', 'u@x.example']),
      ]);
      fakes.calls.reset();
      const wb = new Workbook(new SpreadsheetGateway(), 'nl');
      wb.appendOnly('log', {
        at: '2027-03-27T12:00:00+01:00',
        user: personKey('me@x.example'),
        action: 'Iets',
        details: '3',
      });
      wb.commit();
      expect(fakes.calls.tabsRead()).toEqual({ Logboek: 1 });
      return { calls: fakes.calls.spreadsheetCalls(), cells: fakes.calls.cellsRead };
    };
    expect(callsFor(5)).toEqual(callsFor(3000));
    expect(fakes.calls.cellsRead).toBeLessThanOrEqual(26);
    expect(fakes.calls.snapshot()['Sheet.appendRow']).toBe(1);
    expect(fakes.sheet.json('Logboek').at(-1)).toEqual([
      'Iets',
      '2027-03-27T12:00:00.000+01:00',
      '3',
      'me@x.example',
    ]);
  });

  it('goes with the table when the Logboek was read in the same request, and is dropped with a failed unit', async () => {
    const { Workbook } = await import('../../src/app/workbook');
    fakes.sheet.paste('Logboek', [['Tijdstip', 'Gebruiker', 'Actie', 'Details']]);
    const wb = new Workbook(new SpreadsheetGateway(), 'nl');
    const row = {
      at: '2027-03-27T12:00:00+01:00',
      user: personKey('me@x.example'),
      action: 'Iets',
      details: '',
    };
    expect(() =>
      wb.unitOfWork(() => {
        wb.appendOnly('log', row);
        wb.commit();
        throw new Error('stuk');
      }),
    ).toThrow('stuk');
    expect(fakes.sheet.json('Logboek')).toHaveLength(1);
    wb.appendOnly('log', row);
    expect(wb.table('log').records).toHaveLength(1);
    wb.commit();
    expect(fakes.sheet.json('Logboek')).toHaveLength(2);
  });
});

describe('a tab written inside one run', () => {
  it('is not read again, and holds what a fresh read would give', async () => {
    const { Workbook } = await import('../../src/app/workbook');
    fakes.sheet.paste('Medewerkers', [
      header,
      ...['A', 'B', 'C', 'D'].map((n) => [n, `${n}@x.example`, 'L', '2027-01-04', 'nieuw', '']),
    ]);
    const wb = new Workbook(new SpreadsheetGateway(), 'nl');
    const table = wb.table('staff');
    table.update(table.records[1]!, { status: 'actief', startDate: '2027-02-01' });
    table.remove(table.records[0]!);
    table.append({ ...table.records[0]!.value, name: '=E', email: personKey('e@x.example') });
    wb.commit();
    const kept = wb.table('staff');
    kept.update(kept.records[2]!, { status: 'uit dienst' });
    wb.commit();
    expect(fakes.calls.tabsRead()).toEqual({ Medewerkers: 1 });
    const fresh = new Workbook(new SpreadsheetGateway(), 'nl').table('staff');
    expect(wb.table('staff').records).toEqual(fresh.records);
    expect(fresh.records.map((r) => [r.value.name, r.value.status])).toEqual([
      ['B', 'actief'],
      ['C', 'nieuw'],
      ['D', 'uit dienst'],
      ['=E', 'actief'],
    ]);
  });
});

describe('rewriting the Overzicht tab', () => {
  const grid = [['Locatie', 'Gehouden'], ['A', 1], ['B', 2], [], ['bijgewerkt']];
  const chart = { title: 'Per locatie', columns: [1, 2], rows: 3 };

  it('makes its chart once, and again only when the rows or the title changed', () => {
    new SpreadsheetGateway().rewriteTab('Overzicht', grid, chart);
    fakes.calls.reset();
    new SpreadsheetGateway().rewriteTab('Overzicht', grid, chart);
    expect(fakes.calls.count('EmbeddedChartBuilder.')).toBe(0);
    expect(fakes.calls.snapshot()['Sheet.setFrozenRows']).toBeUndefined();
    expect(fakes.sheet.charts('Overzicht')).toHaveLength(1);
    new SpreadsheetGateway().rewriteTab('Overzicht', grid, { ...chart, title: 'By location' });
    expect(fakes.sheet.charts('Overzicht').map((c) => c.options.title)).toEqual(['By location']);
    const longer = [...grid.slice(0, 3), ['C', 3], [], ['bijgewerkt']];
    new SpreadsheetGateway().rewriteTab('Overzicht', longer, { ...chart, rows: 4 });
    const [made] = fakes.sheet.charts('Overzicht');
    expect(made!.data.map((range) => range.map((r) => r[0]))).toEqual([
      ['Locatie', 'A', 'B', 'C'],
      ['Gehouden', 1, 2, 3],
    ]);
    expect(fakes.sheet.frozenRows('Overzicht')).toBe(1);
  });
});

describe('laying out a tab', () => {
  it('finds a column by any of its names: a Dutch tab is laid out whoever runs setup', () => {
    const dutch = Object.values(SCHEMA.checkIns.columns).map((c) => c.nl);
    fakes.sheet.paste('Check-ins', [dutch, dutch.map(() => 'x')]);
    new SpreadsheetGateway().applyLayout('Check-ins', tabLayout('checkIns', undefined, []));
    const planned = dutch.indexOf('Gepland');
    expect(fakes.sheet.formats('Check-ins')[1]![planned]).toBe('dd-mm-yyyy');
    const keep = a1Of(2, dutch.indexOf('Bewaren') + 1).replace(/\d+$/, '');
    expect(fakes.sheet.validations('Check-ins').find((v) => v.a1.startsWith(`${keep}2`))?.criteria).toBe(
      'CHECKBOX',
    );
    expect(fakes.sheet.frozenRows('Check-ins')).toBe(1);
  });
});
