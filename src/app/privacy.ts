/**
 * Privacy (AVG) for the school leader: apply the retention terms (preview first; monthly in the
 * scheduled run), export everything held about one person, and erase a person from every tab and
 * stored state so that later runs neither re-create nor re-mail them. The Logboek records that it
 * happened and how many rows per tab, never what they said or whom it concerned.
 */
import { UserError } from '../core/errors';
import { type Email, emailKey } from '../core/identity';
import { mailId } from '../core/mailState';
import { csvCellSafe } from '../core/pilot';
import {
  accessCsv,
  countActions,
  type ErasureAction,
  erasurePlan,
  type PrivacyTables,
  personRecords,
  type RetentionAction,
  retentionPlan,
} from '../core/privacy';
import { assertSchoolLeader } from '../core/roles';
import { type ColumnSpec, type RowOf, SCHEMA, type TabKey } from '../core/schema';
import { settingKeyOf } from '../core/settings';
import type { Table } from '../core/table';
import { expectEmail } from '../core/validate';
import type {
  ErasurePreviewDto,
  PersonExportDto,
  PrivacyResultDto,
  RetentionPreviewDto,
} from '../shared/api';
import { logAction } from './audit';
import { AUTOMATION_OWNER_KEY } from './automation';
import type { RequestContext } from './context';
import type { Job } from './jobs';
import { answerRecordsOf, expiredAnswers, removeAnswers } from './pilot';
import type { MessageKey } from './texts/messages';

/** Properties key of an erased person (a hash: the key itself holds no personal data). */
const ERASED_PREFIX = 'erased:';
const RETENTION_MONTH_KEY = 'retention.lastMonth';
/** A journal entry normally lives for seconds; one this old belongs to a row that is gone. */
const STALE_JOURNAL_DAYS = 7;

const PRIVACY_TABS = ['staff', 'pairings', 'schedule', 'checkIns', 'whoToAsk', 'locations', 'log'] as const;
/** Issue 19: the archives of finished onboardings, read when they exist (a sheet from before has none). */
const ARCHIVE_TABS = ['scheduleArchive', 'checkInsArchive'] as const;
type PrivacyTab = (typeof PRIVACY_TABS)[number] | (typeof ARCHIVE_TABS)[number];

function tablesOf(ctx: RequestContext): {
  tables: Partial<Record<PrivacyTab, Table<PrivacyTab>>>;
  data: PrivacyTables;
} {
  const tables = {} as Record<PrivacyTab, Table<PrivacyTab>>;
  for (const key of PRIVACY_TABS) tables[key] = ctx.wb.table(key) as unknown as Table<PrivacyTab>;
  for (const key of ARCHIVE_TABS) {
    const archive = ctx.wb.tryTable(key);
    if (archive) tables[key] = archive as unknown as Table<PrivacyTab>;
  }
  const values = <K extends PrivacyTab>(key: K) => (tables[key]?.records.map((r) => r.value) ?? []) as never;
  return {
    tables,
    data: {
      staff: values('staff'),
      pairings: values('pairings'),
      schedule: values('schedule'),
      checkIns: values('checkIns'),
      whoToAsk: values('whoToAsk'),
      locations: values('locations'),
      log: values('log'),
      scheduleArchive: values('scheduleArchive'),
      checkInsArchive: values('checkInsArchive'),
    },
  };
}

/**
 * The hashed key under which an erased person is remembered. Normalises itself (a stored format,
 * pinned by its golden test on raw text).
 */
export function erasedKey(email: string): string {
  return ERASED_PREFIX + mailId('p', emailKey(email));
}

/** Whether this e-mail belongs to someone erased (jobs skip them, so nobody re-mails them). */
export function isErased(ctx: RequestContext, email: Email, all?: Record<string, string>): boolean {
  const key = erasedKey(email);
  return all ? key in all : ctx.services.store.get(key) !== null;
}

function tabName(ctx: RequestContext, tab: TabKey): string {
  return ctx.wb.tabName(tab);
}

