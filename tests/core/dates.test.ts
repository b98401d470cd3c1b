import fc from 'fast-check';
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

describe('day arithmetic without Date objects', () => {
  /** What the arithmetic replaced: calendar days through a Date at UTC noon. */
  const viaDate = (date: string, days: number) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1, d + days, 12));
    return {
      day: at.toISOString().slice(0, 10),
      weekday: new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay() || 7,
    };
  };

  it('gives the days, weekdays and distances a Date gives, from 1900 to 2999 (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T12:00:00Z'),
          max: new Date('2999-12-31T12:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -40_000, max: 40_000 }),
        (at, days) => {
          const date = at.toISOString().slice(0, 10);
          const expected = viaDate(date, days);
          return (
            addDays(date, days) === expected.day &&
            weekday(date) === expected.weekday &&
            daysBetween(date, expected.day) === days
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('runs a day past the month’s end on, and has no day for text that is none', () => {
    expect(addDays('2027-02-31', 0)).toBe('2027-03-03');
    expect(weekday('')).toBeNaN();
    expect(daysBetween('geen', '2027-01-04')).toBeNaN();
    expect(() => addDays('', 1)).toThrow(RangeError);
  });
});

describe('day numbers from text that only looks like a day', () => {
  it('has no day for characters that are no digits in a YYYY-MM-DD shape', () => {
    expect(weekday('2027-1/-01')).toBeNaN();
    expect(weekday('2027-00-01')).toBeNaN();
    expect(weekday('abcd-01-01')).toBeNaN();
    expect(weekday('2027-01-04')).toBe(1);
  });
});
