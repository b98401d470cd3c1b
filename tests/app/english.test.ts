/**
 * Issue 17: English users see no Dutch state words. What the server gives the sidebar and the
 * page in English: placeholders Wegwijs wrote in the sheet ("IB-er nog te kiezen") and the
 * packet's blocking reason; Dutch users keep the sheet's words exactly.
 */
import { describe, expect, it } from 'vitest';
import { assignBuddy } from '../../src/app/pairing';
import { getSchedule, saveSchedule, withText } from '../../src/app/schedule';
import { getSidebarState } from '../../src/app/sidebarState';
import { translate } from '../../src/app/texts/messages';
import { previewWelcome } from '../../src/app/welcome';
import { PLACEHOLDERS } from '../../src/core/schedule/template';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

/** Anna paired and her schedule saved; the location has no IB-er, so a line says "IB-er nog te kiezen". */
function world(locale: string) {
  const w = schoolWorld([bram, ...hosts, anna]);
  for (const row of w.gateway.tabs.get('Locaties')!.slice(1)) {
    row[2] = 'https://intranet.school.example/regels';
    row[3] = 'https://school.example/schoolgids';
  }
  // The sheet was set up in Dutch; from now on the user's Google locale is `locale`.
  (w.services as { identity: typeof w.services.identity }).identity = {
    ...w.services.identity,
    locale: () => locale,
  };
  w.setUser(chiefOf(HAVO));
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  expect(w.gateway.rows('Inwerkschema').some((r) => r.Met === PLACEHOLDERS.ib)).toBe(true);
  return w;
}

const DUTCH = /nog te kiezen|nog niet|ingesteld|\b(ma|di|wo|do|vr)\b \d/;

describe('placeholders in a schedule', () => {
  it('are the words Wegwijs writes in the sheet, in Dutch', () => {
    for (const role of Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[])
      expect(translate('nl', `placeholder.${role}`)).toBe(PLACEHOLDERS[role]);
  });

  it('read in English for an English user, in the sidebar’s schedule and the packet’s blocking reason', () => {
    const w = world('en');
    const lines = getSchedule(w.ctx(), anna.email).weeks.flatMap((wk) => wk.items);
    expect(lines.map((l) => l.with)).toContain('internal counsellor (IB) still to choose');
    expect(lines.filter((l) => DUTCH.test(l.with))).toEqual([]);
    const reason = previewWelcome(w.ctx(), anna.email).errors[0]!;
    expect(reason).toContain('(internal counsellor (IB) still to choose)');
    expect(reason).toMatch(/[A-Z][a-z]+day \d+ [A-Z][a-z]+ 2027: /);
    expect(reason).not.toMatch(DUTCH);
    const status = getSidebarState(w.ctx()).welcome!.find((r) => r.email === anna.email)!.status;
    expect(status.code).toBe('blocked');
    expect(status.reason).not.toMatch(DUTCH);
  });

  it('stay exactly as in the sheet for a Dutch user', () => {
    const w = world('nl');
    const lines = getSchedule(w.ctx(), anna.email).weeks.flatMap((wk) => wk.items);
    expect(lines.map((l) => l.with)).toContain('IB-er nog te kiezen');
    expect(previewWelcome(w.ctx(), anna.email).errors[0]).toMatch(
      /: \w\w \d\d-\d\d-2027: .+ \(IB-er nog te kiezen\)$/,
    );
  });

  it('leave a name or the school’s own text as written', () => {
    const w = world('en');
    expect(withText(w.ctx(), 'Bram de Vries')).toBe('Bram de Vries');
    expect(withText(w.ctx(), 'de conciërge')).toBe('de conciërge');
    expect(withText(w.ctx(), '  ib-er NOG te kiezen ')).toBe('internal counsellor (IB) still to choose');
  });
});
