/**
 * "Over Wegwijs": the one page a school checks after installing. The version and a self-check of
 * the live environment: required and granted scopes, the trigger and whose it is, the last
 * scheduled run (when, how long, did it see the sheet, what it sent), today's trigger time, mail
 * quota, time zones, the sending window and runtime support. The README's checklist follows it.
 */
import { escapeHtml } from '../core/html';
import { assertKnown } from '../core/roles';
import { missingRuntimeFeatures } from '../core/runtimeSupport';
import { formatWindow } from '../core/sendWindow';
import type { AboutCheck, AboutInfo } from '../shared/api';
import { AUTOMATION_OWNER_KEY, getAutomationStatus, SCHEDULED_HANDLER } from './automation';
import type { RequestContext } from './context';
import { readRunState, todaysRunMs } from './runState';

export function getAboutInfo(ctx: RequestContext, requiredScopes: readonly string[]): AboutInfo {
  assertKnown(ctx.actor());
  const { environment, mailer, store, triggers } = ctx.services;
  const checks: AboutCheck[] = [];
  const granted = environment.grantedScopes();
  checks.push({
    label: ctx.t('about.requiredScopes'),
    value: requiredScopes.map(shortScope).join(', '),
    ok: true,
  });
  if (granted) {
    const missing = requiredScopes.filter((s) => !granted.includes(s));
    checks.push({
      label: ctx.t('about.scopes'),
      value: granted.map(shortScope).join(', '),
      ok: missing.length === 0,
    });
    if (missing.length) {
      checks.push({
        label: ctx.t('about.missingScopes'),
        value: missing.map(shortScope).join(', '),
        ok: false,
      });
    }
  }
  const owner = store.get(AUTOMATION_OWNER_KEY) ?? '';
  const me = ctx.services.identity.email();
  // Without the trigger scope the triggers cannot be listed; the scope lines above name it.
  const mine = ctx.hasPermission('triggers') && triggers.ids(SCHEDULED_HANDLER).length > 0;
  checks.push({
    label: ctx.t('about.triggerOwner'),
    value: !owner
      ? ctx.t('about.triggerNone')
      : owner !== me
        ? ctx.t('about.triggerOther', { owner })
        : mine
          ? ctx.t('about.triggerMine', { owner })
          : ctx.t('about.triggerGone', { owner }),
    ok: Boolean(owner) && (owner !== me || mine),
  });
  const automation = getAutomationStatus(ctx);
  checks.push({ label: ctx.t('about.trigger'), value: automation.text, ok: automation.state === 'on' });
  const runs = readRunState(store);
  const last = runs.last;
  checks.push({
    label: ctx.t('about.lastRun'),
    value: last
      ? ctx.t('about.lastRunValue', {
          at: last.at.slice(0, 16).replace('T', ' '),
          seconds: (last.ms / 1000).toFixed(1),
          sheet: ctx.t(last.sawSheet ? 'about.sheetSeen' : 'about.sheetNotSeen'),
          sent: last.sent,
          summary: last.summary,
        })
      : ctx.t('about.lastRunNone'),
    ok: !last || (last.outcome !== 'failed' && last.sawSheet),
  });
  const todayMs = todaysRunMs(runs, ctx.services.clock.today());
  checks.push({
    label: ctx.t('about.runTimeToday'),
    value: ctx.t('about.runTimeTodayValue', {
      seconds: (todayMs / 1000).toFixed(1),
      runs: runs.day === ctx.services.clock.today() ? runs.dayRuns : 0,
    }),
    // Consumer accounts get 90 minutes of trigger time a day; an hourly run should use a fraction.
    ok: todayMs < 30 * 60_000,
  });
  // Without the mail scope even the quota cannot be read; the scope line above names it.
  const quota = ctx.hasPermission('mail') ? mailer.remainingQuota() : 0;
  checks.push({ label: ctx.t('about.mailQuota'), value: String(quota), ok: quota > 0 });
  const sheetZone = environment.spreadsheetTimeZone();
  const scriptZone = environment.scriptTimeZone();
  checks.push({
    label: ctx.t('about.timeZones'),
    value: `${sheetZone} / ${scriptZone}`,
    ok: sheetZone === 'Europe/Amsterdam' && scriptZone === 'Europe/Amsterdam',
  });
  checks.push({
    label: ctx.t('about.sendWindow'),
    value: ctx.t('about.sendWindowValue', { window: formatWindow(ctx.settings().sendWindow) }),
    ok: true,
  });
  const missing = missingRuntimeFeatures();
  checks.push({
    label: ctx.t('about.runtime'),
    value: missing.length ? missing.join(', ') : ctx.t('about.ok'),
    ok: missing.length === 0,
  });
  return { version: ctx.services.version, checks };
}

function shortScope(scope: string): string {
  return scope.replace('https://www.googleapis.com/auth/', '');
}

/** The self-check as a small HTML page for a dialog; every value escaped. */
export function aboutHtml(ctx: RequestContext, info: AboutInfo): string {
  const rows = info.checks
    .map(
      (c) =>
        `<tr><th>${escapeHtml(c.label)}</th><td>${escapeHtml(c.value)}</td><td class="${c.ok ? 'ok' : 'bad'}">${escapeHtml(
          c.ok ? ctx.t('about.ok') : ctx.t('about.problem'),
        )}</td></tr>`,
    )
    .join('');
  return [
    '<!DOCTYPE html><html><head><base target="_top">',
    '<link rel="stylesheet" href="https://ssl.gstatic.com/docs/script/css/add-ons1.css">',
    '<style>body{font-family:Arial,sans-serif;font-size:13px;margin:12px}table{border-collapse:collapse;width:100%}',
    'th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #ddd;vertical-align:top}.ok{color:#137333}.bad{color:#b3261e;font-weight:bold}</style>',
    `</head><body><p>${escapeHtml(ctx.t('about.version'))}: <b>${escapeHtml(info.version)}</b></p>`,
    `<table>${rows}</table></body></html>`,
  ].join('');
}
