/**
 * Rows as users make them: copied rows, people listed twice, cells Wegwijs cannot read. Each is
 * treated once, warned about in the sidebar naming its row, and never mailed or paired twice.
 */
import { describe, expect, it } from 'vitest';
import { checkInReminders } from '../../src/app/checkins';
import { runScheduledJobs } from '../../src/app/jobs';
import { applyPairs, assignBuddy, pendingBuddyMails, proposePairs } from '../../src/app/pairing';
import { saveSchedule } from '../../src/app/schedule';
import { getSidebarState } from '../../src/app/sidebarState';
import { dueWelcomePackets } from '../../src/app/welcome';
import type { Cell } from '../../src/core/cells';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const carla = aColleague('Carla Jansen').at(HAVO).years(9).max(1).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien']
  .map(
    (n) => aColleague(`${n} Collega`).at(HAVO).years(6).build(),
    // The location's IB-er: a packet with "IB-er nog te kiezen" in its schedule may not go (issue 17).
  )
  .concat(aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build());
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

type World = ReturnType<typeof schoolWorld>;

const tab = (w: World, name: string) => w.gateway.tabs.get(name)!;
const col = (w: World, name: string, header: string) => tab(w, name)[0]!.indexOf(header);
/** The 1-based sheet row of the first row whose e-mail column holds `email`. */
const rowOf = (w: World, email: string) =>
  tab(w, 'Medewerkers').findIndex((r) => r[col(w, 'Medewerkers', 'E-mail')] === email) + 1;
const copyRow = (w: World, name: string, row: number, change: (r: Cell[]) => void = () => {}) => {
  const copy = [...tab(w, name)[row - 1]!];
  change(copy);
  tab(w, name).push(copy);
  return tab(w, name).length;
};
const setCell = (w: World, name: string, row: number, header: string, value: Cell) => {
  tab(w, name)[row - 1]![col(w, name, header)] = value;
};
const warnings = (w: World) => getSidebarState(w.ctx(), HAVO).warnings;

/** Links every location's documents, so that a welcome packet can go. */
function withLinks(w: World): World {
  for (const row of tab(w, 'Locaties').slice(1)) {
    row[2] = 'https://intranet.school.example/regels';
    row[3] = 'https://school.example/schoolgids';
  }
  return w;
}

describe('a person on two Medewerkers rows (same e-mail, other spelling)', () => {
  it('gets one welcome packet, both rows show it was sent, and the sidebar names both rows', () => {
    const w = withLinks(schoolWorld([bram, ...hosts, anna]));
    assignBuddy(w.ctx(), anna.email, bram.email);
    w.mails.length = 0;
    const first = rowOf(w, anna.email);
    const second = copyRow(w, 'Medewerkers', first, (r) => {
      r[col(w, 'Medewerkers', 'E-mail')] = `  ${anna.email.toUpperCase()} `;
    });
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    expect(w.mails.filter((m) => m.to === anna.email && m.subject.startsWith('Welkom'))).toHaveLength(1);
    const states = w.gateway.rows('Medewerkers').map((r) => r['Welkomstpakket (status)']);
    expect(states[first - 2]).toMatch(/^verzonden/);
    expect(states[second - 2]).toMatch(/^verzonden/);
    expect(warnings(w).join('\n')).toContain(
      `Medewerkers: rijen ${first}, ${second} hebben hetzelfde e-mailadres`,
    );
  });

  it('is proposed and paired once', () => {
    const w = schoolWorld([bram, carla, anna]);
    w.setUser(chiefOf(HAVO));
    copyRow(w, 'Medewerkers', rowOf(w, anna.email));
    const proposal = proposePairs(w.ctx(), HAVO);
    expect(proposal.pairs.filter((p) => p.newcomer === anna.email)).toHaveLength(1);
    applyPairs(w.ctx(), HAVO, [
      { newcomer: anna.email, buddy: bram.email },
      { newcomer: anna.email, buddy: carla.email },
    ]);
    expect(w.gateway.rows('Koppelingen').filter((r) => r.Status === 'actief')).toHaveLength(1);
  });
});

