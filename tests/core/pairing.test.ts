import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Email, personKey } from '../../src/core/identity';
import {
  buddyCapacity,
  buddyLoads,
  eligibility,
  type PairingInput,
  scoreBuddy,
  suggestBuddies,
  unpairedNewcomers,
} from '../../src/core/pairing';
import { type Proposal, proposePairs } from '../../src/core/pairingProposal';
import type { RowOf } from '../../src/core/schema';
import { readSettings, type Settings } from '../../src/core/settings';
import { staffRow } from '../support/builders';

type Staff = RowOf<'staff'>;
type Pairing = RowOf<'pairings'>;

const TODAY = '2027-01-04';
const HAVO = 'Onderbouw havo';
const VMBO = 'Bovenbouw vmbo';
// These tests are about eligibility, scores and proposals; the buddy rules have tests of their own.
const DEFAULTS: Settings = {
  ...readSettings([]).settings,
  buddyMinYearsSchool: 0,
  buddyMinYearsVso: 0,
  buddyAffinityRequired: false,
};

let counter = 0;

class ColleagueBuilder {
  private row: Staff;

  constructor(name: string) {
    const id = ++counter;
    this.row = staffRow(name, {
      email: personKey(`${name.toLowerCase().replace(/\W+/g, '.')}.${id}@school.example`),
      location: HAVO,
      role: '',
      subject: '',
      canBuddy: false,
      yearsVso: null,
      coachingAffinity: false,
    });
  }

  private with(patch: Partial<Staff>): this {
    this.row = { ...this.row, ...patch };
    return this;
  }

  at(location: string) {
    return this.with({ location });
  }
  mailedAt(email: string) {
    return this.with({ email: personKey(email) });
  }
  asA(role: string) {
    return this.with({ role });
  }
  teaching(subject: string) {
    return this.with({ subject });
  }
  withYears(yearsVso: number) {
    return this.with({ yearsVso });
  }
  willing() {
    return this.with({ canBuddy: true });
  }
  coaching() {
    return this.with({ coachingAffinity: true });
  }
  upTo(maxPairings: number) {
    return this.with({ maxPairings });
  }
  absentUntil(absentUntil: string) {
    return this.with({ absentUntil });
  }
  leaving() {
    return this.with({ status: 'uit dienst' });
  }
  withStatus(status: Staff['status']) {
    return this.with({ status });
  }
  startingOn(startDate: string) {
    return this.with({ startDate });
  }
  build(): Staff {
    return { ...this.row };
  }
}

const aColleague = (name = 'Collega') => new ColleagueBuilder(name);
const aNewcomer = (name = 'Nieuw') =>
  new ColleagueBuilder(name).withStatus('nieuw').startingOn('2027-01-11').asA('docent');

function aPairing(buddy: Staff, newcomer: string, patch: Partial<Pairing> = {}): Pairing {
  return {
    newcomer: personKey(newcomer),
    buddy: buddy.email,
    location: buddy.location,
    pairedOn: '2026-03-01',
    pairedBy: personKey('chef@school.example'),
    status: 'actief',
    reason: '',
    buddyMail: '',
    endedOn: '',
    hold: false,
    exception: '',
    ...patch,
  };
}

function school(
  staff: Staff[],
  options: { pairings?: Pairing[]; settings?: Partial<Settings>; maxPerBuddy?: number | null } = {},
): PairingInput {
  return {
    staff,
    pairings: options.pairings ?? [],
    locations: [HAVO, VMBO].map((name) => ({
      name,
      chiefBuddy: '',
      collectionDoc: '',
      schoolGuide: '',
      maxPerBuddy: options.maxPerBuddy === undefined ? 2 : options.maxPerBuddy,
      phase: '' as const,
      phaseSince: '',
    })),
    settings: { ...DEFAULTS, ...options.settings },
    today: TODAY,
  };
}

