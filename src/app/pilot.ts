/**
 * Questionnaires, rounds and pseudonymous answers (issue 15). The questions are sheet data
 * (`Vragenlijst`); the school leader starts a round (`Metingen`) for chosen locations and groups;
 * the scheduled run mails each invitee once, with one reminder, through the outbox's exactly-once
 * rules; colleagues answer in Mijn Wegwijs. An answer row (`Antwoorden`) holds the round,
 * location, group, question, value and a keyed hash of the person (HMAC with a key in the
 * script's properties), never a name or address: answering again updates, a closed round refuses.
 */

import { addDays, addMonths, isIsoDate, parseDateText } from '../core/dates';
import { UserError } from '../core/errors';
import { escapeHtml } from '../core/html';
import { type Email, emailIn } from '../core/identity';
import { formatMailState, mailId, parseMailState } from '../core/mailState';
import {
  type AnswerGroup,
  checkAnswers,
  groupOf,
  QUESTIONNAIRE_EXAMPLE,
  questionFor,
  type Round,
  roundHasGroup,
  roundLocations,
  roundOpen,
  usableQuestions,
} from '../core/pilot';
import {
  type Actor,
  assertManager,
  isLeft,
  manages,
  mayAnswerSurvey,
  mayManagePilot,
  maySeeEvaluation,
} from '../core/roles';
import { QUESTION_AUDIENCES, ROUND_KINDS, type RowOf } from '../core/schema';
import { SETTINGS, settingKeyOf } from '../core/settings';
import type { TableRecord } from '../core/table';
import { mailHtml } from '../core/template';
import { expectText } from '../core/validate';
import type { PageSurveyDto, PilotStateDto, QuestionDto, RoundDto, RoundInput } from '../shared/api';
import { longDate } from '../shared/language';
import { logAction } from './audit';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { canonicalLocation } from './locations';
import { deliverAndCommit, deliverySummary, type MailJob } from './mailOutbox';
import { dayOffToday } from './mailWindow';
import { pageAddress } from './messages';
import { phases } from './phases';

/** The HMAC key of the pseudonyms, in the script's properties (shared by sidebar, trigger and page). */
export const PSEUDONYM_KEY = 'wegwijs.pseudonymKey';
/** Mail states of invitations and reminders, per round (hashed ids only, no personal data). */
const SURVEY_PREFIX = 'survey:';
/** Who was invited per location and group, per round: `{"Onderbouw vmbo|nieuw": 4}`. */
const INVITED_PREFIX = 'surveyInvited:';
/** The reminder goes this many days before the round closes. */
export const REMINDER_DAYS_BEFORE = 3;
const MAX_WEEKS_AFTER = 52;

type Staff = RowOf<'staff'>;

/**
 * Whether a round may be open on `day`: the setting `Metingen open tot`, which starting a round
 * fills in with its closing day, is not before it. Metingen is read only then, so an hourly run or
 * a page view without an open round costs no extra sheet read (the settings are read anyway).
 */
function surveysMayBeOpen(ctx: RequestContext, day: string): boolean {
  const until = parseDateText(ctx.settings().surveysUntil);
  return until !== null && until >= day;
}

/** Moves `Metingen open tot` to `closes` when that is later (inside the caller's unit of work). */
function setSurveysUntil(ctx: RequestContext, closes: string): void {
  const table = ctx.wb.table('settings');
  const row = table.records.find((r) => settingKeyOf(r.value.name) === 'surveysUntil');
  const until = parseDateText(row?.value.value ?? '') ?? '';
  if (closes <= until) return;
  if (row) table.update(row, { value: closes });
  else
    table.append({
      name: ctx.language === 'en' ? SETTINGS.surveysUntil.en : SETTINGS.surveysUntil.nl,
      value: closes,
    });
}

/** The pseudonym of a person: HMAC of their address under the school's key (made once when missing). */
export function pseudonymOf(ctx: RequestContext, email: Email): string {
  const { store, hasher } = ctx.services;
  let key = store.get(PSEUDONYM_KEY);
  if (!key) {
    key = hasher.newKey();
    store.set(PSEUDONYM_KEY, key);
  }
  return hasher.hmac(key, email);
}

/** The pseudonym when a key exists, else null (erasure must not make a key just to look). */
export function existingPseudonymOf(ctx: RequestContext, email: Email): string | null {
  const key = ctx.services.store.get(PSEUDONYM_KEY);
  return key ? ctx.services.hasher.hmac(key, email) : null;
}

function questionsOf(ctx: RequestContext): RowOf<'questions'>[] {
  return usableQuestions(ctx.wb.tryTable('questions')?.records.map((r) => r.value) ?? []);
}

