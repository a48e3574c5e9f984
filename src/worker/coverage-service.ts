/**
 * The worker's state and work, free of any worker plumbing so Node tests can
 * drive it: one dataset, one engine, and the scenario's stations.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import { compareScenarios } from '../core/deltas.ts';
import { emsFigures, emsFirstDue } from '../core/ems/figures.ts';
import type { EmsInputs } from '../core/ems/inputs.ts';
import type { EmsFigures } from '../core/ems/types.ts';
import { ringAreaTypes } from '../core/rings.ts';
import { describeCell } from '../core/describe-cell.ts';
import { cellRows, createEngine, proposedIds, withoutProposed, type CellRow } from '../core/evaluate.ts';
import { bestSiteForGap, gapFigures, gapGroups, type GapGroup } from '../core/gaps.ts';
import { createReachModel, engineModels, reachInUse } from '../core/reach-factory.ts';
import type { ReachModel } from '../core/reach.ts';
import { roadAccessByCell, responseTimes, type ResponseTimes } from '../core/response-times.ts';
import { RoadNetwork } from '../core/road-network.ts';
import { DEFAULT_RULES } from '../core/rules.ts';
import type { Rules } from '../core/rules.ts';
import { countyRows, totals, zoneRows } from '../core/tables.ts';
import { gridFromColumns, type PopulationGrid } from '../core/grid.ts';
import type { AreaType, Station, Zone } from '../core/types.ts';
import { regionFromOutlines, type ImportRegion } from '../io/region.ts';
import { readRegionPack } from '../io/region/pack-read.ts';
import { writeRegionPack } from '../io/region/pack-write.ts';
import { callsSummary, withCalls } from '../io/calls/with-calls.ts';
import type { Region, RegionCalls, RegionRoads } from '../io/region/types.ts';
import type { CellAnswer, EvaluationUpdate, FirstDueOutlines, GapCells, GapSummary, HospitalMinutes, Isochrones, LoadedDataset, RegionInfo, UpdateOptions } from './api.ts';
import type { Capability } from '../core/ems/settings.ts';
import { hospitalMinutesBasis, hospitalMinutesByCell } from '../core/ems/hospital.ts';
import type { BaselineStatus } from './baseline-status.ts';
import { withCellIds } from './dataset-cells.ts';
import { CellOutliner } from './gap-outline.ts';
import { RegionCache, type PreparedRegion } from './region-cache.ts';
import { buildAhead, takeAhead, type EngineAhead } from './engine-ahead.ts';

/** Gap groups that get an outline for the map. */
const OUTLINED_GAPS = 20;
/** Gap groups sent to the app (the list shows the largest). */
const LISTED_GAPS = 50;

export class CoverageService {
  private prepared: PreparedRegion | null = null;
  private engine: CoverageEngine | null = null;
  /**
   * The scenario without its proposed stations, kept as its own engine and
   * updated with the scenario: the before/after and the "before" map read it;
   * nothing removes and re-adds stations to find it. Null until first asked
   * for: a scenario with no proposed station never needs it, and a large
   * region opens without building a second engine.
   */
  private baseline: CoverageEngine | null = null;
  /** Area types each station's rings are drawn for, updated with the station. */
  private rings = new Map<string, AreaType[]>();
  /** The last full update's gap list, reused by light updates (gap groups are not recomputed mid-drag); null before the region's first full update. */
  private lastGaps: GapSummary[] | null = null;
  /** The last full update's response-time figures, reused by light updates like the gap list. */
  private lastResponse: ResponseTimes | null = null;
  /** The last full update's EMS figures, reused by light updates like the response times. */
  private lastEms: EmsFigures | null = null;
  /** The first-due rows of lastEms's workload, per cell. */
  private lastFirstDue: Int32Array | null = null;
  private stations = new Map<string, Station>();
  /** The rules of the last full evaluation (an import rebuilds the engine with them). */
  private rules: Rules = DEFAULT_RULES;
  /** Sequence number of the last update read off the engine (what a cell description belongs to). */
  private lastSeq = 0;
  /** Gap groups of update `seq`, kept for further clicks on the same scenario (a flood fill of the whole grid each). */
  private describedGaps: { seq: number; groups: GapGroup[] } | null = null;
  /** The engines built ahead for the region read ahead (prefetchPack), until the first evaluation takes or drops them. */
  private ahead: EngineAhead | null = null;
  /** Packs already opened from a URL (the demo regions), so a revisit skips fetching, reading and indexing. */
  private readonly packs = new RegionCache();

