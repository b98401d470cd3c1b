/**
 * Welcome packets: one mail per newcomer, before their first day, with their buddy, their first
 * three weeks, the check-ins, who to ask what and the school's documents, plus the schedule as an
 * .ics file and a printable PDF. Sent automatically and exactly once (see mailOutbox), or now, or
 * as a test to the acting user.
 */
import { addDays, formatDutchDate, type IsoDate } from '../core/dates';
import { UserError } from '../core/errors';
import { type Email, isAllLocations, normalizeName, sameLocation } from '../core/identity';
import { formatMailState, type MailState, mailId, parseMailState, shortMoment } from '../core/mailState';
import { packetDocument } from '../core/packet';
import { LATE_START_DAYS, packetStatus } from '../core/packetStatus';
import { safeReason } from '../core/redact';
import { assertCanManage, isSchoolLeader } from '../core/roles';
import { inAddedOrder, scheduleRow } from '../core/schedule/regeneration';
import { PLACEHOLDERS } from '../core/schedule/template';
import type { RowOf } from '../core/schema';
import type { TableRecord } from '../core/table';
import { linesOf, type TemplateValue } from '../core/template';
import { expectEmail } from '../core/validate';
import {
  checkInLines,
  dayLabel,
  scheduleLines,
  WHAT_A_BUDDY_IS,
  welcomeDueDate,
  whoToAskLines,
} from '../core/welcome';
import type { AutomationStatus, WelcomePreviewDto, WelcomeResultDto, WelcomeRowDto } from '../shared/api';
import { longDate } from '../shared/language';
import { logAction } from './audit';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { type DeliveryReport, deliverAndCommit, type MailJob } from './mailOutbox';
import { composeMail, firstName, mailProblem } from './messages';
import { exampleWarnings, packetSections, signature } from './packet';
import { notRunningReason } from './phases';
import type { OutgoingMail } from './ports';
import { erasedKey, isErased } from './privacy';
import { icsFor, planCheckIns, ScheduleWorld, withText } from './schedule';

type Staff = RowOf<'staff'>;

const SIDEBAR_BUDGET_MS = 60_000;

/** Everything a welcome packet needs, read once per request (people and rows from the directory). */
class WelcomeWorld extends ScheduleWorld {
  readonly staffTable;
  /** Outlined schedules of newcomers without one (see `outlineSchedules`), by e-mail. */
  private readonly outlines = new Map<Email, RowOf<'schedule'>[]>();

  constructor(ctx: RequestContext) {
    super(ctx);
    this.staffTable = ctx.wb.table('staff', { needs: ['welcomeStatus'] });
  }

  /** A newcomer's check-ins, as they are now (a schedule made in this request included). */
  checkInsOf(email: Email): RowOf<'checkIns'>[] {
    return this.checkInRecordsOf(email).map((r) => r.value);
  }

  recordOf(email: Email): TableRecord<'staff'> {
    const record = this.ctx.directory().personRecord(email);
    if (!record) throw new UserError('pairing.unknownNewcomer');
    return record;
  }

  /** The latest version of a staff row (after changes made in this request). */
  current(record: TableRecord<'staff'>): TableRecord<'staff'> {
    return this.staffTable.recordAt(record.sheetRow) ?? record;
  }

  location(name: string): RowOf<'locations'> | undefined {
    return this.ctx.directory().location(name);
  }

  dueDate(newcomer: Staff): IsoDate | '' {
    if (!newcomer.startDate) return '';
    return welcomeDueDate(
      newcomer.startDate,
      this.calendar(newcomer.location),
      this.ctx.settings().welcomeWorkdaysBefore,
    );
  }

  /** Makes the schedule of a newcomer who has none yet (in memory), so the packet can show it. */
  ensureSchedule(newcomer: Staff): void {
    if (this.rowsOf(newcomer.email).length) return;
    const generated = this.generate(newcomer);
    if (generated.items.length) this.apply(newcomer, generated);
  }

  /**
   * For checking many packets at once (the sidebar): the schedules of those without one as
   * outlines (see `SchedulePlanner.outline`), kept for `problem`, with their check-ins planned in
   * memory as `ensureSchedule` plans them. False when an outline is not certain: then ensure their
   * schedules one by one. Outlines never go into a mail or a tab.
   */
  outlineSchedules(newcomers: readonly Staff[]): boolean {
    const missing = newcomers.filter((n) => !this.rowsOf(n.email).length);
    if (!missing.length) return true;
    const outlines = this.planner().outline(missing.map((n) => this.inputOf(n)));
    if (!outlines) return false;
    for (const n of missing) {
      const items = outlines.get(n.email) ?? [];
      if (!items.length) continue;
      this.outlines.set(
        n.email,
        // No fingerprint: an outline is only checked, never written.
        inAddedOrder(items).map((i) => scheduleRow(n.email, i, '')),
      );
      planCheckIns(this, n, items);
    }
    return true;
  }

