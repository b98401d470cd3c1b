/**
 * Buddy pairing for chef buddies and the school leader: the overview per location, ranked
 * suggestions with reasons, pairing and ending a pair, and whole-location proposals. Every change
 * re-checks roles and eligibility under the document lock, and the buddy gets one mail per pair.
 */

import { UserError } from '../core/errors';
import { type Email, emailIn } from '../core/identity';
import { formatMailState, mailId, parseMailState } from '../core/mailState';
import * as buddyRules from '../core/pairing';
import {
  buddyCapacity,
  buddyLoads,
  type Exclusion,
  eligibility,
  onlyRules,
  type PairingInput,
  type Reason,
  unpairedNewcomers,
} from '../core/pairing';
import * as proposal from '../core/pairingProposal';
import { type Actor, assertCanManage } from '../core/roles';
import { normalizeName, type RowOf } from '../core/schema';
import { fitOutOfTen, scoreScale } from '../core/scoreScale';
import type { TableRecord } from '../core/table';
import { expectEmail, expectText } from '../core/validate';
import type {
  PairDto,
  PairInput,
  PairingOverview,
  PairingResult,
  ProposalDto,
  SuggestionsDto,
} from '../shared/api';
import { longDate } from '../shared/language';
import { logAction } from './audit';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { canonicalLocation } from './locations';
import { type DeliveryReport, deliverAndCommit, type MailJob } from './mailOutbox';
import { dayOffToday } from './mailWindow';
import { composeMail, firstName } from './messages';
import { buddyTaskText } from './packet';
import { locationRuns } from './phases';
import { refreshSchedulesOf, saveInUnit } from './schedule';

/** How long a sidebar call may spend sending buddy mails; the rest goes with the scheduled run. */
const SIDEBAR_MAIL_BUDGET_MS = 60_000;
/** Most pairs accepted in one `applyPairs` call. */
export const MAX_PAIRS_PER_CALL = 200;

type Staff = RowOf<'staff'>;

/** Whether a staff row can take part in pairing: its e-mail is one readable address. */
function usable(record: TableRecord<'staff'>): boolean {
  return !record.problems.some((p) => p.code === 'notAnEmail');
}

/**
 * Reads what pairing needs: staff (one row per person, rows whose e-mail cannot be read left
 * out), pairings (copied rows once) and locations, each tab once.
 */
export function pairingInput(ctx: RequestContext): PairingInput {
  ctx.wb.table('staff');
  ctx.wb.table('pairings');
  const directory = ctx.directory();
  return {
    staff: directory
      .staffRecords()
      .filter(usable)
      .map((r) => r.value),
    pairings: directory.pairings(),
    locations: ctx.wb.table('locations').records.map((r) => r.value),
    settings: ctx.settings(),
    today: ctx.services.clock.today(),
  };
}

/** Why a buddy fits (`reason.<code>`) or is left out (`excl.<code>`), as a sentence. */
function reasonText(ctx: RequestContext, reason: Reason | Exclusion): string {
  const params: Record<string, string | number> = { ...reason.params };
  if (params.status === '') params.status = '—';
  return ctx.t('points' in reason ? `reason.${reason.code}` : `excl.${reason.code}`, params);
}

/** A pair as the use cases check it: both addresses read at the boundary. */
type EmailPair = { readonly newcomer: Email; readonly buddy: Email };

/** A person by e-mail, from the directory: their row when it can be used for pairing. */
type People = (email: Email) => Staff | undefined;

function peopleOf(ctx: RequestContext): People {
  const directory = ctx.directory();
  return (email) => {
    const record = directory.personRecord(email);
    return record && usable(record) ? record.value : undefined;
  };
}

/** Newcomers of a location left out of pairing because their row cannot be used, with why. */
function unusableNewcomers(ctx: RequestContext, location: string) {
  const table = ctx.wb.table('staff');
  return ctx
    .directory()
    .staffRecords()
    .filter(
      (r) =>
        r.value.status === 'nieuw' &&
        !usable(r) &&
        normalizeName(r.value.location) === normalizeName(location),
    )
    .map((r) => ({
      newcomer: r.value.email,
      name: r.value.name,
      why: ctx.t('unassigned.unreadableEmail', { tab: table.sheetName, row: r.sheetRow }),
    }));
}

