import { describe, expect, it } from 'vitest';
import { DEMO_DOMAIN, DEMO_TODAY, generateDemoData, mulberry32 } from '../../sandbox/demo.ts';
import { DEFAULT_LOCATIONS } from '../../src/core/defaults.ts';

describe('the demo data generator', () => {
  const data = generateDemoData();
  const staff = data.append.staff ?? [];

  it('gives the same rows for the same seed, and other rows for another seed', () => {
    expect(generateDemoData()).toEqual(data);
    expect(generateDemoData(7).append.staff).not.toEqual(staff);
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('has about 80 staff over the four locations, with unique addresses on the reserved demo domain', () => {
    expect(staff.length).toBeGreaterThanOrEqual(70);
    expect(staff.length).toBeLessThanOrEqual(95);
    for (const location of DEFAULT_LOCATIONS) {
      expect(staff.filter((s) => s.location === location).length).toBeGreaterThanOrEqual(15);
    }
    const emails = staff.map((s) => String(s.email));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => e.endsWith(`@${DEMO_DOMAIN}`))).toBe(true);
  });

  it('uses Dutch names with accents and particles', () => {
    const names = staff.map((s) => String(s.name));
    expect(names.some((n) => /[éëèïöüçşğı]/i.test(n))).toBe(true);
    expect(names.some((n) => / van der /.test(n))).toBe(true);
    expect(names.some((n) => / de /.test(n))).toBe(true);
  });

  it('gives staff functions, experience, buddy willingness and some absences', () => {
    const roles = new Set(staff.map((s) => s.role));
    for (const role of [
      'leraar',
      'onderwijsassistent',
      'mentor',
      'IB-er',
      'orthopedagoog',
      'teamleider',
      'conciërge',
    ]) {
      expect(roles).toContain(role);
    }
    expect(staff.filter((s) => s.canBuddy === true).length).toBeGreaterThan(10);
    expect(staff.some((s) => s.absentUntil !== '')).toBe(true);
    expect(staff.every((s) => typeof s.yearsVso === 'number')).toBe(true);
  });

  it('has a chef buddy for every location, each a member of that location', () => {
    const locations = data.merge.locations?.rows ?? [];
    expect(locations.map((l) => l.name)).toEqual([...DEFAULT_LOCATIONS]);
    for (const l of locations) {
      expect(staff.find((s) => s.email === l.chiefBuddy)?.location).toBe(l.name);
      expect(String(l.collectionDoc)).toMatch(/^https:\/\/[^/]*\.example\//);
    }
  });

  it('has about ten newcomers at every stage relative to the demo day', () => {
    const pairings = data.append.pairings ?? [];
    const newcomers = staff.filter((s) => String(s.startDate) >= '2026-09-01' && s.yearsVso !== undefined);
    const paired = new Set(pairings.map((p) => p.newcomer));
    const future = newcomers.filter((s) => String(s.startDate) > DEMO_TODAY);
    expect(future.some((s) => !paired.has(s.email))).toBe(true); // not yet paired
    expect(future.some((s) => paired.has(s.email))).toBe(true); // paired, not started
    expect(pairings.some((p) => p.status === 'afgerond')).toBe(true); // finished
    expect(pairings.some((p) => p.status === 'beëindigd')).toBe(true);
    const schedule = data.append.schedule ?? [];
    const mid = schedule.filter((r) => String(r.date) < DEMO_TODAY).map((r) => r.newcomer);
    const ahead = new Set(schedule.filter((r) => String(r.date) >= DEMO_TODAY).map((r) => r.newcomer));
    expect(mid.some((n) => ahead.has(n))).toBe(true); // mid-schedule
    expect(staff.filter((s) => s.status === 'nieuw').length).toBeGreaterThanOrEqual(7);
  });

  it('puts no schedule row on a weekend or in the Christmas holiday', () => {
    for (const row of data.append.schedule ?? []) {
      const day = new Date(`${row.date}T12:00:00Z`).getUTCDay();
      expect(day).not.toBe(0);
      expect(day).not.toBe(6);
      expect(String(row.date) >= '2026-12-19' && String(row.date) <= '2027-01-03').toBe(false);
    }
  });

  it('has who-to-ask rows for every location', () => {
    // They take the place of setup's seeded rows: the same questions, answered with names.
    const rows = data.replace?.whoToAsk ?? [];
    for (const location of DEFAULT_LOCATIONS)
      expect(rows.filter((r) => r.location === location).length).toBeGreaterThan(3);
  });
});
