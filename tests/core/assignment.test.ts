import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetwork } from '../../src/core/assignment';

/** Bipartite network: source → left (1) → right (cap) → sink, costs given per (left, right). */
function bipartite(costs: ([number, number] | null)[][], caps: number[]) {
  const net = new FlowNetwork();
  const s = net.addNode();
  const t = net.addNode();
  const left = costs.map(() => net.addNode());
  const right = caps.map(() => net.addNode());
  for (const l of left) net.addEdge(s, l, 1, 0);
  for (const [j, r] of right.entries()) net.addEdge(r, t, caps[j]!, 0);
  const edges = costs.map((row, i) =>
    row.map((c, j) => (c ? net.addEdge(left[i]!, right[j]!, 1, c[0], c[1]) : -1)),
  );
  const result = net.minCostMaxFlow(s, t);
  const chosen = edges.map((row) => row.findIndex((e) => e >= 0 && net.flow(e) === 1));
  return { ...result, chosen };
}

describe('min-cost max-flow with lexicographic costs', () => {
  it('takes the cheaper of two routes', () => {
    const result = bipartite(
      [
        [
          [5, 0],
          [2, 0],
        ],
      ],
      [1, 1],
    );
    expect(result).toEqual({ flow: 1, costA: 2, costB: 0, chosen: [1] });
  });

  it('maximises the flow first, even at a higher cost', () => {
    // Left 0 prefers right 0, but left 1 can only use right 0.
    const result = bipartite(
      [
        [
          [0, 0],
          [9, 0],
        ],
        [[0, 0], null],
      ],
      [1, 1],
    );
    expect(result).toMatchObject({ flow: 2, costA: 9, chosen: [1, 0] });
  });

  it('lets the second cost decide only between equal first costs', () => {
    expect(
      bipartite(
        [
          [
            [1, 9],
            [1, 2],
          ],
        ],
        [1, 1],
      ).chosen,
    ).toEqual([1]);
    expect(
      bipartite(
        [
          [
            [1, 0],
            [2, 0],
          ],
        ],
        [1, 1],
      ).chosen,
    ).toEqual([0]);
  });

  it('reroutes earlier flow when a later path needs it (residual edges)', () => {
    const result = bipartite(
      [
        [
          [1, 0],
          [2, 0],
        ],
        [[1, 0], null],
      ],
      [1, 1],
    );
    expect(result).toMatchObject({ flow: 2, costA: 3, chosen: [1, 0] });
  });

  it('matches brute force on random small assignment problems', () => {
    const cost = fc.option(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 })), {
      freq: 4,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((rows) =>
          fc.integer({ min: 1, max: 4 }).chain((cols) =>
            fc.tuple(
              fc.array(fc.array(cost, { minLength: cols, maxLength: cols }), {
                minLength: rows,
                maxLength: rows,
              }),
              fc.array(fc.integer({ min: 0, max: 2 }), { minLength: cols, maxLength: cols }),
            ),
          ),
        ),
        ([costs, caps]) => {
          let best = { flow: -1, a: 0, b: 0 };
          const used = caps.map(() => 0);
          const walk = (i: number, flow: number, a: number, b: number) => {
            if (i === costs.length) {
              if (flow > best.flow || (flow === best.flow && (a < best.a || (a === best.a && b < best.b))))
                best = { flow, a, b };
              return;
            }
            walk(i + 1, flow, a, b);
            costs[i]!.forEach((c, j) => {
              if (!c || used[j]! >= caps[j]!) return;
              used[j]!++;
              walk(i + 1, flow + 1, a + c[0], b + c[1]);
              used[j]!--;
            });
          };
          walk(0, 0, 0, 0);
          const result = bipartite(costs, caps);
          expect({ flow: result.flow, a: result.costA, b: result.costB }).toEqual(best);
        },
      ),
      { numRuns: 500 },
    );
  });
});
