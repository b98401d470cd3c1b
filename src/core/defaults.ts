/**
 * The default content that setup writes into empty tabs: the four locations, the protocol's
 * three-week schedule, message templates, settings, and verified holidays. Always editable.
 */
import { schoolYearOf } from './dates';
import { type HolidayPolicy, publicHolidays, VERIFIED_SCHOOL_HOLIDAYS_ZUID } from './holidays';
import { ALL_LOCATIONS, PACKET_SECTIONS, type PacketSection, type RowOf } from './schema';
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
    phase: '',
    phaseSince: '',
  }));
}

type TemplateRow = RowOf<'templates'>;
const t = (
  week: number,
  day: TemplateRow['day'],
  activity: string,
  withWhom: string,
  kind: TemplateRow['kind'],
  extra: { hostKind?: string; forRole?: string } = {},
): TemplateRow => ({
  location: ALL_LOCATIONS,
  week,
  day,
  activity,
  with: withWhom,
  kind,
  hostKind: extra.hostKind ?? '',
  forRole: extra.forRole ?? '',
});

/** Newcomers who teach: the lines about taking over lessons are for them. */
const TEACHING = 'leraar, docent, mentor';
const ASSISTING = 'onderwijsassistent';
const WEEK_DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'] as const;

/**
 * The protocol's three weeks: week 1 acquaintance and shadowing several colleagues (each line
 * names the kind of colleague it needs), week 2 tasks with the buddy near (chosen by the
 * newcomer's function), week 3 mostly independent with a named backup on every working day; a
 * check-in closes each week.
 */
export function defaultTemplate(): TemplateRow[] {
  return [
    t(1, 'maandag', 'Welkom door de chef buddy', 'chef buddy', 'kennismaking'),
    t(1, 'maandag', 'Rondleiding door de locatie', 'buddy', 'kennismaking'),
    t(1, 'maandag', 'Regels, afspraken en gewoonten van de locatie doornemen', 'chef buddy', 'kennismaking'),
    t(1, 'dinsdag', 'Kennismaking met je buddy: verwachtingen en afspraken', 'buddy', 'kennismaking'),
    t(1, 'dinsdag', 'Meelopen met een mentor', 'meeloopcollega', 'meelopen', { hostKind: 'mentor' }),
    t(1, 'woensdag', 'Kennismaking met de schoolleider', 'schoolleider', 'kennismaking'),
    t(1, 'woensdag', 'Meelopen in de klas', 'meeloopcollega', 'meelopen', { hostKind: 'leraar in de klas' }),
    t(1, 'donderdag', 'Kennismaking met de IB-er: leerlingen en hun ondersteuning', 'IB-er', 'kennismaking'),
    t(1, 'donderdag', 'Meelopen met de orthopedagoog', 'meeloopcollega', 'meelopen', {
      hostKind: 'orthopedagoog',
    }),
    t(1, 'vrijdag', 'Meelopen met de teamleider', 'meeloopcollega', 'meelopen', { hostKind: 'teamleider' }),
    t(1, 'vrijdag', 'Check-in week 1', 'buddy', 'check-in'),
    t(2, 'maandag', 'Eerste eigen taken, buddy in de buurt', 'buddy', 'taak'),
    t(2, 'dinsdag', 'Lessen overnemen met de buddy als vraagbaak', 'buddy', 'taak', { forRole: TEACHING }),
    t(2, 'dinsdag', 'Leerlingen begeleiden in de klas, met de buddy als vraagbaak', 'buddy', 'taak', {
      forRole: ASSISTING,
    }),
    t(2, 'woensdag', 'Meelopen bij een collega van een andere sectie', 'meeloopcollega', 'meelopen', {
      hostKind: 'andere sectie',
    }),
    t(2, 'donderdag', 'Mentortaken en oudercontact oefenen', 'buddy', 'taak', { forRole: TEACHING }),
    t(2, 'donderdag', 'Pauzes en overgangsmomenten begeleiden, buddy in de buurt', 'buddy', 'taak', {
      forRole: ASSISTING,
    }),
    t(2, 'vrijdag', 'Check-in week 2', 'buddy', 'check-in'),
    ...WEEK_DAYS.map((day) =>
      t(3, day, 'Zelfstandig aan de slag, met achtervang', 'achtervang', 'zelfstandig'),
    ),
    t(3, 'vrijdag', 'Evaluatie van de eerste drie weken', 'chef buddy', 'evaluatie'),
    t(3, 'vrijdag', 'Check-in week 3', 'buddy', 'check-in'),
  ];
}

