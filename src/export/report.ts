/**
 * The coverage report as a plain object: the public JSON interface other
 * tools read. Keep these names stable:
 * { county, rules, totals, zones[], gaps[], deltas, stations[], cells[] }
 * (WGS84 lng/lat, km). Extra keys may be added; none may be renamed.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import type { ScenarioDelta } from '../core/deltas.ts';
import { cellRows, readResult, type CellRow } from '../core/evaluate.ts';
import { gapAreaName } from '../i18n/gap-area-name.ts';
import { bestSiteForGap, gapFigures, type GapFigures, type GapSite } from '../core/gaps.ts';
import { circleFormula, circleRadiusKm, coverRadiusKm, marginalRadiusKm, RULE_SOURCES, type Rules } from '../core/rules.ts';
import type { CountyRow, CoverageFigures, ZoneRow } from '../core/tables.ts';
import type { Station, StationBasis } from '../core/types.ts';

export const REPORT_VERSION = 1;

export interface ReportGap extends Omit<GapFigures, 'centroid'> {
  /** The area's name by the townships it spans ("一都–横口–玉斗一带"). */
  name: string;
  centroid: { lng: number; lat: number };
  /** Best single site to close the group (computed for the top groups only, else null). */
  bestSite: GapSite | null;
}

export interface ReportStation {
  id: string;
  name: string;
  kind: Station['kind'];
  status: Station['status'];
  lng: number;
  lat: number;
  township: string | null;
  positionApproximate: boolean;
  /** Why the data gives the station its status (documented, assumed, candidate); null for the user's own stations. */
  basis: StationBasis | null;
}

export interface CoverageReport {
  reportVersion: number;
  county: { code: string; name: string; counties: string[] };
  rules: Rules & {
    derived: {
      urbanCoverKm: number;
      ruralCoverKm: number;
      ruralMarginalKm: number;
      circleRadiusKm: { urban: number; rural: number };
      circleFormula: { urban: string; rural: string };
    };
    sources: typeof RULE_SOURCES;
  };
  totals: CoverageFigures & { activeStations: number };
  counties: CountyRow[];
  zones: ZoneRow[];
  gaps: ReportGap[];
  deltas: ScenarioDelta | null;
  stations: ReportStation[];
  cells: CellRow[];
  /** True when `cells` holds every cell (the --cells option). */
  cellsIncluded: boolean;
  /** What in the inputs is modelled or approximate. */
  dataNotes: string[];
}

export interface ReportOptions {
  county: { code: string; name: string; counties: string[] };
  /** Every station of the scenario, disabled ones included (they are listed, not counted). */
  stations: readonly Station[];
  baselineWithout: readonly string[];
  includeCells: boolean;
  /** How many of the top gap groups get a best closing site. */
  bestSitesFor: number;
  dataNotes: string[];
}

/** Builds the report from an engine that holds the scenario. */
export function buildReport(engine: CoverageEngine, options: ReportOptions): CoverageReport {
  const result = readResult(engine, options.baselineWithout);
  const { rules } = engine;
  const counties = new Set(options.county.counties);
  // list stations of the counties, and any outside whose reach enters them
  const stations = options.stations.filter((s) => (s.county !== undefined && counties.has(s.county)) || engine.reachFrom(s).cells.length > 0);
  return {
    reportVersion: REPORT_VERSION,
    county: options.county,
    rules: {
      ...rules,
      derived: {
        urbanCoverKm: coverRadiusKm(rules, 'urban'),
        ruralCoverKm: coverRadiusKm(rules, 'rural'),
        ruralMarginalKm: marginalRadiusKm(rules, 'rural'),
        circleRadiusKm: { urban: circleRadiusKm(rules, 'urban'), rural: circleRadiusKm(rules, 'rural') },
        circleFormula: { urban: circleFormula(rules, 'urban'), rural: circleFormula(rules, 'rural') },
      },
      sources: RULE_SOURCES,
    },
    totals: { ...result.totals, activeStations: stations.filter((s) => s.status !== 'disabled').length },
    counties: result.counties,
    zones: result.zones,
    gaps: result.gaps.map((g, k) => ({
      ...gapFigures(g),
      name: gapAreaName(g.townships, g.population, 'zh-CN'),
      centroid: { lng: g.centroid[0], lat: g.centroid[1] },
      bestSite: k < options.bestSitesFor ? bestSiteForGap(engine, g) : null,
    })),
    deltas: result.delta,
    stations: stations.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      status: s.status,
      lng: s.lng,
      lat: s.lat,
      township: s.township ?? null,
      positionApproximate: s.positionApproximate === true,
      basis: s.basis ?? null,
    })),
    cells: options.includeCells ? cellRows(engine) : [],
    cellsIncluded: options.includeCells,
    dataNotes: options.dataNotes,
  };
}
