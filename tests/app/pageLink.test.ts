/**
 * The page's address (issue 13): what the deployment says, else the `Mijn Wegwijs (URL)` setting,
 * else none — and then no link at all.
 */
import { describe, expect, it } from 'vitest';
import { pageAddress } from '../../src/app/messages';
import { assignBuddy } from '../../src/app/pairing';
import { getSidebarState } from '../../src/app/sidebarState';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const DEPLOYED = 'https://script.google.com/a/macros/school.example/s/AKfyDeployed/exec';
const SETTING = 'https://script.google.com/a/macros/school.example/s/AKfyFromSheet/exec';

function setPageUrl(w: ReturnType<typeof schoolWorld>, value: string): void {
  const rows = w.gateway.tabs.get('Instellingen')!;
  const row = rows.find((r) => r[0] === 'Mijn Wegwijs (URL)');
  if (!row) throw new Error('setup should add the Mijn Wegwijs (URL) setting');
  row[1] = value;
}

describe('the page’s address', () => {
  it('setup adds the setting, empty', () => {
    const w = schoolWorld([]);
    expect(w.gateway.rows('Instellingen').find((r) => r.Instelling === 'Mijn Wegwijs (URL)')?.Waarde).toBe(
      '',
    );
  });

  it('is the deployment’s URL when Google gives one, even with a setting', () => {
    const w = schoolWorld([]);
    setPageUrl(w, SETTING);
    w.webAppUrl = DEPLOYED;
    expect(pageAddress(w.ctx())).toBe(DEPLOYED);
  });

  it('is the setting when the deployment gives none, and none without either', () => {
    const w = schoolWorld([]);
    expect(pageAddress(w.ctx())).toBe('');
    setPageUrl(w, SETTING);
    expect(pageAddress(w.ctx())).toBe(SETTING);
    setPageUrl(w, 'zie de mail van de schoolleider');
    expect(pageAddress(w.ctx())).toBe('');
  });
});

describe('mails about the schedule or a check-in link to the page', () => {
  const HAVO = 'Onderbouw havo';
  const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
  const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
  const buddyMail = (w: ReturnType<typeof schoolWorld>) => {
    assignBuddy(w.ctx(), anna.email, bram.email);
    const mail = w.mails.find((m) => m.to === bram.email);
    if (!mail) throw new Error(`no buddy mail; mails: ${w.mails.map((m) => m.to).join(', ')}`);
    return mail;
  };

  it('with the deployment’s URL: a link in the text and an anchor in the HTML', () => {
    const w = schoolWorld([bram, anna]);
    w.webAppUrl = DEPLOYED;
    const mail = buddyMail(w);
    expect(mail.body).toContain(`check-ins vastleggen doe je op Mijn Wegwijs: ${DEPLOYED}`);
    expect(mail.htmlBody).toContain(`<a href="${DEPLOYED}"`);
  });

  it('without any known address: no link, no placeholder, the rest of the mail as before', () => {
    const w = schoolWorld([bram, anna]);
    const mail = buddyMail(w);
    expect(mail.body).not.toMatch(/mijnwegwijs|Mijn Wegwijs|vastleggen doe je op/i);
    expect(mail.body).toContain('Dank je wel dat je buddy wilt zijn!');
    expect(mail.body).not.toMatch(/\n\n\n/);
  });

  it('an older template without {{mijnwegwijs}} gets the line, once the address is known', () => {
    const w = schoolWorld([bram, anna]);
    const messages = w.gateway.tabs.get('Berichten')!;
    const row = messages.find((r) => r[0] === 'buddy-koppeling')!;
    row[3] = 'Beste {{buddy.voornaam}},\n\nJe bent de buddy van {{nieuwecollega.naam}}.';
    setPageUrl(w, SETTING);
    const mail = buddyMail(w);
    expect(mail.body).toContain(
      `Je bent de buddy van Anna Nieuw.\n\nHet inwerkschema afvinken en check-ins vastleggen doe je op Mijn Wegwijs: ${SETTING}`,
    );
  });
});

describe('the sidebar and the page', () => {
  const HAVO = 'Onderbouw havo';
  const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
  const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
  const vera = aColleague('Vera Vast').at(HAVO).years(3).build();
  const paired = () => {
    const w = schoolWorld([bram, anna, vera]);
    assignBuddy(w.ctx(), anna.email, bram.email);
    return w;
  };

  it('gives the school leader and a chef buddy the address to copy, nothing to point to', () => {
    const w = paired();
    w.webAppUrl = DEPLOYED;
    for (const user of [LEADER, chiefOf(HAVO)]) {
      w.setUser(user);
      const state = getSidebarState(w.ctx());
      expect(state.pageUrl).toBe(DEPLOYED);
      expect(state.pointToPage).toBe(false);
    }
  });

  it('points a buddy and a newcomer to the page, with its address; a colleague gets neither', () => {
    const w = paired();
    setPageUrl(w, SETTING);
    w.setUser(bram.email);
    const buddy = getSidebarState(w.ctx());
    expect(buddy).toMatchObject({ pointToPage: true, pageUrl: SETTING });
    expect(buddy.message).toMatch(/^Je nieuwe collega’s volg je op Mijn Wegwijs/);
    w.setUser(anna.email);
    const newcomer = getSidebarState(w.ctx());
    expect(newcomer).toMatchObject({ pointToPage: true, pageUrl: SETTING });
    expect(newcomer.message).toMatch(/^Je inwerkschema, je buddy en je check-ins staan op Mijn Wegwijs/);
    w.setUser(vera.email);
    expect(getSidebarState(w.ctx())).toMatchObject({ pointToPage: false, pageUrl: '' });
  });

  it('without a known address, tells the buddy whom to ask for it', () => {
    const w = paired();
    w.setUser(bram.email);
    const state = getSidebarState(w.ctx());
    expect(state.pageUrl).toBe('');
    expect(state.message).toContain('Het adres van Mijn Wegwijs krijg je van je chef buddy.');
  });
});
