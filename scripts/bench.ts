/**
 * `npm run bench`: runs the built Code.js with the counting fakes on generated workbooks of 100,
 * 1,000 and 10,000 staff rows, and prints per public server function the SpreadsheetApp calls,
 * the cells read and written, mails sent and the Node CPU time (median of several runs), plus the
 * bundle sizes, and per function the modelled minimum of calls and the ratio (`minimumCalls`).
 * A report, not a test: nothing here fails on a slow machine.
 * `npm run bench -- --json` prints the same as JSON; `--sizes 100,1000` picks the sizes,
 * `--fns getSidebarState,runScheduledJobs` the functions, `--runs 3` the runs per row, and
 * `--detail` prints every call key and the tabs read under each row; `--fns threeYears` only the
 * three-school-years comparison (issue 19), printed after the table. Beside the sidebar's CPU
 * target it prints the floor under it (scripts/floor.ts): the same tabs read, and read and parsed,
 * with nothing of the use case; `--fns floor` prints only that.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { mulberry32 } from '../sandbox/demo';
import { SPREADSHEET_KINDS } from '../sandbox/fakes/core';
import { createGasFakes, type FakeState, type GasFakes, restoreGasFakes } from '../sandbox/fakes/index';
import { type AppsScriptRuntime, loadBundle } from '../sandbox/runtime';
import { readServerFiles } from '../sandbox/world';
import { DEFAULT_LOCATIONS } from '../src/core/defaults';
import { SERVER_TARGET } from './targets';

const root = fileURLToPath(new URL('..', import.meta.url));
const code = readFileSync(`${root}build/Code.js`, 'utf8');
const sidebar = readFileSync(`${root}build/Sidebar.html`, 'utf8');
// The chunks and the server texts per language (Dutch.html, English.html).
const chunks = readServerFiles(`${root}build`);
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const SIZES = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [100, 1_000, 10_000];
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const fnsArg = args[args.indexOf('--fns') + 1];
/** `--fns getSidebarState,runScheduledJobs` measures only these functions. */
const FNS = args.includes('--fns') && fnsArg ? new Set(fnsArg.split(',')) : null;
/** `--detail` prints every call key with its count under each row. */
const DETAIL = args.includes('--detail');

export const LEADER = 'schoolleider@bench.example';
export const chiefOf = (i: number) => `chef${i + 1}@bench.example`;
const NOW = '2027-01-04T07:30:00+01:00';

/** Staff rows: 10% newcomers starting over the next weeks, the rest active, many willing buddies. */
function staffRows(n: number): string[][] {
  const rnd = mulberry32(n);
  const functions = ['leraar', 'mentor', 'onderwijsassistent', 'IB-er', 'leraar', 'leraar'];
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const newcomer = i % 10 === 9;
    const location = DEFAULT_LOCATIONS[(i + Math.floor(i / 10)) % 4]!;
    const day = newcomer ? 4 + Math.floor(rnd() * 24) : 0;
    // The first newcomer starts today, so that a check-in can be recorded for them.
    const start = newcomer ? `2027-01-${String(i === 9 ? 4 : day).padStart(2, '0')}` : '2015-08-01';
    rows.push([
      `Medewerker ${String(i).padStart(5, '0')}`,
      `m${i}@bench.example`,
      location,
      functions[Math.floor(rnd() * functions.length)]!,
      ['Nederlands', 'Wiskunde', 'Engels', 'LO'][Math.floor(rnd() * 4)]!,
      start,
      newcomer ? 'nieuw' : 'actief',
      !newcomer && rnd() < 0.6 ? 'TRUE' : 'FALSE',
      '',
      newcomer ? '0' : String(Math.floor(rnd() * 25)),
      rnd() < 0.5 ? 'TRUE' : 'FALSE',
      '',
      '',
    ]);
  }
  return rows;
}

/**
 * A workbook set up by the real setupWorkbook, then filled with `n` staff rows: every other
 * newcomer paired (so packets are due and others still wait for a buddy), locations with chef
 * buddies and links, and two check-in rows per staff member of history (20,000 at 10,000 staff).
 */
