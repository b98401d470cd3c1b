/**
 * Regeneration: the rows a generated schedule becomes, the fingerprint that tells Wegwijs's lines
 * from lines edited by hand, and what "Werk schema bij" would change.
 */
import { type Email, hashText, normalizeName } from '../identity';
import type { ScheduleItem, ScheduleRow } from './planner';

/** The `Inwerkschema` rows of a generated schedule (not done). */
export function toScheduleRows(newcomerEmail: Email, items: readonly ScheduleItem[]): ScheduleRow[] {
  return items.map((i) => scheduleRow(newcomerEmail, i));
}

/**
 * The `Inwerkschema` row of one line, not done: its fields only (a planner's item carries more),
 * with the line's fingerprint unless `check` is given.
 */
export function scheduleRow(newcomer: Email, line: ScheduleLine, check = lineCheck(line)): ScheduleRow {
  return {
    newcomer,
    date: line.date,
    week: line.week,
    activity: line.activity,
    with: line.with,
    kind: line.kind,
    done: false,
    check,
  };
}

/**
 * A short fingerprint of a line as Wegwijs wrote it (day, activity, with whom). Kept in the row's
 * `Controle` cell: when a person edits the line, the fingerprint no longer matches, and
 * regeneration keeps their edit. Stored in the sheet, so it scales with the sheet.
 */
export function lineCheck(line: Pick<ScheduleLine, 'date' | 'activity' | 'with'>): string {
  return hashText(`${line.date}|${normalizeName(line.activity)}|${line.with.trim()}`).toString(36);
}

/** The lines of the last generation: rows whose fingerprint still matches them. */
export function generatedLines(rows: readonly ScheduleRow[]): ScheduleLine[] {
  return rows.filter((r) => r.check !== '' && r.check === lineCheck(r));
}

/** The fields of a schedule line that regeneration compares. */
export type ScheduleLine = Pick<ScheduleRow, 'date' | 'week' | 'activity' | 'with' | 'kind'>;

/** What "Werk schema bij" would do. `rows` is the result: keep + changed + added, by date. */
export interface ScheduleDiff {
  readonly keep: ScheduleRow[];
  readonly add: ScheduleRow[];
  readonly remove: ScheduleRow[];
  readonly change: { from: ScheduleRow; to: ScheduleRow }[];
  readonly rows: ScheduleRow[];
}

/** The slot of a line: (week, kind, activity) loosely; the same slot is the same event. */
export function slotKey(line: Pick<ScheduleLine, 'week' | 'kind' | 'activity'>): string {
  return `${line.week ?? ''}|${line.kind}|${normalizeName(line.activity)}`;
}

function sameLine(a: ScheduleLine, b: ScheduleLine): boolean {
  return (
    a.date === b.date &&
    normalizeName(a.activity) === normalizeName(b.activity) &&
    a.with.trim() === b.with.trim()
  );
}

/** By date; lines of one date keep their order. */
function byDate<T extends Pick<ScheduleLine, 'date'>>(list: readonly T[]): T[] {
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (a.x.date < b.x.date ? -1 : a.x.date > b.x.date ? 1 : a.i - b.i))
    .map((e) => e.x);
}

/** New lines by slot (`slotKey`), each slot's lines by date, slots in the order they first occur by date. */
function bySlot<T extends ScheduleLine>(next: readonly T[]): Map<string, T[]> {
  const slots = new Map<string, T[]>();
  for (const line of byDate(next)) {
    const key = slotKey(line);
    const list = slots.get(key);
    if (list) list.push(line);
    else slots.set(key, [line]);
  }
  return slots;
}

/** The lines of a schedule made where a newcomer had none, in the order `updateSchedule` adds them. */
export function inAddedOrder<T extends ScheduleLine>(next: readonly T[]): T[] {
  return byDate([...bySlot(next).values()].flat());
}

/**
 * Compares a newcomer's rows in `Inwerkschema` with a new generation. Lines are matched by slot
 * (`slotKey`; the n-th line of a slot, by date, matches the n-th). Rules, per existing row:
 * - done → kept as it is, and its slot's new line is not added (no duplicate);
 * - edited by hand → kept, and likewise takes its slot's new line. With `previous` (the lines as
 *   generated last time), a row is edited by hand when it equals (date, activity, with) none of
 *   them. Without `previous`, a row is taken as edited by hand only when its slot is not in the new
 *   generation (a line added or renamed by hand); a generated-looking row whose date or `with`
 *   was changed by hand is then replaced — pass `previous` to keep those too;
 * - otherwise, generated → unchanged when equal to its slot's new line, changed when different,
 *   removed when the new generation has no such slot.
 * New lines whose slot matched nothing are added.
 */
export function updateSchedule(
  existing: readonly ScheduleRow[],
  next: readonly ScheduleLine[],
  previous?: readonly ScheduleLine[],
): ScheduleDiff {
  const newcomer = existing[0]?.newcomer ?? '';
  const slots = bySlot(next);
  const keep: ScheduleRow[] = [];
  const remove: ScheduleRow[] = [];
  const change: { from: ScheduleRow; to: ScheduleRow }[] = [];
  const toRow = (line: ScheduleLine, row?: ScheduleRow): ScheduleRow =>
    scheduleRow(row?.newcomer ?? newcomer, line);
  for (const row of byDate(existing)) {
    const list = slots.get(slotKey(row));
    const match = list?.shift();
    const byHand = previous ? !previous.some((p) => sameLine(p, row)) : match === undefined;
    if (row.done || byHand) keep.push(row);
    else if (!match) remove.push(row);
    else if (sameLine(match, row)) keep.push(row);
    else change.push({ from: row, to: toRow(match, row) });
  }
  const add: ScheduleRow[] = [];
  for (const list of slots.values()) for (const line of list) add.push(toRow(line));
  const rows = byDate([...keep, ...change.map((c) => c.to), ...add]);
  return { keep, add: byDate(add), remove, change, rows };
}