function codes(candidate: Staff, newcomer: Staff, input: PairingInput): string[] {
  const e = eligibility(candidate, newcomer, input);
  return e.eligible ? [] : e.exclusions.map((x) => x.code);
}

describe('who may be a buddy', () => {
  const newcomer = aNewcomer('Noor').build();

  it('accepts a willing, active colleague of the same location with room', () => {
    const buddy = aColleague('Bram').willing().build();
    expect(eligibility(buddy, newcomer, school([buddy, newcomer]))).toEqual({
      eligible: true,
      load: 0,
      capacity: 2,
    });
  });

  it('leaves out a colleague who is not willing to be a buddy', () => {
    const c = aColleague().build();
    expect(codes(c, newcomer, school([c]))).toEqual(['notWilling']);
  });

  it('leaves out a colleague who is leaving, and one who is not active', () => {
    const leaving = aColleague().willing().leaving().build();
    const fresh = aColleague().willing().withStatus('nieuw').build();
    const unknown = aColleague().willing().withStatus('').build();
    const input = school([leaving, fresh, unknown]);
    expect(codes(leaving, newcomer, input)).toEqual(['leaving']);
    expect(eligibility(fresh, newcomer, input)).toMatchObject({
      exclusions: [{ code: 'notActive', params: { status: 'nieuw' } }],
    });
    expect(codes(unknown, newcomer, input)).toEqual(['notActive']);
  });

  it('leaves out the newcomer themself and a row without e-mail', () => {
    const noMail = aColleague().willing().mailedAt('').build();
    const input = school([newcomer, noMail]);
    expect(codes(newcomer, newcomer, input)).toEqual(['isNewcomer', 'notActive', 'notWilling']);
    expect(codes(noMail, newcomer, input)).toEqual(['noEmail']);
  });

  it('compares locations loosely and e-mail addresses without case', () => {
    const buddy = aColleague().willing().at('  onderbouw HAVO ').build();
    const shouting = { ...newcomer, email: personKey(newcomer.email.toUpperCase()) };
    expect(eligibility(buddy, shouting, school([buddy])).eligible).toBe(true);
    expect(codes(shouting, newcomer, school([]))).toContain('isNewcomer');
  });

  describe('at another location', () => {
    const elsewhere = aColleague().willing().at(VMBO).build();

    it('is left out, with the location', () => {
      expect(eligibility(elsewhere, newcomer, school([elsewhere]))).toMatchObject({
        eligible: false,
        exclusions: [{ code: 'otherLocation', params: { location: VMBO } }],
      });
    });

    it('is accepted when the setting allows other locations', () => {
      const input = school([elsewhere], { settings: { pairAcrossLocations: true } });
      expect(eligibility(elsewhere, newcomer, input).eligible).toBe(true);
    });
  });

  describe('absent', () => {
    it('is left out when absent until after the start date', () => {
      const away = aColleague().willing().absentUntil('2027-02-01').build();
      expect(eligibility(away, newcomer, school([away]))).toMatchObject({
        exclusions: [{ code: 'absent', params: { until: '2027-02-01' } }],
      });
    });

    it('is accepted when back on the start date ("tot", not "tot en met")', () => {
      const back = aColleague().willing().absentUntil('2027-01-11').build();
      expect(eligibility(back, newcomer, school([back])).eligible).toBe(true);
    });

    it('counts from today when the newcomer already started', () => {
      const started = aNewcomer().startingOn('2026-12-01').build();
      const away = aColleague().willing().absentUntil('2027-01-05').build();
      const back = aColleague().willing().absentUntil('2027-01-04').build();
      expect(codes(away, started, school([away]))).toEqual(['absent']);
      expect(codes(back, started, school([back]))).toEqual([]);
    });
  });

  describe('capacity', () => {
    it('is left out at capacity, with load and capacity', () => {
      const busy = aColleague().willing().build();
      const input = school([busy], { pairings: [aPairing(busy, 'a@x'), aPairing(busy, 'b@x')] });
      expect(eligibility(busy, newcomer, input)).toMatchObject({
        exclusions: [{ code: 'atCapacity', params: { load: 2, capacity: 2 } }],
      });
    });

    it("counts only active pairings, whatever the e-mail's case", () => {
      const busy = aColleague().willing().build();
      const pairings = [
        aPairing(busy, 'a@x', { buddy: personKey(busy.email.toUpperCase()) }),
        aPairing(busy, 'b@x', { status: 'afgerond' }),
        aPairing(busy, 'c@x', { status: 'beëindigd' }),
      ];
      expect(buddyLoads(pairings).get(busy.email)).toBe(1);
      expect(eligibility(busy, newcomer, school([busy], { pairings }))).toMatchObject({ load: 1 });
    });

    it("takes the person's own maximum, then the location's, then the setting", () => {
      const own = aColleague().upTo(4).build();
      const plain = aColleague().build();
      const nowhere = aColleague().at('Elders').build();
      const { locations, settings } = school([], { maxPerBuddy: 3 });
      expect(buddyCapacity(own, locations, settings)).toBe(4);
      expect(buddyCapacity(plain, locations, settings)).toBe(3);
      expect(buddyCapacity(nowhere, locations, { defaultMaxPerBuddy: 5 })).toBe(5);
      const noLocationMax = school([], { maxPerBuddy: null });
      expect(buddyCapacity(plain, noLocationMax.locations, { defaultMaxPerBuddy: 5 })).toBe(5);
    });

    it('treats a personal maximum of 0 as no room at all', () => {
      const none = aColleague().willing().upTo(0).build();
      expect(eligibility(none, newcomer, school([none]))).toMatchObject({
        exclusions: [{ code: 'atCapacity', params: { load: 0, capacity: 0 } }],
      });
    });
  });

  it("leaves out the newcomer's current buddy", () => {
    const buddy = aColleague().willing().upTo(3).build();
    const input = school([buddy], { pairings: [aPairing(buddy, newcomer.email)] });
    expect(codes(buddy, newcomer, input)).toEqual(['currentBuddy']);
  });

  it('lists every reason against, main reason first', () => {
    const c = aColleague().leaving().at(VMBO).absentUntil('2027-03-01').build();
    expect(codes(c, newcomer, school([c]))).toEqual(['leaving', 'otherLocation', 'notWilling', 'absent']);
  });
});

