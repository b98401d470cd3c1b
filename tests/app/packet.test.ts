import { describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/app/jobs';
import { assignBuddy, suggestBuddies } from '../../src/app/pairing';
import { setupWorkbook } from '../../src/app/setup';
import { dueWelcomePackets, previewWelcome, sendWelcomeNow } from '../../src/app/welcome';
import { WHO_TO_ASK_TOPICS } from '../../src/core/defaults';
import { PACKET_SECTIONS } from '../../src/core/schema';
import { aColleague, chiefOf, LEADER, LOCATIONS, schoolWorld } from '../support/builders';
import { memoryWorld } from '../support/memory';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien']
  .map(
    (n) => aColleague(`${n} Collega`).at(HAVO).years(6).build(),
    // The location's IB-er: a packet with "IB-er nog te kiezen" in its schedule may not go (issue 17).
  )
  .concat(aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build());
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
// Finished her own onboarding last autumn: willing and experienced in the VSO, new at this school.
const fenna = aColleague('Fenna Vers').at(HAVO).years(9).startingOn('2026-11-02').build();

type World = ReturnType<typeof schoolWorld>;

function world(staff = [bram, ...hosts, anna]): World {
  const w = schoolWorld(staff);
  for (const row of w.gateway.tabs.get('Locaties')!.slice(1)) {
    row[2] = 'https://intranet.school.example/regels';
    row[3] = 'https://school.example/schoolgids';
  }
  return w;
}

const setting = (w: World, name: string, value: string) => {
  const rows = w.gateway.tabs.get('Instellingen')!;
  const row = rows.find((r) => r[0] === name);
  if (row) row[1] = value;
  else rows.push([name, value]);
};

/** The school fills in its own texts: every example mark gone. */
function ownTexts(w: World) {
  for (const row of w.gateway.tabs.get('Welkomstpakket')!.slice(1))
    row[2] = `Onze eigen tekst over ${String(row[0])}.`;
}

describe('setup seeds the collection document', () => {
  it('writes every packet section once for alle, marked as an example', () => {
    const w = world();
    const rows = w.gateway.rows('Welkomstpakket');
    expect(rows.map((r) => r.Onderdeel)).toEqual([...PACKET_SECTIONS]);
    expect(rows.every((r) => r.Locatie === 'alle' && String(r.Tekst).includes('(voorbeeld — pas aan)'))).toBe(
      true,
    );
  });

  it('writes the usual questions of Wie vraag ik wat for every location, with the role to ask', () => {
    const rows = world().gateway.rows('Wie vraag ik wat');
    for (const location of LOCATIONS) {
      const here = rows.filter((r) => r.Locatie === location);
      expect(here.map((r) => [r.Onderwerp, r.Persoon])).toEqual(WHO_TO_ASK_TOPICS.map(([t, p]) => [t, p]));
    }
    const topics = WHO_TO_ASK_TOPICS.map(([t]) => t.toLowerCase()).join(' ');
    for (const word of [
      'rooster',
      'sleutels',
      'pasjes',
      'ziek',
      'leerlingvolgsysteem',
      'ict',
      'incidenten',
      'kopiëren',
      'ouders',
    ])
      expect(topics).toContain(word);
  });

  it('adds the new tab, columns and templates to an older sheet, and keeps its data', () => {
    const w = memoryWorld({
      user: LEADER,
      tabs: {
        Koppelingen: [['Nieuwe collega', 'Buddy', 'Locatie', 'Gekoppeld op', 'Status']],
        'Wie vraag ik wat': [
          ['Locatie', 'Onderwerp', 'Persoon'],
          [HAVO, 'Eigen vraag', 'Eigen persoon'],
        ],
        Berichten: [
          ['Bericht', 'Locatie', 'Onderwerp', 'Tekst'],
          ['buddy-koppeling', 'alle', 'Buddy', 'Beste {{buddy.voornaam}}, {{buddytaak}}'],
        ],
      },
    });
    const report = setupWorkbook(w.ctx());
    expect(report.createdTabs).toContain('Welkomstpakket');
    expect(report.addedColumns).toContain('Koppelingen: Uitzondering op buddyregel');
    expect(w.gateway.rows('Wie vraag ik wat')).toEqual([
      { Locatie: HAVO, Onderwerp: 'Eigen vraag', Persoon: 'Eigen persoon', 'E-mail': '' },
    ]);
    expect(w.gateway.rows('Berichten').map((r) => r.Bericht)).toContain('buddytaak');
  });
});

describe('the welcome packet from the sections', () => {
  it('warns in the preview while an example text is unchanged, and not once the school wrote its own', () => {
    const w = world();
    assignBuddy(w.ctx(), anna.email, bram.email);
    const before = previewWelcome(w.ctx(), anna.email);
    expect(before.errors).toEqual([]);
    expect(before.warnings).toHaveLength(1);
    expect(before.warnings[0]).toContain('voorbeeldtekst');
    expect(before.warnings[0]).toContain('onze missie en visie');
    ownTexts(w);
    expect(previewWelcome(w.ctx(), anna.email).warnings).toEqual([]);
  });

  it('uses a location’s own section over the alle row', () => {
    const w = world();
    ownTexts(w);
    w.gateway.tabs
      .get('Welkomstpakket')!
      .push(['regels en afspraken van de locatie', HAVO, 'Op deze locatie begint de dag om 8.30 uur.']);
    assignBuddy(w.ctx(), anna.email, bram.email);
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    const pdf = w.mails.find((m) => m.to === anna.email)!.attachments![0]!.content;
    expect(pdf).toContain('Op deze locatie begint de dag om 8.30 uur.');
    expect(pdf).not.toContain('Onze eigen tekst over regels en afspraken van de locatie.');
  });

  it('makes one PDF with every section once, nothing for the buddy, and the school in the footer', () => {
    const w = world();
    ownTexts(w);
    setting(w, 'Schoolnaam', 'VSO De Brug');
    assignBuddy(w.ctx(), anna.email, bram.email);
    w.mails.length = 0;
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    const mail = w.mails.find((m) => m.to === anna.email)!;
    const pdf = mail.attachments![0]!.content;
    for (const title of [
      'Welkom',
      'Onze missie en visie',
      'Onze leerlingen',
      'Protocollen',
      'Wie vraag ik wat',
    ])
      expect(pdf.split(`>${title}</h2>`)).toHaveLength(2);
    expect(pdf).not.toContain('Wat doe je als buddy');
    expect(pdf).toContain(
      '<footer>VSO De Brug · welkomstpakket Anna Nieuw · maandag 4 januari 2027</footer>',
    );
    expect(mail.senderName).toBe('VSO De Brug');
  });

  it('is signed by the location’s chef buddy by default, or by the person the settings name', () => {
    const w = world();
    assignBuddy(w.ctx(), anna.email, bram.email);
    const signed = previewWelcome(w.ctx(), anna.email).text;
    expect(signed).toContain(`Hartelijke groet,\n\nChef ${HAVO}\nchef buddy`);
    expect(signed).not.toMatch(/Wegwijs\n/);
    setting(w, 'Welkomstmail ondertekend door (naam)', 'Marieke Jansen');
    setting(w, 'Welkomstmail ondertekend door (functie)', 'schoolleider');
    expect(previewWelcome(w.ctx(), anna.email).text).toContain(
      'Hartelijke groet,\n\nMarieke Jansen\nschoolleider',
    );
  });

  it('signs a mail from an older template without the placeholder too', () => {
    const w = world();
    const messages = w.gateway.tabs.get('Berichten')!;
    const row = messages.find((r) => r[0] === 'welkomstpakket')!;
    row[3] = 'Beste {{voornaam}}, welkom!';
    assignBuddy(w.ctx(), anna.email, bram.email);
    expect(previewWelcome(w.ctx(), anna.email).text).toMatch(/^Beste Anna, welkom!\n\nHartelijke groet,/);
  });

  it('cannot go while Wie vraag ik wat is empty for the location, and says why', () => {
    const w = world();
    const tab = w.gateway.tabs.get('Wie vraag ik wat')!;
    w.gateway.tabs.set(
      'Wie vraag ik wat',
      tab.filter((r, i) => i === 0 || r[0] !== HAVO),
    );
    assignBuddy(w.ctx(), anna.email, bram.email);
    const preview = previewWelcome(w.ctx(), anna.email);
    expect(preview.errors).toEqual(['de lijst "Wie vraag ik wat" voor Onderbouw havo is leeg']);
    expect(() => sendWelcomeNow(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({
        key: 'welcome.cannotSend',
        params: { reason: 'de lijst "Wie vraag ik wat" voor Onderbouw havo is leeg' },
      }),
    );
    expect(w.mails.filter((m) => m.to === anna.email)).toHaveLength(0);
  });

  it('still works on an older sheet without the Welkomstpakket tab, with the example warning', () => {
    const w = world();
    w.gateway.tabs.delete('Welkomstpakket');
    assignBuddy(w.ctx(), anna.email, bram.email);
    const preview = previewWelcome(w.ctx(), anna.email);
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toHaveLength(1);
  });
});

describe('buddy rules when pairing by hand', () => {
  const staff = [bram, ...hosts, anna, fenna];

  it('suggests nobody below a rule, and marks them as possible after a confirmation', () => {
    const w = world(staff);
    w.setUser(chiefOf(HAVO));
    const s = suggestBuddies(w.ctx(), anna.email);
    expect(s.suggestions.map((x) => x.email)).not.toContain(fenna.email);
    const excluded = s.excluded.find((x) => x.email === fenna.email)!;
    expect(excluded.ruleOnly).toBe(true);
    expect(excluded.reasons).toEqual(['werkt 0 jaar op deze school (buddyregel: minstens 2)']);
  });

  it('refuses without the explicit confirmation, naming the rule, and writes nothing', () => {
    const w = world(staff);
    w.setUser(chiefOf(HAVO));
    expect(() => assignBuddy(w.ctx(), anna.email, fenna.email)).toThrow(
      expect.objectContaining({
        params: {
          message:
            'Deze collega voldoet niet aan de buddyregel: werkt 0 jaar op deze school (buddyregel: minstens 2). Bevestig dat je toch wilt koppelen; de uitzondering komt in Koppelingen.',
        },
      }),
    );
    expect(() => assignBuddy(w.ctx(), anna.email, fenna.email, 'ja')).toThrow(
      expect.objectContaining({ key: 'arg.notBoolean' }),
    );
    expect(w.gateway.rows('Koppelingen')).toHaveLength(0);
  });

  it('pairs after the confirmation and records the exception in Koppelingen', () => {
    const w = world(staff);
    w.setUser(chiefOf(HAVO));
    assignBuddy(w.ctx(), anna.email, fenna.email, true);
    const [row] = w.gateway.rows('Koppelingen');
    expect(row).toMatchObject({ 'Nieuwe collega': anna.email, Buddy: fenna.email, Status: 'actief' });
    expect(row!['Uitzondering op buddyregel']).toBe(
      'uitzondering bevestigd: werkt 0 jaar op deze school (buddyregel: minstens 2)',
    );
  });

  it('does not let the confirmation override a hard reason', () => {
    const unwilling = aColleague('Uma Niet').at(HAVO).notWilling().startingOn('2026-11-02').build();
    const w = world([...staff, unwilling]);
    expect(() => assignBuddy(w.ctx(), anna.email, unwilling.email, true)).toThrow(
      expect.objectContaining({
        params: { message: 'Deze collega kan geen buddy zijn: kan of wil geen buddy zijn.' },
      }),
    );
  });

  it('records no exception for a buddy who meets every rule', () => {
    const w = world(staff);
    assignBuddy(w.ctx(), anna.email, bram.email, true);
    expect(w.gateway.rows('Koppelingen')[0]!['Uitzondering op buddyregel']).toBe('');
  });
});

describe('the buddy task description', () => {
  it('is a message template whose check-in weeks follow the settings', () => {
    const w = world();
    setting(w, 'Check-ins in week', '1, 2, 4, 10');
    assignBuddy(w.ctx(), anna.email, bram.email);
    const mail = w.mails.find((m) => m.to === bram.email)!;
    expect(mail.body).toContain('Check-ins: in week 1, 2, 4 en 10 voer je een waarderend gesprek');
    expect(mail.body).not.toContain('week 6 en 13');
  });

  it('is the school’s own text when it changed the template', () => {
    const w = world();
    const row = w.gateway.tabs.get('Berichten')!.find((r) => r[0] === 'buddytaak')!;
    row[3] = 'Onze afspraken voor buddy’s; check-ins in {{checkinweken}}.';
    assignBuddy(w.ctx(), anna.email, bram.email);
    expect(w.mails.find((m) => m.to === bram.email)!.body).toContain(
      'Onze afspraken voor buddy’s; check-ins in week 1, 2, 3, 6 en 13.',
    );
  });
});
