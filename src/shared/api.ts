/**
 * The sidebar contract: every server function the sidebar may call, with JSON-safe arguments and
 * results (no Date: days are `YYYY-MM-DD`, moments ISO-8601 with offset). The server entry
 * `satisfies` this interface, and the sidebar's client is typed from it.
 */
import type { Language } from './language';

export type RoleDto = 'schoolleider' | 'chefbuddy' | 'buddy' | 'medewerker' | 'onbekend';

export interface UserDto {
  email: string;
  /** From the Medewerkers tab; '' when not listed there. */
  name: string;
  role: RoleDto;
  locations: string[];
}

/** A newcomer waiting for a buddy. */
export interface WaitingDto {
  email: string;
  name: string;
  role: string;
  startDate: string;
  /** Days until the start date (negative once started); null without a start date. */
  daysUntilStart: number | null;
  overdue: boolean;
}

/** An active pairing, with the state of the buddy's mail. */
export interface PairDto {
  newcomer: string;
  newcomerName: string;
  buddy: string;
  buddyName: string;
  pairedOn: string;
  /** The state as in the sheet (e.g. "verzonden 2027-01-04 07:30"). */
  mail: string;
  mailKind: 'none' | 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';
}

export interface LoadDto {
  email: string;
  name: string;
  load: number;
  capacity: number;
}

/** What a chef buddy sees of pairing at one location. */
export interface PairingOverview {
  location: string;
  unpaired: WaitingDto[];
  pairs: PairDto[];
  /** Buddies with at least one active pairing, fullest first. */
  loads: LoadDto[];
}

export interface SuggestionDto {
  email: string;
  name: string;
  /** Rounded to one decimal. */
  score: number;
  /** The score on the school's scale as a whole number 0–10 ("past 8/10"); null when every weight is 0. */
  fit: number | null;
  reasons: string[];
  load: number;
  capacity: number;
  /** Set when this is the location's chef buddy: they would be buddy and chef buddy at once (translated). */
  note?: string;
}

export interface ExcludedDto {
  email: string;
  name: string;
  reasons: string[];
  /** True when only buddy rules stand in the way: pairing is possible after a confirmation. */
  ruleOnly?: boolean;
  /** True when they work at another location (the sidebar shows these as one collapsed count). */
  otherLocation?: boolean;
}

export interface SuggestionsDto {
  newcomer: { email: string; name: string; location: string; startDate: string; currentBuddy: string };
  suggestions: SuggestionDto[];
  /** The most points a suggestion can get with the school's weights (what 10/10 stands for). */
  scale: number;
  /** Everyone who cannot be buddy, with why (the sidebar shows it on request). */
  excluded: ExcludedDto[];
}

export interface ProposalDto {
  location: string;
  pairs: {
    newcomer: string;
    newcomerName: string;
    buddy: string;
    buddyName: string;
    score: number;
    /** As in {@link SuggestionDto.fit}. */
    fit: number | null;
    reasons: string[];
  }[];
  /** As in {@link SuggestionsDto.scale}. */
  scale: number;
  unassigned: { newcomer: string; name: string; why: string }[];
}

export interface PairInput {
  newcomer: string;
  buddy: string;
}

export interface PairingResult {
  /** Translated summary for the sidebar. */
  message: string;
  applied: number;
  rejected: { newcomer: string; reason: string }[];
  /** Set when pairing saved the schedule too (the school's setting): what was saved, translated. */
  schedule?: string;
}

export interface ScheduleItemDto {
  date: string;
  week: number;
  activity: string;
  with: string;
  kind: string;
  done: boolean;
  /** Against the saved schedule: new, changed, removed, kept (done or edited by hand), same. */
  status: 'new' | 'changed' | 'removed' | 'kept' | 'same';
  /** Why the line is not on its template day ('' when it is). */
  moved: string;
}

export interface SchedulePreviewDto {
  newcomer: { email: string; name: string; location: string; startDate: string; start: string };
  /** Whether a schedule is saved already ("Werk schema bij") or not ("Maak inwerkschema"). */
  exists: boolean;
  weeks: { week: number; items: ScheduleItemDto[] }[];
  removed: ScheduleItemDto[];
  changes: { added: number; changed: number; removed: number; kept: number };
  warnings: string[];
}

export interface ScheduleResultDto {
  message: string;
  count: number;
  warnings: string[];
}

