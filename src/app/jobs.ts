/**
 * The scheduled run (`runScheduledJobs`): takes the document lock (skips cleanly when another run
 * or a sidebar action holds it), runs each job within a time budget well under Apps Script's six
 * minutes, and records when it ran. Jobs save their own cursor and continue on the next run.
 */
import { LAST_RUN_KEY } from './automation';
import type { RequestContext } from './context';

/** The budget of one run: Apps Script kills a run at 6 minutes, uncatchably. */
export const RUN_BUDGET_MS = 4.5 * 60_000;

/** A job's answer: everything due is handled, or it stopped at the budget and continues next run. */
export type JobOutcome = { done: boolean; summary: string };

export interface Job {
  readonly name: string;
  /** Sends mail to people: waits while the sending window is closed. */
  readonly sendsMail?: boolean;
  run(ctx: RequestContext, deadline: number): JobOutcome;
}

export interface RunReport {
  ran: boolean;
  jobs: { name: string; done: boolean; summary: string }[];
}

/**
 * Runs every job in order, under the document lock, until the budget is spent. While
 * `mailClosed` names why the sending window is closed, jobs that mail people wait.
 */
export function runScheduledJobs(
  ctx: RequestContext,
  jobs: readonly Job[],
  budgetMs = RUN_BUDGET_MS,
  mailClosed: string | null = null,
): RunReport {
  const { clock, lock, store } = ctx.services;
  const deadline = clock.millis() + budgetMs;
  const outcome = lock.tryWith(0, () => {
    const results: RunReport['jobs'] = [];
    for (const job of jobs) {
      if (clock.millis() >= deadline) {
        results.push({ name: job.name, done: false, summary: 'budget' });
        continue;
      }
      if (job.sendsMail && mailClosed) {
        results.push({
          name: job.name,
          done: false,
          summary: `waits for the sending window (${mailClosed})`,
        });
        continue;
      }
      results.push({ name: job.name, ...job.run(ctx, deadline) });
    }
    store.set(LAST_RUN_KEY, clock.now());
    return results;
  });
  return outcome.ran ? { ran: true, jobs: outcome.value } : { ran: false, jobs: [] };
}
