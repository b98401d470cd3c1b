/**
 * Running the script as Google would: a menu item as the chosen user (showing what it showed, or
 * its error), and the installed time-driven triggers as their owners.
 */
import { useCallback } from 'preact/hooks';
import { api, type Banner, type Shown } from './api.ts';

interface Options {
  readonly userRef: { readonly current: string };
  readonly applyShown: (shown: Shown | undefined) => void;
  readonly afterRun: () => void;
  readonly setBanner: (banner: Banner | null) => void;
  readonly showError: (prefix: string, error: unknown) => void;
}

export function useScriptRuns({ userRef, applyShown, afterRun, setBanner, showError }: Options) {
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
      afterRun();
    },
    [userRef, applyShown, afterRun, setBanner, showError],
  );

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
    afterRun();
  };

  return { runMenu, fireTriggers };
}
