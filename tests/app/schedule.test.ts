import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { assignBuddy } from '../../src/app/pairing';
import {
  generateSchedules,
  getSchedule,
  markScheduleItem,
  previewSchedule,
  saveSchedule,
  scheduleIcs,
} from '../../src/app/schedule';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const bram = aColleague('Bram de Vries').at(HAVO).years(12).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien', 'Gijs', 'Hans'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const ib = aColleague('Ilse IB').at(HAVO).as('IB-er').notWilling().build();
const staff = [anna, bram, ...hosts, ib];

function scheduleRows(world: ReturnType<typeof schoolWorld>) {
  return world.gateway.rows('Inwerkschema');
}

describe('previewing a schedule for a newcomer without one', () => {
  it('plans three weeks on working days, with roles resolved and shadowing spread over colleagues', () => {
    const world = schoolWorld(staff);
    assignBuddy(world.ctx(), anna.email, bram.email);
    world.setUser(chiefOf(HAVO));
    const plan = previewSchedule(world.ctx(), anna.email);
    expect(plan.exists).toBe(false);
    expect(plan.weeks.map((w) => w.week)).toEqual([1, 2, 3, 6, 13]);
    const week1 = plan.weeks[0]!.items;
    expect(week1[0]).toMatchObject({
      date: '2027-01-11',
      activity: 'Welkom door de chef buddy',
      with: `Chef ${HAVO}`,
      status: 'new',
    });
    expect(week1.find((i) => i.kind === 'kennismaking' && i.with === 'Bram de Vries')).toBeDefined();
    expect(week1.find((i) => i.activity.startsWith('Kennismaking met de IB-er'))?.with).toBe('Ilse IB');
    const shadows = plan.weeks
      .flatMap((w) => w.items)
      .filter((i) => i.kind === 'meelopen')
      .map((i) => i.with);
    expect(shadows.length).toBeGreaterThanOrEqual(4);
    expect(new Set(shadows).size).toBe(shadows.length);
    expect(shadows).not.toContain('Anna Nieuw');
    expect(
      plan.weeks
        .flatMap((w) => w.items)
        .every((i) => ![6, 7].includes(new Date(`${i.date}T12:00:00Z`).getUTCDay() || 7)),
    ).toBe(true);
    expect(scheduleRows(world)).toEqual([]);
  });

  it('shows "buddy nog niet gekoppeld" and warns while there is no buddy', () => {
    const world = schoolWorld(staff);
    const plan = previewSchedule(world.ctx(), anna.email);
    expect(plan.weeks[0]!.items.some((i) => i.with === 'buddy nog niet gekoppeld')).toBe(true);
    expect(plan.warnings).toContain(
      'Er is nog geen buddy: de regels met de buddy worden ingevuld na het koppelen.',
    );
  });

  it('warns when the school year has no holiday rows', () => {
    const world = schoolWorld(staff);
    const plan = previewSchedule(world.ctx(), anna.email);
    expect(plan.warnings.some((w) => w.includes('2026–2027'))).toBe(true);
  });

  it('moves a start on a holiday to the next working day', () => {
    const easter = aColleague('Paas Nieuw').at(HAVO).newcomer().startingOn('2027-03-29').build();
    const world = schoolWorld([...staff, easter]);
    const plan = previewSchedule(world.ctx(), easter.email);
    expect(plan.newcomer.start).toBe('2027-03-30');
    expect(
      plan.warnings.some((w) => w.includes('maandag 29 maart 2027') && w.includes('Tweede Paasdag')),
    ).toBe(true);
  });
});

