/**
 * Issue 19 (bytes): Apps Script parses the whole of Code.js on every execution, so it holds what
 * opening the menu, the sidebar and the page needs; the code of other calls lives in chunks
 * (src/server/chunks.ts), project files read and evaluated with the calls that need them.
 * `npm run build -- --inputs` prints what Code.js is made of.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDemo, deriveUsers, SCHOOL_LEADER } from '../../sandbox/demo';
import { type FakeState, type GasFakes, restoreGasFakes } from '../../sandbox/fakes/index';
import { loadBundle, type RunOptions } from '../../sandbox/runtime';
import { readServerFiles } from '../../sandbox/world';
import { CHUNKS, type ChunkName } from '../../src/server/chunks';

vi.setConfig({ testTimeout: 120_000 });

const KB = 1024;
const build = (file: string) => new URL(`../../build/${file}`, import.meta.url);
const code = readFileSync(build('Code.js'), 'utf8');
const sidebar = readFileSync(build('Sidebar.html'), 'utf8');
const page = readFileSync(build('MijnWegwijs.html'), 'utf8');
const chunks = readServerFiles(fileURLToPath(build('')));

/**
 * The target: 150 KB (about 142 KB with the code of most calls in chunks and the server's
 * texts in Dutch.html and English.html). Never raise it; a new call's code goes into a chunk.
 */
const CODE_JS_LIMIT = 150 * KB;

describe('the size of what Apps Script parses on every execution', () => {
  it(`Code.js is at most ${CODE_JS_LIMIT / KB} KB`, () => {
    expect(statSync(build('Code.js')).size).toBeLessThanOrEqual(CODE_JS_LIMIT);
  });

  it('each chunk is smaller than Code.js', () => {
    for (const name of Object.keys(CHUNKS))
      expect(statSync(build(`${name}.html`)).size).toBeLessThan(code.length);
  });
});

describe('which calls read which chunk', () => {
  let demo: FakeState;
  beforeAll(() => {
    demo = buildDemo(code, { htmlFiles: { Sidebar: sidebar, MijnWegwijs: page, ...chunks } }).toJSON();
  });

  /** Runs one public function on the demo workbook; the project files it read, in order. */
  function readsOf(name: string, args: unknown[], opts: RunOptions): string[] {
    const read: string[] = [];
    const files = new Proxy<Record<string, string>>(
      { Sidebar: sidebar, MijnWegwijs: page, ...chunks },
      {
        get(target, key) {
          if (typeof key === 'string' && key in target) read.push(key);
          return Reflect.get(target, key);
        },
      },
    );
    const fakes: GasFakes = restoreGasFakes(demo, { htmlFiles: files });
    loadBundle(code, fakes).run(name, args, opts);
    return read;
  }

  const chunkReads = (reads: string[]) => reads.filter((file) => file in CHUNKS);

  it('opening the menu, the sidebar and the page reads no chunk', () => {
    const users = deriveUsers(restoreGasFakes(demo, {}));
    const newcomer = users.find((u) => u.role === 'nieuwe collega')!;
    const buddy = users.find((u) => u.role === 'buddy')!;
    expect(newcomer && buddy).toBeTruthy();
    expect(chunkReads(readsOf('onOpen', [{ authMode: 'LIMITED' }], { user: SCHOOL_LEADER }))).toEqual([]);
    expect(readsOf('showSidebar', [], { user: SCHOOL_LEADER })).toEqual(['Sidebar']);
    expect(chunkReads(readsOf('getSidebarState', [], { user: SCHOOL_LEADER }))).toEqual([]);
    expect(readsOf('doGet', [], { user: newcomer.email, webapp: true })).toEqual(['MijnWegwijs']);
    for (const user of [newcomer, buddy])
      expect(chunkReads(readsOf('getPageState', [], { user: user.email, webapp: true }))).toEqual([]);
  });

  it('the menu needs no project file: its Dutch texts stay in Code.js (onOpen may run in AuthMode.NONE)', () => {
    for (const authMode of ['NONE', 'LIMITED'])
      expect(readsOf('onOpen', [{ authMode }], { user: SCHOOL_LEADER }), authMode).toEqual([]);
  });

  it('the server texts are read once per call, and only by a call that needs a text', () => {
    const users = deriveUsers(restoreGasFakes(demo, {}));
    const newcomer = users.find((u) => u.role === 'nieuwe collega')!;
    // The demo's newcomer page needs no server text; a stranger's page says who to ask.
    expect(readsOf('getPageState', [], { user: newcomer.email, webapp: true })).toEqual([]);
    expect(readsOf('getPageState', [], { user: 'onbekend@elders.example', webapp: true })).toEqual(['Dutch']);
    expect(readsOf('setupWorkbook', [], { user: SCHOOL_LEADER }).filter((f) => f === 'Dutch')).toEqual([
      'Dutch',
    ]);
  });

  it('a call in a chunk reads its chunk once, and no other', () => {
    const cases: [string, unknown[], ChunkName][] = [
      ['setupWorkbook', [], 'ChunkSetup'],
      ['previewRetentionPurge', [], 'ChunkPrivacy'],
      ['getEvaluation', [], 'ChunkPilot'],
      ['getPilotState', [], 'ChunkPilot'],
      ['getOverview', [], 'ChunkReports'],
      ['getAboutInfo', [], 'ChunkReports'],
    ];
    for (const [name, args, chunk] of cases)
      expect(chunkReads(readsOf(name, args, { user: SCHOOL_LEADER })), name).toEqual([chunk]);
  });
});
