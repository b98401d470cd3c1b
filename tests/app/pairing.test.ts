import { describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/app/jobs';
import {
  applyPairs,
  assignBuddy,
  endPairing,
  pairingOverview,
  pendingBuddyMails,
  proposePairs,
  suggestBuddies,
} from '../../src/app/pairing';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const bram = aColleague('Bram de Vries').at(HAVO).years(12).build();
const carla = aColleague('Carla Jansen').at(HAVO).years(3).max(1).build();
const dirk = aColleague('Dirk Oud').at('Bovenbouw vmbo').years(20).build();

function rows(world: ReturnType<typeof schoolWorld>) {
  return world.gateway.rows('Koppelingen');
}

describe('with an unpaired newcomer', () => {
  it('lists the newcomer for the chef buddy of the location, soonest first', () => {
    const late = aColleague('Late Nieuw').at(HAVO).newcomer().startingOn('2027-02-01').build();
    const world = schoolWorld([late, anna, bram]);
    world.setUser(chiefOf(HAVO));
    const ctx = world.ctx();
    const overview = pairingOverview(ctx, ctx.actor(), HAVO);
    expect(overview.unpaired.map((u) => [u.name, u.daysUntilStart])).toEqual([
      ['Anna Nieuw', 7],
      ['Late Nieuw', 28],
    ]);
  });

  it('suggests buddies of the same location first, with reasons in plain Dutch', () => {
    const world = schoolWorld([anna, bram, carla, dirk]);
    world.setUser(chiefOf(HAVO));
    const result = suggestBuddies(world.ctx(), anna.email);
    expect(result.suggestions.map((s) => s.name)).toEqual(['Bram de Vries', 'Carla Jansen']);
    expect(result.suggestions[0]!.reasons).toContain('10 jaar ervaring in het VSO'.replace('10', '12'));
    expect(result.suggestions[0]!.reasons).toContain('affiniteit met begeleiden');
    expect(result.suggestions[0]!.reasons).toContain('heeft nog ruimte: 0 van 2');
    const excluded = Object.fromEntries(result.excluded.map((e) => [e.name, e.reasons]));
    expect(excluded['Dirk Oud']).toContain('werkt op een andere locatie (Bovenbouw vmbo)');
    expect(excluded['Anna Nieuw']).toContain('is de nieuwe collega zelf');
  });

  it('refuses a chef buddy of another location, also when called directly', () => {
    const world = schoolWorld([anna, bram]);
    world.setUser(chiefOf('Bovenbouw vmbo'));
    expect(() => suggestBuddies(world.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
    expect(() => assignBuddy(world.ctx(), anna.email, bram.email)).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
    expect(rows(world)).toEqual([]);
    expect(world.mails).toEqual([]);
  });

  it('refuses an unknown user and writes nothing', () => {
    const world = schoolWorld([anna, bram]);
    world.setUser('vreemde@elders.example');
    expect(() => assignBuddy(world.ctx(), anna.email, bram.email)).toThrow(
      expect.objectContaining({ key: 'error.managersOnly' }),
    );
    expect(rows(world)).toEqual([]);
  });

  it('refuses malformed arguments with a message naming the field', () => {
    const world = schoolWorld([anna, bram]);
    expect(() => assignBuddy(world.ctx(), 'geen adres', bram.email)).toThrow(
      expect.objectContaining({ key: 'arg.notEmail' }),
    );
    expect(() => assignBuddy(world.ctx(), anna.email, 42)).toThrow(
      expect.objectContaining({ key: 'arg.notText' }),
    );
    expect(() => assignBuddy(world.ctx(), 'x'.repeat(300), bram.email)).toThrow(
      expect.objectContaining({ key: 'arg.tooLong' }),
    );
  });
});

describe('pairing a newcomer with a buddy', () => {
  it('records the pair, logs it, and mails the buddy once with the task description', () => {
    const world = schoolWorld([anna, bram]);
    world.setUser(chiefOf(HAVO));
    const result = assignBuddy(world.ctx(), anna.email, bram.email);
    expect(result.message).toBe(
      'Anna Nieuw is gekoppeld aan Bram de Vries. De buddy heeft een mail gekregen.',
    );
    const [pair] = rows(world);
    expect(pair).toMatchObject({
      'Nieuwe collega': anna.email,
      Buddy: bram.email,
      Locatie: HAVO,
      'Gekoppeld op': { date: '2027-01-04' },
      'Gekoppeld door': chiefOf(HAVO),
      Status: 'actief',
      'Buddy-mail (status)': 'verzonden 2027-01-04 07:30',
    });
    expect(world.mails).toHaveLength(1);
    const mail = world.mails[0]!;
    expect(mail.to).toBe(bram.email);
    expect(mail.replyTo).toBe(chiefOf(HAVO));
    expect(mail.subject).toBe('Je bent buddy van Anna Nieuw');
    expect(mail.body).toContain('op maandag 11 januari 2027 begint op locatie Onderbouw havo');
    expect(mail.body).toContain('Je zorgt, maar neemt geen werk over');
    expect(world.gateway.rows('Logboek').at(-1)).toMatchObject({ Actie: 'Buddy gekoppeld', Details: HAVO });
    expect(world.store.size).toBe(0);
  });

  it('pairs once on a double click', () => {
    const world = schoolWorld([anna, bram]);
    assignBuddy(world.ctx(), anna.email, bram.email);
    const second = assignBuddy(world.ctx(), anna.email, bram.email);
    expect(second.message).toContain('was al gekoppeld');
    expect(rows(world)).toHaveLength(1);
    expect(world.mails).toHaveLength(1);
  });

  it('gives a newcomer at most one active buddy', () => {
    const world = schoolWorld([anna, bram, carla]);
    assignBuddy(world.ctx(), anna.email, bram.email);
    expect(() => assignBuddy(world.ctx(), anna.email, carla.email)).toThrow(
      expect.objectContaining({
        params: { message: 'Deze nieuwe collega heeft al een buddy. Beëindig die koppeling eerst.' },
      }),
    );
  });

  it('never pushes a buddy over capacity when two chef buddies pair at once', () => {
    const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-18').build();
    const world = schoolWorld([anna, ben, carla]);
    world.setUser(chiefOf(HAVO));
    assignBuddy(world.ctx(), anna.email, carla.email);
    world.setUser(LEADER);
    expect(() => assignBuddy(world.ctx(), ben.email, carla.email)).toThrow(
      expect.objectContaining({ params: { message: 'Deze collega kan geen buddy zijn: zit vol: 1 van 1.' } }),
    );
    expect(rows(world)).toHaveLength(1);
  });

  it('says the sheet is busy when the lock is held, and writes nothing', () => {
    const world = schoolWorld([anna, bram]);
    world.lockHeldByOther = true;
    expect(() => assignBuddy(world.ctx(), anna.email, bram.email)).toThrow(
      expect.objectContaining({ key: 'error.busy' }),
    );
    expect(rows(world)).toEqual([]);
  });

  it('escapes names from the sheet in the mail HTML', () => {
    const evil = aColleague('<img src=x onerror=alert(1)>')
      .withEmail('evil@school.example')
      .at(HAVO)
      .newcomer()
      .startingOn('2027-01-11')
      .build();
    const world = schoolWorld([evil, bram]);
    assignBuddy(world.ctx(), evil.email, bram.email);
    expect(world.mails[0]!.htmlBody).not.toContain('<img');
    expect(world.mails[0]!.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps the mail pending with the reason when it cannot be composed, and sends it later', () => {
    const world = schoolWorld([anna, bram]);
    const locations = world.gateway.tabs.get('Locaties')!;
    const havo = locations.find((r) => r[0] === HAVO)!;
    havo[1] = '';
    const result = assignBuddy(world.ctx(), anna.email, bram.email);
    expect(result.message).toContain('kan nog niet weg');
    expect(rows(world)[0]!['Buddy-mail (status)']).toBe('gepland');
    havo[1] = chiefOf(HAVO);
    runScheduledJobs(world.ctx(), [pendingBuddyMails]);
    expect(world.mails).toHaveLength(1);
    expect(rows(world)[0]!['Buddy-mail (status)']).toMatch(/^verzonden/);
  });
});

describe('ending a pair', () => {
  it('needs a reason, keeps the history, and frees the newcomer for a new buddy', () => {
    const world = schoolWorld([anna, bram, carla]);
    assignBuddy(world.ctx(), anna.email, bram.email);
    expect(() => endPairing(world.ctx(), anna.email, '  ')).toThrow(
      expect.objectContaining({ key: 'pairing.reasonRequired' }),
    );
    endPairing(world.ctx(), anna.email, 'geen klik');
    assignBuddy(world.ctx(), anna.email, carla.email);
    expect(rows(world).map((r) => [r.Buddy, r.Status, r.Reden])).toEqual([
      [bram.email, 'beëindigd', 'geen klik'],
      [carla.email, 'actief', ''],
    ]);
    expect(world.mails.map((m) => m.to)).toEqual([bram.email, carla.email]);
  });

  it('lists the buddy of an ended pair last, with the reason, when looking for a new one', () => {
    const world = schoolWorld([anna, bram, carla]);
    assignBuddy(world.ctx(), anna.email, bram.email);
    endPairing(world.ctx(), anna.email, 'geen klik');
    const result = suggestBuddies(world.ctx(), anna.email);
    expect(result.suggestions.map((s) => s.name)).toEqual(['Carla Jansen', 'Bram de Vries']);
    expect(result.suggestions[1]!.reasons[0]).toBe('was eerder de buddy (beëindigd: geen klik)');
  });
});

describe('proposing pairs for a whole location', () => {
  it('spreads newcomers over equally good buddies, and applies the proposal in one step', () => {
    const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-18').build();
    const bea = aColleague('Bea de Vries').at(HAVO).years(12).build();
    const world = schoolWorld([anna, ben, bram, bea]);
    world.setUser(chiefOf(HAVO));
    const proposal = proposePairs(world.ctx(), 'onderbouw HAVO');
    expect(proposal.location).toBe(HAVO);
    expect(new Set(proposal.pairs.map((p) => p.buddy)).size).toBe(2);
    const result = applyPairs(
      world.ctx(),
      HAVO,
      proposal.pairs.map((p) => ({ newcomer: p.newcomer, buddy: p.buddy })),
    );
    expect(result.applied).toBe(2);
    expect(world.mails).toHaveLength(2);
    expect(world.gateway.rows('Logboek').at(-1)).toMatchObject({ Actie: 'Voorstel koppelingen toegepast' });
  });

  it('reports pairs that no longer fit and makes the rest', () => {
    const ben = aColleague('Ben Nieuw').at(HAVO).newcomer().startingOn('2027-01-18').build();
    const world = schoolWorld([anna, ben, carla]);
    const result = applyPairs(world.ctx(), HAVO, [
      { newcomer: anna.email, buddy: carla.email },
      { newcomer: ben.email, buddy: carla.email },
    ]);
    expect(result.applied).toBe(1);
    expect(result.rejected).toEqual([
      { newcomer: ben.email, reason: 'Deze collega kan geen buddy zijn: zit vol: 1 van 1.' },
    ]);
  });

  it('refuses pairs of another location and unknown fields, before writing anything', () => {
    const world = schoolWorld([anna, bram, dirk]);
    world.setUser(chiefOf('Bovenbouw vmbo'));
    expect(() =>
      applyPairs(world.ctx(), 'Bovenbouw vmbo', [{ newcomer: anna.email, buddy: dirk.email }]),
    ).toThrow(expect.objectContaining({ key: 'error.otherLocation' }));
    expect(() =>
      applyPairs(world.ctx(), 'Bovenbouw vmbo', [{ newcomer: anna.email, buddy: dirk.email, extra: 1 }]),
    ).toThrow(expect.objectContaining({ key: 'arg.unknownField' }));
    expect(() => applyPairs(world.ctx(), 'Bovenbouw vmbo', 'x')).toThrow(
      expect.objectContaining({ key: 'arg.notList' }),
    );
    expect(rows(world)).toEqual([]);
  });
});

describe('buddy mails in the scheduled run', () => {
  it('sends mails left pending by the quota once the quota is back, and never twice', () => {
    const world = schoolWorld([anna, bram]);
    const mailer = world.services.mailer;
    world.services = { ...world.services, mailer: { ...mailer, remainingQuota: () => 0 } };
    const result = assignBuddy(world.ctx(), anna.email, bram.email);
    expect(result.message).toContain('volgende automatische ronde');
    expect(rows(world)[0]!['Buddy-mail (status)']).toBe('gepland');
    world.services = { ...world.services, mailer };
    runScheduledJobs(world.ctx(), [pendingBuddyMails]);
    runScheduledJobs(world.ctx(), [pendingBuddyMails]);
    expect(world.mails).toHaveLength(1);
  });
});

describe('the score of a suggestion, on a stated scale', () => {
  const setting = (w: ReturnType<typeof schoolWorld>, name: string, value: string) => {
    const rows = w.gateway.tabs.get('Instellingen')!;
    const row = rows.find((r) => r[0] === name);
    if (row) row[1] = value;
    else rows.push([name, value]);
  };

  it('gives each suggestion its points out of 10, on the school’s weights', () => {
    const world = schoolWorld([anna, bram, carla]);
    world.setUser(chiefOf(HAVO));
    const result = suggestBuddies(world.ctx(), anna.email);
    expect(result.scale).toBe(10);
    // Bram: 10 of 12 years (3), affinity (3), same job title (1) and subject (1), all room free (2).
    expect(result.suggestions.find((s) => s.email === bram.email)).toMatchObject({ score: 10, fit: 10 });
    // Carla: 3 of 10 years (0.9) + 3 + 1 + 1 + 2 = 7.9 points: 8/10.
    expect(result.suggestions.find((s) => s.email === carla.email)).toMatchObject({ score: 7.9, fit: 8 });
    for (const s of result.suggestions) expect(s.fit).toBe(Math.round(s.score));
  });

  it('rescales when the school changes a weight, and says nothing when every weight is 0', () => {
    const world = schoolWorld([anna, carla]);
    setting(world, 'Gewicht ervaring VSO', '13');
    world.setUser(chiefOf(HAVO));
    const heavy = suggestBuddies(world.ctx(), anna.email);
    expect(heavy.scale).toBe(20);
    // Carla: 13 × 3/10 = 3.9 + 3 + 1 + 1 + 2 = 10.9 of 20 points: 5/10.
    expect(heavy.suggestions[0]).toMatchObject({ score: 10.9, fit: 5 });
    for (const name of [
      'Gewicht ervaring VSO',
      'Gewicht affiniteit met begeleiden',
      'Gewicht zelfde functie',
      'Gewicht zelfde sectie/vak',
      'Gewicht ruimte',
      'Gewicht onlangs buddy',
    ])
      setting(world, name, '0');
    const none = suggestBuddies(world.ctx(), anna.email);
    expect(none.scale).toBe(0);
    expect(none.suggestions[0]!.fit).toBeNull();
  });

  it('puts the proposal on the same scale', () => {
    const world = schoolWorld([anna, carla]);
    world.setUser(chiefOf(HAVO));
    const proposal = proposePairs(world.ctx(), HAVO);
    expect(proposal.scale).toBe(10);
    expect(proposal.pairs[0]).toMatchObject({ buddy: carla.email, fit: 8 });
  });
});