  /** @param fetchBytes reads a URL (the worker: fetchOnce, early-fetch.ts; Node tests: the file) */
  constructor(private readonly fetchBytes: (url: string) => Promise<Uint8Array>) {}

  /** Opens the pack at `url` (named `name` in messages) as the loaded region; a pack opened before comes from the cache. */
  async openPackUrl(url: string, name: string): Promise<LoadedDataset> {
    const t0 = performance.now();
    const prepared = await this.preparedPack(url, name);
    this.use(prepared);
    return loaded(prepared, t0);
  }

  /**
   * Reads and indexes the pack at `url` into the cache, with its reach model,
   * without opening it: the region the page will open first, named in the
   * worker's name (prefetch-hint.ts), read while the page's own code is still
   * loading. A failure is left for the open to report.
   */
  async prefetchPack(url: string, name: string): Promise<void> {
    try {
      const prepared = await this.preparedPack(url, name);
      // the page is still loading its code: its most likely first scenario is evaluated meanwhile, in a task of
      // its own, so an open already waiting for this pack sends the dataset first (the page draws it meanwhile)
      await new Promise((resolve) => setTimeout(resolve, 0));
      // not when the page has evaluated already, or opened another region
      if (this.engine || (this.prepared !== null && this.prepared !== prepared)) return;
      this.ahead = buildAhead(prepared);
    } catch {
      // openPackUrl reads it again and says what is wrong
    }
  }

  /** The pack at `url` read and indexed, from the cache when read before (or being read). */
  private preparedPack(url: string, name: string): Promise<PreparedRegion> {
    return this.packs.get(url, async () => prepareRegion(await readRegionPack(await this.fetchBytes(url), name)));
  }

  /** Makes a region (read from a pack file, or built from files) the loaded one. */
  openRegion(region: Region): LoadedDataset {
    const t0 = performance.now();
    this.use(prepareRegion(region));
    return loaded(this.prepared!, t0);
  }

  /** Builds the loaded region's reach model now, if not yet built (the first evaluation would otherwise). */
  prepareReach(): void {
    void this.prepared?.reach;
  }

  /** The loaded region. */
  region(): Region {
    return this.requirePrepared().region;
  }

  private use(prepared: PreparedRegion): void {
    this.prepared = prepared;
    this.engine = null;
    this.baseline = null;
    this.lastGaps = null;
    this.lastResponse = null;
    this.lastEms = null;
    this.lastFirstDue = null;
    this.describedGaps = null;
  }

  /** The loaded dataset's H3 resolution. */
  resolution(): number {
    return this.requirePrepared().grid.resolution;
  }

  /** The loaded area for checking imported points: its zones' outlines, named by the region. */
  importRegion(): ImportRegion {
    const { region } = this.requirePrepared();
    return regionFromOutlines(region.name, region.zoneOutlines.map((f) => f.geometry));
  }

  zones(): readonly Zone[] {
    return this.requirePrepared().grid.zones;
  }

  /**
   * Replaces the region (an import changed its cells or zones) and rebuilds
   * the grid; the engine is rebuilt at once with the scenario's stations and
   * rules, so an edit arriving before the app's next evaluate still has one to work on.
   */
  replaceRegion(region: Region): LoadedDataset {
    const t0 = performance.now();
    const hadEngine = this.engine !== null;
    this.use(prepareRegion(region));
    const { grid, reach, roads } = this.prepared!;
    if (hadEngine) {
      this.engine = createEngine(grid, { stations: [...this.stations.values()], rules: this.rules }, reach, roads);
      this.baseline = null;
      this.refreshRings();
    }
    return loaded(this.prepared!, t0);
  }

  /**
   * Gives the open region a road network (or removes it: null) and rebuilds
   * the grid, reach and engine as replaceRegion does; the scenario is kept.
   */
  setRoads(roads: RegionRoads | null): LoadedDataset {
    const { roads: _old, ...rest } = this.region();
    return this.replaceRegion(roads ? { ...rest, roads } : rest);
  }

  /**
   * Gives the open region its calls per cell (or removes them: null). The
   * cells, grid, reach and engine stay as they are (calls change no cell);
   * the app re-evaluates the new dataset, which weighs cells by the calls.
   */
  setCalls(calls: RegionCalls | null): LoadedDataset {
    const t0 = performance.now();
    const prepared = this.requirePrepared();
    // a new object: the pack cache keeps the region as it was opened
    this.prepared = { ...prepared, region: withCalls(prepared.region, calls) };
    return loaded(this.prepared, t0);
  }

