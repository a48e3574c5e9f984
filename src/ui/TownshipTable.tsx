/**
 * Per-township table, sortable by any column; a row click zooms the map to the
 * township. On roads it adds each township's median and 90th-percentile
 * response minutes (null: not reached within the horizon, sorted last).
 */
import { useMemo, useState } from 'react';
import { regionOf } from '../app/regions.ts';
import { useStore } from '../app/store.ts';
import type { ZoneResponse } from '../core/response-times.ts';
import type { ZoneRow } from '../core/tables.ts';
import { AmbulanceRoundingNote } from './AmbulanceRoundingNote.tsx';
import { weightsShown, zoneEmsCells } from './ems/ems-view.ts';
import { TownshipEmsHeaders } from './ems/TownshipEmsCells.tsx';
import { useT } from './i18n.ts';
import { TownshipRow } from './TownshipRow.tsx';

type Column = 'name' | 'areaType' | 'population' | 'coveredPct' | 'marginal' | 'gap' | 'ambulancesNeeded' | 'medianMinutes' | 'p90Minutes';

/** A township's minutes for sorting: not reached sorts after every number. */
const minutesKey = (m: number | null | undefined) => m ?? Infinity;

export function TownshipTable() {
  const zones = useStore((s) => s.result?.zones);
  const totalAmbulances = useStore((s) => s.result?.totals.ambulancesNeeded);
  const zoneResponses = useStore((s) => s.result?.response?.zones);
  const responseOf = useMemo(() => new Map<string, ZoneResponse>((zoneResponses ?? []).map((r) => [r.code, r])), [zoneResponses]);
  const regionId = useStore((s) => s.regionId);
  const opened = useStore((s) => s.dataset?.region);
  const region = useMemo(() => regionOf(regionId, opened), [regionId, opened]);
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'gap', descending: true });
  // the EMS columns (calls, share within the circle minutes, 90th percentile) on request: the sidebar is narrow
  const [showEms, setShowEms] = useState(false);
  const ems = useStore((s) => s.result?.ems ?? null);
  const demand = useStore((s) => s.rules.ems.demand);
  const weights = useMemo(() => weightsShown(demand), [demand]);
  const emsCells = useMemo(() => (showEms && ems ? zoneEmsCells(ems, weights) : null), [showEms, ems, weights]);
  const { t, language } = useT();
  const rows = useMemo(() => {
    if (!zones) return [];
    const { column, descending } = sort;
    const sign = descending ? -1 : 1;
    const valueOf = (z: ZoneRow) => (column === 'medianMinutes' || column === 'p90Minutes' ? minutesKey(responseOf.get(z.code)?.[column]) : z[column]);
    return [...zones].sort((a: ZoneRow, b: ZoneRow) => {
      const x = valueOf(a);
      const y = valueOf(b);
      const c = typeof x === 'string' ? x.localeCompare(y as string, language) : x === y ? 0 : (x as number) - (y as number);
      return sign * c || a.code.localeCompare(b.code);
    });
  }, [zones, sort, language, responseOf]);
  if (!zones) return null;
  const header = (column: Column, label: string, title?: string) => (
    <th scope="col" title={title} aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
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
      {ems && (
        <label className="townships-ems-toggle">
          <input type="checkbox" data-testid="township-ems-toggle" checked={showEms} onChange={(e) => setShowEms(e.target.checked)} /> {t('emsPanel.zones.show')}
        </label>
      )}
      <div className="table-scroll">
        <table data-testid="township-table" className={emsCells ? 'townships-with-ems' : undefined}>
          <thead>
            <tr>
              {header('name', t('zones.name'))}
              {header('areaType', t('zones.type'))}
              {header('population', t('zones.population'))}
              {header('coveredPct', t('zones.coveredPct'))}
              {header('marginal', t('zones.marginal'))}
              {header('gap', t('zones.gap'))}
              {header('ambulancesNeeded', t('zones.ambulances'))}
              {zoneResponses && header('medianMinutes', t('zones.medianMinutes'), t('zones.medianMinutesTitle'))}
              {zoneResponses && header('p90Minutes', t('zones.p90Minutes'), t('zones.p90MinutesTitle'))}
              {emsCells && ems && <TownshipEmsHeaders weights={weights} minutes={ems.fractiles.targetMinutes} basis={ems.fractiles.basis} />}
            </tr>
          </thead>
          <tbody>
            {rows.map((z) => (
              <TownshipRow
                key={z.code}
                zone={z}
                response={zoneResponses ? (responseOf.get(z.code) ?? null) : undefined}
                ems={emsCells && ems ? { cells: emsCells.get(z.code) ?? null, weights, horizonMinutes: ems.fractiles.horizonMinutes } : undefined}
              />
            ))}
          </tbody>
          <AmbulanceRoundingNote zones={zones} total={totalAmbulances ?? 0} region={region} />
        </table>
      </div>
    </div>
  );
}
