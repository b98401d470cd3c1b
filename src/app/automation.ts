/**
 * Automatic sending: the one hourly time-driven trigger of this document, installed by a school
 * leader. Who installed it and when it last ran are kept in document properties, because a user
 * can only see their own triggers.
 */
import { assertKnown, assertSchoolLeader } from '../core/roles';
import type { AutomationStatus } from '../shared/api';
import { logAction } from './audit';
import type { RequestContext } from './context';
import { clearNoSheet, noSheetNote, readRunState } from './runState';

export const SCHEDULED_HANDLER = 'runScheduledJobs';
/** Who turned automatic sending on (their e-mail): a user can only see their own triggers. */
export const AUTOMATION_OWNER_KEY = 'automation.owner';
export const LAST_RUN_KEY = 'automation.lastRun';
/** An hourly trigger that has not run for this long is reported as not running. */
const STALE_MS = 3 * 3_600_000;

export function getAutomationStatus(ctx: RequestContext): AutomationStatus {
  const canChange = ctx.actor().role === 'schoolleider';
  const status = readAutomation(ctx, canChange);
  if (canChange || status.state === 'on') return { ...status, canChange };
  // One school-wide switch: whoever may not change it is told who can, never to do it themselves.
  const leaders = ctx.settings().schoolLeaders.map((e) => ctx.directory().person(e)?.name || e);
  const who = leaders.join(', ') || ctx.t('automation.aLeader');
  const text =
    status.state === 'off'
      ? ctx.t('automation.offReadOnly', { leaders: who })
      : ctx.t('automation.brokenReadOnly', { leaders: who });
  return { ...status, canChange, text };
}

function readAutomation(ctx: RequestContext, canChange: boolean): Omit<AutomationStatus, 'canChange'> {
  const { store, triggers, clock, userStore } = ctx.services;
  if (!canChange && !ctx.hasPermission('triggers')) {
    // Not a leader's own trigger to see: whether it is on is what the owner's note says.
    const owner = store.get(AUTOMATION_OWNER_KEY) ?? '';
    if (!owner) return { on: false, state: 'off', owner: '', text: ctx.t('automation.off') };
    return {
      on: true,
      state: 'on',
      owner,
      text: `${ctx.t('automation.on')} ${ctx.t('automation.owner', { owner })}`,
    };
  }
  if (!ctx.hasPermission('triggers')) {
    return { on: false, state: 'noPermission', owner: '', text: ctx.t('automation.noPermission') };
  }
  const owner = store.get(AUTOMATION_OWNER_KEY) ?? '';
  const mine = triggers.ids(SCHEDULED_HANDLER);
  if (!owner && !mine.length) return { on: false, state: 'off', owner: '', text: ctx.t('automation.off') };
  const me = ctx.services.identity.email();
  const status = (state: AutomationStatus['state'], text: string): Omit<AutomationStatus, 'canChange'> => ({
    on: state !== 'missing',
    state,
    owner,
    text: owner ? `${text} ${ctx.t('automation.owner', { owner })}` : text,
  });
  if (owner === me && !mine.length) return status('missing', ctx.t('automation.missing'));
  // Only the owner can see the note of a run that could not open the sheet (their user properties).
  const noSheet = owner === me ? noSheetNote(userStore, mine) : null;
  const run = readRunState(store);
  if (noSheet && (!run.last || Date.parse(noSheet.at) > Date.parse(run.last.at))) {
    // Noted in UTC: that run could not read the sheet's time zone.
    return status('noSheet', ctx.t('automation.noSheet', { at: `${shortMoment(noSheet.at)} UTC` }));
  }
  if (run.failure) {
    return status(
      'failing',
      ctx.t('automation.failing', {
        since: shortMoment(run.failure.since),
        count: run.failure.count,
        reason: run.failure.reason,
      }),
    );
  }
  const lastRun = store.get(LAST_RUN_KEY);
  if (lastRun && clock.millis() - Date.parse(lastRun) > STALE_MS) {
    return status('stale', ctx.t('automation.stale', { since: shortMoment(lastRun) }));
  }
  return status('on', ctx.t('automation.on'));
}

/** "2027-01-04 07:30" from an ISO moment. */
function shortMoment(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** Turns the trigger on or off; safe to repeat. Only a school leader may. */
export function setAutomaticSending(ctx: RequestContext, on: boolean): AutomationStatus {
  assertSchoolLeader(ctx.actor());
  ctx.requirePermission('triggers');
  const { store, triggers } = ctx.services;
  const me = ctx.services.identity.email();
  // A fresh start: notes of earlier runs that could not open the sheet no longer apply.
  clearNoSheet(ctx.services.userStore, triggers.ids(SCHEDULED_HANDLER));
  if (on) {
    triggers.installHourly(SCHEDULED_HANDLER);
    store.set(AUTOMATION_OWNER_KEY, me);
  } else {
    triggers.remove(SCHEDULED_HANDLER);
    store.delete(AUTOMATION_OWNER_KEY);
  }
  logAction(ctx, on ? ctx.t('log.automationOn') : ctx.t('log.automationOff'));
  ctx.wb.commit();
  return getAutomationStatus(ctx);
}

/**
 * When the scheduled run last did its work (ISO with offset; '' never), for the sidebar to tell
 * whether what it shows was read before that run. A time only: nothing personal, any known user.
 */
export function getLastRun(ctx: RequestContext): { at: string } {
  assertKnown(ctx.actor());
  const last = readRunState(ctx.services.store).last;
  return { at: last && last.outcome === 'ok' && last.sawSheet ? last.at : '' };
}
