/**
 * The Wegwijs sidebar: who you are, your role and locations, and what needs attention. Preact
 * renders all text as text, so nothing from the sheet can become markup.
 */
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SidebarState } from '../shared/api';
import { type Language, languageOf, type MessageKey, translate } from '../shared/i18n';
import { call } from './rpc';

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; state: SidebarState };

function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const language: Language = load.kind === 'ready' ? load.state.language : languageOf(navigator.language);
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

  const refresh = useCallback(() => {
    setLoad({ kind: 'loading' });
    call('getSidebarState').then(
      (state) => setLoad({ kind: 'ready', state }),
      (error: Error) => setLoad({ kind: 'error', message: error.message }),
    );
  }, []);
  useEffect(refresh, []);

  if (load.kind === 'loading') {
    return (
      <main>
        <p class="spinner" data-testid="loading">
          {t('sidebar.loading')}
        </p>
      </main>
    );
  }
  if (load.kind === 'error') {
    return (
      <main>
        <div class="error" data-testid="error" role="alert">
          {load.message}
        </div>
        <button type="button" onClick={refresh}>
          {t('sidebar.retry')}
        </button>
      </main>
    );
  }
  const { state } = load;
  const { user } = state;
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <section class="card" aria-label={t('sidebar.you')}>
        {user.name && (
          <div class="row">
            <span>{t('sidebar.you')}</span>
            <span data-testid="user-name">{user.name}</span>
          </div>
        )}
        <div class="row">
          <span>E-mail</span>
          <span data-testid="user-email">{user.email}</span>
        </div>
        <div class="row">
          <span>{t('sidebar.role')}</span>
          <span class="badge" data-testid="user-role">
            {t(`role.${user.role}` as MessageKey)}
          </span>
        </div>
        {user.role !== 'onbekend' && (
          <div class="row">
            <span>{t('sidebar.locations')}</span>
            <span data-testid="user-locations">
              {user.role === 'schoolleider' ? t('sidebar.allLocations') : user.locations.join(', ')}
            </span>
          </div>
        )}
      </section>
      {state.message && (
        <p class="message" data-testid="message">
          {state.message}
        </p>
      )}
      {state.warnings.length > 0 && (
        <section aria-label={t('sidebar.warnings')}>
          <h2>{t('sidebar.warnings')}</h2>
          {state.warnings.map((w) => (
            <div class="warning" data-testid="warning" key={w}>
              {w}
            </div>
          ))}
        </section>
      )}
      <div class="actions">
        <button type="button" onClick={refresh} data-testid="refresh">
          {t('sidebar.refresh')}
        </button>
      </div>
      <p class="muted">
        Wegwijs {state.version} · {state.today}
      </p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
