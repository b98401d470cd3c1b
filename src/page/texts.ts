/** The page's own texts, Dutch first with English (the sidebar's are in `sidebar/texts.ts`). */
import { fill, type Language } from '../shared/language';

const nl = {
  'home.title': 'Mijn Wegwijs',
  'home.loading': 'Even laden…',
  'home.hello': 'Welkom, {name}',
  'home.helloNoName': 'Welkom',
  'home.yourBuddy': 'Je buddy',
  'home.chiefBuddy': 'Chef buddy van je locatie',
  'home.noBuddy': 'Je krijgt binnenkort een buddy.',
  'home.mail': 'Mail {name}',
  'home.schedule': 'Je inwerkschema',
  'home.scheduleOf': 'Inwerkschema',
  'home.noSchedule': 'Er is nog geen inwerkschema.',
  'home.done': 'gedaan',
  'home.upcoming': 'Komende check-ins',
  'home.noUpcoming': 'Er staat geen check-in gepland.',
  'home.agreements': 'Afspraken van de laatste check-in ({date})',
  'home.agreementsNone': 'Afspraken van de laatste check-in',
  'home.noAgreements': 'Nog geen afspraken.',
  'home.notes': 'Jouw notities',
  'home.yourNewcomers': 'Jouw nieuwe collega’s',
  'home.startsOn': 'Begint op {date} op {location}',
  'home.failed': 'Dat lukte niet: {message}',
  'checkin.recordTitle': 'Check-in vastleggen',
  'checkin.held': 'Gehouden op',
  'checkin.wellbeing': 'Welbevinden (1–5)',
  'checkin.click': 'Klik',
  'checkin.notesField': 'Notities (alleen voor jou, de chef buddy en de schoolleider)',
  'checkin.record': 'Vastleggen',
  'home.yourResponse': 'Jouw reactie op deze check-in',
  'response.confirm': 'Ik herken me in deze afspraken',
  'response.remark': 'Opmerking (als je iets wilt toevoegen)',
  'response.ownClick': 'Hoe is de klik met je buddy?',
  'response.ownWellbeing': 'Hoe gaat het met je (1–5)?',
  'response.send': 'Versturen',
  'home.responded': 'Je reactie: klik {click}, welbevinden {wellbeing}{confirmed}{remark}',
  'home.respondedConfirmed': ', afspraken bevestigd',
  'home.buddysView':
    'Reactie van je nieuwe collega: klik {click}, welbevinden {wellbeing}{confirmed}{remark}',
  'home.packet': 'Je welkomstpakket',
  'home.noPacket': 'De school heeft het welkomstpakket nog niet ingevuld.',
  'home.whoToAsk': 'Wie vraag ik wat',
  'home.noWhoToAsk': 'Je chef buddy vertelt je wie je wat kunt vragen.',
  // week (issue 17): a buddy skips a check-in here, as the sidebar's buddy view did before.
  'skip.title': 'Check-in overslaan',
  'skip.skip': 'Overslaan…',
  'skip.reason': 'Waarom gaat de check-in van {date} niet door?',
  'skip.reasonNeeded': 'Geef een reden op.',
  'skip.confirm': 'Overslaan',
  'skip.cancel': 'Annuleren',
  // ---- Questionnaires (issue 15) ----
  'home.surveys': 'Vragenlijst over het inwerken',
  'survey.intro':
    'Je antwoorden worden opgeslagen zonder je naam of e-mailadres. Invullen kan tot en met {date}; opnieuw versturen past je antwoorden aan.',
  'survey.scale': '1 = helemaal oneens, 5 = helemaal eens',
  'survey.open': 'Je antwoord (mag leeg blijven)',
  'survey.send': 'Antwoorden versturen',
  'survey.answered': 'Je hebt deze vragenlijst al ingevuld; je kunt je antwoorden nog aanpassen.',
} as const;