/** Marks a text that setup wrote as an example; the packet preview warns while it is unchanged. */
export const EXAMPLE_MARK = '(voorbeeld — pas aan)';

/** The questions every newcomer has, with the role to ask at a location (issue 16). */
export const WHO_TO_ASK_TOPICS: readonly (readonly [topic: string, role: string])[] = [
  ['Rooster en invalbeurten', 'teamleider'],
  ['Sleutels en pasjes', 'conciërge'],
  ['Ziekmelden en verlof', 'teamleider'],
  ['Leerlingvolgsysteem', 'IB-er'],
  ['ICT: laptop en inloggen', 'ICT-servicedesk'],
  ['Incidenten en veiligheid', 'IB-er'],
  ['Kopiëren en lesmateriaal', 'conciërge'],
  ['Contact met ouders', 'mentor van de leerling'],
];

/** `Wie vraag ik wat` for each location: the usual questions, with the role to ask. */
export function defaultWhoToAsk(locations: readonly string[]): RowOf<'whoToAsk'>[] {
  return locations.flatMap((location) =>
    WHO_TO_ASK_TOPICS.map(([topic, person]) => ({ location, topic, person, email: '' })),
  );
}

/**
 * The school-wide (`alle`) text of every section of the welcome packet, each marked as an
 * example. Sections whose content Wegwijs adds (who to ask what, buddy, weeks, check-ins, links)
 * get a short introduction.
 */
export function defaultPacket(): RowOf<'packet'>[] {
  const text: Record<PacketSection, string> = {
    welkom:
      'Fijn dat je er bent! In dit welkomstpakket staat alles wat je de eerste weken nodig hebt op één plek. Lees het rustig door; je hoeft niet alles meteen te onthouden.',
    'onze missie en visie':
      'Wij zijn een school voor voortgezet speciaal onderwijs (VSO, cluster 4) voor vmbo en havo. We bieden leerlingen een veilige plek waar ze een diploma kunnen halen en groeien naar een plek in de maatschappij.',
    'onze leerlingen':
      'Onze leerlingen zijn 12 tot 18 jaar en hebben gedrags- en/of psychiatrische problemen, zoals autisme, ADHD of angst. Structuur, rust en voorspelbaarheid zijn voor hen het belangrijkst: kondig veranderingen aan, houd je aan de afspraken en blijf rustig en duidelijk.',
    protocollen:
      'Lees vóór je eerste dag de protocollen over fysiek ingrijpen, het melden en afhandelen van incidenten en ziekmelding. Je buddy en je chef buddy lopen ze in week 1 met je door.',
    'regels en afspraken van de locatie':
      'Elke locatie heeft eigen regels, afspraken en gewoonten, bijvoorbeeld over de start van de dag, pauzes, telefoons en time-outs. Je chef buddy neemt ze op je eerste dag met je door.',
    'wie vraag ik wat':
      'Vragen stellen mag altijd, ook als iedereen druk lijkt. Bij deze collega’s kun je terecht:',
    'je buddy en je chef buddy':
      'Je buddy is een ervaren collega die je de eerste tijd helpt en met je meedenkt, als gelijke. Je buddy neemt geen werk van je over: jij houdt de regie. De chef buddy houdt het overzicht op deze locatie.',
    'je eerste drie weken':
      'Week 1 is voor kennismaken en meelopen met verschillende collega’s. In week 2 neem je een aantal taken op je. In week 3 werk je veelal zelfstandig, met elke dag iemand beschikbaar om te ondersteunen of in te grijpen.',
    'je check-ins':
      'In de check-ins kijk je samen met je buddy terug en vooruit: wat gaat goed (ontdekken), waar wil je naartoe (dromen), wat is je plan (ontwerpen) en wat ga je doen (doen). Jullie werken zo aan de competenties uit het NJI-competentieprofiel voor de leerkracht speciaal onderwijs.',
    'handige links': 'De schoolgids en andere documenten vind je hier:',
  };
  return PACKET_SECTIONS.map((section) => ({
    section,
    location: ALL_LOCATIONS,
    text: `${text[section]} ${EXAMPLE_MARK}`,
  }));
}

/**
 * What a buddy does, as the protocol describes it: the `buddytaak` message template, a part of
 * the buddy notification. `{{checkinweken}}` follows the setting.
 */
