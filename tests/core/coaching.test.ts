/**
 * Issue 14, the pure rules: the 4D steps with the study's words, the seven NJI competences with
 * levels, the onboarding goals, worries, growth over the check-ins, and the klik alert to the
 * chef buddy.
 */
import { describe, expect, it } from 'vitest';
import {
  type CheckInRow,
  checkInFields,
  clickAlertReason,
  currentGoals,
  dueReminders,
  formatGoals,
  formatLevels,
  growth,
  MAX_GOAL,
  MAX_STEP,
  parseGoals,
  parseLevels,
  plannedCheckIn,
  timeline,
  validateCheckIn,
} from '../../src/core/checkins';
import { personKey } from '../../src/core/identity';
import { NJI_COMPETENCIES } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';
import { closingSummary, type SummaryTexts, summaryHtml } from '../../src/core/summary';
import { COMPETENCES, LEVELS, STEP_PROMPTS, STEPS } from '../../src/shared/coaching';

const TODAY = '2027-01-20';
const SETTINGS = readSettings([]).settings;
const NINA = personKey('nina@school.example');
const BERT = personKey('bert@school.example');
const IP = 'interpersoonlijk competent in de omgang met leerlingen';
const ORG = 'organisatorisch competent';
const REFL = 'competent in reflectie en ontwikkeling';

const base = { held: '2027-01-15', wellbeing: 4, click: 'goed', steps: { doen: 'Meelopen bij Jan.' } };
const accepted = (input: unknown) => {
  const r = validateCheckIn(input, TODAY);
  if (!r.ok) throw new Error(`refused: ${r.field} ${r.code}`);
  return r.value;
};
const refused = (input: unknown) => {
  const r = validateCheckIn(input, TODAY);
  if (r.ok) throw new Error('expected a refusal');
  return { field: r.field, code: r.code, params: r.params };
};
const row = (patch: Partial<CheckInRow>): CheckInRow => ({
  ...plannedCheckIn(NINA, BERT, '2027-01-15'),
  ...patch,
});

describe('the coaching model as the study names it', () => {
  it('names the seven competences exactly as the NJI profile in the study, in its order', () => {
    // As appendix 1 of the study lists them ("Zeven competenties").
    const study = `1. interpersoonlijk competent in de omgang met leerlingen 2. orthopedagogisch competent in de omgang met
      leerlingen 3. orthodidactisch competent in de omgang met leerlingen 4. organisatorisch competent 5. competent in
      samenwerking met collega’s 6. competent in samenwerking met de omgeving 7. competent in reflectie en ontwikkeling.`;
    const names = study
      .replace(/\s+/g, ' ')
      .split(/\s?\d\.\s/)
      .map((n) => n.replace(/\.$/, '').trim())
      .filter(Boolean);
    expect(COMPETENCES.map((c) => c.name)).toEqual(names);
    expect([...NJI_COMPETENCIES]).toEqual(names);
  });

  it('gives every competence two to four indicators in both languages, without gendered words', () => {
    for (const c of COMPETENCES) {
      expect(c.indicators.nl.length).toBeGreaterThanOrEqual(2);
      expect(c.indicators.nl.length).toBeLessThanOrEqual(4);
      expect(c.indicators.en).toHaveLength(c.indicators.nl.length);
      for (const line of c.indicators.nl) expect(line).not.toMatch(/\b(hij|zij|hem|haar|zijn)\b/i);
    }
  });

  it('has the four steps of the 4D model, each with a prompt, and a short level scale', () => {
    expect(STEPS).toEqual(['ontdekken', 'dromen', 'ontwerpen', 'doen']);
    for (const s of STEPS) expect(STEP_PROMPTS[s].nl).toMatch(/\?/);
    expect(LEVELS).toEqual(['oriënterend', 'op weg', 'zelfstandig']);
  });
});