function summarize(ctx: RequestContext, actions: readonly RetentionAction[]) {
  return countActions(actions).map((c) => ({
    tab: tabName(ctx, c.tab),
    reason: ctx.t(`privacy.reason.${c.reason}`),
    rows: c.rows,
  }));
}

function plan(ctx: RequestContext) {
  const { tables, data } = tablesOf(ctx);
  const settings = ctx.settings();
  return { tables, result: retentionPlan(data, settings, ctx.services.clock.today()) };
}

/** "Bewaartermijnen toepassen", step 1: what would be removed, per tab and reason. */
export function previewRetentionPurge(ctx: RequestContext): RetentionPreviewDto {
  assertSchoolLeader(ctx.actor());
  const { result } = plan(ctx);
  // Issue 15: questionnaire answers go with the term of onboarding records after their round closed.
  const answers = expiredAnswers(ctx).length;
  return {
    items: [...summarize(ctx, result.actions), ...answerItems(ctx, answers)],
    warnings: result.undated.length ? [ctx.t('privacy.undated', { count: result.undated.length })] : [],
    total: result.actions.length + answers,
  };
}

function applyActions(
  tables: Partial<Record<PrivacyTab, Table<PrivacyTab>>>,
  actions: readonly (RetentionAction | ErasureAction)[],
): void {
  // Records are looked up before anything changes; removals shift nothing in memory.
  const targets = actions.map((a) => ({ action: a, record: tables[a.tab as PrivacyTab]!.records[a.index]! }));
  for (const { action, record } of targets) {
    const table = tables[action.tab as PrivacyTab]!;
    if (action.kind === 'delete') table.remove(record);
    else if (action.kind === 'clear') {
      table.update(record, Object.fromEntries(action.fields.map((f) => [f, ''])) as never);
    } else table.update(record, action.values as never);
  }
}

/** Journal entries left behind by a crash long ago: their rows may be gone. */
function clearStaleJournal(ctx: RequestContext): number {
  const { store, clock } = ctx.services;
  const limit = clock.millis() - STALE_JOURNAL_DAYS * 86_400_000;
  let cleared = 0;
  for (const [key, value] of Object.entries(store.all())) {
    if (!key.startsWith('mail:')) continue;
    const at = Date.parse(value.split(' ')[1] ?? '');
    if (!Number.isNaN(at) && at < limit) {
      store.delete(key);
      cleared++;
    }
  }
  return cleared;
}

/** The retention line of expired questionnaire answers (none when there are none). */
function answerItems(ctx: RequestContext, rows: number) {
  return rows ? [{ tab: tabName(ctx, 'answers'), reason: ctx.t('privacy.reason.answers'), rows }] : [];
}

function purgeNow(ctx: RequestContext): PrivacyResultDto {
  const { tables, result } = plan(ctx);
  const expired = expiredAnswers(ctx);
  const items = [...summarize(ctx, result.actions), ...answerItems(ctx, expired.length)];
  removeAnswers(ctx, expired);
  applyActions(tables, result.actions);
  const journal = clearStaleJournal(ctx);
  logAction(
    ctx,
    ctx.t('log.retentionApplied'),
    items.length
      ? items.map((i) => `${i.tab}: ${i.rows} (${i.reason})`).join('; ')
      : ctx.t('privacy.nothing'),
  );
  ctx.wb.commit();
  return {
    message:
      result.actions.length + expired.length
        ? ctx.t('privacy.purged', { count: result.actions.length + expired.length })
        : ctx.t('privacy.nothingToPurge'),
    items,
    journalCleared: journal,
  };
}

/** "Bewaartermijnen toepassen", step 2: removes what the preview showed. A second run removes nothing. */
export function applyRetentionPurge(ctx: RequestContext): PrivacyResultDto {
  assertSchoolLeader(ctx.actor());
  return ctx.locked(() => purgeNow(ctx));
}

/** Scheduled job: applies the retention terms once a month. */
export const monthlyRetention: Job = {
  name: 'retention',
  run(ctx) {
    const month = ctx.services.clock.today().slice(0, 7);
    if (ctx.services.store.get(RETENTION_MONTH_KEY) === month)
      return { done: true, summary: 'done this month' };
    if (!ctx.wb.tryTable('log')) return { done: true, summary: 'not set up' };
    const result = purgeNow(ctx);
    ctx.services.store.set(RETENTION_MONTH_KEY, month);
    return { done: true, summary: `removed ${result.items.reduce((n, i) => n + i.rows, 0)}` };
  },
};

