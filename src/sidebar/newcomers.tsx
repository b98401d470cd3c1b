/**
 * The Newcomers tab: the newcomers this user follows (a buddy: their own), each opening a detail
 * view with the schedule, the welcome packet (managers) and the check-ins. A chef buddy or the
 * school leader also makes all missing schedules of the location at once and sees whether
 * automatic sending is on; the school leader can switch it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AutomationStatus, NewcomerDto, SidebarState, WelcomeRowDto } from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { LoadState, Said, Section, type Tx, txFor, useLoad } from './kit';
import { lazy } from './lazy';
import { packetText, STATUS_CLASS, WelcomeSection } from './newcomer-welcome';
import { call } from './rpc';
import { dayDate, dutchDate } from './texts';
import { type Focus, hasSignal, ReplaceButton, signalText } from './week';

const CheckInsSection = lazy('CheckInsSection');
const ScheduleSection = lazy('ScheduleSection');

function isManager(state: SidebarState): boolean {
  return state.user.role === 'schoolleider' || state.user.role === 'chefbuddy';
}

/** Whether the status needs attention: off, missing, or on but not running. */
function needsAttention(status: AutomationStatus): boolean {
  return status.state !== 'on';
}

/** Packet states that count as done on the checklist: planned to go by itself, or sent. */
const PACKET_OK = new Set(['auto', 'autoNext', 'planned', 'sending', 'sent']);

function Check(props: { ok: boolean; label: string; testId: string }) {
  return (
    <span class={props.ok ? 'ck ok' : 'ck'} data-testid={props.testId} data-ok={String(props.ok)}>
      {props.ok ? '✓' : '○'} {props.label}
    </span>
  );
}

function NewcomerItem(props: {
  n: NewcomerDto;
  row: WelcomeRowDto | undefined;
  language: Language;
  today: string;
  tx: Tx;
  onOpen: () => void;
  /** Given to managers: "Vervangen" next to a signal opens the pair on the pairing tab. */
  onFocus?: (focus: Focus) => void;
}) {
  const { n, row, tx } = props;
  const kind = row?.stateKind ?? (n.welcome ? 'unknown' : 'none');
  const status = row?.status ?? n.packet;
  return (
    <li class="item">
      <button
        type="button"
        class="item-main"
        data-testid="newcomer-item"
        data-email={n.email}
        onClick={props.onOpen}
      >
        <span class="line">
          <span class="name">{n.name || n.email}</span>
          <span class="small">
            {n.startDate ? tx('pairing.start', { date: dutchDate(n.startDate) }) : tx('pairing.noStart')}
          </span>
        </span>
        <span class="small" data-testid="newcomer-buddy">
          {n.buddy ? tx('newcomers.buddy', { name: n.buddyName }) : tx('newcomers.noBuddy')}
        </span>
        <span class="line small">
          <span
            class={STATUS_CLASS[status.code]}
            data-testid="newcomer-packet"
            data-kind={row ? kind : ''}
            data-code={status.code}
            title={n.welcome && tx('sheet.cell', { value: n.welcome })}
          >
            {tx('packet.label', { text: packetText(props.language, status, props.today) })}
          </span>
        </span>
        <span class="small checklist" data-testid="newcomer-checklist">
          <Check ok={Boolean(n.buddy) && !n.buddyLeft} label={tx('checklist.buddy')} testId="ck-buddy" />
          <Check ok={n.hasSchedule} label={tx('checklist.schedule')} testId="ck-schedule" />
          <Check ok={PACKET_OK.has(status.code)} label={tx('checklist.packet')} testId="ck-packet" />
          <span class="nowrap">
            {n.nextCheckIn
              ? tx('checklist.next', { date: dayDate(props.language, n.nextCheckIn, props.today) })
              : tx('checklist.noNext')}
          </span>
        </span>
        <span class="small flow" data-testid="newcomer-checkins">
          {tx('newcomers.held', { n: n.checkInsHeld })}
          {n.checkInsLate > 0 && (
            <>
              {' · '}
              <span class="late-text nowrap">{tx('newcomers.lateCount', { n: n.checkInsLate })}</span>
            </>
          )}
          {n.nextCheckIn && (
            <>
              {' · '}
              <span class="nowrap">{tx('newcomers.next', { date: dutchDate(n.nextCheckIn) })}</span>
            </>
          )}
        </span>
      </button>
      <Signal n={n} language={props.language} tx={tx} onFocus={props.onFocus} />
    </li>
  );
}

