/** The outbox: every mail the script sent, rendered in a sandboxed frame. */
import { useState } from 'preact/hooks';
import type { Mail } from './api.ts';

export function Outbox(props: { mails: Mail[] }) {
  const [openId, setOpenId] = useState<number | null>(null);
  if (props.mails.length === 0)
    return (
      <p class="muted" data-testid="outbox-empty">
        Er is nog geen mail verzonden.
      </p>
    );
  return (
    <ul class="outbox" data-testid="outbox">
      {[...props.mails].reverse().map((mail) => (
        <li key={mail.id} data-testid="mail" class={openId === mail.id ? 'open' : undefined}>
          <button
            type="button"
            class="mail-head"
            onClick={() => setOpenId(openId === mail.id ? null : mail.id)}
          >
            <strong>{mail.subject || '(geen onderwerp)'}</strong>
            <span>aan {mail.to}</span>
            <span class="muted">{mail.sentAt ? mail.sentAt.replace('T', ' ').slice(0, 16) : ''}</span>
            {mail.attachments.length ? (
              <span>
                {mail.attachments.length} {mail.attachments.length === 1 ? 'bijlage' : 'bijlagen'}
              </span>
            ) : null}
          </button>
          {openId === mail.id ? (
            <div class="mail-body">
              <dl>
                <dt>Aan</dt>
                <dd>{mail.to}</dd>
                {mail.cc ? (
                  <>
                    <dt>Cc</dt>
                    <dd>{mail.cc}</dd>
                  </>
                ) : null}
                {mail.bcc ? (
                  <>
                    <dt>Bcc</dt>
                    <dd>{mail.bcc}</dd>
                  </>
                ) : null}
                {mail.name ? (
                  <>
                    <dt>Afzender</dt>
                    <dd>{mail.name}</dd>
                  </>
                ) : null}
                {mail.replyTo ? (
                  <>
                    <dt>Antwoord aan</dt>
                    <dd>{mail.replyTo}</dd>
                  </>
                ) : null}
              </dl>
              {mail.htmlBody ? (
                // sandbox="" : the mail's HTML is shown, none of its scripts run.
                <iframe title={`Mail: ${mail.subject}`} class="mail-html" sandbox="" srcdoc={mail.htmlBody} />
              ) : (
                <pre class="mail-text">{mail.body}</pre>
              )}
              {mail.attachments.length ? (
                <ul class="attachments">
                  {mail.attachments.map((a) => (
                    <li key={a.url}>
                      <a href={a.url} download={a.name ?? 'bijlage'}>
                        {a.name ?? 'bijlage'}
                      </a>{' '}
                      <span class="muted">
                        ({a.mimeType ?? 'onbekend type'},{' '}
                        {a.size < 1024 ? `${a.size} bytes` : `${Math.round(a.size / 1024)} kB`})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
