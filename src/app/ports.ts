/**
 * The ports the use cases need, named by role. Apps Script adapters implement them in `src/gas`;
 * tests use the in-memory versions in `tests/support`.
 */
import type { Cell } from '../core/cells';
import type { ColumnType } from '../core/schema';
import type { TablePatch } from '../core/table';
import type { Language } from '../shared/language';

/** One tab as read: its sheet name and its cells (row 0 is the header). */
export interface TabRead {
  readonly name: string;
  readonly grid: Cell[][];
}

/** How setup wants a tab to look: column types and allowed values, and a frozen header. */
export interface TabLayout {
  /** The tab's header row as it stands (texts in sheet order), when known: not read again. */
  readonly header?: readonly string[];
  readonly columns: readonly {
    /** Every name the column is known by, normalised: a Dutch header matches for an English user too. */
    names: readonly string[];
    type: ColumnType;
    choices: readonly string[];
  }[];
}

/** The spreadsheet, tab by tab: one read and one write per tab per request. */
export interface SheetGateway {
  /** Reads the tab that has one of these names (case, spaces and accents ignored); null when none. */
  read(names: readonly string[]): TabRead | null;
  /**
   * Reads only the header row of the tab that has one of these names (null when none): enough to
   * append rows by header without reading a tab that only grows, like the Logboek.
   */
  readHeader(names: readonly string[]): TabRead | null;
  /** Appends rows under the last row with content, without reading the tab (one call a row). */
  appendRows(name: string, rows: readonly (readonly Cell[])[]): void;
  /** Applies a table's changes in one write (plus row deletions, bottom up). */
  write(name: string, patch: TablePatch): void;
  /** Creates an empty tab with a header row. */
  createTab(name: string, header: readonly string[]): void;
  /** Adds header cells after the last column of a tab. */
  addColumns(name: string, headers: readonly string[]): void;
  /** Freezes and styles the header, sets number formats and data validation per column. */
  applyLayout(name: string, layout: TabLayout): void;
  /**
   * Replaces a generated tab's whole contents in one write (creating the tab when missing), with
   * a column chart of the given columns (1-based) over the first `rows` rows.
   */
  rewriteTab(
    name: string,
    grid: readonly (readonly Cell[])[],
    chart: { title: string; columns: number[]; rows: number },
  ): void;
  /** Makes sure every change is stored before a lock is released. */
  flush(): void;
  /**
   * Remembers which spreadsheet this is (its ID, in the script's properties), so that a context
   * without an active spreadsheet (the web page) opens it by ID. Setup calls it.
   */
  remember(): void;
}

/** Who is calling, and in which language. */
export interface Identity {
  /** The active user's e-mail, lower case; '' when Google does not reveal it. */
  email(): string;
  /**
   * Who the script runs as, lower case: the user in a menu or sidebar call, the trigger's owner in
   * a time-driven run (where the active user is often empty).
   */
  effectiveEmail(): string;
  locale(): string;
}

/** The current moment, in the spreadsheet's time zone. */
export interface Clock {
  /** ISO-8601 with offset, e.g. 2027-01-04T07:30:00+01:00. */
  now(): string;
  /** Today's calendar day, `YYYY-MM-DD`. */
  today(): string;
  /** Milliseconds since the epoch, for time budgets. */
  millis(): number;
}

/** The document lock. */
export interface Lock {
  /** Runs `work` holding the lock; returns undefined without running it when the lock is busy. */
  tryWith<T>(waitMs: number, work: () => T): { ran: true; value: T } | { ran: false };
}

/** Dialogs and the sidebar. */
export interface Ui {
  /** Shows the sidebar page of the user's language. */
  showSidebar(title: string, language: Language): void;
  /** The code of the sidebar's views loaded on demand, in a language (a project file). */
  sidebarViews(language: Language): string;
  alert(message: string): void;
  showDialog(title: string, html: string): void;
}

/** The one time-driven trigger of this document. */
export interface Triggers {
  /** Whether the current user's time-driven trigger for `handler` exists in this document. */
  installed(handler: string): boolean;
  /** The unique ids of the current user's time-driven triggers for `handler` in this document. */
  ids(handler: string): string[];
  /** Installs an hourly trigger unless one exists; returns whether it created one. */
  installHourly(handler: string): boolean;
  /** Removes the trigger(s) for `handler`; returns how many. */
  remove(handler: string): number;
}

/** A mail to send. Bodies are complete; the mailer adds nothing. */
export interface OutgoingMail {
  readonly to: string;
  readonly cc?: string;
  readonly replyTo?: string;
  readonly senderName: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
  readonly attachments?: readonly { name: string; mimeType: string; content: string }[];
}

/** Documents made on the server (no Drive scope): HTML printed to PDF, as base64. */
export interface Documents {
  pdf(html: string, name: string): string;
}

export interface Mailer {
  send(mail: OutgoingMail): void;
  remainingQuota(): number;
}

/** What the deployed environment says about itself, for the self-check. */
export interface Environment {
  grantedScopes(): string[] | null;
  /**
   * What of the document this execution cannot open: a published add-on's time-driven run may get
   * null for the active spreadsheet, the document lock and the document properties.
   */
  missingDocument(): ('spreadsheet' | 'lock' | 'properties')[];
  /** True in a web-app call (the page): there is no active spreadsheet there. */
  webApp(): boolean;
  /** The page's address as the deployment gives it (`ScriptApp.getService().getUrl()`); null before a deployment. */
  webAppUrl(): string | null;
  /** The staff sheet's address, for links in alerts to open Wegwijs there; null where there is no active spreadsheet. */
  spreadsheetUrl(): string | null;
  spreadsheetTimeZone(): string;
  scriptTimeZone(): string;
}

/** Small key–value state of this document (cursors, mail states). */
export interface DocumentStore {
  get(key: string): string | null;
  /** Every entry, in one call. */
  all(): Record<string, string>;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** Keyed hashing for pseudonyms (issue 15): the same person gives the same key, never their address. */
export interface Hasher {
  /** HMAC-SHA256 of `text` under `key`, as lower-case hex. */
  hmac(key: string, text: string): string;
  /** A new random secret for `hmac`. */
  newKey(): string;
}
