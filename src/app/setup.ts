/**
 * "Blad inrichten": creates every missing tab and column, lays out headers, formats and
 * validation, and fills empty tabs with the protocol's defaults. Idempotent; never deletes or
 * overwrites a user's data; reports what it added.
 */
import { cellText } from '../core/cells';
import {
  defaultDaysOff,
  defaultLocations,
  defaultMessages,
  defaultPacket,
  defaultSettings,
  defaultTemplate,
  defaultWhoToAsk,
} from '../core/defaults';
import { UserError } from '../core/errors';
import { schoolYearsWithoutHolidays } from '../core/holidays';
import { defaultQuestions } from '../core/pilot';
import { assertSchoolLeader } from '../core/roles';
import {
  acceptedNames,
  type ColumnSpec,
  normalizeName,
  type RowOf,
  SCHEMA,
  TAB_KEYS,
  type TabKey,
} from '../core/schema';
import { SETTINGS, type SettingKey, settingKeyOf } from '../core/settings';
import { logAction } from './audit';
import type { RequestContext } from './context';
import { tabLayout } from './layout';

export interface SetupReport {
  createdTabs: string[];
  addedColumns: string[];
  addedRows: string[];
  leaderAdded: boolean;
  warnings: string[];
  /** The whole report as one translated sentence or two. */
  message: string;
}

interface TabPlan {
  key: TabKey;
  name: string;
  create: boolean;
  header: string[];
  addColumns: string[];
  /** The header row as the tab has it (texts in sheet order), when no column is added. */
  existing?: string[];
}

function columnsOf(key: TabKey): [string, ColumnSpec][] {
  return Object.entries(SCHEMA[key].columns) as [string, ColumnSpec][];
}

/**
 * Reads every tab's header row once and decides what to add; throws before any write on a
 * duplicate column.
 */
function plan(ctx: RequestContext): TabPlan[] {
  const en = ctx.language === 'en';
  return TAB_KEYS.map((key) => {
    const spec = SCHEMA[key];
    // A tab this request read already (settings, people) has its header at hand.
    const read = ctx.wb.header(key);
    const headerOf = (c: ColumnSpec) => (en ? c.en : c.nl);
    if (!read) {
      return {
        key,
        name: en ? spec.en : spec.nl,
        create: true,
        header: columnsOf(key).map(([, c]) => headerOf(c)),
        addColumns: [],
      };
    }
    const header = read.header.map((c) => normalizeName(cellText(c)));
    const addColumns: string[] = [];
    for (const [, column] of columnsOf(key)) {
      const names = acceptedNames(column);
      const hits = header.filter((h) => h !== '' && names.includes(h)).length;
      if (hits > 1) throw new UserError('schema.duplicateColumn', { tab: read.name, column: column.nl });
      if (hits === 0) addColumns.push(headerOf(column));
    }
    return {
      key,
      name: read.name,
      create: false,
      header: [],
      addColumns,
      ...(addColumns.length ? {} : { existing: read.header.map((c) => cellText(c)) }),
    };
  });
}