describe('scoring a match', () => {
  const newcomer = aNewcomer('Noor').asA('Docent').teaching('Wiskunde').build();

  it('explains each term, highest points first', () => {
    const buddy = aColleague().willing().coaching().withYears(12).asA('docent').build();
    const { score, reasons } = scoreBuddy(buddy, newcomer, school([buddy]));
    expect(reasons).toEqual([
      { code: 'experience', params: { years: 12 }, points: 3 },
      { code: 'affinity', params: {}, points: 3 },
      { code: 'room', params: { load: 0, capacity: 2 }, points: 2 },
      { code: 'sameRole', params: { role: 'Docent' }, points: 1 },
    ]);
    expect(score).toBe(9);
  });

  it('counts experience up to ten years', () => {
    const five = aColleague().withYears(5).build();
    const thirty = aColleague().withYears(30).build();
    expect(scoreBuddy(five, newcomer, school([])).reasons[1]).toEqual({
      code: 'experience',
      params: { years: 5 },
      points: 1.5,
    });
    expect(scoreBuddy(thirty, newcomer, school([])).score).toBe(5);
  });

  it('gives points for the same subject and less room for a busier buddy, equal points in code order', () => {
    const buddy = aColleague().teaching(' wiskunde').build();
    const input = school([buddy], { pairings: [aPairing(buddy, 'a@x')] });
    expect(scoreBuddy(buddy, newcomer, input).reasons).toEqual([
      { code: 'sameSubject', params: { subject: 'Wiskunde' }, points: 1 },
      { code: 'room', params: { load: 1, capacity: 2 }, points: 1 },
    ]);
  });

  it('lowers the score of a recent buddy, active or not, but not of an old one', () => {
    const recent = aColleague().upTo(5).build();
    const old = aColleague().upTo(5).build();
    const input = school([recent, old], {
      pairings: [
        aPairing(recent, 'a@x', { pairedOn: '2026-09-01', status: 'afgerond' }),
        aPairing(recent, 'b@x', { pairedOn: '2026-10-15', status: 'beëindigd' }),
        aPairing(old, 'c@x', { pairedOn: '2026-06-01', status: 'afgerond' }),
      ],
    });
    expect(scoreBuddy(recent, newcomer, input).reasons).toContainEqual({
      code: 'recentBuddy',
      params: { count: 2, last: '2026-10-15' },
      points: -1,
    });
    expect(scoreBuddy(recent, newcomer, input).score).toBe(1);
    expect(scoreBuddy(old, newcomer, input).score).toBe(2);
  });

  it('leaves out reasons whose weight is 0, and follows the weights', () => {
    const buddy = aColleague().coaching().withYears(10).build();
    const input = school([buddy], { settings: { weightAffinity: 0, weightExperience: 1.5, weightRoom: 0 } });
    expect(scoreBuddy(buddy, newcomer, input)).toMatchObject({
      score: 1.5,
      reasons: [{ code: 'experience', points: 1.5 }],
    });
  });

  it('prefers the own location when other locations are allowed, and says so', () => {
    const here = aColleague().build();
    const there = aColleague().at(VMBO).build();
    const input = school([here, there], { settings: { pairAcrossLocations: true } });
    expect(scoreBuddy(here, newcomer, input).reasons[0]).toEqual({
      code: 'sameLocation',
      params: { location: HAVO },
      points: 3,
    });
    expect(scoreBuddy(there, newcomer, input).reasons).toContainEqual({
      code: 'otherLocation',
      params: { location: VMBO },
      points: 0,
    });
  });
});