function questionDto(q: RowOf<'questions'>): QuestionDto {
  return {
    id: q.id,
    text: q.text,
    type: q.type || 'open',
    audience: q.audience || 'beide',
    higherIsBetter: q.higherIsBetter,
  };
}

function locationNames(ctx: RequestContext): string[] {
  return (ctx.wb.tryTable('locations')?.records ?? []).map((r) => r.value.name.trim()).filter(Boolean);
}

/** Rounds that can be used: an id, a kind, a start and a closing day. */
function roundsOf(ctx: RequestContext): Round[] {
  return (ctx.wb.tryTable('rounds')?.records ?? [])
    .map((r) => r.value)
    .filter((r) => r.id.trim() && r.kind && r.start && r.closes);
}

/**
 * The day someone is due for a round: its start for `alle medewerkers`; for `na inwerken`, the
 * day their onboarding closed plus the round's weeks ('' when they are not due).
 */
function dueDay(ctx: RequestContext, round: Round, person: Staff): string {
  if (round.kind === 'alle medewerkers') return round.start;
  const closed = ctx
    .directory()
    .pairings()
    .filter((p) => p.newcomer === person.email && p.status === 'afgerond' && p.endedOn)
    .map((p) => p.endedOn)
    .sort()
    .pop();
  if (!closed) return '';
  const day = addDays(closed, 7 * (round.weeksAfter ?? 0));
  return day >= round.start && day <= round.closes ? day : '';
}

/** Who a round invites on `today`: colleagues at its locations in its groups, still at school. */
function invitees(ctx: RequestContext, round: Round, today: string): { person: Staff; group: AnswerGroup }[] {
  const locations = roundLocations(round, locationNames(ctx));
  return ctx
    .directory()
    .staff()
    .filter((s) => emailIn(s.email) && (s.status === 'nieuw' || s.status === 'actief') && !isLeft(s, today))
    .filter((s) => locations.includes(s.location))
    .map((s) => ({ person: s, group: groupOf(s, round.start) }))
    .filter((i) => roundHasGroup(round, i.group))
    .filter((i) => {
      const day = dueDay(ctx, round, i.person);
      return day !== '' && day <= today;
    });
}

/** Who was invited to a round, per `location|group` (as recorded while the round was open). */
export function invitedCounts(
  ctx: RequestContext,
  roundId: string,
  stored?: Record<string, string>,
): Record<string, number> {
  const text = stored ? stored[INVITED_PREFIX + roundId] : ctx.services.store.get(INVITED_PREFIX + roundId);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

// ---- The sidebar: state, starting a round ----

export function getPilotState(ctx: RequestContext): PilotStateDto {
  const actor = ctx.actor();
  assertManager(actor);
  const chiefs = ctx.settings().evaluationForChiefs;
  const visible = (location: string) => mayManagePilot(actor) || maySeeEvaluation(actor, location, chiefs);
  const today = ctx.services.clock.today();
  const rounds = roundsOf(ctx);
  const answers = ctx.wb.tryTable('answers')?.records.map((r) => r.value) ?? [];
  const all = locationNames(ctx);
  const stored = ctx.services.store.all();
  const questions = questionsOf(ctx);
  return {
    // A chef buddy sees their own location's phase; rounds and results only when allowed.
    phases: phases(ctx).filter((p) => manages(actor, p.location)),
    rounds: rounds
      .map((r): RoundDto => {
        const locations = roundLocations(r, all);
        const counts = invitedCounts(ctx, r.id, stored);
        return {
          id: r.id,
          kind: r.kind || 'alle medewerkers',
          locations,
          groups: r.groups || 'beide',
          start: r.start,
          closes: r.closes,
          weeksAfter: r.weeksAfter,
          invited: Object.values(counts).reduce((a, b) => a + b, 0),
          answered: new Set(answers.filter((a) => a.round === r.id).map((a) => a.person)).size,
          open: roundOpen(r, today),
        };
      })
      .filter((r) => mayManagePilot(actor) || r.locations.some(visible)),
    questions: questions.map(questionDto),
    example: questions.some((q) => q.text.includes(QUESTIONNAIRE_EXAMPLE)),
    canManage: mayManagePilot(actor),
    canEvaluate: mayManagePilot(actor) || all.some(visible),
    today,
  };
}

/** Checks the sidebar's round; a clear message for anything off, before anything is read. */
function validRound(ctx: RequestContext, input: unknown): RoundInput {
  const bad = () => new UserError('survey.invalidRound');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw bad();
  const o = input as Record<string, unknown>;
  const known = ['kind', 'locations', 'groups', 'closes', 'weeksAfter'];
  if (Object.keys(o).some((k) => !known.includes(k))) throw bad();
  const kind = ROUND_KINDS.find((k) => k === o.kind);
  const groups = QUESTION_AUDIENCES.find((g) => g === o.groups);
  if (!kind || !groups) throw bad();
  if (!Array.isArray(o.locations) || o.locations.length === 0 || o.locations.length > 20) throw bad();
  const locations = o.locations.map((l) => expectText(l, 'location', 200));
  if (!isIsoDate(o.closes)) throw new UserError('arg.notDate', { field: 'closes' });
  if (o.closes < ctx.services.clock.today()) throw new UserError('survey.closesInPast');
  let weeksAfter: number | undefined;
  if (kind === 'na inwerken') {
    const w = o.weeksAfter;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > MAX_WEEKS_AFTER)
      throw new UserError('survey.weeksAfter', { max: MAX_WEEKS_AFTER });
    weeksAfter = w;
  } else if (o.weeksAfter !== undefined) throw bad();
  return { kind, locations, groups, closes: o.closes, ...(weeksAfter ? { weeksAfter } : {}) };
}

