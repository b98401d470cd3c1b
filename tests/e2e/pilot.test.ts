/**
 * Issue 15 in the sandbox (real build, Chromium): the school leader sets Onderbouw vmbo to pilot
 * after a confirmation, starts a "before" round, the hourly run mails the invitations, staff answer
 * in Mijn Wegwijs, eight weeks pass on the sandbox clock, an "after" round runs, and the evaluation
 * shows the difference for the location with a chart. The answers tab and the CSV hold no names.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import { screenshotPath, sidebarShowing } from './support/browser.ts';
import type { TestSandbox } from './support/sandbox.ts';
import { type Session, startSession, stopSession } from './support/session.ts';
import { readTab } from './support/workbook.ts';

const OV = 'Onderbouw vmbo';
let session: Session | undefined;
let sandbox: TestSandbox;
let page: Page;
let staff: { email: string; name: string }[] = [];
/** The demo holds a finished "before" round from November (M1): the new rounds follow it. */
const BEFORE = 'M2';
const AFTER = 'M3';

beforeAll(async () => {
  session = await startSession();
  ({ sandbox, page } = session);
  staff = (await readTab(sandbox, 'Medewerkers'))
    .filter((r) => r.Locatie === OV && (r.Status === 'actief' || r.Status === 'nieuw'))
    .map((r) => ({ email: String(r['E-mail']), name: String(r.Naam) }));
});

afterAll(() => stopSession(session));

async function pilotView(): Promise<Frame> {
  if (page.url().includes('/mijn')) await page.goto(sandbox.url);
  await page.selectOption('[data-testid=user-switcher]', SCHOOL_LEADER).catch(() => undefined);
  const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
  await frame.click('[data-testid=refresh]');
  await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
  await frame.click('[data-testid=tab-overview]');
  await frame.click('[data-testid=overview-pilot]');
  await frame.waitForSelector('[data-testid=pilot]');
  return frame;
}

/** A colleague's answers through the page's own call, in the web-app context. */
async function answerAs(email: string, round: string, answers: Record<string, number | string>) {
  const r = await sandbox.api('POST', '/rpc/submitSurvey', [round, answers], {
    'X-Wegwijs-User': email,
    'X-Wegwijs-WebApp': '1',
  });
  expect(r.body).toMatchObject({ ok: true });
}

