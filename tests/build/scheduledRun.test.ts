/**
 * The scheduled run through the built bundle, as Google runs it: only from the owner's trigger,
 * as the owner, while automatic sending is on (issue 12 item 1); a published add-on's run without
 * the document (issue 11 §2); failing runs that people notice (item 9); the sending window on school
 * working days (item 11); and what "Over Wegwijs" says about it all (issue 11 §5).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDemo, SCHOOL_LEADER, UNKNOWN_USER } from '../../sandbox/demo';
import type { GasFakes } from '../../sandbox/fakes/index';
import { type AppsScriptRuntime, loadBundle } from '../../sandbox/runtime';
import { readServerFiles } from '../../sandbox/world';
import { estimatedServiceMs } from '../support/serviceCost';

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');
const sidebar = readFileSync(new URL('../../build/Sidebar.html', import.meta.url), 'utf8');
const chunks = readServerFiles(fileURLToPath(new URL('../../build', import.meta.url)));
const SECOND_LEADER = 'adjunct@vso-demo.example';
// Each test builds the demo with the real bundle; on a loaded machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

let fakes: GasFakes;
let runtime: AppsScriptRuntime;

function start(now = '2027-01-04T07:30:00+01:00'): void {
  fakes = buildDemo(code, { htmlFiles: { Sidebar: sidebar, ...chunks }, now });
  runtime = loadBundle(code, fakes);
}

/** Everything a run could change: every tab, the outbox, shared (script) and document properties, triggers. */
function snapshot() {
  const state = fakes.toJSON();
  return {
    tabs: fakes.sheet.tabNames().map((t) => [t, fakes.sheet.json(t)]),
    outbox: fakes.outbox.length,
    properties: state.properties.document,
    // Shared state lives in the script properties since the web page (issue 13).
    script: state.properties.script,
    triggers: fakes.triggers.list(),
  };
}

