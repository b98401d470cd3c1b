/**
 * Issue 14, goals evaluated when the onboarding is closed: the optional evaluation of each current
 * goal (bereikt, deels bereikt, niet bereikt, with a remark) and the agreements for after, refused
 * with a Dutch message and nothing written on bad input, kept on the staff row, in the closing
 * summary, in the privacy export and gone with the staff row.
 */
import { describe, expect, it } from 'vitest';
import { closeOnboarding, recordCheckIn, skipCheckIn } from '../../src/app/checkins';
import { assignBuddy } from '../../src/app/pairing';
import { applyRetentionPurge, exportPersonData } from '../../src/app/privacy';
import { saveSchedule } from '../../src/app/schedule';
import { setupWorkbook } from '../../src/app/setup';
import { getClosingSummary } from '../../src/app/summary';
import { formatOutcomes, parseOutcomes, validateClosingEvaluation } from '../../src/core/closing';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const GOALS = [
  { goal: 'Zelf de mentorles geven', start: 'meelopen', end: 'zelfstandig', status: 'op koers' },
  { goal: 'Oudergesprek voeren', start: '', end: '', status: 'op koers' },
];

type World = ReturnType<typeof schoolWorld>;

/** Anna's check-ins held or skipped, the chef buddy about to close. */
function readyToClose(): World {
  const w = schoolWorld([bram, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  w.setNow('2027-01-15T16:00:00+01:00');
  w.setUser(bram.email);
  recordCheckIn(w.ctx(), anna.email, {
    held: '2027-01-15',
    steps: {
      ontdekken: 'Gaat goed.',
      dromen: 'Zelf lesgeven.',
      ontwerpen: 'Samen plannen.',
      doen: 'Meelopen.',
    },
    goals: GOALS,
    wellbeing: 4,
    click: 'goed',
  });
  w.setUser(chiefOf(HAVO));
  for (const r of w.gateway.rows('Check-ins').filter((x) => !x.Gehouden))
    skipCheckIn(w.ctx(), anna.email, (r.Gepland as { date: string }).date, 'Niet nodig');
  return w;
}

const staffRow = (w: World) => w.gateway.rows('Medewerkers').find((r) => r['E-mail'] === anna.email)!;
const pdfText = (content: string) => Buffer.from(content, 'base64').toString('utf8');

describe('the closing evaluation, pure', () => {
  const current = GOALS.map((g) => ({ ...g, status: 'op koers' as const }));
  it('accepts nothing, the three outcomes (Dutch or English, any case) and a remark', () => {
    expect(validateClosingEvaluation(undefined, current)).toEqual({
      ok: true,
      value: { goals: [], agreements: '' },
    });
    const r = validateClosingEvaluation(
      {
        goals: [
          { goal: 'zelf de mentorles geven', status: 'Bereikt', remark: 'Sinds week 3.' },
          { goal: 'Oudergesprek voeren', status: 'partly achieved' },
        ],
        agreements: ' Elke maand intervisie. ',
      },
      current,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        goals: [
          { goal: 'Zelf de mentorles geven', status: 'bereikt', remark: 'Sinds week 3.' },
          { goal: 'Oudergesprek voeren', status: 'deels bereikt', remark: '' },
        ],
        agreements: 'Elke maand intervisie.',
      },
    });
    if (r.ok) expect(parseOutcomes(formatOutcomes(r.value.goals))).toEqual(r.value.goals);
  });
  it.each([
    [{ goals: [{ goal: 'Iets anders', status: 'bereikt' }] }, 'unknownGoal'],
    [{ goals: [{ goal: 'Oudergesprek voeren', status: 'op koers' }] }, 'badStatus'],
    [{ goals: [{ goal: 'Oudergesprek voeren' }] }, 'badStatus'],
    [
      {
        goals: [
          { goal: 'Oudergesprek voeren', status: 'bereikt' },
          { goal: 'oudergesprek voeren', status: 'bereikt' },
        ],
      },
      'twice',
    ],
    [{ goals: [{ goal: 'Oudergesprek voeren', status: 'bereikt', remark: 'x'.repeat(301) }] }, 'tooLong'],
    [{ agreements: 'x'.repeat(2001) }, 'tooLong'],
    [{ agreements: 5 }, 'notObject'],
    [{ goals: 'bereikt' }, 'notObject'],
    ['bereikt', 'notObject'],
    [{ doelen: [] }, 'unknownField'],
  ])('refuses an evaluation (%#: %s)', (input, code) => {
    const r = validateClosingEvaluation(input, current);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe(code);
  });
});

