/**
 * The jobs of the scheduled run, in order. Features add their job here: due buddy notifications,
 * welcome packets, check-in reminders, the weekly overview, the archive and the retention purge.
 */
import { monthlyArchive } from '../app/archive';
import { checkInReminders } from '../app/checkins';
import { chiefMonthlyReports } from '../app/chiefReport';
import type { Services } from '../app/context';
import type { Job } from '../app/jobs';
import { leftBuddyAlerts } from '../app/leavers';
import { weeklyOverview } from '../app/overview';
import { pendingBuddyMails } from '../app/pairing';
import { surveyInvitations } from '../app/pilot';
import { monthlyRetention } from '../app/privacy';
import { type Explain, type ScheduledRunResult, scheduledRun } from '../app/scheduledRun';
import { dueWelcomePackets } from '../app/welcome';

/**
 * In order: what is most urgent first, when the time budget or the mail quota is short. Jobs that
 * mail people wait while the sending window is closed (nights, weekends, the school's days off).
 */
export const SCHEDULED_JOBS: readonly Job[] = [
  { ...pendingBuddyMails, sendsMail: true },
  { ...leftBuddyAlerts, sendsMail: true },
  { ...dueWelcomePackets, sendsMail: true },
  { ...checkInReminders, sendsMail: true },
  { ...weeklyOverview, sendsMail: true },
  { ...chiefMonthlyReports, sendsMail: true },
  { ...surveyInvitations, sendsMail: true },
  // Issue 19: finished onboardings to the archive tabs, before retention reads both.
  monthlyArchive,
  monthlyRetention,
];

/** The scheduled run with these jobs (its own chunk: only the hourly trigger needs them). */
export function runJobs(services: Services, event: unknown, explain: Explain): ScheduledRunResult {
  return scheduledRun(services, event, SCHEDULED_JOBS, explain);
}
