/** The sandbox page with the real build in Chromium: menu, user switcher, grid, sidebar. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER, UNKNOWN_USER } from '../../sandbox/demo.ts';
import {
  launchChromium,
  type PageWatch,
  screenshotPath,
  sidebarShowing,
  watchPage,
} from './support/browser.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';

let sandbox: TestSandbox;
let browser: Browser;
let page: Page;
let watch: PageWatch;

/** google.script.run as the shim gives it, typed for these tests. */
interface Runner {
  withSuccessHandler<T>(fn: (value: T, userObject: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error, userObject: unknown) => void): Runner;
  withUserObject(object: unknown): Runner;
  getSidebarState(...args: unknown[]): void;
  getAboutInfo(): void;
  doesNotExist?: unknown;
}
interface ShimWindow {
  google: { script: { run: Runner } };
}

interface SwitcherUser {
  email: string;
  name: string;
  role: string;
}
let users: SwitcherUser[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL' });
  watch = await watchPage(page, sandbox.url);
  // Counts /rpc calls in flight from the page, to see google.script.run's limit of ten.
  await page.addInitScript(() => {
    const w = window as unknown as { __rpcInFlight: number; __rpcMaxInFlight: number };
    w.__rpcInFlight = 0;
    w.__rpcMaxInFlight = 0;
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const isRpc = String(input instanceof Request ? input.url : input).includes('/rpc/');
      if (!isRpc) return original(input, init);
      w.__rpcInFlight++;
      w.__rpcMaxInFlight = Math.max(w.__rpcMaxInFlight, w.__rpcInFlight);
      try {
        return await original(input, init);
      } finally {
        w.__rpcInFlight--;
      }
    };
  });
  users = (await sandbox.api('GET', '/api/users')).body.users;
  await page.goto(sandbox.url);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function switchTo(email: string): Promise<void> {
  await page.selectOption('[data-testid=user-switcher]', email);
}

describe('the sandbox page', () => {
  it('loads with the menu, the grid and the sidebar of the school leader, without console errors', async () => {
    await page.waitForSelector('[data-testid="menu-Wegwijs"]');
    await page.waitForSelector('[data-testid="cell-1-1"]');
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    expect((await frame.textContent('[data-testid=user-role]'))?.trim()).toBe('schoolleider');
    await page
      .locator('[data-testid=sidebar-frame]')
      .screenshot({ path: screenshotPath('sidebar-schoolleider') });
    await page.screenshot({ path: screenshotPath('sandbox-page') });
    expect(await page.textContent('[data-testid=today]')).toContain('4 januari 2027');
    expect(watch.errors).toEqual([]);
    expect(watch.external.every((url) => url.startsWith('https://ssl.gstatic.com/'))).toBe(true);
  });

  it('runs "Blad inrichten" from the Wegwijs menu and shows its alert', async () => {
    await page.click('[data-testid="menu-Wegwijs"]');
    await page.click('[data-testid="menu-item-setupWorkbook"]');
    const alert = await page.waitForSelector('[data-testid=alert]');
    expect(await alert.textContent()).toMatch(/ingericht/);
    await page.click('[data-testid=alert-ok]');
    expect(await page.$('[data-testid=alert]')).toBeNull();
  });
});