/** The pairing overview of one location, for the sidebar. */
export function pairingOverview(ctx: RequestContext, actor: Actor, location: string): PairingOverview {
  const name = canonicalLocation(ctx, location);
  assertCanManage(actor, name);
  const input = pairingInput(ctx);
  const people = peopleOf(ctx);
  const here = normalizeName(name);
  const pairs: PairDto[] = input.pairings
    .filter((p) => p.status === 'actief' && normalizeName(p.location) === here)
    .map((p) => {
      const state = parseMailState(p.buddyMail);
      return {
        newcomer: p.newcomer,
        newcomerName: people(p.newcomer)?.name ?? p.newcomer,
        buddy: p.buddy,
        buddyName: people(p.buddy)?.name ?? p.buddy,
        pairedOn: p.pairedOn,
        mail: p.buddyMail,
        mailKind: state.kind,
      };
    })
    .sort((a, b) => a.newcomerName.localeCompare(b.newcomerName, 'nl'));
  const loads = [...buddyLoads(input.pairings.filter((p) => normalizeName(p.location) === here)).entries()]
    .map(([email, load]) => {
      const person = people(email);
      const capacity = person
        ? buddyCapacity(person, input.locations, input.settings)
        : input.settings.defaultMaxPerBuddy;
      return { email, name: person?.name ?? email, load, capacity };
    })
    .sort((a, b) => b.load / b.capacity - a.load / a.capacity || a.name.localeCompare(b.name, 'nl'));
  const unpaired = unpairedNewcomers(input, name).map((w) => ({
    email: w.email,
    name: w.name,
    role: w.role,
    startDate: w.startDate,
    daysUntilStart: w.daysUntilStart,
    overdue: w.overdue,
  }));
  return { location: name, unpaired, pairs, loads };
}

/** Ranked suggestions for one newcomer, with reasons; and who cannot be buddy, with why. */
export function suggestBuddies(ctx: RequestContext, newcomerRaw: unknown): SuggestionsDto {
  const newcomerEmail = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  const input = pairingInput(ctx);
  const result = buddyRules.suggestBuddies(newcomerEmail, input);
  if (!result) throw new UserError('pairing.unknownNewcomer');
  assertCanManage(actor, result.newcomer.location);
  const endedBefore = new Map(
    input.pairings
      .filter((p) => p.status === 'beëindigd' && p.newcomer === newcomerEmail)
      .map((p) => [p.buddy, p.reason] as const),
  );
  // The location's chef buddy may be suggested too: the card says so, as the packet will.
  const chief =
    input.locations.find((l) => normalizeName(l.name) === normalizeName(result.newcomer.location))
      ?.chiefBuddy ?? '';
  const scale = scoreScale(input.settings);
  const chiefNote = (email: Email) =>
    chief && email === chief
      ? { note: ctx.t(chief === actor.email ? 'pairing.chiefIsYou' : 'pairing.chiefIsBuddy') }
      : {};
  return {
    newcomer: {
      email: result.newcomer.email,
      name: result.newcomer.name,
      location: result.newcomer.location,
      startDate: result.newcomer.startDate,
      currentBuddy: result.newcomer.currentBuddy,
    },
    // A buddy whose pairing with this newcomer ended before comes last, with the reason shown.
    suggestions: [...result.suggestions]
      .map((s) => ({ s, ended: endedBefore.get(s.email) }))
      .sort((a, b) => Number(a.ended !== undefined) - Number(b.ended !== undefined))
      .slice(0, 25)
      .map(({ s, ended }) => ({
        email: s.email,
        name: s.name,
        score: Math.round(s.score * 10) / 10,
        fit: fitOutOfTen(s.score, scale),
        reasons: [
          ...(ended !== undefined ? [ctx.t('reason.endedBefore', { reason: ended || '—' })] : []),
          ...s.reasons.map((r) => reasonText(ctx, r)),
        ],
        load: s.load,
        capacity: s.capacity,
        ...chiefNote(s.email),
      })),
    scale,
    excluded: result.excluded.slice(0, 200).map((e) => ({
      email: e.email,
      name: e.name,
      reasons: e.exclusions.map((x) => reasonText(ctx, x)),
      // Only buddy rules stand in the way: a chef buddy may pair after confirming.
      ...(onlyRules(e.exclusions) ? { ruleOnly: true } : {}),
      ...(e.exclusions.some((x) => x.code === 'otherLocation') ? { otherLocation: true } : {}),
    })),
  };
}