  /** The schedule a check looks at: the newcomer's rows, or their outline. */
  private checkedSchedule(email: Email): RowOf<'schedule'>[] {
    return this.outlines.get(email) ?? this.rowsOf(email).map((r) => r.value);
  }

  /**
   * Why the packet cannot go yet ('' when it could): the checks of `compose`, in its order, over
   * the template's placeholders and the data present, without rendering the mail.
   */
  problem(newcomer: Staff): string {
    const mail = this.compose(newcomer, newcomer.email, 'check');
    return mail && 'skip' in mail ? mail.skip : '';
  }

  /** The packet as a mail to `to`, or why it cannot go yet. */
  compose(newcomer: Staff, to: string): OutgoingMail | { skip: string };
  /** `check`: only why it cannot go (null when it could), nothing rendered. */
  compose(newcomer: Staff, to: string, make: 'check'): { skip: string } | null;
  compose(
    newcomer: Staff,
    to: string,
    make: 'mail' | 'check' = 'mail',
  ): OutgoingMail | { skip: string } | null {
    const ctx = this.ctx;
    if (!newcomer.startDate) return { skip: ctx.t('welcome.noStartDate') };
    const location = this.location(newcomer.location);
    const chiefEmail = location?.chiefBuddy ?? '';
    if (!chiefEmail) return { skip: ctx.t('welcome.noChiefBuddy', { location: newcomer.location }) };
    const chief = this.person(chiefEmail)!;
    const buddy = this.buddyOf(newcomer.email);
    const schedule =
      make === 'check'
        ? this.checkedSchedule(newcomer.email)
        : this.rowsOf(newcomer.email).map((r) => r.value);
    const checkIns = this.checkInsOf(newcomer.email).filter((r) => !r.skipped);
    const whoToAsk = (this.ctx.wb.tryTable('whoToAsk')?.records ?? [])
      .map((r) => r.value)
      .filter((r) => sameLocation(r.location, newcomer.location) || isAllLocations(r.location));
    // The collection document must say whom to ask what, as it must carry its links.
    if (!whoToAsk.some((r) => r.topic.trim() && r.person.trim()))
      return { skip: ctx.t('welcome.noWhoToAsk', { location: newcomer.location }) };
    // The same person as buddy and chef buddy: the packet says so rather than naming them twice.
    const sameAsChief = !!buddy && buddy.email === chief.email;
    // Dutch, as the rest of the packet (the Berichten templates are the school's Dutch texts).
    const chiefName = sameAsChief ? `${chief.name} (ook je buddy)` : chief.name;
    const link = (url: string, label: string): TemplateValue => ({ link: url, label });
    const values: Record<string, TemplateValue> = {
      voornaam: firstName(newcomer.name),
      naam: newcomer.name,
      email: newcomer.email,
      locatie: newcomer.location,
      startdatum: longDate(newcomer.startDate, 'nl'),
      'buddy.naam': buddy?.name ?? '',
      'buddy.voornaam': firstName(buddy?.name ?? ''),
      'buddy.email': buddy?.email ?? '',
      'chefbuddy.naam': chiefName,
      'chefbuddy.email': chief.email,
      schema: linesOf(() => scheduleLines(schedule)),
      checkins: linesOf(() => checkInLines(checkIns)),
      wievraagikwat: linesOf(() => whoToAskLines(whoToAsk)),
      schoolgids: link(location?.schoolGuide ?? '', 'Schoolgids'),
      verzameldocument: link(location?.collectionDoc ?? '', 'Regels en afspraken van de locatie'),
      buddytaak: WHAT_A_BUDDY_IS,
      ondertekening: signature(ctx, chief),
    };
    const request = {
      kind: 'welkomstpakket' as const,
      location: newcomer.location,
      to,
      replyTo: chief.email,
      values,
    };
    if (make === 'check') {
      const problem = mailProblem(ctx, request);
      if (problem) return { skip: problem };
    }
    const mail = make === 'check' ? null : composeMail(ctx, request);
    if (mail && 'skip' in mail) return mail;
    // A line that still says "nog te kiezen" would go out as if it were a plan: it blocks, like a missing link.
    const open = openScheduleLine(ctx, schedule);
    if (open) return { skip: ctx.t('welcome.openLine', { line: open }) };
    if (!mail) return null;
    const pdf = packetDocument({
      title: `Welkomstpakket ${newcomer.name}`,
      schoolName: ctx.settings().schoolName,
      madeOn: ctx.services.clock.today(),
      newcomer: { name: newcomer.name, location: newcomer.location, startDate: newcomer.startDate },
      sections: packetSections(ctx, newcomer.location),
      buddy: { name: buddy?.name ?? '', email: buddy?.email ?? '' },
      chiefBuddy: { ...chief, name: chiefName },
      schedule,
      checkIns,
      whoToAsk,
      links: [
        { label: 'Schoolgids', url: location?.schoolGuide ?? '' },
        { label: 'Regels en afspraken van de locatie', url: location?.collectionDoc ?? '' },
      ].filter((l) => l.url),
    }).html;
    const base = `welkomstpakket-${normalizeName(newcomer.name) || 'nieuwe-collega'}`;
    return {
      ...mail,
      attachments: [
        { name: `${base}.pdf`, mimeType: 'application/pdf', content: pdf },
        ...(schedule.length ? [{ ...toAttachment(icsFor(ctx, newcomer, schedule)) }] : []),
      ],
    };
  }

