/** Issue 15, the pure part: phases, groups, answers, aggregates, CSV and the pilot's access rules. */
import { describe, expect, it } from 'vitest';
import { personKey } from '../../src/core/identity';
import {
  aggregate,
  checkAnswers,
  csvCellSafe,
  defaultQuestions,
  groupOf,
  momentOf,
  onboardingFigures,
  parsePhase,
  phaseOf,
  phaseRuns,
  roundLocations,
} from '../../src/core/pilot';
import {
  type Actor,
  mayAnswerSurvey,
  mayExportAnswers,
  mayManagePilot,
  maySeeEvaluation,
  resolveActor,
} from '../../src/core/roles';

describe('phases', () => {
  it('an empty or missing phase counts as ingevoerd; an unreadable one as nog niet', () => {
    expect(phaseOf({ phase: '' })).toBe('ingevoerd');
    expect(phaseOf(undefined)).toBe('ingevoerd');
    expect(phaseOf({ phase: '' }, true)).toBe('nog niet');
    expect(phaseOf({ phase: 'pilot' })).toBe('pilot');
    expect([phaseRuns('nog niet'), phaseRuns('pilot'), phaseRuns('ingevoerd')]).toEqual([false, true, true]);
    expect(parsePhase(' Nog  Niet ')).toBe('nog niet');
    expect(parsePhase('bijna')).toBeNull();
  });
});

describe('groups and rounds', () => {
  it('a colleague who started less than a year before the round is newer', () => {
    expect(groupOf({ startDate: '2026-03-01', status: 'actief' }, '2027-01-04')).toBe('nieuw');
    expect(groupOf({ startDate: '2025-12-01', status: 'actief' }, '2027-01-04')).toBe('ervaren');
    expect(groupOf({ startDate: '', status: 'nieuw' }, '2027-01-04')).toBe('nieuw');
    expect(groupOf({ startDate: '', status: 'actief' }, '2027-01-04')).toBe('ervaren');
  });

  it('a round names its locations loosely, or `alle`', () => {
    const all = ['Onderbouw vmbo', 'Bovenbouw havo'];
    expect(roundLocations({ locations: 'onderbouw VMBO; elders' }, all)).toEqual(['Onderbouw vmbo']);
    expect(roundLocations({ locations: 'alle' }, all)).toEqual(all);
  });

  it('a round that starts on the phase day measures before; later, after', () => {
    expect(momentOf('2027-01-04', '2027-01-04')).toBe('voor');
    expect(momentOf('2027-03-01', '2027-01-04')).toBe('na');
    expect(momentOf('2027-03-01', '')).toBe('voor');
  });
});

describe('answers', () => {
  const questions = defaultQuestions();

  it('accepts whole scores 1–5 and open text; refuses anything else', () => {
    expect(checkAnswers({ diepe: 1, 'ging-goed': ' De buddy ' }, questions)).toEqual({
      ok: true,
      values: [
        { question: 'diepe', value: '1' },
        { question: 'ging-goed', value: 'De buddy' },
      ],
    });
    for (const bad of [{ diepe: 0 }, { diepe: '3' }, { nope: 3 }, [], null, {}, { 'ging-goed': '  ' }])
      expect(checkAnswers(bad, questions).ok).toBe(false);
  });

  it('keeps no e-mail address typed into an open answer', () => {
    const r = checkAnswers({ 'ging-goed': 'vraag het jan@school.example' }, questions);
    expect(r.ok && r.values[0]!.value).toBe('vraag het (adres)');
  });

  it('the default instrument marks itself as an example and names appendix 3’s feelings', () => {
    expect(questions[0]!.text).toContain('voorbeeld');
    expect(questions.find((q) => q.id === 'diepe')).toMatchObject({
      higherIsBetter: false,
      audience: 'nieuw',
    });
  });
});

describe('aggregates', () => {
  const questions = defaultQuestions();
  const rows = (n: number, group: 'nieuw' | 'ervaren', score: number) =>
    Array.from({ length: n }, (_, i) => ({
      round: 'M1',
      location: 'Noord',
      group,
      question: 'wie-vragen',
      value: String(score),
      person: `${group}${i}`,
      on: '2027-01-04',
    }));
  const args = { round: 'M1', location: 'Noord', moment: 'voor' as const, invited: 10, minGroup: 5 };

  it('hides a group under the minimum, counts respondents once, and combines groups for `alle`', () => {
    const answers = [...rows(4, 'nieuw', 2), ...rows(5, 'ervaren', 4), ...rows(1, 'ervaren', 4)];
    expect(aggregate(answers, questions, { ...args, group: 'nieuw' })).toMatchObject({
      respondents: 4,
      hidden: true,
      scales: [],
    });
    const all = aggregate(answers, questions, { ...args, group: 'alle' });
    expect(all.respondents).toBe(9);
    expect(all.scales[0]).toMatchObject({ n: 10, distribution: [0, 4, 0, 6, 0] });
  });
});

