/**
 * Who the acting user is in the protocol, and what they may act on. School leaders are listed in
 * Instellingen; a chef buddy is the e-mail on a Locaties row; a buddy has an active pairing.
 */
import { UserError } from './errors';
import { normalizeName } from './schema';

export type Role = 'schoolleider' | 'chefbuddy' | 'buddy' | 'medewerker' | 'onbekend';

export interface Actor {
  readonly email: string;
  readonly role: Role;
  /** Locations this actor may act on (all for a school leader, their own for a chef buddy). */
  readonly locations: readonly string[];
}

export interface RoleSources {
  readonly schoolLeaders: readonly string[];
  readonly locations: readonly { name: string; chiefBuddy: string }[];
  /** Active buddies' e-mails with the location of their pairing. */
  readonly buddies: readonly { email: string; location: string }[];
  readonly staff: readonly { email: string; location: string }[];
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
  const me = email.trim().toLowerCase();
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

/** Guard: the actor must be a school leader or the chef buddy of this location. */
export function assertCanManage(actor: Actor, location: string): void {
  if (actor.role !== 'schoolleider' && actor.role !== 'chefbuddy') {
    throw new UserError('error.managersOnly');
  }
  if (!canActOn(actor, location)) throw new UserError('error.otherLocation', { location });
}

/** Guard: only a school leader. */
export function assertSchoolLeader(actor: Actor): void {
  if (actor.role !== 'schoolleider') throw new UserError('error.leaderOnly');
}

/** Guard: anyone known to Wegwijs with a role. */
export function assertKnown(actor: Actor): void {
  if (actor.role === 'onbekend') throw new UserError('error.unknownUser');
}
