/**
 * The archive of finished onboardings in the sandbox (issue 19, real build, Chromium): the demo's
 * finished onboardings are in the archive tabs; a chef buddy closes an onboarding in the sidebar,
 * its rows leave `Check-ins` and `Inwerkschema` for the archive tabs (seen in the sheet view), and
 * the school leader's export of that person still holds them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import type { CheckInsDto } from '../../src/shared/api.ts';
import { type PageWatch, screenshotPath } from './support/browser.ts';
import { openNewcomer, rpcValue } from './support/newcomers.ts';
import type { TestSandbox } from './support/sandbox.ts';
import { chiefAt, type Session, sidebarOpenedAs, startSession, stopSession } from './support/session.ts';
import { readTab } from './support/workbook.ts';

let session: Session | undefined;
let sandbox: TestSandbox;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  session = await startSession();
  ({ sandbox, page, watch } = session);
});

afterAll(() => stopSession(session));

const ARCHIVE = 'Check-ins (archief)';
const SCHEDULE_ARCHIVE = 'Inwerkschema (archief)';

async function rowsOf(tab: string, email: string) {
  return (await readTab(sandbox, tab)).filter((r) => r['Nieuwe collega'] === email);
}

/** The sheet view's grid of one tab: its cells' values, one a line. */
async function gridText(tab: string): Promise<string> {
  await page.click(`[data-testid="tab-${tab}"]`);
  await page.waitForSelector(`[data-testid="tab-${tab}"][aria-current=page]`);
  const values = await page.$$eval('[data-testid=grid] input', (cells) =>
    cells.map((c) => (c as HTMLInputElement).value),
  );
  return values.join('\n');
}

describe('the archive of finished onboardings', () => {
  it('holds the demo’s finished onboardings, out of the live tabs', async () => {
    const archived = await readTab(sandbox, ARCHIVE);
    expect(archived.length).toBeGreaterThan(0);
    const finished = new Set(archived.map((r) => r['Nieuwe collega']));
    const live = await readTab(sandbox, 'Check-ins');
    expect(live.some((r) => finished.has(r['Nieuwe collega']))).toBe(false);
    expect((await readTab(sandbox, SCHEDULE_ARCHIVE)).length).toBeGreaterThan(0);
  });

  it('takes a closed onboarding’s rows, shown in the sheet view and still in the person’s export', async () => {
    const staff = await readTab(sandbox, 'Medewerkers');
    const live = await readTab(sandbox, 'Check-ins');
    const schedule = await readTab(sandbox, 'Inwerkschema');
    // A newcomer under way (started: closing waits for the start date), check-ins and a schedule live.
    const newcomer = staff.find(
      (s) =>
        s.Status === 'nieuw' &&
        String(s.Startdatum) <= '2027-01-04' &&
        live.some((r) => r['Nieuwe collega'] === s['E-mail']) &&
        schedule.some((r) => r['Nieuwe collega'] === s['E-mail']),
    )!;
    const email = String(newcomer['E-mail']);
    const chief = chiefAt(session!.users, String(newcomer.Locatie)).email;
    const checkIns = (await rowsOf('Check-ins', email)).length;
    const lines = (await rowsOf('Inwerkschema', email)).length;
    expect(checkIns).toBeGreaterThan(0);
    const open = (await rpcValue<CheckInsDto>(sandbox, 'getCheckIns', [email], chief)).checkIns.filter(
      (c) => c.state === 'gepland' || c.state === 'te laat',
    );
    for (const c of open)
      await rpcValue(sandbox, 'skipCheckIn', [email, c.planned, 'Eerder afgerond'], chief);

    const frame = await sidebarOpenedAs(page, chief);
    await openNewcomer(frame, email);
    await frame.click('[data-testid=close-onboarding]');
    await frame.click('[data-testid=close-confirm]');
    await frame.locator('[data-testid=checkins-message]').waitFor();

    expect(await rowsOf('Check-ins', email)).toEqual([]);
    expect(await rowsOf('Inwerkschema', email)).toEqual([]);
    expect(await rowsOf(ARCHIVE, email)).toHaveLength(checkIns);
    expect(await rowsOf(SCHEDULE_ARCHIVE, email)).toHaveLength(lines);
    const log = await readTab(sandbox, 'Logboek');
    expect(log.filter((r) => r.Actie === 'Afgerond inwerken gearchiveerd').at(-1)?.Details).toBe(
      `Check-ins: ${checkIns}; Inwerkschema: ${lines}`,
    );

    // The sheet view: gone from the live tab, there in the archive.
    await page.reload();
    expect(await gridText('Check-ins')).not.toContain(email);
    expect(await gridText(ARCHIVE)).toContain(email);
    await page.screenshot({ path: screenshotPath('archive-sheet'), fullPage: true });

    // The school leader's export of the person still holds their check-ins.
    const leader = await sidebarOpenedAs(page, SCHOOL_LEADER);
    await leader.click('[data-testid=tab-privacy]');
    await leader.waitForSelector('[data-testid=privacy-tab]');
    await leader.fill('[data-testid=person-email]', email);
    await leader.click('[data-testid=person-search]');
    const sections = await leader.waitForSelector('[data-testid=person-sections]');
    expect(await sections.textContent()).toContain(ARCHIVE);
    expect(await sections.textContent()).toContain(SCHEDULE_ARCHIVE);
  }, 150_000);

  it('caused no console error and no dialog', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});
