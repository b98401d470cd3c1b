/**
 * The `Instellingen` tab: one setting per row, found by name (Dutch or English, loosely matched),
 * with documented defaults. A missing row means the default; an unreadable value is reported.
 */
import { type Email, emailIn } from './identity';
import { normalizeName } from './schema';

type Kind = 'emails' | 'number' | 'numbers' | 'boolean' | 'text' | 'url' | 'liberation' | 'window';

interface SettingSpec {
  readonly nl: string;
  readonly en: string;
  readonly kind: Kind;
  /** Default as written in the sheet. */
  readonly default: string;
}

function setting(nl: string, en: string, kind: Kind, def: string): SettingSpec {
  return { nl, en, kind, default: def };
}

export const SETTINGS = {
  schoolLeaders: setting('Schoolleiders (e-mail)', 'School leaders (email)', 'emails', ''),
  schoolName: setting('Schoolnaam', 'School name', 'text', ''),
  senderName: setting('Afzendernaam', 'Sender name', 'text', ''),
  signerName: setting('Welkomstmail ondertekend door (naam)', 'Welcome mail signed by (name)', 'text', ''),
  signerRole: setting(
    'Welkomstmail ondertekend door (functie)',
    'Welcome mail signed by (job title)',
    'text',
    '',
  ),
  pageUrl: setting('Mijn Wegwijs (URL)', 'Mijn Wegwijs (URL)', 'url', ''),
  welcomeWorkdaysBefore: setting(
    'Welkomstpakket: werkdagen vooraf',
    'Welcome packet: working days before',
    'number',
    '5',
  ),
  checkInWeeks: setting('Check-ins in week', 'Check-ins in week', 'numbers', '1, 2, 3, 6, 13'),
  checkInGraceDays: setting('Check-in: dagen speling', 'Check-in: days of grace', 'number', '3'),
  reminderDaysBefore: setting('Herinnering: dagen vooraf', 'Reminder: days before', 'number', '2'),
  chiefAlertDaysLate: setting(
    'Chef buddy melden na dagen te laat',
    'Alert chief buddy after days late',
    'number',
    '7',
  ),
  chiefReportDay: setting(
    'Maandverslag chef buddy: dag van de maand',
    'Chief buddy monthly report: day of the month',
    'number',
    '1',
  ),
  chiefReportWaitDays: setting(
    'Maandverslag chef buddy: dagen wachten op opmerking',
    'Chief buddy monthly report: days to wait for a remark',
    'number',
    '5',
  ),
  defaultMaxPerBuddy: setting("Max. nieuwe collega's per buddy", 'Max. newcomers per buddy', 'number', '2'),
  pairAcrossLocations: setting(
    'Buddy van andere locatie toestaan',
    'Allow buddy from another location',
    'boolean',
    'nee',
  ),
  buddyMinYearsSchool: setting(
    'Buddy: min. jaren op deze school',
    'Buddy: min. years at this school',
    'number',
    '2',
  ),
  buddyMinYearsVso: setting(
    'Buddy: min. jaren ervaring VSO',
    'Buddy: min. years in special education',
    'number',
    '3',
  ),
  buddyAffinityRequired: setting(
    'Buddy: affiniteit met begeleiden vereist',
    'Buddy: coaching affinity required',
    'boolean',
    'ja',
  ),
  weightExperience: setting('Gewicht ervaring VSO', 'Weight experience', 'number', '3'),
  weightAffinity: setting('Gewicht affiniteit met begeleiden', 'Weight coaching affinity', 'number', '3'),
  weightSameRole: setting('Gewicht zelfde functie', 'Weight same job title', 'number', '1'),
  weightSameSubject: setting('Gewicht zelfde sectie/vak', 'Weight same subject', 'number', '1'),
  weightRoom: setting('Gewicht ruimte', 'Weight free capacity', 'number', '2'),
  weightRecent: setting('Gewicht onlangs buddy', 'Weight recently buddy', 'number', '1'),
  shadowMaxPerWeek: setting(
    'Meelopen: max. keer per collega per week',
    'Shadowing: max. times per colleague per week',
    'number',
    '2',
  ),
  goodFriday: setting('Goede Vrijdag vrij', 'Good Friday off', 'boolean', 'ja'),
  liberationDay: setting('Bevrijdingsdag vrij', 'Liberation Day off', 'liberation', 'lustrum'),
  retentionNotesMonths: setting(
    'Bewaartermijn notities (maanden)',
    'Retention of notes (months)',
    'number',
    '12',
  ),
  retentionRecordsMonths: setting(
    'Bewaartermijn inwerkgegevens (maanden)',
    'Retention of onboarding records (months)',
    'number',
    '24',
  ),
  pairMakesSchedule: setting(
    'Koppelen maakt meteen het inwerkschema',
    'Pairing makes the schedule at once',
    'boolean',
    'nee',
  ),
  sendWindow: setting('Verzendvenster', 'Sending window', 'window', '07:00-18:00'),
  pilotMinGroup: setting('Evaluatie: min. groepsgrootte', 'Evaluation: min. group size', 'number', '5'),
  surveysUntil: setting('Metingen open tot', 'Rounds open until', 'text', ''),
  evaluationForChiefs: setting(
    'Evaluatie zichtbaar voor chef buddy’s',
    'Evaluation visible to chief buddies',
    'boolean',
    'nee',
  ),
} as const;

