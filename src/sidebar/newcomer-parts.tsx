/**
 * Pieces the Newcomers tab shares: the UI kit (`kit.tsx`, re-exported here for the tab's files)
 * and day labels.
 */
import type { Tx } from './kit';

export { Confirm, type Loaded, LoadState, Said, Section, type Tx, txFor, useLoad } from './kit';

/** `2027-01-11` → "ma 11-01" (the year is clear from the start date). */
export function dayLabel(tx: Tx, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${tx('newcomer.days').split(',')[day] ?? ''} ${m[3]}-${m[2]}`;
}
