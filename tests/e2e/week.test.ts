/**
 * Issue 17 in the sandbox's sidebar with the real build in Chromium: a chef buddy's "Deze week"
 * shows what needs them and each item opens the place to act; from an unpaired newcomer to
 * "paired, schedule saved, packet planned" in three clicks; tabs fit 300 px on one line.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import type { TestSandbox } from './support/sandbox.ts';
import {
  chiefAt,
  type Session,
  type SwitcherUser,
  sidebarOpenedAs,
  sidebarShot,
  startSession,
  stopSession,
} from './support/session.ts';
import { addRows, readTab, setCell } from './support/workbook.ts';

let sandbox: TestSandbox;
let page: Page;
let users: SwitcherUser[];
let session: Session | undefined;

beforeAll(async () => {
  session = await startSession();
  ({ sandbox, page, users } = session);
});

afterAll(() => stopSession(session));

const sidebarAs = (email: string): Promise<Frame> => sidebarOpenedAs(page, email);
const LOCATION = 'Bovenbouw havo';

describe('a chef buddy’s week', () => {
  it('opens on "Deze week", with when the data was read', async () => {
    const chief = chiefAt(users, LOCATION).email;
    const frame = await sidebarAs(chief);
    await frame.waitForSelector('[data-testid=week-tab]');
    expect(await frame.getAttribute('[data-testid=tab-week]', 'aria-selected')).toBe('true');
    expect(await frame.textContent('[data-testid=read-at]')).toMatch(/^bijgewerkt om \d\d:\d\d$/);
    const kinds = await frame.$$eval('[data-testid=week-item]', (els) =>
      els.map((e) => e.getAttribute('data-kind')),
    );
    expect(kinds).toContain('noBuddy');
    await sidebarShot(page, 'week-chief');
  });

  it('walks an unpaired newcomer to paired, schedule saved and packet planned in three clicks', async () => {
    // The school's setting: automatic sending is on (the school leader's switch, not a chef buddy's click).
    const on = await sandbox.rpc('setAutomaticSending', [true], SCHOOL_LEADER);
    expect(on.body.ok).toBe(true);
    const chief = chiefAt(users, LOCATION).email;
    const frame = await sidebarAs(chief);
    const item = frame.locator('[data-testid=week-item][data-kind=noBuddy]').first();
    const newcomer = (await item.getAttribute('data-email'))!;

    await item.click(); // 1: the item opens the newcomer's suggestions
    await frame.waitForSelector('[data-testid=suggestion]');
    await frame.click('[data-testid=suggestion] >> nth=0 >> [data-testid=assign]'); // 2: pair
    await frame.waitForSelector(`[data-testid=next-steps][data-email="${newcomer}"]`);
    await frame.click('[data-testid=next-schedule]'); // 3: make the schedule
    await frame.waitForSelector('[data-testid=next-made]');
    const state = frame.locator('[data-testid=next-packet-state]');
    await frame.waitForSelector('[data-testid=next-packet-state][data-code=auto]');
    expect(await state.textContent()).toMatch(
      /^Welkomstpakket: gaat automatisch uit op \w\w\u00a0\d+\u00a0januari$/,
    );
    await sidebarShot(page, 'week-three-clicks');

    const pairs = (await readTab(sandbox, 'Koppelingen')).filter(
      (r) => r['Nieuwe collega'] === newcomer && r.Status === 'actief',
    );
    expect(pairs).toHaveLength(1);
    const lines = (await readTab(sandbox, 'Inwerkschema')).filter((r) => r['Nieuwe collega'] === newcomer);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((r) => String(r.Met).includes('nog te kiezen'))).toBe(false);

    // The newcomer's card has the checklist all ticked.
    await frame.click('[data-testid=next-packet]');
    await frame.waitForSelector(`[data-testid=newcomer-detail][data-email="${newcomer}"]`);
    await frame.click('[data-testid=back]');
    const card = frame.locator(`[data-testid=newcomer-item][data-email="${newcomer}"]`);
    for (const id of ['ck-buddy', 'ck-schedule', 'ck-packet'])
      expect(await card.locator(`[data-testid=${id}]`).getAttribute('data-ok')).toBe('true');
  });

  it('lists a packet that will not go by itself and opens the card where it can be acted on', async () => {
    // The school leader turns automatic sending off again: paired newcomers' packets now need someone.
    expect((await sandbox.rpc('setAutomaticSending', [false], SCHOOL_LEADER)).body.ok).toBe(true);
    const chief = chiefAt(users, 'Onderbouw vmbo').email;
    const frame = await sidebarAs(chief);
    await frame.waitForSelector('[data-testid=week-tab]');
    const packet = frame.locator('[data-testid=week-item][data-kind=packet]').first();
    await packet.waitFor();
    const email = (await packet.getAttribute('data-email'))!;
    expect(await packet.textContent()).toContain(
      'gaat niet vanzelf: automatisch versturen staat uit (schoolleider)',
    );
    await packet.click();
    await frame.waitForSelector(`[data-testid=newcomer-detail][data-email="${email}"]`);
  });

  it('shows three suggestions with free room, "meer tonen", and who cannot grouped by reason', async () => {
    const frame = await sidebarAs(chiefAt(users, 'Onderbouw havo').email);
    await frame.click('[data-testid=week-item][data-kind=noBuddy] >> nth=0');
    await frame.waitForSelector('[data-testid=suggestion]');
    expect(await frame.$$('[data-testid=suggestion]')).toHaveLength(3);
    expect(
      await frame.textContent('[data-testid=suggestion] >> nth=0 >> [data-testid=suggestion-load]'),
    ).toMatch(/^vrij: \d+ van \d+$/);
    await frame.click('[data-testid=show-more]');
    expect((await frame.$$('[data-testid=suggestion]')).length).toBeGreaterThan(3);
    await frame.click('[data-testid=show-excluded]');
    expect((await frame.$$('[data-testid=excluded-group]')).length).toBeGreaterThan(0);
    const elsewhere = frame.locator('[data-testid=excluded-elsewhere]');
    expect(await elsewhere.textContent()).toMatch(/^werkt op een andere locatie: \d+ collega’s$/);
    expect(await frame.$('[data-testid=excluded-elsewhere-list]')).toBeNull();
    await sidebarShot(page, 'week-suggestions');
  });

  it('shows each suggestion’s score on a stated scale, with what the scale means', async () => {
    const frame = await sidebarAs(chiefAt(users, 'Onderbouw havo').email);
    await frame.click('[data-testid=tab-week]');
    await frame.click('[data-testid=week-item][data-kind=noBuddy] >> nth=0');
    await frame.waitForSelector('[data-testid=suggestion]');
    const fit = frame.locator('[data-testid=suggestion] >> nth=0 >> [data-testid=score-fit]');
    expect(await fit.textContent()).toMatch(/^past (\d|10)\/10$/);
    expect(await fit.evaluate((e) => e.closest('.score')?.getAttribute('title'))).toMatch(
      /^Past (\d|10) van 10: [\d,]+ van de 10 punten die de school laat meetellen\.$/,
    );
    expect(await frame.$('[data-testid=scale-help]')).toBeNull();
    await frame.click('[data-testid=scale-help-toggle]');
    expect(await frame.textContent('[data-testid=scale-help]')).toContain(
      'Een 10 (10 punten) krijgt wie alles heeft wat de school laat meetellen',
    );
  });

  it('shows a klik or wellbeing signal on the newcomer card and in "Deze week", with "Vervangen" one click away', async () => {
    const location = 'Bovenbouw vmbo';
    const chief = chiefAt(users, location).email;
    const staff = await readTab(sandbox, 'Medewerkers');
    const newcomers = new Set(staff.filter((r) => r.Status === 'nieuw').map((r) => String(r['E-mail'])));
    const pair = (await readTab(sandbox, 'Koppelingen')).find(
      (r) => r.Status === 'actief' && r.Locatie === location && newcomers.has(String(r['Nieuwe collega'])),
    )!;
    const newcomer = String(pair['Nieuwe collega']);
    const today = String((await sandbox.api('GET', '/api/clock')).body.today ?? '').slice(0, 10);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The buddy records a check-in where the click is gone and the newcomer is not doing well.
    await addRows(sandbox, 'Check-ins', [
      {
        'Nieuwe collega': newcomer,
        Buddy: String(pair.Buddy),
        Gepland: today,
        Gehouden: today,
        'Welbevinden (1–5)': 2,
        Klik: 'niet',
      },
    ]);

    const frame = await sidebarOpenedAs(page, chief);
    await frame.click('[data-testid=tab-week]');
    const item = frame.locator(`[data-testid=week-item][data-kind=signal][data-email="${newcomer}"]`);
    expect(await item.textContent()).toContain('laatste check-in klik niet, welbevinden 2');
    // "Vervangen" beside the signal: one click to the pair with the reason asked.
    await frame.click(`[data-testid=week-tab] [data-testid=signal-replace][data-email="${newcomer}"]`);
    const form = frame.locator(`[data-testid=pair][data-newcomer="${newcomer}"] [data-testid=end-reason]`);
    await form.waitFor();
    expect(await form.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(
      await frame.textContent(`[data-testid=pair][data-newcomer="${newcomer}"] [data-testid=end-confirm]`),
    ).toBe('Beëindigen en nieuwe buddy kiezen');

    // The same signal on the newcomer's card.
    await frame.click('[data-testid=tab-newcomers]');
    const signal = frame.locator(`[data-testid=newcomer-signal][data-email="${newcomer}"]`);
    expect(await signal.textContent()).toContain('Signaal bij de laatste check-in: klik niet, welbevinden 2');
    await sidebarShot(page, 'week-signal-card');
    await signal.locator('[data-testid=signal-replace]').click();
    await form.waitFor();
    expect(await form.evaluate((e) => e === document.activeElement)).toBe(true);
    // Nothing is written by opening the form.
    const active = (await readTab(sandbox, 'Koppelingen')).filter(
      (r) => r['Nieuwe collega'] === newcomer && r.Status === 'actief',
    );
    expect(active).toHaveLength(1);
  });

  it('fits the tabs on one line in 300 px, for the school leader too', async () => {
    const frame = await sidebarAs(SCHOOL_LEADER);
    await frame.waitForSelector('[data-testid=week-tab]');
    const tops = await frame.$$eval('.tabs .tab', (els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().top)),
    );
    expect(tops.length).toBe(5);
    expect(new Set(tops).size).toBe(1);
    const overflow = await frame.$eval('.tabs', (el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('shows the location chooser where it filters ("Deze week" too), and not on the school leader’s overview', async () => {
    const frame = await sidebarAs(SCHOOL_LEADER);
    await frame.click('[data-testid=tab-week]');
    const select = frame.locator('[data-testid=location-select]');
    const staff = await readTab(sandbox, 'Medewerkers');
    const locationOf = (email: string) => staff.find((r) => r['E-mail'] === email)?.Locatie;
    for (const location of ['Bovenbouw havo', 'Onderbouw vmbo']) {
      await select.selectOption(location);
      await frame.waitForSelector('[data-testid=updating]', { state: 'detached' });
      const emails = await frame.$$eval('[data-testid=week-item]', (els) =>
        els.map((e) => e.getAttribute('data-email') ?? ''),
      );
      expect(emails.length).toBeGreaterThan(0);
      expect(new Set(emails.map(locationOf))).toEqual(new Set([location]));
    }
    // The school leader's overview shows every location and the total: no chooser there.
    await frame.click('[data-testid=tab-overview]');
    await frame.waitForSelector('[data-testid=ov-today]');
    expect(await frame.$('[data-testid=location-select]')).toBeNull();
    // A chef buddy of one location sees its name where it filters, never a chooser.
    const chief = await sidebarOpenedAs(page, chiefAt(users, 'Onderbouw vmbo').email);
    await chief.click('[data-testid=tab-week]');
    expect((await chief.textContent('[data-testid=pairing-location]'))?.trim()).toBe('Onderbouw vmbo');
    expect(await chief.$('[data-testid=location-select]')).toBeNull();
  });

  it('never breaks a date across lines, on any tab or newcomer card', async () => {
    const broken: string[] = [];
    let checked = 0;
    const check = async (frame: Frame, where: string) => {
      await frame.waitForFunction(() => !document.querySelector('.spinner'));
      const found = await frame.evaluate(() => {
        const MONTHS =
          'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
        const DATE = new RegExp(
          `\\b\\d{1,2}-\\d{1,2}-\\d{4}\\b|(?:\\b(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)[\\s\u00a0])?\\b\\d{1,2}[\\s\u00a0](?:${MONTHS})(?:[\\s\u00a0]\\d{4})?`,
          'g',
        );
        const out: string[] = [];
        let seen = 0;
        const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const m of text.matchAll(DATE)) {
            seen++;
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set(
              [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
            );
            if (tops.size > 1) out.push(m[0]);
          }
        }
        return { out, seen };
      });
      checked += found.seen;
      broken.push(...found.out.map((d) => `${where}: ${d}`));
    };
    for (const who of [SCHOOL_LEADER, chiefAt(users, 'Bovenbouw vmbo').email]) {
      const frame = await sidebarOpenedAs(page, who);
      if (who === SCHOOL_LEADER) {
        await frame.click('[data-testid=tab-week]');
        await frame.locator('[data-testid=location-select]').selectOption('Bovenbouw vmbo');
        await frame.waitForSelector('[data-testid=updating]', { state: 'detached' });
      }
      for (const tab of ['week', 'pairing', 'overview', 'newcomers']) {
        await frame.click(`[data-testid=tab-${tab}]`);
        await check(frame, `${who} ${tab}`);
      }
      const emails = await frame.$$eval('[data-testid=newcomer-item]', (els) =>
        els.map((e) => e.getAttribute('data-email') ?? ''),
      );
      for (const email of emails) {
        await frame.click(`[data-testid=newcomer-item][data-email="${email}"]`);
        await frame.waitForSelector(`[data-testid=newcomer-detail][data-email="${email}"]`);
        await check(frame, `${who} ${email}`);
        await frame.click('[data-testid=back]');
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('after the hourly run, never shows the state read before it as current: it reads again', async () => {
    // The school leader's switch: automatic sending on, so the hourly trigger runs.
    expect((await sandbox.rpc('setAutomaticSending', [true], SCHOOL_LEADER)).body.ok).toBe(true);
    const chief = chiefAt(users, 'Onderbouw vmbo').email;
    const frame = await sidebarOpenedAs(page, chief);
    await frame.waitForSelector('[data-testid=week-tab]');
    const before = (await frame.textContent('[data-testid=read-at]'))!;
    expect(before).toMatch(/^bijgewerkt om \d\d:\d\d$/);
    const calls = session!.rpcCalls.length;
    // An hour later the scheduled run does its work while the sidebar stays open.
    const clock = (await sandbox.api('GET', '/api/clock')).body as { now: string; today: string };
    expect(clock.now.slice(11, 16) < '09:30').toBe(true);
    await sandbox.api('POST', '/api/clock', { now: `${clock.today}T09:30:00${clock.now.slice(-6)}` });
    const fired = await sandbox.api('POST', '/api/triggers/fire');
    expect(fired.body.fired.length).toBeGreaterThan(0);
    expect(fired.body.fired.every((f: { ok: boolean }) => f.ok)).toBe(true);
    const run = await sandbox.rpc('getLastRun', [], chief);
    expect(run.body.ok).toBe(true);
    expect(Date.parse((run.body as { value: { at: string } }).value.at)).toBe(
      Date.parse(`${clock.today}T09:30:00${clock.now.slice(-6)}`),
    );
    // Coming back to the sidebar (or within a minute) it asks, sees the run came after, and reads again.
    await frame.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await frame.waitForFunction((old) => {
      const text = document.querySelector('[data-testid=read-at]')?.textContent ?? '';
      return /^bijgewerkt om \d\d:\d\d$/.test(text) && text !== old;
    }, before);
    const after = session!.rpcCalls.slice(calls);
    expect(after[0]).toBe('getLastRun');
    expect(after).toContain('getSidebarState');
  });

  // Last in this file: it turns the school's setting on (and off again at the end).
  it('with "Koppelen maakt meteen het inwerkschema" on, pairs and saves the schedule in one click, or refuses with nothing written', async () => {
    const location = 'Onderbouw havo';
    await addRows(sandbox, 'Instellingen', [
      { Instelling: 'Koppelen maakt meteen het inwerkschema', Waarde: 'ja' },
    ]);
    const stranger = 'zonder.startdatum@vso-demo.example';
    await addRows(sandbox, 'Medewerkers', [
      { Naam: 'Sem Zonderdatum', 'E-mail': stranger, Locatie: location, Functie: 'leraar', Status: 'nieuw' },
    ]);
    const frame = await sidebarOpenedAs(page, chiefAt(users, location).email);
    await frame.click('[data-testid=tab-pairing]');
    const item = frame
      .locator('[data-testid=unpaired-item]')
      .filter({ hasNotText: 'Sem Zonderdatum' })
      .first();
    const newcomer = (await item.getAttribute('data-email'))!;
    await item.click();
    await frame.click('[data-testid=suggestion] >> nth=0 >> [data-testid=assign]');
    await frame.waitForSelector(`[data-testid=next-steps][data-email="${newcomer}"] [data-testid=next-made]`);
    expect(await frame.textContent('[data-testid=next-made]')).toMatch(
      /^Het inwerkschema van .+ is opgeslagen:/,
    );
    expect(await frame.isDisabled('[data-testid=next-schedule]')).toBe(true);
    expect(
      (await readTab(sandbox, 'Inwerkschema')).filter((r) => r['Nieuwe collega'] === newcomer).length,
    ).toBeGreaterThan(5);
    await sidebarShot(page, 'week-pair-makes-schedule');

    // A newcomer without a start date has no schedule to make: not paired, nothing written.
    const pairsBefore = (await readTab(sandbox, 'Koppelingen')).length;
    const logBefore = (await readTab(sandbox, 'Logboek')).length;
    await frame.click(`[data-testid=unpaired-item][data-email="${stranger}"]`);
    await frame.click('[data-testid=suggestion] >> nth=0 >> [data-testid=assign]');
    const error = frame.locator('[data-testid=suggestions] [data-testid=action-error]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^Niet gekoppeld: bij deze school maakt koppelen meteen het inwerkschema, en dat van Sem Zonderdatum kan niet gemaakt worden\..*Er is niets opgeslagen\.$/,
    );
    expect((await readTab(sandbox, 'Koppelingen')).length).toBe(pairsBefore);
    expect((await readTab(sandbox, 'Logboek')).length).toBe(logBefore);
    expect((await readTab(sandbox, 'Inwerkschema')).some((r) => r['Nieuwe collega'] === stranger)).toBe(
      false,
    );
    await setCell(
      sandbox,
      'Instellingen',
      'Instelling',
      'Koppelen maakt meteen het inwerkschema',
      'Waarde',
      'nee',
    );
  });
});
