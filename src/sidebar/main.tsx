/**
 * The Wegwijs sidebar: who you are, your role and locations, what needs attention, and for a
 * school leader or chef buddy the buddy pairing of one location. Preact renders all text as text,
 * so nothing from the sheet can become markup.
 */
import { render } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SidebarState } from '../shared/api';
import { type Language, languageOf } from '../shared/language';
import { Said } from './kit';
import { lazy } from './lazy';
import { Newcomers } from './newcomers';
import { Pairing } from './pairing';
import { call } from './rpc';
import { type TextKey, text } from './texts';
import { type Focus, Week } from './week';

const Overview = lazy('Overview');
const Pilot = lazy('Pilot');
const Privacy = lazy('Privacy');

/** The role's name; typed per role, so a missing text fails the typecheck. */
const ROLE_TEXT: Record<SidebarState['user']['role'], TextKey> = {
  schoolleider: 'shell.role.schoolleider',
  chefbuddy: 'shell.role.chefbuddy',
  buddy: 'shell.role.buddy',
  medewerker: 'shell.role.medewerker',
  onbekend: 'shell.role.onbekend',
};

/** How often an open sidebar asks whether the scheduled run has run since it read the sheet. */
const FRESHNESS_CHECK_MS = 60_000;

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; state: SidebarState };

function fetchState(location: string): Promise<SidebarState> {
  return location ? call('getSidebarState', location) : call('getSidebarState');
}

/** The locations this user may switch between: all for the school leader, their own for a chef buddy. */
type TabId = 'week' | 'pairing' | 'newcomers' | 'overview' | 'privacy';

/** The tab labels: short enough that five fit the 300 px sidebar on one line (the full name is the title). */
const TAB_TEXT: Record<TabId, TextKey> = {
  week: 'tab.week',
  pairing: 'tab.pairing',
  newcomers: 'tab.newcomersShort',
  overview: 'tab.overview',
  privacy: 'tab.privacy',
};

/** What this user may open: chef buddies and the school leader all but privacy (leader only). */
function tabsFor(state: SidebarState): TabId[] {
  const { role } = state.user;
  if (role === 'schoolleider') return ['week', 'pairing', 'newcomers', 'overview', 'privacy'];
  if (role === 'chefbuddy') return ['week', 'pairing', 'newcomers', 'overview'];
  // A buddy is pointed to Mijn Wegwijs; only while it has no address does the sidebar show their newcomers.
  if (role === 'buddy') return state.pointToPage && state.pageUrl ? [] : ['newcomers'];
  return [];
}

/**
 * Whether the location on screen filters this tab: "Deze week", pairing and newcomers always; the
 * overview for a chef buddy (the school leader's overview shows every location and the total).
 */
function filtersByLocation(tab: TabId, role: SidebarState['user']['role']): boolean {
  return (
    tab === 'week' ||
    tab === 'pairing' ||
    tab === 'newcomers' ||
    (tab === 'overview' && role !== 'schoolleider')
  );
}

function switchable(state: SidebarState): string[] {
  if (!state.pairing) return [];
  return state.user.role === 'schoolleider' ? state.locations : state.user.locations;
}

/** The page's address for the school leader and chef buddies to pass on, with a copy button. */
function PageAddress({ url, language }: { url: string; language: Language }) {
  const [copied, setCopied] = useState(false);
  const t = (k: TextKey) => text(language, k);
  if (!url)
    return (
      <p class="small" data-testid="page-url-none">
        {t('shell.pageNone')}
      </p>
    );
  return (
    <section class="card page-url" aria-label={t('shell.page')}>
      <label class="small" for="page-url">
        {t('shell.page')}
      </label>
      <div class="line">
        <input
          id="page-url"
          data-testid="page-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          data-testid="page-url-copy"
          onClick={() => {
            const input = document.getElementById('page-url') as HTMLInputElement | null;
            input?.select();
            // The sidebar's iframe may not reach the clipboard API; selecting and copying works there.
            const done = navigator.clipboard?.writeText
              ? navigator.clipboard.writeText(url).then(
                  () => true,
                  () => document.execCommand('copy'),
                )
              : Promise.resolve(document.execCommand('copy'));
            void done.then((ok) => setCopied(ok));
          }}
        >
          {t('shell.pageCopy')}
        </button>
      </div>
      {copied ? (
        <span class="small" role="status">
          {t('shell.pageCopied')}
        </span>
      ) : null}
    </section>
  );
}

