/**
 * The township table's EMS columns (shown on request): calls a year when
 * calls are shown, then per weight the share within the circle minutes and
 * the 90th-percentile response time on the figures' basis.
 */
import type { MinutesBasis } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';
import type { Weight, ZoneEmsCells } from './ems-view.ts';

const weightKey = (w: Weight) => (w === 'residents' ? 'emsPanel.residentsCol' : 'emsPanel.callsCol');

export function TownshipEmsHeaders({ weights, minutes, basis }: { weights: readonly Weight[]; minutes: number; basis: MinutesBasis }) {
  const { t } = useT();
  const basisNote = t(basis === 'roads' ? 'emsPanel.basis.roads' : 'emsPanel.basis.circle');
  const sub = (w: Weight) => weights.length > 1 && <div className="muted small">{t(weightKey(w))}</div>;
  return (
    <>
      {weights.includes('calls') && (
        <th scope="col" title={t('emsPanel.zones.callsTitle')} data-testid="township-ems-calls-header">
          {t('emsPanel.zones.calls')}
        </th>
      )}
      {weights.map((w) => (
        <th scope="col" key={`within-${w}`} title={t('emsPanel.zones.withinTitle', { weight: t(weightKey(w)), minutes })}>
          {t('emsPanel.zones.within', { minutes })}
          {sub(w)}
        </th>
      ))}
      {weights.map((w) => (
        <th scope="col" key={`p90-${w}`} title={`${t('emsPanel.zones.p90Title', { weight: t(weightKey(w)) })} · ${basisNote}`}>
          {t('emsPanel.zones.p90')}
          {sub(w)}
        </th>
      ))}
    </>
  );
}

export function TownshipEmsCells({ cells, weights, horizonMinutes }: { cells: ZoneEmsCells | null; weights: readonly Weight[]; horizonMinutes: number }) {
  const { t, n, pct } = useT();
  const minutes = (m: number | null) => (m === null ? t('zones.notReached', { max: horizonMinutes }) : n(m, 1));
  return (
    <>
      {weights.includes('calls') && (
        <td data-testid="township-ems-calls" data-value={cells?.callsPerYear ?? ''}>
          {cells?.callsPerYear == null ? '—' : n(cells.callsPerYear)}
        </td>
      )}
      {weights.map((w, k) => (
        <td key={`within-${w}`} data-testid={`township-ems-within-${w}`} data-value={cells?.within[k] ?? ''}>
          {cells?.within[k] == null ? '—' : pct(cells.within[k] * 100)}
        </td>
      ))}
      {weights.map((w, k) => (
        <td key={`p90-${w}`} data-testid={`township-ems-p90-${w}`} data-value={cells?.p90[k] ?? ''}>
          {cells ? minutes(cells.p90[k]) : '—'}
        </td>
      ))}
    </>
  );
}
