/**
 * Min-cost max-flow with two-part, lexicographic costs: the exact engine behind "Stel
 * koppelingen voor". Pure and small: plain arrays, no recursion, runs in Apps Script V8.
 */

/**
 * A directed flow network. Costs are pairs `(a, b)` compared lexicographically: `b` only decides
 * between flows of equal `a`. Use integers (exact in doubles) and non-negative costs on the edges
 * you add; residual twins carry the negated costs internally.
 *
 * `minCostMaxFlow` runs successive shortest paths: Dijkstra on reduced costs (Johnson
 * potentials), stopping as soon as the sink is settled. Settled nodes move their potential by
 * their distance, all others by the sink's distance; that keeps every residual reduced cost
 * non-negative (d(v) ≤ d(u) + c'(u,v) in each case), so the next Dijkstra is still valid. Then
 * it augments along every path of zero reduced cost that a depth-first search finds: each is a
 * shortest path, so this is the classic primal-dual method, with far fewer Dijkstra runs. Because
 * lexicographic pairs form an ordered group, the whole argument holds for pairs as for numbers.
 * The result is a maximum flow and, among maximum flows, one of minimum cost. Ties are broken by
 * node and edge insertion order, so the same network always gives the same flow.
 */
export class FlowNetwork {
  private readonly head: number[] = [];
  private readonly tail: number[] = [];
  private readonly next: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly costA: number[] = [];
  private readonly costB: number[] = [];

  get nodeCount(): number {
    return this.head.length;
  }

  addNode(): number {
    this.head.push(-1);
    this.tail.push(-1);
    return this.head.length - 1;
  }

  /** Adds an edge and its residual twin; returns the edge id (the twin is `id ^ 1`). */
  addEdge(from: number, to: number, capacity: number, costA: number, costB = 0): number {
    const id = this.to.length;
    this.half(from, to, capacity, costA, costB);
    this.half(to, from, 0, -costA, -costB);
    return id;
  }

  /** Flow currently on an edge returned by `addEdge`. */
  flow(edge: number): number {
    return this.cap[edge ^ 1]!;
  }

  /** The edges that leave `node` in the direction they were added, in insertion order. */
  edgesFrom(node: number): number[] {
    const out: number[] = [];
    for (let e = this.head[node]!; e !== -1; e = this.next[e]!) if ((e & 1) === 0) out.push(e);
    return out;
  }

  target(edge: number): number {
    return this.to[edge]!;
  }

