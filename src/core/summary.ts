/**
 * The closing summary of an onboarding (issue 14): the goals and how they ended, each competence
 * with its last level, and the agreements for after the onboarding, as one printable HTML page
 * that becomes the newcomer's PDF for their competence file ("bekwaamheidsdossier"). Built from
 * the held check-ins; notes, worries and wellbeing are never in it. Pure.
 */
import { COMPETENCES, LEVELS } from '../shared/coaching';
import { type CheckInRow, currentGoals, type Goal, growth } from './checkins';
import type { ClosingEvaluation } from './closing';
import { escapeHtml as e } from './html';

export interface ClosingSummary {
  goals: Goal[];
  /** Each competence that got a level, in the profile's order, with its last level and day. */
  competences: { competence: string; level: string; date: string }[];
  /** The agreements of the last held check-in that has any ("doen" for after the onboarding). */
  agreements: string;
  agreementsDate: string;
  /** The evaluation given at closing (issue 14), if any: outcomes per goal, agreements for after. */
  evaluation: ClosingEvaluation;
}

/** What the summary holds, from one newcomer's check-in rows. */
export function closingSummary(
  rows: readonly CheckInRow[],
  evaluation: ClosingEvaluation = { goals: [], agreements: '' },
): ClosingSummary {
  const held = rows.filter((r) => r.held).sort((a, b) => (a.held < b.held ? -1 : a.held > b.held ? 1 : 0));
  const withAgreements = held.filter((r) => r.agreements.trim());
  const last = withAgreements[withAgreements.length - 1];
  return {
    goals: currentGoals(rows),
    competences: growth(rows)
      .filter((g) => g.points.length)
      .map((g) => {
        const point = g.points[g.points.length - 1]!;
        return { competence: g.competence, level: LEVELS[point.level - 1] ?? '', date: point.date };
      }),
    agreements: last?.agreements.trim() ?? '',
    agreementsDate: last?.held ?? '',
    evaluation,
  };
}

/** The texts of the page, already translated by the caller (the newcomer's language). */
export interface SummaryTexts {
  title: string;
  intro: string;
  goals: string;
  noGoals: string;
  from: string;
  to: string;
  competences: string;
  noLevels: string;
  agreements: string;
  noAgreements: string;
  evaluation: string;
  outcome: string;
  remark: string;
  closingAgreements: string;
  /** An outcome in the reader's language. */
  outcomeText: (status: string) => string;
  footer: string;
}

/** The summary as one HTML page (every value escaped), for `Blob.getAs('application/pdf')`. */
export function summaryHtml(summary: ClosingSummary, t: SummaryTexts): string {
  const goals = summary.goals.length
    ? `<table><tr><th>${e(t.goals)}</th><th>${e(t.from)}</th><th>${e(t.to)}</th><th></th></tr>${summary.goals
        .map(
          (g) =>
            `<tr><td>${e(g.goal)}</td><td>${e(g.start || '—')}</td><td>${e(g.end || '—')}</td><td>${e(g.status)}</td></tr>`,
        )
        .join('')}</table>`
    : `<p>${e(t.noGoals)}</p>`;
  const competences = summary.competences.length
    ? `<ul>${summary.competences
        .map((c) => {
          const known = COMPETENCES.find((x) => x.name === c.competence);
          return `<li>${e(known ? known.name : c.competence)}: <strong>${e(c.level)}</strong></li>`;
        })
        .join('')}</ul>`
    : `<p>${e(t.noLevels)}</p>`;
  const ev = summary.evaluation;
  const evaluation = ev.goals.length
    ? `<table><tr><th>${e(t.goals)}</th><th>${e(t.outcome)}</th><th>${e(t.remark)}</th></tr>${ev.goals
        .map(
          (g) =>
            `<tr><td>${e(g.goal)}</td><td>${e(t.outcomeText(g.status))}</td><td>${e(g.remark || '—')}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const closingAgreements = ev.agreements ? `<p>${e(t.closingAgreements)}: ${e(ev.agreements)}</p>` : '';
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<title>${e(t.title)}</title>`,
    '<style>body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#202124;margin:24px}',
    'h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;margin:20px 0 6px;border-bottom:1px solid #999}',
    'table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}',
    'footer{margin-top:32px;border-top:1px solid #999;padding-top:4px;font-size:9pt;color:#5f6368}</style></head><body>',
    `<h1>${e(t.title)}</h1>`,
    `<p>${e(t.intro)}</p>`,
    `<h2>${e(t.goals)}</h2>${goals}`,
    `<h2>${e(t.competences)}</h2>${competences}`,
    evaluation || closingAgreements ? `<h2>${e(t.evaluation)}</h2>${evaluation}${closingAgreements}` : '',
    `<h2>${e(t.agreements)}</h2><p>${e(summary.agreements || t.noAgreements)}</p>`,
    `<footer>${e(t.footer)}</footer>`,
    '</body></html>',
  ].join('');
}
