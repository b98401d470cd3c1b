/**
 * The sandbox's demo workbook: fictional but realistic staff of the four locations, generated with a
 * fixed seed. The workbook is made by the bundle's own `setupWorkbook` (headers and defaults), then
 * the generated rows are pasted by header name, so the demo always follows the real schema.
 */
import { addDays, type IsoDate, isWeekend, minDate, mondayOf } from '../src/core/dates.ts';
import { DEFAULT_LOCATIONS, defaultTemplate, WHO_TO_ASK_TOPICS } from '../src/core/defaults.ts';
import { groupOf } from '../src/core/pilot.ts';
import { fitsHostKind, fitsRole } from '../src/core/schedule/template.ts';
import { acceptedNames, normalizeName, SCHEMA, type TabKey } from '../src/core/schema.ts';
import { SETTINGS } from '../src/core/settings.ts';
import { createGasFakes, type GasFakes } from './fakes/index.ts';
import { loadBundle } from './runtime.ts';

/** A reserved domain (RFC 2606): no mail can ever leave for it. */
export const DEMO_DOMAIN = 'vso-demo.example';
export const SCHOOL_LEADER = `schoolleider@${DEMO_DOMAIN}`;
export const UNKNOWN_USER = `onbekend@${DEMO_DOMAIN}`;
export const DEMO_TIME_ZONE = 'Europe/Amsterdam';
/**
 * The sandbox clock starts on the first school day after the Christmas holiday, Monday
 * 4 January 2027 at 07:30. Relative to it the newcomers are at every stage: two start next week
 * and are not yet paired, one paired newcomer's welcome packet is due today, two are mid-schedule
 * (their schedule continues after the holiday), one is past week 3 with check-ins ahead, and two
 * finished in the autumn.
 */
export const DEMO_NOW = '2027-01-04T07:30:00+01:00';
export const DEMO_TODAY: IsoDate = '2027-01-04';
export const DEMO_SEED = 20270104;

/** A cell value of a demo row; booleans are pasted as TRUE/FALSE, as Sheets accepts in any locale. */
export type DemoValue = string | number | boolean;
/** A demo row: field names of the schema (e.g. `chiefBuddy`) to values. */
export type DemoRow = Record<string, DemoValue>;
/** Rows to append per tab, and rows to merge into rows that setup wrote (keyed by their first field). */
export interface DemoData {
  append: Partial<Record<TabKey, DemoRow[]>>;
  merge: Partial<Record<TabKey, { key: string; rows: DemoRow[] }>>;
  /** Rows that take the place of what setup wrote (the school filled in its own texts). */
  replace?: Partial<Record<TabKey, DemoRow[]>>;
}

/** mulberry32: a tiny, well-known 32-bit PRNG; the same seed gives the same demo everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// biome-ignore format: a list reads best packed
const FIRST_NAMES = [
  'Anouk', 'Bram', 'Chloë', 'Daan', 'Eva', 'Femke', 'Gijs', 'Hanneke', 'Inge', 'Jeroen', 'Joëlle', 'Kees',
  'Lotte', 'Maarten', 'Noëlle', 'Olaf', 'Pien', 'Ruud', 'Sanne', 'Thijs', 'Vera', 'Wouter', 'Yara', 'Zoë',
  'Mehmet', 'Fatima', 'Youssef', 'Anneloes', 'René', 'André', 'Hélène', 'Gerrit', 'Ilse', 'Jasper', 'Karin',
  'Lieke', 'Mirjam', 'Niels', 'Esther', 'Rachid', 'Stijn', 'Tessa', 'Marloes', 'Jorien', 'Bas', 'Floor',
  'Ayşe', 'Sven', 'Roos', 'Twan', 'Meike', 'Job', 'Inès', 'Loes', 'Koen', 'Mariëlle', 'Dirk', 'Nadia',
] as const;

// biome-ignore format: a list reads best packed
const SURNAMES: readonly (readonly [particle: string, base: string])[] = [
  ['van der', 'Berg'], ['de', 'Vries'], ['van den', 'Broek'], ['van', 'Dijk'], ['de', 'Jong'], ['', 'Jansen'],
  ['', 'Bakker'], ['', 'Visser'], ['', 'Smit'], ['', 'Meijer'], ['van der', 'Linden'], ['', 'Mulder'],
  ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Hendriks'], ['van', 'Leeuwen'], ['', 'Dekker'],
  ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'], ['de', 'Graaf'], ['van der', 'Meer'],
  ['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'], ['van den', 'Heuvel'], ['van der', 'Veen'],
  ['van', 'Beek'], ['', 'Çelik'], ['', 'Yılmaz'], ['', 'El Amrani'], ['', 'Schröder'], ['', 'Hoekstra'],
  ['', 'Kuipers'], ['', 'Maas'], ['', 'Verhoeven'], ["van 't", 'Hek'], ['', 'Doğan'], ['ter', 'Horst'],
];

const SUBJECTS_VMBO = [
  'Nederlands',
  'Engels',
  'Wiskunde',
  'Biologie',
  'Geschiedenis',
  'Techniek',
  'Zorg & welzijn',
  'Economie',
  'Lichamelijke opvoeding',
  'Beeldende vorming',
];
const SUBJECTS_HAVO = [
  'Nederlands',
  'Engels',
  'Wiskunde',
  'Biologie',
  'Geschiedenis',
  'Aardrijkskunde',
  'Duits',
  'Frans',
  'Natuurkunde',
  'Scheikunde',
  'Economie',
  'Lichamelijke opvoeding',
];

/** Functions of the permanent staff per location besides teachers: [function, section, count]. */
const SUPPORT_ROLES: readonly (readonly [string, string, number])[] = [
  ['teamleider', 'Leiding', 1],
  ['IB-er', 'Zorg', 1],
  ['orthopedagoog', 'Zorg', 1],
  ['conciërge', 'Facilitair', 1],
  ['onderwijsassistent', '', 3],
];

