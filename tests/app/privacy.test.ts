import { describe, expect, it } from 'vitest';
import { closeOnboarding, recordCheckIn } from '../../src/app/checkins';
import { runScheduledJobs } from '../../src/app/jobs';
import { respondToCheckIn } from '../../src/app/page';
import { assignBuddy } from '../../src/app/pairing';
import {
  applyRetentionPurge,
  erasePerson,
  exportPersonData,
  monthlyRetention,
  previewErasure,
  previewRetentionPurge,
} from '../../src/app/privacy';
import { saveSchedule } from '../../src/app/schedule';
import { dueWelcomePackets, packetRows, previewWelcome, sendWelcomeNow } from '../../src/app/welcome';
import type { Cell } from '../../src/core/cells';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const NOTE = 'VERTROUWELIJK-4412';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien']
  .map(
    (n) => aColleague(`${n} Collega`).at(HAVO).years(6).build(),
    // The location's IB-er: a packet with "IB-er nog te kiezen" in its schedule may not go (issue 17).
  )
  .concat(aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build());
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

type World = ReturnType<typeof schoolWorld>;

/** Anna's onboarding, held and closed on 2027-03-01 (all check-ins recorded with a note). */
/** `beforeClosing` runs once every check-in is held, before the onboarding closes (and its rows move to the archive). */
function closedOnboarding(beforeClosing?: (w: World) => void): World {
  const w = schoolWorld([bram, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  const planned = w.gateway.rows('Check-ins').map((r) => (r.Gepland as { date: string }).date);
  w.setNow(`${planned.at(-1)}T16:00:00+01:00`);
  for (const date of planned) {
    recordCheckIn(w.ctx(), anna.email, {
      held: date,
      phase: 'doen',
      wellbeing: 4,
      click: 'goed',
      agreements: `afspraak ${NOTE}`,
      notes: `=HYPERLINK("x") ${NOTE}`,
    });
  }
  beforeClosing?.(w);
  closeOnboarding(w.ctx(), anna.email);
  w.mails.length = 0;
  return w;
}

function setCell(w: World, tab: string, email: string, header: string, value: Cell, key = 'E-mail') {
  const grid = w.gateway.tabs.get(tab)!;
  const h = grid[0]!.map(String);
  const row = grid.find((r) => r[h.indexOf(key)] === email)!;
  row[h.indexOf(header)] = value;
}

describe('applying the retention terms', () => {
  it('previews, then clears check-in notes a year after the onboarding ended, and a second run removes nothing', () => {
    const w = closedOnboarding();
    const ended = (w.gateway.rows('Koppelingen')[0]!['Afgesloten op'] as { date: string }).date;
    expect(previewRetentionPurge(w.ctx()).total).toBe(0);
    w.setNow('2028-09-01T09:00:00+02:00');
    const preview = previewRetentionPurge(w.ctx());
    // Issue 19: closing moved the check-ins to the archive; retention applies there alike.
    expect(preview.items).toContainEqual({
      tab: 'Check-ins (archief)',
      reason: 'notities, afspraken en redenen van check-ins gewist',
      rows: 5,
    });
    expect(ended < '2027-09-01').toBe(true);
    const result = applyRetentionPurge(w.ctx());
    expect(result.message).toContain('Bewaartermijnen toegepast');
    const rows = w.gateway.rows('Check-ins (archief)');
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.Notities === '' && r.Afspraken === '')).toBe(true);
    expect(rows.every((r) => r['Welbevinden (1–5)'] === 4)).toBe(true);
    expect(previewRetentionPurge(w.ctx()).total).toBe(0);
    const log = w.gateway.rows('Logboek').filter((r) => r.Actie === 'Bewaartermijnen toegepast');
    expect(log).toHaveLength(1);
    expect(String(log[0]!.Details)).toContain('Check-ins (archief): 5');
    expect(JSON.stringify(w.gateway.rows('Logboek'))).not.toContain(NOTE);
  });

  it('clears the newcomer’s own remark with the notes, and keeps their klik and wellbeing', () => {
    // The newcomer answers while in onboarding (closing moves the rows to the archive, issue 19).
    const w = closedOnboarding((w) => {
      const held = w.gateway.rows('Check-ins').map((r) => (r.Gehouden as { date: string }).date);
      w.setUser(anna.email);
      respondToCheckIn(w.ctx(), held.at(-1), {
        confirmed: true,
        remark: `opmerking ${NOTE}`,
        click: 'goed',
        wellbeing: 5,
      });
      w.setUser(LEADER);
    });
    w.setNow('2028-09-01T09:00:00+02:00');
    applyRetentionPurge(w.ctx());
    const rows = w.gateway.rows('Check-ins (archief)');
    expect(rows.every((r) => r['Opmerking (nieuwe collega)'] === '')).toBe(true);
    expect(rows.filter((r) => r['Welbevinden (nieuwe collega, 1–5)'] === 5)).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(NOTE);
  });

  it('keeps rows and people on hold', () => {
    const w = closedOnboarding();
    setCell(w, 'Medewerkers', anna.email, 'Bewaren', true);
    w.setNow('2028-09-01T09:00:00+02:00');
    expect(previewRetentionPurge(w.ctx()).total).toBe(0);
  });

  it('removes the onboarding records of someone who left two years ago, and warns about a missing leaving date', () => {
    const w = closedOnboarding();
    setCell(w, 'Medewerkers', anna.email, 'Status', 'uit dienst');
    w.setNow('2029-01-01T09:00:00+01:00');
    expect(previewRetentionPurge(w.ctx()).warnings[0]).toContain('zonder "Uit dienst per"');
    setCell(w, 'Medewerkers', anna.email, 'Uit dienst per', { date: '2027-06-30' });
    expect(previewRetentionPurge(w.ctx()).items.some((i) => i.reason.includes('vertrokken'))).toBe(false);
    w.setNow('2029-07-01T09:00:00+02:00');
    applyRetentionPurge(w.ctx());
    expect(w.gateway.rows('Inwerkschema')).toEqual([]);
    expect(w.gateway.rows('Check-ins')).toEqual([]);
    expect(w.gateway.rows('Inwerkschema (archief)')).toEqual([]);
    expect(w.gateway.rows('Check-ins (archief)')).toEqual([]);
    expect(w.gateway.rows('Koppelingen')).toEqual([]);
    expect(w.gateway.rows('Medewerkers').find((r) => r['E-mail'] === anna.email)).toBeDefined();
  });

  it('runs monthly in the scheduled run, once a month', () => {
    const w = closedOnboarding();
    w.setNow('2028-09-01T09:00:00+02:00');
    expect(runScheduledJobs(w.ctx(), [monthlyRetention]).jobs[0]!.summary).toBe('removed 5');
    expect(runScheduledJobs(w.ctx(), [monthlyRetention]).jobs[0]!.summary).toBe('done this month');
  });

  it('is for the school leader only', () => {
    const w = closedOnboarding();
    w.setUser(chiefOf(HAVO));
    expect(() => previewRetentionPurge(w.ctx())).toThrow(
      expect.objectContaining({ key: 'error.leaderOnly' }),
    );
    expect(() => applyRetentionPurge(w.ctx())).toThrow(expect.objectContaining({ key: 'error.leaderOnly' }));
    expect(() => exportPersonData(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.leaderOnly' }),
    );
    expect(() => erasePerson(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.leaderOnly' }),
    );
  });
});

describe('exporting one person’s data', () => {
  it('includes every row about them and the notes about them, but not who the others were', () => {
    const w = closedOnboarding();
    const data = exportPersonData(w.ctx(), anna.email);
    expect(data.found).toBe(true);
    const tabs = data.sections.map((s) => s.tab);
    expect(tabs).toEqual(
      expect.arrayContaining(['Medewerkers', 'Koppelingen', 'Inwerkschema (archief)', 'Check-ins (archief)']),
    );
    expect(JSON.stringify(data.sections)).toContain(NOTE);
    expect(JSON.stringify(data.sections)).not.toContain(bram.email);
    expect(JSON.stringify(data.sections)).not.toContain('Bram de Vries');
    expect(data.json.content).not.toContain(bram.email);
    expect(data.csv.content).not.toContain(bram.email);
  });

  it('makes a CSV that no spreadsheet runs as a formula', () => {
    const w = closedOnboarding();
    const csv = exportPersonData(w.ctx(), anna.email).csv.content;
    expect(csv).toContain(`"'=HYPERLINK(""x"") ${NOTE}"`);
    expect(csv.split('\r\n').some((line) => /;=/.test(line))).toBe(false);
  });

  it('shows a buddy their role, not the newcomer they coached', () => {
    const w = closedOnboarding();
    const data = exportPersonData(w.ctx(), bram.email);
    expect(data.sections.some((s) => s.role === 'jij als buddy')).toBe(true);
    expect(JSON.stringify(data)).not.toContain(anna.email);
    expect(JSON.stringify(data)).not.toContain(NOTE);
  });
});

describe('erasing a person', () => {
  it('summarises first, then erases them from every tab, and a second time changes nothing', () => {
    const w = closedOnboarding();
    const preview = previewErasure(w.ctx(), anna.email);
    expect(preview.counts.map((c) => c.tab)).toEqual(
      expect.arrayContaining(['Medewerkers', 'Koppelingen', 'Inwerkschema (archief)', 'Check-ins (archief)']),
    );
    expect(w.gateway.rows('Medewerkers').some((r) => r['E-mail'] === anna.email)).toBe(true);
    erasePerson(w.ctx(), anna.email);
    const everything = JSON.stringify([...w.gateway.tabs.entries()].filter(([name]) => name !== 'Logboek'));
    expect(everything).not.toContain(anna.email);
    expect(everything).not.toContain('Anna Nieuw');
    expect(everything).not.toContain(NOTE);
    const before = JSON.stringify([...w.gateway.tabs.entries()].filter(([name]) => name !== 'Logboek'));
    expect(erasePerson(w.ctx(), anna.email).message).toContain('Er stond niets');
    expect(JSON.stringify([...w.gateway.tabs.entries()].filter(([name]) => name !== 'Logboek'))).toBe(before);
    expect(JSON.stringify(w.gateway.rows('Logboek'))).not.toContain('Anna');
  });

  it('removes a buddy’s name from others’ history and ends their active pairing', () => {
    const w = schoolWorld([bram, ...hosts, anna]);
    assignBuddy(w.ctx(), anna.email, bram.email);
    erasePerson(w.ctx(), bram.email);
    const pair = w.gateway.rows('Koppelingen')[0]!;
    expect(pair).toMatchObject({ Buddy: '', Status: 'beëindigd', Reden: 'buddy verwijderd (AVG)' });
  });

  /** Anna erased, then typed in again and paired by hand, with the location's links filled in. */
  function erasedAndAddedAgain(): World {
    const w = schoolWorld([bram, ...hosts, anna]);
    erasePerson(w.ctx(), anna.email);
    const header = w.gateway.tabs.get('Medewerkers')![0]!.map(String);
    const row: Cell[] = header.map(() => '');
    row[header.indexOf('Naam')] = 'Anna Nieuw';
    row[header.indexOf('E-mail')] = anna.email;
    row[header.indexOf('Locatie')] = HAVO;
    row[header.indexOf('Startdatum')] = { date: '2027-01-11' };
    row[header.indexOf('Status')] = 'nieuw';
    w.gateway.tabs.get('Medewerkers')!.push(row);
    // …and paired again by hand, so that nothing else would stop the packet.
    const pairHeader = w.gateway.tabs.get('Koppelingen')![0]!.map(String);
    const pair: Cell[] = pairHeader.map(() => '');
    pair[pairHeader.indexOf('Nieuwe collega')] = anna.email;
    pair[pairHeader.indexOf('Buddy')] = bram.email;
    pair[pairHeader.indexOf('Locatie')] = HAVO;
    pair[pairHeader.indexOf('Gekoppeld op')] = { date: '2027-01-04' };
    pair[pairHeader.indexOf('Status')] = 'actief';
    w.gateway.tabs.get('Koppelingen')!.push(pair);
    const links = w.gateway.tabs.get('Locaties')!.find((r) => r[0] === HAVO)!;
    links[2] = 'https://x.example/regels';
    links[3] = 'https://x.example/gids';
    return w;
  }

  it('never mails an erased newcomer again automatically, also when their row is typed in again', () => {
    const w = erasedAndAddedAgain();
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    expect(w.mails).toEqual([]);
  });

  // Changed on purpose (issue 12, item 6): the preview used to say the packet would go ("errors: []").
  it('shows the blocked packet in the preview and the sidebar, and sends it once the school leader confirms', () => {
    const w = erasedAndAddedAgain();
    const blocked = 'deze persoon is op maandag 4 januari 2027 gewist (AVG) en daarna opnieuw toegevoegd';
    expect(previewWelcome(w.ctx(), anna.email).errors).toEqual([expect.stringContaining(blocked)]);
    expect(packetRows(w.ctx(), HAVO).find((r) => r.email === anna.email)?.problem).toContain(blocked);
    w.setUser(chiefOf(HAVO));
    expect(() => sendWelcomeNow(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'welcome.cannotSend' }),
    );
    expect(w.mails).toEqual([]);
    w.setUser(LEADER);
    sendWelcomeNow(w.ctx(), anna.email);
    expect(w.mails.map((m) => m.to)).toEqual([anna.email]);
    expect(previewWelcome(w.ctx(), anna.email).errors).toEqual([]);
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    expect(w.mails).toHaveLength(1);
  });

  it('takes a school leader off the list of leaders, and refuses to erase yourself', () => {
    const w = schoolWorld([bram]);
    const settings = w.gateway.tabs.get('Instellingen')!;
    const leaders = settings.find((r) => r[0] === 'Schoolleiders (e-mail)')!;
    leaders[1] = `${LEADER}, tweede@school.example`;
    w.store.set('automation.owner', 'tweede@school.example');
    erasePerson(w.ctx(), 'tweede@school.example');
    expect(leaders[1]).toBe(LEADER);
    expect(w.store.has('automation.owner')).toBe(false);
    expect(() => erasePerson(w.ctx(), LEADER)).toThrow(
      expect.objectContaining({ key: 'privacy.notYourself' }),
    );
  });
});
