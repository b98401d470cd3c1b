import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CheckInRow,
  checkInFields,
  checkInState,
  checkInStates,
  dueReminders,
  MAX_AGREEMENTS,
  MAX_NOTES,
  parseCompetencies,
  repairSignal,
  timeline,
  validateCheckIn,
  validateSkipReason,
} from '../../src/core/checkins';
import { addDays } from '../../src/core/dates';
import { personKey } from '../../src/core/identity';
import type { RowOf } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';
import { aRow } from '../support/builders';

const SETTINGS = readSettings([]).settings; // grace 3, reminder 2 days before, chief after 7 days late
const NINA = personKey('nina@school.example');
const BERT = personKey('bert@school.example');
const BEA = personKey('bea@school.example');
const PLANNED = '2027-01-08';

function aCheckIn(patch: Partial<CheckInRow> = {}): CheckInRow {
  return aRow('checkIns', { newcomer: NINA, buddy: BERT, planned: PLANNED, ...patch });
}

// The buddy as the sheet reads the cell (any spelling of the address).
const heldOn = (held: string, click: CheckInRow['click'], buddy: string = BERT) =>
  aCheckIn({ planned: held, held, click, buddy: personKey(buddy) });

describe('the state of a check-in', () => {
  it('is gepland up to and including the last day of grace', () => {
    expect(checkInState(aCheckIn(), '2027-01-01', SETTINGS)).toEqual({ state: 'gepland' });
    expect(checkInState(aCheckIn(), PLANNED, SETTINGS)).toEqual({ state: 'gepland' });
    expect(checkInState(aCheckIn(), '2027-01-11', SETTINGS)).toEqual({ state: 'gepland' });
  });

  it('is te laat from the day after the grace, counting days from the planned day', () => {
    expect(checkInState(aCheckIn(), '2027-01-12', SETTINGS)).toEqual({ state: 'te laat', daysLate: 4 });
    expect(checkInState(aCheckIn(), '2027-02-07', SETTINGS)).toEqual({ state: 'te laat', daysLate: 30 });
  });

  it('is late the day after the planned day when there is no grace', () => {
    const noGrace = { checkInGraceDays: 0 };
    expect(checkInState(aCheckIn(), PLANNED, noGrace).state).toBe('gepland');
    expect(checkInState(aCheckIn(), '2027-01-09', noGrace)).toEqual({ state: 'te laat', daysLate: 1 });
  });

  it('is the same for many check-ins at once as for each alone', () => {
    const rows = [
      aCheckIn(),
      aCheckIn({ planned: '2027-01-02' }),
      aCheckIn({ held: '2027-01-09' }),
      aCheckIn({ skipped: 'ziek' }),
      aCheckIn({ planned: '' }),
    ];
    for (const today of ['2027-01-08', '2027-01-12', '2027-03-01'])
      expect(checkInStates(rows, today, SETTINGS)).toEqual(rows.map((r) => checkInState(r, today, SETTINGS)));
  });

  it('is overgeslagen with a reason, however late', () => {
    const row = aCheckIn({ skipped: 'zieke week' });
    expect(checkInState(row, '2027-03-01', SETTINGS)).toEqual({ state: 'overgeslagen' });
  });

  it('takes a reason of only spaces as no reason', () => {
    expect(checkInState(aCheckIn({ skipped: '  ' }), '2027-03-01', SETTINGS).state).toBe('te laat');
  });

  it('is gehouden once held, also when held late or after a skip', () => {
    const row = aCheckIn({ held: '2027-01-20', skipped: 'eerst overgeslagen' });
    expect(checkInState(row, '2027-03-01', SETTINGS)).toEqual({ state: 'gehouden' });
  });

  it('is gepland without a planned day', () => {
    expect(checkInState(aCheckIn({ planned: '' }), '2030-01-01', SETTINGS)).toEqual({ state: 'gepland' });
  });

  it('is late exactly when more than the grace days have passed (any day, any grace)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 400 }), fc.integer({ min: 0, max: 30 }), (offset, grace) => {
        const today = addDays(PLANNED, offset);
        const s = checkInState(aCheckIn(), today, { checkInGraceDays: grace });
        if (offset > grace) expect(s).toEqual({ state: 'te laat', daysLate: offset });
        else expect(s).toEqual({ state: 'gepland' });
      }),
    );
  });
});

