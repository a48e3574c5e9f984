/**
 * A road-network reach model: cost = response time in minutes, the
 * station's turnout plus the fastest drive along a road graph (CSR, minutes
 * per arc precomputed), plus an off-road leg at each end: from the station
 * to its nearest road node and from a cell's nearest road node to the cell
 * centre, at a stated speed. Points farther than a stated distance from
 * every road of the network, or near only a fragment of it, have no road
 * access: such cells are reached by no station, and counted (roadAccess()).
 */
import type { PopulationGrid } from './grid.ts';
import type { AreaLimits, NearestOut, Reach, ReachLimits, ReachModel, ReachOrigin } from './reach.ts';
import { reachCacheOf } from './reach-cache.ts';
import { BoundedDijkstra, type NodePrune, type Prune } from './roads/dijkstra.ts';
import { csrFromEdges, type CsrRoadGraph, type RoadGraph } from './roads/graph.ts';
import { NO_ACCESS_FAR, NO_ACCESS_FRAGMENT, NodeSnapper, type SnapResult } from './roads/snap.ts';
import { coverRadiusKm, marginalRadiusKm, type Rules } from './rules.ts';
import type { AreaType } from './types.ts';

export type { RoadEdge, RoadGraph, RoadNode, CsrRoadGraph } from './roads/graph.ts';

export { SNAP_DEFAULTS } from './roads/snap-defaults.ts';
import { SNAP_DEFAULTS } from './roads/snap-defaults.ts';

export interface NetworkOptions {
  /** Cells and stations farther than this from every road node have no road access (default SNAP_DEFAULTS). */
  maxSnapKm?: number;
  /** Speed of the off-road legs, km/h (default SNAP_DEFAULTS). */
  offRoadKmh?: number;
  /** Components with fewer nodes than this share of the largest are fragments (default SNAP_DEFAULTS). */
  fragmentShare?: number;
  /**
   * Reach at least this many minutes, whatever the rules' largest limit
   * (default 0: the rules' own). Response-time figures (a curve to 60
   * minutes) need costs beyond the rules' limits.
   */
  horizonMinutes?: number;
}

/** Cells without road access, ascending, and their population. */
export interface RoadAccess {
  /** Farther than the maximum snap distance from every road of the network. */
  far: Int32Array;
  /** Within it of a fragment only. */
  fragment: Int32Array;
  farPopulation: number;
  fragmentPopulation: number;
}

/**
 * The rules as response times (minutes). The emergency circle is its own
 * minutes. A service radius becomes the turnout plus the time to drive it
 * at the area type's speed along roads the detour coefficient longer than
 * the straight line: the circle formula read backwards, so a radius equal
 * to the circle's radius gives the circle's minutes.
 * @example networkLimits(DEFAULT_RULES).urban.cover // 3 + 5 × 1.6 / 32.07 × 60 ≈ 17.97
 */
export function networkLimits(rules: Rules): ReachLimits {
  const byType = (t: AreaType): AreaLimits => {
    const speed = t === 'urban' ? rules.urbanSpeedKmh : rules.ruralSpeedKmh;
    const detour = t === 'urban' ? rules.urbanDetourCoefficient : rules.ruralDetourCoefficient;
    const minutes = (km: number) => rules.turnoutMinutes + ((km * detour) / speed) * 60;
    return { cover: minutes(coverRadiusKm(rules, t)), marginal: minutes(marginalRadiusKm(rules, t)), circle: rules.circleMinutes };
  };
  const urban = byType('urban');
  const rural = byType('rural');
  const max = Math.max(urban.cover, urban.marginal, urban.circle, rural.cover, rural.marginal, rural.circle);
  return { urban, rural, max, defaultTurnoutMinutes: rules.turnoutMinutes };
}

/** One full evaluation's searches: per cell the nearest origin and its minutes, and the origins within the urban and the rural cover limit. */
interface NearestKept {
  slot: Int32Array;
  cost: Float64Array;
  inUrban: Uint16Array;
  inRural: Uint16Array;
}

