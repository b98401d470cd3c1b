/**
 * Issue 14 through the use cases: a 4D check-in with goals and competence levels written to the
 * sheet, who sees its personal parts, the newcomer's own view, the klik alert to the chef buddy
 * (once, without notes), "zorgen gemeld" for the chef buddy, and privacy over the new fields.
 */
import { describe, expect, it } from 'vitest';
import {
  checkInReminders,
  closeOnboarding,
  getCheckIns,
  recordCheckIn,
  skipCheckIn,
} from '../../src/app/checkins';
import { runScheduledJobs } from '../../src/app/jobs';
import { getPageState, respondToCheckIn } from '../../src/app/page';
import { assignBuddy, endPairing } from '../../src/app/pairing';
import { applyRetentionPurge, exportPersonData } from '../../src/app/privacy';
import { saveSchedule } from '../../src/app/schedule';
import { setupWorkbook } from '../../src/app/setup';
import { getSidebarState } from '../../src/app/sidebarState';
import { getClosingSummary } from '../../src/app/summary';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const NOTE = 'GEHEIM-NOTITIE-5150';
const WORRY = 'ZORG-TEKST-8080';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const carla = aColleague('Carla Jansen').at(HAVO).years(9).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const IP = 'interpersoonlijk competent in de omgang met leerlingen';

type World = ReturnType<typeof schoolWorld>;

function world(): World {
  const w = schoolWorld([bram, carla, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  w.mails.length = 0;
  w.setNow('2027-01-15T16:00:00+01:00');
  w.setUser(bram.email);
  return w;
}

const fourD = (held: string, extra: Record<string, unknown> = {}) => ({
  held,
  steps: {
    ontdekken: 'Het contact met 2B gaat goed.',
    dream: 'Over drie weken zelf de mentorles geven.',
    ontwerpen: 'Lesopzet samen met Bram maken.',
    delivery: 'Dinsdag meelopen in de mentorles.',
  },
  levels: [
    { competence: 'interpersoonlijk', level: 'op weg' },
    { competence: 'organisatorisch competent', level: 1 },
  ],
  goals: [{ goal: 'Zelf de mentorles geven', start: 'meelopen', end: 'zelfstandig', status: 'op koers' }],
  worries: WORRY,
  wellbeing: 4,
  click: 'goed',
  notes: NOTE,
  ...extra,
});

const rows = (w: World) => w.gateway.rows('Check-ins');

describe('a check-in in four steps, with goals and competence levels', () => {
  it('writes each step, the levels, the goals and the worries to their own cells', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    expect(rows(w)[0]).toMatchObject({
      Ontdekken: 'Het contact met 2B gaat goed.',
      Dromen: 'Over drie weken zelf de mentorles geven.',
      Ontwerpen: 'Lesopzet samen met Bram maken.',
      Afspraken: 'Dinsdag meelopen in de mentorles.',
      'Competenties (niveau)': 'interpersoonlijk: op weg; organisatorisch: oriënterend',
      'Competentie (NJI)': 'interpersoonlijk, organisatorisch',
      Doelen: 'Zelf de mentorles geven | meelopen | zelfstandig | op koers',
      'Zorgen, knelpunten of onzekerheden': WORRY,
      'Fase (4D)': '',
    });
  });

  it('keeps the goals on a later check-in that brings none, and takes a review that does', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setNow('2027-01-22T16:00:00+01:00');
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-22', { goals: undefined }));
    expect(rows(w)[1]!.Doelen).toBe('Zelf de mentorles geven | meelopen | zelfstandig | op koers');
    w.setNow('2027-01-29T16:00:00+01:00');
    recordCheckIn(
      w.ctx(),
      anna.email,
      fourD('2027-01-29', {
        goals: [
          { goal: 'Zelf de mentorles geven', start: 'meelopen', end: 'zelfstandig', status: 'bereikt' },
        ],
      }),
    );
    const t = getCheckIns(w.ctx(), anna.email);
    expect(t.goals).toEqual([
      { goal: 'Zelf de mentorles geven', start: 'meelopen', end: 'zelfstandig', status: 'bereikt' },
    ]);
    expect(t.growth.find((g) => g.competence === IP)!.points.map((p) => p.level)).toEqual([2, 2, 2]);
  });

  it('refuses an unknown competence, a level out of range and too long a text in Dutch, and writes nothing', () => {
    const w = world();
    const before = JSON.stringify(rows(w));
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { levels: [{ competence: 'geduld', level: 2 }] },
        'checkin.invalid.notCompetency',
        /Onbekende competentie "geduld"/,
      ],
      [
        { levels: [{ competence: 'interpersoonlijk', level: 4 }] },
        'checkin.invalid.notLevel',
        /oriënterend, op weg of zelfstandig/,
      ],
      [
        { worries: 'z'.repeat(2001) },
        'checkin.invalid.tooLong',
        /te veel tekst bij "zorgen, knelpunten of onzekerheden"/,
      ],
      [
        { goals: [{ goal: 'a' }, { goal: 'b' }, { goal: 'c' }, { goal: 'd' }] },
        'checkin.invalid.tooManyGoals',
        /hoogstens 3 doelen/,
      ],
      [{ steps: { dromen: 'x' } }, 'checkin.invalid.missing', /"doen \(afspraken\)"/],
    ];
    for (const [extra, key, text] of cases) {
      let error: unknown;
      try {
        recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15', extra));
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ key });
      expect(w.ctx().t((error as { key: never }).key, (error as { params: never }).params)).toMatch(text);
    }
    expect(JSON.stringify(rows(w))).toBe(before);
  });
});

