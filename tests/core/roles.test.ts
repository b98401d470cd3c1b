/**
 * The access rules, every role against every rule (issue 18, "Access rules in one place"). The
 * actors come from `resolveActor` on one small school, so someone who left is resolved as Google
 * would hand them to us: an e-mail on the sheet that no longer has a role.
 */
import { describe, expect, it } from 'vitest';
import { personKey } from '../../src/core/identity';
import {
  type Actor,
  assertCanManage,
  assertFollows,
  assertKnown,
  assertManager,
  assertSchoolLeader,
  canActOn,
  follows,
  isBuddyOf,
  isChiefBuddyOf,
  isLeft,
  isManager,
  isSchoolLeader,
  isSelf,
  manages,
  mayCloseOnboarding,
  mayMarkSchedule,
  mayPlan,
  mayRecordCheckIn,
  mayRespondAsNewcomer,
  maySeeCoaching,
  maySeeNotes,
  type RoleSources,
  resolveActor,
  seesAllLocations,
  seesRowsOf,
} from '../../src/core/roles';

const sources: RoleSources = {
  schoolLeaders: ['leider@school.nl'],
  locations: [
    { name: 'Noord', chiefBuddy: personKey('chef.noord@school.nl') },
    { name: 'Zuid', chiefBuddy: personKey('chef.zuid@school.nl') },
  ],
  buddies: [
    { email: personKey('buddy@school.nl'), location: 'Noord' },
    { email: personKey('ander.buddy@school.nl'), location: 'Noord' },
    { email: personKey('weg@school.nl'), location: 'Noord' },
  ],
  staff: [
    { email: personKey('nieuw@school.nl'), location: 'Noord' },
    { email: personKey('collega@school.nl'), location: 'Noord' },
  ],
  left: new Set(['weg@school.nl']),
};

const actors: Record<string, Actor> = {
  leader: resolveActor('Leider@School.nl', sources),
  chief: resolveActor('chef.noord@school.nl', sources),
  otherChief: resolveActor('chef.zuid@school.nl', sources),
  buddy: resolveActor('buddy@school.nl', sources),
  otherBuddy: resolveActor('ander.buddy@school.nl', sources),
  newcomer: resolveActor('nieuw@school.nl', sources),
  colleague: resolveActor('collega@school.nl', sources),
  left: resolveActor('weg@school.nl', sources),
  unknown: resolveActor('vreemde@school.nl', sources),
};

/** The newcomer at Noord; their active buddy is `buddy`, or the one who left in the last row. */
const newcomer = {
  email: personKey('Nieuw@school.nl'),
  location: 'noord',
  activeBuddy: personKey('Buddy@school.nl'),
};
const leftBuddysNewcomer = { ...newcomer, activeBuddy: personKey('weg@school.nl') };
const notesByBuddy = { location: 'Noord', recordedBy: personKey('BUDDY@school.nl') };
const notesByLeft = { location: 'Noord', recordedBy: personKey('weg@school.nl') };

type Rule = (a: Actor) => boolean;
const rules: Record<string, Rule> = {
  isManager: (a) => isManager(a),
  isSchoolLeader: (a) => isSchoolLeader(a),
  seesAllLocations: (a) => seesAllLocations(a),
  managesNoord: (a) => manages(a, 'Noord'),
  managesZuid: (a) => manages(a, 'zuid '),
  rowsNoord: (a) => seesRowsOf(a, 'Noord'),
  rowsNowhere: (a) => seesRowsOf(a, ''),
  follows: (a) => follows(a, newcomer),
  followsLeftBuddys: (a) => follows(a, leftBuddysNewcomer),
  notesByBuddy: (a) => maySeeNotes(a, notesByBuddy),
  notesByLeft: (a) => maySeeNotes(a, notesByLeft),
  recordCheckIn: (a) => mayRecordCheckIn(a, newcomer),
  markSchedule: (a) => mayMarkSchedule(a, newcomer),
  plan: (a) => mayPlan(a, newcomer),
  close: (a) => mayCloseOnboarding(a, newcomer),
  respondAsNewcomer: (a) => mayRespondAsNewcomer(a, newcomer),
  coaching: (a) => maySeeCoaching(a, { ...notesByBuddy, newcomer: newcomer.email }),
  chiefReport: (a) => isChiefBuddyOf(a, 'noord'),
};

// Rows: actors; columns: the rules above, in that order (1 = allowed).
// biome-ignore format: a table reads best aligned
const expected: Record<string, string> = {
  //           mgr lead all N Z rN r- fol folL nB nL rec mrk pln cls self coach rep
  leader:     '1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   0   1   0',
  chief:      '1   0   0   1   0   1   0   1   1   1   1   1   1   1   1   0   1   1',
  otherChief: '1   0   0   0   1   0   0   0   0   0   0   0   0   0   0   0   0   0',
  buddy:      '0   0   0   0   0   0   0   1   0   1   0   1   1   0   0   0   1   0',
  otherBuddy: '0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0',
  newcomer:   '0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   1   1   0',
  colleague:  '0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0',
  left:       '0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0',
  unknown:    '0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0',
};