  minCostMaxFlow(source: number, sink: number): { flow: number; costA: number; costB: number } {
    const n = this.head.length;
    const { head, next, to, cap, costA, costB } = this;
    const pa = new Float64Array(n);
    const pb = new Float64Array(n);
    const da = new Float64Array(n);
    const db = new Float64Array(n);
    const done = new Uint8Array(n);
    const dead = new Uint8Array(n);
    const onPath = new Uint8Array(n);
    const arc = new Int32Array(n);
    const edges = new Int32Array(n);
    const heap = new Heap();
    let flow = 0;
    let totalA = 0;
    let totalB = 0;
    for (;;) {
      da.fill(Number.POSITIVE_INFINITY);
      db.fill(Number.POSITIVE_INFINITY);
      done.fill(0);
      da[source] = 0;
      db[source] = 0;
      heap.clear();
      heap.push(0, 0, source);
      let reached = false;
      while (heap.size > 0) {
        const u = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        if (u === sink) {
          reached = true;
          break;
        }
        const au = da[u]! + pa[u]!;
        const bu = db[u]! + pb[u]!;
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          if (done[v]) continue;
          const a = au + costA[e]! - pa[v]!;
          const b = bu + costB[e]! - pb[v]!;
          if (a < da[v]! || (a === da[v]! && b < db[v]!)) {
            da[v] = a;
            db[v] = b;
            heap.push(a, b, v);
          }
        }
      }
      if (!reached) break;
      const sinkA = da[sink]!;
      const sinkB = db[sink]!;
      for (let v = 0; v < n; v++) {
        pa[v]! += done[v] ? da[v]! : sinkA;
        pb[v]! += done[v] ? db[v]! : sinkB;
      }
      // Every residual path of zero reduced cost is now a shortest path: push along as many as
      // a depth-first search finds (nodes found stuck stay skipped for this round).
      dead.fill(0);
      for (let v = 0; v < n; v++) arc[v] = head[v]!;
      let path = 0;
      let u = source;
      onPath[source] = 1;
      for (;;) {
        if (u === sink) {
          let push = Number.POSITIVE_INFINITY;
          for (let i = 0; i < path; i++) push = Math.min(push, cap[edges[i]!]!);
          for (let i = 0; i < path; i++) {
            const e = edges[i]!;
            cap[e]! -= push;
            cap[e ^ 1]! += push;
            totalA += push * costA[e]!;
            totalB += push * costB[e]!;
            onPath[to[e]!] = 0;
          }
          flow += push;
          path = 0;
          u = source;
          continue;
        }
        let e = arc[u]!;
        for (; e !== -1; e = next[e]!) {
          const v = to[e]!;
          if (
            cap[e]! > 0 &&
            !dead[v] &&
            !onPath[v] &&
            costA[e]! + pa[u]! - pa[v]! === 0 &&
            costB[e]! + pb[u]! - pb[v]! === 0
          )
            break;
        }
        arc[u] = e;
        if (e !== -1) {
          edges[path++] = e;
          u = to[e]!;
          onPath[u] = 1;
          continue;
        }
        dead[u] = 1;
        onPath[u] = 0;
        if (u === source) break;
        const back = edges[--path]!;
        u = to[back ^ 1]!;
        arc[u] = next[arc[u]!]!;
      }
    }
    return { flow, costA: totalA, costB: totalB };
  }

  private half(from: number, to: number, capacity: number, a: number, b: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.costA.push(a);
    this.costB.push(b);
    // Appended, so edges are scanned in the order they were added: ties go to earlier edges.
    const id = this.to.length - 1;
    this.next.push(-1);
    if (this.tail[from] === -1) this.head[from] = id;
    else this.next[this.tail[from]!] = id;
    this.tail[from] = id;
  }
}

/** Is the key `(a1, b1, n1)` lexicographically smaller than `(a2, b2, n2)`? */
function before(a1: number, b1: number, n1: number, a2: number, b2: number, n2: number): boolean {
  if (a1 !== a2) return a1 < a2;
  return b1 !== b2 ? b1 < b2 : n1 < n2;
}

/** A binary min-heap of nodes keyed by `(a, b, node)`, lexicographically. */
class Heap {
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly node: number[] = [];
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(a: number, b: number, node: number): void {
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a, b, node, this.a[p]!, this.b[p]!, this.node[p]!)) break;
      this.move(p, i);
      i = p;
    }
    this.a[i] = a;
    this.b[i] = b;
    this.node[i] = node;
  }

  pop(): number {
    const top = this.node[0]!;
    const last = --this.size;
    const a = this.a[last]!;
    const b = this.b[last]!;
    const node = this.node[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.lessAt(c + 1, c)) c++;
      if (!before(this.a[c]!, this.b[c]!, this.node[c]!, a, b, node)) break;
      this.move(c, i);
      i = c;
    }
    this.a[i] = a;
    this.b[i] = b;
    this.node[i] = node;
    return top;
  }

  private lessAt(i: number, j: number): boolean {
    return before(this.a[i]!, this.b[i]!, this.node[i]!, this.a[j]!, this.b[j]!, this.node[j]!);
  }

  private move(from: number, into: number): void {
    this.a[into] = this.a[from]!;
    this.b[into] = this.b[from]!;
    this.node[into] = this.node[from]!;
  }
}
