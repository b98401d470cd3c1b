import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckInRow } from '../../src/core/checkins';
import { addDays } from '../../src/core/dates';
import { personKey } from '../../src/core/identity';
import {
  attentionList,
  type Figures,
  type OverviewInput,
  overview,
  overviewFigures,
  WELLBEING_MIN_NEWCOMERS,
} from '../../src/core/overview';
import type { RowOf } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';
import { aColleague, aRow } from '../support/builders';

const SETTINGS = readSettings([]).settings; // grace 3 days, welcome 5 working days before, 2 per buddy
const TODAY = '2027-01-18'; // a Monday. Late: planned before 2027-01-15. Soon: start up to 2027-02-01.
const MARKER = 'NOTITIE-b7e1-GEHEIM';

const OV = 'Onderbouw vmbo';
const BV = 'Bovenbouw vmbo';
const OH = 'Onderbouw havo';
const BH = 'Bovenbouw havo';

const location = (name: string, maxPerBuddy: number | null = null): RowOf<'locations'> => ({
  name,
  chiefBuddy: personKey(`chef.${name.replace(/\s/g, '')}@school.example`),
  collectionDoc: '',
  schoolGuide: '',
  maxPerBuddy,
  phase: '',
  phaseSince: '',
});

const mail = (name: string) => personKey(`${name}@school.example`);
const newcomer = (name: string, at: string, start: string, welcomeStatus = '') => ({
  ...aColleague(name).withEmail(mail(name)).at(at).newcomer().startingOn(start).build(),
  welcomeStatus,
});
const buddy = (name: string, at: string) => aColleague(name).withEmail(mail(name)).at(at);

const pairing = (
  who: string,
  by: string,
  status: RowOf<'pairings'>['status'] = 'actief',
  buddyMail = '',
): RowOf<'pairings'> => ({
  newcomer: mail(who),
  buddy: mail(by),
  location: OV,
  pairedOn: '2027-01-01',
  pairedBy: '',
  status,
  reason: '',
  buddyMail,
  endedOn: '',
  hold: false,
  exception: '',
});

/** The pairings with other buddies for some newcomers: {newcomer name: buddy name}. */
function rebuddy(pairings: OverviewInput['pairings'], change: Record<string, string>) {
  return pairings.map((p) => {
    const to = change[p.newcomer.split('@')[0]!];
    return to && p.status === 'actief' ? { ...p, buddy: mail(to) } : p;
  });
}

function checkIn(who: string, by: string, planned: string, patch: Partial<CheckInRow> = {}): CheckInRow {
  return aRow('checkIns', {
    newcomer: mail(who),
    buddy: mail(by),
    planned,
    agreements: 'Afspraak',
    notes: MARKER,
    ...patch,
  });
}

const held = (date: string, wellbeing: number, click: CheckInRow['click']) => ({
  held: date,
  wellbeing,
  click,
});

function schedule(who: string, items: [week: number, done: boolean][]): RowOf<'schedule'>[] {
  return items.map(([week, done]) => ({
    newcomer: mail(who),
    date: '2027-01-04',
    week,
    activity: 'Meelopen',
    with: '',
    kind: 'meelopen',
    done,
    check: '',
  }));
}
const times = (n: number, item: [number, boolean]) => Array.from({ length: n }, () => item);

/**
 * The hand-checked school. Newcomers (status 'nieuw'):
 * - anna  OV, started 01-04, welcome sent, buddy b1.
 * - bram  OV, starts 01-21 (in 3 days), welcome not sent, no buddy.
 * - cato  OV, started 01-11, welcome sent, buddy b2.
 * - daan  BV, starts 02-15 (in 28 days), no welcome yet, no buddy.
 * - eva   BV, starts 01-20 (in 2 days), welcome failed, buddy b3 (buddy mail unknown).
 * - fleur 'Praktijkschool' (not in Locaties), started 01-04, welcome sent, no buddy.
 * Colleagues: b1 OV willing (capacity 2 by default), b2 OV willing (own max 1), b3 BV willing
 * (BV allows 3) and absent until 02-01, b4 BV not willing, b5 OH willing but 'uit dienst', b6 OH
 * willing (2), xavi OV: a former newcomer, now 'actief', not willing, with old check-ins.
 */
