/**
 * The default content that setup writes into empty tabs: the four locations, the protocol's
 * three-week schedule, message templates, settings, and verified holidays. Always editable.
 */
import { schoolYearOf } from './dates';
import { type HolidayPolicy, publicHolidays, VERIFIED_SCHOOL_HOLIDAYS_ZUID } from './holidays';
import { ALL_LOCATIONS, type RowOf } from './schema';
import { SETTINGS, type SettingKey } from './settings';

export const DEFAULT_LOCATIONS = [
  'Onderbouw vmbo',
  'Bovenbouw vmbo',
  'Onderbouw havo',
  'Bovenbouw havo',
] as const;

export function defaultLocations(): RowOf<'locations'>[] {
  return DEFAULT_LOCATIONS.map((name) => ({
    name,
    chiefBuddy: '',
    collectionDoc: '',
    schoolGuide: '',
    maxPerBuddy: 2,
  }));
}

type TemplateRow = RowOf<'templates'>;
const t = (
  week: number,
  day: TemplateRow['day'],
  activity: string,
  withWhom: string,
  kind: TemplateRow['kind'],
): TemplateRow => ({ location: ALL_LOCATIONS, week, day, activity, with: withWhom, kind });

/**
 * The protocol's three weeks: week 1 acquaintance and shadowing several colleagues, week 2 tasks
 * with the buddy near, week 3 independent with a named backup; a check-in closes each week.
 */
export function defaultTemplate(): TemplateRow[] {
  return [
    t(1, 'maandag', 'Welkom door de chef buddy', 'chef buddy', 'kennismaking'),
    t(1, 'maandag', 'Rondleiding door de locatie', 'buddy', 'kennismaking'),
    t(1, 'maandag', 'Regels, afspraken en gewoonten van de locatie doornemen', 'chef buddy', 'kennismaking'),
    t(1, 'dinsdag', 'Kennismaking met je buddy: verwachtingen en afspraken', 'buddy', 'kennismaking'),
    t(1, 'dinsdag', 'Meelopen in de klas', 'meeloopcollega', 'meelopen'),
    t(1, 'woensdag', 'Kennismaking met de schoolleider', 'schoolleider', 'kennismaking'),
    t(1, 'woensdag', 'Meelopen in de klas', 'meeloopcollega', 'meelopen'),
    t(1, 'donderdag', 'Kennismaking met de IB-er: leerlingen en hun ondersteuning', 'IB-er', 'kennismaking'),
    t(1, 'donderdag', 'Meelopen in de klas', 'meeloopcollega', 'meelopen'),
    t(1, 'vrijdag', 'Meelopen bij een mentor', 'meeloopcollega', 'meelopen'),
    t(1, 'vrijdag', 'Check-in week 1', 'buddy', 'check-in'),
    t(2, 'maandag', 'Eerste eigen taken, buddy in de buurt', 'buddy', 'taak'),
    t(2, 'dinsdag', 'Lessen overnemen met de buddy als vraagbaak', 'buddy', 'taak'),
    t(2, 'woensdag', 'Meelopen bij een collega van een andere sectie', 'meeloopcollega', 'meelopen'),
    t(2, 'donderdag', 'Mentortaken en oudercontact oefenen', 'buddy', 'taak'),
    t(2, 'vrijdag', 'Check-in week 2', 'buddy', 'check-in'),
    t(3, 'maandag', 'Zelfstandig aan de slag, met achtervang', 'achtervang', 'zelfstandig'),
    t(3, 'woensdag', 'Zelfstandig, met achtervang', 'achtervang', 'zelfstandig'),
    t(3, 'vrijdag', 'Evaluatie van de eerste drie weken', 'chef buddy', 'evaluatie'),
    t(3, 'vrijdag', 'Check-in week 3', 'buddy', 'check-in'),
  ];
}

/** What a buddy is for, as the protocol describes it; part of the buddy notification. */
export const BUDDY_TASK_DESCRIPTION = [
  'Wat doe je als buddy?',
  '- Je bent het eerste aanspreekpunt en sparringpartner van je nieuwe collega, zoals een duikbuddy.',
  '- Je zorgt, maar neemt geen werk over: je nieuwe collega blijft eigenaar van het eigen proces.',
  '- Jullie zijn gelijkwaardig. Vertrouwen en een goede klik zijn belangrijk; merk je dat het niet klikt, meld het dan bij de chef buddy.',
  '- Week 1: je leidt rond, legt regels, afspraken en gewoonten uit en regelt meeloopmomenten bij verschillende collega’s.',
  '- Week 2: je nieuwe collega neemt taken op zich; jij bent in de buurt.',
  '- Week 3: je nieuwe collega werkt zelfstandig; jij of de achtervang is bereikbaar om te ondersteunen of in te springen.',
  '- Check-ins: aan het eind van week 1, 2 en 3 en daarna in week 6 en 13 voer je een waarderend gesprek volgens het 4D-model (ontdekken, dromen, ontwerpen, doen), gericht op de NJI-competenties.',
].join('\n');

