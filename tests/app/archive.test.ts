import { describe, expect, it } from 'vitest';
import { monthlyArchive } from '../../src/app/archive';
import { closeOnboarding, recordCheckIn } from '../../src/app/checkins';
import { getChiefReport } from '../../src/app/chiefReport';
import { getEvaluation } from '../../src/app/evaluation';
import { runScheduledJobs } from '../../src/app/jobs';
import { assignBuddy } from '../../src/app/pairing';
import { saveSchedule } from '../../src/app/schedule';
import { normalizeName } from '../../src/core/schema';
import type { TablePatch } from '../../src/core/table';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien']
  .map((n) => aColleague(`${n} Collega`).at(HAVO).years(6).build())
  .concat(aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build());
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const cas = aColleague('Cas Later').at(HAVO).newcomer().startingOn('2027-01-18').build();

type World = ReturnType<typeof schoolWorld>;

/** Anna's and Cas's onboardings under way; Anna's check-ins all held, ready to close. */
function readyToClose(): World {
  const w = schoolWorld([bram, ...hosts, anna, cas]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  assignBuddy(w.ctx(), cas.email, bram.email);
  saveSchedule(w.ctx(), cas.email);
  const planned = w.gateway
    .rows('Check-ins')
    .filter((r) => r['Nieuwe collega'] === anna.email)
    .map((r) => (r.Gepland as { date: string }).date);
  w.setNow(`${planned.at(-1)}T16:00:00+01:00`);
  for (const date of planned)
    recordCheckIn(w.ctx(), anna.email, {
      held: date,
      phase: 'doen',
      wellbeing: 4,
      click: 'goed',
      agreements: 'afspraak',
      notes: 'n',
    });
  return w;
}

const of = (w: World, tab: string, email: string) =>
  w.gateway.rows(tab).filter((r) => r['Nieuwe collega'] === email);

/** Makes the gateway's write of one tab fail, as Sheets does for a protected range. */
function failWritesTo(w: World, tab: string) {
  const write = w.gateway.write.bind(w.gateway);
  w.gateway.write = (name: string, patch: TablePatch) => {
    if (name === tab) throw new Error('You are trying to edit a protected cell or object.');
    write(name, patch);
  };
}

describe('closing an onboarding', () => {
  it('moves its check-ins and schedule to the archive tabs, leaves other newcomers live, and logs one line', () => {
    const w = readyToClose();
    const checkIns = of(w, 'Check-ins', anna.email);
    const schedule = of(w, 'Inwerkschema', anna.email);
    expect(checkIns.length).toBeGreaterThan(0);
    const casRows = of(w, 'Check-ins', cas.email).length;
    closeOnboarding(w.ctx(), anna.email);
    expect(of(w, 'Check-ins', anna.email)).toEqual([]);
    expect(of(w, 'Inwerkschema', anna.email)).toEqual([]);
    expect(of(w, 'Check-ins (archief)', anna.email)).toEqual(checkIns);
    expect(of(w, 'Inwerkschema (archief)', anna.email)).toEqual(schedule);
    expect(of(w, 'Check-ins', cas.email)).toHaveLength(casRows);
    const log = w.gateway.rows('Logboek').filter((r) => r.Actie === 'Afgerond inwerken gearchiveerd');
    expect(log).toHaveLength(1);
    expect(log[0]!.Details).toBe(`Check-ins: ${checkIns.length}; Inwerkschema: ${schedule.length}`);
    expect(JSON.stringify(log)).not.toContain(anna.email);
  });

  it('copies the live header to the archive, columns of the school’s own included', () => {
    const w = readyToClose();
    w.gateway.tabs.delete('Check-ins (archief)');
    const live = w.gateway.tabs.get('Check-ins')!;
    live[0]!.push('Eigen kolom');
    for (const row of live.slice(1)) row.push(row[0] === anna.email ? 'eigen tekst' : '');
    closeOnboarding(w.ctx(), anna.email);
    const archive = w.gateway.tabs.get('Check-ins (archief)')!;
    expect(archive[0]).toEqual(live[0]);
    expect(of(w, 'Check-ins (archief)', anna.email).every((r) => r['Eigen kolom'] === 'eigen tekst')).toBe(
      true,
    );
  });

  it('lays out an archive tab it creates, and one it widens, as setup does', () => {
    const w = readyToClose();
    w.gateway.tabs.delete('Check-ins (archief)');
    w.gateway.layouts.clear();
    closeOnboarding(w.ctx(), anna.email);
    const layout = w.gateway.layouts.get('Check-ins (archief)');
    expect(layout?.header).toEqual(w.gateway.tabs.get('Check-ins')![0]);
    const typeOf = (name: string) => layout?.columns.find((c) => c.names.includes(normalizeName(name)))?.type;
    expect([typeOf('Gepland'), typeOf('Bewaren'), typeOf('Klik')]).toEqual(['date', 'boolean', 'choice']);

    // A newer version's column, added to the live tab: the archive gets it, laid out too.
    const later = readyToClose();
    later.gateway.tabs.get('Check-ins')![0]!.push('Eigen kolom');
    later.gateway.layouts.clear();
    closeOnboarding(later.ctx(), anna.email);
    expect(later.gateway.layouts.get('Check-ins (archief)')?.columns.length).toBe(layout?.columns.length);
    // An archive that already has every column is written to without a layout call.
    expect(w.gateway.layouts.has('Inwerkschema (archief)')).toBe(false);
  });

  it('adds a column the archive lacks instead of dropping its cells', () => {
    const w = readyToClose();
    const live = w.gateway.tabs.get('Check-ins')!;
    live[0]!.push('Eigen kolom');
    for (const row of live.slice(1)) row.push('x');
    closeOnboarding(w.ctx(), anna.email);
    expect(w.gateway.tabs.get('Check-ins (archief)')![0]).toContain('Eigen kolom');
    expect(of(w, 'Check-ins (archief)', anna.email).every((r) => r['Eigen kolom'] === 'x')).toBe(true);
  });

  it('writes nothing when the archive cannot be written', () => {
    const w = readyToClose();
    failWritesTo(w, 'Check-ins (archief)');
    const before = JSON.stringify([...w.gateway.tabs.entries()]);
    expect(() => closeOnboarding(w.ctx(), anna.email)).toThrow(/protected/);
    expect(JSON.stringify([...w.gateway.tabs.entries()])).toBe(before);
  });

  it('keeps the rows when the live tab cannot be rewritten, and closing again copies them once', () => {
    const w = readyToClose();
    const checkIns = of(w, 'Check-ins', anna.email);
    failWritesTo(w, 'Check-ins');
    expect(() => closeOnboarding(w.ctx(), anna.email)).toThrow(/protected/);
    // Nothing lost: still live; the archive holds a copy.
    expect(of(w, 'Check-ins', anna.email)).toEqual(checkIns);
    expect(of(w, 'Check-ins (archief)', anna.email)).toEqual(checkIns);
    w.gateway.write = Object.getPrototypeOf(w.gateway).write.bind(w.gateway);
    closeOnboarding(w.ctx(), anna.email);
    expect(of(w, 'Check-ins', anna.email)).toEqual([]);
    expect(of(w, 'Check-ins (archief)', anna.email)).toEqual(checkIns);
  });
});

describe('the monthly archive run', () => {
  it('moves onboardings closed before the archive existed and leavers’ rows, once a month, and is idempotent', () => {
    const w = readyToClose();
    closeOnboarding(w.ctx(), anna.email);
    // A sheet from before the archive: the closed onboarding's rows are still live.
    const moveBack = (from: string, to: string) => {
      const rows = w.gateway.tabs.get(from)!.splice(1);
      w.gateway.tabs.get(to)!.push(...rows);
    };
    moveBack('Check-ins (archief)', 'Check-ins');
    moveBack('Inwerkschema (archief)', 'Inwerkschema');
    // Cas left; his pairing ended.
    const staff = w.gateway.tabs.get('Medewerkers')!;
    const h = staff[0]!.map(String);
    staff.find((r) => r[h.indexOf('E-mail')] === cas.email)![h.indexOf('Status')] = 'uit dienst';
    const pairings = w.gateway.tabs.get('Koppelingen')!;
    const p = pairings[0]!.map(String);
    pairings.find((r) => r[p.indexOf('Nieuwe collega')] === cas.email)![p.indexOf('Status')] = 'beëindigd';
    const moved = of(w, 'Check-ins', anna.email).length + of(w, 'Inwerkschema', anna.email).length;
    const casMoved = of(w, 'Check-ins', cas.email).length + of(w, 'Inwerkschema', cas.email).length;
    expect(runScheduledJobs(w.ctx(), [monthlyArchive]).jobs[0]!.summary).toBe(`archived ${moved + casMoved}`);
    expect(w.gateway.rows('Check-ins')).toEqual([]);
    expect(w.gateway.rows('Inwerkschema')).toEqual([]);
    expect(runScheduledJobs(w.ctx(), [monthlyArchive]).jobs[0]!.summary).toBe('done this month');
    w.setNow('2027-06-01T09:00:00+02:00');
    const before = JSON.stringify([...w.gateway.tabs.entries()].filter(([n]) => n !== 'Logboek'));
    expect(runScheduledJobs(w.ctx(), [monthlyArchive]).jobs[0]!.summary).toBe('archived 0');
    expect(JSON.stringify([...w.gateway.tabs.entries()].filter(([n]) => n !== 'Logboek'))).toBe(before);
  });

  it('leaves current newcomers live', () => {
    const w = readyToClose();
    const before = w.gateway.rows('Check-ins').length;
    expect(runScheduledJobs(w.ctx(), [monthlyArchive]).jobs[0]!.summary).toBe('archived 0');
    expect(w.gateway.rows('Check-ins')).toHaveLength(before);
  });
});

describe('readers that need history', () => {
  const moveBack = (w: World) => {
    for (const [from, to] of [
      ['Check-ins (archief)', 'Check-ins'],
      ['Inwerkschema (archief)', 'Inwerkschema'],
    ] as const)
      w.gateway.tabs.get(to)!.push(...w.gateway.tabs.get(from)!.splice(1));
  };

  it('count an archived onboarding in the pilot evaluation as before it moved', () => {
    const w = readyToClose();
    closeOnboarding(w.ctx(), anna.email);
    const archived = JSON.stringify(getEvaluation(w.ctx()));
    moveBack(w);
    expect(JSON.stringify(getEvaluation(w.ctx()))).toBe(archived);
  });

  it('count the month’s check-ins of an onboarding closed since in the chef buddy’s report', () => {
    const w = readyToClose();
    closeOnboarding(w.ctx(), anna.email);
    const held = w.gateway.rows('Check-ins (archief)').map((r) => (r.Gehouden as { date: string }).date);
    // The report of the month of the last check-in, read in the month after.
    const month = held.sort().at(-1)!.slice(0, 7);
    const next = new Date(`${month}-01T12:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1, 20);
    w.setNow(`${next.toISOString().slice(0, 10)}T09:00:00+01:00`);
    w.setUser(chiefOf(HAVO));
    const archived = getChiefReport(w.ctx(), HAVO).lines;
    // Held check-ins that month, found in the archive.
    expect(archived.join(' ')).toMatch(/Check-ins: [1-9]\d* gehouden/);
    moveBack(w);
    expect(getChiefReport(w.ctx(), HAVO).lines).toEqual(archived);
  });
});
