/**
 * A road-network reach model: cost = response time in minutes, the
 * station's turnout plus the fastest drive along a graph of road segments
 * (each with its length and speed). Cells and origins are snapped to their
 * nearest graph node (straight line, the walk to the road not counted), so
 * a cell's cost is that of its node. Built for small graphs (the nearest
 * node is found by a scan of all nodes): the model an imported road graph
 * will grow from.
 */
import { haversineKm } from './geo.ts';
import type { PopulationGrid } from './grid.ts';
import type { AreaLimits, Reach, ReachLimits, ReachModel, ReachOrigin } from './reach.ts';
import { coverRadiusKm, marginalRadiusKm, type Rules } from './rules.ts';
import type { AreaType } from './types.ts';

export interface RoadNode {
  lng: number;
  lat: number;
}

export interface RoadEdge {
  /** Node indices. */
  from: number;
  to: number;
  lengthKm: number;
  speedKmh: number;
  /** Drivable from → to only (default: both ways). */
  oneWay?: boolean;
}

export interface RoadGraph {
  nodes: readonly RoadNode[];
  edges: readonly RoadEdge[];
}

export interface NetworkOptions {
  /** Cells further than this from every node are reached by no station (default: no limit). */
  maxSnapKm?: number;
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

/** Min-heap of (minutes, node) pairs for Dijkstra. */
class Heap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the pair with the smallest minutes and returns its node. */
  pop(): number {
    const { keys, nodes } = this;
    const node = nodes[0];
    const key = keys.pop()!;
    const last = nodes.pop()!;
    const n = keys.length;
    if (n === 0) return node;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= key) break;
      keys[i] = keys[c];
      nodes[i] = nodes[c];
      i = c;
    }
    keys[i] = key;
    nodes[i] = last;
    return node;
  }
}

/**
 * @example
 * const model = new NetworkReach(grid, { nodes, edges });
 * model.reach({ lng, lat, turnoutMinutes: 2 }, model.limits(rules)) // cells within the largest response time, costs in minutes
 */
export class NetworkReach implements ReachModel {
  readonly unit = 'minutes' as const;
  private readonly nodes: readonly RoadNode[];
  /** Outgoing edges of node v: [edgeStart[v], edgeStart[v+1]) into edgeTo / edgeMinutes. */
  private readonly edgeStart: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly edgeMinutes: Float64Array;
  /** Cells snapped to node v: [cellStart[v], cellStart[v+1]) into nodeCells, ascending. */
  private readonly cellStart: Int32Array;
  private readonly nodeCells: Int32Array;

  constructor(grid: PopulationGrid, graph: RoadGraph, options: NetworkOptions = {}) {
    const { nodes, edges } = graph;
    if (nodes.length === 0) throw new Error('A road graph needs at least one node.');
    this.nodes = nodes;
    const v = nodes.length;
    const arcs: [number, number, number][] = [];
    edges.forEach((e, k) => {
      for (const end of [e.from, e.to]) {
        if (!Number.isInteger(end) || end < 0 || end >= v) throw new Error(`Road edge ${k} names node ${end}; there are ${v}.`);
      }
      if (!(e.lengthKm >= 0) || !(e.speedKmh > 0)) throw new Error(`Road edge ${k} needs a length ≥ 0 and a speed > 0 (got ${e.lengthKm} km, ${e.speedKmh} km/h).`);
      const minutes = (e.lengthKm / e.speedKmh) * 60;
      arcs.push([e.from, e.to, minutes]);
      if (!e.oneWay) arcs.push([e.to, e.from, minutes]);
    });
    this.edgeStart = new Int32Array(v + 1);
    for (const [from] of arcs) this.edgeStart[from + 1]++;
    for (let i = 0; i < v; i++) this.edgeStart[i + 1] += this.edgeStart[i];
    this.edgeTo = new Int32Array(arcs.length);
    this.edgeMinutes = new Float64Array(arcs.length);
    const fill = this.edgeStart.slice(0, v);
    for (const [from, to, minutes] of arcs) {
      this.edgeTo[fill[from]] = to;
      this.edgeMinutes[fill[from]++] = minutes;
    }

    const maxSnapKm = options.maxSnapKm ?? Infinity;
    const nodeOf = new Int32Array(grid.size);
    this.cellStart = new Int32Array(v + 1);
    for (let i = 0; i < grid.size; i++) {
      const node = this.nearestNode(grid.lng[i], grid.lat[i], maxSnapKm);
      nodeOf[i] = node;
      if (node >= 0) this.cellStart[node + 1]++;
    }
    for (let i = 0; i < v; i++) this.cellStart[i + 1] += this.cellStart[i];
    this.nodeCells = new Int32Array(this.cellStart[v]);
    const at = this.cellStart.slice(0, v);
    for (let i = 0; i < grid.size; i++) if (nodeOf[i] >= 0) this.nodeCells[at[nodeOf[i]]++] = i;
  }

  /** The node nearest the point (ties: lower index), or -1 when none is within `maxKm`. */
  private nearestNode(lng: number, lat: number, maxKm: number): number {
    let best = -1;
    let bestKm = maxKm;
    this.nodes.forEach((n, k) => {
      const km = haversineKm(lng, lat, n.lng, n.lat);
      if (km < bestKm || (km === bestKm && best < 0)) {
        best = k;
        bestKm = km;
      }
    });
    return best;
  }

  limits(rules: Rules): ReachLimits {
    return networkLimits(rules);
  }

  /** Cells whose response time (turnout + fastest drive from the origin's node) is within `limits.max`. */
  reach(origin: ReachOrigin, limits: ReachLimits): Reach {
    const turnout = origin.turnoutMinutes ?? limits.defaultTurnoutMinutes;
    if (!(turnout >= 0 && Number.isFinite(turnout))) throw new Error(`A station's turnout must be a number of minutes ≥ 0, got ${turnout}.`);
    const start = this.nearestNode(origin.lng, origin.lat, Infinity);
    const budget = limits.max - turnout;
    const v = this.nodes.length;
    const minutes = new Float64Array(v).fill(Infinity);
    const done = new Uint8Array(v);
    const settled: number[] = [];
    const heap = new Heap();
    if (budget >= 0) {
      minutes[start] = 0;
      heap.push(0, start);
    }
    while (heap.size > 0) {
      const node = heap.pop();
      if (done[node]) continue;
      done[node] = 1;
      settled.push(node);
      for (let e = this.edgeStart[node]; e < this.edgeStart[node + 1]; e++) {
        const to = this.edgeTo[e];
        const t = minutes[node] + this.edgeMinutes[e];
        if (t <= budget && t < minutes[to]) {
          minutes[to] = t;
          heap.push(t, to);
        }
      }
    }
    const pairs: [number, number][] = [];
    for (const node of settled) {
      for (let k = this.cellStart[node]; k < this.cellStart[node + 1]; k++) pairs.push([this.nodeCells[k], turnout + minutes[node]]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    return { cells: Int32Array.from(pairs, (p) => p[0]), costs: Float64Array.from(pairs, (p) => p[1]) };
  }
}
