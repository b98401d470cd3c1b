import { describe, expect, it } from 'vitest';
import { personKey } from '../../src/core/identity';
import {
  eligibility,
  onlyRules,
  type PairingInput,
  ruleExclusions,
  suggestBuddies,
  yearsSince,
} from '../../src/core/pairing';
import { proposePairs } from '../../src/core/pairingProposal';
import type { RowOf } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';
import { staffRow } from '../support/builders';

type Staff = RowOf<'staff'>;
const TODAY = '2027-01-04';
const HAVO = 'Onderbouw havo';

function person(name: string, patch: Partial<Staff> = {}): Staff {
  return staffRow(name, {
    email: personKey(`${name.toLowerCase()}@school.example`),
    location: HAVO,
    role: 'leraar',
    subject: '',
    canBuddy: true,
    yearsVso: 10,
    coachingAffinity: true,
    ...patch,
  });
}

const anna = person('Anna', { status: 'nieuw', canBuddy: false, startDate: '2027-01-11', yearsVso: 0 });
const veteran = person('Vera');
// Finished her own onboarding last month: willing, but new at this school.
const fresh = person('Fenna', { startDate: '2026-11-02', yearsVso: 12 });
const noVso = person('Nico', { yearsVso: 1 });
const noAffinity = person('Olaf', { coachingAffinity: false });

function input(staff: Staff[], settings: Record<string, string> = {}): PairingInput {
  return {
    staff,
    pairings: [],
    locations: [
      {
        name: HAVO,
        chiefBuddy: '',
        collectionDoc: '',
        schoolGuide: '',
        maxPerBuddy: 2,
        phase: '',
        phaseSince: '',
      },
    ],
    settings: readSettings(Object.entries(settings).map(([name, value]) => ({ name, value }))).settings,
    today: TODAY,
  };
}

describe('buddy rules from the settings', () => {
  it('counts whole years at this school from the start date', () => {
    expect(yearsSince('2025-01-05', TODAY)).toBe(1);
    expect(yearsSince('2025-01-04', TODAY)).toBe(2);
    expect(yearsSince('', TODAY)).toBe(0);
    expect(yearsSince('2027-03-01', TODAY)).toBe(0);
  });

  it('has sensible defaults: two years at the school, three in the VSO, affinity required', () => {
    const s = readSettings([]).settings;
    expect([s.buddyMinYearsSchool, s.buddyMinYearsVso, s.buddyAffinityRequired]).toEqual([2, 3, true]);
  });

  it('excludes a colleague below a minimum, naming the rule', () => {
    const world = input([anna, veteran, fresh, noVso, noAffinity]);
    expect(eligibility(veteran, anna, world).eligible).toBe(true);
    const verdict = (s: Staff) => {
      const e = eligibility(s, anna, world);
      return e.eligible ? [] : e.exclusions;
    };
    expect(verdict(fresh)).toEqual([{ code: 'tooNewAtSchool', params: { years: 0, min: 2 } }]);
    expect(verdict(noVso)).toEqual([{ code: 'tooLittleVso', params: { years: 1, min: 3 } }]);
    expect(verdict(noAffinity)).toEqual([{ code: 'noAffinity', params: {} }]);
    expect([fresh, noVso, noAffinity].every((s) => onlyRules(verdict(s)))).toBe(true);
  });

  it('does not suggest them, and lists them as excluded by a rule only', () => {
    const result = suggestBuddies(anna.email, input([anna, veteran, fresh, noVso, noAffinity]))!;
    expect(result.suggestions.map((s) => s.name)).toEqual(['Vera']);
    const ruleOnly = result.excluded.filter((e) => onlyRules(e.exclusions)).map((e) => e.name);
    expect(ruleOnly.sort()).toEqual(['Fenna', 'Nico', 'Olaf']);
  });

  it('is not a rule exclusion when a hard reason stands too', () => {
    const full = person('Fiep', { startDate: '2026-11-02', canBuddy: false });
    const e = eligibility(full, anna, input([anna, full]));
    expect(e.eligible).toBe(false);
    expect(onlyRules(e.eligible ? [] : e.exclusions)).toBe(false);
  });

  it('follows the settings: minimum 0 and affinity nee switch the rules off', () => {
    const off = input([anna, fresh, noVso, noAffinity], {
      'Buddy: min. jaren op deze school': '0',
      'Buddy: min. jaren ervaring VSO': '0',
      'Buddy: affiniteit met begeleiden vereist': 'nee',
    });
    for (const s of [fresh, noVso, noAffinity]) expect(ruleExclusions(s, off.settings, TODAY)).toEqual([]);
    expect(suggestBuddies(anna.email, off)!.suggestions).toHaveLength(3);
  });

  it('never breaks a rule in a proposal, even when that leaves a newcomer without a buddy', () => {
    const bob = person('Bob', { status: 'nieuw', canBuddy: false, startDate: '2027-01-11' });
    const proposal = proposePairs(HAVO, input([anna, bob, veteran, fresh, noVso, noAffinity]));
    expect(proposal.pairs.map((p) => p.buddyName)).toEqual(['Vera', 'Vera']);
    const one = proposePairs(HAVO, input([anna, fresh, noVso, noAffinity]));
    expect(one.pairs).toEqual([]);
    expect(one.unassigned.map((u) => u.why)).toEqual(['noEligibleBuddy']);
  });
});
