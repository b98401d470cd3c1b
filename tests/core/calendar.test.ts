import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingHolidayYears, SchoolCalendar } from '../../src/core/calendar';
import { addDays, isWeekend, makeDate } from '../../src/core/dates';
import { DEFAULT_HOLIDAY_POLICY, VERIFIED_SCHOOL_HOLIDAYS_ZUID } from '../../src/core/holidays';
import type { RowOf } from '../../src/core/schema';

type DayOff = RowOf<'daysOff'>;

const HAVO = 'Onderbouw havo';
const holidays2027: DayOff[] = (VERIFIED_SCHOOL_HOLIDAYS_ZUID[2027] ?? []).map((h) => ({
  ...h,
  location: 'alle',
}));

const calendar = (rows: DayOff[] = [], location = HAVO, policy = DEFAULT_HOLIDAY_POLICY) =>
  new SchoolCalendar(rows, policy, location);

describe('the school calendar', () => {
  describe('in an Easter year', () => {
    it('moves a start on Tweede Paasdag 2027 to the Tuesday, and says why', () => {
      const cal = calendar();
      expect(cal.isWorkingDay('2027-03-29')).toBe(false);
      expect(cal.dayOffReason('2027-03-29')).toEqual({
        code: 'publicHoliday',
        description: 'Tweede Paasdag',
      });
      expect(cal.nextWorkingDay('2027-03-29')).toBe('2027-03-30');
    });

    it('takes Goede Vrijdag off only when the school says so', () => {
      expect(calendar().isWorkingDay('2027-03-26')).toBe(false);
      expect(
        calendar([], HAVO, { goodFriday: false, liberationDay: 'lustrum' }).isWorkingDay('2027-03-26'),
      ).toBe(true);
    });

    it('leaves Easter week with three working days', () => {
      expect(calendar().workingDaysOfWeek('2027-03-22')).toEqual([
        '2027-03-22',
        '2027-03-23',
        '2027-03-24',
        '2027-03-25',
      ]);
      expect(calendar().workingDaysOfWeek('2027-03-31')).toEqual([
        '2027-03-30',
        '2027-03-31',
        '2027-04-01',
        '2027-04-02',
      ]);
    });
  });

  describe('around Koningsdag', () => {
    it('keeps every weekday of the week when Koningsdag 2025 falls on a Saturday', () => {
      const cal = calendar();
      expect(cal.dayOffReason('2025-04-26')).toEqual({ code: 'publicHoliday', description: 'Koningsdag' });
      expect(cal.isWorkingDay('2025-04-28')).toBe(true);
      expect(cal.workingDaysOfWeek('2025-04-28')).toHaveLength(5);
      expect(cal.workingDaysOfWeek('2025-04-21')).toEqual([
        '2025-04-22',
        '2025-04-23',
        '2025-04-24',
        '2025-04-25',
      ]);
    });

    it('takes Koningsdag on a Tuesday (2027) off', () => {
      expect(calendar().dayOffReason('2027-04-27')?.description).toBe('Koningsdag');
    });

    it('takes Bevrijdingsdag off in a lustrum year by default', () => {
      expect(calendar().isWorkingDay('2025-05-05')).toBe(false);
      expect(calendar().isWorkingDay('2026-05-05')).toBe(true);
    });
  });

  describe('with a holiday spanning the new year', () => {
    const cal = calendar(holidays2027);

    it('knows Kerstvakantie 2027-12-25 to 2028-01-09, with its name', () => {
      expect(cal.dayOffReason('2027-12-27')).toEqual({ code: 'dayOff', description: 'Kerstvakantie' });
      expect(cal.dayOffReason('2028-01-03')?.description).toBe('Kerstvakantie');
      expect(cal.workingDaysOfWeek('2027-12-27')).toEqual([]);
      expect(cal.workingDaysOfWeek('2028-01-05')).toEqual([]);
    });

    it('moves a start in the holiday to the Monday after it', () => {
      expect(cal.nextWorkingDay('2027-12-29')).toBe('2028-01-10');
    });

    it('counts working days across the holiday, both ways', () => {
      expect(cal.addWorkingDays('2027-12-24', 1)).toBe('2028-01-10');
      expect(cal.addWorkingDays('2028-01-10', -5)).toBe('2027-12-20');
      expect(cal.addWorkingDays('2027-12-20', 0)).toBe('2027-12-20');
    });
  });

  describe('around the October clock change', () => {
    it('keeps dates as dates in the week after Sunday 2027-10-31, whatever the process time zone', () => {
      const saved = process.env.TZ;
      try {
        for (const tz of ['Europe/Amsterdam', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
          process.env.TZ = tz;
          const cal = calendar();
          expect(cal.nextWorkingDay('2027-10-30')).toBe('2027-11-01');
          expect(cal.workingDaysOfWeek('2027-11-01')).toEqual([
            '2027-11-01',
            '2027-11-02',
            '2027-11-03',
            '2027-11-04',
            '2027-11-05',
          ]);
          expect(cal.addWorkingDays('2027-10-29', 1)).toBe('2027-11-01');
          expect(cal.addWorkingDays('2027-11-01', -1)).toBe('2027-10-29');
        }
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  });

  describe('with days off for one location', () => {
    const rows: DayOff[] = [
      { from: '2027-02-10', until: '2027-02-10', description: 'Studiedag', location: 'onderbouw HAVO' },
      { from: '2027-02-11', until: '2027-02-11', description: 'Studiedag vmbo', location: 'Bovenbouw vmbo' },
      { from: '2027-02-12', until: '2027-02-12', description: 'Teamdag', location: '' },
    ];

    it('applies study days of the location (loosely named) and of all, not of another location', () => {
      const cal = calendar(rows);
      expect(cal.dayOffReason('2027-02-10')).toEqual({ code: 'dayOff', description: 'Studiedag' });
      expect(cal.isWorkingDay('2027-02-11')).toBe(true);
      expect(cal.dayOffReason('2027-02-12')?.description).toBe('Teamdag');
      expect(calendar(rows, 'Bovenbouw vmbo').isWorkingDay('2027-02-11')).toBe(false);
    });

    it('ignores rows that cannot be right, and tells which', () => {
      const bad: DayOff[] = [
        { from: '2027-03-01', until: '2037-03-01', description: 'Typfout', location: 'alle' },
        { from: '', until: '', description: 'Leeg', location: 'alle' },
        { from: '2027-03-05', until: '2027-03-01', description: 'Omgekeerd', location: 'alle' },
      ];
      const cal = calendar(bad);
      expect(cal.isWorkingDay('2027-03-02')).toBe(true);
      expect(cal.ignoredRows.map((r) => r.description)).toEqual(['Typfout', 'Leeg', 'Omgekeerd']);
    });
  });

  describe('moving and counting', () => {
    const cal = calendar(holidays2027);
    const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays(makeDate(2027, 8, 1), n));

    it('always lands on a working day, never before the asked day', () => {
      fc.assert(
        fc.property(day, (d) => {
          const next = cal.nextWorkingDay(d);
          return next >= d && cal.isWorkingDay(next) && !isWeekend(next);
        }),
      );
    });

    it('goes back where it came from (n working days forward, then n back)', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 1, max: 30 }), (d, n) => {
          const start = cal.nextWorkingDay(d);
          return cal.addWorkingDays(cal.addWorkingDays(start, n), -n) === start;
        }),
      );
    });
  });
});

describe('school years without holiday rows', () => {
  it('names each school year a period runs through that has no holidays', () => {
    expect(missingHolidayYears(holidays2027, '2027-09-01', '2027-12-01')).toEqual([]);
    expect(missingHolidayYears(holidays2027, '2028-06-01', '2028-09-15')).toEqual([2028]);
    expect(missingHolidayYears([], '2027-06-01', '2027-09-15')).toEqual([2026, 2027]);
  });

  it('counts only the rows that apply to the calendar’s location', () => {
    const other = holidays2027.map((h) => ({ ...h, location: 'Bovenbouw vmbo' }));
    expect(calendar(other).schoolYearsWithoutHolidays('2027-09-01', '2027-10-01')).toEqual([2027]);
    expect(calendar(other, 'Bovenbouw vmbo').schoolYearsWithoutHolidays('2027-09-01', '2027-10-01')).toEqual(
      [],
    );
  });
});
