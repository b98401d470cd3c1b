/**
 * The sandbox's routes: the page, `/rpc/<function>`, `/mijn` and the API of README "Sandbox HTTP
 * API", each a method, a path pattern and a handler on the world.
 */
import type { IncomingMessage } from 'node:http';
import { deriveUsers } from './demo.ts';
import type { GasFakes } from './fakes/index.ts';
import { isoDay, isoWithOffset, zonedParts, zonedToMs } from './fakes/time.ts';
import { mijnPage } from './mijn.ts';
import type { PageAssets } from './page/assets.ts';
import { injectShim } from './page/inject.ts';
import { checkScriptRunArguments, toScriptRunResult } from './scriptRun.ts';
import { HttpError, jsonSafe, messageOf, type SandboxWorld } from './world.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

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

export interface Route {
  method: string;
  pattern: RegExp;
  handle(ctx: RequestContext, params: string[]): Promise<Reply> | Reply;
  /** Whether the handler may change the world (then state is saved after it). */
  mutates: boolean;
}

export interface Reply {
  status?: number;
  json?: unknown;
  body?: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
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

export const ROUTES: Route[] = [
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