/**
 * @example
 * const model = new NetworkReach(grid, buildRoadGraph(ways, DEFAULT_SPEED_MODEL));
 * model.reach({ lng, lat, turnoutMinutes: 2 }, model.limits(rules)) // cells within the largest response time, costs in minutes
 */
export class NetworkReach implements ReachModel {
  readonly unit = 'minutes' as const;
  /** A reach is a Dijkstra search: engines keep them between evaluations. */
  readonly cacheReach = true;
  readonly graph: CsrRoadGraph;
  readonly maxSnapKm: number;
  readonly offRoadKmh: number;
  readonly horizonMinutes: number;
  private readonly grid: PopulationGrid;
  private readonly snapper: NodeSnapper;
  private readonly dijkstra: BoundedDijkstra;
  /** Minutes of the off-road leg from each cell's node to its centre (Infinity: no road access). */
  private readonly cellLegMinutes: Float64Array;
  /** 0 when the cell has road access, else NO_ACCESS_FAR or NO_ACCESS_FRAGMENT. */
  private readonly cellNoAccess: Uint8Array;
  /** Cells snapped to node v: [cellStart[v], cellStart[v+1]) into nodeCells, ascending. */
  private readonly cellStart: Int32Array;
  private readonly nodeCells: Int32Array;
  /** Scratch of reach(): cost by cell, and the cells found; reachAgainst's costs in their order. */
  private readonly costByCell: Float64Array;
  private readonly found: Int32Array;
  private readonly foundCosts: Float64Array;
  /** reachAgainst's run: the held stations' least cost per cell, read through the nodes cells are joined to. */
  private against: Float64Array | null = null;
  private readonly againstPrune: NodePrune = { boundAt: (node) => this.beatenAt(node), offset: 0, freeMinutes: 0 };
  private readonly snapped: SnapResult = { node: -1, km: Infinity, reason: 0 };
  /** Scratch of nearestAll: per node, the least response minutes of the origins searched so far. */
  private bound: Float64Array | null = null;

  constructor(grid: PopulationGrid, graph: RoadGraph | CsrRoadGraph, options: NetworkOptions = {}) {
    const csr = 'kind' in graph && graph.kind === 'csr' ? graph : csrFromEdges(graph as RoadGraph);
    if (csr.nodeCount === 0) throw new Error('A road graph needs at least one node.');
    this.graph = csr;
    this.grid = grid;
    this.maxSnapKm = options.maxSnapKm ?? SNAP_DEFAULTS.maxSnapKm.value;
    this.offRoadKmh = options.offRoadKmh ?? SNAP_DEFAULTS.offRoadKmh.value;
    this.horizonMinutes = options.horizonMinutes ?? 0;
    if (!(this.offRoadKmh > 0)) throw new Error(`The off-road speed must be > 0 km/h, got ${this.offRoadKmh}.`);
    this.snapper = new NodeSnapper(csr, { maxSnapKm: this.maxSnapKm, fragmentShare: options.fragmentShare ?? SNAP_DEFAULTS.fragmentShare.value });

    const v = csr.nodeCount;
    const n = grid.size;
    const nodeOf = new Int32Array(n);
    this.cellLegMinutes = new Float64Array(n);
    this.cellNoAccess = new Uint8Array(n);
    this.cellStart = new Int32Array(v + 1);
    const s = this.snapped;
    for (let i = 0; i < n; i++) {
      this.snapper.snap(grid.lng[i], grid.lat[i], s);
      nodeOf[i] = s.node;
      if (s.node >= 0) {
        this.cellStart[s.node + 1]++;
        this.cellLegMinutes[i] = (s.km / this.offRoadKmh) * 60;
      } else {
        this.cellLegMinutes[i] = Infinity;
        this.cellNoAccess[i] = s.reason;
      }
    }
    // only the nodes cells are joined to need minutes: shape points without a cell are skipped
    const withCells = new Uint8Array(v);
    for (let k = 0; k < v; k++) if (this.cellStart[k + 1] > 0) withCells[k] = 1;
    this.dijkstra = new BoundedDijkstra(csr, withCells);
    for (let k = 0; k < v; k++) this.cellStart[k + 1] += this.cellStart[k];
    this.nodeCells = new Int32Array(this.cellStart[v]);
    const at = this.cellStart.slice(0, v);
    for (let i = 0; i < n; i++) if (nodeOf[i] >= 0) this.nodeCells[at[nodeOf[i]]++] = i;
    this.costByCell = new Float64Array(n);
    this.found = new Int32Array(n);
    this.foundCosts = new Float64Array(n);
  }

