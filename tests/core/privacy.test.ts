/** The privacy rules on their own (AVG): retention, right of access, erasure. Plans only, no tables. */
import { describe, expect, it } from 'vitest';
import { personKey } from '../../src/core/identity';
import {
  accessCsv,
  countActions,
  csvCell,
  ERASED,
  erasurePlan,
  OTHER_PERSON,
  type PrivacyTables,
  personRecords,
  retentionPlan,
} from '../../src/core/privacy';
import { aRow, staffRow } from '../support/builders';

const TODAY = '2027-06-01';
const TERMS = { retentionNotesMonths: 12, retentionRecordsMonths: 24 };

const anna = staffRow('Anna Nieuw', { email: personKey('anna@school.example'), status: 'nieuw' });
const bram = staffRow('Bram Buddy', { email: personKey('bram@school.example') });
const gone = staffRow('Gijs Weg', {
  email: personKey('gijs@school.example'),
  status: 'uit dienst',
  leftOn: '2024-01-31',
});

function tables(patch: Partial<PrivacyTables> = {}): PrivacyTables {
  return {
    staff: [anna, bram, gone],
    pairings: [],
    schedule: [],
    checkIns: [],
    whoToAsk: [],
    locations: [],
    log: [],
    ...patch,
  };
}

describe('retention', () => {
  it('removes the records of someone who left longer ago than the records term, and clears their packet state', () => {
    const t = tables({
      staff: [anna, bram, { ...gone, welcomeStatus: 'verzonden' }],
      schedule: [aRow('schedule', { newcomer: personKey('GIJS@school.example'), date: '2023-09-04' })],
      checkIns: [aRow('checkIns', { newcomer: personKey('gijs@school.example'), planned: '2023-09-08' })],
      pairings: [
        aRow('pairings', {
          newcomer: personKey('gijs@school.example'),
          buddy: bram.email,
          status: 'afgerond',
        }),
      ],
    });
    const plan = retentionPlan(t, TERMS, TODAY);
    expect(plan.actions).toEqual([
      { tab: 'staff', index: 2, reason: 'records', kind: 'clear', fields: ['welcomeStatus'] },
      { tab: 'schedule', index: 0, reason: 'records', kind: 'delete' },
      { tab: 'checkIns', index: 0, reason: 'records', kind: 'delete' },
      { tab: 'pairings', index: 0, reason: 'records', kind: 'delete' },
    ]);
    expect(countActions(plan.actions)).toEqual([
      { tab: 'staff', reason: 'records', rows: 1 },
      { tab: 'schedule', reason: 'records', rows: 1 },
      { tab: 'checkIns', reason: 'records', rows: 1 },
      { tab: 'pairings', reason: 'records', rows: 1 },
    ]);
  });

  it("keeps what is held ('Bewaren'), and someone who left recently; names the undated leaver", () => {
    const undated = staffRow('Uma', { email: personKey('uma@school.example'), status: 'uit dienst' });
    const held = { ...gone, hold: true };
    const recent = staffRow('Rik', {
      email: personKey('rik@school.example'),
      status: 'uit dienst',
      leftOn: '2026-01-31',
    });
    const t = tables({
      staff: [held, recent, undated],
      schedule: [aRow('schedule', { newcomer: gone.email }), aRow('schedule', { newcomer: recent.email })],
    });
    expect(retentionPlan(t, TERMS, TODAY)).toEqual({ actions: [], undated: [undated.email] });
  });

  it('clears notes and an ended pairing’s reason after the notes term from the end of onboarding', () => {
    const done = staffRow('Dirk', { email: personKey('dirk@school.example'), status: 'actief' });
    const t = tables({
      staff: [done, bram],
      pairings: [
        aRow('pairings', {
          newcomer: done.email,
          buddy: bram.email,
          status: 'afgerond',
          endedOn: '2026-03-01',
          reason: 'klaar',
        }),
      ],
      checkIns: [
        aRow('checkIns', { newcomer: done.email, planned: '2025-10-01', notes: 'Gaat goed', agreements: '' }),
        aRow('checkIns', { newcomer: done.email, planned: '2025-10-08', notes: 'Bewaard', hold: true }),
      ],
      log: [
        aRow('log', { at: '2025-05-31T10:00:00+02:00' }),
        aRow('log', { at: '2025-06-01T10:00:00+02:00' }),
      ],
    });
    expect(retentionPlan(t, TERMS, TODAY).actions).toEqual([
      { tab: 'checkIns', index: 0, reason: 'notes', kind: 'clear', fields: ['notes'] },
      { tab: 'pairings', index: 0, reason: 'pairReason', kind: 'clear', fields: ['reason'] },
      { tab: 'log', index: 0, reason: 'log', kind: 'delete' },
    ]);
    expect(retentionPlan(t, TERMS, '2027-02-28').actions).toEqual([]);
  });
});

