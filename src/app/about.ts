/**
 * "Over Wegwijs": the version and a self-check of the live environment for the person who deploys:
 * granted scopes, time zones, mail quota, the trigger, and runtime support.
 */
import { escapeHtml } from '../core/html';
import { missingRuntimeFeatures } from '../core/runtimeSupport';
import type { AboutCheck, AboutInfo } from '../shared/api';
import { automationStatus } from './automation';
import type { RequestContext } from './context';

export function getAboutInfo(ctx: RequestContext, requiredScopes: readonly string[]): AboutInfo {
  const { environment, mailer } = ctx.services;
  const checks: AboutCheck[] = [];
  const granted = environment.grantedScopes();
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
  const sheetZone = environment.spreadsheetTimeZone();
  const scriptZone = environment.scriptTimeZone();
  checks.push({
    label: ctx.t('about.timeZones'),
    value: `${sheetZone} / ${scriptZone}`,
    ok: sheetZone === 'Europe/Amsterdam' && scriptZone === 'Europe/Amsterdam',
  });
  // Without the mail scope even the quota cannot be read; the scope line above names it.
  const quota = ctx.hasPermission('mail') ? mailer.remainingQuota() : 0;
  checks.push({ label: ctx.t('about.mailQuota'), value: String(quota), ok: quota > 0 });
  const automation = automationStatus(ctx);
  checks.push({ label: ctx.t('about.trigger'), value: automation.text, ok: automation.on });
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