export type SettingKey = keyof typeof SETTINGS;

/** One line per setting for the README (`npm run docs`); kept apart, so Code.js does not carry them. */
export const SETTING_HELP: Record<SettingKey, string> = {
  schoolLeaders:
    'E-mailadressen van de schoolleiders, gescheiden door komma’s. Schoolleiders zien alle locaties.',
  schoolName: 'De naam van de school, zoals die onderaan het welkomstpakket staat.',
  senderName: 'De naam die als afzender boven de mails staat. Leeg: de schoolnaam.',
  signerName: 'Wie de welkomstmail ondertekent. Leeg: de chef buddy van de locatie.',
  signerRole: 'De functie onder die naam. Leeg: chef buddy.',
  pageUrl:
    'Het adres van de pagina Mijn Wegwijs (https://…/exec). Alleen nodig als Google het adres van de implementatie niet geeft; leeg: dat adres.',
  welcomeWorkdaysBefore: 'Zoveel werkdagen voor de startdatum gaat het welkomstpakket uit.',
  checkInWeeks: 'Weken na de start waarin een check-in gepland wordt.',
  checkInGraceDays: 'Zoveel dagen na de geplande dag telt een check-in als te laat.',
  reminderDaysBefore: 'Zoveel dagen voor een check-in krijgt de buddy een herinnering.',
  chiefAlertDaysLate: 'Na zoveel dagen te laat krijgt de chef buddy één bericht.',
  chiefReportDay:
    'Op deze dag (1 tot en met 28) staat het verslag over de vorige maand klaar voor een opmerking van de chef buddy.',
  chiefReportWaitDays: 'Zoveel dagen later gaat het verslag naar de schoolleider, ook zonder opmerking.',
  defaultMaxPerBuddy: 'Standaard, als de locatie of de medewerker niets anders zegt.',
  pairAcrossLocations: 'Ja: ook collega’s van andere locaties kunnen buddy zijn.',
  buddyMinYearsSchool: 'Zoveel jaren werkt een buddy al op deze school (gerekend vanaf de startdatum).',
  buddyMinYearsVso: 'Zoveel jaren ervaring in het VSO heeft een buddy minstens.',
  buddyAffinityRequired: 'Ja: alleen collega’s met affiniteit met begeleiden worden als buddy voorgesteld.',
  weightExperience: 'Hoe zwaar jaren ervaring in het VSO tellen bij het voorstellen van een buddy.',
  weightAffinity: 'Hoe zwaar affiniteit met begeleiden telt.',
  weightSameRole: 'Hoe zwaar dezelfde functie telt.',
  weightSameSubject: 'Hoe zwaar dezelfde sectie of hetzelfde vak telt.',
  weightRoom: 'Buddy’s met meer ruimte gaan voor.',
  weightRecent: 'Wie onlangs al buddy was, zakt in de lijst.',
  shadowMaxPerWeek:
    'Zo vaak per week laat dezelfde collega een nieuwe collega meelopen (alle nieuwe collega’s samen).',
  goodFriday: 'Is Goede Vrijdag een vrije dag?',
  liberationDay: 'Vrij "elk jaar", alleen in een lustrumjaar ("lustrum": 2025, 2030, …) of niet ("nee").',
  retentionNotesMonths: 'Check-in-notities gaan zoveel maanden na het einde van het inwerken weg.',
  retentionRecordsMonths: 'Afgeronde inwerkgegevens gaan zoveel maanden na uitdiensttreding weg.',
  pairMakesSchedule:
    'Ja: wie een buddy koppelt, slaat in dezelfde stap het inwerkschema op. Kan dat schema niet gemaakt worden, dan wordt er ook niet gekoppeld.',
  sendWindow:
    'Automatische mail gaat alleen op schooldagen tussen deze tijden uit (uu:mm-uu:mm); de rest wacht.',
  pilotMinGroup:
    'Uitkomsten van een groep met minder antwoorden dan dit blijven verborgen, open antwoorden ook.',
  surveysUntil:
    'Vult Wegwijs in bij het starten van een meting (jjjj-mm-dd): tot een dag na deze datum kijkt de geplande run naar Metingen. Leeg: geen meting open.',
  evaluationForChiefs:
    'Ja: een chef buddy ziet de uitkomsten van de eigen locatie (alleen groepen boven het minimum).',
};