/** A whole-location proposal (nothing is written). */
export function proposePairs(ctx: RequestContext, locationRaw: unknown): ProposalDto {
  const location = canonicalLocation(ctx, expectText(locationRaw, 'location', 200));
  assertCanManage(ctx.actor(), location);
  const input = pairingInput(ctx);
  const proposed = proposal.proposePairs(location, input);
  const scale = scoreScale(input.settings);
  return {
    location,
    scale,
    pairs: proposed.pairs.map((p) => ({
      newcomer: p.newcomer,
      newcomerName: p.newcomerName,
      buddy: p.buddy,
      buddyName: p.buddyName,
      score: Math.round(p.score * 10) / 10,
      fit: fitOutOfTen(p.score, scale),
      reasons: p.reasons.map((r) => reasonText(ctx, r)),
    })),
    unassigned: [
      ...proposed.unassigned.map((u) => ({
        newcomer: u.newcomer,
        name: u.name,
        why: ctx.t(`unassigned.${u.why}`, { candidates: u.candidates }),
      })),
      ...unusableNewcomers(ctx, location),
    ],
  };
}

/** The buddy notification for one pairing row, as a mail job. */
function buddyMailJob(ctx: RequestContext, record: TableRecord<'pairings'>, people: People): MailJob {
  const pairings = ctx.wb.table('pairings');
  const p = record.value;
  const newcomer = people(p.newcomer);
  const buddy = people(p.buddy);
  const chiefEmail = ctx.directory().location(p.location)?.chiefBuddy ?? '';
  const chief = people(chiefEmail);
  return {
    id: mailId('buddy', p.newcomer, p.buddy, p.pairedOn),
    state: parseMailState(p.buddyMail),
    due: true,
    build: () =>
      composeMail(ctx, {
        kind: 'buddy-koppeling',
        location: p.location,
        to: p.buddy,
        replyTo: chiefEmail,
        values: {
          'buddy.voornaam': firstName(buddy?.name ?? ''),
          'buddy.naam': buddy?.name ?? '',
          'nieuwecollega.naam': newcomer?.name ?? '',
          'nieuwecollega.voornaam': firstName(newcomer?.name ?? ''),
          'nieuwecollega.email': p.newcomer,
          startdatum: newcomer?.startDate ? longDate(newcomer.startDate, 'nl') : '',
          locatie: p.location,
          'chefbuddy.naam': chief?.name ?? chiefEmail,
          'chefbuddy.email': chiefEmail,
          buddytaak: buddyTaskText(ctx, p.location),
        },
      }),
    mark: (state) => {
      const current = pairings.records.find((r) => r.sheetRow === record.sheetRow);
      if (current) pairings.update(current, { buddyMail: formatMailState(state) });
    },
  };
}

/** Sends the pending buddy mails among `records`, commits, and clears the journal. */
function sendBuddyMails(
  ctx: RequestContext,
  records: readonly TableRecord<'pairings'>[],
  deadline: number,
): DeliveryReport {
  const people = peopleOf(ctx);
  const jobs = records.map((r) => buddyMailJob(ctx, r, people));
  return deliverAndCommit(ctx, jobs, deadline);
}

function mailMessage(ctx: RequestContext, report: DeliveryReport): string {
  if (report.sent > 0 && report.failed === 0 && report.skipped.length === 0 && report.left === 0) {
    return ctx.t('pairing.mailSent');
  }
  if (report.failed > 0) return ctx.t('pairing.mailFailed');
  if (report.skipped.length > 0) return ctx.t('pairing.mailSkipped', { reason: report.skipped[0]!.reason });
  return ctx.t('pairing.mailQueued');
}

