/**
 * Ranked buddy suggestions for one newcomer, with the reasons, each buddy's load and a "Koppel"
 * button; who cannot be buddy (and why) only on request.
 */
import { useState } from 'preact/hooks';
import type { ExcludedDto, PairingResult, SuggestionDto, SuggestionsDto } from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { type Loaded, Said, type Tx, txFor, useLoad } from './kit';
import { call } from './rpc';
import { scoreText } from './texts';

/** How many suggestions show before "meer tonen". */
const TOP = 3;

/** Colleagues grouped by their first reason, largest group first. */
function groupByReason(list: readonly ExcludedDto[]): [string, ExcludedDto[]][] {
  const groups = new Map<string, ExcludedDto[]>();
  for (const e of list) {
    const key = e.reasons[0] ?? '—';
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
}

function elsewhere(list: readonly ExcludedDto[]): number {
  return list.filter((e) => e.otherLocation).length;
}

export interface Newcomer {
  email: string;
  name: string;
  /** The buddy of a pair just ended with "Vervangen", marked in the list. */
  previousBuddy?: string;
}

/** Suggestions for a newcomer, fetched once per mount. */
export function useSuggestions(email: string): Loaded<SuggestionsDto> {
  return useLoad(() => call('suggestBuddies', email), email).loaded;
}

/** A score on the school's scale: "past 8/10" with a bar, the points on hover. */
export function Score(props: { score: number; fit: number | null; scale: number; language: Language }) {
  const { fit, language } = props;
  const tx: Tx = txFor(language);
  if (fit === null)
    return (
      <span class="score muted" data-testid="score-fit" data-fit="">
        {tx('fit.none')}
      </span>
    );
  const title = tx('fit.title', {
    n: fit,
    score: scoreText(language, props.score),
    max: scoreText(language, props.scale),
  });
  return (
    <span class="score" title={title}>
      <span class="bar" aria-hidden="true">
        <span style={{ width: `${fit * 10}%` }} />
      </span>
      <span class="nowrap" data-testid="score-fit" data-fit={String(fit)}>
        {tx('fit.label', { n: fit })}
      </span>
    </span>
  );
}

/** "Wat betekent ‘past 8/10’?": the scale in words, on request. */
export function ScaleHelp(props: { scale: number; language: Language }) {
  const [open, setOpen] = useState(false);
  const tx: Tx = txFor(props.language);
  return (
    <div class="small">
      <button
        type="button"
        class="link"
        data-testid="scale-help-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {tx('fit.scaleAsk')}
      </button>
      {open && (
        <p class="muted" data-testid="scale-help">
          {props.scale > 0
            ? tx('fit.scaleText', { max: scoreText(props.language, props.scale) })
            : tx('fit.scaleEmpty')}
        </p>
      )}
    </div>
  );
}

function Suggestion(props: {
  s: SuggestionDto;
  scale: number;
  language: Language;
  busy: boolean;
  mine: boolean;
  previous: boolean;
  onAssign: (s: SuggestionDto) => void;
}) {
  const { s, language } = props;
  const tx: Tx = txFor(language);
  return (
    <li class="suggestion" data-testid="suggestion" data-email={s.email}>
      <div class="line">
        <span class="name" data-testid="suggestion-name">
          {s.name}
        </span>
        <Score score={s.score} fit={s.fit} scale={props.scale} language={language} />
      </div>
      <ul class="chips" aria-label={tx('pairing.reasons')}>
        {props.previous && <li class="chip warn">{tx('pairing.previousBuddy')}</li>}
        {s.note && (
          <li class="chip warn" data-testid="suggestion-note">
            {s.note}
          </li>
        )}
        {s.reasons.map((r) => (
          <li class="chip" key={r}>
            {r}
          </li>
        ))}
      </ul>
      <div class="line">
        <span class="muted" data-testid="suggestion-load" title={tx('pairing.loadLabel')}>
          {tx('suggestions.free', { free: Math.max(0, s.capacity - s.load), capacity: s.capacity })}
        </span>
        <button
          type="button"
          class="primary"
          data-testid="assign"
          aria-label={tx('pairing.assignTo', { name: s.name })}
          disabled={props.busy}
          onClick={() => props.onAssign(s)}
        >
          {props.mine ? tx('pairing.busy') : tx('pairing.assign')}
        </button>
      </div>
    </li>
  );
}

/** The suggestions panel; `onAssigned` gets the server's result after a successful "Koppel". */
export function Suggestions(props: {
  newcomer: Newcomer;
  language: Language;
  onAssigned: (result: PairingResult) => Promise<void>;
  onClose: () => void;
}) {
  const { newcomer, language } = props;
  const tx: Tx = txFor(language);
  const loaded = useSuggestions(newcomer.email);
  const assign = useAction();
  const [choice, setChoice] = useState('');
  const [showExcluded, setShowExcluded] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [showElsewhere, setShowElsewhere] = useState(false);
  /** A colleague below a buddy rule, waiting for the chef buddy's explicit confirmation. */
  const [confirming, setConfirming] = useState<ExcludedDto | null>(null);

  const onAssign = (s: SuggestionDto) =>
    assign.run(async () => {
      setChoice(s.email);
      const result = await call('assignBuddy', newcomer.email, s.email);
      await props.onAssigned(result);
    });
  const onAssignAnyway = (e: ExcludedDto) =>
    assign.run(async () => {
      setChoice(e.email);
      const result = await call('assignBuddy', newcomer.email, e.email, true);
      setConfirming(null);
      await props.onAssigned(result);
    });

  return (
    <section
      class="panel"
      data-testid="suggestions"
      data-newcomer={newcomer.email}
      aria-label={tx('pairing.chooseFor', { name: newcomer.name })}
      aria-busy={loaded.kind === 'loading' || assign.busy}
    >
      <div class="line">
        <strong>{tx('pairing.chooseFor', { name: newcomer.name })}</strong>
        <button type="button" class="link" onClick={props.onClose} data-testid="suggestions-close">
          {tx('pairing.close')}
        </button>
      </div>
      {loaded.kind === 'loading' && (
        <p class="spinner" data-testid="suggestions-loading">
          {tx('pairing.loadingSuggestions')}
        </p>
      )}
      {loaded.kind === 'error' && <Said id="suggestions" error={loaded.message} />}
      <Said id="assign" error={assign.error} />
      {loaded.kind === 'ready' && (
        <>
          {loaded.data.suggestions.length === 0 ? (
            <p class="muted">{tx('pairing.noSuggestions')}</p>
          ) : (
            <ol class="list">
              {loaded.data.suggestions.slice(0, showAll ? undefined : TOP).map((s) => (
                <Suggestion
                  key={s.email}
                  s={s}
                  scale={loaded.data.scale}
                  language={language}
                  busy={assign.busy}
                  mine={assign.busy && choice === s.email}
                  previous={s.email === newcomer.previousBuddy}
                  onAssign={onAssign}
                />
              ))}
            </ol>
          )}
          {loaded.data.suggestions.length > 0 && <ScaleHelp scale={loaded.data.scale} language={language} />}
          {loaded.data.suggestions.length > TOP && (
            <button
              type="button"
              class="link"
              data-testid="show-more"
              aria-expanded={showAll}
              onClick={() => setShowAll(!showAll)}
            >
              {showAll
                ? tx('suggestions.less')
                : tx('suggestions.more', { n: loaded.data.suggestions.length - TOP })}
            </button>
          )}
          <button
            type="button"
            class="link"
            aria-expanded={showExcluded}
            data-testid="show-excluded"
            onClick={() => setShowExcluded(!showExcluded)}
          >
            {tx('pairing.whoNot')} ({loaded.data.excluded.length})
          </button>
          {showExcluded &&
            (loaded.data.excluded.length === 0 ? (
              <p class="muted">{tx('pairing.nobodyExcluded')}</p>
            ) : (
              <div class="excluded" data-testid="excluded">
                {groupByReason(loaded.data.excluded.filter((e) => !e.otherLocation)).map(
                  ([reason, people]) => (
                    <div key={reason} data-testid="excluded-group">
                      <h5>
                        {reason} ({people.length})
                      </h5>
                      <ul class="plain">
                        {people.map((e) => (
                          <li key={e.email} data-testid="excluded-item" data-email={e.email}>
                            <span class="name">{e.name || e.email}</span>: {e.reasons.join('; ')}
                            {e.ruleOnly && confirming?.email !== e.email && (
                              <button
                                type="button"
                                class="link"
                                data-testid="assign-anyway"
                                disabled={assign.busy}
                                onClick={() => setConfirming(e)}
                              >
                                {tx('pairing.assignAnyway')}
                              </button>
                            )}
                            {confirming?.email === e.email && (
                              <div class="warning" role="alertdialog" data-testid="rule-confirm">
                                <p>
                                  {tx('pairing.ruleConfirm', {
                                    name: e.name || e.email,
                                    rule: e.reasons.join('; '),
                                  })}
                                </p>
                                <button
                                  type="button"
                                  class="primary"
                                  data-testid="rule-confirm-yes"
                                  disabled={assign.busy}
                                  onClick={() => onAssignAnyway(e)}
                                >
                                  {assign.busy && choice === e.email
                                    ? tx('pairing.busy')
                                    : tx('pairing.ruleConfirmYes')}
                                </button>{' '}
                                <button
                                  type="button"
                                  data-testid="rule-confirm-no"
                                  disabled={assign.busy}
                                  onClick={() => setConfirming(null)}
                                >
                                  {tx('pairing.ruleConfirmNo')}
                                </button>
                              </div>
                            )}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ),
                )}
                {elsewhere(loaded.data.excluded) > 0 && (
                  <button
                    type="button"
                    class="link"
                    data-testid="excluded-elsewhere"
                    aria-expanded={showElsewhere}
                    onClick={() => setShowElsewhere(!showElsewhere)}
                  >
                    {tx('suggestions.elsewhere', { n: elsewhere(loaded.data.excluded) })}
                  </button>
                )}
                {showElsewhere && (
                  <ul class="plain small" data-testid="excluded-elsewhere-list">
                    {loaded.data.excluded
                      .filter((e) => e.otherLocation)
                      .map((e) => (
                        <li key={e.email}>
                          {e.name || e.email}: {e.reasons.join('; ')}
                        </li>
                      ))}
                  </ul>
                )}
              </div>
            ))}
        </>
      )}
    </section>
  );
}
