// Behaviour of the vm runtime: only fake globals, function discovery, executions, users, triggers.
import { describe, expect, it } from 'vitest';
import { createGasFakes } from '../../sandbox/fakes/index.ts';
import { loadBundle } from '../../sandbox/runtime.ts';

const SCRIPT = `
var Wegwijs = (function () { return { version: 1 }; })();
var helper = function () { return 'not a declaration'; };
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'openSidebar').addToUi();
}
function openSidebar() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hoi</p>').setTitle('Wegwijs'));
}
function globalsSeen() {
  return {
    setTimeout: typeof setTimeout, setInterval: typeof setInterval, require: typeof require,
    process: typeof process, URL: typeof URL, URLSearchParams: typeof URLSearchParams,
    TextEncoder: typeof TextEncoder, TextDecoder: typeof TextDecoder, structuredClone: typeof structuredClone,
    fetch: typeof fetch, Blob: typeof Blob, atob: typeof atob, btoa: typeof btoa,
    queueMicrotask: typeof queueMicrotask, AbortController: typeof AbortController, window: typeof window,
    module: typeof module, Buffer: typeof Buffer,
  };
}
function whoAmI() { return Session.getActiveUser().getEmail() + '|' + Session.getActiveUserLocale(); }
function now() { return new Date().toISOString() + '|' + Date.now(); }
function readsDate() {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
  range.setValue(new Date(2027, 0, 4));
  return range.getValue() instanceof Date;
}
function catchesGoogleError() {
  try { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Blad1'); return 'no error'; }
  catch (e) { return (e instanceof Error) + ' ' + e.message; }
}
function counter() { counted = (typeof counted === 'number' ? counted : 0) + 1; return counted; }
function install() { ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create(); }
function hourly(e) { return '[' + Session.getActiveUser().getEmail() + '] ' + Session.getEffectiveUser().getEmail() + ' ' + MailApp.getRemainingDailyQuota() + ' ' + e.authMode + ' ' + e.triggerUid + ' ' + e.timezone; }
function holdLock() { return LockService.getDocumentLock().tryLock(0); }
function logs() { console.log('vanuit %s', 'script'); Logger.log('logger'); }
`;

function setup(code = SCRIPT, keepContext = false) {
  const fakes = createGasFakes({ now: '2027-01-04T07:30:00+01:00' });
  const runtime = loadBundle(code, fakes, { keepContext });
  return { fakes, runtime };
}

describe('loading a bundle', () => {
  it('exposes no Node or browser globals, only the fakes and JS built-ins', () => {
    const { runtime } = setup();
    const seen = runtime.run('globalsSeen') as Record<string, string>;
    for (const [name, type] of Object.entries(seen)) expect([name, type]).toEqual([name, 'undefined']);
    expect(runtime.context.SpreadsheetApp).toBeDefined();
  });

  it('touches no service at load time', () => {
    const { fakes } = setup();
    expect(fakes.calls.count()).toBe(0);
  });

  it('lists top-level function declarations only', () => {
    const { runtime } = setup();
    expect(runtime.globalFunctionNames()).toEqual([
      'catchesGoogleError',
      'counter',
      'globalsSeen',
      'holdLock',
      'hourly',
      'install',
      'logs',
      'now',
      'onOpen',
      'openSidebar',
      'readsDate',
      'whoAmI',
    ]);
  });

  it('throws for an unknown function like Google', () => {
    const { runtime } = setup();
    expect(() => runtime.run('nope')).toThrow('Script function not found: nope');
    expect(() => runtime.run('SpreadsheetApp')).toThrow('Script function not found');
  });
});