describe('copied Check-ins and Koppelingen rows', () => {
  it('sends one reminder for a copy-pasted check-in, and warns naming the rows', () => {
    const w = schoolWorld([bram, ...hosts, anna]);
    assignBuddy(w.ctx(), anna.email, bram.email);
    saveSchedule(w.ctx(), anna.email);
    const copy = copyRow(w, 'Check-ins', 2);
    const planned = (tab(w, 'Check-ins')[1]![col(w, 'Check-ins', 'Gepland')] as { date: string }).date;
    const before = new Date(`${planned}T12:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 2);
    w.setNow(`${before.toISOString().slice(0, 10)}T07:30:00+01:00`);
    w.mails.length = 0;
    runScheduledJobs(w.ctx(), [checkInReminders]);
    runScheduledJobs(w.ctx(), [checkInReminders]);
    expect(w.mails.filter((m) => m.to === bram.email)).toHaveLength(1);
    const reminders = w.gateway.rows('Check-ins').map((r) => r['Herinnering (status)']);
    expect(reminders[0]).toMatch(/^verzonden/);
    expect(reminders[copy - 2]).toMatch(/^verzonden/);
    expect(warnings(w).join('\n')).toContain(`Check-ins: rijen 2, ${copy} zijn dezelfde check-in`);
  });

  it('sends one buddy mail for duplicated pairing rows, and counts them as one pairing', () => {
    const w = schoolWorld([bram, carla, anna, ben]);
    const mailer = w.services.mailer;
    w.services = { ...w.services, mailer: { ...mailer, remainingQuota: () => 0 } };
    assignBuddy(w.ctx(), anna.email, carla.email); // pending: the quota is spent
    const a = copyRow(w, 'Koppelingen', 2);
    const b = copyRow(w, 'Koppelingen', 2);
    w.services = { ...w.services, mailer };
    runScheduledJobs(w.ctx(), [pendingBuddyMails]);
    runScheduledJobs(w.ctx(), [pendingBuddyMails]);
    expect(w.mails.filter((m) => m.to === carla.email)).toHaveLength(1);
    expect(w.gateway.rows('Koppelingen').map((r) => String(r['Buddy-mail (status)']))).toEqual([
      expect.stringMatching(/^verzonden/),
      expect.stringMatching(/^verzonden/),
      expect.stringMatching(/^verzonden/),
    ]);
    // Carla may guide one newcomer: the copies are the same pairing, not three.
    expect(warnings(w).join('\n')).toContain(`Koppelingen: rijen 2, ${a}, ${b} zijn dezelfde koppeling`);
  });
});

describe('values Wegwijs cannot read are sidebar warnings naming the row', () => {
  it('names a newcomer whose Status is unknown or empty', () => {
    const w = schoolWorld([bram, anna, ben]);
    setCell(w, 'Medewerkers', rowOf(w, anna.email), 'Status', 'nieuwe collega');
    setCell(w, 'Medewerkers', rowOf(w, ben.email), 'Status', '');
    const text = warnings(w).join('\n');
    expect(text).toContain(`Medewerkers, rij ${rowOf(w, anna.email)}: Status is geen toegestane waarde`);
    expect(text).toContain(`Medewerkers, rij ${rowOf(w, ben.email)}: Status is leeg`);
  });

  it('names unknown values in the other fixed lists too (a message kind, a template day)', () => {
    const w = schoolWorld([bram, anna]);
    setCell(w, 'Berichten', 2, 'Bericht', 'welkom');
    setCell(w, 'Schemasjablonen', 3, 'Dag', 'zaterdag');
    const text = warnings(w).join('\n');
    expect(text).toContain('Berichten, rij 2: Bericht is geen toegestane waarde');
    expect(text).toContain('Schemasjablonen, rij 3: Dag is geen toegestane waarde');
  });

  it('names capacities like "twee" or "-1" instead of silently using the default', () => {
    const w = schoolWorld([bram, carla, anna]);
    setCell(w, 'Medewerkers', rowOf(w, bram.email), 'Max. koppelingen', 'twee');
    setCell(w, 'Medewerkers', rowOf(w, carla.email), 'Max. koppelingen', -1);
    const text = warnings(w).join('\n');
    expect(text).toContain(`rij ${rowOf(w, bram.email)}: Max. koppelingen is geen getal`);
    expect(text).toContain(`rij ${rowOf(w, carla.email)}: Max. koppelingen is geen heel getal van 0 of meer`);
  });

  it('in English, names the column in English', () => {
    const w = schoolWorld([bram, anna]);
    w.services = { ...w.services, identity: { ...w.services.identity, locale: () => 'en' } };
    setCell(w, 'Medewerkers', rowOf(w, anna.email), 'Status', 'nieuwe collega');
    expect(warnings(w).join('\n')).toContain(
      `Medewerkers, row ${rowOf(w, anna.email)}: Status is not an allowed value`,
    );
  });
});

describe('a hand-typed buddy cell "Naam <e-mail>"', () => {
  it('counts towards the buddy’s capacity', () => {
    const w = schoolWorld([carla, anna, ben]);
    assignBuddy(w.ctx(), anna.email, carla.email);
    setCell(w, 'Koppelingen', 2, 'Buddy', `Carla Jansen <${carla.email}>`);
    expect(() => assignBuddy(w.ctx(), ben.email, carla.email)).toThrow(
      expect.objectContaining({ params: { message: expect.stringContaining('zit vol: 1 van 1') } }),
    );
    expect(w.gateway.rows('Koppelingen').filter((r) => r.Status === 'actief')).toHaveLength(1);
  });
});

describe('a malformed e-mail in a proposal', () => {
  it('is left out with the row named, and the rest is applied', () => {
    const w = schoolWorld([bram, carla, anna, ben]);
    w.setUser(chiefOf(HAVO));
    const bad = rowOf(w, ben.email);
    setCell(w, 'Medewerkers', bad, 'E-mail', 'ben.nieuw@school');
    const proposal = proposePairs(w.ctx(), HAVO);
    expect(proposal.pairs.map((p) => p.newcomer)).toEqual([anna.email]);
    expect(proposal.unassigned).toEqual([
      {
        newcomer: 'ben.nieuw@school',
        name: 'Ben Nieuw',
        why: expect.stringContaining(`Medewerkers, rij ${bad}`),
      },
    ]);
    expect(warnings(w).join('\n')).toContain(
      `Medewerkers, rij ${bad}: E-mail is geen e-mailadres (of meer dan één)`,
    );
    const result = applyPairs(w.ctx(), HAVO, [
      { newcomer: 'ben.nieuw@school', buddy: carla.email },
      { newcomer: anna.email, buddy: bram.email },
    ]);
    expect(result.applied).toBe(1);
    expect(result.rejected).toEqual([
      { newcomer: 'ben.nieuw@school', reason: expect.stringContaining('Koppeling 1') },
    ]);
  });
});