describe('the sidebar for each user of the switcher', () => {
  it('shows the role of a chef buddy and a buddy, and their locations', async () => {
    for (const role of ['chef buddy', 'buddy'] as const) {
      const user = users.find((u) => u.role === role)!;
      await switchTo(user.email);
      const frame = await sidebarShowing(page, 'user-email', user.email);
      expect((await frame.textContent('[data-testid=user-role]'))?.trim()).toBe(role);
      expect((await frame.textContent('[data-testid=user-name]'))?.trim()).toBe(user.name);
      await page
        .locator('[data-testid=sidebar-frame]')
        .screenshot({ path: screenshotPath(`sidebar-${role.replace(' ', '-')}`) });
    }
  });

  it('gives a chef buddy the page’s address to copy and points a buddy to the page', async () => {
    const chief = users.find((u) => u.role === 'chef buddy')!;
    await switchTo(chief.email);
    const frame = await sidebarShowing(page, 'user-email', chief.email);
    // The sandbox deploys the script as a web app at its own /mijn (ScriptApp.getService().getUrl()).
    expect(await frame.inputValue('[data-testid=page-url]')).toBe(`${sandbox.url}/mijn`);
    const buddy = users.find((u) => u.role === 'buddy')!;
    await switchTo(buddy.email);
    const buddyFrame = await sidebarShowing(page, 'message', /Mijn Wegwijs/);
    const link = buddyFrame.locator('[data-testid=page-link]');
    expect(await link.getAttribute('href')).toBe(`${sandbox.url}/mijn`);
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('shows the school leader again after switching back', async () => {
    await switchTo(SCHOOL_LEADER);
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    expect((await frame.textContent('[data-testid=user-role]'))?.trim()).toBe('schoolleider');
  });

  it('tells an unknown user to ask the school leader', async () => {
    await switchTo(UNKNOWN_USER);
    const frame = await sidebarShowing(page, 'message', /Vraag de schoolleider/);
    const role = (
      await frame.textContent('[data-testid=user-role]', { timeout: 500 }).catch(() => null)
    )?.trim();
    expect(['schoolleider', 'chef buddy', 'buddy']).not.toContain(role);
    await page
      .locator('[data-testid=sidebar-frame]')
      .screenshot({ path: screenshotPath('sidebar-onbekend') });
  });

  it('tells the empty user that Wegwijs cannot see who they are', async () => {
    await switchTo('');
    await sidebarShowing(page, 'error', /.+/);
    await page.locator('[data-testid=sidebar-frame]').screenshot({ path: screenshotPath('sidebar-leeg') });
  });
});

describe('the grid', () => {
  const chiefCell = async () => {
    const chief = users.find((u) => u.role === 'chef buddy')!;
    const staff = (await sandbox.api('GET', '/api/workbook/Medewerkers')).body.values as unknown[][];
    const row = staff.findIndex((r) => r[1] === chief.email) + 1;
    const col = staff[0]!.indexOf('Naam') + 1;
    return { chief, testId: `cell-${row}-${col}` };
  };

  const typeInCell = async (testId: string, text: string) => {
    await page.click('[data-testid="tab-Medewerkers"]');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/workbook/Medewerkers') && r.request().method() === 'PATCH',
    );
    await page.fill(`[data-testid="${testId}"]`, text);
    await page.press(`[data-testid="${testId}"]`, 'Enter');
    expect((await saved).status()).toBe(200);
  };

  it('saves an edited cell, and the next sidebar call sees it', async () => {
    const { chief, testId } = await chiefCell();
    await switchTo(chief.email);
    await sidebarShowing(page, 'user-name', chief.name);
    await typeInCell(testId, 'Marieke van ’t Veld');
    const frame = await sidebarShowing(page, 'user-email', chief.email);
    await frame.click('[data-testid=refresh]');
    await sidebarShowing(page, 'user-name', 'Marieke van ’t Veld');
    await page
      .locator('[data-testid=sidebar-frame]')
      .screenshot({ path: screenshotPath('sidebar-after-edit') });
  });

  it('shows markup typed as a name as text in the sidebar: no element, no dialog', async () => {
    const { chief, testId } = await chiefCell();
    const evil = '<img src=x onerror=alert(1)>';
    await typeInCell(testId, evil);
    const frame = await sidebarShowing(page, 'user-email', chief.email);
    await frame.click('[data-testid=refresh]');
    const shown = await sidebarShowing(page, 'user-name', evil);
    expect(await shown.$$('img')).toHaveLength(0);
    await page.waitForTimeout(300);
    expect(watch.dialogs).toEqual([]);
    await page
      .locator('[data-testid=sidebar-frame]')
      .screenshot({ path: screenshotPath('sidebar-markup-as-text') });
  });
});

describe('google.script.run in the sidebar', () => {
  it('refuses a Date argument before calling, through the failure handler with the user object', async () => {
    await switchTo(SCHOOL_LEADER);
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    const result = await frame.evaluate(
      () =>
        new Promise((resolve) => {
          const run = (window as unknown as ShimWindow).google.script.run;
          let sync = true;
          run
            .withFailureHandler((error: Error, user: unknown) =>
              resolve({ message: error.message, user, sync }),
            )
            .withUserObject('mijn object')
            .getSidebarState(new Date());
          sync = false;
        }),
    );
    expect(result).toEqual({ message: expect.stringMatching(/Date/), user: 'mijn object', sync: false });
  });

  it('calls asynchronously, hands the user object to the success handler, has no unknown functions', async () => {
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    const result = await frame.evaluate(
      () =>
        new Promise((resolve) => {
          const run = (window as unknown as ShimWindow).google.script.run;
          let sync = true;
          const returned = run
            .withUserObject({ k: 1 })
            .withSuccessHandler((value: { user: { email: string } }, user: unknown) =>
              resolve({ email: value.user.email, user, sync, returned, unknown: typeof run.doesNotExist }),
            )
            .getSidebarState();
          sync = false;
        }),
    );
    expect(result).toEqual({ email: SCHOOL_LEADER, user: { k: 1 }, sync: false, unknown: 'undefined' });
  });

  it('keeps at most ten calls in flight, and answers all of them', async () => {
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    await page.evaluate(() => {
      (window as unknown as { __rpcMaxInFlight: number }).__rpcMaxInFlight = 0;
    });
    const answered = await frame.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const run = (window as unknown as ShimWindow).google.script.run;
          let done = 0;
          for (let i = 0; i < 25; i++) {
            run
              .withSuccessHandler(() => {
                if (++done === 25) resolve(done);
              })
              .getAboutInfo();
          }
        }),
    );
    expect(answered).toBe(25);
    const max = await page.evaluate(
      () => (window as unknown as { __rpcMaxInFlight: number }).__rpcMaxInFlight,
    );
    expect(max).toBeGreaterThan(1);
    expect(max).toBeLessThanOrEqual(10);
  });

  it('shows the granted scopes; unticking "script.send_mail" makes sending say which permission is missing', async () => {
    await switchTo(SCHOOL_LEADER);
    await page.click('[data-testid=scopes] summary');
    const box = '[data-testid="scope-script.send_mail"]';
    expect(await page.isChecked(box)).toBe(true);
    expect(await page.isChecked('[data-testid="scope-userinfo.email"]')).toBe(true);
    await page.uncheck(box);
    await page.waitForSelector('[data-testid=scopes] summary >> text=1 uitgevinkt');
    const { granted } = (await sandbox.api('GET', '/api/scopes')).body as { granted: string[] };
    expect(granted.some((s) => s.endsWith('script.send_mail'))).toBe(false);
    const state = await sandbox.rpc('getSidebarState', [], SCHOOL_LEADER);
    const newcomer = (state.body as { value: { newcomers: { email: string }[] } }).value.newcomers[0]!.email;
    const sent = await sandbox.rpc('sendWelcomeTest', [newcomer], SCHOOL_LEADER);
    expect(JSON.stringify(sent.body)).toContain('E-mail verzenden als jij');
    await page.check(box);
    await page.waitForSelector('[data-testid=scopes] summary >> text=5 van 5');
    await page.click('[data-testid=scopes] summary');
  });

  it('has caused no console error and no dialog along the way', () => {
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
