/**
 * Check-ins in the 4D coaching model: a newcomer's timeline, recording and skipping a check-in,
 * closing the onboarding, and the reminders of the scheduled run. Notes are seen only by the
 * school leader, the location's chef buddy and the buddy who wrote them. The overview across the
 * locations is `overview.ts`.
 */

import {
  type CheckInRow,
  checkInFields,
  compareCheckIns,
  currentGoals,
  dueReminders,
  growth,
  plannedCheckIn,
  repairSignal,
  type TimelineCheckIn,
  timeline,
  type Validation,
  validateCheckIn,
  validateSkipReason,
} from '../core/checkins';
import { type ClosingEvaluation, formatOutcomes, validateClosingEvaluation } from '../core/closing';
import { UserError } from '../core/errors';
import { escapeHtml } from '../core/html';
import type { Email } from '../core/identity';
import { formatMailState, type MailState, parseMailState } from '../core/mailState';
import { assertCanManage, manages, mayCloseOnboarding, maySeeCoaching, maySeeNotes } from '../core/roles';
import { normalizeName, type RowOf } from '../core/schema';
import { expectDate, expectEmail } from '../core/validate';
import type { CheckInResultDto, CheckInsDto, CoachingDto } from '../shared/api';
import { longDate } from '../shared/language';
import { archiveOnboardings } from './archive';
import { logAction } from './audit';
import type { RequestContext } from './context';
import type { Directory } from './directory';
import type { Job } from './jobs';
import { deliverAndCommit, deliverySummary, type MailJob, noticeMail } from './mailOutbox';
import { dayOffToday } from './mailWindow';
import { composeMail, firstName } from './messages';
import { locationRuns } from './phases';
import type { OutgoingMail } from './ports';
import { assertMayFollow } from './schedule';

export type Staff = RowOf<'staff'>;

/** The request's read model, with `Medewerkers` required (without it the action stops, naming it). */
export function staffDirectory(ctx: RequestContext): Directory {
  ctx.wb.table('staff');
  return ctx.directory();
}

/** The check-in input without its `noGoals` flag (which `validateCheckIn` does not know). */
function withoutNoGoals(raw: unknown): { noGoals: unknown; input: unknown } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('noGoals' in raw))
    return { noGoals: undefined, input: raw };
  const { noGoals, ...input } = raw as Record<string, unknown>;
  return { noGoals, input };
}

function newcomerOf(ctx: RequestContext, raw: unknown): Staff {
  const email = expectEmail(raw, 'newcomer');
  const person = staffDirectory(ctx).person(email);
  if (!person) throw new UserError('pairing.unknownNewcomer');
  return person;
}

function activeBuddy(ctx: RequestContext, newcomer: Email): Email {
  ctx.wb.table('pairings');
  return ctx.directory().activeBuddy(newcomer);
}

export function checkInsTable(ctx: RequestContext) {
  return ctx.wb.table('checkIns', {
    needs: ['skipped', 'recordedBy', 'reminder', 'lateNotice', 'chiefNotice'],
  });
}

/** Recording writes the 4D steps, worries, levels and goals: a sheet from before them needs setup first. */
function recordTable(ctx: RequestContext) {
  return ctx.wb.table('checkIns', {
    needs: [
      'skipped',
      'recordedBy',
      'reminder',
      'lateNotice',
      'chiefNotice',
      'discovery',
      'dream',
      'design',
      'worries',
      'levels',
      'goals',
    ],
  });
}

/** A timeline entry without its personal parts: those go only in `coaching`, where allowed. */
function publicPart(c: TimelineCheckIn) {
  const { discovery, dream, design, worries, levels, goals, newcomerLevels, ...rest } = c;
  return rest;
}

/** The personal parts of one check-in, for a reader who may see them (`maySeeCoaching`). */
export function coachingDto(c: TimelineCheckIn): CoachingDto {
  return {
    discovery: c.discovery,
    dream: c.dream,
    design: c.design,
    worries: c.worries,
    levels: c.levels,
    goals: c.goals,
    newcomerLevels: c.newcomerLevels,
  };
}

function signalText(ctx: RequestContext, rows: readonly CheckInRow[], buddy: Email): string | null {
  const signal = repairSignal(rows, buddy || undefined);
  if (!signal) return null;
  return ctx.t(signal.reason === 'niet' ? 'checkin.signalNiet' : 'checkin.signalTwijfel', {
    date: signal.date,
  });
}

