/**
 * Issue 19, "flat cost over the years": the sidebar's functions read the same cells on a sheet
 * with three school years of history (archived as closing and the monthly run leave it) as on a
 * first-year sheet at the same staff size. Cells read are deterministic; CPU is only in the bench.
 */
import { describe, expect, it } from 'vitest';
import { threeYears } from '../../scripts/bench';

describe('three school years of history', () => {
  it('cost the sidebar and getCheckIns no more calls or cells read than a first-year sheet', () => {
    const results = threeYears(100, true, 1);
    expect(results.map((r) => r.first.fn)).toEqual(['getSidebarState', 'getCheckIns']);
    for (const { first, later, unarchived } of results) {
      expect(later.spreadsheetCalls).toBe(first.spreadsheetCalls);
      expect(later.cellsRead).toBeLessThanOrEqual(first.cellsRead * 1.1);
      // The same history left in the live tabs would be read on every call: the check can fail.
      expect(unarchived!.cellsRead).toBeGreaterThan(first.cellsRead * 1.5);
    }
  }, 120_000);
});
