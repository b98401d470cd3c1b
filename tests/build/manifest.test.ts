import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')) as {
  timeZone: string;
  runtimeVersion: string;
  exceptionLogging: string;
  oauthScopes: string[];
  webapp?: { executeAs: string; access: string };
};

/** Every scope must be argued for in the README; a broader one (e.g. all spreadsheets, Gmail) fails here. */
const APPROVED = [
  // Changed on purpose (issue 13): the web page has no active spreadsheet and opens it by ID,
  // which `spreadsheets.currentonly` does not allow.
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
];

describe('the Apps Script manifest', () => {
  it('runs on V8 in Europe/Amsterdam with exception logging', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Amsterdam');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
  });

  it('asks only for approved scopes', () => {
    expect(manifest.oauthScopes.filter((s) => !APPROVED.includes(s))).toEqual([]);
    expect(new Set(manifest.oauthScopes).size).toBe(manifest.oauthScopes.length);
  });

  it('serves the web page as the deployer, to the school domain only', () => {
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'DOMAIN' });
  });

  it('is copied unchanged into the build', () => {
    const built = readFileSync(new URL('../../build/appsscript.json', import.meta.url), 'utf8');
    expect(JSON.parse(built)).toEqual(manifest);
  });
});
