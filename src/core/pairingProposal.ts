/**
 * "Stel koppelingen voor", the pure core: the best assignment of buddies to a location's unpaired
 * newcomers as a whole, in named steps (pool, match groups, pruning, flow network, read-back), on
 * the eligibility and scores of `pairing.ts`. No I/O.
 */
import { FlowNetwork } from './assignment';
import { type IsoDate, maxDate, minDate } from './dates';
import type { Email } from './identity';
import {
  buddyTerms,
  byText,
  type Context,
  capacityIn,
  contextOf,
  milli,
  neededFrom,
  type PairingInput,
  type Reason,
  roomTerm,
  ruleExclusions,
  SAME_LOCATION_WEIGHT,
  scoreIn,
  waitingIn,
} from './pairing';
import type { RowOf } from './schema';

type Staff = RowOf<'staff'>;

export interface ProposedPair {
  newcomer: Email;
  newcomerName: string;
  buddy: Email;
  buddyName: string;
  /**
   * The score this pair shows when the proposal's pairs are applied one by one in the listed
   * order: `load` counts the buddy's earlier pairs in this proposal. The scores sum to
   * `totals.score`.
   */
  score: number;
  reasons: Reason[];
  load: number;
  capacity: number;
}

export interface Unassigned {
  newcomer: Email;
  name: string;
  /** `noEligibleBuddy`: nobody may be their buddy; `allTaken`: every candidate is needed elsewhere. */
  why: 'noEligibleBuddy' | 'allTaken';
  /** How many colleagues are eligible for this newcomer on their own. */
  candidates: number;
}

export interface Proposal {
  /** In the order of `unpairedNewcomers`: soonest start first. */
  pairs: ProposedPair[];
  unassigned: Unassigned[];
  /**
   * The objective, level by level: newcomers paired, total score, and Σ over all buddies of
   * (active pairings after the proposal)².
   */
  totals: { paired: number; score: number; squaredLoads: number };
}

interface Candidate {
  row: Staff;
  email: Email;
  load: number;
  capacity: number;
  /** Buddy-only points (experience, affinity, room at current load, recent), milli. */
  q: number;
  /** 'Afwezig tot' when it matters for some newcomer of the problem, else ''. */
  threshold: IsoDate | '';
  /** Normalised role, subject, location: the attributes a newcomer can match. */
  attrs: [string, string, string];
  node: number;
}

interface Group {
  bonus: number;
  members: Candidate[];
  /** Distinct thresholds, '' first, and the chain node of each. */
  thresholds: (IsoDate | '')[];
  nodes: number[];
}