const LOCATION_SLUGS: Record<string, string> = {
  'Onderbouw vmbo': 'onderbouw-vmbo',
  'Bovenbouw vmbo': 'bovenbouw-vmbo',
  'Onderbouw havo': 'onderbouw-havo',
  'Bovenbouw havo': 'bovenbouw-havo',
};

interface Person {
  name: string;
  first: string;
  email: string;
  location: string;
  role: string;
  subject: string;
  startDate: IsoDate;
  status: 'nieuw' | 'actief' | 'uit dienst';
  canBuddy: boolean;
  maxPairings: number | '';
  yearsVso: number;
  affinity: boolean;
  absentUntil: IsoDate | '';
  welcomeStatus: string;
}

/** Local part of an address: accents and spaces dropped, particles kept (`joelle.vanderberg`). */
function emailOf(first: string, particle: string, base: string): string {
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${plain(first)}.${plain(particle)}${plain(base)}`;
}

/** A newcomer's stage relative to {@link DEMO_TODAY}. */
type Stage = 'unpaired' | 'paired' | 'midSchedule' | 'finished';
const NEWCOMERS: readonly { location: string; start: IsoDate; stage: Stage; role: string }[] = [
  { location: 'Onderbouw vmbo', start: '2027-01-11', stage: 'unpaired', role: 'leraar' },
  { location: 'Bovenbouw havo', start: '2027-01-18', stage: 'unpaired', role: 'leraar' },
  { location: 'Onderbouw havo', start: '2027-02-01', stage: 'unpaired', role: 'onderwijsassistent' },
  { location: 'Bovenbouw vmbo', start: '2027-01-11', stage: 'paired', role: 'leraar' },
  { location: 'Onderbouw vmbo', start: '2027-01-18', stage: 'paired', role: 'mentor' },
  { location: 'Onderbouw havo', start: '2026-12-07', stage: 'midSchedule', role: 'leraar' },
  { location: 'Bovenbouw havo', start: '2026-12-14', stage: 'midSchedule', role: 'leraar' },
  { location: 'Bovenbouw vmbo', start: '2026-11-16', stage: 'midSchedule', role: 'onderwijsassistent' },
  { location: 'Onderbouw vmbo', start: '2026-09-01', stage: 'finished', role: 'leraar' },
  { location: 'Bovenbouw havo', start: '2026-09-14', stage: 'finished', role: 'mentor' },
];

/** The Christmas holiday 2026–2027 (all regions), added because setup only writes verified years. */
export const DEMO_EXTRA_DAYS_OFF = [
  { from: '2026-12-19', until: '2027-01-03', description: 'Kerstvakantie (demo)' },
];

function inDaysOff(date: IsoDate): boolean {
  return DEMO_EXTRA_DAYS_OFF.some((d) => date >= d.from && date <= d.until);
}

/** Monday of the n-th school week (1-based) from `start`, skipping weeks that are entirely off. */
function schoolWeekMonday(start: IsoDate, n: number): IsoDate {
  let monday = mondayOf(start);
  let count = 0;
  for (;;) {
    if (!inDaysOff(addDays(monday, 2))) count++;
    if (count === n) return monday;
    monday = addDays(monday, 7);
  }
}

const DAY_INDEX: Record<string, number> = { maandag: 0, dinsdag: 1, woensdag: 2, donderdag: 3, vrijdag: 4 };

/** Generates every demo row from the seed. Pure: no bundle, no fakes. */
export function generateDemoData(seed = DEMO_SEED, today: IsoDate = DEMO_TODAY): DemoData {
  const rnd = new Random(mulberry32(seed));
  const usedEmails = new Set<string>();
  const usedNames = new Set<string>();

  const person = (location: string, role: string, subject: string, years: number, start: IsoDate): Person => {
    for (;;) {
      const first = rnd.pick(FIRST_NAMES);
      const [particle, base] = rnd.pick(SURNAMES);
      const name = [first, particle, base].filter(Boolean).join(' ');
      const email = `${emailOf(first, particle, base)}@${DEMO_DOMAIN}`;
      if (usedNames.has(name) || usedEmails.has(email)) continue;
      usedNames.add(name);
      usedEmails.add(email);
      const experienced = years >= 4;
      const canBuddy = experienced && rnd.chance(0.55);
      return {
        name,
        first,
        email,
        location,
        role,
        subject,
        startDate: start,
        status: 'actief',
        canBuddy,
        maxPairings: canBuddy && rnd.chance(0.25) ? rnd.int(1, 2) : '',
        yearsVso: years,
        affinity: canBuddy ? rnd.chance(0.7) : rnd.chance(0.2),
        absentUntil: '',
        welcomeStatus: '',
      };
    }
  };
  /** Staff join at the start of a school year: a Monday late in August, `years` years ago. */
  const pastStart = (years: number): IsoDate => {
    const year = Number(today.slice(0, 4)) - (today.slice(5) < '08-20' ? 1 : 0) - years;
    return addDays(mondayOf(`${year}-08-${String(rnd.int(17, 31)).padStart(2, '0')}`), 7);
  };

  const staff: Person[] = [];
  const leader = person(DEFAULT_LOCATIONS[0], 'schoolleider', 'Leiding', 19, '2009-08-17');
  leader.email = SCHOOL_LEADER;
  staff.push(leader);

  const chiefs = new Map<string, Person>();
  for (const location of DEFAULT_LOCATIONS) {
    const subjects = location.endsWith('havo') ? SUBJECTS_HAVO : SUBJECTS_VMBO;
    const chief = person(location, 'mentor', rnd.pick(subjects), rnd.int(9, 22), '');
    chief.startDate = pastStart(chief.yearsVso);
    chief.canBuddy = true;
    chief.affinity = true;
    chief.maxPairings = 1;
    chiefs.set(location, chief);
    staff.push(chief);
    for (const [role, section, count] of SUPPORT_ROLES) {
      for (let i = 0; i < count; i++) {
        const years = rnd.int(1, 25);
        const p = person(location, role, section, years, pastStart(years));
        if (role === 'conciërge' || role === 'onderwijsassistent')
          p.canBuddy = p.canBuddy && role !== 'conciërge';
        staff.push(p);
      }
    }
    for (let i = 0; i < 10; i++) {
      const years = rnd.chance(0.2) ? rnd.int(0, 3) : rnd.int(2, 28);
      const role = i < 3 ? 'mentor' : 'leraar';
      staff.push(person(location, role, rnd.pick(subjects), years, pastStart(years)));
    }
  }
  // A few colleagues are absent for a while (illness, leave), so they can't be buddy now.
  const absent = staff.filter((p) => p.canBuddy && chiefs.get(p.location) !== p && p !== leader);
  for (const [i, until] of ['2027-01-18', '2027-02-15', '2027-03-01'].entries()) {
    const p = absent[i * 5];
    if (p) p.absentUntil = until;
  }
  // One colleague left: retention rules apply to them.
  const leaver = staff.find((p) => p.role === 'leraar' && !p.canBuddy && p.yearsVso < 4);
  if (leaver) leaver.status = 'uit dienst';

  const newcomers: { person: Person; stage: Stage; start: IsoDate }[] = [];
  for (const n of NEWCOMERS) {
    const subjects = n.location.endsWith('havo') ? SUBJECTS_HAVO : SUBJECTS_VMBO;
    const p = person(
      n.location,
      n.role,
      n.role === 'onderwijsassistent' ? '' : rnd.pick(subjects),
      0,
      n.start,
    );
    p.yearsVso = rnd.chance(0.5) ? 0 : rnd.int(1, 3);
    p.canBuddy = false;
    p.affinity = false;
    p.status = n.stage === 'finished' ? 'actief' : 'nieuw';
    newcomers.push({ person: p, stage: n.stage, start: n.start });
    staff.push(p);
  }

  const buddyLoad = new Map<string, number>();
  const pickBuddy = (location: string, exclude: Set<string>): Person => {
    const candidates = staff.filter(
      (p) =>
        p.location === location &&
        p.canBuddy &&
        p.status === 'actief' &&
        p.absentUntil === '' &&
        !exclude.has(p.email) &&
        p.email !== chiefs.get(location)?.email &&
        (buddyLoad.get(p.email) ?? 0) < 2,
    );
    const buddy = candidates.length ? rnd.pick(candidates) : chiefs.get(location)!;
    buddyLoad.set(buddy.email, (buddyLoad.get(buddy.email) ?? 0) + 1);
    return buddy;
  };

  const pairings: DemoRow[] = [];
  const schedule: DemoRow[] = [];
  const checkIns: DemoRow[] = [];
  const namesAt = (location: string) => staff.filter((p) => p.location === location && p.status === 'actief');

  for (const [index, { person: p, stage, start }] of newcomers.entries()) {
    if (stage === 'unpaired') continue;
    const chief = chiefs.get(p.location)!;
    const used = new Set<string>();
    // The second mid-schedule newcomer had a first buddy without a click, then a new one.
    if (index === 6) {
      const first = pickBuddy(p.location, used);
      used.add(first.email);
      pairings.push({
        newcomer: p.email,
        buddy: first.email,
        location: p.location,
        pairedOn: addDays(start, -10),
        pairedBy: chief.email,
        status: 'beëindigd',
        reason: 'Geen klik; in overleg een andere buddy gekozen',
        buddyMail: `verzonden ${addDays(start, -10)}`,
        endedOn: addDays(start, 4),
      });
    }
    const buddy = pickBuddy(p.location, used);
    const pairedOn =
      stage === 'paired' ? addDays(today, -rnd.int(1, 4) - 3) : addDays(start, -rnd.int(8, 20));
    pairings.push({
      newcomer: p.email,
      buddy: buddy.email,
      location: p.location,
      pairedOn: index === 6 ? addDays(start, 4) : pairedOn,
      pairedBy: chief.email,
      status: stage === 'finished' ? 'afgerond' : 'actief',
      reason: '',
      buddyMail: `verzonden ${index === 6 ? addDays(start, 4) : pairedOn}`,
      // A finished onboarding closed a week ago at the latest: retention counts from this day.
      endedOn: stage === 'finished' ? minDate(addDays(start, 91), addDays(today, -7)) : '',
    });
    if (start < today) p.welcomeStatus = `verzonden ${addDays(start, -7)}`;

    const colleagues = namesAt(p.location).filter((c) => c !== p && c !== buddy && c.role !== 'conciërge');
    const ib = namesAt(p.location).find((c) => c.role === 'IB-er');
    const withWhom = (role: string): string => {
      if (role === 'buddy') return buddy.name;
      if (role === 'chef buddy') return chief.name;
      if (role === 'schoolleider') return leader.name;
      if (role === 'IB-er') return ib?.name ?? role;
      if (role === 'achtervang' || role === 'meeloopcollega') return rnd.pick(colleagues).name;
      return role;
    };
    const host = (kind: string): string => {
      const fitting = colleagues.filter((c) => fitsHostKind(kind, c, p));
      return rnd.pick(fitting.length ? fitting : colleagues).name;
    };
    for (const t of defaultTemplate()) {
      if (!fitsRole(t.forRole, p.role)) continue;
      let date = addDays(schoolWeekMonday(start, t.week ?? 1), DAY_INDEX[t.day] ?? 0);
      while (isWeekend(date) || inDaysOff(date)) date = addDays(date, 1);
      const past = date < today;
      schedule.push({
        newcomer: p.email,
        date,
        week: t.week ?? 1,
        activity: t.activity,
        with: t.hostKind ? host(t.hostKind) : withWhom(t.with),
        kind: t.kind,
        done: past && !(stage === 'midSchedule' && rnd.chance(0.1)),
      });
    }
    [1, 2, 3, 6, 13].forEach((week, step) => {
      const planned = addDays(schoolWeekMonday(start, week), 4);
      const held = planned < today && !(stage === 'midSchedule' && week === 3 && index === 7);
      const click = rnd.chance(0.85) ? 'goed' : 'twijfel';
      // The random draws stay in their old order, so the rest of the demo stays as it was.
      const heldOn = held ? addDays(planned, rnd.chance(0.7) ? 0 : -1) : '';
      const phase = held ? rnd.pick(['ontdekken', 'dromen', 'ontwerpen', 'doen']) : '';
      const competency = held
        ? rnd.pick(['interpersoonlijk', 'orthopedagogisch', 'organisatorisch', 'samenwerking collega’s'])
        : '';
      const wellbeing = held ? rnd.int(3, 5) : '';
      const agreements = held ? rnd.pick(AGREEMENTS) : '';
      const notes = held ? rnd.pick(NOTES) : '';
      // Issue 14: check-ins in four steps with goals and competence levels, so the growth view
      // shows something; a finished onboarding's first check-in is an older record with one 4D label.
      const fourD = held && !(stage === 'finished' && step === 0);
      checkIns.push({
        newcomer: p.email,
        buddy: buddy.email,
        planned,
        held: heldOn,
        phase: fourD ? '' : phase,
        competency: fourD
          ? demoLevels(step)
              .map(([c]) => c)
              .join(', ')
          : competency,
        wellbeing,
        click: held ? click : '',
        agreements,
        notes,
        ...(fourD
          ? {
              discovery: DISCOVERY[(index + step) % DISCOVERY.length]!,
              dream: DREAM[(index + step) % DREAM.length]!,
              design: DESIGN[(index + step) % DESIGN.length]!,
              levels: demoLevels(step)
                .map(([c, l]) => `${c}: ${l}`)
                .join('; '),
              goals: demoGoals(step),
              worries: index === 2 && step === 1 ? 'Het is spannend om alleen voor klas 3 te staan.' : '',
            }
          : {}),
      });
    });
  }

  const staffRows: DemoRow[] = staff.map((p) => ({
    name: p.name,
    email: p.email,
    location: p.location,
    role: p.role,
    subject: p.subject,
    startDate: p.startDate,
    status: p.status,
    canBuddy: p.canBuddy,
    maxPairings: p.maxPairings,
    yearsVso: p.yearsVso,
    coachingAffinity: p.affinity,
    absentUntil: p.absentUntil,
    welcomeStatus: p.welcomeStatus,
    leftOn: p.status === 'uit dienst' ? addDays(today, -40) : '',
  }));

  // The usual questions that setup seeds, answered with the people of each location.
  const whoToAsk: DemoRow[] = [];
  for (const location of DEFAULT_LOCATIONS) {
    const here = namesAt(location);
    const byRole = (role: string) => here.find((p) => p.role === role) ?? chiefs.get(location)!;
    for (const [topic, role] of WHO_TO_ASK_TOPICS) {
      if (role === 'ICT-servicedesk') continue; // school-wide, below
      if (role === 'mentor van de leerling') {
        whoToAsk.push({ location, topic, person: 'de mentor van de leerling', email: '' });
        continue;
      }
      const p = byRole(role);
      whoToAsk.push({ location, topic, person: p.name, email: p.email });
    }
    const chief = chiefs.get(location)!;
    whoToAsk.push({
      location,
      topic: 'Regels, afspraken en gewoonten van de locatie',
      person: chief.name,
      email: chief.email,
    });
  }
  whoToAsk.push({
    location: 'alle',
    topic: 'Salaris en contract',
    person: 'Personeelszaken',
    email: `personeelszaken@${DEMO_DOMAIN}`,
  });
  whoToAsk.push({
    location: 'alle',
    topic: 'ICT: laptop, inloggen en Magister',
    person: 'ICT-servicedesk',
    email: `ict@${DEMO_DOMAIN}`,
  });

  const locations: DemoRow[] = DEFAULT_LOCATIONS.map((location) => ({
    name: location,
    chiefBuddy: chiefs.get(location)!.email,
    collectionDoc: `https://intranet.${DEMO_DOMAIN}/locaties/${LOCATION_SLUGS[location]}/verzameldocument`,
    schoolGuide: `https://www.${DEMO_DOMAIN}/schoolgids-2026-2027.pdf`,
  }));

  // Issue 19: closing moved the finished onboardings' rows to the archive tabs; the live tabs hold
  // current newcomers only, as Wegwijs leaves them.
  const finished = new Set(newcomers.filter((n) => n.stage === 'finished').map((n) => n.person.email));
  const isFinished = (r: DemoRow) => finished.has(String(r.newcomer));
  return {
    append: {
      staff: staffRows,
      pairings,
      schedule: schedule.filter((r) => !isFinished(r)),
      checkIns: checkIns.filter((r) => !isFinished(r)),
      scheduleArchive: schedule.filter(isFinished),
      checkInsArchive: checkIns.filter(isFinished),
      daysOff: DEMO_EXTRA_DAYS_OFF.map((d) => ({ ...d, location: 'alle' })),
    },
    merge: {
      locations: { key: 'name', rows: locations },
      settings: { key: 'name', rows: [{ name: SETTINGS.schoolName.nl, value: DEMO_SCHOOL_NAME }] },
    },
    replace: { whoToAsk, packet: demoPacket() },
  };
}

