/**
 * The house rules for texts (README, "Texts") that a test can check: both languages complete,
 * dates in sentences written out, no label twice, Dutch sentences with a capital, no stray English
 * and no gendered pronouns for people in Dutch — in the catalogues, the sheet's default content
 * and the mails Wegwijs really sends.
 */
import { describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/app/jobs';
import { assignBuddy } from '../../src/app/pairing';
import { CATALOGUES, type MessageKey, translate } from '../../src/app/texts/messages';
import { dueWelcomePackets } from '../../src/app/welcome';
import {
  BUDDY_TASK_TEMPLATE,
  defaultMessages,
  defaultPacket,
  defaultTemplate,
  WHO_TO_ASK_TOPICS,
} from '../../src/core/defaults';
import { SETTING_HELP, SETTINGS, type SettingKey } from '../../src/core/settings';
import { COACHING_TEXTS, COMPETENCES, STEP_PROMPTS } from '../../src/shared/coaching';
import { longDate } from '../../src/shared/language';
import { TEXTS } from '../../src/sidebar/texts';
import { aColleague, schoolWorld } from '../support/builders';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Sample values by placeholder name: days and moments as the code passes them (ISO). */
const DAY = '2027-01-11';
const sample = (name: string): string | number => {
  if (/^(date|startDate|start|from|to|until|monday|planned|last)$/.test(name)) return DAY;
  if (/^(at|since)$/.test(name)) return `${DAY} 08:30`;
  if (/^(count|n|max|min|index|row|years|load|capacity|daysLate|seconds|runs|sent|week|total)$/.test(name))
    return 2;
  return `‹${name}›`;
};
const render = (language: 'nl' | 'en', key: MessageKey, text: string) =>
  translate(language, key, Object.fromEntries(placeholders(text).map((p) => [p, sample(p!)])));

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;
/** "Schoolgids: Schoolgids:", "De schoolgids: Schoolgids:" — the same label twice in a row. */
const DOUBLED_LABEL = /(?:^|[\s(])(?:de |het )?([\p{L}][\p{L} -]{2,40}?):\s*\1:/iu;
/** English words that have no place in Dutch text (mail, e-mail, buddy, check-in are Dutch now). */
const ENGLISH = /\b(buddies|click|the|and|error|please|sorry|check-in's|you|your)\b/i;
const GENDERED = /\b(hij|zij|hem|haar|zijn\s+(?:eigen|buddy|nieuwe))\b/i;
/** A sentence: ends with . ! or ?, or holds more than one. */
const isSentence = (text: string) => /[.!?]$/.test(text.trim()) || /[.!?] \p{Lu}/u.test(text);
const startsWell = (text: string) => /^(?:[\p{Lu}\d{"“‘'←‹(]|e-mail|jjjj|dd-)/u.test(text.trim());

const nlTexts: [string, string][] = [
  ...Object.entries(CATALOGUES.nl).map(([k, v]) => [`i18n ${k}`, v] as [string, string]),
  ...Object.entries(TEXTS.nl).map(([k, v]) => [`sidebar ${k}`, v] as [string, string]),
  ...Object.entries(COACHING_TEXTS.nl).map(([k, v]) => [`coaching ${k}`, v] as [string, string]),
];
const defaultsTexts: [string, string][] = [
  ...defaultMessages().flatMap((m) => [
    [`Berichten ${m.message} subject`, m.subject] as [string, string],
    [`Berichten ${m.message} text`, m.text] as [string, string],
  ]),
  ['buddytaak', BUDDY_TASK_TEMPLATE.text],
  ...defaultPacket().map((p) => [`Welkomstpakket ${p.section}`, p.text] as [string, string]),
  ...defaultTemplate().map((t) => [`Schemasjablonen ${t.activity}`, t.activity] as [string, string]),
  ...WHO_TO_ASK_TOPICS.map(
    ([topic, role]) => [`Wie vraag ik wat ${topic}`, `${topic} ${role}`] as [string, string],
  ),
  ...(Object.keys(SETTINGS) as SettingKey[]).map(
    (k) => [`Instellingen ${SETTINGS[k].nl}`, SETTING_HELP[k]] as [string, string],
  ),
  ...COMPETENCES.flatMap((c) => c.indicators.nl.map((i) => [`indicator ${c.short}`, i] as [string, string])),
  ...Object.entries(STEP_PROMPTS).map(([k, p]) => [`prompt ${k}`, p.nl] as [string, string]),
];

describe('the catalogues', () => {
  it('have every key in Dutch and English, with the same placeholders', () => {
    for (const [nl, en] of [
      [CATALOGUES.nl, CATALOGUES.en],
      [TEXTS.nl, TEXTS.en],
      [COACHING_TEXTS.nl, COACHING_TEXTS.en],
    ] as const) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
      const differ = Object.keys(nl).filter(
        (k) =>
          (nl as Record<string, string>)[k]!.trim() === '' ||
          (en as Record<string, string>)[k]!.trim() === '' ||
          placeholders((nl as Record<string, string>)[k]!).join() !==
            placeholders((en as Record<string, string>)[k]!).join(),
      );
      expect(differ).toEqual([]);
    }
  });

  it('write a day inside a sentence out in full, in the reader’s language', () => {
    expect(longDate(DAY, 'nl')).toBe('maandag 11 januari 2027');
    expect(longDate(DAY, 'en')).toBe('Monday 11 January 2027');
    const leaks: string[] = [];
    for (const language of ['nl', 'en'] as const)
      for (const [key, text] of Object.entries(CATALOGUES[language])) {
        const out = render(language, key as MessageKey, text);
        if (ISO_DAY.test(out)) leaks.push(`${language} ${key}: ${out}`);
      }
    expect(leaks).toEqual([]);
    expect(translate('nl', 'checkin.noSuchPlanned', { date: DAY })).toBe(
      'Er staat geen open check-in gepland op maandag 11 januari 2027.',
    );
    expect(translate('en', 'automation.stale', { since: `${DAY} 08:30` })).toContain(
      'since Monday 11 January 2027 at 08:30',
    );
  });

  it('never put the same label twice in a row', () => {
    const doubled = (['nl', 'en'] as const).flatMap((language) =>
      Object.entries(CATALOGUES[language])
        .map(([key, text]) => `${key}: ${render(language, key as MessageKey, text)}`)
        .filter((line) => DOUBLED_LABEL.test(line.slice(line.indexOf(': ') + 2))),
    );
    expect(doubled).toEqual([]);
  });

  it('start every Dutch sentence with a capital, a number or a placeholder', () => {
    const lower = nlTexts
      .filter(([, text]) => isSentence(text) && !startsWell(text))
      .map(([k, v]) => `${k}: ${v}`);
    const defaults = defaultsTexts
      .filter(([, text]) => isSentence(text) && !startsWell(text))
      .map(([k, v]) => `${k}: ${v}`);
    expect([...lower, ...defaults]).toEqual([]);
  });

  it('open a Dutch text with a placeholder only when its value is a name, a number or a tab', () => {
    // "{mail} voor Anna is mislukt" began with "welkomstpakket": a lower-case word.
    const LEADS =
      /^\{(name|newcomer|buddy|location|tab|count|removed|n|added|load|years|seconds|window|summary|message|at)\}/;
    const lead = nlTexts
      .filter(([, text]) => text.startsWith('{') && !LEADS.test(text))
      .map(([k, v]) => `${k}: ${v}`);
    expect(lead).toEqual([]);
  });

  it('hold no English words and no gendered pronouns for people in Dutch', () => {
    // Placeholder names ({click}) are code, not words a reader sees.
    const all = [...nlTexts, ...defaultsTexts].map(([k, v]): [string, string] => [
      k,
      v.replace(/\{\{?[^{}]*\}?\}/g, ''),
    ]);
    expect(all.filter(([, text]) => ENGLISH.test(text)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
    expect(all.filter(([, text]) => GENDERED.test(text)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });
});

describe('the mails Wegwijs sends from the default templates', () => {
  const HAVO = 'Onderbouw havo';
  const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
  const hosts = ['Cees', 'Dora', 'Eva', 'Fien']
    .map((n) => aColleague(`${n} Collega`).at(HAVO).years(6).build())
    // The location's IB-er: a packet with "IB-er nog te kiezen" in its schedule may not go (issue 17).
    .concat(aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build());
  const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

  function mails() {
    const w = schoolWorld([bram, ...hosts, anna]);
    for (const row of w.gateway.tabs.get('Locaties')!.slice(1)) {
      row[2] = 'https://intranet.school.example/regels';
      row[3] = 'https://school.example/schoolgids';
    }
    assignBuddy(w.ctx(), anna.email, bram.email);
    runScheduledJobs(w.ctx(), [dueWelcomePackets]);
    return w.mails;
  }

  it('read as the school writes: dates in full, no label twice, no stray English or pronouns', () => {
    const sent = mails();
    expect(sent.map((m) => m.subject)).toEqual(
      expect.arrayContaining(['Welkom op onze school, Anna!', 'Je bent buddy van Anna Nieuw']),
    );
    for (const mail of sent) {
      const text = `${mail.subject}\n${mail.body}`;
      const sentences = text
        .split('\n')
        .filter((line) => !/^\s*(?:-|•|\p{L}{2} \d{2}-\d{2}-\d{4})/u.test(line));
      expect(sentences.filter((line) => ISO_DAY.test(line))).toEqual([]);
      expect(text.split('\n').filter((line) => DOUBLED_LABEL.test(line))).toEqual([]);
      expect(text.split('\n').filter((line) => ENGLISH.test(line) || GENDERED.test(line))).toEqual([]);
    }
    const welcome = sent.find((m) => m.subject.startsWith('Welkom'))!;
    expect(welcome.body).toContain('maandag 11 januari 2027');
    expect(welcome.body).not.toMatch(/Wegwijs, het inwerkprogramma/);
  });
});