export function workbook(n: number): FakeState {
  const fakes = createGasFakes({
    now: NOW,
    activeUser: LEADER,
    htmlFiles: { Sidebar: sidebar, ...chunks },
    mailQuota: 100_000,
  });
  const runtime = loadBundle(code, fakes);
  runtime.run('setupWorkbook', [], { user: LEADER });
  const header = fakes.sheet.json('Medewerkers')[0] as string[];
  const staff = staffRows(n);
  fakes.sheet.paste('Medewerkers', [header, ...staff]);
  const locations = fakes.sheet.json('Locaties') as string[][];
  fakes.sheet.paste('Locaties', [
    locations[0]!,
    ...locations
      .slice(1)
      .map((row, i) => [
        row[0]!,
        chiefOf(i),
        'https://intranet.bench.example/regels',
        'https://bench.example/gids',
        '3',
      ]),
  ]);
  const pairHeader = fakes.sheet.json('Koppelingen')[0] as string[];
  const buddies = new Map<string, string[]>();
  for (const r of staff)
    if (r[6] === 'actief' && r[7] === 'TRUE') buddies.set(r[2]!, [...(buddies.get(r[2]!) ?? []), r[1]!]);
  const used = new Map<string, number>();
  const pairs: string[][] = [];
  staff
    .filter((r) => r[6] === 'nieuw')
    .forEach((r, i) => {
      if (i % 2) return;
      const pool = buddies.get(r[2]!) ?? [];
      const buddy = pool.find((b) => (used.get(b) ?? 0) < 2);
      if (!buddy) return;
      used.set(buddy, (used.get(buddy) ?? 0) + 1);
      const row: Record<string, string> = {
        'Nieuwe collega': r[1]!,
        Buddy: buddy,
        Locatie: r[2]!,
        'Gekoppeld op': '2026-12-15',
        'Gekoppeld door': chiefOf(0),
        Status: 'actief',
        'Buddy-mail (status)': 'verzonden 2026-12-15 10:00',
      };
      pairs.push(pairHeader.map((h) => row[h] ?? ''));
    });
  fakes.sheet.paste('Koppelingen', [pairHeader, ...pairs]);
  const checkHeader = fakes.sheet.json('Check-ins')[0] as string[];
  const history: string[][] = [];
  for (const r of staff.filter((x) => x[6] === 'actief')) {
    for (const planned of ['2016-09-02', '2016-09-16']) {
      const row: Record<string, string> = {
        'Nieuwe collega': r[1]!,
        Gepland: planned,
        Gehouden: planned,
        'Fase (4D)': 'doen',
        'Welbevinden (1–5)': '4',
        Klik: 'goed',
        Afspraken: 'Samen lessen voorbereiden',
        Notities: 'Gaat goed',
      };
      history.push(checkHeader.map((h) => row[h] ?? ''));
    }
  }
  fakes.sheet.paste('Check-ins', [checkHeader, ...history]);
  return fakes.toJSON();
}

interface Scenario {
  fn: string;
  user: string;
  /**
   * The tabs this function must read, when fewer than it reads today (default: each tab it reads,
   * once). A tab read that is not needed, or read twice, is waste the ratio shows.
   */
  reads?: readonly string[];
  /** Calls the minimum model cannot see from the data (layouts, charts), with why they are needed. */
  extra?: (before: GasFakes, after: GasFakes) => { calls: number; why: string };
  /** Arguments, possibly looked up in the workbook (not measured). */
  args: unknown[] | ((runtime: AppsScriptRuntime) => unknown[]);
}

/** The first unpaired newcomer of the first location, and its best suggested buddy. */
function firstNewcomer(runtime: AppsScriptRuntime): { newcomer: string; buddy: string } {
  const state = runtime.run('getSidebarState', [DEFAULT_LOCATIONS[0]], { user: LEADER }) as {
    pairing: { unpaired: { email: string }[] };
  };
  const newcomer = state.pairing.unpaired[0]!.email;
  const suggestions = runtime.run('suggestBuddies', [newcomer], { user: LEADER }) as {
    suggestions: { email: string }[];
  };
  return { newcomer, buddy: suggestions.suggestions[0]!.email };
}

/** A paired newcomer, looked for location by location (run as the school leader). */
function pairedNewcomer(runtime: AppsScriptRuntime): string {
  for (const location of DEFAULT_LOCATIONS) {
    const state = runtime.run('getSidebarState', [location], { user: LEADER }) as {
      pairing: { pairs: { newcomer: string }[] };
    };
    if (state.pairing.pairs[0]) return state.pairing.pairs[0].newcomer;
  }
  throw new Error('no paired newcomer in the bench workbook');
}

/**
 * A newcomer who started by today (a check-in is held between the start and today), paired and
 * with the schedule saved first (not measured; the state is kept).
 */
