/** The region's data assumptions, shown with the results: counties without station data, stations that stand in for 120 points. */
import { useMemo } from 'react';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { regionCaveats } from './region-caveats.ts';

export function RegionCaveat() {
  const dataset = useStore((s) => s.dataset);
  const stations = useStore((s) => s.stations);
  const { t } = useT();
  const caveats = useMemo(() => (dataset ? regionCaveats(dataset.counties, dataset.zones, dataset.stations, stations) : null), [dataset, stations]);
  if (!caveats || (caveats.noStationData.length === 0 && caveats.assumed.length === 0)) return null;
  const sep = t('cards.listSeparator');
  return (
    <div className="region-caveat" role="note" data-testid="region-caveat">
      <h3>{t('cards.caveat.title')}</h3>
      <ul>
        {caveats.assumed.map((a) => (
          <li key={a.county} data-testid={`caveat-assumed-${a.county}`} data-value={a.count}>
            {t('cards.caveat.assumed', { county: a.name, count: a.count, atSeat: a.atSeat, kinds: a.kinds.map((k) => t(`kind.${k}`)).join(sep) })}
          </li>
        ))}
        {caveats.noStationData.length > 0 && (
          <li data-testid="caveat-no-data" data-counties={caveats.noStationData.map((c) => c.county).join(',')}>
            {t('cards.caveat.noData', { counties: caveats.noStationData.map((c) => c.name).join(sep) })}
          </li>
        )}
      </ul>
    </div>
  );
}
