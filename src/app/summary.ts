/**
 * The closing summary for the newcomer's competence file (issue 14): once the onboarding is
 * closed, the newcomer downloads it from Mijn Wegwijs as a PDF. Only they may: it is theirs.
 * Goals and how they ended, competences with their last level, agreements for after; notes,
 * worries and wellbeing never.
 */

import { OUTCOME_EN, type Outcome, parseOutcomes } from '../core/closing';
import { UserError } from '../core/errors';
import type { Email } from '../core/identity';
import { mayRespondAsNewcomer } from '../core/roles';
import { closingSummary, summaryHtml } from '../core/summary';
import type { IcsFileDto } from '../shared/api';
import { archivedRows } from './archive';
import type { RequestContext } from './context';

/** The day the newcomer's onboarding was closed ('' while it is not). */
export function closedOn(ctx: RequestContext, email: Email): string {
  const directory = ctx.directory();
  const me = directory.person(email);
  if (!me || me.status === 'nieuw') return '';
  return (
    directory
      .pairingRecords()
      .map((r) => r.value)
      .filter((p) => p.status === 'afgerond' && p.newcomer === email)
      .map((p) => p.endedOn)
      .sort()
      .pop() ?? ''
  );
}

/** The summary as a PDF file (base64), for the newcomer themself once their onboarding is closed. */
export function getClosingSummary(ctx: RequestContext): IcsFileDto {
  const actor = ctx.actor();
  const directory = ctx.directory();
  const me = directory.person(actor.email);
  if (!me || !mayRespondAsNewcomer(actor, me)) throw new UserError('summary.onlyOwn');
  const closed = closedOn(ctx, me.email);
  if (!closed) throw new UserError('summary.notClosed');
  // A closed onboarding's check-ins are in the archive (issue 19); live rows still count.
  const rows = [...directory.checkInRecords().map((r) => r.value), ...archivedRows(ctx, 'checkIns')].filter(
    (r) => r.newcomer === me.email,
  );
  // The evaluation given at closing, kept on the staff row (absent on a sheet from before it).
  const evaluation = {
    goals: parseOutcomes(me.closingGoals ?? ''),
    agreements: String(me.closingAgreements ?? '').trim(),
  };
  const html = summaryHtml(closingSummary(rows, evaluation), {
    title: ctx.t('summary.title', { name: me.name }),
    intro: ctx.t('summary.intro', { location: me.location, start: me.startDate || '—', date: closed }),
    goals: ctx.t('summary.goals'),
    noGoals: ctx.t('summary.noGoals'),
    from: ctx.t('summary.from'),
    to: ctx.t('summary.to'),
    competences: ctx.t('summary.competences'),
    noLevels: ctx.t('summary.noLevels'),
    agreements: ctx.t('summary.agreements'),
    noAgreements: ctx.t('summary.noAgreements'),
    evaluation: ctx.t('summary.evaluation'),
    outcome: ctx.t('summary.outcome'),
    remark: ctx.t('summary.remark'),
    closingAgreements: ctx.t('summary.closingAgreements'),
    outcomeText: (status) => (ctx.language === 'en' ? (OUTCOME_EN[status as Outcome] ?? status) : status),
    footer: ctx.t('summary.footer'),
  });
  const slug = me.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const filename = `bekwaamheidsdossier-${slug || 'inwerken'}.pdf`;
  return { filename, mimeType: 'application/pdf', content: ctx.services.documents.pdf(html, filename) };
}
