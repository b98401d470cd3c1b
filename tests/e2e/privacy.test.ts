/**
 * Privacy in the sandbox's sidebar (real build, Chromium): the school leader previews and applies
 * the retention terms, looks up one person and downloads the export, and erases a person after a
 * summary; later scheduled runs do not mail them. Other roles get no Privacy tab and no answer.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import { type PageWatch, screenshotPath, sidebarShowing } from './support/browser.ts';
import type { TestSandbox } from './support/sandbox.ts';
import { type Session, startSession, stopSession } from './support/session.ts';
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

async function privacyTab(): Promise<Frame> {
  const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
  await frame.click('[data-testid=tab-privacy]');
  await frame.waitForSelector('[data-testid=privacy-tab]');
  return frame;
}

async function rpc(fn: string, user: string, ...args: unknown[]) {
  return (await sandbox.api('POST', `/rpc/${fn}`, args, { 'X-Wegwijs-User': user })).body as {
    ok: boolean;
    value?: unknown;
    error?: string;
  };
}

describe('the Privacy tab', () => {
  it('applies the retention terms after a preview, and a second time removes nothing', async () => {
    await sandbox.api('POST', '/api/clock', { now: '2028-06-05T08:00:00+02:00' });
    await page.reload();
    const frame = await privacyTab();
    await frame.click('[data-testid=retention-preview]');
    const items = await frame.waitForSelector('[data-testid=retention-items]');
    expect(await items.textContent()).toContain('Check-ins');
    await page
      .locator('[data-testid=sidebar-frame]')
      .screenshot({ path: screenshotPath('privacy-retention') });
    await frame.click('[data-testid=retention-apply]');
    expect(await (await frame.waitForSelector('[data-testid=retention-message]')).textContent()).toContain(
      'Bewaartermijnen toegepast',
    );
    await frame.click('[data-testid=retention-preview]');
    expect(await (await frame.waitForSelector('[data-testid=retention-items]')).textContent()).toContain(
      'niets over de bewaartermijn',
    );
    const log = await readTab(sandbox, 'Logboek');
    expect(log.filter((r) => r.Actie === 'Bewaartermijnen toegepast')).toHaveLength(1);
  });

  it('shows everything about one person, downloadable, and erases them after a summary', async () => {
    const staff = await readTab(sandbox, 'Medewerkers');
    const newcomer = staff.find((r) => r.Status === 'nieuw')!;
    const email = String(newcomer['E-mail']);
    const frame = await privacyTab();
    await frame.fill('[data-testid=person-email]', email);
    await frame.click('[data-testid=person-search]');
    const sections = await frame.waitForSelector('[data-testid=person-sections]');
    expect(await sections.textContent()).toContain('Medewerkers');
    const download = page.waitForEvent('download');
    await frame.click('[data-testid=download-csv]');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^gegevens-.*\.csv$/);
    await frame.click('[data-testid=erase-preview]');
    await frame.waitForSelector('[data-testid=erase-summary]');
    expect(await frame.isDisabled('[data-testid=erase-button]')).toBe(true);
    await page
      .locator('[data-testid=sidebar-frame]')
      .screenshot({ path: screenshotPath('privacy-erase-summary') });
    await frame.check('[data-testid=erase-confirm]');
    await frame.click('[data-testid=erase-button]');
    expect(await (await frame.waitForSelector('[data-testid=privacy-message]')).textContent()).toContain(
      'verwijderd',
    );
    const workbook = JSON.stringify((await sandbox.api('GET', '/api/workbook')).body.tabs, (key, value) =>
      key === 'Logboek' ? undefined : value,
    );
    expect(workbook).not.toContain(email);
    const before = ((await sandbox.api('GET', '/api/outbox')).body as unknown[]).length;
    await sandbox.api('POST', '/api/triggers/fire');
    const mails = (await sandbox.api('GET', '/api/outbox')).body as { to: string }[];
    expect(mails.slice(before).some((m) => m.to === email)).toBe(false);
    expect((await rpc('erasePerson', SCHOOL_LEADER, email)).ok).toBe(true);
  });

  it('is not there for a chef buddy, whose direct calls are refused', async () => {
    const users = (await sandbox.api('GET', '/api/users')).body.users as { email: string; role: string }[];
    const chief = users.find((u) => u.role === 'chef buddy')!;
    await page.selectOption('[data-testid=user-switcher]', chief.email);
    const frame = await sidebarShowing(page, 'user-email', chief.email);
    expect(await frame.$('[data-testid=tab-privacy]')).toBeNull();
    for (const fn of ['previewRetentionPurge', 'applyRetentionPurge'])
      expect((await rpc(fn, chief.email)).ok).toBe(false);
    expect((await rpc('exportPersonData', chief.email, SCHOOL_LEADER)).error).toContain('schoolleider');
    expect(watch.dialogs).toEqual([]);
  });
});