describe('who sees the personal parts', () => {
  it('shows steps, goals and levels to the buddy who wrote them, the chef buddy and the newcomer, never notes to the newcomer', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    const mine = getCheckIns(w.ctx(), anna.email);
    expect(mine.checkIns[0]!.coaching).toMatchObject({
      discovery: 'Het contact met 2B gaat goed.',
      worries: WORRY,
    });
    w.setUser(chiefOf(HAVO));
    expect(getCheckIns(w.ctx(), anna.email).checkIns[0]!.coaching).not.toBeNull();
    w.setUser(anna.email);
    const page = getPageState(w.ctx());
    if (page.view !== 'newcomer') throw new Error(page.view);
    expect(page.newcomer.checkIns[0]!.coaching).toMatchObject({
      dream: 'Over drie weken zelf de mentorles geven.',
    });
    expect(page.newcomer.goals).toHaveLength(1);
    expect(page.newcomer.growth.map((g) => g.competence)).toContain(IP);
    expect(JSON.stringify(page)).not.toContain(NOTE);
  });

  it('hides them from a buddy who did not write them (after re-pairing)', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setUser(chiefOf(HAVO));
    // Carla becomes the buddy: she follows Anna, but did not hold that conversation.
    endPairing(w.ctx(), anna.email, 'Andere buddy');
    assignBuddy(w.ctx(), anna.email, carla.email);
    w.setUser(carla.email);
    const t = getCheckIns(w.ctx(), anna.email);
    expect(t.checkIns.find((c) => c.held)!.coaching).toBeNull();
    expect(t.goals).toEqual([]);
    expect(t.growth).toEqual([]);
    expect(JSON.stringify(t)).not.toContain(WORRY);
  });
});

describe('the newcomer’s own view', () => {
  it('confirms the agreements and adds their own levels, beside the buddy’s', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setUser(anna.email);
    respondToCheckIn(w.ctx(), '2027-01-15', {
      confirmed: true,
      click: 'goed',
      wellbeing: 4,
      levels: [{ competence: 'interpersoonlijk', level: 'zelfstandig' }],
    });
    expect(rows(w)[0]).toMatchObject({
      'Afspraken bevestigd (nieuwe collega)': true,
      'Competenties (nieuwe collega)': 'interpersoonlijk: zelfstandig',
      'Competenties (niveau)': 'interpersoonlijk: op weg; organisatorisch: oriënterend',
    });
    const page = getPageState(w.ctx());
    if (page.view !== 'newcomer') throw new Error(page.view);
    expect(page.newcomer.growth.find((g) => g.competence === IP)).toMatchObject({
      points: [{ date: '2027-01-15', level: 2 }],
      own: [{ date: '2027-01-15', level: 3 }],
    });
  });

  it('refuses unknown competences in their view and writes nothing', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setUser(anna.email);
    const before = JSON.stringify(rows(w));
    expect(() =>
      respondToCheckIn(w.ctx(), '2027-01-15', {
        confirmed: true,
        click: 'goed',
        wellbeing: 4,
        levels: [{ competence: 'geduld', level: 2 }],
      }),
    ).toThrow(expect.objectContaining({ key: 'checkin.invalid.notLevels' }));
    expect(JSON.stringify(rows(w))).toBe(before);
  });
});

