/** Launches Debian's Chromium for the browser tests, with flags that keep it off the network. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../sandbox/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Git-ignored; screenshots land here as test artifacts. */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Path for a screenshot in test-results/ (created when missing). */
export function screenshotPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, `${name}.png`);
}

/** The sidebar's frame once it has loaded its document. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid=sidebar-frame]');
  for (let i = 0; i < 100; i++) {
    const frame = await handle.contentFrame();
    if (frame?.url().includes('/ui/sidebar/')) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('The sidebar frame did not load');
}

/** What a page did that a test may object to: console errors, uncaught errors, dialogs, requests off the sandbox. */
export interface PageWatch {
  errors: string[];
  dialogs: string[];
  external: string[];
}

/**
 * Watches a page. Requests that leave the sandbox (only Google's add-on stylesheet, which
 * Sidebar.html may link) get an empty answer, as there is no network here; they are recorded.
 */
export async function watchPage(page: Page, sandboxUrl: string): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], dialogs: [], external: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.context().route(
    (url) => !url.href.startsWith(sandboxUrl) && !url.href.startsWith('data:') && url.href !== 'about:blank',
    (route) => {
      watch.external.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/css', body: '' });
    },
  );
  return watch;
}

/**
 * The sidebar frame once its document shows `expected` (the acting user's e-mail, or a message).
 * The page remounts the frame when the user changes, so the frame is looked up afresh each time.
 */
export async function sidebarShowing(page: Page, testId: string, expected: string | RegExp): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    const handle = await page.$('[data-testid=sidebar-frame]');
    const frame = await handle?.contentFrame();
    if (frame?.url().includes('/ui/sidebar/')) {
      last = (await frame.textContent(`[data-testid=${testId}]`, { timeout: 200 }).catch(() => null)) ?? '';
      if (typeof expected === 'string' ? last.trim() === expected : expected.test(last)) return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`The sidebar did not show ${String(expected)} in ${testId} (last: "${last}")`);
}