  /** The graph's weights as of now: setArcMinutes bumps it. */
  get revision(): number {
    return this.graph.minutesVersion ?? 0;
  }

  limits(rules: Rules): ReachLimits {
    const limits = networkLimits(rules);
    return limits.max >= this.horizonMinutes ? limits : { ...limits, max: this.horizonMinutes };
  }

  /** The cells without road access (beyond the snap distance, or near a fragment only). */
  roadAccess(): RoadAccess {
    const far: number[] = [];
    const fragment: number[] = [];
    let farPopulation = 0;
    let fragmentPopulation = 0;
    for (let i = 0; i < this.grid.size; i++) {
      if (this.cellNoAccess[i] === NO_ACCESS_FAR) {
        far.push(i);
        farPopulation += this.grid.population[i];
      } else if (this.cellNoAccess[i] === NO_ACCESS_FRAGMENT) {
        fragment.push(i);
        fragmentPopulation += this.grid.population[i];
      }
    }
    return { far: Int32Array.from(far), fragment: Int32Array.from(fragment), farPopulation, fragmentPopulation };
  }

  /** Where a point joins the network: its node and off-road km, or node −1 and why not (NO_ACCESS_FAR, NO_ACCESS_FRAGMENT). */
  snap(lng: number, lat: number): SnapResult {
    return this.snapper.snap(lng, lat, { node: -1, km: Infinity, reason: 0 });
  }

  /**
   * Per cell (grid order): its node's minutes plus its own off-road leg
   * (Infinity without road access), for searches run outside this model
   * (e.g. to the nearest hospital, over the reversed graph).
   * @param nodeMinutes minutes per graph node
   */
  cellMinutes(nodeMinutes: Float64Array): Float64Array {
    const out = new Float64Array(this.grid.size).fill(Infinity);
    const { cellStart, nodeCells, cellLegMinutes } = this;
    for (let v = 0; v < this.graph.nodeCount; v++) {
      const m = nodeMinutes[v];
      if (m === Infinity) continue;
      for (let j = cellStart[v]; j < cellStart[v + 1]; j++) out[nodeCells[j]] = m + cellLegMinutes[nodeCells[j]];
    }
    return out;
  }

  /**
   * The fast path of a full evaluation: every cell's nearest origin (ties to
   * the lower rank) and how many origins lie within its cover limit, the
   * same numbers as reaching from each origin and keeping the least cost,
   * with far less searching. Each origin is still searched, but beyond the
   * largest cover limit a search stops where an origin searched before is
   * nearer (by more than PRUNE_SLACK_MINUTES): a cell's nearest origin is
   * nearest along its whole fastest path too, so that search is never cut
   * short, and its minutes are a plain search's. The origins go in an order
   * spread over the list, so the bound tightens early. The result is kept in
   * the model's cache (the last two: a scenario and its baseline), so the
   * same origins under the same limits and weights search nothing again.
   * Each station's whole reach is made only when asked for (stationReach).
   */
  nearestAll(origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, areaType: Uint8Array, out: NearestOut): void {
    const kept = this.searched(origins, rank, limits);
    out.slot.set(kept.slot);
    out.cost.set(kept.cost);
    const { inRange } = out;
    for (let i = 0; i < inRange.length; i++) inRange[i] = areaType[i] === 1 ? kept.inUrban[i] : kept.inRural[i];
  }

