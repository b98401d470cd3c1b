/**
 * Onboarding schedules: preview a newcomer's first weeks on the school's calendar, write them to
 * `Inwerkschema` (keeping lines that are done or edited by hand), tick lines off, generate for all
 * newly paired newcomers of a location, and export the schedule as an iCalendar file. Saving a
 * schedule also plans the check-in moments in `Check-ins`.
 */
import { SchoolCalendar } from '../core/calendar';
import { plannedCheckIn } from '../core/checkins';
import { formatDutchDate } from '../core/dates';
import { UserError } from '../core/errors';
import { scheduleToIcs } from '../core/ics';
import { type Email, normalizeName, sameLocation } from '../core/identity';
import { type Actor, assertCanManage, assertFollows } from '../core/roles';
import {
  type GeneratedSchedule,
  type PersonRef,
  type ScheduleInput,
  type ScheduleItem,
  SchedulePlanner,
  type ScheduleRow,
} from '../core/schedule/planner';
import { generatedLines, type ScheduleDiff, updateSchedule } from '../core/schedule/regeneration';
import { PLACEHOLDERS } from '../core/schedule/template';
import type { RowOf } from '../core/schema';
import type { TableRecord } from '../core/table';
import { expectBoolean, expectDate, expectEmail, expectText } from '../core/validate';
import type { IcsFileDto, ScheduleItemDto, SchedulePreviewDto, ScheduleResultDto } from '../shared/api';
import { logAction } from './audit';
import type { RequestContext } from './context';
import { canonicalLocation } from './locations';
import { assertLocationRuns } from './phases';

type Staff = RowOf<'staff'>;

/**
 * One request's view of what schedules need: the planner and the calendars, built once. People,
 * pairings, locations and a newcomer's rows come from the request's directory (`ctx.directory()`),
 * which follows every change made in this request by itself.
 */
class ScheduleWorld {
  private readonly calendars = new Map<string, SchoolCalendar>();
  private plannerInstance: SchedulePlanner | undefined;

  constructor(readonly ctx: RequestContext) {}

  get scheduleTable() {
    return this.ctx.wb.table('schedule');
  }

  planner(): SchedulePlanner {
    if (!this.plannerInstance) {
      const settings = this.ctx.settings();
      this.plannerInstance = new SchedulePlanner({
        staff: this.ctx.wb.table('staff').records.map((r) => r.value),
        templates: this.ctx.wb.table('templates').records.map((r) => r.value),
        settings,
        existingSchedule: this.scheduleTable.records.map((r) => r.value),
      });
    }
    return this.plannerInstance;
  }

  calendar(location: string): SchoolCalendar {
    const key = normalizeName(location);
    let calendar = this.calendars.get(key);
    if (!calendar) {
      const settings = this.ctx.settings();
      calendar = new SchoolCalendar(
        this.ctx.wb.table('daysOff').records.map((r) => r.value),
        { goodFriday: settings.goodFriday, liberationDay: settings.liberationDay },
        location,
      );
      this.calendars.set(key, calendar);
    }
    return calendar;
  }

  newcomer(email: Email): Staff {
    const person = this.ctx.directory().person(email);
    if (!person) throw new UserError('pairing.unknownNewcomer');
    return person;
  }

  buddyOf(email: Email): Staff | null {
    this.ctx.wb.table('pairings'); // required: without `Koppelingen` the action stops, naming it
    const directory = this.ctx.directory();
    const buddy = directory.activeBuddy(email);
    return buddy ? (directory.person(buddy) ?? null) : null;
  }

  person(email: Email): PersonRef | null {
    if (!email) return null;
    return { email, name: this.ctx.directory().person(email)?.name ?? email };
  }

  chiefOf(location: string): PersonRef | null {
    return this.person(this.ctx.directory().location(location)?.chiefBuddy ?? '');
  }