function call(user: string, name: string, args: unknown[] = []): { value?: unknown; error?: string } {
  try {
    return { value: runtime.run(name, args, { user }) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function status(user = SCHOOL_LEADER) {
  return runtime.run('getAutomationStatus', [], { user }) as { state: string; text: string; owner: string };
}

function fire() {
  return runtime.fireTimeTriggers();
}

function setSetting(name: string, value: string): void {
  const rows = fakes.sheet.json('Instellingen');
  const index = rows.findIndex((r) => r[0] === name);
  if (index >= 0) rows[index]![1] = value;
  else rows.push([name, value]);
  fakes.sheet.paste('Instellingen', rows);
}

const logbook = () => (fakes.sheet.json('Logboek') as (string | null)[][]).slice(1);

describe('who may start the scheduled work', () => {
  beforeEach(() => start());

  it('refuses every caller of runScheduledJobs while automatic sending is off, and changes nothing', () => {
    const before = snapshot();
    for (const user of [UNKNOWN_USER, '', SCHOOL_LEADER]) {
      for (const event of [undefined, {}, { triggerUid: '1', authMode: 'FULL' }]) {
        const answer = call(user, 'runScheduledJobs', event === undefined ? [] : [event]);
        expect(answer.error).toMatch(/alleen vanuit de eigen trigger/);
      }
    }
    expect(snapshot()).toEqual(before);
    expect(fakes.outbox).toEqual([]);
  });

  it('refuses a forged trigger event from anyone but the owner while it is on', () => {
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    const [trigger] = fakes.triggers.list();
    const before = snapshot();
    const chief = fakes.sheet.json('Locaties')[1]![1] as string;
    for (const user of [UNKNOWN_USER, '', chief]) {
      const answer = call(user, 'runScheduledJobs', [{ triggerUid: trigger!.id, authMode: 'FULL' }]);
      expect(answer.error).toMatch(/alleen vanuit de eigen trigger/);
    }
    expect(snapshot()).toEqual(before);
  });

  it('runs from the owner’s trigger as the owner: mail goes out from the owner', () => {
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    const [fired] = fire();
    expect(fired).toMatchObject({ owner: SCHOOL_LEADER, result: { ran: true, outcome: 'ok' } });
    expect(fakes.outbox.length).toBeGreaterThan(0);
    expect(new Set(fakes.outbox.map((m) => m.from))).toEqual(new Set([SCHOOL_LEADER]));
    expect(status().text).toContain(`namens ${SCHOOL_LEADER}`);
    expect(status().owner).toBe(SCHOOL_LEADER);
  });

  it('lets a trigger whose owner no longer holds automatic sending do nothing and remove itself', () => {
    setSetting('Schoolleiders (e-mail)', `${SCHOOL_LEADER}, ${SECOND_LEADER}`);
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    runtime.run('enableAutomaticSending', [], { user: SECOND_LEADER });
    expect(fakes.triggers.list().map((t) => t.owner)).toEqual([SCHOOL_LEADER, SECOND_LEADER]);
    const fired = fire();
    expect(fired.map((f) => [f.owner, (f.result as { outcome: string }).outcome])).toEqual([
      [SCHOOL_LEADER, 'off'],
      [SECOND_LEADER, 'ok'],
    ]);
    expect(fakes.triggers.list().map((t) => t.owner)).toEqual([SECOND_LEADER]);
    expect(new Set(fakes.outbox.map((m) => m.from))).toEqual(new Set([SECOND_LEADER]));
  });

  it('stops sending in the name of an owner who is no longer a school leader, and says so', () => {
    setSetting('Schoolleiders (e-mail)', `${SCHOOL_LEADER}, ${SECOND_LEADER}`);
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    setSetting('Schoolleiders (e-mail)', SECOND_LEADER);
    const [fired] = fire();
    expect(fired?.result).toMatchObject({ ran: false, outcome: 'failed' });
    expect(fakes.outbox).toEqual([]);
    expect(status(SECOND_LEADER)).toMatchObject({ state: 'failing' });
    expect(status(SECOND_LEADER).text).toContain('staat niet meer bij de schoolleiders');
  });

  it('gives an unknown or empty user nothing from any public function: no mail, no write, no trigger', () => {
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    const newcomer = fakes.sheet.json('Medewerkers').find((r) => r.includes('nieuw'))![1] as string;
    const before = snapshot();
    const alertsBefore = fakes.ui.alerts().length;
    const dialogsBefore = fakes.ui.dialogs().length;
    const names = runtime.globalFunctionNames().filter((n) => n !== 'onOpen' && n !== 'onInstall');
    for (const user of [UNKNOWN_USER, '']) {
      for (const name of names) {
        for (const args of [[], [newcomer], [newcomer, SCHOOL_LEADER], [{ triggerUid: '1' }]]) {
          call(user, name, args);
        }
      }
    }
    expect(snapshot()).toEqual(before);
    expect(fakes.ui.dialogs().length).toBe(dialogsBefore); // the self-check is not shown to them
    expect(fakes.ui.alerts().length).toBeGreaterThan(alertsBefore);
  });
});

describe('a published add-on whose trigger gets no document', () => {
  beforeEach(() => {
    start();
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    fakes.setPublishedAddon(true);
  });

  it('fails soft: no TypeError, one clear log line, nothing sent or written', () => {
    const before = snapshot();
    const logsBefore = fakes.logs.length;
    const [fired] = fire();
    expect(fired?.error).toBeUndefined();
    expect(fired?.result).toMatchObject({ ran: false, outcome: 'noSheet' });
    const lines = fakes.logs.slice(logsBefore);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/could not open the spreadsheet .*Install Wegwijs in the spreadsheet itself/);
    expect(snapshot()).toEqual(before);
  });

  it('shows the owner "kon het blad niet openen" with what to do, until a run opens it again', () => {
    fire();
    fakes.setPublishedAddon(false);
    expect(status()).toMatchObject({ state: 'noSheet' });
    expect(status().text).toMatch(
      /kon het blad niet openen.*Wat te doen: installeer Wegwijs in het blad zelf/,
    );
    fakes.clock.advance(3_600_000);
    fire();
    expect(status().state).toBe('on');
  });
});

describe('the hourly run’s budget', () => {
  it('ends a run that finds nothing to do in well under a second of service calls, and records it', () => {
    start();
    // Nothing blocked either: the newcomer whose packet cannot go yet would be retried every hour.
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    fire();
    const rows = fakes.sheet.json('Medewerkers');
    const status = rows[0]!.indexOf('Status');
    fakes.sheet.paste(
      'Medewerkers',
      rows.map((r, i) =>
        i > 0 && r[status] === 'nieuw' ? r.map((v, j) => (j === status ? 'actief' : v)) : r,
      ),
    );
    fakes.clock.advance(3_600_000);
    fire();
    fakes.clock.advance(3_600_000);
    fakes.calls.reset();
    const [idle] = fire();
    expect(
      (idle!.result as { jobs: { summary: string }[] }).jobs.map((j) => j.summary).join(' '),
    ).not.toMatch(/sent [1-9]|removed [1-9]/);
    const estimate = estimatedServiceMs(fakes.calls.snapshot());
    console.info(
      `idle hourly run: ${fakes.calls.count('Range.getValues')} tab reads, ${fakes.calls.count()} service calls, about ${Math.round(estimate)} ms`,
    );
    expect(fakes.calls.count('Range.setValues')).toBe(0);
    expect(fakes.calls.count('MailApp.sendEmail')).toBe(0);
    // Five tab reads and a handful of property and trigger calls: about 0.57 s in a deliberately
    // slow model (60 ms a read), a fraction of a consumer account's 90 minutes a day at 24 runs.
    expect(fakes.calls.count('Range.getValues')).toBeLessThanOrEqual(5);
    // Changed openly (issue 14): the chef buddy's monthly report adds one read of the properties
    // (30 ms in this model) while a month's report may still go; 600 → 630.
    expect(estimate).toBeLessThan(630);
    const about = runtime.run('getAboutInfo', [], { user: SCHOOL_LEADER }) as {
      checks: { label: string; value: string }[];
    };
    expect(about.checks.find((c) => c.label === 'Triggertijd vandaag')?.value).toMatch(/in 3 run\(s\)/);
  });
});

describe('a failing hourly run', () => {
  beforeEach(() => {
    start();
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
  });

  const breakHeader = () => {
    const rows = fakes.sheet.json('Koppelingen');
    fakes.sheet.paste(
      'Koppelingen',
      rows.map((r, i) => [...r, i === 0 ? 'Status' : null]),
    );
  };
  const mendHeader = () => {
    const rows = fakes.sheet.json('Koppelingen');
    fakes.sheet.paste(
      'Koppelingen',
      rows.map((r) => r.slice(0, -1)),
    );
  };
  const hourly = (times: number) => {
    for (let i = 0; i < times; i++) {
      fire();
      fakes.clock.advance(3_600_000);
    }
  };
  const alerts = () => fakes.outbox.filter((m) => /loopt vast/.test(m.subject));

  it('writes one Logboek line per failed run without personal data, and the status says "fout sinds"', () => {
    breakHeader();
    const before = logbook().length;
    hourly(2);
    const lines = logbook().slice(before);
    expect(lines.map((l) => l[2])).toEqual(['Geplande run mislukt', 'Geplande run mislukt']);
    expect(String(lines[0]![3])).toContain('Koppelingen');
    expect(String(lines[0]![3])).not.toMatch(/@/);
    expect(status()).toMatchObject({ state: 'failing' });
    expect(status().text).toMatch(
      /fout sinds maandag 4 januari 2027 om 07:30 \(2 keer achter elkaar\).*Koppelingen/,
    );
    expect(fakes.outbox).toEqual([]);
  });

  it('mails the owner once after three failed runs, not every run; a success clears it', () => {
    breakHeader();
    hourly(2);
    expect(alerts()).toEqual([]);
    hourly(3);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatchObject({ to: SCHOOL_LEADER, from: SCHOOL_LEADER });
    expect(alerts()[0]!.body).toMatch(/5 keer|3 keer/);
    mendHeader();
    hourly(1);
    expect(status().state).toBe('on');
    breakHeader();
    hourly(3);
    expect(alerts()).toHaveLength(2); // a new streak, one new mail
  });
});

describe('the sending window', () => {
  it('holds mail to people on a Saturday and at night, and sends at 07:00 on the next school day', () => {
    start('2027-01-02T10:00:00+01:00'); // a Saturday
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    const [saturday] = fire();
    expect(fakes.outbox).toEqual([]);
    expect(JSON.stringify(saturday?.result)).toContain('waits for the sending window (dayOff)');
    fakes.clock.set('2027-01-04T03:00:00+01:00');
    fire();
    expect(fakes.outbox).toEqual([]);
    fakes.clock.set('2027-01-04T07:00:00+01:00');
    fire();
    expect(fakes.outbox.length).toBeGreaterThan(0);
    expect(fakes.outbox.every((m) => m.sentAt.startsWith('2027-01-04T07:00'))).toBe(true);
  });

  it('holds mail on the school’s own day off and after the window set in Instellingen', () => {
    start();
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    fakes.sheet.paste('Vrije dagen', [
      ...fakes.sheet.json('Vrije dagen'),
      ['2027-01-04', '2027-01-04', 'Studiedag', 'alle'],
    ]);
    fire();
    expect(fakes.outbox).toEqual([]);
    setSetting('Verzendvenster', '09:00-12:00');
    fakes.clock.set('2027-01-05T08:30:00+01:00');
    fire();
    expect(fakes.outbox).toEqual([]);
    fakes.clock.set('2027-01-05T12:00:00+01:00');
    fire();
    expect(fakes.outbox).toEqual([]);
    fakes.clock.set('2027-01-05T09:00:00+01:00');
    fire();
    expect(fakes.outbox.length).toBeGreaterThan(0);
  });
});

describe('a study day at one location', () => {
  it('holds the reminders to that location’s buddies and chef, while the rest of the school gets mail', () => {
    start();
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    const staff = fakes.sheet.json('Medewerkers');
    const location = staff[0]!.indexOf('Locatie');
    const checkIns = fakes.sheet.json('Check-ins');
    const newcomerCol = checkIns[0]!.indexOf('Nieuwe collega');
    const emailCol = staff[0]!.indexOf('E-mail');
    const locationOf = (email: string) => staff.find((r) => r[emailCol] === email)?.[location] as string;
    // Everyone whose check-in mails would go out now, by the newcomer's location.
    fakes.sheet.paste('Vrije dagen', [
      ...fakes.sheet.json('Vrije dagen'),
      ...[...new Set(checkIns.slice(1).map((r) => locationOf(String(r[newcomerCol]))))]
        .filter(Boolean)
        .map((loc) => ['2027-01-04', '2027-01-04', 'Studiedag', loc]),
    ]);
    fire();
    const subjects = fakes.outbox.map((m) => m.subject);
    expect(subjects.some((s) => /check-in/i.test(s))).toBe(false);
    expect(subjects.some((s) => /weekoverzicht/i.test(s))).toBe(true); // school-wide mail still goes
    fakes.clock.set('2027-01-05T07:00:00+01:00');
    fire();
    expect(fakes.outbox.some((m) => /check-in/i.test(m.subject))).toBe(true);
  });
});

describe('"Over Wegwijs", the page a school checks after installing', () => {
  it('shows scopes, the trigger and its owner, the last run, quota, time zones and version', () => {
    start();
    runtime.run('enableAutomaticSending', [], { user: SCHOOL_LEADER });
    fire();
    runtime.run('showAbout', [], { user: SCHOOL_LEADER });
    const html = fakes.ui.dialogs().at(-1)!.html;
    for (const text of [
      'Versie',
      'Vereiste rechten',
      'Toegestane rechten',
      `aanwezig, van ${SCHOOL_LEADER} (jij)`,
      'Laatste geplande run',
      'maandag 4 januari 2027 om 07:30',
      'blad geopend',
      'mail(s) verstuurd',
      'Triggertijd vandaag',
      'Resterende mails vandaag',
      'Europe/Amsterdam / Europe/Amsterdam',
      'Verzendvenster',
      '07:00–18:00',
    ]) {
      expect(html).toContain(text);
    }
    const chief = fakes.sheet.json('Locaties')[1]![1] as string;
    runtime.run('showAbout', [], { user: chief });
    expect(fakes.ui.dialogs().at(-1)!.html).toContain(
      `van ${SCHOOL_LEADER} (alleen de eigenaar kan de trigger zien)`,
    );
  });

  it('is refused to an unknown user from the menu, as getAboutInfo refuses them', () => {
    start();
    const dialogs = fakes.ui.dialogs().length;
    runtime.run('showAbout', [], { user: UNKNOWN_USER });
    expect(fakes.ui.dialogs().length).toBe(dialogs);
    expect(fakes.ui.alerts().at(-1)?.message).toMatch(/Vraag de schoolleider|niet bekend|staat niet/i);
    expect(call(UNKNOWN_USER, 'getAboutInfo').error).toBeDefined();
  });
});