describe('suggesting buddies for a newcomer', () => {
  it('ranks eligible colleagues by score, then lower load, then name', () => {
    const newcomer = aNewcomer().build();
    const expert = aColleague('Zara').willing().coaching().withYears(20).build();
    const busyTwin = aColleague('Anna').willing().upTo(4).withYears(4).build();
    const twin = aColleague('Yusuf').willing().upTo(4).withYears(4).build();
    const sameTwin = aColleague('Bart').willing().upTo(4).withYears(4).build();
    const input = school([busyTwin, twin, newcomer, expert, sameTwin], {
      pairings: [aPairing(busyTwin, 'a@x', { pairedOn: '2025-01-01' })],
      settings: { weightRoom: 0 },
    });
    const result = suggestBuddies(newcomer.email, input)!;
    expect(result.suggestions.map((s) => s.name)).toEqual(['Zara', 'Bart', 'Yusuf', 'Anna']);
    expect(result.suggestions[3]).toMatchObject({ load: 1, capacity: 4, score: 1.2 });
  });

  it('lists the colleagues left out with why, fewest reasons first', () => {
    const newcomer = aNewcomer().build();
    const away = aColleague('Away').willing().absentUntil('2027-06-01').build();
    const gone = aColleague('Gone').leaving().build();
    const result = suggestBuddies(personKey(newcomer.email.toUpperCase()), school([gone, newcomer, away]))!;
    expect(result.suggestions).toEqual([]);
    expect(result.excluded.map((e) => [e.name, e.exclusions.map((x) => x.code)])).toEqual([
      ['Away', ['absent']],
      ['Gone', ['leaving', 'notWilling']],
      ['Nieuw', ['isNewcomer', 'notActive', 'notWilling']],
    ]);
    expect(result.newcomer).toMatchObject({ email: newcomer.email, currentBuddy: '' });
  });

  it('returns null for an unknown newcomer', () => {
    expect(suggestBuddies(personKey('nobody@school.example'), school([]))).toBeNull();
  });

  it("names the current buddy, who is not suggested again (for a replacement after no 'klik')", () => {
    const newcomer = aNewcomer().build();
    const buddy = aColleague().willing().build();
    const result = suggestBuddies(
      newcomer.email,
      school([buddy, newcomer], {
        pairings: [aPairing(buddy, newcomer.email)],
      }),
    )!;
    expect(result.newcomer.currentBuddy).toBe(buddy.email);
    expect(result.suggestions).toEqual([]);
  });
});