  /** What the planner needs of one newcomer: their buddy, chef buddy, school leader and calendar. */
  inputOf(newcomer: Staff): ScheduleInput {
    return {
      newcomer,
      buddy: this.buddyOf(newcomer.email),
      chiefBuddy: this.chiefOf(newcomer.location),
      schoolLeader: this.person(this.ctx.settings().schoolLeaders[0] ?? ''),
      calendar: this.calendar(newcomer.location),
    };
  }

  generate(newcomer: Staff): GeneratedSchedule {
    return this.planner().generate(this.inputOf(newcomer));
  }

  /** A newcomer's `Inwerkschema` records, in sheet order. */
  rowsOf(email: Email): TableRecord<'schedule'>[] {
    // The tab is required here: without `Inwerkschema` the action stops, naming it.
    this.ctx.wb.table('schedule');
    return this.ctx.directory().rowsOf('schedule', email);
  }

  /** A newcomer's check-in records (none without a Check-ins tab). */
  checkInRecordsOf(email: Email): TableRecord<'checkIns'>[] {
    return this.ctx.directory().rowsOf('checkIns', email);
  }

  /**
   * Writes one newcomer's schedule into the tables (in memory): rows kept, changed in place,
   * removed, added; and plans the check-ins. Returns what changed.
   */
  apply(newcomer: Staff, generated: GeneratedSchedule): ScheduleDiff {
    const table = this.scheduleTable;
    const records = this.rowsOf(newcomer.email);
    const recordOf = new Map(records.map((r) => [r.value, r]));
    const diff = diffFor(this, newcomer, generated);
    for (const row of diff.remove) {
      const record = recordOf.get(row);
      if (record) table.remove(record);
    }
    for (const { from, to } of diff.change) {
      const record = recordOf.get(from);
      if (record)
        table.update(record, {
          date: to.date,
          week: to.week,
          activity: to.activity,
          with: to.with,
          kind: to.kind,
          check: to.check,
        });
    }
    for (const row of diff.add) table.append({ ...row, newcomer: newcomer.email });
    planCheckIns(this, newcomer, generated.items);
    return diff;
  }
}

function warningTexts(ctx: RequestContext, generated: GeneratedSchedule): string[] {
  return generated.warnings.map((w) => {
    const params: Record<string, string | number> = { ...w.params };
    if (w.code === 'startMoved') params.description = params.description ? ` (${params.description})` : '';
    return ctx.t(`schedule.warn.${w.code}`, params);
  });
}

function itemDto(
  ctx: RequestContext,
  row: ScheduleRow,
  status: ScheduleItemDto['status'],
  moved?: ScheduleItem['moved'],
): ScheduleItemDto {
  return {
    date: row.date,
    week: row.week ?? 0,
    activity: row.activity,
    with: withText(ctx, row.with),
    kind: row.kind,
    done: row.done,
    status,
    moved: moved
      ? ctx.t(moved.code === 'dayOff' ? 'schedule.movedDayOff' : 'schedule.movedBeforeStart', {
          from: formatDutchDate(moved.from),
          description: moved.description,
        })
      : '',
  };
}

/** Who a schedule is for, as the sidebar shows it; `start` is the schedule's first day. */
function newcomerDto(email: string, newcomer: Staff, start: string): SchedulePreviewDto['newcomer'] {
  return {
    email,
    name: newcomer.name,
    location: newcomer.location,
    startDate: newcomer.startDate,
    start,
  };
}

const PLACEHOLDER_ROLE = new Map(
  (Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[]).map((role) => [
    PLACEHOLDERS[role].toLowerCase(),
    role,
  ]),
);

/**
 * A schedule line's "Met" in the reader's language: a placeholder Wegwijs wrote in the sheet
 * ("IB-er nog te kiezen") is translated; a name or the school's own text stays as written.
 */
export function withText(ctx: RequestContext, value: string): string {
  const role = PLACEHOLDER_ROLE.get(value.trim().toLowerCase());
  return role ? ctx.t(`placeholder.${role}`) : value;
}

