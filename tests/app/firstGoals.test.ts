/**
 * Issue 14, "onboarding goals: set in the first check-in": the first check-in without any goal is
 * recorded with a Dutch warning naming the goals, unless the caller says `noGoals: true` ("nog geen
 * doelen"); later check-ins and first ones with goals get no warning; `noGoals` must be a boolean.
 */
import { describe, expect, it } from 'vitest';
import { recordCheckIn } from '../../src/app/checkins';
import { assignBuddy } from '../../src/app/pairing';
import { saveSchedule } from '../../src/app/schedule';
import { aColleague, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const WARNING = 'dit was de eerste check-in en er zijn nog geen doelen vastgelegd';

function world() {
  const w = schoolWorld([bram, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  w.setNow('2027-01-22T16:00:00+01:00');
  w.setUser(bram.email);
  return w;
}

const checkIn = (held: string, extra: Record<string, unknown> = {}) => ({
  held,
  steps: {
    ontdekken: 'Gaat goed.',
    dromen: 'Zelf lesgeven.',
    ontwerpen: 'Samen plannen.',
    doen: 'Meelopen.',
  },
  wellbeing: 4,
  click: 'goed',
  ...extra,
});

describe('the first check-in sets the goals', () => {
  it('records a first check-in without goals, with a Dutch warning that names the goals', () => {
    const w = world();
    const result = recordCheckIn(w.ctx(), anna.email, checkIn('2027-01-15'));
    expect(result.message).toMatch(/^Check-in vastgelegd\. Let op: /);
    expect(result.message).toContain(WARNING);
    expect(w.gateway.rows('Check-ins').filter((r) => r.Gehouden)).toHaveLength(1);
  });

  it('gives no warning with "nog geen doelen", with goals, or at a later check-in', () => {
    const w = world();
    expect(recordCheckIn(w.ctx(), anna.email, checkIn('2027-01-15', { noGoals: true })).message).toBe(
      'Check-in vastgelegd.',
    );
    expect(recordCheckIn(w.ctx(), anna.email, checkIn('2027-01-22')).message).toBe('Check-in vastgelegd.');
    const v = world();
    const goals = [{ goal: 'Zelf de mentorles geven' }];
    expect(recordCheckIn(v.ctx(), anna.email, checkIn('2027-01-15', { goals })).message).toBe(
      'Check-in vastgelegd.',
    );
  });

  it('still warns with noGoals false, and refuses a noGoals that is not yes or no, writing nothing', () => {
    const w = world();
    expect(() => recordCheckIn(w.ctx(), anna.email, checkIn('2027-01-15', { noGoals: 'ja' }))).toThrow(
      expect.objectContaining({ key: 'checkin.invalid.noGoals' }),
    );
    expect(w.gateway.rows('Check-ins').filter((r) => r.Gehouden)).toHaveLength(0);
    expect(recordCheckIn(w.ctx(), anna.email, checkIn('2027-01-15', { noGoals: false })).message).toContain(
      WARNING,
    );
  });
});
