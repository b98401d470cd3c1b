import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/app/jobs';
import { assignBuddy } from '../../src/app/pairing';
import { dueWelcomePackets, previewWelcome, sendWelcomeNow, sendWelcomeTest } from '../../src/app/welcome';
import { aColleague, chiefOf, LEADER, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien']
  .map(
    (n) => aColleague(`${n} Collega`).at(HAVO).years(6).build(),
    // The location's IB-er: a packet with "IB-er nog te kiezen" in its schedule may not go (issue 17).
  )
  .concat(aColleague('Iris Intern').at(HAVO).as('Intern begeleider').notWilling().build());
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();
const later = aColleague('Lotte Later').at(HAVO).newcomer().startingOn('2027-02-01').build();

type World = ReturnType<typeof schoolWorld>;

function world(newcomers = [anna], options = {}): World {
  const w = schoolWorld([bram, ...hosts, ...newcomers], [], options);
  const locations = w.gateway.tabs.get('Locaties')!;
  for (const row of locations.slice(1)) {
    row[2] = 'https://intranet.school.example/regels';
    row[3] = 'https://school.example/schoolgids';
  }
  w.gateway.tabs
    .get('Wie vraag ik wat')!
    .push([HAVO, 'Roosterwijzigingen', 'Mevrouw Rooster', 'rooster@school.example']);
  for (const n of newcomers) assignBuddy(w.ctx(), n.email, bram.email);
  w.mails.length = 0;
  return w;
}

const run = (w: World) => runScheduledJobs(w.ctx(), [dueWelcomePackets]);
const state = (w: World, email: string) =>
  w.gateway.rows('Medewerkers').find((r) => r['E-mail'] === email)?.['Welkomstpakket (status)'];
const welcomes = (w: World, to: string) =>
  w.mails.filter((m) => m.to === to && m.subject.startsWith('Welkom'));

describe('planning welcome packets', () => {
  it('plans each newcomer five working days before the start', () => {
    const w = world([anna, later]);
    run(w);
    expect(state(w, later.email)).toBe('gepland 2027-01-25');
  });

  it('sends a due packet once, with everything in one place', () => {
    const w = world();
    run(w);
    run(w);
    expect(welcomes(w, anna.email)).toHaveLength(1);
    const mail = welcomes(w, anna.email)[0]!;
    expect(state(w, anna.email)).toBe('verzonden 2027-01-04 07:30');
    expect(mail.subject).toBe('Welkom op onze school, Anna!');
    expect(mail.replyTo).toBe(chiefOf(HAVO));
    expect(mail.body).toContain('Je buddy is Bram de Vries (bram.de.vries@school.example)');
    expect(mail.body).toContain('ma 11-01-2027: Welkom door de chef buddy (met Chef Onderbouw havo)');
    expect(mail.body).toContain('Roosterwijzigingen: Mevrouw Rooster (rooster@school.example)');
    expect(mail.body).toContain('check-in met je buddy');
    expect(mail.htmlBody).toContain('<a href="https://school.example/schoolgids"');
    expect(mail.attachments?.map((a) => a.mimeType)).toEqual(['application/pdf', 'text/calendar']);
    expect(mail.attachments![0]!.content).toContain('Welkomstpakket Anna Nieuw');
    expect(w.gateway.rows('Inwerkschema').length).toBeGreaterThan(10);
  });

  it('sends a later packet when its day comes', () => {
    const w = world([later]);
    run(w);
    expect(welcomes(w, later.email)).toHaveLength(0);
    w.setNow('2027-01-25T07:00:00+01:00');
    run(w);
    expect(welcomes(w, later.email)).toHaveLength(1);
  });

  it('skips someone who started long ago, until a person sets it to gepland', () => {
    const old = aColleague('Olga Oud').at(HAVO).newcomer().startingOn('2026-11-02').build();
    const w = world([old]);
    run(w);
    expect(state(w, old.email)).toBe('overgeslagen: al begonnen op 02-11-2026');
    expect(w.mails).toHaveLength(0);
  });

  it('lists a newcomer with an invalid e-mail with the reason, and sends the others', () => {
    const bad = aColleague('Bart Fout')
      .at(HAVO)
      .newcomer()
      .startingOn('2027-01-11')
      .withEmail('bart@@school')
      .build();
    const w = world([anna]);
    const grid = w.gateway.tabs.get('Medewerkers')!;
    grid.push(
      grid.find((r) => r[1] === anna.email)!.map((c, i) => (i === 0 ? bad.name : i === 1 ? bad.email : c)),
    );
    const report = run(w);
    expect(welcomes(w, anna.email)).toHaveLength(1);
    expect(state(w, 'bart@@school')).toBe('gepland 2027-01-04');
    expect(report.jobs[0]!.summary).toContain('skipped 1');
  });

  it('blocks a packet with a missing value and shows why in the preview', () => {
    const w = schoolWorld([bram, anna]);
    const preview = previewWelcome(w.ctx(), anna.email);
    expect(preview.errors[0]).toContain('geen waarde voor {{buddy.naam}}');
    expect(preview.html).toBe('');
    run(w);
    expect(w.mails).toHaveLength(0);
    expect(state(w, anna.email)).toBe('gepland 2027-01-04');
  });
});

describe('previewing, testing and sending by hand', () => {
  it('previews exactly what will be sent, with attachments, writing nothing', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    const writes = w.gateway.writes;
    const preview = previewWelcome(w.ctx(), anna.email);
    expect(preview.errors).toEqual([]);
    expect(preview.subject).toBe('Welkom op onze school, Anna!');
    expect(preview.attachments.map((a) => a.name)).toEqual([
      'welkomstpakket-annanieuw.pdf',
      'inwerkschema-annanieuw.ics',
    ]);
    expect(w.gateway.writes).toBe(writes);
  });

  it('sends a test to the acting user without marking the packet sent', () => {
    const w = world();
    w.setUser(chiefOf(HAVO));
    sendWelcomeTest(w.ctx(), anna.email);
    expect(w.mails.map((m) => [m.to, m.subject])).toEqual([
      [chiefOf(HAVO), '[TEST] Welkom op onze school, Anna!'],
    ]);
    expect(state(w, anna.email) ?? '').toBe('');
  });

  it('sends now once, and refuses a second time', () => {
    const w = world([later]);
    const result = sendWelcomeNow(w.ctx(), later.email);
    expect(result.message).toBe('Het welkomstpakket is verzonden.');
    expect(() => sendWelcomeNow(w.ctx(), later.email)).toThrow(
      expect.objectContaining({ key: 'welcome.alreadySent' }),
    );
    run(w);
    expect(welcomes(w, later.email)).toHaveLength(1);
  });

  it('refuses to send now when it is unknown whether the packet arrived', () => {
    const w = world();
    const grid = w.gateway.tabs.get('Medewerkers')!;
    const col = grid[0]!.indexOf('Welkomstpakket (status)');
    grid.find((r) => r[1] === anna.email)![col] = 'onbekend sinds 2027-01-04 07:30';
    expect(() => sendWelcomeNow(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'welcome.unknownState' }),
    );
    expect(w.mails).toHaveLength(0);
  });

  it('refuses a chef buddy of another location', () => {
    const w = world();
    w.setUser(chiefOf('Bovenbouw havo'));
    expect(() => previewWelcome(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
    expect(() => sendWelcomeNow(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.otherLocation' }),
    );
  });

  it('keeps a name with markup as text in the HTML part', () => {
    const evil = aColleague('<script>alert(1)</script>')
      .withEmail('evil@school.example')
      .at(HAVO)
      .newcomer()
      .startingOn('2027-01-11')
      .build();
    const w = world([evil]);
    run(w);
    const mail = welcomes(w, evil.email)[0]!;
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).toContain('&lt;script&gt;');
    expect(mail.body).toContain('Beste <script>alert(1)</script>');
  });
});

describe('faults during a scheduled run', () => {
  const three = ['Nina', 'Otto', 'Pien'].map((n) =>
    aColleague(`${n} Nieuw`).at(HAVO).newcomer().startingOn('2027-01-11').build(),
  );

  it('marks the one the mail service refuses as failed, sends the rest, and leaves the data unchanged', () => {
    const w = world(three);
    const mailer = w.services.mailer;
    w.services = {
      ...w.services,
      mailer: {
        ...mailer,
        send: (m) => {
          if (m.to === three[1]!.email) throw new Error('Mail service unavailable: 503');
          mailer.send(m);
        },
      },
    };
    run(w);
    expect(welcomes(w, three[0]!.email)).toHaveLength(1);
    expect(welcomes(w, three[2]!.email)).toHaveLength(1);
    expect(state(w, three[1]!.email)).toMatch(/^mislukt: /);
  });

  it('leaves the rest pending when the quota runs out mid-batch, and sends them the next day', () => {
    const w = world(three);
    let left = 1;
    const mailer = w.services.mailer;
    w.services = {
      ...w.services,
      mailer: {
        remainingQuota: () => left,
        send: (m) => {
          if (left <= 0) throw new Error('Service invoked too many times for one day: email.');
          left--;
          mailer.send(m);
        },
      },
    };
    run(w);
    expect(w.mails).toHaveLength(1);
    expect(three.filter((n) => String(state(w, n.email)).startsWith('gepland'))).toHaveLength(2);
    left = 100;
    run(w);
    for (const n of three) expect(welcomes(w, n.email)).toHaveLength(1);
  });

  it('stops at the time budget and continues on the next run, every packet once', () => {
    const w = world(three);
    const mailer = w.services.mailer;
    let minute = 0;
    w.services = {
      ...w.services,
      mailer: {
        ...mailer,
        send: (m) => {
          mailer.send(m);
          minute += 5;
          w.setNow(`2027-01-04T07:${String(30 + minute).padStart(2, '0')}:00+01:00`);
        },
      },
    };
    const first = run(w);
    expect(first.jobs[0]!.done).toBe(false);
    expect(w.mails).toHaveLength(1);
    for (let i = 0; i < 4 && !run(w).jobs[0]!.done; i++);
    for (const n of three) expect(welcomes(w, n.email)).toHaveLength(1);
  });

  it('remembers a send when the sheet write fails afterwards, and never sends it again', () => {
    const w = world();
    const write = w.gateway.write.bind(w.gateway);
    let fail = true;
    w.gateway.write = (name, patch) => {
      if (fail && name === 'Medewerkers') {
        fail = false;
        throw new Error('Service Spreadsheets failed while accessing document');
      }
      write(name, patch);
    };
    expect(() => run(w)).toThrow(/Spreadsheets failed/);
    expect(welcomes(w, anna.email)).toHaveLength(1);
    run(w);
    run(w);
    expect(welcomes(w, anna.email)).toHaveLength(1);
    expect(state(w, anna.email)).toMatch(/^verzonden/);
  });

  it('never mails anyone twice over random runs with failing writes, failing mail and a moving clock', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            failWrite: fc.boolean(),
            failMail: fc.boolean(),
            days: fc.integer({ min: 0, max: 9 }),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (runs) => {
          const w = world([anna, later]);
          const mailer = w.services.mailer;
          const write = w.gateway.write.bind(w.gateway);
          let day = 4;
          for (const r of runs) {
            w.services = {
              ...w.services,
              mailer: {
                ...mailer,
                send: (m) => {
                  if (r.failMail && m.to === later.email) throw new Error('Temporary failure');
                  mailer.send(m);
                },
              },
            };
            w.gateway.write = (name, patch) => {
              if (r.failWrite && name === 'Medewerkers') throw new Error('write failed');
              write(name, patch);
            };
            day = Math.min(day + r.days, 28);
            w.setNow(`2027-01-${String(day).padStart(2, '0')}T07:30:00+01:00`);
            try {
              run(w);
            } catch {
              // a failed write ends the run, like an exception ends an Apps Script execution
            }
          }
          expect(welcomes(w, anna.email).length).toBeLessThanOrEqual(1);
          expect(welcomes(w, later.email).length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
    // A hundred worlds, each set up and run up to six times: seconds of work, more on a busy machine.
  }, 30_000);
});

describe('who may see packets', () => {
  it('refuses an unknown user', () => {
    const w = world();
    w.setUser('vreemde@elders.example');
    expect(() => previewWelcome(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'error.managersOnly' }),
    );
    w.setUser(LEADER);
    expect(previewWelcome(w.ctx(), anna.email).errors).toEqual([]);
  });
});

describe('a call that fails', () => {
  it('writes nothing: "Nu versturen" without a buddy leaves no schedule, check-ins or status', () => {
    const w = schoolWorld([bram, ...hosts, anna]);
    for (const row of w.gateway.tabs.get('Locaties')!.slice(1)) {
      row[2] = 'https://intranet.school.example/regels';
      row[3] = 'https://school.example/schoolgids';
    }
    const before = JSON.stringify([...w.gateway.tabs.entries()]);
    const writes = w.gateway.writes;
    expect(() => sendWelcomeNow(w.ctx(), anna.email)).toThrow(
      expect.objectContaining({ key: 'welcome.cannotSend' }),
    );
    expect(w.gateway.writes).toBe(writes);
    expect(JSON.stringify([...w.gateway.tabs.entries()])).toBe(before);
    expect(w.mails).toEqual([]);
  });
});
