import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isIsoDate,
  mondayOf,
  parseDateText,
  schoolYearOf,
  weekday,
} from '../../src/core/dates';

describe('reading dates typed as text', () => {
  it('reads jjjj-mm-dd and the Dutch dd-mm-jjjj with -, / or .', () => {
    expect(parseDateText('2027-01-04')).toBe('2027-01-04');
    expect(parseDateText('4-1-2027')).toBe('2027-01-04');
    expect(parseDateText('04/01/2027')).toBe('2027-01-04');
    expect(parseDateText(' 31.12.2027 ')).toBe('2027-12-31');
  });

  it('refuses impossible days and text that is no date', () => {
    expect(parseDateText('31-02-2027')).toBeNull();
    expect(parseDateText('2027-13-01')).toBeNull();
    expect(parseDateText('morgen')).toBeNull();
    expect(parseDateText('01234')).toBeNull();
    expect(isIsoDate('2027-1-4')).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('is not moved by the clock changes in March and October', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2027-03-20', '2027-04-03')).toBe(14);
  });

  it('knows weekdays, Mondays and school years', () => {
    expect(weekday('2027-01-04')).toBe(1);
    expect(weekday('2027-01-10')).toBe(7);
    expect(mondayOf('2027-01-08')).toBe('2027-01-04');
    expect(schoolYearOf('2027-07-31')).toBe(2026);
    expect(schoolYearOf('2027-08-01')).toBe(2027);
  });
});
