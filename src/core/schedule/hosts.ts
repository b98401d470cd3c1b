/**
 * Choosing colleagues for schedule lines: the pool of a location, the ledgers that count hosting
 * per week and overall across every schedule of a request, and `pick`, the one choice rule
 * (criteria compared in order, then a per-newcomer hash, then the e-mail).
 */
import type { IsoDate } from '../dates';
import { hashText } from '../identity';
import type { RowOf } from '../schema';

type Staff = RowOf<'staff'>;

/** A staff row with its e-mail key, computed once. */
export interface Colleague {
  readonly staff: Staff;
  readonly email: string;
  /**
   * hashText(email), which the tie-break mixes with the newcomer's hash: -1 until the first tie
   * that needs it (see `colleagueHash`), as most colleagues are never in one.
   */
  hash: number;
}

export function absentOn(person: Staff, date: IsoDate): boolean {
  return person.absentUntil !== '' && person.absentUntil >= date;
}

/** A colleague's e-mail hash, computed on first use. */
export function colleagueHash(c: Colleague): number {
  if (c.hash < 0) c.hash = hashText(c.email);
  return c.hash;
}

/** A well-spread 32-bit mix of two hashes (murmur3's finaliser), for per-newcomer tie-breaks. */
export function mixHashes(a: number, b: number): number {
  let h = (a ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const NONE: ReadonlyMap<string, number> = new Map();

/** Weekly and total counts per colleague e-mail, with each newcomer's share so it can be replaced. */
export class Ledger {
  /** monday → colleague → count. */
  private readonly week = new Map<IsoDate, Map<string, number>>();
  private readonly total = new Map<string, number>();
  private readonly byNewcomer = new Map<string, { host: string; monday: IsoDate }[]>();

  add(newcomer: string, host: string, monday: IsoDate): void {
    this.bump(host, monday, 1);
    getOrAdd(this.byNewcomer, newcomer, () => []).push({ host, monday });
  }

  /** Forgets a newcomer's share: their schedule is being made again. */
  removeNewcomer(newcomer: string): void {
    for (const e of this.byNewcomer.get(newcomer) ?? []) this.bump(e.host, e.monday, -1);
    this.byNewcomer.delete(newcomer);
  }

  /** The counts of one week (read-only use); look a colleague up with `.get(email) ?? 0`. */
  weekOf(monday: IsoDate): ReadonlyMap<string, number> {
    return this.week.get(monday) ?? NONE;
  }

  /** All counts of one week together. */
  totalOf(monday: IsoDate): number {
    let sum = 0;
    for (const n of this.weekOf(monday).values()) sum += n;
    return sum;
  }

  overall(host: string): number {
    return this.total.get(host) ?? 0;
  }

  private bump(host: string, monday: IsoDate, by: number): void {
    const week = getOrAdd(this.week, monday, () => new Map<string, number>());
    week.set(host, (week.get(host) ?? 0) + by);
    this.total.set(host, (this.total.get(host) ?? 0) + by);
  }
}

/** One criterion of a choice; lower is better. A choice is a tuple of criteria, compared in order. */
export type Criterion = (c: Colleague) => number;

/** -1, 0 or 1: how `c` compares with the criteria values `best` (of the colleague found so far). */
function compare(c: Colleague, criteria: readonly Criterion[], best: readonly number[]): number {
  for (let i = 0; i < criteria.length; i++) {
    const value = criteria[i]!(c);
    if (value !== best[i]) return value < best[i]! ? -1 : 1;
  }
  return 0;
}

/**
 * The colleague that passes `ok` and comes first by `criteria` (a tuple: the first criterion,
 * then the next on a tie, …); remaining ties go to the lowest `tie` (a hash), then the lowest
 * e-mail. One pass, one small array: it runs for every slot of every schedule.
 */
export function pick(
  list: readonly Colleague[],
  ok: (c: Colleague) => boolean,
  criteria: readonly Criterion[],
  tie: (c: Colleague) => number,
): Colleague | undefined {
  let found: Colleague | undefined;
  const best: number[] = [];
  let foundTie = -1;
  const take = (c: Colleague) => {
    found = c;
    for (let i = 0; i < criteria.length; i++) best[i] = criteria[i]!(c);
    foundTie = -1;
  };
  for (const c of list) {
    if (!ok(c)) continue;
    if (found === undefined) {
      take(c);
      continue;
    }
    const order = compare(c, criteria, best);
    if (order < 0) take(c);
    if (order !== 0) continue;
    if (foundTie < 0) foundTie = tie(found);
    const t = tie(c);
    if (t < foundTie || (t === foundTie && c.email < found.email)) {
      found = c;
      foundTie = t;
    }
  }
  return found;
}
