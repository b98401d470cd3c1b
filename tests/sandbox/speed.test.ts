/**
 * Measures what the issue asks of the sandbox's speed and prints it: start-up after the build
 * (`tsx sandbox/main.ts`, from spawning the process to the first answer, with the demo built
 * afresh and with saved state), and the latency of RPCs that do little work. The figures are
 * printed, not asserted: timing assertions are flaky on a shared machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import { REPO_ROOT } from '../../sandbox/server.ts';
import { requireBuild } from '../e2e/support/sandbox.ts';

const stateDir = mkdtempSync(join(tmpdir(), 'wegwijs-speed-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(stateDir, { recursive: true, force: true });
});

/** Spawns `tsx sandbox/main.ts` as `npm start` does after its build; resolves once it answers. */
async function start(
  extra: string[],
): Promise<{ url: string; child: ChildProcess; spawnToAnswerMs: number; readyMs: number }> {
  const began = performance.now();
  const child = spawn(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    ['sandbox/main.ts', '--port', '0', '--state-dir', stateDir, ...extra],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)));
  });
  const url = /http:\/\/[\w.:]+/.exec(line)![0];
  const response = await fetch(`${url}/`);
  expect(response.status).toBe(200);
  return {
    url,
    child,
    spawnToAnswerMs: performance.now() - began,
    readyMs: Number(/ready in (\d+) ms/.exec(line)?.[1]),
  };
}

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${sorted.length})`;
}

describe('sandbox speed (printed)', () => {
  it('starts, and answers RPCs', { timeout: 300_000 }, async () => {
    requireBuild();
    const fresh = await start(['--reset']);
    fresh.child.kill('SIGTERM');
    await new Promise((r) => fresh.child.once('exit', r));
    const saved = await start([]);
    const lines = [
      `start with --reset (demo built): ${Math.round(fresh.spawnToAnswerMs)} ms from spawn to first answer (server ready in ${fresh.readyMs} ms)`,
      `start from saved state:          ${Math.round(saved.spawnToAnswerMs)} ms from spawn to first answer (server ready in ${saved.readyMs} ms)`,
    ];
    for (const name of ['getAutomationStatus', 'getAboutInfo', 'getSidebarState']) {
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        const response = await fetch(`${saved.url}/rpc/${name}`, {
          method: 'POST',
          headers: { 'X-Wegwijs-User': SCHOOL_LEADER },
          body: '[]',
        });
        expect((await response.json()).ok).toBe(true);
        if (i >= 5) times.push(performance.now() - t); // the first calls warm up the JIT
      }
      lines.push(`RPC ${name.padEnd(20)} ${stats(times)}`);
    }
    console.log(`\nSandbox speed\n  ${lines.join('\n  ')}\n`);
  });
});
