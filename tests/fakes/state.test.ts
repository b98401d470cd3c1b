// Behaviour of toJSON/restoreGasFakes: everything survives a JSON round trip.
import { describe, expect, it } from 'vitest';
import { createGasFakes, restoreGasFakes } from '../../sandbox/fakes/index.ts';

describe('toJSON and restoreGasFakes', () => {
  it('restores sheets, formats, rules, charts, stores, triggers, mail, clock and users', () => {
    const fakes = createGasFakes({ now: '2027-03-28T09:00:00+02:00', mailQuota: 10, activeUser: 'eva@x.nl' });
    const { SpreadsheetApp, PropertiesService, CacheService, MailApp, ScriptApp } = fakes.globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Personeel');
    sheet.getRange('A1:C2').setValues([
      ['Naam', 'Start', 'Code'],
      ['Eva', '2027-03-28', "'007"],
    ]);
    sheet.getRange('B3').setValue(new Date('2027-03-28T14:15:00+02:00'));
    sheet.getRange('C2').setNumberFormat('@');
    sheet.getRange('D2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.setFrozenRows(1);
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:B2'))
        .setChartType(fakes.globals.Charts.ChartType.PIE)
        .build(),
    );
    PropertiesService.getDocumentProperties().setProperty('cursor', '7');
    PropertiesService.getUserProperties().setProperty('lang', 'nl');
    CacheService.getDocumentCache()!.put('k', 'v', 60);
    MailApp.sendEmail({
      to: 'a@x.nl,b@x.nl',
      subject: 'Welkom',
      body: 'Hoi',
      attachments: [fakes.globals.Utilities.newBlob('x', 'text/plain', 'x.txt')],
    });
    ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
    SpreadsheetApp.getUi().createMenu('Wegwijs').addItem('Open', 'open').addToUi();
    fakes.users.setUserLocale('en');

    const json = JSON.parse(JSON.stringify(fakes.toJSON()));
    const back = restoreGasFakes(json);

    expect(back.toJSON()).toEqual(fakes.toJSON());
    expect(back.sheet.tabNames()).toEqual(['Blad1', 'Personeel']);
    const values = back.sheet.values('Personeel');
    expect(values[1]![1]).toBeInstanceOf(Date);
    expect((values[1]![1] as Date).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(back.sheet.json('Personeel')).toEqual([
      ['Naam', 'Start', 'Code'],
      ['Eva', '2027-03-28', '007'],
      [null, '2027-03-28T14:15:00.000+02:00', null],
    ]);
    expect(back.sheet.formats('Personeel')[1]![2]).toBe('@');
    expect(back.sheet.validations('Personeel')).toMatchObject([{ a1: 'D2', criteria: 'CHECKBOX' }]);
    expect(back.sheet.charts('Personeel')).toMatchObject([{ type: 'PIE', ranges: ['Personeel!A1:B2'] }]);
    expect(back.sheet.frozenRows('Personeel')).toBe(1);
    expect(back.globals.PropertiesService.getDocumentProperties().getProperty('cursor')).toBe('7');
    expect(back.globals.PropertiesService.getUserProperties().getProperty('lang')).toBe('nl');
    expect(back.globals.CacheService.getDocumentCache()!.get('k')).toBe('v');
    back.clock.advance(60_000);
    expect(back.globals.CacheService.getDocumentCache()!.get('k')).toBeNull();
    expect(back.outbox).toHaveLength(1);
    expect(back.outbox[0]!.attachments[0]!.bytes).toBe('eA==');
    expect(back.globals.MailApp.getRemainingDailyQuota()).toBe(8);
    expect(back.triggers.list()).toMatchObject([{ handler: 'hourly', owner: 'eva@x.nl' }]);
    expect(() => back.globals.ScriptApp.newTrigger('x').timeBased().everyHours(1).create()).toThrow(
      'too many',
    );
    expect(back.ui.menus()).toHaveLength(1);
    expect(back.globals.Session.getActiveUser().getEmail()).toBe('eva@x.nl');
    expect(back.globals.Session.getActiveUserLocale()).toBe('en');
  });

  it('does not share state with the fakes it came from', () => {
    const fakes = createGasFakes({ now: '2027-01-04T07:30:00+01:00' });
    const back = restoreGasFakes(fakes.toJSON());
    back.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Nieuw');
    expect(fakes.sheet.tabNames()).toEqual(['Blad1']);
  });
});
