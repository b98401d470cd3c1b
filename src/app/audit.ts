/**
 * The Logboek writer: who did what, when. Details are counts and statuses, never personal notes,
 * never names or e-mail addresses of others.
 */
import { emailKey } from '../core/identity';
import type { RequestContext } from './context';

/**
 * Appends one log row; written with the request's other changes on commit, without reading the
 * Logboek (it grows with every action: reading it to add a line would cost more every year).
 * Before setup there is nowhere to log; setup logs itself once the tab exists.
 */
export function logAction(ctx: RequestContext, action: string, details = ''): void {
  ctx.wb.appendOnly('log', {
    at: ctx.services.clock.now(),
    user: emailKey(ctx.services.identity.email()),
    action,
    details,
  });
}