/** The fictional school's name, in the packet's footer and as the mails' sender. */
export const DEMO_SCHOOL_NAME = 'VSO De Brug';

/** The school's own packet texts: every section filled in, each location its own rules. */
function demoPacket(): DemoRow[] {
  const all = (section: string, text: string): DemoRow => ({ section, location: 'alle', text });
  const rules: Record<string, string> = {
    'Onderbouw vmbo':
      'Op deze locatie begint de dag om 8.30 uur in het eigen lokaal met de mentor. Telefoons gaan in de telefoontas. Een leerling die even rust nodig heeft, gaat naar de time-outplek bij de teamleider, nooit alleen de gang op.',
    'Bovenbouw vmbo':
      'Op deze locatie lopen de leerlingen stage op dinsdag en donderdag; de stagebegeleider houdt het overzicht. Pauzes zijn binnen, onder toezicht. Telefoons mogen alleen in de pauze.',
    'Onderbouw havo':
      'Op deze locatie start elke les met het dagprogramma op het bord. Leerlingen blijven in de pauze op het plein; de pleinwacht staat in het rooster. Time-outs gaan via de IB-er.',
    'Bovenbouw havo':
      'Op deze locatie werken leerlingen veel zelfstandig in het studieplein. Examenregels en afspraken over toetsen staan in het PTA. Telefoons mogen bij zelfstandig werken, niet tijdens instructie.',
  };
  return [
    all(
      'welkom',
      'Fijn dat je ons team komt versterken! In dit welkomstpakket vind je alles voor je eerste weken op één plek: wie wie is, hoe we werken en bij wie je terechtkunt. Je hoeft niet alles meteen te onthouden; je buddy helpt je op weg.',
    ),
    all(
      'onze missie en visie',
      'VSO De Brug is een school voor voortgezet speciaal onderwijs (cluster 4) met vmbo en havo. We geven leerlingen die vastlopen in het reguliere onderwijs een veilige plek om een diploma te halen. Dat doen we samen: als team, met ouders en met zorgpartners.',
    ),
    all(
      'onze leerlingen',
      'Onze leerlingen zijn 12 tot 18 jaar en hebben gedrags- en/of psychiatrische problemen, zoals autisme, ADHD of angst. Structuur, rust en voorspelbaarheid zijn voor hen het belangrijkst. Kondig veranderingen op tijd aan, houd je aan de afspraken, blijf rustig en benoem wat je verwacht. Een wisseling van leerkracht raakt hen: je eerste weken doen ertoe.',
    ),
    all(
      'protocollen',
      'Fysiek ingrijpen doe je alleen als een leerling zichzelf of een ander in gevaar brengt, en altijd volgens het protocol fysiek ingrijpen: eerst de-escaleren, hulp inroepen, daarna melden. Elk incident meld je dezelfde dag in het leerlingvolgsysteem en bij de IB-er. Ben je ziek, meld je dan vóór 7.30 uur telefonisch bij je teamleider. De protocollen staan op het intranet; je buddy loopt ze in week 1 met je door.',
    ),
    ...DEFAULT_LOCATIONS.map((location) => ({
      section: 'regels en afspraken van de locatie',
      location,
      text: rules[location]!,
    })),
    all(
      'regels en afspraken van de locatie',
      'Elke locatie heeft eigen regels, afspraken en gewoonten. Je chef buddy neemt ze op je eerste dag met je door.',
    ),
    all('wie vraag ik wat', 'Vragen stellen mag altijd, ook als iedereen druk lijkt. Hier kun je terecht:'),
    all(
      'je buddy en je chef buddy',
      'Je buddy is een ervaren collega die je de eerste tijd helpt en met je meedenkt, als gelijke. Je buddy neemt geen werk van je over: jij houdt de regie. Klikt het niet, zeg het dan tegen de chef buddy; die houdt het overzicht op deze locatie.',
    ),
    all(
      'je eerste drie weken',
      'Week 1 is voor kennismaken en meelopen met verschillende collega’s. In week 2 neem je een aantal taken op je. In week 3 werk je veelal zelfstandig, met elke dag iemand beschikbaar om te ondersteunen of in te grijpen.',
    ),
    all(
      'je check-ins',
      'In de check-ins kijk je met je buddy terug en vooruit volgens het 4D-model: wat gaat goed (ontdekken), waar wil je naartoe (dromen), wat is je plan (ontwerpen) en wat ga je doen (doen). Zo groei je naar de competenties van het NJI-competentieprofiel voor de leerkracht speciaal onderwijs, te beginnen bij het pedagogisch klimaat: structuur en gedragsregels.',
    ),
    all('handige links', 'De schoolgids en de regels van je locatie:'),
  ];
}

