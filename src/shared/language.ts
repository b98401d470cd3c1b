/**
 * The user's language and placeholder filling, shared by the server's messages and the sidebar's
 * own texts (each keeps its own dictionary, so the sidebar does not carry the server's texts).
 */

export type Language = 'nl' | 'en';

/**
 * The language a built HTML page is for: the build makes each page once per language and sets
 * this, so a page carries one language's texts; undefined in Code.js and in the source.
 */
declare global {
  const WEGWIJS_LANGUAGE: Language | undefined;
}

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

const WEEKDAYS = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;
/** Month names as a sentence writes them; the sidebar uses them too. */
export const MONTHS = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/**
 * A calendar day as it reads inside a sentence: `2027-01-11` → "maandag 11 januari 2027"
 * (English "Monday 11 January 2027"). Anything that is not an existing `YYYY-MM-DD` day is
 * returned as it is.
 */
export function longDate(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d, 12));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return iso;
  return `${WEEKDAYS[language][day.getUTCDay()]} ${d} ${MONTHS[language][mo - 1]} ${y}`;
}

/**
 * A message parameter as it reads in a sentence: a day (`YYYY-MM-DD`) becomes a long date and a
 * moment written `YYYY-MM-DD HH:MM` (optionally followed by a zone such as ` UTC`) becomes
 * "maandag 11 januari 2027 om 08:30"; every other value stays as it is.
 */
export function sentenceValue(value: string | number, language: Language): string | number {
  if (typeof value !== 'string') return value;
  const moment = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})( [A-Z]{2,5})?$/.exec(value);
  if (moment)
    return `${longDate(moment[1]!, language)} ${language === 'en' ? 'at' : 'om'} ${moment[2]}${moment[3] ?? ''}`;
  return longDate(value, language);
}
