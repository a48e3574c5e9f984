/**
 * The coverage report as a plain object: the public JSON interface other
 * tools read. Keep these names stable:
 * { county, rules, totals, zones[], gaps[], deltas, stations[], cells[] }
 * (WGS84 lng/lat, km). Extra keys may be added; none may be renamed.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import type { ScenarioDelta } from '../core/deltas.ts';
import type { CallWeights } from '../core/ems/inputs.ts';
import type { EmsFigures } from '../core/ems/types.ts';
import { cellRows, readResult, type CellRow } from '../core/evaluate.ts';
import { reachInUse } from '../core/reach-factory.ts';
import { speedModelOf, type ReachSettings } from '../core/reach-settings.ts';
import type { ResponseTimes } from '../core/response-times.ts';
import { RESPONSE_HORIZON_MINUTES, type RoadNetwork } from '../core/road-network.ts';
import { SNAP_DEFAULTS } from '../core/roads/snap-defaults.ts';
import type { Sourced, SpeedModel } from '../core/roads/speeds.ts';
import type { RegionRoads } from '../io/region/types.ts';
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

/** How reach was measured: the rules' reach settings, with the model actually in use and the speed model's values and sources. */
export interface ReportReach {
  /** In use: 'roads' (the circle and minutes on roads) or 'straight-line' (chosen, or no road network). */
  model: 'straight-line' | 'roads';
  /** What the rules asked for (roads falls back to straight line without a road network). */
  requested: ReachSettings['model'];
  serviceAlongRoads: boolean;
  /** The speed settings as the scenario holds them. */
  speeds: ReachSettings['speeds'];
  /** With roads: the speed model the graph was weighted with, every value with its source; null without. */
  speedModel: SpeedModel | null;
  /** With roads: how cells and stations join the roads, with sources; null without. */
  snap: { maxSnapKm: Sourced; offRoadKmh: Sourced } | null;
  /** With roads: the road file's source and what reading it kept; null without. */
  roads: Pick<RegionRoads, 'source' | 'counts'> | null;
  /** The response-time curve's last minute. */
  horizonMinutes: number;
}

export interface CoverageReport {
  reportVersion: number;
  county: { code: string; name: string; counties: string[] };
  rules: Omit<Rules, 'reach'> & {
    reach: ReportReach;
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
  /** Response minutes on roads (curve, median, p90, per zone, before/after, no road access); null when reach is straight-line. */
  responseTimes: ResponseTimes | null;
  /** The EMS measures: calls, call-weighted coverage, fractiles, station workload, availability, hospital transport, equity. */
  ems: EmsFigures;
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
  /** The region's road network, when it has one. */
  roads?: RegionRoads | null;
  /** The same network as the engine reads it (for the EMS figures), when the region has one. */
  roadNetwork?: RoadNetwork | null;
  /** Calls per cell (the region's imported calls); none: modelled from the rules' call rate. */
  calls?: CallWeights | null;
}

/** Builds the report from an engine that holds the scenario. */
export function buildReport(engine: CoverageEngine, options: ReportOptions): CoverageReport {
  const result = readResult(engine, options.baselineWithout, { stations: options.stations, calls: options.calls ?? null, roads: options.roadNetwork ?? null });
  const { rules } = engine;
  const counties = new Set(options.county.counties);
  // list stations of the counties, and any outside whose reach enters them
  const stations = options.stations.filter((s) => (s.county !== undefined && counties.has(s.county)) || engine.reachFrom(s).cells.length > 0);
  const inUse = reachInUse(engine);
  const onRoads = inUse.model === 'roads';
  const roads = options.roads ?? null;
  return {
    reportVersion: REPORT_VERSION,
    county: options.county,
    rules: {
      ...rules,
      reach: {
        ...inUse,
        requested: rules.reach.model,
        speeds: rules.reach.speeds,
        speedModel: onRoads ? speedModelOf(rules.reach.speeds) : null,
        snap: onRoads ? { maxSnapKm: sourced(rules.reach.speeds.maxSnapKm, SNAP_DEFAULTS.maxSnapKm), offRoadKmh: sourced(rules.reach.speeds.offRoadKmh, SNAP_DEFAULTS.offRoadKmh) } : null,
        roads: roads ? { source: roads.source, counts: roads.counts } : null,
        horizonMinutes: RESPONSE_HORIZON_MINUTES,
      },
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
    responseTimes: result.responseTimes,
    ems: result.ems,
    dataNotes: options.dataNotes,
  };
}

/** A value with its default's source, or "set by the user" when it differs. */
const sourced = (value: number, d: Sourced): Sourced => (value === d.value ? d : { value, source: 'set by the user' });