type Checked =
  | { ok: true; newcomer: Staff; buddy: Staff; exception: string }
  | { ok: false; reason: string; already?: boolean };

/**
 * Re-checks one pair against the sheet as it is now (called under the lock). A buddy who misses
 * only a buddy rule passes when `confirmedRule` is true, with the exception to record.
 */
function checkPair(
  ctx: RequestContext,
  actor: Actor,
  input: PairingInput,
  pair: EmailPair,
  confirmedRule = false,
): Checked {
  const people = peopleOf(ctx);
  const newcomer = people(pair.newcomer);
  if (!newcomer) return { ok: false, reason: ctx.t('pairing.unknownNewcomer') };
  assertCanManage(actor, newcomer.location);
  const active = input.pairings.find((p) => p.status === 'actief' && p.newcomer === pair.newcomer);
  if (active && active.buddy === pair.buddy) {
    return {
      ok: false,
      already: true,
      reason: ctx.t('pairing.already', {
        newcomer: newcomer.name,
        buddy: people(active.buddy)?.name ?? active.buddy,
      }),
    };
  }
  if (active) return { ok: false, reason: ctx.t('pairing.alreadyPaired', { name: newcomer.name }) };
  if (newcomer.status !== 'nieuw')
    return { ok: false, reason: ctx.t('pairing.notNewcomer', { name: newcomer.name }) };
  const buddy = people(pair.buddy);
  if (!buddy) return { ok: false, reason: ctx.t('pairing.unknownBuddy') };
  const verdict = eligibility(buddy, newcomer, input);
  if (!verdict.eligible && onlyRules(verdict.exclusions)) {
    const rule = verdict.exclusions.map((x) => reasonText(ctx, x)).join('; ');
    if (!confirmedRule) return { ok: false, reason: ctx.t('pairing.ruleNeedsConfirm', { rule }) };
    return {
      ok: true,
      newcomer,
      buddy,
      exception: ctx.t('pairing.ruleException', { rule }),
    };
  }
  if (!verdict.eligible) {
    return {
      ok: false,
      reason: ctx.t('pairing.notEligible', {
        name: buddy.name,
        reason: reasonText(ctx, verdict.exclusions[0]!),
      }),
    };
  }
  return { ok: true, newcomer, buddy, exception: '' };
}

/**
 * Makes the pairs that still pass every check, in order, so each sees the loads of the ones
 * before: two chef buddies pairing at once can never push a buddy over capacity.
 */
function makePairs(
  ctx: RequestContext,
  actor: Actor,
  pairs: readonly EmailPair[],
  confirmedRule = false,
): { made: TableRecord<'pairings'>[]; rejected: { newcomer: string; reason: string; already?: boolean }[] } {
  const table = ctx.wb.table('pairings', {
    needs: ['pairedBy', 'buddyMail', 'reason', ...(confirmedRule ? (['exception'] as const) : [])],
  });
  const input = pairingInput(ctx);
  const pairings = [...input.pairings];
  const made: TableRecord<'pairings'>[] = [];
  const rejected: { newcomer: string; reason: string; already?: boolean }[] = [];
  for (const pair of pairs) {
    const checked = checkPair(ctx, actor, { ...input, pairings }, pair, confirmedRule);
    if (!checked.ok) {
      rejected.push({
        newcomer: pair.newcomer,
        reason: checked.reason,
        ...(checked.already ? { already: true } : {}),
      });
      continue;
    }
    const row: RowOf<'pairings'> = {
      newcomer: checked.newcomer.email,
      buddy: checked.buddy.email,
      location: checked.newcomer.location,
      pairedOn: input.today,
      pairedBy: actor.email,
      status: 'actief',
      reason: '',
      buddyMail: formatMailState({ kind: 'pending', due: '' }),
      endedOn: '',
      hold: false,
      exception: checked.exception,
    };
    table.append(row);
    pairings.push(row);
    made.push(table.records[table.records.length - 1]!);
  }
  return { made, rejected };
}

