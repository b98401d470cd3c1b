/**
 * Issue 17: "after the hourly run it never shows a stale state as current". The sidebar asks when
 * the scheduled run last did its work; a state read before that is out of date.
 */
import { describe, expect, it } from 'vitest';
import { getLastRun, setAutomaticSending } from '../../src/app/automation';
import { scheduledRun } from '../../src/app/scheduledRun';
import { getSidebarState } from '../../src/app/sidebarState';
import { dueWelcomePackets } from '../../src/app/welcome';
import { chiefOf, LEADER, schoolWorld } from '../support/builders';

describe('when the scheduled run last did its work', () => {
  it('is none before any run, and the run’s moment after it: later than a state read before', () => {
    const w = schoolWorld([]);
    w.setUser(chiefOf('Onderbouw havo'));
    expect(getLastRun(w.ctx())).toEqual({ at: '' });
    const read = getSidebarState(w.ctx()).readAt;
    w.setUser(LEADER);
    setAutomaticSending(w.ctx(), true);
    w.setNow('2027-01-04T09:00:00+01:00');
    const ran = scheduledRun(
      w.services,
      { triggerUid: 'trigger-runScheduledJobs', authMode: 'FULL' },
      [dueWelcomePackets],
      String,
    );
    expect(ran.outcome).toBe('ok');
    w.setUser(chiefOf('Onderbouw havo'));
    const run = getLastRun(w.ctx()).at;
    expect(run).toBe('2027-01-04T09:00:00+01:00');
    expect(Date.parse(run)).toBeGreaterThan(Date.parse(read));
    // A state read after the run is current again.
    expect(Date.parse(getSidebarState(w.ctx()).readAt)).toBeGreaterThanOrEqual(Date.parse(run));
  });

  it('is refused to an unknown user, like every sidebar call', () => {
    const w = schoolWorld([]);
    w.setUser('vreemde@elders.example');
    expect(() => getLastRun(w.ctx())).toThrow(expect.objectContaining({ key: expect.any(String) }));
  });
});