/** The 4D steps of the demo's check-ins (issue 14). */
const DISCOVERY = [
  'Het contact met de klas gaat goed; de leerlingen zoeken je op.',
  'De dagstart verloopt rustig en voorspelbaar.',
  'Je grijpt rustig en consequent in bij onrust.',
];
const DREAM = [
  'Over een paar weken zelf de mentorles geven.',
  'De regels van de locatie paraat hebben zonder spiekbrief.',
  'Een eigen aanpak voor de overgang na de pauze.',
];
const DESIGN = [
  'Samen met de buddy de lesopzet maken en één keer meelopen.',
  'Het regeloverzicht van de locatie doornemen met de chef buddy.',
  'Bij een collega kijken hoe die de pauze afsluit.',
];

/** Competence levels that grow over the check-ins (short labels; the cell's own format). */
function demoLevels(step: number): [string, string][] {
  const level = (n: number) => ['oriënterend', 'op weg', 'zelfstandig'][Math.min(2, n)]!;
  return [
    ['interpersoonlijk', level([0, 1, 1, 2, 2][step] ?? 2)],
    ['organisatorisch', level([0, 0, 1, 1, 2][step] ?? 2)],
    ...(step > 0
      ? ([['samenwerking collega’s', level([0, 0, 1, 1, 2][step] ?? 2)]] as [string, string][])
      : []),
  ];
}

