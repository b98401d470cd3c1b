/**
 * Issue 17: the school's setting "Koppelen maakt meteen het inwerkschema". Off (the default),
 * "Koppel" pairs and the next steps offer the schedule; on, the same call saves the schedule as
 * one unit of work, and is refused with nothing written when the schedule cannot be made.
 */
import { describe, expect, it } from 'vitest';
import { assignBuddy } from '../../src/app/pairing';
import { translate } from '../../src/app/texts/messages';
import { UserError } from '../../src/core/errors';
import { readSettings } from '../../src/core/settings';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const noDate = aColleague('Zonder Datum').at(HAVO).newcomer().startingOn('').build();

type World = ReturnType<typeof schoolWorld>;

function world(on: boolean): World {
  const w = schoolWorld([bram, ...hosts, anna, noDate]);
  if (on) w.gateway.tabs.get('Instellingen')!.push(['Koppelen maakt meteen het inwerkschema', 'ja']);
  w.setUser(chiefOf(HAVO));
  return w;
}

const linesOf = (w: World, email: string) =>
  w.gateway.rows('Inwerkschema').filter((r) => r['Nieuwe collega'] === email);

describe('the setting "Koppelen maakt meteen het inwerkschema"', () => {
  it('is off unless the school turns it on, in Dutch or English', () => {
    expect(readSettings([]).settings.pairMakesSchedule).toBe(false);
    expect(
      readSettings([{ name: 'Koppelen maakt meteen het inwerkschema', value: 'ja' }]).settings
        .pairMakesSchedule,
    ).toBe(true);
    expect(
      readSettings([{ name: 'Pairing makes the schedule at once', value: 'yes' }]).settings.pairMakesSchedule,
    ).toBe(true);
    const bad = readSettings([{ name: 'Koppelen maakt meteen het inwerkschema', value: 'misschien' }]);
    expect(bad.settings.pairMakesSchedule).toBe(false);
    expect(bad.problems).toEqual([{ setting: 'Koppelen maakt meteen het inwerkschema', value: 'misschien' }]);
  });

  it('off: pairing writes the pair and no schedule; the next step makes it', () => {
    const w = world(false);
    const result = assignBuddy(w.ctx(), anna.email, bram.email);
    expect(result.schedule).toBeUndefined();
    expect(result.message).not.toContain('inwerkschema');
    expect(w.gateway.rows('Koppelingen').filter((r) => r['Nieuwe collega'] === anna.email)).toHaveLength(1);
    expect(linesOf(w, anna.email)).toEqual([]);
  });

  it('on: pairing saves the schedule in the same call, with the buddy filled in and check-ins planned', () => {
    const w = world(true);
    const result = assignBuddy(w.ctx(), anna.email, bram.email);
    expect(result.schedule).toMatch(
      /^Het inwerkschema van Anna Nieuw is opgeslagen: \d+ nieuw, 0 gewijzigd, 0 vervallen\.$/,
    );
    expect(result.message).toContain('Anna Nieuw is gekoppeld aan Bram de Vries.');
    expect(result.message).toContain(result.schedule);
    const lines = linesOf(w, anna.email);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((r) => String(r.Met).includes('Bram de Vries'))).toBe(true);
    expect(lines.some((r) => String(r.Met).includes('nog niet gekoppeld'))).toBe(false);
    expect(
      w.gateway.rows('Check-ins').filter((r) => r['Nieuwe collega'] === anna.email).length,
    ).toBeGreaterThan(0);
    // One mail to the buddy, as without the setting.
    expect(w.mails.filter((m) => m.to === bram.email)).toHaveLength(1);
  });

  it('on: refuses the pairing when the schedule cannot be made, and writes nothing at all', () => {
    const w = world(true);
    const before = Object.fromEntries(
      ['Koppelingen', 'Inwerkschema', 'Check-ins', 'Logboek', 'Medewerkers'].map((t) => [
        t,
        JSON.stringify(w.gateway.tabs.get(t)),
      ]),
    );
    w.mails.length = 0;
    let refusal: unknown;
    try {
      assignBuddy(w.ctx(), noDate.email, bram.email);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(UserError);
    const { key, params } = refusal as UserError;
    expect(key).toBe('pairing.scheduleRefused');
    expect(translate('nl', key, params)).toMatch(
      /^Niet gekoppeld: bij deze school maakt koppelen meteen het inwerkschema, en dat van Zonder Datum kan niet gemaakt worden\. Er kon geen schema worden gemaakt\. .+ Er is niets opgeslagen\.$/,
    );
    for (const [tab, cells] of Object.entries(before))
      expect(JSON.stringify(w.gateway.tabs.get(tab)), tab).toBe(cells);
    expect(w.mails).toEqual([]);
  });
});