  /**
   * The loaded region as a pack: the scenario's stations as its facilities,
   * and the scenario's area-type overrides written into the zones.
   */
  savePack(stations: Station[], rules: Rules): Uint8Array {
    const region = this.region();
    const zones = region.zones.map((z) => {
      const override = rules.areaTypeOverrides[z.code];
      return override && override !== z.areaType ? { ...z, areaType: override, areaTypeSource: 'set by hand in the app' } : z;
    });
    return writeRegionPack({ ...region, zones, stations });
  }

  evaluate(stations: Station[], rules: Rules, options: UpdateOptions): EvaluationUpdate {
    const t0 = performance.now();
    const { grid, reach, roads } = this.requirePrepared();
    this.stations = new Map(stations.map((s) => [s.id, s]));
    this.rules = rules;
    // the rules' reach settings may change the models (straight line ↔ roads, service along roads, snapping): then new engines
    const models = engineModels(rules, reach, roads);
    const same = this.engine && this.engine.reachModel === models.status && this.engine.circleModel === (models.circle ?? models.status);
    const ahead = takeAhead(this.ahead, this.prepared, stations, rules);
    this.ahead = null;
    if (ahead) {
      this.engine = ahead.engine;
      this.baseline = ahead.baseline;
    } else if (this.engine && same) {
      this.engine.setRules(rules, stations);
      this.baseline?.setRules(rules, withoutProposed(stations));
    } else {
      this.engine = createEngine(grid, { stations, rules }, reach, roads);
      this.baseline = null;
    }
    this.refreshRings();
    return this.read(options, t0);
  }

  /**
   * A full update of the scenario the engine holds, after a light one: a new
   * region's first answer is light (statuses, totals, tables, before/after)
   * so the figures show while the gap groups and EMS figures are computed.
   */
  refresh(options: UpdateOptions): EvaluationUpdate {
    return this.read({ ...options, light: false }, performance.now());
  }

  upsertStation(station: Station, options: UpdateOptions): EvaluationUpdate {
    const t0 = performance.now();
    const engine = this.requireEngine();
    this.stations.set(station.id, station);
    engine.upsertStation(station);
    const baseline = this.baseline;
    if (baseline && station.status !== 'proposed') baseline.upsertStation(station);
    else if (baseline?.hasStation(station.id)) baseline.removeStation(station.id);
    this.rings.set(station.id, ringAreaTypes(engine, station));
    return this.read(options, t0);
  }

  removeStation(id: string, options: UpdateOptions): EvaluationUpdate {
    const t0 = performance.now();
    const engine = this.requireEngine();
    this.stations.delete(id);
    this.rings.delete(id);
    if (engine.hasStation(id)) engine.removeStation(id);
    if (this.baseline?.hasStation(id)) this.baseline.removeStation(id);
    return this.read(options, t0);
  }

  /** The engine holding the current scenario (the site optimiser reads it, never edits it). */
  currentEngine(): CoverageEngine {
    return this.requireEngine();
  }

  /** Every cell's row (status, nearest station and its distance), for exports. */
  cellRows(): CellRow[] {
    return cellRows(this.requireEngine());
  }

  /** Every gap group with its cells and the best single site to close it, for exports. */
  gapCells(): GapCells[] {
    const engine = this.requireEngine();
    return gapGroups(engine).map((g) => ({ ...gapFigures(g), cells: g.cells, bestSite: bestSiteForGap(engine, g) }));
  }

  /** Per-cell statuses without the proposed stations (snapshot "before" map). */
  baselineStatus(): BaselineStatus {
    const engine = this.requireEngine();
    const baseline = this.baselineEngine();
    const withoutIds = engine.activeStations().filter((s) => !baseline.hasStation(s.id)).map((s) => s.id);
    return { withoutIds, status: baseline.status.slice(), withinCircle: baseline.withinCircle.slice() };
  }

  /** The scenario without its proposed stations, built on first use and then kept up to date with the scenario. */
  private baselineEngine(): CoverageEngine {
    if (!this.baseline) {
      const { grid, reach, roads } = this.requirePrepared();
      this.baseline = createEngine(grid, { stations: withoutProposed([...this.stations.values()]), rules: this.rules }, reach, roads);
    }
    return this.baseline;
  }

  private refreshRings(): void {
    const engine = this.requireEngine();
    this.rings = new Map([...this.stations.values()].map((s) => [s.id, ringAreaTypes(engine, s)]));
  }

