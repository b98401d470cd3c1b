/**
 * The project's HTML files. Each is built once per language (`scripts/build.ts`), so a page
 * carries only one language's texts; `showSidebar`, `getSidebarViews` and `doGet` serve the file
 * of the user's language (Session locale). `SidebarViews` is not a page but the code of the
 * sidebar's views loaded on demand.
 */
import type { Language } from '../shared/language';

export const HTML_FILES = ['Sidebar', 'SidebarViews', 'MijnWegwijs'] as const;
export type HtmlFile = (typeof HTML_FILES)[number];

/** The project file of a page in a language: Dutch under the page's name, English with `En`. */
export function pageFile(file: HtmlFile, language: Language): string {
  return language === 'en' ? `${file}En` : file;
}

/**
 * The project files of the server's texts per language (`scripts/build.ts` writes them; the
 * catalogue in app/texts/messages.ts reads one the first time a call needs a text from it).
 */
export const TEXT_FILES: Readonly<Record<Language, string>> = { nl: 'Dutch', en: 'English' };
