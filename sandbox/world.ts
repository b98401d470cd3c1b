/**
 * The sandbox's state: the built add-on, the Apps Script fakes it runs on, and their persistence
 * (saved after a request that changed them). One world per sandbox.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TEXT_FILES } from '../src/gas/htmlFiles.ts';
import { CHUNKS } from '../src/server/chunks.ts';
import { buildDemo, DEMO_TIME_ZONE } from './demo.ts';
import { type GasFakes, restoreGasFakes } from './fakes/index.ts';
import { isoDay, isoWithOffset } from './fakes/time.ts';
import { loadBundle } from './runtime.ts';
import type { StateStore } from './state.ts';

type Runtime = ReturnType<typeof loadBundle>;
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An HTTP error answered as `{ok:false,error}`; nothing was changed. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Services whose calls never change saved state (locks are not saved: they end with the execution). */
const PURE_KINDS: ReadonlySet<string> = new Set([
  'Utilities',
  'Blob',
  'Session',
  'User',
  'HtmlService',
  'HtmlOutput',
  'LockService',
  'Lock',
]);

/** The built add-on: the script and the HTML files HtmlService can serve. */
export interface Bundle {
  code: string;
  htmlFiles: Record<string, string>;
}

export function readBundle(buildDir: string): Bundle {
  const codeFile = join(buildDir, 'Code.js');
  if (!existsSync(codeFile)) {
    throw new Error(`No ${codeFile}: run \`npm run build\` first (\`npm start\` does it for you).`);
  }
  const htmlFiles: Record<string, string> = {};
  for (const file of readdirSync(buildDir)) {
    if (file.endsWith('.html'))
      htmlFiles[basename(file, '.html')] = readFileSync(join(buildDir, file), 'utf8');
  }
  return { code: readFileSync(codeFile, 'utf8'), htmlFiles };
}

/**
 * The project files a build's Code.js reads on demand: its chunks (src/server/chunks.ts), evaluated
 * on first use, and the server's texts per language (TEXT_FILES).
 */
export function readServerFiles(buildDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of [...Object.keys(CHUNKS), ...Object.values(TEXT_FILES)])
    files[name] = readFileSync(join(buildDir, `${name}.html`), 'utf8');
  return files;
}

/** Message of anything thrown, including errors of the vm's realm (`instanceof Error` fails there). */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** A JSON copy of a value that may hold vm-realm Dates (they have their own toJSON). */
export function jsonSafe(value: unknown): Json {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value) ?? 'null') as Json;
}

/** The world of one sandbox: the fakes, the loaded bundle, and their persistence. */
export class SandboxWorld {
  fakes!: GasFakes;
  runtime!: Runtime;
  /** Bumped after every save, so a page or script can tell its view is stale. */
  revision = 0;
  private dirty = false;
  /** Where the sandbox serves the page: the fakes' web-app deployment (null until it listens). */
  private pageUrl: string | null = null;

  constructor(
    private bundle: Bundle,
    readonly store: StateStore,
  ) {}

  start(reset: boolean): void {
    const saved = reset ? null : this.store.load();
    if (saved !== null) {
      try {
        this.fakes = restoreGasFakes(saved as Parameters<typeof restoreGasFakes>[0], {
          htmlFiles: this.bundle.htmlFiles,
        });
        this.runtime = loadBundle(this.bundle.code, this.fakes);
        this.fakes.setWebAppUrl(this.pageUrl);
        return;
      } catch (error) {
        this.store.setAside(error);
      }
    }
    this.reset();
  }

  /** Back to the demo data; saved after the request (or, at start, once the server listens). */
  reset(): void {
    this.fakes = buildDemo(this.bundle.code, { htmlFiles: this.bundle.htmlFiles });
    this.runtime = loadBundle(this.bundle.code, this.fakes);
    this.fakes.setWebAppUrl(this.pageUrl);
    this.markDirty();
  }

  /** The sandbox "deploys" the script as a web app at its own `/mijn`. */
  deployAt(url: string): void {
    this.pageUrl = url;
    this.fakes.setWebAppUrl(url);
  }

  /** Something changed the fakes outside the script (a paste, the clock): save after this request. */
  markDirty(): void {
    this.dirty = true;
  }

  /**
   * How many calls the script made that may change state: every counted call except getters.
   * Serialising the fakes costs a few hundred ms (setup puts validation on whole columns), so a
   * request that only read is not saved.
   */
  private changingCalls(): number {
    let sum = 0;
    for (const [key, n] of Object.entries(this.fakes.calls.snapshot())) {
      const [kind = '', method = ''] = key.split('.');
      if (!PURE_KINDS.has(kind) && !/^(get|is|has|can)[A-Z]/.test(method)) sum += n;
    }
    return sum;
  }

  /** Runs `fn`; marks the world dirty when the script made a call that may change state. */
  observe<T>(fn: () => T): T {
    const before = this.changingCalls();
    try {
      return fn();
    } finally {
      if (this.changingCalls() !== before) this.markDirty();
    }
  }

  /** Writes the state when it changed since the last save. */
  save(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.store.save(this.fakes.toJSON());
    this.revision++;
  }

  publicFunctions(): Set<string> {
    return new Set(this.runtime.globalFunctionNames().filter((name) => !name.endsWith('_')));
  }

  timeZone(): string {
    try {
      return this.fakes.asPersonInSheet(() =>
        this.fakes.globals.SpreadsheetApp.getActive().getSpreadsheetTimeZone(),
      );
    } catch {
      return DEMO_TIME_ZONE;
    }
  }

  clock(): { now: string; today: string; timeZone: string } {
    const ms = this.fakes.clock.now().getTime();
    const timeZone = this.timeZone();
    return { now: isoWithOffset(ms, timeZone), today: isoDay(ms, timeZone), timeZone };
  }

  tabNames(): string[] {
    return this.fakes.sheet.tabNames();
  }

  requireTab(tab: string): string {
    if (!this.tabNames().includes(tab)) {
      throw new HttpError(404, `The workbook has no tab "${tab}". Tabs: ${this.tabNames().join(', ')}.`);
    }
    return tab;
  }

  /** The sheet handle of a tab, through the fakes' own SpreadsheetApp (writes coerce like typing). */
  sheetHandle(tab: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.fakes.globals.SpreadsheetApp.getActive().getSheetByName(tab);
    if (!sheet) throw new HttpError(404, `The workbook has no tab "${tab}".`);
    return sheet;
  }

  /** Changes the sheet as a person typing in it (no OAuth scope needed for that, unlike the script). */
  edit<T>(tab: string, fn: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => T): T {
    try {
      return this.fakes.asPersonInSheet(() => fn(this.sheetHandle(tab)));
    } catch (error) {
      // What Sheets refuses to a person (a rule that rejects input, a protected range) is their input's fault.
      if (error instanceof HttpError) throw error;
      if ((error as { name?: unknown })?.name === 'Exception') throw new HttpError(400, messageOf(error));
      throw error;
    }
  }
}