describe('recording a check-in from the sidebar', () => {
  const TODAY = '2027-01-10';
  const valid = {
    held: '2027-01-08',
    phase: 'ontdekken',
    competencies: ['orthopedagogisch', 'interpersoonlijk'],
    wellbeing: 4,
    click: 'goed',
    agreements: '  Meelopen bij Jan op dinsdag.  ',
    notes: 'Vertrouwelijk.',
  };
  const refused = (input: unknown) => {
    const r = validateCheckIn(input, TODAY);
    if (r.ok) throw new Error('expected a refusal');
    return { field: r.field, code: r.code, params: r.params };
  };
  const accepted = (input: unknown) => {
    const r = validateCheckIn(input, TODAY);
    if (!r.ok) throw new Error(`refused: ${r.field} ${r.code}`);
    return r.value;
  };

  it('accepts a complete check-in, trims texts and orders competencies as in the NJI profile', () => {
    expect(accepted(valid)).toEqual({
      planned: '',
      held: '2027-01-08',
      phase: 'ontdekken',
      discovery: '',
      dream: '',
      design: '',
      competencies: [
        'interpersoonlijk competent in de omgang met leerlingen',
        'orthopedagogisch competent in de omgang met leerlingen',
      ],
      levels: [],
      goals: [],
      worries: '',
      wellbeing: 4,
      click: 'goed',
      agreements: 'Meelopen bij Jan op dinsdag.',
      notes: 'Vertrouwelijk.',
    });
  });

  // Issue 14 changed this: "doen" (the agreements) is required, the one 4D label no longer is.
  it('accepts a check-in without phase, competencies and notes, but not without "doen"', () => {
    const { competencies, phase, notes, ...rest } = valid;
    expect(accepted(rest)).toMatchObject({ phase: '', competencies: [], notes: '' });
    expect(accepted({ ...rest, competencies: [] }).competencies).toEqual([]);
    expect(refused({ ...rest, agreements: '  ' })).toMatchObject({ field: 'agreements', code: 'missing' });
    expect(refused({ ...rest, agreements: undefined, click: undefined })).toMatchObject({
      code: 'missingMany',
      params: { fields: 'click,agreements' },
    });
  });

  it('refuses anything but a plain object', () => {
    for (const input of [null, undefined, 'x', 4, [valid], new Date()]) {
      expect(refused(input)).toEqual({ field: '', code: 'notObject', params: {} });
    }
  });

  it('refuses unknown fields, naming them', () => {
    expect(refused({ ...valid, buddy: 'x' })).toMatchObject({ field: 'buddy', code: 'unknownField' });
    expect(refused({ ...valid, Notes: 'x' })).toMatchObject({ field: 'Notes', code: 'unknownField' });
    expect(refused({ ...valid, ['x'.repeat(500)]: 1 }).field).toHaveLength(40);
  });

  it('checks the day held', () => {
    expect(refused({ ...valid, held: undefined })).toMatchObject({ field: 'held', code: 'missing' });
    expect(refused({ ...valid, held: '' })).toMatchObject({ field: 'held', code: 'missing' });
    expect(refused({ ...valid, held: '2027-02-30' })).toMatchObject({ field: 'held', code: 'notDate' });
    expect(refused({ ...valid, held: '08-01-2027' })).toMatchObject({ field: 'held', code: 'notDate' });
    expect(refused({ ...valid, held: 20270108 })).toMatchObject({ field: 'held', code: 'notDate' });
    expect(refused({ ...valid, held: '2027-01-11' })).toEqual({
      field: 'held',
      code: 'future',
      params: { today: TODAY },
    });
    expect(accepted({ ...valid, held: TODAY }).held).toBe(TODAY);
  });

  it("checks the 4D phase of older clients, in the study's English words too", () => {
    expect(accepted({ ...valid, phase: undefined }).phase).toBe('');
    expect(accepted({ ...valid, phase: 'Discovery' }).phase).toBe('ontdekken');
    expect(accepted({ ...valid, phase: 'delivery' }).phase).toBe('doen');
    expect(refused({ ...valid, phase: 'fantaseren' })).toMatchObject({ field: 'phase', code: 'notPhase' });
    expect(refused({ ...valid, phase: 3 })).toMatchObject({ field: 'phase', code: 'notPhase' });
    expect(accepted({ ...valid, phase: ' Doen ' }).phase).toBe('doen');
  });

  it('checks the competencies one by one', () => {
    expect(refused({ ...valid, competencies: 'interpersoonlijk' })).toMatchObject({
      field: 'competencies',
      code: 'notList',
    });
    expect(refused({ ...valid, competencies: Array(21).fill('interpersoonlijk') }).code).toBe('notList');
    expect(refused({ ...valid, competencies: ['interpersoonlijk', 'geduld'] })).toEqual({
      field: 'competencies',
      code: 'notCompetency',
      params: { index: 1, value: 'geduld' },
    });
    expect(refused({ ...valid, competencies: [7] }).code).toBe('notCompetency');
    // A straight apostrophe, other case and a repeat are all the same competency.
    expect(
      accepted({ ...valid, competencies: ["Samenwerking collega's", 'samenwerking collega’s'] }).competencies,
    ).toEqual(['competent in samenwerking met collega’s']);
    // The study's own wording (issue 14: it used to be refused) and the English label.
    expect(
      accepted({
        ...valid,
        competencies: [
          'interpersoonlijk competent in de omgang met leerlingen',
          'Reflection and development',
        ],
      }).competencies,
    ).toEqual([
      'interpersoonlijk competent in de omgang met leerlingen',
      'competent in reflectie en ontwikkeling',
    ]);
  });

  it('checks wellbeing: a whole number from 1 to 5', () => {
    expect(refused({ ...valid, wellbeing: undefined })).toMatchObject({
      field: 'wellbeing',
      code: 'missing',
    });
    for (const wellbeing of [0, 6, 3.5, -1, Number.NaN, true, '6', 'vier', [4]]) {
      expect(refused({ ...valid, wellbeing })).toMatchObject({ field: 'wellbeing', code: 'notWellbeing' });
    }
    expect(accepted({ ...valid, wellbeing: 1 }).wellbeing).toBe(1);
    expect(accepted({ ...valid, wellbeing: '5' }).wellbeing).toBe(5);
  });

  it('checks the klik', () => {
    expect(refused({ ...valid, click: undefined })).toMatchObject({ field: 'click', code: 'missing' });
    expect(refused({ ...valid, click: 'misschien' })).toMatchObject({ field: 'click', code: 'notClick' });
    expect(accepted({ ...valid, click: 'Twijfel' }).click).toBe('twijfel');
    expect(accepted({ ...valid, click: 'niet' }).click).toBe('niet');
  });

  it('checks the agreements: text of at most 2000 characters', () => {
    expect(refused({ ...valid, agreements: 12 })).toMatchObject({ field: 'agreements', code: 'notText' });
    expect(refused({ ...valid, agreements: 'a'.repeat(MAX_AGREEMENTS + 1) })).toEqual({
      field: 'agreements',
      code: 'tooLong',
      params: { max: 2000 },
    });
    expect(accepted({ ...valid, agreements: `  ${'a'.repeat(MAX_AGREEMENTS)}  ` }).agreements).toHaveLength(
      2000,
    );
  });

  it('checks the notes: optional text of at most 5000 characters', () => {
    expect(refused({ ...valid, notes: { text: 'x' } })).toMatchObject({ field: 'notes', code: 'notText' });
    expect(refused({ ...valid, notes: 'n'.repeat(MAX_NOTES + 1) })).toEqual({
      field: 'notes',
      code: 'tooLong',
      params: { max: 5000 },
    });
    expect(accepted({ ...valid, notes: 'n'.repeat(MAX_NOTES) }).notes).toHaveLength(5000);
  });

  it('reports the first problem in field order', () => {
    expect(refused({ held: 'gisteren', phase: 'x', wellbeing: 9, click: 'x', agreements: 'a' }).field).toBe(
      'held',
    );
  });

  it('never throws, whatever it is sent', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = validateCheckIn(input, TODAY);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });

  it('turns a check-in into its cells, clearing a skip reason', () => {
    const fields = checkInFields(accepted(valid), personKey(' Bert@School.example '));
    expect(fields).toEqual({
      held: '2027-01-08',
      phase: 'ontdekken',
      competency: 'interpersoonlijk, orthopedagogisch',
      wellbeing: 4,
      click: 'goed',
      agreements: 'Meelopen bij Jan op dinsdag.',
      notes: 'Vertrouwelijk.',
      skipped: '',
      recordedBy: BERT,
      discovery: '',
      dream: '',
      design: '',
      worries: '',
      levels: '',
      goals: '',
    });
    expect(parseCompetencies(fields.competency)).toEqual([
      'interpersoonlijk competent in de omgang met leerlingen',
      'orthopedagogisch competent in de omgang met leerlingen',
    ]);
  });

  it('reads a competency cell loosely and keeps what a person typed', () => {
    expect(parseCompetencies("Reflectie en ontwikkeling; samenwerking collega's, eigen doel, ")).toEqual([
      'competent in reflectie en ontwikkeling',
      'competent in samenwerking met collega’s',
      'eigen doel',
    ]);
    expect(parseCompetencies('')).toEqual([]);
  });

  it('checks a skip reason', () => {
    expect(validateSkipReason('  Ziek  ')).toEqual({ ok: true, value: 'Ziek' });
    expect(validateSkipReason('  ')).toMatchObject({ ok: false, field: 'reason', code: 'missing' });
    expect(validateSkipReason(undefined)).toMatchObject({ ok: false, code: 'missing' });
    expect(validateSkipReason(5)).toMatchObject({ ok: false, code: 'notText' });
    expect(validateSkipReason('r'.repeat(501))).toMatchObject({
      ok: false,
      code: 'tooLong',
      params: { max: 500 },
    });
  });
});

