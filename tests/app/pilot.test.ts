/** Issue 15: phases per location, questionnaire rounds, pseudonymous answers and the evaluation. */
import { describe, expect, it } from 'vitest';
import { exportAnswers, getEvaluation, refreshEvaluationTab } from '../../src/app/evaluation';
import { assignBuddy, pendingBuddyMails } from '../../src/app/pairing';
import { locationPhase, setLocationPhase } from '../../src/app/phases';
import { getPilotState, startRound, submitSurvey, surveyInvitations, surveysFor } from '../../src/app/pilot';
import {
  applyRetentionPurge,
  erasePerson,
  exportPersonData,
  previewErasure,
  previewRetentionPurge,
} from '../../src/app/privacy';
import { saveSchedule } from '../../src/app/schedule';
import { setupWorkbook } from '../../src/app/setup';
import { translate } from '../../src/app/texts/messages';
import { packetRows } from '../../src/app/welcome';
import { cellText } from '../../src/core/cells';
import { UserError } from '../../src/core/errors';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const OV = 'Onderbouw vmbo';
const URL = 'https://script.google.com/a/macros/school.example/s/abc/exec';
const seniors = ['Ada', 'Bas', 'Cor', 'Dirk', 'Els', 'Fleur'].map((n) =>
  aColleague(`${n} Ervaren`).at(OV).startingOn('2012-08-01').build(),
);
const juniors = ['Gijs', 'Hanna', 'Ivo', 'Jet', 'Kees'].map((n) =>
  aColleague(`${n} Kort`).at(OV).startingOn('2026-09-01').build(),
);
const newcomer = aColleague('Nina Nieuw').at(OV).newcomer().startingOn('2027-01-18').build();

function world() {
  const w = schoolWorld([...seniors, ...juniors, newcomer]);
  w.webAppUrl = URL;
  return w;
}

function tab(w: ReturnType<typeof world>, name: string): string[][] {
  return (w.gateway.tabs.get(name) ?? []).map((row) => row.map((c) => cellText(c)));
}

/** Every text in a tab, as one string (to search for names and addresses). */
function allText(w: ReturnType<typeof world>, name: string): string {
  return tab(w, name)
    .map((r) => r.join('\t'))
    .join('\n');
}

function answer(w: ReturnType<typeof world>, email: string, round: string, answers: unknown) {
  w.setUser(email);
  const result = submitSurvey(w.ctx(), round, answers);
  w.setUser(LEADER);
  return result;
}

/** The Dutch message a call is refused with ('' when it is not refused). */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof UserError) return translate('nl', error.key, error.params);
    throw error;
  }
  return '';
}

const SCALE = { 'wie-vragen': 4, regels: 3, 'info-missen': 'Een plattegrond van de locatie' };