function headerOf(ctx: RequestContext, tab: TabKey, field: string): string {
  const column = (SCHEMA[tab].columns as Record<string, ColumnSpec>)[field];
  if (!column) return field;
  return ctx.language === 'en' ? column.en : column.nl;
}

function mailsOf(
  ctx: RequestContext,
  rows: ReturnType<typeof personRecords>,
): { kind: string; state: string }[] {
  const mails: { kind: string; state: string }[] = [];
  const add = (kind: MessageKey, state: unknown) => {
    if (typeof state === 'string' && state.trim()) mails.push({ kind: ctx.t(kind), state });
  };
  for (const row of rows) {
    if (row.tab === 'staff') add('privacy.mail.welcome', row.values.welcomeStatus);
    if (row.tab === 'pairings' && row.role === 'buddy') add('privacy.mail.buddy', row.values.buddyMail);
    if ((row.tab === 'checkIns' || row.tab === 'checkInsArchive') && row.role === 'buddy') {
      add('privacy.mail.reminder', row.values.reminder);
      add('privacy.mail.late', row.values.lateNotice);
    }
  }
  return mails;
}

function personName(data: PrivacyTables, email: string): string {
  return data.staff.find((s) => s.email === email)?.name ?? '';
}

/** "Gegevens van een persoon": every row about them, and the mails sent to them, as text, CSV and JSON. */
export function exportPersonData(ctx: RequestContext, emailRaw: unknown): PersonExportDto {
  assertSchoolLeader(ctx.actor());
  const email = expectEmail(emailRaw, 'email');
  const { data } = tablesOf(ctx);
  const name = personName(data, email);
  const rows = personRecords(email, name, data);
  const leaders = ctx.settings().schoolLeaders.includes(email);
  const sections = rows.map((r) => ({
    tab: tabName(ctx, r.tab),
    role: ctx.t(`privacy.role.${r.role}`),
    fields: Object.entries(r.values)
      .filter(([, v]) => v !== '' && v !== null && v !== false)
      .map(([field, value]) => ({ field: headerOf(ctx, r.tab, field), value: String(value) })),
  }));
  if (leaders)
    sections.push({
      tab: tabName(ctx, 'settings'),
      role: ctx.t('privacy.role.leader'),
      fields: [{ field: 'Schoolleiders (e-mail)', value: email }],
    });
  // Issue 15: their questionnaire answers, found by recomputing their pseudonym.
  const answerRole = ctx.t('privacy.role.respondent');
  const answerFields = (a: RowOf<'answers'>) =>
    (['round', 'question', 'value', 'on'] as const)
      .filter((f) => a[f])
      .map((f) => ({ field: headerOf(ctx, 'answers', f), value: String(a[f]) }));
  for (const a of answerRecordsOf(ctx, email))
    sections.push({ tab: tabName(ctx, 'answers'), role: answerRole, fields: answerFields(a.value) });
  const mails = mailsOf(ctx, rows);
  const csv =
    accessCsv(
      rows,
      (tab, field) => headerOf(ctx, tab, field),
      (tab) => tabName(ctx, tab),
    ) +
    answerRecordsOf(ctx, email)
      .flatMap((a) =>
        answerFields(a.value).map((f) =>
          [tabName(ctx, 'answers'), answerRole, f.field, f.value].map(csvCellSafe).join(';'),
        ),
      )
      .map((line) => `${line}\r\n`)
      .join('');
  const json = JSON.stringify({ email, exported: ctx.services.clock.now(), sections, mails }, null, 2);
  const base = `gegevens-${email.replace(/[^a-z0-9]+/g, '-')}`;
  logAction(ctx, ctx.t('log.personExported'), `${sections.length}`);
  ctx.wb.commit();
  return {
    email,
    name,
    sections,
    mails,
    found: sections.length > 0,
    csv: { filename: `${base}.csv`, mimeType: 'text/csv', content: csv },
    json: { filename: `${base}.json`, mimeType: 'application/json', content: json },
    note: ctx.t('privacy.exportNote'),
  };
}

