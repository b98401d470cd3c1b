/** Builds one consistent set of in-memory Apps Script fakes with test controls, and restores it from JSON. */

import { fromWall, isWallDate, parseA1 } from './cells.ts';
import type { CallCounter, ExecutionOptions, FakeAuthMode, Realm } from './core.ts';
import { FakeContext } from './core.ts';
import type { MailState, SentMail } from './mail.ts';
import { FakeMailApp, MailControl } from './mail.ts';
import type { CacheState, PropertiesState } from './properties.ts';
import { FakeCacheService, FakePropertiesService } from './properties.ts';
import { MANIFEST_SCOPES, SCOPES } from './scopes.ts';
import type { ClockSchedule, TriggersState } from './script.ts';
import { FakeScriptApp } from './script.ts';
import { FakeLockService, FakeSession } from './session.ts';
import type { ChartSpec, SpreadsheetState, ValidationSpec } from './spreadsheet.ts';
import {
  CHART_TYPES,
  chartsOf,
  defaultSheetBaseName,
  FakeSpreadsheetApp,
  newSheetState,
  pasteInto,
  SpreadsheetModel,
  validationsOf,
} from './spreadsheet.ts';
import type { MenuSpec, ShownAlert, ShownHtml } from './ui.ts';
import { FakeHtmlService, FakeUi, UiRecord } from './ui.ts';
import { blobOf, FakeLogger, FakeUtilities, recordedConsole, toBytes } from './utilities.ts';

export type { CallCounter, ExecutionOptions, FakeAuthMode, Realm } from './core.ts';
export type { SentAttachment, SentMail } from './mail.ts';
export { MANIFEST_SCOPES, SCOPE_TABLE, SCOPES } from './scopes.ts';
export type { ChartSpec, ValidationSpec } from './spreadsheet.ts';
export { formatJavaDate, isoWithOffset } from './time.ts';
export type { MenuEntry, MenuSpec, ShownAlert, ShownHtml } from './ui.ts';

/** How a set of fakes starts. */
export interface FakeOptions {
  /** ISO 8601 with offset; default: the real time at creation. */
  now?: string;
  /** Script and spreadsheet time zone; default 'Europe/Amsterdam'. */
  timeZone?: string;
  /** Spreadsheet locale; default 'nl_NL'. */
  locale?: string;
  /** `Session.getActiveUserLocale()`; default 'nl'. */
  userLocale?: string;
  /** Default 'owner@example.com'. */
  activeUser?: string;
  /** Default: the active user. */
  effectiveUser?: string;
  /** Recipients a day; default 100 (consumer account). */
  mailQuota?: number;
  /** Scopes of appsscript.json; default: the manifest's `oauthScopes` (nothing grants everything). */
  oauthScopes?: string[];
  /** Scopes the user granted; default: `oauthScopes`. */
  grantedScopes?: string[];
  /** HTML files for `HtmlService.createHtmlOutputFromFile` (name → content). */
  htmlFiles?: Record<string, string>;
  /** Default 'Wegwijs'. */
  spreadsheetName?: string;
  spreadsheetId?: string;
  scriptId?: string;
  /** Caption of `createAddonMenu()`; default 'Wegwijs'. */
  addonName?: string;
  /**
   * A published Editor add-on whose time-driven run gets no document: `getActiveSpreadsheet()`,
   * `getActive()`, `getActiveSheet()`, `getDocumentLock()` and `getDocumentProperties()` return
   * null there (third parties report this; Google's documentation does not settle it). Default false.
   */
  publishedAddon?: boolean;
}

/** Everything needed to restore a set of fakes; JSON-safe (dates are tagged, bytes base64). */
export interface FakeState {
  version: 1;
  nowMs: number;
  timeZone: string;
  userLocale: string;
  defaultUser: string;
  effectiveUser: string;
  oauthScopes: string[];
  grantedScopes: string[];
  scriptId: string;
  spreadsheet: SpreadsheetState;
  properties: PropertiesState;
  cache: CacheState;
  triggers: TriggersState;
  mail: MailState;
  ui: { menus: MenuSpec[]; shown: ShownHtml[]; alerts: ShownAlert[] };
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  logs: string[];
  /** See {@link FakeOptions.publishedAddon}; absent in older saved states. */
  publishedAddon?: boolean;
  /** The web app's URL once deployed (`ScriptApp.getService().getUrl()`); absent or null: not deployed. */
  webAppUrl?: string | null;
}