/**
 * "Koppel": pairs one newcomer with one buddy. A second identical call changes nothing. A buddy
 * below a buddy rule is refused unless `confirmRaw` is exactly `true` (the sidebar asks first);
 * then the pairing row records the exception.
 */
export function assignBuddy(
  ctx: RequestContext,
  newcomerRaw: unknown,
  buddyRaw: unknown,
  confirmRaw: unknown = false,
): PairingResult {
  const pair = {
    newcomer: expectEmail(newcomerRaw, 'newcomer'),
    buddy: expectEmail(buddyRaw, 'buddy'),
  };
  if (confirmRaw !== undefined && confirmRaw !== null && typeof confirmRaw !== 'boolean')
    throw new UserError('arg.notBoolean', { field: 'bevestiging' });
  const confirmed = confirmRaw === true;
  const actor = ctx.actor();
  return ctx.locked(() => {
    const { made, rejected } = makePairs(ctx, actor, [pair], confirmed);
    const refusal = rejected[0];
    if (refusal && !refusal.already) throw new UserError('error.plain', { message: refusal.reason });
    if (refusal?.already) return { message: refusal.reason, applied: 0, rejected: [] };
    const record = made[0]!;
    logAction(ctx, ctx.t('log.paired'), record.value.location);
    const names = peopleOf(ctx);
    const newcomerName = names(pair.newcomer)?.name ?? pair.newcomer;
    // The school's setting: pairing saves the schedule in this same unit of work, before any mail.
    const schedule = ctx.settings().pairMakesSchedule
      ? scheduleWithPair(ctx, actor, record.value.newcomer, newcomerName)
      : null;
    if (!schedule) refreshSchedulesOf(ctx, [record.value.newcomer]);
    const assigned = ctx.t('pairing.assigned', {
      newcomer: newcomerName,
      buddy: names(pair.buddy)?.name ?? pair.buddy,
    });
    const report = sendBuddyMails(ctx, made, ctx.services.clock.millis() + SIDEBAR_MAIL_BUDGET_MS);
    const message = [assigned, schedule?.message ?? '', mailMessage(ctx, report)].filter(Boolean).join(' ');
    return { message, applied: 1, rejected: [], ...(schedule ? { schedule: schedule.message } : {}) };
  });
}

/**
 * The schedule saved with a pairing (setting `pairMakesSchedule`). When it cannot be made the
 * whole call is refused, so the pairing row is not written either and no mail goes.
 */
function scheduleWithPair(ctx: RequestContext, actor: Actor, newcomer: Email, name: string) {
  try {
    return saveInUnit(ctx, actor, newcomer);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError('pairing.scheduleRefused', { name, reason: ctx.t(e.key, e.params) });
  }
}

