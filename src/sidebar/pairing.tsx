/**
 * Buddy pairing at one location, for a chef buddy or the school leader: newcomers without a
 * buddy (each opens ranked suggestions), the active pairs (end or replace, with a reason), each
 * buddy's load, and a whole-location proposal. Every change is followed by a fresh state.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PairDto, PairingOverview, PairingResult, WaitingDto, WelcomeRowDto } from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { ReasonForm, Said, type Tx, txFor } from './kit';
import { lazy } from './lazy';
import { packetText } from './newcomer-welcome';
import { call } from './rpc';
import type { Newcomer } from './suggestions';
import { dutchDate, startsIn } from './texts';

const Proposal = lazy('Proposal');
const Suggestions = lazy('Suggestions');

/** What the last action told the user: the server's message, and any pairs it did not make. */
interface Notice {
  message: string;
  details: string[];
}

const MAX_REASON = 500;

function Unpaired(props: {
  w: WaitingDto;
  open: boolean;
  tx: Tx;
  language: Language;
  onToggle: () => void;
  children?: ComponentChildren;
}) {
  const { w, tx } = props;
  const when = startsIn(props.language, w.daysUntilStart);
  return (
    <li class="item">
      <button
        type="button"
        class="item-main"
        data-testid="unpaired-item"
        data-email={w.email}
        aria-expanded={props.open}
        onClick={props.onToggle}
      >
        <span class="line">
          <span class="name">{w.name || w.email}</span>
          <span
            class={w.overdue ? 'badge late' : 'badge'}
            data-testid="unpaired-when"
            data-overdue={String(w.overdue)}
          >
            {when}
          </span>
        </span>
        <span class="small">
          {[w.role, w.startDate ? tx('pairing.start', { date: dutchDate(w.startDate) }) : '']
            .filter(Boolean)
            .join(' · ')}
        </span>
      </button>
      {props.children}
    </li>
  );
}

const MAIL_CLASS: Record<PairDto['mailKind'], string> = {
  none: 'mail grey',
  pending: 'mail amber',
  sending: 'mail amber',
  sent: 'mail green',
  failed: 'mail red',
  unknown: 'mail grey',
  skipped: 'mail red',
};

/** An active pair with "Beëindigen" and "Vervangen", both asking for a reason inline. */
function Pair(props: {
  p: PairDto;
  tx: Tx;
  /** Opened from a signal's "Vervangen": the replace form is open at once. */
  replacing?: boolean;
  onEnded: (result: PairingResult, replace: boolean) => Promise<void>;
}) {
  const { p, tx } = props;
  const [mode, setMode] = useState<'end' | 'replace' | null>(props.replacing ? 'replace' : null);
  const end = useAction();

  const open = (m: 'end' | 'replace') => {
    setMode(mode === m ? null : m);
    end.clear();
  };
  const confirm = (reason: string) => {
    const replace = mode === 'replace';
    end.run(async () => {
      const result = await call('endPairing', p.newcomer, reason);
      await props.onEnded(result, replace);
    });
  };

  return (
    <li class="item" data-testid="pair" data-newcomer={p.newcomer}>
      <div>
        <span class="name">{p.newcomerName}</span> → <span class="name">{p.buddyName}</span>
      </div>
      <div class="line small">
        <span>{tx('pairing.pairedOn', { date: dutchDate(p.pairedOn) })}</span>
        <span
          class={MAIL_CLASS[p.mailKind]}
          title={p.mail && tx('sheet.cell', { value: p.mail })}
          data-testid="pair-mail"
          data-kind={p.mailKind}
        >
          {tx(`mail.${p.mailKind}`)}
        </span>
      </div>
      <div class="actions">
        <button
          type="button"
          data-testid="end-pair"
          aria-expanded={mode === 'end'}
          onClick={() => open('end')}
        >
          {tx('pairing.end')}
        </button>
        <button
          type="button"
          data-testid="replace-pair"
          aria-expanded={mode === 'replace'}
          onClick={() => open('replace')}
        >
          {tx('pairing.replace')}
        </button>
      </div>
      {mode && (
        <ReasonForm
          key={mode}
          id="end"
          tx={tx}
          label={tx('pairing.reason')}
          hint={tx('pairing.reasonHint')}
          missingText={tx('pairing.reasonNeeded')}
          confirm={tx(mode === 'replace' ? 'pairing.confirmReplace' : 'pairing.confirmEnd')}
          max={MAX_REASON}
          busy={end.busy}
          error={end.error}
          onConfirm={confirm}
          onCancel={() => setMode(null)}
        />
      )}
    </li>
  );
}

