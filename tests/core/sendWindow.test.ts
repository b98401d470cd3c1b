import { describe, expect, it } from 'vitest';
import { formatWindow, sendWindowClosed } from '../../src/core/sendWindow';
import { readSettings } from '../../src/core/settings';

const DAY = { from: 7 * 60, to: 18 * 60 };
const weekdays = (day: string) => ![2, 3].includes(Number(day.slice(8, 10)) % 7);

describe('the sending window', () => {
  it('is open from 07:00 until 18:00 on a working day, closed before and from 18:00', () => {
    expect(sendWindowClosed('2027-01-04T06:59:00+01:00', DAY, () => true)).toBe('beforeHours');
    expect(sendWindowClosed('2027-01-04T07:00:00+01:00', DAY, () => true)).toBeNull();
    expect(sendWindowClosed('2027-01-04T17:59:00+01:00', DAY, () => true)).toBeNull();
    expect(sendWindowClosed('2027-01-04T18:00:00+01:00', DAY, () => true)).toBe('afterHours');
    expect(sendWindowClosed('2027-01-04T03:00:00+01:00', DAY, () => true)).toBe('beforeHours');
  });

  it('is closed on a day that is not a school working day, asking the calendar only inside the hours', () => {
    const asked: string[] = [];
    const calendar = (day: string) => {
      asked.push(day);
      return weekdays(day);
    };
    expect(sendWindowClosed('2027-01-09T10:00:00+01:00', DAY, calendar)).toBe('dayOff');
    expect(sendWindowClosed('2027-01-09T20:00:00+01:00', DAY, calendar)).toBe('afterHours');
    expect(asked).toEqual(['2027-01-09']);
  });

  it('reads the Verzendvenster setting, with 07:00–18:00 as default and bad values reported', () => {
    expect(readSettings([]).settings.sendWindow).toEqual(DAY);
    expect(formatWindow(readSettings([]).settings.sendWindow)).toBe('07:00–18:00');
    expect(readSettings([{ name: 'Verzendvenster', value: '8:30 – 16:00' }]).settings.sendWindow).toEqual({
      from: 8 * 60 + 30,
      to: 16 * 60,
    });
    expect(readSettings([{ name: 'Sending window', value: '9-12' }]).settings.sendWindow).toEqual({
      from: 540,
      to: 720,
    });
    for (const bad of ['18:00-07:00', 'altijd', '07:00-25:00', '07:75-18:00']) {
      const read = readSettings([{ name: 'Verzendvenster', value: bad }]);
      expect(read.settings.sendWindow).toEqual(DAY);
      expect(read.problems).toEqual([{ setting: 'Verzendvenster', value: bad }]);
    }
  });
});
