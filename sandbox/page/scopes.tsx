/** Toestemmingen: the scopes a user granted on Google's consent screen. */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';

/** The granted scopes, with a box per scope of the manifest: untick one as a user may on Google's consent screen. */
export function ScopeControl(props: { onChange: () => void; onError: (error: unknown) => void }) {
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