describe('the klik alert to the chef buddy', () => {
  const alerts = (w: World) =>
    w.mails.filter((m) => m.to === chiefOf(HAVO) && m.subject.startsWith('Klik-signaal'));

  it('mails the chef buddy once after a "niet" from the buddy, with a link and without notes', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15', { click: 'niet' }));
    w.setNow('2027-01-18T08:00:00+01:00');
    runScheduledJobs(w.ctx(), [checkInReminders]);
    runScheduledJobs(w.ctx(), [checkInReminders]);
    w.setNow('2027-01-19T08:00:00+01:00');
    runScheduledJobs(w.ctx(), [checkInReminders]);
    expect(alerts(w)).toHaveLength(1);
    const mail = alerts(w)[0]!;
    expect(mail.subject).toBe('Klik-signaal bij Anna Nieuw: geen klik');
    expect(mail.body).toContain('Bram de Vries');
    expect(mail.body).toContain('https://docs.google.com/spreadsheets/d/test-sheet/edit');
    expect(mail.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/test-sheet/edit"');
    for (const secret of [NOTE, WORRY, 'mentorles']) expect(JSON.stringify(mail)).not.toContain(secret);
    expect(String(rows(w)[0]!['Klik-melding (status)'])).toMatch(/^verzonden/);
  });

  it('mails after a "niet" from the newcomer on Mijn Wegwijs, and after twijfel twice in a row', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setUser(anna.email);
    respondToCheckIn(w.ctx(), '2027-01-15', { confirmed: true, click: 'niet', wellbeing: 2 });
    w.setNow('2027-01-18T08:00:00+01:00');
    runScheduledJobs(w.ctx(), [checkInReminders]);
    expect(alerts(w)).toHaveLength(1);

    const v = world();
    recordCheckIn(v.ctx(), anna.email, fourD('2027-01-15', { click: 'twijfel' }));
    v.setNow('2027-01-18T08:00:00+01:00');
    runScheduledJobs(v.ctx(), [checkInReminders]);
    expect(alerts(v)).toHaveLength(0);
    v.setNow('2027-01-22T16:00:00+01:00');
    recordCheckIn(v.ctx(), anna.email, fourD('2027-01-22', { click: 'twijfel' }));
    v.setNow('2027-01-25T08:00:00+01:00');
    runScheduledJobs(v.ctx(), [checkInReminders]);
    runScheduledJobs(v.ctx(), [checkInReminders]);
    expect(alerts(v).map((m) => m.subject)).toEqual(['Klik-signaal bij Anna Nieuw: twee keer twijfel']);
  });
});

describe('"zorgen gemeld" for the chef buddy', () => {
  it('tells the sidebar that worries were reported at the latest check-in, never the text', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setUser(chiefOf(HAVO));
    const state = getSidebarState(w.ctx());
    const card = state.newcomers.find((n) => n.email === anna.email)!;
    expect(card.worriesOn).toBe('2027-01-15');
    expect(JSON.stringify(state)).not.toContain(WORRY);
    w.setUser(bram.email);
    w.setNow('2027-01-22T16:00:00+01:00');
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-22', { worries: '' }));
    w.setUser(chiefOf(HAVO));
    expect(getSidebarState(w.ctx()).newcomers.find((n) => n.email === anna.email)!.worriesOn).toBe('');
  });
});

describe('privacy over the new fields', () => {
  it('exports them for the newcomer and clears them with the notes when the term has passed', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setUser(LEADER);
    const data = exportPersonData(w.ctx(), anna.email);
    expect(JSON.stringify(data)).toContain(WORRY);
    expect(JSON.stringify(data)).toContain('Zelf de mentorles geven');
    // The onboarding ends; a year and more later the personal parts go.
    for (const r of rows(w).filter((x) => !x.Gehouden)) {
      skipCheckIn(w.ctx(), anna.email, (r.Gepland as { date: string }).date, 'Niet nodig');
    }
    closeOnboarding(w.ctx(), anna.email);
    w.setNow('2028-09-01T09:00:00+02:00');
    applyRetentionPurge(w.ctx());
    const after = JSON.stringify(rows(w));
    for (const gone of [WORRY, 'mentorles', 'op weg', 'Het contact']) expect(after).not.toContain(gone);
  });
});