function school(): OverviewInput {
  const staff = [
    newcomer('anna', OV, '2027-01-04', 'verzonden 2026-12-28 07:30'),
    newcomer('bram', OV, '2027-01-21'),
    newcomer('cato', OV, '2027-01-11', 'verzonden 2027-01-04 07:30'),
    newcomer('daan', BV, '2027-02-15'),
    newcomer('eva', BV, '2027-01-20', 'mislukt: Ongeldig adres'),
    newcomer('fleur', 'Praktijkschool', '2027-01-04', 'verzonden 2026-12-28 07:30'),
    buddy('b1', OV).build(),
    buddy('b2', OV).max(1).build(),
    { ...buddy('b3', BV).build(), absentUntil: '2027-02-01' },
    buddy('b4', BV).notWilling().build(),
    { ...buddy('b5', OH).build(), status: 'uit dienst' as const },
    buddy('b6', OH).build(),
    buddy('xavi', OV).notWilling().build(),
  ];
  const pairings = [
    pairing('anna', 'b1', 'actief', 'verzonden 2027-01-01 08:00'),
    pairing('cato', 'b2', 'actief', 'verzonden 2027-01-01 08:00'),
    pairing('eva', 'b3', 'actief', 'onbekend sinds 2027-01-15 07:00: controleer of de mail is aangekomen'),
    pairing('oud', 'b2', 'afgerond'),
    pairing('xavi', 'b3', 'beëindigd'),
  ];
  const checkIns = [
    checkIn('anna', 'b1', '2027-01-08', held('2027-01-08', 4, 'goed')),
    checkIn('anna', 'b1', '2027-01-15'), // exactly at the end of the grace: due, not late
    checkIn('anna', 'b1', '2027-01-22'), // future
    checkIn('cato', 'b2', '2027-01-11', {
      reminder: 'verzonden 2027-01-09 07:00',
      lateNotice: 'mislukt: quota',
    }),
    checkIn('cato', 'b2', '2027-01-13', held('2027-01-14', 2, 'twijfel')),
    checkIn('cato', 'b2', '2027-01-14', { skipped: MARKER }),
    checkIn('cato', 'b2', '2027-01-18', held('2027-01-18', 3, 'twijfel')),
    checkIn('eva', 'b3', '2027-01-27'),
    checkIn('fleur', 'b1', '2027-01-08', held('2027-01-08', 5, 'goed')),
    checkIn('xavi', 'b3', '2026-10-01', { ...held('2026-10-01', 1, 'niet'), lateNotice: 'mislukt: x' }),
    checkIn('xavi', 'b3', '2026-10-08'),
  ];
  const rows = [
    ...schedule('anna', [...times(5, [1, true]), [2, true], ...times(4, [2, false])]),
    ...schedule('cato', [[1, true], ...times(3, [1, false])]),
    ...schedule('eva', times(3, [1, false])),
    ...schedule('fleur', times(2, [1, true])),
    ...schedule('xavi', times(5, [1, true])),
  ];
  return {
    staff,
    pairings,
    schedule: rows,
    checkIns,
    locations: [location(OV), location(BV, 3), location(OH), location(BH)],
    settings: SETTINGS,
    today: TODAY,
  };
}

function figures(location: string | null, patch: Partial<Figures>): Figures {
  return {
    location,
    newcomers: 0,
    withoutBuddy: 0,
    startingSoonWithoutWelcome: 0,
    schedule: { done: 0, total: 0 },
    checkIns: { held: 0, skipped: 0, due: 0, late: 0 },
    wellbeing: { average: null, withheld: false },
    buddyLoad: { used: 0, capacity: 0 },
    mails: { failed: 0, unknown: 0 },
    ...patch,
  };
}