  private read(options: UpdateOptions, t0: number): EvaluationUpdate {
    const engine = this.requireEngine();
    this.lastSeq = options.seq;
    const zones = zoneRows(engine);
    const hasProposed = proposedIds(engine.activeStations()).length > 0;
    if (!options.light) {
      const groups = gapGroups(engine);
      // a click on the map (describeCell) reads this update's groups instead of labelling the grid again
      this.describedGaps = { seq: options.seq, groups };
      this.lastGaps = groups
        .slice(0, LISTED_GAPS)
        .map((g, k) => ({
          ...gapFigures(g),
          outline: k < OUTLINED_GAPS ? this.requireOutliner().outline(g.cells) : null,
        }));
      this.lastResponse = responseTimes(engine, hasProposed ? this.baselineEngine() : null);
      this.lastEms = emsFigures(engine, hasProposed ? this.baselineEngine() : null, this.emsInputs());
      this.lastFirstDue = emsFirstDue(engine).areaOf;
    }
    const minutes = engine.responseMinutes;
    return {
      seq: options.seq,
      tag: options.tag ?? { dataset: 0, version: options.seq },
      totals: totals(engine),
      zones,
      counties: countyRows(engine, zones),
      gaps: this.lastGaps,
      gapsUpdated: !options.light,
      delta: hasProposed ? compareScenarios(engine, this.baselineEngine()) : null,
      ringAreaTypes: Object.fromEntries(this.rings),
      status: engine.status.slice(),
      withinCircle: engine.withinCircle.slice(),
      inRange: engine.inRangeCount.slice(),
      reach: reachInUse(engine),
      minutes: minutes ? Float32Array.from(minutes, (m) => (m === Infinity ? NaN : m)) : null,
      roadAccess: minutes ? (roadAccessByCell(engine)?.slice() ?? null) : null,
      response: this.lastResponse,
      responseUpdated: !options.light,
      ems: this.lastEms,
      emsUpdated: !options.light,
      firstDue: this.lastFirstDue?.slice() ?? null,
      computeMs: performance.now() - t0,
    };
  }

  /** Every station of the scenario, the region's calls (aligned with the grid: it is built from the region's cells in their order) and roads. */
  private emsInputs(): EmsInputs {
    const { region, roads } = this.requirePrepared();
    const calls = region.calls ? { perCell: region.calls.perCell, years: region.calls.years, synthetic: region.calls.synthetic } : null;
    return { stations: [...this.stations.values()], calls, roads };
  }

  /**
   * Outlines of the cells a station reaches within each number of minutes
   * on roads (isochrones), one feature per limit, in the order asked. Throws
   * when reach is straight-line or the station is not active.
   * @param minutesList e.g. [5, 10, 15, 20]; each ≤ the response horizon (60)
   */
  isochrones(stationId: string, minutesList: readonly number[]): Isochrones {
    const circle = this.requireEngine().circleEngine;
    if (circle.unit !== 'minutes') throw new Error('Isochrones need roads: the region has no road network, or reach is set to straight line.');
    const reach = circle.stationReach(stationId);
    if (!reach) throw new Error(`No active station with id "${stationId}".`);
    const horizon = circle.reachLimits.max;
    const outliner = this.requireOutliner();
    const features = minutesList.map((minutes) => {
      if (!(minutes > 0 && minutes <= horizon)) throw new Error(`Isochrone minutes must be above 0 and at most ${horizon}, got ${minutes}.`);
      const cells: number[] = [];
      for (let k = 0; k < reach.cells.length; k++) if (reach.costs[k] <= minutes) cells.push(reach.cells[k]);
      return { type: 'Feature' as const, properties: { stationId, minutes, cells: cells.length }, geometry: { type: 'MultiPolygon' as const, coordinates: outliner.outline(cells) } };
    });
    return { type: 'FeatureCollection', features };
  }

  /**
   * Minutes from every cell to the nearest hospital with `capability` under
   * the last scenario evaluated (planned centres and proposed facilities
   * included), tagged with that update's seq: the hospital transport layer.
   */
  hospitalMinutes(capability: Capability): HospitalMinutes {
    const prepared = this.requirePrepared();
    this.requireEngine();
    const stations = [...this.stations.values()];
    const minutes = hospitalMinutesByCell(prepared.grid, this.rules, stations, prepared.roads, capability);
    return { seq: this.lastSeq, capability, basis: hospitalMinutesBasis(this.rules, prepared.roads), minutes: Float32Array.from(minutes, (m) => (Number.isFinite(m) ? m : NaN)) };
  }

