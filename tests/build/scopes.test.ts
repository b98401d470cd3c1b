/**
 * The built Code.js with exactly the scopes of the built appsscript.json granted, as a new user who
 * accepts the consent screen; then with one scope declined at a time (granular consent).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, DEMO_TODAY, deriveUsers, type SandboxUser } from '../../sandbox/demo';
import { type FakeState, type GasFakes, restoreGasFakes } from '../../sandbox/fakes/index';
import { type AppsScriptRuntime, loadBundle } from '../../sandbox/runtime';
import { readChunks } from '../../sandbox/world';

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');
const sidebar = readFileSync(new URL('../../build/Sidebar.html', import.meta.url), 'utf8');
const chunks = readChunks(fileURLToPath(new URL('../../build', import.meta.url)));
const builtManifest = JSON.parse(
  readFileSync(new URL('../../build/appsscript.json', import.meta.url), 'utf8'),
) as { oauthScopes: string[] };
const htmlFiles = { Sidebar: sidebar, ...chunks };
const AUTH = 'https://www.googleapis.com/auth/';

let demo: FakeState;
let users: SandboxUser[];
let leader: string;
let newcomer: string;
let location: string;

/** Fresh fakes from the demo, granting exactly the built manifest's scopes minus `declined`. */
function world(declined: string[] = []): { fakes: GasFakes; runtime: AppsScriptRuntime } {
  const fakes = restoreGasFakes(demo, { htmlFiles });
  fakes.setGrantedScopes(builtManifest.oauthScopes.filter((s) => !declined.includes(s)));
  return { fakes, runtime: loadBundle(code, fakes) };
}

/** Runs a global; answers its value or the message it threw. */
function attempt(runtime: AppsScriptRuntime, name: string, args: unknown[], user: string, headless = false) {
  try {
    return { ok: true as const, value: runtime.run(name, args, { user, headless }) };
  } catch (e) {
    return { ok: false as const, error: (e as Error).message };
  }
}

beforeAll(() => {
  const fakes = buildDemo(code, { htmlFiles });
  demo = fakes.toJSON();
  users = deriveUsers(fakes);
  leader = users.find((u) => u.role === 'schoolleider')!.email;
  const runtime = loadBundle(code, fakes);
  const state = runtime.run('getSidebarState', [], { user: leader }) as {
    newcomers: { email: string; location: string; buddy: string; welcome: string }[];
  };
  // A newcomer with a buddy whose packet has not gone yet: every feature has something to do.
  const chosen = state.newcomers.find((n) => n.buddy && !/verstuurd/.test(n.welcome)) ?? state.newcomers[0]!;
  newcomer = chosen.email;
  location = chosen.location;
});

/** Arguments a sidebar or menu would pass, per global; every other global is called without. */
function argsFor(name: string): unknown[] {
  const byName: Record<string, unknown[]> = {
    onOpen: [{ authMode: 'LIMITED' }],
    onInstall: [{ authMode: 'FULL' }],
    getSidebarState: [location],
    proposePairs: [location],
    applyPairs: [location, []],
    generateSchedules: [location],
    getOverview: [location],
    assignBuddy: [newcomer, leader],
    endPairing: [newcomer, 'test'],
    markScheduleItem: [newcomer, DEMO_TODAY, 'Rondleiding', true],
    recordCheckIn: [
      newcomer,
      {
        held: DEMO_TODAY,
        phase: 'ontdekken',
        wellbeing: 4,
        click: 'goed',
        agreements: 'Meelopen.',
        notes: '',
      },
    ],
    skipCheckIn: [newcomer, DEMO_TODAY, 'ziek'],
    setAutomaticSending: [true],
    runScheduledJobs: [{}],
  };
  if (byName[name]) return byName[name]!;
  if (/Schedule|Welcome|CheckIn|Buddies|Person|Erasure|erase|close|Ics|scheduleIcs/i.test(name)) {
    return [newcomer];
  }
  return [];
}

