/**
 * The one door to Apps Script: every global that menus, triggers and google.script.run call.
 * Each is a one-liner into a use case; the build turns every export into a top-level function.
 */
import * as about from '../app/about';
import * as automation from '../app/automation';
import * as checkins from '../app/checkins';
import * as chiefReport from '../app/chiefReport';
import * as evaluation from '../app/evaluation';
import * as overview from '../app/overview';
import * as page from '../app/page';
import * as pairing from '../app/pairing';
import * as phases from '../app/phases';
import * as pilot from '../app/pilot';
import * as privacy from '../app/privacy';
import * as schedule from '../app/schedule';
import type { ScheduledRunResult } from '../app/scheduledRun';
import * as setup from '../app/setup';
import * as sidebar from '../app/sidebarState';
import * as summary from '../app/summary';
import { languageOf } from '../app/texts/messages';
import * as welcome from '../app/welcome';
import { assertKnown } from '../core/roles';
import { expectBoolean } from '../core/validate';
import { buildMenu } from '../gas/menu';
import type {
  AboutInfo,
  AutomationStatus,
  CheckInResultDto,
  CheckInsDto,
  ChiefReportDto,
  ErasurePreviewDto,
  EvaluationDto,
  IcsFileDto,
  OverviewDto,
  PageApi,
  PageState,
  PairingResult,
  PersonExportDto,
  PhaseDto,
  PilotApi,
  PilotStateDto,
  PrivacyResultDto,
  ProposalDto,
  RetentionPreviewDto,
  SchedulePreviewDto,
  ScheduleResultDto,
  SidebarApi,
  SidebarState,
  SuggestionsDto,
  WelcomePreviewDto,
  WelcomeResultDto,
} from '../shared/api';
import * as jobs from './jobs';
import {
  createServices,
  handle,
  handleMenu,
  handlePage,
  REQUIRED_SCOPES,
  servePage,
  toUserError,
} from './root';

/** Simple trigger. In AuthMode.NONE only the menu may be built, so the locale is not read then. */
export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const limited = e?.authMode !== undefined && e.authMode !== ScriptApp.AuthMode.NONE;
  buildMenu(limited ? languageOf(Session.getActiveUserLocale()) : 'nl');
}

export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}

/** Opens the sidebar for a user Google identifies; it explains itself to users without a role. */
export function showSidebar(): void {
  handleMenu((ctx) => {
    ctx.actor(); // refuses an empty e-mail before anything is shown
    ctx.services.ui.showSidebar(ctx.t('app.name'), ctx.language);
    return null;
  });
}

/** The sidebar's views loaded on demand (overview, pilot, privacy, …): their code, run once by the sidebar. */
export function getSidebarViews(): string {
  return handle((ctx) => ctx.services.ui.sidebarViews(ctx.language));
}

export function setupWorkbook(): string | null {
  let message: string | null = null;
  handleMenu((ctx) => {
    message = setup.setupWorkbook(ctx).message;
    return message;
  });
  return message;
}

export function enableAutomaticSending(): void {
  handleMenu((ctx) => automation.setAutomaticSending(ctx, true).text);
}

export function disableAutomaticSending(): void {
  handleMenu((ctx) => automation.setAutomaticSending(ctx, false).text);
}

export function showAbout(): void {
  handleMenu((ctx) => {
    ctx.services.ui.showDialog(
      ctx.t('about.title'),
      about.aboutHtml(ctx, about.getAboutInfo(ctx, REQUIRED_SCOPES)),
    );
    return null;
  });
}

/**
 * The time-driven trigger's handler. Runs only from the trigger of whoever turned automatic
 * sending on, as them, while it is on; every other caller is refused and nothing happens.
 */
export function runScheduledJobs(event?: unknown): ScheduledRunResult {
  const services = createServices();
  return handle(
    () => jobs.runJobs(services, event, (e, language) => toUserError(e, language).message),
    services,
    // Its own gate refuses every caller but the owner's trigger; a published add-on's trigger
    // may have no active spreadsheet either, and must reach that gate to say so.
    true,
  );
}

// ---- Mijn Wegwijs: the web page (doGet) and its own call ----

/** The web app's entry: the page for newcomers and buddies; nothing personal is in the HTML. */
export function doGet(): GoogleAppsScript.HTML.HtmlOutput {
  return servePage();
}

