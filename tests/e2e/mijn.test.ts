/**
 * "Mijn Wegwijs" in the sandbox (`/mijn`), as a phone shows it (360 px wide): the page doGet
 * served, its google.script.run running in the web-app context as the chosen visitor. A buddy
 * ticks off a line of their newcomer's schedule; the newcomer sees their buddy and schedule;
 * an unknown visitor sees nothing personal; a buddy is refused someone else's newcomer.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './support/browser.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';

let sandbox: TestSandbox;
let browser: Browser;
let page: Page;
let buddy = '';
let newcomer = '';

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'nl-NL', isMobile: true });
  const users = (await sandbox.api('GET', '/api/users')).body.users as {
    email: string;
    name: string;
    role: string;
  }[];
  buddy = users.find((u) => u.role === 'buddy')!.email;
  newcomer = users.find((u) => u.role === 'nieuwe collega')!.email;
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function open(user: string): Promise<void> {
  await page.goto(`${sandbox.url}/mijn?user=${encodeURIComponent(user)}`);
  await page.waitForSelector('main h1');
}

/** True when nothing is wider than the phone's screen. */
async function fitsTheScreen(): Promise<boolean> {
  return page.evaluate(
    () => window.innerWidth === 360 && document.documentElement.scrollWidth <= window.innerWidth,
  );
}

describe('Mijn Wegwijs on a phone', () => {
  it('the sandbox page links to /mijn as the chosen user', async () => {
    await page.goto(sandbox.url);
    const link = await page.waitForSelector('[data-testid=open-mijn]');
    expect(await link.getAttribute('href')).toMatch(/^\/mijn\?user=/);
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('GET /api/webapp answers the HTML doGet served', async () => {
    const res = await fetch(`${sandbox.url}/api/webapp`, { headers: { 'X-Wegwijs-User': buddy } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<base target="_blank">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Mijn Wegwijs</title>');
  });

  it('a buddy ticks off a line of their newcomer’s schedule, and it stays ticked', async () => {
    await open(buddy);
    await page.waitForSelector('.newcomer');
    const box = page.locator('.schedule input[type=checkbox]').first();
    const was = await box.isChecked();
    await box.click();
    await page.waitForSelector('[role=status]');
    await open(buddy);
    await page.waitForSelector('.newcomer');
    expect(await page.locator('.schedule input[type=checkbox]').first().isChecked()).toBe(!was);
    expect(await fitsTheScreen()).toBe(true);
    await page.screenshot({ path: screenshotPath('mijn-buddy-360'), fullPage: true });
  });

  it('a buddy records a check-in from the page; bad input gets a Dutch message first', async () => {
    await open(buddy);
    // The buddy's newcomer who has started (the first, by start date): a check-in is held after the start.
    const article = page.locator('.newcomer').first();
    await article.locator('.record > summary').click();
    await article.locator('.checkin-form button[type=submit]').click();
    // Issue 14: the step "doen" (the agreements) is what a check-in needs, with wellbeing and klik.
    expect(await (await article.locator('[role=alert]').elementHandle())?.textContent()).toMatch(
      /doen \(afspraken\)/,
    );
    await article.locator('.checkin-form [data-testid=step-ontdekken]').fill('De pauzes gaan goed.');
    await article.locator('.checkin-form label:has-text("Welbevinden") select').selectOption('4');
    await article.locator('.checkin-form label:has-text("Klik") select').selectOption('goed');
    await article.locator('.checkin-form [data-testid=step-doen]').fill('Samen de mentorles voorbereiden.');
    await article.locator('.checkin-form button[type=submit]').click();
    await page.waitForSelector('text=Samen de mentorles voorbereiden.');
    // Read back from the sheet by the page's next getPageState: the agreements of the last check-in.
    expect(await article.locator('.agreements').textContent()).toBe('Samen de mentorles voorbereiden.');
  });

  it('the newcomer sees their buddy, a mail link that opens a new tab, and their schedule', async () => {
    await open(newcomer);
    await page.waitForSelector('text=Je buddy');
    const mail = page.locator('.person a').first();
    expect(await mail.getAttribute('href')).toMatch(/^mailto:/);
    expect(await page.evaluate(() => document.querySelector('base')?.getAttribute('target'))).toBe('_blank');
    await page.waitForSelector('text=Je inwerkschema');
    expect(await page.locator('input[type=checkbox]').count()).toBe(0);
    // The collection document: the welcome packet's sections for their location and whom to ask what.
    await page.waitForSelector('text=Je welkomstpakket');
    expect(await page.locator('.packet-section').count()).toBeGreaterThan(0);
    expect(await page.locator('.who-to-ask li').count()).toBeGreaterThan(0);
    expect(await fitsTheScreen()).toBe(true);
    await page.screenshot({ path: screenshotPath('mijn-newcomer-360'), fullPage: true });
  });

  it('an unknown visitor sees a friendly page with nothing personal', async () => {
    await open('onbekend@vso-demo.example');
    const text = await (await page.waitForSelector('.message')).textContent();
    expect(text).toContain('Welkom bij Mijn Wegwijs');
    expect(await page.locator('main').textContent()).not.toMatch(/@/);
  });

  it('a buddy calling for someone else’s newcomer is refused in the web-app context', async () => {
    const state = await sandbox.api('POST', '/rpc/getPageState', [], {
      'X-Wegwijs-User': buddy,
      'X-Wegwijs-WebApp': '1',
    });
    expect(state.body.ok).toBe(true);
    const answer = await sandbox.api(
      'POST',
      '/rpc/markScheduleItem',
      ['iemand.anders@vso-demo.example', '2027-01-04', 'Rondleiding', true],
      { 'X-Wegwijs-User': buddy, 'X-Wegwijs-WebApp': '1' },
    );
    expect(answer.body.ok).toBe(false);
    const sidebarOnly = await sandbox.api('POST', '/rpc/getSidebarState', [], {
      'X-Wegwijs-User': buddy,
      'X-Wegwijs-WebApp': '1',
    });
    expect(sidebarOnly.body.error).toMatch(/alleen in het personeelsblad/);
  });

  it('after a held check-in the newcomer confirms the agreements and gives their own klik', async () => {
    await sandbox.api('POST', '/api/clock', { date: '2027-01-20' });
    const recorded = await sandbox.api(
      'POST',
      '/rpc/recordCheckIn',
      [
        newcomer,
        {
          held: '2027-01-20',
          phase: 'doen',
          wellbeing: 3,
          click: 'twijfel',
          agreements: 'Vrijdag bijpraten.',
        },
      ],
      { 'X-Wegwijs-User': buddy, 'X-Wegwijs-WebApp': '1' },
    );
    expect(recorded.body.ok).toBe(true);
    await open(newcomer);
    const form = page.locator('.response-form');
    await form.locator('button[type=submit]').click();
    expect(await form.locator('[role=alert]').textContent()).toMatch(/^Geef je reactie zo/);
    await form.locator('input[type=checkbox]').check();
    await form.locator('select').nth(0).selectOption('goed');
    await form.locator('select').nth(1).selectOption('4');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('text=Dank je wel, je reactie is opgeslagen.');
    expect(await page.locator('.response').textContent()).toContain(
      'klik goed, welbevinden 4, afspraken bevestigd',
    );
    expect(await page.locator('.agreements').textContent()).toBe('Vrijdag bijpraten.');
    expect(await fitsTheScreen()).toBe(true);
    await page.screenshot({ path: screenshotPath('mijn-newcomer-response-360'), fullPage: true });
  });
});