/** After pairing: make the schedule at once, then see what happens to the welcome packet. */
function NextSteps(props: {
  newcomer: Newcomer;
  /** What pairing saved of the schedule already (the school's setting); '' when it did not. */
  schedule: string;
  row: WelcomeRowDto | undefined;
  language: Language;
  today: string;
  reload: () => Promise<void>;
  onOpenNewcomer: (email: string) => void;
}) {
  const { newcomer, language } = props;
  const tx = txFor(language);
  const make = useAction();
  const [made, setMade] = useState(props.schedule);
  return (
    <div class="card" data-testid="next-steps" data-email={newcomer.email}>
      <strong>{tx('pairing.next.title')}</strong>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="next-schedule"
          disabled={make.busy || made !== ''}
          onClick={() =>
            make.run(async () => {
              const result = await call('saveSchedule', newcomer.email);
              setMade(result.message);
              await props.reload();
            })
          }
        >
          {made
            ? `✓ ${tx('pairing.next.schedule')}`
            : make.busy
              ? tx('pairing.busy')
              : tx('pairing.next.schedule')}
        </button>
        <button type="button" data-testid="next-packet" onClick={() => props.onOpenNewcomer(newcomer.email)}>
          {tx('pairing.next.packet')}
        </button>
      </div>
      {made && (
        <p class="small" data-testid="next-made">
          {made}
        </p>
      )}
      {props.row && (
        <p class="small" data-testid="next-packet-state" data-code={props.row.status.code}>
          {tx('packet.label', { text: packetText(language, props.row.status, props.today) })}
        </p>
      )}
      <Said id="next" error={make.error} />
    </div>
  );
}