/** Items grouped by protocol week, in week order. */
function byWeek(items: ScheduleItemDto[]): { week: number; items: ScheduleItemDto[] }[] {
  return [...new Set(items.map((i) => i.week))]
    .sort((a, b) => a - b)
    .map((week) => ({ week, items: items.filter((i) => i.week === week) }));
}

function diffFor(world: ScheduleWorld, newcomer: Staff, generated: GeneratedSchedule): ScheduleDiff {
  const existing = world.rowsOf(newcomer.email).map((r) => r.value);
  const next = generated.items.map((i) => ({
    date: i.date,
    week: i.week,
    activity: i.activity,
    with: i.with,
    kind: i.kind,
  }));
  return updateSchedule(existing, next, generatedLines(existing));
}

function assertMayPlan(actor: Actor, newcomer: Staff): void {
  assertCanManage(actor, newcomer.location);
}

/** What "Maak inwerkschema" / "Werk schema bij" would write, week by week; writes nothing. */
export function previewSchedule(ctx: RequestContext, newcomerRaw: unknown): SchedulePreviewDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  const world = new ScheduleWorld(ctx);
  const newcomer = world.newcomer(email);
  assertMayPlan(actor, newcomer);
  const generated = world.generate(newcomer);
  const exists = world.rowsOf(email).length > 0;
  const movedBySlot = new Map(
    generated.items.map((i) => [`${i.date}|${normalizeName(i.activity)}`, i.moved]),
  );
  const moved = (row: ScheduleRow) => movedBySlot.get(`${row.date}|${normalizeName(row.activity)}`);
  let items: ScheduleItemDto[];
  let removed: ScheduleItemDto[] = [];
  const counts = { added: 0, changed: 0, removed: 0, kept: 0 };
  if (!exists) {
    items = generated.items.map((i) =>
      itemDto(ctx, { ...i, newcomer: email, done: false, check: '' }, 'new', i.moved),
    );
    counts.added = items.length;
  } else {
    const diff = diffFor(world, newcomer, generated);
    const status = new Map<ScheduleRow, ScheduleItemDto['status']>();
    for (const r of diff.keep) status.set(r, 'same');
    for (const r of diff.add) status.set(r, 'new');
    for (const c of diff.change) status.set(c.to, 'changed');
    const keptByHand = new Set(
      diff.keep.filter(
        (r) =>
          r.done ||
          !generated.items.some(
            (i) =>
              i.date === r.date &&
              normalizeName(i.activity) === normalizeName(r.activity) &&
              i.with === r.with,
          ),
      ),
    );
    items = diff.rows.map((r) =>
      itemDto(ctx, r, keptByHand.has(r) ? 'kept' : (status.get(r) ?? 'same'), moved(r)),
    );
    removed = diff.remove.map((r) => itemDto(ctx, r, 'removed'));
    counts.added = diff.add.length;
    counts.changed = diff.change.length;
    counts.removed = diff.remove.length;
    counts.kept = keptByHand.size;
  }
  return {
    newcomer: newcomerDto(email, newcomer, generated.start),
    exists,
    weeks: byWeek(items),
    removed,
    changes: counts,
    warnings: warningTexts(ctx, generated),
  };
}

/**
 * Keeps the newcomer's planned check-ins in line with the schedule: open moments move with it,
 * missing ones are added, held or skipped ones are never touched.
 */
