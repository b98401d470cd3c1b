/**
 * People who left: from their leaving date (or status `uit dienst`) they have no role, get no
 * mail, and their active pairings need attention. The chef buddy of the location is told once
 * per pairing by the scheduled run; the sidebar warns until the pairing is ended.
 */
import { formatMailState, mailId, parseMailState } from '../core/mailState';
import { normalizeName } from '../core/schema';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { deliver, deliverySummary, type MailJob, noticeMail } from './mailOutbox';
import { locationRuns } from './phases';
import type { OutgoingMail } from './ports';

/** Where the state of each "buddy left" alert is kept (hashed ids only, no personal data). */
const ALERT_PREFIX = 'buddyLeft:';

function alertMail(ctx: RequestContext, to: string, values: Record<string, string>): OutgoingMail {
  const subject = ctx.t('mail.buddyLeft.subject', values);
  const text = ctx.t('mail.buddyLeft.body', values);
  return noticeMail(ctx, to, subject, text);
}

/** Scheduled job: tells the chef buddy once about each active pairing whose buddy has left. */
export const leftBuddyAlerts: Job = {
  name: 'left-buddies',
  run(ctx, deadline) {
    if (!ctx.wb.tryTable('pairings') || !ctx.wb.tryTable('staff')) return { done: true, summary: 'no tabs' };
    const directory = ctx.directory();
    const left = directory
      .pairingRecords()
      .filter((r) => r.value.status === 'actief' && directory.hasLeft(r.value.buddy));
    // The hourly run mostly finds nobody: read Locaties and the properties only when someone left.
    if (!left.length) return { done: true, summary: 'nothing due' };
    const store = ctx.services.store;
    const stored = store.all();
    const locations = ctx.wb.tryTable('locations')?.records.map((r) => r.value) ?? [];
    const jobs: MailJob[] = left.map((r) => {
      const p = r.value;
      const id = mailId('buddy-left', p.newcomer, p.buddy, p.pairedOn);
      const key = ALERT_PREFIX + id;
      const chief =
        locations.find((l) => normalizeName(l.name) === normalizeName(p.location))?.chiefBuddy ?? '';
      const buddy = directory.person(p.buddy);
      return {
        id,
        state: stored[key] ? parseMailState(stored[key]) : { kind: 'pending', due: '' },
        due: locationRuns(ctx, p.location),
        build: () => {
          if (!chief || directory.hasLeft(chief))
            return { skip: ctx.t('welcome.noChiefBuddy', { location: p.location }) };
          return alertMail(ctx, chief, {
            buddy: buddy?.name || p.buddy,
            newcomer: directory.person(p.newcomer)?.name || p.newcomer,
            date: buddy?.leftOn || '—',
            location: p.location,
          });
        },
        mark: (state) => store.set(key, formatMailState(state)),
      };
    });
    const report = deliver(ctx, jobs, deadline);
    report.settle();
    return deliverySummary(report);
  },
};
