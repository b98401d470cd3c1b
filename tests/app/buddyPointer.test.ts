/**
 * Issue 17: "a buddy is pointed to Mijn Wegwijs once it exists". A buddy who opens the sidebar
 * gets the way to the page instead of a sheet view; while the page has no address they still
 * see their newcomers there.
 */
import { describe, expect, it } from 'vitest';
import { assignBuddy } from '../../src/app/pairing';
import { saveSchedule } from '../../src/app/schedule';
import { getSidebarState } from '../../src/app/sidebarState';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const URL = 'https://script.google.com/a/macros/school.example/s/AKfyDeployed/exec';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

function paired() {
  const w = schoolWorld([bram, ...hosts, anna]);
  w.setUser(chiefOf(HAVO));
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  w.setUser(bram.email);
  return w;
}

describe('a buddy who opens the sidebar', () => {
  it('gets the pointer to Mijn Wegwijs with its address, and no sheet view of their newcomers', () => {
    const w = paired();
    w.webAppUrl = URL;
    const state = getSidebarState(w.ctx());
    expect(state).toMatchObject({
      pointToPage: true,
      pageUrl: URL,
      newcomers: [],
      pairing: null,
      welcome: null,
    });
    expect(state.message).toMatch(/^Je nieuwe collega’s volg je op Mijn Wegwijs/);
  });

  it('still sees their newcomers while Mijn Wegwijs has no address, and is told whom to ask for it', () => {
    const w = paired();
    const state = getSidebarState(w.ctx());
    expect(state.pageUrl).toBe('');
    expect(state.newcomers.map((n) => n.email)).toEqual([anna.email]);
    expect(state.message).toContain('Het adres van Mijn Wegwijs krijg je van je chef buddy.');
  });
});