describe('the overview figures of a hand-checked school', () => {
  const result = overviewFigures(school());

  it('lists every location of Locaties, in order', () => {
    expect(result.locations.map((l) => l.location)).toEqual([OV, BV, OH, BH]);
  });

  it('counts Onderbouw vmbo', () => {
    expect(result.locations[0]).toEqual(
      figures(OV, {
        newcomers: 3, // anna, bram, cato (xavi is 'actief')
        withoutBuddy: 1, // bram
        startingSoonWithoutWelcome: 1, // bram starts 01-21, nothing sent; anna and cato started before today
        schedule: { done: 7, total: 14 }, // anna 6/10 + cato 1/4
        // held: anna 01-08, cato 01-14 and 01-18. skipped: cato 01-14.
        // due: anna 01-15 (not late: 01-15 + 3 = today) and cato 01-11 (late, 7 days). 01-22 is future.
        checkIns: { held: 3, skipped: 1, due: 2, late: 1 },
        // 4, 2, 3 from two newcomers: fewer than three, so withheld.
        wellbeing: { average: null, withheld: true },
        buddyLoad: { used: 2, capacity: 3 }, // b1 1 of 2, b2 1 of 1 (the 'afgerond' pairing is not load)
        mails: { failed: 1, unknown: 0 }, // cato's late notice
      }),
    );
  });

  it('counts Bovenbouw vmbo', () => {
    expect(result.locations[1]).toEqual(
      figures(BV, {
        newcomers: 2, // daan, eva
        withoutBuddy: 1, // daan
        startingSoonWithoutWelcome: 1, // eva (failed is not sent); daan starts after 02-01
        schedule: { done: 0, total: 3 },
        checkIns: { held: 0, skipped: 0, due: 0, late: 0 }, // eva's 01-27 is future
        buddyLoad: { used: 1, capacity: 3 }, // b3 1 of 3 (location max; absence does not matter); b4 unwilling
        mails: { failed: 1, unknown: 1 }, // eva's welcome packet failed, her buddy mail unknown
      }),
    );
  });

  it('counts the locations without newcomers', () => {
    expect(result.locations[2]).toEqual(figures(OH, { buddyLoad: { used: 0, capacity: 2 } })); // b6; b5 left
    expect(result.locations[3]).toEqual(figures(BH, {}));
  });

  it('counts everyone in the total, also a newcomer of an unknown location', () => {
    expect(result.total).toEqual(
      figures(null, {
        newcomers: 6, // 3 + 2 + fleur
        withoutBuddy: 3, // bram, daan, fleur
        startingSoonWithoutWelcome: 2, // bram, eva
        schedule: { done: 9, total: 19 }, // 7/14 + 0/3 + fleur 2/2
        checkIns: { held: 4, skipped: 1, due: 2, late: 1 }, // + fleur's held one
        // Three newcomers (anna, cato, fleur) now: (4 + 2 + 3 + 5) / 4 = 3.5. Xavi's 1 is not counted.
        wellbeing: { average: 3.5, withheld: false },
        buddyLoad: { used: 3, capacity: 8 }, // 2/3 + 1/3 + 0/2
        mails: { failed: 2, unknown: 1 },
      }),
    );
  });

  it('rounds the average wellbeing to one decimal', () => {
    const input = school();
    // anna 4, cato 2 and 3, fleur 5, plus fleur 4 and 4: 22 / 6 = 3.666… → 3.7
    input.checkIns = [
      ...input.checkIns,
      checkIn('fleur', 'b1', '2027-01-11', held('2027-01-11', 4, 'goed')),
      checkIn('fleur', 'b1', '2027-01-12', held('2027-01-12', 4, 'goed')),
    ];
    expect(overviewFigures(input).total.wellbeing).toEqual({ average: 3.7, withheld: false });
  });
});

