/**
 * Issue 16 in the sandbox's sidebar with the real build in Chromium: a chef buddy pairs a
 * colleague below a buddy rule only after an inline confirmation that names the rule (the row
 * records the exception), and the welcome packet's preview warns while a section still has its
 * example text; the demo's packet is complete.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_LEADER } from '../../sandbox/demo.ts';
import { PACKET_SECTIONS } from '../../src/core/schema.ts';
import { sidebarShowing } from './support/browser.ts';
import { openNewcomer, openNewcomersTab, rpcValue } from './support/newcomers.ts';
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
import { addRows, readTab } from './support/workbook.ts';

let sandbox: TestSandbox;
let page: Page;
let users: SwitcherUser[];
let session: Session | undefined;

beforeAll(async () => {
  session = await startSession();
  ({ sandbox, page, users } = session);
});

afterAll(() => stopSession(session));

const sidebarAs = (email: string): Promise<Frame> => openSidebarAs(page, email);

describe('a buddy rule in the sidebar', () => {
  const location = 'Onderbouw havo';
  const newcomer = 'nieuw.regel@vso-demo.example';
  const fresh = 'fenna.vers@vso-demo.example';

  it('shows the rule, asks to confirm, and pairs only after the confirmation', async () => {
    const chief = chiefAt(users, location).email;
    await addRows(sandbox, 'Medewerkers', [
      {
        Naam: 'Nina Regel',
        'E-mail': newcomer,
        Locatie: location,
        Functie: 'leraar',
        Startdatum: '2027-01-18',
        Status: 'nieuw',
      },
      {
        // Finished her own onboarding in the autumn: experienced in the VSO, new at this school.
        Naam: 'Fenna Vers',
        'E-mail': fresh,
        Locatie: location,
        Functie: 'leraar',
        Startdatum: '2026-11-02',
        Status: 'actief',
        'Kan buddy zijn': true,
        'Jaren ervaring VSO': 9,
        'Affiniteit met begeleiden': true,
      },
    ]);
    const frame = await sidebarAs(chief);
    await frame.click(`[data-testid=unpaired-item][data-email="${newcomer}"]`);
    await frame.waitForSelector('[data-testid=suggestion]');
    expect(await frame.$(`[data-testid=suggestion][data-email="${fresh}"]`)).toBeNull();
    await frame.click('[data-testid=show-excluded]');
    const item = frame.locator(`[data-testid=excluded-item][data-email="${fresh}"]`);
    expect(await item.textContent()).toContain('werkt 0 jaar op deze school (buddyregel: minstens 2)');
    await item.locator('[data-testid=assign-anyway]').click();
    const confirm = item.locator('[data-testid=rule-confirm]');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      'Fenna Vers voldoet niet aan de buddyregel: werkt 0 jaar op deze school (buddyregel: minstens 2). Wil je toch koppelen?',
    );
    await sidebarShot(page, 'buddy-rule-confirm');
    // Cancelling writes nothing.
    await confirm.locator('[data-testid=rule-confirm-no]').click();
    expect(await item.locator('[data-testid=rule-confirm]').count()).toBe(0);
    const pairsOf = async () =>
      (await readTab(sandbox, 'Koppelingen')).filter((r) => r['Nieuwe collega'] === newcomer);
    expect(await pairsOf()).toHaveLength(0);
    // A direct call without the confirmation is refused, naming the rule.
    const refused = await sandbox.rpc('assignBuddy', [newcomer, fresh], chief);
    if (refused.body.ok) throw new Error('assignBuddy without the confirmation was accepted');
    expect(refused.body.error).toContain('voldoet niet aan de buddyregel');
    expect(await pairsOf()).toHaveLength(0);

    await item.locator('[data-testid=assign-anyway]').click();
    await item.locator('[data-testid=rule-confirm-yes]').click();
    const message = await sidebarShowing(page, 'user-email', chief);
    await message.waitForSelector('[data-testid=action-message], [data-testid=pair-item]');
    const rows = await pairsOf();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Buddy: fresh, Status: 'actief' });
    expect(rows[0]!['Uitzondering op buddyregel']).toBe(
      'uitzondering bevestigd: werkt 0 jaar op deze school (buddyregel: minstens 2)',
    );
  });
});

describe('the welcome packet preview', () => {
  const chief = (): string => chiefAt(users, 'Onderbouw vmbo').email;
  const bram = 'bram.hendriks@vso-demo.example';

  it('has a complete packet in the demo: every section once, without warnings', async () => {
    const preview = await rpcValue<{ warnings: string[]; errors: string[] }>(
      sandbox,
      'previewWelcome',
      [bram],
      SCHOOL_LEADER,
    );
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    // The demo school wrote every section; each location has its own rules.
    const sections = await readTab(sandbox, 'Welkomstpakket');
    const base = sections.filter((r) => r.Locatie === 'alle').map((r) => r.Onderdeel);
    expect(base).toEqual([...PACKET_SECTIONS]);
    expect(sections.filter((r) => r.Onderdeel === 'regels en afspraken van de locatie')).toHaveLength(5);
    expect(sections.some((r) => String(r.Tekst).includes('voorbeeld'))).toBe(false);
    const frame = await sidebarAs(chief());
    await openNewcomersTab(frame);
    await openNewcomer(frame, bram);
    await frame.click('[data-testid=welcome-preview-toggle]');
    await frame.waitForSelector('[data-testid=welcome-preview]');
    expect(await frame.$$('[data-testid=welcome-warning]')).toHaveLength(0);
  });

  it('warns while a section still has its example text', async () => {
    await addRows(sandbox, 'Welkomstpakket', [
      {
        Onderdeel: 'onze missie en visie',
        Locatie: 'Onderbouw vmbo',
        Tekst: 'Onze missie (voorbeeld — pas aan)',
      },
    ]);
    const frame = await sidebarAs(chief());
    await openNewcomersTab(frame);
    await openNewcomer(frame, bram);
    await frame.click('[data-testid=welcome-preview-toggle]');
    const warning = frame.locator('[data-testid=welcome-warning]');
    await warning.waitFor();
    expect(await warning.textContent()).toBe(
      'Deze onderdelen van het welkomstpakket hebben nog de voorbeeldtekst: onze missie en visie. Pas ze aan in het tabblad Welkomstpakket.',
    );
    // A warning, not a block: the packet can still go.
    expect(await frame.$$('[data-testid=welcome-error]')).toHaveLength(0);
    await sidebarShot(page, 'packet-example-warning');
  });
});
