/**
 * A questionnaire round on the page (issue 15): statements on a 5-point scale and open questions,
 * with the visitor's earlier answers filled in. Sent with `submitSurvey`; the server stores them
 * under a keyed hash, never with the visitor's name or address.
 */
import { useState } from 'preact/hooks';
import { call } from '../components/rpc';
import type { PageSurveyDto } from '../shared/api';
import type { Language } from '../shared/language';
import { pageDate, pageText } from './texts';

export function Survey({
  language,
  survey,
  onDone,
}: {
  language: Language;
  survey: PageSurveyDto;
  onDone: (message: string) => void;
}) {
  const [answers, setAnswers] = useState<Record<string, number | string>>(() => ({ ...survey.answers }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const t = (k: Parameters<typeof pageText>[1], p?: Record<string, string | number>) =>
    pageText(language, k, p);
  const answered = Object.keys(survey.answers).length > 0;
  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    // Only what was filled in: an empty open answer is sent as '' (it removes an earlier one).
    const sent: Record<string, number | string> = {};
    for (const q of survey.questions) {
      const v = answers[q.id];
      if (q.type === '5-puntsschaal' ? typeof v === 'number' : typeof v === 'string') sent[q.id] = v!;
    }
    call('submitSurvey', survey.round, sent)
      .then((r) => onDone(r.message))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <form class="survey" data-testid="survey" data-round={survey.round} onSubmit={submit}>
      <p class="small">{t('survey.intro', { date: pageDate(survey.closes) })}</p>
      {answered ? <p class="small">{t('survey.answered')}</p> : null}
      {survey.questions.map((q) =>
        q.type === '5-puntsschaal' ? (
          <fieldset key={q.id} class="scale" data-question={q.id}>
            <legend>{q.text}</legend>
            <div class="scale-options">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} class="inline">
                  <input
                    type="radio"
                    name={`${survey.round}-${q.id}`}
                    value={n}
                    checked={answers[q.id] === n}
                    onChange={() => setAnswers((a) => ({ ...a, [q.id]: n }))}
                  />
                  {n}
                </label>
              ))}
            </div>
            <span class="small">{t('survey.scale')}</span>
          </fieldset>
        ) : (
          <label key={q.id} data-question={q.id}>
            {q.text}
            <textarea
              rows={3}
              maxLength={1000}
              placeholder={t('survey.open')}
              value={typeof answers[q.id] === 'string' ? String(answers[q.id]) : ''}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setAnswers((a) => ({ ...a, [q.id]: value }));
              }}
            />
          </label>
        ),
      )}
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={busy} data-testid="survey-send">
        {t('survey.send')}
      </button>
    </form>
  );
}
