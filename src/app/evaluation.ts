/**
 * The evaluation (issue 15): per location and group, per question, the mean and distribution per
 * round, the difference between the latest round before and after the location's phase date,
 * respondents and response rate; groups under the minimum hidden (open answers too). Beside it
 * the onboarding's own figures per period. The school leader sees every location; a chef buddy
 * their own when the setting allows. Also the `Evaluatie` tab and the CSV of the answers.
 */
import { UserError } from '../core/errors';
import {
  aggregate,
  csvCellSafe,
  differences,
  type GroupOrAll,
  type GroupRound,
  momentOf,
  onboardingFigures,
  roundLocations,
  usableQuestions,
} from '../core/pilot';
import { mayExportAnswers, maySeeEvaluation } from '../core/roles';
import { normalizeName, type RowOf } from '../core/schema';
import type {
  EvaluationDto,
  EvaluationLocationDto,
  GroupRoundDto,
  IcsFileDto,
  PilotFiguresDto,
} from '../shared/api';
import { archivedRows } from './archive';
import { logAction } from './audit';
import type { RequestContext } from './context';
import { phases } from './phases';
import { invitedCounts } from './pilot';

const GROUPS: readonly GroupOrAll[] = ['nieuw', 'ervaren', 'alle'];

function toDto(g: GroupRound, start: string): GroupRoundDto {
  return {
    round: g.round,
    group: g.group,
    moment: g.moment,
    start,
    respondents: g.respondents,
    invited: g.invited,
    responseRate: g.invited ? Math.min(100, Math.round((100 * g.respondents) / g.invited)) : null,
    hidden: g.hidden,
    scales: g.scales.map((s) => ({ ...s, distribution: [...s.distribution] })),
    open: g.open.map((o) => ({ question: o.question, answers: [...o.answers] })),
  };
}

/** The onboarding's figures of one location, for newcomers who started before and after the phase date. */
function figuresOf(ctx: RequestContext, location: string, since: string): PilotFiguresDto[] {
  const directory = ctx.directory();
  const here = normalizeName(location);
  const pairings = directory.pairings();
  const paired = new Set(pairings.map((p) => p.newcomer));
  const newcomers = directory
    .staff()
    .filter(
      (s) => normalizeName(s.location) === here && s.email && (s.status === 'nieuw' || paired.has(s.email)),
    )
    .map((s) => ({ key: s.email, startDate: s.startDate }));
  const data = {
    pairings: pairings.map((p) => ({
      newcomer: p.newcomer,
      pairedOn: p.pairedOn,
      status: p.status,
    })),
    // Issue 19: finished onboardings' rows are in the archive tabs; the figures count them too.
    schedule: [
      ...(ctx.wb.tryTable('schedule')?.records.map((r) => r.value) ?? []),
      ...archivedRows(ctx, 'schedule'),
    ].map((r) => ({ newcomer: r.newcomer, done: r.done })),
    checkIns: [...directory.checkInRecords().map((r) => r.value), ...archivedRows(ctx, 'checkIns')].map(
      (r) => ({
        newcomer: r.newcomer,
        planned: r.planned,
        held: r.held,
        wellbeing: r.wellbeing,
      }),
    ),
  };
  const grace = ctx.settings().checkInGraceDays;
  const periods: ('voor' | 'na')[] = since ? ['voor', 'na'] : ['voor'];
  return periods.map((period) => ({
    period,
    ...onboardingFigures(
      newcomers.filter((n) => (period === 'voor' ? !since || n.startDate <= since : n.startDate > since)),
      data,
      grace,
    ),
  }));
}

/** The evaluation of every location the actor may see; a UserError when none. */
export function getEvaluation(ctx: RequestContext): EvaluationDto {
  const actor = ctx.actor();
  const settings = ctx.settings();
  const visible = phases(ctx).filter((p) =>
    maySeeEvaluation(actor, p.location, settings.evaluationForChiefs),
  );
  if (!visible.length) throw new UserError('evaluation.notAllowed');
  const questions = usableQuestions(ctx.wb.tryTable('questions')?.records.map((r) => r.value) ?? []);
  const rounds = (ctx.wb.tryTable('rounds')?.records ?? [])
    .map((r) => r.value)
    .filter((r) => r.id.trim() && r.start && r.start <= ctx.services.clock.today())
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  const answers: RowOf<'answers'>[] = ctx.wb.tryTable('answers')?.records.map((r) => r.value) ?? [];
  const all = phases(ctx).map((p) => p.location);
  const stored = ctx.services.store.all();
  const minGroup = Math.max(1, Math.round(settings.pilotMinGroup));
  const locations: EvaluationLocationDto[] = visible.map((p) => {
    const mine = rounds.filter((r) => roundLocations(r, all).includes(p.location));
    const results: { round: RowOf<'rounds'>; group: GroupOrAll; result: GroupRound }[] = [];
    for (const round of mine) {
      const counts = invitedCounts(ctx, round.id, stored);
      for (const group of GROUPS) {
        const invited =
          group === 'alle'
            ? (counts[`${p.location}|nieuw`] ?? 0) + (counts[`${p.location}|ervaren`] ?? 0)
            : (counts[`${p.location}|${group}`] ?? 0);
        const result = aggregate(answers, questions, {
          round: round.id,
          location: p.location,
          group,
          moment: momentOf(round.start, p.since),
          invited,
          minGroup,
        });
        // A group the round did not ask and nobody answered for is left out.
        if (result.respondents === 0 && invited === 0) continue;
        results.push({ round, group, result });
      }
    }
    const diffs = GROUPS.flatMap((group) => {
      const ofGroup = results.filter((r) => r.group === group);
      const before = ofGroup.filter((r) => r.result.moment === 'voor' && !r.result.hidden).pop();
      const after = ofGroup.filter((r) => r.result.moment === 'na' && !r.result.hidden).pop();
      if (!before || !after) return [];
      return [
        {
          group,
          before: before.round.id,
          after: after.round.id,
          rows: differences(before.result, after.result, questions),
        },
      ];
    });
    return {
      location: p.location,
      phase: p.phase,
      since: p.since,
      rounds: results.map((r) => toDto(r.result, r.round.start)),
      differences: diffs,
      figures: figuresOf(ctx, p.location, p.since),
    };
  });
  return {
    minGroup,
    questions: questions.map((q) => ({
      id: q.id,
      text: q.text,
      type: q.type || 'open',
      audience: q.audience || 'beide',
      higherIsBetter: q.higherIsBetter,
    })),
    locations,
  };
}

