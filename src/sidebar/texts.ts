/**
 * The sidebar's own texts, Dutch first, English when the user's locale is English. Kept apart
 * from the server's messages (src/shared/i18n.ts) so the inlined sidebar carries only what it
 * shows; messages from the server arrive translated.
 */
import { fill, type Language } from '../shared/language';

const nl = {
  'tab.pairing': 'Koppelen',
  'tab.newcomers': "Nieuwe collega's",
  'tab.overview': 'Overzicht',
  'tab.privacy': 'Privacy',
  's.role.schoolleider': 'schoolleider',
  's.role.chefbuddy': 'chef buddy',
  's.role.buddy': 'buddy',
  's.role.medewerker': 'medewerker',
  's.role.onbekend': 'onbekend',
  's.loading': 'Laden…',
  's.you': 'Je bent',
  's.role': 'Rol',
  's.locations': 'Locatie(s)',
  's.allLocations': 'alle vier locaties',
  's.retry': 'Opnieuw proberen',
  's.refresh': 'Vernieuwen',
  's.warnings': 'Let op',
  'p.location': 'Locatie',
  'p.updating': 'Bijwerken…',
  'p.unpaired': "Nieuwe collega's zonder buddy",
  'p.noUnpaired': 'Iedereen aan deze locatie heeft een buddy.',
  'p.start': 'start {date}',
  'p.noStart': 'geen startdatum',
  'p.inDays': 'over {n} dagen',
  'p.inDay': 'morgen',
  'p.today': 'vandaag',
  'p.started': 'al begonnen',
  'p.chooseFor': 'Buddy voor {name}',
  'p.loadingSuggestions': 'Suggesties laden…',
  'p.noSuggestions': 'Niemand kan nu buddy zijn. Zie hieronder waarom.',
  'p.score': 'score',
  'p.reasons': 'Waarom',
  'p.load': '{load} van {capacity}',
  'p.loadLabel': 'koppelingen',
  'p.assign': 'Koppel',
  'p.previousBuddy': 'vorige buddy',
  'p.assignTo': 'Koppel {name}',
  'p.busy': 'Bezig…',
  'p.whoNot': 'Wie kan niet, en waarom?',
  'p.nobodyExcluded': 'Er valt niemand af.',
  'p.close': 'Sluiten',
  'p.pairs': 'Koppelingen',
  'p.noPairs': 'Nog geen actieve koppelingen.',
  'p.pairedOn': 'gekoppeld op {date}',
  'p.end': 'Beëindigen',
  'p.replace': 'Vervangen',
  'p.reason': 'Reden (verplicht)',
  'p.reasonHint': 'Bijvoorbeeld: geen klik, buddy afwezig. De koppeling blijft in de geschiedenis.',
  'p.reasonNeeded': 'Geef een reden op.',
  'p.confirmEnd': 'Koppeling beëindigen',
  'p.confirmReplace': 'Beëindigen en nieuwe buddy kiezen',
  'p.cancel': 'Annuleren',
  'p.chars': '{n} van {max} tekens',
  'p.loads': 'Belasting',
  'p.noLoads': 'Nog geen buddy met een koppeling.',
  'p.propose': 'Stel koppelingen voor',
  'p.proposing': 'Voorstel maken…',
  'p.proposal': 'Voorstel',
  'p.proposalHint': 'Vink uit wat je niet wilt, of kies een andere buddy. Er verandert niets tot je toepast.',
  'p.nothingToPropose': 'Er is niets voor te stellen.',
  'p.include': 'Meenemen: {name}',
  'p.change': 'wijzig',
  'p.buddyFor': 'Buddy voor {name}',
  'p.unassigned': 'Zonder voorstel',
  'p.apply': 'Toepassen ({n})',
  'p.rejected': 'Niet gemaakt',
  'mail.none': 'geen mail',
  'mail.pending': 'mail gepland',
  'mail.sending': 'mail gepland',
  'mail.sent': 'mail verzonden',
  'mail.failed': 'mail mislukt',
  'mail.unknown': 'mail onbekend',
  'mail.skipped': 'mail tegengehouden',
} as const;

export type TextKey = keyof typeof nl;