describe('the attention list of a hand-checked school', () => {
  const items = attentionList(school());

  it('lists what needs attention per location, in order', () => {
    expect(items).toEqual([
      {
        code: 'noBuddy',
        location: OV,
        newcomer: mail('bram'),
        params: { startDate: '2027-01-21', daysUntilStart: 3 },
      },
      {
        code: 'repairSignal',
        location: OV,
        newcomer: mail('cato'),
        params: { reason: 'tweeKeerTwijfel', date: '2027-01-18', buddy: mail('b2') },
      },
      {
        code: 'checkInLate',
        location: OV,
        newcomer: mail('cato'),
        params: { planned: '2027-01-11', daysLate: 7, buddy: mail('b2') },
      },
      {
        // 3 days before the start is fewer than the 5 working days before it: the day has passed.
        code: 'welcomeNotSent',
        location: OV,
        newcomer: mail('bram'),
        params: { startDate: '2027-01-21', daysUntilStart: 3, state: 'none', due: '' },
      },
      {
        code: 'mailFailed',
        location: OV,
        newcomer: mail('cato'),
        params: { mail: 'lateNotice', reason: 'quota', planned: '2027-01-11' },
      },
      // daan starts in 28 days: not yet a concern.
      {
        code: 'buddyUnavailable',
        location: BV,
        newcomer: mail('eva'),
        params: { buddy: mail('b3'), why: 'absent', until: '2027-02-01' },
      },
      {
        code: 'mailFailed',
        location: BV,
        newcomer: mail('eva'),
        params: { mail: 'welcome', reason: 'Ongeldig adres' },
      },
      {
        code: 'mailUnknown',
        location: BV,
        newcomer: mail('eva'),
        params: { mail: 'buddyMail', since: '2027-01-15 07:00', buddy: mail('b3') },
      },
      {
        code: 'noBuddy',
        location: 'Praktijkschool',
        newcomer: mail('fleur'),
        params: { startDate: '2027-01-04', daysUntilStart: -14 },
      },
      {
        code: 'unknownLocation',
        location: 'Praktijkschool',
        newcomer: mail('fleur'),
        params: { location: 'Praktijkschool' },
      },
    ]);
  });

  it('is the same when made together with the figures', () => {
    expect(overview(school())).toEqual({ figures: overviewFigures(school()), attention: items });
  });

  it('trusts the day the welcome job planned, when there is one', () => {
    const input = school();
    input.staff = input.staff.map((s) =>
      s.email === mail('bram')
        ? { ...s, welcomeStatus: 'gepland 2027-01-19' } // start after a day off: due tomorrow
        : s.email === mail('daan')
          ? { ...s, welcomeStatus: 'gepland 2027-01-15' } // due last Friday, not sent
          : s,
    );
    expect(attentionList(input).filter((i) => i.code === 'welcomeNotSent')).toEqual([
      {
        code: 'welcomeNotSent',
        location: BV,
        newcomer: mail('daan'),
        params: { startDate: '2027-02-15', daysUntilStart: 28, state: 'pending', due: '2027-01-15' },
      },
    ]);
  });

  it('raises the repair signal only with the current buddy', () => {
    const input = school();
    input.pairings = rebuddy(input.pairings, { cato: 'b6' });
    expect(attentionList(input).filter((i) => i.code === 'repairSignal')).toEqual([]);
  });

  it('names a buddy who left or is not on the staff list', () => {
    const input = school();
    input.pairings = rebuddy(input.pairings, { anna: 'b5', cato: 'niemand' });
    expect(attentionList(input).filter((i) => i.code === 'buddyUnavailable')).toEqual([
      expect.objectContaining({
        newcomer: mail('anna'),
        params: { buddy: mail('b5'), why: 'left', until: '' },
      }),
      expect.objectContaining({
        newcomer: mail('cato'),
        params: { buddy: mail('niemand'), why: 'notFound', until: '' },
      }),
      expect.objectContaining({ newcomer: mail('eva') }),
    ]);
  });
});