/**
 * The Apps Script globals the fakes provide, typed with the real `@types/google-apps-script`
 * interfaces narrowed to what Wegwijs uses. Objects deeper down are typed as the real ones but
 * only implement what the adapters call; enums are plain strings (`'FULL'`), as they print on Google.
 */
export interface GasGlobals {
  SpreadsheetApp: Pick<
    GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    | 'getActiveSpreadsheet'
    | 'getActive'
    | 'getActiveSheet'
    | 'openById'
    | 'getUi'
    | 'flush'
    | 'newDataValidation'
    | 'DataValidationCriteria'
  >;
  Session: Pick<
    GoogleAppsScript.Base.Session,
    | 'getActiveUser'
    | 'getEffectiveUser'
    | 'getActiveUserLocale'
    | 'getScriptTimeZone'
    | 'getTemporaryActiveUserKey'
  >;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  MailApp: Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;
  ScriptApp: Pick<
    GoogleAppsScript.Script.ScriptApp,
    | 'AuthMode'
    | 'AuthorizationStatus'
    | 'EventType'
    | 'TriggerSource'
    | 'WeekDay'
    | 'newTrigger'
    | 'getProjectTriggers'
    | 'getUserTriggers'
    | 'deleteTrigger'
    | 'getAuthorizationInfo'
    | 'getScriptId'
    | 'getOAuthToken'
    | 'getService'
  >;
  Utilities: Pick<
    GoogleAppsScript.Utilities.Utilities,
    | 'Charset'
    | 'DigestAlgorithm'
    | 'formatDate'
    | 'parseDate'
    | 'formatString'
    | 'sleep'
    | 'getUuid'
    | 'base64Encode'
    | 'base64EncodeWebSafe'
    | 'base64Decode'
    | 'base64DecodeWebSafe'
    | 'computeDigest'
    | 'computeHmacSha256Signature'
    | 'newBlob'
  >;
  HtmlService: Pick<
    GoogleAppsScript.HTML.HtmlService,
    'createHtmlOutput' | 'createHtmlOutputFromFile' | 'SandboxMode' | 'XFrameOptionsMode'
  >;
  Logger: Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'>;
  Charts: Pick<GoogleAppsScript.Charts.Charts, 'ChartType'>;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

/** A trigger as `fakes.triggers.list()` shows it. */
export interface TriggerInfo extends ClockSchedule {
  id: string;
  handler: string;
  owner: string;
  type: string;
  documentId: string;
}

/** A set of fakes: the globals for a script plus controls for tests and the sandbox. */
export interface GasFakes {
  globals: GasGlobals;
  clock: { now(): Date; set(iso: string): void; advance(ms: number): void };
  sheet: {
    tabNames(): string[];
    /** The tab's data range as typed values (Dates as Date, formulas as text); [] when empty. */
    values(tab: string): unknown[][];
    /** The data range as JSON: dates 'YYYY-MM-DD' (ISO with offset when not midnight), formulas as text, empty as null. */
    json(tab: string): (string | number | boolean | null)[][];
    /** Number formats of the data range ('General' when none). */
    formats(tab: string): string[][];
    /** Replaces the tab's contents as a user pasting: same coercion as setValues; creates the tab if missing. */
    paste(tab: string, rows: unknown[][]): void;
    charts(tab: string): ChartSpec[];
    validations(tab: string): ValidationSpec[];
    frozenRows(tab: string): number;
    /**
     * Protects a block (A1 notation) as someone in the sheet would: only `editors` may edit it
     * (default: nobody but the owner), unless `warningOnly`.
     */
    protect(tab: string, a1: string, options?: { editors?: string[]; warningOnly?: boolean }): void;
  };
  outbox: SentMail[];
  mail: MailControl;
  triggers: { list(): TriggerInfo[] };
  ui: {
    menus(): MenuSpec[];
    sidebars(): { title: string; html: string }[];
    dialogs(): ShownHtml[];
    alerts(): ShownAlert[];
    toasts(): { message: string; title: string; timeoutSeconds: number }[];
    /** The next alert returns this button (default: the first button of its set, OK or YES). */
    respondToNextAlert(button: string): void;
    respondToNextPrompt(button: string, text: string): void;
  };
  users: {
    /** Sets the default active user (and the current one), who is also the effective user. */
    setActiveUser(email: string): void;
    setEffectiveUser(email: string): void;
    setUserLocale(locale: string): void;
    /** The current user locale (read without counting a Session call). */
    userLocale(): string;
  };
  locks: { holdByOther(): void; releaseOther(): void };
  beginExecution(opts?: ExecutionOptions): void;
  endExecution(): void;
  setAuthMode(mode: FakeAuthMode): void;
  setGrantedScopes(scopes: string[]): void;
  /** The manifest's scopes (asked on the consent screen) and those the user granted. */
  scopes(): { requested: string[]; granted: string[] };
  /**
   * Runs `fn` as a person working in the spreadsheet itself (typing, pasting): people need no
   * OAuth grant for that, so a declined spreadsheet scope does not stop them. Only the sheet scope
   * is added, and only for the duration of `fn`.
   */
  asPersonInSheet<T>(fn: () => T): T;
  /** Turns the published-add-on mode on or off (see {@link FakeOptions.publishedAddon}). */
  setPublishedAddon(on: boolean): void;
  /** Deploys the script as a web app at `url` (null: no deployment, Google's getUrl gives null). */
  setWebAppUrl(url: string | null): void;
  calls: CallCounter;
  logs: string[];
  /** Lets a vm runtime make Dates and Errors of its own realm. */
  bindRealm(realm: Realm): void;
  toJSON(): FakeState;
}

/** The same service with `methods` answering null while `when()` holds (the published-add-on mode). */
function nullInTriggers<T extends object>(service: T, when: () => boolean, methods: readonly string[]): T {
  const target = service as unknown as Record<string, unknown>;
  for (const name of methods) {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = (...args: unknown[]): unknown => (when() ? null : original.apply(service, args));
  }
  return service;
}

const DEFAULT_SPREADSHEET_ID = '1WegwijsSandboxSpreadsheetId000000000000000';

function initialState(options: FakeOptions): FakeState {
  const timeZone = options.timeZone ?? 'Europe/Amsterdam';
  const locale = options.locale ?? 'nl_NL';
  const activeUser = options.activeUser ?? 'owner@example.com';
  const oauthScopes = options.oauthScopes ?? [...MANIFEST_SCOPES];
  const nowMs = options.now ? Date.parse(options.now) : Date.now();
  if (Number.isNaN(nowMs)) throw new Error(`FakeOptions.now is not a date: ${options.now}`);
  return {
    version: 1,
    nowMs,
    timeZone,
    userLocale: options.userLocale ?? 'nl',
    defaultUser: activeUser,
    effectiveUser: options.effectiveUser ?? activeUser,
    oauthScopes,
    grantedScopes: options.grantedScopes ?? [...oauthScopes],
    scriptId: options.scriptId ?? '1WegwijsSandboxScriptId',
    spreadsheet: {
      id: options.spreadsheetId ?? DEFAULT_SPREADSHEET_ID,
      name: options.spreadsheetName ?? 'Wegwijs',
      timeZone,
      locale,
      activeSheetId: 0,
      nextSheetId: 1_000_003,
      nextChartId: 1,
      sheets: [newSheetState(0, `${defaultSheetBaseName(locale)}1`)],
    },
    properties: { document: {}, script: {}, user: {} },
    cache: { document: {}, script: {}, user: {} },
    triggers: { list: [], nextId: 1 },
    mail: { outbox: [], quota: options.mailQuota ?? 100, used: 0, day: '' },
    ui: { menus: [], shown: [], alerts: [] },
    toasts: [],
    logs: [],
    publishedAddon: options.publishedAddon ?? false,
  };
}

/** Fresh fakes: one spreadsheet with one empty tab ('Blad1' in nl_NL), empty stores, full quota. */
export function createGasFakes(options: FakeOptions = {}): GasFakes {
  return build(initialState(options), options);
}

/** Fakes restored from `toJSON()` output; `options` supplies what state does not hold (HTML files, names). */
export function restoreGasFakes(state: FakeState, options: FakeOptions = {}): GasFakes {
  if (state.version !== 1) throw new Error(`Unknown fake state version ${String(state.version)}`);
  return build(structuredClone(state), options);
}

function build(state: FakeState, options: FakeOptions): GasFakes {
  const ctx = new FakeContext({
    now: state.nowMs,
    timeZone: state.timeZone,
    locale: state.spreadsheet.locale,
    userLocale: state.userLocale,
    activeUser: state.defaultUser,
    effectiveUser: state.effectiveUser,
    oauthScopes: state.oauthScopes,
    grantedScopes: state.grantedScopes,
  });
  ctx.logs.push(...state.logs);
  ctx.toasts.push(...state.toasts);
  const ss = new SpreadsheetModel(ctx, state.spreadsheet);
  const uiRecord = new UiRecord();
  Object.assign(uiRecord, state.ui);
  const mailControl = new MailControl(state.mail);
  const locks = new FakeLockService(ctx);
  const scriptApp = new FakeScriptApp(
    ctx,
    { scriptId: state.scriptId, documentId: () => ss.state.id, webAppUrl: () => state.webAppUrl ?? null },
    state.triggers,
  );
  const toHtmlBlob = (html: string, name: string): unknown => blobOf(ctx, toBytes(html), 'text/html', name);
  const ui = new FakeUi(ctx, uiRecord, options.addonName ?? 'Wegwijs');
  const getUi = (): unknown => {
    // A time-driven trigger and a web app have no user interface to show anything in.
    if (ctx.headless || ctx.webapp) throw ctx.error('Cannot call SpreadsheetApp.getUi() from this context.');
    return ctx.wrap('Ui', ui);
  };
  const logger = new FakeLogger(ctx);
  const published = { on: state.publishedAddon ?? options.publishedAddon ?? false };
  // In the published-add-on mode a time-driven run (headless) gets null for the document; a bound
  // script's web app never has one (Google: the "active" methods are not available there).
  const documentless = () => (published.on && ctx.headless) || ctx.webapp;
  const spreadsheetApp = nullInTriggers(new FakeSpreadsheetApp(ss, getUi), documentless, [
    'getActiveSpreadsheet',
    'getActive',
    'getActiveSheet',
  ]);
  const lockService = nullInTriggers(locks, documentless, ['getDocumentLock']);
  const propertiesService = nullInTriggers(new FakePropertiesService(ctx, state.properties), documentless, [
    'getDocumentProperties',
  ]);

  const impl = {
    SpreadsheetApp: ctx.wrap('SpreadsheetApp', spreadsheetApp),
    Session: ctx.wrap('Session', new FakeSession(ctx, state.scriptId)),
    LockService: ctx.wrap('LockService', lockService),
    PropertiesService: ctx.wrap('PropertiesService', propertiesService),
    CacheService: ctx.wrap('CacheService', new FakeCacheService(ctx, state.cache)),
    MailApp: ctx.wrap('MailApp', new FakeMailApp(ctx, state.mail, mailControl)),
    ScriptApp: ctx.wrap('ScriptApp', scriptApp),
    Utilities: ctx.wrap('Utilities', new FakeUtilities(ctx)),
    HtmlService: ctx.wrap('HtmlService', new FakeHtmlService(ctx, options.htmlFiles ?? {}, toHtmlBlob)),
    Logger: ctx.wrap('Logger', logger),
    Charts: Object.freeze({ ChartType: CHART_TYPES }),
    console: recordedConsole(ctx),
  };
  // The one cast: the fakes implement the subset of each service Wegwijs calls, with enums as strings.
  const globals = impl as unknown as GasGlobals;

  const tab = (name: string) => {
    const sheet = ss.sheetByName(name);
    if (!sheet)
      throw new Error(`No tab named "${name}"; tabs: ${ss.state.sheets.map((s) => s.name).join(', ')}`);
    return sheet;
  };
  const grid = <T>(name: string, fn: (cell: ReturnType<ReturnType<typeof tab>['cell']>) => T): T[][] => {
    const sheet = tab(name);
    const rows = sheet.lastRow();
    const cols = sheet.lastColumn();
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: T[] = [];
      for (let c = 1; c <= cols; c++) line.push(fn(sheet.cell(r, c)));
      out.push(line);
    }
    return out;
  };

