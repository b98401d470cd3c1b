/**
 * The Overzicht tab: per location (and in total, for the school leader) how onboarding goes, a
 * small chart of check-ins held versus late, and what needs attention. Loaded when the tab opens.
 * Figures only: the server sends no notes and wellbeing only as an average over enough people.
 */
import { type ComponentChildren, Fragment } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { FiguresDto, OverviewDto, SidebarState } from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { ChiefReport } from './chief-report';
import { Said, type Tx, txFor, useLoad } from './kit';
import { call } from './rpc';
import { dutchDate } from './texts';

/** A number with one decimal, with a decimal comma in Dutch. */
function oneDecimal(language: Language, n: number): string {
  const s = n.toFixed(1);
  return language === 'en' ? s : s.replace('.', ',');
}

/** A filled bar for done of total; amber from 75 %, red when full (for a load). */
function Meter(props: { value: number; max: number; tx: Tx; warn?: boolean; testId: string; unit: string }) {
  const { value, max } = props;
  const share = max > 0 ? Math.min(1, value / max) : 0;
  const tone = props.warn ? (share >= 1 ? 'red' : share >= 0.75 ? 'amber' : '') : '';
  return (
    <span class="meter">
      <span class="bar" aria-hidden="true">
        <span class={tone} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span data-testid={props.testId}>{props.tx('overview.of', { n: value, total: max })}</span> {props.unit}
    </span>
  );
}

/** A count that is highlighted when above zero (something to act on), with its unit when given. */
function Count(props: { n: number; testId: string; unit?: string }) {
  return (
    <>
      <span class={props.n > 0 ? 'ov-warn' : undefined} data-testid={props.testId}>
        {props.n}
      </span>
      {props.unit && ` ${props.unit}`}
    </>
  );
}

/** "collega" or "collega's". */
function people(tx: Tx, n: number): string {
  return tx(n === 1 ? 'figures.person' : 'figures.people');
}

