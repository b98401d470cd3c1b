/**
 * One browser session against a fresh sandbox, shared by the browser tests: the sandbox, Chromium,
 * a watched page on the sandbox showing the school leader's sidebar, the switcher's users, and
 * the server functions the page called.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { SCHOOL_LEADER } from '../../../sandbox/demo.ts';
import { launchChromium, type PageWatch, screenshotPath, sidebarShowing, watchPage } from './browser.ts';
import { startTestSandbox, type TestSandbox } from './sandbox.ts';

export interface SwitcherUser {
  email: string;
  name: string;
  role: string;
  location: string;
}

export interface Session {
  sandbox: TestSandbox;
  browser: Browser;
  page: Page;
  watch: PageWatch;
  users: SwitcherUser[];
  /** Server functions the page called, in order. */
  rpcCalls: string[];
}

export async function startSession(): Promise<Session> {
  const sandbox = await startTestSandbox();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  const watch = await watchPage(page, sandbox.url);
  const rpcCalls: string[] = [];
  page.on('request', (request) => {
    const match = /\/rpc\/([^/?]+)/.exec(request.url());
    if (match && request.method() === 'POST') rpcCalls.push(match[1]!);
  });
  const users = (await sandbox.api('GET', '/api/users')).body.users as SwitcherUser[];
  await page.goto(sandbox.url);
  await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
  return { sandbox, browser, page, watch, users, rpcCalls };
}

export async function stopSession(session: Session | undefined): Promise<void> {
  await session?.browser.close();
  await session?.sandbox.close();
}

/** The chef buddy of a location, from the switcher. */
export function chiefAt(users: readonly SwitcherUser[], location: string): SwitcherUser {
  const chief = users.find((u) => u.role === 'chef buddy' && u.location === location);
  if (!chief) throw new Error(`no chef buddy for ${location}`);
  return chief;
}

/** The sidebar as `email`, freshly loaded (switching user remounts it; the same user refreshes). */
export async function sidebarAs(page: Page, email: string): Promise<Frame> {
  const frame = await sidebarOpenedAs(page, email);
  // Chef buddies and the school leader open on "Deze week" (issue 17); these tests start from Koppelen.
  const pairing = await frame.$('[data-testid=tab-pairing]');
  if (pairing) {
    await pairing.click();
    await frame.waitForSelector('[data-testid=pairing]');
  }
  return frame;
}

/** The sidebar as `email`, on the tab it opens on. */
export async function sidebarOpenedAs(page: Page, email: string): Promise<Frame> {
  const current = await page.$eval('[data-testid=user-switcher]', (s) => (s as HTMLSelectElement).value);
  if (current === email) {
    const frame = await sidebarShowing(page, 'user-email', email);
    await frame.click('[data-testid=refresh]');
  } else {
    await page.selectOption('[data-testid=user-switcher]', email);
  }
  return sidebarShowing(page, 'user-email', email);
}

/** A screenshot of the sidebar into test-results/. */
export async function sidebarShot(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid=sidebar-frame]').screenshot({ path: screenshotPath(name) });
}