export interface Settings {
  schoolLeaders: Email[];
  schoolName: string;
  senderName: string;
  signerName: string;
  signerRole: string;
  /** The page's address from the sheet ('' when none); used when the deployment gives none. */
  pageUrl: string;
  welcomeWorkdaysBefore: number;
  checkInWeeks: number[];
  checkInGraceDays: number;
  reminderDaysBefore: number;
  chiefAlertDaysLate: number;
  chiefReportDay: number;
  chiefReportWaitDays: number;
  defaultMaxPerBuddy: number;
  pairAcrossLocations: boolean;
  buddyMinYearsSchool: number;
  buddyMinYearsVso: number;
  buddyAffinityRequired: boolean;
  weightExperience: number;
  weightAffinity: number;
  weightSameRole: number;
  weightSameSubject: number;
  weightRoom: number;
  weightRecent: number;
  shadowMaxPerWeek: number;
  goodFriday: boolean;
  liberationDay: 'elk jaar' | 'lustrum' | 'nee';
  retentionNotesMonths: number;
  retentionRecordsMonths: number;
  /** "Koppel" also saves the newcomer's schedule, in the same unit of work. */
  pairMakesSchedule: boolean;
  /** Minutes after midnight: automatic mail goes out from `from` until (not at) `to`. */
  sendWindow: { from: number; to: number };
  /** Issue 15: groups with fewer respondents stay hidden in the evaluation. */
  pilotMinGroup: number;
  /** Issue 15: the last closing day of the rounds (text as written; see `surveysUntil()` in app/pilot). */
  surveysUntil: string;
  /** Issue 15: chef buddies see their own location's evaluation aggregates. */
  evaluationForChiefs: boolean;
}

export interface SettingProblem {
  readonly setting: string;
  readonly value: string;
}