describe('privacy of the overview', () => {
  const input = school();
  const out = JSON.stringify([overviewFigures(input), attentionList(input)]);

  it('carries no notes and no skip reasons', () => {
    expect(out).not.toContain(MARKER);
    expect(out).not.toContain('Afspraak');
  });

  it("carries no one's wellbeing: no per-person field, and no average over fewer than three newcomers", () => {
    expect(WELLBEING_MIN_NEWCOMERS).toBe(3);
    for (const item of attentionList(input)) expect(Object.keys(item.params)).not.toContain('wellbeing');
    // One newcomer alone at a location: the average would be her wellbeing.
    const alone = school();
    alone.checkIns = alone.checkIns.filter(
      (c) => c.newcomer !== mail('cato') && c.newcomer !== mail('fleur'),
    );
    const f = overviewFigures(alone);
    expect(f.locations[0]!.wellbeing).toEqual({ average: null, withheld: true });
    expect(f.total.wellbeing).toEqual({ average: null, withheld: true });
    expect(JSON.stringify(f)).not.toMatch(/"average":4/);
  });
});

describe('the overview of random schools', () => {
  const LOCS = [OV, BV, OH, BH];
  const arbitrarySchool = fc
    .record({
      people: fc.array(
        fc.record({
          at: fc.constantFrom(...LOCS),
          status: fc.constantFrom('nieuw', 'actief', 'uit dienst'),
          start: fc.integer({ min: -30, max: 40 }),
          willing: fc.boolean(),
          paired: fc.boolean(),
          welcome: fc.constantFrom(
            '',
            'verzonden 2027-01-01 07:00',
            'mislukt: x',
            'onbekend sinds 2027-01-01',
          ),
        }),
        { maxLength: 25 },
      ),
      checkIns: fc.array(
        fc.record({
          who: fc.nat(24),
          planned: fc.integer({ min: -20, max: 20 }),
          held: fc.boolean(),
          wellbeing: fc.integer({ min: 1, max: 5 }),
          skipped: fc.boolean(),
        }),
        { maxLength: 60 },
      ),
    })
    .map(({ people, checkIns }): OverviewInput => {
      const staff = people.map((p, i) => ({
        ...buddy(`p${i}`, p.at).startingOn(addDays(TODAY, p.start)).build(),
        status: p.status as RowOf<'staff'>['status'],
        canBuddy: p.willing,
        welcomeStatus: p.welcome,
      }));
      const pairings = people.flatMap((p, i) =>
        p.paired && p.status === 'nieuw' ? [pairing(`p${i}`, `p${(i + 1) % people.length}`)] : [],
      );
      const rows = checkIns.map((c) =>
        checkIn(`p${c.who}`, 'b1', addDays(TODAY, c.planned), {
          held: c.held ? addDays(TODAY, c.planned) : '',
          wellbeing: c.wellbeing,
          skipped: c.skipped ? MARKER : '',
        }),
      );
      return {
        staff,
        pairings,
        schedule: [],
        checkIns: rows,
        locations: LOCS.map((l) => location(l)),
        settings: SETTINGS,
        today: TODAY,
      };
    });

  it('has a total that is the sum of the locations when every location is known', () => {
    fc.assert(
      fc.property(arbitrarySchool, (input) => {
        const { locations, total } = overviewFigures(input);
        const sum = (f: (x: Figures) => number) => locations.reduce((s, l) => s + f(l), 0);
        expect(sum((l) => l.newcomers)).toBe(total.newcomers);
        expect(sum((l) => l.withoutBuddy)).toBe(total.withoutBuddy);
        expect(sum((l) => l.checkIns.held)).toBe(total.checkIns.held);
        expect(sum((l) => l.checkIns.due)).toBe(total.checkIns.due);
        expect(sum((l) => l.checkIns.late)).toBe(total.checkIns.late);
        expect(sum((l) => l.buddyLoad.capacity)).toBe(total.buddyLoad.capacity);
        expect(sum((l) => l.mails.failed + l.mails.unknown)).toBe(total.mails.failed + total.mails.unknown);
        expect(total.checkIns.late).toBeLessThanOrEqual(total.checkIns.due);
        const late = attentionList(input).filter((i) => i.code === 'checkInLate').length;
        expect(late).toBe(total.checkIns.late);
        expect(JSON.stringify([locations, total, attentionList(input)])).not.toContain(MARKER);
      }),
    );
  });
});

