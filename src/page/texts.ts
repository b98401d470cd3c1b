/** The page's own texts, Dutch first with English (the sidebar's are in `sidebar/texts.ts`). */
import type { Language } from '../shared/language';

const nl = {
  title: 'Mijn Wegwijs',
  loading: 'Even laden…',
  hello: 'Welkom, {name}',
  helloNoName: 'Welkom',
  yourBuddy: 'Je buddy',
  chiefBuddy: 'Chef buddy van je locatie',
  noBuddy: 'Je krijgt binnenkort een buddy.',
  mail: 'Mail {name}',
  schedule: 'Je inwerkschema',
  scheduleOf: 'Inwerkschema',
  noSchedule: 'Er is nog geen inwerkschema.',
  done: 'gedaan',
  week: 'Week {week}',
  upcoming: 'Komende check-ins',
  noUpcoming: 'Er staat geen check-in gepland.',
  agreements: 'Afspraken van de laatste check-in ({date})',
  agreementsNone: 'Afspraken van de laatste check-in',
  noAgreements: 'Nog geen afspraken.',
  notes: 'Jouw notities',
  yourNewcomers: 'Jouw nieuwe collega’s',
  startsOn: 'Begint op {date} op {location}',
  failed: 'Dat lukte niet: {message}',
  saved: 'Opgeslagen.',
  recordCheckIn: 'Check-in vastleggen',
  held: 'Gehouden op',
  phase: 'Fase (4D)',
  wellbeing: 'Welbevinden (1–5)',
  click: 'Klik',
  agreementsField: 'Afspraken (ziet je nieuwe collega ook)',
  notesField: 'Notities (alleen voor jou, de chef buddy en de schoolleider)',
  record: 'Vastleggen',
  yourResponse: 'Jouw reactie op deze check-in',
  confirm: 'Ik herken me in deze afspraken',
  remark: 'Opmerking (als je iets wilt toevoegen)',
  ownClick: 'Hoe is de klik met je buddy?',
  ownWellbeing: 'Hoe gaat het met je (1–5)?',
  send: 'Versturen',
  responded: 'Je reactie: klik {click}, welbevinden {wellbeing}{confirmed}{remark}',
  respondedConfirmed: ', afspraken bevestigd',
  buddysView: 'Reactie van je nieuwe collega: klik {click}, welbevinden {wellbeing}{confirmed}{remark}',
  packet: 'Je welkomstpakket',
  noPacket: 'De school heeft het welkomstpakket nog niet ingevuld.',
  whoToAsk: 'Wie vraag ik wat',
  noWhoToAsk: 'Je chef buddy vertelt je wie je wat kunt vragen.',
  // week (issue 17): a buddy skips a check-in here, as the sidebar's buddy view did before.
  skipTitle: 'Check-in overslaan',
  skip: 'Overslaan…',
  skipReason: 'Waarom gaat de check-in van {date} niet door?',
  skipReasonNeeded: 'Geef een reden op.',
  skipConfirm: 'Overslaan',
  skipCancel: 'Annuleren',
  // ---- Questionnaires (issue 15) ----
  surveys: 'Vragenlijst over het inwerken',
  surveyIntro:
    'Je antwoorden worden opgeslagen zonder je naam of e-mailadres. Invullen kan tot en met {date}; opnieuw versturen past je antwoorden aan.',
  surveyScale: '1 = helemaal oneens, 5 = helemaal eens',
  surveyOpen: 'Je antwoord (mag leeg blijven)',
  surveySend: 'Antwoorden versturen',
  surveyAnswered: 'Je hebt deze vragenlijst al ingevuld; je kunt je antwoorden nog aanpassen.',
} as const;

export type PageTextKey = keyof typeof nl;

const en: Record<PageTextKey, string> = {
  title: 'Mijn Wegwijs',
  loading: 'Loading…',
  hello: 'Welcome, {name}',
  helloNoName: 'Welcome',
  yourBuddy: 'Your buddy',
  chiefBuddy: 'Chief buddy of your location',
  noBuddy: 'You will get a buddy soon.',
  mail: 'Email {name}',
  schedule: 'Your onboarding schedule',
  scheduleOf: 'Onboarding schedule',
  noSchedule: 'There is no onboarding schedule yet.',
  done: 'done',
  week: 'Week {week}',
  upcoming: 'Upcoming check-ins',
  noUpcoming: 'No check-in is planned.',
  agreements: 'Agreements of the last check-in ({date})',
  agreementsNone: 'Agreements of the last check-in',
  noAgreements: 'No agreements yet.',
  notes: 'Your notes',
  yourNewcomers: 'Your new colleagues',
  startsOn: 'Starts on {date} at {location}',
  failed: 'That did not work: {message}',
  saved: 'Saved.',
  recordCheckIn: 'Record a check-in',
  held: 'Held on',
  phase: 'Phase (4D)',
  wellbeing: 'Wellbeing (1–5)',
  click: 'Click',
  agreementsField: 'Agreements (your new colleague sees these too)',
  notesField: 'Notes (only for you, the chief buddy and the school leader)',
  record: 'Record',
  yourResponse: 'Your response to this check-in',
  confirm: 'I recognise myself in these agreements',
  remark: 'Remark (if you want to add something)',
  ownClick: 'How is the click with your buddy?',
  ownWellbeing: 'How are you doing (1–5)?',
  send: 'Send',
  responded: 'Your response: click {click}, wellbeing {wellbeing}{confirmed}{remark}',
  respondedConfirmed: ', agreements confirmed',
  buddysView: 'Response of your new colleague: click {click}, wellbeing {wellbeing}{confirmed}{remark}',
  packet: 'Your welcome packet',
  noPacket: 'The school has not filled in the welcome packet yet.',
  whoToAsk: 'Who to ask what',
  noWhoToAsk: 'Your chief buddy will tell you whom to ask what.',
  skipTitle: 'Skip a check-in',
  skip: 'Skip…',
  skipReason: 'Why does the check-in of {date} not take place?',
  skipReasonNeeded: 'Give a reason.',
  skipConfirm: 'Skip',
  skipCancel: 'Cancel',
  // ---- Questionnaires (issue 15) ----
  surveys: 'Questionnaire about onboarding',
  surveyIntro:
    'Your answers are stored without your name or email address. You can answer until {date}; sending again updates your answers.',
  surveyScale: '1 = strongly disagree, 5 = strongly agree',
  surveyOpen: 'Your answer (may stay empty)',
  surveySend: 'Send answers',
  surveyAnswered: 'You have answered this questionnaire; you can still change your answers.',
};

/** A page text in the visitor's language, with `{name}` placeholders filled. */
export function pageText(
  language: Language,
  key: PageTextKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template: string = (language === 'en' ? en : nl)[key];
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** `2027-01-04` → `4-1-2027`, as Dutch readers write a date. */
export function pageDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : iso;
}
