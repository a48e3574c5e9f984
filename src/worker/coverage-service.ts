/**
 * The worker's state and work, free of any worker plumbing so Node tests can
 * drive it: one dataset, one engine, and the scenario's stations.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import { compareScenarios } from '../core/deltas.ts';
import { ringAreaTypes } from '../core/rings.ts';
import { describeCell } from '../core/describe-cell.ts';
import { cellRows, createEngine, proposedIds, type CellRow } from '../core/evaluate.ts';
import { bestSiteForGap, gapFigures, gapGroups, type GapGroup } from '../core/gaps.ts';
import type { ReachModel } from '../core/reach.ts';
import { createReachModel } from '../core/reach-factory.ts';
import { DEFAULT_RULES } from '../core/rules.ts';
import type { Rules } from '../core/rules.ts';
import { countyRows, totals, zoneRows } from '../core/tables.ts';
import { buildGrid, type CellInput, type PopulationGrid } from '../core/grid.ts';
import type { AreaType, Station, Zone } from '../core/types.ts';
import type { ImportRegion } from '../io/region.ts';
import { assembleDemoDataset, type DemoDataset, type DemoTexts } from '../io/demo-dataset.ts';
import type { CellAnswer, DemoDataUrls, EvaluationUpdate, GapCells, GapSummary, LoadedDataset, UpdateOptions } from './api.ts';
import type { BaselineStatus } from './baseline-status.ts';
import { CellOutliner } from './gap-outline.ts';
import { RegionCache, regionKey } from './region-cache.ts';

/** Gap groups that get an outline for the map. */
const OUTLINED_GAPS = 20;
/** Gap groups sent to the app (the list shows the largest). */
const LISTED_GAPS = 50;

export class CoverageService {
  private dataset: DemoDataset | null = null;
  private reachModel: ReachModel | null = null;
  private engine: CoverageEngine | null = null;
  /**
   * The scenario without its proposed stations, kept as its own engine and
   * updated with the scenario: the before/after and the "before" map read it;
   * nothing removes and re-adds stations to find it.
   */
  private baseline: CoverageEngine | null = null;
  /** Area types each station's rings are drawn for, updated with the station. */
  private rings = new Map<string, AreaType[]>();
  /** The last full update's gap list, reused by light updates (gap groups are not recomputed mid-drag). */
  private lastGaps: GapSummary[] = [];
  private stations = new Map<string, Station>();
  /** The rules of the last full evaluation (an import rebuilds the engine with them). */
  private rules: Rules = DEFAULT_RULES;
  /** Sequence number of the last update read off the engine (what a cell description belongs to). */
  private lastSeq = 0;
  /** Gap groups of update `seq`, kept for further clicks on the same scenario (a flood fill of the whole grid each). */
  private describedGaps: { seq: number; groups: GapGroup[] } | null = null;
  /** Outlines gap areas on the loaded grid (its cell boundaries are kept between updates). */
  private outliner: CellOutliner | null = null;
  /** Demo regions already assembled, so a revisit skips fetching and parsing. */
  private readonly regions = new RegionCache();

  constructor(private readonly fetchText: (url: string) => Promise<string>) {}

  async load(urls: DemoDataUrls): Promise<LoadedDataset> {
    const t0 = performance.now();
    const region = await this.regions.get(regionKey(urls), () => this.prepare(urls));
    this.dataset = region.dataset;
    this.reachModel = region.reach;
    this.outliner = region.outliner;
    this.engine = null;
    this.baseline = null;
    this.lastGaps = [];
    this.describedGaps = null;
    return loaded(this.dataset, t0);
  }

  private async prepare(urls: DemoDataUrls): Promise<{ dataset: DemoDataset; reach: ReachModel }> {
    const counties = Object.keys(urls.population);
    const [townships, facilities, ...tables] = await Promise.all([
      this.fetchText(urls.townships),
      this.fetchText(urls.facilities),
      ...counties.map((c) => this.fetchText(urls.population[c])),
    ]);
    const texts: DemoTexts = { townships, facilities, population: Object.fromEntries(counties.map((c, i) => [c, tables[i]])) };
    const dataset = assembleDemoDataset(texts);
    const { grid } = dataset;
    const reach = createReachModel(grid);
    // the region's own stations, and any from outside whose reach (under the default rules) enters it
    const limits = reach.limits(DEFAULT_RULES);
    const stations = dataset.stations.filter(
      (s) => (s.county !== undefined && counties.includes(s.county)) || reach.reach(s, limits).cells.length > 0,
    );
    return { dataset: { ...dataset, stations }, reach };
  }

  /** The loaded dataset's H3 resolution. */
  resolution(): number {
    return this.requireDataset().grid.resolution;
  }

