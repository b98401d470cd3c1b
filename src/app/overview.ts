/**
 * The overview across the four locations: figures and the attention list for the sidebar, the
 * `Overzicht` tab with a chart, and the weekly mail to the school leader. Figures and statuses
 * only: never check-in notes or one person's wellbeing.
 */
import { addDays, mondayOf } from '../core/dates';
import { emailKey } from '../core/identity';
import { formatMailState, mailId, parseMailState } from '../core/mailState';
import { type AttentionItem, type Figures, overview } from '../core/overview';
import {
  assertCanManage,
  assertManager,
  assertSchoolLeader,
  canActOn,
  seesAllLocations,
} from '../core/roles';
import { normalizeName } from '../core/schema';
import { expectText } from '../core/validate';
import type { FiguresDto, OverviewDto } from '../shared/api';
import { longDate } from '../shared/language';
import { checkInsTable, staffDirectory } from './checkins';
import type { RequestContext } from './context';
import type { Directory } from './directory';
import type { Job } from './jobs';
import { canonicalLocation } from './locations';
import { deliver, type MailJob } from './mailOutbox';
import { composeMail, firstName } from './messages';
import { locationPhase } from './phases';
import type { MessageKey } from './texts/messages';

/** The overview lists the pilot first, then the introduced locations, then those not started. */
const PHASE_ORDER = ['pilot', 'ingevoerd', 'nog niet'];

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
function attentionText(ctx: RequestContext, item: AttentionItem, names: Directory): string {
  // Attention params are loose values: the address is read into an `Email` here.
  const name = (email: unknown) => names.person(emailKey(String(email ?? '')))?.name ?? String(email ?? '');
  const params: Record<string, string | number> = { ...item.params, name: name(item.newcomer) };
  if (params.buddy) params.buddy = name(params.buddy);
  if (item.code === 'repairSignal')
    params.reason = ctx.t(params.reason === 'niet' ? 'overview.reasonNiet' : 'overview.reasonTwijfel');
  return ctx.t(`attention.${item.code}`, params, { mail: 'overview.mail', why: 'overview.why' });
}

/** The figures and attention list a school leader (all) or chef buddy (own location) may see. */
export function getOverview(ctx: RequestContext, locationRaw?: unknown): OverviewDto {
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
  const names = staffDirectory(ctx);
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
export function refreshOverviewTab(ctx: RequestContext): OverviewDto {
  assertSchoolLeader(ctx.actor());
  return ctx.locked(() => {
    const dto = getOverview(ctx);
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
    const names = staffDirectory(ctx);
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
              voornaam: firstName(names.person(leader)?.name ?? '') || leader,
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
