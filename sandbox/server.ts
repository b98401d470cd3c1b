/**
 * The sandbox's HTTP server: runs the built `Code.js` in a vm with the Apps Script fakes, serves the
 * page (grid, menu, sidebar, clock, outbox) and the API of DESIGN.md "Sandbox HTTP API". Node's http
 * only; one request at a time touches the fakes, as one Apps Script execution at a time would.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo, DEMO_TIME_ZONE, deriveUsers } from './demo.ts';
import { type GasFakes, restoreGasFakes } from './fakes/index.ts';
import { isoDay, isoWithOffset, zonedParts, zonedToMs } from './fakes/time.ts';
import { mijnPage } from './mijn.ts';
import { buildPageAssets, type PageAssets } from './page/assets.ts';
import { injectShim } from './page/inject.ts';
import { loadBundle } from './runtime.ts';
import { checkScriptRunArguments, toScriptRunResult } from './scriptRun.ts';
import { StateStore } from './state.ts';

/** The repository root (this file is `sandbox/server.ts`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SandboxOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Where `state.json` lives. Default `<repo>/.sandbox-state`. */
  stateDir?: string;
  /** Start from the demo data, ignoring saved state. */
  reset?: boolean;
  /** Folder with `Code.js` and `Sidebar.html`. Default `<repo>/build`. */
  buildDir?: string;
  /** Interface to listen on. Default 127.0.0.1 (the sandbox is not meant for a network). */
  host?: string;
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Runtime = ReturnType<typeof loadBundle>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An HTTP error answered as `{ok:false,error}`; nothing was changed. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 10 * 1024 * 1024;
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
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The built add-on: the script and the HTML files HtmlService can serve. */
interface Bundle {
  code: string;
  htmlFiles: Record<string, string>;
}

function readBundle(buildDir: string): Bundle {
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

/** Message of anything thrown, including errors of the vm's realm (`instanceof Error` fails there). */
function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** A JSON copy of a value that may hold vm-realm Dates (they have their own toJSON). */
function jsonSafe(value: unknown): Json {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value) ?? 'null') as Json;
}

