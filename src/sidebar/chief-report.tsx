/**
 * The chef buddy's monthly report to the school leader (issue 14), in "Overzicht": the figures of
 * the previous month for their location, a remark to add, and whether it may go now; the
 * scheduled run sends it once (without a remark when the chef buddy does nothing in time).
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { ChiefReportDto } from '../shared/api';
import { type Language, MONTHS } from '../shared/language';
import { useAction } from './action';
import { call } from './rpc';
import { dutchDate, text } from './texts';

export function ChiefReport(props: { location: string; language: Language }) {
  const { language } = props;
  const t = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) =>
    text(language, key, params);
  // A sentence with a date in it: the date is one unbreakable piece (it has hyphens to break at).
  const withDate = (key: Parameters<typeof text>[1], iso: string) => {
    const [before, after = ''] = t(key, { date: '\u0000' }).split('\u0000');
    return (
      <>
        {before}
        <span class="nowrap">{dutchDate(iso)}</span>
        {after}
      </>
    );
  };
  const id = useId();
  const [report, setReport] = useState<ChiefReportDto | null>(null);
  const [remark, setRemark] = useState('');
  const [error, setError] = useState('');
  const save = useAction();
  useEffect(() => {
    call('getChiefReport', props.location).then(
      (r) => {
        setReport(r);
        setRemark(r.remark);
      },
      (e: Error) => setError(e.message),
    );
  }, [props.location]);
  if (error) return <p class="error small">{error}</p>;
  if (!report) return null;
  const month = `${MONTHS[language][Number(report.month.slice(5, 7)) - 1] ?? ''} ${report.month.slice(0, 4)}`;
  const store = (ready: boolean) =>
    save.run(async () => {
      const r = await call('saveChiefReport', props.location, remark, ready);
      setReport(r);
    });
  return (
    <section class="card chief-report" data-testid="chief-report" data-state={report.state}>
      <h2>{t('chiefReport.title', { month })}</h2>
      <ul class="small">
        {report.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {report.state === 'verzonden' ? (
        <p class="message" data-testid="cr-sent">
          {t('chiefReport.sent')}
        </p>
      ) : !report.open ? (
        <p class="small">{withDate('chiefReport.opens', report.opensOn)}</p>
      ) : (
        <>
          <label for={`${id}-remark`}>{t('chiefReport.remark')}</label>
          <textarea
            id={`${id}-remark`}
            data-testid="cr-remark"
            rows={3}
            maxLength={1000}
            value={remark}
            onInput={(e) => setRemark(e.currentTarget.value)}
          />
          <p class="small">
            {withDate(report.state === 'klaar' ? 'chiefReport.ready' : 'chiefReport.goesOn', report.sendsOn)}
          </p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid="cr-ready"
              disabled={save.busy}
              onClick={() => store(true)}
            >
              {t('chiefReport.send')}
            </button>
            <button type="button" data-testid="cr-save" disabled={save.busy} onClick={() => store(false)}>
              {t('chiefReport.save')}
            </button>
          </div>
          {save.error && (
            <p class="error" role="alert">
              {save.error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
