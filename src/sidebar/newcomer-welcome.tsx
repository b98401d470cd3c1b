/**
 * A newcomer's welkomstpakket, for a chef buddy or the school leader: its state and sending day, a
 * preview exactly as it will be sent (the HTML part only inside a frame without scripts), a test
 * to oneself, and "Nu versturen" after a confirmation.
 */
import { useState } from 'preact/hooks';
import type { PacketStatus, WelcomePreviewDto, WelcomeRowDto } from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { Confirm, Said, type Tx } from './newcomer-parts';
import { call } from './rpc';
import { dayDate, text } from './texts';

export const PACKET_CLASS: Record<WelcomeRowDto['stateKind'], string> = {
  none: 'mail grey',
  pending: 'mail amber',
  sending: 'mail amber',
  sent: 'mail green',
  failed: 'mail red',
  unknown: 'mail red',
  skipped: 'mail red',
};

/** The colour of a packet status: green sent, amber on its way, red when a person must act. */
export const STATUS_CLASS: Record<PacketStatus['code'], string> = {
  auto: 'mail amber',
  autoNext: 'mail amber',
  planned: 'mail amber',
  sending: 'mail amber',
  sent: 'mail green',
  manualOff: 'mail red',
  manualBroken: 'mail red',
  failed: 'mail red',
  unknown: 'mail red',
  skipped: 'mail grey',
  blocked: 'mail red',
  startedLongAgo: 'mail red',
};

/** What will really happen to the packet, in the user's language ("gaat automatisch uit op ma 11 januari"). */
export function packetText(language: Language, status: PacketStatus, today: string): string {
  const date = dayDate(language, status.date, today);
  const t = (key: Parameters<typeof text>[1], params: Record<string, string> = {}) =>
    text(language, key, params);
  switch (status.code) {
    case 'auto':
      return t('packet.auto', { date });
    case 'autoNext':
      return t('packet.autoNext');
    case 'planned':
      return status.date ? t('packet.planned', { date }) : t('packet.plannedNow');
    case 'manualOff':
      return t('packet.manualOff');
    case 'manualBroken':
      return t('packet.manualBroken');
    case 'sent':
      return status.reason ? t('packet.sentAt', { date, time: status.reason }) : t('packet.sent', { date });
    case 'sending':
      return t('packet.sending', { date });
    case 'failed':
      return t('packet.failed', { reason: status.reason });
    case 'unknown':
      return t('packet.unknown');
    case 'skipped':
      return t('packet.skipped', { reason: status.reason });
    case 'blocked':
      return t('packet.blocked', { reason: status.reason });
    case 'startedLongAgo':
      return t('packet.startedLongAgo', { date });
  }
}