function startedWithSchedule(runtime: AppsScriptRuntime): string {
  for (const location of DEFAULT_LOCATIONS) {
    const state = runtime.run('getSidebarState', [location], { user: LEADER }) as {
      newcomers: { email: string; buddy: string; startDate: string }[];
    };
    const started = state.newcomers.find((n) => n.startDate && n.startDate <= NOW.slice(0, 10));
    if (started) {
      if (!started.buddy) {
        const suggestions = runtime.run('suggestBuddies', [started.email], { user: LEADER }) as {
          suggestions: { email: string }[];
        };
        runtime.run('assignBuddy', [started.email, suggestions.suggestions[0]!.email], { user: LEADER });
      }
      runtime.run('saveSchedule', [started.email], { user: LEADER });
      return started.email;
    }
  }
  throw new Error('no paired newcomer who started in the bench workbook');
}

/** A paired newcomer whose schedule is saved first (not measured; the state is kept). */
function savedSchedule(runtime: AppsScriptRuntime): string {
  const newcomer = pairedNewcomer(runtime);
  runtime.run('saveSchedule', [newcomer], { user: LEADER });
  return newcomer;
}

function proposalFor(runtime: AppsScriptRuntime): unknown[] {
  const proposal = runtime.run('proposePairs', [DEFAULT_LOCATIONS[0]], { user: LEADER }) as {
    pairs: { newcomer: string; buddy: string }[];
  };
  return [
    DEFAULT_LOCATIONS[0],
    proposal.pairs.slice(0, 200).map((p) => ({ newcomer: p.newcomer, buddy: p.buddy })),
  ];
}

/**
 * Setup lays out every tab again (a school may have changed a rule by hand): per tab frozen header
 * row, its range made bold and coloured (4); per validated column its range and rule (2); each
 * distinct rule built once (new, require…, allow-invalid, build: 4); per formatted column 1.
 */
function setupLayout(_before: GasFakes, after: GasFakes): { calls: number; why: string } {
  let calls = 0;
  const rules = new Set<string>();
  for (const tab of after.sheet.tabNames()) {
    if (tab === 'Overzicht') continue;
    calls += 4;
    const columns = new Set<string>();
    for (const v of after.sheet.validations(tab)) {
      columns.add(v.a1.replace(/[0-9:]+/g, ''));
      rules.add(JSON.stringify({ ...v, a1: '' }));
    }
    calls += 2 * columns.size;
    const formats = after.sheet.formats(tab)[1] ?? [];
    calls += formats.filter((f) => f !== 'General' && f !== '@').length;
  }
  calls += 4 * rules.size;
  return {
    calls,
    why: 'the tabs’ layout: per tab header and frozen row 4, per validated column 2, per rule 4, per date column 1',
  };
}

/**
 * The Overzicht tab is rewritten whole: find, clear, range, guard formats and write (5); whether
 * its chart still fits: charts, last row, title (3); the chart is built only when it is missing
 * (new, type, title, 3 ranges, position, build, insert: 9) and its header row frozen then (1).
 */
function overviewTab(before: GasFakes, _after: GasFakes): { calls: number; why: string } {
  const hasChart =
    before.sheet.tabNames().includes('Overzicht') && before.sheet.charts('Overzicht').length > 0;
  return {
    calls: 5 + 3 + (hasChart ? 0 : 10),
    why: 'the Overzicht tab: find, clear, range, formats, write; whether its chart fits (3); a chart and frozen row only when missing',
  };
}

/**
 * The first run of a week rewrites the Overzicht tab (see `overviewTab`); each job that mailed
 * flushes its writes before it clears its mail journal (exactly once), beyond the one final flush.
 */
function scheduledRun(before: GasFakes, after: GasFakes): { calls: number; why: string } {
  const overview = overviewTab(before, after);
  return {
    calls: overview.calls + 2,
    why: `${overview.why}; a flush per mailing job before its journal is cleared (2)`,
  };
}

/**
 * What the sidebar shows needs these tabs: Inwerkschema for who has a saved schedule (and the
 * open lines that block a packet), and "Wie vraag ik wat" because a packet cannot go while its
 * location names nobody to ask (a problem the packet state shows; its lines are not rendered).
 */
const SIDEBAR_READS = [
  'Instellingen',
  'Locaties',
  'Medewerkers',
  'Koppelingen',
  'Inwerkschema',
  'Check-ins',
  'Vrije dagen',
  'Berichten',
  'Schemasjablonen',
  'Wie vraag ik wat',
];

/** Issue 19's CPU target for `getSidebarState`, per number of staff (ms, median of runs). */
const CPU_TARGET_MS: Record<number, number> = { 1000: 30, 10000: 200 };

