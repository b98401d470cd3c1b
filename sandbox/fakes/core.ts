/** Shared state of one set of Apps Script fakes: clock, users, executions, auth mode, call counting. */
import { permissionMessage, SCOPES, scopeRule } from './scopes.ts';
import { isoWithOffset } from './time.ts';

/** Authorization modes the fakes model (Apps Script's `ScriptApp.AuthMode`). */
export type FakeAuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** Counts every method call on every fake object, plus cells read and written. */
export interface CallCounter {
  /** Sum of calls whose key (`Kind.method`) starts with `prefix`; all calls without a prefix. */
  count(prefix?: string): number;
  /** Calls on the spreadsheet family (SpreadsheetApp, Spreadsheet, Sheet, Range, builders, charts), not Ui/Menu. */
  spreadsheetCalls(): number;
  /** Every call key with its count. */
  snapshot(): Record<string, number>;
  readonly cellsRead: number;
  readonly cellsWritten: number;
  /** Tabs whose values were read (getValues/getDisplayValues), with how often. */
  tabsRead(): Record<string, number>;
  reset(): void;
}

/** Object kinds that belong to the spreadsheet family (each call is a round trip on Google). */
export const SPREADSHEET_KINDS: ReadonlySet<string> = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'DataValidationBuilder',
  'DataValidation',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
]);

/** The mutable counter behind {@link CallCounter}. */
export class Calls implements CallCounter {
  private counts = new Map<string, number>();
  private read = 0;
  private written = 0;
  private readTabs = new Map<string, number>();

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  addRead(n: number, tab?: string): void {
    this.read += n;
    if (tab !== undefined) this.readTabs.set(tab, (this.readTabs.get(tab) ?? 0) + 1);
  }
  tabsRead(): Record<string, number> {
    return Object.fromEntries(this.readTabs);
  }
  addWritten(n: number): void {
    this.written += n;
  }
  count(prefix = ''): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (key.startsWith(prefix)) sum += n;
    return sum;
  }
  spreadsheetCalls(): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (SPREADSHEET_KINDS.has(key.split('.')[0] ?? '')) sum += n;
    return sum;
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
  get cellsRead(): number {
    return this.read;
  }
  get cellsWritten(): number {
    return this.written;
  }
  reset(): void {
    this.counts.clear();
    this.readTabs.clear();
    this.read = 0;
    this.written = 0;
  }
}

/**
 * Constructors of the realm the calling script lives in. The runtime binds the vm context's own
 * `Date` and `Error` so that `value instanceof Date` and `e instanceof Error` hold inside the bundle,
 * as they do on Google.
 */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** True for a Date from any realm (a vm context has its own `Date`). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Execution options: who runs, in which authorization mode, with or without a UI. */
export interface ExecutionOptions {
  user?: string;
  /** Who the script runs as; default: `user` when given (a user runs their own add-on), else the default. */
  effectiveUser?: string;
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /** A time-driven trigger has no UI: `SpreadsheetApp.getUi()` throws there. */
  headless?: boolean;
  /**
   * A call to a web app deployed `executeAs: USER_DEPLOYING` (doGet or the page's
   * `google.script.run`): the script runs as the deployer (the default effective user unless
   * `effectiveUser` is given), `user` is the visitor. As Google documents for a bound script's
   * web app: no active spreadsheet, no document lock, no document properties, no UI; the
   * visitor's e-mail only for someone of the deployer's domain (empty for anyone else).
   */
  webapp?: boolean;
}

/** What runs in AuthMode.NONE: building menus and pure helpers, nothing that reads or stores. */
const NONE_MODE_KINDS: ReadonlySet<string> = new Set([
  'Menu',
  'Utilities',
  'Blob',
  'Logger',
  'HtmlService',
  'HtmlOutput',
  'AuthorizationInfo',
]);
const NONE_MODE_METHODS: ReadonlySet<string> = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createMenu',
  'Ui.createAddonMenu',
  'ScriptApp.getAuthorizationInfo',
  'ScriptApp.getScriptId',
]);

/** The shared, mutable state every fake service reads. */
export class FakeContext {
  readonly calls = new Calls();
  readonly logs: string[] = [];
  /** Toasts shown with Spreadsheet.toast (no Ui object needed on Google). */
  readonly toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  nowMs: number;
  timeZone: string;
  locale: string;
  userLocale: string;
  defaultUser: string;
  activeUser: string;
  defaultEffectiveUser: string;
  effectiveUser: string;
  authMode: FakeAuthMode = 'FULL';
  headless = false;
  /** The current execution is a web-app call (see {@link ExecutionOptions.webapp}). */
  webapp = false;
  oauthScopes: string[];
  grantedScopes: string[];
  /** Id of the running execution; locks are held per execution. */
  executionId = 1;
  private nextExecutionId = 2;
  private endHooks: Array<() => void> = [];
  realm: Realm = { Date, Error };

