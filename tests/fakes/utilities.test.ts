// Behaviour of Utilities: Java date patterns across DST, parsing, blobs, PDF conversion, base64 and digests.
import { describe, expect, it } from 'vitest';
import { createGasFakes } from '../../sandbox/fakes/index.ts';

const utilities = () => createGasFakes({ now: '2027-01-04T07:30:00+01:00' }).globals.Utilities;
const AMS = 'Europe/Amsterdam';

describe('Utilities.formatDate', () => {
  it('supports the usual Java SimpleDateFormat letters with English names', () => {
    const u = utilities();
    const d = new Date('2027-01-04T07:05:09.042+01:00');
    expect(u.formatDate(d, AMS, 'yyyy yy MM M dd d HH H mm ss SSS')).toBe('2027 27 01 1 04 4 07 7 05 09 042');
    expect(u.formatDate(d, AMS, 'EEE EEEE MMM MMMM a')).toBe('Mon Monday Jan January AM');
    expect(u.formatDate(d, AMS, 'Z XXX')).toBe('+0100 +01:00');
    expect(u.formatDate(d, AMS, "'om' HH:mm 'uur', '''t is zo'")).toBe("om 07:05 uur, 't is zo");
    expect(() => u.formatDate(d, AMS, "''t")).toThrow("Illegal pattern character 't'");
    expect(u.formatDate(d, 'UTC', 'HH:mm XXX')).toBe('06:05 Z');
  });

  it('uses the real offset on both sides of a DST change', () => {
    const u = utilities();
    const pattern = "yyyy-MM-dd'T'HH:mm:ssXXX";
    expect(u.formatDate(new Date('2027-03-28T00:59:00Z'), AMS, pattern)).toBe('2027-03-28T01:59:00+01:00');
    expect(u.formatDate(new Date('2027-03-28T01:00:00Z'), AMS, pattern)).toBe('2027-03-28T03:00:00+02:00');
    expect(u.formatDate(new Date('2026-10-25T00:30:00Z'), AMS, pattern)).toBe('2026-10-25T02:30:00+02:00');
    expect(u.formatDate(new Date('2026-10-25T01:30:00Z'), AMS, pattern)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('refuses something that is not a Date like Google', () => {
    const u = utilities();
    expect(() => u.formatDate('2027-01-04' as unknown as Date, AMS, 'yyyy')).toThrow(
      "don't match the method signature",
    );
  });
});

describe('Utilities.parseDate', () => {
  it('parses yyyy-MM-dd and dd-MM-yyyy as midnight in the given zone, across DST days', () => {
    const u = utilities();
    for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
      const iso = u.parseDate(day, AMS, 'yyyy-MM-dd');
      const nl = u.parseDate(day.split('-').reverse().join('-'), AMS, 'dd-MM-yyyy');
      expect(u.formatDate(iso, AMS, 'yyyy-MM-dd HH:mm')).toBe(`${day} 00:00`);
      expect(nl.getTime()).toBe(iso.getTime());
    }
    expect(u.parseDate('2027-03-28', AMS, 'yyyy-MM-dd').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(u.parseDate('2026-10-25', AMS, 'yyyy-MM-dd').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it("parses yyyy-MM-dd'T'HH:mm:ss in the zone and XXX offsets as given", () => {
    const u = utilities();
    expect(u.parseDate('2026-10-25T12:00:00', AMS, "yyyy-MM-dd'T'HH:mm:ss").toISOString()).toBe(
      '2026-10-25T11:00:00.000Z',
    );
    expect(u.parseDate('2027-03-28T12:00:00+02:00', 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX").toISOString()).toBe(
      '2027-03-28T10:00:00.000Z',
    );
    expect(u.parseDate('2027-01-04T07:30:00Z', AMS, "yyyy-MM-dd'T'HH:mm:ssXXX").toISOString()).toBe(
      '2027-01-04T07:30:00.000Z',
    );
  });

  it('reads a time in the spring DST gap forward and a repeated autumn time as the earlier instant', () => {
    const u = utilities();
    const p = "yyyy-MM-dd'T'HH:mm";
    expect(u.parseDate('2027-03-28T02:30', AMS, p).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(u.parseDate('2026-10-25T02:30', AMS, p).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('is lenient like Java for overflowing fields and throws for text that does not fit', () => {
    const u = utilities();
    expect(u.formatDate(u.parseDate('2027-02-31', AMS, 'yyyy-MM-dd'), AMS, 'yyyy-MM-dd')).toBe('2027-03-03');
    expect(() => u.parseDate('morgen', AMS, 'yyyy-MM-dd')).toThrow('Unparseable date: "morgen"');
  });
});

/** Checks a PDF's structure: header, xref offsets pointing at their objects, stream lengths, trailer. */
function parsePdf(bytes: Uint8Array): { objects: Map<number, string>; text: string } {
  const pdf = Buffer.from(bytes).toString('latin1');
  expect(pdf.startsWith('%PDF-1.')).toBe(true);
  expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(pdf.match(/startxref\s+(\d+)\s+%%EOF\s*$/)?.[1]);
  expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = pdf.slice(startxref).match(/^xref\s+(\d+) (\d+)\s/) ?? [];
  expect(Number(first)).toBe(0);
  const entries = pdf
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  const objects = new Map<number, string>();
  entries.forEach((entry, id) => {
    expect(entry).toMatch(/^\d{10} \d{5} [nf] $/);
    if (id === 0) return;
    const offset = Number(entry.slice(0, 10));
    expect(pdf.slice(offset).startsWith(`${id} 0 obj`)).toBe(true);
    objects.set(id, pdf.slice(offset, pdf.indexOf('endobj', offset)));
  });
  expect(pdf).toMatch(new RegExp(`trailer\\s*<< /Size ${count} /Root \\d+ 0 R`));
  let text = '';
  for (const body of objects.values()) {
    const stream = body.match(/<< \/Length (\d+) >>\nstream\n([\s\S]*)\nendstream/);
    if (!stream) continue;
    expect(stream[2]!.length).toBe(Number(stream[1]));
    for (const m of stream[2]!.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)) {
      text += `${m[1]!.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8))).replace(/\\(.)/g, '$1')}\n`;
    }
  }
  return { objects, text };
}

describe('Blob.getAs(application/pdf)', () => {
  it('makes a valid PDF holding the HTML text, named like Google (.html → .pdf)', () => {
    const u = utilities();
    const html =
      '<html><head><title>Welkom</title><style>p{color:red}</style></head><body><h1>Welkom Eva</h1>' +
      '<p>Caf&eacute; is &lt;om&gt; de hoek &amp; de thee (gratis) \\ ok</p><ul><li>Rooster</li></ul></body></html>';
    const pdf = u.newBlob(html, 'text/html', 'welkom.html').getAs('application/pdf');
    expect(pdf.getName()).toBe('welkom.pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    const { text } = parsePdf(new Uint8Array(pdf.getBytes().map((b) => b & 0xff)));
    expect(text).toContain('Welkom Eva');
    expect(text).toContain('is <om> de hoek & de thee (gratis) \\ ok');
    expect(text).toContain('\x95 Rooster');
    expect(text).not.toContain('color:red');
  });

  it('keeps Latin-1 letters as WinAnsi bytes', () => {
    const u = utilities();
    const pdf = u.newBlob('<p>Chloë &amp; Zoë, café</p>', 'text/html', 'x.html').getAs('application/pdf');
    const { text } = parsePdf(new Uint8Array(pdf.getBytes().map((b) => b & 0xff)));
    expect(text).toContain('Chlo\xeb & Zo\xeb, caf\xe9');
  });

  it('spreads long text over several pages', () => {
    const u = utilities();
    const html = Array.from({ length: 120 }, (_, i) => `<p>Regel ${i}</p>`).join('');
    const pdf = u.newBlob(html, 'text/html', 'lang.html').getAs('application/pdf');
    const { objects, text } = parsePdf(new Uint8Array(pdf.getBytes().map((b) => b & 0xff)));
    expect([...objects.values()].find((o) => o.includes('/Type /Pages'))).toMatch(/\/Count [3-9]/);
    expect(text).toContain('Regel 119');
  });

  it('refuses conversions it cannot do', () => {
    const u = utilities();
    expect(() => u.newBlob('x', 'image/png', 'a.png').getAs('application/pdf')).toThrow(
      'Converting from image/png to application/pdf is not supported.',
    );
  });
});

describe('Blob', () => {
  it('keeps bytes, string data, content type and name; copyBlob is independent', () => {
    const u = utilities();
    const blob = u.newBlob('héllo', 'text/plain', 'a.txt');
    expect(blob.getBytes()).toEqual([104, -61, -87, 108, 108, 111]);
    expect(blob.getDataAsString()).toBe('héllo');
    const copy = blob.copyBlob();
    blob.setDataFromString('ander').setName('b.txt').setContentType('text/csv');
    expect([copy.getDataAsString(), copy.getName(), copy.getContentType()]).toEqual([
      'héllo',
      'a.txt',
      'text/plain',
    ]);
    expect([blob.getDataAsString(), blob.getName(), blob.getContentType()]).toEqual([
      'ander',
      'b.txt',
      'text/csv',
    ]);
  });
});

describe('base64 and digests', () => {
  it('encodes and decodes base64, web-safe too, with signed bytes', () => {
    const u = utilities();
    expect(u.base64Encode('Wegwijs')).toBe('V2Vnd2lqcw==');
    expect(u.base64Decode('w6k=')).toEqual([-61, -87]);
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(u.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  it('computes SHA-256 and MD5 as signed bytes like Google', () => {
    const u = utilities();
    const sha = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toHaveLength(32);
    expect(sha.slice(0, 3)).toEqual([-70, 120, 22]);
    expect(u.computeDigest(u.DigestAlgorithm.MD5, '').slice(0, 2)).toEqual([-44, 29]);
  });
});

describe('sleep and uuid', () => {
  it('advances the fake clock instead of waiting', () => {
    const fakes = createGasFakes({ now: '2027-01-04T07:30:00+01:00' });
    const started = Date.now();
    fakes.globals.Utilities.sleep(120_000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fakes.clock.now().toISOString()).toBe('2027-01-04T06:32:00.000Z');
    expect(fakes.globals.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Logger', () => {
  it('formats and records log lines', () => {
    const fakes = createGasFakes();
    fakes.globals.Logger.log('%s nieuwkomers', 3);
    fakes.globals.Logger.log('klaar');
    expect(fakes.globals.Logger.getLog()).toBe('3 nieuwkomers\nklaar');
    expect(fakes.logs).toEqual(['3 nieuwkomers', 'klaar']);
  });
});
