/**
 * The small adapters: identity and locale (Session), clock (Utilities in the sheet's time zone),
 * document lock, dialogs, the trigger, mail, environment facts and document properties.
 */
import type {
  Clock,
  DocumentStore,
  Documents,
  Environment,
  Hasher,
  Identity,
  Lock,
  Mailer,
  OutgoingMail,
  Triggers,
  Ui,
} from '../app/ports';
import type { Language } from '../shared/language';
import { pageFile } from './htmlFiles';
import { ActiveSpreadsheet } from './sheetGateway';

export class SessionIdentity implements Identity {
  email(): string {
    return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  }
  effectiveEmail(): string {
    return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  }
  locale(): string {
    return Session.getActiveUserLocale() || 'nl';
  }
}

export class SheetClock implements Clock {
  constructor(private readonly timeZone: () => string) {}
  now(): string {
    return Utilities.formatDate(new Date(), this.timeZone(), "yyyy-MM-dd'T'HH:mm:ssXXX");
  }
  today(): string {
    return Utilities.formatDate(new Date(), this.timeZone(), 'yyyy-MM-dd');
  }
  millis(): number {
    return Date.now();
  }
}

/**
 * The one lock of every write path: the script lock. A bound script serves one school, so it is
 * as narrow as the document lock, and it exists in all three contexts (sidebar, trigger and the
 * web page, where Google's `getDocumentLock()` returns null).
 */
export class ScriptLock implements Lock {
  /** `beforeRelease` flushes pending sheet writes, so the next lock holder reads them. */
  constructor(private readonly beforeRelease: () => void) {}
  tryWith<T>(waitMs: number, work: () => T): { ran: true; value: T } | { ran: false } {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(waitMs)) return { ran: false };
    try {
      const value = work();
      this.beforeRelease();
      return { ran: true, value };
    } finally {
      lock.releaseLock();
    }
  }
}

export class SheetsUi implements Ui {
  showSidebar(title: string, language: Language): void {
    const html = HtmlService.createHtmlOutputFromFile(pageFile('Sidebar', language)).setTitle(title);
    SpreadsheetApp.getUi().showSidebar(html);
  }
  sidebarViews(language: Language): string {
    return HtmlService.createHtmlOutputFromFile(pageFile('SidebarViews', language)).getContent();
  }
  alert(message: string): void {
    SpreadsheetApp.getUi().alert(message);
  }
  showDialog(title: string, html: string): void {
    const output = HtmlService.createHtmlOutput(html).setWidth(460).setHeight(420);
    SpreadsheetApp.getUi().showModalDialog(output, title);
  }
}

export class ScriptTriggers implements Triggers {
  constructor(private readonly active: ActiveSpreadsheet = new ActiveSpreadsheet()) {}
  private mine(handler: string): GoogleAppsScript.Script.Trigger[] {
    return ScriptApp.getUserTriggers(this.active.get()!).filter(
      (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
    );
  }
  installed(handler: string): boolean {
    return this.mine(handler).length > 0;
  }
  ids(handler: string): string[] {
    return this.mine(handler).map((t) => t.getUniqueId());
  }
  installHourly(handler: string): boolean {
    if (this.installed(handler)) return false;
    ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
    return true;
  }
  remove(handler: string): number {
    const triggers = this.mine(handler);
    for (const t of triggers) ScriptApp.deleteTrigger(t);
    return triggers.length;
  }
}

/** HTML to PDF inside Apps Script (no Drive scope), as base64 for the page to offer as a download. */
export class BlobDocuments implements Documents {
  pdf(html: string, name: string): string {
    return Utilities.base64Encode(
      Utilities.newBlob(html, 'text/html', name).getAs('application/pdf').getBytes(),
    );
  }
}

export class MailAppMailer implements Mailer {
  send(mail: OutgoingMail): void {
    MailApp.sendEmail({
      to: mail.to,
      ...(mail.cc ? { cc: mail.cc } : {}),
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      name: mail.senderName,
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      attachments: (mail.attachments ?? []).map((a) =>
        a.mimeType === 'application/pdf'
          ? // HTML to PDF inside Apps Script: no Drive scope needed.
            Utilities.newBlob(a.content, 'text/html', a.name).getAs('application/pdf').setName(a.name)
          : Utilities.newBlob(a.content, a.mimeType, a.name),
      ),
    });
  }
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }
}

