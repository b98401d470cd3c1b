/**
 * Who the acting user is in the protocol, and what they may act on. School leaders are listed in
 * Instellingen; a chef buddy is the e-mail on a Locaties row; a buddy has an active pairing.
 */
import { UserError } from './errors';
import { type Email, emailKey, normalizeName } from './identity';

export type Role = 'schoolleider' | 'chefbuddy' | 'buddy' | 'medewerker' | 'onbekend';

export interface Actor {
  readonly email: Email;
  readonly role: Role;
  /** Locations this actor may act on (all for a school leader, their own for a chef buddy). */
  readonly locations: readonly string[];
}

export interface RoleSources {
  readonly schoolLeaders: readonly string[];
  readonly locations: readonly { name: string; chiefBuddy: Email }[];
  /** Active buddies' e-mails with the location of their pairing. */
  readonly buddies: readonly { email: Email; location: string }[];
  readonly staff: readonly { email: Email; location: string }[];
  /** E-mails of people who have left (see `isLeft`): they have no role at all. */
  readonly left?: ReadonlySet<string>;
}

/**
 * Whether a staff member has left by `today`: their leaving date ('Uit dienst per') has come, or
 * their status is `uit dienst` without a date. A later leaving date keeps them until that day.
 */
export function isLeft(person: { status: string; leftOn: string }, today: string): boolean {
  if (person.leftOn) return person.leftOn <= today;
  return person.status === 'uit dienst';
}

/** Resolves the actor from the sheet. An empty e-mail is an error; an unknown one is `onbekend`. */
export function resolveActor(email: string, sources: RoleSources): Actor {
  const me = emailKey(email);
  if (me === '') throw new UserError('error.noUser');
  if (sources.left?.has(me)) return { email: me, role: 'onbekend', locations: [] };
  const allLocations = sources.locations.map((l) => l.name).filter(Boolean);
  if (sources.schoolLeaders.includes(me)) return { email: me, role: 'schoolleider', locations: allLocations };
  const chiefOf = sources.locations.filter((l) => l.chiefBuddy === me).map((l) => l.name);
  if (chiefOf.length > 0) return { email: me, role: 'chefbuddy', locations: chiefOf };
  const buddyOf = [...new Set(sources.buddies.filter((b) => b.email === me).map((b) => b.location))];
  if (buddyOf.length > 0) return { email: me, role: 'buddy', locations: buddyOf };
  const staff = sources.staff.find((s) => s.email === me);
  if (staff) return { email: me, role: 'medewerker', locations: staff.location ? [staff.location] : [] };
  return { email: me, role: 'onbekend', locations: [] };
}

/** True when the actor may act on this location (names compared loosely). */
export function canActOn(actor: Actor, location: string): boolean {
  const wanted = normalizeName(location);
  return actor.locations.some((l) => normalizeName(l) === wanted);
}

// ---- Access rules: the only place that decides who may do what (sidebar, page and jobs) ----

/** A newcomer as the rules need them: their location and their active buddy ('' when none). */
export interface FollowedNewcomer {
  readonly email: Email;
  readonly location: string;
  readonly activeBuddy: Email;
}

/** A check-in as the rules need it: the newcomer's location and who recorded it. */
export interface CheckInAccess {
  readonly location: string;
  readonly recordedBy: Email;
}

/** A school leader or a chef buddy: someone who runs the protocol from the sidebar. */
export function isManager(actor: Actor): boolean {
  return actor.role === 'schoolleider' || actor.role === 'chefbuddy';
}

/** A school leader: all locations, privacy, automation, the weekly overview. */
export function isSchoolLeader(actor: Actor): boolean {
  return actor.role === 'schoolleider';
}

/** Sees the figures over all locations together (the school leader). */
export function seesAllLocations(actor: Actor): boolean {
  return isSchoolLeader(actor);
}

/** Manages this location: the school leader, or the location's own chef buddy. */
export function manages(actor: Actor, location: string): boolean {
  return isManager(actor) && canActOn(actor, location);
}

/**
 * Sees a row's warnings in the sidebar: the school leader every row (also rows without or with an
 * unknown location), a chef buddy their location's rows.
 */
export function seesRowsOf(actor: Actor, location: string): boolean {
  return isSchoolLeader(actor) || manages(actor, location);
}

/** The newcomer's own active buddy, while they have a role (someone who left has none). */
export function isBuddyOf(actor: Actor, newcomer: FollowedNewcomer): boolean {
  return actor.role !== 'onbekend' && newcomer.activeBuddy !== '' && newcomer.activeBuddy === actor.email;
}

/** The newcomer themself, while they have a role. */
export function isSelf(actor: Actor, newcomer: { readonly email: Email }): boolean {
  return actor.role !== 'onbekend' && newcomer.email !== '' && newcomer.email === actor.email;
}

