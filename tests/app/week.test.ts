/** Issue 17: sidebar states that tell the truth (packet status, automatic sending, placeholders). */
import { describe, expect, it, vi } from 'vitest';
import { setAutomaticSending } from '../../src/app/automation';
import { runScheduledJobs } from '../../src/app/jobs';
import { assignBuddy } from '../../src/app/pairing';
import { previewSchedule } from '../../src/app/schedule';
import { getSidebarState } from '../../src/app/sidebarState';
import { dueWelcomePackets, previewWelcome, sendWelcomeNow } from '../../src/app/welcome';
import { SchedulePlanner } from '../../src/core/schedule/planner';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const iris = aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build();
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const lotte = aColleague('Lotte Later').at(HAVO).newcomer().startingOn('2027-02-01').build();

type World = ReturnType<typeof schoolWorld>;

function world(staff = [bram, ...hosts, iris, anna, lotte]): World {
  const w = schoolWorld(staff);
  for (const row of w.gateway.tabs.get('Locaties')!.slice(1)) {
    row[2] = 'https://intranet.school.example/regels';
    row[3] = 'https://school.example/schoolgids';
  }
  w.gateway.tabs
    .get('Wie vraag ik wat')!
    .push([HAVO, 'Roosterwijzigingen', 'Mevrouw Rooster', 'rooster@school.example']);
  for (const n of [anna, lotte]) if (staff.includes(n)) assignBuddy(w.ctx(), n.email, bram.email);
  w.mails.length = 0;
  return w;
}

const statusOf = (w: World, email: string) =>
  getSidebarState(w.ctx()).welcome!.find((r) => r.email === email)!.status;

describe('the packet status in the sidebar', () => {
  it('says a packet will not go by itself while automatic sending is off', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    expect(statusOf(w, lotte.email)).toEqual({ code: 'manualOff', date: '2027-01-25', reason: '' });
    const card = getSidebarState(w.ctx()).newcomers.find((n) => n.email === lotte.email)!;
    expect(card.packet.code).toBe('manualOff');
  });

  it('says on which day it goes once the school leader turned automatic sending on', () => {
    const w = world();
    setAutomaticSending(w.ctx(), true);
    w.setUser(chiefOf(HAVO));
    expect(statusOf(w, lotte.email)).toEqual({ code: 'auto', date: '2027-01-25', reason: '' });
    // Anna's day (4 January) is today: she goes with the next run, not "on" a day in the past.
    expect(statusOf(w, anna.email).code).toBe('autoNext');
  });

  it('says when it was sent', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    sendWelcomeNow(w.ctx(), anna.email);
    expect(statusOf(w, anna.email)).toEqual({ code: 'sent', date: '2027-01-04', reason: '07:30' });
  });

  it('gives a buddy the planned day only, never a past day', () => {
    const w = world();
    setAutomaticSending(w.ctx(), true);
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    w.setUser(bram.email);
    const cards = getSidebarState(w.ctx()).newcomers;
    expect(cards.find((n) => n.email === lotte.email)!.packet).toEqual({
      code: 'planned',
      date: '2027-01-25',
      reason: '',
    });
    expect(cards.find((n) => n.email === anna.email)!.packet.code).toBe('sent');
  });
});

