/**
 * The sandbox page: the workbook as an editable grid, the Wegwijs menu as onOpen built it, the
 * sidebar (the built Sidebar.html in an iframe), a user switcher, the clock, the trigger button and
 * the outbox. Everything the user reads here is Dutch. It talks to the sandbox's HTTP API only.
 */
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type SheetChart, SheetCharts } from './charts.tsx';
import type { HostMessage, RpcRequestMessage, RpcResultMessage } from './shim.ts';

type Cell = string | number | boolean | null;
type Grid = Cell[][];

interface User {
  email: string;
  name: string;
  role: string;
  location: string;
}
interface Clock {
  now: string;
  today: string;
  timeZone: string;
}
type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: Menu };
interface Menu {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}
interface Mail {
  id: number;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  attachments: { name: string | null; mimeType: string | null; size: number; url: string }[];
  sentAt: string | null;
}
interface Alert {
  kind: string;
  title: string;
  message: string;
  buttons: string;
  response: string;
}
interface Dialog {
  index: number;
  title: string;
  width: number;
  height: number;
  kind: string;
}
interface Shown {
  sidebars: { index: number; title: string }[];
  dialogs: Dialog[];
  alerts: Alert[];
}
interface Banner {
  kind: 'error' | 'info';
  text: string;
}

const USER_KEY = 'wegwijs-sandbox.user';

/** The sandbox API; errors come back as `{ok:false,error}`, thrown here as Error. */
async function api<T>(method: string, path: string, body?: unknown, user?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (user !== undefined) headers['X-Wegwijs-User'] = user;
  const response = await fetch(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const data = (await response.json()) as T & { ok?: boolean; error?: string };
  if (!response.ok || data.ok === false) throw new Error(data.error ?? `HTTP ${response.status}`);
  return data;
}

const ROLE_LABEL: Record<string, string> = {
  schoolleider: 'schoolleider',
  'chef buddy': 'chef buddy',
  buddy: 'buddy',
  medewerker: 'medewerker',
  onbekend: 'onbekende gebruiker',
  leeg: 'geen e-mailadres',
};

function userLabel(u: User): string {
  if (u.role === 'leeg') return '(leeg: geen e-mailadres)';
  const who = u.name ? `${u.name} <${u.email}>` : u.email;
  const role = ROLE_LABEL[u.role] ?? u.role;
  return `${who} — ${role}${u.location ? `, ${u.location}` : ''}`;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows of tab-separated text as Sheets and spreadsheets put them on the clipboard. */
function parseTsv(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t'));
}

function formatDutchDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

function GridCell(props: {
  value: Cell;
  row: number;
  col: number;
  onCommit: (row: number, col: number, text: string) => void;
  onPasteBlock: (row: number, col: number, rows: string[][]) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = cellText(props.value);
  const commit = () => {
    if (draft !== null && draft !== text) props.onCommit(props.row, props.col, draft);
    setDraft(null);
  };
  return (
    <td class={typeof props.value === 'number' ? 'num' : undefined}>
      <input
        data-testid={`cell-${props.row}-${props.col}`}
        aria-label={`${columnLetters(props.col)}${props.row}`}
        value={draft ?? text}
        title={text}
        onFocus={() => setDraft(text)}
        onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') {
            setDraft(text);
            (e.target as HTMLInputElement).blur();
          }
        }}
        onPaste={(e) => {
          const data = e.clipboardData?.getData('text/plain') ?? '';
          if (!/[\t\n]/.test(data.replace(/\r?\n$/, ''))) return;
          e.preventDefault();
          setDraft(null);
          props.onPasteBlock(props.row, props.col, parseTsv(data));
        }}
      />
    </td>
  );
}

