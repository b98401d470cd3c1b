/**
 * Identity in one home: how e-mail addresses, names and locations are compared, and the text hash
 * behind the ids Wegwijs stores (the `Controle` fingerprint, .ics UIDs). Pure, no I/O.
 */
/**
 * An e-mail address as the sheet compares it: trimmed and in lower case (the address inside a
 * display name); '' is an empty cell. Made once where an address enters (an e-mail column, the session, a typed form
 * field), so two `Email`s compare with plain `===`.
 */
export type Email = '' | (string & { readonly [EMAIL_BRAND]: true });
declare const EMAIL_BRAND: unique symbol;

/** One well-formed address: no lists, no spaces, no display names. */
const EMAIL = /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[a-z]{2,}$/i;

/**
 * The address in an e-mail cell, normalised (trimmed, lower case). A hand-typed display name
 * ("Naam <mail@x>") gives the address in the brackets, so the same person is always the same key.
 * Null when the cell holds something that is not one address (a name, two addresses).
 */
export function emailIn(text: string): Email | null {
  let t = text.trim();
  const bracketed = /^[^<>]*<([^<>]+)>\s*$/.exec(t);
  if (bracketed) t = bracketed[1]!.trim();
  t = t.replace(/^mailto:/i, '').toLowerCase();
  return EMAIL.test(t) ? (t as Email) : null;
}

/** An address typed or given by the platform (not read from an e-mail column): trimmed, lower case. */
export function emailKey(email: string): Email {
  return email.trim().toLowerCase() as Email;
}

/** The key of an e-mail as the sheet compares it: the address in the text ('' when none), else trimmed and lower case. */
export function personKey(email: string): Email {
  return emailIn(email) ?? emailKey(email);
}

/**
 * A person's name as privacy compares it: trimmed, case ignored, otherwise exact (a name is
 * personal data: "Jan de Vries" must not match "Jan Devries"). Loose matching is `normalizeName`.
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Normalised names seen in this execution: the same few names are compared again and again. */
const normalized = new Map<string, string>();

/** Normalises a header or name for matching: case, accents, spaces and punctuation are ignored. */
export function normalizeName(text: string): string {
  let result = normalized.get(text);
  if (result === undefined) {
    result = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    // Bounded: a sheet of free text must not grow it without end.
    if (normalized.size >= 50_000) normalized.clear();
    normalized.set(text, result);
  }
  return result;
}

/** "alle" in a location column means: every location. */
export const ALL_LOCATIONS = 'alle';

/** True for a location cell that means every location: empty, "alle" or "all" (loosely). */
export function isAllLocations(location: string): boolean {
  const key = normalizeName(location);
  return key === '' || key === ALL_LOCATIONS || key === 'all';
}

/** Two location names that are the same location (case, accents and spaces ignored). */
export function sameLocation(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/**
 * Deterministic 32-bit FNV-1a hash (over UTF-16 code units; another seed or prime gives an
 * independent hash); spreads tie-breaks without randomness. Stored in ids: never change it.
 */
export function hashText(text: string, seed = 0x811c9dc5, prime = 0x01000193): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, prime) >>> 0;
  }
  return h >>> 0;
}