describe('a location’s phase', () => {
  it('setup adds the Fase column; a location without a phase counts as ingevoerd', () => {
    const w = world();
    expect(tab(w, 'Locaties')[0]).toContain('Fase');
    expect(locationPhase(w.ctx(), OV)).toBe('ingevoerd');
  });

  it('a sheet without the Fase column keeps running as before (ingevoerd)', () => {
    const w = world();
    const grid = w.gateway.tabs.get('Locaties')!;
    const at = grid[0]!.indexOf('Fase');
    for (const row of grid) row.splice(at, 1);
    expect(locationPhase(w.ctx(), OV)).toBe('ingevoerd');
    expect(packetRows(w.ctx(), OV).find((r) => r.email === newcomer.email)?.problem ?? '').not.toMatch(
      /fase/,
    );
  });

  it('only the school leader changes it, after confirming; the Logboek and Fase sinds keep when', () => {
    const w = world();
    w.setUser(chiefOf(OV));
    expect(refusal(() => setLocationPhase(w.ctx(), OV, 'pilot', true))).toMatch(/schoolleider/);
    w.setUser(LEADER);
    expect(refusal(() => setLocationPhase(w.ctx(), OV, 'pilot', false))).toMatch(/Bevestig/);
    expect(refusal(() => setLocationPhase(w.ctx(), OV, 'misschien', true))).toMatch(/Kies een fase/);
    const r = setLocationPhase(w.ctx(), 'onderbouw VMBO', 'pilot', true);
    expect(r.message).toContain('pilot');
    const loc = tab(w, 'Locaties');
    const row = loc.find((x) => x[0] === OV)!;
    expect(row[loc[0]!.indexOf('Fase')]).toBe('pilot');
    expect(row[loc[0]!.indexOf('Fase sinds')]).toBe('2027-01-04');
    expect(allText(w, 'Logboek')).toContain('Onderbouw vmbo: ingevoerd → pilot (2027-01-04)');
  });

  it('at `nog niet` no packet, buddy mail or new schedule goes by itself, and the reason is shown', () => {
    const w = world();
    setLocationPhase(w.ctx(), OV, 'nog niet', true);
    // Pairing is a person's act and mails at once; a buddy mail left waiting (here: marked to
    // send again) does not go by itself while the location has not started.
    assignBuddy(w.ctx(), newcomer.email, seniors[0]!.email);
    const pairings = w.gateway.tabs.get('Koppelingen')!;
    pairings[1]![pairings[0]!.indexOf('Buddy-mail (status)')] = 'opnieuw';
    w.mails.length = 0;
    pendingBuddyMails.run(w.ctx(), Number.POSITIVE_INFINITY);
    expect(w.mails).toHaveLength(0);
    const packet = packetRows(w.ctx(), OV).find((r) => r.email === newcomer.email)!;
    expect(packet.status.code).toBe('blocked');
    expect(packet.problem).toContain('nog niet');
    expect(refusal(() => saveSchedule(w.ctx(), newcomer.email))).toMatch(/nog niet/);
    // Back to pilot: the waiting buddy mail goes, and a schedule can be made.
    setLocationPhase(w.ctx(), OV, 'pilot', true);
    pendingBuddyMails.run(w.ctx(), Number.POSITIVE_INFINITY);
    expect(w.mails.map((m) => m.to)).toEqual([seniors[0]!.email]);
    expect(saveSchedule(w.ctx(), newcomer.email).count).toBe(1);
  });
});

describe('a questionnaire round', () => {
  it('setup seeds the default instrument, marked as an example', () => {
    const w = world();
    const s = getPilotState(w.ctx());
    expect(s.example).toBe(true);
    expect(s.questions.map((q) => q.text)).toContain('Ik voelde me in het diepe gegooid.');
    expect(s.questions.find((q) => q.id === 'diepe')?.higherIsBetter).toBe(false);
    expect(s.questions.filter((q) => q.type === 'open').map((q) => q.text)).toContain(
      'Hoe moet een buddy zich opstellen?',
    );
  });

  it('only the school leader starts one; bad input is refused with a message and nothing written', () => {
    const w = world();
    w.setUser(chiefOf(OV));
    expect(
      refusal(() =>
        startRound(w.ctx(), {
          kind: 'alle medewerkers',
          locations: [OV],
          groups: 'beide',
          closes: '2027-01-29',
        }),
      ),
    ).toMatch(/schoolleider/);
    w.setUser(LEADER);
    for (const bad of [
      null,
      { kind: 'iedereen', locations: [OV], groups: 'beide', closes: '2027-01-29' },
      { kind: 'alle medewerkers', locations: [], groups: 'beide', closes: '2027-01-29' },
      { kind: 'alle medewerkers', locations: [OV], groups: 'beide', closes: '2026-12-01' },
      { kind: 'na inwerken', locations: [OV], groups: 'nieuw', closes: '2027-06-01' },
      { kind: 'alle medewerkers', locations: [OV], groups: 'beide', closes: '2027-01-29', extra: 1 },
      { kind: 'alle medewerkers', locations: ['Nergens'], groups: 'beide', closes: '2027-01-29' },
    ])
      expect(refusal(() => startRound(w.ctx(), bad))).not.toBe('');
    expect(tab(w, 'Metingen')).toHaveLength(1);
  });

  it('invites each colleague once, with one reminder to who has not answered', () => {
    const w = world();
    startRound(w.ctx(), { kind: 'alle medewerkers', locations: [OV], groups: 'beide', closes: '2027-01-15' });
    w.mails.length = 0;
    surveyInvitations.run(w.ctx(), Number.POSITIVE_INFINITY);
    const invited = w.mails.map((m) => m.to).sort();
    // The chef buddy works there too: 6 + 5 + 1 + the chef.
    expect(invited).toHaveLength(13);
    expect(new Set(invited).size).toBe(13);
    expect(w.mails[0]!.htmlBody).toContain(URL);
    surveyInvitations.run(w.ctx(), Number.POSITIVE_INFINITY);
    expect(w.mails).toHaveLength(13);
    answer(w, seniors[0]!.email, 'M1', SCALE);
    w.setNow('2027-01-13T08:00:00+01:00');
    surveyInvitations.run(w.ctx(), Number.POSITIVE_INFINITY);
    surveyInvitations.run(w.ctx(), Number.POSITIVE_INFINITY);
    const reminders = w.mails.slice(13);
    expect(reminders).toHaveLength(12);
    expect(reminders.map((m) => m.to)).not.toContain(seniors[0]!.email);
    expect(reminders[0]!.subject).toMatch(/Herinnering/);
    // The day after closing, the round's mail states are cleared and nothing more goes.
    w.setNow('2027-01-16T08:00:00+01:00');
    surveyInvitations.run(w.ctx(), Number.POSITIVE_INFINITY);
    expect(w.mails).toHaveLength(25);
    expect([...w.store.keys()].filter((k) => k.startsWith('survey:'))).toEqual([]);
  });
});

