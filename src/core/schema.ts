/**
 * The sheet schema: every tab and column Wegwijs reads or writes, with its Dutch header, English
 * alias, whether it is required, and its type. Tables are found by header text, never by position.
 */
import { ALL_LOCATIONS, type Email, normalizeName } from './identity';

/** Moved to `identity.ts`; re-exported for the many importers of the schema. */
export { ALL_LOCATIONS, normalizeName };

/** The value types a column can hold, after parsing a cell. */
export type ColumnType = 'text' | 'email' | 'date' | 'moment' | 'number' | 'boolean' | 'choice';

/** One column of a tab. `V` is the TypeScript type of a parsed value (phantom). */
export interface ColumnSpec<V = unknown> {
  /** Dutch header as written by setup. */
  readonly nl: string;
  /** English header, written for English-locale users and always accepted when reading. */
  readonly en: string;
  /** Further accepted spellings (matched like headers: case, spaces and accents ignored). */
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly type: ColumnType;
  /** Allowed values of a `choice` column (canonical Dutch spelling first). */
  readonly choices: readonly string[];
  /** Data validation hint for setup; `locations` means "one of the Locaties tab". */
  readonly validation?: 'locations' | 'locationsOrAll';
  /** A number column holding a count: only whole numbers of 0 or more are readable. */
  readonly count?: boolean;
  readonly _value?: V;
}

interface ColumnOptions {
  required?: boolean;
  count?: boolean;
  aliases?: readonly string[];
  validation?: 'locations' | 'locationsOrAll';
}

function column<V>(
  type: ColumnType,
  nl: string,
  en: string,
  options: ColumnOptions = {},
  choices: readonly string[] = [],
) {
  const spec: ColumnSpec<V> = {
    nl,
    en,
    aliases: options.aliases ?? [],
    required: options.required ?? false,
    type,
    choices,
    ...(options.validation ? { validation: options.validation } : {}),
    ...(options.count ? { count: true } : {}),
  };
  return spec;
}

/** Builders for columns; the parsed value types follow from the builder. */
export const col = {
  text: (nl: string, en: string, o?: ColumnOptions) => column<string>('text', nl, en, o),
  /** An address, normalised when read (see `Email`); a cell that is not one address keeps its text, lower case. */
  email: (nl: string, en: string, o?: ColumnOptions) => column<Email>('email', nl, en, o),
  /** A calendar day, `YYYY-MM-DD` in the domain, a date cell in the sheet; '' when empty. */
  date: (nl: string, en: string, o?: ColumnOptions) => column<string>('date', nl, en, o),
  /** An instant, ISO-8601 with offset in the domain; '' when empty. */
  moment: (nl: string, en: string, o?: ColumnOptions) => column<string>('moment', nl, en, o),
  number: (nl: string, en: string, o?: ColumnOptions) => column<number | null>('number', nl, en, o),
  boolean: (nl: string, en: string, o?: ColumnOptions) => column<boolean>('boolean', nl, en, o),
  choice: <C extends string>(nl: string, en: string, choices: readonly C[], o?: ColumnOptions) =>
    column<C | ''>('choice', nl, en, o, choices),
};

/** One tab: its names and its columns, keyed by the field name used in code. */
export interface TabSpec<C extends Record<string, ColumnSpec> = Record<string, ColumnSpec>> {
  readonly key: string;
  readonly nl: string;
  readonly en: string;
  readonly aliases: readonly string[];
  readonly columns: C;
  /** Generated tabs are rewritten whole by Wegwijs; setup only creates them. */
  readonly generated?: boolean;
  /** An archive tab: the finished onboardings' rows of this live tab, with its columns. */
  readonly archiveOf?: ArchivedTab;
}

/** The live tabs whose rows of finished onboardings move to an archive tab (issue 19). */
export type ArchivedTab = 'checkIns' | 'schedule';

function tab<C extends Record<string, ColumnSpec>>(
  key: string,
  nl: string,
  en: string,
  columns: C,
  extra: { aliases?: readonly string[]; generated?: boolean; archiveOf?: ArchivedTab } = {},
): TabSpec<C> {
  return {
    key,
    nl,
    en,
    aliases: extra.aliases ?? [],
    columns,
    ...(extra.generated ? { generated: true } : {}),
    ...(extra.archiveOf ? { archiveOf: extra.archiveOf } : {}),
  };
}

