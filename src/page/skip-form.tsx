/**
 * A buddy skips a planned check-in from the page, with a reason (`skipCheckIn`): what the
 * sidebar's buddy view offered before buddies were pointed here. The reason is asked first; the
 * server checks it again and answers in the visitor's language.
 */
import { useState } from 'preact/hooks';
import { call } from '../components/rpc';
import type { Language } from '../shared/language';
import { pageDate, pageText } from './texts';

function SkipOne(props: {
  language: Language;
  newcomerEmail: string;
  planned: string;
  onDone: (m: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const t = (k: Parameters<typeof pageText>[1], p?: Record<string, string | number>) =>
    pageText(props.language, k, p);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('skip.reasonNeeded'));
      return;
    }
    setBusy(true);
    setError('');
    call('skipCheckIn', props.newcomerEmail, props.planned, reason.trim())
      .then((r) => props.onDone(r.message))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <li class="skip" data-planned={props.planned}>
      {pageDate(props.planned)}{' '}
      {!open ? (
        <button type="button" class="link" onClick={() => setOpen(true)}>
          {t('skip.skip')}
        </button>
      ) : (
        <form class="skip-form" onSubmit={submit} noValidate>
          <label>
            {t('skip.reason', { date: pageDate(props.planned) })}
            <textarea
              value={reason}
              rows={2}
              maxLength={500}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          {error ? <p role="alert">{error}</p> : null}
          <button type="submit" disabled={busy}>
            {t('skip.confirm')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setOpen(false)}>
            {t('skip.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}

/** The newcomer's open check-ins, each with "Overslaan" and a reason. */
export function SkipCheckIns(props: {
  language: Language;
  newcomerEmail: string;
  upcoming: readonly string[];
  onDone: (message: string) => void;
}) {
  if (!props.upcoming.length) return null;
  return (
    <details class="skip-checkins">
      <summary>{pageText(props.language, 'skip.title')}</summary>
      <ul class="skips">
        {props.upcoming.map((d) => (
          <SkipOne
            key={d}
            language={props.language}
            newcomerEmail={props.newcomerEmail}
            planned={d}
            onDone={props.onDone}
          />
        ))}
      </ul>
    </details>
  );
}