function PreviewView({ data, tx }: { data: WelcomePreviewDto; tx: Tx }) {
  return (
    <div class="panel" data-testid="welcome-preview">
      {data.errors.length > 0 && (
        <div class="error">
          <strong>{tx('welcome.blocked')}</strong>
          <ul class="plain">
            {data.errors.map((e) => (
              <li key={e} data-testid="welcome-error">
                {e}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(data.warnings ?? []).map((w) => (
        <div class="warning" role="status" key={w} data-testid="welcome-warning">
          {w}
        </div>
      ))}
      {data.subject && (
        <>
          <div class="row">
            <span>{tx('welcome.to')}</span>
            <span>{data.to}</span>
          </div>
          {data.replyTo && (
            <div class="row">
              <span>{tx('welcome.replyTo')}</span>
              <span>{data.replyTo}</span>
            </div>
          )}
          <div class="row">
            <span>{tx('welcome.subject')}</span>
            <strong data-testid="welcome-subject">{data.subject}</strong>
          </div>
          {/* sandbox="" without allow-scripts: the mail's HTML is shown, nothing in it can run. */}
          <iframe
            sandbox=""
            srcdoc={data.html}
            title={tx('welcome.frame')}
            class="welcome-frame"
            data-testid="welcome-frame"
          />
          <h5>{tx('welcome.attachments')}</h5>
          <ul class="plain">
            {data.attachments.map((a) => (
              <li key={a.name} data-testid="welcome-attachment" data-type={a.mimeType}>
                {a.name}{' '}
                <span class="small">({tx('welcome.kb', { n: Math.max(1, Math.round(a.size / 1024)) })})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function WelcomeSection(props: {
  email: string;
  name: string;
  row: WelcomeRowDto | undefined;
  /** The status as the newcomer list has it, when the location's packet rows do not. */
  packet: PacketStatus;
  language: Language;
  today: string;
  tx: Tx;
  onChanged: () => Promise<void>;
}) {
  const { email, row, tx } = props;
  const status = row?.status ?? props.packet;
  const [preview, setPreview] = useState<WelcomePreviewDto | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const show = useAction();
  const test = useAction();
  const send = useAction();
  const busy = show.busy || test.busy || send.busy;

  const state = row?.state || preview?.state || '';
  const due = row?.due ?? preview?.due ?? '';
  const kind = row?.stateKind ?? preview?.stateKind ?? 'none';
  const problem = row?.problem ?? '';

  const togglePreview = () => {
    if (preview) {
      setPreview(null);
      return;
    }
    show.run(async () => setPreview(await call('previewWelcome', email)));
  };
  const sendTest = () => {
    setMessage('');
    test.run(async () => setMessage((await call('sendWelcomeTest', email)).message));
  };
  const sendNow = () => {
    setMessage('');
    send.run(async () => {
      try {
        setMessage((await call('sendWelcomeNow', email)).message);
      } finally {
        setConfirming(false);
        setPreview(null);
        await props.onChanged();
      }
    });
  };

  return (
    <div>
      <p>
        <span
          class={STATUS_CLASS[status.code]}
          data-testid="welcome-state"
          data-kind={kind}
          data-code={status.code}
          title={state && tx('sheet.cell', { value: state })}
        >
          {tx('packet.label', { text: packetText(props.language, status, props.today) })}
        </span>
      </p>
      {/* The sending day only while it is still ahead: a past day is never shown as the future. */}
      {kind !== 'sent' && kind !== 'skipped' && (!due || due > props.today) && (
        <p class="small" data-testid="welcome-due">
          {due
            ? tx('packet.dueDay', { date: dayDate(props.language, due, props.today) })
            : tx('welcome.noDue')}
        </p>
      )}
      {problem && !preview && status.code !== 'blocked' && <p class="error small">{problem}</p>}
      <div class="actions">
        <button
          type="button"
          data-testid="welcome-preview-toggle"
          aria-expanded={preview !== null}
          disabled={show.busy}
          onClick={togglePreview}
        >
          {show.busy ? tx('shell.loading') : tx('welcome.preview')}
        </button>
        <button type="button" data-testid="welcome-test" disabled={busy} onClick={sendTest}>
          {test.busy ? tx('pairing.busy') : tx('welcome.sendTest')}
        </button>
        {/* A secondary action: the packet normally goes by itself; this sends it now, after a confirmation. */}
        <button
          type="button"
          data-testid="welcome-send"
          aria-expanded={confirming}
          disabled={busy || kind === 'sent'}
          onClick={() => {
            setMessage('');
            setConfirming(!confirming);
          }}
        >
          {tx('welcome.sendNow')}
        </button>
      </div>
      {confirming && (
        <Confirm
          id="welcome"
          text={tx('packet.confirmSend', { name: props.name || email, to: email })}
          yes={tx('welcome.yesSend')}
          tx={tx}
          busy={send.busy}
          error=""
          onYes={sendNow}
          onNo={() => setConfirming(false)}
        />
      )}
      <Said id="welcome" message={message} error={show.error || test.error || send.error} />
      {preview && <PreviewView data={preview} tx={tx} />}
    </div>
  );
}