/** A newcomer's timeline: schedule progress, check-ins held and due, wellbeing, last agreements. */
export function getCheckIns(ctx: RequestContext, newcomerRaw: unknown): CheckInsDto {
  const actor = ctx.actor();
  const newcomer = newcomerOf(ctx, newcomerRaw);
  assertMayFollow(ctx, actor, newcomer);
  checkInsTable(ctx); // required: without `Check-ins` the call stops, naming it
  // Sorted here in the timeline's own order (planned, then held), so that the timeline's entries
  // and these rows pair up one to one: notes must never land on another check-in.
  const mine = ctx
    .directory()
    .rowsOf('checkIns', newcomer.email)
    .map((r) => r.value)
    .sort(compareCheckIns);
  const line = timeline(newcomer.email, {
    schedule: ctx.wb.table('schedule').records.map((r) => r.value),
    checkIns: mine,
    today: ctx.services.clock.today(),
    settings: ctx.settings(),
  });
  const buddy = activeBuddy(ctx, newcomer.email);
  const manager = manages(actor, newcomer.location);
  const access = (row: CheckInRow) => ({
    location: newcomer.location,
    recordedBy: row.recordedBy,
    newcomer: newcomer.email,
  });
  // Goals and growth only from the check-ins whose personal parts this reader may see.
  const visible = mine.filter((r) => maySeeCoaching(actor, access(r)));
  return {
    newcomer: {
      email: newcomer.email,
      name: newcomer.name,
      location: newcomer.location,
      startDate: newcomer.startDate,
    },
    buddy: buddy ? { email: buddy, name: staffDirectory(ctx).person(buddy)?.name ?? buddy } : null,
    schedule: line.schedule,
    checkIns: line.checkIns.map((c, i) => ({
      ...publicPart(c),
      notes: maySeeNotes(actor, { location: newcomer.location, recordedBy: mine[i]!.recordedBy })
        ? mine[i]!.notes
        : null,
      coaching: maySeeCoaching(actor, access(mine[i]!)) ? coachingDto(c) : null,
    })),
    goals: currentGoals(visible),
    growth: growth(visible),
    wellbeing: line.wellbeing,
    lastAgreements: line.lastAgreements,
    lastAgreementsDate: line.lastAgreementsDate,
    nextCheckIn: line.nextCheckIn,
    signal: signalText(ctx, mine, buddy),
    canClose: mayCloseOnboarding(actor, newcomer) && line.allHeld && newcomer.status === 'nieuw',
    canManage: manager,
  };
}

function invalid<T>(ctx: RequestContext, result: Validation<T>): T {
  if (result.ok) return result.value;
  const field =
    result.code === 'unknownField' ? result.field : ctx.label('checkin.field', result.field || 'input');
  const params: Record<string, string | number> = { ...result.params };
  if (result.code === 'missingMany' && typeof params.fields === 'string')
    params.fields = params.fields
      .split(',')
      .map((f) => ctx.label('checkin.field', f))
      .join(', ');
  throw new UserError(`checkin.invalid.${result.code}`, { field, ...params });
}

