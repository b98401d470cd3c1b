/** The request's read model: one rule for people by e-mail, fresh values after each change. */
import { describe, expect, it } from 'vitest';
import { type Email, personKey } from '../../src/core/identity';
import { aColleague, aRow, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const bram = aColleague('Bram de Vries').at(HAVO).build();

describe('the directory', () => {
  it('finds a person by any spelling of their e-mail, the first row when listed twice', () => {
    const w = schoolWorld([
      anna,
      bram,
      // A cell as someone typed it: the sheet reads it as the same address.
      { ...anna, name: 'Anna Kopie', email: ` ${anna.email.toUpperCase()}` as Email },
    ]);
    const ctx = w.ctx();
    const directory = ctx.directory();
    expect(directory.person(personKey(`Anna <${anna.email.toUpperCase()}>`))?.name).toBe('Anna Nieuw');
    expect(directory.staff().filter((s) => s.email === anna.email)).toHaveLength(1);
    const rows = ctx.wb.table('staff').records.filter((r) => r.value.email === anna.email);
    expect(directory.duplicates()).toEqual([{ tab: 'staff', rows: rows.map((r) => r.sheetRow) }]);
  });

  it('gives the current values after a change in this request, and follows a changed e-mail', () => {
    const ctx = schoolWorld([anna, bram]).ctx();
    const directory = ctx.directory();
    const table = ctx.wb.table('staff');
    expect(directory.person(anna.email)?.welcomeStatus).toBe('');
    table.update(directory.personRecord(anna.email)!, { welcomeStatus: 'gepland' });
    expect(directory.person(anna.email)?.welcomeStatus).toBe('gepland');
    table.update(directory.personRecord(anna.email)!, { email: personKey('anna.nieuw@elders.example') });
    expect(directory.person(anna.email)).toBeUndefined();
    expect(directory.person(personKey('anna.nieuw@elders.example'))?.name).toBe('Anna Nieuw');
  });

  it("keeps a newcomer's rows per tab current through appends, removals and a changed newcomer", () => {
    const ctx = schoolWorld([anna, bram]).ctx();
    const directory = ctx.directory();
    const table = ctx.wb.table('schedule');
    const line = (activity: string) => ({
      newcomer: anna.email,
      date: '2027-01-11',
      week: 1,
      activity,
      with: '',
      kind: 'kennismaking' as const,
      done: false,
      check: '',
    });
    expect(directory.rowsOf('schedule', anna.email)).toEqual([]);
    table.append(line('Rondleiding'));
    table.append({ ...line('Koffie'), newcomer: bram.email });
    table.append(line('Lunch'));
    expect(
      directory.rowsOf('schedule', personKey(` ${anna.email.toUpperCase()}`)).map((r) => r.value.activity),
    ).toEqual(['Rondleiding', 'Lunch']);
    table.remove(directory.rowsOf('schedule', anna.email)[0]!);
    expect(directory.rowsOf('schedule', anna.email).map((r) => r.value.activity)).toEqual(['Lunch']);
    table.update(directory.rowsOf('schedule', bram.email)[0]!, { newcomer: anna.email });
    expect(directory.rowsOf('schedule', anna.email).map((r) => r.value.activity)).toEqual([
      'Koffie',
      'Lunch',
    ]);
    expect(directory.rowsOf('schedule', bram.email)).toEqual([]);
  });

  it("gives a newcomer's check-ins with a copied row (same planned day) left out, as checkInRecords does", () => {
    const ctx = schoolWorld([anna, bram]).ctx();
    const directory = ctx.directory();
    const table = ctx.wb.table('checkIns');
    const row = (planned: string, notes: string, newcomer = anna.email) =>
      aRow('checkIns', { newcomer, buddy: bram.email, planned, notes });
    table.append(row('2027-01-15', 'eerste'));
    table.append(row('2027-01-15', 'kopie'));
    table.append(row('2027-01-15', 'van bram', bram.email));
    table.append(row('', 'zonder dag'));
    table.append(row('', 'nog een zonder dag'));
    table.append(row('2027-01-22', 'tweede'));
    const notes = directory.checkInsOf(anna.email).map((r) => r.value.notes);
    expect(notes).toEqual(['eerste', 'zonder dag', 'nog een zonder dag', 'tweede']);
    expect(notes).toEqual(
      directory
        .checkInRecords()
        .filter((r) => r.value.newcomer === anna.email)
        .map((r) => r.value.notes),
    );
    expect(directory.rowsOf('checkIns', anna.email)).toHaveLength(5);
  });

  it('indexes appended rows on top of what it found, and starts again after a removal or a changed key', () => {
    const ctx = schoolWorld([anna, bram]).ctx();
    const directory = ctx.directory();
    const table = ctx.wb.table('staff');
    const copy = (name: string) => ({ ...directory.person(anna.email)!, name });
    const rowOf = (name: string) => table.records.find((r) => r.value.name === name)!.sheetRow;
    const count = directory.staff().length;
    expect(directory.duplicates()).toEqual([]);
    // Rows added one at a time, as planning many schedules adds check-ins: each copy is seen.
    table.append(copy('Anna Kopie'));
    const first = rowOf('Anna Nieuw');
    expect(directory.duplicates()).toEqual([{ tab: 'staff', rows: [first, rowOf('Anna Kopie')] }]);
    table.append(copy('Anna Tweede Kopie'));
    table.append({ ...copy('Cees'), email: personKey('cees@school.example') });
    const copies = [rowOf('Anna Kopie'), rowOf('Anna Tweede Kopie')];
    expect(directory.duplicates()).toEqual([{ tab: 'staff', rows: [first, ...copies] }]);
    expect(directory.person(personKey('cees@school.example'))?.name).toBe('Cees');
    expect(directory.staff()).toHaveLength(count + 1);
    // Removing the first row makes the next copy the one used.
    table.remove(directory.personRecord(anna.email)!);
    expect(directory.person(anna.email)?.name).toBe('Anna Kopie');
    expect(directory.duplicates()).toEqual([{ tab: 'staff', rows: copies }]);
    // A changed e-mail is a changed key: the other row is no copy any more.
    table.update(directory.personRecord(anna.email)!, { email: personKey('anna.k@school.example') });
    expect(directory.duplicates()).toEqual([]);
    expect(directory.person(anna.email)?.name).toBe('Anna Tweede Kopie');
  });

  it('finds a location row by any spelling of its name', () => {
    const ctx = schoolWorld([anna]).ctx();
    expect(ctx.directory().location(' onderbouw HAVO ')?.name).toBe(HAVO);
    expect(ctx.directory().location('Elders')).toBeUndefined();
  });
});