  /**
   * The nearest origin of some cells, as nearestAll would find it (the
   * counts left alone): a removal's cells. The whole evaluation without the
   * removed station is made (as nearestAll) and kept, so every step of a
   * drag, whose other stations stay put, reads it again.
   */
  nearestOf(cells: Int32Array, count: number, origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, out: NearestOut): void {
    const kept = this.searched(origins, rank, limits);
    for (let q = 0; q < count; q++) {
      const i = cells[q];
      out.slot[i] = kept.slot[i];
      out.cost[i] = kept.cost[i];
    }
  }

  /** The searches of the origins under the limits: kept in the model's cache, or made now and kept. */
  private searched(origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits): NearestKept {
    const key = `${this.revision}|${JSON.stringify(limits)}|${origins.map((o, s) => (o ? `${o.lng},${o.lat},${o.turnoutMinutes ?? ''},${rank[s]}` : '')).join(';')}`;
    const cache = reachCacheOf(this)!;
    let kept = cache.evaluation<NearestKept>(key);
    if (!kept) cache.keepEvaluation(key, (kept = this.searchAll(origins, rank, limits)));
    return kept;
  }

  /** nearestAll's searches, kept in the model's cache: a rules change that keeps the limits, or only an area type, searches nothing again. */
  private searchAll(origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits): NearestKept {
    const n = this.grid.size;
    const slot = new Int32Array(n).fill(-1);
    const cost = new Float64Array(n).fill(Infinity);
    const inUrban = new Uint16Array(n);
    const inRural = new Uint16Array(n);
    const bound = (this.bound ??= new Float64Array(this.graph.nodeCount));
    bound.fill(Infinity);
    const { cellStart, nodeCells, cellLegMinutes } = this;
    const { minutes, settled: order } = this.dijkstra;
    const max = limits.max;
    const urbanCover = limits.urban.cover;
    const ruralCover = limits.rural.cover;
    const coverMax = Math.max(urbanCover, ruralCover);
    const prune: Prune = { bound, offset: 0, freeMinutes: 0 };
    for (const s of spreadOrder(origins.length)) {
      const origin = origins[s];
      if (!origin) continue;
      const first = this.firstMinutes(origin, limits);
      if (first === Infinity) continue;
      prune.offset = first;
      prune.freeMinutes = coverMax - first;
      const settled = this.dijkstra.run(this.snapped.node, max - first, prune);
      const r = rank[s];
      for (let k = 0; k < settled; k++) {
        const node = order[k];
        const atNode = first + minutes[node];
        if (atNode < bound[node]) bound[node] = atNode;
        for (let j = cellStart[node]; j < cellStart[node + 1]; j++) {
          const cell = nodeCells[j];
          const c = atNode + cellLegMinutes[cell];
          if (c > max) continue;
          if (c <= urbanCover) inUrban[cell]++;
          if (c <= ruralCover) inRural[cell]++;
          const best = cost[cell];
          if (c < best || (c === best && r < rank[slot[cell]])) {
            cost[cell] = c;
            slot[cell] = s;
          }
        }
      }
    }
    return { slot, cost, inUrban, inRural };
  }

  /** An origin's turnout plus its off-road leg (minutes), its node left in `snapped`; Infinity without road access. */
  private firstMinutes(origin: ReachOrigin, limits: ReachLimits): number {
    const turnout = origin.turnoutMinutes ?? limits.defaultTurnoutMinutes;
    if (!(turnout >= 0 && Number.isFinite(turnout))) throw new Error(`A station's turnout must be a number of minutes ≥ 0, got ${turnout}.`);
    const start = this.snapper.snap(origin.lng, origin.lat, this.snapped);
    return start.node < 0 ? Infinity : turnout + (start.km / this.offRoadKmh) * 60;
  }