function parse(kind: Kind, text: string): unknown {
  const t = text.trim();
  switch (kind) {
    case 'emails':
      // A list of addresses ("Naam <mail>" accepted); anything else makes the value unreadable.
      return emailList(t).bad.length ? undefined : emailList(t).good;
    case 'number': {
      const n = Number(t.replace(',', '.'));
      return t !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
    }
    case 'numbers': {
      const list = t
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(Number);
      return list.every((n) => Number.isInteger(n) && n > 0)
        ? [...new Set(list)].sort((a, b) => a - b)
        : undefined;
    }
    case 'boolean': {
      const w = normalizeName(t);
      if (['ja', 'yes', 'true', 'waar', '1'].includes(w)) return true;
      if (['nee', 'no', 'false', 'onwaar', '0'].includes(w)) return false;
      return undefined;
    }
    case 'liberation': {
      const w = normalizeName(t);
      if (['elkjaar', 'everyyear', 'ja', 'yes'].includes(w)) return 'elk jaar';
      if (w === 'lustrum') return 'lustrum';
      if (['nee', 'no', 'never'].includes(w)) return 'nee';
      return undefined;
    }
    case 'text':
      return t;
    case 'url':
      // Only a whole https address becomes a link in a mail; anything else is reported, never sent.
      return t === '' || /^https:\/\/[^\s/]+\.[^\s]+$/i.test(t) ? t : undefined;
    case 'window':
      return parseWindow(t);
  }
}

/** "07:00-18:00", "7:00 – 18:00", "7-18": minutes after midnight; undefined when unreadable or empty. */
function parseWindow(text: string): { from: number; to: number } | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|—|tot|to)\s*(\d{1,2})(?:[:.](\d{2}))?$/i.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]) * 60 + Number(m[2] ?? 0);
  const to = Number(m[3]) * 60 + Number(m[4] ?? 0);
  if (Number(m[2] ?? 0) > 59 || Number(m[4] ?? 0) > 59 || to > 24 * 60 || from >= to) return undefined;
  return { from, to };
}

/** The addresses in an e-mail list setting, and the parts that are not one address. */
export function emailList(text: string): { good: Email[]; bad: string[] } {
  const parts = text
    .split(/[,;\n]+/)
    // "a@x b@y" is two addresses; "Mevrouw de Vries" is one unreadable part.
    .flatMap((p) => {
      const words = p.trim().split(/\s+/);
      return !p.includes('<') && words.every((w) => emailIn(w)) ? words : [p];
    })
    .map((p) => p.trim())
    .filter(Boolean);
  const good: Email[] = [];
  const bad: string[] = [];
  for (const part of parts) {
    const email = emailIn(part);
    if (email) good.push(email);
    else bad.push(part);
  }
  return { good: [...new Set(good)], bad };
}

/** Finds which setting a row names, by Dutch or English name. */
export function settingKeyOf(name: string): SettingKey | undefined {
  const wanted = normalizeName(name);
  return (Object.keys(SETTINGS) as SettingKey[]).find(
    (k) => normalizeName(SETTINGS[k].nl) === wanted || normalizeName(SETTINGS[k].en) === wanted,
  );
}

/** Reads the settings rows; defaults fill the gaps and unreadable values are reported. */
export function readSettings(rows: readonly { name: string; value: string }[]): {
  settings: Settings;
  problems: SettingProblem[];
} {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[])
    out[key] = parse(SETTINGS[key].kind, SETTINGS[key].default);
  const problems: SettingProblem[] = [];
  for (const row of rows) {
    const key = settingKeyOf(row.name);
    if (!key) continue;
    if (SETTINGS[key].kind === 'emails') {
      // The readable addresses count; what is not an address is reported, never silently dropped.
      const { good, bad } = emailList(row.value);
      out[key] = good;
      if (bad.length) problems.push({ setting: SETTINGS[key].nl, value: bad.join(', ') });
      continue;
    }
    const value = parse(SETTINGS[key].kind, row.value);
    if (
      value === undefined ||
      (SETTINGS[key].kind !== 'text' &&
        SETTINGS[key].kind !== 'url' &&
        row.value.trim() === '' &&
        key !== 'schoolLeaders')
    ) {
      problems.push({ setting: SETTINGS[key].nl, value: row.value });
    } else out[key] = value;
  }
  return { settings: out as unknown as Settings, problems };
}
