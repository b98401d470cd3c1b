/**
 * The sidebar's first call: who you are, your role and locations, and what needs attention.
 * An unknown user gets a message and no data.
 */
import { checkInState } from '../core/checkins';
import { emailKey } from '../core/pairing';
import { type Actor, isBuddyOf, isManager, isSchoolLeader } from '../core/roles';
import { normalizeName, type RowOf } from '../core/schema';
import { settingKeyOf } from '../core/settings';
import { expectText } from '../core/validate';
import type { NewcomerDto, SidebarState } from '../shared/api';
import { automationStatus } from './automation';
import type { RequestContext } from './context';
import { dataWarnings, roleSettingWarnings } from './dataWarnings';
import { pairingOverview } from './pairing';
import { packetRows } from './welcome';

/** The sidebar's state; `location` picks the location a school leader looks at. */
export function getSidebarState(ctx: RequestContext, locationRaw?: unknown): SidebarState {
  const wanted =
    locationRaw === undefined || locationRaw === null ? '' : expectText(locationRaw, 'location', 200);
  const actor = ctx.actor();
  const base = { language: ctx.language, version: ctx.services.version, today: ctx.services.clock.today() };
  if (actor.role === 'onbekend') {
    return {
      ...base,
      user: { email: actor.email, name: '', role: 'onbekend', locations: [] },
      locations: [],
      // A leader list nobody can read locks the leader out: whoever opens the sheet is told.
      warnings: roleSettingWarnings(ctx),
      message: `${ctx.t('error.unknownUser')} ${ctx.t('sidebar.unknownHelp')}`,
      pairing: null,
      welcome: null,
      automation: null,
      newcomers: [],
    };
  }
  const name = ctx.directory().person(actor.email)?.name ?? '';
  const locations = ctx.wb.table('locations').records.map((r) => r.value);
  const warnings: string[] = [];
  if (isManager(actor)) {
    warnings.push(...roleSettingWarnings(ctx));
    for (const problem of ctx.settingProblems()) {
      if (settingKeyOf(problem.setting) === 'schoolLeaders') continue;
      warnings.push(ctx.t('sidebar.settingProblem', { setting: problem.setting }));
    }
    warnings.push(...dataWarnings(ctx, actor));
  }
  if (isSchoolLeader(actor)) {
    for (const l of locations) {
      if (l.name && !l.chiefBuddy) warnings.push(ctx.t('sidebar.noChiefBuddy', { location: l.name }));
    }
  }
  const manages = isManager(actor);
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
    newcomers: newcomersFollowed(ctx, actor, manages ? location : ''),
  };
}

/**
 * The newcomers this actor follows: those in onboarding at the location (school leader, chef
 * buddy), or their own newcomers (a buddy). With their buddy, welcome state and check-ins due.
 */
function newcomersFollowed(ctx: RequestContext, actor: Actor, location: string): NewcomerDto[] {
  const directory = ctx.directory();
  const staff = directory.staff();
  const buddyOf = (email: string) => emailKey(directory.activeBuddy(email));
  const mine = (s: { email: string; location: string }) =>
    location
      ? false
      : actor.role === 'buddy' &&
        isBuddyOf(actor, { email: s.email, location: s.location, activeBuddy: buddyOf(s.email) });
  const followed = staff.filter(
    (s) =>
      s.status === 'nieuw' &&
      ((location && normalizeName(s.location) === normalizeName(location)) || mine(s)),
  );
  if (!followed.length) return [];
  const today = ctx.services.clock.today();
  const settings = ctx.settings();
  const checkIns = new Map<string, RowOf<'checkIns'>[]>();
  for (const r of directory.checkInRecords()) {
    const key = emailKey(r.value.newcomer);
    const list = checkIns.get(key);
    if (list) list.push(r.value);
    else checkIns.set(key, [r.value]);
  }
  return followed
    .map((s) => {
      const own = checkIns.get(emailKey(s.email)) ?? [];
      const states = own.map((c) => checkInState(c, today, settings).state);
      const next = own
        .filter((c) => !c.held && !c.skipped && c.planned)
        .map((c) => c.planned)
        .sort()[0];
      const buddy = buddyOf(s.email);
      return {
        email: s.email,
        name: s.name,
        location: s.location,
        startDate: s.startDate,
        buddy,
        buddyName: buddy ? (directory.person(buddy)?.name ?? buddy) : '',
        welcome: s.welcomeStatus,
        checkInsHeld: states.filter((x) => x === 'gehouden').length,
        checkInsLate: states.filter((x) => x === 'te laat').length,
        nextCheckIn: next ?? '',
      };
    })
    .sort((a, b) =>
      a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.name.localeCompare(b.name, 'nl'),
    );
}
