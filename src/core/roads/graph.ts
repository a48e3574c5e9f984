/**
 * The road graph the network reach drives on, in compressed sparse rows:
 * node v's outgoing arcs are arcTo/arcMinutes[arcStart[v] … arcStart[v + 1]),
 * minutes precomputed from each arc's length and speed. Both directions of
 * every road are stored; an arc that would drive a one-way road against its
 * direction costs Infinity unless emergency vehicles may use both
 * directions, so a new speed model recomputes minutes without rebuilding.
 */
import { haversineKm } from '../geo.ts';
import type { AreaType } from '../types.ts';
import { roadSpeedKmh, type SpeedModel } from './speeds.ts';
import { wayCount, type RoadWays } from './ways.ts';

export interface CsrRoadGraph {
  readonly kind: 'csr';
  readonly nodeCount: number;
  /** Node positions (the road vertices that ways use). */
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Outgoing arcs of node v: [arcStart[v], arcStart[v + 1]). */
  readonly arcStart: Int32Array;
  readonly arcTo: Int32Array;
  /** Minutes to drive the arc (Infinity: not allowed this way). */
  readonly arcMinutes: Float64Array;
  /** Length of the arc, km (geodesic, haversine). */
  readonly arcKm: Float64Array;
  /** The way the arc belongs to (−1 for graphs made from hand-made edges). */
  readonly arcWay: Int32Array;
  /** 1 where the arc drives its road against its one-way direction. */
  readonly arcAgainst: Uint8Array;
  /** Area type at the arc's middle: 0 unknown, 1 urban, 2 rural. */
  readonly arcArea: Uint8Array;
  /** Undirected connected component of each node; 0 is the largest. */
  readonly component: Int32Array;
  /** Nodes in each component, largest first. */
  readonly componentSize: Int32Array;
  /** Bumped by setArcMinutes each time it re-weights the arcs in place, so searches that keep derived minutes read them again. */
  minutesVersion?: number;
}

export interface BuildOptions {
  /** The area type at a point, for the speed model's urban/rural factor (default: unknown, factor 1). */
  areaTypeAt?: (lng: number, lat: number) => AreaType | null;
}

/**
 * A CSR graph of the ways, minutes from the speed model. Only vertices that
 * ways use become nodes. Throws naming the way when one has no speed (no
 * known class and no posted speed): the readers report such ways instead of
 * passing them on.
 * @example buildRoadGraph(ways, DEFAULT_SPEED_MODEL).arcMinutes // minutes per arc
 */