  /**
   * Outlines of the first-due areas the last update sent (its firstDue rows:
   * the last full update's), one feature per station with an area, tagged
   * with that update's seq: the workload layer's borders, asked only while
   * that layer is on (outlining every cell of a city is not free).
   */
  firstDueOutlines(): FirstDueOutlines {
    const engine = this.requireEngine();
    const areaOf = this.lastFirstDue ?? emsFirstDue(engine).areaOf;
    const stations = this.lastEms?.workload ?? emsFirstDue(engine).stations;
    const cellsOf: number[][] = stations.map(() => []);
    for (let i = 0; i < areaOf.length; i++) if (areaOf[i] >= 0) cellsOf[areaOf[i]].push(i);
    const outliner = this.requireOutliner();
    const features = stations.flatMap((s, k) =>
      cellsOf[k].length > 0 ? [{ type: 'Feature' as const, properties: { stationId: s.id, cells: cellsOf[k].length }, geometry: { type: 'MultiPolygon' as const, coordinates: outliner.outline(cellsOf[k]) } }] : [],
    );
    return { seq: this.lastSeq, outlines: { type: 'FeatureCollection', features } };
  }

  /** One cell under the current scenario (status, nearest station and distance, township, gap group), tagged with the update it belongs to. */
  describeCell(index: number): CellAnswer {
    const engine = this.requireEngine();
    const seq = this.lastSeq;
    const groups = () => {
      if (this.describedGaps?.seq !== seq) this.describedGaps = { seq, groups: gapGroups(engine) };
      return this.describedGaps.groups;
    };
    return { seq, ...describeCell(engine, index, groups) };
  }

  private requirePrepared(): PreparedRegion {
    if (!this.prepared) throw new Error('No region loaded: open one first.');
    return this.prepared;
  }

  private requireOutliner(): CellOutliner {
    return this.requirePrepared().outliner;
  }

  private requireEngine(): CoverageEngine {
    if (!this.engine) throw new Error('No scenario evaluated yet: call evaluate() first.');
    return this.engine;
  }
}

/**
 * A region ready for an engine: its grid, reach model and gap outliner. The
 * reach model is built when first asked for (by the first evaluation), so the
 * dataset goes to the page first and the page draws it while the worker builds
 * (about a second for a million cells).
 */
export function prepareRegion(region: Region): PreparedRegion {
  const grid = gridFromColumns(region.cells, region.zones);
  const roads = region.roads ? new RoadNetwork(grid, region.roads.ways) : null;
  let reach: ReachModel | null = null;
  return {
    region,
    grid,
    get reach() {
      return (reach ??= createReachModel(grid));
    },
    roads,
    outliner: new CellOutliner(grid.h3Halves),
  };
}

/** What the app keeps of a region besides its cells. */
export function regionInfo(region: Region): RegionInfo {
  return {
    id: region.id,
    name: region.name,
    ...(region.city ? { city: region.city } : {}),
    parts: region.parts,
    resolution: region.resolution,
    notes: region.notes,
    modelled: region.modelled,
    sources: region.sources,
    attribution: region.attribution,
    zoneOutlines: { type: 'FeatureCollection', features: region.zoneOutlines },
    partOutlines: { type: 'FeatureCollection', features: region.partOutlines },
    contextOutlines: { type: 'FeatureCollection', features: region.contextOutlines ?? [] },
    roads: region.roads ? { source: region.roads.source, counts: region.roads.counts } : null,
    calls: region.calls ? callsSummary(region.calls) : null,
  };
}

function loaded({ region, grid }: { region: Region; grid: PopulationGrid }, t0: number): LoadedDataset {
  const dataset = {
    region: regionInfo(region),
    counties: region.parts.map((p) => p.code),
    zones: [...grid.zones],
    stations: region.stations,
    // a copy: the dataset's arrays are transferred to the page, and the grid keeps its own
    h3Halves: grid.h3Halves.slice(),
    population: grid.population.slice(),
    zone: grid.zone.slice(),
    // calls per cell for the call density layer (aligned with the grid, as the EMS figures read them); counts only, never points
    calls: region.calls ? { perCell: Float32Array.from(region.calls.perCell), synthetic: region.calls.synthetic } : null,
    prepareMs: performance.now() - t0,
  };
  // the worker's own strings (for tests and tools that drive the service); they stay in the worker
  return withCellIds(dataset, () => grid.h3);
}