/** Records a held check-in on the newcomer's first open planned moment (or a new one). */
export function recordCheckIn(ctx: RequestContext, newcomerRaw: unknown, raw: unknown): CheckInResultDto {
  const actor = ctx.actor();
  // `noGoals: true`: the first check-in has no goals yet on purpose ("nog geen doelen").
  const { noGoals, input } = withoutNoGoals(raw);
  if (noGoals !== undefined && typeof noGoals !== 'boolean') throw new UserError('checkin.invalid.noGoals');
  const value = invalid(ctx, validateCheckIn(input, ctx.services.clock.today()));
  return ctx.locked(() => {
    const newcomer = newcomerOf(ctx, newcomerRaw);
    assertMayFollow(ctx, actor, newcomer);
    // A check-in is held between the newcomer's first day and today.
    invalid(ctx, validateCheckIn(input, ctx.services.clock.today(), newcomer.startDate));
    const table = recordTable(ctx);
    const own = () => ctx.directory().rowsOf('checkIns', newcomer.email);
    const open = own()
      .filter((r) => !r.value.held && !r.value.skipped.trim())
      .sort((a, b) => (a.value.planned || '9999').localeCompare(b.value.planned || '9999'));
    // Which planned check-in: the one the buddy chose, else the first open one.
    const target = value.planned ? open.find((r) => r.value.planned === value.planned) : open[0];
    if (value.planned && !target) throw new UserError('checkin.noSuchPlanned', { date: value.planned });
    // A held day never lies before one already recorded: the timeline stays in order.
    const previous = own()
      .filter((r) => r.value.held)
      .map((r) => r.value.held)
      .sort()
      .pop();
    if (previous && value.held < previous)
      throw new UserError('checkin.invalid.beforePrevious', {
        field: ctx.t('checkin.field.held'),
        previous,
      });
    // A check-in without goals keeps the newcomer's goals as they stood, so every row shows them.
    const goals = value.goals.length
      ? value.goals
      : currentGoals(
          own()
            .filter((r) => r !== target)
            .map((r) => r.value),
        );
    const fields = checkInFields(value, actor.email, goals);
    const buddy = activeBuddy(ctx, newcomer.email);
    if (target) table.update(target, { ...fields, buddy: buddy || target.value.buddy });
    else table.append({ ...plannedCheckIn(newcomer.email, buddy, value.held), ...fields });
    logAction(ctx, ctx.t('log.checkInRecorded'), newcomer.location);
    const rows = own().map((r) => r.value);
    const signal = signalText(ctx, rows, buddy);
    ctx.wb.commit();
    // The first check-in sets the goals: without any (and not "nog geen doelen") it is recorded,
    // and the message says the goals are still expected.
    const goalsMissing = !previous && !goals.length && noGoals !== true;
    const recorded = ctx.t('checkin.recorded');
    return { message: goalsMissing ? `${recorded} ${ctx.t('checkin.firstGoalsMissing')}` : recorded, signal };
  });
}

/** Marks a planned check-in as skipped, with the reason. */
export function skipCheckIn(
  ctx: RequestContext,
  newcomerRaw: unknown,
  plannedRaw: unknown,
  reasonRaw: unknown,
): CheckInResultDto {
  const actor = ctx.actor();
  const planned = expectDate(plannedRaw, 'planned');
  const reason = invalid(ctx, validateSkipReason(reasonRaw));
  return ctx.locked(() => {
    const newcomer = newcomerOf(ctx, newcomerRaw);
    assertMayFollow(ctx, actor, newcomer);
    const table = checkInsTable(ctx);
    const row = ctx
      .directory()
      .rowsOf('checkIns', newcomer.email)
      .find((r) => r.value.planned === planned && !r.value.held);
    if (!row) throw new UserError('checkin.noSuchPlanned', { date: planned });
    table.update(row, { skipped: reason, recordedBy: actor.email });
    logAction(ctx, ctx.t('log.checkInSkipped'), newcomer.location);
    ctx.wb.commit();
    return { message: ctx.t('checkin.skipped'), signal: null };
  });
}

/** The closing evaluation checked against the newcomer's current goals, or a Dutch refusal. */
function closingEvaluation(
  ctx: RequestContext,
  input: unknown,
  rows: readonly CheckInRow[],
): ClosingEvaluation {
  const result = validateClosingEvaluation(input, currentGoals(rows));
  if (result.ok) return result.value;
  const r = result.refusal;
  if (r.code === 'tooLong')
    throw new UserError('closing.invalid.tooLong', { field: ctx.t(`closing.field.${r.field}`), max: r.max });
  const { code, ...params } = r;
  throw new UserError(`closing.invalid.${code}`, params);
}

/**
 * Ends the onboarding once every check-in is held or skipped: pair afgerond, newcomer actief.
 * An optional evaluation (how each current goal ended, agreements for after) is kept on the
 * newcomer's staff row for the closing summary; a bad one refuses the whole call.
 */