export function buildRoadGraph(ways: RoadWays, model: SpeedModel, options: BuildOptions = {}): CsrRoadGraph {
  const nWays = wayCount(ways);
  const nodeOf = new Int32Array(ways.lng.length).fill(-1);
  let nodeCount = 0;
  let edgeCount = 0;
  for (let w = 0; w < nWays; w++) {
    for (let k = ways.wayStart[w]; k < ways.wayStart[w + 1]; k++) {
      const v = ways.wayVertices[k];
      if (nodeOf[v] < 0) nodeOf[v] = nodeCount++;
      if (k > ways.wayStart[w] && ways.wayVertices[k - 1] !== v) edgeCount++;
    }
  }
  const lng = new Float64Array(nodeCount);
  const lat = new Float64Array(nodeCount);
  for (let v = 0; v < nodeOf.length; v++) {
    if (nodeOf[v] >= 0) {
      lng[nodeOf[v]] = ways.lng[v];
      lat[nodeOf[v]] = ways.lat[v];
    }
  }
  // edges as (from, to, way, forward-allowed, backward-allowed), then counted into rows
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  const edgeWay = new Int32Array(edgeCount);
  const arcStart = new Int32Array(nodeCount + 1);
  let e = 0;
  for (let w = 0; w < nWays; w++) {
    for (let k = ways.wayStart[w] + 1; k < ways.wayStart[w + 1]; k++) {
      const a = ways.wayVertices[k - 1];
      const b = ways.wayVertices[k];
      if (a === b) continue;
      edgeFrom[e] = nodeOf[a];
      edgeTo[e] = nodeOf[b];
      edgeWay[e++] = w;
      arcStart[nodeOf[a] + 1]++;
      arcStart[nodeOf[b] + 1]++;
    }
  }
  for (let v = 0; v < nodeCount; v++) arcStart[v + 1] += arcStart[v];
  const arcs = 2 * edgeCount;
  const arcTo = new Int32Array(arcs);
  const arcKm = new Float64Array(arcs);
  const arcWay = new Int32Array(arcs);
  const arcAgainst = new Uint8Array(arcs);
  const arcArea = new Uint8Array(arcs);
  const fill = arcStart.slice(0, nodeCount);
  const areaTypeAt = options.areaTypeAt;
  for (let i = 0; i < edgeCount; i++) {
    const a = edgeFrom[i];
    const b = edgeTo[i];
    const w = edgeWay[i];
    const km = haversineKm(lng[a], lat[a], lng[b], lat[b]);
    const oneway = ways.wayOneway[w];
    const area = areaTypeAt ? areaCode(areaTypeAt((lng[a] + lng[b]) / 2, (lat[a] + lat[b]) / 2)) : 0;
    const ab = fill[a]++;
    const ba = fill[b]++;
    arcTo[ab] = b;
    arcTo[ba] = a;
    arcKm[ab] = arcKm[ba] = km;
    arcWay[ab] = arcWay[ba] = w;
    arcArea[ab] = arcArea[ba] = area;
    if (oneway === 1) arcAgainst[ba] = 1;
    else if (oneway === -1) arcAgainst[ab] = 1;
  }
  const { component, componentSize } = components(nodeCount, arcStart, arcTo);
  const graph: CsrRoadGraph = { kind: 'csr', nodeCount, lng, lat, arcStart, arcTo, arcMinutes: new Float64Array(arcs), arcKm, arcWay, arcAgainst, arcArea, component, componentSize };
  setArcMinutes(graph, ways, model);
  return graph;
}

const areaCode = (t: AreaType | null): number => (t === 'urban' ? 1 : t === 'rural' ? 2 : 0);
const AREA_TYPES: (AreaType | null)[] = [null, 'urban', 'rural'];

/**
 * Recomputes every arc's minutes in place for a speed model (a new scenario
 * factor, a changed class speed, the both-directions option).
 */
export function setArcMinutes(graph: CsrRoadGraph, ways: RoadWays, model: SpeedModel): void {
  const { arcKm, arcWay, arcAgainst, arcArea, arcMinutes } = graph;
  graph.minutesVersion = (graph.minutesVersion ?? 0) + 1;
  for (let i = 0; i < arcKm.length; i++) {
    if (arcAgainst[i] && !model.bothDirections) {
      arcMinutes[i] = Infinity;
      continue;
    }
    const w = arcWay[i];
    const c = ways.wayClass[w];
    const kmh = roadSpeedKmh(model, c >= 0 ? ways.classes[c] : null, ways.wayPostedKmh[w], AREA_TYPES[arcArea[i]]);
    if (!(kmh > 0)) {
      const cls = c >= 0 ? `class "${ways.classes[c]}"` : 'no class';
      throw new Error(`Road way ${w} has no speed: ${cls} is not in the speed model and it has no posted speed.`);
    }
    arcMinutes[i] = (arcKm[i] / kmh) * 60;
  }
}

/** Undirected components, numbered by size (0 = largest). */
function components(n: number, arcStart: Int32Array, arcTo: Int32Array): { component: Int32Array; componentSize: Int32Array } {
  const raw = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (raw[s] >= 0) continue;
    const id = sizes.length;
    let top = 0;
    let size = 0;
    stack[top++] = s;
    raw[s] = id;
    while (top > 0) {
      const v = stack[--top];
      size++;
      for (let a = arcStart[v]; a < arcStart[v + 1]; a++) {
        const u = arcTo[a];
        if (raw[u] < 0) {
          raw[u] = id;
          stack[top++] = u;
        }
      }
    }
    sizes.push(size);
  }
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Int32Array(sizes.length);
  order.forEach((id, r) => (rank[id] = r));
  const component = new Int32Array(n);
  for (let v = 0; v < n; v++) component[v] = rank[raw[v]];
  return { component, componentSize: Int32Array.from(order, (id) => sizes[id]) };
}