export const BUDDY_TASK_TEMPLATE = {
  subject: 'Wat doe je als buddy?',
  text: [
    'Wat doe je als buddy?',
    '- Je bent het eerste aanspreekpunt en sparringpartner van je nieuwe collega, zoals een duikbuddy.',
    '- Je zorgt, maar neemt geen werk over: je nieuwe collega blijft eigenaar van het eigen proces.',
    '- Jullie zijn gelijkwaardig. Vertrouwen en een goede klik zijn belangrijk; merk je dat het niet klikt, meld het dan bij de chef buddy.',
    '- Week 1: je leidt rond, legt regels, afspraken en gewoonten uit en regelt meeloopmomenten bij verschillende collega’s.',
    '- Week 2: je nieuwe collega neemt taken op zich; jij bent in de buurt.',
    '- Week 3: je nieuwe collega werkt zelfstandig; jij of de achtervang is bereikbaar om te ondersteunen of in te grijpen.',
    '- Check-ins: in {{checkinweken}} voer je een waarderend gesprek volgens het 4D-model (ontdekken, dromen, ontwerpen, doen), gericht op de NJI-competenties.',
  ].join('\n'),
};

/** "week 1, 2, 3, 6 en 13" (or "week 2" for one week). */
export function weeksText(weeks: readonly number[]): string {
  if (weeks.length === 0) return 'de afgesproken weken';
  if (weeks.length === 1) return `week ${weeks[0]}`;
  return `week ${weeks.slice(0, -1).join(', ')} en ${weeks[weeks.length - 1]}`;
}

export function defaultMessages(): RowOf<'messages'>[] {
  return [
    {
      message: 'welkomstpakket',
      location: ALL_LOCATIONS,
      subject: 'Welkom op onze school, {{voornaam}}!',
      text: [
        'Beste {{voornaam}},',
        '',
        'Wat fijn dat je bij ons komt werken! Op {{startdatum}} begin je op locatie {{locatie}}.',
        'Je buddy is {{buddy.naam}} ({{buddy.email}}): je eerste aanspreekpunt en sparringpartner. Je chef buddy is {{chefbuddy.naam}} ({{chefbuddy.email}}).',
        '',
        'Je eerste drie weken:',
        '{{schema}}',
        '',
        'Je check-ins met je buddy:',
        '{{checkins}}',
        '',
        'Je inwerkschema en je check-ins staan altijd actueel op {{mijnwegwijs}}',
        '',
        'Wie vraag ik wat:',
        '{{wievraagikwat}}',
        '',
        'Handige links:',
        '{{schoolgids}}',
        '{{verzameldocument}}',
        '',
        'In de bijlagen vind je dit alles als welkomstpakket om te printen (PDF) en je inwerkschema voor je agenda.',
        '',
        'Tot snel!',
        '',
        '{{ondertekening}}',
      ].join('\n'),
    },
    {
      message: 'buddy-koppeling',
      location: ALL_LOCATIONS,
      subject: 'Je bent buddy van {{nieuwecollega.naam}}',
      text: [
        'Beste {{buddy.voornaam}},',
        '',
        'Je bent de buddy van {{nieuwecollega.naam}} ({{nieuwecollega.email}}), onze nieuwe collega die op {{startdatum}} begint op locatie {{locatie}}.',
        'Heb je vragen over de koppeling? Je chef buddy is {{chefbuddy.naam}} ({{chefbuddy.email}}).',
        '',
        '{{buddytaak}}',
        '',
        'Het inwerkschema afvinken en check-ins vastleggen doe je op {{mijnwegwijs}}',
        '',
        'Dank je wel dat je buddy wilt zijn!',
      ].join('\n'),
    },
    { message: 'buddytaak', location: ALL_LOCATIONS, ...BUDDY_TASK_TEMPLATE },
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
        '',
        'Leg de check-in daarna vast op {{mijnwegwijs}}',
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
        'Lukt het niet? Plan een nieuw moment, of leg vast waarom de check-in niet doorgaat.',
        'Vastleggen doe je op {{mijnwegwijs}}',
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
        'Wil je even contact opnemen met {{buddy.naam}}?',
      ].join('\n'),
    },
    {
      message: 'weekoverzicht',
      location: ALL_LOCATIONS,
      subject: 'Weekoverzicht inwerken, week van {{datum}}',
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