/** One scenario per public server function that reads or writes the workbook. */
const SCENARIOS: Scenario[] = [
  { fn: 'getSidebarState', user: LEADER, args: [], reads: SIDEBAR_READS },
  { fn: 'getSidebarState', user: chiefOf(0), args: [], reads: SIDEBAR_READS },
  { fn: 'getAboutInfo', user: LEADER, args: [] },
  { fn: 'getAutomationStatus', user: LEADER, args: [] },
  { fn: 'setAutomaticSending', user: LEADER, args: [true] },
  { fn: 'setupWorkbook', user: LEADER, args: [], extra: setupLayout },
  { fn: 'suggestBuddies', user: chiefOf(0), args: (r) => [firstNewcomer(r).newcomer] },
  { fn: 'assignBuddy', user: chiefOf(0), args: (r) => Object.values(firstNewcomer(r)) },
  { fn: 'endPairing', user: chiefOf(0), args: [] },
  { fn: 'proposePairs', user: chiefOf(0), args: [DEFAULT_LOCATIONS[0]] },
  { fn: 'applyPairs', user: chiefOf(0), args: proposalFor },
  { fn: 'previewSchedule', user: LEADER, args: (r) => [pairedNewcomer(r)] },
  { fn: 'saveSchedule', user: LEADER, args: (r) => [pairedNewcomer(r)] },
  { fn: 'generateSchedules', user: chiefOf(0), args: [DEFAULT_LOCATIONS[0]] },
  { fn: 'scheduleIcs', user: LEADER, args: (r) => [savedSchedule(r)] },
  { fn: 'previewWelcome', user: LEADER, args: (r) => [pairedNewcomer(r)] },
  { fn: 'getCheckIns', user: LEADER, args: (r) => [savedSchedule(r)] },
  {
    fn: 'recordCheckIn',
    user: LEADER,
    args: (r) => [
      startedWithSchedule(r),
      {
        held: '2027-01-04',
        steps: { doen: 'Samen de mentorles voorbereiden.' },
        wellbeing: 4,
        click: 'goed',
      },
    ],
  },
  { fn: 'getOverview', user: LEADER, args: [] },
  { fn: 'refreshOverviewTab', user: LEADER, args: [], extra: overviewTab },
  { fn: 'previewRetentionPurge', user: LEADER, args: [] },
  { fn: 'exportPersonData', user: LEADER, args: ['m5@bench.example'] },
  { fn: 'runScheduledJobs', user: LEADER, args: [{}], extra: scheduledRun },
];

interface Measure {
  size: number;
  fn: string;
  user: string;
  spreadsheetCalls: number;
  /** The modelled minimum of spreadsheet calls (see `minimumCalls`). */
  minimum: number;
  /** Why the minimum holds more than reads, writes and a log line (printed under the table). */
  why: string[];
  cellsRead: number;
  cellsWritten: number;
  mails: number;
  cpuMs: number;
  /**
   * Median wall time: the main thread's work. Process CPU also counts V8's compiler and garbage
   * collector threads, which run beside it (about 1.6 times the wall time on this 2-core machine).
   */
  wallMs: number;
  /** Tabs whose values were read, with how often (for `--detail`). */
  tabsRead: Record<string, number>;
  /** Spreadsheet-family call keys with their counts (for `--detail`). */
  detail: Record<string, number>;
}

/** A workbook made ready for one scenario (not measured): its state and the call's arguments. */
interface Prepared {
  state: FakeState;
  args: unknown[];
  /** What the last measured run left: the fakes with their counts, and the state it started from. */
  last?: GasFakes;
  times: number[];
  walls: number[];
}

function prepare(base: FakeState, scenario: Scenario): Prepared {
  let state = base;
  let args = Array.isArray(scenario.args) ? scenario.args : [];
  if (!Array.isArray(scenario.args) || scenario.fn === 'endPairing' || scenario.fn === 'runScheduledJobs') {
    const fakes = restoreGasFakes(base, { htmlFiles: { Sidebar: sidebar, ...chunks } });
    const runtime = loadBundle(code, fakes);
    if (scenario.fn === 'endPairing') {
      // Ending needs a pair: make one first (not measured).
      const pair = firstNewcomer(runtime);
      runtime.run('assignBuddy', [pair.newcomer, pair.buddy], { user: LEADER });
      args = [pair.newcomer, 'geen klik'];
      state = fakes.toJSON();
    } else if (scenario.fn === 'runScheduledJobs') {
      // The scheduled run starts only from its owner's trigger: turn automatic sending on first.
      runtime.run('enableAutomaticSending', [], { user: LEADER });
      state = fakes.toJSON();
    } else if (typeof scenario.args === 'function') {
      args = scenario.args(runtime);
      state = fakes.toJSON();
    }
  }
  return { state, args, times: [], walls: [] };
}

