/**
 * "Mijn Wegwijs", the web page for newcomers and buddies (issue 13): the page's first view in one
 * call. Identity comes only from the visitor's e-mail (`Session.getActiveUser()` on the server);
 * an empty or unknown e-mail gets a friendly message and nothing personal. Who sees what is
 * decided by the access rules in `core/roles.ts`, the same ones the sidebar's use cases call.
 */

import {
  type CheckInRow,
  compareCheckIns,
  competenceOf,
  formatLevels,
  type LevelMark,
  levelOf,
  timeline,
} from '../core/checkins';
import { UserError } from '../core/errors';
import { type Email, isAllLocations } from '../core/identity';
import { SECTION_TITLES } from '../core/packet';
import { isBuddyOf, isManager, mayRespondAsNewcomer } from '../core/roles';
import { CLICK_VALUES, normalizeName } from '../core/schema';
import { expectDate } from '../core/validate';
import type {
  PageCollectionDto,
  PageNewcomerDto,
  PagePersonDto,
  PageResponseDto,
  PageState,
} from '../shared/api';
import { coachingDto, getCheckIns } from './checkins';
import type { RequestContext } from './context';
import { packetSections } from './packet';
import { withText } from './schedule';
import { closedOn } from './summary';

/** The visitor's first view: their own onboarding (a newcomer), or their newcomers (a buddy). */
export function getPageState(ctx: RequestContext): PageState {
  const base = { language: ctx.language, today: ctx.services.clock.today() };
  const email = ctx.services.identity.email();
  // Nothing personal for an empty e-mail (another domain, or Google did not say who it is).
  if (!email) return { ...base, view: 'none', name: '', message: ctx.t('page.noUser') };
  let actor: ReturnType<RequestContext['actor']>;
  try {
    actor = ctx.actor();
  } catch (error) {
    if (error instanceof UserError) return { ...base, view: 'none', name: '', message: ctx.t('page.noUser') };
    throw error;
  }
  if (actor.role === 'onbekend') return { ...base, view: 'none', name: '', message: ctx.t('page.unknown') };
  const directory = ctx.directory();
  const me = directory.person(actor.email);
  const name = me?.name ?? '';
  if (me && me.status === 'nieuw' && mayRespondAsNewcomer(actor, me)) {
    return { ...base, view: 'newcomer', name, newcomer: ownView(ctx, me.email) };
  }
  const mine = directory.staff().filter(
    (s) =>
      s.status === 'nieuw' &&
      isBuddyOf(actor, {
        email: s.email,
        location: s.location,
        activeBuddy: directory.activeBuddy(s.email),
      }),
  );
  if (mine.length) {
    return {
      ...base,
      view: 'buddy',
      name,
      newcomers: mine
        .map((s) => followedView(ctx, s.email))
        .sort((a, b) => a.startDate.localeCompare(b.startDate)),
    };
  }
  // Issue 14: a colleague whose onboarding was closed downloads the summary for their competence file.
  if (me && !isManager(actor) && closedOn(ctx, me.email))
    return { ...base, view: 'none', name, message: ctx.t('summary.ready'), summary: true };
  return {
    ...base,
    view: 'none',
    name,
    message: ctx.t(isManager(actor) ? 'page.useSidebar' : 'page.nothingYet'),
  };
}

function personDto(ctx: RequestContext, email: Email): PagePersonDto | null {
  if (!email) return null;
  const p = ctx.directory().person(email);
  return { email, name: p?.name || email };
}

function chiefOf(ctx: RequestContext, location: string): PagePersonDto | null {
  const row = ctx.wb
    .table('locations')
    .records.find((r) => normalizeName(r.value.name) === normalizeName(location));
  return personDto(ctx, row?.value.chiefBuddy ?? '');
}

function scheduleLines(ctx: RequestContext, email: Email): PageNewcomerDto['schedule'] {
  ctx.wb.table('schedule'); // required: without `Inwerkschema` the page says so, naming it
  return ctx
    .directory()
    .rowsOf('schedule', email)
    .map((r) => r.value)
    .sort((a, b) => a.date.localeCompare(b.date) || a.activity.localeCompare(b.activity, 'nl'))
    .map((r) => ({
      date: r.date,
      week: r.week,
      activity: r.activity,
      with: withText(ctx, r.with),
      done: r.done,
    }));
}