export interface IcsFileDto {
  filename: string;
  mimeType: string;
  content: string;
}

export interface WelcomePreviewDto {
  to: string;
  replyTo: string;
  subject: string;
  /** The plain-text part, exactly as sent. */
  text: string;
  /** The HTML part, exactly as sent (values escaped). */
  html: string;
  attachments: { name: string; mimeType: string; size: number }[];
  /** What blocks sending (translated); empty when the packet can go. */
  errors: string[];
  /** What does not block sending but should be looked at, e.g. example texts still unchanged. */
  warnings: string[];
  state: string;
  stateKind: PairDto['mailKind'];
  /** The day the packet is due ('' without a start date). */
  due: string;
}

export interface WelcomeResultDto {
  message: string;
  state: string;
}

/**
 * What will really happen to a welcome packet. `date` is a day (`YYYY-MM-DD`) where the code has
 * one; `reason` is translated (for `sent`: the time, `HH:MM`).
 * auto: goes out automatically on `date`; autoNext: with the next hourly run; planned: planned for
 * `date` (the reader is not told whether automatic sending runs); manualOff: automatic sending is
 * off; manualBroken: it is on but not running; sent, sending, failed, unknown, skipped: the mail
 * state; blocked: cannot go (`reason`); startedLongAgo: started on `date`, not sent automatically.
 */
export interface PacketStatus {
  code:
    | 'auto'
    | 'autoNext'
    | 'planned'
    | 'manualOff'
    | 'manualBroken'
    | 'sent'
    | 'sending'
    | 'failed'
    | 'unknown'
    | 'skipped'
    | 'blocked'
    | 'startedLongAgo';
  date: string;
  reason: string;
}

/** A newcomer's welcome packet, for the sidebar list. */
export interface WelcomeRowDto {
  email: string;
  name: string;
  startDate: string;
  due: string;
  state: string;
  stateKind: PairDto['mailKind'];
  /** Why it cannot go (translated), '' when nothing blocks it. */
  problem: string;
  /** What will really happen to it. */
  status: PacketStatus;
}

export interface TimelineCheckInDto {
  planned: string;
  held: string;
  state: 'gepland' | 'gehouden' | 'te laat' | 'overgeslagen';
  daysLate: number | null;
  skipped: string;
  buddy: string;
  phase: string;
  competencies: string[];
  wellbeing: number | null;
  click: string;
  agreements: string;
  /** null when the reader may not see the notes (only the school leader, the chef buddy and their writer may). */
  notes: string | null;
  /**
   * The 4D steps (doen = `agreements`), worries, competence levels and goals of this check-in, and
   * the newcomer's own levels; null when the reader may not see them (`maySeeCoaching`).
   */
  coaching: CoachingDto | null;
}

/** The personal parts of a held check-in (issue 14). Competences by their NJI name. */
export interface CoachingDto {
  discovery: string;
  dream: string;
  design: string;
  worries: string;
  levels: { competence: string; level: string }[];
  goals: GoalDto[];
  newcomerLevels: { competence: string; level: string }[];
}

/** One onboarding goal: where from, where to, how it stands (op koers / bereikt / bijgesteld). */
export interface GoalDto {
  goal: string;
  start: string;
  end: string;
  status: string;
}

/** One competence over the check-ins: levels 1–3 (oriënterend, op weg, zelfstandig) by held day. */
export interface GrowthDto {
  competence: string;
  points: { date: string; level: number }[];
  /** The newcomer's own view at the same check-ins. */
  own: { date: string; level: number }[];
}

export interface CheckInsDto {
  newcomer: { email: string; name: string; location: string; startDate: string };
  buddy: { email: string; name: string } | null;
  schedule: { done: number; total: number; byWeek: { week: number | null; done: number; total: number }[] };
  checkIns: TimelineCheckInDto[];
  wellbeing: { date: string; value: number }[];
  lastAgreements: string;
  lastAgreementsDate: string;
  nextCheckIn: string | null;
  /** A suggestion to consider re-pairing (translated), or null. */
  signal: string | null;
  /** The goals as they stand and each competence over the check-ins, from what the reader may see. */
  goals: GoalDto[];
  growth: GrowthDto[];
  canClose: boolean;
  canManage: boolean;
}

