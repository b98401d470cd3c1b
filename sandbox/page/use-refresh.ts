/** Reloading what the server may have changed (grid, outbox, switcher), now or just after a call. */
import { useCallback, useRef } from 'preact/hooks';

export function useRefresh(loaders: readonly (() => Promise<unknown>)[], onError: (error: unknown) => void) {
  const latest = useRef(loaders);
  latest.current = loaders;
  const timer = useRef<number | undefined>(undefined);

  const refreshAll = useCallback(async () => {
    try {
      await Promise.all(latest.current.map((load) => load()));
    } catch (error) {
      onError(error);
    }
  }, [onError]);

  /** Coalesces the refreshes of calls made in quick succession. */
  const scheduleRefresh = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void refreshAll(), 100);
  }, [refreshAll]);

  return { refreshAll, scheduleRefresh };
}
