/** The banner under the toolbar: an error or a note, until closed or replaced. */
import { useCallback, useState } from 'preact/hooks';
import type { Banner } from './api.ts';

export function useBanner() {
  const [banner, setBanner] = useState<Banner | null>(null);
  const showError = useCallback((prefix: string, error: unknown) => {
    setBanner({
      kind: 'error',
      text: `${prefix}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }, []);
  return { banner, setBanner, showError };
}
