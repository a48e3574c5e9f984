/** Per-township table, sortable by any column; a row click zooms the map to the township. */
import { useMemo, useState } from 'react';
import { regionOf } from '../app/regions.ts';
import { useStore } from '../app/store.ts';
import type { ZoneRow } from '../core/tables.ts';
import { AmbulanceRoundingNote } from './AmbulanceRoundingNote.tsx';
import { useT } from './i18n.ts';
import { TownshipRow } from './TownshipRow.tsx';

type Column = 'name' | 'areaType' | 'population' | 'coveredPct' | 'marginal' | 'gap' | 'ambulancesNeeded';

export function TownshipTable() {
  const zones = useStore((s) => s.result?.zones);
  const totalAmbulances = useStore((s) => s.result?.totals.ambulancesNeeded);
  const regionId = useStore((s) => s.regionId);
  const opened = useStore((s) => s.dataset?.region);
  const region = useMemo(() => regionOf(regionId, opened), [regionId, opened]);
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'gap', descending: true });
  const { t, language } = useT();
  const rows = useMemo(() => {
    if (!zones) return [];
    const { column, descending } = sort;
    const sign = descending ? -1 : 1;
    return [...zones].sort((a: ZoneRow, b: ZoneRow) => {
      const x = a[column];
      const y = b[column];
      const c = typeof x === 'string' ? x.localeCompare(y as string, language) : (x as number) - (y as number);
      return sign * c || a.code.localeCompare(b.code);
    });
  }, [zones, sort, language]);
  if (!zones) return null;
  const header = (column: Column, label: string) => (
    <th scope="col" aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" data-testid={`sort-${column}`} onClick={() => setSort((s) => ({ column, descending: s.column === column ? !s.descending : column !== 'name' }))}>
        {label}
        {sort.column === column ? (sort.descending ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );
  return (
    <div className="townships">
      <h3>{t('zones.title')}</h3>
      <p className="muted small">
        {t('zones.approximate')} · {t('zones.zoomHint')}
      </p>
      <div className="table-scroll">
        <table data-testid="township-table">
          <thead>
            <tr>
              {header('name', t('zones.name'))}
              {header('areaType', t('zones.type'))}
              {header('population', t('zones.population'))}
              {header('coveredPct', t('zones.coveredPct'))}
              {header('marginal', t('zones.marginal'))}
              {header('gap', t('zones.gap'))}
              {header('ambulancesNeeded', t('zones.ambulances'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((z) => (
              <TownshipRow key={z.code} zone={z} />
            ))}
          </tbody>
          <AmbulanceRoundingNote zones={zones} total={totalAmbulances ?? 0} region={region} />
        </table>
      </div>
    </div>
  );
}
