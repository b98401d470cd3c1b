/**
 * The sandbox page: the workbook as an editable grid, the Wegwijs menu as onOpen built it, the
 * sidebar (the built Sidebar.html in an iframe), a user switcher, the clock, the trigger button and
 * the outbox. Everything the user reads here is Dutch. It talks to the sandbox's HTTP API only.
 */
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type Alert,
  api,
  type Banner,
  type Clock,
  type Dialog,
  formatDutchDay,
  type Grid,
  type Mail,
  type Menu,
  parseTsv,
  type Shown,
  USER_KEY,
  type User,
  userLabel,
} from './api.ts';
import { useScriptRunBridge } from './bridge.ts';
import type { SheetChart } from './charts.tsx';
import { SheetGrid } from './grid.tsx';
import { MenuBar } from './menu.tsx';
import { Outbox } from './outbox.tsx';
import { ScopeControl } from './scopes.tsx';

function App() {
  const [users, setUsers] = useState<User[]>([]);
  const [user, setUser] = useState<string | null>(null);
  const userRef = useRef<string>('');
  const [clock, setClock] = useState<Clock | null>(null);
  const [menus, setMenus] = useState<Menu[]>([]);
  const [tabs, setTabs] = useState<Record<string, Grid>>({});
  const [charts, setCharts] = useState<Record<string, SheetChart[]>>({});
  const [activeTab, setActiveTab] = useState<string>('');
  const [extraRows, setExtraRows] = useState<Record<string, number>>({});
  const [mails, setMails] = useState<Mail[]>([]);
  const [view, setView] = useState<'sheet' | 'mail'>('sheet');
  const [sidebar, setSidebar] = useState<{ index: number; title: string } | null>(null);
  const [sidebarKey, setSidebarKey] = useState(0);
  const [dialogs, setDialogs] = useState<Dialog[]>([]);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const [pickDate, setPickDate] = useState('');
  const sidebarFrame = useRef<HTMLIFrameElement>(null);
  const dialogFrame = useRef<HTMLIFrameElement>(null);
  const refreshTimer = useRef<number | undefined>(undefined);

  const showError = useCallback((prefix: string, error: unknown) => {
    setBanner({
      kind: 'error',
      text: `${prefix}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }, []);

  const loadWorkbook = useCallback(async () => {
    const data = await api<{ tabs: Record<string, Grid>; charts?: Record<string, SheetChart[]> }>(
      'GET',
      '/api/workbook',
    );
    setTabs(data.tabs);
    setCharts(data.charts ?? {});
    setActiveTab((current) =>
      current && current in data.tabs ? current : (Object.keys(data.tabs)[0] ?? ''),
    );
  }, []);
  const loadOutbox = useCallback(async () => setMails(await api<Mail[]>('GET', '/api/outbox')), []);
  const loadClock = useCallback(async () => setClock(await api<Clock>('GET', '/api/clock')), []);
  const loadUsers = useCallback(async () => {
    const data = await api<{ users: User[] }>('GET', '/api/users');
    setUsers(data.users);
    return data.users;
  }, []);

  /** Everything the server may have changed: grid, outbox, switcher. */
  const refreshAll = useCallback(async () => {
    try {
      await Promise.all([loadWorkbook(), loadOutbox(), loadUsers()]);
    } catch (error) {
      showError('Verversen mislukt', error);
    }
  }, [loadWorkbook, loadOutbox, loadUsers, showError]);

  const scopeError = useCallback((error: unknown) => showError('Toestemmingen', error), [showError]);

  const scheduleRefresh = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => void refreshAll(), 100);
  }, [refreshAll]);

  const applyShown = useCallback((shown: Shown | undefined) => {
    if (!shown) return;
    const last = shown.sidebars[shown.sidebars.length - 1];
    if (last) {
      setSidebar(last);
      setSidebarKey((k) => k + 1);
    }
    if (shown.dialogs.length) setDialogs((d) => [...d, ...shown.dialogs]);
    if (shown.alerts.length) setAlerts((a) => [...a, ...shown.alerts]);
  }, []);

  /** Runs a global as a menu click does; shows what it showed, or its error. */
  const runMenu = useCallback(
    async (fn: string, caption: string) => {
      setBanner(null);
      try {
        // Not api(): a failed run still answers what it showed before it failed.
        const response = await fetch(`/api/run/${encodeURIComponent(fn)}`, {
          method: 'POST',
          headers: { 'X-Wegwijs-User': userRef.current },
        });
        const result = (await response.json()) as { ok: boolean; error?: string; shown?: Shown };
        applyShown(result.shown);
        if (!result.ok)
          showError(`“${caption}” mislukt`, new Error(result.error ?? `HTTP ${response.status}`));
      } catch (error) {
        showError(`“${caption}” mislukt`, error);
      }
      scheduleRefresh();
    },
    [applyShown, scheduleRefresh, showError],
  );

  const loadMenu = useCallback(
    async (email: string) => {
      try {
        const data = await api<{ menus: Menu[] }>('POST', '/api/menu', undefined, email);
        setMenus(data.menus);
      } catch (error) {
        showError('Menu laden mislukt', error);
      }
    },
    [showError],
  );

  // First load: users, clock, workbook, outbox; then the menu and the sidebar for the chosen user.
  useEffect(() => {
    void (async () => {
      try {
        const [list] = await Promise.all([loadUsers(), loadClock(), loadWorkbook(), loadOutbox()]);
        const remembered = localStorage.getItem(USER_KEY);
        const chosen = list.find((u) => u.email === remembered)?.email ?? list[0]?.email ?? '';
        userRef.current = chosen;
        setUser(chosen);
        await loadMenu(chosen);
        const info = await api<{ sidebars: number; functions: string[] }>('GET', '/api/info');
        if (info.sidebars > 0) setSidebar({ index: info.sidebars - 1, title: 'Wegwijs' });
        else if (info.functions.includes('showSidebar')) await runMenu('showSidebar', 'Zijbalk openen');
      } catch (error) {
        showError('Laden mislukt', error);
      }
    })();
  }, [loadUsers, loadClock, loadWorkbook, loadOutbox, loadMenu, runMenu, showError]);

  // The bridge for google.script.run: calls from the sidebar or a dialog go to /rpc as the chosen user.
  useScriptRunBridge({
    frames: [sidebarFrame, dialogFrame],
    userRef,
    onClose: (frame) => {
      if (frame === sidebarFrame.current) setSidebar(null);
      else setDialogs((d) => d.slice(1));
    },
    afterCall: scheduleRefresh,
  });

  const switchUser = async (email: string) => {
    userRef.current = email;
    setUser(email);
    localStorage.setItem(USER_KEY, email);
    await loadMenu(email);
    // The sidebar's document is the same for everyone; reloading it makes its calls as the new user.
    setSidebarKey((k) => k + 1);
  };

  const commitCell = useCallback(
    async (row: number, col: number, text: string) => {
      try {
        const data = await api<{ values: Grid }>('PATCH', `/api/workbook/${encodeURIComponent(activeTab)}`, {
          cells: [{ row, col, value: text }],
        });
        setTabs((t) => ({ ...t, [activeTab]: data.values }));
      } catch (error) {
        showError('Opslaan mislukt', error);
      }
    },
    [activeTab, showError],
  );

  const pasteBlock = useCallback(
    async (row: number, col: number, rows: string[][]) => {
      const cells = rows.flatMap((line, r) =>
        line.map((value, c) => ({ row: row + r, col: col + c, value })),
      );
      try {
        const data = await api<{ values: Grid }>('PATCH', `/api/workbook/${encodeURIComponent(activeTab)}`, {
          cells,
        });
        setTabs((t) => ({ ...t, [activeTab]: data.values }));
      } catch (error) {
        showError('Plakken mislukt', error);
      }
    },
    [activeTab, showError],
  );

  const appendRows = async () => {
    try {
      const data = await api<{ values: Grid }>(
        'POST',
        `/api/workbook/${encodeURIComponent(activeTab)}/rows`,
        {
          rows: parseTsv(pasteText),
        },
      );
      setTabs((t) => ({ ...t, [activeTab]: data.values }));
      setPasteOpen(false);
      setPasteText('');
    } catch (error) {
      showError('Rijen plakken mislukt', error);
    }
  };

  const moveClock = async (body: unknown) => {
    try {
      setClock(await api<Clock>('POST', '/api/clock', body));
      setBanner(null);
    } catch (error) {
      showError('Klok verzetten mislukt', error);
    }
  };

  const fireTriggers = async () => {
    try {
      const data = await api<{ fired: { handler: string; owner: string; ok: boolean; error?: string }[] }>(
        'POST',
        '/api/triggers/fire',
      );
      const failed = data.fired.filter((f) => !f.ok);
      if (data.fired.length === 0)
        setBanner({ kind: 'info', text: 'Er zijn geen tijdgestuurde triggers geïnstalleerd.' });
      else if (failed.length) {
        setBanner({
          kind: 'error',
          text: failed.map((f) => `${f.handler} (als ${f.owner}): ${f.error}`).join(' · '),
        });
      } else {
        setBanner({
          kind: 'info',
          text: `Uitgevoerd: ${data.fired.map((f) => `${f.handler} (als ${f.owner})`).join(', ')}.`,
        });
      }
    } catch (error) {
      showError('Triggers uitvoeren mislukt', error);
    }
    scheduleRefresh();
  };

  const resetDemo = async () => {
    setConfirmReset(false);
    try {
      await api('POST', '/api/reset');
      setSidebar(null);
      setDialogs([]);
      setAlerts([]);
      await Promise.all([refreshAll(), loadClock()]);
      await loadMenu(userRef.current);
      await runMenu('showSidebar', 'Zijbalk openen');
      setBanner({ kind: 'info', text: 'De demogegevens zijn teruggezet.' });
    } catch (error) {
      showError('Terugzetten mislukt', error);
    }
  };

  const tabNames = useMemo(() => Object.keys(tabs), [tabs]);
  const values = tabs[activeTab] ?? [];
  const dialog = dialogs[0];
  const alert = alerts[0];

  return (
    <div class="app">
      <header class="toolbar">
        <strong class="brand">Wegwijs sandbox</strong>
        <MenuBar menus={menus} onRun={(fn, caption) => void runMenu(fn, caption)} />
        <label class="field">
          Gebruiker
          <select
            data-testid="user-switcher"
            value={user ?? ''}
            onChange={(e) => void switchUser((e.target as HTMLSelectElement).value)}
          >
            {users.map((u) => (
              <option key={u.email} value={u.email}>
                {userLabel(u)}
              </option>
            ))}
          </select>
        </label>
        <a
          data-testid="open-mijn"
          href={`/mijn?user=${encodeURIComponent(user ?? '')}`}
          target="_blank"
          rel="noopener"
          title="De web-pagina voor nieuwe collega's en buddy's, als deze gebruiker"
        >
          Mijn Wegwijs ↗
        </a>
        <span class="clock" data-testid="today" title={clock?.now}>
          Vandaag: {clock ? formatDutchDay(clock.today) : '…'} {clock ? clock.now.slice(11, 16) : ''}
        </span>
        <button type="button" data-testid="clock-day" onClick={() => void moveClock({ days: 1 })}>
          +1 dag
        </button>
        <button type="button" data-testid="clock-week" onClick={() => void moveClock({ days: 7 })}>
          +1 week
        </button>
        <input
          type="date"
          aria-label="Datum kiezen"
          data-testid="clock-date"
          value={pickDate}
          onInput={(e) => setPickDate((e.target as HTMLInputElement).value)}
        />
        <button type="button" disabled={!pickDate} onClick={() => void moveClock({ date: pickDate })}>
          Naar datum
        </button>
        <ScopeControl onChange={scheduleRefresh} onError={scopeError} />
        <button type="button" data-testid="fire-triggers" onClick={() => void fireTriggers()}>
          Triggers uitvoeren
        </button>
        {confirmReset ? (
          <span class="confirm">
            Alles terug naar de demogegevens?{' '}
            <button type="button" data-testid="reset-yes" onClick={() => void resetDemo()}>
              Ja
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              Nee
            </button>
          </span>
        ) : (
          <button type="button" data-testid="reset" onClick={() => setConfirmReset(true)}>
            Demo terugzetten
          </button>
        )}
      </header>
      {banner ? (
        <div
          class={`banner ${banner.kind}`}
          role={banner.kind === 'error' ? 'alert' : 'status'}
          data-testid={`banner-${banner.kind}`}
        >
          <span>{banner.text}</span>
          <button type="button" aria-label="Sluiten" onClick={() => setBanner(null)}>
            ×
          </button>
        </div>
      ) : null}
      <div class="body">
        <main class="main">
          <div class="views" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={view === 'sheet'}
              onClick={() => setView('sheet')}
            >
              Werkblad
            </button>
            <button
              type="button"
              role="tab"
              data-testid="view-outbox"
              aria-selected={view === 'mail'}
              onClick={() => setView('mail')}
            >
              Verzonden mail ({mails.length})
            </button>
          </div>
          {view === 'sheet' ? (
            <>
              <div class="sheet-actions">
                <button
                  type="button"
                  data-testid="add-row"
                  onClick={() => setExtraRows((x) => ({ ...x, [activeTab]: (x[activeTab] ?? 0) + 1 }))}
                >
                  Rij toevoegen
                </button>
                <button type="button" data-testid="paste-rows" onClick={() => setPasteOpen(true)}>
                  Rijen plakken…
                </button>
                <span class="muted">
                  Een cel bewerken: klik, typ, Enter. Plakken vanuit een spreadsheet kan ook in een cel.
                </span>
              </div>
              {tabNames.length === 0 ? (
                <p class="muted">Het werkblad heeft geen tabbladen.</p>
              ) : (
                <SheetGrid
                  tab={activeTab}
                  values={values}
                  charts={charts[activeTab] ?? []}
                  extraRows={extraRows[activeTab] ?? 0}
                  onCommit={(r, c, t) => void commitCell(r, c, t)}
                  onPasteBlock={(r, c, rows) => void pasteBlock(r, c, rows)}
                />
              )}
              <nav class="tabs" aria-label="Tabbladen">
                {tabNames.map((name) => (
                  <button
                    type="button"
                    key={name}
                    data-testid={`tab-${name}`}
                    aria-current={name === activeTab ? 'page' : undefined}
                    onClick={() => setActiveTab(name)}
                  >
                    {name}
                  </button>
                ))}
              </nav>
            </>
          ) : (
            <Outbox mails={mails} />
          )}
        </main>
        <aside class="sidebar" aria-label="Zijbalk">
          {sidebar ? (
            <>
              <div class="sidebar-title">
                <span>{sidebar.title || 'Wegwijs'}</span>
                <button type="button" aria-label="Zijbalk sluiten" onClick={() => setSidebar(null)}>
                  ×
                </button>
              </div>
              <iframe
                key={sidebarKey}
                ref={sidebarFrame}
                data-testid="sidebar-frame"
                title={sidebar.title || 'Wegwijs'}
                src={`/ui/sidebar/${sidebar.index}`}
                sandbox="allow-scripts allow-forms allow-popups allow-modals allow-downloads"
              />
            </>
          ) : (
            <div class="sidebar-closed">
              <p class="muted">De zijbalk is dicht.</p>
              <button
                type="button"
                data-testid="open-sidebar"
                onClick={() => void runMenu('showSidebar', 'Zijbalk openen')}
              >
                Zijbalk openen
              </button>
            </div>
          )}
        </aside>
      </div>
      {pasteOpen ? (
        <div class="overlay">
          <div class="modal" role="dialog" aria-label="Rijen plakken">
            <h2>Rijen plakken in “{activeTab}”</h2>
            <p>
              Plak rijen uit een spreadsheet (kolommen gescheiden door tabs). Ze komen onder de laatste rij.
            </p>
            <textarea
              data-testid="paste-text"
              rows={10}
              value={pasteText}
              onInput={(e) => setPasteText((e.target as HTMLTextAreaElement).value)}
            />
            <div class="buttons">
              <button
                type="button"
                data-testid="paste-submit"
                disabled={!pasteText.trim()}
                onClick={() => void appendRows()}
              >
                Toevoegen
              </button>
              <button type="button" onClick={() => setPasteOpen(false)}>
                Annuleren
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {dialog ? (
        <div class="overlay">
          <div
            class="modal dialog"
            role="dialog"
            aria-label={dialog.title}
            style={{ width: `${dialog.width + 32}px` }}
          >
            <div class="dialog-title">
              <h2>{dialog.title}</h2>
              <button type="button" aria-label="Sluiten" onClick={() => setDialogs((d) => d.slice(1))}>
                ×
              </button>
            </div>
            <iframe
              ref={dialogFrame}
              data-testid="dialog-frame"
              title={dialog.title}
              src={`/ui/dialog/${dialog.index}`}
              sandbox="allow-scripts allow-forms allow-popups allow-modals allow-downloads"
              style={{ width: `${dialog.width}px`, height: `${dialog.height}px` }}
            />
          </div>
        </div>
      ) : null}
      {alert && !dialog ? (
        <div class="overlay">
          <div class="modal" role="alertdialog" data-testid="alert" aria-label={alert.title || 'Melding'}>
            {alert.title ? <h2>{alert.title}</h2> : null}
            <p class="alert-message">{alert.message}</p>
            <p class="muted">Het script kreeg als antwoord: {alert.response}.</p>
            <div class="buttons">
              <button type="button" data-testid="alert-ok" onClick={() => setAlerts((a) => a.slice(1))}>
                OK
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