  /** The mail job of one newcomer's packet. */
  job(record: TableRecord<'staff'>, due: boolean): MailJob {
    const newcomer = record.value;
    return {
      id: mailId('welkom', newcomer.email, newcomer.startDate),
      state: parseMailState(newcomer.welcomeStatus),
      due,
      build: () => this.compose(newcomer, newcomer.email),
      mark: (state: MailState) => this.setState(record, state),
    };
  }

  setState(record: TableRecord<'staff'>, state: MailState): void {
    const current = this.staffTable.records.find((r) => r.sheetRow === record.sheetRow);
    if (current) this.staffTable.update(current, { welcomeStatus: formatMailState(state) });
  }
}

const PLACEHOLDER_TEXTS = new Set<string>(Object.values(PLACEHOLDERS).map((p) => p.toLowerCase()));

/** The first schedule line whose "Met" is still a placeholder, as `ma 11-01-2027: Activiteit (IB-er nog te kiezen)`. */
function openScheduleLine(ctx: RequestContext, rows: readonly RowOf<'schedule'>[]): string {
  const open = [...rows]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .find((r) => PLACEHOLDER_TEXTS.has(r.with.trim().toLowerCase()));
  if (!open) return '';
  // The reader's language: an English chef buddy reads neither "ma" nor "IB-er nog te kiezen".
  const day = !open.date
    ? ''
    : ctx.language === 'nl'
      ? dayLabel(open.date)
      : longDate(open.date, ctx.language);
  return `${day ? `${day}: ` : ''}${open.activity} (${withText(ctx, open.with)})`;
}

function toAttachment(file: { filename: string; mimeType: string; content: string }) {
  return { name: file.filename, mimeType: file.mimeType, content: file.content };
}

/**
 * Newcomers with a packet to think about: status nieuw. Someone erased under the AVG and typed in
 * again is never mailed automatically (`withErased` lists them, for the sidebar to show why).
 */
function newcomersOf(world: WelcomeWorld, location?: string, withErased = false): TableRecord<'staff'>[] {
  // The erasure markers are read once, and only when someone is new: the hourly run mostly finds nobody.
  const candidates = world.staffTable.records.filter(
    (r) => r.value.status === 'nieuw' && (!location || sameLocation(r.value.location, location)),
  );
  if (!candidates.length || withErased) return candidates;
  const stored = world.ctx.services.store.all();
  return candidates.filter((r) => !isErased(world.ctx, r.value.email, stored));
}

/** Why the packet of someone erased before waits for the school leader ('' when not erased). */
function erasedBlock(ctx: RequestContext, email: Email): string {
  const erasedOn = ctx.services.store.get(erasedKey(email));
  if (erasedOn === null) return '';
  return ctx.t('welcome.erasedBefore', { date: erasedOn });
}

interface Planned {
  record: TableRecord<'staff'>;
  due: boolean;
  problem: string;
}

/**
 * Plans packets: an empty state becomes `gepland <day>`; a stale planned day follows a changed start
 * date; someone who started long ago is skipped (a person can set `gepland` to send anyway).
 */
