/**
 * The language level of each build, in one place for the build and its tests. Apps Script's V8
 * cannot parse some newer syntax (class fields, private `#names` in older runtimes), so the server
 * bundle is lowered to ES2019; built-ins newer than that are avoided in the source
 * (tests/build/v8.test.ts checks both on the built Code.js).
 */
export const SERVER_TARGET = 'es2019';
/** The sidebar runs in the user's browser inside Google's iframe. */
export const SIDEBAR_TARGET = 'es2019';