/** The pairing sections; `reload` fetches the state again (the parent keeps this mounted). */
export function Pairing(props: {
  overview: PairingOverview;
  language: Language;
  reload: () => Promise<void>;
  /** A newcomer to open at once: their suggestions when unpaired, their pair otherwise. */
  focusEmail?: string;
  /** A paired newcomer whose pair opens with "Vervangen" asked (from a signal). */
  replaceEmail?: string;
  welcome: WelcomeRowDto[] | null;
  today: string;
  onOpenNewcomer: (email: string) => void;
}) {
  const { overview, language } = props;
  const tx = txFor(language);
  const [selected, setSelected] = useState<Newcomer | null>(() => {
    const w = overview.unpaired.find((x) => x.email === props.focusEmail);
    return w ? { email: w.email, name: w.name || w.email } : null;
  });
  // The newcomer just paired: the same place offers the next steps.
  const [next, setNext] = useState<(Newcomer & { schedule: string }) | null>(null);
  const [proposing, setProposing] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const done = (message: string, details: string[] = []) => {
    setNotice({ message, details });
    return props.reload();
  };
  const onAssigned = (result: PairingResult) => {
    setNext(selected && { ...selected, schedule: result.schedule ?? '' });
    setSelected(null);
    return done(result.message);
  };
  const onEnded = (result: PairingResult, replace: boolean, p: PairDto) => {
    setSelected(replace ? { email: p.newcomer, name: p.newcomerName, previousBuddy: p.buddy } : null);
    return done(result.message);
  };
  const onApplied = (result: PairingResult, names: Map<string, string>) => {
    setProposing(false);
    return done(
      result.message,
      result.rejected.map((r) => {
        // Most reasons already name the newcomer; prefix the name only where they do not.
        const name = names.get(r.newcomer) ?? r.newcomer;
        return r.reason.includes(name) ? r.reason : `${name}: ${r.reason}`;
      }),
    );
  };
  const toggle = (w: WaitingDto) => {
    setNotice(null);
    setSelected(selected?.email === w.email ? null : { email: w.email, name: w.name || w.email });
  };

  const panel = (n: Newcomer) => (
    <Suggestions
      key={n.email}
      newcomer={n}
      language={language}
      onAssigned={onAssigned}
      onClose={() => setSelected(null)}
    />
  );
  const selectedListed = selected !== null && overview.unpaired.some((w) => w.email === selected.email);

  return (
    <div class="pairing" data-testid="pairing" data-location={overview.location}>
      <Said
        id="action"
        message={notice?.message}
        details={notice?.details}
        detailsTitle={tx('pairing.rejected')}
        detailTestId="rejected"
      />

      {next && (
        <NextSteps
          key={next.email}
          newcomer={next}
          schedule={next.schedule}
          row={props.welcome?.find((w) => w.email === next.email)}
          language={language}
          today={props.today}
          reload={props.reload}
          onOpenNewcomer={props.onOpenNewcomer}
        />
      )}
      {overview.unpaired.length > 0 && (
        <div class="actions">
          <button
            type="button"
            data-testid="propose"
            aria-expanded={proposing}
            disabled={proposing}
            onClick={() => {
              setNotice(null);
              setSelected(null);
              setProposing(true);
            }}
          >
            {tx('pairing.propose')}
          </button>
        </div>
      )}
      {proposing && (
        <Proposal
          location={overview.location}
          language={language}
          onApplied={onApplied}
          onClose={() => setProposing(false)}
        />
      )}

      <section aria-labelledby="h-unpaired">
        <h2 id="h-unpaired">
          {tx('pairing.unpaired')} ({overview.unpaired.length})
        </h2>
        {selected && !selectedListed && panel(selected)}
        {overview.unpaired.length === 0 ? (
          <p class="muted" data-testid="no-unpaired">
            {tx('pairing.noUnpaired')}
          </p>
        ) : (
          <ul class="list">
            {overview.unpaired.map((w) => (
              <Unpaired
                key={w.email}
                w={w}
                open={selected?.email === w.email}
                tx={tx}
                language={language}
                onToggle={() => toggle(w)}
              >
                {selected?.email === w.email && panel(selected)}
              </Unpaired>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-pairs">
        <h2 id="h-pairs">
          {tx('pairing.pairs')} ({overview.pairs.length})
        </h2>
        {overview.pairs.length === 0 ? (
          <p class="muted">{tx('pairing.noPairs')}</p>
        ) : (
          <ul class="list">
            {overview.pairs.map((p) => (
              <Pair
                key={p.newcomer}
                p={p}
                tx={tx}
                replacing={props.replaceEmail !== '' && props.replaceEmail === p.newcomer}
                onEnded={(result, replace) => onEnded(result, replace, p)}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-loads">
        <h2 id="h-loads">{tx('pairing.loads')}</h2>
        {overview.loads.length === 0 ? (
          <p class="muted">{tx('pairing.noLoads')}</p>
        ) : (
          <ul class="plain">
            {overview.loads.map((l) => (
              <li key={l.email} class="load" data-testid="load" data-email={l.email}>
                <span class="name">{l.name}</span>
                <span class="meter">
                  <span class="bar" aria-hidden="true">
                    <span
                      class={l.load > l.capacity ? 'red' : l.load === l.capacity ? 'amber' : ''}
                      style={{
                        width: `${Math.min(100, Math.round((l.load / Math.max(1, l.capacity)) * 100))}%`,
                      }}
                    />
                  </span>
                  {tx('pairing.load', { load: l.load, capacity: l.capacity })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