/** What the sidebar sends to record a check-in. */
export interface CheckInInput {
  /** Which planned check-in this records (`YYYY-MM-DD`); absent: the first open one. */
  planned?: string;
  held: string;
  /** Older clients: one 4D label. */
  phase?: string;
  /** The 4D steps by name (ontdekken/discovery, dromen/dream, ontwerpen/design, doen/delivery); doen required. */
  steps?: Record<string, string>;
  competencies?: string[];
  levels?: { competence: string; level: string | number }[];
  goals?: { goal: string; start?: string; end?: string; status?: string }[];
  worries?: string;
  wellbeing: number;
  click: string;
  agreements?: string;
  notes?: string;
  /** The first check-in has no goals yet on purpose ("nog geen doelen"); without it, a warning. */
  noGoals?: boolean;
}

export interface CheckInResultDto {
  message: string;
  signal: string | null;
}

export interface FiguresDto {
  location: string;
  newcomers: number;
  withoutBuddy: number;
  startingSoonWithoutWelcome: number;
  scheduleDone: number;
  scheduleTotal: number;
  checkInsHeld: number;
  checkInsDue: number;
  checkInsLate: number;
  /** Average wellbeing, or null when fewer than three newcomers contributed (never one person's). */
  wellbeing: number | null;
  buddyLoadUsed: number;
  buddyLoadCapacity: number;
  mailsFailed: number;
  mailsUnknown: number;
  /** Issue 15: the location's phase (not on the total). */
  phase?: PhaseName;
}

export interface OverviewDto {
  today: string;
  locations: FiguresDto[];
  /** All locations together: for the school leader only. */
  total: FiguresDto | null;
  attention: { location: string; code: string; text: string }[];
}

/** A newcomer the actor follows (chef buddy, school leader: the location's; buddy: their own). */
export interface NewcomerDto {
  email: string;
  name: string;
  location: string;
  startDate: string;
  buddy: string;
  buddyName: string;
  /** The welcome packet's state as in the sheet. */
  welcome: string;
  /** What will really happen to the welcome packet. */
  packet: PacketStatus;
  checkInsHeld: number;
  checkInsLate: number;
  /** The next open check-in ('' when none). */
  nextCheckIn: string;
  /** Whether a schedule is saved in Inwerkschema. */
  hasSchedule: boolean;
  /** The active buddy has left (status or leaving date): a new buddy is needed. */
  buddyLeft: boolean;
  /** Klik and wellbeing of the latest held check-in ('' and null when none). */
  lastClick: string;
  lastWellbeing: number | null;
  /**
   * The held day of the latest check-in when worries were written down there ("zorgen gemeld",
   * issue 14), else ''. Never the text.
   */
  worriesOn: string;
}

export interface RetentionPreviewDto {
  /** Per tab and reason: how many rows would be removed or cleared. */
  items: { tab: string; reason: string; rows: number }[];
  warnings: string[];
  total: number;
}

export interface PrivacyResultDto {
  message: string;
  items: { tab: string; reason: string; rows: number }[];
  journalCleared: number;
}

export interface PersonExportDto {
  email: string;
  name: string;
  found: boolean;
  /** One section per row about the person; other people appear as "(andere medewerker)". */
  sections: { tab: string; role: string; fields: { field: string; value: string }[] }[];
  /** Automatic mails sent to them, as recorded in the sheet (kind and state with moment). */
  mails: { kind: string; state: string }[];
  csv: IcsFileDto;
  json: IcsFileDto;
  note: string;
}

export interface ErasurePreviewDto {
  email: string;
  name: string;
  found: boolean;
  isSelf: boolean;
  alreadyErased: boolean;
  counts: { tab: string; removed: number; anonymised: number }[];
}

export interface SidebarState {
  /** When the server read the sheet (ISO moment with offset): the sidebar says "bijgewerkt om". */
  readAt: string;
  language: Language;
  version: string;
  user: UserDto;
  /** For known users: every location of the school (names only). */
  locations: string[];
  today: string;
  /** Things that need attention, already translated (never personal data of others). */
  warnings: string[];
  /** For an unknown user: what to do; no data is sent. */
  message: string;
  /** For a school leader or chef buddy: pairing at the chosen (or first) location. */
  pairing: PairingOverview | null;
  /** For a school leader or chef buddy: the welcome packets of that location. */
  welcome: WelcomeRowDto[] | null;
  /** For a school leader or chef buddy: whether automatic sending is on. */
  automation: AutomationStatus | null;
  /** Newcomers in onboarding this user follows (a buddy: their own), soonest start first. */
  newcomers: NewcomerDto[];
  /**
   * The address of Mijn Wegwijs ('' when none is known) for school leaders and chef buddies (to
   * copy), buddies and newcomers (to open); '' for everyone else.
   */
  pageUrl: string;
  /** A buddy or newcomer: the message points to Mijn Wegwijs, with the link when known. */
  pointToPage: boolean;
}

