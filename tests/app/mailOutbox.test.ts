import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliver, type MailJob } from '../../src/app/mailOutbox';
import type { OutgoingMail } from '../../src/app/ports';
import { formatMailState, type MailState, mailId, parseMailState } from '../../src/core/mailState';
import { memoryWorld } from '../support/memory';

/** A crash of the whole execution (Apps Script's kill), not an error the code can handle. */
class Crash extends Error {}

interface Row {
  to: string;
  cell: string;
}

/**
 * Where the execution is killed: right after the journal says "sending" (no mail went), right
 * after the mail went (before the journal says "sent"), before the sheet write, before the journal
 * is cleared. The kill is thrown from the journal, outside any try of the code under test.
 */
type CrashPoint = 'none' | 'beforeSend' | 'afterSend' | 'beforeCommit' | 'beforeSettle';

function mailTo(to: string): OutgoingMail {
  return { to, senderName: 'Wegwijs', subject: 'Welkom', body: 'Welkom', htmlBody: '<p>Welkom</p>' };
}

/**
 * One scheduled run over `rows` (the persisted sheet). Marks are applied to a copy and only
 * "committed" when the run gets that far, as with a real sheet write.
 */
function run(
  world: ReturnType<typeof memoryWorld>,
  rows: Row[],
  crash: { point: CrashPoint; at: number },
  failing: Set<string>,
  quotaLeft: { n: number },
): void {
  const draft = rows.map((r) => ({ ...r }));
  let sending = 0;
  let sent = 0;
  const base = memoryWorld().services.store;
  world.services = {
    ...world.services,
    store: {
      ...base,
      get: (k) => world.store.get(k) ?? null,
      all: () => Object.fromEntries(world.store),
      delete: (k) => void world.store.delete(k),
      set: (k, v) => {
        // Killed after the mail went but before the journal heard of it.
        if (v.startsWith('sent') && crash.point === 'afterSend' && ++sent === crash.at) throw new Crash();
        world.store.set(k, v);
        // Killed after the journal said "sending" but before the mail went.
        if (v.startsWith('sending') && crash.point === 'beforeSend' && ++sending === crash.at)
          throw new Crash();
      },
    },
    mailer: {
      remainingQuota: () => quotaLeft.n,
      send: (mail) => {
        if (quotaLeft.n <= 0) throw new Error('Service invoked too many times for one day: email.');
        if (failing.has(mail.to)) throw new Error(`Invalid email: ${mail.to}`);
        world.mails.push(mail);
        quotaLeft.n--;
      },
    },
  };
  const jobs: MailJob[] = draft.map((row) => ({
    id: mailId('welkom', row.to),
    state: parseMailState(row.cell),
    due: true,
    build: () => mailTo(row.to),
    mark: (state: MailState) => {
      row.cell = formatMailState(state);
    },
  }));
  const result = deliver(world.ctx(), jobs, Number.POSITIVE_INFINITY);
  if (crash.point === 'beforeCommit') throw new Crash();
  rows.splice(0, rows.length, ...draft);
  if (crash.point === 'beforeSettle') throw new Crash();
  result.settle();
}