/** One cold run: a fresh copy of the workbook, the bundle loaded afresh, the call measured. */
function runOnce(p: Prepared, size: number, scenario: Scenario): void {
  const fakes = restoreGasFakes(p.state, { htmlFiles: { Sidebar: sidebar, ...chunks } });
  const runtime = loadBundle(code, fakes);
  fakes.calls.reset();
  const before = process.cpuUsage();
  const started = performance.now();
  try {
    if (scenario.fn === 'runScheduledJobs') {
      const [fired] = runtime.fireTimeTriggers();
      if (!fired || fired.error) throw new Error(fired?.error ?? 'no trigger');
    } else runtime.run(scenario.fn, p.args, { user: scenario.user });
  } catch (error) {
    throw new Error(`${scenario.fn} failed at ${size} rows: ${(error as Error).message}`);
  }
  const used = process.cpuUsage(before);
  p.walls.push(performance.now() - started);
  p.times.push((used.user + used.system) / 1000);
  p.last = fakes;
}

function summary(p: Prepared, size: number, scenario: Scenario): Measure {
  const last = p.last!;
  const model = minimumCalls(p.state, last, scenario);
  const median = (a: number[]) =>
    Math.round([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]! * 10) / 10;
  return {
    size,
    fn: scenario.fn,
    user: scenario.user.split('@')[0]!,
    spreadsheetCalls: last.calls.spreadsheetCalls(),
    minimum: model.calls,
    why: model.why,
    cellsRead: last.calls.cellsRead,
    cellsWritten: last.calls.cellsWritten,
    mails: last.calls.count('MailApp.sendEmail'),
    cpuMs: median(p.times),
    wallMs: median(p.walls),
    tabsRead: last.calls.tabsRead(),
    detail: Object.fromEntries(
      Object.entries(last.calls.snapshot()).filter(([k]) => SPREADSHEET_KINDS.has(k.split('.')[0]!)),
    ),
  };
}

function measure(base: FakeState, size: number, scenario: Scenario, runs = RUNS): Measure {
  const p = prepare(base, scenario);
  for (let i = 0; i < runs; i++) runOnce(p, size, scenario);
  return summary(p, size, scenario);
}

/**
 * The same scenario on several workbooks, their runs interleaved (a, b, c, then c, b, a, …), so
 * what drifts during the process (its heap, the machine) weighs on each alike: for comparisons.
 */
function measureSideBySide(
  bases: readonly FakeState[],
  size: number,
  scenario: Scenario,
  runs = RUNS,
): Measure[] {
  const prepared = bases.map((b) => prepare(b, scenario));
  for (let i = 0; i < runs; i++)
    for (const p of i % 2 ? [...prepared].reverse() : prepared) runOnce(p, size, scenario);
  return prepared.map((p) => summary(p, size, scenario));
}

/** The tabs of a workbook state as JSON grids. */
function tabsOf(state: FakeState): Map<string, unknown[][]> {
  const fakes = restoreGasFakes(state, { htmlFiles: { Sidebar: sidebar, ...chunks } });
  return new Map(fakes.sheet.tabNames().map((t) => [t, fakes.sheet.json(t)]));
}

const LOG_TAB = 'Logboek';
const LOG_HEADER =
  'Logboek: its header row (range + values), so a line lands in the right columns however they are ordered';
const FORMATS =
  'per written tab: the number formats of the cells written (1), so text in a plain-text column gets no apostrophe';
const ROOM = 'appended rows: range + write + the tab’s size (1), so they fit';

/**
 * The physical minimum of spreadsheet calls for what a run did, from the workbook before and
 * after: one spreadsheet handle and its time zone (dates are midnight there); per tab it must
 * read: find + range + values; per written tab not read: find; per changed block: range + write,
 * where changed cells of one value may go as one range list (`RangeList.setValue`), so a tab's
 * updates count as the fewer of their rectangles and their distinct values; appended rows: one
 * block; each run of deleted rows: one call; each log line: one append; one flush when anything
 * was written (before the lock is released). Tabs created, layouts and charts: `extra`.
 */
