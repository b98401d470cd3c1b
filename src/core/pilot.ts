/**
 * Pilot and evaluation (issue 15), the pure part: a location's phase, the questionnaire as sheet
 * data with its default instrument (the study's appendix 3 and interview questions), who a round
 * invites, checking answers, and the evaluation's aggregates (per location, group, question and
 * round; groups under the minimum hidden) and the onboarding's own figures per period.
 */
import { addDays, type IsoDate } from './dates';
import { redactEmails } from './redact';
import {
  type ANSWER_GROUPS,
  LOCATION_PHASES,
  type LocationPhase,
  normalizeName,
  type QUESTION_AUDIENCES,
  type RowOf,
} from './schema';

// ---- Phases ----

/**
 * The phase of a Locaties row. An empty cell, or a sheet without the column, counts as
 * `ingevoerd` (the behaviour before phases existed); an unreadable cell counts as `nog niet`
 * (nothing goes out on a guess; the sidebar names the cell).
 */
export function phaseOf(row: { phase?: LocationPhase | '' } | undefined, unreadable = false): LocationPhase {
  if (unreadable) return 'nog niet';
  return row?.phase || 'ingevoerd';
}

/** Automatic mail and new schedules run at a location in the pilot or after introduction. */
export function phaseRuns(phase: LocationPhase): boolean {
  return phase !== 'nog niet';
}

/** A phase typed loosely (case, accents, spaces); null when it is none of the three. */
export function parsePhase(text: string): LocationPhase | null {
  const wanted = normalizeName(text);
  return LOCATION_PHASES.find((p) => normalizeName(p) === wanted) ?? null;
}

// ---- The questionnaire ----

export type Question = RowOf<'questions'>;
export type Audience = (typeof QUESTION_AUDIENCES)[number];
export type AnswerGroup = (typeof ANSWER_GROUPS)[number];

/** Marks the default instrument as an example for the school to adapt. */
export const QUESTIONNAIRE_EXAMPLE = '(voorbeeld — pas aan)';

const q = (
  id: string,
  text: string,
  type: Question['type'],
  audience: Question['audience'],
  higherIsBetter = true,
): Question => ({ id, text, type, audience, higherIsBetter: type === 'open' ? false : higherIsBetter });

/**
 * The default instrument: statements from what newcomers said in the interviews (appendix 3:
 * thrown in at the deep end, too much at once, too many rules, afraid to ask for help, not
 * knowing whom to ask; needing hold, structure, an example, shadowing several people) and the
 * study's interview questions as open questions. The first row says it is an example.
 */
export function defaultQuestions(): Question[] {
  return [
    q(
      'wie-vragen',
      `Ik wist aan wie ik welke vragen kon stellen. ${QUESTIONNAIRE_EXAMPLE}`,
      '5-puntsschaal',
      'beide',
    ),
    q('diepe', 'Ik voelde me in het diepe gegooid.', '5-puntsschaal', 'nieuw', false),
    q('overzicht', 'Ik had overzicht over wat er op me afkwam.', '5-puntsschaal', 'nieuw'),
    q('hulp-vragen', 'Ik durfde om hulp te vragen.', '5-puntsschaal', 'nieuw'),
    q('regels', 'Ik kende de regels en afspraken van mijn locatie.', '5-puntsschaal', 'beide'),
    q('houvast', 'Ik had houvast en structuur in mijn eerste weken.', '5-puntsschaal', 'nieuw'),
    q(
      'meelopen',
      'Ik kon met meerdere collega’s meelopen om te zien hoe het moet.',
      '5-puntsschaal',
      'nieuw',
    ),
    q('inwerken-goed', 'Nieuwe collega’s op mijn locatie worden goed ingewerkt.', '5-puntsschaal', 'ervaren'),
    q(
      'begeleiden',
      'Ik weet wat er van mij verwacht wordt bij het begeleiden van een nieuwe collega.',
      '5-puntsschaal',
      'ervaren',
    ),
    q('info-missen', 'Welke informatie miste je?', 'open', 'beide'),
    q('ging-goed', 'Wat ging goed bij het inwerken?', 'open', 'beide'),
    q('buddy-houding', 'Hoe moet een buddy zich opstellen?', 'open', 'beide'),
  ];
}

/** Whether a question is for this group. */
export function questionFor(question: Pick<Question, 'audience'>, group: AnswerGroup): boolean {
  return question.audience === 'beide' || question.audience === group;
}