describe('delivering automatic mail exactly once', () => {
  it('sends pending mail once and marks it sent', () => {
    const world = memoryWorld();
    const rows: Row[] = [
      { to: 'a@x.example', cell: 'gepland' },
      { to: 'b@x.example', cell: '' },
    ];
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    expect(world.mails.map((m) => m.to)).toEqual(['a@x.example']);
    expect(rows[0]!.cell).toMatch(/^verzonden 2027-01-04 07:30$/);
    expect(rows[1]!.cell).toBe('');
    expect(world.store.size).toBe(0);
  });

  it('marks a mail failed with its reason when the mail service throws, and sends the rest', () => {
    const world = memoryWorld();
    const rows: Row[] = ['a', 'b', 'c'].map((n) => ({ to: `${n}@x.example`, cell: 'gepland' }));
    run(world, rows, { point: 'none', at: 0 }, new Set(['b@x.example']), { n: 100 });
    expect(world.mails.map((m) => m.to)).toEqual(['a@x.example', 'c@x.example']);
    expect(rows[1]!.cell).toBe('mislukt: Invalid email: <adres>');
  });

  it('leaves the rest pending when the quota runs out, and sends them the next day', () => {
    const world = memoryWorld();
    const rows: Row[] = ['a', 'b', 'c'].map((n) => ({ to: `${n}@x.example`, cell: 'gepland' }));
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 2 });
    expect(rows.map((r) => r.cell.split(' ')[0])).toEqual(['verzonden', 'verzonden', 'gepland']);
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    expect(world.mails.map((m) => m.to)).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
  });

  it('leaves everything pending with a quota of 0', () => {
    const world = memoryWorld();
    const rows: Row[] = [{ to: 'a@x.example', cell: 'gepland' }];
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 0 });
    expect(rows[0]!.cell).toBe('gepland');
    expect(world.mails).toEqual([]);
  });

  it('marks a mail unknown after a crash just before sending (the journal cannot tell)', () => {
    const world = memoryWorld();
    const rows: Row[] = [{ to: 'a@x.example', cell: 'gepland' }];
    expect(() => run(world, rows, { point: 'beforeSend', at: 1 }, new Set(), { n: 100 })).toThrow(Crash);
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    expect(world.mails).toHaveLength(0);
    expect(rows[0]!.cell).toMatch(/^onbekend/);
  });

  it('marks a mail unknown after a crash between sending and marking, and never resends it', () => {
    const world = memoryWorld();
    const rows: Row[] = [{ to: 'a@x.example', cell: 'gepland' }];
    expect(() => run(world, rows, { point: 'afterSend', at: 1 }, new Set(), { n: 100 })).toThrow(Crash);
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    expect(world.mails).toHaveLength(1);
    expect(rows[0]!.cell).toMatch(/^onbekend/);
  });

  it('remembers a send when the sheet write fails afterwards', () => {
    const world = memoryWorld();
    const rows: Row[] = [{ to: 'a@x.example', cell: 'gepland' }];
    expect(() => run(world, rows, { point: 'beforeCommit', at: 0 }, new Set(), { n: 100 })).toThrow(Crash);
    expect(rows[0]!.cell).toBe('gepland');
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    expect(world.mails).toHaveLength(1);
    expect(rows[0]!.cell).toMatch(/^verzonden/);
  });

  it('sends again only when a person sets an unknown mail back to gepland', () => {
    const world = memoryWorld();
    const rows: Row[] = [{ to: 'a@x.example', cell: 'onbekend sinds 2027-01-04 07:30' }];
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    expect(world.mails).toHaveLength(0);
    rows[0]!.cell = 'gepland';
    run(world, rows, { point: 'none', at: 0 }, new Set(), { n: 100 });
    expect(world.mails).toHaveLength(1);
  });

  it('never sends anyone the same mail twice over any sequence of runs, crashes and retries', () => {
    const point = fc.constantFrom<CrashPoint>(
      'none',
      'beforeSend',
      'afterSend',
      'beforeCommit',
      'beforeSettle',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.record({ point, at: fc.integer({ min: 1, max: 6 }), quota: fc.integer({ min: 0, max: 8 }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.subarray(['p0', 'p2', 'p4']),
        (people, runs, failing) => {
          const world = memoryWorld();
          const rows: Row[] = Array.from({ length: people }, (_, i) => ({
            to: `p${i}@x.example`,
            cell: 'gepland',
          }));
          const bad = new Set(failing.map((p) => `${p}@x.example`));
          for (const r of runs) {
            try {
              run(world, rows, r, bad, { n: r.quota });
            } catch (error) {
              if (!(error instanceof Crash)) throw error;
            }
          }
          run(world, rows, { point: 'none', at: 0 }, bad, { n: 100 });
          const counts = new Map<string, number>();
          for (const m of world.mails) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
          expect([...counts.values()].every((n) => n === 1)).toBe(true);
          // After a clean run nothing is left pending or half-sent.
          for (const row of rows) expect(row.cell).toMatch(/^(verzonden|mislukt|onbekend)/);
          for (const row of rows.filter((r) => r.cell.startsWith('verzonden')))
            expect(counts.get(row.to)).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
