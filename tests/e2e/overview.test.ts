/**
 * The Overzicht tab in the sandbox's sidebar with the real build in Chromium: the school leader
 * sees four locations and the total, a chef buddy only their own; a recorded check-in, a late one
 * after the clock moves, one notice per check-in, the overview and the Overzicht tab with its
 * chart following along; the weekly mail once, without notes.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import type { FiguresDto, OverviewDto } from '../../src/shared/api.ts';
import { type PageWatch, screenshotPath, sidebarShowing } from './support/browser.ts';
import {
  expectedFields,
  openOverview,
  readAttention,
  readCards,
  readChart,
  refreshOverview,
} from './support/overview.ts';
import type { TestSandbox } from './support/sandbox.ts';
import {
  chiefAt,
  sidebarAs as openSidebarAs,
  type Session,
  type SwitcherUser,
  sidebarShot,
  startSession,
  stopSession,
} from './support/session.ts';
import { readTab } from './support/workbook.ts';

interface Mail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}
interface Chart {
  type: string;
  ranges: string[];
  data: (string | number | boolean | null)[][][];
  options: Record<string, unknown>;
}

const LOCATIONS = ['Onderbouw vmbo', 'Bovenbouw vmbo', 'Onderbouw havo', 'Bovenbouw havo'];
/** A buddy of the demo, their newcomer, and where. */
const BUDDY = 'marloes.smits@vso-demo.example';
const NEWCOMER = 'ines.terhorst@vso-demo.example';
const LOCATION = 'Bovenbouw vmbo';

let sandbox: TestSandbox;
let page: Page;
let watch: PageWatch;
let users: SwitcherUser[];
/** Server functions the sidebar called, in order. */
let rpcCalls: string[] = [];
let session: Session | undefined;

beforeAll(async () => {
  session = await startSession();
  ({ sandbox, page, watch, users } = session);
  rpcCalls = session.rpcCalls;
});

afterAll(() => stopSession(session));

const chiefOf = (location: string): SwitcherUser => chiefAt(users, location);

const sidebarAs = (email: string): Promise<Frame> => openSidebarAs(page, email);

const shot = (name: string): Promise<void> => sidebarShot(page, name);

/** What `getOverview` answers as `user` (and throws when it refuses). */
async function overviewAs(user: string, location?: string): Promise<OverviewDto> {
  const answer = await sandbox.rpc('getOverview', location === undefined ? [] : [location], user);
  if (!answer.body.ok) throw new Error(answer.body.error);
  return answer.body.value as OverviewDto;
}

function figuresAt(dto: OverviewDto, location: string): FiguresDto {
  const f = dto.locations.find((l) => l.location === location);
  if (!f) throw new Error(`no figures for ${location}`);
  return f;
}

async function outbox(): Promise<Mail[]> {
  return (await sandbox.api('GET', '/api/outbox')).body as Mail[];
}

async function fire(): Promise<void> {
  const answer = await sandbox.api('POST', '/api/triggers/fire');
  expect(answer.body.ok).toBe(true);
  expect(answer.body.fired.length).toBeGreaterThan(0);
  for (const f of answer.body.fired) expect(f, JSON.stringify(f)).toMatchObject({ ok: true });
}

async function setClock(body: { now: string } | { date: string }): Promise<void> {
  const answer = await sandbox.api('POST', '/api/clock', body);
  expect(answer.status).toBe(200);
}

/** Every note in the Check-ins tab: the overview and its mail must show none of them. */
async function notesInSheet(): Promise<string[]> {
  const rows = await readTab(sandbox, 'Check-ins');
  return [...new Set(rows.map((r) => String(r.Notities ?? '').trim()).filter((n) => n.length > 0))];
}

/** Mails about the newcomer's check-in planned on `dutchDay`: the reminder, the late notice, the chief's alert. */
function aboutCheckIn(mails: Mail[], name: string, dutchDay: string): Mail[] {
  return mails.filter(
    (m) =>
      m.subject.includes(name) &&
      (m.subject.includes(dutchDay) || m.body.includes(dutchDay)) &&
      /check-in/i.test(m.subject),
  );
}