describe('newcomers without a buddy', () => {
  it('lists them soonest first, marks the overdue ones, and puts unknown start dates last', () => {
    const later = aNewcomer('Later').startingOn('2027-02-01').build();
    const today = aNewcomer('Vandaag').startingOn(TODAY).build();
    const started = aNewcomer('Gestart').startingOn('2027-01-01').build();
    const unknown = aNewcomer('Onbekend').startingOn('').build();
    const list = unpairedNewcomers(school([later, unknown, today, started]));
    expect(list.map((n) => [n.name, n.daysUntilStart, n.overdue])).toEqual([
      ['Gestart', -3, true],
      ['Vandaag', 0, true],
      ['Later', 28, false],
      ['Onbekend', null, false],
    ]);
  });

  it('skips those with an active buddy, not those whose pair ended, and filters by location', () => {
    const buddy = aColleague().willing().build();
    const paired = aNewcomer('Paired').build();
    const ended = aNewcomer('Ended').build();
    const elsewhere = aNewcomer('Elsewhere').at(VMBO).build();
    const input = school([buddy, paired, ended, elsewhere], {
      pairings: [aPairing(buddy, paired.email), aPairing(buddy, ended.email, { status: 'beëindigd' })],
    });
    expect(unpairedNewcomers(input, 'onderbouw havo').map((n) => n.name)).toEqual(['Ended']);
    expect(unpairedNewcomers(input).map((n) => n.name)).toEqual(['Elsewhere', 'Ended']);
  });
});

