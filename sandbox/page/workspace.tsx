/** The main area: the workbook or the outbox ("Verzonden mail"), chosen by two tabs. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Mail } from './api.ts';
import { Outbox } from './outbox.tsx';

export function Workspace(props: { mails: Mail[]; sheet: ComponentChildren }) {
  const [view, setView] = useState<'sheet' | 'mail'>('sheet');
  return (
    <main class="main">
      <div class="views" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'sheet'} onClick={() => setView('sheet')}>
          Werkblad
        </button>
        <button
          type="button"
          role="tab"
          data-testid="view-outbox"
          aria-selected={view === 'mail'}
          onClick={() => setView('mail')}
        >
          Verzonden mail ({props.mails.length})
        </button>
      </div>
      {view === 'sheet' ? props.sheet : <Outbox mails={props.mails} />}
    </main>
  );
}
