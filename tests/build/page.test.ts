/**
 * "Mijn Wegwijs" through the built bundle in the web-app context (issue 13): doGet serves the
 * built page; the page's first view in one call, per role; a buddy only reaches their own
 * newcomers; and every public global, called from the page by anyone in the domain, does nothing
 * beyond the caller's role (no mail, no write, no data).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDemo, DEMO_DOMAIN, SCHOOL_LEADER } from '../../sandbox/demo';
import { type GasFakes, restoreGasFakes } from '../../sandbox/fakes/index';
import { type AppsScriptRuntime, loadBundle } from '../../sandbox/runtime';
import { readServerFiles } from '../../sandbox/world';
import { CHUNKS } from '../../src/server/chunks';
import type { PageState } from '../../src/shared/api';

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');
const sidebar = readFileSync(new URL('../../build/Sidebar.html', import.meta.url), 'utf8');
const chunks = readServerFiles(fileURLToPath(new URL('../../build', import.meta.url)));
const page = readFileSync(new URL('../../build/MijnWegwijs.html', import.meta.url), 'utf8');
vi.setConfig({ testTimeout: 120_000 });

let fakes: GasFakes;
let runtime: AppsScriptRuntime;
let pristine: ReturnType<GasFakes['toJSON']>;
/** A buddy with an active pairing, their newcomer, and a newcomer of another buddy. */
let buddy = '';
let newcomer = '';
let othersNewcomer = '';

function rows(tab: string): Record<string, unknown>[] {
  const [header, ...body] = fakes.sheet.values(tab) as unknown[][];
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

beforeAll(() => {
  fakes = buildDemo(code, { htmlFiles: { Sidebar: sidebar, MijnWegwijs: page, ...chunks } });
  pristine = fakes.toJSON();
  const staff = new Map(rows('Medewerkers').map((r) => [String(r['E-mail']).toLowerCase(), r]));
  const active = rows('Koppelingen').filter(
    (r) => r.Status === 'actief' && staff.get(String(r['Nieuwe collega']).toLowerCase())?.Status === 'nieuw',
  );
  // A pairing whose newcomer has a saved schedule, so ticking off can be tried.
  const scheduled = new Set(rows('Inwerkschema').map((r) => String(r['Nieuwe collega']).toLowerCase()));
  const first = active.find((r) => scheduled.has(String(r['Nieuwe collega']).toLowerCase()))!;
  buddy = String(first.Buddy).toLowerCase();
  newcomer = String(first['Nieuwe collega']).toLowerCase();
  othersNewcomer = String(
    active.find((r) => String(r.Buddy).toLowerCase() !== buddy)!['Nieuwe collega'],
  ).toLowerCase();
});

beforeEach(() => {
  // Every test starts from the same demo state.
  fakes = restoreGasFakes(pristine, { htmlFiles: { Sidebar: sidebar, MijnWegwijs: page, ...chunks } });
  runtime = loadBundle(code, fakes);
});

/** The newcomer's first line, with the clock on its day: a line is ticked off on or after its day. */
function tickable<L extends { date: string; done: boolean }>(lines: readonly L[] | undefined): L | undefined {
  const line = lines?.[0];
  if (line) fakes.clock.set(`${line.date}T09:00:00+01:00`);
  return line;
}

function web(user: string, name: string, args: unknown[] = []) {
  try {
    return { ok: true as const, value: runtime.run(name, args, { user, webapp: true }) };
  } catch (e) {
    return { ok: false as const, error: (e as Error).message };
  }
}
function state(user: string): PageState {
  const r = web(user, 'getPageState');
  if (!r.ok) throw new Error(r.error);
  return r.value as PageState;
}

describe('the build contract grows by the page', () => {
  // Changed with issue 19 (bytes): the server's texts moved out of Code.js into Dutch.html and
  // English.html,
  // each HTML file is built once per language (the sidebar's rarely used views in their own file),
  // and the code only some calls need goes into one project file per chunk (src/server/chunks.ts).
  it('writes exactly ten files and the chunks, and .claspignore pushes exactly those', () => {
    const built = readdirSync(new URL('../../build/', import.meta.url)).sort();
    expect(built).toEqual(
      [
        'Code.js',
        'Dutch.html',
        'English.html',
        'MijnWegwijs.html',
        'MijnWegwijsEn.html',
        'Sidebar.html',
        'SidebarEn.html',
        'SidebarViews.html',
        'SidebarViewsEn.html',
        'appsscript.json',
        ...Object.keys(CHUNKS).map((name) => `${name}.html`),
      ].sort(),
    );
    const clasp = readFileSync(new URL('../../.claspignore', import.meta.url), 'utf8');
    const pushed = clasp
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1))
      .sort();
    expect(pushed).toEqual(built);
  });

  it('the page is self-contained: JS and CSS inlined, links open a new tab', () => {
    expect(page).not.toMatch(/<script[^>]+src=/i);
    expect(page).not.toMatch(/<link[^>]+stylesheet/i);
    expect(page).toContain('<base target="_blank">');
    expect(page).toContain('getPageState');
  });
});

