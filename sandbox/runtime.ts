/** Loads a built Code.js into a Node `vm` context that holds only the Apps Script fakes, and runs its functions. */
import vm from 'node:vm';
import type { FakeAuthMode, GasFakes } from './fakes/index.ts';

/** How one call runs: as whom, in which authorization mode, with which user locale. */
export interface RunOptions {
  user?: string;
  /** Who the script runs as (`Session.getEffectiveUser()`); default: `user`. */
  effectiveUser?: string;
  authMode?: Exclude<FakeAuthMode, 'CUSTOM_FUNCTION'>;
  /** `Session.getActiveUserLocale()` during this call (e.g. 'en'). */
  locale?: string;
  /** No UI (as a time-driven trigger): `SpreadsheetApp.getUi()` throws. */
  headless?: boolean;
  /** A web-app call (doGet, the page's google.script.run): see `ExecutionOptions.webapp`. */
  webapp?: boolean;
}

/** What one fired time-driven trigger did. */
export interface TriggerRun {
  triggerId: string;
  handler: string;
  owner: string;
  result?: unknown;
  error?: string;
}

/** A loaded bundle. */
export interface AppsScriptRuntime {
  /** The vm context of the latest load (a fresh one per run unless `keepContext`). */
  readonly context: vm.Context;
  /** Top-level function declarations: what menus, triggers and google.script.run can call. */
  globalFunctionNames(): string[];
  /** Calls a global function inside one execution (locks held by it are released at the end). */
  run(name: string, args?: unknown[], opts?: RunOptions): unknown;
  /**
   * Runs every installed time-driven trigger's handler as its owner (the effective user; the
   * active user is empty, as Google leaves it in a trigger) with a Google-like event and no UI.
   */
  fireTimeTriggers(): TriggerRun[];
}

/** Load options. */
export interface LoadOptions {
  /**
   * Keep one context for all runs. By default every run loads the script afresh, as Google does
   * on each call, so state kept in globals between calls is lost here too.
   */
  keepContext?: boolean;
  /** File name in stack traces; default 'Code.js'. */
  filename?: string;
}

/**
 * Makes the context's `Date` follow the fake clock: `new Date()` and `Date.now()` read it, every
 * other form is the real Date. Instances are real Dates of the context, so `instanceof` holds.
 */
const DATE_PRELUDE = `(function (now) {
  var RealDate = Date;
  function FakeDate() {
    if (!new.target) return new RealDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  FakeDate.prototype = RealDate.prototype;
  FakeDate.now = function () { return now(); };
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  Object.defineProperty(FakeDate, 'name', { value: 'Date' });
  globalThis.Date = FakeDate;
  return { Date: RealDate, Error: Error };
})`;

/** Top-level `function name(` declarations as esbuild writes them (column 0). */
function declaredFunctions(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(m[1]!);
  return names;
}

/** Loads `code` (a built Code.js) with the fakes' globals and nothing else from Node. */
export function loadBundle(code: string, fakes: GasFakes, options: LoadOptions = {}): AppsScriptRuntime {
  const script = new vm.Script(code, { filename: options.filename ?? 'Code.js' });
  const declared = declaredFunctions(code);
  const globalNames = new Set(Object.keys(fakes.globals));

  const load = (): vm.Context => {
    const context = vm.createContext({});
    const prelude = vm.runInContext(DATE_PRELUDE, context) as (now: () => number) => {
      Date: DateConstructor;
      Error: ErrorConstructor;
    };
    fakes.bindRealm(prelude(() => fakes.clock.now().getTime()));
    for (const [name, value] of Object.entries(fakes.globals)) context[name] = value;
    script.runInContext(context);
    return context;
  };

  let context = load();
  const fn = (name: string): ((...args: unknown[]) => unknown) => {
    const value: unknown = context[name];
    if (typeof value !== 'function' || globalNames.has(name)) {
      throw new Error(`Script function not found: ${name}`);
    }
    return value as (...args: unknown[]) => unknown;
  };

  const run = (name: string, args: unknown[] = [], opts: RunOptions = {}): unknown => {
    if (!options.keepContext) context = load();
    const localeBefore = opts.locale === undefined ? null : fakes.users.userLocale();
    fakes.beginExecution({
      user: opts.user,
      effectiveUser: opts.effectiveUser,
      authMode: opts.authMode,
      headless: opts.headless,
      webapp: opts.webapp,
    });
    if (opts.locale !== undefined) fakes.users.setUserLocale(opts.locale);
    try {
      return fn(name)(...args);
    } finally {
      fakes.endExecution();
      if (localeBefore !== null) fakes.users.setUserLocale(localeBefore);
    }
  };

  return {
    get context() {
      return context;
    },
    globalFunctionNames: () =>
      Object.keys(context)
        .filter((name) => declared.has(name) && typeof context[name] === 'function' && !globalNames.has(name))
        .sort(),
    run,
    fireTimeTriggers: () =>
      fakes.triggers
        .list()
        .filter((t) => t.type === 'CLOCK')
        .map((t): TriggerRun => {
          const now = fakes.clock.now();
          // Google's time-driven event object; its fields are in UTC whatever the script's zone.
          const event = {
            authMode: 'FULL',
            triggerUid: t.id,
            year: now.getUTCFullYear(),
            month: now.getUTCMonth() + 1,
            'day-of-month': now.getUTCDate(),
            'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
            'week-of-year': isoWeek(now),
            hour: now.getUTCHours(),
            minute: now.getUTCMinutes(),
            second: now.getUTCSeconds(),
            timezone: 'UTC',
          };
          const base = { triggerId: t.id, handler: t.handler, owner: t.owner };
          try {
            return {
              ...base,
              result: run(t.handler, [event], {
                user: '',
                effectiveUser: t.owner,
                authMode: 'FULL',
                headless: true,
              }),
            };
          } catch (e) {
            return {
              ...base,
              error: e instanceof Error || isErrorLike(e) ? (e as Error).message : String(e),
            };
          }
        }),
  };
}

function isErrorLike(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as Error).message === 'string';
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}