describe('proposing pairs for a whole location', () => {
  it('gives two newcomers one each of two equally good buddies', () => {
    const a = aNewcomer('A').build();
    const b = aNewcomer('B').build();
    const x = aColleague('X').willing().coaching().build();
    const y = aColleague('Y').willing().coaching().build();
    for (const weightRoom of [2, 0]) {
      const proposal = proposePairs(HAVO, school([a, b, x, y], { settings: { weightRoom } }));
      expect(proposal.pairs.map((p) => p.buddyName).sort()).toEqual(['X', 'Y']);
      expect(proposal.totals.squaredLoads).toBe(2);
    }
  });

  it('maximises the score of the whole, not newcomer by newcomer', () => {
    const mentor = aNewcomer('Mentor').startingOn('2027-01-05').asA('mentor').build();
    const teacher = aNewcomer('Teacher').startingOn('2027-01-06').build();
    const star = aColleague('Star').willing().upTo(1).coaching().withYears(10).build();
    const fellow = aColleague('Fellow').willing().upTo(1).withYears(10).asA('mentor').build();
    const input = school([teacher, mentor, star, fellow]);
    // One by one, Mentor would take Star (8 > 6) and leave Teacher with Fellow (5): 13 < 14.
    const proposal = proposePairs(HAVO, input);
    expect(proposal.pairs.map((p) => [p.newcomerName, p.buddyName, p.score])).toEqual([
      ['Mentor', 'Fellow', 6],
      ['Teacher', 'Star', 8],
    ]);
  });

  it('uses a buddy who is back in time for a later newcomer, not for an earlier one', () => {
    const early = aNewcomer('Early').startingOn('2027-01-05').build();
    const late = aNewcomer('Late').startingOn('2027-03-01').build();
    const back = aColleague('Back').willing().coaching().withYears(15).absentUntil('2027-02-01').build();
    const here = aColleague('Here').willing().build();
    const proposal = proposePairs(HAVO, school([early, late, back, here]));
    expect(proposal.pairs.map((p) => [p.newcomerName, p.buddyName])).toEqual([
      ['Early', 'Here'],
      ['Late', 'Back'],
    ]);
  });

  it('says why a newcomer stays without buddy', () => {
    const a = aNewcomer('A').build();
    const b = aNewcomer('B').build();
    const c = aNewcomer('C').at(VMBO).build();
    const only = aColleague('Only').willing().upTo(1).build();
    const proposal = proposePairs(HAVO, school([a, b, c, only]));
    expect(proposal.pairs).toHaveLength(1);
    expect(proposal.unassigned).toEqual([{ newcomer: b.email, name: 'B', why: 'allTaken', candidates: 1 }]);
    expect(proposePairs(VMBO, school([a, b, c, only])).unassigned).toEqual([
      { newcomer: c.email, name: 'C', why: 'noEligibleBuddy', candidates: 0 },
    ]);
  });

  it('returns an empty proposal when nobody waits', () => {
    expect(proposePairs(HAVO, school([aColleague().willing().build()]))).toEqual({
      pairs: [],
      unassigned: [],
      totals: { paired: 0, score: 0, squaredLoads: 0 },
    });
  });

  it('explains each pair with the score it will show when applied in order', () => {
    const a = aNewcomer('A').startingOn('2027-01-05').build();
    const b = aNewcomer('B').startingOn('2027-01-06').build();
    const x = aColleague('X').willing().upTo(2).coaching().withYears(20).build();
    const proposal = proposePairs(HAVO, school([a, b, x]));
    expect(proposal.pairs.map((p) => [p.newcomerName, p.load, p.score])).toEqual([
      ['A', 0, 8],
      ['B', 1, 7],
    ]);
    expect(proposal.totals).toEqual({ paired: 2, score: 15, squaredLoads: 4 });
  });
});

// ---------------------------------------------------------------------------------------------
// The optimiser against brute force, greedy and shuffles, on small random schools.

const ROLES = ['docent', 'mentor', ''];
const SUBJECTS = ['wiskunde', 'engels', ''];
const day = (offset: number) => {
  const d = new Date(Date.UTC(2027, 0, 4 + offset, 12));
  return d.toISOString().slice(0, 10);
};

const arbNewcomer = fc.record({
  role: fc.constantFrom(...ROLES),
  subject: fc.constantFrom(...SUBJECTS),
  start: fc.integer({ min: -3, max: 10 }),
});
const arbBuddy = fc.record({
  role: fc.constantFrom(...ROLES),
  subject: fc.constantFrom(...SUBJECTS),
  here: fc.boolean(),
  willing: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
  active: fc.integer({ min: 0, max: 7 }).map((n) => n > 0),
  years: fc.option(fc.integer({ min: 0, max: 25 })),
  affinity: fc.boolean(),
  max: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 3 }),
  absent: fc.option(fc.integer({ min: -2, max: 10 }), { freq: 2 }),
  load: fc.integer({ min: 0, max: 2 }),
  recent: fc.boolean(),
});
const weight = fc.constantFrom(0, 0.5, 1, 2, 3);
const arbSchool = fc.record({
  newcomers: fc.array(arbNewcomer, { minLength: 1, maxLength: 4 }),
  buddies: fc.array(arbBuddy, { minLength: 0, maxLength: 5 }),
  maxPerBuddy: fc.integer({ min: 1, max: 3 }),
  across: fc.boolean(),
  weights: fc.tuple(weight, weight, weight, weight, weight, weight),
});

type SchoolSpec = typeof arbSchool extends fc.Arbitrary<infer T> ? T : never;