/** The school leader starts a round today; the next scheduled run sends the invitations. */
export function startRound(ctx: RequestContext, input: unknown): { message: string; state: PilotStateDto } {
  const round = validRound(ctx, input);
  const actor = ctx.actor();
  if (!mayManagePilot(actor)) throw new UserError('error.leaderOnly');
  const message = ctx.locked(() => {
    const locations = [...new Set(round.locations.map((l) => canonicalLocation(ctx, l)))];
    if (
      !questionsOf(ctx).some((q) => round.groups === 'beide' || questionFor(q, round.groups as AnswerGroup))
    )
      throw new UserError('survey.noQuestions', { tab: ctx.wb.tabName('questions') });
    const table = ctx.wb.table('rounds', { needs: ['weeksAfter', 'startedBy', 'invited'] });
    const ids = new Set(table.records.map((r) => r.value.id.trim().toUpperCase()));
    let n = table.records.length + 1;
    while (ids.has(`M${n}`)) n++;
    const id = `M${n}`;
    const today = ctx.services.clock.today();
    table.append({
      id,
      kind: round.kind,
      locations: locations.join(', '),
      groups: round.groups,
      start: today,
      closes: round.closes,
      weeksAfter: round.weeksAfter ?? null,
      startedBy: actor.email,
      invited: null,
    });
    setSurveysUntil(ctx, round.closes);
    logAction(ctx, ctx.t('log.roundStarted'), `${id}: ${locations.join(', ')} (${round.groups})`);
    ctx.wb.commit();
    return ctx.t('survey.started', { id, closes: longDate(round.closes, ctx.language) });
  });
  return { message, state: getPilotState(ctx) };
}

// ---- The scheduled run: invitations and one reminder ----

function surveyMail(ctx: RequestContext, to: Staff, round: Round, reminder: boolean) {
  const url = pageAddress(ctx);
  if (!url) return { skip: ctx.t('survey.noPageUrl') };
  const values = {
    name: to.name.split(' ')[0] || to.name,
    closes: longDate(round.closes, 'nl'),
    url,
  };
  const subject = ctx.t(reminder ? 'mail.survey.reminderSubject' : 'mail.survey.subject', values);
  const text = ctx.t(reminder ? 'mail.survey.reminderBody' : 'mail.survey.body', values);
  const footer = ctx.t('mail.footer');
  const html = escapeHtml(text)
    .replace(escapeHtml(url), `<a href="${escapeHtml(url)}">Mijn Wegwijs</a>`)
    .replace(/\n/g, '<br>');
  return {
    to: to.email,
    senderName: ctx.settings().senderName || ctx.settings().schoolName || 'Wegwijs',
    subject,
    body: `${text}\n\n--\n${footer}`,
    htmlBody: mailHtml(subject, `<p>${html}</p>`, footer),
  };
}

/**
 * Scheduled job: for every open round, the invitations that are due (once per person and round)
 * and one reminder a few days before closing to whoever has not answered. Properties of closed
 * rounds are removed.
 */
