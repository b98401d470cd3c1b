/**
 * The permissions (OAuth scopes) Wegwijs asks for, by what they are for. With granular consent a
 * user may untick single scopes; each feature checks its own before it starts and says which one
 * is missing, so the rest keeps working.
 */

const AUTH = 'https://www.googleapis.com/auth/';

/** What a feature needs, by purpose. */
export type Permission = 'identity' | 'sheet' | 'ui' | 'mail' | 'triggers';

/** The manifest scope that grants each permission. */
export const PERMISSION_SCOPES: Readonly<Record<Permission, string>> = Object.freeze({
  identity: `${AUTH}userinfo.email`,
  // The full scope: the web page opens the sheet by its ID (no active spreadsheet in a web app).
  sheet: `${AUTH}spreadsheets`,
  ui: `${AUTH}script.container.ui`,
  mail: `${AUTH}script.send_mail`,
  triggers: `${AUTH}script.scriptapp`,
});

/** The permission a scope grants (also the narrower `spreadsheets.currentonly` for the sheet); null when unknown. */
export function permissionOfScope(scope: string): Permission | null {
  if (scope === `${AUTH}spreadsheets.currentonly`) return 'sheet';
  for (const [permission, s] of Object.entries(PERMISSION_SCOPES))
    if (s === scope) return permission as Permission;
  return null;
}

/** The scope without Google's common prefix, as users see it in lists (`script.send_mail`). */
export function shortScope(scope: string): string {
  return scope.replace(AUTH, '');
}

/**
 * Google's English message for a call outside the granted scopes, e.g. `You do not have
 * permission to call MailApp.sendEmail. Required permissions: https://…/script.send_mail`.
 * Returns the missing scope, or null for any other error.
 */
export function missingScopeOf(message: string): string | null {
  const m = /You do not have permission to call [\w.]+\. Required permissions: (\S+)/.exec(message);
  return m ? m[1]!.replace(/[.,;]+$/, '') : null;
}
