/** The sandbox's clock: read, and moved by a day, a week or to a date. */
import { useCallback, useState } from 'preact/hooks';
import { api, type Clock } from './api.ts';

export function useClock(onMoved: () => void, showError: (prefix: string, error: unknown) => void) {
  const [clock, setClock] = useState<Clock | null>(null);
  const loadClock = useCallback(async () => setClock(await api<Clock>('GET', '/api/clock')), []);
  const moveClock = async (body: { days: number } | { date: string }) => {
    try {
      setClock(await api<Clock>('POST', '/api/clock', body));
      onMoved();
    } catch (error) {
      showError('Klok verzetten mislukt', error);
    }
  };
  return { clock, loadClock, moveClock };
}
