/**
 * A location's phase (issue 15): `nog niet`, `pilot` or `ingevoerd`, in the Locaties tab.
 * Automatic mail and new schedules run only where the phase is pilot or ingevoerd; a sheet
 * without the column behaves as before (ingevoerd). The school leader changes a phase from the
 * sidebar; the Logboek and the `Fase sinds` column keep when, which splits "before" and "after"
 * in the evaluation.
 */
import { UserError } from '../core/errors';
import { parsePhase, phaseOf, phaseRuns } from '../core/pilot';
import { assertSchoolLeader } from '../core/roles';
import { type LocationPhase, normalizeName, SCHEMA } from '../core/schema';
import type { TableRecord } from '../core/table';
import { expectBoolean, expectText } from '../core/validate';
import type { PhaseDto } from '../shared/api';
import { logAction } from './audit';
import type { RequestContext } from './context';
import { canonicalLocation } from './locations';

function recordOf(ctx: RequestContext, location: string): TableRecord<'locations'> | undefined {
  const wanted = normalizeName(location);
  return ctx.wb.tryTable('locations')?.records.find((r) => normalizeName(r.value.name) === wanted);
}

/** Whether the row's Fase cell could not be read (a value not on the list). */
function unreadable(record: TableRecord<'locations'> | undefined): boolean {
  return Boolean(record?.problems.some((p) => p.column === SCHEMA.locations.columns.phase.nl));
}

/** The phase of a location (ingevoerd for a location without a row or without the column). */
export function locationPhase(ctx: RequestContext, location: string): LocationPhase {
  const record = recordOf(ctx, location);
  return phaseOf(record?.value, unreadable(record));
}

/** Whether automatic mail and new schedules run at this location. */
export function locationRuns(ctx: RequestContext, location: string): boolean {
  return phaseRuns(locationPhase(ctx, location));
}

/** Why nothing runs automatically at this location ('' when it does), in the user's language. */
export function notRunningReason(ctx: RequestContext, location: string): string {
  if (locationRuns(ctx, location)) return '';
  return ctx.t(unreadable(recordOf(ctx, location)) ? 'phase.unreadable' : 'phase.notYet', { location });
}

/** Guard for making a new schedule: refused at a location that has not started. */
export function assertLocationRuns(ctx: RequestContext, location: string): void {
  const reason = notRunningReason(ctx, location);
  if (reason) throw new UserError('error.plain', { message: reason });
}

/** Every location with its phase and the day it started, for the sidebar. */
export function phases(ctx: RequestContext): PhaseDto[] {
  return (ctx.wb.tryTable('locations')?.records ?? [])
    .filter((r) => r.value.name.trim())
    .map((r) => ({
      location: r.value.name,
      phase: phaseOf(r.value, unreadable(r)),
      since: r.value.phaseSince,
    }));
}

/**
 * The school leader sets a location's phase (after confirming in the sidebar): the Fase cell and
 * `Fase sinds` (today) change, and the Logboek keeps the change. Setting the same phase again
 * changes nothing.
 */
export function setLocationPhase(
  ctx: RequestContext,
  locationRaw: unknown,
  phaseRaw: unknown,
  confirmedRaw: unknown,
): { message: string; phases: PhaseDto[] } {
  const location = expectText(locationRaw, 'location', 200);
  const phase = parsePhase(expectText(phaseRaw, 'phase', 40));
  if (!phase) throw new UserError('phase.unknown');
  if (!expectBoolean(confirmedRaw, 'confirmed')) throw new UserError('phase.confirm');
  assertSchoolLeader(ctx.actor());
  return ctx.locked(() => {
    const name = canonicalLocation(ctx, location);
    const table = ctx.wb.table('locations', { needs: ['phase', 'phaseSince'] });
    const record = table.records.find((r) => r.value.name === name)!;
    const before = phaseOf(record.value, unreadable(record));
    if (before === phase && !unreadable(record) && record.value.phase) {
      return { message: ctx.t('phase.unchanged', { location: name, phase }), phases: phases(ctx) };
    }
    const today = ctx.services.clock.today();
    table.update(record, { phase, phaseSince: today });
    logAction(ctx, ctx.t('log.phaseChanged'), `${name}: ${before} → ${phase} (${today})`);
    ctx.wb.commit();
    return { message: ctx.t('phase.changed', { location: name, phase }), phases: phases(ctx) };
  });
}
