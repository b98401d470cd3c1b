/**
 * Issue 19 (bytes): every HTML page (and the sidebar's views) stays at or under 80 KB, and each page carries one
 * language: the Dutch file no English text of its own, the English file no Dutch one. The
 * sidebar's rarely used views are a file of their own, run by the sidebar when first opened.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTML_FILES, pageFile } from '../../src/gas/htmlFiles';
import { PAGE_TEXTS } from '../../src/page/texts';
import { TEXTS } from '../../src/sidebar/texts';

const dir = new URL('../../build/', import.meta.url);
const read = (name: string) => readFileSync(new URL(`${name}.html`, dir), 'utf8');
const LIMIT = 80 * 1024;

/** Texts of `from` (long enough to be unmistakable) that differ from the other language's. */
function own(from: Record<string, string>, other: Record<string, string>): string[] {
  return Object.entries(from)
    .filter(([k, v]) => v.length >= 24 && v !== other[k] && !/['"\\\n]/.test(v))
    .map(([, v]) => v);
}

describe('the HTML files the build writes', () => {
  // The pages and the sidebar's views; the server's chunks (Chunk*.html, code Code.js evaluates)
  // and English.html are not pages and are bounded in size.test.ts.
  it('are each at most 80 KB', () => {
    const pages = new Set(HTML_FILES.flatMap((f) => [pageFile(f, 'nl'), pageFile(f, 'en')]));
    const html = readdirSync(dir).filter((f) => pages.has(f.replace(/\.html$/, '')));
    expect(html.length).toBe(HTML_FILES.length * 2);
    for (const file of html)
      expect({ file, bytes: statSync(new URL(file, dir)).size }).toEqual({
        file,
        bytes: expect.toSatisfy((n: number) => n <= LIMIT),
      });
  });

  it('hold one language each: Dutch texts in the Dutch file, English in the English one', () => {
    const cases = [
      ['Sidebar', TEXTS],
      ['MijnWegwijs', PAGE_TEXTS],
    ] as const;
    for (const [page, texts] of cases) {
      const nl = read(pageFile(page, 'nl'));
      const en = read(pageFile(page, 'en'));
      const dutch = own(texts.nl, texts.en);
      const english = own(texts.en, texts.nl);
      expect(dutch.length).toBeGreaterThan(10);
      expect(dutch.filter((t) => !nl.includes(t))).toEqual([]);
      expect(english.filter((t) => !en.includes(t))).toEqual([]);
      expect(english.filter((t) => nl.includes(t))).toEqual([]);
      expect(dutch.filter((t) => en.includes(t))).toEqual([]);
      expect(nl).toContain('<html lang="nl">');
      expect(en).toContain('<html lang="en">');
    }
  });

  it('leave the sidebar’s rarely used views out of the sidebar page, in a file per language', () => {
    for (const language of ['nl', 'en'] as const) {
      const sidebar = read(pageFile('Sidebar', language));
      const views = read(pageFile('SidebarViews', language));
      // The pilot's and the privacy tab's markup is in the views' file, not in the page.
      for (const marker of ['pi-phase-change', 'retention-preview']) {
        expect(views).toContain(marker);
        expect(sidebar).not.toContain(marker);
      }
      expect(views).not.toMatch(/<\/?(html|script)/i);
    }
  });
});