/** One hand-made road segment (the small graphs of tests and examples). */
export interface RoadEdge {
  /** Node indices. */
  from: number;
  to: number;
  lengthKm: number;
  speedKmh: number;
  /** Drivable from → to only (default: both ways). */
  oneWay?: boolean;
}

export interface RoadNode {
  lng: number;
  lat: number;
}

/** A hand-made road graph: nodes and segments with their own lengths and speeds. */
export interface RoadGraph {
  nodes: readonly RoadNode[];
  edges: readonly RoadEdge[];
}

/**
 * The CSR form of a hand-made graph, its lengths and speeds taken as given
 * (one-way edges get no reverse arc). Throws naming an edge to a missing
 * node or without a speed.
 */
export function csrFromEdges(graph: RoadGraph): CsrRoadGraph {
  const { nodes, edges } = graph;
  const v = nodes.length;
  if (v === 0) throw new Error('A road graph needs at least one node.');
  const arcStart = new Int32Array(v + 1);
  edges.forEach((e, k) => {
    for (const end of [e.from, e.to]) {
      if (!Number.isInteger(end) || end < 0 || end >= v) throw new Error(`Road edge ${k} names node ${end}; there are ${v}.`);
    }
    if (!(e.lengthKm >= 0) || !(e.speedKmh > 0)) throw new Error(`Road edge ${k} needs a length ≥ 0 and a speed > 0 (got ${e.lengthKm} km, ${e.speedKmh} km/h).`);
    arcStart[e.from + 1]++;
    if (!e.oneWay) arcStart[e.to + 1]++;
  });
  for (let i = 0; i < v; i++) arcStart[i + 1] += arcStart[i];
  const arcs = arcStart[v];
  const arcTo = new Int32Array(arcs);
  const arcMinutes = new Float64Array(arcs);
  const arcKm = new Float64Array(arcs);
  const fill = arcStart.slice(0, v);
  const put = (from: number, to: number, km: number, minutes: number) => {
    const a = fill[from]++;
    arcTo[a] = to;
    arcKm[a] = km;
    arcMinutes[a] = minutes;
  };
  for (const e of edges) {
    const minutes = (e.lengthKm / e.speedKmh) * 60;
    put(e.from, e.to, e.lengthKm, minutes);
    if (!e.oneWay) put(e.to, e.from, e.lengthKm, minutes);
  }
  // components over arcs taken both ways
  const undirectedStart = new Int32Array(v + 1);
  for (let from = 0; from < v; from++) {
    for (let a = arcStart[from]; a < arcStart[from + 1]; a++) {
      undirectedStart[from + 1]++;
      undirectedStart[arcTo[a] + 1]++;
    }
  }
  for (let i = 0; i < v; i++) undirectedStart[i + 1] += undirectedStart[i];
  const undirectedTo = new Int32Array(undirectedStart[v]);
  const at = undirectedStart.slice(0, v);
  for (let from = 0; from < v; from++) {
    for (let a = arcStart[from]; a < arcStart[from + 1]; a++) {
      undirectedTo[at[from]++] = arcTo[a];
      undirectedTo[at[arcTo[a]]++] = from;
    }
  }
  const { component, componentSize } = components(v, undirectedStart, undirectedTo);
  return {
    kind: 'csr',
    nodeCount: v,
    lng: Float64Array.from(nodes, (n) => n.lng),
    lat: Float64Array.from(nodes, (n) => n.lat),
    arcStart,
    arcTo,
    arcMinutes,
    arcKm,
    arcWay: new Int32Array(arcs).fill(-1),
    arcAgainst: new Uint8Array(arcs),
    arcArea: new Uint8Array(arcs),
    component,
    componentSize,
  };
}
