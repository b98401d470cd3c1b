import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/core/settings';

describe('reading Instellingen', () => {
  it('uses documented defaults for missing rows', () => {
    const { settings, problems } = readSettings([]);
    expect(settings.checkInWeeks).toEqual([1, 2, 3, 6, 13]);
    expect(settings.welcomeWorkdaysBefore).toBe(5);
    expect(settings.pairAcrossLocations).toBe(false);
    expect(problems).toEqual([]);
  });

  it('finds rows by Dutch or English name, loosely', () => {
    const { settings } = readSettings([
      { name: 'schoolleiders (E-MAIL)', value: 'A@School.example; b@school.example' },
      { name: 'Check-ins in week', value: '2, 1, 4' },
      { name: 'Allow buddy from another location', value: 'yes' },
    ]);
    expect(settings.schoolLeaders).toEqual(['a@school.example', 'b@school.example']);
    expect(settings.checkInWeeks).toEqual([1, 2, 4]);
    expect(settings.pairAcrossLocations).toBe(true);
  });

  it('takes the page’s address only as a whole https address', () => {
    expect(readSettings([]).settings.pageUrl).toBe('');
    const url = 'https://script.google.com/a/macros/school.nl/s/AKfy/exec';
    expect(readSettings([{ name: 'Mijn Wegwijs (URL)', value: ` ${url} ` }]).settings.pageUrl).toBe(url);
    expect(readSettings([{ name: 'Mijn Wegwijs (URL)', value: '' }]).problems).toEqual([]);
    for (const bad of ['script.google.com/exec', 'http://school.nl/mijn', 'https://', 'zie mail']) {
      const { settings, problems } = readSettings([{ name: 'Mijn Wegwijs (URL)', value: bad }]);
      expect(settings.pageUrl).toBe('');
      expect(problems).toEqual([{ setting: 'Mijn Wegwijs (URL)', value: bad }]);
    }
  });

  it('reports an unreadable value and keeps the default', () => {
    const { settings, problems } = readSettings([{ name: 'Check-in: dagen speling', value: 'een paar' }]);
    expect(settings.checkInGraceDays).toBe(3);
    expect(problems).toEqual([{ setting: 'Check-in: dagen speling', value: 'een paar' }]);
  });
});
