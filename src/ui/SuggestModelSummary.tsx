/** What an expected-coverage (MEXCLP) or p-center suggestion achieves, and the bound that proves how good it is. */
import type { MexclpSuggestion, PCenterSuggestion } from '../core/suggest/index.ts';
import { useT } from './i18n.ts';

export function SuggestModelSummary({ answer }: { answer: MexclpSuggestion | PCenterSuggestion }) {
  const { t, n, pct } = useT();
  const share = (v: number) => pct(v * 100);
  if (answer.model === 'mexclp') {
    const { expected, bound } = answer;
    return (
      <>
        <p className="small" data-testid="suggest-expected" data-value={expected.after}>
          {t('suggest.expected', { before: share(expected.beforeShare), after: share(expected.afterShare), added: n(expected.after - expected.before) })}
        </p>
        <p className="small" data-testid="suggest-bound" data-ratio={bound.ratio}>
          {bound.provenOptimal
            ? t('suggest.expectedOptimal')
            : t('suggest.expectedBound', { upper: n(bound.upperBound), ratio: pct(bound.ratio * 100), gap: pct(answer.gap * 100) })}
          {answer.exhausted && ` ${t('suggest.exhausted')}`}
        </p>
        <details className="small bound-details" data-testid="suggest-bound-details">
          <summary>{t('suggest.boundHow')}</summary>
          {t(`suggest.bound.${bound.kind}`)}; {t('suggest.busy', { busy: pct(answer.busyFraction * 100) })}
        </details>
      </>
    );
  }
  const minutes = answer.unit === 'minutes';
  const cost = (v: number | null) => (v === null ? t('suggest.beyond', { horizon: n(answer.horizon, 1) }) : n(v, 1));
  return (
    <>
      <p className="small" data-testid="suggest-worst" data-value={answer.worst.after ?? ''}>
        {t(minutes ? 'suggest.worst.minutes' : 'suggest.worst.km', { before: cost(answer.worst.before), after: cost(answer.worst.after) })}
      </p>
      <p className="small" data-testid="suggest-bound" data-proven={answer.provenOptimal ? 'true' : 'false'}>
        {answer.provenOptimal ? t('suggest.worstProven', { k: answer.k }) : t('suggest.worstBound', { k: answer.k, lower: n(answer.lowerBound, 1) })}
        {answer.exhausted && ` ${t('suggest.worstExhausted')}`}
      </p>
      {answer.unreachedWeight > 0 && <p className="muted small">{t('suggest.unreached', { people: n(answer.unreachedWeight) })}</p>}
    </>
  );
}