/** Two onboarding goals, set at the first check-in and reviewed after (one goal per line). */
function demoGoals(step: number): string {
  const first = step >= 3 ? 'bereikt' : 'op koers';
  const second = step >= 4 ? 'bereikt' : step === 2 ? 'bijgesteld' : 'op koers';
  return [
    `Zelfstandig een mentorles geven | meelopen met de mentor | de mentorles zelf voorbereiden en geven | ${first}`,
    `De regels van de locatie consequent toepassen | regels nog niet paraat | regels paraat en consequent | ${second}`,
  ].join('\n');
}

const AGREEMENTS = [
  'Volgende week meelopen bij de mentor van 2B.',
  'Samen het time-outprotocol doornemen.',
  'Zelf een les voorbereiden en nabespreken.',
  'Oudergesprek samen voorbereiden.',
  'Vragenlijstje bijhouden voor de volgende check-in.',
];
const NOTES = [
  'Voelt zich welkom; de structuur van de dag helpt.',
  'Vindt het lastig om hulp te vragen als iedereen druk lijkt.',
  'Goede klik met de klas; wil meer weten over de afspraken rond pauzes.',
  'Zoekt houvast in de regels per locatie; verzameldocument helpt.',
];

/** The sheet tab name of a schema key, as setup writes it (Dutch). */
export function tabName(key: TabKey): string {
  return SCHEMA[key].nl;
}