describe('the pilot at Onderbouw vmbo, evaluated before and after', () => {
  it('the school leader sets the phase to pilot after a confirmation', async () => {
    const frame = await pilotView();
    const row = await frame.waitForSelector(`[data-testid=pi-phase][data-location="${OV}"]`);
    await (await row.$('[data-testid=pi-phase-select]'))!.selectOption('pilot');
    await (await row.$('[data-testid=pi-phase-change]'))!.click();
    await frame.waitForSelector('[role=alertdialog]');
    await frame.click('[data-testid=pi-phase-confirm]');
    expect(await (await frame.waitForSelector('[data-testid=pi-message]')).textContent()).toContain('pilot');
    const locations = await readTab(sandbox, 'Locaties');
    expect(locations.find((l) => l.Locatie === OV)).toMatchObject({
      Fase: 'pilot',
      'Fase sinds': '2027-01-04',
    });
    const log = await readTab(sandbox, 'Logboek');
    expect(log.some((l) => String(l.Details).includes('→ pilot'))).toBe(true);
  });

  it('starts a "before" round; the hourly run mails each colleague once with a link to Mijn Wegwijs', async () => {
    const frame = await pilotView();
    expect(await frame.$('[data-testid=pi-example]')).not.toBeNull();
    await frame.check(`[data-testid=pi-location][value="${OV}"]`);
    await frame.click('[data-testid=pi-start-round]');
    expect(await (await frame.waitForSelector('[data-testid=pi-message]')).textContent()).toContain(BEFORE);
    await sandbox.rpc('setAutomaticSending', [true], SCHOOL_LEADER);
    const before = ((await sandbox.api('GET', '/api/outbox')).body as unknown[]).length;
    await sandbox.api('POST', '/api/triggers/fire');
    await sandbox.api('POST', '/api/triggers/fire');
    const mails = (
      (await sandbox.api('GET', '/api/outbox')).body as { to: string; subject: string; body: string }[]
    )
      .slice(before)
      .filter((m) => m.subject.startsWith('Vragenlijst'));
    expect(mails.length).toBe(staff.length);
    expect(new Set(mails.map((m) => m.to)).size).toBe(staff.length);
    expect(mails[0]!.body).toContain('/mijn');
  });

  it('a colleague answers in Mijn Wegwijs; bad input first gets a Dutch message', async () => {
    const me = staff[0]!;
    await page.goto(`${sandbox.url}/mijn?user=${encodeURIComponent(me.email)}`);
    const form = await page.waitForSelector('[data-testid=survey]');
    expect(await form.textContent()).toContain('Ik wist aan wie ik welke vragen kon stellen');
    await page.click('[data-testid=survey-send]');
    expect(await (await page.waitForSelector('[data-testid=survey] [role=alert]')).textContent()).toMatch(
      /passen niet bij de vragenlijst/,
    );
    for (const scale of await page.$$('[data-testid=survey] fieldset.scale')) {
      const two = await scale.$('input[value="2"]');
      await two!.check();
    }
    await page.fill('[data-testid=survey] [data-question=info-missen] textarea', 'Wie ik wat kan vragen');
    await page.click('[data-testid=survey-send]');
    expect(await (await page.waitForSelector('[role=status]')).textContent()).toContain('opgeslagen');
    await page.screenshot({ path: screenshotPath('pilot-survey'), fullPage: true });
    // Seven more colleagues answer too (through the page's own call).
    for (const p of staff.slice(1, 8)) await answerAs(p.email, BEFORE, { 'wie-vragen': 2, regels: 3 });
    const rows = await readTab(sandbox, 'Antwoorden');
    expect(new Set(rows.filter((r) => r.Meting === BEFORE).map((r) => r.Sleutel)).size).toBe(8);
    const text = JSON.stringify(rows);
    for (const p of staff) {
      expect(text).not.toContain(p.email);
      expect(text).not.toContain(p.name);
    }
  });

  it('eight weeks later an "after" round runs, and the evaluation shows the difference with a chart', async () => {
    await sandbox.api('POST', '/api/clock', { days: 56 });
    const started = await sandbox.rpc(
      'startRound',
      [{ kind: 'alle medewerkers', locations: [OV], groups: 'beide', closes: '2027-03-12' }],
      SCHOOL_LEADER,
    );
    expect(started.body).toMatchObject({ ok: true });
    for (const p of staff.slice(0, 8)) await answerAs(p.email, AFTER, { 'wie-vragen': 4, regels: 4 });
    const frame = await pilotView();
    await frame.click('[data-testid=pi-show-evaluation]');
    const result = await frame.waitForSelector(`[data-testid=pi-eval-location][data-location="${OV}"]`);
    const chart = await result.waitForSelector('[data-testid=pi-chart]');
    expect(await chart.getAttribute('aria-label')).toMatch(/wie-vragen: 2 → 4/);
    expect((await result.$$('[data-testid=pi-bar-after]')).length).toBeGreaterThan(0);
    expect(await result.textContent()).toContain(`${BEFORE} → ${AFTER}`);
    await result.screenshot({ path: screenshotPath('pilot-evaluation') });
    await frame.click('[data-testid=pi-export]');
    const link = await frame.waitForSelector('[data-testid=pi-csv]');
    expect(await link.getAttribute('download')).toMatch(/^antwoorden-.*\.csv$/);
    await frame.click('[data-testid=pi-eval-tab]');
    await frame.waitForSelector('text=Het tabblad Evaluatie is bijgewerkt');
    const tab = await readTab(sandbox, 'Evaluatie');
    const ov = tab.find((r) => r.Locatie === OV)!;
    expect(Number(ov['Score na (1–5)'])).toBeGreaterThan(Number(ov['Score voor (1–5)']));
  });

  it('a chef buddy gets no evaluation unless the school leader allows it', async () => {
    const chief = session!.users.find((u) => u.role === 'chef buddy' && u.location === OV)!;
    const r = await sandbox.rpc('getEvaluation', [], chief.email);
    expect(r.body).toMatchObject({ ok: false });
  });
});