/** Follows the newcomer: manages their location, or is their active buddy. */
export function follows(actor: Actor, newcomer: FollowedNewcomer): boolean {
  return manages(actor, newcomer.location) || isBuddyOf(actor, newcomer);
}

/** Reads a check-in's notes: the school leader, the location's chef buddy, or who wrote them. */
export function maySeeNotes(actor: Actor, checkIn: CheckInAccess): boolean {
  if (manages(actor, checkIn.location)) return true;
  return actor.role !== 'onbekend' && checkIn.recordedBy !== '' && checkIn.recordedBy === actor.email;
}

/**
 * Reads the personal parts of a check-in — the 4D steps, goals, competence levels, worries — as
 * its notes (the school leader, the location's chef buddy, who wrote them), and also the newcomer
 * themself: it is their own conversation, which they see and confirm. Never the notes.
 */
export function maySeeCoaching(actor: Actor, checkIn: CheckInAccess & { readonly newcomer: Email }): boolean {
  return maySeeNotes(actor, checkIn) || isSelf(actor, { email: checkIn.newcomer });
}

/** Records or skips a check-in, ticks a schedule line: whoever follows the newcomer. */
export function mayRecordCheckIn(actor: Actor, newcomer: FollowedNewcomer): boolean {
  return follows(actor, newcomer);
}

/** Ticks a schedule line off or on again: whoever follows the newcomer. */
export function mayMarkSchedule(actor: Actor, newcomer: FollowedNewcomer): boolean {
  return follows(actor, newcomer);
}

/** Plans (makes, updates) a schedule, pairs, sends a packet, closes the onboarding. */
export function mayPlan(actor: Actor, newcomer: { readonly location: string }): boolean {
  return manages(actor, newcomer.location);
}

/** Closes the onboarding: the school leader or the location's chef buddy. */
export function mayCloseOnboarding(actor: Actor, newcomer: { readonly location: string }): boolean {
  return manages(actor, newcomer.location);
}

/** Sees their own onboarding (schedule, packet, agreements) and gives their own view of a check-in. */
export function mayRespondAsNewcomer(actor: Actor, newcomer: { readonly email: Email }): boolean {
  return isSelf(actor, newcomer);
}

/** Guard: the actor must be a school leader or the chef buddy of this location. */
export function assertCanManage(actor: Actor, location: string): void {
  if (!isManager(actor)) throw new UserError('error.managersOnly');
  if (!canActOn(actor, location)) throw new UserError('error.otherLocation', { location });
}

/** The chef buddy of this location (not the school leader): writes the monthly report's remark. */
export function isChiefBuddyOf(actor: Actor, location: string): boolean {
  return actor.role === 'chefbuddy' && canActOn(actor, location);
}

/** Guard: the chef buddy of this location. */
export function assertChiefBuddyOf(actor: Actor, location: string): void {
  if (actor.role !== 'chefbuddy') throw new UserError('report.chiefOnly');
  if (!canActOn(actor, location)) throw new UserError('error.otherLocation', { location });
}

/** Guard: a school leader or a chef buddy (of any location). */
export function assertManager(actor: Actor): void {
  if (!isManager(actor)) throw new UserError('error.managersOnly');
}

/** Guard: the actor follows this newcomer; a chef buddy elsewhere and anyone else get their reason. */
export function assertFollows(actor: Actor, newcomer: FollowedNewcomer): void {
  if (follows(actor, newcomer)) return;
  throw new UserError(actor.role === 'chefbuddy' ? 'error.otherLocation' : 'error.notYourNewcomer', {
    location: newcomer.location,
  });
}

/** Guard: only a school leader. */
export function assertSchoolLeader(actor: Actor): void {
  if (!isSchoolLeader(actor)) throw new UserError('error.leaderOnly');
}

/** Guard: anyone known to Wegwijs with a role. */
export function assertKnown(actor: Actor): void {
  if (actor.role === 'onbekend') throw new UserError('error.unknownUser');
}

// ---- Pilot and evaluation (issue 15) ----

/** Changes a location's phase and starts questionnaire rounds: the school leader. */
export function mayManagePilot(actor: Actor): boolean {
  return isSchoolLeader(actor);
}

/**
 * Sees a location's evaluation (aggregates only): the school leader; a chef buddy their own
 * location, when the school leader allows it (setting `Evaluatie zichtbaar voor chef buddy's`).
 */
export function maySeeEvaluation(actor: Actor, location: string, chiefsAllowed: boolean): boolean {
  if (isSchoolLeader(actor)) return true;
  return chiefsAllowed && actor.role === 'chefbuddy' && canActOn(actor, location);
}

/** Exports the pseudonymous answers (all locations, raw): the school leader. */
export function mayExportAnswers(actor: Actor): boolean {
  return isSchoolLeader(actor);
}

/** Answers a questionnaire: a colleague with a role, for themself only. */
export function mayAnswerSurvey(actor: Actor, person: { readonly email: Email }): boolean {
  return isSelf(actor, person);
}
