/**
 * Response times on roads in the results panel: the traffic state, the
 * response-time curve (after/before) tagged with the scenario its figures
 * were computed for, and the residents with no road access as a flagged
 * figure. During a drag the worker repeats the last full figures: the curve
 * then keeps them, marked as updating, and is never tagged as current.
 */
import { responseIsCurrent, useStore } from '../app/store.ts';
import { useT } from './i18n.ts';
import { ResponseCurve } from './ResponseCurve.tsx';

export function ResponseSection() {
  const response = useStore((s) => s.result?.response ?? null);
  const responseFor = useStore((s) => s.responseFor);
  const current = useStore(responseIsCurrent);
  const circleMinutes = useStore((s) => s.rules.circleMinutes);
  const speeds = useStore((s) => s.rules.reach.speeds);
  const { t, n } = useT();
  if (!response || !responseFor) return null;
  const after = { share: response.curve, medianMinutes: response.medianMinutes, p90Minutes: response.p90Minutes };
  const before = response.before ? { share: response.before.curve, medianMinutes: response.before.medianMinutes, p90Minutes: response.before.p90Minutes } : null;
  const { farPopulation, fragmentPopulation } = response.noRoadAccess;
  const noAccess = farPopulation + fragmentPopulation;
  const traffic = speeds.traffic === 'peak' ? t('roads.traffic.peak', { factor: n(speeds.peakFactor, 2) }) : t('roads.traffic.off-peak');
  return (
    <section className={`response ${current ? '' : 'response--updating'}`} data-testid="response-section" data-current={current ? 'true' : 'false'} data-traffic={speeds.traffic}>
      <h3>
        {t('curve.title')} <span className="muted small" data-testid="response-traffic">· {t('curve.traffic', { traffic })}</span>
      </h3>
      {!current && <p className="muted small">{t('curve.updating')}</p>}
      <ResponseCurve after={after} before={before} circleMinutes={circleMinutes} version={responseFor.version} />
      <div className={`figure ${noAccess > 0 ? 'gap' : ''}`} data-testid="no-road-access" data-value={noAccess} data-far={farPopulation} data-fragment={fragmentPopulation}>
        <div className="figure-label">{t('curve.noRoadAccess')}</div>
        <div className="figure-value">{t('results.people', { n: n(noAccess) })}</div>
        <div className="figure-note">{t('curve.noRoadAccessNote', { far: n(farPopulation), fragment: n(fragmentPopulation), km: n(speeds.maxSnapKm, 1) })}</div>
      </div>
    </section>
  );
}