/** Questions that can be used: an id, a text and a type (rows without are left out). */
export function usableQuestions(rows: readonly Question[]): Question[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const id = r.id.trim();
    if (!id || !r.text.trim() || !r.type || !r.audience || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

// ---- Groups and rounds ----

/** Started less than a year before the round: a newer colleague; otherwise longer-serving. */
export const NEW_FOR_DAYS = 365;

/** The group of a colleague at a round's start: from their start date (or status nieuw). */
export function groupOf(person: { startDate: string; status: string }, roundStart: IsoDate): AnswerGroup {
  if (person.status === 'nieuw') return 'nieuw';
  if (!person.startDate) return 'ervaren';
  return person.startDate > addDays(roundStart, -NEW_FOR_DAYS) ? 'nieuw' : 'ervaren';
}

export type Round = RowOf<'rounds'>;

/** The round's locations as written (`alle` or a list separated by commas or semicolons). */
export function roundLocations(round: Pick<Round, 'locations'>, all: readonly string[]): string[] {
  const parts = round.locations
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => normalizeName(p) === 'alle')) return [...all];
  return all.filter((l) => parts.some((p) => normalizeName(p) === normalizeName(l)));
}

/** Whether a round includes a group. */
export function roundHasGroup(round: Pick<Round, 'groups'>, group: AnswerGroup): boolean {
  return round.groups === 'beide' || round.groups === group;
}

/** Open on `today`: started, not past its closing day. */
export function roundOpen(round: Pick<Round, 'start' | 'closes'>, today: IsoDate): boolean {
  return Boolean(round.start && round.closes && round.start <= today && today <= round.closes);
}

// ---- Answers ----

/** What a person sends for one round: question id → a score 1–5 or a text. */
export type AnswerInput = Record<string, number | string>;

export const MAX_OPEN_ANSWER = 1000;

/**
 * Checks answers against the questions of the person's group: every scale answer a whole number
 * 1–5, every open answer text up to 1000 characters, no unknown question, at least one answer.
 * Returns the values to store, or the reason it is refused (`null` when fine).
 */
export function checkAnswers(
  input: unknown,
  questions: readonly Question[],
): { ok: true; values: { question: string; value: string }[] } | { ok: false } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false };
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length === 0 || entries.length > questions.length) return { ok: false };
  const values: { question: string; value: string }[] = [];
  for (const [id, value] of entries) {
    const question = questions.find((x) => x.id === id);
    if (!question) return { ok: false };
    if (question.type === '5-puntsschaal') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
        return { ok: false };
      values.push({ question: id, value: String(value) });
    } else {
      if (typeof value !== 'string' || value.length > MAX_OPEN_ANSWER) return { ok: false };
      // An address typed into an open answer is not kept: the answers hold no e-mail at all.
      if (value.trim()) values.push({ question: id, value: redactEmails(value.trim(), '(adres)') });
    }
  }
  return values.length ? { ok: true, values } : { ok: false };
}

// ---- The evaluation ----

export type AnswerRow = RowOf<'answers'>;
export type GroupOrAll = AnswerGroup | 'alle';

export interface ScaleResult {
  readonly question: string;
  readonly n: number;
  /** Rounded to two decimals. */
  readonly mean: number;
  /** Counts of 1 … 5. */
  readonly distribution: readonly number[];
}

