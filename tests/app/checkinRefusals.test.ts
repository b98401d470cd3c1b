/** Issue 17: check-ins that cannot go wrong quietly (which planned one, refused dates, closing). */
import { describe, expect, it } from 'vitest';
import { closeOnboarding, recordCheckIn, skipCheckIn } from '../../src/app/checkins';
import { assignBuddy } from '../../src/app/pairing';
import { markScheduleItem, saveSchedule } from '../../src/app/schedule';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

type World = ReturnType<typeof schoolWorld>;

function world(withSchedule = true): World {
  const w = schoolWorld([bram, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  if (withSchedule) saveSchedule(w.ctx(), anna.email);
  w.mails.length = 0;
  return w;
}

const good = (held: string, extra: Record<string, unknown> = {}) => ({
  held,
  phase: 'ontdekken',
  wellbeing: 4,
  click: 'goed',
  agreements: 'Meelopen bij Jan.',
  ...extra,
});
const planned = (w: World) =>
  w.gateway
    .rows('Check-ins')
    .map((r) => (r.Gepland as { date: string }).date)
    .sort();
const heldOn = (w: World, day: string) =>
  w.gateway.rows('Check-ins').find((r) => (r.Gepland as { date: string }).date === day)?.Gehouden;

describe('recording a check-in', () => {
  it('records the planned check-in the buddy chose, not the first open one', () => {
    const w = world();
    const [first, second] = planned(w);
    w.setNow(`${second}T16:00:00+01:00`);
    w.setUser(bram.email);
    recordCheckIn(w.ctx(), anna.email, good(second!, { planned: second }));
    expect(heldOn(w, second!)).toEqual({ date: second });
    expect(heldOn(w, first!)).toBeFalsy();
  });

  it('refuses a chosen planned check-in that is not open', () => {
    const w = world();
    w.setNow('2027-01-15T16:00:00+01:00');
    w.setUser(bram.email);
    expect(() => recordCheckIn(w.ctx(), anna.email, good('2027-01-15', { planned: '2027-01-13' }))).toThrow(
      expect.objectContaining({ key: 'checkin.noSuchPlanned' }),
    );
  });

  it('lists every missing field at once', () => {
    const w = world();
    w.setNow('2027-01-15T16:00:00+01:00');
    w.setUser(bram.email);
    expect(() => recordCheckIn(w.ctx(), anna.email, { held: '2027-01-15' })).toThrow(
      expect.objectContaining({
        key: 'checkin.invalid.missingMany',
        // Issue 14: "doen" (the agreements) is required instead of the one 4D label.
        params: { field: 'check-in', fields: 'welbevinden, klik, doen (afspraken)' },
      }),
    );
  });

  it('refuses a held day in the future, before the start, or before the previous held check-in', () => {
    const w = world();
    w.setNow('2027-01-20T16:00:00+01:00');
    w.setUser(bram.email);
    expect(() => recordCheckIn(w.ctx(), anna.email, good('2027-01-21'))).toThrow(
      expect.objectContaining({ key: 'checkin.invalid.future' }),
    );
    expect(() => recordCheckIn(w.ctx(), anna.email, good('2027-01-08'))).toThrow(
      expect.objectContaining({ key: 'checkin.invalid.beforeStart' }),
    );
    recordCheckIn(w.ctx(), anna.email, good('2027-01-18'));
    expect(() => recordCheckIn(w.ctx(), anna.email, good('2027-01-14'))).toThrow(
      expect.objectContaining({
        key: 'checkin.invalid.beforePrevious',
        params: { field: 'datum van de check-in', previous: '2027-01-18' },
      }),
    );
  });
});

describe('closing the onboarding', () => {
  const holdAll = (w: World) => {
    w.setUser(bram.email);
    for (const day of planned(w)) {
      w.setNow(`${day}T16:00:00+01:00`);
      recordCheckIn(w.ctx(), anna.email, good(day));
    }
    w.setUser(chiefOf(HAVO));
  };

  it('is refused before the start date', () => {
    const w = world();
    w.setUser(bram.email);
    for (const day of planned(w)) skipCheckIn(w.ctx(), anna.email, day, 'ziek');
    w.setUser(chiefOf(HAVO));
    expect(() => closeOnboarding(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'checkin.closeBeforeStart', params: { date: '2027-01-11' } }),
    );
  });

  it('is refused without a schedule', () => {
    const w = world();
    w.gateway.tabs.set('Inwerkschema', [w.gateway.tabs.get('Inwerkschema')![0]!]);
    holdAll(w);
    expect(() => closeOnboarding(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'checkin.closeNoSchedule' }),
    );
  });

  it('says so when a packet not sent yet will no longer go, and marks it', () => {
    const w = world();
    holdAll(w);
    const result = closeOnboarding(w.ctx(), anna.email);
    expect(result.message).toContain('Het welkomstpakket was nog niet verzonden en gaat nu niet meer uit.');
    const row = w.gateway.rows('Medewerkers').find((r) => r['E-mail'] === anna.email)!;
    expect(row['Welkomstpakket (status)']).toBe('overgeslagen: inwerken afgerond voor verzending');
  });
});

describe('ticking off schedule lines', () => {
  it('refuses a line before its day, and accepts it on the day', () => {
    const w = world();
    const line = w.gateway.rows('Inwerkschema')[0]!;
    const day = (line.Datum as { date: string }).date;
    expect(() => markScheduleItem(w.ctx(), anna.email, day, String(line.Activiteit), true)).toThrow(
      expect.objectContaining({ key: 'schedule.notYet' }),
    );
    w.setNow(`${day}T08:00:00+01:00`);
    markScheduleItem(w.ctx(), anna.email, day, String(line.Activiteit), true);
    expect(w.gateway.rows('Inwerkschema')[0]!.Afgerond).toBe(true);
  });
});