describe('a sheet from before the 4D steps', () => {
  it('asks for setup before recording, setup adds the columns, and old rows stay readable', () => {
    const w = world();
    const grid = w.gateway.tabs.get('Check-ins')!;
    const added = [
      'Ontdekken',
      'Dromen',
      'Ontwerpen',
      'Zorgen, knelpunten of onzekerheden',
      'Competenties (niveau)',
      'Doelen',
      'Competenties (nieuwe collega)',
      'Klik-melding (status)',
    ];
    const keep = grid[0]!.map((h, i) => (added.includes(String(h)) ? -1 : i)).filter((i) => i >= 0);
    for (let r = 0; r < grid.length; r++) grid[r] = keep.map((i) => grid[r]![i]!);
    // An older row: one 4D label.
    const h = grid[0]!.map(String);
    grid[1]![h.indexOf('Gehouden')] = { date: '2027-01-14' } as never;
    grid[1]![h.indexOf('Fase (4D)')] = 'dromen';
    grid[1]![h.indexOf('Afspraken')] = 'Meelopen.';
    grid[1]![h.indexOf('Vastgelegd door')] = bram.email;
    expect(getCheckIns(w.ctx(), anna.email).checkIns[0]).toMatchObject({
      phase: 'dromen',
      coaching: expect.anything(),
    });
    expect(() => recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'))).toThrow(
      expect.objectContaining({ key: 'schema.missingColumn' }),
    );
    w.setUser(LEADER);
    const report = setupWorkbook(w.ctx());
    expect(JSON.stringify(report)).toContain('Ontdekken');
    w.setUser(bram.email);
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    const t = getCheckIns(w.ctx(), anna.email);
    expect(t.checkIns[0]).toMatchObject({ phase: 'dromen', agreements: 'Meelopen.' });
    expect(t.checkIns[1]!.coaching).toMatchObject({ discovery: 'Het contact met 2B gaat goed.' });
  });
});

describe('the closing summary for the competence file', () => {
  const pdfText = (content: string) => Buffer.from(content, 'base64').toString('utf8');

  function closedWorld(): World {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setNow('2027-01-29T16:00:00+01:00');
    recordCheckIn(
      w.ctx(),
      anna.email,
      fourD('2027-01-29', {
        steps: { doen: 'Na het inwerken: elke maand intervisie.' },
        levels: [{ competence: 'interpersoonlijk', level: 'zelfstandig' }],
        goals: [
          { goal: 'Zelf de mentorles geven', start: 'meelopen', end: 'zelfstandig', status: 'bereikt' },
        ],
      }),
    );
    w.setUser(chiefOf(HAVO));
    for (const r of rows(w).filter((x) => !x.Gehouden))
      skipCheckIn(w.ctx(), anna.email, (r.Gepland as { date: string }).date, 'Niet nodig');
    expect(closeOnboarding(w.ctx(), anna.email).message).toContain('bekwaamheidsdossier');
    return w;
  }

  it('is there for the newcomer once the onboarding is closed: goals as they ended, last levels, agreements; no notes', () => {
    const w = closedWorld();
    w.setUser(anna.email);
    const page = getPageState(w.ctx());
    expect(page).toMatchObject({ view: 'none', summary: true });
    const file = getClosingSummary(w.ctx());
    expect(file).toMatchObject({
      filename: 'bekwaamheidsdossier-anna-nieuw.pdf',
      mimeType: 'application/pdf',
    });
    const html = pdfText(file.content);
    expect(html).toContain('Bekwaamheidsdossier: inwerken van Anna Nieuw');
    expect(html).toContain(
      '<td>Zelf de mentorles geven</td><td>meelopen</td><td>zelfstandig</td><td>bereikt</td>',
    );
    expect(html).toContain(
      'interpersoonlijk competent in de omgang met leerlingen: <strong>zelfstandig</strong>',
    );
    expect(html).toContain('organisatorisch competent: <strong>oriënterend</strong>');
    expect(html).toContain('Na het inwerken: elke maand intervisie.');
    for (const secret of [NOTE, WORRY]) expect(html).not.toContain(secret);
  });

  it('is refused before the closing and to anyone but the newcomer', () => {
    const w = world();
    recordCheckIn(w.ctx(), anna.email, fourD('2027-01-15'));
    w.setUser(anna.email);
    expect(() => getClosingSummary(w.ctx())).toThrow(expect.objectContaining({ key: 'summary.notClosed' }));
    const v = closedWorld();
    // It takes no one's e-mail: a buddy, the chef buddy or the school leader only ever asks for their own.
    for (const user of [bram.email, chiefOf(HAVO), LEADER]) {
      v.setUser(user);
      expect(() => getClosingSummary(v.ctx())).toThrow(
        expect.objectContaining({ key: expect.stringMatching(/^summary\.(notClosed|onlyOwn)$/) }),
      );
    }
    v.setUser('vreemde@school.example');
    expect(() => getClosingSummary(v.ctx())).toThrow(expect.objectContaining({ key: 'summary.onlyOwn' }));
  });
});
