/** What the sandbox page shows and how it talks to the sandbox's HTTP API. */

export type Cell = string | number | boolean | null;
export type Grid = Cell[][];

export interface User {
  email: string;
  name: string;
  role: string;
  location: string;
}
export interface Clock {
  now: string;
  today: string;
  timeZone: string;
}
export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: Menu };
export interface Menu {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}
export interface Mail {
  id: number;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  attachments: { name: string | null; mimeType: string | null; size: number; url: string }[];
  sentAt: string | null;
}
export interface Alert {
  kind: string;
  title: string;
  message: string;
  buttons: string;
  response: string;
}
export interface Dialog {
  index: number;
  title: string;
  width: number;
  height: number;
  kind: string;
}
export interface Shown {
  sidebars: { index: number; title: string }[];
  dialogs: Dialog[];
  alerts: Alert[];
}
export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

export const USER_KEY = 'wegwijs-sandbox.user';

/** The sandbox API; errors come back as `{ok:false,error}`, thrown here as Error. */
export async function api<T>(method: string, path: string, body?: unknown, user?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (user !== undefined) headers['X-Wegwijs-User'] = user;
  const response = await fetch(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const data = (await response.json()) as T & { ok?: boolean; error?: string };
  if (!response.ok || data.ok === false) throw new Error(data.error ?? `HTTP ${response.status}`);
  return data;
}

const ROLE_LABEL: Record<string, string> = {
  schoolleider: 'schoolleider',
  'chef buddy': 'chef buddy',
  buddy: 'buddy',
  medewerker: 'medewerker',
  onbekend: 'onbekende gebruiker',
  leeg: 'geen e-mailadres',
};

export function userLabel(u: User): string {
  if (u.role === 'leeg') return '(leeg: geen e-mailadres)';
  const who = u.name ? `${u.name} <${u.email}>` : u.email;
  const role = ROLE_LABEL[u.role] ?? u.role;
  return `${who} — ${role}${u.location ? `, ${u.location}` : ''}`;
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows of tab-separated text as Sheets and spreadsheets put them on the clipboard. */
export function parseTsv(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t'));
}

export function formatDutchDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}
