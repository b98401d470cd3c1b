/**
 * Issue 14: the chef buddy's monthly report to the school leader: figures per location on the
 * previous month, a remark before it goes, sent once by the scheduled run (with the remark, or
 * without once the wait is over), no notes and no wellbeing of fewer than three people.
 */
import { describe, expect, it } from 'vitest';
import { recordCheckIn } from '../../src/app/checkins';
import { chiefMonthlyReports, getChiefReport, saveChiefReport } from '../../src/app/chiefReport';
import { runScheduledJobs } from '../../src/app/jobs';
import { assignBuddy } from '../../src/app/pairing';
import { saveSchedule } from '../../src/app/schedule';
import { plannedCheckIn } from '../../src/core/checkins';
import { chiefReportFigures, reportPeriod } from '../../src/core/chiefReport';
import { personKey } from '../../src/core/identity';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const NOTE = 'GEHEIM-8181';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

function world() {
  const w = schoolWorld([bram, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  w.setNow('2027-01-15T16:00:00+01:00');
  w.setUser(bram.email);
  recordCheckIn(w.ctx(), anna.email, {
    held: '2027-01-15',
    steps: { doen: 'Meelopen.' },
    levels: [{ competence: 'interpersoonlijk', level: 2 }],
    goals: [{ goal: 'Mentorles geven', status: 'bereikt' }],
    worries: 'ZORG-9090',
    wellbeing: 2,
    click: 'niet',
    notes: NOTE,
  });
  w.mails.length = 0;
  return w;
}

const reports = (w: ReturnType<typeof world>) => w.mails.filter((m) => m.subject.startsWith('Maandverslag'));

describe('the report period', () => {
  it('is the previous month, opens on the set day and goes N days later', () => {
    expect(reportPeriod('2027-02-03', 1, 5)).toEqual({
      month: '2027-01',
      from: '2027-01-01',
      to: '2027-01-31',
      opensOn: '2027-02-01',
      sendsOn: '2027-02-06',
    });
    // Before the day of this month, it is still last month's report that is open (or waiting).
    expect(reportPeriod('2027-02-02', 3, 5)).toMatchObject({ month: '2027-01', opensOn: '2027-02-03' });
    expect(reportPeriod('2027-03-10', 31, 2)).toMatchObject({
      month: '2027-02',
      opensOn: '2027-03-28',
      sendsOn: '2027-03-30',
    });
  });
});

describe('the figures', () => {
  it('count check-ins, goals, levels, signals and worries, and hide wellbeing of fewer than three people', () => {
    const w = world();
    const rows = w.gateway.rows('Check-ins');
    expect(rows.length).toBeGreaterThan(0);
    const staff = [anna, bram].map((s) => ({ ...s, status: s === anna ? 'nieuw' : 'actief' })) as never;
    const held = {
      ...plannedCheckIn(anna.email, bram.email, '2027-01-15'),
      held: '2027-01-15',
      click: 'niet' as const,
      wellbeing: 2,
      worries: 'x',
      levels: 'interpersoonlijk: op weg',
      goals: 'A |  |  | bereikt',
    };
    const f = chiefReportFigures({
      location: HAVO,
      period: { from: '2027-01-01', to: '2027-01-31' },
      staff,
      checkIns: [held, plannedCheckIn(anna.email, bram.email, '2027-01-22')],
    });
    expect(f).toMatchObject({
      newcomers: 1,
      held: 1,
      open: 1,
      clickSignals: 1,
      worries: 1,
      levels: 1,
      wellbeing: null,
      wellbeingPeople: 1,
    });
    expect(f.goals).toEqual({ 'op koers': 0, bereikt: 1, bijgesteld: 0 });
    const three = ['a', 'b', 'c'].map((n, i) => ({
      ...held,
      newcomer: personKey(`${n}@school.example`),
      wellbeing: 3 + i,
    }));
    const staff3 = ['a', 'b', 'c'].map((n) => ({
      email: `${n}@school.example`,
      location: HAVO,
      status: 'nieuw',
      startDate: '2027-01-04',
    })) as never;
    expect(
      chiefReportFigures({
        location: HAVO,
        period: { from: '2027-01-01', to: '2027-01-31' },
        staff: staff3,
        checkIns: three,
      }).wellbeing,
    ).toBe(4);
  });
});

describe('the chef buddy’s monthly report', () => {
  it('opens on the day, takes a remark from the location’s chef buddy only, and then goes once with it', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    w.setNow('2027-02-01T09:00:00+01:00');
    const dto = getChiefReport(w.ctx(), HAVO);
    expect(dto).toMatchObject({ month: '2027-01', open: true, state: 'wacht', remark: '' });
    expect(dto.lines.join('\n')).toContain('1 gehouden');
    expect(dto.lines.join('\n')).toContain('niet getoond');
    expect(JSON.stringify(dto)).not.toContain(NOTE);
    expect(JSON.stringify(dto)).not.toContain('ZORG-9090');
    expect(() => saveChiefReport(w.ctx(), HAVO, 'x'.repeat(1001), true)).toThrow(
      expect.objectContaining({ key: 'report.invalidRemark' }),
    );
    w.setUser(LEADER);
    expect(() => saveChiefReport(w.ctx(), HAVO, 'Van de leider', true)).toThrow(
      expect.objectContaining({ key: 'report.chiefOnly' }),
    );
    w.setUser(chiefOf('Onderbouw vmbo'));
    expect(() => getChiefReport(w.ctx(), HAVO)).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
    w.setUser(chiefOf(HAVO));
    // Saved, not yet ready: the run waits.
    saveChiefReport(w.ctx(), HAVO, 'Anna heeft een andere buddy nodig.', false);
    runScheduledJobs(w.ctx(), [chiefMonthlyReports]);
    expect(reports(w)).toHaveLength(0);
    expect(saveChiefReport(w.ctx(), HAVO, 'Anna heeft een andere buddy nodig.', true).state).toBe('klaar');
    runScheduledJobs(w.ctx(), [chiefMonthlyReports]);
    runScheduledJobs(w.ctx(), [chiefMonthlyReports]);
    const sent = reports(w).filter((m) => m.subject.includes(HAVO));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(LEADER);
    expect(sent[0]!.subject).toBe('Maandverslag inwerken Onderbouw havo, januari 2027');
    expect(sent[0]!.body).toContain('Opmerking van de chef buddy: Anna heeft een andere buddy nodig.');
    for (const secret of [NOTE, 'ZORG-9090', 'Meelopen'])
      expect(JSON.stringify(sent[0])).not.toContain(secret);
    expect(getChiefReport(w.ctx(), HAVO).state).toBe('verzonden');
    expect(() => saveChiefReport(w.ctx(), HAVO, 'Later', true)).toThrow(
      expect.objectContaining({ key: 'report.alreadySent' }),
    );
  });

  it('goes without a remark once the wait is over, once', () => {
    const w = world();
    w.setNow('2027-02-03T09:00:00+01:00');
    runScheduledJobs(w.ctx(), [chiefMonthlyReports]);
    expect(reports(w)).toHaveLength(0);
    w.setNow('2027-02-08T09:00:00+01:00');
    runScheduledJobs(w.ctx(), [chiefMonthlyReports]);
    runScheduledJobs(w.ctx(), [chiefMonthlyReports]);
    const havo = reports(w).filter((m) => m.subject.includes(HAVO));
    expect(havo).toHaveLength(1);
    expect(havo[0]!.body).toContain('De chef buddy heeft geen opmerking toegevoegd.');
  });
});