describe('the school leader opens the Overzicht tab', () => {
  it('loads only when the tab opens, and shows four locations and the total as getOverview gives them', async () => {
    const frame = await sidebarAs(SCHOOL_LEADER);
    expect(rpcCalls).not.toContain('getOverview');
    await openOverview(frame);
    expect(rpcCalls.filter((n) => n === 'getOverview')).toHaveLength(1);

    const dto = await overviewAs(SCHOOL_LEADER);
    expect(dto.locations.map((f) => f.location)).toEqual(LOCATIONS);
    expect(dto.total).not.toBeNull();
    const cards = await readCards(frame);
    expect(cards.map((c) => [c.location, c.total])).toEqual([
      ...LOCATIONS.map((l) => [l, false]),
      [dto.total!.location, true],
    ]);
    for (const [i, f] of [...dto.locations, dto.total!].entries()) {
      expect(cards[i]!.fields, f.location).toEqual(expectedFields(f));
    }
    expect(await frame.textContent('[data-testid=ov-today]')).toContain('04-01-2027');
  });

  it('hides wellbeing for small groups with a hint, and shows the total average', async () => {
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    const dto = await overviewAs(SCHOOL_LEADER);
    const hidden = dto.locations.filter((f) => f.wellbeing === null).map((f) => f.location);
    expect(hidden.length).toBeGreaterThan(0);
    for (const location of hidden) {
      const card = frame.locator(`[data-testid=ov-card][data-location="${location}"]`);
      expect(await card.locator('[data-testid=ov-wellbeing-hint]').textContent()).toBe('kleine groep');
      expect(
        await card.locator('[data-testid=ov-wellbeing-hint]').locator('..').getAttribute('title'),
      ).toMatch(/minder dan drie/);
    }
    if (dto.total!.wellbeing !== null) {
      expect(await frame.$('[data-testid=ov-total] [data-testid=ov-wellbeing-hint]')).toBeNull();
    }
  });

  it('draws held and late per location, and lists what needs attention by location', async () => {
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    const dto = await overviewAs(SCHOOL_LEADER);
    expect(await readChart(frame)).toEqual(
      Object.fromEntries(
        dto.locations.map((f) => [f.location, { held: f.checkInsHeld, late: f.checkInsLate }]),
      ),
    );
    expect(await frame.getAttribute('[data-testid=ov-chart] svg', 'aria-label')).toContain(
      `${LOCATION}: ${figuresAt(dto, LOCATION).checkInsHeld} gehouden`,
    );
    const expected: Record<string, string[]> = {};
    for (const a of dto.attention) expected[a.location] = [...(expected[a.location] ?? []), a.text];
    expect(dto.attention.length).toBeGreaterThan(0);
    expect(await readAttention(frame)).toEqual(expected);
    expect(await frame.$('[data-testid=ov-update-tab]')).not.toBeNull();
  });

  it('shows no notes anywhere on the tab', async () => {
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    const shown = (await frame.textContent('[data-testid=overview-tab]')) ?? '';
    const notes = await notesInSheet();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(shown).not.toContain(note);
    await shot('overview-leader');
    await frame.locator('[data-testid=ov-chart]').scrollIntoViewIfNeeded();
    await shot('overview-leader-chart');
  });
});

describe('a chef buddy opens the Overzicht tab', () => {
  const chief = () => chiefOf(LOCATION);

  it('sees only their own location, without a total or the tab button', async () => {
    const frame = await sidebarAs(chief().email);
    await openOverview(frame);
    const dto = await overviewAs(chief().email, LOCATION);
    expect(dto.total).toBeNull();
    expect(dto.locations.map((f) => f.location)).toEqual([LOCATION]);
    const cards = await readCards(frame);
    expect(cards).toEqual([{ location: LOCATION, total: false, fields: expectedFields(dto.locations[0]!) }]);
    expect(await frame.$('[data-testid=ov-total]')).toBeNull();
    expect(await frame.$('[data-testid=ov-update-tab]')).toBeNull();
    expect(Object.keys(await readChart(frame))).toEqual([LOCATION]);
    const groups = Object.keys(await readAttention(frame));
    expect(groups.every((g) => g === LOCATION)).toBe(true);
    await shot('overview-chief');
  });

  it('cannot read another location or rewrite the tab by calling the server directly', async () => {
    const other = await sandbox.rpc('getOverview', ['Onderbouw havo'], chief().email);
    expect(other.body.ok).toBe(false);
    expect((other.body as { error: string }).error).toMatch(/geen chef buddy van locatie Onderbouw havo/);
    const tab = await sandbox.rpc('refreshOverviewTab', [], chief().email);
    expect(tab.body.ok).toBe(false);
    const buddy = await sandbox.rpc('getOverview', [], BUDDY);
    expect(buddy.body.ok).toBe(false);
  });
});