describe('recording the four steps', () => {
  it('takes each step by its Dutch name or the study’s English word; doen is the agreements', () => {
    const v = accepted({
      ...base,
      steps: {
        Discovery: ' Goed contact met 2B. ',
        dromen: 'Zelf een les geven.',
        design: 'Lesopzet met Jan.',
        delivery: 'Les voorbereiden.',
      },
    });
    expect(v).toMatchObject({
      discovery: 'Goed contact met 2B.',
      dream: 'Zelf een les geven.',
      design: 'Lesopzet met Jan.',
      agreements: 'Les voorbereiden.',
    });
  });

  it('requires doen, refuses an unknown step and too long a text', () => {
    expect(refused({ ...base, steps: { ontdekken: 'x' } })).toMatchObject({
      field: 'agreements',
      code: 'missing',
    });
    expect(refused({ ...base, steps: { doen: 'x', fantaseren: 'y' } })).toMatchObject({
      field: 'steps',
      code: 'notStep',
      params: { value: 'fantaseren' },
    });
    expect(refused({ ...base, steps: 'doen' })).toMatchObject({ field: 'steps', code: 'notSteps' });
    expect(refused({ ...base, steps: { doen: 'x', dromen: 'd'.repeat(MAX_STEP + 1) } })).toMatchObject({
      field: 'steps',
      code: 'tooLong',
      params: { max: MAX_STEP },
    });
    expect(refused({ ...base, worries: 'z'.repeat(MAX_STEP + 1) })).toMatchObject({
      field: 'worries',
      code: 'tooLong',
    });
    expect(accepted({ ...base, worries: '  Spannend met klas 3.  ' }).worries).toBe('Spannend met klas 3.');
  });
});

describe('competence levels', () => {
  it('accepts a list or an object, names short or exact, levels as words or 1–3', () => {
    const list = accepted({
      ...base,
      levels: [
        { competence: 'reflectie en ontwikkeling', level: 3 },
        { competence: IP, level: 'Op weg' },
        { competence: 'organisational', level: 'orienting' },
      ],
    });
    // In the profile's order, and each counted as discussed.
    expect(list.levels).toEqual([
      { competence: IP, level: 'op weg' },
      { competence: ORG, level: 'oriënterend' },
      { competence: REFL, level: 'zelfstandig' },
    ]);
    expect(list.competencies).toEqual([IP, ORG, REFL]);
    expect(accepted({ ...base, levels: { interpersoonlijk: '1' } }).levels).toEqual([
      { competence: IP, level: 'oriënterend' },
    ]);
  });

  it('refuses an unknown competence, a level out of range and a competence twice', () => {
    expect(refused({ ...base, levels: [{ competence: 'geduld', level: 1 }] })).toEqual({
      field: 'levels',
      code: 'notCompetency',
      params: { index: 0, value: 'geduld' },
    });
    for (const level of [0, 4, 2.5, 'expert', '', null])
      expect(refused({ ...base, levels: [{ competence: IP, level }] })).toMatchObject({
        field: 'levels',
        code: 'notLevel',
        params: { competence: 'interpersoonlijk' },
      });
    expect(
      refused({
        ...base,
        levels: [
          { competence: IP, level: 1 },
          { competence: 'interpersoonlijk', level: 2 },
        ],
      }),
    ).toMatchObject({ code: 'twice' });
    expect(refused({ ...base, levels: 'interpersoonlijk: 2' })).toMatchObject({ code: 'notList' });
  });

  it('writes and reads the levels cell with short labels, keeping what a person typed', () => {
    const cell = formatLevels([
      { competence: IP, level: 'op weg' },
      { competence: REFL, level: 'zelfstandig' },
    ]);
    expect(cell).toBe('interpersoonlijk: op weg; reflectie en ontwikkeling: zelfstandig');
    expect(parseLevels(cell)).toEqual([
      { competence: IP, level: 'op weg' },
      { competence: REFL, level: 'zelfstandig' },
    ]);
    expect(parseLevels('eigen punt: op weg; kapot; organisatorisch: ??')).toEqual([
      { competence: 'eigen punt', level: 'op weg' },
    ]);
  });
});

