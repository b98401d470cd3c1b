/** The fakes' one scope table: every call needs what Google's reference says, and nothing grants everything. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGasFakes, MANIFEST_SCOPES, SCOPE_TABLE, SCOPES } from '../../sandbox/fakes/index';

const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')) as {
  oauthScopes: string[];
};

describe('the scope table of the fakes', () => {
  it('defaults to the manifest scopes, never to every scope it knows', () => {
    const fakes = createGasFakes();
    expect(fakes.toJSON().oauthScopes).toEqual(manifest.oauthScopes);
    expect(fakes.toJSON().grantedScopes).toEqual(manifest.oauthScopes);
    expect(MANIFEST_SCOPES).toEqual(manifest.oauthScopes);
  });

  it('names the scopes Google lists for the methods Wegwijs calls', () => {
    expect(SCOPE_TABLE['Session.getActiveUser']).toEqual([SCOPES.userinfoEmail]);
    expect(SCOPE_TABLE['Session.getEffectiveUser']).toEqual([SCOPES.userinfoEmail]);
    expect(SCOPE_TABLE['MailApp.*']).toEqual([SCOPES.sendMail]);
    for (const m of ['newTrigger', 'getUserTriggers', 'getProjectTriggers', 'deleteTrigger']) {
      expect(SCOPE_TABLE[`ScriptApp.${m}`]).toEqual([SCOPES.scriptApp]);
    }
    expect(SCOPE_TABLE['Ui.*']).toEqual([SCOPES.containerUi]);
    expect(SCOPE_TABLE['SpreadsheetApp.*']).toEqual([SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets]);
    for (const free of ['Utilities.*', 'LockService.*', 'PropertiesService.*', 'CacheService.*']) {
      expect(SCOPE_TABLE[free]).toEqual([]);
    }
    expect(SCOPE_TABLE['ScriptApp.getAuthorizationInfo']).toEqual([]);
  });

  it("throws Google's exact message for a call outside the granted scopes", () => {
    const fakes = createGasFakes({ activeUser: 'a@school.example' });
    fakes.setGrantedScopes(manifest.oauthScopes.filter((s) => s !== SCOPES.userinfoEmail));
    expect(() => fakes.globals.Session.getActiveUser()).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    try {
      fakes.globals.Session.getEffectiveUser();
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
    }
    expect(fakes.globals.Session.getActiveUserLocale()).toBe('nl');
  });

  it('refuses each scope’s calls when only that scope is declined, and allows the rest', () => {
    const calls: Record<string, (f: ReturnType<typeof createGasFakes>) => unknown> = {
      [SCOPES.userinfoEmail]: (f) => f.globals.Session.getEffectiveUser(),
      [SCOPES.sendMail]: (f) => f.globals.MailApp.getRemainingDailyQuota(),
      [SCOPES.scriptApp]: (f) => f.globals.ScriptApp.getProjectTriggers(),
      [SCOPES.containerUi]: (f) => f.globals.SpreadsheetApp.getUi().alert('x'),
      // The manifest asks for the full scope since the web page opens the sheet by ID (issue 13).
      [SCOPES.spreadsheets]: (f) => f.globals.SpreadsheetApp.getActiveSpreadsheet(),
    };
    expect(Object.keys(calls).sort()).toEqual([...manifest.oauthScopes].sort());
    for (const declined of manifest.oauthScopes) {
      const fakes = createGasFakes();
      fakes.setGrantedScopes(manifest.oauthScopes.filter((s) => s !== declined));
      for (const [scope, call] of Object.entries(calls)) {
        if (scope === declined) expect(() => call(fakes)).toThrow(`Required permissions: ${scope}`);
        else expect(() => call(fakes)).not.toThrow();
      }
      // Needs no scope at all.
      expect(fakes.globals.ScriptApp.getAuthorizationInfo('FULL' as never).getAuthorizationStatus()).toBe(
        'REQUIRED',
      );
      expect(fakes.globals.Utilities.getUuid()).toMatch(/-/);
    }
  });

  it('answers getAuthorizationInfo for a list of scopes, as granular consent needs', () => {
    const fakes = createGasFakes();
    fakes.setGrantedScopes(manifest.oauthScopes.filter((s) => s !== SCOPES.sendMail));
    const { ScriptApp } = fakes.globals;
    // Google's two-argument form is newer than the published type definitions.
    const info = ScriptApp.getAuthorizationInfo as unknown as (
      mode: unknown,
      scopes: string[],
    ) => GoogleAppsScript.Script.AuthorizationInfo;
    const mail = info(ScriptApp.AuthMode.FULL, [SCOPES.sendMail]);
    expect(mail.getAuthorizationStatus()).toBe('REQUIRED');
    const sheet = info(ScriptApp.AuthMode.FULL, [SCOPES.spreadsheets]);
    expect(sheet.getAuthorizationStatus()).toBe('NOT_REQUIRED');
  });

  it('has an entry for every kind of object the fakes hand out', () => {
    const source = [
      'core',
      'index',
      'mail',
      'pdf',
      'properties',
      'protection',
      'script',
      'session',
      'spreadsheet',
      'ui',
      'utilities',
      'validation',
    ]
      .map((f) => readFileSync(new URL(`../../sandbox/fakes/${f}.ts`, import.meta.url), 'utf8'))
      .join('\n');
    const kinds = new Set([...source.matchAll(/wrap\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]!));
    expect(kinds.size).toBeGreaterThan(20);
    const covered = new Set(Object.keys(SCOPE_TABLE).map((k) => k.split('.')[0]));
    expect([...kinds].filter((k) => !covered.has(k))).toEqual([]);
  });
});