describe('the re-pairing signal', () => {
  it('is raised by a "niet"', () => {
    expect(repairSignal([heldOn('2027-01-08', 'goed'), heldOn('2027-01-15', 'niet')])).toEqual({
      reason: 'niet',
      date: '2027-01-15',
    });
  });

  it('is raised by two "twijfel" in a row, dated at the second', () => {
    expect(repairSignal([heldOn('2027-01-08', 'twijfel'), heldOn('2027-01-15', 'twijfel')])).toEqual({
      reason: 'tweeKeerTwijfel',
      date: '2027-01-15',
    });
  });

  it('is not raised by one "twijfel", nor by twijfel-goed-twijfel', () => {
    expect(repairSignal([heldOn('2027-01-08', 'twijfel')])).toBeNull();
    expect(
      repairSignal([
        heldOn('2027-01-08', 'twijfel'),
        heldOn('2027-01-15', 'goed'),
        heldOn('2027-01-22', 'twijfel'),
      ]),
    ).toBeNull();
  });

  it('is cleared by a later "goed", but not by a "twijfel" after a "niet"', () => {
    expect(repairSignal([heldOn('2027-01-08', 'niet'), heldOn('2027-01-15', 'goed')])).toBeNull();
    expect(repairSignal([heldOn('2027-01-08', 'niet'), heldOn('2027-01-15', 'twijfel')])).toEqual({
      reason: 'niet',
      date: '2027-01-08',
    });
  });

  it('orders by the day held, not by row order', () => {
    const rows = [
      heldOn('2027-01-22', 'twijfel'),
      heldOn('2027-01-08', 'twijfel'),
      heldOn('2027-01-15', 'goed'),
    ];
    expect(repairSignal(rows)).toBeNull();
    const later = [heldOn('2027-01-22', 'goed'), heldOn('2027-01-08', 'niet')];
    expect(repairSignal(later)).toBeNull();
  });

  it('reads only held check-ins with a klik', () => {
    const rows = [
      heldOn('2027-01-08', 'twijfel'),
      aCheckIn({ planned: '2027-01-12', click: 'goed' }), // not held: typed ahead, does not count
      heldOn('2027-01-13', ''), // held without a klik: passed over
      heldOn('2027-01-15', 'twijfel'),
    ];
    expect(repairSignal(rows)).toEqual({ reason: 'tweeKeerTwijfel', date: '2027-01-15' });
  });

  it('with the current buddy, forgets what was said about an earlier buddy', () => {
    const rows = [
      heldOn('2027-01-08', 'niet', BEA),
      heldOn('2027-01-15', 'twijfel', BEA),
      heldOn('2027-01-22', 'twijfel'),
    ];
    expect(repairSignal(rows)).toEqual({ reason: 'tweeKeerTwijfel', date: '2027-01-22' });
    expect(repairSignal(rows.slice(0, 2).concat(heldOn('2027-01-22', 'goed')), BERT)).toBeNull();
    expect(
      repairSignal([heldOn('2027-01-15', 'twijfel', BEA), heldOn('2027-01-22', 'twijfel')], BERT),
    ).toBeNull();
    expect(repairSignal([heldOn('2027-01-08', 'niet', ' Bea@School.example ')], BEA)).toEqual({
      reason: 'niet',
      date: '2027-01-08',
    });
  });
});

