import { describe, expect, it } from 'vitest';
import { AUTOMATION_OWNER_KEY } from '../../src/app/automation';
import type { Job } from '../../src/app/jobs';
import { FAILURES_BEFORE_MAIL, readRunState } from '../../src/app/runState';
import { scheduledRun } from '../../src/app/scheduledRun';
import { memoryWorld } from '../support/memory';

const OWNER = 'leider@school.example';
const EVENT = { triggerUid: 'trigger-runScheduledJobs', authMode: 'FULL' };
const explain = (e: unknown) => (e instanceof Error ? e.message : String(e));

function onWorld(now = '2027-01-04T09:00:00+01:00') {
  const world = memoryWorld({
    user: OWNER,
    now,
    tabs: {
      Logboek: [['Tijdstip', 'Gebruiker', 'Actie', 'Details']],
      Instellingen: [
        ['Instelling', 'Waarde'],
        ['Schoolleiders (e-mail)', OWNER],
      ],
    },
  });
  world.triggers.add('runScheduledJobs');
  world.store.set(AUTOMATION_OWNER_KEY, OWNER);
  return world;
}

const slow = (ms: number, world: ReturnType<typeof memoryWorld>): Job => ({
  name: 'slow',
  run() {
    const clock = world.services.clock as { millis: () => number };
    const at = clock.millis();
    clock.millis = () => at + ms;
    return { done: true, summary: 'sent 2, failed 0' };
  },
});

describe('the scheduled run as a whole', () => {
  it('records when it ran, how long it took, that it saw the sheet and what it sent; adds up the day', () => {
    const world = onWorld();
    scheduledRun(world.services, EVENT, [slow(1_500, world)], explain);
    scheduledRun(world.services, EVENT, [slow(500, world)], explain);
    const state = readRunState(world.services.store);
    expect(state.last).toMatchObject({ ms: 500, sawSheet: true, sent: 2, outcome: 'ok' });
    expect(state.day).toBe('2027-01-04');
    expect(state.dayMs).toBe(2_000);
    expect(state.dayRuns).toBe(2);
  });

  it('acts as the effective user (the owner) when Google leaves the active user empty', () => {
    const world = onWorld();
    world.setUser('');
    world.setEffectiveUser(OWNER);
    let actedAs = '';
    const job: Job = {
      name: 'who',
      run(ctx) {
        actedAs = ctx.services.identity.email();
        return { done: true, summary: '' };
      },
    };
    expect(scheduledRun(world.services, EVENT, [job], explain).outcome).toBe('ok');
    expect(actedAs).toBe(OWNER);
  });

  it('refuses an event without the owner’s trigger id, and a run as anyone but the owner does nothing', () => {
    const world = onWorld();
    let ran = 0;
    const job: Job = { name: 'x', run: () => ({ done: true, summary: String(++ran) }) };
    expect(() => scheduledRun(world.services, { triggerUid: 'other' }, [job], explain)).toThrow();
    expect(() => scheduledRun(world.services, {}, [job], explain)).toThrow();
    world.store.set(AUTOMATION_OWNER_KEY, 'someone.else@school.example');
    expect(scheduledRun(world.services, EVENT, [job], explain).outcome).toBe('off');
    expect(ran).toBe(0);
    expect(world.triggers.size).toBe(0);
  });

  it(`counts failed runs, mails the owner once after ${FAILURES_BEFORE_MAIL}, and forgets them after a success`, () => {
    const world = onWorld();
    const failing: Job = {
      name: 'bad',
      run() {
        throw new Error('kolom dubbel');
      },
    };
    for (let i = 0; i < FAILURES_BEFORE_MAIL + 2; i++)
      scheduledRun(world.services, EVENT, [failing], explain);
    expect(readRunState(world.services.store).failure).toMatchObject({
      count: FAILURES_BEFORE_MAIL + 2,
      since: '2027-01-04T09:00:00+01:00',
      reason: 'kolom dubbel',
      mailed: true,
    });
    expect(world.mails.map((m) => m.to)).toEqual([OWNER]);
    expect(world.gateway.rows('Logboek').map((r) => r.Actie)).toEqual(
      new Array(FAILURES_BEFORE_MAIL + 2).fill('Geplande run mislukt'),
    );
    scheduledRun(world.services, EVENT, [{ name: 'ok', run: () => ({ done: true, summary: '' }) }], explain);
    expect(readRunState(world.services.store).failure).toBeNull();
  });

  it('waits with the failure mail for the sending hours', () => {
    const world = onWorld('2027-01-04T02:00:00+01:00');
    const failing: Job = {
      name: 'bad',
      run() {
        throw new Error('stuk');
      },
    };
    for (let i = 0; i < FAILURES_BEFORE_MAIL; i++) scheduledRun(world.services, EVENT, [failing], explain);
    expect(world.mails).toEqual([]);
    world.setNow('2027-01-04T07:00:00+01:00');
    scheduledRun(world.services, EVENT, [failing], explain);
    expect(world.mails).toHaveLength(1);
  });
});