/**
 * The collection document as the newcomer reads it on the page: the welcome packet's section texts
 * for their location (read now, so always the latest) and whom to ask what there. Only sections
 * with text; nothing addressed to the buddy (the buddy task is a mail of its own, not a section).
 */
function collection(ctx: RequestContext, location: string): PageCollectionDto {
  const sections = packetSections(ctx, location)
    .filter((s) => s.text.trim() !== '')
    .map((s) => ({ section: s.section, title: SECTION_TITLES[s.section], text: s.text }));
  const here = normalizeName(location);
  const whoToAsk = (ctx.wb.tryTable('whoToAsk')?.records ?? [])
    .map((r) => r.value)
    .filter((r) => r.topic.trim() && r.person.trim())
    .filter((r) => normalizeName(r.location) === here || isAllLocations(r.location))
    .map((r) => ({ topic: r.topic, person: r.person, email: r.email }));
  return { sections, whoToAsk };
}

/** The newcomer's own view: never the buddy's notes, only the agreements. */
function ownView(ctx: RequestContext, email: Email): PageNewcomerDto & { collection: PageCollectionDto } {
  const directory = ctx.directory();
  const me = directory.person(email)!;
  const rows = directory
    .checkInsOf(email)
    .map((r) => r.value)
    .sort(compareCheckIns);
  const held = rows.filter((r) => r.held);
  const last = held[held.length - 1];
  const line = timeline(email, {
    schedule: [],
    checkIns: rows,
    today: ctx.services.clock.today(),
    settings: ctx.settings(),
  });
  return {
    email: me.email,
    name: me.name,
    location: me.location,
    startDate: me.startDate,
    collection: collection(ctx, me.location),
    buddy: personDto(ctx, directory.activeBuddy(email)),
    chiefBuddy: chiefOf(ctx, me.location),
    schedule: scheduleLines(ctx, email),
    upcoming: rows.filter((r) => !r.held && !r.skipped.trim() && r.planned).map((r) => r.planned),
    lastAgreements: last?.agreements ?? '',
    lastAgreementsDate: last?.held ?? '',
    checkIns: rows.map((r, i) => ({
      planned: r.planned,
      held: r.held,
      agreements: r.agreements,
      notes: null,
      response: responseOf(r),
      // Their own conversation (`maySeeCoaching`: the newcomer themself); never the notes.
      coaching: r.held ? coachingDto(line.checkIns[i]!) : null,
    })),
    goals: line.goals,
    growth: line.growth,
    summaryReady: false,
  };
}

/** A buddy's newcomer: the same timeline the sidebar shows, notes only where the rules allow. */
function followedView(ctx: RequestContext, email: Email): PageNewcomerDto {
  const line = getCheckIns(ctx, email);
  const location = line.newcomer.location;
  // The same rows in the timeline's own order, for the newcomer's responses beside each entry.
  const rows = ctx
    .directory()
    .checkInsOf(email)
    .map((r) => r.value)
    .sort(compareCheckIns);
  return {
    email: line.newcomer.email,
    name: line.newcomer.name,
    location,
    startDate: line.newcomer.startDate,
    buddy: line.buddy,
    chiefBuddy: chiefOf(ctx, location),
    schedule: scheduleLines(ctx, email),
    upcoming: line.checkIns
      .filter((c) => c.state === 'gepland' || c.state === 'te laat')
      .map((c) => c.planned),
    lastAgreements: line.lastAgreements,
    lastAgreementsDate: line.lastAgreementsDate,
    checkIns: line.checkIns.map((c, i) => ({
      planned: c.planned,
      held: c.held,
      agreements: c.agreements,
      // getCheckIns already applied `maySeeNotes`: null where the buddy may not read them.
      notes: c.notes,
      response: rows[i] ? responseOf(rows[i]) : null,
      coaching: c.coaching,
    })),
    goals: line.goals,
    growth: line.growth,
    summaryReady: false,
  };
}