  constructor(opts: {
    now: number;
    timeZone: string;
    locale: string;
    userLocale: string;
    activeUser: string;
    effectiveUser: string;
    oauthScopes: string[];
    grantedScopes: string[];
  }) {
    this.nowMs = opts.now;
    this.timeZone = opts.timeZone;
    this.locale = opts.locale;
    this.userLocale = opts.userLocale;
    this.defaultUser = opts.activeUser;
    this.activeUser = opts.activeUser;
    this.defaultEffectiveUser = opts.effectiveUser;
    this.effectiveUser = opts.effectiveUser;
    this.oauthScopes = opts.oauthScopes;
    this.grantedScopes = opts.grantedScopes;
  }

  /** A Date of the calling script's realm. */
  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** ISO 8601 with the offset of `timeZone`. */
  isoWithOffset(ms: number, timeZone = this.timeZone): string {
    return isoWithOffset(ms, timeZone);
  }

  /** An error as Apps Script throws it (`name` 'Exception', created in the script's realm). */
  error(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = 'Exception';
    return e;
  }

  /** Run `hook` when the current execution ends (locks use it). */
  onEndExecution(hook: () => void): void {
    this.endHooks.push(hook);
  }

  beginExecution(opts: ExecutionOptions = {}): void {
    this.executionId = this.nextExecutionId++;
    this.webapp = opts.webapp ?? false;
    this.activeUser = opts.user ?? this.defaultUser;
    // A menu or sidebar call runs as the user who made it; a trigger runs as its owner; a web app
    // deployed "execute as me" runs as its deployer, whoever visits.
    this.effectiveUser = this.webapp
      ? (opts.effectiveUser ?? this.defaultEffectiveUser)
      : (opts.effectiveUser ?? opts.user ?? this.defaultEffectiveUser);
    if (this.webapp && domainOf(this.activeUser) !== domainOf(this.effectiveUser)) this.activeUser = '';
    this.authMode = opts.authMode ?? 'FULL';
    this.headless = opts.headless ?? false;
  }

  endExecution(): void {
    for (const hook of this.endHooks) hook();
    this.executionId = this.nextExecutionId++;
    this.activeUser = this.defaultUser;
    this.effectiveUser = this.defaultEffectiveUser;
    this.authMode = 'FULL';
    this.headless = false;
    this.webapp = false;
  }

  /** Throws like Google when the current authorization does not allow `kind.method`. */
  guard(kind: string, method: string): void {
    const rule = scopeRule(kind, method);
    if (
      this.authMode === 'NONE' &&
      !NONE_MODE_KINDS.has(kind) &&
      !NONE_MODE_METHODS.has(`${kind}.${method}`)
    ) {
      // In AuthMode.NONE (an add-on's onOpen before the user used it here) only menus may be built.
      throw this.error(permissionMessage(kind, method, rule));
    }
    if (rule.length === 0) return;
    if (this.authMode === 'LIMITED' && (rule.includes(SCOPES.sendMail) || rule.includes(SCOPES.scriptApp))) {
      // LIMITED is a simple trigger's mode: services that need the user's authorization fail.
      throw this.error(permissionMessage(kind, method, rule));
    }
    if (!rule.some((s) => this.grantedScopes.includes(s))) {
      // Users may decline single scopes with granular consent; the call then fails like this.
      throw this.error(permissionMessage(kind, method, rule));
    }
  }

  /**
   * Wraps a fake object so each method call is guarded and counted as `kind.method`. Calls a
   * fake makes on its own `this` bypass the proxy and are not counted.
   */
  wrap<T extends object>(kind: string, target: T): T {
    const cache = new Map<string, unknown>();
    const proxy: T = new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        if (prop === 'toString' || prop === 'toJSON' || prop === 'valueOf') return value;
        const hit = cache.get(prop);
        if (hit) return hit;
        const fn = value as (...args: unknown[]) => unknown;
        const wrapped = (...args: unknown[]): unknown => {
          this.guard(kind, prop);
          this.calls.record(`${kind}.${prop}`);
          const result = fn.apply(obj, args);
          // Builders return `this`; hand back the proxy so chained calls are counted too.
          return result === obj ? proxy : result;
        };
        cache.set(prop, wrapped);
        return wrapped;
      },
    });
    return proxy;
  }
}

/** The domain of an e-mail address, lower case ('' for none). */
function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Throws Google's "Invalid argument" style error when `ok` is false. */
export function requireArg(ctx: FakeContext, ok: boolean, message: string): asserts ok {
  if (!ok) throw ctx.error(message);
}