export function defaultMessages(): RowOf<'messages'>[] {
  return [
    {
      message: 'welkomstpakket',
      location: ALL_LOCATIONS,
      subject: 'Welkom bij {{locatie}}, {{voornaam}}!',
      text: [
        'Beste {{voornaam}},',
        '',
        'Welkom! Op {{startdatum}} begin je bij locatie {{locatie}}. We zijn blij dat je komt.',
        'Je buddy is {{buddy.naam}} ({{buddy.email}}): je eerste aanspreekpunt en sparringpartner. Je chef buddy is {{chefbuddy.naam}} ({{chefbuddy.email}}).',
        '',
        'Je eerste drie weken:',
        '{{schema}}',
        '',
        'Je check-ins met je buddy:',
        '{{checkins}}',
        '',
        'Wie vraag ik wat:',
        '{{wievraagikwat}}',
        '',
        'De schoolgids: {{schoolgids}}',
        'Regels en afspraken van de locatie: {{verzameldocument}}',
        '',
        'In de bijlagen vind je dit alles als printbaar welkomstpakket (PDF) en je schema voor je agenda.',
        '',
        'Tot snel!',
      ].join('\n'),
    },
    {
      message: 'buddy-koppeling',
      location: ALL_LOCATIONS,
      subject: 'Je bent buddy van {{nieuwecollega.naam}}',
      text: [
        'Beste {{buddy.voornaam}},',
        '',
        'Je bent gekoppeld als buddy van {{nieuwecollega.naam}} ({{nieuwecollega.email}}), die op {{startdatum}} begint bij {{locatie}}.',
        'Vragen over de koppeling? Je chef buddy is {{chefbuddy.naam}} ({{chefbuddy.email}}).',
        '',
        '{{buddytaak}}',
        '',
        'Dank je wel!',
      ].join('\n'),
    },
    {
      message: 'check-in-herinnering',
      location: ALL_LOCATIONS,
      subject: 'Check-in met {{nieuwecollega.naam}} op {{datum}}',
      text: [
        'Beste {{buddy.voornaam}},',
        '',
        'Op {{datum}} staat de check-in met {{nieuwecollega.naam}} gepland.',
        'Begin bij wat goed gaat (ontdekken), kijk samen waar je naartoe wilt (dromen), maak een plan (ontwerpen) en spreek af wat je gaat doen (doen).',
        'De afspraken van de vorige keer: {{vorigeafspraken}}',
      ].join('\n'),
    },
    {
      message: 'check-in-te-laat',
      location: ALL_LOCATIONS,
      subject: 'De check-in met {{nieuwecollega.naam}} staat nog open',
      text: [
        'Beste {{buddy.voornaam}},',
        '',
        'De check-in met {{nieuwecollega.naam}} stond gepland op {{datum}} en is nog niet vastgelegd.',
        'Lukt het niet? Plan een nieuw moment, of leg in de zijbalk vast waarom hij is overgeslagen.',
      ].join('\n'),
    },
    {
      message: 'check-in-melding-chef',
      location: ALL_LOCATIONS,
      subject: 'Check-in van {{nieuwecollega.naam}} is {{dagen}} dagen te laat',
      text: [
        'Beste {{chefbuddy.voornaam}},',
        '',
        'De check-in van {{nieuwecollega.naam}} met buddy {{buddy.naam}} stond gepland op {{datum}} en is {{dagen}} dagen te laat.',
        'Misschien kun je even contact opnemen.',
      ].join('\n'),
    },
    {
      message: 'weekoverzicht',
      location: ALL_LOCATIONS,
      subject: 'Wegwijs weekoverzicht {{datum}}',
      text: ['Beste {{voornaam}},', '', 'Het inwerken op alle locaties deze week:', '', '{{overzicht}}'].join(
        '\n',
      ),
    },
  ];
}

/** Every setting at its default; the acting user becomes school leader when none is set. */
export function defaultSettings(schoolLeader: string): RowOf<'settings'>[] {
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => ({
    name: SETTINGS[key].nl,
    value: key === 'schoolLeaders' ? schoolLeader : SETTINGS[key].default,
  }));
}

/**
 * Days off for the school year of `today` and the next: public holidays (computed) and the
 * verified school holidays of region zuid. Years without verified holidays get a warning elsewhere.
 */
export function defaultDaysOff(today: string, policy: HolidayPolicy): RowOf<'daysOff'>[] {
  const first = schoolYearOf(today);
  const rows: RowOf<'daysOff'>[] = [];
  for (const year of [first, first + 1]) {
    const start = `${year}-08-01`;
    const end = `${year + 1}-07-31`;
    const holidays = [...publicHolidays(year, policy), ...publicHolidays(year + 1, policy)].filter(
      (h) => h.from >= start && h.from <= end,
    );
    for (const h of [...holidays, ...(VERIFIED_SCHOOL_HOLIDAYS_ZUID[year] ?? [])]) {
      rows.push({ from: h.from, until: h.until, description: h.description, location: ALL_LOCATIONS });
    }
  }
  return rows.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
