/**
 * The built Code.js, loaded in a bare vm context holding only the Apps Script fakes: the same
 * artifact that clasp pushes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGasFakes, type GasFakes } from '../../sandbox/fakes/index';
import { type AppsScriptRuntime, loadBundle } from '../../sandbox/runtime';
import { readServerFiles } from '../../sandbox/world';
import * as entry from '../../src/server/main';

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');
const sidebar = readFileSync(new URL('../../build/Sidebar.html', import.meta.url), 'utf8');
const chunks = readServerFiles(fileURLToPath(new URL('../../build', import.meta.url)));
const english = readFileSync(new URL('../../build/English.html', import.meta.url), 'utf8');
const leader = 'leider@school.example';

let fakes: GasFakes;
let runtime: AppsScriptRuntime;

beforeEach(() => {
  fakes = createGasFakes({
    now: '2026-11-30T09:00:00+01:00',
    activeUser: leader,
    htmlFiles: { Sidebar: sidebar, English: english, ...chunks },
  });
  runtime = loadBundle(code, fakes);
});

describe('the bundle in a bare Apps Script-like context', () => {
  it('exposes every public function as a top-level function, and nothing internal', () => {
    const exported = Object.entries(entry)
      .filter(([name, value]) => typeof value === 'function' && !name.endsWith('_'))
      .map(([name]) => name)
      .sort();
    expect(exported).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'setupWorkbook', 'runScheduledJobs']),
    );
    expect(runtime.globalFunctionNames()).toEqual(exported);
  });

  it('sees none of the Node or browser globals that Apps Script lacks', () => {
    const missing = [
      'require',
      'process',
      'setTimeout',
      'setInterval',
      'URL',
      'TextEncoder',
      'structuredClone',
      'fetch',
    ];
    for (const name of missing) expect(vm.runInContext(`typeof ${name}`, runtime.context)).toBe('undefined');
  });

  it('touches no service while loading', () => {
    fakes.calls.reset();
    loadBundle(code, fakes).globalFunctionNames();
    expect(fakes.calls.count()).toBe(0);
  });

  it('builds only the menu in onOpen under AuthMode.NONE', () => {
    fakes.calls.reset();
    runtime.run('onOpen', [{ authMode: fakes.globals.ScriptApp.AuthMode.NONE }], { authMode: 'NONE' });
    const touched = Object.keys(fakes.calls.snapshot());
    expect(touched.every((name) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(name))).toBe(true);
    const [menu] = fakes.ui.menus();
    expect(menu?.items.map((i) => ('caption' in i ? i.caption : '—'))).toEqual([
      'Zijbalk openen',
      'Blad inrichten',
      '—',
      'Automatisch versturen aan',
      'Automatisch versturen uit',
      '—',
      'Over Wegwijs',
    ]);
  });

  it('sets up an empty spreadsheet, and a second run changes nothing', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    expect(fakes.ui.alerts().at(-1)?.message).toContain('Blad ingericht');
    expect(fakes.sheet.tabNames()).toEqual(
      expect.arrayContaining(['Medewerkers', 'Koppelingen', 'Instellingen']),
    );
    expect(fakes.sheet.frozenRows('Medewerkers')).toBe(1);
    const before = fakes.sheet.tabNames().map((t) => fakes.sheet.json(t));
    runtime.run('setupWorkbook', [], { user: leader });
    expect(fakes.sheet.tabNames().map((t) => fakes.sheet.json(t))).toEqual(before);
    expect(fakes.ui.alerts().at(-1)?.message).toContain('niets gewijzigd');
  });

  it('answers an unknown user of the sidebar with a message and no data', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    const state = runtime.run('getSidebarState', [], { user: 'vreemde@elders.example' }) as {
      user: { role: string };
      locations: string[];
      message: string;
    };
    expect(state.user.role).toBe('onbekend');
    expect(state.locations).toEqual([]);
    expect(state.message).toContain('Vraag de schoolleider');
  });

  it('refuses an empty user e-mail with a clear message', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    expect(() => runtime.run('getSidebarState', [], { user: '' })).toThrow(/kan niet zien wie je bent/);
  });

  it('answers in English for an English-speaking user', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    expect(() => runtime.run('getSidebarState', [], { user: '', locale: 'en' })).toThrow(
      /cannot see who you are/,
    );
  });

  // Changed with issue 19 (bytes): the Dutch texts, all but the menu's, left Code.js too
  // (Dutch.html), so a Dutch message now reads that file once, as an English one reads English.html.
  it('carries the texts in Dutch.html and English.html, read only when a text is needed', () => {
    expect(code).not.toContain('cannot see who you are');
    expect(code).not.toContain('kan niet zien wie je bent');
    expect(code).toContain('Zijbalk openen');
    expect(JSON.parse(english)['error.noUser']).toMatch(/cannot see who you are/);
    runtime.run('setupWorkbook', [], { user: leader });
    fakes.calls.reset();
    runtime.run('onOpen', [{ authMode: 'NONE' }], { user: leader });
    expect(fakes.calls.count('HtmlService.')).toBe(0);
    expect(() => runtime.run('getSidebarState', [], { user: '' })).toThrow(/kan niet zien wie je bent/);
    expect(fakes.calls.count('HtmlService.createHtmlOutputFromFile')).toBe(1);
    fakes.calls.reset();
    expect(() => runtime.run('getSidebarState', [], { user: '', locale: 'en' })).toThrow(
      /cannot see who you are/,
    );
    expect(fakes.calls.count('HtmlService.createHtmlOutputFromFile')).toBe(1);
  });

  it('opens the sidebar from the built Sidebar.html', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    runtime.run('showSidebar', [], { user: leader });
    expect(fakes.ui.sidebars().at(-1)).toMatchObject({ title: 'Wegwijs' });
    expect(fakes.ui.sidebars().at(-1)?.html).toBe(sidebar);
  });

  it('installs the trigger once however often it is turned on, and removes it', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    runtime.run('enableAutomaticSending', [], { user: leader });
    runtime.run('enableAutomaticSending', [], { user: leader });
    expect(fakes.triggers.list()).toHaveLength(1);
    expect(fakes.triggers.list()[0]).toMatchObject({ handler: 'runScheduledJobs', owner: leader });
    runtime.run('disableAutomaticSending', [], { user: leader });
    expect(fakes.triggers.list()).toHaveLength(0);
  });

  it('runs every scheduled job from the trigger (and only from there: tests/build/scheduledRun.test.ts)', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    runtime.run('enableAutomaticSending', [], { user: leader });
    const [fired] = runtime.fireTimeTriggers();
    const report = fired!.result as { jobs: { name: string }[] };
    expect(report.jobs.map((j) => j.name)).toEqual([
      'buddy-mails',
      'left-buddies',
      'welcome-packets',
      'check-in-reminders',
      'weekly-overview',
      'chief-reports',
      // Issue 15: questionnaire invitations and reminders.
      'survey-invitations',
      // Issue 19: finished onboardings to the archive tabs, before retention reads them.
      'archive',
      'retention',
    ]);
  });

  it('shows the self-check with the granted scopes', () => {
    runtime.run('setupWorkbook', [], { user: leader });
    runtime.run('showAbout', [], { user: leader });
    const dialog = fakes.ui.dialogs().at(-1);
    expect(dialog?.title).toBe('Over Wegwijs');
    expect(dialog?.html).toMatch(/\bspreadsheets\b(?!\.)/);
    expect(dialog?.html).toContain('Europe/Amsterdam');
  });
});
