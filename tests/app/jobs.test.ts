import { describe, expect, it } from 'vitest';
import { type Job, runScheduledJobs } from '../../src/app/jobs';
import { memoryWorld } from '../support/memory';

const counting = (name: string, log: string[], minutes = 0): Job => ({
  name,
  run(ctx) {
    log.push(name);
    if (minutes) ctx.services.clock.millis = () => Date.parse('2027-01-04T07:30:00+01:00') + minutes * 60_000;
    return { done: true, summary: 'ok' };
  },
});

describe('the scheduled run', () => {
  it('skips cleanly, running nothing, when another run or a sidebar action holds the lock', () => {
    const world = memoryWorld();
    world.lockHeldByOther = true;
    const log: string[] = [];
    expect(runScheduledJobs(world.ctx(), [counting('a', log)])).toEqual({ ran: false, jobs: [] });
    expect(log).toEqual([]);
    expect(world.store.has('automation.lastRun')).toBe(false);
  });

  it('runs the jobs in order and records when it ran', () => {
    const world = memoryWorld();
    const log: string[] = [];
    const report = runScheduledJobs(world.ctx(), [counting('a', log), counting('b', log)]);
    expect(report.jobs.map((j) => j.name)).toEqual(['a', 'b']);
    expect(log).toEqual(['a', 'b']);
    expect(world.store.get('automation.lastRun')).toBe('2027-01-04T07:30:00+01:00');
  });

  it('leaves the jobs after the time budget for the next run', () => {
    const world = memoryWorld();
    const log: string[] = [];
    const report = runScheduledJobs(world.ctx(), [counting('slow', log, 5), counting('next', log)]);
    expect(log).toEqual(['slow']);
    expect(report.jobs[1]).toEqual({ name: 'next', done: false, summary: 'budget' });
  });
});