export function planCheckIns(
  world: ScheduleWorld,
  newcomer: Staff,
  items: readonly Pick<ScheduleItem, 'kind' | 'date'>[],
): void {
  const table = world.ctx.wb.tryTable('checkIns');
  if (!table) return;
  const dates = items
    .filter((i) => i.kind === 'check-in')
    .map((i) => i.date)
    .sort();
  const buddy = world.buddyOf(newcomer.email)?.email ?? '';
  const mine = world
    .checkInRecordsOf(newcomer.email)
    .sort((a, b) => (a.value.planned < b.value.planned ? -1 : 1));
  const open = mine.filter((r) => !r.value.held && !r.value.skipped);
  const closed = new Set(mine.filter((r) => r.value.held || r.value.skipped).map((r) => r.value.planned));
  const wanted = dates.filter((d) => !closed.has(d));
  wanted.forEach((date, i) => {
    const record = open[i];
    if (!record) table.append(plannedCheckIn(newcomer.email, buddy, date));
    else if (record.value.planned !== date) {
      // A moved check-in is a new moment: its reminders go again for the new day.
      table.update(record, {
        planned: date,
        buddy: buddy || record.value.buddy,
        reminder: '',
        lateNotice: '',
        chiefNotice: '',
      });
    } else if (buddy && record.value.buddy !== buddy) table.update(record, { buddy });
  });
  for (const extra of open.slice(wanted.length)) {
    if (!extra.value.notes && !extra.value.agreements) table.remove(extra);
  }
}

/**
 * The schedule as saved in `Inwerkschema`, week by week, for everyone who follows the newcomer
 * (their buddy too, who may tick lines off). Writes nothing and generates nothing.
 */
export function getSchedule(ctx: RequestContext, newcomerRaw: unknown): SchedulePreviewDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  const world = new ScheduleWorld(ctx);
  const newcomer = world.newcomer(email);
  assertMayFollow(ctx, actor, newcomer);
  const rows = world
    .rowsOf(email)
    .map((r) => r.value)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const items = rows.map((r) => itemDto(ctx, r, 'same'));
  return {
    newcomer: newcomerDto(email, newcomer, rows[0]?.date ?? ''),
    exists: rows.length > 0,
    weeks: byWeek(items),
    removed: [],
    changes: { added: 0, changed: 0, removed: 0, kept: 0 },
    warnings: [],
  };
}

/** Writes (or updates) one newcomer's schedule. */
export function saveSchedule(ctx: RequestContext, newcomerRaw: unknown): ScheduleResultDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  return ctx.locked(() => {
    const result = saveInUnit(ctx, actor, email);
    ctx.wb.commit();
    return result;
  });
}

/**
 * Writes (or updates) one newcomer's schedule inside the caller's unit of work; the caller
 * commits. Throws `schedule.empty` when nothing can be planned (then the caller writes nothing).
 */
export function saveInUnit(ctx: RequestContext, actor: Actor, email: Email): ScheduleResultDto {
  const world = new ScheduleWorld(ctx);
  const newcomer = world.newcomer(email);
  assertMayPlan(actor, newcomer);
  // A new schedule only where the location has started (an existing one may still be updated).
  if (!world.rowsOf(email).length) assertLocationRuns(ctx, newcomer.location);
  const generated = world.generate(newcomer);
  if (!generated.items.length)
    throw new UserError('schedule.empty', { reasons: warningTexts(ctx, generated).join(' ') });
  const diff = world.apply(newcomer, generated);
  logAction(ctx, ctx.t('log.scheduleSaved'), newcomer.location);
  return {
    message: ctx.t('schedule.saved', {
      name: newcomer.name,
      added: diff.add.length,
      changed: diff.change.length,
      removed: diff.remove.length,
    }),
    count: 1,
    warnings: warningTexts(ctx, generated),
  };
}

/**
 * Updates the existing schedules of these newcomers after a change of buddy, so "buddy nog niet
 * gekoppeld" fills in (inside the caller's lock; the caller commits).
 */
export function refreshSchedulesOf(ctx: RequestContext, emails: readonly Email[]): void {
  const world = new ScheduleWorld(ctx);
  for (const email of emails) {
    const newcomer = ctx.directory().person(email);
    if (!newcomer || !world.rowsOf(email).length) continue;
    const generated = world.generate(newcomer);
    if (generated.items.length) world.apply(newcomer, generated);
  }
}

