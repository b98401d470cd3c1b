/**
 * One server action at a time per control: a second click while the first call is in flight is
 * ignored before any call is made (a ref, not state, because two clicks can land before Preact
 * re-renders the disabled button).
 */
import { useCallback, useRef, useState } from 'preact/hooks';

export interface Action {
  busy: boolean;
  error: string;
  /** Runs `work` unless one is running; its rejection's message becomes `error`. */
  run(work: () => Promise<void>): void;
  clear(): void;
}

export function useAction(): Action {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback((work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError('');
    work()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  }, []);
  const clear = useCallback(() => setError(''), []);
  return { busy, error, run, clear };
}
