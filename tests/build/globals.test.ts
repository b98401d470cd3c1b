/**
 * The public globals of the built Code.js, pinned: every top-level function is callable by anyone
 * with edit access (google.script.run, the menu, a trigger, the web app), so a new export of
 * `src/server/main.ts` must not become callable by accident. Adding a global means adding it here,
 * on purpose, with its access check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as entry from '../../src/server/main';

const PUBLIC_GLOBALS = [
  'applyPairs',
  'applyRetentionPurge',
  'assignBuddy',
  'closeOnboarding',
  'disableAutomaticSending',
  'doGet',
  'enableAutomaticSending',
  'endPairing',
  'erasePerson',
  'exportAnswers',
  'exportPersonData',
  'generateSchedules',
  'getAboutInfo',
  'getAutomationStatus',
  'getCheckIns',
  'getChiefReport',
  'getClosingSummary',
  'getEvaluation',
  'getLastRun',
  'getOverview',
  'getPageState',
  'getPilotState',
  'getSchedule',
  'getSidebarState',
  'getSidebarViews', // the code of the sidebar's views loaded on demand: no data, refused in the web app
  'markScheduleItem',
  'onInstall',
  'onOpen',
  'previewErasure',
  'previewRetentionPurge',
  'previewSchedule',
  'previewWelcome',
  'proposePairs',
  'recordCheckIn',
  'refreshEvaluationTab',
  'refreshOverviewTab',
  'respondToCheckIn',
  'runScheduledJobs',
  'saveChiefReport',
  'saveSchedule',
  'scheduleIcs',
  'sendWelcomeNow',
  'sendWelcomeTest',
  'setAutomaticSending',
  'setLocationPhase',
  'setupWorkbook',
  'showAbout',
  'showSidebar',
  'skipCheckIn',
  'startRound',
  'submitSurvey',
  'suggestBuddies',
];

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');

describe('the public globals', () => {
  it('are exactly the pinned top-level functions of the built Code.js', () => {
    const declared = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual(PUBLIC_GLOBALS);
  });

  it("are exactly the entry's exported functions without a trailing underscore", () => {
    const exported = Object.entries(entry)
      .filter(([name, value]) => typeof value === 'function' && !name.endsWith('_'))
      .map(([name]) => name)
      .sort();
    expect(exported).toEqual(PUBLIC_GLOBALS);
  });
});
