/**
 * The write stamp: what a call read before taking the lock is read again under it only when
 * another call wrote in between (or the stamp is unknown).
 */
import { describe, expect, it } from 'vitest';
import { Workbook, type WriteStamp } from '../../src/app/workbook';
import { MemoryGateway } from '../support/memory';

function stampStore(): WriteStamp & { value: string | null } {
  let n = 0;
  const stamp = {
    value: '0' as string | null,
    read: () => stamp.value,
    bump: () => {
      stamp.value = String(++n);
      return stamp.value;
    },
  };
  return stamp;
}

const staff = () =>
  new MemoryGateway({
    Medewerkers: [
      ['Naam', 'E-mail', 'Locatie', 'Startdatum', 'Status'],
      ['Anna', 'anna@school.example', 'Onderbouw havo', '2027-01-04', 'nieuw'],
    ],
  });

describe('the write stamp', () => {
  it('keeps what was read when nobody wrote since', () => {
    const stamp = stampStore();
    const wb = new Workbook(staff(), 'nl', stamp);
    wb.table('staff');
    expect(wb.unchangedSinceRead()).toBe(true);
  });

  it('reads again after another call wrote', () => {
    const gateway = staff();
    const stamp = stampStore();
    const mine = new Workbook(gateway, 'nl', stamp);
    mine.table('staff');
    const other = new Workbook(gateway, 'nl', stamp);
    const table = other.table('staff');
    table.update(table.records[0]!, { status: 'actief' });
    other.commit();
    expect(mine.unchangedSinceRead()).toBe(false);
    expect(other.unchangedSinceRead()).toBe(true);
  });

  it('reads again when the stamp is unknown or missing', () => {
    const stamp = stampStore();
    stamp.value = null;
    const wb = new Workbook(staff(), 'nl', stamp);
    wb.table('staff');
    expect(wb.unchangedSinceRead()).toBe(false);
    const without = new Workbook(staff(), 'nl');
    without.table('staff');
    expect(without.unchangedSinceRead()).toBe(false);
  });
});
