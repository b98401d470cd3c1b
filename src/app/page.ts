/**
 * "Mijn Wegwijs", the web page for newcomers and buddies (issue 13): the page's first view in one
 * call. Identity comes only from the visitor's e-mail (`Session.getActiveUser()` on the server);
 * an empty or unknown e-mail gets a friendly message and nothing personal. Who sees what is
 * decided by the access rules in `core/roles.ts`, the same ones the sidebar's use cases call.
 */
import { compareCheckIns } from '../core/checkins';
import { UserError } from '../core/errors';
import { emailKey } from '../core/pairing';
import { isBuddyOf, isManager, mayRespondAsNewcomer } from '../core/roles';
import { normalizeName } from '../core/schema';
import type { PageNewcomerDto, PagePersonDto, PageState } from '../shared/api';
import { getTimeline } from './checkins';
import type { RequestContext } from './context';

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
  return {
    ...base,
    view: 'none',
    name,
    message: ctx.t(isManager(actor) ? 'page.useSidebar' : 'page.nothingYet'),
  };
}

function personDto(ctx: RequestContext, email: string): PagePersonDto | null {
  if (!email) return null;
  const p = ctx.directory().person(email);
  return { email: emailKey(email), name: p?.name || email };
}

function chiefOf(ctx: RequestContext, location: string): PagePersonDto | null {
  const row = ctx.wb
    .table('locations')
    .records.find((r) => normalizeName(r.value.name) === normalizeName(location));
  return personDto(ctx, row?.value.chiefBuddy ?? '');
}

function scheduleLines(ctx: RequestContext, email: string): PageNewcomerDto['schedule'] {
  return ctx.wb
    .table('schedule')
    .records.map((r) => r.value)
    .filter((r) => emailKey(r.newcomer) === emailKey(email))
    .sort((a, b) => a.date.localeCompare(b.date) || a.activity.localeCompare(b.activity, 'nl'))
    .map((r) => ({ date: r.date, week: r.week, activity: r.activity, with: r.with, done: r.done }));
}

/** The newcomer's own view: never the buddy's notes, only the agreements. */
function ownView(ctx: RequestContext, email: string): PageNewcomerDto {
  const directory = ctx.directory();
  const me = directory.person(email)!;
  const rows = directory
    .checkInRecords()
    .map((r) => r.value)
    .filter((r) => emailKey(r.newcomer) === emailKey(email))
    .sort(compareCheckIns);
  const held = rows.filter((r) => r.held);
  const last = held[held.length - 1];
  return {
    email: me.email,
    name: me.name,
    location: me.location,
    startDate: me.startDate,
    buddy: personDto(ctx, directory.activeBuddy(email)),
    chiefBuddy: chiefOf(ctx, me.location),
    schedule: scheduleLines(ctx, email),
    upcoming: rows.filter((r) => !r.held && !r.skipped.trim() && r.planned).map((r) => r.planned),
    lastAgreements: last?.agreements ?? '',
    lastAgreementsDate: last?.held ?? '',
    checkIns: rows.map((r) => ({
      planned: r.planned,
      held: r.held,
      agreements: r.agreements,
      notes: null,
    })),
  };
}

/** A buddy's newcomer: the same timeline the sidebar shows, notes only where the rules allow. */
function followedView(ctx: RequestContext, email: string): PageNewcomerDto {
  const line = getTimeline(ctx, email);
  const location = line.newcomer.location;
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
    checkIns: line.checkIns.map((c) => ({
      planned: c.planned,
      held: c.held,
      agreements: c.agreements,
      // getTimeline already applied `maySeeNotes`: null where the buddy may not read them.
      notes: c.notes,
    })),
  };
}