/** Converts a demo value to what a user would type into a cell. */
function typed(value: DemoValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Column index of each schema field of `key` in a header row (fields without a column are left out). */
function fieldColumns(key: TabKey, header: readonly unknown[]): Map<string, number> {
  const normalized = header.map((h) => normalizeName(String(h ?? '')));
  const map = new Map<string, number>();
  for (const [field, spec] of Object.entries(SCHEMA[key].columns)) {
    const names = acceptedNames(spec);
    const index = normalized.findIndex((h) => names.includes(h));
    if (index >= 0) map.set(field, index);
  }
  return map;
}

/** Cells of an existing tab as typed text, so a paste of them gives the same values back. */
function asTyped(rows: readonly (readonly unknown[])[]): string[][] {
  return rows.map((row) =>
    row.map((cell) => {
      if (cell === null || cell === undefined) return '';
      if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
      return String(cell);
    }),
  );
}

/** Finds the tab of a schema key by any accepted name. */
export function findTab(fakes: GasFakes, key: TabKey): string | undefined {
  const names = acceptedNames(SCHEMA[key]);
  return fakes.sheet.tabNames().find((t) => names.includes(normalizeName(t)));
}

/**
 * Pastes generated rows into a workbook that setup made: appended rows go below what is there,
 * merged rows update the row with the same key (e.g. a location's chef buddy). Columns are found
 * by header; a schema field without a column is skipped.
 */
export function pasteDemoData(fakes: GasFakes, data: DemoData): void {
  const keys = new Set<TabKey>([
    ...(Object.keys(data.append) as TabKey[]),
    ...(Object.keys(data.merge) as TabKey[]),
    ...(Object.keys(data.replace ?? {}) as TabKey[]),
  ]);
  for (const key of keys) {
    const tab = findTab(fakes, key);
    if (!tab) throw new Error(`Demo: setupWorkbook made no tab for ${SCHEMA[key].nl}`);
    const current = asTyped(fakes.sheet.json(tab) as unknown[][]);
    const header = current[0] ?? [];
    const columns = fieldColumns(key, header);
    const width = header.length;
    const replace = data.replace?.[key];
    const body = replace ? [] : current.slice(1).filter((row) => row.some((c) => c !== ''));
    for (const row of replace ?? []) {
      const line = Array.from({ length: width }, () => '');
      for (const [field, value] of Object.entries(row)) {
        const c = columns.get(field);
        if (c !== undefined) line[c] = typed(value);
      }
      body.push(line);
    }
    const merge = data.merge[key];
    if (merge) {
      const keyCol = columns.get(merge.key);
      for (const row of merge.rows) {
        const target = body.find(
          (r) =>
            keyCol !== undefined && normalizeName(r[keyCol] ?? '') === normalizeName(typed(row[merge.key])),
        );
        const line = target ?? Array.from({ length: width }, () => '');
        for (const [field, value] of Object.entries(row)) {
          const c = columns.get(field);
          if (c !== undefined) line[c] = typed(value);
        }
        if (!target) body.push(line);
      }
    }
    for (const row of data.append[key] ?? []) {
      const line = Array.from({ length: width }, () => '');
      for (const [field, value] of Object.entries(row)) {
        const c = columns.get(field);
        if (c !== undefined) line[c] = typed(value);
      }
      body.push(line);
    }
    fakes.sheet.paste(tab, [header, ...body]);
  }
}

/** Options for {@link buildDemo}. */
export interface DemoOptions {
  /** Files HtmlService can serve, by name without `.html` (`Sidebar`). */
  htmlFiles: Record<string, string>;
  now?: string;
  seed?: number;
}

/**
 * Builds the demo workbook with the real bundle: a fresh spreadsheet, `setupWorkbook` run as the
 * school leader, then the generated rows pasted. The records of that setup run (its alert, its
 * log lines) are part of the demo, as if the school leader had set it up this morning.
 */
export function buildDemo(code: string, options: DemoOptions): GasFakes {
  const fakes = createGasFakes({
    now: options.now ?? DEMO_NOW,
    timeZone: DEMO_TIME_ZONE,
    userLocale: 'nl',
    activeUser: SCHOOL_LEADER,
    htmlFiles: options.htmlFiles,
  });
  const runtime = loadBundle(code, fakes);
  runtime.run('setupWorkbook', [], { user: SCHOOL_LEADER });
  removeEmptyDefaultTab(fakes);
  pasteDemoData(fakes, generateDemoData(options.seed ?? DEMO_SEED, dayOf(options.now ?? DEMO_NOW)));
  // One loaded context for the dozen calls of the seeded round: loading the bundle afresh for
  // each would make every demo build (and POST /api/reset) seconds slower.
  seedBeforeRound(
    loadBundle(code, fakes, { keepContext: true }),
    fakes,
    options.now ?? DEMO_NOW,
    options.seed ?? DEMO_SEED,
  );
  return fakes;
}

/** Issue 15: the "before" round the demo school held in November, at Onderbouw vmbo. */
export const DEMO_BEFORE_ROUND = { location: 'Onderbouw vmbo', start: '2026-11-02', closes: '2026-11-20' };

/**
 * A finished questionnaire round before the pilot (so the evaluation is not empty), made with the
 * bundle's own functions on the clock of November: the school leader starts it, eight colleagues
 * of Onderbouw vmbo answer (pseudonymously, as on the page), then the clock goes back.
 */
function seedBeforeRound(runtime: ReturnType<typeof loadBundle>, fakes: GasFakes, now: string, seed: number) {
  // A stand-in bundle (the sandbox API's own tests) has no questionnaire to fill in.
  const names = runtime.globalFunctionNames();
  if (!names.includes('startRound') || !names.includes('submitSurvey')) return;
  const random = mulberry32(seed + 15);
  const round = DEMO_BEFORE_ROUND;
  fakes.clock.set(`${round.start}T09:00:00+01:00`);
  runtime.run(
    'startRound',
    [{ kind: 'alle medewerkers', locations: [round.location], groups: 'beide', closes: round.closes }],
    { user: SCHOOL_LEADER },
  );
  fakes.clock.set(`${addDays(round.start, 3)}T12:00:00+01:00`);
  const open = [
    'Er komt veel op je af; een overzicht van de eerste weken',
    'Wie ik waarvoor kan aanspreken',
    'Met meerdere collega’s meelopen',
    'Rustig zijn, niet overnemen, wel in de buurt',
  ];
  const score = (low: number) => low + Math.floor(random() * 2);
  const people = readRows(fakes, 'staff').filter(
    (s) => s.location === round.location && (s.status === 'actief' || s.status === 'nieuw'),
  );
  for (const person of people.slice(0, 8)) {
    const group = groupOf(
      { startDate: String(person.startDate), status: String(person.status) },
      round.start,
    );
    const answers: Record<string, number | string> =
      group === 'nieuw'
        ? {
            'wie-vragen': score(1),
            diepe: score(3),
            overzicht: score(1),
            'hulp-vragen': score(2),
            regels: score(2),
          }
        : { 'wie-vragen': score(2), regels: score(2), 'inwerken-goed': score(2), begeleiden: score(2) };
    answers['info-missen'] = open[Math.floor(random() * open.length)]!;
    runtime.run('submitSurvey', ['M1', answers], { user: String(person.email) });
  }
  fakes.clock.set(now);
}

/** A new spreadsheet's empty first tab (`Blad1`) is of no use in the demo once setup made its tabs. */
function removeEmptyDefaultTab(fakes: GasFakes): void {
  const spreadsheet = fakes.globals.SpreadsheetApp.getActive();
  const sheets = spreadsheet.getSheets();
  const first = sheets[0];
  if (
    sheets.length > 1 &&
    first &&
    !SCHEMA_TAB_NAMES.has(normalizeName(first.getName())) &&
    first.getLastRow() === 0
  ) {
    spreadsheet.deleteSheet(first);
  }
}

const SCHEMA_TAB_NAMES = new Set(Object.values(SCHEMA).flatMap((tab) => acceptedNames(tab)));

function dayOf(iso: string): IsoDate {
  return iso.slice(0, 10);
}

/** One entry of the page's user switcher. */
export interface SandboxUser {
  email: string;
  name: string;
  /** What the user is in the workbook (Dutch, as the page shows it). */
  role: 'schoolleider' | 'chef buddy' | 'buddy' | 'nieuwe collega' | 'medewerker' | 'onbekend' | 'leeg';
  /** The location a chef buddy or staff member belongs to; '' otherwise. */
  location: string;
}

/** Rows of a tab as objects keyed by schema field, found by header name (empty list when the tab is missing). */
function readRows(fakes: GasFakes, key: TabKey): Record<string, unknown>[] {
  const tab = findTab(fakes, key);
  if (!tab) return [];
  const [header = [], ...rows] = fakes.sheet.json(tab) as unknown[][];
  const columns = fieldColumns(key, header);
  return rows.map((row) => Object.fromEntries([...columns].map(([field, i]) => [field, row[i] ?? ''])));
}

/**
 * The users of the page's switcher, read from the workbook as it is now: the school leaders of
 * Instellingen, each location's chef buddy, an active buddy, a staff member who is none of these,
 * plus an unknown address and the empty user (someone whose address Google does not reveal).
 */
export function deriveUsers(fakes: GasFakes): SandboxUser[] {
  const staff = readRows(fakes, 'staff');
  const nameOf = (email: string) =>
    String(staff.find((s) => String(s.email).toLowerCase() === email.toLowerCase())?.name ?? '');
  const users: SandboxUser[] = [];
  const seen = new Set<string>();
  const add = (user: SandboxUser) => {
    const key = user.email.toLowerCase();
    if (user.email === '' || seen.has(key)) return;
    seen.add(key);
    users.push(user);
  };

  const leaderSetting = acceptedNames({
    nl: SETTINGS.schoolLeaders.nl,
    en: SETTINGS.schoolLeaders.en,
    aliases: [],
  });
  for (const row of readRows(fakes, 'settings')) {
    if (!leaderSetting.includes(normalizeName(String(row.name ?? '')))) continue;
    for (const email of String(row.value ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean)) {
      add({ email, name: nameOf(email), role: 'schoolleider', location: '' });
    }
  }
  for (const row of readRows(fakes, 'locations')) {
    const email = String(row.chiefBuddy ?? '').trim();
    if (email) add({ email, name: nameOf(email), role: 'chef buddy', location: String(row.name ?? '') });
  }
  const pairings = readRows(fakes, 'pairings');
  const buddy = pairings.find((p) => normalizeName(String(p.status)) === 'actief') ?? pairings[0];
  if (buddy?.buddy) {
    const email = String(buddy.buddy);
    add({ email, name: nameOf(email), role: 'buddy', location: String(buddy.location ?? '') });
    // Their newcomer, for the web page "Mijn Wegwijs" (/mijn).
    const newcomer = String(buddy.newcomer ?? '');
    if (newcomer)
      add({
        email: newcomer,
        name: nameOf(newcomer),
        role: 'nieuwe collega',
        location: String(buddy.location ?? ''),
      });
  }
  const busy = new Set([...seen, ...pairings.map((p) => String(p.buddy).toLowerCase())]);
  const member = staff.find(
    (s) =>
      normalizeName(String(s.status)) === 'actief' && s.email && !busy.has(String(s.email).toLowerCase()),
  );
  if (member) {
    add({
      email: String(member.email),
      name: String(member.name),
      role: 'medewerker',
      location: String(member.location),
    });
  }
  add({ email: UNKNOWN_USER, name: '', role: 'onbekend', location: '' });
  users.push({ email: '', name: '', role: 'leeg', location: '' });
  return users;
}
