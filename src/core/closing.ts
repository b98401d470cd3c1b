/**
 * The evaluation of an onboarding when it is closed (issue 14, "evaluated when the onboarding is
 * closed"): how each current goal ended (bereikt, deels bereikt, niet bereikt) with an optional
 * short remark, and the agreements for after the onboarding. Validated here, kept in two cells
 * of the newcomer's staff row, shown in the closing summary. Pure.
 */
import type { Goal } from './checkins';
import { normalizeName } from './schema';

export const OUTCOMES = ['bereikt', 'deels bereikt', 'niet bereikt'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_EN: Readonly<Record<Outcome, string>> = {
  bereikt: 'achieved',
  'deels bereikt': 'partly achieved',
  'niet bereikt': 'not achieved',
};
/** Longest remark on one goal. */
export const MAX_REMARK = 300;
/** Longest agreements for after the onboarding. */
export const MAX_CLOSING_AGREEMENTS = 2000;

export interface GoalOutcome {
  goal: string;
  status: Outcome;
  remark: string;
}

export interface ClosingEvaluation {
  goals: GoalOutcome[];
  agreements: string;
}

/** Why an evaluation is refused: the message key's last part and its parameters. */
export type ClosingRefusal =
  | { code: 'notObject' }
  | { code: 'unknownField'; field: string }
  | { code: 'unknownGoal'; goal: string }
  | { code: 'twice'; goal: string }
  | { code: 'badStatus'; goal: string }
  | { code: 'tooLong'; field: 'remark' | 'agreements'; max: number };

export type ClosingValidation =
  | { ok: true; value: ClosingEvaluation }
  | { ok: false; refusal: ClosingRefusal };

const refuse = (refusal: ClosingRefusal): ClosingValidation => ({ ok: false, refusal });
const absent = (v: unknown) => v === undefined || v === null || v === '';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function outcomeOf(value: unknown): Outcome | undefined {
  if (typeof value !== 'string') return undefined;
  const wanted = normalizeName(value);
  return OUTCOMES.find((o) => normalizeName(o) === wanted || normalizeName(OUTCOME_EN[o]) === wanted);
}

function oneLine(value: string): string {
  return value.replace(/\|/g, '/').replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Checks `{goals?: [{goal, status, remark?}], agreements?}` against the newcomer's current goals.
 * Everything is optional: no evaluation at all is an empty one. A goal not among the current ones,
 * a goal given twice, a status other than the three outcomes and a text that is too long are refused.
 */
export function validateClosingEvaluation(input: unknown, current: readonly Goal[]): ClosingValidation {
  if (absent(input)) return { ok: true, value: { goals: [], agreements: '' } };
  if (!isObject(input)) return refuse({ code: 'notObject' });
  for (const key of Object.keys(input))
    if (key !== 'goals' && key !== 'agreements') return refuse({ code: 'unknownField', field: key });
  const goals: GoalOutcome[] = [];
  const raw = input.goals;
  if (!absent(raw)) {
    if (!Array.isArray(raw) || raw.length > 20) return refuse({ code: 'notObject' });
    for (const g of raw) {
      if (!isObject(g) || typeof g.goal !== 'string') return refuse({ code: 'notObject' });
      for (const key of Object.keys(g))
        if (key !== 'goal' && key !== 'status' && key !== 'remark')
          return refuse({ code: 'unknownField', field: key });
      const known = current.find((c) => normalizeName(c.goal) === normalizeName(g.goal as string));
      if (!known) return refuse({ code: 'unknownGoal', goal: oneLine(g.goal).slice(0, 80) });
      if (goals.some((o) => o.goal === known.goal)) return refuse({ code: 'twice', goal: known.goal });
      const status = outcomeOf(g.status);
      if (!status) return refuse({ code: 'badStatus', goal: known.goal });
      if (!absent(g.remark) && typeof g.remark !== 'string') return refuse({ code: 'notObject' });
      const remark = typeof g.remark === 'string' ? oneLine(g.remark.trim()) : '';
      if (remark.length > MAX_REMARK) return refuse({ code: 'tooLong', field: 'remark', max: MAX_REMARK });
      goals.push({ goal: known.goal, status, remark });
    }
  }
  if (!absent(input.agreements) && typeof input.agreements !== 'string') return refuse({ code: 'notObject' });
  const agreements = typeof input.agreements === 'string' ? input.agreements.trim() : '';
  if (agreements.length > MAX_CLOSING_AGREEMENTS)
    return refuse({ code: 'tooLong', field: 'agreements', max: MAX_CLOSING_AGREEMENTS });
  return { ok: true, value: { goals, agreements } };
}

/** The outcomes for their cell: one goal a line, `goal | status | remark`. */
export function formatOutcomes(goals: readonly GoalOutcome[]): string {
  return goals.map((g) => [g.goal, g.status, g.remark].join(' | ').replace(/ \| $/, '')).join('\n');
}

/** The outcomes back from their cell; lines that do not read as one are left out. */
export function parseOutcomes(cell: string): GoalOutcome[] {
  const out: GoalOutcome[] = [];
  for (const line of String(cell ?? '').split('\n')) {
    const [goal, status, ...rest] = line.split('|').map((p) => p.trim());
    const outcome = outcomeOf(status);
    if (goal && outcome) out.push({ goal, status: outcome, remark: rest.join(' / ') });
  }
  return out;
}