  /**
   * Cells whose response time (turnout + off-road leg + fastest drive +
   * the cell's off-road leg) is within `limits.max`. A station without road
   * access reaches no cell.
   */
  reach(origin: ReachOrigin, limits: ReachLimits): Reach {
    const first = this.firstMinutes(origin, limits);
    if (first === Infinity) return { cells: new Int32Array(0), costs: new Float64Array(0) };
    const count = this.cellsOfRun(first, this.dijkstra.run(this.snapped.node, limits.max - first), limits.max);
    const cells = this.found.slice(0, count).sort();
    const costs = new Float64Array(count);
    for (let k = 0; k < count; k++) costs[k] = this.costByCell[cells[k]];
    return { cells, costs };
  }

  /**
   * The search of an added station, pruned as nearestAll prunes: up to the
   * largest cover limit it runs in full (every in-range count exact); beyond
   * it, a junction is not entered where the stations held are faster by more
   * than PRUNE_SLACK_MINUTES. Whoever is faster at a node is faster at
   * everything reached through it, so a cell this station wins or ties is
   * never cut off and its minutes are a plain search's. The held stations'
   * minutes at a node are read off the cells joined to it (their least cost
   * less the cell's off-road leg) and along the chains of shape points
   * ending at a junction. Arrays are the model's scratch (see ReachModel).
   */
  reachAgainst(origin: ReachOrigin, limits: ReachLimits, nearestCost: Float64Array): Reach {
    const first = this.firstMinutes(origin, limits);
    if (first === Infinity) return { cells: this.found.subarray(0, 0), costs: this.foundCosts.subarray(0, 0) };
    const prune = this.againstPrune;
    prune.offset = first;
    prune.freeMinutes = Math.max(limits.urban.cover, limits.rural.cover) - first;
    this.against = nearestCost;
    let count: number;
    try {
      count = this.cellsOfRun(first, this.dijkstra.run(this.snapped.node, limits.max - first, prune), limits.max);
    } finally {
      this.against = null;
    }
    const cells = this.found.subarray(0, count).sort();
    const costs = this.foundCosts.subarray(0, count);
    for (let k = 0; k < count; k++) costs[k] = this.costByCell[cells[k]];
    return { cells, costs };
  }

  /** The held stations' least minutes at a node, read off its cells (Infinity: none of them reached). */
  private beatenAt(node: number): number {
    const { cellStart, nodeCells, cellLegMinutes } = this;
    const nearestCost = this.against!;
    let bound = Infinity;
    for (let j = cellStart[node]; j < cellStart[node + 1]; j++) {
      const cell = nodeCells[j];
      const atNode = nearestCost[cell] - cellLegMinutes[cell];
      if (atNode < bound) bound = atNode;
    }
    return bound;
  }

  /** The cells of the last run's nodes within `max` (first + node minutes + their leg): costs in costByCell, cells in found[0 … count). */
  private cellsOfRun(first: number, settled: number, max: number): number {
    const { minutes } = this.dijkstra;
    const order = this.dijkstra.settled;
    const { cellStart, nodeCells, cellLegMinutes, costByCell, found } = this;
    let count = 0;
    for (let k = 0; k < settled; k++) {
      const node = order[k];
      const atNode = first + minutes[node];
      for (let j = cellStart[node]; j < cellStart[node + 1]; j++) {
        const cell = nodeCells[j];
        const cost = atNode + cellLegMinutes[cell];
        if (cost <= max) {
          costByCell[cell] = cost;
          found[count++] = cell;
        }
      }
    }
    return count;
  }
}

/**
 * 0 … n − 1 in an order that visits the list evenly early on (a stride of
 * about n / φ, coprime with n): station lists are grouped by county, so
 * neighbours in the list are neighbours on the map.
 */
function spreadOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  if (n === 0) return order;
  let step = Math.max(1, Math.round(n * 0.6180339887));
  while (gcd(step, n) !== 1) step++;
  for (let k = 0, at = 0; k < n; k++, at = (at + step) % n) order[k] = at;
  return order;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
