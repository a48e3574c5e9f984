/**
 * Response-time fractiles of the region: share within the circle minutes,
 * median and 90th percentile, for each weight shown, before and after the
 * proposed stations, with the basis said (minutes on roads, or straight-line
 * distance converted with the circle formula). Null minutes fall among the
 * unreached and show as "> horizon".
 */
import type { FractileFigures, Fractiles } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';
import type { Weight } from './ems-view.ts';
import { Flag, type FlagKind } from './Flag.tsx';

const MEASURES = ['within', 'median', 'p90'] as const;

function valueOf(f: Fractiles | null | undefined, measure: (typeof MEASURES)[number]): number | null {
  if (!f) return null;
  return measure === 'within' ? f.withinTarget : measure === 'median' ? f.medianMinutes : f.p90Minutes;
}

export function FractilesTable({ fractiles, weights, callsFlag }: { fractiles: FractileFigures; weights: readonly Weight[]; callsFlag: FlagKind | null }) {
  const { t, n, pct } = useT();
  const { before, region, targetMinutes, horizonMinutes } = fractiles;
  const text = (measure: (typeof MEASURES)[number], v: number | null) =>
    measure === 'within' ? (v === null ? '—' : pct(v * 100)) : v === null ? t('emsPanel.notReached', { max: horizonMinutes }) : t('emsPanel.minutes', { minutes: n(v, 1) });
  const label = { within: t('emsPanel.withinTarget', { minutes: targetMinutes }), median: t('emsPanel.median'), p90: t('emsPanel.p90') };
  const cell = (weight: Weight, measure: (typeof MEASURES)[number], side: 'after' | 'before', f: Fractiles | null | undefined) => {
    const v = valueOf(f, measure);
    return (
      <td data-testid={`ems-fractile-${weight}-${measure}-${side}`} data-value={v ?? ''}>
        {f ? text(measure, v) : '—'}
      </td>
    );
  };
  return (
    <div className="ems-block" data-testid="ems-fractiles" data-basis={fractiles.basis}>
      <h3>{t('emsPanel.fractiles.title')}</h3>
      <p className="muted small" data-testid="ems-basis">
        {t(fractiles.basis === 'roads' ? 'emsPanel.basis.roads' : 'emsPanel.basis.circle')}
      </p>
      <table>
        <thead>
          <tr>
            <th />
            {before && <th scope="col">{t('delta.without')}</th>}
            <th scope="col">{before ? t('delta.with') : ''}</th>
          </tr>
        </thead>
        {weights.map((weight) => (
          <tbody key={weight}>
            <tr className="ems-subhead">
              <th scope="rowgroup" colSpan={before ? 3 : 2}>
                {t(weight === 'residents' ? 'emsPanel.residentsCol' : 'emsPanel.callsCol')} {weight === 'calls' && <Flag kind={callsFlag} />}
              </th>
            </tr>
            {MEASURES.map((measure) => (
              <tr key={measure}>
                <th scope="row">{label[measure]}</th>
                {before && cell(weight, measure, 'before', before[weight])}
                {cell(weight, measure, 'after', region[weight])}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