describe('a packet never goes out with a placeholder', () => {
  it('blocks a schedule line that still says "IB-er nog te kiezen", in the preview, the sidebar and by hand', () => {
    const w = world([bram, ...hosts, anna]);
    w.setUser(chiefOf(HAVO));
    const preview = previewWelcome(w.ctx(), anna.email);
    expect(preview.errors).toEqual([expect.stringContaining('IB-er nog te kiezen')]);
    expect(preview.errors[0]).toMatch(/^het inwerkschema heeft nog een open plek: \w\w \d\d-\d\d-2027: /);
    const status = statusOf(w, anna.email);
    expect(status.code).toBe('blocked');
    expect(status.reason).toContain('IB-er nog te kiezen');
    expect(() => sendWelcomeNow(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ message: 'welcome.cannotSend', params: { reason: status.reason } }),
    );
    expect(w.mails).toHaveLength(0);
  });

  it('leaves the scheduled run from sending it too', () => {
    const w = world([bram, ...hosts, anna]);
    setAutomaticSending(w.ctx(), true);
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    expect(w.mails.filter((m) => m.to === anna.email)).toHaveLength(0);
  });

  it('names the chef buddy who is also the buddy once, saying so', () => {
    const w = world([bram, ...hosts, iris, anna]);
    w.setUser(LEADER);
    // End Bram's pairing by pairing the chef buddy instead is not allowed as a rule; write it as the sheet would.
    const pairings = w.gateway.tabs.get('Koppelingen')!;
    const header = pairings[0]!.map(String);
    pairings[1]![header.indexOf('Buddy')] = chiefOf(HAVO);
    const preview = previewWelcome(w.ctx(), anna.email);
    expect(preview.errors).toEqual([]);
    expect(preview.text).toContain(`Chef Onderbouw havo (ook je buddy)`);
  });
});

describe('checking a location’s packets without choosing anyone’s hosts (issue 19)', () => {
  const many = Array.from({ length: 16 }, (_, i) =>
    aColleague(`Host ${String.fromCharCode(65 + i)} Collega`)
      .at(HAVO)
      .years(6)
      .build(),
  );

  it('outlines the schedules when colleagues are plenty, with the verdict sending would give', () => {
    const w = world([bram, ...many, anna, lotte]);
    w.setUser(chiefOf(HAVO));
    const generate = vi.spyOn(SchedulePlanner.prototype, 'generate');
    const status = statusOf(w, anna.email);
    expect(generate).not.toHaveBeenCalled();
    generate.mockRestore();
    // No IB-er at the location: the line stays open, as the preview (which makes the schedule) says.
    expect(status.code).toBe('blocked');
    expect(previewWelcome(w.ctx(), anna.email).errors).toEqual([status.reason]);
    const card = getSidebarState(w.ctx()).newcomers.find((n) => n.email === lotte.email)!;
    const planned = previewSchedule(w.ctx(), lotte.email)
      .weeks.flatMap((week) => week.items)
      .filter((i) => i.kind === 'check-in')
      .map((i) => i.date)
      .sort();
    expect(card.nextCheckIn).toBe(planned[0]);
    expect(card.nextCheckIn).not.toBe('');
  });

  it('makes each schedule as sending would when a shadow host may run out', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    const generate = vi.spyOn(SchedulePlanner.prototype, 'generate');
    statusOf(w, lotte.email);
    expect(generate).toHaveBeenCalled();
    generate.mockRestore();
  });
});

describe('automatic sending is one switch of the school leader', () => {
  it('tells a chef buddy who can turn it on, and nothing to do themselves', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    const status = getSidebarState(w.ctx()).automation!;
    expect(status.canChange).toBe(false);
    expect(status.text).toContain('Alleen de schoolleider kan het aanzetten');
    expect(status.text).not.toMatch(/menu|Zet het/);
    w.setUser(LEADER);
    expect(getSidebarState(w.ctx()).automation!.canChange).toBe(true);
  });

  it('refuses a chef buddy who switches it directly', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    expect(() => setAutomaticSending(w.ctx(), true)).toThrow();
  });
});

