/**
 * "Stel koppelingen voor": the server's whole-location proposal as a preview the chef buddy can
 * change (leave rows out, choose another buddy from that newcomer's suggestions), then applied
 * in one call. Nothing is written before "Toepassen".
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PairingResult, ProposalDto } from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { LoadState, Said, type Tx, txFor, useLoad } from './kit';
import { call } from './rpc';
import { Score, useSuggestions } from './suggestions';

type Row = ProposalDto['pairs'][number] & { include: boolean };

/** The select of other buddies, mounted only when the user asks to change: suggestions load lazily. */
function BuddyChoice(props: {
  row: Row;
  language: Language;
  onChoose: (change: Partial<Row>) => void;
  onDone: () => void;
}) {
  const { row, language } = props;
  const tx: Tx = txFor(language);
  const loaded = useSuggestions(row.newcomer);
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (loaded.kind === 'ready') select.current?.focus();
  }, [loaded.kind]);
  if (loaded.kind === 'loading') return <span class="spinner">{tx('pairing.loadingSuggestions')}</span>;
  if (loaded.kind === 'error') {
    return (
      <span class="error" role="alert" data-testid="action-error">
        {loaded.message}
      </span>
    );
  }
  const options = loaded.data.suggestions;
  const known = options.some((s) => s.email === row.buddy);
  return (
    <span class="choice">
      <label class="sr-only" for={id}>
        {tx('pairing.buddyFor', { name: row.newcomerName })}
      </label>
      <select
        id={id}
        ref={select}
        data-testid="buddy-select"
        value={row.buddy}
        onChange={(e) => {
          const s = options.find((o) => o.email === e.currentTarget.value);
          if (s)
            props.onChoose({
              buddy: s.email,
              buddyName: s.name,
              score: s.score,
              fit: s.fit,
              reasons: s.reasons,
            });
        }}
      >
        {!known && <option value={row.buddy}>{row.buddyName}</option>}
        {options.map((s) => (
          <option key={s.email} value={s.email}>
            {s.name} ({s.fit === null ? tx('fit.none') : tx('fit.label', { n: s.fit })};{' '}
            {tx('pairing.load', { load: s.load, capacity: s.capacity })})
          </option>
        ))}
      </select>
      <button type="button" class="link" onClick={props.onDone}>
        {tx('pairing.close')}
      </button>
    </span>
  );
}

function ProposalRow(props: {
  row: Row;
  scale: number;
  language: Language;
  disabled: boolean;
  onChange: (change: Partial<Row>) => void;
}) {
  const { row, language } = props;
  const tx: Tx = txFor(language);
  const [editing, setEditing] = useState(false);
  const id = useId();
  return (
    <li
      class={row.include ? 'proposal-row' : 'proposal-row off'}
      data-testid="proposal-row"
      data-newcomer={row.newcomer}
      data-buddy={row.buddy}
    >
      <div class="line">
        <label for={id} class="check">
          <input
            id={id}
            type="checkbox"
            data-testid="proposal-include"
            checked={row.include}
            disabled={props.disabled}
            onChange={(e) => props.onChange({ include: e.currentTarget.checked })}
          />
          <span class="name">{row.newcomerName}</span>
        </label>
        <Score score={row.score} fit={row.fit} scale={props.scale} language={language} />
      </div>
      <div class="line buddy">
        <span>
          →{' '}
          <span class="name" data-testid="proposal-buddy">
            {row.buddyName}
          </span>
        </span>
        {!editing && (
          <button
            type="button"
            class="link"
            data-testid="change-buddy"
            disabled={props.disabled}
            aria-label={`${tx('pairing.change')}: ${tx('pairing.buddyFor', { name: row.newcomerName })}`}
            onClick={() => setEditing(true)}
          >
            {tx('pairing.change')}
          </button>
        )}
      </div>
      {editing && (
        <BuddyChoice
          row={row}
          language={language}
          onChoose={props.onChange}
          onDone={() => setEditing(false)}
        />
      )}
      <p class="small" title={row.reasons.join('; ')}>
        {row.reasons.join(' · ')}
      </p>
    </li>
  );
}

/** The proposal for `location`, fetched on mount. */
export function Proposal(props: {
  location: string;
  language: Language;
  onApplied: (result: PairingResult, names: Map<string, string>) => Promise<void>;
  onClose: () => void;
}) {
  const { language } = props;
  const tx: Tx = txFor(language);
  const load = useLoad(() => call('proposePairs', props.location), props.location);
  const proposal: ProposalDto | null = load.loaded.kind === 'ready' ? load.loaded.data : null;
  const [rows, setRows] = useState<Row[]>([]);
  const apply = useAction();
  // Each proposal that arrives starts with every row included.
  useEffect(
    () => setRows(proposal ? proposal.pairs.map((pair) => ({ ...pair, include: true })) : []),
    [proposal],
  );

  const chosen = rows.filter((r) => r.include);
  const onApply = () =>
    apply.run(async () => {
      const pairs = chosen.map((r) => ({ newcomer: r.newcomer, buddy: r.buddy }));
      const result = await call('applyPairs', props.location, pairs);
      await props.onApplied(result, new Map(rows.map((r) => [r.newcomer, r.newcomerName])));
    });

  return (
    <section
      class="panel"
      data-testid="proposal"
      aria-label={tx('pairing.proposal')}
      aria-busy={load.loaded.kind === 'loading' || apply.busy}
    >
      <div class="line">
        <strong>{tx('pairing.proposal')}</strong>
        <button type="button" class="link" onClick={props.onClose} disabled={apply.busy}>
          {tx('pairing.close')}
        </button>
      </div>
      <LoadState
        loaded={load.loaded}
        tx={tx}
        retry={load.reload}
        id="proposal"
        loadingText={tx('pairing.proposing')}
      />
      {proposal && (
        <>
          {proposal.pairs.length === 0 && proposal.unassigned.length === 0 && (
            <p class="muted">{tx('pairing.nothingToPropose')}</p>
          )}
          {proposal.pairs.length > 0 && (
            <>
              <p class="small">{tx('pairing.proposalHint')}</p>
              <ul class="list">
                {rows.map((row, i) => (
                  <ProposalRow
                    key={row.newcomer}
                    row={row}
                    scale={proposal.scale}
                    language={language}
                    disabled={apply.busy}
                    onChange={(change) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)))}
                  />
                ))}
              </ul>
            </>
          )}
          {proposal.unassigned.length > 0 && (
            <>
              <h3>{tx('pairing.unassigned')}</h3>
              <ul class="plain">
                {proposal.unassigned.map((u) => (
                  <li key={u.newcomer} data-testid="unassigned">
                    <span class="name">{u.name}</span>: {u.why}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Said id="apply" error={apply.error} />
          <div class="actions">
            {proposal.pairs.length > 0 && (
              <button
                type="button"
                class="primary"
                data-testid="apply-proposal"
                disabled={apply.busy || chosen.length === 0}
                onClick={onApply}
              >
                {apply.busy ? tx('pairing.busy') : tx('pairing.apply', { n: chosen.length })}
              </button>
            )}
            <button type="button" data-testid="cancel-proposal" disabled={apply.busy} onClick={props.onClose}>
              {tx('pairing.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
