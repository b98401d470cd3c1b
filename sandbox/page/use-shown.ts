/** What the script showed: the sidebar (reloaded on each show), dialogs and alerts, in turn. */
import { useCallback, useState } from 'preact/hooks';
import type { Alert, Dialog, Shown } from './api.ts';

export function useShown() {
  const [sidebar, setSidebar] = useState<{ index: number; title: string } | null>(null);
  const [sidebarKey, setSidebarKey] = useState(0);
  const [dialogs, setDialogs] = useState<Dialog[]>([]);
  const [alerts, setAlerts] = useState<Alert[]>([]);

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

  /** Reloads the sidebar's document (its calls then go as the user chosen now). */
  const reloadSidebar = useCallback(() => setSidebarKey((k) => k + 1), []);
  const closeDialog = useCallback(() => setDialogs((d) => d.slice(1)), []);
  const closeAlert = useCallback(() => setAlerts((a) => a.slice(1)), []);
  /** Everything closed, as after a reset. */
  const clear = useCallback(() => {
    setSidebar(null);
    setDialogs([]);
    setAlerts([]);
  }, []);

  return {
    sidebar,
    setSidebar,
    sidebarKey,
    reloadSidebar,
    dialog: dialogs[0],
    alert: alerts[0],
    applyShown,
    closeDialog,
    closeAlert,
    clear,
  };
}
