import { describe, expect, it } from 'vitest';
import { easterSunday, publicHolidays, schoolYearsWithoutHolidays } from '../../src/core/holidays';

describe('Dutch public holidays', () => {
  it('computes Easter for known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('moves Koningsdag to Saturday 26 April when 27 April is a Sunday', () => {
    const kingsDay = (year: number) => publicHolidays(year).find((h) => h.description === 'Koningsdag')?.from;
    expect(kingsDay(2025)).toBe('2025-04-26');
    expect(kingsDay(2027)).toBe('2027-04-27');
  });

  it('derives Hemelvaart and Pinksteren from Easter', () => {
    const days = publicHolidays(2027).map((h) => `${h.from} ${h.description}`);
    expect(days).toContain('2027-05-06 Hemelvaartsdag');
    expect(days).toContain('2027-05-16 Eerste Pinksterdag');
    expect(days).toContain('2027-05-17 Tweede Pinksterdag');
    expect(days).toContain('2027-03-26 Goede Vrijdag');
  });

  it('follows the school policy for Goede Vrijdag and Bevrijdingsdag', () => {
    const names = (year: number, policy: Parameters<typeof publicHolidays>[1]) =>
      publicHolidays(year, policy).map((h) => h.description);
    expect(names(2027, { goodFriday: false, liberationDay: 'lustrum' })).not.toContain('Goede Vrijdag');
    expect(names(2027, { goodFriday: true, liberationDay: 'lustrum' })).not.toContain('Bevrijdingsdag');
    expect(names(2030, { goodFriday: true, liberationDay: 'lustrum' })).toContain('Bevrijdingsdag');
    expect(names(2027, { goodFriday: true, liberationDay: 'elk jaar' })).toContain('Bevrijdingsdag');
  });
});

describe('school years without holiday rows', () => {
  it('names the school years that have only single public holidays', () => {
    const rows = [
      { from: '2026-12-25', until: '2026-12-25' },
      { from: '2027-10-23', until: '2027-10-31' },
    ];
    expect(schoolYearsWithoutHolidays(rows, '2026-11-28')).toEqual([2026]);
    expect(schoolYearsWithoutHolidays(rows, '2027-09-01')).toEqual([2028]);
  });
});
