import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReadme } from '../../scripts/docs';

describe('the README', () => {
  it('documents the sheet schema and settings exactly as built (run `npm run docs` after a change)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });

  it('names every folder of src/, sandbox/, tests/ and scripts/ in its project structure', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('## Project structure');
    const structure = readme.slice(start, readme.indexOf('\n```\n', readme.indexOf('```', start) + 3));
    const root = new URL('../../', import.meta.url);
    const folders = (dir: string) =>
      readdirSync(new URL(dir, root), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `${e.name}/`);
    const missing = [
      ...folders('src/').map((f) => `src/${f}`),
      ...folders('src/core/'),
      ...folders('sandbox/'),
      ...folders('sandbox/').flatMap((f) => folders(`sandbox/${f}`)),
      ...folders('tests/'),
      'sandbox/',
      'scripts/',
    ].filter((name) => !structure.includes(name));
    expect(missing).toEqual([]);
  });
});