function minimumCalls(
  before: FakeState,
  after: GasFakes,
  scenario: Scenario,
): { calls: number; why: string[] } {
  const why: string[] = [];
  const readTabs = scenario.reads ?? Object.keys(after.calls.tabsRead());
  let calls = 2 + 3 * readTabs.length;
  const old = tabsOf(before);
  let wrote = false;
  for (const tab of after.sheet.tabNames()) {
    if (tab === 'Overzicht' && scenario.extra) continue; // rewritten whole: counted in `extra`
    const was = old.get(tab) ?? [];
    const now = after.sheet.json(tab);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    wrote = true;
    if (!readTabs.includes(tab)) calls += 1;
    if (tab === LOG_TAB) {
      calls += Math.max(0, now.length - was.length);
      if (!readTabs.includes(tab)) {
        calls += 2;
        why.push(LOG_HEADER);
      }
      continue;
    }
    calls += 1;
    why.push(FORMATS);
    if (now.length > was.length && was.length > 0) {
      calls += 3;
      why.push(ROOM);
    }
    if (now.length < was.length) calls += 1;
    const changed: { row: number; col: number; value: string }[] = [];
    for (let r = 0; r < Math.min(was.length, now.length); r++) {
      const a = was[r] ?? [];
      const b = now[r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c++)
        if (JSON.stringify(a[c] ?? null) !== JSON.stringify(b[c] ?? null))
          changed.push({ row: r, col: c, value: JSON.stringify(b[c] ?? null) });
    }
    if (now.length < was.length || !changed.length) continue;
    calls += 2 * Math.min(new Set(changed.map((x) => x.value)).size, rectangles(changed));
  }
  if (wrote) calls += 1;
  if (scenario.extra) {
    const extra = scenario.extra(
      restoreGasFakes(before, { htmlFiles: { Sidebar: sidebar, ...chunks } }),
      after,
    );
    calls += extra.calls;
    why.push(extra.why);
  }
  return { calls, why: [...new Set(why)] };
}

/** Rectangles covering exactly these cells: runs of columns per row, merged down over equal runs. */
function rectangles(cells: readonly { row: number; col: number }[]): number {
  const rows = new Map<number, number[]>();
  for (const c of cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c.col]);
  const open = new Map<string, number>();
  let count = 0;
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cols = rows.get(row)!.sort((a, b) => a - b);
    let start = cols[0]!;
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1]! + 1) continue;
      const key = `${start}:${cols[i - 1]}`;
      if (open.get(key) !== row - 1) count++;
      open.set(key, row);
      start = cols[i]!;
    }
  }
  return count;
}

// ---- Three school years of history (issue 19, "flat cost over the years") ----

/** A day of school year `year` (2023 = 2023–2024), `n` days after 1 September. */
function schoolDay(year: number, n: number): string {
  const d = new Date(Date.UTC(year, 8, 1 + n));
  return d.toISOString().slice(0, 10);
}

/**
 * The bench workbook as it stands after `years` school years of Wegwijs: current newcomers'
 * schedules and planned check-ins live (the same in every variant), and per past year a tenth of
 * the staff onboarded, their 6 check-ins and 15 schedule lines in the archive tabs (as closing
 * and the monthly run leave them) and the year's Logboek lines. `years` 0 is a first-year sheet;
 * `archived` false keeps the history in the live tabs (as before the archive).
 */
export function historyWorkbook(n: number, years: number, archived = true): FakeState {
  const fakes = restoreGasFakes(workbook(n), {
    htmlFiles: { Sidebar: sidebar, ...chunks },
  });
  const staff = fakes.sheet.json('Medewerkers').slice(1) as string[][];
  const rowOf = (header: string[], row: Record<string, string>) => header.map((h) => row[h] ?? '');
  const checkHeader = fakes.sheet.json('Check-ins')[0] as string[];
  const scheduleHeader = fakes.sheet.json('Inwerkschema')[0] as string[];
  const live = { checkIns: [checkHeader], schedule: [scheduleHeader] };
  for (const r of staff.filter((x) => x[6] === 'nieuw')) {
    for (let w = 1; w <= 3; w++) {
      live.checkIns.push(rowOf(checkHeader, { 'Nieuwe collega': r[1]!, Gepland: `2027-01-${10 + 7 * w}` }));
      for (let d = 0; d < 5; d++)
        live.schedule.push(
          rowOf(scheduleHeader, {
            'Nieuwe collega': r[1]!,
            Datum: `2027-01-${String(4 + 7 * (w - 1) + d).padStart(2, '0')}`,
            Week: String(w),
            Activiteit: 'Meelopen in de klas',
            Soort: 'meelopen',
            Afgerond: 'FALSE',
          }),
        );
    }
  }
  fakes.sheet.paste('Check-ins', live.checkIns);
  fakes.sheet.paste('Inwerkschema', live.schedule);
  const archive = { checkIns: [checkHeader], schedule: [scheduleHeader] };
  const logHeader = fakes.sheet.json('Logboek')[0] as string[];
  const log = [...(fakes.sheet.json('Logboek') as string[][])];
  const active = staff.filter((x) => x[6] === 'actief');
  for (let y = 0; y < years; y++) {
    const year = 2026 - years + y;
    active
      .filter((_, i) => i % 10 === y)
      .forEach((r) => {
        for (let c = 0; c < 6; c++) {
          const day = schoolDay(year, 7 * c);
          archive.checkIns.push(
            rowOf(checkHeader, {
              'Nieuwe collega': r[1]!,
              Gepland: day,
              Gehouden: day,
              'Fase (4D)': 'doen',
              'Welbevinden (1–5)': '4',
              Klik: 'goed',
              Afspraken: 'Samen lessen voorbereiden',
              Notities: 'Gaat goed',
            }),
          );
        }
        for (let d = 0; d < 15; d++)
          archive.schedule.push(
            rowOf(scheduleHeader, {
              'Nieuwe collega': r[1]!,
              Datum: schoolDay(year, d),
              Week: String(1 + Math.floor(d / 5)),
              Activiteit: 'Meelopen in de klas',
              Soort: 'meelopen',
              Afgerond: 'TRUE',
            }),
          );
      });
    // The year's events: actions and mails, a daily "alive" line of the hourly run.
    for (let i = 0; i < Math.max(365, n / 2); i++)
      log.push(
        rowOf(logHeader, {
          Tijdstip: `${schoolDay(year, i % 300)}T10:00:00+01:00`,
          Gebruiker: LEADER,
          Actie: 'Automatische run',
          Details: 'ok',
        }),
      );
  }
  if (archived) {
    fakes.sheet.paste('Check-ins (archief)', archive.checkIns);
    fakes.sheet.paste('Inwerkschema (archief)', archive.schedule);
  } else {
    fakes.sheet.paste('Check-ins', [...live.checkIns, ...archive.checkIns.slice(1)]);
    fakes.sheet.paste('Inwerkschema', [...live.schedule, ...archive.schedule.slice(1)]);
  }
  fakes.sheet.paste('Logboek', log);
  return fakes.toJSON();
}

