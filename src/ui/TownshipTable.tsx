/** Per-township table, sortable by any column; a row click zooms the map to the township. */
import { useMemo, useState } from 'react';
import { focusZone } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import type { ZoneRow } from '../core/tables.ts';
import { AmbulanceRoundingNote } from './AmbulanceRoundingNote.tsx';
import { useT } from './i18n.ts';

type Column = 'name' | 'areaType' | 'population' | 'coveredPct' | 'marginal' | 'gap' | 'ambulancesNeeded';

export function TownshipTable() {
  const zones = useStore((s) => s.result?.zones);
  const totalAmbulances = useStore((s) => s.result?.totals.ambulancesNeeded);
  const regionId = useStore((s) => s.regionId);
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'gap', descending: true });
  const { t, n, pct, language, place } = useT();
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
              <tr
                key={z.code}
                data-testid={`township-row-${z.code}`}
                tabIndex={0}
                onClick={() => focusZone(z.code)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    focusZone(z.code);
                  }
                }}
              >
                <th scope="row">{place(z.name)}</th>
                <td>
                  {t(z.areaType === 'urban' ? 'zones.urban' : 'zones.rural')}
                  {z.areaTypeOverridden ? '*' : ''}
                </td>
                <td>{n(z.population)}</td>
                <td>{pct(z.coveredPct)}</td>
                <td className={z.marginal > 0 ? 'marginal-text' : ''}>{n(z.marginal)}</td>
                <td className={z.gap > 0 ? 'gap-text' : ''}>{n(z.gap)}</td>
                <td>{n(z.ambulancesNeeded)}</td>
              </tr>
            ))}
          </tbody>
          <AmbulanceRoundingNote zones={zones} total={totalAmbulances ?? 0} regionId={regionId} />
        </table>
      </div>
    </div>
  );
}
