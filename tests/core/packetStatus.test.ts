import { describe, expect, it } from 'vitest';
import { parseMailState } from '../../src/core/mailState';
import { type PacketStatusInput, packetStatus } from '../../src/core/packetStatus';

const base: PacketStatusInput = {
  state: { kind: 'none' },
  due: '2027-01-11',
  startDate: '2027-01-18',
  today: '2027-01-04',
  automation: 'on',
  problem: '',
};
const status = (over: Partial<PacketStatusInput>) => packetStatus({ ...base, ...over });

describe('the welcome packet status says what will really happen', () => {
  it('goes out automatically on its due day while automatic sending runs', () => {
    expect(status({})).toEqual({ code: 'auto', date: '2027-01-11', reason: '' });
    expect(status({ state: parseMailState('gepland 2027-01-11') }).code).toBe('auto');
  });

  it('never shows a due day in the past as the future: it goes with the next run', () => {
    expect(status({ due: '2026-12-28', today: '2027-01-04' })).toEqual({
      code: 'autoNext',
      date: '',
      reason: '',
    });
    expect(status({ due: '2027-01-04' }).code).toBe('autoNext');
  });

  it('does not go by itself while automatic sending is off or broken', () => {
    expect(status({ automation: 'off' }).code).toBe('manualOff');
    expect(status({ automation: 'broken' }).code).toBe('manualBroken');
  });

  it('says only "planned" (without a past day) to a reader who is not told about automatic sending', () => {
    expect(status({ automation: 'unknown' })).toEqual({ code: 'planned', date: '2027-01-11', reason: '' });
    expect(status({ automation: 'unknown', due: '2027-01-01' })).toEqual({
      code: 'planned',
      date: '',
      reason: '',
    });
  });

  it('cannot go while something blocks it, and says why', () => {
    expect(status({ problem: 'geen buddy' })).toEqual({ code: 'blocked', date: '', reason: 'geen buddy' });
  });

  it('reads the mail state: sent with day and time, failed and skipped with the reason', () => {
    expect(status({ state: parseMailState('verzonden 2027-01-04 07:30'), problem: 'x' })).toEqual({
      code: 'sent',
      date: '2027-01-04',
      reason: '07:30',
    });
    expect(status({ state: parseMailState('mislukt: quota') })).toMatchObject({
      code: 'failed',
      reason: 'quota',
    });
    expect(status({ state: parseMailState('overgeslagen: al begonnen') })).toMatchObject({
      code: 'skipped',
      reason: 'al begonnen',
    });
    expect(status({ state: parseMailState('iets anders') }).code).toBe('unknown');
  });

  it('does not go by itself for someone who started long ago without a packet', () => {
    expect(status({ startDate: '2026-12-01', due: '2026-11-24' })).toEqual({
      code: 'startedLongAgo',
      date: '2026-12-01',
      reason: '',
    });
  });
});