describe("a newcomer's timeline", () => {
  const TODAY = '2027-01-25';
  const MARKER = 'GEHEIM-7f3a';
  const sched = (week: number | null, done: boolean, newcomer = NINA): RowOf<'schedule'> => ({
    newcomer,
    date: '2027-01-04',
    week,
    activity: 'Meelopen',
    with: '',
    kind: 'meelopen',
    done,
    check: '',
  });
  const schedule = [
    sched(2, false),
    sched(1, true),
    sched(1, true),
    sched(null, false),
    sched(2, true),
    sched(1, true, BEA),
  ];
  const checkIns = [
    aCheckIn({ planned: '2027-01-29' }),
    aCheckIn({
      planned: '2027-01-15',
      held: '2027-01-15',
      phase: 'dromen',
      competency: 'reflectie en ontwikkeling',
      wellbeing: 3,
      click: 'twijfel',
      agreements: '',
      notes: MARKER,
    }),
    aCheckIn({
      planned: '2027-01-08',
      held: '2027-01-08',
      phase: 'ontdekken',
      competency: 'interpersoonlijk, orthopedagogisch',
      wellbeing: 4,
      click: 'goed',
      agreements: 'Regels van de locatie doorlezen.',
      notes: MARKER,
    }),
    aCheckIn({ planned: '2027-01-20' }),
    aCheckIn({ planned: '2027-01-12', skipped: 'studiedag' }),
    aCheckIn({ newcomer: BEA, planned: '2027-01-08', held: '2027-01-08', wellbeing: 1, notes: MARKER }),
  ];
  const t = timeline(personKey(' Nina@School.example'), {
    schedule,
    checkIns,
    today: TODAY,
    settings: SETTINGS,
  });

  it('counts schedule progress overall and per week (no week last)', () => {
    expect(t.schedule).toEqual({
      done: 3,
      total: 5,
      byWeek: [
        { week: 1, done: 2, total: 2 },
        { week: 2, done: 1, total: 2 },
        { week: null, done: 0, total: 1 },
      ],
    });
  });

  it('lists the check-ins by planned day with their state, without notes', () => {
    expect(t.checkIns.map((c) => [c.planned, c.state, c.daysLate])).toEqual([
      ['2027-01-08', 'gehouden', null],
      ['2027-01-12', 'overgeslagen', null],
      ['2027-01-15', 'gehouden', null],
      ['2027-01-20', 'te laat', 5],
      ['2027-01-29', 'gepland', null],
    ]);
    expect(t.checkIns[0]).toEqual({
      planned: '2027-01-08',
      held: '2027-01-08',
      state: 'gehouden',
      daysLate: null,
      skipped: '',
      buddy: BERT,
      phase: 'ontdekken',
      competencies: [
        'interpersoonlijk competent in de omgang met leerlingen',
        'orthopedagogisch competent in de omgang met leerlingen',
      ],
      wellbeing: 4,
      click: 'goed',
      agreements: 'Regels van de locatie doorlezen.',
      // An older row: one 4D label, no steps, levels or goals (shown as such).
      discovery: '',
      dream: '',
      design: '',
      worries: '',
      levels: [],
      goals: [],
      newcomerLevels: [],
    });
    expect(t.checkIns[1]!.skipped).toBe('studiedag');
    expect(JSON.stringify(t)).not.toContain(MARKER);
    expect(JSON.stringify(t)).not.toContain('notes');
  });

  it('draws the wellbeing line and keeps the last agreements made', () => {
    expect(t.wellbeing).toEqual([
      { date: '2027-01-08', value: 4 },
      { date: '2027-01-15', value: 3 },
    ]);
    // The latest check-in made no agreements, so the ones before it still stand.
    expect(t.lastAgreements).toBe('Regels van de locatie doorlezen.');
    expect(t.lastAgreementsDate).toBe('2027-01-08');
  });

  it('names the next open check-in, a late one first, and is not done while any is open', () => {
    expect(t.nextCheckIn).toBe('2027-01-20');
    expect(t.allHeld).toBe(false);
  });

  it('is done when every check-in is held or skipped', () => {
    const closed = checkIns.filter((c) => c.held || c.skipped || c.newcomer !== NINA);
    const done = timeline(NINA, { schedule, checkIns: closed, today: TODAY, settings: SETTINGS });
    expect(done.allHeld).toBe(true);
    expect(done.nextCheckIn).toBeNull();
  });

  it('is not done without any check-in', () => {
    const none = timeline(personKey('nobody@school.example'), {
      schedule,
      checkIns,
      today: TODAY,
      settings: SETTINGS,
    });
    expect(none).toMatchObject({ allHeld: false, nextCheckIn: null, checkIns: [], wellbeing: [] });
    expect(none.schedule).toEqual({ done: 0, total: 0, byWeek: [] });
  });
});

