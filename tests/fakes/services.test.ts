// Behaviour of the service fakes: locks, properties, cache, mail, triggers, session, UI, HTML, auth, counting.
import { describe, expect, it } from 'vitest';
import { createGasFakes } from '../../sandbox/fakes/index.ts';

const NOW = '2027-01-04T07:30:00+01:00';
const setup = (options: Parameters<typeof createGasFakes>[0] = {}) =>
  createGasFakes({ now: NOW, ...options });

describe('LockService document lock', () => {
  it('is held by the current execution and released at its end', () => {
    const fakes = setup();
    fakes.beginExecution();
    const lock = fakes.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    fakes.endExecution();
    fakes.beginExecution();
    expect(fakes.globals.LockService.getDocumentLock().hasLock()).toBe(false);
    expect(fakes.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    fakes.endExecution();
  });

  it('makes another execution fail to lock while one holds it, without sleeping', () => {
    const fakes = setup();
    fakes.beginExecution();
    fakes.globals.LockService.getDocumentLock().waitLock(100);
    fakes.endExecution();
    fakes.beginExecution();
    // The first execution ended, so its lock was released.
    expect(fakes.globals.LockService.getDocumentLock().tryLock(10)).toBe(true);
    fakes.locks.holdByOther();
    fakes.endExecution();
    fakes.beginExecution();
    const before = fakes.clock.now().getTime();
    expect(fakes.globals.LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(fakes.clock.now().getTime() - before).toBe(5000);
    expect(() => fakes.globals.LockService.getDocumentLock().waitLock(30000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    fakes.locks.releaseOther();
    expect(fakes.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    fakes.endExecution();
  });

  it('releases only a lock the execution holds', () => {
    const fakes = setup();
    fakes.locks.holdByOther();
    fakes.beginExecution();
    fakes.globals.LockService.getDocumentLock().releaseLock();
    expect(fakes.globals.LockService.getDocumentLock().tryLock(0)).toBe(false);
    fakes.endExecution();
  });
});

describe('PropertiesService', () => {
  it('stores strings per store and per user', () => {
    const fakes = setup();
    const { PropertiesService } = fakes.globals;
    PropertiesService.getDocumentProperties()
      .setProperty('cursor', '12')
      .setProperty('n', 3 as unknown as string);
    expect(PropertiesService.getDocumentProperties().getProperty('n')).toBe('3');
    expect(PropertiesService.getDocumentProperties().getProperty('missing')).toBeNull();
    expect(PropertiesService.getScriptProperties().getKeys()).toEqual([]);
    PropertiesService.getUserProperties().setProperty('lang', 'nl');
    fakes.users.setActiveUser('other@example.com');
    expect(PropertiesService.getUserProperties().getProperty('lang')).toBeNull();
  });

  it('sets many at once and can delete all others', () => {
    const props = setup().globals.PropertiesService.getDocumentProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    props.deleteProperty('c');
    props.setProperty('d', '4').deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses a value over 9 KB and a store over 500 KB, changing nothing', () => {
    const props = setup().globals.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`k${i}`] = 'y'.repeat(9000);
    expect(() => props.setProperties(many)).toThrow('You have exceeded the property storage quota');
    expect(props.getKeys()).toEqual(['ok']);
  });
});

describe('CacheService', () => {
  it('expires entries on the fake clock (default 600 s, at most 6 hours)', () => {
    const fakes = setup();
    const cache = fakes.globals.CacheService.getDocumentCache()!;
    cache.put('a', '1');
    cache.put('b', '2', 60);
    cache.put('c', '3', 100000);
    fakes.clock.advance(59_000);
    expect(cache.getAll(['a', 'b', 'c', 'x'])).toEqual({ a: '1', b: '2', c: '3' });
    fakes.clock.advance(1_000);
    expect(cache.get('b')).toBeNull();
    fakes.clock.advance(540_000);
    expect(cache.get('a')).toBeNull();
    fakes.clock.advance(6 * 3600_000);
    expect(cache.get('c')).toBeNull();
  });

  it('refuses a value over 100 KB and removes entries', () => {
    const cache = setup().globals.CacheService.getScriptCache();
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.putAll({ a: '1', b: '2' });
    cache.remove('a');
    cache.removeAll(['b']);
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });
});

describe('MailApp', () => {
  it('counts every recipient of to, cc and bcc against the daily quota', () => {
    const fakes = setup({ mailQuota: 10 });
    const { MailApp } = fakes.globals;
    MailApp.sendEmail({ to: 'a@x.nl, b@x.nl', cc: 'c@x.nl', bcc: 'd@x.nl', subject: 'Welkom', body: 'Hoi' });
    expect(MailApp.getRemainingDailyQuota()).toBe(6);
    MailApp.sendEmail('e@x.nl', 'Onderwerp', 'Tekst', {
      name: 'Wegwijs',
      replyTo: 'f@x.nl',
      htmlBody: '<b>Hoi</b>',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(5);
    expect(fakes.outbox[1]).toMatchObject({
      to: 'e@x.nl',
      subject: 'Onderwerp',
      body: 'Tekst',
      htmlBody: '<b>Hoi</b>',
      name: 'Wegwijs',
      replyTo: 'f@x.nl',
      sentAt: '2027-01-04T07:30:00.000+01:00',
      from: 'owner@example.com',
    });
  });

  it("sends nothing and throws Google's message when too few recipients remain", () => {
    const fakes = setup({ mailQuota: 2 });
    const { MailApp } = fakes.globals;
    MailApp.sendEmail('a@x.nl', 's', 'b');
    expect(() => MailApp.sendEmail({ to: 'b@x.nl,c@x.nl', subject: 's', body: 'b' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(fakes.outbox).toHaveLength(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it('resets the quota at midnight in the script time zone', () => {
    const fakes = setup({ mailQuota: 1, now: '2027-01-04T23:59:00+01:00' });
    const { MailApp } = fakes.globals;
    MailApp.sendEmail('a@x.nl', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    fakes.clock.advance(60_000);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it("refuses an invalid address with Google's message, sending nothing", () => {
    const fakes = setup();
    expect(() => fakes.globals.MailApp.sendEmail('a@x.nl, niet-een-adres', 's', 'b')).toThrow(
      'Invalid email: niet-een-adres',
    );
    expect(fakes.outbox).toEqual([]);
    fakes.globals.MailApp.sendEmail('Eva de Vries <eva@x.nl>', 's', 'b');
    expect(fakes.outbox[0]!.recipients).toEqual(['eva@x.nl']);
  });

  it('records attachments with name, type, size and base64 bytes', () => {
    const fakes = setup();
    const { MailApp, Utilities } = fakes.globals;
    const blob = Utilities.newBlob('BEGIN:VCALENDAR', 'text/calendar', 'afspraak.ics');
    MailApp.sendEmail({ to: 'a@x.nl', subject: 's', body: 'b', attachments: [blob] });
    expect(fakes.outbox[0]!.attachments).toEqual([
      {
        name: 'afspraak.ics',
        mimeType: 'text/calendar',
        size: 15,
        bytes: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
      },
    ]);
  });

  it('fails the next sends on request without sending or using quota', () => {
    const fakes = setup({ mailQuota: 5 });
    const { MailApp } = fakes.globals;
    fakes.mail.failNext(2, 'Mail service down');
    expect(() => MailApp.sendEmail('a@x.nl', 's', 'b')).toThrow('Mail service down');
    expect(() => MailApp.sendEmail('a@x.nl', 's', 'b')).toThrow('Mail service down');
    MailApp.sendEmail('a@x.nl', 's', 'b');
    expect(fakes.outbox).toHaveLength(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(4);
  });

  it('fails sends that match a predicate', () => {
    const fakes = setup();
    const { MailApp } = fakes.globals;
    fakes.mail.failOn((m) => m.recipients.includes('kapot@x.nl'));
    expect(() => MailApp.sendEmail('kapot@x.nl', 's', 'b')).toThrow('server error');
    MailApp.sendEmail('heel@x.nl', 's', 'b');
    expect(fakes.outbox.map((m) => m.to)).toEqual(['heel@x.nl']);
  });
});

describe('ScriptApp triggers', () => {
  it('allows one time-driven trigger per user per document, as for add-ons', () => {
    const fakes = setup();
    const { ScriptApp } = fakes.globals;
    const trigger = ScriptApp.newTrigger('dailyRun').timeBased().everyHours(1).create();
    expect(trigger.getHandlerFunction()).toBe('dailyRun');
    expect(String(trigger.getEventType())).toBe('CLOCK');
    expect(String(trigger.getTriggerSource())).toBe('CLOCK');
    expect(trigger.getTriggerSourceId()).toBeNull();
    expect(() => ScriptApp.newTrigger('other').timeBased().everyDays(1).atHour(7).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(fakes.triggers.list()).toMatchObject([
      { handler: 'dailyRun', owner: 'owner@example.com', type: 'CLOCK', everyHours: 1 },
    ]);
  });

  it('lets another user have their own trigger and hides it from the first', () => {
    const fakes = setup();
    const { ScriptApp, SpreadsheetApp } = fakes.globals;
    ScriptApp.newTrigger('dailyRun').timeBased().everyHours(1).create();
    fakes.beginExecution({ user: 'collega@example.com' });
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    ScriptApp.newTrigger('dailyRun').timeBased().everyHours(2).create();
    expect(ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet())).toHaveLength(1);
    fakes.endExecution();
    expect(fakes.triggers.list().map((t) => t.owner)).toEqual(['owner@example.com', 'collega@example.com']);
  });

  it('allows a new trigger after deleteTrigger', () => {
    const fakes = setup();
    const { ScriptApp } = fakes.globals;
    ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
    for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
    expect(fakes.triggers.list()).toEqual([]);
    ScriptApp.newTrigger('b')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(6)
      .create();
    expect(fakes.triggers.list()).toMatchObject([
      { handler: 'b', everyWeeks: 1, onWeekDay: 'MONDAY', atHour: 6 },
    ]);
  });

  it('refuses schedules add-ons may not have', () => {
    const { ScriptApp } = setup().globals;
    expect(() => ScriptApp.newTrigger('a').timeBased().everyMinutes(5)).toThrow('once per hour');
    expect(() => ScriptApp.newTrigger('a').timeBased().everyHours(3)).toThrow('Invalid argument');
  });

  it('reports authorization from the granted scopes', () => {
    const scopes = [
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.send_mail',
    ];
    const fakes = setup({ oauthScopes: scopes, grantedScopes: [scopes[0]!] });
    const { ScriptApp, MailApp } = fakes.globals;
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(String(info.getAuthorizationStatus())).toBe('REQUIRED');
    // getAuthorizedScopes is newer than @types/google-apps-script.
    expect((info as unknown as { getAuthorizedScopes(): string[] }).getAuthorizedScopes()).toEqual([
      scopes[0],
    ]);
    expect(info.getAuthorizationUrl()).toContain('/authorize');
    expect(() => MailApp.sendEmail('a@x.nl', 's', 'b')).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    fakes.setGrantedScopes(scopes);
    expect(String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus())).toBe(
      'NOT_REQUIRED',
    );
  });
});

describe('Session', () => {
  it('tells the active and effective user, locale and time zone', () => {
    const fakes = setup({ activeUser: 'eva@x.nl', effectiveUser: 'owner@x.nl', userLocale: 'en' });
    const { Session } = fakes.globals;
    expect(Session.getActiveUser().getEmail()).toBe('eva@x.nl');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@x.nl');
    expect(Session.getActiveUserLocale()).toBe('en');
    expect(Session.getScriptTimeZone()).toBe('Europe/Amsterdam');
    const key = Session.getTemporaryActiveUserKey();
    expect(Session.getTemporaryActiveUserKey()).toBe(key);
    fakes.beginExecution({ user: 'bram@x.nl' });
    expect(Session.getActiveUser().getEmail()).toBe('bram@x.nl');
    expect(Session.getTemporaryActiveUserKey()).not.toBe(key);
    fakes.endExecution();
  });
});

describe('Ui', () => {
  it('records menus with items, separators and submenus', () => {
    const fakes = setup();
    const ui = fakes.globals.SpreadsheetApp.getUi();
    const sub = ui.createMenu('Meer').addItem('Over', 'showAbout');
    ui.createAddonMenu().addItem('Open', 'openSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(fakes.ui.menus()).toEqual([
      {
        caption: 'Wegwijs',
        addon: true,
        items: [
          { kind: 'item', caption: 'Open', functionName: 'openSidebar' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              caption: 'Meer',
              addon: false,
              items: [{ kind: 'item', caption: 'Over', functionName: 'showAbout' }],
            },
          },
        ],
      },
    ]);
  });

  it('records sidebars and dialogs', () => {
    const fakes = setup({ htmlFiles: { Sidebar: '<p>Hallo</p>' } });
    const { SpreadsheetApp, HtmlService } = fakes.globals;
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Wegwijs'));
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput('<p>x</p>').setWidth(400).setHeight(200),
      'Let op',
    );
    expect(fakes.ui.sidebars()).toEqual([{ title: 'Wegwijs', html: '<p>Hallo</p>' }]);
    expect(fakes.ui.dialogs()).toMatchObject([{ kind: 'modal', title: 'Let op', width: 400, height: 200 }]);
  });

  it('answers alerts with OK (or YES) by default and with a programmed button', () => {
    const fakes = setup();
    const ui = fakes.globals.SpreadsheetApp.getUi();
    expect(String(ui.alert('Klaar'))).toBe('OK');
    expect(String(ui.alert('Zeker?', ui.ButtonSet.YES_NO))).toBe('YES');
    fakes.ui.respondToNextAlert('NO');
    expect(ui.alert('Titel', 'Zeker?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    fakes.ui.respondToNextPrompt('OK', 'Eva');
    expect(ui.prompt('Naam?').getResponseText()).toBe('Eva');
    expect(fakes.ui.alerts().map((a) => [a.title, a.message, a.response])).toEqual([
      ['', 'Klaar', 'OK'],
      ['', 'Zeker?', 'YES'],
      ['Titel', 'Zeker?', 'NO'],
      ['', 'Naam?', 'OK'],
    ]);
  });

  it('has no UI in a time-driven execution', () => {
    const fakes = setup();
    fakes.beginExecution({ headless: true });
    expect(() => fakes.globals.SpreadsheetApp.getUi()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    fakes.endExecution();
  });
});

describe('HtmlService', () => {
  it('serves files by name with or without .html and throws like Google when missing', () => {
    const { HtmlService } = setup({ htmlFiles: { Sidebar: '<b>x</b>' } }).globals;
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<b>x</b>');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  it('builds output with append, escaped appendUntrusted, title and size', () => {
    const { HtmlService } = setup().globals;
    const out = HtmlService.createHtmlOutput('<p>')
      .append('a')
      .appendUntrusted('<script>"&"</script>')
      .setTitle('T')
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a&#60;script&#62;&#34;&#38;&#34;&#60;/script&#62;');
    expect(out.getTitle()).toBe('T');
  });
});

describe('AuthMode NONE', () => {
  it("lets onOpen build menus but refuses every other service with Google's message", () => {
    const fakes = setup();
    fakes.setAuthMode('NONE');
    const { SpreadsheetApp, PropertiesService, MailApp, ScriptApp, Utilities } = fakes.globals;
    SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open').addSeparator().addToUi();
    expect(fakes.ui.menus()).toHaveLength(1);
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => PropertiesService.getDocumentProperties()).toThrow('You do not have permission');
    expect(() => MailApp.getRemainingDailyQuota()).toThrow('You do not have permission');
    expect(() => ScriptApp.getProjectTriggers()).toThrow('You do not have permission');
    expect(() => SpreadsheetApp.getUi().showSidebar(fakes.globals.HtmlService.createHtmlOutput(''))).toThrow(
      'You do not have permission',
    );
    // Utilities needs no authorization on Google either.
    expect(Utilities.formatDate(new Date(0), 'UTC', 'yyyy')).toBe('1970');
    fakes.setAuthMode('FULL');
    expect(SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Wegwijs');
  });

  it('in LIMITED (a simple trigger) allows the sheet but refuses mail and triggers', () => {
    const fakes = setup();
    fakes.beginExecution({ authMode: 'LIMITED' });
    expect(fakes.globals.SpreadsheetApp.getActive().getName()).toBe('Wegwijs');
    expect(() => fakes.globals.MailApp.sendEmail('a@x.nl', 's', 'b')).toThrow('You do not have permission');
    expect(() => fakes.globals.ScriptApp.newTrigger('x')).toThrow('You do not have permission');
    fakes.endExecution();
  });

  it('applies to one execution only', () => {
    const fakes = setup();
    fakes.beginExecution({ authMode: 'NONE' });
    expect(() => fakes.globals.SpreadsheetApp.getActive()).toThrow('You do not have permission');
    fakes.endExecution();
    expect(fakes.globals.SpreadsheetApp.getActive().getId()).toBeTruthy();
  });
});

describe('call counting', () => {
  it('counts every call by Kind.method, and cells read and written', () => {
    const fakes = setup();
    const { SpreadsheetApp, MailApp, PropertiesService } = fakes.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Blad1')!;
    sheet.getRange(1, 1, 2, 3).setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    sheet.getDataRange().getValues();
    sheet.getRange('A1').getDisplayValues();
    MailApp.sendEmail('a@x.nl', 's', 'b');
    PropertiesService.getDocumentProperties().getProperty('x');
    expect(fakes.calls.snapshot()).toEqual({
      'MailApp.sendEmail': 1,
      'Properties.getProperty': 1,
      'PropertiesService.getDocumentProperties': 1,
      'Range.getDisplayValues': 1,
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(fakes.calls.count('Range.')).toBe(3);
    expect(fakes.calls.count()).toBe(11);
    expect(fakes.calls.spreadsheetCalls()).toBe(8);
    expect(fakes.calls.cellsWritten).toBe(6);
    expect(fakes.calls.cellsRead).toBe(7);
    fakes.calls.reset();
    expect(fakes.calls.count()).toBe(0);
  });

  it("counts chained builder calls and not the fakes' own internal calls", () => {
    const fakes = setup();
    fakes.globals.SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
    expect(fakes.calls.snapshot()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireCheckbox': 1,
      'DataValidationBuilder.setAllowInvalid': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
    fakes.sheet.json('Blad1');
    fakes.sheet.paste('Blad1', [['x']]);
    expect(fakes.calls.count()).toBe(4);
  });
});

describe('the web-app context of a bound script (executeAs: USER_DEPLOYING)', () => {
  const owner = 'leider@school.nl';
  const web = () => {
    const fakes = setup({ activeUser: owner });
    return fakes;
  };

  it('has no active spreadsheet, document lock, document properties or UI', () => {
    const fakes = web();
    fakes.beginExecution({ user: 'buddy@school.nl', webapp: true });
    const g = fakes.globals;
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(g.SpreadsheetApp.getActive()).toBeNull();
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.PropertiesService.getDocumentProperties()).toBeNull();
    expect(() => g.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(g.PropertiesService.getScriptProperties()).not.toBeNull();
    fakes.endExecution();
    // Outside the web app the same calls work again.
    fakes.beginExecution({ user: owner });
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
    expect(g.LockService.getDocumentLock()).not.toBeNull();
    fakes.endExecution();
  });

  it('names the visitor of the same domain, nobody from another, and runs as the deployer', () => {
    const fakes = web();
    const { Session } = fakes.globals;
    fakes.beginExecution({ user: 'Buddy@School.nl', webapp: true });
    expect(Session.getActiveUser().getEmail()).toBe('Buddy@School.nl');
    expect(Session.getEffectiveUser().getEmail()).toBe(owner);
    fakes.endExecution();
    fakes.beginExecution({ user: 'iemand@gmail.com', webapp: true });
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe(owner);
    fakes.endExecution();
  });

  it('gives the web app’s URL once deployed and null before, under no scope', () => {
    const fakes = setup({ activeUser: owner });
    const { ScriptApp } = fakes.globals;
    fakes.setGrantedScopes([]);
    fakes.beginExecution({ user: owner });
    expect(ScriptApp.getService().getUrl()).toBeNull();
    fakes.endExecution();
    fakes.setWebAppUrl('https://script.google.com/a/macros/school.nl/s/AKfy/exec');
    fakes.beginExecution({ user: 'buddy@school.nl', webapp: true });
    expect(ScriptApp.getService().getUrl()).toBe('https://script.google.com/a/macros/school.nl/s/AKfy/exec');
    fakes.endExecution();
    // A deployment is part of the saved state.
    expect(fakes.toJSON().webAppUrl).toBe('https://script.google.com/a/macros/school.nl/s/AKfy/exec');
  });

  it('opens the spreadsheet by ID only with the full spreadsheets scope', () => {
    const fakes = setup({ spreadsheetId: 'sheet-1' });
    const { SpreadsheetApp } = fakes.globals;
    fakes.beginExecution({ webapp: true });
    expect(SpreadsheetApp.openById('sheet-1').getId()).toBe('sheet-1');
    expect(() => SpreadsheetApp.openById('elders')).toThrow(/openById/);
    fakes.setGrantedScopes(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => SpreadsheetApp.openById('sheet-1')).toThrow(
      'Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    fakes.endExecution();
  });
});