describe('access rules: every role × every rule', () => {
  const names = Object.keys(rules);
  for (const [who, row] of Object.entries(expected)) {
    const wanted = row.split(/\s+/).map((x) => x === '1');
    it(`${who}`, () => {
      expect(wanted).toHaveLength(names.length);
      const got = Object.fromEntries(names.map((n) => [n, rules[n]!(actors[who]!)]));
      expect(got).toEqual(Object.fromEntries(names.map((n, i) => [n, wanted[i]])));
    });
  }

  it('resolves the roles the table assumes', () => {
    expect(Object.fromEntries(Object.entries(actors).map(([k, a]) => [k, a.role]))).toEqual({
      leader: 'schoolleider',
      chief: 'chefbuddy',
      otherChief: 'chefbuddy',
      buddy: 'buddy',
      otherBuddy: 'buddy',
      newcomer: 'medewerker',
      colleague: 'medewerker',
      left: 'onbekend',
      unknown: 'onbekend',
    });
  });

  it('a newcomer is never their own follower, even when named as their own buddy', () => {
    expect(follows(actors.newcomer!, { ...newcomer, activeBuddy: '' })).toBe(false);
    expect(maySeeNotes(actors.newcomer!, { location: 'Noord', recordedBy: '' })).toBe(false);
  });

  it('guards give the reason a user can act on', () => {
    expect(() => assertFollows(actors.otherChief!, newcomer)).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
    expect(() => assertFollows(actors.otherBuddy!, newcomer)).toThrow(
      expect.objectContaining({ key: 'error.notYourNewcomer' }),
    );
    expect(() => assertFollows(actors.buddy!, newcomer)).not.toThrow();
    expect(() => assertCanManage(actors.buddy!, 'Noord')).toThrow(
      expect.objectContaining({ key: 'error.managersOnly' }),
    );
    expect(() => assertCanManage(actors.otherChief!, 'Noord')).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
  });
});

describe('the remaining rules and guards: every role', () => {
  /** A guard as a rule: true when it lets the actor through. */
  const passes = (guard: () => void) => {
    try {
      guard();
      return true;
    } catch {
      return false;
    }
  };
  const more: Record<string, Rule> = {
    actsOnNoord: (a) => canActOn(a, ' noord'),
    actsOnZuid: (a) => canActOn(a, 'Zuid'),
    isBuddyOf: (a) => isBuddyOf(a, newcomer),
    isSelf: (a) => isSelf(a, newcomer),
    guardManageNoord: (a) => passes(() => assertCanManage(a, 'Noord')),
    guardManager: (a) => passes(() => assertManager(a)),
    guardFollows: (a) => passes(() => assertFollows(a, newcomer)),
    guardLeader: (a) => passes(() => assertSchoolLeader(a)),
    guardKnown: (a) => passes(() => assertKnown(a)),
  };
  // biome-ignore format: a table reads best aligned
  const table: Record<string, string> = {
    //          N   Z  bud self mN  mgr fol lead known
    leader:     '1   1   0   0   1   1   1   1   1',
    chief:      '1   0   0   0   1   1   1   0   1',
    otherChief: '0   1   0   0   0   1   0   0   1',
    buddy:      '1   0   1   0   0   0   1   0   1',
    otherBuddy: '1   0   0   0   0   0   0   0   1',
    newcomer:   '1   0   0   1   0   0   0   0   1',
    colleague:  '1   0   0   0   0   0   0   0   1',
    left:       '0   0   0   0   0   0   0   0   0',
    unknown:    '0   0   0   0   0   0   0   0   0',
  };
  const names = Object.keys(more);
  for (const [who, row] of Object.entries(table)) {
    const wanted = row.split(/\s+/).map((x) => x === '1');
    it(`${who}`, () => {
      expect(wanted).toHaveLength(names.length);
      const got = Object.fromEntries(names.map((n) => [n, more[n]!(actors[who]!)]));
      expect(got).toEqual(Object.fromEntries(names.map((n, i) => [n, wanted[i]])));
    });
  }

  it('someone has left from their leaving date on, or by status without one', () => {
    expect(isLeft({ status: 'actief', leftOn: '2027-01-31' }, '2027-01-30')).toBe(false);
    expect(isLeft({ status: 'actief', leftOn: '2027-01-31' }, '2027-01-31')).toBe(true);
    expect(isLeft({ status: 'uit dienst', leftOn: '' }, '2027-01-01')).toBe(true);
    expect(isLeft({ status: 'uit dienst', leftOn: '2027-02-01' }, '2027-01-01')).toBe(false);
    expect(isLeft({ status: 'actief', leftOn: '' }, '2027-01-01')).toBe(false);
  });
});