  /** The loaded area for checking imported points: the box of its cells, named by its counties. */
  region(): ImportRegion {
    const { grid } = this.requireDataset();
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < grid.size; i++) {
      bbox[0] = Math.min(bbox[0], grid.lng[i]);
      bbox[1] = Math.min(bbox[1], grid.lat[i]);
      bbox[2] = Math.max(bbox[2], grid.lng[i]);
      bbox[3] = Math.max(bbox[3], grid.lat[i]);
    }
    const names = [...new Set(grid.zones.map((z) => z.countyName).filter(Boolean))];
    return { name: names.slice(0, 3).join('、') || 'the loaded region', bbox };
  }

  /** The current cells with their zone codes. */
  cells(): CellInput[] {
    const { grid } = this.requireDataset();
    return grid.h3.map((h3, i) => ({ h3, population: grid.population[i], zone: grid.zone[i] >= 0 ? grid.zones[grid.zone[i]].code : undefined }));
  }

  zones(): readonly Zone[] {
    return this.requireDataset().grid.zones;
  }

  /**
   * Replaces the population cells (and zones) and rebuilds the grid; the
   * engine is rebuilt at once with the scenario's stations and rules, so an
   * edit arriving before the app's next evaluate still has one to work on.
   */
  replaceCells(cells: readonly CellInput[], zones: readonly Zone[]): LoadedDataset {
    const t0 = performance.now();
    const dataset = this.requireDataset();
    const grid = buildGrid(cells, zones);
    const reach = createReachModel(grid);
    this.dataset = { ...dataset, grid };
    this.reachModel = reach;
    this.outliner = new CellOutliner(grid.h3);
    this.lastGaps = [];
    this.describedGaps = null;
    this.engine = this.engine ? createEngine(grid, { stations: [...this.stations.values()], rules: this.rules }, reach) : null;
    this.baseline = this.engine ? createEngine(grid, { stations: withoutProposed([...this.stations.values()]), rules: this.rules }, reach) : null;
    if (this.engine) this.refreshRings();
    return loaded(this.dataset, t0);
  }

  evaluate(stations: Station[], rules: Rules, options: UpdateOptions): EvaluationUpdate {
    const t0 = performance.now();
    const dataset = this.requireDataset();
    this.stations = new Map(stations.map((s) => [s.id, s]));
    this.rules = rules;
    if (this.engine && this.baseline) {
      this.engine.setRules(rules, stations);
      this.baseline.setRules(rules, withoutProposed(stations));
    } else {
      this.engine = createEngine(dataset.grid, { stations, rules }, this.reachModel ?? undefined);
      this.baseline = createEngine(dataset.grid, { stations: withoutProposed(stations), rules }, this.engine.reachModel);
    }
    this.refreshRings();
    return this.read(options, t0);
  }

  upsertStation(station: Station, options: UpdateOptions): EvaluationUpdate {
    const t0 = performance.now();
    const engine = this.requireEngine();
    this.stations.set(station.id, station);
    engine.upsertStation(station);
    const baseline = this.baseline!;
    if (station.status !== 'proposed') baseline.upsertStation(station);
    else if (baseline.hasStation(station.id)) baseline.removeStation(station.id);
    this.rings.set(station.id, ringAreaTypes(engine, station));
    return this.read(options, t0);
  }

  removeStation(id: string, options: UpdateOptions): EvaluationUpdate {
    const t0 = performance.now();
    const engine = this.requireEngine();
    this.stations.delete(id);
    this.rings.delete(id);
    if (engine.hasStation(id)) engine.removeStation(id);
    if (this.baseline!.hasStation(id)) this.baseline!.removeStation(id);
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
    const baseline = this.baseline!;
    const withoutIds = engine.activeStations().filter((s) => !baseline.hasStation(s.id)).map((s) => s.id);
    return { withoutIds, status: baseline.status.slice(), withinCircle: baseline.withinCircle.slice() };
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
    }
    return {
      seq: options.seq,
      tag: options.tag ?? { dataset: 0, version: options.seq },
      totals: totals(engine),
      zones,
      counties: countyRows(engine, zones),
      gaps: this.lastGaps,
      gapsUpdated: !options.light,
      delta: hasProposed ? compareScenarios(engine, this.baseline!) : null,
      ringAreaTypes: Object.fromEntries(this.rings),
      status: engine.status.slice(),
      withinCircle: engine.withinCircle.slice(),
      inRange: engine.inRangeCount.slice(),
      computeMs: performance.now() - t0,
    };
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

  private requireDataset(): DemoDataset {
    if (!this.dataset) throw new Error('No dataset loaded: call load() first.');
    return this.dataset;
  }

  private requireOutliner(): CellOutliner {
    return (this.outliner ??= new CellOutliner(this.requireDataset().grid.h3));
  }

  private requireEngine(): CoverageEngine {
    if (!this.engine) throw new Error('No scenario evaluated yet: call evaluate() first.');
    return this.engine;
  }
}

/** The stations a scenario's baseline keeps: all but the proposed ones. */
function withoutProposed(stations: readonly Station[]): Station[] {
  return stations.filter((s) => s.status !== 'proposed');
}

function loaded(dataset: { counties: string[]; grid: PopulationGrid; stations: Station[] }, t0: number): LoadedDataset {
  const { grid } = dataset;
  return {
    counties: dataset.counties,
    zones: [...grid.zones],
    stations: dataset.stations,
    h3: [...grid.h3],
    population: grid.population.slice(),
    zone: grid.zone.slice(),
    prepareMs: performance.now() - t0,
  };
}
