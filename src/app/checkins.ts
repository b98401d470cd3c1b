/**
 * Check-ins in the 4D coaching model: a newcomer's timeline, recording and skipping a check-in,
 * closing the onboarding, the reminders of the scheduled run, and the overview across the four
 * locations (sidebar, `Overzicht` tab with a chart, weekly mail to the school leader). Notes are
 * seen only by the school leader, the location's chef buddy and the buddy who wrote them; reports
 * never contain notes or one person's wellbeing.
 */
import {
  type CheckInRow,
  checkInFields,
  compareCheckIns,
  dueReminders,
  plannedCheckIn,
  repairSignal,
  timeline,
  type Validation,
  validateCheckIn,
  validateSkipReason,
} from '../core/checkins';
import { addDays, mondayOf } from '../core/dates';
import { UserError } from '../core/errors';
import { formatMailState, type MailState, mailId, parseMailState } from '../core/mailState';
import { type AttentionItem, type Figures, overview } from '../core/overview';
import { emailKey } from '../core/pairing';
import {
  assertCanManage,
  assertManager,
  assertSchoolLeader,
  canActOn,
  manages,
  mayCloseOnboarding,
  maySeeNotes,
  seesAllLocations,
} from '../core/roles';
import { normalizeName, type RowOf } from '../core/schema';
import { expectDate, expectEmail, expectText } from '../core/validate';
import type { CheckInResultDto, CheckInsDto, FiguresDto, OverviewDto } from '../shared/api';
import type { MessageKey } from '../shared/i18n';
import { longDate } from '../shared/language';
import { logAction } from './audit';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { canonicalLocation } from './locations';
import { deliver, type MailJob } from './mailOutbox';
import { dayOffToday } from './mailWindow';
import { composeMail, firstName } from './messages';
import { locationPhase, locationRuns } from './phases';

/** The overview lists the pilot first, then the introduced locations, then those not started. */
const PHASE_ORDER = ['pilot', 'ingevoerd', 'nog niet'];

import { assertMayFollow } from './schedule';

type Staff = RowOf<'staff'>;

/** Staff by e-mail, from the request's read model (one row per person). */
function people(ctx: RequestContext): Map<string, Staff> {
  ctx.wb.table('staff');
  const map = new Map<string, Staff>();
  for (const s of ctx.directory().staff()) if (s.email) map.set(emailKey(s.email), s);
  return map;
}

function newcomerOf(ctx: RequestContext, raw: unknown): Staff {
  const email = expectEmail(raw, 'newcomer');
  const person = people(ctx).get(email);
  if (!person) throw new UserError('pairing.unknownNewcomer');
  return person;
}

function activeBuddy(ctx: RequestContext, newcomer: string): string {
  ctx.wb.table('pairings');
  return ctx.directory().activeBuddy(newcomer);
}

function checkInsTable(ctx: RequestContext) {
  return ctx.wb.table('checkIns', {
    needs: ['skipped', 'recordedBy', 'reminder', 'lateNotice', 'chiefNotice'],
  });
}

function signalText(ctx: RequestContext, rows: readonly CheckInRow[], buddy: string): string | null {
  const signal = repairSignal(rows, buddy || undefined);
  if (!signal) return null;
  return ctx.t(signal.reason === 'niet' ? 'checkin.signalNiet' : 'checkin.signalTwijfel', {
    date: signal.date,
  });
}

