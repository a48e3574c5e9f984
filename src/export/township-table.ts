/**
 * The per-township table of an export as header + rows of plain values: one
 * row per township, county subtotals when there are several counties, and
 * the total. The CSV and XLSX writers both render this one table.
 */
import { placeName } from '../i18n/place-name.ts';
import type { ResponseTimes } from '../core/response-times.ts';
import type { CountyRow, CoverageFigures, ZoneRow } from '../core/tables.ts';
import type { EmsFigures } from '../core/ems/types.ts';
import { townshipEmsValues } from './ems-tables.ts';
import { exportWords, fill, populationNote, TOWNSHIP_COLUMNS, TOWNSHIP_EMS_COLUMNS, TOWNSHIP_ROAD_COLUMNS, type ExportTextOptions, type PopulationSource, type TownshipColumn } from './table-vocabulary.ts';

export type TableValue = string | number | null;

/** A table ready to write: translated header and rows of strings and numbers. */
export interface TableData {
  /** Column keys (stable, untranslated), in order. */
  columns: readonly string[];
  header: string[];
  rows: TableValue[][];
}

/**
 * What the table is built from. A CoverageReport (report.ts) has all of it
 * but the population source: `{ ...report, populationSource }`; in the app,
 * the worker's zones/counties/totals and the region's code and name.
 */
export interface TownshipTableInput {
  county: { code: string; name: string };
  zones: readonly ZoneRow[];
  totals: CoverageFigures;
  /** Subtotal rows are added when there is more than one county. */
  counties?: readonly CountyRow[];
  populationSource: PopulationSource;
  /** The response times on roads (the result's `response`): adds median_minutes and p90_minutes; null or absent on straight line. */
  response?: ResponseTimes | null;
  /** The EMS figures (the result's `ems`): adds calls, shares within the target, median and p90 for residents and calls; absent or null without. */
  ems?: EmsFigures | null;
}

/** People as whole numbers (a raster import gives fractions), as in the CLI report. */
const people = (n: number) => Math.round(n);
/** Percentages with two decimals, kept as numbers so spreadsheets can sum them. */
const pct = (n: number) => Math.round(n * 100) / 100;

function figures(f: CoverageFigures): Pick<Record<TownshipColumn, TableValue>, 'population' | 'covered' | 'covered_pct' | 'marginal' | 'marginal_pct' | 'gap' | 'gap_pct' | 'within_circle' | 'within_circle_pct' | 'ambulances_needed' | 'aeds_needed'> {
  return {
    population: people(f.population),
    covered: people(f.covered),
    covered_pct: pct(f.coveredPct),
    marginal: people(f.marginal),
    marginal_pct: pct(f.marginalPct),
    gap: people(f.gap),
    gap_pct: pct(f.gapPct),
    within_circle: people(f.withinCircle),
    within_circle_pct: pct(f.withinCirclePct),
    ambulances_needed: f.ambulancesNeeded,
    aeds_needed: f.aedsNeeded,
  };
}

/** Minutes with two decimals; null (not reached within the horizon) stays an empty cell. */
const minutes = (m: number | null | undefined) => (m === null || m === undefined ? null : Math.round(m * 100) / 100);

/**
 * The per-township table in the chosen language; on roads (`input.response`)
 * with the median and 90th-percentile response minutes of each township and
 * the whole region (county subtotals have none: the worker does not compute them).
 * @example townshipTable({ ...report, populationSource: { kind: 'demo' } }, { language: 'zh-CN' }).header[3] // '乡镇'
 */
export function townshipTable(input: TownshipTableInput, options: ExportTextOptions): TableData {
  const words = exportWords(options);
  const source = populationNote(input.populationSource, words);
  const ems = input.ems ?? null;
  const columns: readonly TownshipColumn[] = [...TOWNSHIP_COLUMNS, ...(input.response ? TOWNSHIP_ROAD_COLUMNS : []), ...(ems ? TOWNSHIP_EMS_COLUMNS : [])];
  const emsByZone = new Map((ems?.fractiles.zones ?? []).map((z) => [z.code, z]));
  const emsValues = (pair: Parameters<typeof townshipEmsValues>[0]) => (ems ? townshipEmsValues(pair, ems, words) : {});
  const row = (values: Partial<Record<TownshipColumn, TableValue>>) => columns.map((c) => values[c] ?? null);
  const byZone = new Map((input.response?.zones ?? []).map((z) => [z.code, z]));
  const roadFigures = (f: { medianMinutes: number | null; p90Minutes: number | null } | undefined) => (f ? { median_minutes: minutes(f.medianMinutes), p90_minutes: minutes(f.p90Minutes) } : {});
  const rows = input.zones.map((z) =>
    row({
      county: z.county,
      county_name: placeName(z.countyName, options.language),
      zone_code: z.code,
      zone_name: placeName(z.name, options.language),
      area_type: words.areaType[z.areaType],
      area_type_overridden: z.areaTypeOverridden ? words.yes : words.no,
      ...figures(z),
      ...roadFigures(byZone.get(z.code)),
      ...emsValues(emsByZone.get(z.code)),
      population_source: source,
    }),
  );
  if (input.counties && input.counties.length > 1) {
    for (const c of input.counties) {
      rows.push(row({ county: c.county, county_name: c.countyName, zone_name: fill(words.countyTotal, { county: c.countyName }), ...figures(c), population_source: source }));
    }
  }
  rows.push(row({ county: input.county.code, county_name: input.county.name, zone_name: words.total, ...figures(input.totals), ...roadFigures(input.response ?? undefined), ...emsValues(ems?.fractiles.region), population_source: source }));
  return { columns, header: columns.map((c) => words.township[c]), rows };
}