describe('closing with an evaluation', () => {
  it('keeps it on the staff row, says so, and the summary PDF shows it', () => {
    const w = readyToClose();
    const result = closeOnboarding(w.ctx(), anna.email, {
      goals: [
        { goal: 'Zelf de mentorles geven', status: 'bereikt', remark: 'Sinds week 3 <zelf>.' },
        { goal: 'Oudergesprek voeren', status: 'niet bereikt' },
      ],
      agreements: 'Elke maand intervisie met Bram.',
    });
    expect(result.message).toContain('De evaluatie van de doelen is bewaard.');
    expect(staffRow(w)).toMatchObject({
      Status: 'actief',
      'Doelen bij afronding':
        'Zelf de mentorles geven | bereikt | Sinds week 3 <zelf>.\nOudergesprek voeren | niet bereikt',
      'Afspraken na inwerken': 'Elke maand intervisie met Bram.',
    });
    w.setUser(anna.email);
    const html = pdfText(getClosingSummary(w.ctx()).content);
    expect(html).toContain('Evaluatie bij de afronding');
    expect(html).toContain(
      '<td>Zelf de mentorles geven</td><td>bereikt</td><td>Sinds week 3 &lt;zelf&gt;.</td>',
    );
    expect(html).toContain('<td>Oudergesprek voeren</td><td>niet bereikt</td><td>—</td>');
    expect(html).toContain('<p>Afspraken bij de afronding: Elke maand intervisie met Bram.</p>');
    // The privacy export holds it with the staff row.
    w.setUser(LEADER);
    expect(JSON.stringify(exportPersonData(w.ctx(), anna.email))).toContain(
      'Elke maand intervisie met Bram.',
    );
  });

  it("is cleared with the check-ins' notes when the term has passed, and kept on hold", () => {
    const w = readyToClose();
    closeOnboarding(w.ctx(), anna.email, {
      goals: [{ goal: 'Oudergesprek voeren', status: 'bereikt', remark: 'Goed gegaan.' }],
      agreements: 'Intervisie.',
    });
    w.setUser(LEADER);
    w.setNow('2027-09-01T09:00:00+02:00');
    applyRetentionPurge(w.ctx());
    expect(staffRow(w)['Afspraken na inwerken']).toBe('Intervisie.');
    w.setNow('2028-09-01T09:00:00+02:00');
    applyRetentionPurge(w.ctx());
    expect(staffRow(w)).toMatchObject({
      Status: 'actief',
      'Doelen bij afronding': '',
      'Afspraken na inwerken': '',
    });
  });

  it('closes without one as before: no evaluation section, nothing in the new cells', () => {
    const w = readyToClose();
    expect(closeOnboarding(w.ctx(), anna.email).message).not.toContain('evaluatie');
    expect(staffRow(w)).toMatchObject({
      Status: 'actief',
      'Doelen bij afronding': '',
      'Afspraken na inwerken': '',
    });
    w.setUser(anna.email);
    expect(pdfText(getClosingSummary(w.ctx()).content)).not.toContain('Evaluatie bij de afronding');
  });

  it.each([
    [
      { goals: [{ goal: 'Lesgeven aan 3C', status: 'bereikt' }] },
      'Het doel "Lesgeven aan 3C" hoort niet bij de huidige doelen',
    ],
    [
      { goals: [{ goal: 'Oudergesprek voeren', status: 'half' }] },
      'Kies bij het doel "Oudergesprek voeren": bereikt, deels bereikt of niet bereikt.',
    ],
    [
      { agreements: 'x'.repeat(2001) },
      'Er staat te veel tekst bij "afspraken voor na het inwerken" (hoogstens 2000 tekens).',
    ],
    [
      { goals: [{ goal: 'Oudergesprek voeren', status: 'bereikt', remark: 'x'.repeat(301) }] },
      'Er staat te veel tekst bij "opmerking bij een doel"',
    ],
  ])('refuses a bad evaluation in Dutch and writes nothing (%#)', (evaluation, message) => {
    const w = readyToClose();
    const before = JSON.stringify([w.gateway.rows('Medewerkers'), w.gateway.rows('Koppelingen')]);
    let thrown: unknown;
    try {
      closeOnboarding(w.ctx(), anna.email, evaluation);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeDefined();
    expect(w.ctx().t((thrown as { key: never }).key, (thrown as { params: never }).params)).toContain(
      message,
    );
    expect(JSON.stringify([w.gateway.rows('Medewerkers'), w.gateway.rows('Koppelingen')])).toBe(before);
  });

  it('on a sheet from before the columns asks for setup, and setup adds them', () => {
    const w = readyToClose();
    const grid = w.gateway.tabs.get('Medewerkers')!;
    const keep = grid[0]!
      .map((h, i) => (String(h).match(/afronding|na inwerken/) ? -1 : i))
      .filter((i) => i >= 0);
    for (let r = 0; r < grid.length; r++) grid[r] = keep.map((i) => grid[r]![i]!);
    const evaluation = { goals: [{ goal: 'Oudergesprek voeren', status: 'deels bereikt' }] };
    expect(() => closeOnboarding(w.ctx(), anna.email, evaluation)).toThrow(
      expect.objectContaining({ key: 'schema.missingColumn' }),
    );
    expect(staffRow(w).Status).toBe('nieuw');
    w.setUser(LEADER);
    setupWorkbook(w.ctx());
    w.setUser(chiefOf(HAVO));
    closeOnboarding(w.ctx(), anna.email, evaluation);
    expect(staffRow(w)['Doelen bij afronding']).toBe('Oudergesprek voeren | deels bereikt');
  });
});