/** The sidebar's functions measured on a first-year and a three-years workbook. */
export const YEARS_SCENARIOS: Scenario[] = [
  { fn: 'getSidebarState', user: LEADER, args: [], reads: SIDEBAR_READS },
  { fn: 'getCheckIns', user: LEADER, args: (r) => [savedSchedule(r)] },
];

/** Calls, cells read and CPU of the sidebar's functions in year one and after three school years. */
export function threeYears(
  size: number,
  withoutArchive = false,
  runs = RUNS,
): { first: Measure; later: Measure; unarchived?: Measure }[] {
  const first = historyWorkbook(size, 0);
  const later = historyWorkbook(size, 3);
  const live = withoutArchive ? historyWorkbook(size, 3, false) : null;
  return YEARS_SCENARIOS.map((s) => {
    const [a, b, c] = measureSideBySide(live ? [first, later, live] : [first, later], size, s, runs);
    return { first: a!, later: b!, ...(c ? { unarchived: c } : {}) };
  });
}

function printThreeYears(): void {
  console.log('\nThree school years of history vs a first-year sheet (issue 19; target: within 10%)');
  console.log(
    '(3y: history in the archive tabs; 3y live: the same history left in the live tabs; runs interleaved)',
  );
  const head = [
    'rows',
    'function',
    'calls 1st/3y',
    'cells read 1st/3y/3y live',
    'CPU ms 1st/3y/3y live',
    'wall ms 1st/3y/3y live',
    'ratio calls/cells/CPU',
  ];
  console.log(head.join('  '));
  for (const size of SIZES)
    for (const { first, later, unarchived } of threeYears(size, true)) {
      const ratio = (a: number, b: number) => (b / a).toFixed(2);
      console.log(
        [
          size,
          first.fn,
          `${first.spreadsheetCalls}/${later.spreadsheetCalls}`,
          `${first.cellsRead}/${later.cellsRead}/${unarchived!.cellsRead}`,
          `${first.cpuMs}/${later.cpuMs}/${unarchived!.cpuMs}`,
          `${first.wallMs}/${later.wallMs}/${unarchived!.wallMs}`,
          `${ratio(first.spreadsheetCalls, later.spreadsheetCalls)}/${ratio(first.cellsRead, later.cellsRead)}/${ratio(first.cpuMs, later.cpuMs)}`,
        ].join('  '),
      );
    }
}

/**
 * The floor under the sidebar's figure (scripts/floor.ts, bundled on its own): the tabs it reads,
 * through the real gateway and the fakes, read only and read and parsed; cold, as every row.
 */
interface Floor {
  size: number;
  read: { cpuMs: number; wallMs: number };
  parsed: { cpuMs: number; wallMs: number };
}

let floorCode: string | undefined;