/** Runs setup for the acting user. The user of the very first setup becomes school leader. */
export function setupWorkbook(ctx: RequestContext): SetupReport {
  const me = ctx.services.identity.email();
  if (!me) throw new UserError('error.noUser');
  const leaders = ctx.settings().schoolLeaders;
  // Only the very first setup (no settings yet) makes its user school leader. On a sheet that was
  // set up, an empty or unreadable leader list grants nobody anything: it is fixed in the sheet.
  const settingsTab = ctx.wb.tryTable('settings');
  const firstSetup = !settingsTab || settingsTab.records.length === 0;
  if (leaders.length > 0) assertSchoolLeader(ctx.actor());
  else if (!firstSetup)
    throw new UserError('setup.noLeader', {
      tab: settingsTab.sheetName,
      setting: ctx.language === 'en' ? SETTINGS.schoolLeaders.en : SETTINGS.schoolLeaders.nl,
    });

  const r = ctx.locked(() => {
    const gateway = ctx.services.gateway;
    // The web page has no active spreadsheet: it opens this one by the ID remembered here.
    gateway.remember();
    const plans = plan(ctx);
    for (const p of plans) {
      if (p.create) gateway.createTab(p.name, p.header);
      else if (p.addColumns.length) gateway.addColumns(p.name, p.addColumns);
    }
    // Tabs or columns made: read again what the plan read before them.
    if (plans.some((p) => p.create || p.addColumns.length)) ctx.wb.reset();
    const added = fillDefaults(ctx, firstSetup ? me : '');
    const locations = ctx.wb
      .table('locations')
      .records.map((r) => r.value.name)
      .filter(Boolean);
    for (const p of plans)
      gateway.applyLayout(p.name, tabLayout(p.key, p.create ? p.header : p.existing, locations));
    const report = {
      createdTabs: plans.filter((p) => p.create).map((p) => p.name),
      addedColumns: plans.flatMap((p) => p.addColumns.map((c) => `${p.name}: ${c}`)),
      addedRows: added.rows,
      leaderAdded: added.leader,
    };
    const changed =
      report.createdTabs.length + report.addedColumns.length + report.addedRows.length > 0 ||
      report.leaderAdded;
    if (changed) {
      logAction(
        ctx,
        ctx.t('log.setup'),
        `tabs +${report.createdTabs.length}, kolommen +${report.addedColumns.length}, standaardinhoud ${report.addedRows.length}`,
      );
    }
    const daysOff = ctx.wb.table('daysOff').records.map((r) => r.value);
    ctx.wb.commit();
    const warnings = schoolYearsWithoutHolidays(daysOff, ctx.services.clock.today()).map((year) =>
      ctx.t('setup.schoolYearWithoutHolidays', { year: `${year}–${year + 1}` }),
    );
    return { ...report, warnings, changed };
  });
  const parts = [
    r.createdTabs.length ? ctx.t('setup.createdTabs', { tabs: r.createdTabs.join(', ') }) : '',
    r.addedColumns.length ? ctx.t('setup.addedColumns', { columns: r.addedColumns.join(', ') }) : '',
    r.addedRows.length ? ctx.t('setup.addedRows', { rows: r.addedRows.join(', ') }) : '',
    r.leaderAdded ? ctx.t('setup.leaderAdded') : '',
    ...r.warnings,
  ].filter(Boolean);
  const message = r.changed
    ? ctx.t('setup.done', { summary: parts.join(' ') })
    : [ctx.t('setup.nothing'), ...r.warnings].join(' ');
  return {
    createdTabs: r.createdTabs,
    addedColumns: r.addedColumns,
    addedRows: r.addedRows,
    leaderAdded: r.leaderAdded,
    warnings: r.warnings,
    message,
  };
}

/**
 * Fills empty tabs with defaults and completes Instellingen; returns what it added. `me` becomes
 * school leader where the leader setting is empty ('' on a sheet that was set up before).
 */
function fillDefaults(ctx: RequestContext, me: string): { rows: string[]; leader: boolean } {
  const rows: string[] = [];
  const fill = <K extends TabKey>(key: K, make: () => RowOf<K>[]) => {
    const table = ctx.wb.table(key);
    if (table.records.length > 0) return;
    const defaults = make();
    for (const row of defaults) table.append(row);
    if (defaults.length) rows.push(`${table.sheetName} (${defaults.length})`);
  };
  fill('locations', defaultLocations);
  fill('templates', defaultTemplate);
  fill('messages', defaultMessages);
  fill('packet', defaultPacket);
  // Issue 15: the default questionnaire, marked as an example to adapt.
  fill('questions', defaultQuestions);
  fill('whoToAsk', () =>
    defaultWhoToAsk(
      ctx.wb
        .table('locations')
        .records.map((r) => r.value.name.trim())
        .filter(Boolean),
    ),
  );
  // Message kinds added in a later version get their school-wide default row.
  const messages = ctx.wb.table('messages');
  const kinds = new Set(messages.records.map((r) => r.value.message));
  const newKinds = defaultMessages().filter((m) => !kinds.has(m.message));
  if (messages.records.length > 0 && newKinds.length) {
    for (const row of newKinds) messages.append(row);
    rows.push(`${messages.sheetName} (${newKinds.length})`);
  }
  const settings = ctx.settings();
  fill('daysOff', () =>
    defaultDaysOff(ctx.services.clock.today(), {
      goodFriday: settings.goodFriday,
      liberationDay: settings.liberationDay,
    }),
  );

  const table = ctx.wb.table('settings');
  const present = new Map<SettingKey, (typeof table.records)[number]>();
  for (const record of table.records) {
    const key = settingKeyOf(record.value.name);
    if (key && !present.has(key)) present.set(key, record);
  }
  let leader = false;
  const missing = defaultSettings(me).filter((row) => {
    const key = settingKeyOf(row.name) as SettingKey;
    return !present.has(key);
  });
  for (const row of missing) {
    if (settingKeyOf(row.name) === 'schoolLeaders' && me) leader = true;
    table.append(row);
  }
  const leaderRow = present.get('schoolLeaders');
  if (me && leaderRow && leaderRow.value.value.trim() === '') {
    table.update(leaderRow, { value: me });
    leader = true;
  }
  if (missing.length) rows.push(`${table.sheetName} (${missing.length})`);
  return { rows, leader };
}