export class ScriptEnvironment implements Environment {
  constructor(
    private readonly sheetZone: () => string,
    private readonly active: ActiveSpreadsheet = new ActiveSpreadsheet(),
  ) {}
  grantedScopes(): string[] | null {
    const info = ScriptApp.getAuthorizationInfo(
      ScriptApp.AuthMode.FULL,
    ) as GoogleAppsScript.Script.AuthorizationInfo & {
      getAuthorizedScopes?: () => string[];
    };
    // getAuthorizedScopes is newer than the published type definitions; older runtimes lack it.
    return typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
  }
  missingDocument(): ('spreadsheet' | 'lock' | 'properties')[] {
    const missing: ('spreadsheet' | 'lock' | 'properties')[] = [];
    if (!this.active.get()) missing.push('spreadsheet');
    if (!LockService.getDocumentLock()) missing.push('lock');
    if (!PropertiesService.getDocumentProperties()) missing.push('properties');
    return missing;
  }
  webApp(): boolean {
    return !this.active.get();
  }
  /** Asked of Google once per call (a run mails many packets, each with the page's link). */
  private url: string | null | undefined;
  webAppUrl(): string | null {
    // Google: the web app's URL once deployed, otherwise null; a test deployment's `/dev` URL
    // opens only for editors, so it is no address to mail.
    if (this.url === undefined) this.url = ScriptApp.getService().getUrl();
    const url = this.url;
    return typeof url === 'string' && url.trim() && !/\/dev$/.test(url.trim()) ? url.trim() : null;
  }
  spreadsheetUrl(): string | null {
    // A web-app call has no active spreadsheet; the hourly run (which sends the alerts) has.
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return ss ? ss.getUrl() : null;
  }
  spreadsheetTimeZone(): string {
    return this.sheetZone();
  }
  scriptTimeZone(): string {
    return Session.getScriptTimeZone();
  }
}

/**
 * The write stamp in the script cache (shared by sidebar, trigger and web page; no scope; a
 * round trip far cheaper than reading tabs again). Google may drop a cached value early: then the
 * stamp reads null and the next lock reads everything again, as without a stamp.
 */
export class ScriptCacheStamp {
  static readonly KEY = 'wegwijs.writeStamp';
  read(): string | null {
    return CacheService.getScriptCache().get(ScriptCacheStamp.KEY);
  }
  bump(): string {
    const stamp = `${Date.now()}.${Math.random().toString(36).slice(2, 10)}`;
    CacheService.getScriptCache().put(ScriptCacheStamp.KEY, stamp, 21_600);
    return stamp;
  }
}

/** Marks that the document's properties were moved to the script's (see `SharedStore`). */
export const MOVED_KEY = 'wegwijs.documentPropertiesMoved';

/**
 * State shared by sidebar, trigger and web page (mail journal, automation owner, run state,
 * erasure markers): the script's properties, the one store all three can read (a web app gets no
 * document properties). The first call in a context that has document properties moves what an
 * earlier version kept there, once: keys already in the script's properties win, and the moved
 * keys are deleted from the document, so running it again changes nothing.
 */
export class SharedStore implements DocumentStore {
  private props: GoogleAppsScript.Properties.Properties | undefined;
  private store(): GoogleAppsScript.Properties.Properties {
    if (!this.props) {
      const script = PropertiesService.getScriptProperties();
      if (script.getProperty(MOVED_KEY) === null) moveDocumentProperties(script);
      this.props = script;
    }
    return this.props;
  }
  get(key: string): string | null {
    return this.store().getProperty(key);
  }
  all(): Record<string, string> {
    const all = { ...this.store().getProperties() };
    delete all[MOVED_KEY];
    return all;
  }
  set(key: string, value: string): void {
    this.store().setProperty(key, value);
  }
  delete(key: string): void {
    this.store().deleteProperty(key);
  }
}

/** Moves the document's properties into the script's (idempotent; nothing when there are none). */
export function moveDocumentProperties(script: GoogleAppsScript.Properties.Properties): void {
  const doc = PropertiesService.getDocumentProperties();
  // A web app has no document properties: it moves nothing and leaves the marker unset, so the
  // sidebar or trigger does it when it runs next.
  if (!doc) return;
  const old = doc.getProperties();
  const have = script.getProperties();
  const moved: Record<string, string> = {};
  for (const [k, v] of Object.entries(old)) if (!(k in have)) moved[k] = v;
  script.setProperties({ ...moved, [MOVED_KEY]: new Date().toISOString() });
  if (Object.keys(old).length) doc.deleteAllProperties();
}

export class DocumentPropertiesStore implements DocumentStore {
  private props: GoogleAppsScript.Properties.Properties | undefined;
  /** `open` picks the store: the document's by default, the effective user's for `userStore`. */
  constructor(
    private readonly open: () => GoogleAppsScript.Properties.Properties = () =>
      PropertiesService.getDocumentProperties(),
  ) {}
  private store(): GoogleAppsScript.Properties.Properties {
    if (!this.props) this.props = this.open();
    return this.props;
  }
  get(key: string): string | null {
    return this.store().getProperty(key);
  }
  all(): Record<string, string> {
    return this.store().getProperties();
  }
  set(key: string, value: string): void {
    this.store().setProperty(key, value);
  }
  delete(key: string): void {
    this.store().deleteProperty(key);
  }
}

/** HMAC-SHA256 with Utilities (no scope needed); a key from two UUIDs (Utilities has no random bytes). */
export class UtilitiesHasher implements Hasher {
  hmac(key: string, text: string): string {
    return Utilities.computeHmacSha256Signature(text, key, Utilities.Charset.UTF_8)
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('');
  }
  newKey(): string {
    return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  }
}
