/** Drives the sidebar's "Nieuwe collega's" tab and reads what the sandbox sent, for the browser tests. */
import type { Frame, Page } from 'playwright-core';
import { sidebarShowing } from './browser.ts';
import type { TestSandbox } from './sandbox.ts';

export interface Mail {
  id: number;
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  attachments: { name: string; mimeType: string; size: number; url: string }[];
}

export async function outbox(sandbox: TestSandbox): Promise<Mail[]> {
  return (await sandbox.api('GET', '/api/outbox')).body as Mail[];
}

/** The sidebar as `email`, freshly loaded (switching user remounts it; the same user refreshes). */
export async function sidebarAs(page: Page, email: string): Promise<Frame> {
  const current = await page.$eval('[data-testid=user-switcher]', (s) => (s as HTMLSelectElement).value);
  if (current === email) {
    const frame = await sidebarShowing(page, 'user-email', email);
    await frame.click('[data-testid=refresh]');
  } else {
    await page.selectOption('[data-testid=user-switcher]', email);
  }
  return sidebarShowing(page, 'user-email', email);
}

/** Opens the tab (a buddy has no tab bar: it is the only one) and waits for the list. */
export async function openNewcomersTab(frame: Frame): Promise<void> {
  const tab = await frame.$('[data-testid=tab-newcomers]');
  if (tab) await tab.click();
  await frame.waitForSelector('[data-testid=newcomers-tab]');
}

/** Opens one newcomer's detail view from the list. */
export async function openNewcomer(frame: Frame, email: string): Promise<void> {
  await openNewcomersTab(frame);
  await frame.click(`[data-testid=newcomer-item][data-email="${email}"]`);
  await frame.waitForSelector(`[data-testid=newcomer-detail][data-email="${email}"]`);
}

/** A server function called as `user`; throws the server's message when it refuses. */
export async function rpcValue<T>(
  sandbox: TestSandbox,
  name: string,
  args: unknown[],
  user: string,
): Promise<T> {
  const answer = await sandbox.rpc(name, args, user);
  if (!answer.body.ok) throw new Error(`${name}: ${answer.body.error}`);
  return answer.body.value as T;
}

/** `2027-01-15` → `15-01-2027`, as the mails and the sidebar write a day. */
export function dutch(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}
