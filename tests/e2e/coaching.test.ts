/**
 * Issue 14 in the sandbox with the real build in Chromium, the path its "done when" names: a
 * buddy records a 4D check-in with goals and competence levels in the sidebar, the growth view
 * shows it, the newcomer sees and confirms it on Mijn Wegwijs with their own klik "niet" and view
 * of a competence, that klik mails the chef buddy once, and after the closing the newcomer
 * downloads the summary for their competence file as PDF. The demo already shows 4D check-ins.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import type { CheckInsDto } from '../../src/shared/api.ts';
import { launchChromium, screenshotPath, sidebarShowing } from './support/browser.ts';
import { openNewcomer, outbox, rpcValue } from './support/newcomers.ts';
import { openOverview } from './support/overview.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { sidebarOpenedAs } from './support/session.ts';
import { readTab } from './support/workbook.ts';

let sandbox: TestSandbox;
let browser: Browser;
let page: Page;
let buddy = '';
let newcomer = '';
let chief = '';
const NOTE = 'Notitie-alleen-voor-de-buddy-6262';

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  const users = (await sandbox.api('GET', '/api/users')).body.users as { email: string; role: string }[];
  buddy = users.find((u) => u.role === 'buddy')!.email;
  newcomer = users.find((u) => u.role === 'nieuwe collega')!.email;
  const staff = await readTab(sandbox, 'Medewerkers');
  const location = staff.find((s) => s['E-mail'] === newcomer)!.Locatie;
  chief = String(
    (await readTab(sandbox, 'Locaties')).find((l) => l.Locatie === location)!['Chef buddy (e-mail)'],
  );
  await sandbox.api('POST', '/api/clock', { date: '2027-01-20' });
  await page.goto(sandbox.url);
  await sidebarShowing(page, 'user-email', SCHOOL_LEADER);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

const klikMails = async () =>
  (await outbox(sandbox)).filter((m) => m.to === chief && m.subject.startsWith('Klik-signaal'));

describe('check-ins as the protocol coaches', () => {
  it('the demo shows a newcomer with 4D check-ins, so the growth view is not empty', async () => {
    const rows = await readTab(sandbox, 'Check-ins');
    const with4D = rows.filter((r) => r.Gehouden && r.Ontdekken);
    const someone = String(with4D[0]!['Nieuwe collega']);
    expect(with4D.filter((r) => r['Nieuwe collega'] === someone).length).toBeGreaterThan(1);
    // One older record keeps its one 4D label and is shown as such (a finished onboarding's: since
    // issue 19 in the archive tab).
    const archived = await readTab(sandbox, 'Check-ins (archief)');
    expect([...rows, ...archived].some((r) => r.Gehouden && r['Fase (4D)'] && !r.Ontdekken)).toBe(true);
    const line = await rpcValue<CheckInsDto>(sandbox, 'getCheckIns', [someone], SCHOOL_LEADER);
    expect(line.growth.length).toBeGreaterThan(1);
    expect(line.growth[0]!.points.length).toBeGreaterThan(1);
    expect(line.goals).toHaveLength(2);
  });

  it('a buddy records a check-in in four steps with goals and competence levels, and sees the growth', async () => {
    // A buddy works on Mijn Wegwijs (issue 17: the sidebar points a buddy there), with the same
    // server function and rules as the sidebar's form.
    const newcomerName = String(
      (await readTab(sandbox, 'Medewerkers')).find((s) => s['E-mail'] === newcomer)!.Naam,
    );
    await page.goto(`${sandbox.url}/mijn?user=${encodeURIComponent(buddy)}`);
    const article = page.locator('.newcomer', { hasText: newcomerName });
    await article.locator('.record > summary').click();
    const form = article.locator('.checkin-form');
    await form.locator('input[type=date]').fill('2027-01-20');
    await form.locator('[data-testid=step-ontdekken]').fill('De mentorles ging goed.');
    await form.locator('[data-testid=step-dromen]').fill('Over twee weken de ouderavond voorbereiden.');
    await form.locator('[data-testid=step-ontwerpen]').fill('Samen met de buddy een gespreksopzet maken.');
    await form.locator('[data-testid=step-doen]').fill('Vrijdag de gespreksopzet bespreken.');
    // No goals yet: this check-in sets them, with a start and an end point.
    expect(await form.locator('[data-testid=goal-text]').count()).toBe(1);
    // The first check-in marks the goals as expected, with "Nog geen doelen" as the way out.
    expect(await form.locator('[data-testid=goals]').getAttribute('data-expected')).toBe('true');
    expect(await form.locator('[data-testid=goals] legend').textContent()).toContain(
      'Verwacht bij de eerste check-in',
    );
    expect(await form.locator('[data-testid=no-goals]').isChecked()).toBe(false);
    await form.locator('[data-testid=goal-text]').fill('Zelfstandig een ouderavond voeren');
    await form.locator('[data-testid=goal-start]').fill('nog nooit gedaan');
    await form.locator('[data-testid=goal-end]').fill('een ouderavond zelf voeren');
    await form.locator('[data-testid=level][data-competence=interpersoonlijk]').selectOption('zelfstandig');
    await form
      .locator('[data-testid=level][data-competence="samenwerking omgeving"]')
      .selectOption('oriënterend');
    // The indicators help the buddy know what to look at.
    await form.locator('.competence').nth(5).locator('summary').click();
    expect(
      await form.locator('.competence').nth(5).locator('[data-testid=indicators]').textContent(),
    ).toContain('zoekt actief contact met ouders');
    await form.locator('[data-testid=worries]').fill('Zorgen over de ouderavond.');
    await form.locator('label:has-text("Welbevinden") select').selectOption('4');
    await form.locator('label:has-text("Klik") select').selectOption('goed');
    await form.locator('label:has-text("Notities") textarea').fill(NOTE);
    await page.screenshot({ path: screenshotPath('coaching-form'), fullPage: true });
    // Without a goal (and without "Nog geen doelen") the form asks for one before sending.
    await form.locator('[data-testid=goal-text]').fill('');
    await form.locator('button[type=submit]').click();
    expect(await form.locator('[role=alert]').textContent()).toContain(
      'Dit is de eerste check-in: vul één tot drie doelen in',
    );
    expect((await readTab(sandbox, 'Check-ins')).some((r) => r.Gehouden === '2027-01-20')).toBe(false);
    await form.locator('[data-testid=goal-text]').fill('Zelfstandig een ouderavond voeren');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('[role=status]');

    const row = (await readTab(sandbox, 'Check-ins')).find(
      (r) => r['Nieuwe collega'] === newcomer && r.Gehouden === '2027-01-20',
    );
    expect(row).toMatchObject({
      Ontdekken: 'De mentorles ging goed.',
      Afspraken: 'Vrijdag de gespreksopzet bespreken.',
      'Zorgen, knelpunten of onzekerheden': 'Zorgen over de ouderavond.',
    });
    expect(String(row!['Competenties (niveau)'])).toBe(
      'interpersoonlijk: zelfstandig; samenwerking omgeving: oriënterend',
    );
    expect(row!.Doelen).toBe(
      'Zelfstandig een ouderavond voeren | nog nooit gedaan | een ouderavond zelf voeren | op koers',
    );

    await page.goto(sandbox.url);
    await page.waitForSelector('[data-testid=user-switcher]');
    const frame = await sidebarOpenedAs(page, chief);
    await openNewcomer(frame, newcomer);
    const chart = frame.locator('[data-testid=growth-chart][data-competence^=interpersoonlijk]');
    await chart.waitFor();
    expect(await chart.getAttribute('data-levels')).toBe('3');
    expect(await frame.locator('[data-testid=current-goals] li').first().getAttribute('data-status')).toBe(
      'op koers',
    );
    await page.locator('[data-testid=sidebar-frame]').screenshot({ path: screenshotPath('coaching-growth') });
  });

  it('the chef buddy sees "zorgen gemeld" this week, not what they are', async () => {
    const frame = await sidebarOpenedAs(page, chief);
    await frame.click('[data-testid=tab-week]');
    const item = frame.locator(`[data-testid=week-item][data-kind=worries][data-email="${newcomer}"]`);
    await item.waitFor();
    expect(await item.textContent()).toMatch(/zorgen gemeld/);
    expect(await frame.locator('[data-testid=week-tab]').textContent()).not.toContain('ouderavond');
  });

  it('the newcomer sees the check-in on Mijn Wegwijs and confirms it with their own klik and view', async () => {
    await page.goto(`${sandbox.url}/mijn?user=${encodeURIComponent(newcomer)}`);
    await page.waitForSelector('[data-testid=coaching]');
    expect(await page.locator('[data-testid=shown-ontdekken]').textContent()).toContain(
      'De mentorles ging goed.',
    );
    expect(await page.locator('[data-testid=growth-chart]').count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain(NOTE);
    const form = page.locator('.response-form');
    await form.locator('input[type=checkbox]').first().check();
    await form.locator('select').nth(0).selectOption('niet');
    await form.locator('select').nth(1).selectOption('3');
    await form.locator('[data-testid=level][data-competence=interpersoonlijk]').selectOption('op weg');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('text=Dank je wel, je reactie is opgeslagen.');
    const row = (await readTab(sandbox, 'Check-ins')).find(
      (r) => r['Nieuwe collega'] === newcomer && r.Gehouden === '2027-01-20',
    );
    expect(row).toMatchObject({
      'Afspraken bevestigd (nieuwe collega)': true,
      'Klik (nieuwe collega)': 'niet',
      'Competenties (nieuwe collega)': 'interpersoonlijk: op weg',
    });
    const own = page.locator('[data-testid=growth-chart][data-competence^=interpersoonlijk]');
    expect(await own.getAttribute('data-own')).toBe('2');
    await page.screenshot({ path: screenshotPath('coaching-mijn'), fullPage: true });
  });

  it('that klik "niet" mails the chef buddy once, without notes, with a link to the sheet', async () => {
    await rpcValue(sandbox, 'setAutomaticSending', [true], SCHOOL_LEADER);
    expect(await klikMails()).toHaveLength(0);
    await sandbox.api('POST', '/api/triggers/fire', {});
    await sandbox.api('POST', '/api/triggers/fire', {});
    const mails = await klikMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/: geen klik$/);
    expect(mails[0]!.body).toMatch(/Extensies › Wegwijs › Nieuwe collega’s/);
    for (const secret of [NOTE, 'Zorgen over', 'mentorles'])
      expect(JSON.stringify(mails[0])).not.toContain(secret);
    await sandbox.api('POST', '/api/clock', { date: '2027-01-21' });
    await sandbox.api('POST', '/api/triggers/fire', {});
    expect(await klikMails()).toHaveLength(1);
  });

  it('after the closing the newcomer downloads the summary for the competence file as PDF', async () => {
    const line = await rpcValue<CheckInsDto>(sandbox, 'getCheckIns', [newcomer], chief);
    for (const c of line.checkIns.filter((x) => x.state === 'gepland' || x.state === 'te laat'))
      await rpcValue(sandbox, 'skipCheckIn', [newcomer, c.planned, 'Inwerken eerder afgerond'], chief);
    // The chef buddy closes in the sidebar and evaluates the goal in the small form first.
    await page.goto(sandbox.url);
    await page.waitForSelector('[data-testid=user-switcher]');
    const frame = await sidebarOpenedAs(page, chief);
    await openNewcomer(frame, newcomer);
    await frame.click('[data-testid=close-onboarding]');
    await frame.locator('[data-testid=close-goal-0]').selectOption('deels bereikt');
    await frame.locator('[data-testid=close-remark-0]').fill('Eerste ouderavond samen met de buddy.');
    await frame.locator('[data-testid=close-agreements]').fill('Elke maand intervisie op locatie.');
    await frame.click('[data-testid=close-confirm]');
    await frame.waitForSelector('text=De evaluatie van de doelen is bewaard.');
    expect(await frame.locator('body').textContent()).toContain('bekwaamheidsdossier');
    const staff = (await readTab(sandbox, 'Medewerkers')).find((r) => r['E-mail'] === newcomer);
    expect(staff).toMatchObject({
      Status: 'actief',
      'Doelen bij afronding':
        'Zelfstandig een ouderavond voeren | deels bereikt | Eerste ouderavond samen met de buddy.',
    });
    await page.goto(`${sandbox.url}/mijn?user=${encodeURIComponent(newcomer)}`);
    await page.click('[data-testid=summary-make]');
    const link = page.locator('[data-testid=summary-link]');
    await link.waitFor();
    expect(await link.getAttribute('download')).toMatch(/^bekwaamheidsdossier-.*\.pdf$/);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^data:application\/pdf;base64,/);
    const pdf = Buffer.from(href.split(',')[1]!, 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    for (const text of [
      'Zelfstandig een ouderavond voeren',
      'zelfstandig',
      'Vrijdag de gespreksopzet bespreken.',
      'Evaluatie bij de afronding',
      'deels bereikt',
      'Eerste ouderavond samen met de buddy.',
      'Elke maand intervisie op locatie.',
    ])
      expect(pdf).toContain(text);
    for (const secret of [NOTE, 'Zorgen over']) expect(pdf).not.toContain(secret);
    await page.screenshot({ path: screenshotPath('coaching-summary'), fullPage: true });
  });

  it('the chef buddy adds a remark to the monthly report, which the scheduled run sends once', async () => {
    await sandbox.api('POST', '/api/clock', { now: '2027-02-01T09:00:00+01:00' });
    await page.goto(sandbox.url);
    await page.waitForSelector('[data-testid=user-switcher]');
    const frame = await sidebarOpenedAs(page, chief);
    await openOverview(frame);
    const card = frame.locator('[data-testid=chief-report]');
    await card.waitFor();
    expect(await card.textContent()).toContain('januari 2027');
    expect(await card.textContent()).not.toContain(NOTE);
    await card.locator('[data-testid=cr-remark]').fill('De ouderavond vraagt extra begeleiding.');
    await card.locator('[data-testid=cr-ready]').click();
    await frame.waitForSelector('[data-testid=chief-report] >> text=volgende automatische verzending');
    await page
      .locator('[data-testid=sidebar-frame]')
      .screenshot({ path: screenshotPath('coaching-chief-report') });
    const reports = async () =>
      (await outbox(sandbox)).filter((m) => m.to === SCHOOL_LEADER && m.subject.startsWith('Maandverslag'));
    await sandbox.api('POST', '/api/triggers/fire', {});
    await sandbox.api('POST', '/api/triggers/fire', {});
    const mine = (await reports()).filter((m) => m.body.includes('De ouderavond vraagt extra begeleiding.'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toContain('januari 2027');
    expect(JSON.stringify(mine[0])).not.toContain(NOTE);
  });
});