describe('doGet', () => {
  it('serves the built page with a viewport for phones, to anyone, with nothing personal in it', () => {
    for (const user of [buddy, '', `iemand@${DEMO_DOMAIN}`]) {
      const r = web(user, 'doGet');
      expect(r).toMatchObject({ ok: true });
      const out = r.value as { getContent(): string; getTitle(): string };
      expect(out.getTitle()).toBe('Mijn Wegwijs');
      expect(out.getContent()).toBe(page);
      expect(JSON.stringify(out)).toContain('viewport');
    }
  });
});

describe('the page’s first view, by who the server says the visitor is', () => {
  it('an empty e-mail (another domain) and an unknown colleague see a friendly page, nothing personal', () => {
    for (const user of ['iemand@gmail.com', `vreemde@${DEMO_DOMAIN}`]) {
      const s = state(user);
      expect(s.view).toBe('none');
      expect(s.name).toBe('');
      expect(JSON.stringify(s)).not.toMatch(/@/);
    }
  });

  it('a newcomer sees their buddy, chef buddy and schedule, never the buddy’s notes', () => {
    const s = state(newcomer);
    if (s.view !== 'newcomer') throw new Error(`expected the newcomer view, got ${s.view}`);
    expect(s.newcomer.email).toBe(newcomer);
    expect(s.newcomer.buddy?.email).toBe(buddy);
    expect(s.newcomer.chiefBuddy).not.toBeNull();
    expect(s.newcomer.checkIns.every((c) => c.notes === null)).toBe(true);
  });

  it('a newcomer reads the latest welcome packet of their location and whom to ask what there, as text', () => {
    const location = String(
      rows('Medewerkers').find((r) => String(r['E-mail']).toLowerCase() === newcomer)!.Locatie,
    );
    const other = rows('Locaties')
      .map((r) => String(r.Naam))
      .find((l) => l !== location)!;
    // The school edits the packet after the packet mail: the page shows the sheet as it is now.
    const packet = fakes.sheet.values('Welkomstpakket');
    packet.push(
      ['welkom', location, 'Welkom op <b>onze</b> locatie!'],
      ['protocollen', other, 'Alleen voor de ander'],
    );
    fakes.sheet.paste('Welkomstpakket', packet);
    const who = fakes.sheet.values('Wie vraag ik wat');
    who.push([location, 'Sleutels', 'Conciërge Kees', ''], [other, 'Parkeren', 'Elders Els', '']);
    fakes.sheet.paste('Wie vraag ik wat', who);
    const s = state(newcomer);
    if (s.view !== 'newcomer') throw new Error(`expected the newcomer view, got ${s.view}`);
    const sections = s.newcomer.collection.sections;
    expect(sections.find((x) => x.section === 'welkom')?.text).toBe('Welkom op <b>onze</b> locatie!');
    expect(JSON.stringify(sections)).not.toContain('Alleen voor de ander');
    expect(s.newcomer.collection.whoToAsk).toContainEqual({
      topic: 'Sleutels',
      person: 'Conciërge Kees',
      email: '',
    });
    expect(JSON.stringify(s.newcomer.collection.whoToAsk)).not.toContain('Elders Els');
    // A buddy's view carries no collection document: it is the newcomer's.
    const b = state(buddy);
    expect(JSON.stringify(b)).not.toContain('collection');
  });

  it('an e-mail in other case is the same person', () => {
    expect(state(newcomer.toUpperCase())).toEqual(state(newcomer));
  });

  it('a buddy sees their own newcomers only', () => {
    const s = state(buddy);
    if (s.view !== 'buddy') throw new Error(`expected the buddy view, got ${s.view}`);
    expect(s.newcomers.map((n) => n.email)).toContain(newcomer);
    expect(s.newcomers.map((n) => n.email)).not.toContain(othersNewcomer);
  });

  it('the school leader is pointed to the sheet', () => {
    const s = state(SCHOOL_LEADER);
    expect(s.view === 'none' ? s.message : '').toMatch(/personeelsblad/);
  });
});