function measureFloor(state: FakeState, size: number): Floor {
  if (!floorCode) {
    const out = buildSync({
      entryPoints: [`${root}scripts/floor.ts`],
      bundle: true,
      format: 'iife',
      globalName: 'floor',
      write: false,
      minify: true,
      target: SERVER_TARGET,
      logLevel: 'warning',
    });
    const stubs = ['readTabs', 'parseTabs'].map(
      (f) => `function ${f}(){return floor.${f}.apply(this,arguments)}`,
    );
    floorCode = `${out.outputFiles[0]!.text}\n${stubs.join('\n')}\n`;
  }
  const median = (fn: string) => {
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const fakes = restoreGasFakes(state, { htmlFiles: {} });
      const runtime = loadBundle(floorCode!, fakes);
      const before = process.cpuUsage();
      const started = performance.now();
      runtime.run(fn, [SIDEBAR_READS], { user: LEADER });
      wall.push(performance.now() - started);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    const mid = (a: number[]) => Math.round(a.sort((x, y) => x - y)[Math.floor(a.length / 2)]! * 10) / 10;
    return { cpuMs: mid(cpu), wallMs: mid(wall) };
  };
  return { size, read: median('readTabs'), parsed: median('parseTabs') };
}

function main(): void {
  const results: Measure[] = [];
  const floors: Floor[] = [];
  for (const size of SIZES) {
    const state = workbook(size);
    for (const scenario of SCENARIOS)
      if (!FNS || FNS.has(scenario.fn)) results.push(measure(state, size, scenario));
    if (CPU_TARGET_MS[size] && (!FNS || FNS.has('getSidebarState') || FNS.has('floor')))
      floors.push(measureFloor(state, size));
  }
  const bundle = {
    codeJsBytes: statSync(`${root}build/Code.js`).size,
    sidebarHtmlBytes: statSync(`${root}build/Sidebar.html`).size,
  };
  if (asJson) {
    console.log(JSON.stringify({ runs: RUNS, bundle, results, floors }, null, 2));
    return;
  }
  console.log(
    `Code.js ${(bundle.codeJsBytes / 1024).toFixed(1)} KB, Sidebar.html ${(bundle.sidebarHtmlBytes / 1024).toFixed(1)} KB`,
  );
  console.log(
    `median CPU (process: main thread, compiler and GC threads) and wall time of ${RUNS} runs per row; calls = SpreadsheetApp-family calls\n`,
  );
  const head = [
    'rows',
    'function',
    'as',
    'calls',
    'min',
    'ratio',
    'cells read',
    'cells written',
    'mails',
    'CPU ms',
    'wall ms',
  ];
  const lines = results.map((r) =>
    [
      r.size,
      r.fn,
      r.user,
      r.spreadsheetCalls,
      r.minimum,
      (r.spreadsheetCalls / r.minimum).toFixed(2),
      r.cellsRead,
      r.cellsWritten,
      r.mails,
      r.cpuMs,
      r.wallMs,
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(head));
  lines.forEach((line, i) => {
    console.log(fmt(line));
    if (DETAIL)
      console.log(
        `      ${Object.entries(results[i]!.detail)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}\n      read: ${Object.entries(results[i]!.tabsRead)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
  });
  const explained = new Map<string, string>();
  for (const r of results)
    for (const w of r.why) explained.set([LOG_HEADER, FORMATS, ROOM].includes(w) ? w : `${r.fn}: ${w}`, '');
  if (explained.size) console.log('');
  for (const line of explained.keys()) console.log(line);
  const over = results.filter((r) => r.spreadsheetCalls > r.minimum * 1.1);
  for (const r of over)
    console.log(`over 1.1: ${r.fn} at ${r.size} (${r.spreadsheetCalls} calls, minimum ${r.minimum})`);
  // Issue 19's CPU target for the sidebar, against what this run measured and its floor.
  for (const r of results)
    if (r.fn === 'getSidebarState' && CPU_TARGET_MS[r.size])
      console.log(
        `CPU target: getSidebarState at ${r.size} as ${r.user}: ${r.cpuMs} ms CPU, ${r.wallMs} ms wall, target ${CPU_TARGET_MS[r.size]} ms` +
          (r.cpuMs > CPU_TARGET_MS[r.size]! ? ' (not met)' : ''),
      );
  for (const f of floors)
    console.log(
      `Floor at ${f.size}: reading the sidebar's ${SIDEBAR_READS.length} tabs, nothing else: ${f.read.cpuMs} ms CPU, ${f.read.wallMs} ms wall; read and parsed into tables: ${f.parsed.cpuMs} ms CPU, ${f.parsed.wallMs} ms wall`,
    );
  // `--fns threeYears` (or no --fns) prints the three-school-years comparison.
  if (!FNS || FNS.has('threeYears')) printThreeYears();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