describe('the weekly overview mail', () => {
  it('goes once to the school leader on Monday morning, with every location and without notes', async () => {
    const on = await sandbox.api('POST', '/api/run/enableAutomaticSending', undefined, {
      'X-Wegwijs-User': SCHOOL_LEADER,
    });
    expect(on.body.ok).toBe(true);
    await setClock({ now: '2027-01-11T07:30:00+01:00' });
    await fire();
    const weekly = (await outbox()).filter((m) => m.subject.startsWith('Weekoverzicht inwerken'));
    expect(weekly).toHaveLength(1);
    const mail = weekly[0]!;
    expect(mail.to).toBe(SCHOOL_LEADER);
    expect(mail.subject).toContain('maandag 11 januari 2027');
    for (const location of LOCATIONS) expect(mail.body).toContain(location);
    const notes = await notesInSheet();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(mail.body).not.toContain(note);
      expect(mail.htmlBody).not.toContain(note);
    }
  });

  it('is not sent again when the triggers fire again', async () => {
    await fire();
    const weekly = (await outbox()).filter((m) => m.subject.startsWith('Weekoverzicht inwerken'));
    expect(weekly).toHaveLength(1);
  });
});

describe('a check-in recorded, another one late: reminders, the overview and the Overzicht tab', () => {
  const note = 'Notitie uit de e2e-test: alleen voor de buddy, de chef buddy en de schoolleider.';
  let before: FiguresDto;
  /** As in Medewerkers (the demo's names carry accents). */
  let newcomerName = '';

  it('records a check-in as the buddy on the first open planned moment', async () => {
    newcomerName = String(
      (await readTab(sandbox, 'Medewerkers')).find((r) => r['E-mail'] === NEWCOMER)!.Naam,
    );
    expect(newcomerName).toMatch(/ter Horst$/);
    before = figuresAt(await overviewAs(SCHOOL_LEADER), LOCATION);
    const answer = await sandbox.rpc(
      'recordCheckIn',
      [
        NEWCOMER,
        {
          held: '2027-01-11',
          phase: 'ontdekken',
          competencies: ['interpersoonlijk'],
          wellbeing: 4,
          click: 'goed',
          agreements: 'Samen de pauzeregels doorlopen.',
          notes: note,
        },
      ],
      BUDDY,
    );
    expect(answer.body.ok, JSON.stringify(answer.body)).toBe(true);
    const rows = (await readTab(sandbox, 'Check-ins')).filter((r) => r['Nieuwe collega'] === NEWCOMER);
    const held = rows.filter((r) => r.Gehouden === '2027-01-11');
    expect(held).toHaveLength(1);
    expect(held[0]!.Gepland).toBe('2027-01-15');
    const after = figuresAt(await overviewAs(SCHOOL_LEADER), LOCATION);
    expect(after.checkInsHeld).toBe(before.checkInsHeld + 1);
    before = after;
  });

  it('sends one late notice once the next check-in is past its day plus the grace days, and no second one', async () => {
    const planned = (await readTab(sandbox, 'Check-ins'))
      .filter((r) => r['Nieuwe collega'] === NEWCOMER && !r.Gehouden)
      .map((r) => String(r.Gepland))
      .sort()[0];
    expect(planned).toBe('2027-01-22');
    expect(aboutCheckIn(await outbox(), newcomerName, 'vrijdag 22 januari 2027')).toEqual([]);
    // Grace is 3 days: late from the 26th (a Tuesday).
    await setClock({ date: '2027-01-26' });
    await fire();
    const mails = aboutCheckIn(await outbox(), newcomerName, 'vrijdag 22 januari 2027');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe(BUDDY);
    expect(mails[0]!.subject).toBe(`De check-in met ${newcomerName} staat nog open`);
    const row = (await readTab(sandbox, 'Check-ins')).find(
      (r) => r['Nieuwe collega'] === NEWCOMER && r.Gepland === '2027-01-22',
    );
    expect(String(row!['Te laat-melding (status)'])).toMatch(/^verzonden/);
    await fire();
    expect(aboutCheckIn(await outbox(), newcomerName, 'vrijdag 22 januari 2027')).toHaveLength(1);
  });

  it('shows the late check-in in the figures, the chart and the attention list', async () => {
    const dto = await overviewAs(SCHOOL_LEADER);
    const now = figuresAt(dto, LOCATION);
    expect(now.checkInsLate).toBeGreaterThan(before.checkInsLate);
    const late = dto.attention.find(
      (a) => a.location === LOCATION && a.code === 'checkInLate' && a.text.includes(newcomerName),
    );
    expect(late?.text).toBe(
      `De check-in van ${newcomerName}, gepland op vrijdag 22 januari 2027, is 4 dagen te laat.`,
    );

    const frame = await sidebarAs(SCHOOL_LEADER);
    await openOverview(frame);
    await refreshOverview(frame);
    const card = (await readCards(frame)).find((c) => c.location === LOCATION)!;
    expect(card.fields).toEqual(expectedFields(now));
    expect(card.fields.late).not.toBe(String(before.checkInsLate));
    expect((await readChart(frame))[LOCATION]).toEqual({ held: now.checkInsHeld, late: now.checkInsLate });
    expect((await readAttention(frame))[LOCATION]).toContain(late!.text);
    const shown = (await frame.textContent('[data-testid=overview-tab]')) ?? '';
    expect(shown).not.toContain(note);
  });

  it('rewrites the Overzicht tab once on a double click, with the locations and a column chart', async () => {
    // A later moment than the scheduled run's rewrite, so the tab shows which write it has.
    await setClock({ now: '2027-01-26T09:45:00+01:00' });
    const frame = await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
    const calls = rpcCalls.filter((n) => n === 'refreshOverviewTab').length;
    await frame.$eval('[data-testid=ov-update-tab]', (button) => {
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    });
    await frame.waitForSelector('[data-testid=ov-tab-message]');
    expect(await frame.textContent('[data-testid=ov-tab-message]')).toBe(
      'Het tabblad Overzicht is bijgewerkt.',
    );
    expect(rpcCalls.filter((n) => n === 'refreshOverviewTab').length - calls).toBe(1);

    const dto = await overviewAs(SCHOOL_LEADER);
    const workbook = (await sandbox.api('GET', '/api/workbook')).body as {
      tabs: Record<string, (string | number | null)[][]>;
      charts: Record<string, Chart[]>;
    };
    const grid = workbook.tabs.Overzicht!;
    const header = grid[0]!.map(String);
    expect(header[0]).toBe('Locatie');
    const late = header.indexOf('Check-ins te laat');
    const held = header.indexOf('Check-ins gehouden');
    expect(grid.slice(1, 6).map((r) => r[0])).toEqual([...LOCATIONS, 'Totaal']);
    for (const f of dto.locations) {
      const row = grid.find((r) => r[0] === f.location)!;
      expect([row[held], row[late]]).toEqual([f.checkInsHeld, f.checkInsLate]);
    }
    expect(grid.flat().join(' ')).toContain('dinsdag 26 januari 2027 om 09:45');
    expect(grid.flat().join(' ')).not.toContain(newcomerName);

    const charts = workbook.charts.Overzicht ?? [];
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart.type).toBe('COLUMN');
    expect(chart.options.title).toBe('Check-ins gehouden en te laat per locatie');
    const [categories, heldSeries, lateSeries] = chart.data.map((range) => range.map((r) => r[0]));
    expect(categories).toEqual(['Locatie', ...LOCATIONS]);
    expect(heldSeries).toEqual(['Check-ins gehouden', ...dto.locations.map((f) => f.checkInsHeld)]);
    expect(lateSeries).toEqual(['Check-ins te laat', ...dto.locations.map((f) => f.checkInsLate)]);
  });

  it('shows the chart under the grid of the Overzicht tab on the sandbox page', async () => {
    const dto = await overviewAs(SCHOOL_LEADER);
    await page.click('[data-testid="tab-Overzicht"]');
    const chart = page.locator('[data-testid=sheet-chart]');
    await chart.waitFor();
    expect(await chart.getAttribute('data-title')).toBe('Check-ins gehouden en te laat per locatie');
    expect(await chart.getAttribute('data-type')).toBe('COLUMN');
    const bars = await page.$$eval('[data-testid=sheet-chart] [data-testid=chart-bar]', (rects) =>
      rects.map((r) => [
        r.getAttribute('data-category'),
        r.getAttribute('data-series'),
        r.getAttribute('data-value'),
      ]),
    );
    expect(bars).toEqual(
      dto.locations.flatMap((f) => [
        [f.location, 'Check-ins gehouden', String(f.checkInsHeld)],
        [f.location, 'Check-ins te laat', String(f.checkInsLate)],
      ]),
    );
    await chart.scrollIntoViewIfNeeded();
    await page.locator('.main').screenshot({ path: screenshotPath('overzicht-tab-chart') });
  });
});

describe('the page as a whole', () => {
  it('logged no console errors and showed no dialogs', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});
