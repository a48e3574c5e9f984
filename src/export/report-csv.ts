/** The coverage report as CSV: the per-zone table (with a total row), or the per-cell table. */
import { csvField } from './format.ts';
import type { CoverageReport } from './report.ts';
import { reportEms, ZONE_CSV_EMS_HEADER, zoneCsvEmsFields } from './report-ems.ts';

const line = (fields: (string | number | boolean | null)[]) => fields.map(csvField).join(',');
/** People as whole numbers (a raster import gives fractions). */
const people = (n: number) => Math.round(n);

export const ZONE_CSV_HEADER = [
  'county', 'zone_code', 'zone_name', 'area_type', 'population', 'covered', 'marginal', 'gap', 'covered_pct',
  'within_circle', 'within_circle_pct', 'ambulances_needed', 'aeds_needed',
];

/** Columns added with roads: the response minutes (empty = not reached within the horizon), and which reach the table uses. */
export const ZONE_CSV_ROAD_HEADER = ['median_minutes', 'p90_minutes', 'reach'];

/** Minutes to two decimals, empty when not reached. */
const minutes = (m: number | null | undefined) => (m === null || m === undefined ? '' : m.toFixed(2));

/** The per-zone table; with EMS figures (`report.ems`) the ZONE_CSV_EMS_HEADER columns follow the others. */
export function zonesToCsv(report: CoverageReport): string {
  const r = report.responseTimes;
  const ems = reportEms(report);
  const emsFields = (code: string | null) => (ems ? zoneCsvEmsFields(ems, code) : []);
  const byZone = new Map(r?.zones.map((z) => [z.code, z]) ?? []);
  const roadFields = (median: number | null | undefined, p90: number | null | undefined) => (r ? [minutes(median), minutes(p90), 'roads'] : []);
  const rows = report.zones.map((z) =>
    line([z.county, z.code, z.name, z.areaType, people(z.population), people(z.covered), people(z.marginal), people(z.gap), z.coveredPct.toFixed(2), people(z.withinCircle), z.withinCirclePct.toFixed(2), z.ambulancesNeeded, z.aedsNeeded, ...roadFields(byZone.get(z.code)?.medianMinutes, byZone.get(z.code)?.p90Minutes), ...emsFields(z.code)]),
  );
  const t = report.totals;
  rows.push(line([report.county.code, 'total', report.county.name, '', people(t.population), people(t.covered), people(t.marginal), people(t.gap), t.coveredPct.toFixed(2), people(t.withinCircle), t.withinCirclePct.toFixed(2), t.ambulancesNeeded, t.aedsNeeded, ...roadFields(r?.medianMinutes, r?.p90Minutes), ...emsFields(null)]));
  return `${[line([...ZONE_CSV_HEADER, ...(r ? ZONE_CSV_ROAD_HEADER : []), ...(ems ? ZONE_CSV_EMS_HEADER : [])]), ...rows].join('\n')}\n`;
}

export function cellsToCsv(report: CoverageReport): string {
  const roads = report.responseTimes !== null;
  const rows = report.cells.map((c) => line([c.h3, c.population, c.status, c.withinCircle, c.nearestStationId, c.distanceKm === null ? null : c.distanceKm.toFixed(4), c.stationsInRange, ...(roads ? [minutes(c.minutes)] : [])]));
  return `${[line(['h3', 'population', 'status', 'within_circle', 'nearest_station_id', 'distance_km', 'stations_in_range', ...(roads ? ['minutes'] : [])]), ...rows].join('\n')}\n`;
}
