/**
 * The sidebar's small UI kit: typed texts, a loader that shows only the latest answer, the live
 * region for what an action said, a collapsible section, an inline "are you sure?", and the
 * "reason + confirm" form. Every tab builds on these instead of its own near-copy.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import type { IcsFileDto } from '../shared/api';
import type { Language } from '../shared/language';
import { type TextKey, text } from './texts';

export type Tx = (key: TextKey, params?: Record<string, string | number>) => string;

export function txFor(language: Language): Tx {
  return (key, params) => text(language, key, params);
}

export type Loaded<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };

export interface Load<T> {
  loaded: Loaded<T>;
  /** The last data that arrived, kept on screen while a reload runs or after it failed. */
  last: T | null;
  /** True while a fetch is in flight. */
  busy: boolean;
  /** Fetches again while the data stays on screen; never rejects. */
  reload: () => Promise<void>;
  /** Puts data that another call answered on screen, as if it was just loaded. */
  set: (data: T) => void;
}

/**
 * Calls `fetch` on mount and whenever `key` changes; `reload` fetches again while the data stays on
 * screen. Only the latest answer is shown, so a slow earlier answer cannot overwrite a newer one.
 */
export function useLoad<T>(fetch: () => Promise<T>, key: string): Load<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ kind: 'loading' });
  const [last, setLast] = useState<T | null>(null);
  const [busy, setBusy] = useState(true);
  const latest = useRef(0);
  const current = useRef(fetch);
  current.current = fetch;
  const reload = useCallback((): Promise<void> => {
    const n = ++latest.current;
    setBusy(true);
    return current.current().then(
      (data) => {
        if (n !== latest.current) return;
        setLoaded({ kind: 'ready', data });
        setLast(data);
        setBusy(false);
      },
      (e: Error) => {
        if (n !== latest.current) return;
        setLoaded({ kind: 'error', message: e.message });
        setBusy(false);
      },
    );
  }, []);
  const set = useCallback((data: T) => {
    ++latest.current;
    setLoaded({ kind: 'ready', data });
    setLast(data);
    setBusy(false);
  }, []);
  // `key` names what to load; `reload` is stable.
  useEffect(() => {
    setLoaded({ kind: 'loading' });
    void reload();
    return () => {
      latest.current++;
    };
  }, [key]);
  return { loaded, last, busy, reload, set };
}

/** A file from the server as a download link (a blob URL; the sidebar frame allows no other way). */
export function Download({ file, label, testId }: { file: IcsFileDto; label: string; testId: string }) {
  const [url] = useState(() => URL.createObjectURL(new Blob([file.content], { type: file.mimeType })));
  return (
    <a
      class="button-link"
      href={url}
      download={file.filename}
      target="_blank"
      rel="noopener"
      data-testid={testId}
    >
      {label}
    </a>
  );
}

/** "Laden…" (or `loadingText`), or the error with a retry button; `null` once the data is there. */
export function LoadState(props: {
  loaded: Loaded<unknown>;
  tx: Tx;
  retry: () => void;
  id: string;
  loadingText?: string;
}) {
  const { loaded, tx } = props;
  if (loaded.kind === 'loading')
    return (
      <p class="spinner" data-testid={`${props.id}-loading`}>
        {props.loadingText ?? tx('shell.loading')}
      </p>
    );
  if (loaded.kind === 'error')
    return (
      <div>
        <p class="error" role="alert" data-testid="action-error">
          {loaded.message}
        </p>
        <button type="button" onClick={props.retry}>
          {tx('newcomer.retry')}
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

/**
 * What an action said: a message (polite) or an error (alert); the region itself is always there.
 * `details` list under the message (with `detailsTitle` above them); the error's test id is
 * `action-error` unless `errorTestId` says otherwise.
 */
export function Said(props: {
  id: string;
  message?: string;
  error?: string;
  details?: readonly string[];
  detailsTitle?: string;
  detailTestId?: string;
  errorTestId?: string;
}) {
  return (
    <div aria-live="polite" class="live">
      {props.message && (
        <div class="message" data-testid={`${props.id}-message`}>
          <p>{props.message}</p>
          {props.details && props.details.length > 0 && (
            <>
              {props.detailsTitle && <strong>{props.detailsTitle}</strong>}
              <ul class={props.detailsTitle ? 'plain' : 'plain small'}>
                {props.details.map((d) => (
                  <li key={d} data-testid={props.detailTestId}>
                    {d}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {props.error && (
        <p class="error" role="alert" data-testid={props.errorTestId ?? 'action-error'}>
          {props.error}
        </p>
      )}
    </div>
  );
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
          {props.busy ? props.tx('pairing.busy') : props.yes}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onNo}>
          {props.tx('pairing.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * "Reason + confirm": a required reason (focused when shown, at most `max` characters, counted),
 * "Geef een reden op" in the form's own words when it is empty (no call is made), the server's
 * error, and a danger button that sends the trimmed reason. `id` prefixes the test ids (the
 * "give a reason" line's is `missingTestId` where a form names it so).
 */
export function ReasonForm(props: {
  id: string;
  tx: Tx;
  label: string;
  hint?: string;
  missingText: string;
  missingTestId?: string;
  confirm: string;
  max: number;
  busy: boolean;
  error: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { tx } = props;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    props.onConfirm(text);
  };
  return (
    <form class="end-form" onSubmit={submit} noValidate>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        ref={field}
        data-testid={`${props.id}-reason`}
        rows={3}
        maxLength={props.max}
        aria-required="true"
        aria-invalid={missing}
        aria-describedby={`${id}-hint`}
        value={reason}
        onInput={(e) => {
          setReason(e.currentTarget.value);
          if (e.currentTarget.value.trim()) setMissing(false);
        }}
      />
      <p class="small" id={`${id}-hint`}>
        {props.hint ? `${props.hint} ` : ''}
        {tx('pairing.chars', { n: reason.length, max: props.max })}
      </p>
      {missing && (
        <p class="error" role="alert" data-testid={props.missingTestId ?? `${props.id}-error`}>
          {props.missingText}
        </p>
      )}
      {props.error && (
        <p class="error" role="alert" data-testid="action-error">
          {props.error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="danger" data-testid={`${props.id}-confirm`} disabled={props.busy}>
          {props.busy ? tx('pairing.busy') : props.confirm}
        </button>
        <button
          type="button"
          data-testid={`${props.id}-cancel`}
          disabled={props.busy}
          onClick={props.onCancel}
        >
          {tx('pairing.cancel')}
        </button>
      </div>
    </form>
  );
}