function Figure(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="ov-row">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function Card(props: { f: FiguresDto; total?: boolean; tx: Tx; language: Language }) {
  const { f, tx } = props;
  return (
    <section
      class={props.total ? 'card ov-card ov-total' : 'card ov-card'}
      data-testid={props.total ? 'ov-total' : 'ov-card'}
      data-location={f.location}
      aria-label={f.location}
    >
      <div class="line">
        <strong class="name">{f.location}</strong>
        <span class="badge" title={tx('overview.newcomers')}>
          <span data-testid="ov-newcomers">{f.newcomers}</span> {tx('overview.newcomersShort')}
        </span>
      </div>
      <dl class="ov-figures">
        <Figure label={tx('overview.withoutBuddy')}>
          <Count n={f.withoutBuddy} testId="ov-without-buddy" unit={people(tx, f.withoutBuddy)} />
        </Figure>
        {/* A planned packet is not missing: this counts packets not sent and not planned (as the cards). */}
        <Figure label={tx('figures.soonUnplanned')}>
          <Count
            n={f.startingSoonWithoutWelcome}
            testId="ov-soon-without-welcome"
            unit={people(tx, f.startingSoonWithoutWelcome)}
          />
        </Figure>
        <Figure label={tx('overview.schedule')}>
          <Meter
            value={f.scheduleDone}
            max={f.scheduleTotal}
            tx={tx}
            testId="ov-schedule"
            unit={tx('figures.lines')}
          />
        </Figure>
        <Figure label={tx('overview.checkIns')}>
          <span data-testid="ov-held">{f.checkInsHeld}</span> {tx('overview.held')} ·{' '}
          <span data-testid="ov-due">{f.checkInsDue}</span> {tx('overview.due')} ·{' '}
          <Count n={f.checkInsLate} testId="ov-late" /> {tx('overview.late')}
        </Figure>
        <Figure label={tx('overview.wellbeing')}>
          {f.wellbeing === null ? (
            <span title={tx('overview.wellbeingHidden')}>
              <span data-testid="ov-wellbeing">—</span>{' '}
              <span class="small ov-hint" data-testid="ov-wellbeing-hint">
                {tx('overview.wellbeingHiddenShort')}
              </span>
            </span>
          ) : (
            <span data-testid="ov-wellbeing">{oneDecimal(props.language, f.wellbeing)}</span>
          )}
        </Figure>
        <Figure label={tx('overview.load')}>
          <Meter
            value={f.buddyLoadUsed}
            max={f.buddyLoadCapacity}
            tx={tx}
            warn
            testId="ov-load"
            unit={tx('figures.places')}
          />
        </Figure>
        <Figure label={tx('figures.mails')}>
          <Count n={f.mailsFailed} testId="ov-mails-failed" unit={tx('figures.failed')} /> ·{' '}
          <Count n={f.mailsUnknown} testId="ov-mails-unknown" unit={tx('figures.unknown')} />
        </Figure>
      </dl>
    </section>
  );
}

const CHART_WIDTH = 276;
const LABEL_HEIGHT = 13;
const BAR_HEIGHT = 8;
const ROW_GAP = 9;
const VALUE_ROOM = 28;

/** Check-ins held (blue) and late (red) per location, as horizontal bars that fit 300 px. */
function Chart(props: { locations: FiguresDto[]; tx: Tx }) {
  const { locations, tx } = props;
  const max = Math.max(1, ...locations.flatMap((f) => [f.checkInsHeld, f.checkInsLate]));
  const scale = (n: number) => Math.round((n / max) * (CHART_WIDTH - VALUE_ROOM));
  const rowHeight = LABEL_HEIGHT + 2 * BAR_HEIGHT + 2 + ROW_GAP;
  const height = locations.length * rowHeight;
  const summary = locations
    .map((f) => tx('overview.chartRow', { location: f.location, held: f.checkInsHeld, late: f.checkInsLate }))
    .join('; ');
  return (
    <figure class="ov-chart" data-testid="ov-chart">
      <svg
        width="100%"
        height={height}
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        role="img"
        aria-label={`${tx('overview.chart')}: ${summary}`}
      >
        {locations.map((f, i) => {
          const top = i * rowHeight;
          const bars = [
            { kind: 'held', n: f.checkInsHeld, y: top + LABEL_HEIGHT },
            { kind: 'late', n: f.checkInsLate, y: top + LABEL_HEIGHT + BAR_HEIGHT + 2 },
          ];
          return (
            <g key={f.location}>
              <text x={0} y={top + 10} class="ov-chart-label">
                {f.location}
              </text>
              {bars.map((b) => (
                <g key={b.kind}>
                  <rect
                    data-testid="ov-bar"
                    data-location={f.location}
                    data-kind={b.kind}
                    data-value={b.n}
                    class={`ov-bar-${b.kind}`}
                    x={0}
                    y={b.y}
                    width={Math.max(b.n > 0 ? 2 : 0, scale(b.n))}
                    height={BAR_HEIGHT}
                    rx={2}
                  />
                  <text x={scale(b.n) + 4} y={b.y + BAR_HEIGHT - 1} class="ov-chart-value">
                    {b.n}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption class="small ov-legend">
        <span>
          <i class="ov-key ov-bar-held" /> {tx('overview.held')}
        </span>
        <span>
          <i class="ov-key ov-bar-late" /> {tx('overview.late')}
        </span>
      </figcaption>
    </figure>
  );
}

/** The attention list, grouped by location in the order of the cards (others after). */
function Attention(props: { data: OverviewDto; tx: Tx }) {
  const { data, tx } = props;
  const order = data.locations.map((f) => f.location);
  for (const a of data.attention) if (!order.includes(a.location)) order.push(a.location);
  const groups = order
    .map((location) => ({ location, items: data.attention.filter((a) => a.location === location) }))
    .filter((g) => g.items.length > 0);
  if (!groups.length) {
    return (
      <p class="small" data-testid="ov-attention-none">
        {tx('overview.nothing')}
      </p>
    );
  }
  return (
    <>
      {groups.map((g) => (
        <div
          key={g.location}
          class="ov-attention"
          data-testid="ov-attention-group"
          data-location={g.location}
        >
          <h3>
            {g.location} ({g.items.length})
          </h3>
          <ul class="plain">
            {g.items.map((a, i) => (
              <li key={`${a.code}-${i}`} data-testid="ov-attention-item" data-code={a.code}>
                {a.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function fetchOverview(location: string): Promise<OverviewDto> {
  return location ? call('getOverview', location) : call('getOverview');
}

export function Overview(props: { state: SidebarState; language: Language }) {
  const { state, language } = props;
  const tx: Tx = txFor(language);
  const leader = state.user.role === 'schoolleider';
  // A chef buddy sees the location chosen above; the school leader all four and the total.
  const location = leader ? '' : (state.pairing?.location ?? '');
  // Only the latest answer is shown, so a refresh after an update of the tab cannot undo it.
  const load = useLoad(() => fetchOverview(location), location);
  const data = load.last;
  const loading = load.busy;
  // An error shows until the next answer; while a fetch runs, the figures on screen stay.
  const error = load.loaded.kind === 'error' && !load.busy ? load.loaded.message : '';
  const [notice, setNotice] = useState('');
  const tab = useAction();
  const attentionId = useId();

  const refresh = () => {
    setNotice('');
    tab.clear();
    void load.reload();
  };
  const updateTab = () => {
    setNotice('');
    tab.run(async () => {
      load.set(await call('refreshOverviewTab'));
      setNotice(tx('overview.tabUpdated'));
    });
  };

  if (!data) {
    if (loading) {
      return (
        <section data-testid="overview-tab">
          <p class="spinner" data-testid="ov-loading">
            {tx('overview.loading')}
          </p>
        </section>
      );
    }
    return (
      <section data-testid="overview-tab">
        <div class="error" role="alert" data-testid="ov-error">
          {error}
        </div>
        <button type="button" onClick={refresh} data-testid="ov-retry">
          {tx('overview.retry')}
        </button>
      </section>
    );
  }

  return (
    <section data-testid="overview-tab" aria-busy={loading}>
      <div class="line ov-head">
        <span class="small" data-testid="ov-today">
          {loading ? tx('overview.updating') : tx('overview.asOf', { date: dutchDate(data.today) })}
        </span>
        <button type="button" onClick={refresh} disabled={loading} data-testid="ov-refresh">
          {tx('overview.refresh')}
        </button>
      </div>
      <Said id="ov" error={error} errorTestId="ov-error" />
      {data.locations.length === 0 ? (
        <p class="small" data-testid="ov-no-locations">
          {tx('overview.noLocations')}
        </p>
      ) : (
        data.locations.map((f, i) => (
          <Fragment key={f.location}>
            {/* Issue 15: grouped by phase; a heading only where phases differ. */}
            {f.phase &&
            data.locations.some((g) => g.phase !== f.phase) &&
            data.locations[i - 1]?.phase !== f.phase ? (
              <h3 data-testid="ov-phase">{tx('pilot.phaseGroup', { phase: f.phase })}</h3>
            ) : null}
            <Card f={f} tx={tx} language={language} />
          </Fragment>
        ))
      )}
      {data.total && <Card f={data.total} total tx={tx} language={language} />}
      {data.locations.length > 0 && (
        <>
          <h2>{tx('overview.chart')}</h2>
          <Chart locations={data.locations} tx={tx} />
        </>
      )}
      {state.user.role === 'chefbuddy' && location && <ChiefReport location={location} language={language} />}
      <section aria-labelledby={attentionId} data-testid="ov-attention">
        <h2 id={attentionId}>{tx('overview.attention')}</h2>
        <Attention data={data} tx={tx} />
      </section>
      {leader && (
        <div class="ov-tab">
          <p class="small">{tx('overview.updateTabHint')}</p>
          <button
            type="button"
            class="primary"
            onClick={updateTab}
            disabled={tab.busy}
            aria-busy={tab.busy}
            data-testid="ov-update-tab"
          >
            {tab.busy ? tx('overview.updatingTab') : tx('overview.updateTab')}
          </button>
          <Said id="ov-tab" message={notice} error={tab.error} errorTestId="ov-tab-error" />
        </div>
      )}
    </section>
  );
}
