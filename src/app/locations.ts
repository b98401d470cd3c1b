/**
 * Locations as the Locaties tab names them: a location typed loosely (case, accents, spaces) is
 * resolved to its spelling in the sheet, or refused with a message.
 */
import { UserError } from '../core/errors';
import { normalizeName } from '../core/schema';
import type { RequestContext } from './context';

/** The location as written in Locaties, for a loosely matching name; a UserError when unknown. */
export function canonicalLocation(ctx: RequestContext, location: string): string {
  const wanted = normalizeName(location);
  const found = ctx.wb
    .table('locations')
    .records.find((r) => normalizeName(r.value.name) === wanted && wanted !== '');
  if (!found) throw new UserError('pairing.unknownLocation', { location: location.slice(0, 80) });
  return found.value.name;
}
