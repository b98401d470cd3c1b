/**
 * The sidebar's first call: who you are, your role and locations, and what needs attention.
 * An unknown user gets a message and no data.
 */
import { expectText } from '../core/validate';
import type { SidebarState } from '../shared/api';
import { automationStatus } from './automation';
import type { RequestContext } from './context';
import { pairingOverview } from './pairing';
import { packetRows } from './welcome';

/** The sidebar's state; `location` picks the location a school leader looks at. */
export function getSidebarState(ctx: RequestContext, locationRaw?: unknown): SidebarState {
  const wanted =
    locationRaw === undefined || locationRaw === null ? '' : expectText(locationRaw, 'locatie', 200);
  const actor = ctx.actor();
  const base = { language: ctx.language, version: ctx.services.version, today: ctx.services.clock.today() };
  if (actor.role === 'onbekend') {
    return {
      ...base,
      user: { email: actor.email, name: '', role: 'onbekend', locations: [] },
      locations: [],
      warnings: [],
      message: `${ctx.t('error.unknownUser')} ${ctx.t('sidebar.unknownHelp')}`,
      pairing: null,
      welcome: null,
      automation: null,
    };
  }
  const staff = ctx.wb.tryTable('staff');
  const name = staff?.records.find((r) => r.value.email === actor.email)?.value.name ?? '';
  const locations = ctx.wb.table('locations').records.map((r) => r.value);
  const warnings: string[] = [];
  if (actor.role === 'schoolleider' || actor.role === 'chefbuddy') {
    for (const problem of ctx.settingProblems()) {
      warnings.push(ctx.t('sidebar.settingProblem', { setting: problem.setting }));
    }
  }
  if (actor.role === 'schoolleider') {
    for (const l of locations) {
      if (l.name && !l.chiefBuddy) warnings.push(ctx.t('sidebar.noChiefBuddy', { location: l.name }));
    }
  }
  const manages = actor.role === 'schoolleider' || actor.role === 'chefbuddy';
  const location = wanted || actor.locations[0] || '';
  return {
    ...base,
    user: { email: actor.email, name, role: actor.role, locations: [...actor.locations] },
    locations: locations.map((l) => l.name).filter(Boolean),
    warnings,
    message: '',
    pairing: manages && location ? pairingOverview(ctx, actor, location) : null,
    welcome: manages && location ? packetRows(ctx, location) : null,
    automation: manages ? automationStatus(ctx) : null,
  };
}