function plan(world: WelcomeWorld, records: readonly TableRecord<'staff'>[]): Planned[] {
  const ctx = world.ctx;
  const today = ctx.services.clock.today();
  return records.map((record) => {
    const newcomer = record.value;
    const state = parseMailState(newcomer.welcomeStatus);
    if (!newcomer.startDate) return { record, due: false, problem: ctx.t('welcome.noStartDate') };
    // A location that has not started the protocol (phase `nog niet`) sends nothing by itself.
    const notRunning = notRunningReason(ctx, newcomer.location);
    if (notRunning && (state.kind === 'none' || state.kind === 'pending'))
      return { record, due: false, problem: notRunning };
    const dueDate = world.dueDate(newcomer);
    if (state.kind === 'none') {
      if (newcomer.startDate < addDays(today, -LATE_START_DAYS)) {
        world.setState(record, {
          kind: 'skipped',
          reason: ctx.t('welcome.startedLongAgo', { date: formatDutchDate(newcomer.startDate) }),
        });
        return { record, due: false, problem: '' };
      }
      world.setState(record, { kind: 'pending', due: dueDate });
      return { record, due: dueDate <= today, problem: '' };
    }
    if (state.kind === 'pending') {
      if (state.due && state.due !== dueDate) world.setState(record, { kind: 'pending', due: dueDate });
      return { record, due: dueDate <= today, problem: '' };
    }
    return { record, due: false, problem: '' };
  });
}

/** Sends the due packets among `planned`; commits once; clears the journal. */
function sendPackets(world: WelcomeWorld, planned: readonly Planned[], deadline: number): DeliveryReport {
  const ctx = world.ctx;
  // A due packet shows the schedule: make it first where there is none yet.
  for (const p of planned) if (p.due && p.record.value.startDate) world.ensureSchedule(p.record.value);
  // Each row its own job (the latest version of that row): copies of one person share a mail id,
  // so the outbox sends once and marks every copy.
  const jobs = planned.map((p) => world.job(world.current(p.record), p.due));
  return deliverAndCommit(ctx, jobs, deadline);
}

/** Scheduled job: plans and sends the welcome packets that are due. */
export const dueWelcomePackets: Job = {
  name: 'welcome-packets',
  run(ctx, deadline) {
    const world = new WelcomeWorld(ctx);
    const planned = plan(world, newcomersOf(world));
    const report = sendPackets(world, planned, deadline);
    const skipped = report.skipped.length + planned.filter((p) => p.problem).length;
    return {
      done: report.stoppedBy === null,
      summary: `sent ${report.sent}, failed ${report.failed}, skipped ${skipped}, unknown ${report.unknown}, left ${report.left}`,
    };
  },
};

/** The packet exactly as it will be sent, with what blocks it. */
export function previewWelcome(ctx: RequestContext, newcomerRaw: unknown): WelcomePreviewDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  const world = new WelcomeWorld(ctx);
  const record = world.recordOf(email);
  assertCanManage(actor, record.value.location);
  if (!world.rowsOf(email).length) world.ensureSchedule(record.value); // in memory only: nothing is committed
  const mail = world.compose(record.value, email);
  const state = parseMailState(record.value.welcomeStatus);
  const erased = erasedBlock(ctx, email);
  const base = {
    to: email,
    state: record.value.welcomeStatus,
    stateKind: state.kind,
    due: world.dueDate(record.value),
    warnings: exampleWarnings(ctx, packetSections(ctx, record.value.location)),
  };
  if ('skip' in mail)
    return {
      ...base,
      subject: '',
      text: '',
      html: '',
      replyTo: '',
      attachments: [],
      errors: [...(erased ? [erased] : []), mail.skip],
    };
  return {
    ...base,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody,
    replyTo: mail.replyTo ?? '',
    attachments: (mail.attachments ?? []).map((a) => ({
      name: a.name,
      mimeType: a.mimeType,
      size: a.content.length,
    })),
    // A blocked send is always visible: the preview never says it will go when it will not.
    errors: erased ? [erased] : [],
  };
}

/** "Stuur test naar mij": the packet to the acting user, marked TEST, not recorded as sent. */
export function sendWelcomeTest(ctx: RequestContext, newcomerRaw: unknown): WelcomeResultDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  ctx.requirePermission('mail');
  const world = new WelcomeWorld(ctx);
  const record = world.recordOf(email);
  assertCanManage(actor, record.value.location);
  world.ensureSchedule(record.value);
  const mail = world.compose(record.value, actor.email);
  if ('skip' in mail) throw new UserError('welcome.cannotSend', { reason: mail.skip });
  if (ctx.services.mailer.remainingQuota() < 1) throw new UserError('welcome.noQuota');
  try {
    ctx.services.mailer.send({ ...mail, subject: `[TEST] ${mail.subject}` });
  } catch (error) {
    throw new UserError('welcome.testFailed', { reason: safeReason(error) });
  }
  return { message: ctx.t('welcome.testSent', { to: actor.email }), state: record.value.welcomeStatus };
}