/** A newcomer's timeline: schedule progress, check-ins held and due, wellbeing, last agreements. */
export function getTimeline(ctx: RequestContext, newcomerRaw: unknown): CheckInsDto {
  const actor = ctx.actor();
  const newcomer = newcomerOf(ctx, newcomerRaw);
  assertMayFollow(ctx, actor, newcomer);
  const table = checkInsTable(ctx);
  // Sorted here in the timeline's own order (planned, then held), so that the timeline's entries
  // and these rows pair up one to one: notes must never land on another check-in.
  const mine = table.records
    .map((r) => r.value)
    .filter((r) => emailKey(r.newcomer) === emailKey(newcomer.email))
    .sort(compareCheckIns);
  const line = timeline(newcomer.email, {
    schedule: ctx.wb.table('schedule').records.map((r) => r.value),
    checkIns: mine,
    today: ctx.services.clock.today(),
    settings: ctx.settings(),
  });
  const buddy = activeBuddy(ctx, newcomer.email);
  const manager = manages(actor, newcomer.location);
  return {
    newcomer: {
      email: newcomer.email,
      name: newcomer.name,
      location: newcomer.location,
      startDate: newcomer.startDate,
    },
    buddy: buddy ? { email: buddy, name: people(ctx).get(emailKey(buddy))?.name ?? buddy } : null,
    schedule: line.schedule,
    checkIns: line.checkIns.map((c, i) => ({
      ...c,
      notes: maySeeNotes(actor, { location: newcomer.location, recordedBy: mine[i]!.recordedBy })
        ? mine[i]!.notes
        : null,
    })),
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
    result.code === 'unknownField'
      ? result.field
      : ctx.t(`checkin.field.${result.field || 'input'}` as MessageKey);
  const params: Record<string, string | number> = { ...result.params };
  if (result.code === 'missingMany' && typeof params.fields === 'string')
    params.fields = params.fields
      .split(',')
      .map((f) => ctx.t(`checkin.field.${f}` as MessageKey))
      .join(', ');
  throw new UserError(`checkin.invalid.${result.code}` as MessageKey, { field, ...params });
}

/** Records a held check-in on the newcomer's first open planned moment (or a new one). */
export function record(ctx: RequestContext, newcomerRaw: unknown, input: unknown): CheckInResultDto {
  const actor = ctx.actor();
  const value = invalid(ctx, validateCheckIn(input, ctx.services.clock.today()));
  return ctx.locked(() => {
    const newcomer = newcomerOf(ctx, newcomerRaw);
    assertMayFollow(ctx, actor, newcomer);
    // A check-in is held between the newcomer's first day and today.
    invalid(ctx, validateCheckIn(input, ctx.services.clock.today(), newcomer.startDate));
    const table = checkInsTable(ctx);
    const open = table.records
      .filter(
        (r) =>
          emailKey(r.value.newcomer) === emailKey(newcomer.email) && !r.value.held && !r.value.skipped.trim(),
      )
      .sort((a, b) => (a.value.planned || '9999').localeCompare(b.value.planned || '9999'));
    // Which planned check-in: the one the buddy chose, else the first open one.
    const target = value.planned ? open.find((r) => r.value.planned === value.planned) : open[0];
    if (value.planned && !target) throw new UserError('checkin.noSuchPlanned', { date: value.planned });
    // A held day never lies before one already recorded: the timeline stays in order.
    const previous = table.records
      .filter((r) => emailKey(r.value.newcomer) === emailKey(newcomer.email) && r.value.held)
      .map((r) => r.value.held)
      .sort()
      .pop();
    if (previous && value.held < previous)
      throw new UserError('checkin.invalid.beforePrevious', {
        field: ctx.t('checkin.field.held'),
        previous,
      });
    const fields = checkInFields(value, actor.email);
    const buddy = activeBuddy(ctx, newcomer.email);
    if (target) table.update(target, { ...fields, buddy: buddy || target.value.buddy });
    else table.append({ ...plannedCheckIn(newcomer.email, buddy, value.held), ...fields });
    logAction(ctx, ctx.t('log.checkInRecorded'), newcomer.location);
    const rows = table.records
      .map((r) => r.value)
      .filter((r) => emailKey(r.newcomer) === emailKey(newcomer.email));
    const signal = signalText(ctx, rows, buddy);
    ctx.wb.commit();
    return { message: ctx.t('checkin.recorded'), signal };
  });
}

/** Marks a planned check-in as skipped, with the reason. */
export function skip(
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
    const row = table.records.find(
      (r) =>
        emailKey(r.value.newcomer) === emailKey(newcomer.email) &&
        r.value.planned === planned &&
        !r.value.held,
    );
    if (!row) throw new UserError('checkin.noSuchPlanned', { date: planned });
    table.update(row, { skipped: reason, recordedBy: actor.email });
    logAction(ctx, ctx.t('log.checkInSkipped'), newcomer.location);
    ctx.wb.commit();
    return { message: ctx.t('checkin.skipped'), signal: null };
  });
}

