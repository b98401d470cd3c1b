/** PropertiesService and CacheService with Google's size limits; cache expiry follows the fake clock. */
import type { FakeContext } from './core.ts';

const KB = 1024;
/** Google: 9 KB per property value, 500 KB per property store, 100 KB per cached value. */
export const LIMITS = Object.freeze({
  propertyValue: 9 * KB,
  propertyStore: 500 * KB,
  cacheValue: 100 * KB,
  cacheKey: 250,
});

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Property stores as plain data: document, script, and one per user. */
export interface PropertiesState {
  document: Record<string, string>;
  script: Record<string, string>;
  user: Record<string, Record<string, string>>;
}

/** The Properties fake over one store. */
export class FakeProperties {
  constructor(
    private ctx: FakeContext,
    private store: () => Record<string, string>,
  ) {}
  private checkFits(next: Record<string, string>): void {
    let total = 0;
    for (const [k, v] of Object.entries(next)) {
      if (bytes(v) > LIMITS.propertyValue) throw this.ctx.error('Argument too large: value');
      total += bytes(k) + bytes(v);
    }
    if (total > LIMITS.propertyStore) {
      throw this.ctx.error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }
  private replace(next: Record<string, string>): void {
    this.checkFits(next);
    const store = this.store();
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
  }
  getProperty(key: string): string | null {
    return Object.hasOwn(this.store(), key) ? (this.store()[key] ?? null) : null;
  }
  /** Values are stored as strings, as Google does. */
  setProperty(key: string, value: unknown): this {
    this.replace({ ...this.store(), [String(key)]: String(value) });
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this.store() };
    for (const [k, v] of Object.entries(properties)) next[k] = String(v);
    this.replace(next);
    return this;
  }
  getProperties(): Record<string, string> {
    return { ...this.store() };
  }
  getKeys(): string[] {
    return Object.keys(this.store());
  }
  deleteProperty(key: string): this {
    delete this.store()[key];
    return this;
  }
  deleteAllProperties(): this {
    this.replace({});
    return this;
  }
}

/** The PropertiesService fake. */
export class FakePropertiesService {
  constructor(
    private ctx: FakeContext,
    readonly state: PropertiesState,
  ) {}
  getDocumentProperties(): FakeProperties {
    return this.ctx.wrap('Properties', new FakeProperties(this.ctx, () => this.state.document));
  }
  getScriptProperties(): FakeProperties {
    return this.ctx.wrap('Properties', new FakeProperties(this.ctx, () => this.state.script));
  }
  getUserProperties(): FakeProperties {
    return this.ctx.wrap(
      'Properties',
      new FakeProperties(this.ctx, () => {
        this.state.user[this.ctx.effectiveUser] ??= {};
        return this.state.user[this.ctx.effectiveUser]!;
      }),
    );
  }
}

/** One cache entry; `expiresAt` in fake-clock ms. */
export interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** Cache stores as plain data. */
export interface CacheState {
  document: Record<string, CacheEntry>;
  script: Record<string, CacheEntry>;
  user: Record<string, Record<string, CacheEntry>>;
}

/** The Cache fake over one store. */
export class FakeCache {
  constructor(
    private ctx: FakeContext,
    private store: () => Record<string, CacheEntry>,
  ) {}
  private live(key: string): CacheEntry | undefined {
    const store = this.store();
    const entry = store[key];
    if (entry && entry.expiresAt <= this.ctx.nowMs) {
      delete store[key];
      return undefined;
    }
    return entry;
  }
  private check(key: string, value: string): void {
    if (key.length > LIMITS.cacheKey) throw this.ctx.error('Argument too large: key');
    if (bytes(value) > LIMITS.cacheValue) throw this.ctx.error('Argument too large: value');
  }
  /** Default expiry 600 s; Google caps it at 21600 s (6 hours). */
  private expiry(seconds: number | undefined): number {
    const s = seconds === undefined ? 600 : Math.min(Math.max(1, Number(seconds)), 21600);
    return this.ctx.nowMs + s * 1000;
  }
  get(key: string): string | null {
    return this.live(String(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this.live(String(k));
      if (e) out[k] = e.value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.check(String(key), String(value));
    this.store()[String(key)] = { value: String(value), expiresAt: this.expiry(expirationInSeconds) };
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.check(k, String(v));
    for (const [k, v] of Object.entries(values)) {
      this.store()[k] = { value: String(v), expiresAt: this.expiry(expirationInSeconds) };
    }
  }
  remove(key: string): void {
    delete this.store()[String(key)];
  }
  removeAll(keys: string[]): void {
    for (const k of keys) delete this.store()[String(k)];
  }
}

/** The CacheService fake. */
export class FakeCacheService {
  constructor(
    private ctx: FakeContext,
    readonly state: CacheState,
  ) {}
  getDocumentCache(): FakeCache {
    return this.ctx.wrap('Cache', new FakeCache(this.ctx, () => this.state.document));
  }
  getScriptCache(): FakeCache {
    return this.ctx.wrap('Cache', new FakeCache(this.ctx, () => this.state.script));
  }
  getUserCache(): FakeCache {
    return this.ctx.wrap(
      'Cache',
      new FakeCache(this.ctx, () => {
        this.state.user[this.ctx.effectiveUser] ??= {};
        return this.state.user[this.ctx.effectiveUser]!;
      }),
    );
  }
}