const en: Record<TextKey, string> = {
  'tab.pairing': 'Pairing',
  'tab.newcomers': 'Newcomers',
  'tab.overview': 'Overview',
  'tab.privacy': 'Privacy',
  's.role.schoolleider': 'school leader',
  's.role.chefbuddy': 'chief buddy',
  's.role.buddy': 'buddy',
  's.role.medewerker': 'staff member',
  's.role.onbekend': 'unknown',
  's.loading': 'Loading…',
  's.you': 'You are',
  's.role': 'Role',
  's.locations': 'Location(s)',
  's.allLocations': 'all four locations',
  's.retry': 'Try again',
  's.refresh': 'Refresh',
  's.warnings': 'Attention',
  'p.location': 'Location',
  'p.updating': 'Updating…',
  'p.unpaired': 'Newcomers without a buddy',
  'p.noUnpaired': 'Everyone at this location has a buddy.',
  'p.start': 'starts {date}',
  'p.noStart': 'no start date',
  'p.inDays': 'in {n} days',
  'p.inDay': 'tomorrow',
  'p.today': 'today',
  'p.started': 'already started',
  'p.chooseFor': 'Buddy for {name}',
  'p.loadingSuggestions': 'Loading suggestions…',
  'p.noSuggestions': 'Nobody can be buddy now. See below why.',
  'p.score': 'score',
  'p.reasons': 'Why',
  'p.load': '{load} of {capacity}',
  'p.loadLabel': 'pairings',
  'p.assign': 'Pair',
  'p.previousBuddy': 'previous buddy',
  'p.assignTo': 'Pair with {name}',
  'p.busy': 'Working…',
  'p.whoNot': 'Who cannot, and why?',
  'p.nobodyExcluded': 'Nobody is left out.',
  'p.close': 'Close',
  'p.pairs': 'Pairings',
  'p.noPairs': 'No active pairings yet.',
  'p.pairedOn': 'paired on {date}',
  'p.end': 'End',
  'p.replace': 'Replace',
  'p.reason': 'Reason (required)',
  'p.reasonHint': 'For instance: no click, buddy absent. The pairing stays in the history.',
  'p.reasonNeeded': 'Give a reason.',
  'p.confirmEnd': 'End pairing',
  'p.confirmReplace': 'End and choose a new buddy',
  'p.cancel': 'Cancel',
  'p.chars': '{n} of {max} characters',
  'p.loads': 'Workload',
  'p.noLoads': 'No buddy with a pairing yet.',
  'p.propose': 'Propose pairings',
  'p.proposing': 'Making a proposal…',
  'p.proposal': 'Proposal',
  'p.proposalHint': 'Untick what you do not want, or choose another buddy. Nothing changes until you apply.',
  'p.nothingToPropose': 'There is nothing to propose.',
  'p.include': 'Include: {name}',
  'p.change': 'change',
  'p.buddyFor': 'Buddy for {name}',
  'p.unassigned': 'Without a proposal',
  'p.apply': 'Apply ({n})',
  'p.rejected': 'Not made',
  'mail.none': 'no mail',
  'mail.pending': 'mail planned',
  'mail.sending': 'mail planned',
  'mail.sent': 'mail sent',
  'mail.failed': 'mail failed',
  'mail.unknown': 'mail unknown',
  'mail.skipped': 'mail held back',
};

/** A sidebar text with its `{name}` placeholders filled. */
export function text(
  language: Language,
  key: TextKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill((language === 'en' ? en : nl)[key], params);
}

/** `2027-01-11` → `11-01-2027` (dd-mm-jjjj); anything else is shown as it is. */
export function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** A score with a decimal comma in Dutch. */
export function scoreText(language: Language, score: number): string {
  return language === 'en' ? String(score) : String(score).replace('.', ',');
}

/** "over 7 dagen" / "morgen" / "vandaag" / "al begonnen" for days until the start date. */
export function startsIn(language: Language, days: number | null): string {
  if (days === null) return text(language, 'p.noStart');
  if (days < 0) return text(language, 'p.started');
  if (days === 0) return text(language, 'p.today');
  if (days === 1) return text(language, 'p.inDay');
  return text(language, 'p.inDays', { n: days });
}
