/**
 * Protocol weeks on the school calendar: where a template day lands, why an item moved, and the
 * planned check-ins of a newcomer.
 */
import type { DayOffReason, SchoolCalendar, WorkingDay } from '../calendar';
import { addDays, type IsoDate, mondayOf } from '../dates';
import type { RowOf } from '../schema';
import type { Settings } from '../settings';
import { type ResolvedTemplateRow, resolveTemplate } from './template';

type TemplateRow = RowOf<'templates'>;

/**
 * Why an item is not on its template day:
 * - `dayOff`: that day is off (`description` says why: "Koningsdag", "Studiedag");
 * - `beforeStart`: the day is before the start date, in the first week.
 * The item moved to the first working day after it in the same week, or, when the week has none
 * after it, to the last working day of that week before it.
 */
export interface Moved {
  readonly from: IsoDate;
  readonly code: 'dayOff' | 'beforeStart';
  readonly description: string;
}

/** More consecutive calendar weeks without a working day than this is taken for bad data. */
const MAX_EMPTY_WEEKS = 26;

/**
 * Protocol weeks on the school calendar. Week 1 is the calendar week of the (moved) start date,
 * from the start on. Week N+1 is the next calendar week that has at least one working day: a
 * week-long school holiday pauses the protocol instead of swallowing a protocol week, so week 2
 * after a start just before the Herfstvakantie is the week after it. The same numbering places
 * the check-ins of week 6 and 13.
 */
export class WeekPlan {
  private readonly weeks: { monday: IsoDate; days: readonly WorkingDay[] }[] = [];
  /** Calendar weeks skipped so far: their Monday and why the Monday is off. */
  readonly skipped: { monday: IsoDate; reason: DayOffReason | null }[] = [];
  private nextMonday: IsoDate;

  constructor(
    private readonly calendar: SchoolCalendar,
    readonly start: IsoDate,
  ) {
    const monday = mondayOf(start);
    this.weeks.push({ monday, days: calendar.workingWeekdays(monday).filter((d) => d.date >= start) });
    this.nextMonday = calendar.mondayAfter(monday);
  }

  private week(week: number): { monday: IsoDate; days: readonly WorkingDay[] } {
    while (this.weeks.length < week) {
      let empty = 0;
      let days = this.calendar.workingWeekdays(this.nextMonday);
      while (days.length === 0) {
        if (++empty > MAX_EMPTY_WEEKS)
          throw new RangeError(`No working day in ${empty} weeks from ${this.start}`);
        this.skipped.push({ monday: this.nextMonday, reason: this.calendar.dayOffReason(this.nextMonday) });
        this.nextMonday = this.calendar.mondayAfter(this.nextMonday);
        days = this.calendar.workingWeekdays(this.nextMonday);
      }
      this.weeks.push({ monday: this.nextMonday, days });
      this.nextMonday = this.calendar.mondayAfter(this.nextMonday);
    }
    return this.weeks[week - 1]!;
  }

  /** The working days of protocol week `week` (≥ 1), in order; never empty. */
  days(week: number): IsoDate[] {
    return this.week(week).days.map((d) => d.date);
  }

  /** The Monday of the calendar week that protocol week `week` is in. */
  monday(week: number): IsoDate {
    return this.week(week).monday;
  }

  /**
   * Where a template day lands in a protocol week: that weekday when it is a working day (and not
   * before the start), else the first working day after it in the same week, else the last one
   * before it. `moved` tells why when it is not that weekday.
   */
  place(week: number, dayNumber: number): { date: IsoDate; moved?: Moved } {
    const { monday, days } = this.week(week);
    const found = days.find((d) => d.weekday >= dayNumber) ?? days[days.length - 1]!;
    if (found.weekday === dayNumber) return { date: found.date };
    const from = addDays(monday, dayNumber - 1);
    const reason = this.calendar.dayOffReason(from);
    // A working day that was skipped can only lie before the start, in week 1.
    if (reason === null || reason.code === 'weekend') {
      return { date: found.date, moved: { from, code: 'beforeStart', description: '' } };
    }
    return { date: found.date, moved: { from, code: 'dayOff', description: reason.description } };
  }

  /** The last working day of a protocol week: where a check-in from the settings goes. */
  lastDay(week: number): IsoDate {
    const days = this.week(week).days;
    return days[days.length - 1]!.date;
  }
}

/**
 * The planned check-ins of a newcomer: the template's check-in items (kind `check-in`) of the
 * location, plus one on the last working day of each week of `checkInWeeks` that the template
 * leaves without one. Sorted by date. `startDate` may be a day off (it moves, as in a schedule).
 */
export function plannedCheckIns(
  startDate: IsoDate,
  calendar: SchoolCalendar,
  settings: Pick<Settings, 'checkInWeeks'>,
  templates: readonly TemplateRow[],
): { week: number; date: IsoDate }[] {
  const plan = new WeekPlan(calendar, calendar.nextWorkingDay(startDate));
  const resolved = resolveTemplate(templates, calendar.location).rows;
  const out = resolved
    .filter((r) => r.kind === 'check-in')
    .map((r) => ({ week: r.week as number, date: plan.place(r.week as number, r.dayNumber).date }));
  for (const week of extraCheckInWeeks(resolved, settings.checkInWeeks)) {
    out.push({ week, date: plan.lastDay(week) });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.week - b.week));
}

export function extraCheckInWeeks(rows: readonly ResolvedTemplateRow[], weeks: readonly number[]): number[] {
  const covered = new Set(rows.filter((r) => r.kind === 'check-in').map((r) => r.week));
  return [...new Set(weeks)]
    .filter((w) => Number.isInteger(w) && w >= 1 && !covered.has(w))
    .sort((a, b) => a - b);
}
