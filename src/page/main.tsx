/**
 * "Mijn Wegwijs": the page for newcomers and buddies, served by `doGet`. One server call for the
 * first view (`getPageState`); the visitor is known on the server only, never from anything the
 * page sends. Links open in a new tab (`<base target="_blank">`): a bound script's web app may not
 * navigate the top window. Preact renders all text as text.
 */
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { CoachingView, GoalsList, GrowthChart } from '../components/coaching';
import { call } from '../components/rpc';
import type { PageCollectionDto, PageNewcomerDto, PagePersonDto, PageState } from '../shared/api';
import { coachingText } from '../shared/coaching';
import type { Language } from '../shared/language';
import { CheckInForm } from './checkin-form';
import { ResponseForm } from './response-form';
import { SkipCheckIns } from './skip-form';
import { Survey } from './survey';
import { type PageTextKey, pageDate, pageText } from './texts';

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; state: PageState };

function Person({ language, label, person }: { language: Language; label: string; person: PagePersonDto }) {
  return (
    <p class="person">
      <span class="label">{label}</span>
      <strong>{person.name}</strong>
      <a class="button" href={`mailto:${person.email}`} rel="noopener">
        {pageText(language, 'home.mail', { name: person.name.split(' ')[0] ?? person.name })}
      </a>
    </p>
  );
}

