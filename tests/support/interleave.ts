/**
 * Two users acting at once over one spreadsheet. Apps Script runs each call in its own execution;
 * what they share is the sheet, the document properties, the mail outbox and the document lock.
 * Here each execution gets its own services over that shared state, and hooks let one execution
 * run in the middle of another:
 * - `afterRead(name, tab, other)`: right after execution `name` read `tab` while holding the lock
 *   (the read its decision rests on), `other` runs to its end. With the lock, `other` finds the lock taken: Apps Script
 *   would make it wait, and since `name` cannot go on until `other` returns, the wait ends as
 *   "busy" (the user tries again). Without the lock, `other` writes between `name`'s read and write.
 * - `beforeLock(name, other)`: `other` runs to its end just before `name` gets the lock, after
 *   `name` read what it needed to find the caller's role: `name` must decide on fresh data.
 * `lock: 'removed'` runs every call without mutual exclusion, to show a test would catch it.
 */
import { RequestContext, type Services } from '../../src/app/context';
import type { Lock, SheetGateway, TabRead } from '../../src/app/ports';
import { normalizeName } from '../../src/core/schema';
import type { TablePatch } from '../../src/core/table';
import type { MemoryWorld } from './memory';

type Hook = () => void;

export class Interleaving {
  private holder: string | null = null;
  private readonly afterReads = new Map<string, { tab: string; run: Hook }[]>();
  private readonly beforeLocks = new Map<string, Hook[]>();
  /** Every lock request that found the lock taken, by execution name. */
  readonly refused: string[] = [];

  constructor(
    private readonly world: MemoryWorld,
    private readonly lock: 'enforced' | 'removed' = 'enforced',
  ) {}

  /** After execution `name` reads `tab` holding the lock (once), run `other` to its end. */
  afterRead(name: string, tab: string, other: Hook): void {
    this.afterReads.set(name, [
      ...(this.afterReads.get(name) ?? []),
      { tab: normalizeName(tab), run: other },
    ]);
  }

  /** Just before execution `name` gets the lock (once), run `other` to its end. */
  beforeLock(name: string, other: Hook): void {
    this.beforeLocks.set(name, [...(this.beforeLocks.get(name) ?? []), other]);
  }

  /** A request context for one call by `user`, in execution `name`, over the shared state. */
  ctx(name: string, user: string): RequestContext {
    const shared = this.world.services;
    const gateway = this.gatewayFor(name, shared.gateway);
    const services: Services = {
      ...shared,
      gateway,
      identity: { email: () => user, effectiveEmail: () => user, locale: () => 'nl' },
      lock: this.lockFor(name),
    };
    return new RequestContext(services);
  }

  private gatewayFor(name: string, shared: SheetGateway): SheetGateway {
    const hooks = this.afterReads;
    const holding = () => this.holder === name;
    return {
      read(names: readonly string[]): TabRead | null {
        const read = shared.read(names);
        const pending = holding() ? (hooks.get(name) ?? []) : [];
        const hit = read ? pending.find((h) => h.tab === normalizeName(read.name)) : undefined;
        if (hit) {
          hooks.set(
            name,
            pending.filter((h) => h !== hit),
          );
          hit.run();
        }
        return read;
      },
      readHeader: (names) => shared.readHeader(names),
      appendRows: (tab, rows) => shared.appendRows(tab, rows),
      write: (tab: string, patch: TablePatch) => shared.write(tab, patch),
      createTab: (tab, header) => shared.createTab(tab, header),
      addColumns: (tab, headers) => shared.addColumns(tab, headers),
      applyLayout: (tab, layout) => shared.applyLayout(tab, layout),
      rewriteTab: (tab, grid, chart) => shared.rewriteTab(tab, grid, chart),
      flush: () => shared.flush(),
      remember: () => shared.remember(),
    };
  }

  private lockFor(name: string): Lock {
    return {
      tryWith: <T>(_waitMs: number, work: () => T) => {
        const first = this.beforeLocks.get(name)?.shift();
        if (first) first();
        if (this.lock === 'enforced') {
          if (this.holder !== null && this.holder !== name) {
            this.refused.push(name);
            return { ran: false as const };
          }
        }
        const outer = this.holder;
        this.holder = name;
        try {
          return { ran: true as const, value: work() };
        } finally {
          this.holder = outer;
        }
      },
    };
  }
}