export interface AboutCheck {
  label: string;
  value: string;
  ok: boolean;
}

export interface AboutInfo {
  version: string;
  checks: AboutCheck[];
}

export interface AutomationStatus {
  on: boolean;
  /**
   * on; off; missing: turned on, but this user's trigger is gone; stale: on, but not run for hours;
   * noPermission: this user declined the trigger scope (script.scriptapp); failing: the last runs
   * failed (`text` says since when and why); noSheet: the owner's run could not open the sheet (a
   * published add-on without document access in triggers).
   */
  state: 'on' | 'off' | 'missing' | 'stale' | 'noPermission' | 'failing' | 'noSheet';
  /** In whose name automatic mail goes out ('' when off). */
  owner: string;
  /** Translated explanation for the sidebar. */
  text: string;
  /** Whether this user may switch it (a school leader); others see it read-only. */
  canChange: boolean;
}

/** The chef buddy's monthly report on the previous month, for their location (issue 14). */
export interface ChiefReportDto {
  location: string;
  /** `YYYY-MM`. */
  month: string;
  /** From `opensOn` on the chef buddy may add a remark; from `sendsOn` it goes without one. */
  open: boolean;
  opensOn: string;
  sendsOn: string;
  lines: string[];
  remark: string;
  /** wacht: not yet; klaar: goes with the next scheduled run; verzonden: sent. */
  state: 'wacht' | 'klaar' | 'verzonden';
}

/** Functions the sidebar calls through google.script.run. */
export interface SidebarApi {
  /** The code of the sidebar's views loaded on demand (src/sidebar/views.ts), in the user's language. */
  getSidebarViews(): string;
  getSidebarState(location?: string): SidebarState;
  suggestBuddies(newcomerEmail: string): SuggestionsDto;
  /** `confirmRule`: the chef buddy confirmed pairing a colleague below a buddy rule. */
  assignBuddy(newcomerEmail: string, buddyEmail: string, confirmRule?: boolean): PairingResult;
  endPairing(newcomerEmail: string, reason: string): PairingResult;
  proposePairs(location: string): ProposalDto;
  applyPairs(location: string, pairs: PairInput[]): PairingResult;
  previewSchedule(newcomerEmail: string): SchedulePreviewDto;
  getSchedule(newcomerEmail: string): SchedulePreviewDto;
  saveSchedule(newcomerEmail: string): ScheduleResultDto;
  markScheduleItem(newcomerEmail: string, date: string, activity: string, done: boolean): ScheduleResultDto;
  generateSchedules(location: string): ScheduleResultDto;
  scheduleIcs(newcomerEmail: string): IcsFileDto;
  previewWelcome(newcomerEmail: string): WelcomePreviewDto;
  sendWelcomeTest(newcomerEmail: string): WelcomeResultDto;
  sendWelcomeNow(newcomerEmail: string): WelcomeResultDto;
  setAutomaticSending(on: boolean): AutomationStatus;
  getCheckIns(newcomerEmail: string): CheckInsDto;
  recordCheckIn(newcomerEmail: string, checkIn: CheckInInput): CheckInResultDto;
  skipCheckIn(newcomerEmail: string, plannedDate: string, reason: string): CheckInResultDto;
  closeOnboarding(newcomerEmail: string, evaluation?: ClosingEvaluationInput): CheckInResultDto;
  getChiefReport(location: string): ChiefReportDto;
  saveChiefReport(location: string, remark: string, ready: boolean): ChiefReportDto;
  getOverview(location?: string): OverviewDto;
  refreshOverviewTab(): OverviewDto;
  previewRetentionPurge(): RetentionPreviewDto;
  applyRetentionPurge(): PrivacyResultDto;
  exportPersonData(email: string): PersonExportDto;
  previewErasure(email: string): ErasurePreviewDto;
  erasePerson(email: string): PrivacyResultDto;
  getAboutInfo(): AboutInfo;
  getAutomationStatus(): AutomationStatus;
  /** When the scheduled run last did its work ('' never): the sidebar's state read before it is stale. */
  getLastRun(): { at: string };
}

