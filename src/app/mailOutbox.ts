/**
 * Exactly-once delivery of automatic mails. A journal in document properties records each attempt
 * before and after MailApp sends (a property write is immediate; a sheet write may not be), so:
 * - a crash between "sending" and "sent" leaves the mail `onbekend`, never sent again without a person;
 * - a failed sheet write after a send is repaired from the journal on the next run, not re-sent;
 * - a quota error leaves the rest pending for tomorrow; any other error marks that one mail failed.
 * The sheet cell shows the state to people; the journal entry is removed once the sheet has it.
 */
import { escapeHtml } from '../core/html';
import type { MailState } from '../core/mailState';
import { safeReason } from '../core/redact';
import { mailHtml } from '../core/template';
import type { RequestContext } from './context';
import type { OutgoingMail } from './ports';

const JOURNAL = 'mail:';
/** Google's message when the daily quota is spent. */
const QUOTA_MESSAGE = /too many times for one day/i;

/** One mail that may be due. The caller keeps the sheet row; the outbox only asks and tells. */
export interface MailJob {
  /** Stable id from `mailId`: the same mail always has the same id. */
  readonly id: string;
  /** The state now in the sheet cell. */
  readonly state: MailState;
  /** Whether a pending mail should go now (e.g. its day has come). */
  readonly due: boolean;
  /** Builds the mail, or says why it cannot go yet (stays pending; reported, not marked). */
  build(): OutgoingMail | { readonly skip: string };
  /** Writes a new state into the row (in memory; committed by the caller once per batch). */
  mark(state: MailState): void;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Rows that could not go yet, with the reason (for the sidebar and the weekly overview). */
  skipped: { id: string; reason: string }[];
  /** Rows found half-sent after a crash: now `onbekend`. */
  unknown: number;
  /** Due rows left pending because the quota or the time budget ran out. */
  left: number;
  stoppedBy: 'quota' | 'budget' | 'permission' | null;
}

/**
 * One job per mail id: rows that are copies of each other (a person listed twice, a copied
 * check-in or pairing row) are one mail. The row that says most leads (a sent, sending, unknown,
 * failed or skipped row over a pending one); the others follow its state and every later mark.
 */
function onePerMail(jobs: readonly MailJob[]): MailJob[] {
  const groups = new Map<string, MailJob[]>();
  for (const job of jobs) {
    const group = groups.get(job.id);
    if (group) group.push(job);
    else groups.set(job.id, [job]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0]!;
    const lead = group.find((j) => j.state.kind !== 'none' && j.state.kind !== 'pending') ?? group[0]!;
    if (lead.state.kind !== 'none' && lead.state.kind !== 'pending')
      for (const j of group) if (j !== lead) j.mark(lead.state);
    return {
      ...lead,
      due: group.some((j) => j.due),
      build: () => lead.build(),
      mark: (state: MailState) => {
        for (const j of group) j.mark(state);
      },
    };
  });
}

function recipientsOf(mail: OutgoingMail): number {
  return [mail.to, mail.cc ?? '']
    .join(',')
    .split(',')
    .filter((s) => s.trim()).length;
}

/**
 * Sends the due jobs once each. Call `settle()` of the result after the sheet changes are
 * committed and flushed: it clears the journal entries the sheet now reflects.
 */
export function deliver(
  ctx: RequestContext,
  jobs: readonly MailJob[],
  deadline: number,
): DeliveryReport & { settle(): void } {
  const { store, mailer, clock } = ctx.services;
  const report: DeliveryReport = { sent: 0, failed: 0, skipped: [], unknown: 0, left: 0, stoppedBy: null };
  const settled: string[] = [];
  let quota: number | null = null;
  // One read of the whole journal instead of a property call per row; none when nothing is due.
  const journals = jobs.length ? store.all() : {};

  for (const job of onePerMail(jobs)) {
    const journal = journals[JOURNAL + job.id];
    if (journal) {
      // A previous run got as far as the journal says; the sheet did not hear of it.
      const [word, at = ''] = journal.split(' ');
      job.mark(word === 'sent' ? { kind: 'sent', at } : { kind: 'unknown', since: at });
      if (word !== 'sent') report.unknown++;
      settled.push(job.id);
      continue;
    }
    if (job.state.kind === 'sending') {
      job.mark({ kind: 'unknown', since: job.state.since });
      report.unknown++;
      continue;
    }
    if (job.state.kind !== 'pending' || !job.due) continue;
    if (report.stoppedBy) {
      report.left++;
      continue;
    }
    if (clock.millis() >= deadline) {
      report.stoppedBy = 'budget';
      report.left++;
      continue;
    }
    const mail = job.build();
    if ('skip' in mail) {
      report.skipped.push({ id: job.id, reason: mail.skip });
      continue;
    }
    if (!ctx.hasPermission('mail')) {
      // The user declined "send email as you": the mail stays pending until the scope is granted.
      report.stoppedBy = 'permission';
      report.left++;
      continue;
    }
    if (quota === null) quota = mailer.remainingQuota();
    if (quota < recipientsOf(mail)) {
      report.stoppedBy = 'quota';
      report.left++;
      continue;
    }
    const now = clock.now();
    store.set(JOURNAL + job.id, `sending ${now}`);
    try {
      mailer.send(mail);
    } catch (error) {
      store.delete(JOURNAL + job.id);
      if (QUOTA_MESSAGE.test(error instanceof Error ? error.message : String(error))) {
        report.stoppedBy = 'quota';
        report.left++;
        continue;
      }
      job.mark({ kind: 'failed', reason: safeReason(error) });
      report.failed++;
      continue;
    }
    store.set(JOURNAL + job.id, `sent ${now}`);
    quota -= recipientsOf(mail);
    job.mark({ kind: 'sent', at: now });
    settled.push(job.id);
    report.sent++;
  }
  return {
    ...report,
    settle() {
      for (const id of settled) store.delete(JOURNAL + id);
    },
  };
}

/**
 * Sends the due jobs, then commits the sheet's marks in one unit with the flush and `settle()`
 * (the journal is cleared only once the sheet has the states).
 */
export function deliverAndCommit(
  ctx: RequestContext,
  jobs: readonly MailJob[],
  deadline: number,
): DeliveryReport & { settle(): void } {
  const report = deliver(ctx, jobs, deadline);
  ctx.wb.commit(() => {
    ctx.services.gateway.flush();
    report.settle();
  });
  return report;
}

/** A scheduled mail job's result: done unless a limit stopped it, with the counts for the log. */
export function deliverySummary(report: DeliveryReport): { done: boolean; summary: string } {
  return {
    done: report.stoppedBy === null,
    summary: `sent ${report.sent}, failed ${report.failed}, skipped ${report.skipped.length}, left ${report.left}`,
  };
}

/**
 * A notice the tool itself sends (an alert, a report): the text as plain body with the footer, and
 * as HTML `html` (by default the escaped text in one paragraph) in the mail frame.
 */
export function noticeMail(
  ctx: RequestContext,
  to: string,
  subject: string,
  text: string,
  html = `<p>${escapeHtml(text)}</p>`,
): OutgoingMail {
  const footer = ctx.t('mail.footer');
  return {
    to,
    senderName: ctx.settings().senderName || 'Wegwijs',
    subject,
    body: `${text}\n\n--\n${footer}`,
    htmlBody: mailHtml(subject, html, footer),
  };
}