describe('a round "na inwerken"', () => {
  it('invites each newcomer N weeks after their onboarding closed, and nobody else', () => {
    const done = aColleague('Olga Klaar').at(OV).startingOn('2026-09-01').build();
    const w = schoolWorld(
      [...seniors, done, newcomer],
      [
        {
          newcomer: done.email,
          buddy: seniors[0]!.email,
          location: OV,
          pairedOn: '2026-08-25',
          pairedBy: chiefOf(OV),
          status: 'afgerond',
          reason: '',
          buddyMail: 'verzonden 2026-08-25 08:00',
          endedOn: '2026-12-21',
          hold: false,
          exception: '',
        },
      ],
    );
    w.webAppUrl = URL;
    startRound(w.ctx(), {
      kind: 'na inwerken',
      locations: [OV],
      groups: 'nieuw',
      closes: '2027-06-30',
      weeksAfter: 4,
    });
    w.mails.length = 0;
    surveyInvitations.run(w.ctx(), Number.POSITIVE_INFINITY);
    expect(w.mails).toHaveLength(0);
    w.setNow('2027-01-18T08:00:00+01:00');
    surveyInvitations.run(w.ctx(), Number.POSITIVE_INFINITY);
    expect(w.mails.map((m) => m.to)).toEqual([done.email]);
    w.setUser(newcomer.email);
    expect(surveysFor(w.ctx())).toEqual([]);
    w.setUser(done.email);
    expect(surveysFor(w.ctx()).map((s) => s.group)).toEqual(['nieuw']);
  });
});

