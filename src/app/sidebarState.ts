/**
 * The sidebar's first call: who you are, your role and locations, and what needs attention.
 * An unknown user gets a message and no data.
 */
import { checkInStates } from '../core/checkins';
import type { Email } from '../core/identity';
import { parseMailState } from '../core/mailState';
import { packetStatus } from '../core/packetStatus';
import { type Actor, isBuddyOf, isManager, isSchoolLeader } from '../core/roles';
import { normalizeName } from '../core/schema';
import { settingKeyOf } from '../core/settings';
import { expectText } from '../core/validate';
import type { NewcomerDto, SidebarState, WelcomeRowDto } from '../shared/api';
import { getAutomationStatus } from './automation';
import type { RequestContext } from './context';
import { dataWarnings, roleSettingWarnings } from './dataWarnings';
import { pageAddress } from './messages';
import { pairingOverview } from './pairing';
import { packetRows } from './welcome';

/** The sidebar's state; `location` picks the location a school leader looks at. */
export function getSidebarState(ctx: RequestContext, locationRaw?: unknown): SidebarState {
  const wanted =
    locationRaw === undefined || locationRaw === null ? '' : expectText(locationRaw, 'location', 200);
  const actor = ctx.actor();
  const base = {
    language: ctx.language,
    version: ctx.services.version,
    today: ctx.services.clock.today(),
    readAt: ctx.services.clock.now(),
  };
  if (actor.role === 'onbekend') {
    return {
      ...base,
      user: { email: actor.email, name: '', role: 'onbekend', locations: [] },
      locations: [],
      // A leader list nobody can read locks the leader out: whoever opens the sheet is told.
      warnings: roleSettingWarnings(ctx),
      // One short, true message: what Wegwijs is and whom to ask (no data of anyone).
      message: `${ctx.t('week.about')} ${ctx.t('week.askLeader')}`,
      pairing: null,
      welcome: null,
      automation: null,
      newcomers: [],
      pageUrl: '',
      pointToPage: false,
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
  const automation = manages ? getAutomationStatus(ctx) : null;
  // Who has a saved schedule, read before the packet rows make missing ones in memory.
  const scheduled = new Set((ctx.wb.tryTable('schedule')?.records ?? []).map((r) => r.value.newcomer));
  const welcome = manages && location ? packetRows(ctx, location, automation) : null;
  // Buddies and newcomers use Mijn Wegwijs, not the sheet: the sidebar points them there.
  const me = ctx.directory().person(actor.email);
  const newcomer = actor.role === 'medewerker' && me?.status === 'nieuw';
  const pointToPage = actor.role === 'buddy' || newcomer;
  const pageUrl = manages || pointToPage ? pageAddress(ctx) : '';
  const pointer = pointToPage
    ? [
        ctx.t(newcomer ? 'sidebar.usePageNewcomer' : 'sidebar.usePageBuddy'),
        pageUrl ? '' : ctx.t('sidebar.noPageUrl'),
      ]
        .filter(Boolean)
        .join(' ')
    : '';
  return {
    ...base,
    user: { email: actor.email, name, role: actor.role, locations: [...actor.locations] },
    locations: locations.map((l) => l.name).filter(Boolean),
    warnings,
    message: pointer || (actor.role === 'medewerker' ? staffMessage(ctx, actor) : ''),
    pairing: manages && location ? pairingOverview(ctx, actor, location) : null,
    welcome,
    automation,
    // A buddy works on Mijn Wegwijs once it has an address: the sidebar shows the way there, no sheet view.
    newcomers:
      actor.role === 'buddy' && pageUrl
        ? []
        : newcomersFollowed(ctx, actor, manages ? location : '', welcome, scheduled),
    pageUrl,
    pointToPage,
  };
}

/**
 * The newcomers this actor follows: those in onboarding at the location (school leader, chef
 * buddy), or their own newcomers (a buddy). With their buddy, welcome state and check-ins due.
 */
function newcomersFollowed(
  ctx: RequestContext,
  actor: Actor,
  location: string,
  welcome: readonly WelcomeRowDto[] | null,
  scheduled: ReadonlySet<string>,
): NewcomerDto[] {
  const directory = ctx.directory();
  const staff = directory.staff();
  const buddyOf = (email: Email) => directory.activeBuddy(email);
  const mine = (s: { email: Email; location: string }) =>
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
  // The packet rows carry the staff row's e-mail as read: the same key as `s.email`.
  const packetOf = new Map((welcome ?? []).map((w) => [w.email, w.status]));
  return followed
    .map((s) => {
      const own = directory.checkInsOf(s.email).map((r) => r.value);
      const states = checkInStates(own, today, settings).map((c) => c.state);
      const next = own
        .filter((c) => !c.held && !c.skipped && c.planned)
        .map((c) => c.planned)
        .sort()[0];
      const buddy = buddyOf(s.email);
      const last = own
        .filter((c) => c.held)
        .sort((a, b) => (a.held < b.held ? -1 : a.held > b.held ? 1 : 0))
        .pop();
      return {
        email: s.email,
        name: s.name,
        location: s.location,
        startDate: s.startDate,
        buddy,
        buddyName: buddy ? (directory.person(buddy)?.name ?? buddy) : '',
        welcome: s.welcomeStatus,
        packet:
          packetOf.get(s.email) ??
          packetStatus({
            state: parseMailState(s.welcomeStatus),
            due: '',
            startDate: s.startDate,
            today,
            automation: 'unknown',
            problem: '',
          }),
        checkInsHeld: states.filter((x) => x === 'gehouden').length,
        checkInsLate: states.filter((x) => x === 'te laat').length,
        nextCheckIn: next ?? '',
        hasSchedule: scheduled.has(s.email),
        buddyLeft: buddy ? directory.hasLeft(buddy) : false,
        lastClick: last?.click ?? '',
        lastWellbeing: typeof last?.wellbeing === 'number' ? last.wellbeing : null,
        worriesOn: last?.worries?.trim() ? last.held : '',
      };
    })
    .sort((a, b) =>
      a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.name.localeCompare(b.name, 'nl'),
    );
}

/** For a colleague without a role in Wegwijs: what it is, and their location's chef buddy to ask. */
function staffMessage(ctx: RequestContext, actor: Actor): string {
  const own = ctx.directory().person(actor.email)?.location ?? '';
  const location = ctx.wb
    .table('locations')
    .records.map((r) => r.value)
    .find((l) => own && normalizeName(l.name) === normalizeName(own));
  const chief = location?.chiefBuddy ? ctx.directory().person(location.chiefBuddy) : undefined;
  const ask = chief
    ? ctx.t('week.askChief', { name: chief.name || chief.email, location: location!.name })
    : ctx.t('week.askLeader');
  return `${ctx.t('week.about')} ${ask}`;
}
