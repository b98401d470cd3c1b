/**
 * What the scheduled run remembers about itself, in one place: the last run (when, how long, did it
 * see the sheet, what it sent), today's total trigger time, and a streak of failed runs. Kept as one
 * JSON value in document properties; a run that cannot open the document (a published add-on)
 * leaves a note in its owner's user properties instead, keyed by the trigger's id.
 */
import type { DocumentStore } from './ports';

const KEY = 'automation.runState';
const NO_SHEET_PREFIX = 'automation.noSheet.';

/** After this many failed runs in a row the owner (a school leader) gets one mail. */
export const FAILURES_BEFORE_MAIL = 3;

export interface LastRun {
  /** ISO-8601 with offset. */
  readonly at: string;
  /** Milliseconds the run took. */
  readonly ms: number;
  /** Whether the run could open and read the sheet. */
  readonly sawSheet: boolean;
  /** Mails sent by the run. */
  readonly sent: number;
  readonly outcome: 'ok' | 'busy' | 'failed';
  /** Per job: `name: summary`, or the reason of a failure (no personal data). */
  readonly summary: string;
}

export interface FailureStreak {
  /** When the first failed run of the streak started. */
  readonly since: string;
  readonly reason: string;
  readonly count: number;
  /** Whether the owner was mailed about this streak (once per streak). */
  readonly mailed: boolean;
}

export interface RunState {
  readonly last: LastRun | null;
  readonly failure: FailureStreak | null;
  /** The calendar day `dayMs` and `dayRuns` count for (sheet time zone). */
  readonly day: string;
  readonly dayMs: number;
  readonly dayRuns: number;
}

const EMPTY: RunState = { last: null, failure: null, day: '', dayMs: 0, dayRuns: 0 };

export function readRunState(store: DocumentStore): RunState {
  const raw = store.get(KEY);
  if (!raw) return EMPTY;
  try {
    const parsed = JSON.parse(raw) as Partial<RunState>;
    return { ...EMPTY, ...parsed };
  } catch {
    return EMPTY; // a hand-edited or truncated value: start afresh rather than fail every run
  }
}

/** Records one finished run (`today` in the sheet's zone); a run that did its work ends a failure streak. */
export function recordRun(store: DocumentStore, run: LastRun, today: string): RunState {
  const before = readRunState(store);
  const sameDay = before.day === today;
  const next: RunState = {
    last: run,
    failure:
      run.outcome === 'ok'
        ? null
        : run.outcome === 'failed'
          ? {
              since: before.failure?.since ?? run.at,
              reason: run.summary,
              count: (before.failure?.count ?? 0) + 1,
              mailed: before.failure?.mailed ?? false,
            }
          : before.failure,
    day: today,
    dayMs: (sameDay ? before.dayMs : 0) + run.ms,
    dayRuns: (sameDay ? before.dayRuns : 0) + 1,
  };
  store.set(KEY, JSON.stringify(next));
  return next;
}

/** Notes that the owner was mailed about the current failure streak. */
export function markFailureMailed(store: DocumentStore): void {
  const state = readRunState(store);
  if (state.failure)
    store.set(KEY, JSON.stringify({ ...state, failure: { ...state.failure, mailed: true } }));
}

/** Today's total trigger time in ms (0 when the last recorded day is not today). */
export function todaysRunMs(state: RunState, today: string): number {
  return state.day === today ? state.dayMs : 0;
}

/** A run that could not open the document: what was missing, noted under its trigger's id. */
export interface NoSheetNote {
  readonly at: string;
  readonly missing: readonly string[];
}

export function recordNoSheet(userStore: DocumentStore, triggerId: string, note: NoSheetNote): void {
  userStore.set(NO_SHEET_PREFIX + triggerId, JSON.stringify(note));
}

/** The newest note of a run without the document among these trigger ids, or null. */
export function noSheetNote(userStore: DocumentStore, triggerIds: readonly string[]): NoSheetNote | null {
  let newest: NoSheetNote | null = null;
  for (const id of triggerIds) {
    const raw = userStore.get(NO_SHEET_PREFIX + id);
    if (!raw) continue;
    try {
      const note = JSON.parse(raw) as NoSheetNote;
      if (!newest || note.at > newest.at) newest = note;
    } catch {
      // ignore a damaged note
    }
  }
  return newest;
}

/** Forgets the notes of these triggers (the run opened the sheet again, or sending was turned off). */
export function clearNoSheet(userStore: DocumentStore, triggerIds: readonly string[]): void {
  for (const id of triggerIds) userStore.delete(NO_SHEET_PREFIX + id);
}