function randomSchool(s: SchoolSpec): PairingInput {
  const staff: Staff[] = [];
  const pairings: Pairing[] = [];
  s.newcomers.forEach((n, i) => {
    staff.push({
      ...aNewcomer(`N${i}`).mailedAt(`n${i}@s.nl`).asA(n.role).teaching(n.subject).build(),
      startDate: day(n.start),
    });
  });
  s.buddies.forEach((b, i) => {
    const row = aColleague(`B${i}`)
      .mailedAt(`b${i}@s.nl`)
      .asA(b.role)
      .teaching(b.subject)
      .at(b.here ? HAVO : VMBO)
      .withStatus(b.active ? 'actief' : 'uit dienst')
      .build();
    staff.push({
      ...row,
      canBuddy: b.willing,
      yearsVso: b.years,
      coachingAffinity: b.affinity,
      maxPairings: b.max,
      absentUntil: b.absent === null ? '' : day(b.absent),
    });
    for (let k = 0; k < b.load; k++)
      pairings.push(aPairing(row, `old${i}.${k}@s.nl`, { pairedOn: '2025-01-01' }));
    if (b.recent)
      pairings.push(aPairing(row, `done${i}@s.nl`, { pairedOn: '2026-11-01', status: 'afgerond' }));
  });
  const [weightExperience, weightAffinity, weightSameRole, weightSameSubject, weightRoom, weightRecent] =
    s.weights;
  return school(staff, {
    pairings,
    maxPerBuddy: s.maxPerBuddy,
    settings: {
      pairAcrossLocations: s.across,
      weightExperience,
      weightAffinity,
      weightSameRole,
      weightSameSubject,
      weightRoom,
      weightRecent,
    },
  });
}

interface Objective {
  paired: number;
  score: number; // milli-points
  squaredLoads: number;
}

/** Lexicographic: more paired, then more score, then fewer squared loads. */
function better(a: Objective, b: Objective): boolean {
  if (a.paired !== b.paired) return a.paired > b.paired;
  if (a.score !== b.score) return a.score > b.score;
  return a.squaredLoads < b.squaredLoads;
}

/** The objective of an assignment (newcomer index → buddy row or null), scored one by one. */
function evaluate(input: PairingInput, newcomers: Staff[], chosen: (Staff | null)[]): Objective {
  const extra = new Map<Email, number>();
  let score = 0;
  let paired = 0;
  chosen.forEach((buddy, i) => {
    if (!buddy) return;
    const k = extra.get(buddy.email) ?? 0;
    score += Math.round(scoreBuddy(buddy, newcomers[i]!, input, k).score * 1000);
    extra.set(buddy.email, k + 1);
    paired++;
  });
  let squaredLoads = 0;
  const loads = buddyLoads(input.pairings);
  for (const email of new Set([...loads.keys(), ...extra.keys()]))
    squaredLoads += ((loads.get(email) ?? 0) + (extra.get(email) ?? 0)) ** 2;
  return { paired, score, squaredLoads };
}

function waitingRows(input: PairingInput): Staff[] {
  return unpairedNewcomers(input, HAVO).map((w) => input.staff.find((s) => s.email === w.email)!);
}

function bruteForce(input: PairingInput): Objective {
  const newcomers = waitingRows(input);
  const options = newcomers.map((n) => [
    null,
    ...input.staff.filter((b) => eligibility(b, n, input).eligible),
  ]);
  const room = new Map<string, number>();
  for (const b of input.staff) {
    const e = eligibility(b, newcomers[0]!, input);
    room.set(b.email, e.capacity - e.load);
  }
  let best: Objective | null = null;
  const chosen: (Staff | null)[] = [];
  const walk = (i: number) => {
    if (i === newcomers.length) {
      const o = evaluate(input, newcomers, chosen);
      if (!best || better(o, best)) best = o;
      return;
    }
    for (const b of options[i]!) {
      if (b) {
        if (room.get(b.email)! <= 0) continue;
        room.set(b.email, room.get(b.email)! - 1);
      }
      chosen[i] = b;
      walk(i + 1);
      if (b) room.set(b.email, room.get(b.email)! + 1);
    }
  };
  walk(0);
  return best!;
}