/** The last check-in's klik or wellbeing signal, with "Vervangen" one click away (managers). */
function Signal(props: { n: NewcomerDto; language: Language; tx: Tx; onFocus?: (focus: Focus) => void }) {
  const { n, tx } = props;
  if (!hasSignal(n)) return null;
  return (
    <div class="line small signal" data-testid="newcomer-signal" data-email={n.email}>
      <span class="late-text">{tx('signal.label', { signal: signalText(props.language, n) })}</span>
      {props.onFocus && n.buddy && (
        <ReplaceButton
          email={n.email}
          name={n.name || n.email}
          language={props.language}
          onOpen={props.onFocus}
        />
      )}
    </div>
  );
}

/** "Maak schema's voor alle nieuw gekoppelde collega's" and the automation status, for managers. */
function ManagerTools(props: { state: SidebarState; tx: Tx; reload: () => Promise<void> }) {
  const { state, tx } = props;
  const generate = useAction();
  const toggle = useAction();
  const [said, setSaid] = useState<{ text: string; details: string[] } | null>(null);
  const [status, setStatus] = useState<AutomationStatus | null>(state.automation);
  useEffect(() => setStatus(state.automation), [state.automation]);
  const location = state.pairing?.location ?? '';
  const leader = state.user.role === 'schoolleider' && (status?.canChange ?? true);
  return (
    <div>
      {location && (
        <div class="actions">
          <button
            type="button"
            data-testid="generate-schedules"
            disabled={generate.busy}
            onClick={() => {
              setSaid(null);
              generate.run(async () => {
                const result = await call('generateSchedules', location);
                setSaid({ text: result.message, details: result.warnings });
                await props.reload();
              });
            }}
          >
            {generate.busy ? tx('pairing.busy') : tx('newcomers.generate')}
          </button>
        </div>
      )}
      <Said id="generate" message={said?.text} details={said?.details} error={generate.error} />
      {status && (
        <div
          class={needsAttention(status) ? 'warning' : 'card'}
          data-testid="automation"
          data-on={String(status.on)}
        >
          {leader ? (
            <label class="check">
              <input
                type="checkbox"
                role="switch"
                aria-checked={status.on}
                data-testid="automation-toggle"
                checked={status.on}
                disabled={toggle.busy}
                aria-busy={toggle.busy}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  toggle.run(async () => setStatus(await call('setAutomaticSending', on)));
                }}
              />
              <strong>{tx('newcomers.automation')}</strong>
            </label>
          ) : (
            <strong>{tx('newcomers.automation')}</strong>
          )}
          <div class="small" data-testid="automation-text" aria-live="polite">
            {status.text}
          </div>
          {!status.canChange && (
            <div class="small muted" data-testid="automation-readonly">
              {tx('packet.readOnly')}
            </div>
          )}
          <Said id="automation" error={toggle.error} />
        </div>
      )}
    </div>
  );
}