  return {
    globals,
    clock: {
      now: () => new Date(ctx.nowMs),
      set: (iso: string) => {
        const ms = Date.parse(iso);
        if (Number.isNaN(ms)) throw new Error(`Not a date: ${iso}`);
        ctx.nowMs = ms;
      },
      advance: (ms: number) => {
        ctx.nowMs += ms;
      },
    },
    sheet: {
      tabNames: () => ss.state.sheets.map((s) => s.name),
      values: (name) =>
        grid(name, (cell) => {
          if (!cell) return '';
          if (cell.formula !== undefined) return cell.formula;
          return isWallDate(cell.value) ? new Date(fromWall(cell.value, ss.state.timeZone)) : cell.value;
        }),
      json: (name) => grid(name, (cell) => ss.jsonOf(cell)),
      formats: (name) => grid(name, (cell) => cell?.format ?? 'General'),
      paste: (name, rows) => {
        const sheet = ss.sheetByName(name) ?? ss.insertSheet(name, undefined);
        pasteInto(ss, sheet, rows);
      },
      charts: (name) => chartsOf(ss, tab(name)),
      validations: (name) => validationsOf(tab(name)),
      frozenRows: (name) => tab(name).state.frozenRows,
      protect: (name, a1, options = {}) => {
        const sheet = tab(name);
        const ref = parseA1(a1);
        if (!ref || ref.sheet) throw new Error(`Not an A1 block of one tab: ${a1}`);
        const row = ref.row ?? 1;
        const col = ref.col ?? 1;
        ss.state.protections ??= [];
        const protections = ss.state.protections;
        protections.push({
          id: Math.max(0, ...protections.map((p) => p.id)) + 1,
          sheetId: sheet.state.id,
          row,
          col,
          numRows: (ref.endRow ?? sheet.state.maxRows) - row + 1,
          numCols: (ref.endCol ?? sheet.state.maxCols) - col + 1,
          description: '',
          warningOnly: options.warningOnly ?? false,
          editors: (options.editors ?? [ctx.defaultUser]).map((e) => e.toLowerCase()),
          domainEdit: false,
        });
      },
    },
    outbox: state.mail.outbox,
    mail: mailControl,
    triggers: {
      list: () =>
        state.triggers.list.map((t) => ({
          id: t.id,
          handler: t.handler,
          owner: t.owner,
          type: t.eventType,
          documentId: t.documentId,
          ...t.schedule,
        })),
    },
    ui: {
      menus: () => structuredClone(uiRecord.menus),
      sidebars: () =>
        uiRecord.shown.filter((s) => s.kind === 'sidebar').map((s) => ({ title: s.title, html: s.html })),
      dialogs: () => uiRecord.shown.filter((s) => s.kind !== 'sidebar'),
      alerts: () => [...uiRecord.alerts],
      toasts: () => [...ctx.toasts],
      respondToNextAlert: (button) => {
        uiRecord.alertResponses.push(button);
      },
      respondToNextPrompt: (button, text) => {
        uiRecord.promptResponses.push({ button, text });
      },
    },
    users: {
      setActiveUser: (email) => {
        // A user runs their own add-on: they are the effective user too (setEffectiveUser after to differ).
        ctx.defaultUser = email;
        ctx.activeUser = email;
        ctx.defaultEffectiveUser = email;
        ctx.effectiveUser = email;
      },
      setEffectiveUser: (email) => {
        ctx.defaultEffectiveUser = email;
        ctx.effectiveUser = email;
      },
      setUserLocale: (locale) => {
        ctx.userLocale = locale;
      },
      userLocale: () => ctx.userLocale,
    },
    locks: {
      // Another process holds the document lock and the script lock alike.
      holdByOther: () => {
        locks.document.holder = 'other';
        locks.script.holder = 'other';
      },
      releaseOther: () => {
        if (locks.document.holder === 'other') locks.document.holder = null;
        if (locks.script.holder === 'other') locks.script.holder = null;
      },
    },
    beginExecution: (opts) => ctx.beginExecution(opts),
    endExecution: () => ctx.endExecution(),
    setAuthMode: (mode) => {
      ctx.authMode = mode;
    },
    setGrantedScopes: (scopes) => {
      ctx.grantedScopes = [...scopes];
    },
    scopes: () => ({ requested: [...ctx.oauthScopes], granted: [...ctx.grantedScopes] }),
    asPersonInSheet: (fn) => {
      const granted = ctx.grantedScopes;
      ctx.grantedScopes = [...granted, SCOPES.spreadsheetsCurrentOnly];
      try {
        return fn();
      } finally {
        ctx.grantedScopes = granted;
      }
    },
    setPublishedAddon: (on) => {
      published.on = on;
    },
    setWebAppUrl: (url) => {
      state.webAppUrl = url;
    },
    calls: ctx.calls,
    logs: ctx.logs,
    bindRealm: (realm) => {
      ctx.realm = realm;
    },
    toJSON: (): FakeState =>
      structuredClone({
        ...state,
        nowMs: ctx.nowMs,
        userLocale: ctx.userLocale,
        defaultUser: ctx.defaultUser,
        effectiveUser: ctx.defaultEffectiveUser,
        publishedAddon: published.on,
        oauthScopes: ctx.oauthScopes,
        grantedScopes: ctx.grantedScopes,
        ui: { menus: uiRecord.menus, shown: uiRecord.shown, alerts: uiRecord.alerts },
        toasts: ctx.toasts,
        logs: ctx.logs,
      }),
  };
}