function SheetGrid(props: {
  tab: string;
  values: Grid;
  charts: readonly SheetChart[];
  extraRows: number;
  onCommit: (row: number, col: number, text: string) => void;
  onPasteBlock: (row: number, col: number, rows: string[][]) => void;
}) {
  const width = Math.max(props.values[0]?.length ?? 0, ...props.values.map((r) => r.length), 1);
  const rows = props.values.length + props.extraRows;
  const lines: preact.JSX.Element[] = [];
  for (let r = 1; r <= Math.max(rows, 1); r++) {
    const row = props.values[r - 1] ?? [];
    lines.push(
      <tr key={r} class={r === 1 ? 'header' : undefined}>
        <th class="rownum">{r}</th>
        {Array.from({ length: width }, (_, c) => (
          <GridCell
            key={`${props.tab}-${r}-${c + 1}`}
            value={row[c] ?? null}
            row={r}
            col={c + 1}
            onCommit={props.onCommit}
            onPasteBlock={props.onPasteBlock}
          />
        ))}
      </tr>,
    );
  }
  return (
    <div class="grid-scroll">
      <table class="grid" data-testid="grid">
        <thead>
          <tr>
            <th class="corner" />
            {Array.from({ length: width }, (_, c) => (
              <th key={c}>{columnLetters(c + 1)}</th>
            ))}
          </tr>
        </thead>
        <tbody>{lines}</tbody>
      </table>
      <SheetCharts charts={props.charts} />
    </div>
  );
}

