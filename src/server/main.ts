/**
 * The one door to Apps Script: every global that menus, triggers and google.script.run call.
 * Each is a one-liner into a use case; the build turns every export into a top-level function.
 */
import { aboutHtml, getAboutInfo as aboutInfo } from '../app/about';
import { automationStatus, setAutomaticSending as setAutomation } from '../app/automation';
import { close, getOverviewFor, getTimeline, record, refreshTab, skip } from '../app/checkins';
import {
  exportAnswers as answersCsv,
  getEvaluation as evaluation,
  refreshEvaluationTab as evaluationTab,
} from '../app/evaluation';
import { getPageState as pageState, respondToCheckIn as respond } from '../app/page';
import { applyProposal, assign, endPair, propose, suggest } from '../app/pairing';
import { setLocationPhase as setPhase } from '../app/phases';
import { startRound as beginRound, pilotState, submitSurvey as submit, surveysFor } from '../app/pilot';
import { applyPurge, erase, exportPerson, previewErase, previewPurge } from '../app/privacy';
import { generateForLocation, ics, mark, preview, save, saved } from '../app/schedule';
import { type ScheduledRunResult, scheduledRun } from '../app/scheduledRun';
import { setupWorkbook as setup } from '../app/setup';
import { getSidebarState as sidebarState } from '../app/sidebarState';
import { previewPacket, sendNow, sendTest } from '../app/welcome';
import { assertKnown } from '../core/roles';
import { expectBoolean } from '../core/validate';
import { buildMenu } from '../gas/menu';
import type {
  AboutInfo,
  AutomationStatus,
  CheckInResultDto,
  CheckInsDto,
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
import { languageOf } from '../shared/i18n';
import { SCHEDULED_JOBS } from './jobs';
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
    ctx.services.ui.showSidebar(ctx.t('app.name'));
    return null;
  });
}

export function setupWorkbook(): string | null {
  let message: string | null = null;
  handleMenu((ctx) => {
    message = setup(ctx).message;
    return message;
  });
  return message;
}

export function enableAutomaticSending(): void {
  handleMenu((ctx) => setAutomation(ctx, true).text);
}

export function disableAutomaticSending(): void {
  handleMenu((ctx) => setAutomation(ctx, false).text);
}

export function showAbout(): void {
  handleMenu((ctx) => {
    ctx.services.ui.showDialog(ctx.t('about.title'), aboutHtml(ctx, aboutInfo(ctx, REQUIRED_SCOPES)));
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
    () => scheduledRun(services, event, SCHEDULED_JOBS, (e, language) => toUserError(e, language).message),
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
    const state = pageState(ctx);
    // Issue 15: the open questionnaires for this visitor, whatever else the page shows them.
    return state.view === 'none' && !state.name ? state : { ...state, surveys: surveysFor(ctx) };
  });
}

/** The visitor's answers to a questionnaire round (pseudonymous; answering again updates). */
export function submitSurvey(round: unknown, answers: unknown): { message: string } {
  return handlePage((ctx) => submit(ctx, round, answers));
}

/** The newcomer's own view of a held check-in (confirm or remark, klik, wellbeing). */
export function respondToCheckIn(held: unknown, response: unknown): { message: string } {
  return handlePage((ctx) => respond(ctx, held, response));
}

// ---- google.script.run (sidebar) ----

export function getSidebarState(location?: unknown): SidebarState {
  return handle((ctx) => sidebarState(ctx, location));
}

export function suggestBuddies(newcomerEmail: unknown): SuggestionsDto {
  return handle((ctx) => suggest(ctx, newcomerEmail));
}

export function assignBuddy(
  newcomerEmail: unknown,
  buddyEmail: unknown,
  confirmRule?: unknown,
): PairingResult {
  return handle((ctx) => assign(ctx, newcomerEmail, buddyEmail, confirmRule));
}

export function endPairing(newcomerEmail: unknown, reason: unknown): PairingResult {
  return handle((ctx) => endPair(ctx, newcomerEmail, reason));
}

export function proposePairs(location: unknown): ProposalDto {
  return handle((ctx) => propose(ctx, location));
}

export function applyPairs(location: unknown, pairs: unknown): PairingResult {
  return handle((ctx) => applyProposal(ctx, location, pairs));
}

export function getAboutInfo(): AboutInfo {
  return handle((ctx) => aboutInfo(ctx, REQUIRED_SCOPES));
}

