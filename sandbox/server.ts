/**
 * The sandbox's HTTP server: runs the built `Code.js` in a vm with the Apps Script fakes (`world.ts`),
 * serves the page (grid, menu, sidebar, clock, outbox) and the API of DESIGN.md "Sandbox HTTP API"
 * (`routes.ts`). Node's http only; one request at a time touches the fakes, as one Apps Script
 * execution at a time would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPageAssets } from './page/assets.ts';
import { type Reply, type RequestContext, ROUTES } from './routes.ts';
import { StateStore } from './state.ts';
import { HttpError, messageOf, readBundle, SandboxWorld } from './world.ts';

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

const MAX_BODY = 10 * 1024 * 1024;

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