// ---- Mijn Wegwijs: the web page for newcomers and buddies (issue 13) ----

/** Someone the visitor may reach: name and e-mail. */
export interface PagePersonDto {
  email: string;
  name: string;
}

/** One schedule line as the page shows it. */
export interface PageScheduleLineDto {
  date: string;
  week: number | null;
  activity: string;
  with: string;
  done: boolean;
}

/** One check-in on the page; `notes` is null unless the access rules let the visitor read them. */
export interface PageCheckInDto {
  planned: string;
  held: string;
  agreements: string;
  notes: string | null;
  /** The newcomer's own view of this check-in, kept beside the buddy's; null before they answered. */
  response: PageResponseDto | null;
  /** The 4D steps, goals, levels and worries (issue 14); null where the visitor may not see them. */
  coaching: CoachingDto | null;
}

/** What the newcomer answered after a check-in (and when). */
export interface PageResponseDto {
  confirmed: boolean;
  remark: string;
  click: string;
  wellbeing: number | null;
  at: string;
}

/** What the newcomer sends after a held check-in. */
export interface PageResponseInput {
  confirmed: boolean;
  remark?: string;
  click: string;
  wellbeing: number;
  /** The newcomer's own view of the competences discussed (issue 14): level per competence. */
  levels?: { competence: string; level: string | number }[];
}

/** A newcomer's onboarding as the page shows it (to the newcomer themself or their buddy). */
export interface PageNewcomerDto {
  email: string;
  name: string;
  location: string;
  startDate: string;
  buddy: PagePersonDto | null;
  chiefBuddy: PagePersonDto | null;
  schedule: PageScheduleLineDto[];
  /** Planned check-ins still to come (or late), `YYYY-MM-DD`. */
  upcoming: string[];
  lastAgreements: string;
  lastAgreementsDate: string;
  checkIns: PageCheckInDto[];
  /** The goals as they stand and each competence over the check-ins (issue 14). */
  goals: GoalDto[];
  growth: GrowthDto[];
  /** The closing summary can be downloaded (the onboarding is complete; the newcomer only). */
  summaryReady: boolean;
}

/** The collection document on the page: the packet's sections for the location, whom to ask what. */
export interface PageCollectionDto {
  sections: { section: string; title: string; text: string }[];
  whoToAsk: { topic: string; person: string; email: string }[];
}

/** The page's first view, in one call: nothing personal for an empty or unknown visitor. */
export type PageState = {
  language: Language;
  today: string;
  name: string;
  /** Issue 15: the open questionnaires this visitor is invited to (none for an unknown visitor). */
  surveys?: PageSurveyDto[];
} & (
  | { view: 'none'; message: string; summary?: boolean }
  | { view: 'newcomer'; newcomer: PageNewcomerDto & { collection: PageCollectionDto } }
  | { view: 'buddy'; newcomers: PageNewcomerDto[] }
);

/** Functions the page calls through google.script.run (beside the sidebar's, one server contract). */
export interface PageApi {
  getPageState(): PageState;
  markScheduleItem(newcomerEmail: string, date: string, activity: string, done: boolean): ScheduleResultDto;
  recordCheckIn(newcomerEmail: string, checkIn: CheckInInput): CheckInResultDto;
  skipCheckIn(newcomerEmail: string, plannedDate: string, reason: string): CheckInResultDto;
  respondToCheckIn(held: string, response: PageResponseInput): { message: string };
  /** The closing summary as PDF (base64), for the newcomer once the onboarding is closed (issue 14). */
  getClosingSummary(): IcsFileDto;
  submitSurvey(round: string, answers: SurveyAnswersInput): { message: string };
}

/** Everything a UI may call: the sidebar's and the page's functions. */
export type ServerApi = SidebarApi & PageApi & PilotApi;

// ---- Closing evaluation (issue 14) ----

/** How one current goal ended when the onboarding is closed; the goal text as in `goals`. */
export interface GoalOutcomeInput {
  goal: string;
  /** bereikt, deels bereikt or niet bereikt. */
  status: string;
  /** Optional short remark (at most 300 characters). */
  remark?: string;
}

