/**
 * Automatic sending: the one hourly time-driven trigger of this document, installed by a school
 * leader. Who installed it and when it last ran are kept in document properties, because a user
 * can only see their own triggers.
 */
import { assertSchoolLeader } from '../core/roles';
import type { AutomationStatus } from '../shared/api';
import { logAction } from './audit';
import type { RequestContext } from './context';

export const SCHEDULED_HANDLER = 'runScheduledJobs';
/** Who turned automatic sending on (their e-mail): a user can only see their own triggers. */
export const AUTOMATION_OWNER_KEY = 'automation.owner';
export const LAST_RUN_KEY = 'automation.lastRun';
/** An hourly trigger that has not run for this long is reported as not running. */
const STALE_MS = 3 * 3_600_000;

export function automationStatus(ctx: RequestContext): AutomationStatus {
  const { store, triggers, clock } = ctx.services;
  if (!ctx.hasPermission('triggers')) {
    return { on: false, state: 'noPermission', text: ctx.t('automation.noPermission') };
  }
  const owner = store.get(AUTOMATION_OWNER_KEY);
  const mine = triggers.installed(SCHEDULED_HANDLER);
  if (!owner && !mine) return { on: false, state: 'off', text: ctx.t('automation.off') };
  if (owner === ctx.services.identity.email() && !mine) {
    return { on: false, state: 'missing', text: ctx.t('automation.missing') };
  }
  const lastRun = store.get(LAST_RUN_KEY);
  if (lastRun && clock.millis() - Date.parse(lastRun) > STALE_MS) {
    return {
      on: true,
      state: 'stale',
      text: ctx.t('automation.stale', { since: lastRun.slice(0, 16).replace('T', ' ') }),
    };
  }
  return { on: true, state: 'on', text: ctx.t('automation.on') };
}

/** Turns the trigger on or off; safe to repeat. Only a school leader may. */
export function setAutomaticSending(ctx: RequestContext, on: boolean): AutomationStatus {
  assertSchoolLeader(ctx.actor());
  ctx.requirePermission('triggers');
  const { store, triggers } = ctx.services;
  const me = ctx.services.identity.email();
  if (on) {
    triggers.installHourly(SCHEDULED_HANDLER);
    store.set(AUTOMATION_OWNER_KEY, me);
  } else {
    triggers.remove(SCHEDULED_HANDLER);
    store.delete(AUTOMATION_OWNER_KEY);
  }
  logAction(ctx, on ? ctx.t('log.automationOn') : ctx.t('log.automationOff'));
  ctx.wb.commit();
  return automationStatus(ctx);
}