describe('saving a schedule', () => {
  it('writes the lines and plans the check-ins of the protocol', () => {
    const world = schoolWorld(staff);
    assignBuddy(world.ctx(), anna.email, bram.email);
    const result = saveSchedule(world.ctx(), anna.email);
    expect(result.message).toMatch(
      /^Het inwerkschema van Anna Nieuw is opgeslagen: \d+ nieuw, 0 gewijzigd, 0 vervallen\.$/,
    );
    const rows = scheduleRows(world);
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.every((r) => r['Nieuwe collega'] === anna.email && r.Afgerond === false)).toBe(true);
    const checkIns = world.gateway.rows('Check-ins');
    expect(checkIns.map((r) => (r.Gepland as { date: string }).date)).toHaveLength(5);
    expect(checkIns.every((r) => r.Buddy === bram.email)).toBe(true);
    expect(world.gateway.rows('Logboek').at(-1)).toMatchObject({
      Actie: 'Inwerkschema opgeslagen',
      Details: HAVO,
    });
  });

  it('shows nothing to change right after saving', () => {
    const world = schoolWorld(staff);
    assignBuddy(world.ctx(), anna.email, bram.email);
    saveSchedule(world.ctx(), anna.email);
    const plan = previewSchedule(world.ctx(), anna.email);
    expect(plan.exists).toBe(true);
    expect(plan.changes).toEqual({ added: 0, changed: 0, removed: 0, kept: 0 });
  });

  it('fills in the buddy lines when the newcomer is paired later', () => {
    const world = schoolWorld(staff);
    saveSchedule(world.ctx(), anna.email);
    expect(scheduleRows(world).some((r) => r.Met === 'buddy nog niet gekoppeld')).toBe(true);
    assignBuddy(world.ctx(), anna.email, bram.email);
    expect(scheduleRows(world).some((r) => r.Met === 'buddy nog niet gekoppeld')).toBe(false);
    expect(scheduleRows(world).some((r) => r.Met === 'Bram de Vries')).toBe(true);
    expect(world.gateway.rows('Check-ins').every((r) => r.Buddy === bram.email)).toBe(true);
  });

  it('keeps lines that are done or edited by hand when it is updated', () => {
    const world = schoolWorld(staff);
    saveSchedule(world.ctx(), anna.email);
    const grid = world.gateway.tabs.get('Inwerkschema')!;
    const header = grid[0]!.map(String);
    const withCol = header.indexOf('Met');
    const doneCol = header.indexOf('Afgerond');
    grid[1]![doneCol] = true;
    grid[2]![withCol] = 'Mevrouw Handmatig';
    assignBuddy(world.ctx(), anna.email, bram.email);
    const plan = previewSchedule(world.ctx(), anna.email);
    expect(plan.changes.kept).toBe(2);
    const rows = scheduleRows(world);
    expect(rows.some((r) => r.Met === 'Mevrouw Handmatig')).toBe(true);
    expect(rows.filter((r) => r.Afgerond === true)).toHaveLength(1);
  });

  it('refuses a chef buddy of another location and an unknown user', () => {
    const world = schoolWorld(staff);
    world.setUser(chiefOf('Bovenbouw vmbo'));
    expect(() => saveSchedule(world.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
    world.setUser('vreemde@elders.example');
    expect(() => previewSchedule(world.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.managersOnly' }),
    );
    expect(scheduleRows(world)).toEqual([]);
  });
});

describe('ticking off schedule lines', () => {
  it('lets the buddy mark a line done and open again', () => {
    const world = schoolWorld(staff);
    assignBuddy(world.ctx(), anna.email, bram.email);
    saveSchedule(world.ctx(), anna.email);
    const first = scheduleRows(world)[0]!;
    world.setUser(bram.email);
    // Issue 17: a line is ticked off on or after its day (the clock moves to it).
    world.setNow(`${(first.Datum as { date: string }).date}T16:00:00+01:00`);
    markScheduleItem(
      world.ctx(),
      anna.email,
      (first.Datum as { date: string }).date,
      String(first.Activiteit),
      true,
    );
    expect(scheduleRows(world)[0]!.Afgerond).toBe(true);
    markScheduleItem(
      world.ctx(),
      anna.email,
      (first.Datum as { date: string }).date,
      String(first.Activiteit),
      false,
    );
    expect(scheduleRows(world)[0]!.Afgerond).toBe(false);
  });

  it('refuses another buddy and a line that does not exist', () => {
    const world = schoolWorld(staff);
    assignBuddy(world.ctx(), anna.email, bram.email);
    saveSchedule(world.ctx(), anna.email);
    world.setUser(hosts[0]!.email);
    expect(() =>
      markScheduleItem(world.ctx(), anna.email, '2027-01-11', 'Welkom door de chef buddy', true),
    ).toThrow(expect.objectContaining({ key: 'error.notYourNewcomer' }));
    world.setUser(LEADER);
    expect(() => markScheduleItem(world.ctx(), anna.email, '2027-01-11', 'Bestaat niet', true)).toThrow(
      expect.objectContaining({ key: 'schedule.noSuchItem' }),
    );
    expect(() => markScheduleItem(world.ctx(), anna.email, '11-01-2027', 'x', true)).toThrow(
      expect.objectContaining({ key: 'arg.notDate' }),
    );
  });
});

describe('reading the saved schedule', () => {
  it('shows the buddy the saved lines week by week, and refuses others', () => {
    const world = schoolWorld(staff);
    assignBuddy(world.ctx(), anna.email, bram.email);
    saveSchedule(world.ctx(), anna.email);
    world.setUser(bram.email);
    const view = getSchedule(world.ctx(), anna.email);
    expect(view.exists).toBe(true);
    expect(view.weeks.map((w) => w.week)).toEqual([1, 2, 3, 6, 13]);
    expect(view.weeks.flatMap((w) => w.items)).toHaveLength(scheduleRows(world).length);
    world.setUser(hosts[0]!.email);
    expect(() => getSchedule(world.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.notYourNewcomer' }),
    );
  });
});

describe('generating schedules for a location', () => {
  it('makes one for every newly paired newcomer without one, in one write', () => {
    const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-18').build();
    const world = schoolWorld([...staff, ben]);
    assignBuddy(world.ctx(), anna.email, bram.email);
    assignBuddy(world.ctx(), ben.email, hosts[0]!.email);
    const writes = world.gateway.writes;
    const result = generateSchedules(world.ctx(), HAVO);
    expect(result.count).toBe(2);
    expect(new Set(scheduleRows(world).map((r) => r['Nieuwe collega']))).toEqual(
      new Set([anna.email, ben.email]),
    );
    expect(world.gateway.writes - writes).toBeLessThanOrEqual(3);
    expect(generateSchedules(world.ctx(), HAVO).count).toBe(0);
  });
});

describe('schedules at scale', () => {
  it('keep what they need in the sheet, not in document properties (500 KB for the whole document)', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      aColleague(`Nieuw ${i}`)
        .at(HAVO)
        .newcomer()
        .startingOn('2027-01-18')
        .withEmail(`n${i}@school.example`)
        .build(),
    );
    const buddies = Array.from({ length: 30 }, (_, i) =>
      aColleague(`Buddy ${i}`).at(HAVO).years(10).max(2).withEmail(`b${i}@school.example`).build(),
    );
    const world = schoolWorld([...staff, ...many, ...buddies]);
    for (const [i, n] of many.entries()) assignBuddy(world.ctx(), n.email, buddies[i % 30]!.email);
    generateSchedules(world.ctx(), HAVO);
    expect(new Set(scheduleRows(world).map((r) => r['Nieuwe collega'])).size).toBe(60);
    expect(scheduleRows(world).every((r) => String(r['Controle (Wegwijs)']).length > 0)).toBe(true);
    expect(JSON.stringify([...world.store.entries()]).length).toBeLessThan(1_000);
  });
});

describe('the schedule as a calendar file', () => {
  it('has one event per line, on the right day, that a calendar library can read', () => {
    const world = schoolWorld(staff);
    assignBuddy(world.ctx(), anna.email, bram.email);
    saveSchedule(world.ctx(), anna.email);
    const file = scheduleIcs(world.ctx(), anna.email);
    expect(file.mimeType).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(file.content));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const rows = scheduleRows(world);
    expect(events).toHaveLength(rows.length);
    for (const row of rows) {
      const date = (row.Datum as { date: string }).date;
      expect(
        events.some((e) => e.summary.startsWith(String(row.Activiteit)) && e.startDate.toString() === date),
      ).toBe(true);
    }
  });

  it('says so when there is no schedule yet', () => {
    const world = schoolWorld(staff);
    expect(() => scheduleIcs(world.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'schedule.none' }),
    );
  });
});