/** The page's first view: who the visitor is (Session.getActiveUser only) and what they may see. */
export function getPageState(): PageState {
  return handlePage((ctx) => {
    const state = page.getPageState(ctx);
    // Issue 15: the open questionnaires for this visitor, whatever else the page shows them.
    return state.view === 'none' && !state.name ? state : { ...state, surveys: pilot.surveysFor(ctx) };
  });
}

/** The visitor's answers to a questionnaire round (pseudonymous; answering again updates). */
export function submitSurvey(round: unknown, answers: unknown): { message: string } {
  return handlePage((ctx) => pilot.submitSurvey(ctx, round, answers));
}

/** The newcomer's own view of a held check-in (confirm or remark, klik, wellbeing). */
export function respondToCheckIn(held: unknown, response: unknown): { message: string } {
  return handlePage((ctx) => page.respondToCheckIn(ctx, held, response));
}

/** The closing summary for the newcomer's competence file, as PDF (issue 14). */
export function getClosingSummary(): IcsFileDto {
  return handlePage((ctx) => summary.getClosingSummary(ctx));
}

// ---- google.script.run (sidebar) ----

export function getSidebarState(location?: unknown): SidebarState {
  return handle((ctx) => sidebar.getSidebarState(ctx, location));
}

export function suggestBuddies(newcomerEmail: unknown): SuggestionsDto {
  return handle((ctx) => pairing.suggestBuddies(ctx, newcomerEmail));
}

export function assignBuddy(
  newcomerEmail: unknown,
  buddyEmail: unknown,
  confirmRule?: unknown,
): PairingResult {
  return handle((ctx) => pairing.assignBuddy(ctx, newcomerEmail, buddyEmail, confirmRule));
}

export function endPairing(newcomerEmail: unknown, reason: unknown): PairingResult {
  return handle((ctx) => pairing.endPairing(ctx, newcomerEmail, reason));
}

export function proposePairs(location: unknown): ProposalDto {
  return handle((ctx) => pairing.proposePairs(ctx, location));
}

export function applyPairs(location: unknown, pairs: unknown): PairingResult {
  return handle((ctx) => pairing.applyPairs(ctx, location, pairs));
}

export function getAboutInfo(): AboutInfo {
  return handle((ctx) => about.getAboutInfo(ctx, REQUIRED_SCOPES));
}

export function getAutomationStatus(): AutomationStatus {
  return handle((ctx) => {
    assertKnown(ctx.actor());
    return automation.getAutomationStatus(ctx);
  });
}

export function getLastRun(): { at: string } {
  return handle(automation.getLastRun);
}

export function setAutomaticSending(on: unknown): AutomationStatus {
  return handle((ctx) => automation.setAutomaticSending(ctx, expectBoolean(on, 'automaticSending')));
}

export function previewSchedule(newcomerEmail: unknown): SchedulePreviewDto {
  return handle((ctx) => schedule.previewSchedule(ctx, newcomerEmail));
}

export function getSchedule(newcomerEmail: unknown): SchedulePreviewDto {
  return handle((ctx) => schedule.getSchedule(ctx, newcomerEmail));
}

export function saveSchedule(newcomerEmail: unknown): ScheduleResultDto {
  return handle((ctx) => schedule.saveSchedule(ctx, newcomerEmail));
}

export function markScheduleItem(
  newcomerEmail: unknown,
  date: unknown,
  activity: unknown,
  done: unknown,
): ScheduleResultDto {
  return handlePage((ctx) => schedule.markScheduleItem(ctx, newcomerEmail, date, activity, done));
}

export function generateSchedules(location: unknown): ScheduleResultDto {
  return handle((ctx) => schedule.generateSchedules(ctx, location));
}

export function scheduleIcs(newcomerEmail: unknown): IcsFileDto {
  return handle((ctx) => schedule.scheduleIcs(ctx, newcomerEmail));
}

export function previewWelcome(newcomerEmail: unknown): WelcomePreviewDto {
  return handle((ctx) => welcome.previewWelcome(ctx, newcomerEmail));
}

export function sendWelcomeTest(newcomerEmail: unknown): WelcomeResultDto {
  return handle((ctx) => welcome.sendWelcomeTest(ctx, newcomerEmail));
}

export function sendWelcomeNow(newcomerEmail: unknown): WelcomeResultDto {
  return handle((ctx) => welcome.sendWelcomeNow(ctx, newcomerEmail));
}