describe('running a function', () => {
  it('runs as the given user with the given locale, then restores the locale', () => {
    const { runtime, fakes } = setup();
    expect(runtime.run('whoAmI', [], { user: 'eva@x.nl', locale: 'en' })).toBe('eva@x.nl|en');
    expect(runtime.run('whoAmI')).toBe('owner@example.com|nl');
    expect(fakes.users.userLocale()).toBe('nl');
  });

  it('lets new Date() and Date.now() follow the fake clock', () => {
    const { runtime, fakes } = setup();
    fakes.clock.advance(60_000);
    expect(runtime.run('now')).toBe(`2027-01-04T06:31:00.000Z|${Date.parse('2027-01-04T06:31:00Z')}`);
  });

  it('hands out Dates and Errors of the script realm, so instanceof works', () => {
    const { runtime } = setup();
    expect(runtime.run('readsDate')).toBe(true);
    expect(runtime.run('catchesGoogleError')).toBe(
      'true A sheet with the name "Blad1" already exists. Please enter another name.',
    );
  });

  it('loads the script afresh for every run unless asked to keep the context', () => {
    const fresh = setup();
    expect([fresh.runtime.run('counter'), fresh.runtime.run('counter')]).toEqual([1, 1]);
    const kept = setup(SCRIPT, true);
    expect([kept.runtime.run('counter'), kept.runtime.run('counter')]).toEqual([1, 2]);
  });

  it('releases the locks a run still holds when it ends, even when it throws', () => {
    const { runtime, fakes } = setup();
    expect(runtime.run('holdLock')).toBe(true);
    fakes.beginExecution();
    expect(fakes.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    fakes.endExecution();
  });

  it('runs onOpen in AuthMode.NONE but refuses services there', () => {
    const { runtime, fakes } = setup();
    runtime.run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    expect(fakes.ui.menus()[0]!.items).toEqual([
      { kind: 'item', caption: 'Open', functionName: 'openSidebar' },
    ]);
    expect(() => runtime.run('readsDate', [], { authMode: 'NONE' })).toThrow('You do not have permission');
    runtime.run('openSidebar');
    expect(fakes.ui.sidebars()).toEqual([{ title: 'Wegwijs', html: '<p>hoi</p>' }]);
  });

  it('records console and Logger output', () => {
    const { runtime, fakes } = setup();
    runtime.run('logs');
    expect(fakes.logs).toEqual(['vanuit script', 'logger']);
  });
});

describe('firing time-driven triggers', () => {
  it('runs each trigger as its owner with a Google-like event and no UI', () => {
    const { runtime } = setup(`${SCRIPT}\nfunction uiInTrigger() { SpreadsheetApp.getUi(); }`);
    runtime.run('install', [], { user: 'eva@x.nl' });
    expect(runtime.fireTimeTriggers()).toEqual([
      { triggerId: '1', handler: 'hourly', owner: 'eva@x.nl', result: '[] eva@x.nl 100 FULL 1 UTC' },
    ]);
  });

  it('runs a sidebar call as its user, a trigger as its owner: mail is from them, triggers and user properties theirs', () => {
    const { runtime, fakes } = setup(
      `${SCRIPT}\nfunction mail() { MailApp.sendEmail('x@y.nl', 's', 'b'); PropertiesService.getUserProperties().setProperty('k', Session.getEffectiveUser().getEmail()); return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length; }`,
    );
    runtime.run('install', [], { user: 'eva@x.nl' });
    expect(runtime.run('mail', [], { user: 'bram@x.nl' })).toBe(0);
    expect(runtime.run('mail', [], { user: 'eva@x.nl' })).toBe(1);
    expect(fakes.outbox.map((m) => m.from)).toEqual(['bram@x.nl', 'eva@x.nl']);
    expect(fakes.toJSON().properties.user).toEqual({
      'bram@x.nl': { k: 'bram@x.nl' },
      'eva@x.nl': { k: 'eva@x.nl' },
    });
  });

  it('in the published-add-on mode gives a trigger null for the spreadsheet, document lock and properties', () => {
    const probe = `function probe() { return [SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp.getActive(), LockService.getDocumentLock(), PropertiesService.getDocumentProperties()].map(function (x) { return x === null ? 'null' : 'ok'; }).join(' '); }
function install() { ScriptApp.newTrigger('probe').timeBased().everyHours(1).create(); }`;
    const { runtime, fakes } = setup(probe);
    fakes.setPublishedAddon(true);
    runtime.run('install', [], { user: 'eva@x.nl' });
    expect(runtime.run('probe', [], { user: 'eva@x.nl' })).toBe('ok ok ok ok');
    expect(runtime.fireTimeTriggers()[0]?.result).toBe('null null null null');
    fakes.setPublishedAddon(false);
    expect(runtime.fireTimeTriggers()[0]?.result).toBe('ok ok ok ok');
  });

  it('reports the error of a failing handler', () => {
    const { runtime, fakes } = setup(`${SCRIPT}\nfunction uiInTrigger() { SpreadsheetApp.getUi(); }`);
    fakes.globals.ScriptApp.newTrigger('uiInTrigger').timeBased().everyHours(1).create();
    expect(runtime.fireTimeTriggers()).toMatchObject([
      {
        handler: 'uiInTrigger',
        owner: 'owner@example.com',
        error: 'Cannot call SpreadsheetApp.getUi() from this context.',
      },
    ]);
  });
});