describe('what a buddy may do from the page', () => {
  it('ticks off a line of their own newcomer', () => {
    const s = state(buddy);
    const line = tickable(
      s.view === 'buddy' ? s.newcomers.find((n) => n.email === newcomer)?.schedule : undefined,
    );
    if (!line) throw new Error('the demo newcomer has no schedule');
    const r = web(buddy, 'markScheduleItem', [newcomer, line.date, line.activity, !line.done]);
    expect(r.ok).toBe(true);
    const after = state(buddy);
    const again = after.view === 'buddy' ? after.newcomers.find((n) => n.email === newcomer) : undefined;
    expect(again?.schedule.find((l) => l.date === line.date && l.activity === line.activity)?.done).toBe(
      !line.done,
    );
  });

  it('is refused, clearly and without any write, for someone else’s newcomer', () => {
    const before = fakes.toJSON().spreadsheet;
    const r = web(buddy, 'markScheduleItem', [othersNewcomer, '2027-01-04', 'Rondleiding', true]);
    expect(r.ok ? '' : r.error).toMatch(/niet de buddy/);
    const c = web(buddy, 'recordCheckIn', [
      othersNewcomer,
      { held: '2027-01-04', phase: 'Doen', wellbeing: 4, click: 'goed', agreements: 'Meelopen.' },
    ]);
    expect(c.ok ? '' : c.error).toMatch(/niet de buddy/);
    expect(fakes.toJSON().spreadsheet).toEqual(before);
  });
});

describe('every public global, called from the page as anyone in the domain', () => {
  /** Everything a call could change: the sheet, mail, triggers, every property store. */
  function world() {
    const s = fakes.toJSON();
    return {
      sheet: s.spreadsheet,
      mail: s.mail.outbox.length,
      triggers: s.triggers,
      properties: s.properties,
    };
  }

  it('does nothing beyond the caller’s role: no mail, no write, no data of others', () => {
    const names = runtime.globalFunctionNames();
    expect(names).toContain('getPageState');
    expect(names).toContain('doGet');
    const visitors = {
      unknown: `vreemde@${DEMO_DOMAIN}`,
      empty: 'iemand@gmail.com',
      newcomer,
      buddy,
      otherCase: buddy.toUpperCase(),
    };
    // Arguments aimed at someone else's newcomer, so that no role here may act on them.
    const args = [othersNewcomer, othersNewcomer, 'Reden', true];
    // One context for all these calls (loading the bundle ~200 times costs minutes), and one
    // snapshot per visitor: any change at all fails, naming the visitor.
    runtime = loadBundle(code, fakes, { keepContext: true });
    for (const [who, user] of Object.entries(visitors)) {
      const before = world();
      for (const name of names) {
        const r = web(user, name, args.slice());
        if (!r.ok) continue;
        // What a call may answer: the page itself, the caller's own view, or nothing personal.
        const text = JSON.stringify(r.value) ?? '';
        expect({ who, name, leaks: text.includes(othersNewcomer) }).toEqual({ who, name, leaks: false });
      }
      expect({ who, world: world() }).toEqual({ who, world: before });
    }
  });

  it('functions the page does not need refuse the web-app context with a clear message', () => {
    for (const name of ['getSidebarState', 'getOverview', 'exportPersonData', 'setupWorkbook']) {
      const r = web(SCHOOL_LEADER, name, []);
      expect({ name, error: r.ok ? '' : r.error }).toEqual({
        name,
        error: expect.stringMatching(/alleen in het personeelsblad/),
      });
    }
  });
});

