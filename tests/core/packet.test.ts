import { describe, expect, it } from 'vitest';
import { defaultPacket, EXAMPLE_MARK, weeksText } from '../../src/core/defaults';
import { personKey } from '../../src/core/identity';
import {
  isExampleText,
  longDutchDate,
  type PacketDocument,
  packetDocument,
  SECTION_TITLES,
  sectionTexts,
} from '../../src/core/packet';
import { PACKET_SECTIONS, type RowOf } from '../../src/core/schema';

const HAVO = 'Onderbouw havo';

function doc(patch: Partial<PacketDocument> = {}): PacketDocument {
  return {
    title: 'Welkomstpakket Anna Nieuw',
    schoolName: 'VSO De Brug',
    madeOn: '2027-01-04',
    newcomer: { name: 'Anna Nieuw', location: HAVO, startDate: '2027-01-11' },
    sections: sectionTexts(
      PACKET_SECTIONS.map((section) => ({ section, location: 'alle', text: `Tekst over ${section}.` })),
      HAVO,
    ),
    buddy: { name: 'Bram de Vries', email: 'bram@school.example' },
    chiefBuddy: { name: 'Chantal Chef', email: 'chef@school.example' },
    schedule: [],
    checkIns: [],
    whoToAsk: [{ location: HAVO, topic: 'Rooster', person: 'teamleider', email: '' }],
    links: [{ label: 'Schoolgids', url: 'https://school.example/gids' }],
    ...patch,
  };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the packet sections in the sheet', () => {
  const rows: RowOf<'packet'>[] = [
    { section: 'welkom', location: 'alle', text: 'Welkom op school.' },
    { section: 'regels en afspraken van de locatie', location: 'alle', text: 'Algemene regels.' },
    { section: 'regels en afspraken van de locatie', location: HAVO, text: 'Regels van de havo.' },
    { section: 'regels en afspraken van de locatie', location: HAVO, text: 'Een tweede havo-rij.' },
    { section: 'protocollen', location: HAVO, text: '' },
    { section: 'protocollen', location: 'alle', text: `Protocol fysiek ingrijpen. ${EXAMPLE_MARK}` },
  ];

  it('takes the location’s own row over the alle row, once', () => {
    const texts = sectionTexts(rows, HAVO);
    expect(texts.map((t) => t.section)).toEqual([...PACKET_SECTIONS]);
    expect(texts.find((t) => t.section === 'regels en afspraken van de locatie')?.text).toBe(
      'Regels van de havo.',
    );
    expect(
      sectionTexts(rows, 'Bovenbouw vmbo').find((t) => t.section === 'regels en afspraken van de locatie')
        ?.text,
    ).toBe('Algemene regels.');
  });

  it('falls back to alle when the location’s row is empty, and knows an example text', () => {
    const protocols = sectionTexts(rows, HAVO).find((t) => t.section === 'protocollen')!;
    expect(protocols).toEqual({ section: 'protocollen', text: 'Protocol fysiek ingrijpen.', example: true });
    expect(sectionTexts(rows, HAVO).find((t) => t.section === 'welkom')?.example).toBe(false);
    expect(isExampleText('Iets (Voorbeeld — pas aan)')).toBe(true);
    expect(isExampleText('Iets eigens')).toBe(false);
  });

  it('seeds every section as an example, with cluster 4’s structure, rust en voorspelbaarheid', () => {
    const seeded = defaultPacket();
    expect(seeded.map((r) => r.section)).toEqual([...PACKET_SECTIONS]);
    expect(seeded.every((r) => r.location === 'alle' && isExampleText(r.text))).toBe(true);
    expect(seeded.find((r) => r.section === 'onze leerlingen')?.text).toMatch(
      /structuur, rust en voorspelbaarheid/i,
    );
    const protocols = seeded.find((r) => r.section === 'protocollen')!.text;
    for (const word of ['fysiek ingrijpen', 'incidenten', 'ziekmelding']) expect(protocols).toContain(word);
  });
});

describe('the packet document (the PDF)', () => {
  it('shows every section once, in the protocol’s order, with what Wegwijs adds', () => {
    const { html, layout } = packetDocument(doc());
    expect(layout.sections).toEqual([...PACKET_SECTIONS]);
    for (const section of PACKET_SECTIONS) expect(count(html, `>${SECTION_TITLES[section]}</h2>`)).toBe(1);
    expect(html).toContain('<td>Rooster</td><td>teamleider</td>');
    expect(html).toContain('Je buddy: Bram de Vries (bram@school.example)');
    expect(html).toContain('Schoolgids: https://school.example/gids');
  });

  it('addresses only the newcomer: no buddy task, no example mark', () => {
    const { html } = packetDocument(doc({ sections: sectionTexts(defaultPacket(), HAVO) }));
    expect(html).not.toContain('Wat doe je als buddy');
    expect(html).not.toMatch(/Beste Bram/);
    expect(html).not.toContain('voorbeeld — pas aan');
  });

  it('has the school name and the date in the footer', () => {
    const { html } = packetDocument(doc());
    expect(html).toMatch(
      /<footer>VSO De Brug · welkomstpakket Anna Nieuw · maandag 4 januari 2027<\/footer>/,
    );
    expect(longDutchDate('2027-01-11')).toBe('maandag 11 januari 2027');
  });

  it('has a table of contents only when it runs over two pages', () => {
    const short = packetDocument(doc());
    expect(short.layout.tableOfContents).toBe(false);
    expect(short.html).not.toContain('>Inhoud</h2>');
    const schedule = Array.from({ length: 60 }, (_, i) => ({
      newcomer: personKey('anna@school.example'),
      date: `2027-01-${String(11 + (i % 5)).padStart(2, '0')}`,
      week: 1 + (i % 3),
      activity: `Activiteit ${i}`,
      with: 'Collega',
      kind: '' as const,
      done: false,
      check: '',
    }));
    const long = packetDocument(doc({ schedule }));
    expect(long.layout.estimatedPages).toBeGreaterThan(2);
    expect(long.layout.tableOfContents).toBe(true);
    expect(count(long.html, '>Inhoud</h2>')).toBe(1);
    expect(count(long.html, '<li><a href="#deel-')).toBe(PACKET_SECTIONS.length);
  });

  it('escapes the school’s texts', () => {
    const sections = sectionTexts(
      [{ section: 'welkom', location: 'alle', text: '<img src=x onerror=alert(1)>' }],
      HAVO,
    );
    const { html } = packetDocument(doc({ sections }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('leaves out a section with neither text nor content', () => {
    const { layout } = packetDocument(doc({ sections: sectionTexts([], HAVO), links: [] }));
    expect(layout.sections).not.toContain('onze missie en visie');
    expect(layout.sections).not.toContain('handige links');
    expect(layout.sections).toContain('je eerste drie weken');
  });
});

describe('the check-in weeks in words', () => {
  it('follows the setting', () => {
    expect(weeksText([1, 2, 3, 6, 13])).toBe('week 1, 2, 3, 6 en 13');
    expect(weeksText([2])).toBe('week 2');
    expect(weeksText([1, 4])).toBe('week 1 en 4');
  });
});
