/**
 * Buddy pairing in the sandbox's sidebar with the real build in Chromium: a chef buddy pairs from
 * the suggestions, ends and replaces a pair, applies a proposal; the school leader switches
 * location; names from the sheet stay text; one buddy mail per pair.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import { type PageWatch, sidebarShowing } from './support/browser.ts';
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
import { addRows, type Cell, readTab, setCell } from './support/workbook.ts';

interface Mail {
  to: string;
  subject: string;
  body: string;
}

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

async function outbox(): Promise<Mail[]> {
  return (await sandbox.api('GET', '/api/outbox')).body as Mail[];
}

/** Buddy mails about `newcomerName` sent to `buddy`. */
async function buddyMails(buddy: string, newcomerName: string): Promise<Mail[]> {
  return (await outbox()).filter((m) => m.to === buddy && m.body.includes(newcomerName));
}

async function activePairs(location?: string): Promise<Record<string, Cell>[]> {
  return (await readTab(sandbox, 'Koppelingen')).filter(
    (r) => r.Status === 'actief' && (location === undefined || r.Locatie === location),
  );
}

/** What the server says is unpaired at a location (as the school leader sees it). */
async function unpairedAt(location: string): Promise<string[]> {
  const answer = await sandbox.rpc('getSidebarState', [location], SCHOOL_LEADER);
  if (!answer.body.ok) throw new Error(answer.body.error);
  const state = answer.body.value as { pairing: { unpaired: { email: string }[] } };
  return state.pairing.unpaired.map((w) => w.email);
}

async function attributes(frame: Frame, selector: string, name: string): Promise<string[]> {
  return frame.$$eval(selector, (els, attr) => els.map((e) => e.getAttribute(attr) ?? ''), name);
}

/** Newcomers added to the Medewerkers tab for a test, by header name. */
function newcomer(name: string, email: string, location: string, startDate: string): Record<string, Cell> {
  return {
    Naam: name,
    'E-mail': email,
    Locatie: location,
    Functie: 'leraar',
    Startdatum: startDate,
    Status: 'nieuw',
    'Kan buddy zijn': false,
    'Jaren ervaring VSO': 0,
    'Affiniteit met begeleiden': false,
  };
}

