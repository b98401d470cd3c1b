/**
 * The Logboek writer: who did what, when. Details are counts and statuses, never personal notes,
 * never names or e-mail addresses of others.
 */
import type { RequestContext } from './context';

/** Appends one log row; written with the request's other changes on commit. */
export function logAction(ctx: RequestContext, action: string, details = ''): void {
  const log = ctx.wb.tryTable('log');
  if (!log) return; // before setup there is nowhere to log; setup logs itself once the tab exists
  log.append({ at: ctx.services.clock.now(), user: ctx.services.identity.email(), action, details });
}