describe('a chef buddy suggested as buddy', () => {
  it('is marked on the card: to themselves "dat ben jij", to the school leader as the chef buddy', async () => {
    const { suggestBuddies: suggest } = await import('../../src/app/pairing');
    const w = world([bram, ...hosts, iris, anna]);
    const staff = w.gateway.tabs.get('Medewerkers')!;
    const header = staff[0]!.map(String);
    const chiefRow = staff.find((r) => r[header.indexOf('E-mail')] === chiefOf(HAVO))!;
    chiefRow[header.indexOf('Kan buddy zijn')] = true;
    chiefRow[header.indexOf('Jaren ervaring VSO')] = 10;
    chiefRow[header.indexOf('Affiniteit met begeleiden')] = true;
    const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-18').build();
    staff.push(
      header.map(
        (h) =>
          ({
            Naam: ben.name,
            'E-mail': ben.email,
            Locatie: HAVO,
            Functie: 'leraar',
            Startdatum: '2027-01-18',
            Status: 'nieuw',
          })[h] ?? '',
      ),
    );
    w.setUser(chiefOf(HAVO));
    const mine = suggest(w.ctx(), ben.email).suggestions.find((s) => s.email === chiefOf(HAVO));
    expect(mine?.note).toBe('dat ben jij: je wordt dan buddy én chef buddy van deze collega');
    expect(suggest(w.ctx(), ben.email).suggestions.filter((s) => s.note)).toHaveLength(1);
    w.setUser(LEADER);
    expect(suggest(w.ctx(), ben.email).suggestions.find((s) => s.email === chiefOf(HAVO))?.note).toBe(
      'de chef buddy van de locatie: wordt dan buddy én chef buddy',
    );
  });
});

describe('what "Deze week" and the cards read from the sidebar state', () => {
  it('says who has a saved schedule (not the one the packet check makes in memory) and when it was read', async () => {
    const { saveSchedule: save } = await import('../../src/app/schedule');
    const w = world();
    w.setUser(chiefOf(HAVO));
    const before = getSidebarState(w.ctx());
    expect(before.readAt).toBe('2027-01-04T07:30:00+01:00');
    expect(before.newcomers.map((n) => n.hasSchedule)).toEqual([false, false]);
    save(w.ctx(), anna.email);
    const after = getSidebarState(w.ctx()).newcomers;
    expect(after.find((n) => n.email === anna.email)!.hasSchedule).toBe(true);
    expect(after.find((n) => n.email === lotte.email)!.hasSchedule).toBe(false);
  });

  it('carries the last klik and wellbeing, and a buddy who left', async () => {
    const { recordCheckIn } = await import('../../src/app/checkins');
    const w = world();
    w.setNow('2027-01-15T16:00:00+01:00');
    w.setUser(bram.email);
    recordCheckIn(w.ctx(), anna.email, {
      held: '2027-01-15',
      phase: 'ontdekken',
      wellbeing: 2,
      click: 'niet',
      agreements: 'Gesprek met de chef buddy.',
    });
    const staff = w.gateway.tabs.get('Medewerkers')!;
    const header = staff[0]!.map(String);
    staff.find((r) => r[header.indexOf('E-mail')] === bram.email)![header.indexOf('Status')] = 'uit dienst';
    w.setUser(chiefOf(HAVO));
    const card = getSidebarState(w.ctx()).newcomers.find((n) => n.email === anna.email)!;
    expect(card).toMatchObject({ lastClick: 'niet', lastWellbeing: 2, buddyLeft: true });
  });
});

describe('everyone else', () => {
  it('tells a colleague without a role what Wegwijs is and to ask their chef buddy, with no data', () => {
    const w = world();
    w.setUser(hosts[0]!.email);
    const state = getSidebarState(w.ctx());
    expect(state.user.role).toBe('medewerker');
    expect(state.message).toBe(
      'Wegwijs helpt nieuwe collega’s op weg met een buddy, een inwerkschema, een welkomstpakket en check-ins; de schoolleider en de chef buddy’s werken ermee. Vragen over inwerken? Vraag het Chef Onderbouw havo, chef buddy van Onderbouw havo.',
    );
    expect(state.newcomers).toEqual([]);
    expect(state.pairing).toBeNull();
  });

  it('tells an unknown user what Wegwijs is and to ask the school leader; an empty one to log in', () => {
    const w = world();
    w.setUser('vreemde@elders.example');
    const state = getSidebarState(w.ctx());
    expect(state.message).toMatch(
      /^Wegwijs helpt nieuwe collega’s op weg.*Vraag de schoolleider om toegang\.$/,
    );
    expect(state.newcomers).toEqual([]);
    w.setUser('');
    expect(() => getSidebarState(w.ctx())).toThrow(expect.objectContaining({ key: 'error.noUser' }));
  });
});
