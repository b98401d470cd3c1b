/**
 * All user-facing text of the server and the sidebar, Dutch first, English for users whose locale
 * is English. Placeholders are `{name}`. Shared by the bundle and the sidebar, so it stays small.
 */

const nl = {
  'app.name': 'Wegwijs',
  'menu.openSidebar': 'Zijbalk openen',
  'menu.setup': 'Blad inrichten',
  'menu.automationOn': 'Automatisch versturen aan',
  'menu.automationOff': 'Automatisch versturen uit',
  'menu.about': 'Over Wegwijs',
  'error.unexpected':
    'Er ging iets mis in Wegwijs (code {code}). Probeer het opnieuw; blijft het misgaan, meld dan deze code.',
  'error.busy': 'Het blad is even bezet door een andere actie. Probeer het over een paar seconden opnieuw.',
  'error.noUser':
    'Wegwijs kan niet zien wie je bent. Log in met je schoolaccount en open de zijbalk opnieuw.',
  'error.unknownUser':
    'Je staat niet in Wegwijs als schoolleider of chef buddy. Vraag de schoolleider om toegang.',
  'error.leaderOnly': 'Dit mag alleen de schoolleider.',
  'error.managersOnly': 'Dit mag alleen de schoolleider of een chef buddy.',
  'error.otherLocation': 'Je bent geen chef buddy van locatie {location}.',
  'arg.notBoolean': 'Ongeldige invoer: {field} moet ja of nee zijn.',
  'arg.notText': 'Ongeldige invoer: {field} moet tekst zijn.',
  'arg.tooLong': 'Ongeldige invoer: {field} is te lang (hoogstens {max} tekens).',
  'arg.notEmail': 'Ongeldige invoer: {field} is geen geldig e-mailadres.',
  'arg.notDate': 'Ongeldige invoer: {field} is geen datum (jjjj-mm-dd).',
  'schema.missingTab': 'Het tabblad "{tab}" ontbreekt. Kies Wegwijs > Blad inrichten om het aan te maken.',
  'schema.missingColumn': 'In tabblad "{tab}" ontbreekt de kolom "{column}". Er is niets gewijzigd.',
  'schema.duplicateColumn': 'In tabblad "{tab}" staat de kolom "{column}" twee keer. Er is niets gewijzigd.',
  'cell.notADate': 'geen geldige datum (gebruik dd-mm-jjjj)',
  'cell.notANumber': 'geen getal',
  'cell.notAChoice': 'geen toegestane waarde',
  'role.schoolleider': 'schoolleider',
  'role.chefbuddy': 'chef buddy',
  'role.buddy': 'buddy',
  'role.medewerker': 'medewerker',
  'role.onbekend': 'onbekend',
  'setup.done': 'Blad ingericht. {summary}',
  'setup.nothing': 'Het blad was al helemaal ingericht; er is niets gewijzigd.',
  'setup.createdTabs': 'Nieuwe tabbladen: {tabs}.',
  'setup.addedColumns': 'Toegevoegde kolommen: {columns}.',
  'setup.addedRows': 'Standaardinhoud: {rows}.',
  'setup.leaderAdded': 'Jij bent als schoolleider ingesteld.',
  'setup.schoolYearWithoutHolidays':
    'Voor schooljaar {year} staan nog geen schoolvakanties in "Vrije dagen". Vul ze aan.',
  'about.title': 'Over Wegwijs',
  'about.version': 'Versie',
  'about.scopes': 'Toegestane rechten',
  'about.missingScopes': 'Ontbrekende rechten',
  'about.timeZones': 'Tijdzone blad / script',
  'about.mailQuota': 'Resterende mails vandaag',
  'about.trigger': 'Automatisch versturen',
  'about.runtime': 'Runtime ondersteunt wat Wegwijs gebruikt',
  'about.ok': 'in orde',
  'about.problem': 'let op',
  'about.yes': 'aan',
  'about.no': 'uit',
  'log.setup': 'Blad ingericht',
  'log.automationOn': 'Automatisch versturen aangezet',
  'log.automationOff': 'Automatisch versturen uitgezet',
  'log.scheduledRun': 'Geplande taken uitgevoerd',
  'automation.on': 'Automatisch versturen staat aan (elk uur).',
  'automation.off': 'Automatisch versturen staat uit. Zet het aan via het menu Wegwijs.',
  'automation.missing':
    'Automatisch versturen stond aan, maar de trigger ontbreekt. Zet het opnieuw aan via het menu.',
  'automation.stale':
    'Automatisch versturen staat aan, maar liep sinds {since} niet meer. Controleer de trigger.',
  'sidebar.loading': 'Laden…',
  'sidebar.you': 'Je bent',
  'sidebar.role': 'Rol',
  'sidebar.locations': 'Locatie(s)',
  'sidebar.allLocations': 'alle vier locaties',
  'sidebar.retry': 'Opnieuw proberen',
  'sidebar.refresh': 'Vernieuwen',
  'sidebar.warnings': 'Let op',
  'sidebar.settingProblem':
    'De instelling "{setting}" heeft een waarde die Wegwijs niet begrijpt; de standaardwaarde geldt.',
  'sidebar.noChiefBuddy': 'Locatie {location} heeft nog geen chef buddy (tabblad Locaties).',
  'sidebar.unknownHelp':
    'Staat je e-mailadres in het tabblad Locaties (chef buddy) of bij de schoolleiders in Instellingen? Vraag de schoolleider om je toe te voegen.',
} as const;

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Wegwijs',
  'menu.openSidebar': 'Open sidebar',
  'menu.setup': 'Set up sheet',
  'menu.automationOn': 'Turn automatic sending on',
  'menu.automationOff': 'Turn automatic sending off',
  'menu.about': 'About Wegwijs',
  'error.unexpected':
    'Something went wrong in Wegwijs (code {code}). Please try again; if it keeps failing, report this code.',
  'error.busy': 'The sheet is busy with another action. Please try again in a few seconds.',
  'error.noUser':
    'Wegwijs cannot see who you are. Sign in with your school account and open the sidebar again.',
  'error.unknownUser':
    'You are not set up in Wegwijs as school leader or chief buddy. Ask the school leader for access.',
  'error.leaderOnly': 'Only the school leader may do this.',
  'error.managersOnly': 'Only the school leader or a chief buddy may do this.',
  'error.otherLocation': 'You are not the chief buddy of location {location}.',
  'arg.notBoolean': 'Invalid input: {field} must be yes or no.',
  'arg.notText': 'Invalid input: {field} must be text.',
  'arg.tooLong': 'Invalid input: {field} is too long (at most {max} characters).',
  'arg.notEmail': 'Invalid input: {field} is not a valid email address.',
  'arg.notDate': 'Invalid input: {field} is not a date (yyyy-mm-dd).',
  'schema.missingTab': 'The tab "{tab}" is missing. Choose Wegwijs > Set up sheet to create it.',
  'schema.missingColumn': 'The tab "{tab}" has no column "{column}". Nothing was changed.',
  'schema.duplicateColumn': 'The tab "{tab}" has the column "{column}" twice. Nothing was changed.',
  'cell.notADate': 'is not a valid date (use dd-mm-yyyy)',
  'cell.notANumber': 'is not a number',
  'cell.notAChoice': 'is not an allowed value',
  'role.schoolleider': 'school leader',
  'role.chefbuddy': 'chief buddy',
  'role.buddy': 'buddy',
  'role.medewerker': 'staff member',
  'role.onbekend': 'unknown',
  'setup.done': 'Sheet set up. {summary}',
  'setup.nothing': 'The sheet was already fully set up; nothing was changed.',
  'setup.createdTabs': 'New tabs: {tabs}.',
  'setup.addedColumns': 'Added columns: {columns}.',
  'setup.addedRows': 'Default content: {rows}.',
  'setup.leaderAdded': 'You were set as school leader.',
  'setup.schoolYearWithoutHolidays':
    'School year {year} has no school holidays in "Days off" yet. Please add them.',
  'about.title': 'About Wegwijs',
  'about.version': 'Version',
  'about.scopes': 'Granted permissions',
  'about.missingScopes': 'Missing permissions',
  'about.timeZones': 'Time zone sheet / script',
  'about.mailQuota': 'Mails left today',
  'about.trigger': 'Automatic sending',
  'about.runtime': 'Runtime supports what Wegwijs uses',
  'about.ok': 'OK',
  'about.problem': 'attention',
  'about.yes': 'on',
  'about.no': 'off',
  'log.setup': 'Sheet set up',
  'log.automationOn': 'Automatic sending turned on',
  'log.automationOff': 'Automatic sending turned off',
  'log.scheduledRun': 'Scheduled jobs ran',
  'automation.on': 'Automatic sending is on (hourly).',
  'automation.off': 'Automatic sending is off. Turn it on from the Wegwijs menu.',
  'automation.missing':
    'Automatic sending was on, but the trigger is missing. Turn it on again from the menu.',
  'automation.stale': 'Automatic sending is on, but has not run since {since}. Check the trigger.',
  'sidebar.loading': 'Loading…',
  'sidebar.you': 'You are',
  'sidebar.role': 'Role',
  'sidebar.locations': 'Location(s)',
  'sidebar.allLocations': 'all four locations',
  'sidebar.retry': 'Try again',
  'sidebar.refresh': 'Refresh',
  'sidebar.warnings': 'Attention',
  'sidebar.settingProblem':
    'The setting "{setting}" has a value Wegwijs does not understand; the default applies.',
  'sidebar.noChiefBuddy': 'Location {location} has no chief buddy yet (Locations tab).',
  'sidebar.unknownHelp':
    'Is your email address in the Locations tab (chief buddy) or among the school leaders in Settings? Ask the school leader to add you.',
};

export type Language = 'nl' | 'en';

/** Dutch unless the locale is English. */
export function languageOf(locale: string | undefined | null): Language {
  return /^en(?:[-_]|$)/i.test(locale ?? '') ? 'en' : 'nl';
}

/** Translates a message key, filling `{name}` placeholders. */
export function translate(
  language: Language,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = (language === 'en' ? en : nl)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