export function closeOnboarding(
  ctx: RequestContext,
  newcomerRaw: unknown,
  evaluation?: unknown,
): CheckInResultDto {
  const actor = ctx.actor();
  return ctx.locked(() => {
    const newcomer = newcomerOf(ctx, newcomerRaw);
    assertCanManage(actor, newcomer.location);
    checkInsTable(ctx);
    const mine = ctx
      .directory()
      .rowsOf('checkIns', newcomer.email)
      .map((r) => r.value);
    const evaluated = closingEvaluation(ctx, evaluation, mine);
    const hasEvaluation = evaluated.goals.length > 0 || evaluated.agreements !== '';
    const today = ctx.services.clock.today();
    if (!newcomer.startDate || today < newcomer.startDate)
      throw new UserError('checkin.closeBeforeStart', {
        date: newcomer.startDate || '—',
      });
    const open = mine.filter((r) => !r.held && !r.skipped.trim()).length;
    if (!mine.length || open) throw new UserError('checkin.notAllHeld', { count: open });
    const scheduled = ctx.directory().rowsOf('schedule', newcomer.email).length > 0;
    if (!scheduled) throw new UserError('checkin.closeNoSchedule', { name: newcomer.name });
    // Closing ends the packet's planning (only newcomers get one): a packet not sent yet is marked
    // as not going, with the reason, and the message says so; it is never dropped silently.
    const packet = parseMailState(newcomer.welcomeStatus).kind;
    const dropsPacket = packet === 'none' || packet === 'pending';
    const staff = ctx.wb.table(
      'staff',
      hasEvaluation ? { needs: ['closingGoals', 'closingAgreements'] } : {},
    );
    const person = ctx.directory().personRecord(newcomer.email)!;
    if (person.value.status !== 'nieuw')
      throw new UserError('checkin.notInOnboarding', { name: newcomer.name });
    staff.update(person, {
      status: 'actief',
      ...(hasEvaluation
        ? { closingGoals: formatOutcomes(evaluated.goals), closingAgreements: evaluated.agreements }
        : {}),
      ...(dropsPacket
        ? // The state cell is Dutch for everyone, as the other mail states.
          { welcomeStatus: formatMailState({ kind: 'skipped', reason: 'inwerken afgerond voor verzending' }) }
        : {}),
    });
    const pairings = ctx.wb.table('pairings');
    for (const p of pairings.records.filter(
      (r) => r.value.status === 'actief' && r.value.newcomer === newcomer.email,
    )) {
      pairings.update(p, { status: 'afgerond', endedOn: ctx.services.clock.today() });
    }
    logAction(ctx, ctx.t('log.onboardingClosed'), newcomer.location);
    // Issue 19: the finished onboarding's check-ins and schedule move to the archive tabs.
    archiveOnboardings(ctx, [newcomer.email]);
    ctx.wb.commit();
    // Issue 14: closing makes the summary for the competence file, on the newcomer's own page.
    const closed = `${ctx.t('checkin.closed', { name: newcomer.name })} ${ctx.t('summary.closedNote', { name: newcomer.name })}`;
    const saved = hasEvaluation ? `${closed} ${ctx.t('closing.evaluated')}` : closed;
    return {
      message: dropsPacket ? `${saved} ${ctx.t('checkin.closedPacketDropped')}` : saved,
      signal: null,
    };
  });
}

// ---- Reminders ----

const REMINDER_KIND = {
  buddyBefore: 'check-in-herinnering',
  buddyLate: 'check-in-te-laat',
  chiefLate: 'check-in-melding-chef',
} as const;

/**
 * The chef buddy's klik alert: who, with which buddy, why and when, and where to look in the
 * sidebar. Never the notes, the steps or the worries.
 */
function clickMail(
  ctx: RequestContext,
  to: string,
  values: { chief: string; newcomer: string; buddy: string; date: string; reason: string },
): OutgoingMail {
  const url = ctx.services.environment.spreadsheetUrl();
  const params = {
    ...values,
    where: url ? ctx.t('mail.klik.where', { url }) : ctx.t('mail.klik.whereNoLink'),
  };
  const subject = ctx.t('mail.klik.subject', params);
  const text = ctx.t('mail.klik.body', params);
  const html = escapeHtml(text).replace(/\n/g, '<br>');
  return noticeMail(
    ctx,
    to,
    subject,
    text,
    url ? html.replace(escapeHtml(url), `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`) : html,
  );
}

/**
 * Scheduled job: the buddy's reminder before a check-in, the notice when late, the chef's alert
 * when late, and the chef's alert about the klik (a "niet", or "twijfel" twice in a row): each once
 * per check-in, by its own state cell.
 */