describe('right of access', () => {
  const t = tables({
    pairings: [
      aRow('pairings', {
        newcomer: anna.email,
        buddy: bram.email,
        pairedBy: personKey('chef@school.example'),
      }),
    ],
    schedule: [
      aRow('schedule', {
        newcomer: personKey('zoe@school.example'),
        with: ' anna nieuw ',
        activity: 'Meelopen',
      }),
    ],
    checkIns: [
      aRow('checkIns', { newcomer: personKey('zoe@school.example'), buddy: anna.email, notes: 'over Zoë' }),
    ],
  });

  it('gives a newcomer their own rows with other people left out', () => {
    const rows = personRecords(personKey(' ANNA@school.example'), 'Anna Nieuw', t);
    expect(rows.map((r) => [r.tab, r.role])).toEqual([
      ['staff', 'self'],
      ['pairings', 'newcomer'],
      ['schedule', 'colleague'],
      ['checkIns', 'buddy'],
    ]);
    expect(rows[1]!.values).toMatchObject({ buddy: OTHER_PERSON, pairedBy: OTHER_PERSON });
    expect(rows[2]!.values.newcomer).toBe(OTHER_PERSON);
    expect(JSON.stringify(rows[3]!.values)).not.toContain('Zoë');
  });

  it('writes a CSV no spreadsheet runs as a formula', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('a;b "c"')).toBe('"a;b ""c"""');
    expect(csvCell(null)).toBe('');
    const csv = accessCsv(
      [{ tab: 'staff', role: 'self', values: { name: 'Anna', email: '', hold: false, yearsVso: 3 } }],
      (_, field) => field,
      (tab) => tab,
    );
    expect(csv).toBe('\uFEFFTabblad;Rol;Veld;Waarde\r\nstaff;self;name;Anna\r\nstaff;self;yearsVso;3\r\n');
  });
});

describe('erasure', () => {
  it('removes the person’s own rows and their name elsewhere, and ends a pairing they were buddy in', () => {
    const t = tables({
      pairings: [
        aRow('pairings', { newcomer: anna.email, buddy: bram.email, status: 'actief', pairedBy: bram.email }),
      ],
      schedule: [aRow('schedule', { newcomer: anna.email, with: 'Bram Buddy' })],
      checkIns: [aRow('checkIns', { newcomer: anna.email, buddy: bram.email, recordedBy: bram.email })],
      whoToAsk: [aRow('whoToAsk', { person: 'bram buddy', topic: 'Rooster' })],
      locations: [aRow('locations', { name: 'Noord', chiefBuddy: personKey('BRAM@school.example') })],
      log: [aRow('log', { user: bram.email, action: 'Koppeling' })],
    });
    const plan = erasurePlan(bram.email, 'Bram Buddy', t, TODAY);
    expect(plan).toEqual([
      { tab: 'staff', index: 1, kind: 'delete' },
      {
        tab: 'pairings',
        index: 0,
        kind: 'set',
        values: {
          buddy: '',
          pairedBy: '',
          status: 'beëindigd',
          reason: 'buddy verwijderd (AVG)',
          endedOn: TODAY,
        },
      },
      { tab: 'schedule', index: 0, kind: 'set', values: { with: ERASED } },
      { tab: 'checkIns', index: 0, kind: 'set', values: { buddy: '', recordedBy: '' } },
      { tab: 'whoToAsk', index: 0, kind: 'delete' },
      { tab: 'locations', index: 0, kind: 'set', values: { chiefBuddy: '' } },
      { tab: 'log', index: 0, kind: 'set', values: { user: ERASED } },
    ]);
    expect(erasurePlan(anna.email, 'Anna Nieuw', t, TODAY).filter((a) => a.kind === 'delete')).toHaveLength(
      4,
    );
  });

  it('never matches a person by an empty name', () => {
    const t = tables({ schedule: [aRow('schedule', { newcomer: anna.email, with: '' })] });
    expect(erasurePlan(personKey('niemand@school.example'), '', t, TODAY)).toEqual([]);
  });
});
