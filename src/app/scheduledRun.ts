/**
 * The time-driven run as a whole (`runScheduledJobs`): who may start it, whether it can open the
 * document, when mail may go out, and what it leaves behind for people to see.
 *
 * Any editor can call every public function through google.script.run, and the trigger's event
 * object (`triggerUid`, `authMode`) is plain data a caller can forge. What the server can verify
 * is who the script runs as: so the run goes ahead only when the effective user is the recorded
 * owner of automatic sending (who turned it on) and the event names one of that user's own
 * triggers in this document (`ScriptApp.getUserTriggers`). Anyone else is refused before anything
 * is read, sent or written. The owner could still start a run by hand; it does what the trigger
 * would do within the hour, under the same lock, window and exactly-once rules.
 */
import { UserError } from '../core/errors';
import { escapeHtml } from '../core/html';
import { redactEmails } from '../core/redact';
import { ALL_LOCATIONS } from '../core/schema';
import { sendWindowClosed } from '../core/sendWindow';
import { logAction } from './audit';
import { AUTOMATION_OWNER_KEY, SCHEDULED_HANDLER } from './automation';
import { RequestContext, type Services } from './context';
import { type Job, RUN_BUDGET_MS, type RunReport, runScheduledJobs } from './jobs';
import { isSchoolDay } from './mailWindow';
import { clearNoSheet, FAILURES_BEFORE_MAIL, markFailureMailed, recordNoSheet, recordRun } from './runState';
import type { Language } from './texts/messages';

/** How the run ended: ran its jobs, found the lock busy, failed, could not open the sheet, or was off. */
export type RunOutcome = 'ok' | 'busy' | 'failed' | 'noSheet' | 'off';

export interface ScheduledRunResult extends RunReport {
  outcome: RunOutcome;
  /** Why it failed, for the person reading the execution log; no personal data. */
  reason?: string;
}

/** Turns an error into the user's message (and logs a bug with a code): the composition root's. */
export type Explain = (error: unknown, language: Language) => string;

function triggerUidOf(event: unknown): string {
  const uid = (event as { triggerUid?: unknown } | null | undefined)?.triggerUid;
  return typeof uid === 'string' || typeof uid === 'number' ? String(uid) : '';
}

/** Runs the scheduled jobs if, and only if, the owner's own trigger started this run. */
export function scheduledRun(
  services: Services,
  event: unknown,
  jobs: readonly Job[],
  explain: Explain,
): ScheduledRunResult {
  const { clock, environment, identity, store, triggers, userStore } = services;
  const started = clock.millis();
  const uid = triggerUidOf(event);

  const missing = environment.missingDocument();
  if (missing.length) {
    // A published add-on's trigger may get no document (Google does not document it either way).
    console.warn(
      `[Wegwijs] The scheduled run could not open the spreadsheet (${missing.join(', ')} unavailable): nothing was sent or written. Install Wegwijs in the spreadsheet itself (README, "Installing"), then turn automatic sending off and on.`,
    );
    if (uid) recordNoSheet(userStore, uid, { at: new Date(started).toISOString(), missing });
    return { ran: false, jobs: [], outcome: 'noSheet' };
  }

  if (!uid || !triggers.ids(SCHEDULED_HANDLER).includes(uid)) throw new UserError('error.scheduledOnly');
  const effective = identity.effectiveEmail();
  const owner = (store.get(AUTOMATION_OWNER_KEY) ?? '').toLowerCase();
  if (!owner || owner !== effective) {
    // This user's trigger outlived automatic sending (turned off, or on again by someone else):
    // it does nothing and removes itself, so it stops waking up every hour.
    triggers.remove(SCHEDULED_HANDLER);
    clearNoSheet(userStore, [uid]);
    console.warn(
      '[Wegwijs] Scheduled run skipped: automatic sending is not on in this user’s name. Trigger removed.',
    );
    return { ran: false, jobs: [], outcome: 'off' };
  }

  // In a time-driven run the active user is often empty: act as the owner, who runs the script.
  const runServices: Services = {
    ...services,
    identity: { email: () => effective, effectiveEmail: () => effective, locale: () => identity.locale() },
  };
  const ctx = new RequestContext(runServices);
  try {
    // Mail goes out in the owner's name: only while they are still a school leader in Instellingen.
    if (!(ctx.settings().schoolLeaders as readonly string[]).includes(owner))
      throw new UserError('error.ownerNotLeader');
    const closed = sendWindowClosed(clock.now(), ctx.settings().sendWindow, (day) =>
      isSchoolDay(ctx, ALL_LOCATIONS, day),
    );
    const report = runScheduledJobs(ctx, jobs, RUN_BUDGET_MS, closed);
    const sent = report.jobs.reduce((n, j) => n + Number(/\bsent (\d+)/.exec(j.summary)?.[1] ?? 0), 0);
    recordRun(
      store,
      {
        at: clock.now(),
        ms: clock.millis() - started,
        sawSheet: true,
        sent,
        outcome: report.ran ? 'ok' : 'busy',
        summary: report.jobs.map((j) => `${j.name}: ${j.summary}`).join('; '),
      },
      clock.today(),
    );
    return { ...report, outcome: report.ran ? 'ok' : 'busy' };
  } catch (error) {
    const reason = redactEmails(explain(error, ctx.language), '<adres>').slice(0, 300);
    return failed(services, effective, ctx.language, started, reason);
  }
}

/** A run that failed: one Logboek line, the streak recorded, and after N failures one mail to the owner. */
function failed(
  services: Services,
  owner: string,
  language: Language,
  started: number,
  reason: string,
): ScheduledRunResult {
  const { clock, store, lock } = services;
  const runServices: Services = {
    ...services,
    identity: { email: () => owner, effectiveEmail: () => owner, locale: () => language },
  };
  const state = recordRun(
    store,
    {
      at: clock.now(),
      ms: clock.millis() - started,
      sawSheet: true, // the document opened; what failed is in `reason`
      sent: 0,
      outcome: 'failed',
      summary: reason,
    },
    clock.today(),
  );
  console.warn(`[Wegwijs] Scheduled run failed (${state.failure?.count ?? 1} in a row): ${reason}`);
  // A fresh unit of work: nothing the failed job changed in memory is written with the log line.
  const logCtx = new RequestContext(runServices);
  try {
    lock.tryWith(0, () => {
      logAction(logCtx, logCtx.t('log.runFailed'), reason);
      logCtx.wb.commit();
    });
  } catch {
    // The Logboek itself may be what is broken; the status and the mail still tell.
  }
  const failure = state.failure;
  if (failure && failure.count >= FAILURES_BEFORE_MAIL && !failure.mailed && alertHour(clock.now())) {
    const t = logCtx.t.bind(logCtx);
    const params = { count: failure.count, since: failure.since.slice(0, 16).replace('T', ' '), reason };
    try {
      services.mailer.send({
        to: owner,
        senderName: 'Wegwijs',
        subject: t('runFailure.subject'),
        body: t('runFailure.body', params),
        htmlBody: `<p>${escapeHtml(t('runFailure.body', params)).replace(/\n/g, '<br>')}</p>`,
      });
      markFailureMailed(store);
    } catch {
      // Quota or mail trouble: the next failing run tries again.
    }
  }
  return { ran: false, jobs: [], outcome: 'failed', reason };
}

/** The alert goes out within the default sending window on weekdays (the sheet may be unreadable). */
function alertHour(now: string): boolean {
  const weekday = new Date(`${now.slice(0, 10)}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return sendWindowClosed(now, { from: 7 * 60, to: 18 * 60 }, () => true) === null;
}