/** The optional evaluation given when closing an onboarding. */
export interface ClosingEvaluationInput {
  goals?: GoalOutcomeInput[];
  /** Agreements for after the onboarding (at most 2000 characters). */
  agreements?: string;
}

// ---- Pilot and evaluation (issue 15) ----

export type PhaseName = 'nog niet' | 'pilot' | 'ingevoerd';

/** A location's phase and the day it began ('' when never set). */
export interface PhaseDto {
  location: string;
  phase: PhaseName;
  since: string;
}

export interface QuestionDto {
  id: string;
  text: string;
  type: '5-puntsschaal' | 'open';
  audience: 'nieuw' | 'ervaren' | 'beide';
  higherIsBetter: boolean;
}

/** A round ("meting") as the sidebar lists it. */
export interface RoundDto {
  id: string;
  kind: 'alle medewerkers' | 'na inwerken';
  locations: string[];
  groups: 'nieuw' | 'ervaren' | 'beide';
  start: string;
  closes: string;
  weeksAfter: number | null;
  invited: number;
  /** Distinct respondents so far. */
  answered: number;
  open: boolean;
}

export interface PilotStateDto {
  phases: PhaseDto[];
  rounds: RoundDto[];
  questions: QuestionDto[];
  /** The questionnaire still holds the default example text. */
  example: boolean;
  /** Whether the user may change phases and start rounds (the school leader). */
  canManage: boolean;
  /** Whether the user may see the evaluation. */
  canEvaluate: boolean;
  today: string;
}

/** What the school leader fills in to start a round. */
export interface RoundInput {
  kind: 'alle medewerkers' | 'na inwerken';
  locations: string[];
  groups: 'nieuw' | 'ervaren' | 'beide';
  closes: string;
  /** For `na inwerken`: weeks after closing the onboarding. */
  weeksAfter?: number;
}

export interface ScaleResultDto {
  question: string;
  n: number;
  mean: number;
  distribution: number[];
}

/** One round of one group at one location; `hidden` below the minimum group size. */
export interface GroupRoundDto {
  round: string;
  group: 'nieuw' | 'ervaren' | 'alle';
  moment: 'voor' | 'na';
  start: string;
  respondents: number;
  invited: number;
  /** Percentage, null when nobody was invited. */
  responseRate: number | null;
  hidden: boolean;
  scales: ScaleResultDto[];
  open: { question: string; answers: string[] }[];
}

export interface DifferenceDto {
  question: string;
  before: number | null;
  after: number | null;
  difference: number | null;
  improvement: number | null;
}

export interface PilotFiguresDto {
  period: 'voor' | 'na';
  newcomers: number;
  daysToBuddy: number | null;
  scheduleDone: number | null;
  checkInsOnTime: number | null;
  wellbeing: number | null;
  rePairings: number;
}

export interface EvaluationLocationDto {
  location: string;
  phase: PhaseName;
  since: string;
  rounds: GroupRoundDto[];
  /** Per group: the latest "before" round against the latest "after" round. */
  differences: {
    group: 'nieuw' | 'ervaren' | 'alle';
    before: string;
    after: string;
    rows: DifferenceDto[];
  }[];
  figures: PilotFiguresDto[];
}

export interface EvaluationDto {
  minGroup: number;
  questions: QuestionDto[];
  locations: EvaluationLocationDto[];
}

/** One open questionnaire on the page, with the visitor's own earlier answers. */
export interface PageSurveyDto {
  round: string;
  closes: string;
  group: 'nieuw' | 'ervaren';
  questions: { id: string; text: string; type: '5-puntsschaal' | 'open' }[];
  answers: Record<string, number | string>;
}

/** Answers sent from the page: question id → 1–5 or text. */
export type SurveyAnswersInput = Record<string, number | string>;

/** The sidebar's pilot functions. */
export interface PilotApi {
  getPilotState(): PilotStateDto;
  setLocationPhase(
    location: string,
    phase: PhaseName,
    confirmed: boolean,
  ): { message: string; phases: PhaseDto[] };
  startRound(round: RoundInput): { message: string; state: PilotStateDto };
  getEvaluation(): EvaluationDto;
  refreshEvaluationTab(): { message: string };
  exportAnswers(): IcsFileDto;
}
