/** The response-time curve for residents and calls (the shared ResponseCurve), on the EMS figures' basis. */
import type { FractileFigures, Fractiles } from '../../core/ems/types.ts';
import type { CurveSeries } from '../ResponseCurve.tsx';
import { ResponseCurve } from '../ResponseCurve.tsx';
import { useT } from '../i18n.ts';
import type { Weight } from './ems-view.ts';

const series = (f: Fractiles): CurveSeries => ({ share: f.curve, medianMinutes: f.medianMinutes, p90Minutes: f.p90Minutes });

export function EmsCurve({ fractiles, weights, version }: { fractiles: FractileFigures; weights: readonly Weight[]; version: number }) {
  const { t } = useT();
  const calls = weights.includes('calls') && fractiles.region.calls ? series(fractiles.region.calls) : null;
  const labels = { after: t('emsPanel.curve.residents'), before: t('emsPanel.curve.residentsBefore'), calls: t('emsPanel.curve.calls'), axisY: t('emsPanel.curve.axisShare') };
  return (
    <div className="ems-block">
      <h3>{t('emsPanel.curve.title')}</h3>
      <ResponseCurve
        testId="ems-curve"
        after={series(fractiles.region.residents)}
        before={fractiles.before ? series(fractiles.before.residents) : null}
        calls={calls}
        circleMinutes={fractiles.targetMinutes}
        version={version}
        labels={labels}
      />
    </div>
  );
}
