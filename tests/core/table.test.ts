import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { UserError } from '../../src/core/errors';
import { personKey } from '../../src/core/identity';
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
