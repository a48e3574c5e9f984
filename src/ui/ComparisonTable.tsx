/** A pinned scenario beside the current one: headline figures and the townships whose covered population changed. */
import { clearComparison } from '../app/scenario-actions.ts';
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

export function ComparisonTable() {
  const pinned = useStore((s) => s.comparison);
  const result = useStore((s) => s.result);
  const activeStations = useStore((s) => s.stations.filter((st) => st.status !== 'disabled').length);
  const minutes = useStore((s) => s.rules.circleMinutes);
  const { t, n, pct, place } = useT();
  if (!pinned || !result) return null;
  const now = result.totals;
  const was = pinned.totals;
  const signed = (v: number, text: string) => (v > 0 ? `+${text}` : text);
  const rows: [string, string, number, number, (v: number) => string][] = [
    ['covered', t('results.covered'), was.covered, now.covered, n],
    ['covered-pct', t('results.coveredPct'), was.coveredPct, now.coveredPct, pct],
    ['marginal', t('results.marginal'), was.marginal, now.marginal, n],
    ['gap', t('results.gap'), was.gap, now.gap, n],
    ['within', t('results.within', { minutes }), was.withinCircle, now.withinCircle, n],
    ['stations', t('scenario.stations'), pinned.stationCount, activeStations, n],
  ];
  const before = new Map(pinned.zones.map((z) => [z.code, z]));
  const changedZones = result.zones
    .map((z) => ({ zone: z, change: z.covered - (before.get(z.code)?.covered ?? 0) }))
    .filter((z) => Math.round(z.change) !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  return (
    <div className="comparison" data-testid="comparison">
      <h3>
        {t('scenario.compareTitle')}{' '}
        <button type="button" className="link small" onClick={clearComparison}>
          {t('scenario.unpin')}
        </button>
      </h3>
      <p className="muted small">{t('scenario.compareHint', { name: pinned.name })}</p>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('scenario.pinned')}</th>
            <th>{t('scenario.current')}</th>
            <th>{t('scenario.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, a, b, format]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td data-testid={`compare-${key}-pinned`} data-value={a}>{format(a)}</td>
              <td data-testid={`compare-${key}-current`} data-value={b}>{format(b)}</td>
              <td className={b - a > 0 ? 'up' : b - a < 0 ? 'down' : ''}>{signed(b - a, format(b - a))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="small">{t('scenario.zonesChanged')}</h4>
      {changedZones.length === 0 ? (
        <p className="muted small">{t('scenario.noZoneChange')}</p>
      ) : (
        <table className="small">
          <tbody>
            {changedZones.slice(0, 12).map(({ zone, change }) => (
              <tr key={zone.code}>
                <th scope="row">{place(zone.name)}</th>
                <td className={change > 0 ? 'up' : 'down'}>{signed(change, n(change))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
