/**
 * The built bundle in the web-app context Google documents for a bound script (issue 13): no
 * active spreadsheet, no document lock, no document properties. The sheet is opened by the ID
 * setup remembered; shared state lives in the script's properties, and what an earlier version
 * kept in the document's properties is moved there once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDemo, SCHOOL_LEADER } from '../../sandbox/demo';
import type { GasFakes } from '../../sandbox/fakes/index';
import { type AppsScriptRuntime, loadBundle } from '../../sandbox/runtime';
import { readServerFiles } from '../../sandbox/world';

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');
const sidebar = readFileSync(new URL('../../build/Sidebar.html', import.meta.url), 'utf8');
const chunks = readServerFiles(fileURLToPath(new URL('../../build', import.meta.url)));
vi.setConfig({ testTimeout: 60_000 });

const ID_KEY = 'wegwijs.spreadsheetId';
const MOVED_KEY = 'wegwijs.documentPropertiesMoved';

let fakes: GasFakes;
let runtime: AppsScriptRuntime;

beforeEach(() => {
  fakes = buildDemo(code, { htmlFiles: { Sidebar: sidebar, ...chunks } });
  runtime = loadBundle(code, fakes);
});

function script(): Record<string, string> {
  return fakes.toJSON().properties.script;
}
function documentProps(): Record<string, string> {
  return fakes.toJSON().properties.document;
}
function attempt(name: string, args: unknown[], opts: Parameters<AppsScriptRuntime['run']>[2]) {
  try {
    return { ok: true as const, value: runtime.run(name, args, opts) };
  } catch (e) {
    return { ok: false as const, error: (e as Error).message };
  }
}

describe('the web-app context', () => {
  it('setup remembers the spreadsheet; a web-app call opens it by that ID', () => {
    expect(script()[ID_KEY]).toBe(fakes.toJSON().spreadsheet.id);
    const state = attempt('getPageState', [], { user: SCHOOL_LEADER, webapp: true });
    expect(state.ok).toBe(true);
  });

  it('without a remembered ID the call says what the school leader must do, and writes nothing', () => {
    fakes.beginExecution();
    fakes.globals.PropertiesService.getScriptProperties().deleteProperty(ID_KEY);
    fakes.endExecution();
    const before = fakes.toJSON();
    const state = attempt('getPageState', [], { user: SCHOOL_LEADER, webapp: true });
    expect(state.ok ? '' : state.error).toMatch(/Mijn Wegwijs weet nog niet welk blad.*Blad inrichten/);
    expect(fakes.toJSON().spreadsheet).toEqual(before.spreadsheet);
  });

  it('moves what an earlier version kept in the document properties once, keeping newer script keys', () => {
    fakes.beginExecution();
    const scriptProps = fakes.globals.PropertiesService.getScriptProperties();
    scriptProps.deleteProperty(MOVED_KEY);
    scriptProps.setProperty('wegwijs.shared', 'nieuw');
    fakes.globals.PropertiesService.getDocumentProperties().setProperties({
      'erased:abc': '2027-01-01',
      'wegwijs.shared': 'oud',
    });
    fakes.endExecution();

    // The web app cannot see the document's properties: it moves nothing and leaves it for later.
    expect(attempt('getPageState', [], { user: SCHOOL_LEADER, webapp: true }).ok).toBe(true);
    expect(documentProps()).toMatchObject({ 'erased:abc': '2027-01-01' });
    expect(script()[MOVED_KEY]).toBeUndefined();

    // The sidebar can: the marker moves, the newer script value stays, the document is emptied.
    expect(attempt('getSidebarState', [], { user: SCHOOL_LEADER }).ok).toBe(true);
    expect(documentProps()).toEqual({});
    expect(script()).toMatchObject({ 'erased:abc': '2027-01-01', 'wegwijs.shared': 'nieuw' });
    expect(script()[MOVED_KEY]).toBeTruthy();

    // Once only: a later document property (by hand) is not moved again.
    const after = script();
    fakes.beginExecution();
    fakes.globals.PropertiesService.getDocumentProperties().setProperty('later', 'x');
    fakes.endExecution();
    expect(attempt('getSidebarState', [], { user: SCHOOL_LEADER }).ok).toBe(true);
    expect(script()).toEqual(after);
  });

  it('writes under the script lock in the web app (no document lock there)', () => {
    fakes.locks.holdByOther();
    const args = ['x@vso-demo.example', '2027-01-04', 'Rondleiding', true];
    const refused = attempt('markScheduleItem', args, { user: SCHOOL_LEADER, webapp: true });
    expect(refused.ok ? '' : refused.error).toMatch(/even bezet/);
    fakes.locks.releaseOther();
    // Free again: the same call gets past the lock (and fails on its input instead).
    const free = attempt('markScheduleItem', args, { user: SCHOOL_LEADER, webapp: true });
    expect(free.ok ? '' : free.error).not.toMatch(/even bezet/);
  });
});
