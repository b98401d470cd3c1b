/**
 * Issue 17: a buddy is pointed to Mijn Wegwijs. In the sandbox with the real build in Chromium:
 * a buddy who opens the sidebar gets the way to the page with its link instead of a sheet view,
 * and on the page (`/mijn`, the web-app context) skips a check-in with a reason, as the sidebar's
 * buddy view did before.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { type Session, sidebarOpenedAs, sidebarShot, startSession, stopSession } from './support/session.ts';
import { readTab } from './support/workbook.ts';

let session: Session;
let mijn: Page;
let buddy = '';
/** Server functions the page called. */
const pageCalls: string[] = [];

beforeAll(async () => {
  session = await startSession();
  buddy = session.users.find((u) => u.role === 'buddy')!.email;
  mijn = await session.browser.newPage({
    viewport: { width: 360, height: 740 },
    locale: 'nl-NL',
    isMobile: true,
  });
  mijn.on('request', (request) => {
    const match = /\/rpc\/([^/?]+)/.exec(request.url());
    if (match && request.method() === 'POST') pageCalls.push(match[1]!);
  });
});

afterAll(() => stopSession(session));

describe('a buddy', () => {
  it('who opens the sidebar is pointed to Mijn Wegwijs, with its link, and gets no sheet view', async () => {
    const frame = await sidebarOpenedAs(session.page, buddy);
    const message = await frame.textContent('[data-testid=message]');
    expect(message).toMatch(/^Je nieuwe collega’s volg je op Mijn Wegwijs/);
    const link = frame.locator('[data-testid=page-link]');
    expect(await link.textContent()).toBe('Open Mijn Wegwijs');
    expect(await link.getAttribute('href')).toMatch(/\/mijn|\/exec/);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await frame.$('[data-testid=newcomer-item]')).toBeNull();
    expect(await frame.$('[data-testid=newcomers-tab]')).toBeNull();
    expect(await frame.$('.tabs')).toBeNull();
    await sidebarShot(session.page, 'buddy-pointer');
  });

  it('skips a check-in on Mijn Wegwijs, only with a reason', async () => {
    await mijn.goto(`${session.sandbox.url}/mijn?user=${encodeURIComponent(buddy)}`);
    await mijn.waitForSelector('.newcomer');
    const article = mijn
      .locator('.newcomer')
      .filter({ has: mijn.locator('.skip') })
      .first();
    const summary = article.locator('details.skip-checkins summary');
    expect(await summary.textContent()).toBe('Check-in overslaan');
    await summary.click();
    const item = article.locator('.skip').first();
    const planned = (await item.getAttribute('data-planned'))!;
    await item.locator('button', { hasText: 'Overslaan…' }).click();
    expect(pageCalls).toContain('getPageState');
    await item.locator('button[type=submit]').click();
    expect(await item.locator('[role=alert]').textContent()).toBe('Geef een reden op.');
    expect(pageCalls).not.toContain('skipCheckIn');
    await item.locator('textarea').fill('Buddy ziek; volgende week samen met de chef buddy.');
    await item.locator('button[type=submit]').click();
    await mijn.waitForSelector('[role=status]');
    expect(pageCalls.filter((n) => n === 'skipCheckIn')).toHaveLength(1);
    const rows = await readTab(session.sandbox, 'Check-ins');
    const row = rows.find((r) => r.Gepland === planned && r['Overgeslagen (reden)']);
    expect(row?.['Overgeslagen (reden)']).toBe('Buddy ziek; volgende week samen met de chef buddy.');
    // The skipped check-in is no longer offered.
    await mijn.waitForSelector(`.skip[data-planned="${planned}"]`, { state: 'detached' });
    await mijn.screenshot({ path: screenshotPath('mijn-buddy-skip-360'), fullPage: true });
  });
});