describe('the overview of a large school', () => {
  it('takes well under a second for 10,000 staff and 20,000 check-ins', () => {
    const LOCS = [OV, BV, OH, BH];
    const staff: RowOf<'staff'>[] = [];
    const pairings: RowOf<'pairings'>[] = [];
    const checkIns: CheckInRow[] = [];
    const rows: RowOf<'schedule'>[] = [];
    for (let i = 0; i < 10_000; i++) {
      const isNew = i < 2_000;
      const row = buddy(`m${i}`, LOCS[i % 4]!)
        .startingOn(addDays(TODAY, (i % 60) - 30))
        .build();
      staff.push(isNew ? { ...row, status: 'nieuw', canBuddy: false } : { ...row, canBuddy: i % 2 === 0 });
      if (isNew && i % 3 !== 0) pairings.push(pairing(`m${i}`, `m${2_000 + 2 * i}`));
    }
    for (let i = 0; i < 20_000; i++) {
      const who = `m${i % 2_000}`;
      const planned = addDays(TODAY, (i % 50) - 35);
      const wasHeld = i % 4 !== 0;
      checkIns.push(
        checkIn(who, `m${2_000 + 2 * (i % 2_000)}`, planned, {
          held: wasHeld ? planned : '',
          wellbeing: wasHeld ? 1 + (i % 5) : null,
          click: wasHeld ? (['goed', 'twijfel', 'niet'] as const)[i % 3]! : '',
          reminder: i % 7 === 0 ? 'mislukt: x' : '',
        }),
      );
    }
    for (let i = 0; i < 30_000; i++) rows.push(...schedule(`m${i % 2_000}`, [[1 + (i % 3), i % 2 === 0]]));
    const input: OverviewInput = {
      staff,
      pairings,
      schedule: rows,
      checkIns,
      locations: LOCS.map((l) => location(l)),
      settings: SETTINGS,
      today: TODAY,
    };

    // Apps Script starts every run cold, so the first call is the one that counts; the warm one
    // shows the cost without the JIT warming up.
    // CPU time, not wall time: other processes on the machine do not count.
    const time = () => {
      const cpu = process.cpuUsage();
      const out = overview(input);
      const used = process.cpuUsage(cpu);
      return { out, ms: (used.user + used.system) / 1000 };
    };
    const cold = time();
    time();
    const warm = time();
    const result = cold.out.figures;
    console.log(
      `\nOverview of 10,000 staff, 2,000 pairings, 20,000 check-ins, 30,000 schedule rows ` +
        `(figures and ${cold.out.attention.length} attention items):\n` +
        `  CPU time: first call ${cold.ms.toFixed(0)} ms, warm call ${warm.ms.toFixed(0)} ms\n`,
    );
    expect(result.total.newcomers).toBe(2_000);
    expect(result.total.checkIns.held).toBe(15_000);
  });
});

describe('a planned welcome packet is not missing (issue 17)', () => {
  it('counts a packet planned or on its way as not missing, a failed one as missing', () => {
    const input = school();
    const withState = (state: string): OverviewInput => ({
      ...input,
      staff: input.staff.map((s) => (s.email === mail('bram') ? { ...s, welcomeStatus: state } : s)),
    });
    expect(overviewFigures(withState('gepland 2027-01-14')).locations[0]!.startingSoonWithoutWelcome).toBe(0);
    expect(
      overviewFigures(withState('wordt verzonden 2027-01-18 07:00')).locations[0]!.startingSoonWithoutWelcome,
    ).toBe(0);
    expect(overviewFigures(withState('mislukt: quota')).locations[0]!.startingSoonWithoutWelcome).toBe(1);
    expect(overviewFigures(withState('')).locations[0]!.startingSoonWithoutWelcome).toBe(1);
  });
});