/** A location's score before and after: the mean over scale questions, turned so higher is better. */
export function scoreOf(
  dto: EvaluationDto,
  location: EvaluationLocationDto,
  moment: 'voor' | 'na',
): number | null {
  const d = location.differences.find((x) => x.group === 'alle') ?? location.differences[0];
  if (!d) {
    const only = location.rounds.filter((r) => r.group === 'alle' && r.moment === moment && !r.hidden).pop();
    if (!only) return null;
    const values = only.scales.map((s) => {
      const q = dto.questions.find((x) => x.id === s.question);
      return q?.higherIsBetter === false ? 6 - s.mean : s.mean;
    });
    return values.length ? Math.round((100 * values.reduce((a, b) => a + b, 0)) / values.length) / 100 : null;
  }
  const values = d.rows.flatMap((row) => {
    const v = moment === 'voor' ? row.before : row.after;
    if (v === null) return [];
    const q = dto.questions.find((x) => x.id === row.question);
    return [q?.higherIsBetter === false ? 6 - v : v];
  });
  return values.length ? Math.round((100 * values.reduce((a, b) => a + b, 0)) / values.length) / 100 : null;
}

/** Rewrites the `Evaluatie` tab (school leader): the scores per location with a chart, then the detail. */
export function refreshEvaluationTab(ctx: RequestContext): { message: string } {
  if (!mayExportAnswers(ctx.actor())) throw new UserError('error.leaderOnly');
  return ctx.locked(() => {
    const dto = getEvaluation(ctx);
    const t = ctx.t.bind(ctx);
    const cell = (v: number | null) => (v === null ? '' : v);
    const grid: (string | number)[][] = [
      [
        t('evaluation.col.location'),
        t('evaluation.col.before'),
        t('evaluation.col.after'),
        t('evaluation.col.phase'),
      ],
      ...dto.locations.map((l) => [
        l.location,
        cell(scoreOf(dto, l, 'voor')),
        cell(scoreOf(dto, l, 'na')),
        l.since ? `${l.phase} (${l.since})` : l.phase,
      ]),
      [],
      [
        t('evaluation.col.location'),
        t('evaluation.col.group'),
        t('evaluation.col.round'),
        t('evaluation.col.moment'),
        t('evaluation.col.respondents'),
        t('evaluation.col.rate'),
        ...dto.questions.filter((q) => q.type === '5-puntsschaal').map((q) => q.id),
      ],
    ];
    for (const l of dto.locations)
      for (const r of l.rounds)
        grid.push([
          l.location,
          r.group,
          r.round,
          r.moment,
          r.respondents,
          r.responseRate === null ? '' : `${r.responseRate}%`,
          ...dto.questions
            .filter((q) => q.type === '5-puntsschaal')
            .map((q) =>
              r.hidden
                ? t('evaluation.hidden', { min: dto.minGroup })
                : cell(r.scales.find((s) => s.question === q.id)?.mean ?? null),
            ),
        ]);
    grid.push([], [t('evaluation.updated', { at: ctx.services.clock.now().slice(0, 16).replace('T', ' ') })]);
    const width = Math.max(...grid.map((r) => r.length));
    const square = grid.map((r) => [...r, ...new Array(width - r.length).fill('')]);
    ctx.services.gateway.rewriteTab(ctx.wb.tabName('evaluation'), square, {
      title: t('evaluation.chartTitle'),
      columns: [1, 2, 3],
      rows: dto.locations.length + 1,
    });
    logAction(ctx, t('log.evaluationTab'), `${dto.locations.length}`);
    ctx.wb.commit();
    return { message: t('evaluation.tabWritten') };
  });
}

/** The pseudonymous answers as CSV for analysis (school leader): no names, no addresses, formula-safe. */
export function exportAnswers(ctx: RequestContext): IcsFileDto {
  if (!mayExportAnswers(ctx.actor())) throw new UserError('error.leaderOnly');
  const rows = ctx.wb.tryTable('answers')?.records.map((r) => r.value) ?? [];
  const header = ['Meting', 'Locatie', 'Groep', 'Vraag', 'Antwoord', 'Sleutel', 'Ingevuld op'];
  const lines = [
    header.map(csvCellSafe).join(';'),
    ...rows.map((a) =>
      [a.round, a.location, a.group, a.question, a.value, a.person, a.on].map(csvCellSafe).join(';'),
    ),
  ];
  return {
    filename: `antwoorden-${ctx.services.clock.today()}.csv`,
    mimeType: 'text/csv',
    content: `\uFEFF${lines.join('\r\n')}\r\n`,
  };
}
