/**
 * Test-data builders: `aColleague().at('Onderbouw havo').startingOn('2027-01-04')`, and a world
 * with a set-up workbook (the real setup use case) holding the given staff and pairings.
 */
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/core/cells';
import { personKey } from '../../src/core/identity';
import { type RowOf, SCHEMA, type TabKey } from '../../src/core/schema';
import { type MemoryOptions, memoryWorld } from './memory';

export const LEADER = personKey('leider@school.example');
export const LOCATIONS = ['Onderbouw vmbo', 'Bovenbouw vmbo', 'Onderbouw havo', 'Bovenbouw havo'] as const;
export const chiefOf = (location: string) =>
  personKey(`chef.${location.toLowerCase().replace(/\s+/g, '.')}@school.example`);

class ColleagueBuilder {
  private row: RowOf<'staff'>;
  constructor(name: string) {
    const key = name.toLowerCase().replace(/[^a-z]+/g, '.');
    this.row = {
      name,
      email: personKey(`${key}@school.example`),
      location: 'Onderbouw havo',
      role: 'leraar',
      subject: 'Nederlands',
      startDate: '2015-08-01',
      status: 'actief',
      canBuddy: true,
      maxPairings: null,
      yearsVso: 8,
      coachingAffinity: true,
      absentUntil: '',
      welcomeStatus: '',
      leftOn: '',
      hold: false,
      closingGoals: '',
      closingAgreements: '',
    };
  }
  at(location: string) {
    this.row.location = location;
    return this;
  }
  withEmail(email: string) {
    this.row.email = personKey(email);
    return this;
  }
  newcomer() {
    this.row.status = 'nieuw';
    this.row.canBuddy = false;
    this.row.yearsVso = 0;
    return this;
  }
  startingOn(date: string) {
    this.row.startDate = date;
    return this;
  }
  years(n: number) {
    this.row.yearsVso = n;
    return this;
  }
  notWilling() {
    this.row.canBuddy = false;
    return this;
  }
  max(n: number) {
    this.row.maxPairings = n;
    return this;
  }
  as(role: string) {
    this.row.role = role;
    return this;
  }
  /** Any other fields, as given. */
  with(patch: Partial<RowOf<'staff'>>) {
    Object.assign(this.row, patch);
    return this;
  }
  build(): RowOf<'staff'> {
    return { ...this.row };
  }
}

export const aColleague = (name: string) => new ColleagueBuilder(name);

/** A row of any tab: every column empty (no number, unticked), with these fields set. */
export function aRow<K extends TabKey>(tab: K, patch: Partial<RowOf<K>> = {}): RowOf<K> {
  const row: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(SCHEMA[tab].columns) as [string, { type: string }][])
    row[field] = spec.type === 'number' ? null : spec.type === 'boolean' ? false : '';
  return { ...row, ...patch } as RowOf<K>;
}

/** A whole `Medewerkers` row: the builder's defaults with these fields changed. */
export const staffRow = (name: string, patch: Partial<RowOf<'staff'>> = {}): RowOf<'staff'> =>
  aColleague(name).with(patch).build();

function cellsOf<K extends 'staff' | 'pairings'>(key: K, row: RowOf<K>): Cell[] {
  return Object.entries(SCHEMA[key].columns).map(([field, column]) => {
    const value = (row as Record<string, unknown>)[field];
    if (value === null || value === undefined) return '';
    if ((column.type === 'date' || column.type === 'moment') && value !== '') return { date: String(value) };
    return value as Cell;
  });
}

/** A world after the real setup, with chef buddies on every location and the given rows. */
export function schoolWorld(
  staff: RowOf<'staff'>[],
  pairings: RowOf<'pairings'>[] = [],
  options: MemoryOptions = {},
) {
  const world = memoryWorld({ user: LEADER, now: '2027-01-04T07:30:00+01:00', ...options });
  world.setUser(LEADER);
  setupWorkbook(world.ctx());
  const g = world.gateway;
  const locations = g.tabs.get('Locaties')!;
  for (const row of locations.slice(1)) row[1] = chiefOf(String(row[0]));
  const chiefs = LOCATIONS.map((l) =>
    aColleague(`Chef ${l}`).at(l).withEmail(chiefOf(l)).notWilling().build(),
  );
  g.tabs.get('Medewerkers')!.push(...[...chiefs, ...staff].map((r) => cellsOf('staff', r)));
  g.tabs.get('Koppelingen')!.push(...pairings.map((r) => cellsOf('pairings', r)));
  world.alerts.length = 0;
  world.setUser(options.user ?? LEADER);
  return world;
}