/** One newcomer: three collapsible sections, and a link back to the list. */
function Detail(props: {
  n: NewcomerDto;
  state: SidebarState;
  tx: Tx;
  onBack: () => void;
  reload: () => Promise<void>;
  onFocus?: (focus: Focus) => void;
}) {
  const { n, state, tx } = props;
  const manager = isManager(state);
  const checkIns = useLoad(() => call('getCheckIns', n.email), n.email);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const changed = async () => {
    await Promise.all([checkIns.reload(), props.reload()]);
  };
  const data = checkIns.loaded.kind === 'ready' ? checkIns.loaded.data : null;
  return (
    <div data-testid="newcomer-detail" data-email={n.email}>
      <button type="button" class="link" ref={back} data-testid="back" onClick={props.onBack}>
        {tx('newcomers.back')}
      </button>
      <h2 class="nc-name">{n.name || n.email}</h2>
      <p class="small">
        {[
          n.location,
          n.startDate ? tx('pairing.start', { date: dutchDate(n.startDate) }) : tx('pairing.noStart'),
          n.buddy ? tx('newcomers.buddy', { name: n.buddyName }) : tx('newcomers.noBuddy'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <Signal n={n} language={state.language} tx={tx} onFocus={manager ? props.onFocus : undefined} />
      <Section id="schedule" title={tx('newcomers.schedule')}>
        <ScheduleSection
          email={n.email}
          manager={manager}
          checkIns={data}
          tx={tx}
          onChanged={() => void changed()}
        />
      </Section>
      {manager && (
        <Section id="welcome" title={tx('newcomers.welcome')}>
          <WelcomeSection
            email={n.email}
            name={n.name}
            row={state.welcome?.find((w) => w.email === n.email)}
            packet={n.packet}
            language={state.language}
            today={state.today}
            tx={tx}
            onChanged={props.reload}
          />
        </Section>
      )}
      <Section id="checkins" title={tx('newcomers.checkIns')}>
        {data ? (
          <CheckInsSection
            email={n.email}
            data={data}
            today={state.today}
            language={state.language}
            tx={tx}
            onChanged={changed}
          />
        ) : (
          <LoadState loaded={checkIns.loaded} tx={tx} retry={checkIns.reload} id="checkins" />
        )}
      </Section>
    </div>
  );
}

export function Newcomers(props: {
  state: SidebarState;
  language: Language;
  reload: () => Promise<void>;
  /** A newcomer to open at once (from "Deze week" or a next step). */
  focusEmail?: string;
  /** Opens another place: "Vervangen" next to a signal leads to the pairing tab. */
  onFocus?: (focus: Focus) => void;
}) {
  const { state } = props;
  const tx = txFor(props.language);
  // The newcomer on screen is kept as it was opened, so the view stays when the onboarding closes.
  const [open, setOpen] = useState<NewcomerDto | null>(
    () => state.newcomers.find((n) => n.email === props.focusEmail) ?? null,
  );
  const list = useRef<HTMLUListElement>(null);
  const lastOpened = useRef('');
  useEffect(() => {
    if (open || !lastOpened.current) return;
    list.current?.querySelector<HTMLElement>(`[data-email="${CSS.escape(lastOpened.current)}"]`)?.focus();
  }, [open]);

  if (open) {
    const fresh = state.newcomers.find((x) => x.email === open.email) ?? open;
    return (
      <section data-testid="newcomers-tab">
        <Detail
          key={open.email}
          n={fresh}
          state={state}
          tx={tx}
          onBack={() => setOpen(null)}
          reload={props.reload}
          onFocus={props.onFocus}
        />
      </section>
    );
  }
  const manager = isManager(state);
  return (
    <section data-testid="newcomers-tab" aria-labelledby="h-newcomers">
      {manager && <ManagerTools state={state} tx={tx} reload={props.reload} />}
      <h2 id="h-newcomers">{tx('newcomers.list', { n: state.newcomers.length })}</h2>
      {state.newcomers.length === 0 ? (
        <p class="muted" data-testid="no-newcomers">
          {tx('newcomers.none')}
        </p>
      ) : (
        <ul class="list" ref={list}>
          {state.newcomers.map((n) => (
            <NewcomerItem
              key={n.email}
              n={n}
              row={state.welcome?.find((w) => w.email === n.email)}
              language={props.language}
              today={state.today}
              tx={tx}
              onFocus={manager ? props.onFocus : undefined}
              onOpen={() => {
                lastOpened.current = n.email;
                setOpen(n);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