function greedy(input: PairingInput): Objective {
  const newcomers = waitingRows(input);
  const extra = new Map<string, number>();
  const chosen = newcomers.map((n) => {
    let best: { b: Staff; score: number } | null = null;
    for (const b of input.staff) {
      const e = eligibility(b, n, input);
      const k = extra.get(b.email) ?? 0;
      if (!e.eligible || e.load + k >= e.capacity) continue;
      const score = scoreBuddy(b, n, input, k).score;
      if (!best || score > best.score) best = { b, score };
    }
    if (best) extra.set(best.b.email, (extra.get(best.b.email) ?? 0) + 1);
    return best?.b ?? null;
  });
  return evaluate(input, newcomers, chosen);
}

function asObjective(p: Proposal): Objective {
  return {
    paired: p.totals.paired,
    score: Math.round(p.totals.score * 1000),
    squaredLoads: p.totals.squaredLoads,
  };
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let a = seed;
  for (let i = out.length - 1; i > 0; i--) {
    a = (Math.imul(a, 1103515245) + 12345) | 0;
    const j = (a >>> 8) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('the proposal optimiser on random small schools', () => {
  it('reaches the brute-force optimum: most paired, then highest score, then most even load', () => {
    fc.assert(
      fc.property(arbSchool, (s) => {
        const input = randomSchool(s);
        const proposal = proposePairs(HAVO, input);
        expect(asObjective(proposal)).toEqual(bruteForce(input));
      }),
      { numRuns: 400 },
    );
  });

  it('proposes only eligible pairs within capacity, and its totals are what the pairs show', () => {
    fc.assert(
      fc.property(arbSchool, (s) => {
        const input = randomSchool(s);
        const proposal = proposePairs(HAVO, input);
        const byEmail = new Map(input.staff.map((r) => [r.email, r]));
        const extra = new Map<string, number>();
        let total = 0;
        for (const p of proposal.pairs) {
          const buddy = byEmail.get(p.buddy)!;
          const newcomer = byEmail.get(p.newcomer)!;
          const e = eligibility(buddy, newcomer, input);
          expect(e.eligible).toBe(true);
          const k = extra.get(p.buddy) ?? 0;
          expect(e.load + k).toBeLessThan(e.capacity);
          const scored = scoreBuddy(buddy, newcomer, input, k);
          expect(p.score).toBe(scored.score);
          expect(p.reasons).toEqual(scored.reasons);
          extra.set(p.buddy, k + 1);
          total += Math.round(p.score * 1000);
        }
        expect(Math.round(proposal.totals.score * 1000)).toBe(total);
        expect(proposal.pairs.length + proposal.unassigned.length).toBe(
          unpairedNewcomers(input, HAVO).length,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is never worse than greedy: pairs at least as many, and as many with at least its score', () => {
    fc.assert(
      fc.property(arbSchool, (s) => {
        const input = randomSchool(s);
        const mine = asObjective(proposePairs(HAVO, input));
        const theirs = greedy(input);
        expect(mine.paired).toBeGreaterThanOrEqual(theirs.paired);
        if (mine.paired === theirs.paired) expect(mine.score).toBeGreaterThanOrEqual(theirs.score);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same proposal whatever the order of the rows', () => {
    fc.assert(
      fc.property(arbSchool, fc.integer(), (s, seed) => {
        const input = randomSchool(s);
        const again: PairingInput = {
          ...input,
          staff: shuffled(input.staff, seed),
          pairings: shuffled(input.pairings, seed + 1),
          locations: shuffled(input.locations, seed + 2),
        };
        expect(proposePairs(HAVO, again)).toEqual(proposePairs(HAVO, input));
      }),
      { numRuns: 200 },
    );
  });
});