export interface GroupRound {
  readonly round: string;
  readonly location: string;
  readonly group: GroupOrAll;
  readonly moment: 'voor' | 'na';
  readonly respondents: number;
  readonly invited: number;
  /** Hidden: fewer respondents than the minimum; then nothing else is given. */
  readonly hidden: boolean;
  readonly scales: readonly ScaleResult[];
  /** Open answers per question, only when not hidden. */
  readonly open: readonly { question: string; answers: readonly string[] }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Before or after the location's phase date: a round that started on or before it measures "before". */
export function momentOf(roundStart: string, phaseSince: string): 'voor' | 'na' {
  if (!phaseSince) return 'voor';
  return roundStart <= phaseSince ? 'voor' : 'na';
}

/**
 * Aggregates the answers of one round at one location for one group (or both together).
 * Respondents are distinct keys; under `minGroup` everything but the counts is withheld.
 */
export function aggregate(
  answers: readonly AnswerRow[],
  questions: readonly Question[],
  args: {
    round: string;
    location: string;
    group: GroupOrAll;
    moment: 'voor' | 'na';
    invited: number;
    minGroup: number;
  },
): GroupRound {
  const mine = answers.filter(
    (a) =>
      a.round === args.round &&
      normalizeName(a.location) === normalizeName(args.location) &&
      (args.group === 'alle' || a.group === args.group),
  );
  const respondents = new Set(mine.map((a) => a.person)).size;
  const hidden = respondents < Math.max(1, args.minGroup);
  const base = {
    round: args.round,
    location: args.location,
    group: args.group,
    moment: args.moment,
    respondents,
    invited: args.invited,
    hidden,
  };
  if (hidden) return { ...base, scales: [], open: [] };
  const scales: ScaleResult[] = [];
  const open: { question: string; answers: string[] }[] = [];
  for (const question of questions) {
    const rows = mine.filter((a) => a.question === question.id);
    if (question.type === '5-puntsschaal') {
      const scores = rows.map((a) => Number(a.value)).filter((v) => Number.isInteger(v) && v >= 1 && v <= 5);
      if (!scores.length) continue;
      const distribution = [1, 2, 3, 4, 5].map((v) => scores.filter((s) => s === v).length);
      scales.push({
        question: question.id,
        n: scores.length,
        mean: round2(scores.reduce((a, b) => a + b, 0) / scores.length),
        distribution,
      });
    } else {
      const texts = rows.map((a) => a.value.trim()).filter(Boolean);
      // Sorted, so the order does not tell who answered first.
      if (texts.length)
        open.push({ question: question.id, answers: texts.sort((a, b) => a.localeCompare(b, 'nl')) });
    }
  }
  return { ...base, scales, open };
}

/**
 * The difference per scale question between the latest "before" and the latest "after" round
 * (after − before), and as improvement (the sign turned for statements where lower is better).
 */
export function differences(
  before: GroupRound | undefined,
  after: GroupRound | undefined,
  questions: readonly Question[],
): {
  question: string;
  before: number | null;
  after: number | null;
  difference: number | null;
  improvement: number | null;
}[] {
  return questions
    .filter((q) => q.type === '5-puntsschaal')
    .map((q) => {
      const b =
        before && !before.hidden ? (before.scales.find((s) => s.question === q.id)?.mean ?? null) : null;
      const a = after && !after.hidden ? (after.scales.find((s) => s.question === q.id)?.mean ?? null) : null;
      const difference = a !== null && b !== null ? round2(a - b) : null;
      return {
        question: q.id,
        before: b,
        after: a,
        difference,
        improvement: difference === null ? null : q.higherIsBetter ? difference : round2(-difference),
      };
    });
}

// ---- The onboarding's own figures, per location and period ----

export interface OnboardingFigures {
  readonly newcomers: number;
  /** Median days from start date to the first pairing (null without any). */
  readonly daysToBuddy: number | null;
  /** Share of schedule lines done, 0–100 (null without lines). */
  readonly scheduleDone: number | null;
  /** Share of held check-ins held on or before the planned day plus the grace days, 0–100. */
  readonly checkInsOnTime: number | null;
  /** Mean wellbeing of held check-ins (buddy's record), two decimals. */
  readonly wellbeing: number | null;
  /** Pairings ended early (status beëindigd). */
  readonly rePairings: number;
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T12:00:00Z`) / 86_400_000);
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : round2((s[m - 1]! + s[m]!) / 2);
}

/** Figures over the newcomers (by e-mail key) who started in a period. */
export function onboardingFigures(
  newcomers: readonly { key: string; startDate: string }[],
  data: {
    pairings: readonly { newcomer: string; pairedOn: string; status: string }[];
    schedule: readonly { newcomer: string; done: boolean }[];
    checkIns: readonly { newcomer: string; planned: string; held: string; wellbeing: number | null }[];
  },
  graceDays: number,
): OnboardingFigures {
  const keys = new Set(newcomers.map((n) => n.key));
  const pairings = data.pairings.filter((p) => keys.has(p.newcomer));
  const days = newcomers.flatMap((n) => {
    const first = pairings
      .filter((p) => p.newcomer === n.key && p.pairedOn)
      .map((p) => p.pairedOn)
      .sort()[0];
    return first && n.startDate ? [Math.max(0, dayNumber(first) - dayNumber(n.startDate))] : [];
  });
  const lines = data.schedule.filter((s) => keys.has(s.newcomer));
  const held = data.checkIns.filter((c) => keys.has(c.newcomer) && c.held && c.planned);
  const onTime = held.filter((c) => c.held <= addDays(c.planned, graceDays)).length;
  const wellbeing = held.map((c) => c.wellbeing).filter((w): w is number => typeof w === 'number');
  const pct = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : null);
  return {
    newcomers: newcomers.length,
    daysToBuddy: median(days),
    scheduleDone: pct(lines.filter((l) => l.done).length, lines.length),
    checkInsOnTime: pct(onTime, held.length),
    wellbeing: wellbeing.length ? round2(wellbeing.reduce((a, b) => a + b, 0) / wellbeing.length) : null,
    rePairings: pairings.filter((p) => p.status === 'beëindigd').length,
  };
}

// ---- Export ----

/** A CSV cell, quoted; a leading `=`, `+`, `-`, `@`, tab or CR is made text with an apostrophe. */
export function csvCellSafe(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