function responseOf(r: CheckInRow): PageResponseDto | null {
  if (!r.newcomerAt && !r.newcomerBy) return null;
  return {
    confirmed: r.newcomerConfirmed,
    remark: r.newcomerRemark,
    click: r.newcomerClick,
    wellbeing: r.newcomerWellbeing,
    at: r.newcomerAt,
  };
}

const RESPONSE_FIELDS = ['confirmed', 'remark', 'click', 'wellbeing', 'levels'];

/** The newcomer's own levels: a list of {competence, level}, each competence once (issue 14). */
function validLevels(input: unknown): LevelMark[] {
  if (input === undefined || input === null) return [];
  const bad = () => new UserError('checkin.invalid.notLevels');
  if (!Array.isArray(input) || input.length > 7) throw bad();
  const out: LevelMark[] = [];
  for (const entry of input) {
    if (typeof entry !== 'object' || entry === null) throw bad();
    const e = entry as Record<string, unknown>;
    const competence = typeof e.competence === 'string' ? competenceOf(e.competence) : undefined;
    const level = levelOf(e.level);
    if (!competence || !level || out.some((m) => m.competence === competence)) throw bad();
    out.push({ competence, level });
  }
  return out;
}

/** Checks what the newcomer sends; anything else is one clear Dutch message and no write. */
function validResponse(input: unknown): {
  confirmed: boolean;
  remark: string;
  click: (typeof CLICK_VALUES)[number];
  wellbeing: number;
  levels: LevelMark[];
} {
  const bad = () => new UserError('page.invalidResponse');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw bad();
  const o = input as Record<string, unknown>;
  if (Object.keys(o).some((k) => !RESPONSE_FIELDS.includes(k))) throw bad();
  const confirmed = o.confirmed;
  const remark = o.remark === undefined || o.remark === null ? '' : o.remark;
  if (typeof confirmed !== 'boolean' || typeof remark !== 'string' || remark.length > 1000) throw bad();
  if (!confirmed && !remark.trim()) throw bad();
  const click = CLICK_VALUES.find((c) => c === o.click);
  const wellbeing = o.wellbeing;
  if (
    !click ||
    typeof wellbeing !== 'number' ||
    !Number.isInteger(wellbeing) ||
    wellbeing < 1 ||
    wellbeing > 5
  )
    throw bad();
  return { confirmed, remark: remark.trim(), click, wellbeing, levels: validLevels(o.levels) };
}

/**
 * The newcomer's own view of one of their held check-ins: confirms the agreements or adds a
 * remark, and gives their own klik and wellbeing. Stored in the newcomer's own columns with who
 * and when; the buddy's record is never touched. Only the newcomer themself may answer.
 */
export function respondToCheckIn(ctx: RequestContext, heldRaw: unknown, input: unknown): { message: string } {
  const held = expectDate(heldRaw, 'date');
  const value = validResponse(input);
  return ctx.locked(() => {
    const actor = ctx.actor();
    const me = ctx.directory().person(actor.email);
    if (!me || !mayRespondAsNewcomer(actor, me)) throw new UserError('page.onlyOwnCheckIn');
    const table = ctx.wb.table('checkIns', {
      needs: [
        'newcomerConfirmed',
        'newcomerRemark',
        'newcomerClick',
        'newcomerWellbeing',
        'newcomerBy',
        'newcomerAt',
        ...(value.levels.length ? (['newcomerLevels'] as const) : []),
      ],
    });
    // Someone without check-ins of their own (a buddy, a school leader) has nothing to answer.
    const mine = ctx.directory().rowsOf('checkIns', me.email);
    if (!mine.length) throw new UserError('page.onlyOwnCheckIn');
    const record = mine.find((r) => r.value.held === held);
    if (!record) throw new UserError('page.noSuchCheckIn', { date: held });
    table.update(record, {
      newcomerConfirmed: value.confirmed,
      newcomerRemark: value.remark,
      newcomerClick: value.click,
      newcomerWellbeing: value.wellbeing,
      newcomerBy: actor.email,
      newcomerAt: ctx.services.clock.now(),
      ...(value.levels.length ? { newcomerLevels: formatLevels(value.levels) } : {}),
    });
    ctx.wb.commit();
    return { message: ctx.t('page.responded') };
  });
}
