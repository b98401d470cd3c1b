/**
 * Two users at once, for real: one call runs in the middle of another (between its read and its
 * write, or between finding the caller's role and taking the lock). Pairing, sending and
 * recording stay correct; and with the lock removed, the same scenarios break, so these tests can
 * fail for the right reason.
 */
import { describe, expect, it } from 'vitest';
import { recordCheckIn } from '../../src/app/checkins';
import { assignBuddy } from '../../src/app/pairing';
import { saveSchedule } from '../../src/app/schedule';
import { sendWelcomeNow } from '../../src/app/welcome';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';
import { Interleaving } from '../support/interleave';

const HAVO = 'Onderbouw havo';
const CHIEF = chiefOf(HAVO);
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const carla = aColleague('Carla Jansen').at(HAVO).years(9).max(1).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien']
  .map(
    (n) => aColleague(`${n} Collega`).at(HAVO).years(6).build(),
    // The location's IB-er: a packet with "IB-er nog te kiezen" in its schedule may not go (issue 17).
  )
  .concat(aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build());
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

type World = ReturnType<typeof schoolWorld>;

/** Runs `call`, keeping what it threw (a refused call is an outcome, not a test failure). */
function attempt(call: () => unknown): { ok: boolean; error?: unknown } {
  try {
    call();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

const activeWith = (w: World, buddy: string) =>
  w.gateway.rows('Koppelingen').filter((r) => r.Status === 'actief' && r.Buddy === buddy).length;

/** Carla may guide one newcomer; the chef buddy and the school leader each pair someone to her. */
function pairingRace(lock: 'enforced' | 'removed') {
  const w = schoolWorld([bram, carla, anna, ben]);
  const run = new Interleaving(w, lock);
  const outcomes: Record<string, { ok: boolean; error?: unknown }> = {};
  run.afterRead('chef', 'Koppelingen', () => {
    outcomes.leader = attempt(() => assignBuddy(run.ctx('leader', LEADER), ben.email, carla.email));
  });
  outcomes.chef = attempt(() => assignBuddy(run.ctx('chef', CHIEF), anna.email, carla.email));
  return { w, run, outcomes };
}

describe('two users pairing the same buddy at once', () => {
  it('never exceed her capacity: the second waits (busy), and on retry sees she is full', () => {
    const { w, run, outcomes } = pairingRace('enforced');
    expect(outcomes.chef!.ok).toBe(true);
    expect(outcomes.leader).toEqual({ ok: false, error: expect.objectContaining({ key: 'error.busy' }) });
    expect(run.refused).toEqual(['leader']);
    const retry = attempt(() => assignBuddy(run.ctx('leader', LEADER), ben.email, carla.email));
    expect(retry.error).toEqual(expect.objectContaining({ key: 'error.plain' }));
    expect(activeWith(w, carla.email)).toBe(1);
  });

  it('decide on fresh data when the other call finished while this one waited for the lock', () => {
    const w = schoolWorld([bram, carla, anna, ben]);
    const run = new Interleaving(w);
    let first = { ok: false };
    run.beforeLock('leader', () => {
      first = attempt(() => assignBuddy(run.ctx('chef', CHIEF), anna.email, carla.email));
    });
    const second = attempt(() => assignBuddy(run.ctx('leader', LEADER), ben.email, carla.email));
    expect(first.ok).toBe(true);
    expect(second.ok).toBe(false);
    expect(activeWith(w, carla.email)).toBe(1);
  });

  it('would exceed her capacity without the lock (so the tests above can fail)', () => {
    const { w, outcomes } = pairingRace('removed');
    expect(outcomes.chef!.ok && outcomes.leader!.ok).toBe(true);
    expect(activeWith(w, carla.email)).toBe(2);
  });
});

/** Anna, paired and with her location's links, so that her packet can go. */
function readyToSend(): World {
  const w = schoolWorld([bram, ...hosts, anna]);
  for (const row of w.gateway.tabs.get('Locaties')!.slice(1)) {
    row[2] = 'https://intranet.school.example/regels';
    row[3] = 'https://school.example/schoolgids';
  }
  assignBuddy(w.ctx(), anna.email, bram.email);
  w.mails.length = 0;
  return w;
}

const packets = (w: World) => w.mails.filter((m) => m.to === anna.email && m.subject.startsWith('Welkom'));

describe('two users sending the same welcome packet at once', () => {
  it('send it once, whichever way the calls overlap', () => {
    const during = readyToSend();
    const a = new Interleaving(during);
    a.afterRead('chef', 'Medewerkers', () =>
      attempt(() => sendWelcomeNow(a.ctx('leader', LEADER), anna.email)),
    );
    sendWelcomeNow(a.ctx('chef', CHIEF), anna.email);
    expect(packets(during)).toHaveLength(1);

    const waited = readyToSend();
    const b = new Interleaving(waited);
    b.beforeLock('leader', () => sendWelcomeNow(b.ctx('chef', CHIEF), anna.email));
    expect(attempt(() => sendWelcomeNow(b.ctx('leader', LEADER), anna.email)).error).toEqual(
      expect.objectContaining({ key: 'welcome.alreadySent' }),
    );
    expect(packets(waited)).toHaveLength(1);
  });

  it('would send it twice without the lock', () => {
    const w = readyToSend();
    const run = new Interleaving(w, 'removed');
    run.afterRead('chef', 'Medewerkers', () => sendWelcomeNow(run.ctx('leader', LEADER), anna.email));
    sendWelcomeNow(run.ctx('chef', CHIEF), anna.email);
    expect(packets(w)).toHaveLength(2);
  });
});

const check = (held: string) => ({
  held,
  phase: 'ontdekken',
  competencies: [],
  wellbeing: 4,
  click: 'goed',
  agreements: 'Meelopen.',
});
const heldDays = (w: World) =>
  w.gateway
    .rows('Check-ins')
    .map((r) => r.Gehouden)
    .filter((d) => d !== '');

function withCheckIns(): World {
  const w = schoolWorld([bram, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  w.setNow('2027-01-20T16:00:00+01:00');
  return w;
}

describe('the buddy and the chef buddy recording check-ins at once', () => {
  it('keep both: the second fills the next open check-in, never overwrites the first', () => {
    const w = withCheckIns();
    const run = new Interleaving(w);
    run.beforeLock('chef', () =>
      recordCheckIn(run.ctx('buddy', bram.email), anna.email, check('2027-01-15')),
    );
    recordCheckIn(run.ctx('chef', CHIEF), anna.email, check('2027-01-19'));
    expect(heldDays(w)).toEqual([{ date: '2027-01-15' }, { date: '2027-01-19' }]);

    const during = withCheckIns();
    const d = new Interleaving(during);
    let inner = attempt(() => {});
    d.afterRead('chef', 'Check-ins', () => {
      inner = attempt(() => recordCheckIn(d.ctx('buddy', bram.email), anna.email, check('2027-01-15')));
    });
    recordCheckIn(d.ctx('chef', CHIEF), anna.email, check('2027-01-19'));
    expect(inner.error).toEqual(expect.objectContaining({ key: 'error.busy' }));
    expect(heldDays(during)).toEqual([{ date: '2027-01-19' }]);
  });

  it('would lose one recording without the lock', () => {
    const w = withCheckIns();
    const run = new Interleaving(w, 'removed');
    run.afterRead('chef', 'Check-ins', () =>
      recordCheckIn(run.ctx('buddy', bram.email), anna.email, check('2027-01-15')),
    );
    recordCheckIn(run.ctx('chef', CHIEF), anna.email, check('2027-01-19'));
    expect(heldDays(w)).toEqual([{ date: '2027-01-19' }]);
  });
});