describe('onboarding goals', () => {
  const goal = { goal: 'Eigen klas draaien', start: 'meelopen', end: 'zelfstandig lesgeven' };

  it('takes one to three goals, op koers unless said otherwise', () => {
    expect(accepted({ ...base, goals: [goal] }).goals).toEqual([{ ...goal, status: 'op koers' }]);
    expect(accepted({ ...base, goals: [{ ...goal, status: 'Achieved' }] }).goals[0]!.status).toBe('bereikt');
    expect(refused({ ...base, goals: [goal, goal, goal, goal] })).toEqual({
      field: 'goals',
      code: 'tooManyGoals',
      params: { max: 3 },
    });
  });

  it('refuses a goal without text, an unknown status, an unknown key and too long a text', () => {
    expect(refused({ ...base, goals: [goal, { start: 'x' }] })).toMatchObject({
      code: 'notGoal',
      params: { index: 2 },
    });
    expect(refused({ ...base, goals: [{ ...goal, status: 'klaar' }] })).toMatchObject({
      code: 'notGoalStatus',
    });
    expect(refused({ ...base, goals: [{ ...goal, note: 'x' }] })).toMatchObject({ code: 'notGoal' });
    expect(refused({ ...base, goals: [{ ...goal, end: 'e'.repeat(MAX_GOAL + 1) }] })).toMatchObject({
      field: 'goals',
      code: 'tooLong',
    });
  });

  it('keeps one goal to one line of its cell', () => {
    const v = accepted({ ...base, goals: [{ goal: 'Rust | structuur\nin de klas', status: 'bijgesteld' }] });
    const cell = formatGoals(v.goals);
    expect(cell).toBe('Rust / structuur in de klas |  |  | bijgesteld');
    expect(parseGoals(cell)).toEqual([
      { goal: 'Rust / structuur in de klas', start: '', end: '', status: 'bijgesteld' },
    ]);
  });

  it('stand as at the latest held check-in that has goals', () => {
    const rows = [
      row({ held: '2027-01-08', goals: 'A | x | y | op koers' }),
      row({ planned: '2027-01-22', held: '2027-01-15', goals: 'A | x | y | bereikt\nB | p | q | op koers' }),
      row({ planned: '2027-01-29', held: '' }),
    ];
    expect(currentGoals(rows).map((g) => [g.goal, g.status])).toEqual([
      ['A', 'bereikt'],
      ['B', 'op koers'],
    ]);
    expect(checkInFields(accepted(base), BERT, currentGoals(rows)).goals).toBe(
      'A | x | y | bereikt\nB | p | q | op koers',
    );
  });
});

describe('growth per competence', () => {
  it('follows each competence over the held check-ins, the buddy’s view and the newcomer’s own', () => {
    const rows = [
      row({
        planned: '2027-01-22',
        held: '2027-01-15',
        levels: 'interpersoonlijk: op weg',
        newcomerLevels: 'interpersoonlijk: op weg',
      }),
      row({ held: '2027-01-08', levels: 'organisatorisch: oriënterend; interpersoonlijk: oriënterend' }),
      row({ planned: '2027-01-29', held: '', levels: 'interpersoonlijk: zelfstandig' }),
    ];
    expect(growth(rows)).toEqual([
      {
        competence: IP,
        points: [
          { date: '2027-01-08', level: 1 },
          { date: '2027-01-15', level: 2 },
        ],
        own: [{ date: '2027-01-15', level: 2 }],
      },
      { competence: ORG, points: [{ date: '2027-01-08', level: 1 }], own: [] },
    ]);
    const t = timeline(NINA, { schedule: [], checkIns: rows, today: TODAY, settings: SETTINGS });
    expect(t.growth).toHaveLength(2);
    expect(t.checkIns[0]!.levels).toEqual([
      { competence: ORG, level: 'oriënterend' },
      { competence: IP, level: 'oriënterend' },
    ]);
  });
});