export type PageTextKey = keyof typeof nl;

const en: Record<PageTextKey, string> = {
  'home.title': 'Mijn Wegwijs',
  'home.loading': 'Loading…',
  'home.hello': 'Welcome, {name}',
  'home.helloNoName': 'Welcome',
  'home.yourBuddy': 'Your buddy',
  'home.chiefBuddy': 'Chief buddy of your location',
  'home.noBuddy': 'You will get a buddy soon.',
  'home.mail': 'Email {name}',
  'home.schedule': 'Your onboarding schedule',
  'home.scheduleOf': 'Onboarding schedule',
  'home.noSchedule': 'There is no onboarding schedule yet.',
  'home.done': 'done',
  'home.upcoming': 'Upcoming check-ins',
  'home.noUpcoming': 'No check-in is planned.',
  'home.agreements': 'Agreements of the last check-in ({date})',
  'home.agreementsNone': 'Agreements of the last check-in',
  'home.noAgreements': 'No agreements yet.',
  'home.notes': 'Your notes',
  'home.yourNewcomers': 'Your new colleagues',
  'home.startsOn': 'Starts on {date} at {location}',
  'home.failed': 'That did not work: {message}',
  'checkin.recordTitle': 'Record a check-in',
  'checkin.held': 'Held on',
  'checkin.wellbeing': 'Wellbeing (1–5)',
  'checkin.click': 'Click',
  'checkin.notesField': 'Notes (only for you, the chief buddy and the school leader)',
  'checkin.record': 'Record',
  'home.yourResponse': 'Your response to this check-in',
  'response.confirm': 'I recognise myself in these agreements',
  'response.remark': 'Remark (if you want to add something)',
  'response.ownClick': 'How is the click with your buddy?',
  'response.ownWellbeing': 'How are you doing (1–5)?',
  'response.send': 'Send',
  'home.responded': 'Your response: click {click}, wellbeing {wellbeing}{confirmed}{remark}',
  'home.respondedConfirmed': ', agreements confirmed',
  'home.buddysView':
    'Response of your new colleague: click {click}, wellbeing {wellbeing}{confirmed}{remark}',
  'home.packet': 'Your welcome packet',
  'home.noPacket': 'The school has not filled in the welcome packet yet.',
  'home.whoToAsk': 'Who to ask what',
  'home.noWhoToAsk': 'Your chief buddy will tell you whom to ask what.',
  'skip.title': 'Skip a check-in',
  'skip.skip': 'Skip…',
  'skip.reason': 'Why does the check-in of {date} not take place?',
  'skip.reasonNeeded': 'Give a reason.',
  'skip.confirm': 'Skip',
  'skip.cancel': 'Cancel',
  // ---- Questionnaires (issue 15) ----
  'home.surveys': 'Questionnaire about onboarding',
  'survey.intro':
    'Your answers are stored without your name or email address. You can answer until {date}; sending again updates your answers.',
  'survey.scale': '1 = strongly disagree, 5 = strongly agree',
  'survey.open': 'Your answer (may stay empty)',
  'survey.send': 'Send answers',
  'survey.answered': 'You have answered this questionnaire; you can still change your answers.',
};

/** A page text in the visitor's language, with `{name}` placeholders filled. */
export function pageText(
  language: Language,
  key: PageTextKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  // One language per built page (WEGWIJS_LANGUAGE, as in sidebar/texts.ts); both in the source.
  return fill(
    ((typeof WEGWIJS_LANGUAGE === 'string' ? WEGWIJS_LANGUAGE : language) === 'en' ? en : nl)[key],
    params,
  );
}

/** Both catalogues, for the build tests (tests/build/pageSize.test.ts). */
export const PAGE_TEXTS: Readonly<Record<Language, Record<PageTextKey, string>>> = { nl, en };

/** `2027-01-04` → `4-1-2027`, as Dutch readers write a date. */
export function pageDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : iso;
}
