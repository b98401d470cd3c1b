/**
 * What will really happen to a welcome packet, as one status the sidebar reads out: goes out
 * automatically on a day, waits because automatic sending is off, was sent, or cannot go (and why).
 * Pure: the caller passes the mail state, the due day, whether automatic sending runs and what
 * blocks the packet.
 */

import type { PacketStatus } from '../shared/api';
import { addDays, type IsoDate } from './dates';
import type { MailState } from './mailState';

/** A newcomer who started longer ago than this without a packet is not mailed automatically. */
export const LATE_START_DAYS = 10;

export interface PacketStatusInput {
  readonly state: MailState;
  /** The day the packet is due ('' without a start date). */
  readonly due: IsoDate | '';
  readonly startDate: IsoDate | '';
  readonly today: IsoDate;
  /** 'on': the hourly run sends; 'off': turned off; 'broken': on but not running; 'unknown': not told. */
  readonly automation: 'on' | 'off' | 'broken' | 'unknown';
  /** What blocks sending, translated ('' when nothing does). */
  readonly problem: string;
}

/** The packet's status. A due day in the past is never shown as a future day. */
export function packetStatus(input: PacketStatusInput): PacketStatus {
  const { state, today } = input;
  const status = (code: PacketStatus['code'], date = '', reason = ''): PacketStatus => ({
    code,
    date,
    reason,
  });
  switch (state.kind) {
    case 'sent':
      return status('sent', state.at.slice(0, 10), state.at.length >= 16 ? state.at.slice(11, 16) : '');
    case 'sending':
      return status('sending', state.since.slice(0, 10));
    case 'failed':
      return status('failed', '', state.reason);
    case 'unknown':
      return status('unknown', state.since.slice(0, 10));
    case 'skipped':
      return status('skipped', '', state.reason);
    default:
      break;
  }
  if (input.problem) return status('blocked', '', input.problem);
  if (state.kind === 'none' && input.startDate && input.startDate < addDays(today, -LATE_START_DAYS))
    return status('startedLongAgo', input.startDate);
  const due = input.due || (state.kind === 'pending' ? state.due : '');
  if (input.automation === 'off') return status('manualOff', due);
  if (input.automation === 'broken') return status('manualBroken', due);
  if (input.automation === 'unknown') return status('planned', due > today ? due : '');
  if (!due || due <= today) return status('autoNext');
  return status('auto', due);
}