function MenuBar(props: { menus: Menu[]; onRun: (fn: string, caption: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    const close = () => setOpen(null);
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  const renderItems = (items: MenuEntry[]): preact.JSX.Element[] =>
    items.map((item, i) => {
      if (item.kind === 'separator') return <li key={i} class="separator" />;
      if (item.kind === 'submenu') {
        return (
          <li key={i} class="submenu">
            <span>{item.menu.caption} ▸</span>
            <ul>{renderItems(item.menu.items)}</ul>
          </li>
        );
      }
      return (
        <li key={i}>
          <button
            type="button"
            role="menuitem"
            data-testid={`menu-item-${item.functionName}`}
            onClick={() => {
              setOpen(null);
              props.onRun(item.functionName, item.caption);
            }}
          >
            {item.caption}
          </button>
        </li>
      );
    });
  return (
    <nav class="menubar" aria-label="Menu">
      {props.menus.length === 0 ? <span class="muted">Geen menu (onOpen maakte er geen)</span> : null}
      {props.menus.map((menu) => {
        const key = `${menu.addon}-${menu.caption}`;
        return (
          <div class="menu" key={key}>
            <button
              type="button"
              data-testid={`menu-${menu.caption}`}
              aria-expanded={open === key}
              onClick={(e) => {
                e.stopPropagation();
                setOpen(open === key ? null : key);
              }}
            >
              {menu.addon ? `Extensies › ${menu.caption}` : menu.caption}
            </button>
            {open === key ? (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the click only keeps the menu open
              <ul class="dropdown" onClick={(e) => e.stopPropagation()}>
                {renderItems(menu.items)}
              </ul>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}

function Outbox(props: { mails: Mail[] }) {
  const [openId, setOpenId] = useState<number | null>(null);
  if (props.mails.length === 0)
    return (
      <p class="muted" data-testid="outbox-empty">
        Er is nog geen mail verzonden.
      </p>
    );
  return (
    <ul class="outbox" data-testid="outbox">
      {[...props.mails].reverse().map((mail) => (
        <li key={mail.id} data-testid="mail" class={openId === mail.id ? 'open' : undefined}>
          <button
            type="button"
            class="mail-head"
            onClick={() => setOpenId(openId === mail.id ? null : mail.id)}
          >
            <strong>{mail.subject || '(geen onderwerp)'}</strong>
            <span>aan {mail.to}</span>
            <span class="muted">{mail.sentAt ? mail.sentAt.replace('T', ' ').slice(0, 16) : ''}</span>
            {mail.attachments.length ? (
              <span>
                {mail.attachments.length} {mail.attachments.length === 1 ? 'bijlage' : 'bijlagen'}
              </span>
            ) : null}
          </button>
          {openId === mail.id ? (
            <div class="mail-body">
              <dl>
                <dt>Aan</dt>
                <dd>{mail.to}</dd>
                {mail.cc ? (
                  <>
                    <dt>Cc</dt>
                    <dd>{mail.cc}</dd>
                  </>
                ) : null}
                {mail.bcc ? (
                  <>
                    <dt>Bcc</dt>
                    <dd>{mail.bcc}</dd>
                  </>
                ) : null}
                {mail.name ? (
                  <>
                    <dt>Afzender</dt>
                    <dd>{mail.name}</dd>
                  </>
                ) : null}
                {mail.replyTo ? (
                  <>
                    <dt>Antwoord aan</dt>
                    <dd>{mail.replyTo}</dd>
                  </>
                ) : null}
              </dl>
              {mail.htmlBody ? (
                // sandbox="" : the mail's HTML is shown, none of its scripts run.
                <iframe title={`Mail: ${mail.subject}`} class="mail-html" sandbox="" srcdoc={mail.htmlBody} />
              ) : (
                <pre class="mail-text">{mail.body}</pre>
              )}
              {mail.attachments.length ? (
                <ul class="attachments">
                  {mail.attachments.map((a) => (
                    <li key={a.url}>
                      <a href={a.url} download={a.name ?? 'bijlage'}>
                        {a.name ?? 'bijlage'}
                      </a>{' '}
                      <span class="muted">
                        ({a.mimeType ?? 'onbekend type'},{' '}
                        {a.size < 1024 ? `${a.size} bytes` : `${Math.round(a.size / 1024)} kB`})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The granted scopes, with a box per scope of the manifest: untick one as a user may on Google's consent screen. */
function ScopeControl(props: { onChange: () => void; onError: (error: unknown) => void }) {
  const [scopes, setScopes] = useState<{ requested: string[]; granted: string[] } | null>(null);
  useEffect(() => {
    api<{ requested: string[]; granted: string[] }>('GET', '/api/scopes').then(setScopes, props.onError);
  }, [props.onError]);
  if (!scopes) return null;
  const missing = scopes.requested.filter((s) => !scopes.granted.includes(s)).length;
  const toggle = async (scope: string, on: boolean) => {
    const granted = on ? [...scopes.granted, scope] : scopes.granted.filter((s) => s !== scope);
    try {
      setScopes(await api<{ requested: string[]; granted: string[] }>('PUT', '/api/scopes', { granted }));
      props.onChange();
    } catch (error) {
      props.onError(error);
    }
  };
  return (
    <details class="scopes" data-testid="scopes">
      <summary>
        Toestemmingen{' '}
        {missing ? `(${missing} uitgevinkt)` : `(${scopes.granted.length} van ${scopes.requested.length})`}
      </summary>
      <div class="scope-list">
        {scopes.requested.map((scope) => {
          const short = scope.replace('https://www.googleapis.com/auth/', '');
          return (
            <label key={scope} title={scope}>
              <input
                type="checkbox"
                data-testid={`scope-${short}`}
                checked={scopes.granted.includes(scope)}
                onChange={(e) => void toggle(scope, (e.target as HTMLInputElement).checked)}
              />{' '}
              {short}
            </label>
          );
        })}
      </div>
    </details>
  );
}

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
  useEffect(() => {
    const onMessage = async (event: MessageEvent) => {
      const frames = [sidebarFrame.current, dialogFrame.current].filter(Boolean) as HTMLIFrameElement[];
      const frame = frames.find((f) => f.contentWindow === event.source);
      if (!frame) return;
      const data = event.data as RpcRequestMessage | HostMessage;
      if (data?.wegwijs === 'host') {
        if (data.action === 'close') {
          if (frame === sidebarFrame.current) setSidebar(null);
          else setDialogs((d) => d.slice(1));
        }
        return;
      }
      if (data?.wegwijs !== 'rpc') return;
      let reply: RpcResultMessage;
      try {
        const response = await fetch(`/rpc/${encodeURIComponent(data.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Wegwijs-User': userRef.current },
          body: data.body,
        });
        const json = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
        reply = json.ok
          ? { wegwijs: 'rpc-result', id: data.id, ok: true, value: json.value }
          : { wegwijs: 'rpc-result', id: data.id, ok: false, error: json.error ?? `HTTP ${response.status}` };
      } catch {
        reply = {
          wegwijs: 'rpc-result',
          id: data.id,
          ok: false,
          error: 'NetworkError: Connection failure due to HTTP 0',
        };
      }
      (event.source as Window | null)?.postMessage(reply, '*');
      scheduleRefresh();
    };
    const listener = (event: MessageEvent) => void onMessage(event);
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [scheduleRefresh]);

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