export const checkInReminders: Job = {
  name: 'check-in-reminders',
  run(ctx, deadline) {
    const table = ctx.wb.tryTable('checkIns', { needs: ['reminder', 'lateNotice', 'chiefNotice'] });
    // A sheet from before the klik alert (setup not run again): the other reminders still go.
    const clickAlerts = table ? 'clickAlert' in table.columns : false;
    if (!table) return { done: true, summary: 'no check-ins tab' };
    const who = staffDirectory(ctx);
    const inOnboarding = new Set(
      who
        .staff()
        .filter((s) => s.email && s.status === 'nieuw')
        .map((s) => s.email),
    );
    const records = [...table.records];
    const rows = records.map((r) => r.value);
    const due = dueReminders(rows, ctx.services.clock.today(), ctx.settings(), { inOnboarding, clickAlerts });
    if (!due.length) return { done: true, summary: 'nothing due' };
    const locations = ctx.wb.table('locations').records.map((r) => r.value);
    const lastAgreements = (newcomer: Email) =>
      ctx
        .directory()
        .rowsOf('checkIns', newcomer)
        .map((r) => r.value)
        .filter((r) => r.held && r.agreements.trim())
        .sort((a, b) => a.held.localeCompare(b.held))
        // slice(-1)[0], not at(-1): Code.js avoids built-ins newer than its ES2019 target.
        .slice(-1)[0]?.agreements ?? '';
    const jobs: MailJob[] = due.map((d) => {
      const record = records[d.index]!;
      const newcomer = who.person(d.newcomer);
      const location = locations.find(
        (l) => normalizeName(l.name) === normalizeName(newcomer?.location ?? ''),
      );
      const chief = location?.chiefBuddy ?? '';
      const buddy = d.buddy || activeBuddy(ctx, d.newcomer);
      const to = d.kind === 'chiefLate' || d.kind === 'chiefKlik' ? chief : buddy;
      const mark = (state: MailState) => {
        const current = table.records.find((r) => r.sheetRow === record.sheetRow);
        if (current) table.update(current, { [d.field]: formatMailState(state) } as Partial<CheckInRow>);
      };
      if (d.kind === 'chiefKlik')
        return {
          id: d.id,
          state: d.state.kind === 'none' ? { kind: 'pending', due: '' } : d.state,
          due: true,
          build: () => {
            if (!chief || ctx.directory().hasLeft(chief))
              return { skip: ctx.t('welcome.noChiefBuddy', { location: newcomer?.location ?? '' }) };
            return clickMail(ctx, chief, {
              chief: firstName(who.person(chief)?.name ?? '') || chief,
              newcomer: newcomer?.name ?? d.newcomer,
              buddy: who.person(buddy)?.name ?? (buddy || '—'),
              date: d.klik?.held ?? '',
              reason: ctx.t(d.klik?.reason === 'niet' ? 'overview.reasonNiet' : 'overview.reasonTwijfel'),
            });
          },
          mark,
        };
      return {
        id: d.id,
        state: d.state.kind === 'none' ? { kind: 'pending', due: '' } : d.state,
        // A study day at the newcomer's location: the reminder waits for the next school day.
        // A location that has not started the protocol (phase `nog niet`) sends nothing by itself.
        due: !dayOffToday(ctx, newcomer?.location ?? '') && locationRuns(ctx, newcomer?.location ?? ''),
        build: () =>
          composeMail(ctx, {
            kind: REMINDER_KIND[d.kind as keyof typeof REMINDER_KIND],
            location: newcomer?.location ?? '',
            to,
            ...(d.kind === 'chiefLate' ? {} : { replyTo: chief }),
            values: {
              'buddy.voornaam': firstName(who.person(buddy)?.name ?? ''),
              'buddy.naam': who.person(buddy)?.name ?? buddy,
              'chefbuddy.voornaam': firstName(who.person(chief)?.name ?? ''),
              'nieuwecollega.naam': newcomer?.name ?? d.newcomer,
              datum: longDate(d.planned, 'nl'),
              dagen: String(d.daysLate ?? 0),
              // The buddy starts the conversation from last time's agreements; the chef's alert has none.
              vorigeafspraken: lastAgreements(d.newcomer) || '—',
            },
          }),
        mark,
      };
    });
    return deliverySummary(deliverAndCommit(ctx, jobs, deadline));
  },
};