describe('the klik alert to the chef buddy', () => {
  it('is raised by a niet from either side, and by twijfel twice in a row from the same side', () => {
    const first = row({ held: '2027-01-08', click: 'twijfel' });
    expect(clickAlertReason(row({ held: '2027-01-15', click: 'niet' }), undefined)).toBe('niet');
    expect(
      clickAlertReason(row({ held: '2027-01-15', click: 'goed', newcomerClick: 'niet' }), undefined),
    ).toBe('niet');
    expect(clickAlertReason(row({ held: '2027-01-15', click: 'twijfel' }), first)).toBe('tweeKeerTwijfel');
    expect(clickAlertReason(row({ held: '2027-01-15', click: 'twijfel' }), undefined)).toBeNull();
    expect(
      clickAlertReason(row({ held: '2027-01-15', click: 'goed', newcomerClick: 'twijfel' }), first),
    ).toBeNull();
    expect(clickAlertReason(row({ held: '', click: 'niet' }), undefined)).toBeNull();
  });

  it('is due once per check-in: not again once its cell holds a state', () => {
    const rows = [
      row({ held: '2027-01-08', click: 'twijfel' }),
      row({ planned: '2027-01-15', held: '2027-01-15', click: 'twijfel' }),
    ];
    const due = dueReminders(rows, TODAY, SETTINGS).filter((d) => d.kind === 'chiefKlik');
    expect(due).toEqual([
      expect.objectContaining({
        index: 1,
        field: 'clickAlert',
        newcomer: NINA,
        klik: { reason: 'tweeKeerTwijfel', held: '2027-01-15' },
      }),
    ]);
    rows[1] = { ...rows[1]!, clickAlert: 'verzonden 2027-01-20 08:00' };
    expect(dueReminders(rows, TODAY, SETTINGS).filter((d) => d.kind === 'chiefKlik')).toEqual([]);
  });

  it('does not dig up old check-ins, newcomers out of onboarding, or sheets without the column', () => {
    const old = [row({ held: '2027-01-01', click: 'niet' })];
    expect(dueReminders(old, TODAY, SETTINGS).some((d) => d.kind === 'chiefKlik')).toBe(false);
    const recent = [row({ held: '2027-01-15', click: 'niet' })];
    expect(dueReminders(recent, TODAY, SETTINGS).some((d) => d.kind === 'chiefKlik')).toBe(true);
    expect(
      dueReminders(recent, TODAY, SETTINGS, { inOnboarding: new Set() }).some((d) => d.kind === 'chiefKlik'),
    ).toBe(false);
    expect(
      dueReminders(recent, TODAY, SETTINGS, { clickAlerts: false }).some((d) => d.kind === 'chiefKlik'),
    ).toBe(false);
  });
});

describe('the closing summary page', () => {
  it('holds goals, last levels and agreements, escapes every value, and never notes or worries', () => {
    const rows = [
      row({
        held: '2027-01-08',
        levels: 'interpersoonlijk: oriënterend',
        goals: '<img src=x onerror=alert(1)> | a | b | op koers',
        notes: 'NOTITIE-1',
        worries: 'ZORG-1',
        agreements: 'Eerst meelopen.',
      }),
      row({
        planned: '2027-01-22',
        held: '2027-01-22',
        levels: 'interpersoonlijk: zelfstandig',
        goals: '<img src=x onerror=alert(1)> | a | b | bereikt',
        notes: 'NOTITIE-2',
        agreements: 'Na het inwerken: intervisie.',
      }),
    ];
    const summary = closingSummary(rows);
    expect(summary).toMatchObject({
      competences: [{ competence: IP, level: 'zelfstandig', date: '2027-01-22' }],
      agreements: 'Na het inwerken: intervisie.',
    });
    const texts = Object.fromEntries(
      [
        'title',
        'intro',
        'goals',
        'noGoals',
        'from',
        'to',
        'competences',
        'noLevels',
        'agreements',
        'noAgreements',
        'footer',
      ].map((k) => [k, k]),
    ) as unknown as SummaryTexts;
    const html = summaryHtml(summary, texts);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<td>bereikt</td>');
    for (const secret of ['NOTITIE-1', 'NOTITIE-2', 'ZORG-1']) expect(html).not.toContain(secret);
  });
});
