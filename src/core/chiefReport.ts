/**
 * The chef buddy's monthly report to the school leader ("koppelt ook terug aan de schoolleider",
 * issue 14): per location, figures about the previous month's onboarding, to which the chef buddy
 * may add a remark before it goes. When the report opens (a day of the month, a setting) and when
 * it goes without a remark (N days later, a setting). No notes, no worries' text, and no
 * wellbeing of fewer than three people. Pure.
 */
import { GOAL_STATUSES, type GoalStatus } from '../shared/coaching';
import { type CheckInRow, clickAlertReason, currentGoals, parseLevels } from './checkins';
import { addDays, addMonths, type IsoDate, makeDate } from './dates';
import type { RowOf } from './schema';

/** Fewer people than this: no wellbeing figure (it would tell about one or two persons). */
export const MIN_PEOPLE_FOR_WELLBEING = 3;

/** Which month's report is current today, when it opened and when it goes without a remark. */
export interface ReportPeriod {
  /** `YYYY-MM`: the month the report is about (the previous one). */
  month: string;
  /** The first and last day of that month. */
  from: IsoDate;
  to: IsoDate;
  /** The day of this month it opens for a remark (the setting, at most the month's last day). */
  opensOn: IsoDate;
  /** From this day it goes without a remark. */
  sendsOn: IsoDate;
}

export function reportPeriod(today: IsoDate, day: number, waitDays: number): ReportPeriod {
  const thisMonth = `${today.slice(0, 7)}-01` as IsoDate;
  const from = addMonths(thisMonth, -1);
  const lastOfThis = addDays(addMonths(thisMonth, 1), -1);
  const wanted = Math.max(1, Math.min(28, Math.floor(day) || 1));
  const opensOn = makeDate(Number(today.slice(0, 4)), Number(today.slice(5, 7)), wanted);
  return {
    month: from.slice(0, 7),
    from,
    to: addDays(thisMonth, -1),
    opensOn: opensOn > lastOfThis ? lastOfThis : opensOn,
    sendsOn: addDays(opensOn, Math.max(0, Math.floor(waitDays))),
  };
}

export interface ChiefReportFigures {
  location: string;
  /** Newcomers of the location in onboarding at the end of the month. */
  newcomers: number;
  /** Check-ins held, skipped, and planned in the month but still open. */
  held: number;
  skipped: number;
  open: number;
  /** Held check-ins in the month with a klik alert (a "niet", or "twijfel" twice). */
  clickSignals: number;
  /** Held check-ins in the month where worries were written down (never what they were). */
  worries: number;
  /** The goals of the location's newcomers as they stand, by status. */
  goals: Record<GoalStatus, number>;
  /** Competences given a level in the month: how many times. */
  levels: number;
  /** Average wellbeing of the month's held check-ins, only with at least three people; else null. */
  wellbeing: number | null;
  wellbeingPeople: number;
}

export interface ChiefReportInput {
  location: string;
  period: Pick<ReportPeriod, 'from' | 'to'>;
  staff: readonly RowOf<'staff'>[];
  checkIns: readonly CheckInRow[];
}

function sameLocation(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The figures of one location for one month. */
export function chiefReportFigures(input: ChiefReportInput): ChiefReportFigures {
  const { from, to } = input.period;
  const here = new Set(
    input.staff
      .filter((s) => sameLocation(s.location, input.location) && (s.status === 'nieuw' || s.startDate <= to))
      .map((s) => s.email),
  );
  const inOnboarding = input.staff.filter(
    (s) =>
      sameLocation(s.location, input.location) && s.status === 'nieuw' && s.startDate && s.startDate <= to,
  ).length;
  const rows = input.checkIns.filter((r) => here.has(r.newcomer));
  const inMonth = (d: string) => d !== '' && d >= from && d <= to;
  const held = rows.filter((r) => inMonth(r.held));
  const byNewcomer = new Map<string, CheckInRow[]>();
  for (const r of rows) {
    const k = r.newcomer;
    byNewcomer.set(k, [...(byNewcomer.get(k) ?? []), r]);
  }
  let clickSignals = 0;
  for (const list of byNewcomer.values()) {
    const sorted = list
      .filter((r) => r.held)
      .sort((a, b) => (a.held < b.held ? -1 : a.held > b.held ? 1 : 0));
    sorted.forEach((r, i) => {
      const previous = sorted
        .slice(0, i)
        .reverse()
        .find((p) => p.buddy === r.buddy);
      if (inMonth(r.held) && clickAlertReason(r, previous)) clickSignals++;
    });
  }
  const goals = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>;
  for (const list of byNewcomer.values())
    for (const g of currentGoals(list.filter((r) => r.held && r.held <= to))) goals[g.status]++;
  const scored = held.filter((r) => typeof r.wellbeing === 'number' && r.wellbeing >= 1 && r.wellbeing <= 5);
  const people = new Set(scored.map((r) => r.newcomer)).size;
  const wellbeing =
    people >= MIN_PEOPLE_FOR_WELLBEING
      ? Math.round((scored.reduce((n, r) => n + (r.wellbeing as number), 0) / scored.length) * 10) / 10
      : null;
  return {
    location: input.location,
    newcomers: inOnboarding,
    held: held.length,
    skipped: rows.filter((r) => !r.held && r.skipped.trim() && inMonth(r.planned)).length,
    open: rows.filter((r) => !r.held && !r.skipped.trim() && inMonth(r.planned)).length,
    clickSignals,
    worries: held.filter((r) => r.worries.trim()).length,
    goals,
    levels: held.reduce((n, r) => n + parseLevels(r.levels).length, 0),
    wellbeing,
    wellbeingPeople: people,
  };
}
