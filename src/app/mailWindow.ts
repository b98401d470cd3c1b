/**
 * Whether today is a school working day, for the whole school or one location: weekends, public
 * holidays and the `Vrije dagen` rows (for `alle` or that location). Automatic mail to people waits
 * on a day off: the scheduled run checks the whole school, jobs check the recipient's location.
 */
import { SchoolCalendar } from '../core/calendar';
import { normalizeName } from '../core/schema';
import type { RequestContext } from './context';

const calendars = new WeakMap<RequestContext, Map<string, SchoolCalendar>>();

function calendarOf(ctx: RequestContext, location: string): SchoolCalendar {
  let byLocation = calendars.get(ctx);
  if (!byLocation) {
    byLocation = new Map();
    calendars.set(ctx, byLocation);
  }
  const key = normalizeName(location);
  let calendar = byLocation.get(key);
  if (!calendar) {
    const settings = ctx.settings();
    calendar = new SchoolCalendar(
      ctx.wb.tryTable('daysOff')?.records.map((r) => r.value) ?? [],
      { goodFriday: settings.goodFriday, liberationDay: settings.liberationDay },
      location,
    );
    byLocation.set(key, calendar);
  }
  return calendar;
}

/** True when `day` is a working day of `location` (`alle` or '' for the whole school). */
export function isSchoolDay(ctx: RequestContext, location: string, day: string): boolean {
  return calendarOf(ctx, location).isWorkingDay(day);
}

/** True when the location has a day off today: its automatic mail waits for the next school day. */
export function dayOffToday(ctx: RequestContext, location: string): boolean {
  return !isSchoolDay(ctx, location, ctx.services.clock.today());
}