describe('answers', () => {
  function withRound() {
    const w = world();
    startRound(w.ctx(), { kind: 'alle medewerkers', locations: [OV], groups: 'beide', closes: '2027-01-15' });
    return w;
  }

  it('are stored with round, location, group and a key — never a name or e-mail address', () => {
    const w = withRound();
    answer(w, seniors[1]!.email, 'M1', SCALE);
    answer(w, juniors[1]!.email, 'M1', { ...SCALE, 'info-missen': 'Mail me: kees@school.example =1+1' });
    const rows = tab(w, 'Antwoorden');
    expect(rows[0]).toEqual(['Meting', 'Locatie', 'Groep', 'Vraag', 'Antwoord', 'Sleutel', 'Ingevuld op']);
    expect(rows).toHaveLength(7);
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['ervaren', 'nieuw']));
    const text = allText(w, 'Antwoorden') + exportAnswers(w.ctx()).content;
    for (const p of [...seniors, ...juniors]) {
      expect(text).not.toContain(p.email);
      expect(text).not.toContain(p.name);
      expect(text).not.toMatch(new RegExp(`\\b${p.name.split(' ')[0]}\\b`, 'i'));
    }
    expect(text).not.toMatch(/@/);
    // Formula-safe: a cell starting with = is text in the CSV.
    expect(exportAnswers(w.ctx()).content).not.toMatch(/;"=/);
  });

  it('answering twice updates the rows, never adds; an empty open answer removes the old one', () => {
    const w = withRound();
    expect(answer(w, seniors[1]!.email, 'M1', SCALE).message).toMatch(/opgeslagen/);
    expect(
      answer(w, seniors[1]!.email, 'M1', { 'wie-vragen': 5, regels: 3, 'info-missen': '' }).message,
    ).toMatch(/bijgewerkt/);
    const rows = tab(w, 'Antwoorden').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r[3] === 'wie-vragen')![4]).toBe('5');
    w.setUser(seniors[1]!.email);
    expect(surveysFor(w.ctx())[0]!.answers).toEqual({ 'wie-vragen': 5, regels: 3 });
  });

  it('showing the questionnaire writes nothing, not even the pseudonym key (only answering, under the lock)', () => {
    const w = withRound();
    w.setUser(seniors[1]!.email);
    expect(surveysFor(w.ctx())).toHaveLength(1);
    expect([...w.store.keys()]).not.toContain('wegwijs.pseudonymKey');
    answer(w, seniors[1]!.email, 'M1', SCALE);
    expect([...w.store.keys()]).toContain('wegwijs.pseudonymKey');
  });

  it('bad input gets a clear Dutch message and writes nothing', () => {
    const w = withRound();
    const before = tab(w, 'Antwoorden');
    for (const bad of [
      {},
      { 'wie-vragen': 6 },
      { 'wie-vragen': 2.5 },
      { 'wie-vragen': '4' },
      { onbekend: 3 },
      // A question for newcomers only, from a longer-serving colleague.
      { diepe: 2 },
      { 'info-missen': 'x'.repeat(1001) },
      'alles goed',
    ])
      expect(refusal(() => answer(w, seniors[1]!.email, 'M1', bad))).toMatch(
        /passen niet bij de vragenlijst/,
      );
    expect(tab(w, 'Antwoorden')).toEqual(before);
  });

  it('a closed round, a round elsewhere or an unknown visitor is refused', () => {
    const w = withRound();
    startRound(w.ctx(), {
      kind: 'alle medewerkers',
      locations: ['Bovenbouw havo'],
      groups: 'beide',
      closes: '2027-01-15',
    });
    expect(refusal(() => answer(w, seniors[1]!.email, 'M2', SCALE))).toMatch(/niet voor jou/);
    expect(refusal(() => answer(w, 'vreemde@elders.example', 'M1', SCALE))).toMatch(/niet voor jou/);
    w.setNow('2027-01-16T08:00:00+01:00');
    expect(refusal(() => answer(w, seniors[1]!.email, 'M1', SCALE))).toMatch(/gesloten/);
    expect(tab(w, 'Antwoorden')).toHaveLength(1);
  });

  it('retention removes answers of rounds closed longer ago than the records term, after a preview', () => {
    const w = withRound();
    answer(w, seniors[1]!.email, 'M1', SCALE);
    w.setNow('2029-01-10T08:00:00+01:00');
    expect(previewRetentionPurge(w.ctx()).items.find((i) => i.tab === 'Antwoorden')).toBeUndefined();
    w.setNow('2029-01-20T08:00:00+01:00');
    expect(previewRetentionPurge(w.ctx()).items.find((i) => i.tab === 'Antwoorden')?.rows).toBe(3);
    applyRetentionPurge(w.ctx());
    expect(tab(w, 'Antwoorden')).toHaveLength(1);
  });

  it('erasure removes the person’s answers (found by recomputing the key); export shows them', () => {
    const w = withRound();
    answer(w, seniors[1]!.email, 'M1', SCALE);
    answer(w, seniors[2]!.email, 'M1', SCALE);
    expect(
      exportPersonData(w.ctx(), seniors[1]!.email).sections.filter((s) => s.tab === 'Antwoorden'),
    ).toHaveLength(3);
    expect(previewErasure(w.ctx(), seniors[1]!.email).counts).toContainEqual({
      tab: 'Antwoorden',
      removed: 3,
      anonymised: 0,
    });
    erasePerson(w.ctx(), seniors[1]!.email);
    expect(tab(w, 'Antwoorden')).toHaveLength(4);
  });
});