/** The chef buddy's monthly report on the previous month, for their location (issue 14). */
export function getChiefReport(location: unknown): ChiefReportDto {
  return handle((ctx) => chiefReport.getChiefReport(ctx, location));
}

/** Saves the chef buddy's remark on the monthly report, and whether it may go. */
export function saveChiefReport(location: unknown, remark: unknown, ready: unknown): ChiefReportDto {
  return handle((ctx) => chiefReport.saveChiefReport(ctx, location, remark, ready));
}

export function getCheckIns(newcomerEmail: unknown): CheckInsDto {
  return handle((ctx) => checkins.getCheckIns(ctx, newcomerEmail));
}

export function recordCheckIn(newcomerEmail: unknown, checkIn: unknown): CheckInResultDto {
  return handlePage((ctx) => checkins.recordCheckIn(ctx, newcomerEmail, checkIn));
}

export function skipCheckIn(newcomerEmail: unknown, plannedDate: unknown, reason: unknown): CheckInResultDto {
  return handlePage((ctx) => checkins.skipCheckIn(ctx, newcomerEmail, plannedDate, reason));
}

export function closeOnboarding(newcomerEmail: unknown, evaluation?: unknown): CheckInResultDto {
  return handle((ctx) => checkins.closeOnboarding(ctx, newcomerEmail, evaluation));
}

export function getOverview(location?: unknown): OverviewDto {
  return handle((ctx) => overview.getOverview(ctx, location));
}

export function refreshOverviewTab(): OverviewDto {
  return handle(overview.refreshOverviewTab);
}

export function previewRetentionPurge(): RetentionPreviewDto {
  return handle(privacy.previewRetentionPurge);
}

export function applyRetentionPurge(): PrivacyResultDto {
  return handle(privacy.applyRetentionPurge);
}

export function exportPersonData(email: unknown): PersonExportDto {
  return handle((ctx) => privacy.exportPersonData(ctx, email));
}

export function previewErasure(email: unknown): ErasurePreviewDto {
  return handle((ctx) => privacy.previewErasure(ctx, email));
}

export function erasePerson(email: unknown): PrivacyResultDto {
  return handle((ctx) => privacy.erasePerson(ctx, email));
}

// ---- Pilot and evaluation (issue 15) ----

export function getPilotState(): PilotStateDto {
  return handle(pilot.getPilotState);
}

export function setLocationPhase(
  location: unknown,
  phase: unknown,
  confirmed: unknown,
): { message: string; phases: PhaseDto[] } {
  return handle((ctx) => phases.setLocationPhase(ctx, location, phase, confirmed));
}

export function startRound(round: unknown): { message: string; state: PilotStateDto } {
  return handle((ctx) => pilot.startRound(ctx, round));
}

export function getEvaluation(): EvaluationDto {
  return handle(evaluation.getEvaluation);
}

export function refreshEvaluationTab(): { message: string } {
  return handle(evaluation.refreshEvaluationTab);
}

export function exportAnswers(): IcsFileDto {
  return handle(evaluation.exportAnswers);
}

/** The pilot's contract is checked the same way. */
export const pilotApi_ = {
  getPilotState,
  setLocationPhase,
  startRound,
  getEvaluation,
  refreshEvaluationTab,
  exportAnswers,
} satisfies PilotApi;

/** Compile-time check that the sidebar contract matches these functions. */
export const sidebarApi_ = {
  getSidebarState,
  getAboutInfo,
  getAutomationStatus,
  getLastRun,
  suggestBuddies,
  assignBuddy,
  endPairing,
  proposePairs,
  applyPairs,
  previewSchedule,
  getSchedule,
  saveSchedule,
  markScheduleItem,
  generateSchedules,
  scheduleIcs,
  previewWelcome,
  sendWelcomeTest,
  sendWelcomeNow,
  setAutomaticSending,
  getCheckIns,
  recordCheckIn,
  skipCheckIn,
  closeOnboarding,
  getChiefReport,
  saveChiefReport,
  getOverview,
  refreshOverviewTab,
  previewRetentionPurge,
  applyRetentionPurge,
  exportPersonData,
  previewErasure,
  erasePerson,
  getSidebarViews,
} satisfies SidebarApi;

/** The page's contract is checked the same way. */
export const pageApi_ = {
  getPageState,
  markScheduleItem,
  recordCheckIn,
  skipCheckIn,
  respondToCheckIn,
  getClosingSummary,
  submitSurvey,
} satisfies PageApi;