describe('the newcomer’s own view of a held check-in', () => {
  const HELD = '2027-03-01';
  function heldCheckIn(): void {
    fakes.clock.set('2027-03-01T10:00:00+01:00');
    const r = web(buddy, 'recordCheckIn', [
      newcomer,
      {
        held: HELD,
        phase: 'doen',
        wellbeing: 3,
        click: 'twijfel',
        agreements: 'Elke vrijdag even bijpraten.',
        notes: 'Privé.',
      },
    ]);
    if (!r.ok) throw new Error(r.error);
  }
  function heldRow(): Record<string, unknown> {
    const row = rows('Check-ins').find(
      (r) => String(r['Nieuwe collega']).toLowerCase() === newcomer && r.Gehouden,
    );
    if (!row) throw new Error('no held check-in');
    return row;
  }

  it('is stored beside the buddy’s record, with who and when, and shown back to them', () => {
    heldCheckIn();
    const before = heldRow();
    const r = web(newcomer, 'respondToCheckIn', [
      HELD,
      { confirmed: true, remark: 'Graag ook over de mentorles.', click: 'goed', wellbeing: 4 },
    ]);
    expect(r.ok ? r.value : r.error).toEqual({ message: 'Dank je wel, je reactie is opgeslagen.' });
    const after = heldRow();
    // The buddy's record is untouched.
    for (const column of ['Klik', 'Welbevinden (1–5)', 'Afspraken', 'Notities', 'Vastgelegd door'])
      expect({ column, value: after[column] }).toEqual({ column, value: before[column] });
    expect(after).toMatchObject({
      'Afspraken bevestigd (nieuwe collega)': true,
      'Opmerking (nieuwe collega)': 'Graag ook over de mentorles.',
      'Klik (nieuwe collega)': 'goed',
      'Welbevinden (nieuwe collega, 1–5)': 4,
      'Reactie door': newcomer,
    });
    expect(String(after['Reactie op'])).toMatch(/Mar 01 2027/);
    const s = state(newcomer);
    const mine = s.view === 'newcomer' ? s.newcomer.checkIns.find((c) => c.held === HELD) : undefined;
    expect(mine?.response).toMatchObject({ confirmed: true, click: 'goed', wellbeing: 4 });
    expect(mine?.notes).toBeNull();
    expect(JSON.stringify(s)).not.toContain('Privé.');
  });

  it('bad input gets a clear Dutch message and writes nothing', () => {
    heldCheckIn();
    const before = fakes.toJSON().spreadsheet;
    for (const bad of [
      { confirmed: false, click: 'goed', wellbeing: 4 },
      { confirmed: true, click: 'super', wellbeing: 4 },
      { confirmed: true, click: 'goed', wellbeing: 9 },
      { confirmed: true, click: 'goed', wellbeing: 4, notes: 'x' },
      'ja',
    ]) {
      const r = web(newcomer, 'respondToCheckIn', [HELD, bad]);
      expect(r.ok ? '' : r.error).toMatch(/^Geef je reactie zo/);
    }
    const none = web(newcomer, 'respondToCheckIn', [
      '2027-02-02',
      { confirmed: true, click: 'goed', wellbeing: 4 },
    ]);
    expect(none.ok ? '' : none.error).toMatch(/geen gehouden check-in/);
    expect(fakes.toJSON().spreadsheet).toEqual(before);
  });

  it('only the newcomer themself may answer', () => {
    heldCheckIn();
    const before = fakes.toJSON().spreadsheet;
    for (const user of [buddy, SCHOOL_LEADER, `vreemde@${DEMO_DOMAIN}`]) {
      const r = web(user, 'respondToCheckIn', [HELD, { confirmed: true, click: 'goed', wellbeing: 4 }]);
      expect(r.ok ? '' : r.error).toMatch(/Alleen de nieuwe collega zelf/);
    }
    expect(fakes.toJSON().spreadsheet).toEqual(before);
  });
});

describe('what a page call costs', () => {
  /** `Range.getValues` (one per tab read) and `Range.setValues` calls of one web-app call. */
  function cost(user: string, name: string, args: unknown[] = []) {
    const before = fakes.calls.snapshot();
    const r = web(user, name, args);
    const after = fakes.calls.snapshot();
    const diff = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    return { ok: r.ok, reads: diff('Range.getValues'), writes: diff('Range.setValues') };
  }

  it('the first view reads each tab it needs once, however many newcomers a buddy has', () => {
    const buddyView = cost(buddy, 'getPageState');
    const newcomerView = cost(newcomer, 'getPageState');
    // Staff, pairings, locations, check-ins, schedule and settings: six tabs, each read once (the
    // demo buddy has two newcomers); the newcomer's view also reads the welcome packet and
    // 'Wie vraag ik wat' for the collection document: eight.
    expect(buddyView.reads).toBeLessThanOrEqual(6);
    expect(newcomerView.reads).toBeLessThanOrEqual(8);
    expect(buddyView.writes + newcomerView.writes).toBe(0);
  });

  it('ticking off writes one block to one tab', () => {
    const s = state(buddy);
    const line = tickable(
      s.view === 'buddy' ? s.newcomers.find((n) => n.email === newcomer)?.schedule : undefined,
    );
    const c = cost(buddy, 'markScheduleItem', [newcomer, line!.date, line!.activity, !line!.done]);
    expect(c.ok).toBe(true);
    expect(c.writes).toBe(1);
  });
});
