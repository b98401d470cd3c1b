/**
 * The composition root: builds the Apps Script adapters for one call and runs a use case with
 * them, turning errors into messages for the user. Nothing here runs at load time.
 */

import manifest from '../../appsscript.json';
import { permissionError, RequestContext, type Services } from '../app/context';
import * as mailWindow from '../app/mailWindow';
import * as messages from '../app/texts/messages';
import { type Language, languageOf, type Messages, readTextsWith, translate } from '../app/texts/messages';
import * as cells from '../core/cells';
import * as errors from '../core/errors';
import { UserError } from '../core/errors';
import * as identity from '../core/identity';
import { missingScopeOf, permissionOfScope } from '../core/permissions';
import { redactEmails } from '../core/redact';
import * as table from '../core/table';
import { pageFile, TEXT_FILES } from '../gas/htmlFiles';
import {
  BlobDocuments,
  DocumentPropertiesStore,
  MailAppMailer,
  ScriptCacheStamp,
  ScriptEnvironment,
  ScriptLock,
  ScriptTriggers,
  SessionIdentity,
  SharedStore,
  SheetClock,
  SheetsUi,
  UtilitiesHasher,
} from '../gas/services';
import { ActiveSpreadsheet, SpreadsheetGateway } from '../gas/sheetGateway';
import { type ChunkName, SHARED_PARAMETER, type SharedModule } from './chunks';

declare const WEGWIJS_VERSION: string | undefined;

/** The add-on's version, stamped in by the build. */
export const VERSION = typeof WEGWIJS_VERSION === 'string' ? WEGWIJS_VERSION : 'dev';

/** The scopes the manifest asks for; the self-check compares them with what was granted. */
export const REQUIRED_SCOPES: readonly string[] = manifest.oauthScopes;

/**
 * The server's texts live in a project file per language (the build moves them out of Code.js,
 * all but the menu's Dutch ones): read once per call, only when a call needs a text.
 * `createHtmlOutputFromFile` needs no scope and works in every context.
 */
function readTexts(language: Language): Messages {
  return JSON.parse(HtmlService.createHtmlOutputFromFile(TEXT_FILES[language]).getContent()) as Messages;
}

/** What a chunk gets instead of its own copy of these modules (chunks.ts says why). */
const SHARED: Record<SharedModule, object> = {
  'app/mailWindow': mailWindow,
  'app/texts/messages': messages,
  'core/cells': cells,
  'core/errors': errors,
  'core/identity': identity,
  'core/table': table,
};

/** A chunk's modules by their path under src (e.g. `app/setup`): their exports. */
export type ChunkModules = Record<string, Record<string, unknown>>;

const loadedChunks: Partial<Record<ChunkName, ChunkModules>> = {};

/**
 * The modules of a chunk (chunks.ts), evaluated on first use in this execution; the build calls
 * this from the stand-ins it puts in Code.js for the functions main.ts calls in them. The chunk is
 * a project file like English.html (no scope, every context): its code is evaluated with
 * `new Function`, which Apps Script's V8 runtime supports. Nothing in it runs a service at load.
 */
export function loadChunk(name: ChunkName): ChunkModules {
  let modules = loadedChunks[name];
  if (!modules) {
    const source = HtmlService.createHtmlOutputFromFile(name).getContent();
    modules = new Function(SHARED_PARAMETER, source)(SHARED) as ChunkModules;
    loadedChunks[name] = modules;
  }
  return modules;
}

export function createServices(): Services {
  readTextsWith(readTexts);
  const active = new ActiveSpreadsheet();
  const gateway = new SpreadsheetGateway(active);
  const zone = () => gateway.timeZone();
  return {
    gateway,
    identity: new SessionIdentity(),
    clock: new SheetClock(zone),
    lock: new ScriptLock(() => gateway.flush()),
    ui: new SheetsUi(),
    triggers: new ScriptTriggers(active),
    mailer: new MailAppMailer(),
    documents: new BlobDocuments(),
    environment: new ScriptEnvironment(zone, active),
    store: new SharedStore(),
    userStore: new DocumentPropertiesStore(() => PropertiesService.getUserProperties()),
    hasher: new UtilitiesHasher(),
    writeStamp: new ScriptCacheStamp(),
    version: VERSION,
  };
}

/**
 * Turns any error into one whose message is meant for the user, in their language. Bugs are
 * logged (without personal data) with a short code the user can report.
 */
export function toUserError(error: unknown, language: Language): Error {
  if (error instanceof UserError) return new Error(userMessage(error, language));
  // A service call outside the granted scopes that no feature checked first: still say which
  // permission is missing rather than "something went wrong".
  const scope = missingScopeOf(error instanceof Error ? error.message : String(error));
  const permission = scope === null ? null : permissionOfScope(scope);
  if (permission) {
    const e = permissionError(permission, language);
    return new Error(userMessage(e, language));
  }
  const code = Utilities.getUuid().slice(0, 8);
  const detail =
    error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  console.error(`[Wegwijs ${code}] ${redactEmails(detail)}`);
  return new Error(translate(language, 'error.unexpected', { code }));
}

/** A UserError's text; a `field` parameter is a label (`field.<name>`), named in the user's language. */
export function userMessage(error: UserError, language: Language): string {
  return translate(language, error.key, error.params, { field: 'field' });
}

/**
 * Runs a use case for one call of a public function. Deployed as a web app, every public global
 * can be called from the page by anyone in the domain: functions the page does not need refuse
 * the web-app context (no active spreadsheet there) before anything is read; `page` lets the
 * page's own functions through (they check the visitor's role like every use case).
 */
export function handle<T>(
  work: (ctx: RequestContext) => T,
  services: Services = createServices(),
  page = false,
): T {
  let ctx: RequestContext | undefined;
  try {
    ctx = new RequestContext(services);
    if (!page && services.environment.webApp()) throw new UserError('page.sidebarOnly');
    return work(ctx);
  } catch (error) {
    throw toUserError(error, ctx?.language ?? 'nl');
  }
}

/** `handle` for a function the page calls (also allowed in the web-app context). */
export function handlePage<T>(work: (ctx: RequestContext) => T): T {
  return handle(work, createServices(), true);
}

/**
 * The page "Mijn Wegwijs" as `doGet` serves it, in the visitor's language (Session locale, as the
 * page's calls use): phone-ready, in its own tab title.
 */
export function servePage(): GoogleAppsScript.HTML.HtmlOutput {
  const language = languageOf(new SessionIdentity().locale());
  return HtmlService.createHtmlOutputFromFile(pageFile('MijnWegwijs', language))
    .setTitle('Mijn Wegwijs')
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** Like `handle`, for menu items: the outcome or the error is shown in an alert, not thrown. */
export function handleMenu(
  work: (ctx: RequestContext) => string | null,
  services: Services = createServices(),
): void {
  let message: string | null;
  try {
    message = handle(work, services);
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  if (!message) return;
  try {
    services.ui.alert(message);
  } catch (error) {
    // No alert without the UI scope, nor in a web app (no UI there): Google shows a menu
    // function's thrown message instead.
    if (missingScopeOf(error instanceof Error ? error.message : String(error)) !== null)
      throw new Error(message);
    if (services.environment.webApp()) throw new Error(message);
    throw error;
  }
}
