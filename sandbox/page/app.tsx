/**
 * The sandbox page put together: the hooks hold what the server has (workbook, outbox, users,
 * clock, what the script showed) and the components show it. Talks to the sandbox's HTTP API only.
 */
import { useCallback, useEffect, useRef } from 'preact/hooks';
import { api } from './api.ts';
import { BannerBar } from './banner.tsx';
import { useScriptRunBridge } from './bridge.ts';
import { ClockControls } from './clock.tsx';
import { PasteRowsModal, ScriptAlert, ScriptDialog } from './overlays.tsx';
import { ResetButton } from './reset.tsx';
import { ScopeControl } from './scopes.tsx';
import { SheetPane } from './sheet.tsx';
import { SidebarPane } from './sidebar.tsx';
import { Toolbar } from './toolbar.tsx';
import { useBanner } from './use-banner.ts';
import { useClock } from './use-clock.ts';
import { useOutbox } from './use-outbox.ts';
import { usePasteRows } from './use-paste-rows.ts';
import { useRefresh } from './use-refresh.ts';
import { useScriptRuns } from './use-script-runs.ts';
import { useShown } from './use-shown.ts';
import { useUsers } from './use-users.ts';
import { useWorkbook } from './use-workbook.ts';
import { UserSwitcher } from './users.tsx';
import { Workspace } from './workspace.tsx';

export function App() {
  const { banner, setBanner, showError } = useBanner();
  const workbook = useWorkbook(showError);
  const { mails, loadOutbox } = useOutbox();
  const people = useUsers(showError);
  const shown = useShown();
  const clock = useClock(() => setBanner(null), showError);
  const paste = usePasteRows(workbook.appendRows);
  const sidebarFrame = useRef<HTMLIFrameElement>(null);
  const dialogFrame = useRef<HTMLIFrameElement>(null);

  const refreshError = useCallback((error: unknown) => showError('Verversen mislukt', error), [showError]);
  const { refreshAll, scheduleRefresh } = useRefresh(
    [workbook.loadWorkbook, loadOutbox, people.loadUsers],
    refreshError,
  );
  const scopeError = useCallback((error: unknown) => showError('Toestemmingen', error), [showError]);
  const { runMenu, fireTriggers } = useScriptRuns({
    userRef: people.userRef,
    applyShown: shown.applyShown,
    afterRun: scheduleRefresh,
    setBanner,
    showError,
  });
  const { loadUsers, loadMenu, choose, initialUser } = people;
  const { loadWorkbook } = workbook;
  const { loadClock } = clock;
  const { setSidebar } = shown;

  // First load: users, clock, workbook, outbox; then the menu and the sidebar for the chosen user.
  useEffect(() => {
    void (async () => {
      try {
        const [list] = await Promise.all([loadUsers(), loadClock(), loadWorkbook(), loadOutbox()]);
        const chosen = initialUser(list);
        choose(chosen);
        await loadMenu(chosen);
        const info = await api<{ sidebars: number; functions: string[] }>('GET', '/api/info');
        if (info.sidebars > 0) setSidebar({ index: info.sidebars - 1, title: 'Wegwijs' });
        else if (info.functions.includes('showSidebar')) await runMenu('showSidebar', 'Zijbalk openen');
      } catch (error) {
        showError('Laden mislukt', error);
      }
    })();
  }, [loadUsers, loadClock, loadWorkbook, loadOutbox, loadMenu, choose, setSidebar, runMenu, showError]);

  // The bridge for google.script.run: calls from the sidebar or a dialog go to /rpc as the chosen user.
  useScriptRunBridge({
    frames: [sidebarFrame, dialogFrame],
    userRef: people.userRef,
    onClose: (frame) => {
      if (frame === sidebarFrame.current) setSidebar(null);
      else shown.closeDialog();
    },
    afterCall: scheduleRefresh,
  });

  const switchUser = async (email: string) => {
    await people.switchUser(email);
    // The sidebar's document is the same for everyone; reloading it makes its calls as the new user.
    shown.reloadSidebar();
  };

  const resetDemo = async () => {
    try {
      await api('POST', '/api/reset');
      shown.clear();
      await Promise.all([refreshAll(), loadClock()]);
      await loadMenu(people.userRef.current);
      await runMenu('showSidebar', 'Zijbalk openen');
      setBanner({ kind: 'info', text: 'De demogegevens zijn teruggezet.' });
    } catch (error) {
      showError('Terugzetten mislukt', error);
    }
  };

  const { dialog, alert } = shown;
  return (
    <div class="app">
      <Toolbar menus={people.menus} onRun={(fn, caption) => void runMenu(fn, caption)}>
        <UserSwitcher users={people.users} user={people.user} onSwitch={(email) => void switchUser(email)} />
        <ClockControls clock={clock.clock} onMove={(body) => void clock.moveClock(body)} />
        <ScopeControl onChange={scheduleRefresh} onError={scopeError} />
        <button type="button" data-testid="fire-triggers" onClick={() => void fireTriggers()}>
          Triggers uitvoeren
        </button>
        <ResetButton onReset={() => void resetDemo()} />
      </Toolbar>
      <BannerBar banner={banner} onClose={() => setBanner(null)} />
      <div class="body">
        <Workspace
          mails={mails}
          sheet={
            <SheetPane
              tabs={workbook.tabs}
              charts={workbook.charts}
              activeTab={workbook.activeTab}
              extraRows={workbook.extraRows}
              onSelectTab={workbook.setActiveTab}
              onAddRow={workbook.addRow}
              onPasteRows={paste.show}
              onCommit={(r, c, t) => void workbook.commitCell(r, c, t)}
              onPasteBlock={(r, c, rows) => void workbook.pasteBlock(r, c, rows)}
            />
          }
        />
        <SidebarPane
          sidebar={shown.sidebar}
          reloadKey={shown.sidebarKey}
          frame={sidebarFrame}
          onClose={() => setSidebar(null)}
          onOpen={() => void runMenu('showSidebar', 'Zijbalk openen')}
        />
      </div>
      {paste.open ? (
        <PasteRowsModal
          tab={workbook.activeTab}
          text={paste.text}
          onText={paste.setText}
          onSubmit={() => void paste.submit()}
          onCancel={paste.cancel}
        />
      ) : null}
      {dialog ? <ScriptDialog dialog={dialog} frame={dialogFrame} onClose={shown.closeDialog} /> : null}
      {alert && !dialog ? <ScriptAlert alert={alert} onOk={shown.closeAlert} /> : null}
    </div>
  );
}