/** Makes schedules for every newcomer of a location who has a buddy but no schedule yet. */
export function generateSchedules(ctx: RequestContext, locationRaw: unknown): ScheduleResultDto {
  const location = canonicalLocation(ctx, expectText(locationRaw, 'location', 200));
  const actor = ctx.actor();
  assertCanManage(actor, location);
  return ctx.locked(() => {
    assertLocationRuns(ctx, location);
    const world = new ScheduleWorld(ctx);
    const directory = ctx.directory();
    // Who is due is decided before any schedule is made: making one does not make another due.
    const due = directory
      .staff()
      .filter(
        (s) =>
          s.status === 'nieuw' &&
          sameLocation(s.location, location) &&
          directory.activeBuddy(s.email) !== '' &&
          world.rowsOf(s.email).length === 0,
      );
    const warnings: string[] = [];
    let count = 0;
    for (const newcomer of due) {
      const generated = world.generate(newcomer);
      warnings.push(...warningTexts(ctx, generated).map((w) => `${newcomer.name}: ${w}`));
      if (!generated.items.length) continue;
      world.apply(newcomer, generated);
      count++;
    }
    if (count) logAction(ctx, ctx.t('log.schedulesGenerated'), `${location}: ${count}`);
    ctx.wb.commit();
    return { message: ctx.t('schedule.generated', { count }), count, warnings: warnings.slice(0, 50) };
  });
}

/** Ticks a schedule line off (or on again). The buddy may do this too. */
export function markScheduleItem(
  ctx: RequestContext,
  newcomerRaw: unknown,
  dateRaw: unknown,
  activityRaw: unknown,
  doneRaw: unknown,
): ScheduleResultDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const date = expectDate(dateRaw, 'date');
  const activity = expectText(activityRaw, 'activity', 500);
  const done = expectBoolean(doneRaw, 'done');
  const actor = ctx.actor();
  return ctx.locked(() => {
    const world = new ScheduleWorld(ctx);
    const newcomer = world.newcomer(email);
    assertMayFollow(ctx, actor, newcomer);
    const record = world
      .rowsOf(email)
      .find((r) => r.value.date === date && normalizeName(r.value.activity) === normalizeName(activity));
    if (!record) throw new UserError('schedule.noSuchItem');
    // A line is done on or after its day, not before.
    if (done && date > ctx.services.clock.today()) throw new UserError('schedule.notYet', { date });
    world.scheduleTable.update(record, { done });
    ctx.wb.commit();
    return { message: ctx.t(done ? 'schedule.markedDone' : 'schedule.markedOpen'), count: 1, warnings: [] };
  });
}

/** School leader, the location's chef buddy, or the newcomer's active buddy (who has not left). */
export function assertMayFollow(ctx: RequestContext, actor: Actor, newcomer: Staff): void {
  assertFollows(actor, {
    email: newcomer.email,
    location: newcomer.location,
    activeBuddy: ctx.directory().activeBuddy(newcomer.email),
  });
}

/** The saved schedule as an iCalendar file, for download or as a mail attachment. */
export function icsFor(ctx: RequestContext, newcomer: Staff, rows: readonly ScheduleRow[]): IcsFileDto {
  const domain = (newcomer.email.split('@')[1] ?? 'wegwijs.invalid').toLowerCase();
  const content = scheduleToIcs(rows, {
    newcomerEmail: newcomer.email,
    newcomerName: newcomer.name,
    location: newcomer.location,
    uidDomain: domain,
    now: ctx.services.clock.now(),
  });
  return {
    filename: `inwerkschema-${normalizeName(newcomer.name) || 'nieuwe-collega'}.ics`,
    mimeType: 'text/calendar',
    content,
  };
}

export function scheduleIcs(ctx: RequestContext, newcomerRaw: unknown): IcsFileDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  const world = new ScheduleWorld(ctx);
  const newcomer = world.newcomer(email);
  assertMayFollow(ctx, actor, newcomer);
  const rows = world.rowsOf(email).map((r) => r.value);
  if (!rows.length) throw new UserError('schedule.none', { name: newcomer.name });
  return icsFor(ctx, newcomer, rows);
}

export { ScheduleWorld };