describe('the evaluation', () => {
  /** A before round at the pilot's start, answers, then an after round weeks later. */
  function evaluated() {
    const w = world();
    setLocationPhase(w.ctx(), OV, 'pilot', true);
    startRound(w.ctx(), { kind: 'alle medewerkers', locations: [OV], groups: 'beide', closes: '2027-01-15' });
    for (const p of seniors)
      answer(w, p.email, 'M1', { 'wie-vragen': 2, regels: 3, 'info-missen': 'Wie wat doet' });
    for (const p of juniors.slice(0, 3)) answer(w, p.email, 'M1', { 'wie-vragen': 1, diepe: 5 });
    w.setNow('2027-03-01T08:00:00+01:00');
    startRound(w.ctx(), { kind: 'alle medewerkers', locations: [OV], groups: 'beide', closes: '2027-03-12' });
    for (const p of seniors) answer(w, p.email, 'M2', { 'wie-vragen': 4, regels: 4 });
    for (const p of juniors.slice(0, 3)) answer(w, p.email, 'M2', { 'wie-vragen': 4, diepe: 2 });
    return w;
  }

  it('shows means and the before/after difference; groups under the minimum are hidden', () => {
    const w = evaluated();
    const dto = getEvaluation(w.ctx());
    const ov = dto.locations.find((l) => l.location === OV)!;
    expect(ov.phase).toBe('pilot');
    const seniorsBefore = ov.rounds.find((r) => r.round === 'M1' && r.group === 'ervaren')!;
    expect(seniorsBefore).toMatchObject({ moment: 'voor', respondents: 6, hidden: false });
    expect(seniorsBefore.scales.find((s) => s.question === 'wie-vragen')).toMatchObject({
      mean: 2,
      distribution: [0, 6, 0, 0, 0],
    });
    expect(seniorsBefore.open).toEqual([
      { question: 'info-missen', answers: new Array(6).fill('Wie wat doet') },
    ]);
    // Three newer colleagues answered: under five, so nothing of theirs is shown on its own.
    const juniorsBefore = ov.rounds.find((r) => r.round === 'M1' && r.group === 'nieuw')!;
    expect(juniorsBefore).toMatchObject({ hidden: true, respondents: 3, scales: [], open: [] });
    const all = ov.differences.find((d) => d.group === 'alle')!;
    expect(all).toMatchObject({ before: 'M1', after: 'M2' });
    const who = all.rows.find((r) => r.question === 'wie-vragen')!;
    expect(who.before).toBe(1.67);
    expect(who.after).toBe(4);
    expect(who.improvement).toBe(2.33);
    const deep = all.rows.find((r) => r.question === 'diepe')!;
    expect(deep).toMatchObject({ before: 5, after: 2, difference: -3, improvement: 3 });
    expect(ov.differences.map((d) => d.group)).not.toContain('nieuw');
  });

  it('is for the school leader; a chef buddy sees their own location only when allowed', () => {
    const w = evaluated();
    w.setUser(chiefOf(OV));
    expect(refusal(() => getEvaluation(w.ctx()))).toMatch(/alleen voor de schoolleider/);
    const settings = w.gateway.tabs.get('Instellingen')!;
    settings.push(['Evaluatie zichtbaar voor chef buddy’s', 'ja']);
    expect(getEvaluation(w.ctx()).locations.map((l) => l.location)).toEqual([OV]);
    expect(refusal(() => exportAnswers(w.ctx()))).toMatch(/schoolleider/);
  });

  it('writes the Evaluatie tab with a chart of before and after per location', () => {
    const w = evaluated();
    refreshEvaluationTab(w.ctx());
    const grid = tab(w, 'Evaluatie');
    expect(grid[0]!.slice(0, 3)).toEqual(['Locatie', 'Score voor (1–5)', 'Score na (1–5)']);
    const ov = grid.find((r) => r[0] === OV)!;
    expect(Number(ov[2])).toBeGreaterThan(Number(ov[1]));
    expect(allText(w, 'Evaluatie')).toContain('verborgen (minder dan 5)');
    expect(w.gateway.charts?.get?.('Evaluatie') ?? true).toBeTruthy();
  });

  it('setup on a sheet from before adds the tabs and keeps everything running', () => {
    const w = world();
    expect(setupWorkbook(w.ctx()).message).toBeTruthy();
    expect(locationPhase(w.ctx(), 'Bovenbouw havo')).toBe('ingevoerd');
  });
});
