/** The sandbox's HTTP API (DESIGN.md "Sandbox HTTP API") with the real build and the demo data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER, UNKNOWN_USER } from '../../sandbox/demo.ts';
import { SCHEMA } from '../../src/core/schema.ts';
import { startTestSandbox, type TestSandbox } from '../e2e/support/sandbox.ts';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
}, 30_000);

afterAll(async () => {
  await sandbox?.close();
});

const workbook = async (): Promise<Record<string, unknown[][]>> =>
  (await sandbox.api('GET', '/api/workbook')).body.tabs;

describe('GET /api/workbook', () => {
  it('has every tab of the schema with its Dutch headers, and the demo rows', async () => {
    const tabs = await workbook();
    for (const tab of Object.values(SCHEMA)) {
      expect(Object.keys(tabs)).toContain(tab.nl);
      const header = tabs[tab.nl]?.[0] ?? [];
      const required = Object.values(tab.columns)
        .filter((c) => c.required)
        .map((c) => c.nl);
      for (const h of required) expect(header).toContain(h);
    }
    expect(tabs.Medewerkers!.length - 1).toBeGreaterThanOrEqual(70);
    expect(tabs.Koppelingen!.length - 1).toBeGreaterThanOrEqual(5);
  });

  it('gives dates as YYYY-MM-DD', async () => {
    const staff = (await workbook()).Medewerkers!;
    const col = staff[0]!.indexOf('Startdatum');
    expect(staff.slice(1).every((row) => /^\d{4}-\d{2}-\d{2}$/.test(String(row[col])))).toBe(true);
  });
});

describe('POST /rpc with the real add-on', () => {
  it('tells the school leader, a chef buddy and an unknown user apart', async () => {
    const users = (await sandbox.api('GET', '/api/users')).body.users as { email: string; role: string }[];
    const chief = users.find((u) => u.role === 'chef buddy')!;
    const leader = await sandbox.rpc('getSidebarState', [], SCHOOL_LEADER);
    expect(leader.body).toMatchObject({ ok: true, value: { user: { role: 'schoolleider' } } });
    expect((await sandbox.rpc('getSidebarState', [], chief.email)).body).toMatchObject({
      value: { user: { email: chief.email } },
    });
    expect(JSON.stringify((await sandbox.rpc('getSidebarState', [], chief.email)).body)).toMatch(
      /"role":"chef ?buddy"/i,
    );
    const unknown = await sandbox.rpc('getSidebarState', [], UNKNOWN_USER);
    expect(JSON.stringify(unknown.body)).toContain('Vraag de schoolleider');
  });

  it('answers 404 for a name that is not a global of Code.js', async () => {
    expect((await sandbox.rpc('Wegwijs')).status).toBe(404);
  });
});

describe('GET /api/users', () => {
  // Changed on purpose (issue 13): the buddy's newcomer joins the switcher, for /mijn.
  it('derives the switcher from the workbook: leader, four chef buddies, a buddy and their newcomer, a staff member, unknown, empty', async () => {
    const users = (await sandbox.api('GET', '/api/users')).body.users as { email: string; role: string }[];
    expect(users.map((u) => u.role)).toEqual([
      'schoolleider',
      'chef buddy',
      'chef buddy',
      'chef buddy',
      'chef buddy',
      'buddy',
      'nieuwe collega',
      'medewerker',
      'onbekend',
      'leeg',
    ]);
    expect(users[0]!.email).toBe(SCHOOL_LEADER);
    expect(users.at(-1)!.email).toBe('');
  });
});

describe('changing the workbook', () => {
  it('PUT replaces a tab as a user pasting: text becomes dates, numbers and booleans', async () => {
    const answer = await sandbox.api('PUT', '/api/workbook/Vrije%20dagen', [
      ['Van', 'Tot en met', 'Omschrijving', 'Locatie'],
      ['2027-02-13', '21-2-2027', 'Voorjaarsvakantie', 'alle'],
    ]);
    expect(answer.status).toBe(200);
    expect((await workbook())['Vrije dagen']).toEqual([
      ['Van', 'Tot en met', 'Omschrijving', 'Locatie'],
      ['2027-02-13', '2027-02-21', 'Voorjaarsvakantie', 'alle'],
    ]);
  });

  it('answers 404 for a tab the workbook does not have, and creates nothing', async () => {
    const before = Object.keys(await workbook());
    const answer = await sandbox.api('PUT', '/api/workbook/Bestaat%20niet', [['a']]);
    expect(answer.status).toBe(404);
    expect(answer.body.error).toContain('Bestaat niet');
    expect(Object.keys(await workbook())).toEqual(before);
  });

  it('answers 400 for a body that is not a 2-D array of cells, and changes nothing', async () => {
    const before = (await workbook()).Locaties;
    for (const body of ['nope', '{"a":1}', '[1,2]', '[[{"x":1}]]']) {
      const answer = await sandbox.api('PUT', '/api/workbook/Locaties', body);
      expect(answer.status, body).toBe(400);
    }
    expect((await workbook()).Locaties).toEqual(before);
  });

  it('PATCH types single cells, as the page does', async () => {
    const answer = await sandbox.api('PATCH', '/api/workbook/Locaties', {
      cells: [{ row: 2, col: 5, value: '3' }],
    });
    expect(answer.body.values[1][4]).toBe(3);
    expect(
      (await sandbox.api('PATCH', '/api/workbook/Locaties', { cells: [{ row: 0, col: 1, value: 'x' }] }))
        .status,
    ).toBe(400);
  });

  it('answers 400 when Sheets would refuse the typing: a status outside its list', async () => {
    const staff = (await workbook()).Medewerkers!;
    const col = staff[0]!.indexOf('Status') + 1;
    const answer = await sandbox.api('PATCH', '/api/workbook/Medewerkers', {
      cells: [{ row: 2, col, value: 'nieuwe collega' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/violates the data validation rules/);
    expect((await workbook()).Medewerkers![1]![col - 1]).toBe(staff[1]![col - 1]);
  });

  it('POST rows appends pasted rows below the last row', async () => {
    const before = (await workbook())['Wie vraag ik wat']!.length;
    const answer = await sandbox.api('POST', '/api/workbook/Wie%20vraag%20ik%20wat/rows', {
      rows: [['alle', 'Parkeren', 'Conciërge', '']],
    });
    expect(answer.body.values).toHaveLength(before + 1);
    expect(answer.body.values.at(-1).slice(0, 3)).toEqual(['alle', 'Parkeren', 'Conciërge']);
  });
});

describe('appending past the grid and malformed bodies', () => {
  it('grows the grid as Sheets does when pasted rows go past the last row of the tab', async () => {
    const before = (await workbook())['Vrije dagen']!.length;
    const rows = Array.from({ length: 1200 }, (_, i) => ['2027-03-01', '2027-03-01', `Dag ${i}`, 'alle']);
    const answer = await sandbox.api('POST', '/api/workbook/Vrije%20dagen/rows', { rows });
    expect(answer.status).toBe(200);
    expect(answer.body.values).toHaveLength(before + 1200);
    expect(answer.body.values.at(-1)[2]).toBe('Dag 1199');
    const far = before + 1200 + 500;
    const typed = await sandbox.api('PATCH', '/api/workbook/Vrije%20dagen', {
      cells: [{ row: far, col: 3, value: 'Ver weg' }],
    });
    expect(typed.status).toBe(200);
    expect(typed.body.values[far - 1][2]).toBe('Ver weg');
    const wide = await sandbox.api('POST', '/api/workbook/Vrije%20dagen/rows', {
      rows: [Array.from({ length: 40 }, (_, i) => `k${i}`)],
    });
    expect(wide.status).toBe(200);
    expect(wide.body.values.at(-1)[39]).toBe('k39');
  });

  it('answers 400, not 500, for deeply nested JSON, and changes nothing', async () => {
    const before = await workbook();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const [method, path] of [
      ['POST', '/rpc/getSidebarState'],
      ['POST', '/api/workbook/Locaties/rows'],
      ['PUT', '/api/workbook/Locaties'],
      ['PATCH', '/api/workbook/Locaties'],
      ['PUT', '/api/scopes'],
    ] as const) {
      const answer = await sandbox.api(method, path, deep, { 'X-Wegwijs-User': SCHOOL_LEADER });
      expect(answer.status, path).toBe(400);
      expect(answer.body.ok).toBe(false);
    }
    const nestedArgs = `[${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}]`;
    expect(
      (await sandbox.api('POST', '/rpc/getSidebarState', nestedArgs, { 'X-Wegwijs-User': SCHOOL_LEADER }))
        .status,
    ).toBe(400);
    expect(await workbook()).toEqual(before);
  });
});

describe('granted scopes', () => {
  const SCOPE = 'https://www.googleapis.com/auth/';
  it('starts with exactly the manifest scopes, and a scope can be unticked and ticked again', async () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    const start = (await sandbox.api('GET', '/api/scopes')).body;
    expect(start.requested).toEqual(manifest.oauthScopes);
    expect(start.granted).toEqual(manifest.oauthScopes);

    const without = manifest.oauthScopes.filter((s) => s !== `${SCOPE}script.send_mail`);
    const put = await sandbox.api('PUT', '/api/scopes', { granted: without });
    expect(put.body).toMatchObject({ ok: true, granted: without });
    const users = (await sandbox.api('GET', '/api/users')).body.users as { email: string; role: string }[];
    const state = await sandbox.api('POST', '/rpc/getSidebarState', [], { 'X-Wegwijs-User': SCHOOL_LEADER });
    expect(state.body.ok).toBe(true);
    const newcomer = (state.body.value.newcomers as { email: string }[])[0]!.email;
    const test = await sandbox.api('POST', '/rpc/sendWelcomeTest', [newcomer], {
      'X-Wegwijs-User': SCHOOL_LEADER,
    });
    expect(test.body.ok).toBe(false);
    expect(test.body.error).toContain('script.send_mail');
    expect(users.length).toBeGreaterThan(3);

    expect((await sandbox.api('PUT', '/api/scopes', { granted: [`${SCOPE}drive`] })).status).toBe(400);
    expect((await sandbox.api('PUT', '/api/scopes', { granted: 'all' })).status).toBe(400);
    await sandbox.api('PUT', '/api/scopes', { granted: manifest.oauthScopes });
    expect((await sandbox.api('GET', '/api/scopes')).body.granted).toEqual(manifest.oauthScopes);
  });

  it('lets a person keep typing in the sheet when the script may not touch it', async () => {
    const { requested } = (await sandbox.api('GET', '/api/scopes')).body as { requested: string[] };
    await sandbox.api('PUT', '/api/scopes', {
      granted: requested.filter((s) => s !== `${SCOPE}spreadsheets`),
    });
    const typed = await sandbox.api('PATCH', '/api/workbook/Locaties', {
      cells: [{ row: 2, col: 5, value: '4' }],
    });
    expect(typed.status).toBe(200);
    const state = await sandbox.api('POST', '/rpc/getSidebarState', [], { 'X-Wegwijs-User': SCHOOL_LEADER });
    expect(state.body.error).toMatch(/\bspreadsheets\b(?!\.)/);
    await sandbox.api('PUT', '/api/scopes', { granted: requested });
  });
});

describe('the clock', () => {
  it('starts at the demo moment and can be set, moved by days over DST, or to a date', async () => {
    expect((await sandbox.api('GET', '/api/clock')).body).toEqual({
      now: '2027-01-04T07:30:00.000+01:00',
      today: '2027-01-04',
      timeZone: 'Europe/Amsterdam',
    });
    expect((await sandbox.api('POST', '/api/clock', { now: '2027-03-27T07:30:00+01:00' })).body.today).toBe(
      '2027-03-27',
    );
    expect((await sandbox.api('POST', '/api/clock', { days: 1 })).body.now).toBe(
      '2027-03-28T07:30:00.000+02:00',
    );
    expect((await sandbox.api('POST', '/api/clock', { date: '2027-04-05' })).body.now).toBe(
      '2027-04-05T07:30:00.000+02:00',
    );
    expect((await sandbox.rpc('getSidebarState', [], SCHOOL_LEADER)).body).toMatchObject({
      value: { today: '2027-04-05' },
    });
  });

  it('refuses a moment without offset or a bad body, and keeps the time', async () => {
    const before = (await sandbox.api('GET', '/api/clock')).body.now;
    for (const body of [
      { now: '2027-01-04T07:30:00' },
      { now: '4 januari' },
      { days: -1 },
      { date: '2027-02-30' },
      {},
    ]) {
      expect((await sandbox.api('POST', '/api/clock', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await sandbox.api('GET', '/api/clock')).body.now).toBe(before);
  });
});

describe('state', () => {
  it('is saved after a change, survives a restart, and POST /api/reset brings back the demo', async () => {
    await sandbox.api('PATCH', '/api/workbook/Locaties', {
      cells: [{ row: 2, col: 4, value: 'https://gids.example/' }],
    });
    const saved = JSON.parse(readFileSync(join(sandbox.stateDir, 'state.json'), 'utf8'));
    expect(saved.version).toBe(1);
    sandbox = await sandbox.restart();
    expect((await workbook()).Locaties![1]![3]).toBe('https://gids.example/');
    const reset = await sandbox.api('POST', '/api/reset');
    expect(reset.body.now).toBe('2027-01-04T07:30:00.000+01:00');
    expect((await workbook()).Locaties![1]![3]).toMatch(/^https:\/\/www\.vso-demo\.example\//);
  });
});

describe('anything else', () => {
  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    expect((await sandbox.api('GET', '/api/nothing')).status).toBe(404);
    expect((await sandbox.api('DELETE', '/api/workbook')).status).toBe(405);
    expect((await sandbox.api('GET', '/rpc/getSidebarState')).status).toBe(405);
  });

  it('serves the page', async () => {
    const page = await fetch(`${sandbox.url}/`);
    expect(await page.text()).toContain('<div id="app">');
    expect((await fetch(`${sandbox.url}/page.js`)).status).toBe(200);
  });
});

describe('POST /api/published-addon', () => {
  it('makes a fired trigger run without the document: it fails soft and the owner sees why', {
    timeout: 30_000,
  }, async () => {
    expect((await sandbox.api('POST', '/api/published-addon', { on: 'ja' })).status).toBe(400);
    expect((await sandbox.rpc('setAutomaticSending', [true], SCHOOL_LEADER)).body).toMatchObject({
      ok: true,
    });
    expect((await sandbox.api('POST', '/api/published-addon', { on: true })).body).toEqual({
      ok: true,
      publishedAddon: true,
    });
    const fired = (await sandbox.api('POST', '/api/triggers/fire')).body.fired;
    expect(fired).toMatchObject([{ owner: SCHOOL_LEADER, ok: true, result: { outcome: 'noSheet' } }]);
    expect((await sandbox.rpc('getAutomationStatus', [], SCHOOL_LEADER)).body).toMatchObject({
      ok: true,
      value: { state: 'noSheet', owner: SCHOOL_LEADER },
    });
    await sandbox.api('POST', '/api/published-addon', { on: false });
    await sandbox.rpc('setAutomaticSending', [false], SCHOOL_LEADER);
  });
});

describe('messages about bad arguments', () => {
  it('name the field by its translated label, never by an internal parameter name', async () => {
    const dutch = await sandbox.rpc('setAutomaticSending', ['ja'], SCHOOL_LEADER);
    expect(dutch.body).toEqual({
      ok: false,
      error: 'Ongeldige invoer: automatisch versturen moet ja of nee zijn.',
    });
    const english = await sandbox.api('POST', '/rpc/sendWelcomeNow', [42], {
      'X-Wegwijs-User': SCHOOL_LEADER,
      'X-Wegwijs-Locale': 'en',
    });
    expect(english.body).toEqual({ ok: false, error: 'Invalid input: newcomer must be text.' });
  });
});
