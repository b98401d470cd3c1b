/**
 * In-memory ports for use-case tests: a spreadsheet as plain grids, and simple identity, clock,
 * lock, UI, triggers, mailer, environment and store. Each counts what it was asked to do.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { RequestContext, type Services } from '../../src/app/context';
import type { OutgoingMail, SheetGateway, TabLayout, TabRead } from '../../src/app/ports';
import type { Cell } from '../../src/core/cells';
import { normalizeName } from '../../src/core/schema';
import type { TablePatch } from '../../src/core/table';

export class MemoryGateway implements SheetGateway {
  readonly tabs = new Map<string, Cell[][]>();
  readonly layouts = new Map<string, TabLayout>();
  reads = 0;
  writes = 0;

  constructor(initial: Record<string, Cell[][]> = {}) {
    for (const [name, grid] of Object.entries(initial))
      this.tabs.set(
        name,
        grid.map((r) => [...r]),
      );
  }

  private find(names: readonly string[]): string | undefined {
    const wanted = names.map(normalizeName);
    return [...this.tabs.keys()].find((n) => wanted.includes(normalizeName(n)));
  }

  read(names: readonly string[]): TabRead | null {
    const name = this.find(names);
    if (!name) return null;
    this.reads++;
    return { name, grid: this.tabs.get(name)!.map((r) => [...r]) };
  }

  headerReads = 0;
  readHeader(names: readonly string[]): TabRead | null {
    const name = this.find(names);
    if (!name) return null;
    this.headerReads++;
    return { name, grid: [[...(this.tabs.get(name)![0] ?? [])]] };
  }

  appendRows(name: string, rows: readonly (readonly Cell[])[]): void {
    this.writes++;
    this.tabs.get(name)!.push(...rows.map((r) => [...r]));
  }

  write(name: string, patch: TablePatch): void {
    this.writes++;
    const grid = this.tabs.get(name)!;
    for (const u of patch.updates) {
      if (!grid[u.row - 1]) grid[u.row - 1] = [];
      const row = grid[u.row - 1]!;
      while (row.length < u.column) row.push('');
      row[u.column - 1] = u.cell;
    }
    grid.push(...patch.appends.map((r) => [...r]));
    for (const row of [...patch.deletes].sort((a, b) => b - a)) grid.splice(row - 1, 1);
  }

  createTab(name: string, header: readonly string[]): void {
    if (this.find([name])) throw new Error(`A sheet with the name "${name}" already exists.`);
    this.tabs.set(name, [[...header]]);
  }

  addColumns(name: string, headers: readonly string[]): void {
    const grid = this.tabs.get(name)!;
    const width = Math.max(...grid.map((r) => r.length));
    for (const row of grid) while (row.length < width) row.push('');
    grid[0]!.push(...headers);
    for (const row of grid.slice(1)) row.push(...headers.map(() => ''));
  }

  applyLayout(name: string, layout: TabLayout): void {
    this.layouts.set(name, layout);
  }

  readonly charts = new Map<string, { title: string; columns: number[]; rows: number }>();

  rewriteTab(
    name: string,
    grid: readonly (readonly Cell[])[],
    chart: { title: string; columns: number[]; rows: number },
  ): void {
    this.writes++;
    const existing = this.find([name]) ?? name;
    this.tabs.set(
      existing,
      grid.map((r) => [...r]),
    );
    this.charts.set(existing, chart);
  }

  flush(): void {}

  /** Whether setup remembered the spreadsheet (see `SheetGateway.remember`). */
  remembered = false;
  remember(): void {
    this.remembered = true;
  }

  /** A tab's rows as objects keyed by header text, for readable assertions. */
  rows(name: string): Record<string, Cell>[] {
    const [header, ...rows] = this.tabs.get(name) ?? [[]];
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i] ?? ''])));
  }
}

export interface MemoryOptions {
  user?: string;
  locale?: string;
  now?: string;
  tabs?: Record<string, Cell[][]>;
}

export interface MemoryWorld {
  services: Services;
  gateway: MemoryGateway;
  alerts: string[];
  dialogs: { title: string; html: string }[];
  sidebars: string[];
  triggers: Set<string>;
  mails: OutgoingMail[];
  store: Map<string, string>;
  userStore: Map<string, string>;
  lockHeldByOther: boolean;
  /** What the deployment says the page's address is; null: not deployed. */
  webAppUrl: string | null;
  setUser(email: string): void;
  /** Who the script runs as; default: the user. */
  setEffectiveUser(email: string | null): void;
  setNow(iso: string): void;
  ctx(): RequestContext;
}

export function memoryWorld(options: MemoryOptions = {}): MemoryWorld {
  const gateway = new MemoryGateway(options.tabs);
  let user = options.user ?? 'leider@school.example';
  let now = options.now ?? '2027-01-04T07:30:00+01:00';
  let effective: string | null = null;
  const world: MemoryWorld = {
    gateway,
    alerts: [],
    dialogs: [],
    sidebars: [],
    triggers: new Set(),
    mails: [],
    store: new Map(),
    userStore: new Map(),
    lockHeldByOther: false,
    webAppUrl: null,
    setUser: (email) => {
      user = email;
    },
    setEffectiveUser: (email) => {
      effective = email;
    },
    setNow: (iso) => {
      now = iso;
    },
    ctx: () => new RequestContext(world.services),
    services: undefined as unknown as Services,
  };
  world.services = {
    gateway,
    identity: {
      email: () => user,
      effectiveEmail: () => effective ?? user,
      locale: () => options.locale ?? 'nl',
    },
    clock: { now: () => now, today: () => now.slice(0, 10), millis: () => Date.parse(now) },
    lock: {
      tryWith: (_ms, work) => (world.lockHeldByOther ? { ran: false } : { ran: true, value: work() }),
    },
    ui: {
      showSidebar: (title) => world.sidebars.push(title),
      sidebarViews: (language) => `/* the sidebar views, ${language} */`,
      alert: (message) => world.alerts.push(message),
      showDialog: (title, html) => world.dialogs.push({ title, html }),
    },
    triggers: {
      installed: (h) => world.triggers.has(h),
      ids: (h) => (world.triggers.has(h) ? [`trigger-${h}`] : []),
      installHourly: (h) => !world.triggers.has(h) && Boolean(world.triggers.add(h)),
      remove: (h) => (world.triggers.delete(h) ? 1 : 0),
    },
    mailer: { send: (m) => void world.mails.push(m), remainingQuota: () => 100 },
    // The page as it would be printed: tests read back what the PDF was made of.
    documents: { pdf: (html) => Buffer.from(html, 'utf8').toString('base64') },
    environment: {
      grantedScopes: () => null,
      missingDocument: () => [],
      webApp: () => false,
      webAppUrl: () => world.webAppUrl,
      spreadsheetUrl: () => 'https://docs.google.com/spreadsheets/d/test-sheet/edit',
      spreadsheetTimeZone: () => 'Europe/Amsterdam',
      scriptTimeZone: () => 'Europe/Amsterdam',
    },
    store: {
      get: (k) => world.store.get(k) ?? null,
      all: () => Object.fromEntries(world.store),
      set: (k, v) => void world.store.set(k, v),
      delete: (k) => void world.store.delete(k),
    },
    userStore: {
      get: (k) => world.userStore.get(k) ?? null,
      all: () => Object.fromEntries(world.userStore),
      set: (k, v) => void world.userStore.set(k, v),
      delete: (k) => void world.userStore.delete(k),
    },
    hasher: {
      hmac: (key, text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
      newKey: () => randomBytes(32).toString('hex'),
    },
    version: 'test',
  };
  return world;
}
