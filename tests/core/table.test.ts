import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, parseCell } from '../../src/core/cells';
import { UserError } from '../../src/core/errors';
import { personKey } from '../../src/core/identity';
import { SCHEMA } from '../../src/core/schema';
import { mapHeader, Table } from '../../src/core/table';

const header = ['Naam', 'E-mail', 'Locatie', 'Startdatum', 'Status'];

function staff(grid: Cell[][]) {
  return new Table('staff', 'Medewerkers', grid, mapHeader('staff', 'Medewerkers', grid[0]!));
}

describe('finding columns by header', () => {
  it('ignores case, spaces and accents, and accepts the English alias', () => {
    const columns = mapHeader('staff', 'Staff', [
      '  NAAM ',
      'email',
      'Location',
      'start date',
      'STATUS',
      'Eigen kolom',
    ]);
    expect(columns).toMatchObject({ name: 0, email: 1, location: 2, startDate: 3, status: 4 });
  });

  it('reads reordered columns by name, never by position', () => {
    const t = staff([
      ['Status', 'Startdatum', 'Eigen notitie', 'Locatie', 'E-mail', 'Naam'],
      ['nieuw', '04-01-2027', 'x', 'Onderbouw havo', 'A@School.example ', 'Anna'],
    ]);
    expect(t.records[0]!.value).toMatchObject({
      name: 'Anna',
      email: 'a@school.example',
      startDate: '2027-01-04',
      status: 'nieuw',
      location: 'Onderbouw havo',
    });
  });

  it('names a missing required column', () => {
    const error = (() => {
      try {
        mapHeader('staff', 'Medewerkers', ['Naam', 'Locatie', 'Startdatum', 'Status']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).params).toEqual({ tab: 'Medewerkers', column: 'E-mail' });
  });

  it('refuses a known header that appears twice', () => {
    expect(() => mapHeader('staff', 'Medewerkers', [...header, 'e-mail'])).toThrow(
      expect.objectContaining({ key: 'schema.duplicateColumn' }),
    );
  });

  it('asks for optional columns an action needs', () => {
    expect(() => mapHeader('staff', 'Medewerkers', header, ['welcomeStatus'])).toThrow(
      expect.objectContaining({ params: { tab: 'Medewerkers', column: 'Welkomstpakket (status)' } }),
    );
  });
});

describe('parsing rows', () => {
  it('skips blank rows and flags cells that are not of their type', () => {
    const t = staff([
      header,
      ['Anna', 'a@x.example', 'L', { date: '2027-01-04' }, 'actief'],
      ['', '', '', '', ''],
      ['Bob', 'b@x.example', 'L', 'volgende week', 'weg'],
    ]);
    expect(t.records).toHaveLength(2);
    expect(t.records[1]!.sheetRow).toBe(4);
    expect(t.records[1]!.problems).toEqual([
      { column: 'Startdatum', code: 'notADate' },
      { column: 'Status', code: 'notAChoice' },
    ]);
  });

  it('accepts English choice values and reads yes/no words', () => {
    const t = staff([
      [...header, 'Kan buddy zijn'],
      ['Anna', 'a@x.example', 'L', '2027-01-04', 'left', 'ja'],
    ]);
    expect(t.records[0]!.value.status).toBe('uit dienst');
    expect(t.records[0]!.value.canBuddy).toBe(true);
  });
});

describe('collecting changes', () => {
  it('patches only changed cells, appends whole rows and deletes rows', () => {
    const t = staff([
      [...header, 'Eigen kolom'],
      ['Anna', 'a@x.example', 'L', '2027-01-04', 'nieuw', 'houden'],
      ['Bob', 'b@x.example', 'L', '2027-01-04', 'actief', 'houden'],
    ]);
    const [anna, bob] = t.records;
    t.update(anna!, { status: 'actief', name: 'Anna' });
    t.remove(bob!);
    t.append({ ...t.records[0]!.value, name: 'Cas', email: personKey('c@x.example') });
    expect(t.patch()).toEqual({
      updates: [{ row: 2, column: 5, cell: 'actief' }],
      appends: [['Cas', 'c@x.example', 'L', { date: '2027-01-04' }, 'actief', '']],
      deletes: [3],
    });
  });

  it('keeps later updates to an appended row in that row', () => {
    const t = staff([header]);
    t.append({ name: 'Cas', email: 'c@x.example', location: 'L', startDate: '', status: 'nieuw' } as never);
    t.update(t.records[0]!, { status: 'actief' });
    expect(t.patch().appends[0]![4]).toBe('actief');
    expect(t.patch().updates).toEqual([]);
  });

  it('reports no change when values are written back as they were', () => {
    const t = staff([header, ['Anna', 'a@x.example', 'L', { date: '2027-01-04' }, 'nieuw']]);
    t.update(t.records[0]!, { startDate: '2027-01-04', status: 'nieuw' });
    expect(t.changed).toBe(false);
  });
});

describe('parsing cells per column', () => {
  it('reads each distinct text of a column once: equal cells share one parsed result', () => {
    const table = staff([
      header,
      ['A', 'a@x.example', 'L', '2027-01-04', ' Active '],
      ['B', 'b@x.example', 'L', '2027-01-04', 'ACTIEF'],
      ['C', 'c@x.example', 'L', '2027-01-04', ' Active '],
      ['D', 'd@x.example', 'L', 'morgen', 'weg'],
    ]);
    expect(table.records.map((r) => r.value.status)).toEqual(['actief', 'actief', 'actief', '']);
    expect(parseCell(SCHEMA.staff.columns.status, ' Active ')).toBe(
      parseCell(SCHEMA.staff.columns.status, ' Active '),
    );
    expect(table.records[3]!.problems).toEqual([
      { column: 'Startdatum', code: 'notADate' },
      { column: 'Status', code: 'notAChoice' },
    ]);
    expect(table.records[0]!.problems).toEqual([]);
  });
});

describe('parsing a row with the generated row parser', () => {
  it('gives what parsing each cell by its column gives, in any column order, with columns missing', () => {
    const fields = Object.keys(SCHEMA.checkIns.columns) as (keyof typeof SCHEMA.checkIns.columns)[];
    const cell = fc.oneof(
      fc.constantFrom<Cell>(
        '',
        ' ',
        'ja',
        'nee',
        'doen',
        'Goed',
        'x@y.example',
        'geen mail',
        '4',
        '4,5',
        '-1',
      ),
      fc.constantFrom<Cell>({ date: '2027-01-04' }, { date: '2027-01-04T10:00:00+01:00' }, 3, 0, true, false),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray(fields, { minLength: 0 }),
        fc.array(fc.array(cell, { maxLength: 32 }), { minLength: 1, maxLength: 6 }),
        (kept, rows) => {
          // The required columns, then the rest in a shuffled order; the others are missing.
          const order = [...new Set(['newcomer', 'planned', ...kept])] as typeof fields;
          const header = order.map((f) => SCHEMA.checkIns.columns[f].nl);
          const grid = [header, ...rows.map((r) => [...r, ''])];
          const table = new Table('checkIns', 'Check-ins', grid, mapHeader('checkIns', 'Check-ins', header));
          const blank = (r: Cell[]) => r.every((c) => c === '' || (typeof c === 'string' && c.trim() === ''));
          const expected = grid
            .map((cells, i) => ({ cells, sheetRow: i + 1 }))
            .slice(1)
            .filter(({ cells }) => !blank(cells))
            .map(({ cells, sheetRow }) => {
              const value: Record<string, unknown> = {};
              const problems: { column: string; code: string }[] = [];
              for (const f of fields) {
                const at = order.indexOf(f);
                const parsed = parseCell(SCHEMA.checkIns.columns[f], at < 0 ? '' : (cells[at] ?? ''));
                value[f] = parsed.value;
                if (parsed.problem)
                  problems.push({ column: SCHEMA.checkIns.columns[f].nl, code: parsed.problem });
              }
              return { sheetRow, value, problems };
            });
          expect(table.records).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the table as written', () => {
  it('is what reading the patched sheet gives, and keeps the parsed records of rows that did not change', () => {
    const grid: Cell[][] = [
      header,
      ['A', 'a@x.example', 'L', '2027-01-04', 'actief'],
      ['B', 'b@x.example', 'L', '2027-01-05', 'nieuw'],
      ['C', 'c@x.example', 'L', 'morgen', 'actief'],
      ['D', 'd@x.example', 'L', '2027-01-07', 'nieuw'],
      ['E', 'e@x.example', 'L', '2027-01-08', 'nieuw'],
    ];
    const table = staff(grid);
    const [a, b, , d, e] = table.records;
    table.remove(a!);
    table.update(d!, { status: 'actief' });
    // A field without a column changes the record, not the sheet: read again, it is gone.
    table.update(e!, { absentUntil: '2027-02-01' });
    table.append({ ...b!.value, name: 'F', email: personKey('f@x.example') });
    const written = table.written();
    const patch = table.patch();
    const sheet = grid.map((r) => [...r]);
    for (const u of patch.updates) sheet[u.row - 1]![u.column - 1] = u.cell;
    sheet.push(...patch.appends.map((r) => [...r]));
    sheet.splice(1, 1);
    expect(written.records).toEqual(staff(sheet).records);
    expect(written.records[0]!.value).toBe(b!.value);
    expect(written.records[1]!.problems).toBe(table.records[1]!.problems);
    expect(written.records[3]!.value.absentUntil).toBe('');
  });
});