function Schedule({
  language,
  newcomer,
  canTick,
  onTick,
  busy,
}: {
  language: Language;
  newcomer: PageNewcomerDto;
  canTick: boolean;
  onTick: (line: PageNewcomerDto['schedule'][number]) => void;
  busy: boolean;
}) {
  if (!newcomer.schedule.length) return <p>{pageText(language, 'home.noSchedule')}</p>;
  return (
    <ul class="schedule">
      {newcomer.schedule.map((line) => (
        <li key={`${line.date}|${line.activity}`} class={line.done ? 'done' : ''}>
          {canTick ? (
            <label>
              <input type="checkbox" checked={line.done} disabled={busy} onChange={() => onTick(line)} />
              <span>
                {pageDate(line.date)} · {line.activity}
                {line.with ? ` (${line.with})` : ''}
              </span>
            </label>
          ) : (
            <span>
              {line.done ? '✓ ' : ''}
              {pageDate(line.date)} · {line.activity}
              {line.with ? ` (${line.with})` : ''}
              {line.done ? ` — ${pageText(language, 'home.done')}` : ''}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function CheckIns({
  language,
  newcomer,
  self,
  onSaid,
}: {
  language: Language;
  newcomer: PageNewcomerDto;
  self: boolean;
  onSaid: (message: string) => void;
}) {
  const t = (k: PageTextKey, p?: Record<string, string | number>) => pageText(language, k, p);
  const notes = newcomer.checkIns.filter((c) => c.notes);
  const last = newcomer.checkIns
    .filter((c) => c.held)
    .sort((a, b) => a.held.localeCompare(b.held))
    .pop();
  const answered = last?.response
    ? t(self ? 'home.responded' : 'home.buddysView', {
        click: last.response.click,
        wellbeing: last.response.wellbeing ?? '',
        confirmed: last.response.confirmed ? t('home.respondedConfirmed') : '',
        remark: last.response.remark ? `: “${last.response.remark}”` : '',
      })
    : '';
  return (
    <>
      <h3>{t('home.upcoming')}</h3>
      {newcomer.upcoming.length ? (
        <ul>
          {newcomer.upcoming.map((d) => (
            <li key={d}>{pageDate(d)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('home.noUpcoming')}</p>
      )}
      <h3>
        {newcomer.lastAgreementsDate
          ? t('home.agreements', { date: pageDate(newcomer.lastAgreementsDate) })
          : t('home.agreementsNone')}
      </h3>
      <p class="agreements">{newcomer.lastAgreements || t('home.noAgreements')}</p>
      {last?.coaching ? (
        <CoachingView language={language} coaching={last.coaching} phase="" agreements={last.agreements} />
      ) : null}
      <h3>{coachingText(language, 'goals')}</h3>
      <GoalsList language={language} goals={newcomer.goals} />
      <GrowthChart language={language} growth={newcomer.growth} />
      {answered ? <p class="response">{answered}</p> : null}
      {self && last && !last.response ? (
        <>
          <h3>{t('home.yourResponse')}</h3>
          <ResponseForm language={language} held={last.held} onDone={onSaid} />
        </>
      ) : null}
      {notes.length ? (
        <>
          <h3>{t('home.notes')}</h3>
          {notes.map((c) => (
            <p key={c.held || c.planned} class="notes">
              {pageDate(c.held || c.planned)}: {c.notes}
            </p>
          ))}
        </>
      ) : null}
    </>
  );
}

/** The closing summary for the competence file (issue 14): fetched as PDF, offered as a download. */
function SummaryDownload({ language }: { language: Language }) {
  const [file, setFile] = useState<{ filename: string; href: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const fetchIt = () => {
    setBusy(true);
    setError('');
    call('getClosingSummary')
      .then((f) => setFile({ filename: f.filename, href: `data:${f.mimeType};base64,${f.content}` }))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <section class="summary">
      <h2>{coachingText(language, 'summary')}</h2>
      <p class="hint">{coachingText(language, 'summaryHint')}</p>
      {file ? (
        <a class="button" data-testid="summary-link" href={file.href} download={file.filename}>
          {file.filename}
        </a>
      ) : (
        <button type="button" data-testid="summary-make" disabled={busy} onClick={fetchIt}>
          {coachingText(language, 'summary')}
        </button>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

/** The collection document: the packet's sections for the location and whom to ask what, as text. */
function Collection({ language, collection }: { language: Language; collection: PageCollectionDto }) {
  const t = (k: PageTextKey) => pageText(language, k);
  return (
    <>
      <h2>{t('home.packet')}</h2>
      {collection.sections.length ? (
        collection.sections.map((s) => (
          <details key={s.section} class="packet-section">
            <summary>{s.title}</summary>
            <p class="packet-text">{s.text}</p>
          </details>
        ))
      ) : (
        <p>{t('home.noPacket')}</p>
      )}
      <h2>{t('home.whoToAsk')}</h2>
      {collection.whoToAsk.length ? (
        <ul class="who-to-ask">
          {collection.whoToAsk.map((w) => (
            <li key={`${w.topic}|${w.person}`}>
              <strong>{w.topic}:</strong> {w.person}
              {w.email ? (
                <>
                  {' '}
                  <a href={`mailto:${w.email}`} rel="noopener">
                    {w.email}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.noWhoToAsk')}</p>
      )}
    </>
  );
}

function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const refresh = useCallback(() => {
    call('getPageState')
      .then((state) => setLoad({ kind: 'ready', state }))
      .catch((e: Error) => setLoad({ kind: 'error', message: e.message }));
  }, []);
  useEffect(refresh, []);

  if (load.kind === 'loading') return <p role="status">{pageText('nl', 'home.loading')}</p>;
  if (load.kind === 'error') return <p role="alert">{load.message}</p>;
  const { state } = load;
  const language = state.language;
  const t = (k: PageTextKey, p?: Record<string, string | number>) => pageText(language, k, p);
  const done = (message: string) => {
    setSaid(message);
    refresh();
  };
  const tick = (newcomer: PageNewcomerDto) => (line: PageNewcomerDto['schedule'][number]) => {
    setBusy(true);
    call('markScheduleItem', newcomer.email, line.date, line.activity, !line.done)
      .then((r) => {
        setSaid(r.message);
        refresh();
      })
      .catch((e: Error) => setSaid(t('home.failed', { message: e.message })))
      .finally(() => setBusy(false));
  };

  return (
    <main>
      <h1>{t('home.title')}</h1>
      <p class="hello">{state.name ? t('home.hello', { name: state.name }) : t('home.helloNoName')}</p>
      {said ? <p role="status">{said}</p> : null}
      {/* Issue 15: an open questionnaire comes first, for every colleague it is meant for. */}
      {state.surveys?.length ? (
        <section aria-label={t('home.surveys')}>
          <h2>{t('home.surveys')}</h2>
          {state.surveys.map((s) => (
            <Survey key={s.round} language={language} survey={s} onDone={done} />
          ))}
        </section>
      ) : null}
      {state.view === 'none' && !state.surveys?.length ? <p class="message">{state.message}</p> : null}
      {state.view === 'none' && state.summary ? <SummaryDownload language={language} /> : null}
      {state.view === 'newcomer' ? (
        <section>
          {state.newcomer.buddy ? (
            <Person language={language} label={t('home.yourBuddy')} person={state.newcomer.buddy} />
          ) : (
            <p>{t('home.noBuddy')}</p>
          )}
          {state.newcomer.chiefBuddy ? (
            <Person language={language} label={t('home.chiefBuddy')} person={state.newcomer.chiefBuddy} />
          ) : null}
          <h2>{t('home.schedule')}</h2>
          <Schedule
            language={language}
            newcomer={state.newcomer}
            canTick={false}
            onTick={() => {}}
            busy={busy}
          />
          <CheckIns language={language} newcomer={state.newcomer} self={true} onSaid={done} />
          <Collection language={language} collection={state.newcomer.collection} />
        </section>
      ) : null}
      {state.view === 'buddy' ? (
        <section>
          <h2>{t('home.yourNewcomers')}</h2>
          {state.newcomers.map((n) => (
            <article key={n.email} class="newcomer">
              <h3>{n.name}</h3>
              <p>{t('home.startsOn', { date: pageDate(n.startDate), location: n.location })}</p>
              <h4>{t('home.scheduleOf')}</h4>
              <Schedule language={language} newcomer={n} canTick={true} onTick={tick(n)} busy={busy} />
              <CheckIns language={language} newcomer={n} self={false} onSaid={done} />
              <SkipCheckIns language={language} newcomerEmail={n.email} upcoming={n.upcoming} onDone={done} />
              <details class="record">
                <summary>{t('checkin.recordTitle')}</summary>
                <CheckInForm
                  language={language}
                  newcomerEmail={n.email}
                  today={state.today}
                  goals={n.goals}
                  firstCheckIn={!n.checkIns.some((c) => c.held)}
                  onDone={(message) => {
                    setSaid(message);
                    refresh();
                  }}
                />
              </details>
            </article>
          ))}
        </section>
      ) : null}
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
