/**
 * The page's own tools with a fixture bundle, so they don't depend on what the add-on does yet:
 * the outbox (a mail rendered without running its scripts, its attachment downloadable), the
 * clock, pasting and adding rows, a dialog, and resetting the demo.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import { writeFixtureBuild } from '../sandbox/fixtures/bundle.ts';
import {
  launchChromium,
  type PageWatch,
  screenshotPath,
  sidebarShowing,
  watchPage,
} from './support/browser.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';

/** What Chromium logs when a mail's HTML tries to run a script in its sandbox="" frame. */
const BLOCKED_MAIL_SCRIPT = /^Blocked script execution in 'about:srcdoc'/;

let buildDir: string;
let sandbox: TestSandbox;
let browser: Browser;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  buildDir = writeFixtureBuild();
  sandbox = await startTestSandbox({ buildDir });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  watch = await watchPage(page, sandbox.url);
  await page.goto(sandbox.url);
  await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  rmSync(buildDir, { recursive: true, force: true });
});

describe('the outbox', () => {
  it('shows a mail sent by a fired trigger, its HTML without running scripts, its attachment downloadable', async () => {
    await sandbox.rpc('installTrigger', [], SCHOOL_LEADER);
    await page.click('[data-testid=fire-triggers]');
    expect(await (await page.waitForSelector('[data-testid=banner-info]')).textContent()).toContain(
      `runScheduledJobs (als ${SCHOOL_LEADER})`,
    );
    await page.waitForSelector('text=Verzonden mail (1)');
    await page.click('[data-testid=view-outbox]');
    await page.click('[data-testid=mail] .mail-head');
    const iframe = await page.waitForSelector('iframe.mail-html');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    const frame = (await iframe.contentFrame())!;
    await frame.waitForSelector('text=Welkom!');
    await page.screenshot({ path: screenshotPath('outbox') });
    const download = page.waitForEvent('download');
    await page.click('text=schema.txt');
    expect((await download).suggestedFilename()).toBe('schema.txt');
    await page.waitForTimeout(300);
    expect(watch.dialogs).toEqual([]);
    // Chromium says so when the mail's <script> and onerror are refused.
    expect(watch.errors.some((e) => BLOCKED_MAIL_SCRIPT.test(e))).toBe(true);
  });
});

describe('the clock', () => {
  it('moves "vandaag" a day, a week, and to a chosen date', async () => {
    const today = () => page.textContent('[data-testid=today]');
    expect(await today()).toContain('maandag 4 januari 2027');
    await page.click('[data-testid=clock-day]');
    await page.waitForSelector('text=dinsdag 5 januari 2027');
    await page.click('[data-testid=clock-week]');
    await page.waitForSelector('text=dinsdag 12 januari 2027');
    await page.fill('[data-testid=clock-date]', '2027-02-01');
    await page.click('text=Naar datum');
    await page.waitForSelector('text=maandag 1 februari 2027');
    expect((await sandbox.api('GET', '/api/clock')).body.now).toBe('2027-02-01T07:30:00.000+01:00');
  });
});

describe('editing the grid', () => {
  it('appends pasted rows and a row typed into "Rij toevoegen"', async () => {
    await page.click('[data-testid=view-outbox] >> xpath=preceding-sibling::button');
    await page.click('[data-testid="tab-Wie vraag ik wat"]');
    const rows = async () =>
      ((await sandbox.api('GET', '/api/workbook/Wie%20vraag%20ik%20wat')).body.values as unknown[][]).length;
    const before = await rows();
    await page.click('[data-testid=paste-rows]');
    await page.fill('[data-testid=paste-text]', 'alle\tParkeren\tConciërge\nalle\tLunch\tKantine');
    await page.click('[data-testid=paste-submit]');
    await page.waitForSelector(`[data-testid="cell-${before + 2}-2"]`);
    expect(await rows()).toBe(before + 2);
    await page.click('[data-testid=add-row]');
    const cell = `[data-testid="cell-${before + 3}-2"]`;
    await page.fill(cell, 'Sleutels');
    await page.press(cell, 'Enter');
    await expect.poll(rows).toBe(before + 3);
  });
});

describe('menu dialogs and reset', () => {
  it('shows a dialog from the menu', async () => {
    await page.click('[data-testid="menu-Wegwijs"]');
    await page.click('[data-testid="menu-item-showAbout"]');
    const frame = (await (await page.waitForSelector('[data-testid=dialog-frame]')).contentFrame())!;
    await frame.waitForSelector('text=Over Wegwijs');
    await page.click('[aria-label=Sluiten]');
  });

  it('resets to the demo data after confirming', async () => {
    await page.click('[data-testid=reset]');
    await page.click('[data-testid=reset-yes]');
    await page.waitForSelector('text=De demogegevens zijn teruggezet.');
    expect(await page.textContent('[data-testid=today]')).toContain('maandag 4 januari 2027');
    expect((await sandbox.api('GET', '/api/outbox')).body).toEqual([]);
    expect(watch.errors.filter((e) => !BLOCKED_MAIL_SCRIPT.test(e))).toEqual([]);
  });
});