function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [updating, setUpdating] = useState(false);
  const [switchError, setSwitchError] = useState('');
  // The location asked for last; a ref as well, so reloads after an action keep it.
  const wanted = useRef('');
  const [shownWanted, setShownWanted] = useState('');
  // The location of the pairing on screen.
  const shown = useRef('');
  // Only the answer to the latest request is shown, so a quick second switch wins.
  const latest = useRef(0);
  const selectId = useId();
  const [tab, setTab] = useState<TabId>('week');
  // When the scheduled run did its work after the state on screen was read: its time, else ''.
  const [staleSince, setStaleSince] = useState('');
  // Issue 15: under Overzicht, the figures or the pilot and its evaluation (no sixth tab: five fit 300 px).
  const [overviewView, setOverviewView] = useState<'figures' | 'pilot'>('figures');
  // What a "Deze week" item opened: the newcomer to show on the tab it leads to.
  const [focus, setFocus] = useState<Focus | null>(null);
  const open = (f: Focus) => {
    setFocus(f);
    setTab(f.tab);
  };
  const language: Language = load.kind === 'ready' ? load.state.language : languageOf(navigator.language);
  const t = (key: TextKey, params?: Record<string, string | number>) => text(language, key, params);

  /** Shows a fetched state, unless a newer fetch has started since (its answer wins). */
  const show = (n: number) => (state: SidebarState) => {
    if (n !== latest.current) return;
    shown.current = state.pairing?.location ?? '';
    setLoad({ kind: 'ready', state });
    setStaleSince('');
    setUpdating(false);
  };

  const refresh = useCallback(() => {
    const n = ++latest.current;
    setLoad({ kind: 'loading' });
    setSwitchError('');
    fetchState(wanted.current).then(show(n), (error: Error) => {
      if (n !== latest.current) return;
      setLoad({ kind: 'error', message: error.message });
      setUpdating(false);
    });
  }, []);
  useEffect(refresh, []);

  /**
   * Fetches the state again while the current one stays on screen; never rejects. When it fails,
   * the location on screen stays the one asked for next time.
   */
  const reload = useCallback((location: string = wanted.current): Promise<void> => {
    const n = ++latest.current;
    setUpdating(true);
    setSwitchError('');
    return fetchState(location).then(show(n), (error: Error) => {
      if (n !== latest.current) return;
      wanted.current = shown.current;
      setShownWanted(shown.current);
      setSwitchError(error.message);
      setUpdating(false);
    });
  }, []);

  /**
   * After the hourly run the state on screen may be out of date (a packet sent, a check-in late):
   * while the sidebar is visible it asks when the run last worked, and when that was after the
   * state was read, it says so and reads again. Never shows a state read before a run as current.
   */
  const readAt = load.kind === 'ready' ? load.state.readAt : '';
  useEffect(() => {
    if (!readAt) return;
    let live = true;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      call('getLastRun').then(
        (run) => {
          if (!live || !run.at || Date.parse(run.at) <= Date.parse(readAt)) return;
          setStaleSince(run.at);
          void reload();
        },
        // A failed check changes nothing on screen; the next one (or any action) tries again.
        () => undefined,
      );
    };
    const timer = setInterval(check, FRESHNESS_CHECK_MS);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [readAt, reload]);

  const switchTo = (location: string) => {
    wanted.current = location;
    setShownWanted(location);
    void reload(location);
  };

  if (load.kind === 'loading') {
    return (
      <main>
        <p class="spinner" data-testid="loading">
          {t('shell.loading')}
        </p>
      </main>
    );
  }
  if (load.kind === 'error') {
    return (
      <main>
        <div class="error" data-testid="error" role="alert">
          {load.message}
        </div>
        <button type="button" onClick={refresh}>
          {t('shell.retry')}
        </button>
      </main>
    );
  }
  const { state } = load;
  const { user, pairing } = state;
  const options = switchable(state);
  const tabs = tabsFor(state);
  const current = tabs.includes(tab) ? tab : (tabs[0] ?? 'newcomers');
  return (
    <main>
      <h1>{'Wegwijs'}</h1>
      <section class="card who" aria-label={t('shell.you')}>
        <div class="line">
          {user.name ? <strong data-testid="user-name">{user.name}</strong> : <strong>{user.email}</strong>}
          <span class="badge" data-testid="user-role" title={t('shell.role')}>
            {t(ROLE_TEXT[user.role])}
          </span>
        </div>
        <div class="small" data-testid="user-email">
          {user.email}
        </div>
        {user.role !== 'onbekend' && (
          <div class="small">
            {t('shell.locations')}:{' '}
            <span data-testid="user-locations">
              {user.role === 'schoolleider' ? t('shell.allLocations') : user.locations.join(', ')}
            </span>
          </div>
        )}
      </section>
      {state.message && (
        <p class="message" data-testid="message">
          {state.message}
          {state.pointToPage && state.pageUrl ? (
            <>
              {' '}
              <a href={state.pageUrl} target="_blank" rel="noopener" data-testid="page-link">
                {t('shell.pageOpen')}
              </a>
            </>
          ) : null}
        </p>
      )}
      {(user.role === 'schoolleider' || user.role === 'chefbuddy') && (
        <PageAddress url={state.pageUrl} language={language} />
      )}
      {state.warnings.length > 0 && (
        <section aria-label={t('shell.warnings')}>
          <h2>{t('shell.warnings')}</h2>
          {state.warnings.map((w) => (
            <div class="warning" data-testid="warning" key={w}>
              {w}
            </div>
          ))}
        </section>
      )}
      {/* The location chooser filters "Deze week", pairing and newcomers; where it would not filter, it is not shown. */}
      {pairing && filtersByLocation(current, user.role) && (
        <>
          <div class="location" aria-busy={updating}>
            {options.length > 1 ? (
              <>
                <label for={selectId}>{text(language, 'pairing.location')}</label>
                <select
                  id={selectId}
                  data-testid="location-select"
                  value={shownWanted || pairing.location}
                  onChange={(e) => switchTo(e.currentTarget.value)}
                >
                  {options.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <>
                <span>{text(language, 'pairing.location')}</span>
                <strong data-testid="pairing-location">{pairing.location}</strong>
              </>
            )}
            {updating && (
              <span class="small" data-testid="updating">
                {text(language, 'pairing.updating')}
              </span>
            )}
          </div>
          <Said id="switch" error={switchError} />
        </>
      )}
      {tabs.length > 1 && (
        <div class="tabs" role="tablist" aria-label="Wegwijs">
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={id === current}
              class={id === current ? 'tab active' : 'tab'}
              data-testid={`tab-${id}`}
              title={id === 'newcomers' ? t('tab.newcomers') : undefined}
              onClick={() => {
                setFocus(null);
                setTab(id);
              }}
            >
              {t(TAB_TEXT[id])}
            </button>
          ))}
        </div>
      )}
      {current === 'week' && <Week state={state} language={language} onOpen={open} />}
      {current === 'pairing' && pairing && (
        <Pairing
          key={`${pairing.location}|${focus?.email ?? ''}|${focus?.replace ? 'replace' : ''}`}
          overview={pairing}
          language={language}
          reload={reload}
          focusEmail={focus?.tab === 'pairing' ? focus.email : ''}
          replaceEmail={focus?.tab === 'pairing' && focus.replace ? focus.email : ''}
          welcome={state.welcome}
          today={state.today}
          onOpenNewcomer={(email) => open({ tab: 'newcomers', email })}
        />
      )}
      {current === 'newcomers' && tabs.includes('newcomers') && (
        <Newcomers
          key={focus?.tab === 'newcomers' ? focus.email : ''}
          state={state}
          language={language}
          reload={reload}
          focusEmail={focus?.tab === 'newcomers' ? focus.email : ''}
          onFocus={open}
        />
      )}
      {current === 'overview' && (
        <nav class="subtabs" aria-label={t('tab.overview')}>
          {(['figures', 'pilot'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={overviewView === v}
              class={overviewView === v ? 'subtab active' : 'subtab'}
              data-testid={`overview-${v}`}
              onClick={() => setOverviewView(v)}
            >
              {t(v === 'figures' ? 'pilot.viewFigures' : 'pilot.viewPilot')}
            </button>
          ))}
        </nav>
      )}
      {current === 'overview' && overviewView === 'figures' && <Overview state={state} language={language} />}
      {current === 'overview' && overviewView === 'pilot' && <Pilot language={language} />}
      {current === 'privacy' && <Privacy state={state} language={language} />}
      <div class="actions">
        <button type="button" onClick={refresh} data-testid="refresh">
          {t('shell.refresh')}
        </button>
      </div>
      <p class="muted">
        Wegwijs {state.version} · {state.today} ·{' '}
        <span data-testid="read-at" class="nowrap">
          {updating
            ? t('pairing.updating')
            : staleSince
              ? t('sheet.stale', { time: state.readAt.slice(11, 16), run: staleSince.slice(11, 16) })
              : t('week.readAt', { time: state.readAt.slice(11, 16) })}
        </span>
      </p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