export const surveyInvitations: Job = {
  name: 'survey-invitations',
  run(ctx, deadline) {
    const store = ctx.services.store;
    const today = ctx.services.clock.today();
    // No round open since the day after the last one closed (its clean-up day): nothing to read.
    if (!surveysMayBeOpen(ctx, addDays(today, -1))) return { done: true, summary: 'no open rounds' };
    const table = ctx.wb.tryTable('rounds');
    if (!table?.records.length) return { done: true, summary: 'no rounds' };
    const stored = store.all();
    // A closed round's mail states are no longer needed: nothing is sent for it again.
    for (const r of table.records) {
      const round = r.value;
      if (round.id && round.closes && round.closes < today)
        for (const key of Object.keys(stored))
          if (key.startsWith(`${SURVEY_PREFIX}${round.id}:`)) store.delete(key);
    }
    const open = table.records.filter((r) => roundOpen(r.value, today) && r.value.id.trim());
    if (!open.length) return { done: true, summary: 'no open rounds' };
    const jobs: MailJob[] = [];
    let answered: Set<string> | null = null;
    for (const record of open) {
      const round = record.value;
      const people = invitees(ctx, round, today);
      const counts: Record<string, number> = {};
      for (const i of people)
        counts[`${i.person.location}|${i.group}`] = (counts[`${i.person.location}|${i.group}`] ?? 0) + 1;
      const countsText = JSON.stringify(counts);
      if (stored[INVITED_PREFIX + round.id] !== countsText) store.set(INVITED_PREFIX + round.id, countsText);
      if (table.has('invited') && record.value.invited !== people.length)
        table.update(record, { invited: people.length });
      const remind = today >= addDays(round.closes, -REMINDER_DAYS_BEFORE);
      if (remind && !answered) {
        answered = new Set(
          (ctx.wb.tryTable('answers')?.records ?? []).map((a) => `${a.value.round}|${a.value.person}`),
        );
      }
      for (const { person } of people) {
        const id = mailId('meting', round.id, person.email);
        const key = `${SURVEY_PREFIX}${round.id}:${id}`;
        const state = stored[key] ? parseMailState(stored[key]) : { kind: 'pending' as const, due: '' };
        const dayOff = dayOffToday(ctx, person.location);
        jobs.push({
          id,
          state,
          due: !dayOff,
          build: () => surveyMail(ctx, person, round, false),
          mark: (s) => store.set(key, formatMailState(s)),
        });
        if (remind && state.kind === 'sent' && answered) {
          if (answered.has(`${round.id}|${existingPseudonymOf(ctx, person.email) ?? ''}`)) continue;
          const rid = mailId('meting-herinnering', round.id, person.email);
          const rkey = `${SURVEY_PREFIX}${round.id}:${rid}`;
          jobs.push({
            id: rid,
            state: stored[rkey] ? parseMailState(stored[rkey]) : { kind: 'pending', due: '' },
            due: !dayOff,
            build: () => surveyMail(ctx, person, round, true),
            mark: (s) => store.set(rkey, formatMailState(s)),
          });
        }
      }
    }
    return deliverySummary(deliverAndCommit(ctx, jobs, deadline));
  },
};

// ---- Mijn Wegwijs: the questionnaire ----

/** The visitor's place in a round: their group, or null when the round is not for them (yet). */
function placeIn(ctx: RequestContext, round: Round, person: Staff, today: string): AnswerGroup | null {
  if (!roundOpen(round, today)) return null;
  if (!roundLocations(round, locationNames(ctx)).includes(person.location)) return null;
  const group = groupOf(person, round.start);
  if (!roundHasGroup(round, group)) return null;
  const day = dueDay(ctx, round, person);
  return day !== '' && day <= today ? group : null;
}

function visitor(ctx: RequestContext, actor: Actor): Staff | null {
  if (actor.role === 'onbekend') return null;
  const me = ctx.directory().person(actor.email);
  if (!me || !mayAnswerSurvey(actor, me) || isLeft(me, ctx.services.clock.today())) return null;
  if (me.status !== 'nieuw' && me.status !== 'actief') return null;
  return me;
}

/**
 * The open questionnaires of the page's visitor, with their own earlier answers. Reads Metingen
 * only while a round started from the sidebar is open, the questions and answers only when one
 * is open for them.
 */
