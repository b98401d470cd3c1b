/** Starts a sandbox for a test: in-process, on a free port, with a fresh temporary state folder. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type Sandbox, startSandbox } from '../../../sandbox/server.ts';

export interface TestSandbox extends Sandbox {
  stateDir: string;
  /** POST /rpc/<name> as `user`; answers status and JSON. */
  rpc(name: string, args?: unknown[], user?: string): Promise<{ status: number; body: RpcAnswer }>;
  /** Stops this sandbox and starts a new one on the same state folder (as `npm start` again). */
  restart(): Promise<TestSandbox>;
  /** Any API call; answers status and JSON. */
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: JsonAnswer }>;
}

/** A JSON answer, read loosely: each test asserts the shape it relies on. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert their shape
export type JsonAnswer = any;

export type RpcAnswer = { ok: true; value: unknown } | { ok: false; error: string };

/** The real build (`npm run build`); tests that need it fail with this hint when it is missing. */
export const BUILD_DIR = join(REPO_ROOT, 'build');

export function requireBuild(): string {
  if (!existsSync(join(BUILD_DIR, 'Code.js')))
    throw new Error('build/Code.js is missing: run `npm run build` first.');
  return BUILD_DIR;
}

export async function startTestSandbox(
  options: { buildDir?: string; stateDir?: string; ownsStateDir?: boolean } = {},
): Promise<TestSandbox> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'wegwijs-sandbox-'));
  const ownsStateDir = options.ownsStateDir ?? !options.stateDir;
  const buildDir = options.buildDir ?? requireBuild();
  const sandbox = await startSandbox({ port: 0, stateDir, buildDir });
  const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the test sees the text
    }
    return { status: response.status, body: parsed as JsonAnswer };
  };
  return {
    ...sandbox,
    stateDir,
    api,
    rpc: (name, args = [], user = '') =>
      api('POST', `/rpc/${encodeURIComponent(name)}`, args, { 'X-Wegwijs-User': user }) as Promise<{
        status: number;
        body: RpcAnswer;
      }>,
    restart: async () => {
      await sandbox.close();
      return startTestSandbox({ buildDir, stateDir, ownsStateDir });
    },
    close: async () => {
      await sandbox.close();
      if (ownsStateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
