/**
 * A view loaded on demand (see `views.ts`): shows "Laden…" while the sidebar fetches the views'
 * code once with `getSidebarViews`, runs it as a script of this page, then renders the view with
 * the same props. A failed load can be retried; nothing is written.
 */
import type { FunctionComponent } from 'preact';
import type { Language } from '../shared/language';
import { LoadState, txFor, useLoad } from './kit';
import { call } from './rpc';
import type { Views } from './views';

const loaded = (): Views | undefined => (globalThis as { __wegwijsViews?: Views }).__wegwijsViews;
let pending: Promise<Views> | null = null;

function loadViews(): Promise<Views> {
  const views = loaded();
  if (views) return Promise.resolve(views);
  pending ??= call('getSidebarViews')
    .then((code) => {
      const script = document.createElement('script');
      script.text = code;
      document.head.appendChild(script);
      const ran = loaded();
      if (!ran) throw new Error('The sidebar views did not load.');
      return ran;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** A stand-in for the view `name` that loads the views on first use. */
export function lazy<K extends keyof Views>(name: K): Views[K] {
  function Lazy(props: Record<string, unknown>) {
    const load = useLoad(loadViews, 'views');
    const language = (props.language as Language | undefined) ?? 'nl';
    if (load.loaded.kind !== 'ready')
      return <LoadState loaded={load.loaded} tx={txFor(language)} retry={load.reload} id={`view-${name}`} />;
    const View = load.loaded.data[name] as FunctionComponent<Record<string, unknown>>;
    return <View {...props} />;
  }
  return Lazy as unknown as Views[K];
}