/** Google's signed bytes, a typed array or base64 text, as a Buffer. */
function toBuffer(bytes: unknown): Buffer {
  if (typeof bytes === 'string') return Buffer.from(bytes, 'base64');
  if (Array.isArray(bytes)) return Buffer.from(bytes.map((b) => Number(b) & 0xff));
  if (bytes instanceof Uint8Array) return Buffer.from(bytes);
  if (ArrayBuffer.isView(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Buffer.alloc(0);
}

/** Text a user would type for a JSON cell (booleans as TRUE/FALSE, which Sheets reads in any locale). */
function typedText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function isCell(cell: unknown): boolean {
  return cell === null || ['string', 'number', 'boolean'].includes(typeof cell);
}

function assertGrid(body: unknown): asserts body is (string | number | boolean | null)[][] {
  if (!Array.isArray(body) || !body.every((row) => Array.isArray(row) && row.every(isCell))) {
    throw new HttpError(400, 'Body must be a JSON 2-D array of strings, numbers, booleans or null.');
  }
  if (body.some((row) => typeof row[0] === 'number' && !Number.isFinite(row[0]))) {
    throw new HttpError(400, 'Numbers must be finite.');
  }
}

/** The world of one sandbox: the fakes, the loaded bundle, and their persistence. */
class SandboxWorld {
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

interface Route {
  method: string;
  pattern: RegExp;
  handle(ctx: RequestContext, params: string[]): Promise<Reply> | Reply;
  /** Whether the handler may change the world (then state is saved after it). */
  mutates: boolean;
}

interface Reply {
  status?: number;
  json?: unknown;
  body?: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
}

interface RequestContext {
  req: IncomingMessage;
  url: URL;
  world: SandboxWorld;
  assets: PageAssets;
  /** The acting user from `X-Wegwijs-User`; absent means no user (''), as for an anonymous visitor. */
  user: string;
  locale: string | undefined;
  /** `X-Wegwijs-WebApp: 1`: the call comes from the web page "Mijn Wegwijs" (the web-app context). */
  webapp: boolean;
  body(): Promise<unknown>;
}

/** How deep JSON arrays and objects may nest in a request body. */
const MAX_NESTING = 64;

/** The deepest nesting of `[`/`{` in JSON text, outside strings; a scan, so any depth is safe to measure. */
export function nestingOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Body too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Changes made through `fakes.ui` by one call, so the page can show them. */
function uiCounts(fakes: GasFakes): { sidebars: number; dialogs: number; alerts: number } {
  return {
    sidebars: fakes.ui.sidebars().length,
    dialogs: fakes.ui.dialogs().length,
    alerts: fakes.ui.alerts().length,
  };
}

function shownSince(fakes: GasFakes, before: ReturnType<typeof uiCounts>) {
  const sidebars = fakes.ui.sidebars().slice(before.sidebars);
  const dialogs = fakes.ui.dialogs().slice(before.dialogs);
  return {
    sidebars: sidebars.map((s, i) => ({ index: before.sidebars + i, title: s.title })),
    dialogs: dialogs.map((d, i) => ({
      index: before.dialogs + i,
      title: d.title,
      width: (d as { width?: number }).width ?? 600,
      height: (d as { height?: number }).height ?? 400,
      kind: (d as { kind?: string }).kind ?? 'modal',
    })),
    alerts: jsonSafe(fakes.ui.alerts().slice(before.alerts)),
  };
}

/**
 * Runs `doGet` in the web-app context for a visitor; the HTML as Google serves it: the title and
 * the meta tags set with `addMetaTag` go into the page's head.
 */
function doGetHtml(world: SandboxWorld, user: string): string {
  if (!world.publicFunctions().has('doGet')) throw new HttpError(404, 'Code.js has no doGet.');
  const out = world.observe(() => world.runtime.run('doGet', [], { user, webapp: true })) as {
    getContent(): string;
    getTitle(): string;
    metaTags?: { name: string; content: string }[];
  };
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const head = [
    ...(out.metaTags ?? []).map((m) => `<meta name="${attr(m.name)}" content="${attr(m.content)}">`),
    `<title>${attr(out.getTitle())}</title>`,
  ].join('\n');
  return out.getContent().replace('<head>', `<head>\n${head}`);
}

/** Runs a global as a user, as a menu click or a sidebar call would; returns what the UI showed. */
function runAsUser(
  ctx: RequestContext,
  name: string,
  args: unknown[],
  authMode: 'LIMITED' | 'FULL' = 'FULL',
) {
  const { world } = ctx;
  const before = uiCounts(world.fakes);
  let outcome: { ok: true; value: unknown } | { ok: false; error: string };
  try {
    const value = world.observe(() =>
      world.runtime.run(name, args, {
        user: ctx.user,
        authMode,
        webapp: ctx.webapp,
        ...(ctx.locale ? { locale: ctx.locale } : {}),
      }),
    );
    outcome = { ok: true, value: toScriptRunResult(value) };
  } catch (error) {
    outcome = { ok: false, error: messageOf(error) };
  }
  return { ...outcome, shown: shownSince(world.fakes, before) };
}

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/$/,
    mutates: false,
    handle: ({ assets }) => ({ body: assets.html, type: 'text/html; charset=utf-8' }),
  },
  {
    method: 'GET',
    pattern: /^\/page\.js$/,
    mutates: false,
    handle: ({ assets }) => ({ body: assets.script, type: 'text/javascript; charset=utf-8' }),
  },
  {
    method: 'GET',
    pattern: /^\/page\.css$/,
    mutates: false,
    handle: ({ assets }) => ({ body: assets.css, type: 'text/css; charset=utf-8' }),
  },
  {
    method: 'POST',
    pattern: /^\/rpc\/([^/]+)$/,
    mutates: true,
    async handle(ctx, [name = '']) {
      if (!ctx.world.publicFunctions().has(name)) {
        throw new HttpError(404, `"${name}" is not a public global function of Code.js.`);
      }
      const args = await ctx.body();
      if (!Array.isArray(args)) throw new HttpError(400, 'Body must be a JSON array of arguments.');
      const refused = checkScriptRunArguments(args);
      if (refused !== null) throw new HttpError(400, refused);
      const { ok, ...rest } = runAsUser(ctx, name, args);
      return {
        json: ok
          ? { ok, value: (rest as { value: unknown }).value }
          : { ok, error: (rest as { error: string }).error },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/workbook$/,
    mutates: false,
    handle: ({ world }) => ({
      json: {
        tabs: Object.fromEntries(world.tabNames().map((tab) => [tab, world.fakes.sheet.json(tab)])),
        // Embedded charts per tab (only tabs that have one), so the page can draw them under the grid.
        charts: Object.fromEntries(
          world
            .tabNames()
            .map((tab) => [tab, world.fakes.sheet.charts(tab)] as const)
            .filter(([, charts]) => charts.length > 0),
        ),
      },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/workbook\/([^/]+)$/,
    mutates: false,
    handle: ({ world }, [tab = '']) => ({
      json: { tab, values: world.fakes.sheet.json(world.requireTab(tab)) },
    }),
  },
  {
    method: 'PUT',
    pattern: /^\/api\/workbook\/([^/]+)$/,
    mutates: true,
    async handle(ctx, [tab = '']) {
      ctx.world.requireTab(tab);
      const grid = await ctx.body();
      assertGrid(grid);
      ctx.world.fakes.sheet.paste(
        tab,
        grid.map((row) => row.map(typedText)),
      );
      ctx.world.markDirty();
      return { json: { ok: true, values: ctx.world.fakes.sheet.json(tab) } };
    },
  },
  {
    // Finer edits for the page: cells typed one by one (`row`, `col` 1-based as in A1; row 1 is the header).
    method: 'PATCH',
    pattern: /^\/api\/workbook\/([^/]+)$/,
    mutates: true,
    async handle(ctx, [tab = '']) {
      ctx.world.requireTab(tab);
      const body = (await ctx.body()) as { cells?: unknown };
      const cells = body?.cells;
      if (
        !Array.isArray(cells) ||
        !cells.every(
          (c) =>
            c &&
            typeof c === 'object' &&
            Number.isInteger(c.row) &&
            Number.isInteger(c.col) &&
            c.row >= 1 &&
            c.col >= 1 &&
            c.row <= 100000 &&
            c.col <= 500 &&
            isCell(c.value),
        )
      ) {
        throw new HttpError(
          400,
          'Body must be {"cells":[{"row":1,"col":1,"value":"…"}]} with 1-based row and col.',
        );
      }
      ctx.world.edit(tab, (sheet) => {
        const typed = cells as { row: number; col: number; value: unknown }[];
        // Typing below or right of the grid: Sheets' "add rows" first, as a person would.
        const rows = Math.max(...typed.map((c) => c.row)) - sheet.getMaxRows();
        if (rows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), rows);
        const columns = Math.max(...typed.map((c) => c.col)) - sheet.getMaxColumns();
        if (columns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns);
        for (const c of typed) {
          sheet.getRange(c.row, c.col).setValue(typedText(c.value));
        }
      });
      ctx.world.markDirty();
      return { json: { ok: true, values: ctx.world.fakes.sheet.json(tab) } };
    },
  },
  {
    // Rows pasted below the last row of a tab.
    method: 'POST',
    pattern: /^\/api\/workbook\/([^/]+)\/rows$/,
    mutates: true,
    async handle(ctx, [tab = '']) {
      ctx.world.requireTab(tab);
      const body = (await ctx.body()) as { rows?: unknown };
      const rows = body?.rows;
      assertGrid(rows);
      const width = Math.max(0, ...rows.map((r) => r.length));
      if (rows.length > 0 && width > 0) {
        const grid = rows.map((r) => Array.from({ length: width }, (_, i) => typedText(r[i])));
        ctx.world.edit(tab, (sheet) => {
          const first = sheet.getLastRow() + 1;
          // Pasting below the grid makes Sheets add the rows (and columns) it needs.
          const moreRows = first + grid.length - 1 - sheet.getMaxRows();
          if (moreRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), moreRows);
          const moreColumns = width - sheet.getMaxColumns();
          if (moreColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), moreColumns);
          sheet.getRange(first, 1, grid.length, width).setValues(grid);
        });
        ctx.world.markDirty();
      }
      return { json: { ok: true, values: ctx.world.fakes.sheet.json(tab) } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/outbox$/,
    mutates: false,
    handle: ({ world }) => ({ json: outbox(world) }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/outbox\/(\d+)\/attachments\/(\d+)$/,
    mutates: false,
    handle: ({ world }, [mail = '', attachment = '']) => {
      const file = world.fakes.outbox[Number(mail)]?.attachments?.[Number(attachment)];
      if (!file) throw new HttpError(404, 'No such attachment.');
      const name = String(file.name || 'bijlage');
      return {
        body: toBuffer(file.bytes),
        type: String(file.mimeType || 'application/octet-stream'),
        headers: {
          'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/clock$/,
    mutates: false,
    handle: ({ world }) => ({ json: world.clock() }),
  },
  {
    method: 'POST',
    pattern: /^\/api\/clock$/,
    mutates: true,
    async handle(ctx) {
      const body = (await ctx.body()) as { now?: unknown; days?: unknown; date?: unknown } | null;
      const { world } = ctx;
      if (
        body &&
        typeof body.now === 'string' &&
        ISO_WITH_OFFSET.test(body.now) &&
        !Number.isNaN(Date.parse(body.now))
      ) {
        world.fakes.clock.set(body.now);
      } else if (
        body &&
        Number.isInteger(body.days) &&
        (body.days as number) >= 0 &&
        (body.days as number) <= 3660
      ) {
        // Whole calendar days, keeping the wall-clock time (a day over a DST change is 23 or 25 hours).
        const tz = world.timeZone();
        const p = zonedParts(world.fakes.clock.now().getTime(), tz);
        const ms = zonedToMs(
          p.year,
          p.month,
          p.day + (body.days as number),
          p.hour,
          p.minute,
          p.second,
          0,
          tz,
        );
        world.fakes.clock.set(isoWithOffset(ms, tz));
      } else if (body && typeof body.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.date)) {
        const tz = world.timeZone();
        const p = zonedParts(world.fakes.clock.now().getTime(), tz);
        const [y, m, d] = body.date.split('-').map(Number) as [number, number, number];
        const ms = zonedToMs(y, m, d, p.hour, p.minute, p.second, 0, tz);
        if (isoDay(ms, tz) !== body.date) throw new HttpError(400, `No such day: ${body.date}.`);
        world.fakes.clock.set(isoWithOffset(ms, tz));
      } else {
        throw new HttpError(
          400,
          'Body must be {"now":"2027-01-04T07:30:00+01:00"} (ISO 8601 with offset), {"days":1} or {"date":"2027-01-11"}.',
        );
      }
      world.markDirty();
      return { json: { ok: true, ...world.clock() } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/triggers$/,
    mutates: false,
    handle: ({ world }) => ({ json: { triggers: jsonSafe(world.fakes.triggers.list()) } }),
  },
  {
    method: 'POST',
    pattern: /^\/api\/triggers\/fire$/,
    mutates: true,
    handle: ({ world }) => {
      const fired = world
        .observe(() => world.runtime.fireTimeTriggers())
        .map((f) => ({
          handler: f.handler,
          owner: f.owner,
          ...(f.error !== undefined
            ? { ok: false, error: messageOf(f.error) }
            : { ok: true, result: jsonSafe(f.result) }),
        }));
      return { json: { ok: true, fired } };
    },
  },
  {
    // The scopes of the manifest and which of them the user granted (granular consent).
    method: 'GET',
    pattern: /^\/api\/scopes$/,
    mutates: false,
    handle: ({ world }) => ({ json: world.fakes.scopes() }),
  },
  {
    // Grant exactly these scopes, e.g. all but one, as a user unticking one on Google's consent screen.
    method: 'PUT',
    pattern: /^\/api\/scopes$/,
    mutates: true,
    async handle(ctx) {
      const body = (await ctx.body()) as { granted?: unknown } | null;
      const granted = body?.granted;
      const { requested } = ctx.world.fakes.scopes();
      if (!Array.isArray(granted) || !granted.every((s) => typeof s === 'string' && requested.includes(s))) {
        throw new HttpError(400, 'Body must be {"granted":[…]} with scopes of appsscript.json only.');
      }
      ctx.world.fakes.setGrantedScopes([...new Set(granted as string[])]);
      ctx.world.markDirty();
      return { json: { ok: true, ...ctx.world.fakes.scopes() } };
    },
  },
  {
    // The published-add-on mode of the fakes: a fired trigger gets no document (README, "Installing").
    method: 'POST',
    pattern: /^\/api\/published-addon$/,
    mutates: true,
    async handle(ctx) {
      const body = (await ctx.body()) as { on?: unknown } | null;
      if (typeof body?.on !== 'boolean')
        throw new HttpError(400, 'Body must be {"on":true} or {"on":false}.');
      ctx.world.fakes.setPublishedAddon(body.on);
      ctx.world.markDirty();
      return { json: { ok: true, publishedAddon: body.on } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/reset$/,
    mutates: true,
    handle: ({ world }) => {
      world.reset();
      return { json: { ok: true, ...world.clock() } };
    },
  },
  {
    // The web page: what doGet served to this visitor (`?user=`), with a visitor bar and a
    // google.script.run that calls /rpc in the web-app context.
    method: 'GET',
    pattern: /^\/mijn$/,
    mutates: false,
    handle: ({ world, url }) => {
      const user = (url.searchParams.get('user') ?? '').trim();
      return { body: mijnPage(doGetHtml(world, user), user), type: 'text/html; charset=utf-8' };
    },
  },
  {
    // The HTML doGet returned for the visitor in `X-Wegwijs-User`, as is.
    method: 'GET',
    pattern: /^\/api\/webapp$/,
    mutates: false,
    handle: ({ world, user }) => ({ body: doGetHtml(world, user), type: 'text/html; charset=utf-8' }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/users$/,
    mutates: false,
    handle: ({ world }) => ({ json: { users: deriveUsers(world.fakes) } }),
  },
  {
    // The menu as `onOpen` builds it for the acting user (AuthMode.LIMITED: the add-on is in use here).
    method: 'POST',
    pattern: /^\/api\/menu$/,
    mutates: true,
    handle: (ctx) => {
      const { world } = ctx;
      const names = world.publicFunctions();
      if (!names.has('onOpen')) return { json: { ok: true, menus: [] } };
      const outcome = runAsUser(ctx, 'onOpen', [{ authMode: 'LIMITED', source: null }], 'LIMITED');
      return {
        json: {
          ok: outcome.ok,
          ...(outcome.ok ? {} : { error: (outcome as { error: string }).error }),
          menus: jsonSafe(world.fakes.ui.menus()),
        },
      };
    },
  },
  {
    // A menu item clicked: the global runs as the acting user; answers what it showed.
    method: 'POST',
    pattern: /^\/api\/run\/([^/]+)$/,
    mutates: true,
    handle: (ctx, [name = '']) => {
      if (!ctx.world.publicFunctions().has(name)) {
        throw new HttpError(404, `"${name}" is not a public global function of Code.js.`);
      }
      return { json: runAsUser(ctx, name, []) };
    },
  },
  {
    // A sidebar or dialog as shown, with the google.script.run shim injected before its content.
    method: 'GET',
    pattern: /^\/ui\/(sidebar|dialog)\/(\d+)$/,
    mutates: false,
    handle: ({ world, assets }, [kind = '', index = '']) => {
      const list = kind === 'sidebar' ? world.fakes.ui.sidebars() : world.fakes.ui.dialogs();
      const shown = list[Number(index)];
      if (!shown) throw new HttpError(404, `No ${kind} ${index}.`);
      const functions = [...world.publicFunctions()];
      return {
        body: injectShim(shown.html, assets.shim, functions),
        type: 'text/html; charset=utf-8',
        headers: {
          // Like Google's iframe: a sandboxed document on its own (opaque) origin, whatever frames it.
          'Content-Security-Policy':
            'sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads',
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/info$/,
    mutates: false,
    handle: ({ world }) => ({
      json: {
        revision: world.revision,
        ...world.clock(),
        functions: [...world.publicFunctions()].sort(),
        sidebars: world.fakes.ui.sidebars().length,
      },
    }),
  },
];

function outbox(world: SandboxWorld) {
  const tz = world.timeZone();
  return world.fakes.outbox.map((mail, id) => {
    const sentAt = mail.sentAt as unknown;
    return {
      id,
      to: mail.to,
      cc: mail.cc ?? '',
      bcc: mail.bcc ?? '',
      replyTo: mail.replyTo ?? '',
      name: mail.name ?? '',
      subject: mail.subject,
      body: mail.body ?? '',
      htmlBody: mail.htmlBody ?? '',
      attachments: (mail.attachments ?? []).map((a, index) => ({
        name: a.name,
        mimeType: a.mimeType,
        size: a.size,
        url: `/api/outbox/${id}/attachments/${index}`,
      })),
      sentAt:
        typeof sentAt === 'string'
          ? sentAt
          : Object.prototype.toString.call(sentAt) === '[object Date]'
            ? isoWithOffset((sentAt as Date).getTime(), tz)
            : null,
    };
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...reply.headers };
  if (reply.json !== undefined) {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.json));
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': reply.type ?? 'application/octet-stream' });
  res.end(reply.body ?? '');
}

/**
 * Starts a sandbox. Tests call it in-process with `port: 0` and a temp `stateDir`; `main.ts` with
 * the command line's options.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const buildDir = options.buildDir ?? join(REPO_ROOT, 'build');
  const stateDir = options.stateDir ?? join(REPO_ROOT, '.sandbox-state');
  // esbuild bundles the page in its own process while the demo is built here.
  const pending = buildPageAssets();
  let world: SandboxWorld;
  try {
    world = new SandboxWorld(readBundle(buildDir), new StateStore(stateDir));
    world.start(options.reset ?? false);
  } catch (error) {
    await pending.catch(() => undefined);
    throw error;
  }
  const assets = await pending;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, json: { ok: false, error: messageOf(error) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const candidates = ROUTES.filter((r) => r.pattern.test(path));
    const route = candidates.find((r) => r.method === req.method);
    if (!route) {
      if (path.startsWith('/rpc/') && req.method !== 'POST') {
        send(res, { status: 405, json: { ok: false, error: 'Use POST for /rpc.' } });
        return;
      }
      send(res, {
        status: candidates.length ? 405 : 404,
        json: {
          ok: false,
          error: candidates.length ? `Method ${req.method} not allowed here.` : 'Not found.',
        },
      });
      return;
    }
    let params: string[];
    try {
      params = (route.pattern.exec(path) ?? []).slice(1).map((p) => decodeURIComponent(p));
    } catch {
      send(res, { status: 400, json: { ok: false, error: 'Malformed URL.' } });
      return;
    }
    let bodyPromise: Promise<unknown> | null = null;
    const ctx: RequestContext = {
      req,
      url,
      world,
      assets,
      user: String(req.headers['x-wegwijs-user'] ?? '').trim(),
      locale:
        typeof req.headers['x-wegwijs-locale'] === 'string' ? req.headers['x-wegwijs-locale'] : undefined,
      webapp: req.headers['x-wegwijs-webapp'] === '1',
      body: () => {
        bodyPromise ??= readBody(req).then((text) => {
          // Deeper bodies would overflow the stack of whatever walks them next (a 500); no real call nests this deep.
          if (nestingOf(text) > MAX_NESTING) {
            throw new HttpError(400, `Body nests deeper than ${MAX_NESTING} levels.`);
          }
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new HttpError(400, 'Body is not valid JSON.');
          }
        });
        return bodyPromise;
      },
    };
    try {
      const reply = await route.handle(ctx, params);
      send(res, reply);
      // After answering: serialising the fakes is the slow part of a changing request.
      if (route.mutates) world.save();
    } catch (error) {
      if (error instanceof HttpError) {
        send(res, { status: error.status, json: { ok: false, error: error.message } });
        return;
      }
      throw error;
    }
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  world.deployAt(`${origin}/mijn`);
  // A demo built at start is saved once the server answers, so the first page load need not wait.
  setImmediate(() => world.save());
  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        world.save();
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