describe('onboarding figures', () => {
  it('median days to a buddy, schedule done, check-ins on time, wellbeing, re-pairings', () => {
    const f = onboardingFigures(
      [
        { key: 'a', startDate: '2027-01-04' },
        { key: 'b', startDate: '2027-01-04' },
      ],
      {
        pairings: [
          { newcomer: 'a', pairedOn: '2027-01-01', status: 'beëindigd' },
          { newcomer: 'a', pairedOn: '2027-01-10', status: 'actief' },
          { newcomer: 'b', pairedOn: '2027-01-08', status: 'actief' },
        ],
        schedule: [
          { newcomer: 'a', done: true },
          { newcomer: 'b', done: false },
        ],
        checkIns: [
          { newcomer: 'a', planned: '2027-01-08', held: '2027-01-08', wellbeing: 4 },
          { newcomer: 'b', planned: '2027-01-08', held: '2027-01-20', wellbeing: 2 },
        ],
      },
      3,
    );
    expect(f).toEqual({
      newcomers: 2,
      daysToBuddy: 2,
      scheduleDone: 50,
      checkInsOnTime: 50,
      wellbeing: 3,
      rePairings: 1,
    });
  });
});

describe('CSV', () => {
  it('makes a cell that starts like a formula text', () => {
    expect(['=1+1', '+31', '-2', '@x', '\tx', 'ok "x"'].map(csvCellSafe)).toEqual([
      `"'=1+1"`,
      `"'+31"`,
      `"'-2"`,
      `"'@x"`,
      `"'\tx"`,
      `"ok ""x"""`,
    ]);
  });
});

describe('the pilot’s access rules: every role × every rule', () => {
  const sources = {
    schoolLeaders: [personKey('leider@school.nl')],
    locations: [
      { name: 'Noord', chiefBuddy: personKey('chef.noord@school.nl') },
      { name: 'Zuid', chiefBuddy: personKey('chef.zuid@school.nl') },
    ],
    buddies: [{ email: personKey('buddy@school.nl'), location: 'Noord' }],
    staff: [{ email: personKey('collega@school.nl'), location: 'Noord' }],
    left: new Set(['weg@school.nl']),
  };
  const actors: Record<string, Actor> = {
    leader: resolveActor('leider@school.nl', sources),
    chief: resolveActor('chef.noord@school.nl', sources),
    otherChief: resolveActor('chef.zuid@school.nl', sources),
    buddy: resolveActor('buddy@school.nl', sources),
    colleague: resolveActor('collega@school.nl', sources),
    left: resolveActor('weg@school.nl', sources),
  };
  const rules: Record<string, (a: Actor) => boolean> = {
    manage: mayManagePilot,
    evalNoord: (a) => maySeeEvaluation(a, 'Noord', false),
    evalNoordAllowed: (a) => maySeeEvaluation(a, 'noord', true),
    export: mayExportAnswers,
    answerSelf: (a) => mayAnswerSurvey(a, { email: a.email }),
    answerOther: (a) => mayAnswerSurvey(a, { email: personKey('collega@school.nl') }),
  };
  // biome-ignore format: a table reads best aligned
  const expected: Record<string, string> = {
    //          mgr eN  eNa exp self other
    leader:     '1   1   1   1   1   0',
    chief:      '0   0   1   0   1   0',
    otherChief: '0   0   0   0   1   0',
    buddy:      '0   0   0   0   1   0',
    colleague:  '0   0   0   0   1   1',
    left:       '0   0   0   0   0   0',
  };
  const names = Object.keys(rules);
  for (const [who, row] of Object.entries(expected)) {
    it(who, () => {
      const wanted = row.split(/\s+/).map((x) => x === '1');
      const got = names.map((n) => rules[n]!(actors[who]!));
      expect(got).toEqual(wanted);
    });
  }
});