describe('a chef buddy pairs a newcomer from the suggestions', () => {
  const location = 'Onderbouw vmbo';
  const newcomerEmail = 'anneloes.jansen@vso-demo.example';
  const newcomerName = 'Anneloes Jansen';
  let buddy = '';

  it('lists the unpaired newcomer with function, start date and days until start', async () => {
    const frame = await sidebarAs(chiefOf(location).email);
    expect((await frame.textContent('[data-testid=pairing-location]'))?.trim()).toBe(location);
    expect(await frame.$('[data-testid=location-select]')).toBeNull();
    const item = frame.locator(`[data-testid=unpaired-item][data-email="${newcomerEmail}"]`);
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain(newcomerName);
    expect(text).toContain('leraar');
    expect(text).toContain('11-01-2027');
    expect(text).toContain('over 7 dagen');
    await shot('pairing-unpaired');
  });

  it('shows ranked suggestions with score, reasons and load, and who cannot on request', async () => {
    const frame = await sidebarShowing(page, 'user-email', chiefOf(location).email);
    await frame.click(`[data-testid=unpaired-item][data-email="${newcomerEmail}"]`);
    await frame.waitForSelector('[data-testid=suggestion]');
    // The score reads on the school's scale (issue 17): "past 8/10", highest first.
    const fits = await frame.$$eval('[data-testid=suggestion] [data-testid=score-fit]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    for (const fit of fits) expect(fit).toMatch(/^past (\d|10)\/10$/);
    const scores = fits.map((f) => Number(/(\d+)\//.exec(f)![1]));
    expect(scores.length).toBeGreaterThan(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const first = frame.locator('[data-testid=suggestion]').first();
    expect(await first.textContent()).toMatch(/affiniteit met begeleiden|jaar ervaring in het VSO/);
    expect(await first.locator('[data-testid=suggestion-load]').textContent()).toMatch(/\d+ van \d+/);
    expect(await frame.$('[data-testid=excluded]')).toBeNull();
    await shot('pairing-suggestions');
    await frame.click('[data-testid=show-excluded]');
    const excluded = await frame.textContent('[data-testid=excluded]');
    expect(excluded).toMatch(/kan of wil geen buddy zijn/);
    expect(excluded).toMatch(/werkt op een andere locatie/);
    await frame.click('[data-testid=show-excluded]');
    expect(await frame.$('[data-testid=excluded]')).toBeNull();
  });

  it('pairs once on a double click, shows the message and the pair, writes the row and one mail', async () => {
    const frame = await sidebarShowing(page, 'user-email', chiefOf(location).email);
    buddy = (await frame.getAttribute('[data-testid=suggestion] >> nth=0', 'data-email'))!;
    const before = rpcCalls.filter((n) => n === 'assignBuddy').length;
    // Two clicks in the same task, before Preact can re-render the button as disabled.
    await frame.$eval('[data-testid=suggestion] [data-testid=assign]', (button) => {
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    });
    const message = frame.locator('[data-testid=action-message]');
    await message.waitFor();
    expect(await message.textContent()).toContain(`${newcomerName} is gekoppeld aan`);
    expect(rpcCalls.filter((n) => n === 'assignBuddy').length - before).toBe(1);

    const pair = frame.locator(`[data-testid=pair][data-newcomer="${newcomerEmail}"]`);
    await pair.waitFor();
    expect(await pair.textContent()).toContain(newcomerName);
    expect(await pair.locator('[data-testid=pair-mail]').getAttribute('data-kind')).toBe('sent');
    expect(await frame.$(`[data-testid=unpaired-item][data-email="${newcomerEmail}"]`)).toBeNull();
    expect(await frame.textContent(`[data-testid=load][data-email="${buddy}"]`)).toContain('1 van');

    const rows = (await activePairs(location)).filter((r) => r['Nieuwe collega'] === newcomerEmail);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.Buddy).toBe(buddy);
    expect(rows[0]!['Gekoppeld door']).toBe(chiefOf(location).email);
    expect(await buddyMails(buddy, newcomerName)).toHaveLength(1);
    await shot('pairing-paired');
  });

  it('sends no second mail for the same pair: not on a repeated call, not from the scheduled run', async () => {
    const again = await sandbox.rpc('assignBuddy', [newcomerEmail, buddy], chiefOf(location).email);
    expect(again.body).toEqual({ ok: true, value: expect.objectContaining({ applied: 0 }) });
    expect((again.body as { value: { message: string } }).value.message).toMatch(/was al gekoppeld/);
    const on = await sandbox.api('POST', '/api/run/enableAutomaticSending', undefined, {
      'X-Wegwijs-User': SCHOOL_LEADER,
    });
    expect(on.body.ok).toBe(true);
    const fired = await sandbox.api('POST', '/api/triggers/fire');
    expect(fired.body.fired.length).toBeGreaterThan(0);
    expect(fired.body.fired.every((f: { ok: boolean }) => f.ok)).toBe(true);
    expect(await buddyMails(buddy, newcomerName)).toHaveLength(1);
    expect((await activePairs(location)).filter((r) => r['Nieuwe collega'] === newcomerEmail)).toHaveLength(
      1,
    );
  });
});

describe('a chef buddy ends and replaces pairs', () => {
  const location = 'Onderbouw vmbo';
  const ended = 'bram.hendriks@vso-demo.example';
  const replaced = 'anneloes.jansen@vso-demo.example';

  it('refuses to end a pair without a reason, and calls nothing', async () => {
    const frame = await sidebarAs(chiefOf(location).email);
    const pair = frame.locator(`[data-testid=pair][data-newcomer="${ended}"]`);
    await pair.locator('[data-testid=end-pair]').click();
    const before = rpcCalls.length;
    await pair.locator('[data-testid=end-reason]').fill('   ');
    await pair.locator('[data-testid=end-confirm]').click();
    expect(await pair.locator('[data-testid=end-error]').textContent()).toContain('Geef een reden op');
    expect(rpcCalls.slice(before)).not.toContain('endPairing');
    expect(await pair.locator('[data-testid=end-reason]').getAttribute('maxlength')).toBe('500');
    await shot('pairing-end-form');
    expect((await activePairs(location)).some((r) => r['Nieuwe collega'] === ended)).toBe(true);
  });

  it('ends a pair with a reason: the row is beëindigd with the reason, the newcomer is unpaired again', async () => {
    const frame = await sidebarShowing(page, 'user-email', chiefOf(location).email);
    const pair = frame.locator(`[data-testid=pair][data-newcomer="${ended}"]`);
    const reason = 'Geen klik; in overleg een andere buddy zoeken';
    await pair.locator('[data-testid=end-reason]').fill(reason);
    await pair.locator('[data-testid=end-confirm]').click();
    await frame.waitForSelector(
      '[data-testid=action-message]:has-text("De koppeling van Bram Hendriks is beëindigd")',
    );
    await pair.waitFor({ state: 'detached' });
    await frame.waitForSelector(`[data-testid=unpaired-item][data-email="${ended}"]`);
    const rows = (await readTab(sandbox, 'Koppelingen')).filter((r) => r['Nieuwe collega'] === ended);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Status: 'beëindigd', Reden: reason });
  });

  it('shows the server’s refusal in the suggestions when someone else paired the newcomer meanwhile', async () => {
    const frame = await sidebarShowing(page, 'user-email', chiefOf(location).email);
    await frame.click(`[data-testid=unpaired-item][data-email="${ended}"]`);
    const panel = frame.locator(`[data-testid=suggestions][data-newcomer="${ended}"]`);
    const suggestions = panel.locator('[data-testid=suggestion]');
    await suggestions.first().waitFor();
    const [first, second] = await attributes(frame, '[data-testid=suggestion]', 'data-email');
    const meanwhile = await sandbox.rpc('assignBuddy', [ended, first], SCHOOL_LEADER);
    expect(meanwhile.body.ok).toBe(true);
    await panel.locator(`[data-testid=suggestion][data-email="${second}"] [data-testid=assign]`).click();
    expect(await panel.locator('[data-testid=action-error]').textContent()).toMatch(/heeft al een buddy/);
    expect(await panel.locator('[data-testid=assign]').first().isEnabled()).toBe(true);
    await frame.click('[data-testid=suggestions-close]');
    await frame.click('[data-testid=refresh]');
    await frame.waitForSelector(`[data-testid=pair][data-newcomer="${ended}"]`);
    expect((await activePairs(location)).filter((r) => r['Nieuwe collega'] === ended)).toHaveLength(1);
  });

  it('replaces a pair: ends it with a reason, then opens the suggestions for that newcomer', async () => {
    const frame = await sidebarShowing(page, 'user-email', chiefOf(location).email);
    const pair = frame.locator(`[data-testid=pair][data-newcomer="${replaced}"]`);
    const oldBuddy = (await activePairs(location)).find((r) => r['Nieuwe collega'] === replaced)!.Buddy;
    await pair.locator('[data-testid=replace-pair]').click();
    await pair.locator('[data-testid=end-reason]').fill('Buddy is langdurig afwezig');
    await pair.locator('[data-testid=end-confirm]').click();
    const panel = frame.locator(`[data-testid=suggestions][data-newcomer="${replaced}"]`);
    await panel.locator('[data-testid=suggestion]').first().waitFor();
    // The server may suggest the previous buddy again; the sidebar marks them.
    const previous = panel.locator(`[data-testid=suggestion][data-email="${oldBuddy}"]`);
    if (await previous.count()) expect(await previous.textContent()).toContain('vorige buddy');
    await panel
      .locator(`[data-testid=suggestion]:not([data-email="${oldBuddy}"]) [data-testid=assign]`)
      .first()
      .click();
    await frame.waitForSelector(`[data-testid=pair][data-newcomer="${replaced}"]`);
    const history = (await readTab(sandbox, 'Koppelingen')).filter((r) => r['Nieuwe collega'] === replaced);
    expect(history.map((r) => r.Status)).toEqual(['beëindigd', 'actief']);
    expect(history[0]!.Reden).toBe('Buddy is langdurig afwezig');
  });
});

describe('locations', () => {
  it('lets the school leader switch location and see that location’s newcomers', async () => {
    const frame = await sidebarAs(SCHOOL_LEADER);
    const select = frame.locator('[data-testid=location-select]');
    await select.waitFor();
    const options = await select.locator('option').allTextContents();
    expect(options).toEqual(['Onderbouw vmbo', 'Bovenbouw vmbo', 'Onderbouw havo', 'Bovenbouw havo']);
    for (const location of ['Bovenbouw havo', 'Onderbouw havo']) {
      await select.selectOption(location);
      await frame.waitForSelector(`[data-testid=pairing][data-location="${location}"]`);
      await frame.waitForSelector('[data-testid=updating]', { state: 'detached' });
      const shown = await attributes(frame, '[data-testid=unpaired-item]', 'data-email');
      expect(shown).toEqual(await unpairedAt(location));
      expect(shown.length).toBeGreaterThan(0);
    }
    await shot('pairing-leader-location');
    // A refresh keeps the chosen location.
    await frame.click('[data-testid=refresh]');
    await frame.waitForSelector('[data-testid=pairing][data-location="Onderbouw havo"]');
  });

  it('shows a chef buddy only their own location, and refuses pairing elsewhere, also when called directly', async () => {
    const chief = chiefOf('Onderbouw vmbo');
    const frame = await sidebarAs(chief.email);
    await frame.waitForSelector('[data-testid=pairing][data-location="Onderbouw vmbo"]');
    expect(await frame.$('[data-testid=location-select]')).toBeNull();
    expect(await attributes(frame, '[data-testid=unpaired-item]', 'data-email')).toEqual(
      await unpairedAt('Onderbouw vmbo'),
    );
    const elsewhere = 'meike.vanderberg@vso-demo.example'; // Bovenbouw havo
    const before = (await readTab(sandbox, 'Koppelingen')).length;
    const answer = await sandbox.rpc(
      'assignBuddy',
      [elsewhere, 'roos.degraaf@vso-demo.example'],
      chief.email,
    );
    expect(answer.body).toEqual({
      ok: false,
      error: expect.stringMatching(/geen chef buddy van locatie Bovenbouw havo/),
    });
    const suggest = await sandbox.rpc('suggestBuddies', [elsewhere], chief.email);
    expect(suggest.body.ok).toBe(false);
    expect((await readTab(sandbox, 'Koppelingen')).length).toBe(before);
  });

  it('shows no pairing to a buddy or a staff member', async () => {
    for (const role of ['buddy', 'medewerker']) {
      const user = users.find((u) => u.role === role)!;
      const frame = await sidebarAs(user.email);
      expect(await frame.$('[data-testid=pairing]')).toBeNull();
      expect(await frame.$('[data-testid=propose]')).toBeNull();
    }
  });
});

describe('a chef buddy applies a proposal', () => {
  const location = 'Onderbouw havo';
  const added = [
    newcomer('Sanne Bakker', 'sanne.bakker@vso-demo.example', location, '2027-01-18'),
    newcomer('Youssef Amrani', 'youssef.amrani@vso-demo.example', location, '2027-01-25'),
  ];

  it('previews, lets a row be left out and a buddy be changed, then makes the pairs with one mail each', async () => {
    await addRows(sandbox, 'Medewerkers', added);
    const waiting = await unpairedAt(location);
    expect(waiting.length).toBe(3);
    const frame = await sidebarAs(chiefOf(location).email);
    await frame.waitForSelector('[data-testid=unpaired-item] >> nth=2');
    const mailsBefore = (await outbox()).length;

    await frame.click('[data-testid=propose]');
    await frame.waitForSelector('[data-testid=proposal-row] >> nth=2');
    expect((await attributes(frame, '[data-testid=proposal-row]', 'data-newcomer')).sort()).toEqual(
      [...waiting].sort(),
    );
    await shot('pairing-proposal');

    // Leave one out and back in: the button counts what will be applied.
    const apply = frame.locator('[data-testid=apply-proposal]');
    expect(await apply.textContent()).toContain('(3)');
    const third = frame.locator('[data-testid=proposal-row]').nth(2);
    await third.locator('[data-testid=proposal-include]').uncheck();
    expect(await apply.textContent()).toContain('(2)');
    await third.locator('[data-testid=proposal-include]').check();
    expect(await apply.textContent()).toContain('(3)');

    // Choose another buddy for the first row, from its suggestions (loaded only now).
    const first = frame.locator('[data-testid=proposal-row]').first();
    const proposed = (await first.locator('[data-testid=proposal-buddy]').textContent())!;
    const suggestCalls = rpcCalls.filter((n) => n === 'suggestBuddies').length;
    await first.locator('[data-testid=change-buddy]').click();
    const select = first.locator('[data-testid=buddy-select]');
    await select.waitFor();
    expect(rpcCalls.filter((n) => n === 'suggestBuddies').length).toBe(suggestCalls + 1);
    const choices = await select
      .locator('option')
      .evaluateAll((os) =>
        os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
      );
    const proposedBuddies = await Promise.all(
      (await frame.locator('[data-testid=proposal-buddy]').allTextContents()).map((t) => t.trim()),
    );
    const other = choices.find((c) => !proposedBuddies.some((b) => c.text.startsWith(b)))!;
    await select.selectOption(other.value);
    const chosenName = (await first.locator('[data-testid=proposal-buddy]').textContent())!;
    expect(chosenName).not.toBe(proposed);
    expect(other.text.startsWith(chosenName)).toBe(true);

    await apply.click();
    const message = frame.locator('[data-testid=action-message]');
    await message.waitFor();
    expect(await message.textContent()).toContain('3 koppeling(en) gemaakt.');
    expect(await frame.$('[data-testid=proposal]')).toBeNull();
    await frame.waitForSelector('[data-testid=no-unpaired]');

    const made = (await activePairs(location)).filter((r) => waiting.includes(String(r['Nieuwe collega'])));
    expect(made).toHaveLength(3);
    expect(made.map((r) => r.Buddy)).toContain(other.value);
    const mails = (await outbox()).slice(mailsBefore);
    expect(mails.map((m) => m.to).sort()).toEqual(made.map((r) => String(r.Buddy)).sort());
    for (const pair of await frame.locator('[data-testid=pair]').all()) {
      expect(await pair.locator('[data-testid=pair-mail]').getAttribute('data-kind')).toBe('sent');
    }
  });

  it('reports the pairs it could not make, with why', async () => {
    const here = 'Bovenbouw vmbo';
    await addRows(sandbox, 'Medewerkers', [
      newcomer('Daan Claes', 'daan.claes@vso-demo.example', here, '2027-01-18'),
      newcomer('Lotte Peeters', 'lotte.peeters@vso-demo.example', here, '2027-01-04'),
      newcomer('Noor Jacobs', 'noor.jacobs@vso-demo.example', here, '2026-12-21'),
    ]);
    const chief = chiefOf(here);
    const frame = await sidebarAs(chief.email);
    // The soonest first; who starts today or has started without a buddy is marked.
    expect(await attributes(frame, '[data-testid=unpaired-item]', 'data-email')).toEqual([
      'noor.jacobs@vso-demo.example',
      'lotte.peeters@vso-demo.example',
      'daan.claes@vso-demo.example',
    ]);
    expect(await frame.locator('[data-testid=unpaired-when]').allTextContents()).toEqual([
      'al begonnen',
      'vandaag',
      'over 14 dagen',
    ]);
    expect(await attributes(frame, '[data-testid=unpaired-when]', 'data-overdue')).toEqual([
      'true',
      'true',
      'false',
    ]);
    await shot('pairing-overdue');
    await frame.click('[data-testid=propose]');
    await frame.waitForSelector('[data-testid=proposal-row] >> nth=2');
    // Meanwhile someone else pairs the first newcomer of the preview.
    const firstRow = frame.locator('[data-testid=proposal-row]').first();
    const firstNewcomer = (await firstRow.getAttribute('data-newcomer'))!;
    const proposedBuddy = await firstRow.getAttribute('data-buddy');
    const suggestions = await sandbox.rpc('suggestBuddies', [firstNewcomer], SCHOOL_LEADER);
    const pick = (suggestions.body as { value: { suggestions: { email: string }[] } }).value.suggestions.find(
      (s) => s.email !== proposedBuddy,
    )!;
    expect((await sandbox.rpc('assignBuddy', [firstNewcomer, pick.email], SCHOOL_LEADER)).body.ok).toBe(true);

    await frame.click('[data-testid=apply-proposal]');
    const message = frame.locator('[data-testid=action-message]');
    await message.waitFor();
    expect(await message.textContent()).toContain('2 koppeling(en) gemaakt. 1 niet gemaakt.');
    expect(await frame.textContent('[data-testid=rejected]')).toMatch(/heeft al een buddy/);
    await shot('pairing-proposal-result');
  });
});

describe('names from the sheet', () => {
  it('shows markup typed as a name as text in the suggestions and pairs: no element, no dialog', async () => {
    const location = 'Bovenbouw havo';
    const chief = chiefOf(location);
    const newcomerEmail = 'meike.vanderberg@vso-demo.example';
    const suggestions = await sandbox.rpc('suggestBuddies', [newcomerEmail], chief.email);
    const target = (suggestions.body as { value: { suggestions: { email: string }[] } }).value
      .suggestions[0]!;
    const evil = '<img src=x onerror=alert(1)>';
    await setCell(sandbox, 'Medewerkers', 'E-mail', target.email, 'Naam', evil);
    await setCell(sandbox, 'Medewerkers', 'E-mail', newcomerEmail, 'Naam', `${evil} nieuw`);

    const frame = await sidebarAs(chief.email);
    const item = frame.locator(`[data-testid=unpaired-item][data-email="${newcomerEmail}"]`);
    expect(await item.locator('.name').textContent()).toBe(`${evil} nieuw`);
    await item.click();
    const suggestion = frame.locator(`[data-testid=suggestion][data-email="${target.email}"]`);
    expect(await suggestion.locator('[data-testid=suggestion-name]').textContent()).toBe(evil);
    await suggestion.locator('[data-testid=assign]').click();
    const pair = frame.locator(`[data-testid=pair][data-newcomer="${newcomerEmail}"]`);
    await pair.waitFor();
    expect(await pair.textContent()).toContain(`${evil} nieuw → ${evil}`);
    expect(await frame.locator('[data-testid=action-message]').textContent()).toContain(evil);
    expect(await frame.$$('img')).toHaveLength(0);
    await page.waitForTimeout(200);
    expect(watch.dialogs).toEqual([]);
    await shot('pairing-markup-as-text');
  });
});

describe('along the way', () => {
  it('caused no console error and no dialog', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});
