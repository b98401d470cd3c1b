/**
 * The user's language and placeholder filling, shared by the server's messages and the sidebar's
 * own texts (each keeps its own dictionary, so the sidebar does not carry the server's texts).
 */

export type Language = 'nl' | 'en';

/** Dutch unless the locale is English. */
export function languageOf(locale: string | undefined | null): Language {
  return /^en(?:[-_]|$)/i.test(locale ?? '') ? 'en' : 'nl';
}

/** Fills `{name}` placeholders; unknown ones stay as written. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
