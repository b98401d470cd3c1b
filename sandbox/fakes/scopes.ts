/**
 * The one table of what Google asks before an Apps Script method may run: every method the fakes
 * provide → the OAuth scopes that allow it, as the "Authorization" section of each method in
 * Google's reference lists them. A new fact about Google is one line here; every fake reads it.
 */
import manifest from '../../appsscript.json';

const AUTH = 'https://www.googleapis.com/auth/';

/** Scopes by their short name, as Google spells them after `https://www.googleapis.com/auth/`. */
export const SCOPES = Object.freeze({
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  containerUi: `${AUTH}script.container.ui`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  userinfoEmail: `${AUTH}userinfo.email`,
});

/**
 * Which scopes satisfy a call; any one of them is enough. The first one is what Google names in
 * its error message. An empty list: the method needs no authorization at all.
 */
export type ScopeRule = readonly string[];

const NONE: ScopeRule = [];
const SHEETS: ScopeRule = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
const UI: ScopeRule = [SCOPES.containerUi];
const MAIL: ScopeRule = [SCOPES.sendMail];
const TRIGGERS: ScopeRule = [SCOPES.scriptApp];
const EMAIL: ScopeRule = [SCOPES.userinfoEmail];

/**
 * `Kind.method` → scopes, or `Kind.*` for every method of a kind. An exact entry wins over the
 * kind's `*`. A method of a kind missing here makes the fake throw (a fake bug, not Google's
 * message), so the table cannot silently fall behind the fakes.
 */
export const SCOPE_TABLE: Readonly<Record<string, ScopeRule>> = Object.freeze({
  // SpreadsheetApp and everything reached from the spreadsheet: "spreadsheets.currentonly" or "spreadsheets".
  'SpreadsheetApp.*': SHEETS,
  // Building a validation rule touches no document.
  'SpreadsheetApp.newDataValidation': NONE,
  // Opening a file by ID reaches beyond the current document: only the full "spreadsheets" scope.
  'SpreadsheetApp.openById': [SCOPES.spreadsheets],
  'Spreadsheet.*': SHEETS,
  'Sheet.*': SHEETS,
  'Range.*': SHEETS,
  'RangeList.*': SHEETS,
  'Protection.*': SHEETS,
  'DataValidationBuilder.*': SHEETS,
  'DataValidation.*': SHEETS,
  'EmbeddedChartBuilder.*': SHEETS,
  'EmbeddedChart.*': SHEETS,
  // getUi itself is allowed in AuthMode.NONE (onOpen builds menus there).
  'SpreadsheetApp.getUi': NONE,
  // Ui: showing anything needs "script.container.ui"; menus are built without authorization.
  'Ui.*': UI,
  'Ui.createMenu': NONE,
  'Ui.createAddonMenu': NONE,
  'Menu.*': NONE,
  'PromptResponse.*': NONE,
  // Session: who is calling needs "userinfo.email"; locale and time zone need nothing.
  'Session.getActiveUser': EMAIL,
  'Session.getEffectiveUser': EMAIL,
  'Session.getActiveUserLocale': NONE,
  'Session.getScriptTimeZone': NONE,
  'Session.getTemporaryActiveUserKey': NONE,
  'User.*': NONE,
  // MailApp: every method, also getRemainingDailyQuota.
  'MailApp.*': MAIL,
  // ScriptApp: triggers need "script.scriptapp"; authorization info, ids and tokens need nothing.
  'ScriptApp.newTrigger': TRIGGERS,
  'ScriptApp.getProjectTriggers': TRIGGERS,
  'ScriptApp.getUserTriggers': TRIGGERS,
  'ScriptApp.deleteTrigger': TRIGGERS,
  'ScriptApp.getAuthorizationInfo': NONE,
  'ScriptApp.requireScopes': NONE,
  'ScriptApp.requireAllScopes': NONE,
  'ScriptApp.getScriptId': NONE,
  'ScriptApp.getOAuthToken': NONE,
  // The web app's URL: Google documents no scope for getService or its Service.
  'ScriptApp.getService': NONE,
  'Service.*': NONE,
  'AuthorizationInfo.*': NONE,
  'TriggerBuilder.*': TRIGGERS,
  'ClockTriggerBuilder.*': TRIGGERS,
  'SpreadsheetTriggerBuilder.*': TRIGGERS,
  'Trigger.*': TRIGGERS,
  // Pure helpers on Google's side.
  'Utilities.*': NONE,
  // Pseudonymous answers (issue 15): HMAC needs no scope.
  'Utilities.computeHmacSha256Signature': NONE,
  'Blob.*': NONE,
  'Logger.*': NONE,
  'HtmlService.*': NONE,
  'HtmlOutput.*': NONE,
  'LockService.*': NONE,
  'Lock.*': NONE,
  'PropertiesService.*': NONE,
  'Properties.*': NONE,
  'CacheService.*': NONE,
  'Cache.*': NONE,
});

/** The scopes that allow `kind.method`; throws when the table has no entry (a gap in the fakes). */
export function scopeRule(kind: string, method: string): ScopeRule {
  const rule = SCOPE_TABLE[`${kind}.${method}`] ?? SCOPE_TABLE[`${kind}.*`];
  if (!rule)
    throw new Error(`The fakes' scope table (sandbox/fakes/scopes.ts) has no entry for ${kind}.${method}.`);
  return rule;
}

/** Google's message for a call outside the granted scopes (thrown as `Exception`). */
export function permissionMessage(kind: string, method: string, rule: ScopeRule): string {
  return `You do not have permission to call ${kind}.${method}.${rule.length ? ` Required permissions: ${rule[0]}` : ''}`;
}

/** The scopes of the manifest (`appsscript.json`, copied unchanged into the build): the fakes' default grant. */
export const MANIFEST_SCOPES: readonly string[] = Object.freeze([...manifest.oauthScopes]);