export function getAutomationStatus(): AutomationStatus {
  return handle((ctx) => {
    assertKnown(ctx.actor());
    return automationStatus(ctx);
  });
}

export function setAutomaticSending(on: unknown): AutomationStatus {
  return handle((ctx) => setAutomation(ctx, expectBoolean(on, 'automaticSending')));
}

export function previewSchedule(newcomerEmail: unknown): SchedulePreviewDto {
  return handle((ctx) => preview(ctx, newcomerEmail));
}

export function getSchedule(newcomerEmail: unknown): SchedulePreviewDto {
  return handle((ctx) => saved(ctx, newcomerEmail));
}

export function saveSchedule(newcomerEmail: unknown): ScheduleResultDto {
  return handle((ctx) => save(ctx, newcomerEmail));
}

export function markScheduleItem(
  newcomerEmail: unknown,
  date: unknown,
  activity: unknown,
  done: unknown,
): ScheduleResultDto {
  return handlePage((ctx) => mark(ctx, newcomerEmail, date, activity, done));
}

export function generateSchedules(location: unknown): ScheduleResultDto {
  return handle((ctx) => generateForLocation(ctx, location));
}

export function scheduleIcs(newcomerEmail: unknown): IcsFileDto {
  return handle((ctx) => ics(ctx, newcomerEmail));
}

export function previewWelcome(newcomerEmail: unknown): WelcomePreviewDto {
  return handle((ctx) => previewPacket(ctx, newcomerEmail));
}

export function sendWelcomeTest(newcomerEmail: unknown): WelcomeResultDto {
  return handle((ctx) => sendTest(ctx, newcomerEmail));
}

export function sendWelcomeNow(newcomerEmail: unknown): WelcomeResultDto {
  return handle((ctx) => sendNow(ctx, newcomerEmail));
}

export function getCheckIns(newcomerEmail: unknown): CheckInsDto {
  return handle((ctx) => getTimeline(ctx, newcomerEmail));
}

export function recordCheckIn(newcomerEmail: unknown, checkIn: unknown): CheckInResultDto {
  return handlePage((ctx) => record(ctx, newcomerEmail, checkIn));
}

export function skipCheckIn(newcomerEmail: unknown, plannedDate: unknown, reason: unknown): CheckInResultDto {
  return handle((ctx) => skip(ctx, newcomerEmail, plannedDate, reason));
}

export function closeOnboarding(newcomerEmail: unknown): CheckInResultDto {
  return handle((ctx) => close(ctx, newcomerEmail));
}

export function getOverview(location?: unknown): OverviewDto {
  return handle((ctx) => getOverviewFor(ctx, location));
}

export function refreshOverviewTab(): OverviewDto {
  return handle(refreshTab);
}

export function previewRetentionPurge(): RetentionPreviewDto {
  return handle(previewPurge);
}

export function applyRetentionPurge(): PrivacyResultDto {
  return handle(applyPurge);
}

export function exportPersonData(email: unknown): PersonExportDto {
  return handle((ctx) => exportPerson(ctx, email));
}

export function previewErasure(email: unknown): ErasurePreviewDto {
  return handle((ctx) => previewErase(ctx, email));
}

export function erasePerson(email: unknown): PrivacyResultDto {
  return handle((ctx) => erase(ctx, email));
}

// ---- Pilot and evaluation (issue 15) ----

export function getPilotState(): PilotStateDto {
  return handle(pilotState);
}

export function setLocationPhase(
  location: unknown,
  phase: unknown,
  confirmed: unknown,
): { message: string; phases: PhaseDto[] } {
  return handle((ctx) => setPhase(ctx, location, phase, confirmed));
}

export function startRound(round: unknown): { message: string; state: PilotStateDto } {
  return handle((ctx) => beginRound(ctx, round));
}

export function getEvaluation(): EvaluationDto {
  return handle(evaluation);
}

export function refreshEvaluationTab(): { message: string } {
  return handle(evaluationTab);
}

export function exportAnswers(): IcsFileDto {
  return handle(answersCsv);
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
  getOverview,
  refreshOverviewTab,
  previewRetentionPurge,
  applyRetentionPurge,
  exportPersonData,
  previewErasure,
  erasePerson,
} satisfies SidebarApi;

/** The page's contract is checked the same way. */
export const pageApi_ = {
  getPageState,
  markScheduleItem,
  recordCheckIn,
  respondToCheckIn,
  submitSurvey,
} satisfies PageApi;
