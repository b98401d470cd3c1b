import { describe, expect, it } from 'vitest';
import { assignBuddy } from '../../src/app/pairing';
import { getSidebarState } from '../../src/app/sidebarState';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).build();
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-18').build();
const vera = aColleague('Vera Vmbo').at('Onderbouw vmbo').newcomer().startingOn('2027-01-11').build();

describe('the sidebar state', () => {
  it('gives a chef buddy the newcomers of their location, with buddy and welcome state', () => {
    const world = schoolWorld([bram, anna, ben, vera]);
    assignBuddy(world.ctx(), anna.email, bram.email);
    world.setUser(chiefOf(HAVO));
    const state = getSidebarState(world.ctx());
    expect(state.user).toMatchObject({ role: 'chefbuddy', locations: [HAVO] });
    expect(state.newcomers.map((n) => [n.name, n.buddyName])).toEqual([
      ['Anna Nieuw', 'Bram de Vries'],
      ['Ben Nieuw', ''],
    ]);
    expect(state.pairing?.unpaired.map((u) => u.name)).toEqual(['Ben Nieuw']);
    expect(state.automation).not.toBeNull();
  });

  it('gives a buddy only their own newcomers, and no pairing or packets', () => {
    const world = schoolWorld([bram, anna, ben, vera]);
    assignBuddy(world.ctx(), anna.email, bram.email);
    world.setUser(bram.email);
    const state = getSidebarState(world.ctx());
    expect(state.user.role).toBe('buddy');
    expect(state.newcomers.map((n) => n.name)).toEqual(['Anna Nieuw']);
    expect(state.pairing).toBeNull();
    expect(state.welcome).toBeNull();
  });

  it('gives an unknown user a message and no data at all', () => {
    const world = schoolWorld([bram, anna]);
    world.setUser('vreemde@elders.example');
    const state = getSidebarState(world.ctx());
    expect(state).toMatchObject({
      locations: [],
      pairing: null,
      welcome: null,
      automation: null,
      newcomers: [],
    });
    expect(state.message).toContain('Vraag de schoolleider');
  });

  it('lets the school leader look at another location, and refuses a chef buddy doing so', () => {
    const world = schoolWorld([bram, anna, vera]);
    expect(getSidebarState(world.ctx(), 'Onderbouw vmbo').newcomers.map((n) => n.name)).toEqual([
      'Vera Vmbo',
    ]);
    world.setUser(chiefOf(HAVO));
    expect(() => getSidebarState(world.ctx(), 'Onderbouw vmbo')).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
  });
});
