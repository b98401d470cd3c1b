/**
 * Pilot and evaluation (issue 15), shown under Overzicht: each location's phase (the school leader
 * changes it after a confirmation), the questionnaire and its rounds (start one for chosen
 * locations and groups), and the evaluation: per location a small before/after chart, the
 * differences, respondents and response rates, open answers of groups above the minimum, and the
 * onboarding's own figures. Figures only; the server hides groups under the minimum.
 */
import { useId, useState } from 'preact/hooks';
import { call } from '../components/rpc';
import type {
  EvaluationDto,
  EvaluationLocationDto,
  IcsFileDto,
  PhaseName,
  PilotStateDto,
  RoundInput,
} from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { Confirm, Download, LoadState, Said, type Tx, txFor, useLoad } from './kit';
import { addDaysIso, dayDate, type TextKey } from './texts';

const PHASES: readonly PhaseName[] = ['nog niet', 'pilot', 'ingevoerd'];
const PHASE_TEXT: Record<PhaseName, TextKey> = {
  'nog niet': 'pilot.phase.notYet',
  pilot: 'pilot.phase.pilot',
  ingevoerd: 'pilot.phase.introduced',
};

/** A labelled choice from a fixed list: each option's value with its text. */
function Pick<T extends string>(props: {
  label: string;
  testId: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <>
      <label class="small" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}

/** One location's phase with a change that needs a confirmation. */
function PhaseRow(props: {
  location: string;
  phase: PhaseName;
  since: string;
  canManage: boolean;
  tx: Tx;
  language: Language;
  onChanged: (message: string) => void;
}) {
  const { tx } = props;
  const [wanted, setWanted] = useState<PhaseName>(props.phase);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  return (
    <li class="pi-phase" data-testid="pi-phase" data-location={props.location}>
      <div class="line">
        <strong>{props.location}</strong>
        <span class={props.phase === 'nog niet' ? 'badge grey' : 'badge ok'} data-testid="pi-phase-now">
          {tx(PHASE_TEXT[props.phase])}
        </span>
      </div>
      {props.since && (
        <div class="small">{tx('pilot.since', { date: dayDate(props.language, props.since) })}</div>
      )}
      {props.canManage && !confirming && (
        <div class="line">
          <Pick
            label={tx('pilot.newPhase')}
            testId="pi-phase-select"
            value={wanted}
            options={PHASES.map((p) => [p, tx(PHASE_TEXT[p])] as const)}
            onChange={setWanted}
          />
          <button
            type="button"
            data-testid="pi-phase-change"
            disabled={wanted === props.phase}
            onClick={() => setConfirming(true)}
          >
            {tx('pilot.change')}
          </button>
        </div>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={tx('pilot.confirmTitle')}>
          <Confirm
            id="pi-phase"
            text={tx(wanted === 'nog niet' ? 'pilot.confirmStop' : 'pilot.confirmStart', {
              location: props.location,
              phase: tx(PHASE_TEXT[wanted]),
            })}
            yes={tx('pilot.confirm')}
            tx={tx}
            busy={action.busy}
            error={action.error}
            onYes={() =>
              action.run(() =>
                call('setLocationPhase', props.location, wanted, true).then((r) => {
                  setConfirming(false);
                  props.onChanged(r.message);
                }),
              )
            }
            onNo={() => setConfirming(false)}
          />
        </div>
      )}
    </li>
  );
}

/** The form to start a round ("meting"). */
function StartRound(props: {
  state: PilotStateDto;
  tx: Tx;
  onStarted: (s: PilotStateDto, m: string) => void;
}) {
  const { state, tx } = props;
  const [kind, setKind] = useState<RoundInput['kind']>('alle medewerkers');
  const [locations, setLocations] = useState<string[]>([]);
  const [groups, setGroups] = useState<RoundInput['groups']>('beide');
  const [closes, setCloses] = useState(addDaysIso(state.today, 14));
  const [weeks, setWeeks] = useState(6);
  const action = useAction();
  const ids = { closes: useId(), weeks: useId() };
  return (
    <form
      class="card pi-start"
      data-testid="pi-start"
      onSubmit={(e) => {
        e.preventDefault();
        const input: RoundInput = {
          kind,
          locations,
          groups,
          closes,
          ...(kind === 'na inwerken' ? { weeksAfter: weeks } : {}),
        };
        action.run(() => call('startRound', input).then((r) => props.onStarted(r.state, r.message)));
      }}
    >
      <h3>{tx('pilot.startTitle')}</h3>
      <Pick
        label={tx('pilot.kind')}
        testId="pi-kind"
        value={kind}
        options={[
          ['alle medewerkers', tx('pilot.kind.all')],
          ['na inwerken', tx('pilot.kind.after')],
        ]}
        onChange={setKind}
      />
      <fieldset>
        <legend class="small">{tx('pilot.locations')}</legend>
        {state.phases.map((p) => (
          <label key={p.location} class="small pi-check">
            <input
              type="checkbox"
              data-testid="pi-location"
              value={p.location}
              checked={locations.includes(p.location)}
              onChange={(e) =>
                setLocations((now) =>
                  e.currentTarget.checked ? [...now, p.location] : now.filter((l) => l !== p.location),
                )
              }
            />{' '}
            {p.location}
          </label>
        ))}
      </fieldset>
      <Pick
        label={tx('pilot.groups')}
        testId="pi-groups"
        value={groups}
        options={[
          ['beide', tx('pilot.groups.both')],
          ['nieuw', tx('pilot.groups.new')],
          ['ervaren', tx('pilot.groups.experienced')],
        ]}
        onChange={setGroups}
      />
      {kind === 'na inwerken' && (
        <>
          <label class="small" for={ids.weeks}>
            {tx('pilot.weeks')}
          </label>
          <input
            id={ids.weeks}
            type="number"
            min={1}
            max={52}
            value={weeks}
            onInput={(e) => setWeeks(Number(e.currentTarget.value))}
          />
        </>
      )}
      <label class="small" for={ids.closes}>
        {tx('pilot.closes')}
      </label>
      <input
        id={ids.closes}
        type="date"
        data-testid="pi-closes"
        value={closes}
        onInput={(e) => setCloses(e.currentTarget.value)}
      />
      <div class="actions">
        <button
          type="submit"
          class="primary"
          data-testid="pi-start-round"
          disabled={action.busy || !locations.length}
        >
          {tx('pilot.start')}
        </button>
      </div>
      {action.error && (
        <p class="error" role="alert" data-testid="pi-start-error">
          {action.error}
        </p>
      )}
    </form>
  );
}

/** A location's scores per scale question, before (grey) and after (blue), as a small inline SVG. */
function Chart(props: { dto: EvaluationDto; location: EvaluationLocationDto; tx: Tx }) {
  const { dto, location, tx } = props;
  const diff = location.differences.find((d) => d.group === 'alle') ?? location.differences[0];
  if (!diff) return <p class="small">{tx('pilot.noComparison')}</p>;
  const rows = diff.rows.filter((r) => r.before !== null || r.after !== null);
  const rowHeight = 30;
  const label = 110;
  const width = 270;
  const scale = (v: number) => ((width - label - 30) * v) / 5;
  const turned = (id: string, v: number | null) =>
    v === null ? null : dto.questions.find((q) => q.id === id)?.higherIsBetter === false ? 6 - v : v;
  const summary = rows
    .map(
      (r) => `${r.question}: ${turned(r.question, r.before) ?? '—'} → ${turned(r.question, r.after) ?? '—'}`,
    )
    .join('; ');
  return (
    <figure class="pi-chart">
      <svg
        width={width}
        height={rows.length * rowHeight + 4}
        role="img"
        aria-label={`${tx('pilot.chartLabel', { location: location.location })} ${summary}`}
        data-testid="pi-chart"
      >
        {rows.map((r, i) => {
          const b = turned(r.question, r.before);
          const a = turned(r.question, r.after);
          const y = i * rowHeight;
          return (
            <g key={r.question}>
              <text x={0} y={y + 17} font-size="10">
                {r.question}
              </text>
              {b !== null && <rect x={label} y={y + 4} width={scale(b)} height={10} fill="#9aa0a6" />}
              {a !== null && (
                <rect
                  x={label}
                  y={y + 15}
                  width={scale(a)}
                  height={10}
                  fill="#1a73e8"
                  data-testid="pi-bar-after"
                />
              )}
              <text x={label + scale(Math.max(a ?? 0, b ?? 0)) + 3} y={y + 17} font-size="10">
                {a !== null && b !== null ? `${a - b >= 0 ? '+' : ''}${Math.round((a - b) * 100) / 100}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="small">{tx('pilot.legend', { before: diff.before, after: diff.after })}</figcaption>
    </figure>
  );
}

function fmt(v: number | null, unit = ''): string {
  return v === null ? '—' : `${v}${unit}`;
}

function LocationResult(props: { dto: EvaluationDto; location: EvaluationLocationDto; tx: Tx }) {
  const { dto, location: l, tx } = props;
  const question = (id: string) => dto.questions.find((q) => q.id === id)?.text ?? id;
  return (
    <section class="card" data-testid="pi-eval-location" data-location={l.location} aria-label={l.location}>
      <div class="line">
        <strong>{l.location}</strong>
        <span class="badge">{tx(PHASE_TEXT[l.phase])}</span>
      </div>
      <Chart dto={dto} location={l} tx={tx} />
      {l.differences.map((d) => (
        <details key={d.group} data-testid="pi-diff">
          <summary>
            {tx('pilot.diffTitle', {
              group: tx(`pilot.group.${d.group}` as TextKey),
              before: d.before,
              after: d.after,
            })}
          </summary>
          <ul class="small">
            {d.rows.map((r) => (
              <li key={r.question}>
                {question(r.question)}: {fmt(r.before)} → {fmt(r.after)}
                {r.improvement !== null &&
                  ` (${r.improvement >= 0 ? tx('pilot.better', { n: r.improvement }) : tx('pilot.worse', { n: -r.improvement })})`}
              </li>
            ))}
          </ul>
        </details>
      ))}
      <h4>{tx('pilot.rounds')}</h4>
      <ul class="small">
        {l.rounds.map((r) => (
          <li key={`${r.round}|${r.group}`} data-testid="pi-round-result">
            {r.round} · {tx(`pilot.group.${r.group}` as TextKey)} ·{' '}
            {tx(r.moment === 'voor' ? 'pilot.before' : 'pilot.after')}:{' '}
            {r.invited
              ? tx('pilot.respondents', { n: r.respondents, invited: r.invited })
              : tx('pilot.answeredOnly', { n: r.respondents })}
            {r.responseRate !== null ? ` (${r.responseRate}%)` : ''}
            {r.hidden ? ` — ${tx('pilot.hidden', { min: dto.minGroup })}` : ''}
            {r.open.length > 0 && (
              <details>
                <summary>{tx('pilot.openAnswers')}</summary>
                {r.open.map((o) => (
                  <div key={o.question}>
                    <strong>{question(o.question)}</strong>
                    <ul>
                      {o.answers.map((a, i) => (
                        <li key={i}>{a}</li>
                      ))}
                    </ul>
                  </div>
                ))}
              </details>
            )}
          </li>
        ))}
      </ul>
      <h4>{tx('pilot.figures')}</h4>
      <ul class="small" data-testid="pi-figures">
        {l.figures.map((f) => (
          <li key={f.period}>
            {tx(f.period === 'voor' ? 'pilot.periodBefore' : 'pilot.periodAfter')}:{' '}
            {tx('pilot.figuresLine', {
              n: f.newcomers,
              days: fmt(f.daysToBuddy),
              schedule: fmt(f.scheduleDone, '%'),
              onTime: fmt(f.checkInsOnTime, '%'),
              wellbeing: fmt(f.wellbeing),
              re: f.rePairings,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Evaluation(props: { tx: Tx; canExport: boolean }) {
  const { tx } = props;
  const evaluation = useLoad(() => call('getEvaluation'), 'evaluation');
  const dto = evaluation.last;
  const [file, setFile] = useState<IcsFileDto | null>(null);
  const [message, setMessage] = useState('');
  const action = useAction();
  return (
    <section aria-label={tx('pilot.evaluation')}>
      <h2>{tx('pilot.evaluation')}</h2>
      {!dto && (
        <LoadState loaded={evaluation.loaded} tx={tx} retry={() => void evaluation.reload()} id="pi-eval" />
      )}
      {dto && <p class="small">{tx('pilot.minGroup', { min: dto.minGroup })}</p>}
      {dto?.locations.map((l) => (
        <LocationResult key={l.location} dto={dto} location={l} tx={tx} />
      ))}
      {props.canExport && dto && (
        <div class="actions">
          <button
            type="button"
            data-testid="pi-eval-tab"
            onClick={() => action.run(() => call('refreshEvaluationTab').then((r) => setMessage(r.message)))}
          >
            {tx('pilot.writeTab')}
          </button>{' '}
          {file ? (
            <Download file={file} label={tx('privacy.downloadCsv')} testId="pi-csv" />
          ) : (
            <button
              type="button"
              data-testid="pi-export"
              onClick={() => action.run(() => call('exportAnswers').then(setFile))}
            >
              {tx('pilot.export')}
            </button>
          )}
        </div>
      )}
      <Said id="pi-eval" message={message} error={action.error} />
    </section>
  );
}

export function Pilot(props: { language: Language }) {
  const tx = txFor(props.language);
  const pilot = useLoad(() => call('getPilotState'), 'pilot');
  const state = pilot.last;
  const [message, setMessage] = useState('');
  const [showEvaluation, setShowEvaluation] = useState(false);
  if (!state) return <LoadState loaded={pilot.loaded} tx={tx} retry={() => void pilot.reload()} id="pilot" />;
  return (
    <div data-testid="pilot">
      <h2>{tx('pilot.phases')}</h2>
      <p class="small">{tx('pilot.phasesHelp')}</p>
      <Said id="pi" message={message} />
      <ul class="plain">
        {state.phases.map((p) => (
          <PhaseRow
            key={`${p.location}|${p.phase}`}
            {...p}
            canManage={state.canManage}
            tx={tx}
            language={props.language}
            onChanged={(m) => {
              setMessage(m);
              void pilot.reload();
            }}
          />
        ))}
      </ul>
      {state.canManage && (
        <>
          <h2>{tx('pilot.questionnaire')}</h2>
          <p class="small">{tx('pilot.questions', { n: state.questions.length })}</p>
          {state.example && (
            <p class="warning" data-testid="pi-example">
              {tx('pilot.example')}
            </p>
          )}
          <h2>{tx('pilot.rounds')}</h2>
          {state.rounds.length === 0 && <p class="small">{tx('pilot.noRounds')}</p>}
          <ul class="small">
            {state.rounds.map((r) => (
              <li key={r.id} data-testid="pi-round">
                <strong>{r.id}</strong> {r.locations.join(', ')} ·{' '}
                {tx(
                  `pilot.groups.${r.groups === 'beide' ? 'both' : r.groups === 'nieuw' ? 'new' : 'experienced'}`,
                )}{' '}
                · {dayDate(props.language, r.start, state.today)} –{' '}
                {dayDate(props.language, r.closes, state.today)} ·{' '}
                {tx(r.open ? 'pilot.open' : 'pilot.closed')} ·{' '}
                {r.invited
                  ? tx('pilot.answered', { n: r.answered, invited: r.invited })
                  : tx('pilot.answeredOnly', { n: r.answered })}
              </li>
            ))}
          </ul>
          <StartRound
            state={state}
            tx={tx}
            onStarted={(s, m) => {
              pilot.set(s);
              setMessage(m);
            }}
          />
        </>
      )}
      {state.canEvaluate ? (
        showEvaluation ? (
          <Evaluation tx={tx} canExport={state.canManage} />
        ) : (
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid="pi-show-evaluation"
              onClick={() => setShowEvaluation(true)}
            >
              {tx('pilot.showEvaluation')}
            </button>
          </div>
        )
      ) : (
        <p class="small" data-testid="pi-no-evaluation">
          {tx('pilot.noEvaluation')}
        </p>
      )}
    </div>
  );
}
