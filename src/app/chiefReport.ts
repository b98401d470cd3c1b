/**
 * The chef buddy's monthly report to the school leader (issue 14): the sidebar shows the chef
 * buddy their location's report on the previous month, where they may add a remark and say it
 * may go; the scheduled run sends it to each school leader exactly once, with the remark, or
 * without one once the wait (a setting) is over. Figures only: no notes, no worries' text, no
 * wellbeing of fewer than three people. The remark is kept in the document's properties.
 */
import { type ChiefReportFigures, chiefReportFigures, reportPeriod } from '../core/chiefReport';
import { UserError } from '../core/errors';
import { escapeHtml } from '../core/html';
import { formatMailState, mailId, parseMailState } from '../core/mailState';
import { assertChiefBuddyOf } from '../core/roles';
import { normalizeName } from '../core/schema';
import { expectText } from '../core/validate';
import type { ChiefReportDto } from '../shared/api';
import { MONTHS } from '../shared/language';
import { archivedRows } from './archive';
import { checkInsTable, staffDirectory } from './checkins';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { canonicalLocation } from './locations';
import { deliver, type MailJob, noticeMail } from './mailOutbox';
import type { OutgoingMail } from './ports';

/** Longest remark of the chef buddy. */
export const MAX_REPORT_REMARK = 1000;

const REMARK = 'chiefReport.remark:';
const READY = 'chiefReport.ready:';
const SENT = 'chiefReport.mail:';
/** Every location's report of a month went to every school leader: the hourly run reads nothing. */
const DONE = 'chiefReport.done:';

/** The ready flag carries the month, so the hourly run can see without reading a tab whether any waits. */
function readyKey(month: string, id: string): string {
  return `${READY}${month}:${id}`;
}

