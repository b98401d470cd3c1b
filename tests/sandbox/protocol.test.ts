/**
 * The sandbox's HTTP API against a small fixture bundle, for behaviour the real add-on has no
 * function for (a Date result, a thrown error, a private helper, a trigger that mails).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import { startTestSandbox, type TestSandbox } from '../e2e/support/sandbox.ts';
import { writeFixtureBuild } from './fixtures/bundle.ts';

let sandbox: TestSandbox;
let buildDir: string;

beforeAll(async () => {
  buildDir = writeFixtureBuild();
  sandbox = await startTestSandbox({ buildDir });
}, 30_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(buildDir, { recursive: true, force: true });
});

describe('POST /rpc/<function>', () => {
  it('runs a public global as the user in X-Wegwijs-User', async () => {
    expect(await sandbox.rpc('whoAmI', [], 'iemand@vso-demo.example')).toEqual({
      status: 200,
      body: { ok: true, value: 'iemand@vso-demo.example' },
    });
  });

  it('runs as the empty user when the header is missing', async () => {
    const answer = await sandbox.api('POST', '/rpc/whoAmI', []);
    expect(answer.body).toEqual({ ok: true, value: '' });
  });

  it('round-trips arguments and results as JSON', async () => {
    const value = { a: [1, 'twee', true, null], b: { c: 'ë' } };
    expect((await sandbox.rpc('echo', [value])).body).toEqual({ ok: true, value });
  });

  it('answers a result holding a Date anywhere as null, as google.script.run does', async () => {
    expect((await sandbox.rpc('giveDate')).body).toEqual({ ok: true, value: null });
    expect((await sandbox.rpc('nestedDate')).body).toEqual({ ok: true, value: null });
  });

  it("answers a thrown error's message", async () => {
    expect(await sandbox.rpc('fail')).toEqual({ status: 200, body: { ok: false, error: 'Dat mag niet.' } });
  });

  it.each([['helper_'], ['notAFunction'], ['SpreadsheetApp'], ['nothingLikeThis'], ['toString']])(
    'answers 404 for %s, which is not a public global function',
    async (name) => {
      const answer = await sandbox.rpc(name);
      expect(answer.status).toBe(404);
      expect(answer.body.ok).toBe(false);
    },
  );

  it('answers 400 for a body that is not JSON, not an array, or holds what google.script.run refuses', async () => {
    for (const body of ['{nope', '{"a":1}', '"x"', '[1e999]']) {
      const answer = await sandbox.api('POST', '/rpc/echo', body);
      expect(answer.status, body).toBe(400);
      expect(answer.body.ok).toBe(false);
      expect(answer.body.error).toBeTruthy();
    }
  });
});

describe('the menu and what it shows', () => {
  it('gives the menu as onOpen built it', async () => {
    const answer = await sandbox.api('POST', '/api/menu', undefined, { 'X-Wegwijs-User': SCHOOL_LEADER });
    expect(answer.body.menus[0].caption).toBe('Wegwijs');
    expect(answer.body.menus[0].items.map((i: { functionName?: string }) => i.functionName)).toContain(
      'setupWorkbook',
    );
  });

  it('runs a menu item as the user and answers the alert, sidebar and dialog it showed', async () => {
    const setup = await sandbox.api('POST', '/api/run/setupWorkbook', undefined, {
      'X-Wegwijs-User': SCHOOL_LEADER,
    });
    expect(setup.body.ok).toBe(true);
    expect(setup.body.shown.alerts[0].message).toMatch(/^Blad ingericht/);
    const sidebar = await sandbox.api('POST', '/api/run/showSidebar');
    expect(sidebar.body.shown.sidebars).toHaveLength(1);
    const about = await sandbox.api('POST', '/api/run/showAbout');
    expect(about.body.shown.dialogs[0]).toMatchObject({ title: 'Over', width: 300, height: 120 });
  });

  it('serves a sidebar as built, with the google.script.run shim first in its head, sandboxed', async () => {
    const response = await fetch(`${sandbox.url}/ui/sidebar/0`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts/);
    expect(html.startsWith('<!DOCTYPE html>\n<html><head><script>window.__wegwijsShim=')).toBe(true);
    expect(html).toContain('"functions":[');
    expect(html).not.toContain('"helper_"');
    expect(html).toContain('<div data-testid="loading">Laden…</div>');
    expect((await fetch(`${sandbox.url}/ui/sidebar/99`)).status).toBe(404);
  });
});

describe('triggers and the outbox', () => {
  it('fires installed time-driven triggers as their owner and shows the mail with its attachment', async () => {
    expect((await sandbox.api('POST', '/api/triggers/fire')).body).toEqual({ ok: true, fired: [] });
    await sandbox.rpc('installTrigger', [], SCHOOL_LEADER);
    const fired = await sandbox.api('POST', '/api/triggers/fire');
    expect(fired.body.fired).toEqual([
      { handler: 'runScheduledJobs', owner: SCHOOL_LEADER, ok: true, result: 'sent' },
    ]);
    const outbox = await sandbox.api('GET', '/api/outbox');
    expect(outbox.body).toHaveLength(1);
    const [mail] = outbox.body;
    expect(mail).toMatchObject({
      to: 'nieuw@vso-demo.example',
      cc: 'chef@vso-demo.example',
      subject: 'Welkom',
    });
    expect(mail.sentAt).toBe('2027-01-04T07:30:00.000+01:00');
    expect(mail.attachments).toEqual([
      { name: 'schema.txt', mimeType: 'text/plain', size: 12, url: '/api/outbox/0/attachments/0' },
    ]);
    const file = await fetch(sandbox.url + mail.attachments[0].url);
    expect(file.headers.get('content-disposition')).toContain('schema.txt');
    expect(await file.text()).toBe('Inwerkschema');
    expect((await fetch(`${sandbox.url}/api/outbox/0/attachments/5`)).status).toBe(404);
  });
});
