/**
 * Pieces the Newcomers tab shares: typed texts, a loader that shows only the latest answer, a
 * collapsible section, the live region for an action's message or error, and day labels.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Language } from '../shared/language';
import { type TextKey, text } from './texts';

export type Tx = (key: TextKey, params?: Record<string, string | number>) => string;

export function txFor(language: Language): Tx {
  return (key, params) => text(language, key, params);
}

export type Loaded<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };

/**
 * Calls `fetch` on mount and whenever `key` changes; `reload` fetches again while the data stays on
 * screen. Only the latest answer is shown, so a slow earlier answer cannot overwrite a newer one.
 */
export function useLoad<T>(
  fetch: () => Promise<T>,
  key: string,
): { loaded: Loaded<T>; reload: () => Promise<void> } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ kind: 'loading' });
  const latest = useRef(0);
  const current = useRef(fetch);
  current.current = fetch;
  const reload = useCallback((): Promise<void> => {
    const n = ++latest.current;
    return current.current().then(
      (data) => {
        if (n === latest.current) setLoaded({ kind: 'ready', data });
      },
      (e: Error) => {
        if (n === latest.current) setLoaded({ kind: 'error', message: e.message });
      },
    );
  }, []);
  // `key` names what to load; `reload` is stable.
  useEffect(() => {
    setLoaded({ kind: 'loading' });
    void reload();
    return () => {
      latest.current++;
    };
  }, [key]);
  return { loaded, reload };
}

/** "Laden…", or the error with a retry button; `null` once the data is there. */
export function LoadState(props: { loaded: Loaded<unknown>; tx: Tx; retry: () => void; id: string }) {
  const { loaded, tx } = props;
  if (loaded.kind === 'loading')
    return (
      <p class="spinner" data-testid={`${props.id}-loading`}>
        {tx('s.loading')}
      </p>
    );
  if (loaded.kind === 'error')
    return (
      <div>
        <p class="error" role="alert" data-testid="action-error">
          {loaded.message}
        </p>
        <button type="button" onClick={props.retry}>
          {tx('n.retry')}
        </button>
      </div>
    );
  return null;
}

/** A section with a heading button that opens and closes it; closed sections render nothing. */
export function Section(props: { id: string; title: string; open?: boolean; children: ComponentChildren }) {
  const [open, setOpen] = useState(props.open ?? true);
  const bodyId = useId();
  return (
    <section class="nc-section" data-testid={`section-${props.id}`} aria-label={props.title}>
      <h3>
        <button
          type="button"
          class="nc-toggle"
          data-testid={`toggle-${props.id}`}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {props.title}
        </button>
      </h3>
      {open && <div id={bodyId}>{props.children}</div>}
    </section>
  );
}

/** What an action said: a message (polite) or an error (alert); the region itself is always there. */
export function Said(props: { id: string; message?: string; error?: string; details?: readonly string[] }) {
  return (
    <div aria-live="polite" class="live">
      {props.message && (
        <div class="message" data-testid={`${props.id}-message`}>
          <p>{props.message}</p>
          {props.details && props.details.length > 0 && (
            <ul class="plain small">
              {props.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.error && (
        <p class="error" role="alert" data-testid="action-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** `2027-01-11` → "ma 11-01" (the year is clear from the start date). */
export function dayLabel(tx: Tx, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${tx('n.days').split(',')[day] ?? ''} ${m[3]}-${m[2]}`;
}

/** An inline "are you sure?" with a danger button; `onYes` runs once while busy. */
export function Confirm(props: {
  id: string;
  text: string;
  yes: string;
  tx: Tx;
  busy: boolean;
  error: string;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div class="panel" data-testid={`${props.id}-confirm-box`}>
      <p>{props.text}</p>
      <Said id={props.id} error={props.error} />
      <div class="actions">
        <button
          type="button"
          class="danger"
          data-testid={`${props.id}-confirm`}
          disabled={props.busy}
          onClick={props.onYes}
        >
          {props.busy ? props.tx('p.busy') : props.yes}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onNo}>
          {props.tx('p.cancel')}
        </button>
      </div>
    </div>
  );
}
