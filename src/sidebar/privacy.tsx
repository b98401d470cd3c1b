/**
 * The Privacy tab (school leader only; the server checks it again): apply the retention terms
 * after a preview, show and download everything held about one person, and erase a person after
 * a summary and an explicit confirmation.
 */
import { useState } from 'preact/hooks';
import type { ErasurePreviewDto, PersonExportDto, RetentionPreviewDto, SidebarState } from '../shared/api';
import type { Language } from '../shared/language';
import { useAction } from './action';
import { Download, Said, type Tx, txFor } from './kit';
import { call } from './rpc';

interface Props {
  state: SidebarState;
  language: Language;
}

function Retention({ t }: { t: Tx }) {
  const action = useAction();
  const [preview, setPreview] = useState<RetentionPreviewDto | null>(null);
  const [message, setMessage] = useState('');
  return (
    <section class="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('privacy.retention')}</h2>
      <p class="small">{t('privacy.retentionHelp')}</p>
      <div class="actions">
        <button
          type="button"
          data-testid="retention-preview"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              setMessage('');
              setPreview(await call('previewRetentionPurge'));
            })
          }
        >
          {t('privacy.showPurge')}
        </button>
      </div>
      {preview && (
        <div data-testid="retention-items">
          {preview.warnings.map((w) => (
            <p class="warning" key={w}>
              {w}
            </p>
          ))}
          {preview.total === 0 ? (
            <p class="small">{t('privacy.nothingToPurge')}</p>
          ) : (
            <>
              <ul class="plain">
                {preview.items.map((i) => (
                  <li key={`${i.tab}${i.reason}`}>
                    <strong>{i.tab}</strong>: {i.rows} — {i.reason}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                class="create"
                data-testid="retention-apply"
                disabled={action.busy}
                onClick={() =>
                  action.run(async () => {
                    const result = await call('applyRetentionPurge');
                    setMessage(result.message);
                    setPreview(null);
                  })
                }
              >
                {t('privacy.applyPurge', { count: preview.total })}
              </button>
            </>
          )}
        </div>
      )}
      <Said id="retention" message={message} error={action.error} />
    </section>
  );
}

function Person({ t }: { t: Tx }) {
  const lookup = useAction();
  const erasing = useAction();
  const [email, setEmail] = useState('');
  const [data, setData] = useState<PersonExportDto | null>(null);
  const [erasure, setErasure] = useState<ErasurePreviewDto | null>(null);
  const [sure, setSure] = useState(false);
  const [message, setMessage] = useState('');
  const find = () =>
    lookup.run(async () => {
      setMessage('');
      setErasure(null);
      setSure(false);
      setData(await call('exportPersonData', email.trim()));
    });
  return (
    <section class="card" aria-labelledby="person-title">
      <h2 id="person-title">{t('privacy.person')}</h2>
      <form
        class="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          find();
        }}
      >
        <label for="person-email">{t('privacy.email')}</label>
        <input
          id="person-email"
          type="email"
          required
          maxLength={254}
          value={email}
          data-testid="person-email"
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" data-testid="person-search" disabled={lookup.busy || !email.trim()}>
          {t('privacy.find')}
        </button>
      </form>
      <Said id="lookup" error={lookup.error} />
      {data && (
        <div data-testid="person-sections">
          {!data.found ? (
            <p class="small">{t('privacy.notFound')}</p>
          ) : (
            <>
              <p class="small">{data.note}</p>
              {data.sections.map((s, i) => (
                <details key={`${s.tab}${i}`}>
                  <summary>
                    {s.tab} · {s.role}
                  </summary>
                  <dl class="fields">
                    {s.fields.map((f) => (
                      <div key={f.field}>
                        <dt>{f.field}</dt>
                        <dd>{f.value}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              ))}
              {data.mails.length > 0 && (
                <>
                  <h3>{t('privacy.mails')}</h3>
                  <ul class="plain" data-testid="person-mails">
                    {data.mails.map((m, i) => (
                      <li key={`${m.kind}${i}`}>
                        {m.kind}: {m.state}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div class="actions">
                <Download
                  key={`${data.email}csv`}
                  file={data.csv}
                  label={t('privacy.downloadCsv')}
                  testId="download-csv"
                />
                <Download
                  key={`${data.email}json`}
                  file={data.json}
                  label={t('privacy.downloadJson')}
                  testId="download-json"
                />
              </div>
            </>
          )}
          <div class="actions">
            <button
              type="button"
              class="danger"
              data-testid="erase-preview"
              disabled={erasing.busy}
              onClick={() =>
                erasing.run(async () => {
                  setSure(false);
                  setErasure(await call('previewErasure', data.email));
                })
              }
            >
              {t('privacy.erase')}
            </button>
          </div>
        </div>
      )}
      {erasure && (
        <div class="warning" data-testid="erase-summary">
          {erasure.isSelf ? (
            <p>{t('privacy.notYourself')}</p>
          ) : !erasure.found ? (
            <p>{t('privacy.nothingToErase')}</p>
          ) : (
            <>
              <p>{t('privacy.eraseSummary', { email: erasure.email })}</p>
              <ul class="plain">
                {erasure.counts.map((c) => (
                  <li key={c.tab}>
                    <strong>{c.tab}</strong>:{' '}
                    {t('privacy.counts', { removed: c.removed, anonymised: c.anonymised })}
                  </li>
                ))}
              </ul>
              <label class="check">
                <input
                  type="checkbox"
                  checked={sure}
                  data-testid="erase-confirm"
                  onChange={(e) => setSure(e.currentTarget.checked)}
                />{' '}
                {t('privacy.sure')}
              </label>
              <button
                type="button"
                class="danger"
                data-testid="erase-button"
                disabled={!sure || erasing.busy}
                onClick={() =>
                  erasing.run(async () => {
                    const result = await call('erasePerson', erasure.email);
                    setMessage(result.message);
                    setErasure(null);
                    setData(null);
                  })
                }
              >
                {t('privacy.eraseNow')}
              </button>
            </>
          )}
        </div>
      )}
      <Said id="privacy" message={message} error={erasing.error} />
    </section>
  );
}

export function Privacy({ state, language }: Props) {
  const t = txFor(language);
  if (state.user.role !== 'schoolleider') return null;
  return (
    <div data-testid="privacy-tab">
      <Retention t={t} />
      <Person t={t} />
    </div>
  );
}