/** "Nu versturen": sends the packet now, once; refuses when it was sent or may have been. */
export function sendWelcomeNow(ctx: RequestContext, newcomerRaw: unknown): WelcomeResultDto {
  const email = expectEmail(newcomerRaw, 'newcomer');
  const actor = ctx.actor();
  // Before anything is written: without "send email as you" the packet cannot go.
  ctx.requirePermission('mail');
  return ctx.locked(() => {
    const world = new WelcomeWorld(ctx);
    const record = world.recordOf(email);
    assertCanManage(actor, record.value.location);
    // Someone erased and added again: the school leader's "Nu versturen" is the confirmation.
    const erased = isErased(ctx, email);
    if (erased && !isSchoolLeader(actor))
      throw new UserError('welcome.cannotSend', { reason: erasedBlock(ctx, email) });
    const state = parseMailState(record.value.welcomeStatus);
    if (state.kind === 'sent') throw new UserError('welcome.alreadySent', { at: shortMoment(state.at) });
    if (state.kind === 'unknown' || state.kind === 'sending') throw new UserError('welcome.unknownState');
    if (state.kind !== 'pending') world.setState(record, { kind: 'pending', due: '' });
    const report = sendPackets(
      world,
      [{ record: world.recordOf(email), due: true, problem: '' }],
      ctx.services.clock.millis() + SIDEBAR_BUDGET_MS,
    );
    logAction(ctx, ctx.t('log.welcomeSent'), record.value.location);
    ctx.wb.commit();
    const now = world.recordOf(email).value.welcomeStatus;
    if (report.sent && erased) ctx.services.store.delete(erasedKey(email));
    if (report.sent) return { message: ctx.t('welcome.sent'), state: now };
    if (report.skipped.length)
      throw new UserError('welcome.cannotSend', { reason: report.skipped[0]!.reason });
    if (report.stoppedBy === 'quota') return { message: ctx.t('welcome.queued'), state: now };
    return { message: ctx.t('welcome.failed', { state: now }), state: now };
  });
}

/** How the hourly run stands, as the packet status needs it. */
export function automationKind(status: AutomationStatus | null): 'on' | 'off' | 'broken' | 'unknown' {
  if (!status) return 'unknown';
  if (status.state === 'off') return 'off';
  return status.state === 'on' || status.state === 'stale' ? 'on' : 'broken';
}

/** The packets of a location, for the sidebar: state, due day, what blocks them, what will happen. */
export function packetRows(
  ctx: RequestContext,
  location: string,
  automation: AutomationStatus | null = null,
): WelcomeRowDto[] {
  const world = new WelcomeWorld(ctx);
  const today = ctx.services.clock.today();
  const rows = newcomersOf(world, location, true).map((record) => {
    const n = record.value;
    const state = parseMailState(n.welcomeStatus);
    // What blocks before the schedule is looked at; null when the schedule and message decide.
    const before =
      state.kind === 'sent' || state.kind === 'skipped'
        ? ''
        : erasedBlock(ctx, n.email) || notReady(world, n);
    return { n, state, before };
  });
  const checked = rows.filter((r) => r.before === null).map((r) => r.n);
  // The packet carries the schedule it would be sent with (made in memory, as sending makes it),
  // so a line still "nog te kiezen" shows here as it would block there. Outlines tell that without
  // choosing anyone's hosts; when they cannot be certain, each schedule is made as sending makes it.
  if (!world.outlineSchedules(checked)) for (const n of checked) world.ensureSchedule(n);
  return rows
    .map(({ n, state, before }) => {
      // Whether it could go is decided by the message's checks alone: nothing is rendered here.
      const problem = before ?? world.problem(n);
      const due = world.dueDate(n);
      return {
        email: n.email,
        name: n.name,
        startDate: n.startDate,
        due,
        state: n.welcomeStatus,
        stateKind: state.kind,
        problem,
        status: packetStatus({
          state,
          due,
          startDate: n.startDate,
          today,
          automation: automationKind(automation),
          problem,
        }),
      };
    })
    .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
}

/** Why a packet cannot go before its schedule and message are looked at; null when they decide. */
function notReady(world: WelcomeWorld, newcomer: Staff): string | null {
  if (!newcomer.startDate) return world.ctx.t('welcome.noStartDate');
  return notRunningReason(world.ctx, newcomer.location) || null;
}