export function surveysFor(ctx: RequestContext): PageSurveyDto[] {
  let actor: Actor;
  try {
    actor = ctx.actor();
  } catch (error) {
    if (error instanceof UserError) return [];
    throw error;
  }
  const today = ctx.services.clock.today();
  // No round open (the usual case): no sheet read beyond what the page reads anyway.
  if (!surveysMayBeOpen(ctx, today)) return [];
  const me = visitor(ctx, actor);
  if (!me) return [];
  const mine = roundsOf(ctx).flatMap((round) => {
    const group = placeIn(ctx, round, me, today);
    return group ? [{ round, group }] : [];
  });
  if (!mine.length) return [];
  const questions = questionsOf(ctx);
  // Outside the lock: never make the key here (a racing first answer could make another one).
  const key = existingPseudonymOf(ctx, me.email);
  const answers = key
    ? (ctx.wb.tryTable('answers')?.records ?? []).map((r) => r.value).filter((a) => a.person === key)
    : [];
  return mine.map(({ round, group }) => {
    const forGroup = questions.filter((q) => questionFor(q, group));
    const given: Record<string, number | string> = {};
    for (const a of answers.filter((x) => x.round === round.id)) {
      const q = forGroup.find((x) => x.id === a.question);
      if (q) given[a.question] = q.type === '5-puntsschaal' ? Number(a.value) : a.value;
    }
    return {
      round: round.id,
      closes: round.closes,
      group,
      questions: forGroup.map((q) => ({ id: q.id, text: q.text, type: q.type || 'open' })),
      answers: given,
    };
  });
}

/**
 * Stores the visitor's answers to a round: one row per question with the pseudonym, replacing
 * what they answered before in this round (never a second row). A closed round, a round not for
 * them, or answers that do not fit the questions are refused and nothing is written.
 */
export function submitSurvey(
  ctx: RequestContext,
  roundRaw: unknown,
  answersRaw: unknown,
): { message: string } {
  const roundId = expectText(roundRaw, 'round', 40);
  return ctx.locked(() => {
    const actor = ctx.actor();
    const me = visitor(ctx, actor);
    if (!me) throw new UserError('survey.notInvited');
    const round = roundsOf(ctx).find((r) => r.id === roundId);
    if (!round) throw new UserError('survey.unknownRound');
    const today = ctx.services.clock.today();
    if (today > round.closes)
      throw new UserError('survey.closed', { date: longDate(round.closes, ctx.language) });
    const group = placeIn(ctx, round, me, today);
    if (!group) throw new UserError('survey.notInvited');
    const questions = questionsOf(ctx).filter((q) => questionFor(q, group));
    const checked = checkAnswers(answersRaw, questions);
    if (!checked.ok) throw new UserError('survey.invalidAnswers');
    const key = pseudonymOf(ctx, me.email);
    const table = ctx.wb.table('answers', { needs: ['on'] });
    const earlier = table.records.filter((r) => r.value.round === round.id && r.value.person === key);
    const byQuestion = new Map<string, TableRecord<'answers'>>();
    for (const r of earlier) {
      if (byQuestion.has(r.value.question))
        table.remove(r); // a copied row: one answer counts
      else byQuestion.set(r.value.question, r);
    }
    for (const { question, value } of checked.values) {
      const row = { round: round.id, location: me.location, group, question, value, person: key, on: today };
      const existing = byQuestion.get(question);
      if (existing) table.update(existing, row);
      else table.append(row);
      byQuestion.delete(question);
    }
    // A question left empty this time: the earlier answer goes, so the row set is what was sent.
    for (const r of byQuestion.values()) table.remove(r);
    ctx.wb.commit();
    return { message: ctx.t(earlier.length ? 'survey.updated' : 'survey.thanks') };
  });
}

/** The answer rows of one person (for the privacy export and erasure), by recomputing the pseudonym. */
export function answerRecordsOf(ctx: RequestContext, email: Email): TableRecord<'answers'>[] {
  const key = existingPseudonymOf(ctx, email);
  if (!key) return [];
  return (ctx.wb.tryTable('answers')?.records ?? []).filter((r) => r.value.person === key);
}

/**
 * Answers past the retention term: their round closed longer ago than the term of onboarding
 * records (`Bewaartermijn inwerkgegevens`). Answers of a round no longer listed are kept (no date).
 */
export function expiredAnswers(ctx: RequestContext): TableRecord<'answers'>[] {
  const table = ctx.wb.tryTable('answers');
  if (!table?.records.length) return [];
  const limit = addMonths(ctx.services.clock.today(), -ctx.settings().retentionRecordsMonths);
  const closed = new Map(roundsOf(ctx).map((r) => [r.id, r.closes]));
  return table.records.filter((r) => {
    const closes = closed.get(r.value.round);
    return Boolean(closes && closes < limit);
  });
}

/** Removes answer rows (erasure, retention); the caller commits. */
export function removeAnswers(ctx: RequestContext, records: readonly TableRecord<'answers'>[]): void {
  const table = ctx.wb.tryTable('answers');
  if (!table) return;
  for (const r of [...records]) {
    const current = table.recordAt(r.sheetRow);
    if (current) table.remove(current);
  }
}