/** "Stel koppelingen voor" → "Toepassen": makes the (possibly edited) proposal in one step. */
export function applyPairs(ctx: RequestContext, locationRaw: unknown, pairsRaw: unknown): PairingResult {
  const location = expectText(locationRaw, 'location', 200);
  if (!Array.isArray(pairsRaw)) throw new UserError('arg.notList', { field: 'pairs' });
  if (pairsRaw.length > MAX_PAIRS_PER_CALL)
    throw new UserError('pairing.tooMany', { max: MAX_PAIRS_PER_CALL });
  // A pair that cannot be read is left out with its reason; the others are still made.
  const unreadable: { newcomer: string; reason: string }[] = [];
  const pairs: EmailPair[] = [];
  pairsRaw.forEach((p: unknown, i) => {
    if (typeof p !== 'object' || p === null)
      throw new UserError('arg.notObjectAt', { field: 'pairs', index: i + 1 });
    const o = p as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => k !== 'newcomer' && k !== 'buddy');
    if (extra.length) throw new UserError('arg.unknownField', { field: extra[0]!.slice(0, 40) });
    const newcomer = typeof o.newcomer === 'string' ? (emailIn(o.newcomer) ?? '') : '';
    const buddy = typeof o.buddy === 'string' ? (emailIn(o.buddy) ?? '') : '';
    if (newcomer && buddy) pairs.push({ newcomer, buddy });
    else
      unreadable.push({
        newcomer: typeof o.newcomer === 'string' ? o.newcomer.slice(0, 254) : '',
        reason: ctx.t('pairing.unreadablePair', {
          index: i + 1,
          field: ctx.t(newcomer ? 'field.buddy' : 'field.newcomer'),
        }),
      });
  });
  const actor = ctx.actor();
  const name = canonicalLocation(ctx, location);
  assertCanManage(actor, name);
  return ctx.locked(() => {
    const people = peopleOf(ctx);
    for (const pair of pairs) {
      const newcomer = people(pair.newcomer);
      if (newcomer && normalizeName(newcomer.location) !== normalizeName(name)) {
        throw new UserError('error.otherLocation', { location: newcomer.location });
      }
    }
    const made_ = makePairs(ctx, actor, pairs);
    const made = made_.made;
    const rejected = [...unreadable, ...made_.rejected];
    if (made.length) logAction(ctx, ctx.t('log.pairsApplied'), `${name}: ${made.length}`);
    refreshSchedulesOf(
      ctx,
      made.map((r) => r.value.newcomer),
    );
    const report = sendBuddyMails(ctx, made, ctx.services.clock.millis() + SIDEBAR_MAIL_BUDGET_MS);
    const message = [
      ctx.t('pairing.applied', { count: made.length }),
      rejected.length ? ctx.t('pairing.rejectedSome', { count: rejected.length }) : '',
      made.length ? mailMessage(ctx, report) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      message,
      applied: made.length,
      rejected: rejected.map((r) => ({ newcomer: r.newcomer, reason: r.reason })),
    };
  });
}

/** Ends the active pairing of a newcomer, with a reason (history is kept). */
export function endPairing(ctx: RequestContext, newcomerRaw: unknown, reasonRaw: unknown): PairingResult {
  const newcomer = expectEmail(newcomerRaw, 'newcomer');
  const reason = expectText(reasonRaw, 'reason', 500);
  if (!reason) throw new UserError('pairing.reasonRequired');
  const actor = ctx.actor();
  return ctx.locked(() => {
    const table = ctx.wb.table('pairings', { needs: ['reason', 'endedOn'] });
    const record = table.records.find((r) => r.value.status === 'actief' && r.value.newcomer === newcomer);
    const name = peopleOf(ctx)(newcomer)?.name ?? newcomer;
    if (!record) throw new UserError('pairing.noActivePair', { name });
    assertCanManage(actor, record.value.location);
    table.update(record, { status: 'beëindigd', reason, endedOn: ctx.services.clock.today() });
    logAction(ctx, ctx.t('log.pairEnded'), record.value.location);
    ctx.wb.commit();
    return { message: ctx.t('pairing.ended', { name }), applied: 0, rejected: [] };
  });
}

/** Scheduled job: buddy mails still pending (quota, a failed earlier try that a person reset). */
export const pendingBuddyMails: Job = {
  name: 'buddy-mails',
  run(ctx, deadline) {
    const table = ctx.wb.tryTable('pairings', { needs: ['buddyMail'] });
    if (!table) return { done: true, summary: 'no pairings tab' };
    const waiting = table.records.filter((r) => {
      const kind = parseMailState(r.value.buddyMail).kind;
      if (r.value.status !== 'actief') return false;
      // A pending mail waits for a school day at the pairing's location; a half-sent one is resolved now.
      return (
        kind === 'sending' ||
        (kind === 'pending' && !dayOffToday(ctx, r.value.location) && locationRuns(ctx, r.value.location))
      );
    });
    if (!waiting.length) return { done: true, summary: 'nothing due' };
    const report = sendBuddyMails(ctx, waiting, deadline);
    return {
      done: report.stoppedBy === null,
      summary: `sent ${report.sent}, failed ${report.failed}, skipped ${report.skipped.length}, left ${report.left}`,
    };
  },
};