describe('with exactly the scopes of the built manifest', () => {
  it('asks for userinfo.email, which Session.getActiveUser and getEffectiveUser need', () => {
    expect(builtManifest.oauthScopes).toContain(`${AUTH}userinfo.email`);
  });

  it('the fakes grant the manifest scopes by default, and nothing else', () => {
    const { fakes } = world();
    const fresh = restoreGasFakes(demo, { htmlFiles });
    expect([...fresh.toJSON().grantedScopes].sort()).toEqual([...builtManifest.oauthScopes].sort());
    expect([...fakes.toJSON().oauthScopes].sort()).toEqual([...builtManifest.oauthScopes].sort());
  });

  it('runs every public global as every role without a permission error or an unexpected error', () => {
    const names = world().runtime.globalFunctionNames();
    expect(names.length).toBeGreaterThan(25);
    expect(users.map((u) => u.role)).toEqual(
      expect.arrayContaining(['schoolleider', 'chef buddy', 'buddy', 'medewerker', 'onbekend', 'leeg']),
    );
    const problems: string[] = [];
    for (const user of users) {
      const { fakes, runtime } = world();
      // Irreversible calls last, so the others see the demo as it was.
      const ordered = [...names].sort((a, b) => Number(/erase/i.test(a)) - Number(/erase/i.test(b)));
      for (const name of ordered) {
        const before = fakes.logs.length;
        const outcome = attempt(runtime, name, argsFor(name), user.email, name === 'runScheduledJobs');
        const logged = fakes.logs.slice(before).join('\n');
        const said = outcome.ok ? '' : outcome.error;
        if (
          /do not have permission|Wegwijs heeft jouw toestemming|Er ging iets mis|Something went wrong/i.test(
            `${said}\n${logged}`,
          )
        ) {
          problems.push(`${user.role} ${name}: ${said} ${logged}`.slice(0, 300));
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('fires the hourly trigger as its owner without a permission error', () => {
    const { fakes, runtime } = world();
    runtime.run('enableAutomaticSending', [], { user: leader });
    expect(fakes.triggers.list()).toHaveLength(1);
    const [fired] = runtime.fireTimeTriggers();
    expect(fired?.error).toBeUndefined();
    expect(fakes.logs.join('\n')).not.toMatch(/do not have permission/);
  });
});

describe('with one scope declined (granular consent)', () => {
  const declined = (short: string) => world([`${AUTH}${short}`]);
  const dutchNaming = (short: string) =>
    new RegExp(`toestemming .*\\(${short.replace('.', '\\.')}\\).*vink`, 's');

  it('without userinfo.email: the sidebar says which permission is missing and what to do; the menu still builds', () => {
    const { fakes, runtime } = declined('userinfo.email');
    const state = attempt(runtime, 'getSidebarState', [], leader);
    expect(state.ok).toBe(false);
    expect(state.ok ? '' : state.error).toMatch(dutchNaming('userinfo.email'));
    expect(state.ok ? '' : state.error).toContain('Je primaire e-mailadres');
    runtime.run('onOpen', [{ authMode: 'LIMITED' }], { user: leader });
    expect(fakes.ui.menus()).toHaveLength(1);
    expect(fakes.logs.join('\n')).not.toMatch(/Wegwijs [0-9a-f]{8}/);
  });

  it('without script.send_mail: sending says so and writes nothing; the sidebar, preview and trigger run keep working', () => {
    const { fakes, runtime } = declined('script.send_mail');
    const before = fakes.sheet.tabNames().map((t) => fakes.sheet.json(t));
    for (const name of ['sendWelcomeTest', 'sendWelcomeNow']) {
      const outcome = attempt(runtime, name, [newcomer], leader);
      expect(outcome.ok ? '' : outcome.error).toMatch(dutchNaming('script.send_mail'));
      expect(outcome.ok ? '' : outcome.error).toContain('E-mail verzenden als jij');
    }
    expect(fakes.sheet.tabNames().map((t) => fakes.sheet.json(t))).toEqual(before);
    expect(attempt(runtime, 'getSidebarState', [], leader).ok).toBe(true);
    expect(attempt(runtime, 'previewWelcome', [newcomer], leader).ok).toBe(true);
    const about = attempt(runtime, 'getAboutInfo', [], leader);
    expect(about.ok).toBe(true);
    expect(JSON.stringify(about.ok ? about.value : null)).toContain('script.send_mail');
    const run = attempt(runtime, 'runScheduledJobs', [{}], leader, true);
    expect(run.ok ? '' : run.error).not.toMatch(/Er ging iets mis/);
    expect(fakes.outbox).toHaveLength(0);
    expect(fakes.logs.join('\n')).not.toMatch(/do not have permission/);
  });

  it('without script.scriptapp: turning automatic sending on says so; the sidebar shows why it is off', () => {
    const { fakes, runtime } = declined('script.scriptapp');
    const on = attempt(runtime, 'setAutomaticSending', [true], leader);
    expect(on.ok ? '' : on.error).toMatch(dutchNaming('script.scriptapp'));
    runtime.run('enableAutomaticSending', [], { user: leader });
    expect(fakes.ui.alerts().at(-1)?.message).toMatch(dutchNaming('script.scriptapp'));
    expect(fakes.triggers.list()).toHaveLength(0);
    const state = attempt(runtime, 'getSidebarState', [], leader);
    expect(state.ok).toBe(true);
    const automation = (state.ok ? state.value : null) as { automation: { state: string; text: string } };
    expect(automation.automation.state).toBe('noPermission');
    expect(automation.automation.text).toContain('script.scriptapp');
    expect(attempt(runtime, 'sendWelcomeTest', [newcomer], leader)).toMatchObject({ ok: true });
    expect(fakes.outbox).toHaveLength(1);
    expect(fakes.logs.join('\n')).not.toMatch(/do not have permission/);
  });

  it('without script.container.ui: a menu item says which permission is missing; sidebar calls keep working', () => {
    const { fakes, runtime } = declined('script.container.ui');
    const shown = attempt(runtime, 'showSidebar', [], leader);
    expect(shown.ok ? '' : shown.error).toMatch(dutchNaming('script.container.ui'));
    expect(fakes.ui.sidebars()).toHaveLength(0);
    expect(attempt(runtime, 'getSidebarState', [], leader).ok).toBe(true);
    runtime.run('onOpen', [{ authMode: 'LIMITED' }], { user: leader });
    expect(fakes.ui.menus()).toHaveLength(1);
  });

  // The manifest asks for `spreadsheets` since the web page opens the sheet by ID (issue 13).
  it('without spreadsheets: every sheet call says which permission is missing', () => {
    const { runtime } = declined('spreadsheets');
    const state = attempt(runtime, 'getSidebarState', [], leader);
    expect(state.ok ? '' : state.error).toMatch(dutchNaming('spreadsheets'));
  });
});
