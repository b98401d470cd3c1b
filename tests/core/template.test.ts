import { describe, expect, it } from 'vitest';
import { linesOf, mailHtml, renderTemplate, templateErrors } from '../../src/core/template';

const values = {
  voornaam: 'Anna',
  'buddy.naam': 'Bram de Vries',
  startdatum: '04-01-2027',
  schema: { lines: ['ma 4 jan: Welkom', 'di 5 jan: Meelopen'] },
  schoolgids: { link: 'https://school.example/gids', label: 'Schoolgids' },
};

describe('rendering a message template', () => {
  it('fills placeholders in subject, text and HTML, ignoring case and spaces', () => {
    const r = renderTemplate(
      {
        subject: 'Welkom {{ Voornaam }}',
        text: 'Beste {{voornaam}},\n\nJe buddy is {{buddy.naam}}.\n{{schema}}\n\n{{schoolgids}}',
      },
      values,
    );
    expect(r.errors).toEqual([]);
    expect(r.subject).toBe('Welkom Anna');
    expect(r.text).toBe(
      'Beste Anna,\n\nJe buddy is Bram de Vries.\nma 4 jan: Welkom\ndi 5 jan: Meelopen\n\nSchoolgids: https://school.example/gids',
    );
    expect(r.html).toContain('<p>Beste Anna,</p>');
    expect(r.html).toContain('<ul><li>ma 4 jan: Welkom</li><li>di 5 jan: Meelopen</li></ul>');
    expect(r.html).toContain(
      '<a href="https://school.example/gids" target="_blank" rel="noopener">Schoolgids</a>',
    );
  });

  it('reports an unknown placeholder and a missing value, once each', () => {
    const r = renderTemplate(
      { subject: '{{onbekend}}', text: '{{onbekend}} {{startdatum}} {{buddy.naam}}' },
      { ...values, startdatum: '' },
    );
    expect(r.errors).toEqual([
      { code: 'unknownPlaceholder', name: 'onbekend' },
      { code: 'missingValue', name: 'startdatum' },
    ]);
  });

  it('escapes every value and the template text in the HTML part', () => {
    const r = renderTemplate(
      { subject: 'Hoi {{voornaam}}', text: '<b>vet</b> {{voornaam}} {{schema}}' },
      { voornaam: '<img src=x onerror=alert(1)>', schema: { lines: ['<script>alert(1)</script>'] } },
    );
    expect(r.html).not.toContain('<img');
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.html).toContain('&lt;b&gt;vet&lt;/b&gt;');
    expect(r.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('turns only http(s) links into anchors', () => {
    const r = renderTemplate(
      { subject: 's', text: '{{a}} {{b}}' },
      {
        a: { link: 'javascript:alert(1)', label: 'klik' },
        b: { link: 'https://x.example/"onmouseover="x', label: 'x' },
      },
    );
    expect(r.html).not.toContain('href');
  });

  it('wraps a body in a page with an escaped title', () => {
    expect(mailHtml('<t>', '<p>x</p>', 'voet & noot')).toContain('<title>&lt;t&gt;</title>');
    expect(mailHtml('t', '<p>x</p>', 'voet & noot')).toContain('voet &amp; noot');
  });
});

describe('checking a template without rendering it', () => {
  it('finds the errors rendering would report, in the same order', () => {
    const values = {
      naam: 'Anna',
      'buddy.naam': '',
      schema: { lines: [] },
      link: { link: ' ', label: 'Gids' },
    };
    for (const template of [
      {
        subject: 'Welkom {{naam}} {{ Buddy.Naam }}',
        text: '{{onbekend}}\n\n{{link}} {{buddy.naam}} {{schema}}',
      },
      { subject: '', text: 'Hallo {{naam}}' },
      { subject: '{{x}}', text: '{{link}}\n{{x}}' },
    ]) {
      expect(templateErrors(template, values)).toEqual(renderTemplate(template, values).errors);
    }
    expect(
      templateErrors({ subject: 'Welkom {{naam}} {{ Buddy.Naam }}', text: '{{onbekend}} {{link}}' }, values),
    ).toEqual([
      { code: 'missingValue', name: 'Buddy.Naam' },
      { code: 'unknownPlaceholder', name: 'onbekend' },
      { code: 'missingValue', name: 'link' },
    ]);
  });

  it('leaves a list made on first read unmade, and rendering makes it once', () => {
    let made = 0;
    const schema = linesOf(() => {
      made++;
      return ['maandag 4 januari: kennismaking'];
    });
    const template = { subject: 'Welkom', text: 'Je eerste weken:\n{{schema}}' };
    expect(templateErrors(template, { schema })).toEqual([]);
    expect(made).toBe(0);
    const rendered = renderTemplate(template, { schema });
    expect(rendered.text).toContain('maandag 4 januari: kennismaking');
    expect(rendered.html).toContain('<li>maandag 4 januari: kennismaking</li>');
    expect(made).toBe(1);
  });
});
