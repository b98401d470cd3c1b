/**
 * No personal data in log lines or error messages: drives the built bundle through every public
 * function (good and bad calls, faults, scheduled runs, erasure) and scans every error message,
 * every console/Logger line and every Logboek detail for the fixtures' names, e-mails and notes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGasFakes } from '../../sandbox/fakes/index';
import { loadBundle } from '../../sandbox/runtime';
import { readServerFiles } from '../../sandbox/world';

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');
const sidebar = readFileSync(new URL('../../build/Sidebar.html', import.meta.url), 'utf8');
const chunks = readServerFiles(fileURLToPath(new URL('../../build', import.meta.url)));

const LEADER = 'rector.geheim@school.example';
const CHIEF = 'chef.geheim@school.example';
const BUDDY = 'buddy.geheim@school.example';
const NEWCOMER = 'nieuw.geheim@school.example';
const NOTE = 'NOTITIE-GEHEIM-5521';
const PERSONAL = [
  LEADER,
  CHIEF,
  BUDDY,
  NEWCOMER,
  'Roos Geheimzinnig',
  'Bas Verborgen',
  'Nina Anoniem',
  'Chef Discreet',
  'Vera Nieuwkomer',
  'vera@school.example',
  NOTE,
];

describe('log lines and error messages', () => {
  it('carry no names, e-mail addresses or notes, whatever happens', () => {
    const fakes = createGasFakes({
      now: '2027-01-04T07:30:00+01:00',
      activeUser: LEADER,
      htmlFiles: { Sidebar: sidebar, ...chunks },
    });
    const runtime = loadBundle(code, fakes);
    const errors: string[] = [];
    const call = (user: string, fn: string, ...args: unknown[]) => {
      try {
        return runtime.run(fn, args, { user });
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
        return undefined;
      }
    };
    call(LEADER, 'setupWorkbook');
    const staffHeader = fakes.sheet.json('Medewerkers')[0] as string[];
    const row = (values: Record<string, string>) => staffHeader.map((h) => values[h] ?? '');
    fakes.sheet.paste('Medewerkers', [
      staffHeader,
      row({
        Naam: 'Chef Discreet',
        'E-mail': CHIEF,
        Locatie: 'Onderbouw havo',
        Startdatum: '2010-08-01',
        Status: 'actief',
      }),
      row({
        Naam: 'Bas Verborgen',
        'E-mail': BUDDY,
        Locatie: 'Onderbouw havo',
        Startdatum: '2012-08-01',
        Status: 'actief',
        'Kan buddy zijn': 'TRUE',
        'Jaren ervaring VSO': '9',
        'Affiniteit met begeleiden': 'TRUE',
        'Max. koppelingen': '1',
      }),
      // Below the buddy rules (new at the school, no affinity): pairing her is refused by name-free rule text.
      row({
        Naam: 'Vera Nieuwkomer',
        'E-mail': 'vera@school.example',
        Locatie: 'Onderbouw havo',
        Startdatum: '2026-11-02',
        Status: 'actief',
        'Kan buddy zijn': 'TRUE',
        'Jaren ervaring VSO': '9',
      }),
      row({
        Naam: 'Nina Anoniem',
        'E-mail': NEWCOMER,
        Locatie: 'Onderbouw havo',
        Startdatum: '2027-01-11',
        Status: 'nieuw',
      }),
      row({
        Naam: 'Roos Geheimzinnig',
        'E-mail': 'roos@school.example',
        Locatie: 'Onderbouw havo',
        Startdatum: '2027-01-18',
        Status: 'nieuw',
      }),
    ]);
    const locations = fakes.sheet.json('Locaties') as string[][];
    fakes.sheet.paste('Locaties', [
      locations[0]!,
      ...locations.slice(1).map((r) => [r[0]!, CHIEF, 'https://x.example/a', 'https://x.example/b', '2']),
    ]);
    const settings = fakes.sheet.json('Instellingen') as string[][];
    fakes.sheet.paste(
      'Instellingen',
      settings.map((r) => (r[0] === 'Schoolleiders (e-mail)' ? [r[0], LEADER] : r.map(String))),
    );

    // Good calls, repeated and conflicting calls, bad arguments, other people's data.
    call(CHIEF, 'getSidebarState');
    call(CHIEF, 'suggestBuddies', NEWCOMER);
    call(CHIEF, 'assignBuddy', NEWCOMER, BUDDY);
    call(CHIEF, 'assignBuddy', NEWCOMER, BUDDY);
    call(CHIEF, 'assignBuddy', 'roos@school.example', BUDDY);
    call(CHIEF, 'assignBuddy', NEWCOMER, 'roos@school.example');
    call(CHIEF, 'assignBuddy', 'niemand@school.example', BUDDY);
    call(CHIEF, 'assignBuddy', `${'x'.repeat(300)}@x.example`, BUDDY);
    call(CHIEF, 'assignBuddy', 'roos@school.example', 'vera@school.example');
    call(CHIEF, 'assignBuddy', 'roos@school.example', 'vera@school.example', 'ja');
    call(CHIEF, 'endPairing', 'roos@school.example', 'geen klik');
    call(CHIEF, 'applyPairs', 'Onderbouw havo', [{ newcomer: 'roos@school.example', buddy: BUDDY }]);
    call(CHIEF, 'saveSchedule', NEWCOMER);
    call(CHIEF, 'scheduleIcs', 'roos@school.example');
    call(CHIEF, 'markScheduleItem', NEWCOMER, '2027-01-11', 'Bestaat niet', true);
    call(CHIEF, 'previewWelcome', NEWCOMER);
    fakes.mail.failNext(1, `Invalid email: ${NEWCOMER}`);
    call(CHIEF, 'sendWelcomeTest', NEWCOMER);
    call(CHIEF, 'sendWelcomeNow', NEWCOMER);
    call(CHIEF, 'sendWelcomeNow', NEWCOMER);
    call(BUDDY, 'recordCheckIn', NEWCOMER, {
      held: '2027-01-04',
      phase: 'doen',
      wellbeing: 9,
      click: 'goed',
      notes: NOTE,
    });
    call(BUDDY, 'recordCheckIn', NEWCOMER, {
      held: '2027-01-04',
      phase: 'doen',
      wellbeing: 3,
      click: 'niet',
      agreements: 'Meelopen.',
      notes: NOTE,
    });
    call(BUDDY, 'skipCheckIn', NEWCOMER, '2030-01-01', NOTE);
    call(BUDDY, 'closeOnboarding', NEWCOMER);
    call('vreemde@elders.example', 'getCheckIns', NEWCOMER);
    call('', 'getSidebarState');
    call(CHIEF, 'getOverview', 'Bovenbouw vmbo');
    call(LEADER, 'getOverview');
    call(LEADER, 'refreshOverviewTab');
    call(LEADER, 'enableAutomaticSending');
    fakes.clock.set('2027-01-25T07:30:00+01:00');
    fakes.mail.failNext(2, `Mail to ${BUDDY} failed`);
    runtime.fireTimeTriggers();
    fakes.mail.setQuota(0);
    fakes.clock.set('2027-02-01T07:30:00+01:00');
    runtime.fireTimeTriggers();
    call(LEADER, 'exportPersonData', NEWCOMER);
    call(LEADER, 'previewErasure', NEWCOMER);
    call(LEADER, 'erasePerson', NEWCOMER);
    call(LEADER, 'erasePerson', LEADER);
    call(LEADER, 'previewRetentionPurge');
    call(LEADER, 'applyRetentionPurge');

    expect(errors.length).toBeGreaterThan(10);
    const logbook = (fakes.sheet.json('Logboek') as string[][]).slice(1).map((r) => `${r[2]} ${r[3]}`);
    const scanned = [...errors, ...fakes.logs, ...logbook];
    const leaks = scanned.filter((line) => PERSONAL.some((p) => line.includes(p)));
    expect(leaks).toEqual([]);
  });
});