describe('reminders', () => {
  const due = (rows: CheckInRow[], today: string) =>
    dueReminders(rows, today, SETTINGS).map((r) => [r.index, r.kind, r.field]);

  it('reminds the buddy from two days before up to the planned day', () => {
    expect(due([aCheckIn()], '2027-01-05')).toEqual([]);
    expect(due([aCheckIn()], '2027-01-06')).toEqual([[0, 'buddyBefore', 'reminder']]);
    expect(due([aCheckIn()], PLANNED)).toEqual([[0, 'buddyBefore', 'reminder']]);
    expect(due([aCheckIn()], '2027-01-09')).toEqual([]);
    expect(due([aCheckIn()], '2027-01-11')).toEqual([]);
  });

  it('tells the buddy once late, and the chef buddy from seven days past the planned day', () => {
    expect(due([aCheckIn()], '2027-01-12')).toEqual([[0, 'buddyLate', 'lateNotice']]);
    expect(due([aCheckIn()], '2027-01-14')).toEqual([[0, 'buddyLate', 'lateNotice']]);
    expect(due([aCheckIn()], '2027-01-15')).toEqual([
      [0, 'buddyLate', 'lateNotice'],
      [0, 'chiefLate', 'chiefNotice'],
    ]);
  });

  it('gives what the mail needs', () => {
    const [late] = dueReminders(
      [aCheckIn({ buddy: personKey(' Bert@School.example') })],
      '2027-01-12',
      SETTINGS,
    );
    expect(late).toMatchObject({
      index: 0,
      kind: 'buddyLate',
      field: 'lateNotice',
      state: { kind: 'none' },
      newcomer: NINA,
      buddy: BERT,
      planned: PLANNED,
      daysLate: 4,
    });
    const again = dueReminders([aCheckIn()], '2027-01-13', SETTINGS)[0]!;
    expect(again.id).toBe(late!.id);
    const chief = dueReminders([aCheckIn()], '2027-01-15', SETTINGS)[1]!;
    expect(chief.id).not.toBe(late!.id);
  });

  it('is not due for held or skipped check-ins, nor without a planned day', () => {
    const rows = [aCheckIn({ held: '2027-01-07' }), aCheckIn({ skipped: 'ziek' }), aCheckIn({ planned: '' })];
    for (const today of ['2027-01-07', '2027-01-12', '2027-01-20']) expect(due(rows, today)).toEqual([]);
  });

  it('is not due again once its state cell is filled, but is after "opnieuw"', () => {
    const filled = [
      'verzonden 2027-01-06 07:30',
      'mislukt: ongeldig adres',
      'onbekend sinds x',
      'overgeslagen: ziek',
    ];
    for (const cell of filled) {
      expect(due([aCheckIn({ reminder: cell })], '2027-01-07')).toEqual([]);
      expect(due([aCheckIn({ lateNotice: cell, chiefNotice: cell })], '2027-01-20')).toEqual([]);
    }
    const retry = dueReminders([aCheckIn({ reminder: 'opnieuw' })], '2027-01-07', SETTINGS);
    expect(retry.map((r) => r.state)).toEqual([{ kind: 'pending', due: '' }]);
  });

  it('reminds only about newcomers still in onboarding, when told who they are', () => {
    const rows = [aCheckIn(), aCheckIn({ newcomer: BEA })];
    const r = dueReminders(rows, '2027-01-07', SETTINGS, { inOnboarding: new Set([BEA]) });
    expect(r.map((x) => [x.index, x.newcomer])).toEqual([[1, BEA]]);
  });

  it('sends each reminder once over a term of daily runs that mark what they send', () => {
    // Any planned day, any gap between runs (the job may not run every day): each kind at most
    // once, and the late ones exactly once when runs continue long enough.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }),
        (plannedIn, gaps) => {
          const row: CheckInRow = aCheckIn({ planned: addDays('2027-01-01', plannedIn) });
          const rows = [row];
          const sent: string[] = [];
          let today = '2027-01-01';
          let lastRun = today;
          for (const gap of gaps) {
            lastRun = today;
            for (const r of dueReminders(rows, today, SETTINGS)) {
              sent.push(r.kind);
              rows[r.index] = { ...rows[r.index]!, [r.field]: `verzonden ${today} 07:00` };
            }
            today = addDays(today, gap);
          }
          for (const kind of ['buddyBefore', 'buddyLate', 'chiefLate'])
            expect(sent.filter((k) => k === kind).length).toBeLessThanOrEqual(1);
          if (lastRun >= addDays(row.planned, SETTINGS.chiefAlertDaysLate)) {
            expect(sent.filter((k) => k === 'buddyLate')).toHaveLength(1);
            expect(sent.filter((k) => k === 'chiefLate')).toHaveLength(1);
          }
        },
      ),
    );
  });
});