function erasureCounts(ctx: RequestContext, actions: readonly ErasureAction[], leader: boolean) {
  const counts = new Map<string, { tab: string; removed: number; anonymised: number }>();
  for (const a of actions) {
    const tab = tabName(ctx, a.tab);
    const entry = counts.get(tab) ?? { tab, removed: 0, anonymised: 0 };
    if (a.kind === 'delete') entry.removed++;
    else entry.anonymised++;
    counts.set(tab, entry);
  }
  if (leader) counts.set('settings', { tab: tabName(ctx, 'settings'), removed: 0, anonymised: 1 });
  return [...counts.values()];
}

/** Issue 15: the erasure count of a person's questionnaire answers. */
function answerCounts(ctx: RequestContext, removed: number) {
  return removed ? [{ tab: tabName(ctx, 'answers'), removed, anonymised: 0 }] : [];
}

/** The summary to confirm before "Verwijder persoon". Writes nothing. */
export function previewErasure(ctx: RequestContext, emailRaw: unknown): ErasurePreviewDto {
  const actor = ctx.actor();
  assertSchoolLeader(actor);
  const email = expectEmail(emailRaw, 'email');
  const { data } = tablesOf(ctx);
  const actions = erasurePlan(email, personName(data, email), data, ctx.services.clock.today());
  const counts = [
    ...erasureCounts(ctx, actions, ctx.settings().schoolLeaders.includes(email)),
    ...answerCounts(ctx, answerRecordsOf(ctx, email).length),
  ];
  return {
    email,
    name: personName(data, email),
    counts,
    isSelf: email === actor.email,
    found: counts.length > 0,
    alreadyErased: isErased(ctx, email),
  };
}

/** "Verwijder persoon": erases them everywhere; harmless to repeat; never yourself. */
export function erasePerson(ctx: RequestContext, emailRaw: unknown): PrivacyResultDto {
  const actor = ctx.actor();
  assertSchoolLeader(actor);
  const email = expectEmail(emailRaw, 'email');
  if (email === actor.email) throw new UserError('privacy.notYourself');
  return ctx.locked(() => {
    const { tables, data } = tablesOf(ctx);
    const name = personName(data, email);
    const actions = erasurePlan(email, name, data, ctx.services.clock.today());
    const settings = ctx.wb.table('settings');
    const leaderRow = settings.records.find((r) => settingKeyOf(r.value.name) === 'schoolLeaders');
    const isLeader = ctx.settings().schoolLeaders.includes(email);
    const answers = answerRecordsOf(ctx, email);
    const counts = [...erasureCounts(ctx, actions, isLeader), ...answerCounts(ctx, answers.length)];
    applyActions(tables, actions);
    removeAnswers(ctx, answers);
    if (leaderRow && isLeader) {
      const rest = ctx.settings().schoolLeaders.filter((e) => e !== email);
      settings.update(leaderRow, { value: rest.join(', ') });
    }
    ctx.services.store.set(erasedKey(email), ctx.services.clock.today());
    if (ctx.services.store.get(AUTOMATION_OWNER_KEY) === email)
      ctx.services.store.delete(AUTOMATION_OWNER_KEY);
    logAction(
      ctx,
      ctx.t('log.personErased'),
      counts.map((c) => `${c.tab}: ${c.removed}/${c.anonymised}`).join('; ') || ctx.t('privacy.nothing'),
    );
    ctx.wb.commit();
    return {
      message:
        actions.length || answers.length || isLeader
          ? ctx.t('privacy.erased')
          : ctx.t('privacy.nothingToErase'),
      items: counts.map((c) => ({
        tab: c.tab,
        reason: ctx.t('privacy.erasedCounts', { removed: c.removed, anonymised: c.anonymised }),
        rows: c.removed + c.anonymised,
      })),
      journalCleared: 0,
    };
  });
}