export const STAFF_STATUSES = ['nieuw', 'actief', 'uit dienst'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const PAIRING_STATUSES = ['actief', 'afgerond', 'beëindigd'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

export const SCHEDULE_KINDS = [
  'kennismaking',
  'meelopen',
  'taak',
  'zelfstandig',
  'check-in',
  'evaluatie',
] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'] as const;

/** The four phases of the 4D model of Appreciative Inquiry. */
export const PHASES_4D = ['ontdekken', 'dromen', 'ontwerpen', 'doen'] as const;

/**
 * The seven competencies of the NJI profile for the special-education teacher, named exactly as
 * the profile does (short labels and indicators: `shared/coaching.ts`).
 */
export const NJI_COMPETENCIES = [
  'interpersoonlijk competent in de omgang met leerlingen',
  'orthopedagogisch competent in de omgang met leerlingen',
  'orthodidactisch competent in de omgang met leerlingen',
  'organisatorisch competent',
  'competent in samenwerking met collega’s',
  'competent in samenwerking met de omgeving',
  'competent in reflectie en ontwikkeling',
] as const;

export const CLICK_VALUES = ['goed', 'twijfel', 'niet'] as const;

export const MESSAGE_KINDS = [
  'welkomstpakket',
  'buddy-koppeling',
  'buddytaak',
  'check-in-herinnering',
  'check-in-te-laat',
  'check-in-melding-chef',
  'weekoverzicht',
] as const;

/**
 * The sections of the welcome packet, the protocol's one collection document, in the order the
 * packet shows them. The `Welkomstpakket` tab holds one text per section and location.
 */
export const PACKET_SECTIONS = [
  'welkom',
  'onze missie en visie',
  'onze leerlingen',
  'protocollen',
  'regels en afspraken van de locatie',
  'wie vraag ik wat',
  'je buddy en je chef buddy',
  'je eerste drie weken',
  'je check-ins',
  'handige links',
] as const;
export type PacketSection = (typeof PACKET_SECTIONS)[number];

/** A location's stage in introducing the protocol (issue 15): not yet, as a pilot, or introduced. */
export const LOCATION_PHASES = ['nog niet', 'pilot', 'ingevoerd'] as const;
export type LocationPhase = (typeof LOCATION_PHASES)[number];

/** Questionnaire items: a statement on a 5-point scale, or an open question. */
export const QUESTION_TYPES = ['5-puntsschaal', 'open'] as const;
/** Who a question is for: newer colleagues, longer-serving ones, or both. */
export const QUESTION_AUDIENCES = ['nieuw', 'ervaren', 'beide'] as const;
/** A round ("meting"): all staff at once, or each newcomer some weeks after closing their onboarding. */
export const ROUND_KINDS = ['alle medewerkers', 'na inwerken'] as const;
/** The answer groups: newer and longer-serving colleagues (from the start date). */
export const ANSWER_GROUPS = ['nieuw', 'ervaren'] as const;

/** The columns of `Inwerkschema` (and of its archive). */
const SCHEDULE_COLUMNS = {
  newcomer: col.email('Nieuwe collega', 'Newcomer', { required: true }),
  date: col.date('Datum', 'Date', { required: true }),
  week: col.number('Week', 'Week', { required: true }),
  activity: col.text('Activiteit', 'Activity', { required: true }),
  with: col.text('Met', 'With'),
  kind: col.choice('Soort', 'Kind', SCHEDULE_KINDS),
  done: col.boolean('Afgerond', 'Done'),
  check: col.text('Controle (Wegwijs)', 'Check (Wegwijs)', { aliases: ['Controle', 'Check'] }),
};

/** The columns of `Check-ins` (and of its archive). */
const CHECK_IN_COLUMNS = {
  newcomer: col.email('Nieuwe collega', 'Newcomer', { required: true }),
  buddy: col.email('Buddy', 'Buddy'),
  planned: col.date('Gepland', 'Planned', { required: true }),
  held: col.date('Gehouden', 'Held'),
  phase: col.choice('Fase (4D)', 'Phase (4D)', PHASES_4D, { aliases: ['Fase', 'Phase'] }),
  competency: col.text('Competentie (NJI)', 'Competency (NJI)', { aliases: ['Competentie', 'Competency'] }),
  wellbeing: col.number('Welbevinden (1–5)', 'Wellbeing (1–5)', { aliases: ['Welbevinden', 'Wellbeing'] }),
  click: col.choice('Klik', 'Click', CLICK_VALUES),
  agreements: col.text('Afspraken', 'Agreements'),
  notes: col.text('Notities', 'Notes'),
  skipped: col.text('Overgeslagen (reden)', 'Skipped (reason)', { aliases: ['Overgeslagen', 'Skipped'] }),
  recordedBy: col.email('Vastgelegd door', 'Recorded by'),
  reminder: col.text('Herinnering (status)', 'Reminder (status)', { aliases: ['Herinnering', 'Reminder'] }),
  lateNotice: col.text('Te laat-melding (status)', 'Late notice (status)', {
    aliases: ['Te laat-melding'],
  }),
  chiefNotice: col.text('Chef buddy-melding (status)', 'Chief buddy alert (status)', {
    aliases: ['Chef buddy-melding', 'Chief buddy alert'],
  }),
  hold: col.boolean('Bewaren', 'Keep', { aliases: ['Hold'] }),
  // The newcomer's own view of a held check-in (Mijn Wegwijs), beside the buddy's record and
  // never over it: who answered and when, so both are kept.
  newcomerConfirmed: col.boolean('Afspraken bevestigd (nieuwe collega)', 'Agreements confirmed (newcomer)'),
  newcomerRemark: col.text('Opmerking (nieuwe collega)', 'Remark (newcomer)'),
  newcomerClick: col.choice('Klik (nieuwe collega)', 'Click (newcomer)', CLICK_VALUES),
  newcomerWellbeing: col.number('Welbevinden (nieuwe collega, 1–5)', 'Wellbeing (newcomer, 1–5)'),
  newcomerBy: col.email('Reactie door', 'Response by'),
  newcomerAt: col.moment('Reactie op', 'Response at'),
  // The 4D conversation (issue 14): one field per step; the fourth step, doen, is 'Afspraken'.
  discovery: col.text('Ontdekken', 'Discovery', { aliases: ['Ontdekken (4D)'] }),
  dream: col.text('Dromen', 'Dream', { aliases: ['Dromen (4D)'] }),
  design: col.text('Ontwerpen', 'Design', { aliases: ['Ontwerpen (4D)'] }),
  worries: col.text('Zorgen, knelpunten of onzekerheden', 'Worries, bottlenecks or uncertainties', {
    aliases: ['Zorgen', 'Worries'],
  }),
  // "interpersoonlijk: op weg; organisatorisch: oriënterend" (short labels, readable in the sheet).
  levels: col.text('Competenties (niveau)', 'Competences (level)', { aliases: ['Niveaus', 'Levels'] }),
  // One goal per line: "doel | beginpunt | eindpunt | op koers"; the goals as they stood then.
  goals: col.text('Doelen', 'Goals'),
  // The newcomer's own view of their competences (Mijn Wegwijs), beside the buddy's.
  newcomerLevels: col.text('Competenties (nieuwe collega)', 'Competences (newcomer)'),
  clickAlert: col.text('Klik-melding (status)', 'Click alert (status)', {
    aliases: ['Klik-melding', 'Click alert'],
  }),
};

export const SCHEMA = {
  locations: tab('locations', 'Locaties', 'Locations', {
    name: col.text('Locatie', 'Location', { required: true }),
    chiefBuddy: col.email('Chef buddy (e-mail)', 'Chief buddy (email)', {
      required: true,
      aliases: ['Chef buddy', 'Chief buddy'],
    }),
    collectionDoc: col.text('Verzameldocument (link)', 'Collection document (link)', {
      aliases: ['Verzameldocument', 'Collection document'],
    }),
    schoolGuide: col.text('Schoolgids (link)', 'School guide (link)', {
      aliases: ['Schoolgids', 'School guide'],
    }),
    maxPerBuddy: col.number("Max. nieuwe collega's per buddy", 'Max. newcomers per buddy', {
      aliases: ['Max per buddy'],
      count: true,
    }),
    // Issue 15: automatic mail and new schedules run where the phase is pilot or ingevoerd; an
    // empty cell (or a sheet without the column) counts as ingevoerd, so nothing stops silently.
    phase: col.choice('Fase', 'Phase', LOCATION_PHASES, { aliases: ['Invoering', 'Rollout'] }),
    phaseSince: col.date('Fase sinds', 'Phase since'),
  }),
  staff: tab(
    'staff',
    'Medewerkers',
    'Staff',
    {
      name: col.text('Naam', 'Name', { required: true }),
      email: col.email('E-mail', 'Email', {
        required: true,
        aliases: ['E-mailadres', 'Email address', 'Mail'],
      }),
      location: col.text('Locatie', 'Location', { required: true, validation: 'locations' }),
      role: col.text('Functie', 'Job title', { aliases: ['Function', 'Role'] }),
      subject: col.text('Sectie/vak', 'Department/subject', { aliases: ['Vak', 'Sectie', 'Subject'] }),
      startDate: col.date('Startdatum', 'Start date', { required: true }),
      status: col.choice('Status', 'Status', STAFF_STATUSES, { required: true }),
      canBuddy: col.boolean('Kan buddy zijn', 'Can be buddy', { aliases: ['Buddy'] }),
      maxPairings: col.number('Max. koppelingen', 'Max. pairings', { count: true }),
      yearsVso: col.number('Jaren ervaring VSO', 'Years of experience (special ed.)', {
        aliases: ['Ervaring VSO', 'Years experience'],
      }),
      coachingAffinity: col.boolean('Affiniteit met begeleiden', 'Affinity with coaching'),
      absentUntil: col.date('Afwezig tot', 'Absent until'),
      welcomeStatus: col.text('Welkomstpakket (status)', 'Welcome packet (status)', {
        aliases: ['Welkomstpakket', 'Welcome packet'],
      }),
      leftOn: col.date('Uit dienst per', 'Left on', { aliases: ['Datum uit dienst', 'Leaving date'] }),
      hold: col.boolean('Bewaren', 'Keep', { aliases: ['Hold'] }),
      // The evaluation when the onboarding is closed (issue 14): how each goal ended, one a line.
      closingGoals: col.text('Doelen bij afronding', 'Goals at closing'),
      closingAgreements: col.text('Afspraken na inwerken', 'Agreements after onboarding'),
    },
    { aliases: ['Personeel', 'Employees'] },
  ),
  pairings: tab('pairings', 'Koppelingen', 'Pairings', {
    newcomer: col.email('Nieuwe collega', 'Newcomer', { required: true }),
    buddy: col.email('Buddy', 'Buddy', { required: true }),
    location: col.text('Locatie', 'Location', { required: true, validation: 'locations' }),
    pairedOn: col.date('Gekoppeld op', 'Paired on', { required: true }),
    pairedBy: col.email('Gekoppeld door', 'Paired by'),
    status: col.choice('Status', 'Status', PAIRING_STATUSES, { required: true }),
    reason: col.text('Reden', 'Reason'),
    buddyMail: col.text('Buddy-mail (status)', 'Buddy mail (status)', {
      aliases: ['Buddy-mail', 'Buddy mail'],
    }),
    endedOn: col.date('Afgesloten op', 'Ended on', { aliases: ['Beëindigd op', 'Afgerond op'] }),
    hold: col.boolean('Bewaren', 'Keep', { aliases: ['Hold'] }),
    exception: col.text('Uitzondering op buddyregel', 'Exception to buddy rule', {
      aliases: ['Uitzondering', 'Exception'],
    }),
  }),
  schedule: tab('schedule', 'Inwerkschema', 'Onboarding schedule', SCHEDULE_COLUMNS),
  templates: tab('templates', 'Schemasjablonen', 'Schedule templates', {
    location: col.text('Locatie', 'Location', { required: true, validation: 'locationsOrAll' }),
    week: col.number('Week', 'Week', { required: true }),
    day: col.choice('Dag', 'Day', WEEKDAYS, { required: true }),
    activity: col.text('Activiteit', 'Activity', { required: true }),
    with: col.text('Met', 'With'),
    kind: col.choice('Soort', 'Kind', SCHEDULE_KINDS),
    hostKind: col.text('Met (soort collega)', 'With (kind of colleague)', {
      aliases: ['Soort collega', 'Kind of colleague'],
    }),
    forRole: col.text('Voor functie', 'For job title', {
      aliases: ['Alleen voor functie', 'Only for job title'],
    }),
  }),
  checkIns: tab('checkIns', 'Check-ins', 'Check-ins', CHECK_IN_COLUMNS),
  whoToAsk: tab('whoToAsk', 'Wie vraag ik wat', 'Who to ask', {
    location: col.text('Locatie', 'Location', { required: true, validation: 'locationsOrAll' }),
    topic: col.text('Onderwerp', 'Topic', { required: true }),
    person: col.text('Persoon', 'Person', { required: true }),
    email: col.email('E-mail', 'Email'),
  }),
  packet: tab(
    'packet',
    'Welkomstpakket',
    'Welcome packet',
    {
      section: col.choice('Onderdeel', 'Section', PACKET_SECTIONS, { required: true }),
      location: col.text('Locatie', 'Location', { required: true, validation: 'locationsOrAll' }),
      text: col.text('Tekst', 'Text'),
    },
    { aliases: ['Verzameldocument', 'Collection document'] },
  ),
  daysOff: tab('daysOff', 'Vrije dagen', 'Days off', {
    from: col.date('Van', 'From', { required: true }),
    until: col.date('Tot en met', 'Until', { required: true, aliases: ['T/m', 'Through'] }),
    description: col.text('Omschrijving', 'Description'),
    location: col.text('Locatie', 'Location', { validation: 'locationsOrAll' }),
  }),
  messages: tab('messages', 'Berichten', 'Messages', {
    message: col.choice('Bericht', 'Message', MESSAGE_KINDS, { required: true }),
    location: col.text('Locatie', 'Location', { validation: 'locationsOrAll' }),
    subject: col.text('Onderwerp', 'Subject', { required: true }),
    text: col.text('Tekst', 'Text', { required: true }),
  }),
  settings: tab('settings', 'Instellingen', 'Settings', {
    name: col.text('Instelling', 'Setting', { required: true }),
    value: col.text('Waarde', 'Value', { required: true }),
  }),
  log: tab('log', 'Logboek', 'Log', {
    at: col.moment('Tijdstip', 'Time', { required: true }),
    user: col.email('Gebruiker', 'User', { required: true }),
    action: col.text('Actie', 'Action', { required: true }),
    details: col.text('Details', 'Details'),
  }),
  questions: tab('questions', 'Vragenlijst', 'Questionnaire', {
    id: col.text('Vraag', 'Question', { required: true, aliases: ['Id', 'Vraag-id', 'Question id'] }),
    text: col.text('Tekst', 'Text', { required: true }),
    type: col.choice('Soort', 'Type', QUESTION_TYPES, { required: true }),
    audience: col.choice('Voor', 'For', QUESTION_AUDIENCES, { required: true, aliases: ['Doelgroep'] }),
    higherIsBetter: col.boolean('Hoger is beter', 'Higher is better'),
  }),
  rounds: tab('rounds', 'Metingen', 'Rounds', {
    id: col.text('Meting', 'Round', { required: true }),
    kind: col.choice('Soort', 'Kind', ROUND_KINDS, { required: true }),
    locations: col.text('Locaties', 'Locations', { required: true }),
    groups: col.choice('Groepen', 'Groups', QUESTION_AUDIENCES, { required: true }),
    start: col.date('Start', 'Start', { required: true }),
    closes: col.date('Sluit', 'Closes', { required: true }),
    weeksAfter: col.number('Weken na afsluiten', 'Weeks after closing', { count: true }),
    startedBy: col.email('Gestart door', 'Started by'),
    invited: col.number('Uitgenodigd', 'Invited', { count: true }),
  }),
  answers: tab('answers', 'Antwoorden', 'Answers', {
    round: col.text('Meting', 'Round', { required: true }),
    location: col.text('Locatie', 'Location', { required: true }),
    group: col.choice('Groep', 'Group', ANSWER_GROUPS, { required: true }),
    question: col.text('Vraag', 'Question', { required: true }),
    value: col.text('Antwoord', 'Answer', { required: true }),
    person: col.text('Sleutel', 'Key', { required: true }),
    on: col.date('Ingevuld op', 'Answered on'),
  }),
  evaluation: tab(
    'evaluation',
    'Evaluatie',
    'Evaluation',
    {
      location: col.text('Locatie', 'Location', { required: true }),
    },
    { generated: true },
  ),
  // Issue 19: the rows of finished onboardings, moved out of the live tabs when an onboarding is
  // closed (or by the monthly run), so what the sidebar reads stays the same size over the years.
  // Same columns as the live tab; read only where history counts (privacy, evaluation, summary).
  checkInsArchive: tab('checkInsArchive', 'Check-ins (archief)', 'Check-ins (archive)', CHECK_IN_COLUMNS, {
    aliases: ['Archief check-ins', 'Check-ins archive'],
    archiveOf: 'checkIns',
  }),
  scheduleArchive: tab(
    'scheduleArchive',
    'Inwerkschema (archief)',
    'Onboarding schedule (archive)',
    SCHEDULE_COLUMNS,
    { aliases: ['Archief inwerkschema', 'Onboarding schedule archive'], archiveOf: 'schedule' },
  ),
  overview: tab(
    'overview',
    'Overzicht',
    'Overview',
    {
      location: col.text('Locatie', 'Location', { required: true }),
    },
    { generated: true },
  ),
} as const;

export type Schema = typeof SCHEMA;
export type TabKey = keyof Schema;
export const TAB_KEYS = Object.keys(SCHEMA) as TabKey[];

/** The parsed row type of a tab: one field per column. */
export type RowOf<K extends TabKey> = {
  -readonly [F in keyof Schema[K]['columns']]: Schema[K]['columns'][F] extends ColumnSpec<infer V>
    ? V
    : never;
};

/** Every accepted spelling of a column or tab, normalised. */
export function acceptedNames(spec: { nl: string; en: string; aliases: readonly string[] }): string[] {
  return [spec.nl, spec.en, ...spec.aliases].map(normalizeName);
}
