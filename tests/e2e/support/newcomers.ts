/** Drives the sidebar's "Nieuwe collega's" tab and reads what the sandbox sent, for the browser tests. */
import type { Frame } from 'playwright-core';
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

export { sidebarAs } from './session.ts';

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

/** `2027-01-15` → `15-01-2027`, as the sidebar writes a day in a list (mails write it out in full). */
export function dutch(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}