/** How many entries of `sorted` (ascending) are ≤ value. */
function countAtMost(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Largest index i with sorted[i] ≤ value (sorted ascending, sorted[0] = ''). */
function levelOf(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * "Stel koppelingen voor": the best assignment as a whole for the unpaired newcomers of
 * `location`. Among all assignments that respect eligibility and every buddy's remaining
 * capacity, it takes, lexicographically:
 * 1. the most newcomers paired;
 * 2. then the highest total score, where a buddy's k-th new newcomer (k = 0, 1, …) is scored with
 *    the room term at load + k: exactly the sum of the scores the suggestion list would show if
 *    the pairs were made one after another. The falling room term spreads load by the weights;
 * 3. then the most even load: the smallest Σ over buddies of (load after the proposal)²;
 * 4. remaining ties go by a fixed order (newcomers by start date, name, e-mail; buddies by
 *    buddy-only score, load, name, e-mail), so the input order of rows never matters.
 *
 * It is solved exactly as a min-cost max-flow (see `FlowNetwork`): source → newcomer (1) →
 * match group → buddy → sink over one edge per free slot, with the convex per-slot cost
 * (room lost, load reached). The score is buddy-only points q(b) plus match bonuses (role,
 * subject, location), so a newcomer does not need an edge to every buddy: it has one edge per
 * subset of its matchable attributes into a group of the buddies that share that subset, which
 * carries the subset's bonus; the best route is the true score. Absence splits a group into a
 * chain by 'Afwezig tot', so a newcomer reaches only buddies present on their day.
 *
 * Pruning: in each group, a buddy stays only if fewer than n (newcomers in the problem) members
 * present on its own threshold day rank before it by (q desc, load asc, name, email). This keeps
 * an optimum: if a newcomer used a pruned buddy b, the n members ranked before b are reachable on
 * the same route, the other n − 1 newcomers use at most n − 1 of them, so one, c, is unused;
 * moving the newcomer to c's first slot gains q(c) ≥ q(b) ≥ what b's last slot was worth, and on
 * equal points c's load ≤ b's, so no level of the objective gets worse.
 */
export function proposePairs(location: string, input: PairingInput): Proposal {
  const ctx = contextOf(input);
  const waiting = waitingIn(ctx, location);
  const days = waiting.map((w) => neededFrom(w.row, input.today));
  const pool = poolOf(ctx, waiting, days, location);
  const weights = matchWeights(input.settings);
  const { groups, routes } = groupsOf(ctx, waiting, pool, weights);
  const net = new ProposalNetwork(ctx, waiting.length, pool, weights);
  for (const group of groups) net.addGroup(group, pruned(group, waiting.length));
  const entry = waiting.map((_, i) => routes[i]!.map((group) => net.enter(i, group, days[i]!)));
  net.solve();
  return readBack(ctx, waiting, days, pool, net, entry);
}

type Waiting = ReturnType<typeof waitingIn>;

/**
 * Step 1, the pool: buddies eligible for at least one newcomer, checked once. Of `eligibility`,
 * only absence depends on the newcomer here (as a threshold day). The location is the same for
 * all, and a colleague who is also one of these newcomers (a duplicated row) is nobody's buddy.
 * Sorted by (q desc, load asc, name, e-mail): the order pruning ranks by.
 */
function poolOf(ctx: Context, waiting: Waiting, days: readonly IsoDate[], location: string): Candidate[] {
  const { settings, today, staff } = ctx.input;
  const newcomerEmails = new Set(waiting.map((w) => w.waiting.email));
  const firstDay = days.reduce(minDate, '9999-12-31');
  const lastDay = days.reduce(maxDate, '');
  const where = ctx.norm(location);
  const pool: Candidate[] = [];
  const seen = new Set<string>();
  for (const row of staff) {
    const email = row.email;
    if (!email || seen.has(email) || newcomerEmails.has(email)) continue;
    if (row.status !== 'actief' || !row.canBuddy) continue;
    // Proposals never break a buddy rule; only a person can, after confirming.
    if (ruleExclusions(row, settings, today).length) continue;
    if (!settings.pairAcrossLocations && ctx.norm(row.location) !== where) continue;
    if (row.absentUntil && row.absentUntil > lastDay) continue;
    const load = ctx.loads.get(email) ?? 0;
    const capacity = capacityIn(ctx, row);
    if (load >= capacity) continue;
    seen.add(email);
    const q = buddyTerms(ctx, row, load, capacity).reduce((sum, t) => sum + t.milli, 0);
    const threshold = row.absentUntil && row.absentUntil > firstDay ? row.absentUntil : '';
    const attrs: [string, string, string] = [
      ctx.norm(row.role),
      ctx.norm(row.subject),
      ctx.norm(row.location),
    ];
    pool.push({ row, email, load, capacity, q, threshold, attrs, node: -1 });
  }
  pool.sort(
    (a, b) =>
      b.q - a.q ||
      a.load - b.load ||
      byText(ctx.norm(a.row.name), ctx.norm(b.row.name)) ||
      byText(a.email, b.email),
  );
  return pool;
}

/** The bonus of each matchable attribute (role, subject, location), milli; 0 when it cannot count. */
function matchWeights(settings: PairingInput['settings']): number[] {
  return [
    milli(settings.weightSameRole),
    milli(settings.weightSameSubject),
    settings.pairAcrossLocations ? milli(SAME_LOCATION_WEIGHT) : 0,
  ];
}

/**
 * Step 2, the match groups: one per subset (mask) of attributes with their values, created in
 * newcomer order; `routes[i]` are the groups newcomer i can enter, and each pool member joins every
 * group whose attributes it shares.
 */
function groupsOf(
  ctx: Context,
  waiting: Waiting,
  pool: readonly Candidate[],
  weights: readonly number[],
): { groups: Group[]; routes: Group[][] } {
  const keyOf = (mask: number, attrs: readonly string[]) =>
    `${mask}|${attrs.map((a, i) => (mask & (1 << i) ? a : '')).join('|')}`;
  const groups = new Map<string, Group>();
  const routes: Group[][] = waiting.map(({ row }) => {
    const attrs = [ctx.norm(row.role), ctx.norm(row.subject), ctx.norm(row.location)];
    let matchable = 0;
    for (let i = 0; i < 3; i++) if (attrs[i] && weights[i]! > 0) matchable |= 1 << i;
    const out: Group[] = [];
    for (let mask = 0; mask < 8; mask++) {
      if ((mask & matchable) !== mask) continue;
      const key = keyOf(mask, attrs);
      let group = groups.get(key);
      if (!group) {
        let bonus = 0;
        for (let i = 0; i < 3; i++) if (mask & (1 << i)) bonus += weights[i]!;
        group = { bonus, members: [], thresholds: [], nodes: [] };
        groups.set(key, group);
      }
      out.push(group);
    }
    return out;
  });
  for (const c of pool)
    for (let mask = 0; mask < 8; mask++) {
      if (c.attrs.some((a, i) => mask & (1 << i) && !a)) continue;
      groups.get(keyOf(mask, c.attrs))?.members.push(c);
    }
  return { groups: [...groups.values()], routes };
}

/**
 * Step 3, pruning: the members of a group that may be needed, each with its threshold level. A
 * member stays only if fewer than n members present on its own threshold day rank before it (see
 * `proposePairs` for why this keeps an optimum). Sets the group's distinct thresholds.
 */
function pruned(group: Group, n: number): { member: Candidate; level: number }[] {
  group.thresholds = [...new Set(['', ...group.members.map((m) => m.threshold)])].sort(byText);
  // Fenwick tree over threshold levels: how many members ranked so far are present by a level.
  const tree = new Array<number>(group.thresholds.length + 1).fill(0);
  const kept: { member: Candidate; level: number }[] = [];
  for (const c of group.members) {
    const level = levelOf(group.thresholds, c.threshold);
    let before = 0;
    for (let i = level + 1; i > 0; i -= i & -i) before += tree[i]!;
    for (let i = level + 1; i < tree.length; i += i & -i) tree[i]!++;
    if (before < n) kept.push({ member: c, level });
  }
  return kept;
}

/**
 * Step 4, the flow network: source → newcomer (1) → match group (a chain by threshold) → buddy →
 * sink over one edge per free slot, with the convex per-slot cost (room lost, load reached).
 */
class ProposalNetwork {
  readonly net = new FlowNetwork();
  private readonly source: number;
  private readonly sink: number;
  private readonly newcomerNodes: number[];
  private readonly maxQ: number;
  private readonly maxBonus: number;

  constructor(
    private readonly ctx: Context,
    private readonly n: number,
    pool: readonly Candidate[],
    weights: readonly number[],
  ) {
    this.source = this.net.addNode();
    this.sink = this.net.addNode();
    this.newcomerNodes = Array.from({ length: n }, () => this.net.addNode());
    for (const node of this.newcomerNodes) this.net.addEdge(this.source, node, 1, 0);
    this.maxQ = pool.reduce((m, c) => Math.max(m, c.q), 0);
    this.maxBonus = weights.reduce((a, b) => a + b, 0);
  }

  /** The group's chain of threshold nodes, and an edge to each kept member's buddy node. */
  addGroup(group: Group, kept: readonly { member: Candidate; level: number }[]): void {
    const net = this.net;
    group.nodes = group.thresholds.map(() => net.addNode());
    for (let j = 1; j < group.nodes.length; j++) net.addEdge(group.nodes[j]!, group.nodes[j - 1]!, this.n, 0);
    for (const { member, level } of kept)
      net.addEdge(group.nodes[level]!, this.buddyNode(member), this.n, this.maxQ - member.q);
  }

  /** The edge from newcomer i into a group, at the level of the day they need a buddy. */
  enter(i: number, group: Group, day: IsoDate): number {
    const node = group.nodes[levelOf(group.thresholds, day)]!;
    return this.net.addEdge(this.newcomerNodes[i]!, node, 1, this.maxBonus - group.bonus);
  }

  solve(): void {
    this.net.minCostMaxFlow(this.source, this.sink);
  }

  private buddyNode(c: Candidate): number {
    if (c.node >= 0) return c.node;
    const net = this.net;
    c.node = net.addNode();
    const weightRoom = this.ctx.input.settings.weightRoom;
    const first = roomTerm(this.ctx, c.load, c.capacity).milli;
    for (let k = 0; k < Math.min(c.capacity - c.load, this.n); k++)
      net.addEdge(
        c.node,
        this.sink,
        1,
        first - milli(weightRoom, (c.capacity - c.load - k) / c.capacity),
        c.load + k,
      );
    return c.node;
  }
}

/**
 * Step 5, read-back: follow each newcomer's unit of flow down to its buddy (the network is
 * acyclic), score the pairs one after another, and say why the others stay without.
 */
function readBack(
  ctx: Context,
  waiting: Waiting,
  days: readonly IsoDate[],
  pool: readonly Candidate[],
  { net }: ProposalNetwork,
  entry: readonly number[][],
): Proposal {
  const used = new Map<number, number>();
  const left = (e: number) => net.flow(e) - (used.get(e) ?? 0);
  const outs = new Map<number, { edges: number[]; at: number }>();
  const nextEdge = (node: number): number | undefined => {
    let out = outs.get(node);
    if (!out) {
      out = { edges: net.edgesFrom(node), at: 0 };
      outs.set(node, out);
    }
    while (out.at < out.edges.length && left(out.edges[out.at]!) <= 0) out.at++;
    return out.edges[out.at];
  };
  const byNode = new Map<number, Candidate>();
  for (const c of pool) if (c.node >= 0) byNode.set(c.node, c);
  const poolThresholds = pool.map((c) => c.threshold).sort(byText);
  const extra = new Map<string, number>();
  const pairs: ProposedPair[] = [];
  const unassigned: Unassigned[] = [];
  let total = 0;
  waiting.forEach(({ row, waiting: w }, i) => {
    let edge = entry[i]!.find((e) => net.flow(e) > 0);
    let buddy: Candidate | undefined;
    while (edge !== undefined) {
      used.set(edge, (used.get(edge) ?? 0) + 1);
      const node = net.target(edge);
      buddy = byNode.get(node);
      if (buddy) break;
      edge = nextEdge(node);
    }
    if (!buddy) {
      const candidates = countAtMost(poolThresholds, days[i]!);
      unassigned.push({
        newcomer: w.email,
        name: w.name,
        why: candidates === 0 ? 'noEligibleBuddy' : 'allTaken',
        candidates,
      });
      return;
    }
    const k = extra.get(buddy.email) ?? 0;
    extra.set(buddy.email, k + 1);
    const load = buddy.load + k;
    const scored = scoreIn(ctx, buddy.row, row, load, buddy.capacity);
    total += Math.round(scored.score * 1000);
    pairs.push({
      newcomer: w.email,
      newcomerName: w.name,
      buddy: buddy.email,
      buddyName: buddy.row.name,
      ...scored,
      load,
      capacity: buddy.capacity,
    });
  });
  let squaredLoads = 0;
  for (const [email, load] of ctx.loads) squaredLoads += (load + (extra.get(email) ?? 0)) ** 2;
  for (const [email, k] of extra) if (!ctx.loads.has(email)) squaredLoads += k * k;
  return { pairs, unassigned, totals: { paired: pairs.length, score: total / 1000, squaredLoads } };
}