/** `2027-01` → "januari 2027". */
function monthLabel(ctx: RequestContext, month: string): string {
  return `${MONTHS[ctx.language][Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

function reportId(location: string, month: string): string {
  return mailId('chief-report', normalizeName(location), month);
}

function periodOf(ctx: RequestContext) {
  const s = ctx.settings();
  return reportPeriod(ctx.services.clock.today(), s.chiefReportDay, s.chiefReportWaitDays);
}

function figuresOf(
  ctx: RequestContext,
  location: string,
  period: ReturnType<typeof periodOf>,
): ChiefReportFigures {
  return chiefReportFigures({
    location,
    period,
    staff: staffDirectory(ctx)
      .staff()
      .filter((s) => s.email),
    // The month's check-ins include those of onboardings closed since (issue 19: in the archive).
    checkIns: [...checkInsTable(ctx).records.map((r) => r.value), ...archivedRows(ctx, 'checkIns')],
  });
}

/** The report's lines, as the mail and the sidebar show them. */
function reportLines(ctx: RequestContext, f: ChiefReportFigures): string[] {
  return [
    ctx.t('report.newcomers', { n: f.newcomers }),
    ctx.t('report.checkIns', { held: f.held, skipped: f.skipped, open: f.open }),
    ctx.t('report.goals', {
      reached: f.goals.bereikt,
      onTrack: f.goals['op koers'],
      adjusted: f.goals.bijgesteld,
    }),
    ctx.t('report.levels', { n: f.levels }),
    ctx.t('report.signals', { klik: f.clickSignals, worries: f.worries }),
    f.wellbeing === null
      ? ctx.t('report.noWellbeing', { min: 3 })
      : ctx.t('report.wellbeing', { value: f.wellbeing, people: f.wellbeingPeople }),
  ];
}

function sentState(ctx: RequestContext, id: string, month: string): 'wacht' | 'klaar' | 'verzonden' {
  const { store } = ctx.services;
  const leaders = ctx.settings().schoolLeaders;
  if (
    leaders.length &&
    leaders.every(
      (l) => parseMailState(store.get(SENT + mailId('chief-report-to', id, l)) ?? '').kind === 'sent',
    )
  )
    return 'verzonden';
  return store.get(readyKey(month, id)) ? 'klaar' : 'wacht';
}

/** The report of the chef buddy's location on the previous month, with their remark so far. */
export function getChiefReport(ctx: RequestContext, locationRaw: unknown): ChiefReportDto {
  const actor = ctx.actor();
  const location = canonicalLocation(ctx, expectText(locationRaw, 'location', 200));
  assertChiefBuddyOf(actor, location);
  const period = periodOf(ctx);
  const id = reportId(location, period.month);
  const today = ctx.services.clock.today();
  return {
    location,
    month: period.month,
    open: today >= period.opensOn,
    opensOn: period.opensOn,
    sendsOn: period.sendsOn,
    lines: reportLines(ctx, figuresOf(ctx, location, period)),
    remark: ctx.services.store.get(REMARK + id) ?? '',
    state: sentState(ctx, id, period.month),
  };
}

/** Saves the chef buddy's remark; `ready`: it may go with the next scheduled run. */
export function saveChiefReport(
  ctx: RequestContext,
  locationRaw: unknown,
  remarkRaw: unknown,
  readyRaw: unknown,
): ChiefReportDto {
  const actor = ctx.actor();
  const location = canonicalLocation(ctx, expectText(locationRaw, 'location', 200));
  assertChiefBuddyOf(actor, location);
  if (typeof remarkRaw !== 'string') throw new UserError('report.invalidRemark', { max: MAX_REPORT_REMARK });
  const remark = remarkRaw.trim();
  if (remark.length > MAX_REPORT_REMARK)
    throw new UserError('report.invalidRemark', { max: MAX_REPORT_REMARK });
  if (typeof readyRaw !== 'boolean') throw new UserError('report.invalidRemark', { max: MAX_REPORT_REMARK });
  return ctx.locked(() => {
    const period = periodOf(ctx);
    if (ctx.services.clock.today() < period.opensOn)
      throw new UserError('report.notOpen', { date: period.opensOn });
    const id = reportId(location, period.month);
    if (sentState(ctx, id, period.month) === 'verzonden') throw new UserError('report.alreadySent');
    const { store } = ctx.services;
    if (remark) store.set(REMARK + id, remark);
    else store.delete(REMARK + id);
    if (readyRaw) store.set(readyKey(period.month, id), '1');
    else store.delete(readyKey(period.month, id));
    return getChiefReport(ctx, location);
  });
}

function reportMail(
  ctx: RequestContext,
  to: string,
  location: string,
  month: string,
  lines: string[],
  remark: string,
): OutgoingMail {
  const subject = ctx.t('report.subject', { location, month: monthLabel(ctx, month) });
  const text = [
    ctx.t('report.intro', { location, month: monthLabel(ctx, month) }),
    '',
    ...lines,
    '',
    remark ? ctx.t('report.remark', { remark }) : ctx.t('report.noRemark'),
  ].join('\n');
  return noticeMail(ctx, to, subject, text, `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`);
}

/**
 * Scheduled job: once a month per location, from the opening day: when the chef buddy said it may
 * go, or the wait is over, the report goes to each school leader, once.
 */
export const chiefMonthlyReports: Job = {
  name: 'chief-reports',
  run(ctx, deadline) {
    const period = periodOf(ctx);
    const today = ctx.services.clock.today();
    if (today < period.opensOn) return { done: true, summary: 'not open yet' };
    const leaders = ctx.settings().schoolLeaders;
    if (!leaders.length) return { done: true, summary: 'no school leader' };
    const { store } = ctx.services;
    const stored = store.all();
    // The hourly run mostly has nothing to do: decide that from the properties, without a tab.
    if (stored[DONE + period.month]) return { done: true, summary: 'sent 0, done this month' };
    const anyReady = Object.keys(stored).some((k) => k.startsWith(`${READY}${period.month}:`));
    if (today < period.sendsOn && !anyReady) return { done: true, summary: 'waiting for remarks' };
    const locations = (ctx.wb.tryTable('locations')?.records ?? [])
      .map((r) => r.value)
      .filter((l) => l.name && l.chiefBuddy);
    const jobs: MailJob[] = [];
    let waiting = 0;
    for (const l of locations) {
      const id = reportId(l.name, period.month);
      const goes = today >= period.sendsOn || Boolean(stored[readyKey(period.month, id)]);
      for (const leader of leaders) {
        const mail = mailId('chief-report-to', id, leader);
        const state = stored[SENT + mail]
          ? parseMailState(stored[SENT + mail]!)
          : { kind: 'pending' as const, due: '' };
        if (state.kind === 'sent') continue;
        waiting++;
        if (!goes) continue;
        jobs.push({
          id: mail,
          state,
          due: true,
          build: () =>
            reportMail(
              ctx,
              leader,
              l.name,
              period.month,
              reportLines(ctx, figuresOf(ctx, l.name, period)),
              stored[REMARK + id] ?? '',
            ),
          mark: (s) => store.set(SENT + mail, formatMailState(s)),
        });
      }
    }
    if (!waiting) {
      store.set(DONE + period.month, '1');
      return { done: true, summary: 'sent 0, done this month' };
    }
    if (!jobs.length) return { done: true, summary: 'nothing due' };
    const report = deliver(ctx, jobs, deadline);
    report.settle();
    if (report.sent === waiting) store.set(DONE + period.month, '1');
    return {
      done: report.stoppedBy === null,
      summary: `sent ${report.sent}, failed ${report.failed}, left ${report.left}`,
    };
  },
};