/** Ends the onboarding once every check-in is held or skipped: pair afgerond, newcomer actief. */
export function close(ctx: RequestContext, newcomerRaw: unknown): CheckInResultDto {
  const actor = ctx.actor();
  return ctx.locked(() => {
    const newcomer = newcomerOf(ctx, newcomerRaw);
    assertCanManage(actor, newcomer.location);
    const mine = checkInsTable(ctx)
      .records.map((r) => r.value)
      .filter((r) => emailKey(r.newcomer) === emailKey(newcomer.email));
    const today = ctx.services.clock.today();
    if (!newcomer.startDate || today < newcomer.startDate)
      throw new UserError('checkin.closeBeforeStart', {
        date: newcomer.startDate || '—',
      });
    const open = mine.filter((r) => !r.held && !r.skipped.trim()).length;
    if (!mine.length || open) throw new UserError('checkin.notAllHeld', { count: open });
    const scheduled = (ctx.wb.tryTable('schedule')?.records ?? []).some(
      (r) => emailKey(r.value.newcomer) === emailKey(newcomer.email),
    );
    if (!scheduled) throw new UserError('checkin.closeNoSchedule', { name: newcomer.name });
    // Closing ends the packet's planning (only newcomers get one): a packet not sent yet is marked
    // as not going, with the reason, and the message says so; it is never dropped silently.
    const packet = parseMailState(newcomer.welcomeStatus).kind;
    const dropsPacket = packet === 'none' || packet === 'pending';
    const staff = ctx.wb.table('staff');
    const person = staff.records.find((r) => emailKey(r.value.email) === emailKey(newcomer.email))!;
    if (person.value.status !== 'nieuw')
      throw new UserError('checkin.notInOnboarding', { name: newcomer.name });
    staff.update(person, {
      status: 'actief',
      ...(dropsPacket
        ? // The state cell is Dutch for everyone, as the other mail states.
          { welcomeStatus: formatMailState({ kind: 'skipped', reason: 'inwerken afgerond voor verzending' }) }
        : {}),
    });
    const pairings = ctx.wb.table('pairings');
    for (const p of pairings.records.filter(
      (r) => r.value.status === 'actief' && emailKey(r.value.newcomer) === emailKey(newcomer.email),
    )) {
      pairings.update(p, { status: 'afgerond', endedOn: ctx.services.clock.today() });
    }
    logAction(ctx, ctx.t('log.onboardingClosed'), newcomer.location);
    ctx.wb.commit();
    const closed = ctx.t('checkin.closed', { name: newcomer.name });
    return {
      message: dropsPacket ? `${closed} ${ctx.t('checkin.closedPacketDropped')}` : closed,
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

/** Scheduled job: the buddy's reminder before a check-in, the notice when late, the chef's alert. */
export const checkInReminders: Job = {
  name: 'check-in-reminders',
  run(ctx, deadline) {
    const table = ctx.wb.tryTable('checkIns', { needs: ['reminder', 'lateNotice', 'chiefNotice'] });
    if (!table) return { done: true, summary: 'no check-ins tab' };
    const who = people(ctx);
    const inOnboarding = new Set(
      [...who.values()].filter((s) => s.status === 'nieuw').map((s) => emailKey(s.email)),
    );
    const records = [...table.records];
    const rows = records.map((r) => r.value);
    const due = dueReminders(rows, ctx.services.clock.today(), ctx.settings(), { inOnboarding });
    if (!due.length) return { done: true, summary: 'nothing due' };
    const locations = ctx.wb.table('locations').records.map((r) => r.value);
    const lastAgreements = (newcomer: string) =>
      rows
        .filter((r) => emailKey(r.newcomer) === newcomer && r.held && r.agreements.trim())
        .sort((a, b) => a.held.localeCompare(b.held))
        // slice(-1)[0], not at(-1): Code.js avoids built-ins newer than its ES2019 target.
        .slice(-1)[0]?.agreements ?? '';
    const jobs: MailJob[] = due.map((d) => {
      const record = records[d.index]!;
      const newcomer = who.get(d.newcomer);
      const location = locations.find(
        (l) => normalizeName(l.name) === normalizeName(newcomer?.location ?? ''),
      );
      const chief = location?.chiefBuddy ?? '';
      const buddy = d.buddy || activeBuddy(ctx, d.newcomer);
      const to = d.kind === 'chiefLate' ? chief : buddy;
      return {
        id: d.id,
        state: d.state.kind === 'none' ? { kind: 'pending', due: '' } : d.state,
        // A study day at the newcomer's location: the reminder waits for the next school day.
        // A location that has not started the protocol (phase `nog niet`) sends nothing by itself.
        due: !dayOffToday(ctx, newcomer?.location ?? '') && locationRuns(ctx, newcomer?.location ?? ''),
        build: () =>
          composeMail(ctx, {
            kind: REMINDER_KIND[d.kind],
            location: newcomer?.location ?? '',
            to,
            ...(d.kind === 'chiefLate' ? {} : { replyTo: chief }),
            values: {
              'buddy.voornaam': firstName(who.get(emailKey(buddy))?.name ?? ''),
              'buddy.naam': who.get(emailKey(buddy))?.name ?? buddy,
              'chefbuddy.voornaam': firstName(who.get(emailKey(chief))?.name ?? ''),
              'nieuwecollega.naam': newcomer?.name ?? d.newcomer,
              datum: longDate(d.planned, 'nl'),
              dagen: String(d.daysLate ?? 0),
              // The buddy starts the conversation from last time's agreements; the chef's alert has none.
              vorigeafspraken: lastAgreements(d.newcomer) || '—',
            },
          }),
        mark: (state: MailState) => {
          const current = table.records.find((r) => r.sheetRow === record.sheetRow);
          if (current) table.update(current, { [d.field]: formatMailState(state) } as Partial<CheckInRow>);
        },
      };
    });
    const report = deliver(ctx, jobs, deadline);
    ctx.wb.commit(() => {
      ctx.services.gateway.flush();
      report.settle();
    });
    return {
      done: report.stoppedBy === null,
      summary: `sent ${report.sent}, failed ${report.failed}, skipped ${report.skipped.length}, left ${report.left}`,
    };
  },
};

// ---- Overview ----

function overviewInput(ctx: RequestContext) {
  return {
    staff: ctx.wb.table('staff').records.map((r) => r.value),
    pairings: ctx.wb.table('pairings').records.map((r) => r.value),
    schedule: ctx.wb.table('schedule').records.map((r) => r.value),
    checkIns: checkInsTable(ctx).records.map((r) => r.value),
    locations: ctx.wb.table('locations').records.map((r) => r.value),
    settings: ctx.settings(),
    today: ctx.services.clock.today(),
  };
}

function figuresDto(ctx: RequestContext, f: Figures): FiguresDto {
  return {
    location: f.location ?? ctx.t('overview.total'),
    newcomers: f.newcomers,
    withoutBuddy: f.withoutBuddy,
    startingSoonWithoutWelcome: f.startingSoonWithoutWelcome,
    scheduleDone: f.schedule.done,
    scheduleTotal: f.schedule.total,
    checkInsHeld: f.checkIns.held,
    checkInsDue: f.checkIns.due,
    checkInsLate: f.checkIns.late,
    wellbeing: f.wellbeing.average,
    buddyLoadUsed: f.buddyLoad.used,
    buddyLoadCapacity: f.buddyLoad.capacity,
    mailsFailed: f.mails.failed,
    mailsUnknown: f.mails.unknown,
  };
}

/** One attention item as a sentence; names of newcomers and buddies, never notes or wellbeing. */
function attentionText(ctx: RequestContext, item: AttentionItem, names: Map<string, Staff>): string {
  const name = (email: unknown) => names.get(emailKey(String(email ?? '')))?.name ?? String(email ?? '');
  const params: Record<string, string | number> = { ...item.params, name: name(item.newcomer) };
  if (params.buddy) params.buddy = name(params.buddy);
  if (params.mail) params.mail = ctx.t(`overview.mail.${params.mail}` as MessageKey);
  if (item.code === 'repairSignal')
    params.reason = ctx.t(params.reason === 'niet' ? 'overview.reasonNiet' : 'overview.reasonTwijfel');
  if (item.code === 'buddyUnavailable')
    params.why = ctx.t(`overview.why.${params.why}` as MessageKey, params);
  return ctx.t(`attention.${item.code}` as MessageKey, params);
}

/** The figures and attention list a school leader (all) or chef buddy (own location) may see. */
export function getOverviewFor(ctx: RequestContext, locationRaw?: unknown): OverviewDto {
  const actor = ctx.actor();
  assertManager(actor);
  const wanted =
    locationRaw === undefined || locationRaw === null || locationRaw === ''
      ? null
      : canonicalLocation(ctx, expectText(locationRaw, 'location', 200));
  if (wanted) assertCanManage(actor, wanted);
  const input = overviewInput(ctx);
  const { figures, attention } = overview(input);
  const visible = (location: string | null) =>
    location !== null &&
    (wanted ? normalizeName(location) === normalizeName(wanted) : canActOn(actor, location));
  const names = people(ctx);
  return {
    today: input.today,
    // Issue 15: grouped by phase (pilot, ingevoerd, nog niet), in sheet order within a phase.
    locations: figures.locations
      .filter((f) => visible(f.location))
      .map((f) => ({ ...figuresDto(ctx, f), phase: locationPhase(ctx, f.location ?? '') }))
      .sort((a, b) => PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase)),
    total: seesAllLocations(actor) && !wanted ? figuresDto(ctx, figures.total) : null,
    attention: attention
      .filter(
        (a) => visible(a.location) || (seesAllLocations(actor) && !wanted && a.code === 'unknownLocation'),
      )
      .map((a) => ({ location: a.location, code: a.code, text: attentionText(ctx, a, names) })),
  };
}

const OVERVIEW_HEADER_KEYS: MessageKey[] = [
  'overview.col.location',
  'overview.col.newcomers',
  'overview.col.withoutBuddy',
  'overview.col.soonWithoutWelcome',
  'overview.col.schedule',
  'overview.col.held',
  'overview.col.due',
  'overview.col.late',
  'overview.col.wellbeing',
  'overview.col.buddyLoad',
  'overview.col.mails',
];

/** The Overzicht tab: figures per location and in total (no names), with a chart; one write. */
function writeOverviewTab(ctx: RequestContext, dto: OverviewDto): void {
  const percent = (done: number, total: number) => (total ? Math.round((done / total) * 100) : 0);
  const rows = [...dto.locations, ...(dto.total ? [dto.total] : [])].map((f) => [
    f.location,
    f.newcomers,
    f.withoutBuddy,
    f.startingSoonWithoutWelcome,
    percent(f.scheduleDone, f.scheduleTotal),
    f.checkInsHeld,
    f.checkInsDue,
    f.checkInsLate,
    f.wellbeing === null ? '' : f.wellbeing,
    `${f.buddyLoadUsed}/${f.buddyLoadCapacity}`,
    f.mailsFailed + f.mailsUnknown,
  ]);
  const header = OVERVIEW_HEADER_KEYS.map((k) => ctx.t(k));
  const grid = [
    header,
    ...rows,
    [],
    [ctx.t('overview.updated', { at: ctx.services.clock.now().slice(0, 16).replace('T', ' ') })],
  ];
  const name = ctx.wb.tabName('overview');
  ctx.services.gateway.rewriteTab(name, grid, {
    title: ctx.t('overview.chartTitle'),
    // Locatie, Check-ins gehouden, Check-ins te laat — for the location rows only.
    columns: [1, 6, 8],
    rows: dto.locations.length + 1,
  });
}

/** Rewrites the Overzicht tab now (school leader). */
export function refreshTab(ctx: RequestContext): OverviewDto {
  assertSchoolLeader(ctx.actor());
  return ctx.locked(() => {
    const dto = getOverviewFor(ctx);
    writeOverviewTab(ctx, dto);
    return dto;
  });
}

const WEEKLY_PREFIX = 'weekly:';

/**
 * Scheduled job, Monday morning: the weekly overview to each school leader (once per leader per
 * week, by the same exactly-once rules), and the Overzicht tab rewritten.
 */
export const weeklyOverview: Job = {
  name: 'weekly-overview',
  run(ctx, deadline) {
    const { clock, store } = ctx.services;
    const today = clock.today();
    const monday = mondayOf(today);
    const hour = Number(clock.now().slice(11, 13));
    if (today === monday && hour < 7) return { done: true, summary: 'before 07:00 on Monday' };
    const leaders = ctx.settings().schoolLeaders;
    if (!leaders.length) return { done: true, summary: 'no school leader' };
    // The hourly run mostly finds this week's mails sent and today's tab written: read nothing then.
    const settled = leaders.every(
      (leader) =>
        parseMailState(store.get(WEEKLY_PREFIX + mailId('week', leader, monday)) ?? '').kind === 'sent',
    );
    if (settled && store.get('overview.tab') === today) return { done: true, summary: 'sent 0, nothing due' };
    const all = overview(overviewInput(ctx));
    const names = people(ctx);
    const dto: OverviewDto = {
      today,
      locations: all.figures.locations.map((f) => figuresDto(ctx, f)),
      total: figuresDto(ctx, all.figures.total),
      attention: all.attention.map((a) => ({
        location: a.location,
        code: a.code,
        text: attentionText(ctx, a, names),
      })),
    };
    const lines = [
      ...dto.locations.map((f) => figureLine(ctx, f)),
      ...(dto.total ? [figureLine(ctx, dto.total)] : []),
      '',
      dto.attention.length ? ctx.t('overview.attentionHeading') : ctx.t('overview.nothingNeedsAttention'),
      ...dto.attention.map((a) => `${a.location}: ${a.text}`),
    ];
    const jobs: MailJob[] = leaders.map((leader) => {
      const id = mailId('week', leader, monday);
      const key = WEEKLY_PREFIX + id;
      return {
        id,
        state: parseMailState(store.get(key) ?? formatMailState({ kind: 'pending', due: monday })),
        due: true,
        build: () =>
          composeMail(ctx, {
            kind: 'weekoverzicht',
            location: '',
            to: leader,
            values: {
              voornaam: firstName(names.get(leader)?.name ?? '') || leader,
              datum: longDate(monday, 'nl'),
              overzicht: { lines },
            },
          }),
        mark: (state) => store.set(key, formatMailState(state)),
      };
    });
    const report = deliver(ctx, jobs, deadline);
    const lastTab = store.get('overview.tab');
    if (lastTab !== today) {
      writeOverviewTab(ctx, { ...dto, attention: [] });
      store.set('overview.tab', today);
    }
    ctx.services.gateway.flush();
    report.settle();
    pruneWeekly(ctx, monday);
    return {
      done: report.stoppedBy === null,
      summary: `sent ${report.sent}, failed ${report.failed}, left ${report.left}`,
    };
  },
};

/** Weekly states older than eight weeks are no longer needed. */
function pruneWeekly(ctx: RequestContext, monday: string): void {
  const { store } = ctx.services;
  for (const [key, value] of Object.entries(store.all())) {
    if (!key.startsWith(WEEKLY_PREFIX)) continue;
    const state = parseMailState(value);
    const at = state.kind === 'sent' ? state.at.slice(0, 10) : state.kind === 'pending' ? state.due : '';
    if (at && at < addDays(monday, -56)) store.delete(key);
  }
}

function figureLine(ctx: RequestContext, f: FiguresDto): string {
  return ctx.t('overview.line', {
    location: f.location,
    newcomers: f.newcomers,
    withoutBuddy: f.withoutBuddy,
    held: f.checkInsHeld,
    due: f.checkInsDue,
    late: f.checkInsLate,
    schedule: f.scheduleTotal ? Math.round((f.scheduleDone / f.scheduleTotal) * 100) : 0,
    mails: f.mailsFailed + f.mailsUnknown,
  });
}
