/**
 * The network reach on a CSR road graph: Dijkstra against Bellman–Ford on
 * random graphs, snapping with its off-road legs, cells without road access
 * counted (far from roads, or near a fragment only), the speed model's
 * sources, and a graph read from a PBF plugged in through the factory.
 */
import { cellToLatLng, latLngToCell } from 'h3-js';
import FlatQueue from 'flatqueue';
import { describe, expect, it } from 'vitest';
import { haversineKm, KM_PER_DEG_LAT } from '../../src/core/geo.ts';
import { SNAP_DEFAULTS, type NetworkReach } from '../../src/core/network-reach.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { BoundedDijkstra } from '../../src/core/roads/dijkstra.ts';
import { buildRoadGraph, csrFromEdges, setArcMinutes, type CsrRoadGraph, type RoadEdge } from '../../src/core/roads/graph.ts';
import { NO_ACCESS_FAR, NO_ACCESS_FRAGMENT } from '../../src/core/roads/snap.ts';
import { CLASS_SPEEDS_KMH, DEFAULT_SPEED_MODEL, makeSpeedModel, PEAK_FACTOR, roadClassKey, roadSpeedKmh } from '../../src/core/roads/speeds.ts';
import { makeRules } from '../../src/core/rules.ts';
import { readRoads } from '../../src/io/roads/index.ts';
import { BOX, handOsmPbf, LAT0, LNG } from '../helpers/roads.ts';
import { grid, zone } from '../helpers/tiny.ts';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shortest minutes by Bellman–Ford over the edge list: an independent reckoning. */
function bellmanFord(n: number, edges: RoadEdge[], source: number): Float64Array {
  const d = new Float64Array(n).fill(Infinity);
  d[source] = 0;
  for (let round = 0; round < n; round++) {
    let changed = false;
    for (const e of edges) {
      const m = (e.lengthKm / e.speedKmh) * 60;
      if (d[e.from] + m < d[e.to]) {
        d[e.to] = d[e.from] + m;
        changed = true;
      }
      if (!e.oneWay && d[e.to] + m < d[e.from]) {
        d[e.from] = d[e.to] + m;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return d;
}

describe('Dijkstra', () => {
  it('equals Bellman–Ford on 200 random graphs (one-way edges, parallel edges, loops, budgets)', () => {
    const rand = random(13);
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + Math.floor(rand() * 40);
      const m = Math.floor(rand() * n * 3);
      const edges: RoadEdge[] = [];
      for (let k = 0; k < m; k++) {
        edges.push({ from: Math.floor(rand() * n), to: Math.floor(rand() * n), lengthKm: rand() * 5, speedKmh: 5 + rand() * 85, oneWay: rand() < 0.3 });
      }
      const graph = csrFromEdges({ nodes: Array.from({ length: n }, (_, k) => ({ lng: k * 0.01, lat: 0 })), edges });
      const dijkstra = new BoundedDijkstra(graph);
      for (let s = 0; s < 3; s++) {
        const source = Math.floor(rand() * n);
        const budget = rand() < 0.5 ? Infinity : rand() * 10;
        const expected = bellmanFord(n, edges, source);
        const settled = dijkstra.run(source, budget);
        let within = 0;
        for (let v = 0; v < n; v++) {
          if (expected[v] <= budget && expected[v] < Infinity) {
            within++;
            expect(dijkstra.minutes[v]).toBeCloseTo(expected[v], 9);
          } else expect(dijkstra.minutes[v] === Infinity || dijkstra.minutes[v] > budget).toBe(true);
        }
        expect(settled).toBe(within);
        // the settled list names each reached node once
        expect(new Set(dijkstra.settled.subarray(0, settled)).size).toBe(within);
        for (let k = 0; k < settled; k++) expect(dijkstra.minutes[dijkstra.settled[k]]).toBeLessThanOrEqual(budget);
      }
    }
  });
});

/** Shortest minutes by Bellman–Ford over a CSR graph's arcs (Infinity arcs never drivable). */
function bellmanFordCsr(g: CsrRoadGraph, source: number): Float64Array {
  const d = new Float64Array(g.nodeCount).fill(Infinity);
  d[source] = 0;
  for (let round = 0; round < g.nodeCount; round++) {
    let changed = false;
    for (let v = 0; v < g.nodeCount; v++) {
      for (let a = g.arcStart[v]; a < g.arcStart[v + 1]; a++) {
        if (d[v] + g.arcMinutes[a] < d[g.arcTo[a]]) {
          d[g.arcTo[a]] = d[v] + g.arcMinutes[a];
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return d;
}

/**
 * A road-like random graph: a few junctions joined by chains of shape points
 * (some looping back to their junction), rings of shape points with no
 * junction, an isolated shape-point pair; a tenth of the arcs made Infinity,
 * as buildRoadGraph makes an arc against a one-way road.
 */
function chainGraph(rand: () => number): CsrRoadGraph {
  const edges: RoadEdge[] = [];
  let n = 2 + Math.floor(rand() * 5);
  const junctions = n;
  const path = (from: number, to: number, inner: number) => {
    let prev = from;
    for (let k = 0; k < inner; k++) {
      edges.push({ from: prev, to: n, lengthKm: rand() * 3, speedKmh: 5 + rand() * 85 });
      prev = n++;
    }
    edges.push({ from: prev, to, lengthKm: rand() * 3, speedKmh: 5 + rand() * 85 });
  };
  for (let k = 0, chains = 1 + Math.floor(rand() * 8); k < chains; k++) {
    const a = Math.floor(rand() * junctions);
    const b = rand() < 0.15 ? a : Math.floor(rand() * junctions);
    path(a, b, Math.floor(rand() * 6) + (a === b ? 2 : 0));
  }
  if (rand() < 0.5) {
    // a ring of shape points: its first node closes it
    const first = n++;
    path(first, first, 2 + Math.floor(rand() * 5));
  }
  if (rand() < 0.3) path(n++, n++, 0);
  const graph = csrFromEdges({ nodes: Array.from({ length: n }, (_, k) => ({ lng: k * 0.01, lat: 0 })), edges });
  for (let a = 0; a < graph.arcMinutes.length; a++) if (rand() < 0.1) graph.arcMinutes[a] = Infinity;
  return graph;
}

describe('Dijkstra through chains of shape points', () => {
  it('equals Bellman–Ford on 300 road-like graphs (chains, loops, rings without a junction, one-way arcs), from junctions and from shape points; the same minutes where a caller wants only some nodes', () => {
    const rand = random(31);
    for (let trial = 0; trial < 300; trial++) {
      const graph = chainGraph(rand);
      const n = graph.nodeCount;
      const dijkstra = new BoundedDijkstra(graph);
      // a caller that reads only some nodes (NetworkReach: those with cells) gets the same minutes there
      const wanted = Uint8Array.from({ length: n }, () => (rand() < 0.5 ? 1 : 0));
      const some = new BoundedDijkstra(graph, wanted);
      for (let s = 0; s < 4; s++) {
        const source = Math.floor(rand() * n);
        const budget = rand() < 0.4 ? Infinity : rand() * 8;
        const expected = bellmanFordCsr(graph, source);
        const settled = dijkstra.run(source, budget);
        let within = 0;
        for (let v = 0; v < n; v++) {
          if (expected[v] <= budget && expected[v] < Infinity) {
            within++;
            expect(dijkstra.minutes[v]).toBeCloseTo(expected[v], 9);
          } else expect(dijkstra.minutes[v]).toBe(Infinity);
        }
        expect(settled).toBe(within);
        expect(new Set(dijkstra.settled.subarray(0, settled)).size).toBe(within);
        const reached = some.run(source, budget);
        for (let v = 0; v < n; v++) if (wanted[v]) expect(some.minutes[v]).toBe(dijkstra.minutes[v]);
        for (let k = 0; k < reached; k++) expect(some.minutes[some.settled[k]]).toBe(dijkstra.minutes[some.settled[k]]);
      }
    }
  });
});

describe('Dijkstra after the graph is re-weighted in place', () => {
  it('a speed model set with setArcMinutes after the search was made takes effect: half the speed, twice the minutes to every node', async () => {
    const { ways } = await readRoads(handOsmPbf(), { file: 'hand.osm.pbf', box: BOX });
    const graph = buildRoadGraph(ways, DEFAULT_SPEED_MODEL);
    const dijkstra = new BoundedDijkstra(graph);
    const before = dijkstra.run(0, Infinity);
    const minutes = Float64Array.from(dijkstra.minutes);
    expect(before).toBeGreaterThan(3);
    setArcMinutes(graph, ways, makeSpeedModel({ scenarioFactor: 0.5 }));
    expect(dijkstra.run(0, Infinity)).toBe(before);
    for (let v = 0; v < graph.nodeCount; v++) if (minutes[v] < Infinity) expect(dijkstra.minutes[v]).toBeCloseTo(2 * minutes[v], 9);
  });
});

describe("Dijkstra's queue (flatqueue)", () => {
  it('pops keys in ascending order through interleaved pushes and pops, the same node queued again with other minutes included', () => {
    const rand = random(29);
    const queue = new FlatQueue<number>();
    // the reference: every (id, key) held, the smallest found by scanning
    const held: [number, number][] = [];
    let popped = 0;
    for (let step = 0; step < 5000; step++) {
      if (held.length === 0 || rand() < 0.6) {
        // few ids and keys on a coarse lattice: repeats of both, as Dijkstra's lazy deletion makes
        const id = Math.floor(rand() * 50);
        const key = Math.floor(rand() * 200) / 8;
        queue.push(id, key);
        held.push([id, key]);
      } else {
        let k = 0;
        for (let j = 1; j < held.length; j++) if (held[j][1] < held[k][1]) k = j;
        const smallest = held[k][1];
        expect(queue.peekValue()).toBe(smallest);
        const id = queue.pop()!;
        // ties may come out in any order: remove the popped id among the held pairs with the smallest key
        const at = held.findIndex(([i, key]) => i === id && key === smallest);
        expect(at).toBeGreaterThanOrEqual(0);
        held.splice(at, 1);
        popped++;
      }
      expect(queue.length).toBe(held.length);
    }
    expect(popped).toBeGreaterThan(1000);
  });
});

describe('snapping and road access', () => {
  // main road: six nodes 1 km apart going north from (118.0, 25.0); a fragment of two nodes 10 km east
  const lat = (km: number) => 25 + km / KM_PER_DEG_LAT;
  const main = [0, 1, 2, 3, 4, 5].map((k) => ({ lng: 118, lat: lat(k) }));
  const fragment = [{ lng: 118.1, lat: lat(0) }, { lng: 118.1, lat: lat(1) }];
  const edges: RoadEdge[] = [
    ...[0, 1, 2, 3, 4].map((k) => ({ from: k, to: k + 1, lengthKm: 1, speedKmh: 30 })), // 2 min a km
    { from: 6, to: 7, lengthKm: 1, speedKmh: 30 },
  ];
  const graph = { nodes: [...main, ...fragment], edges };
  const h3At = (lng: number, latitude: number) => latLngToCell(latitude, lng, 9);
  const cells = {
    onRoad: h3At(118, lat(2)), // next to node 2
    beside: h3At(118.005, lat(4)), // ~0.5 km east of node 4
    nearFragment: h3At(118.1, lat(0.5)),
    far: h3At(118.05, lat(10)),
  };
  const g = grid(Object.entries(cells).map(([name, h3]) => ({ h3, population: name === 'far' ? 70 : name === 'nearFragment' ? 30 : 100, zone: 'z' })), [zone('z', 'rural')]);
  const index = (h3: string) => g.indexOf.get(h3)!;
  const centreOf = (h3: string) => {
    const [la, ln] = cellToLatLng(h3);
    return { lng: ln, lat: la };
  };
  const model = createReachModel(g, { kind: 'road-network', graph, maxSnapKm: 1, fragmentShare: 0.5 }) as NetworkReach;

  it('counts the cells with no road access, and why: far from every road, or near a fragment only', () => {
    const access = model.roadAccess();
    expect([...access.far]).toEqual([index(cells.far)]);
    expect([...access.fragment]).toEqual([index(cells.nearFragment)]);
    expect([access.farPopulation, access.fragmentPopulation]).toEqual([70, 30]);
    const c = centreOf(cells.far);
    expect(model.snap(c.lng, c.lat).reason).toBe(NO_ACCESS_FAR);
    const f = centreOf(cells.nearFragment);
    expect(model.snap(f.lng, f.lat).reason).toBe(NO_ACCESS_FRAGMENT);
  });

  it('adds an off-road leg at each end, at the stated speed', () => {
    const rules = makeRules({});
    const limits = model.limits(rules);
    const station = { lng: 118.003, lat: lat(0), turnoutMinutes: 1 };
    const r = model.reach(station, limits);
    // station → node 0: its distance at 15 km/h; node 0 → node 4: 8 min; node 4 → the cell centre at 15 km/h
    const legStation = (haversineKm(station.lng, station.lat, 118, lat(0)) / SNAP_DEFAULTS.offRoadKmh.value) * 60;
    const b = centreOf(cells.beside);
    const legCell = (haversineKm(b.lng, b.lat, 118, lat(4)) / 15) * 60;
    expect(legCell).toBeGreaterThan(1); // the cell really lies off the road
    const k = [...r.cells].indexOf(index(cells.beside));
    expect(r.costs[k]).toBeCloseTo(1 + legStation + 8 + legCell, 9);
    // no station reaches a cell without road access
    expect([...r.cells]).not.toContain(index(cells.far));
    expect([...r.cells]).not.toContain(index(cells.nearFragment));
  });

  it('a station with no road within the snap distance reaches nothing', () => {
    const r = model.reach({ lng: 118.05, lat: lat(10) }, model.limits(makeRules({})));
    expect(r.cells.length).toBe(0);
  });
});

describe('the ambulance speed model', () => {
  it('gives every default a source, and says which are assumptions', () => {
    for (const [cls, s] of Object.entries(CLASS_SPEEDS_KMH)) {
      expect(s.value, cls).toBeGreaterThan(0);
      expect(s.source.length, cls).toBeGreaterThan(10);
    }
    for (const key of ['postedShare', 'capKmh', 'urbanFactor', 'ruralFactor', 'scenarioFactor'] as const) expect(DEFAULT_SPEED_MODEL[key].source.length).toBeGreaterThan(5);
    expect(PEAK_FACTOR.source).toMatch(/^assumption/);
    for (const s of Object.values(SNAP_DEFAULTS)) expect(s.source).toMatch(/^assumption/);
  });

  it('reads OSM and Chinese classes, honours maxspeed up to the cap, and applies area and scenario factors', () => {
    expect(roadClassKey('一级')).toBe('一级公路');
    expect(roadClassKey('Primary Link')).toBe('primary_link');
    expect(roadClassKey('城市主干路')).toBe('主干路');
    expect(roadClassKey('footway')).toBeNull();
    expect(roadSpeedKmh(DEFAULT_SPEED_MODEL, 'primary', NaN, 'rural')).toBe(65);
    expect(roadSpeedKmh(DEFAULT_SPEED_MODEL, 'primary', 50, null)).toBe(40);
    expect(roadSpeedKmh(DEFAULT_SPEED_MODEL, 'motorway', 120, null)).toBe(90); // 96 capped at 90
    expect(roadSpeedKmh(DEFAULT_SPEED_MODEL, '二级公路', NaN, null)).toBe(60);
    expect(roadSpeedKmh(DEFAULT_SPEED_MODEL, 'unknown-class', NaN, null)).toBeNaN();
    const m = makeSpeedModel({ urbanFactor: 0.5, scenarioFactor: PEAK_FACTOR.value, classKmh: { 支路: 25 } });
    expect(roadSpeedKmh(m, 'residential', NaN, 'urban')).toBeCloseTo(25 * 0.5 * 0.7, 12);
    expect(roadSpeedKmh(m, '支路', NaN, 'rural')).toBeCloseTo(25 * 0.7, 12);
    expect(m.urbanFactor.source).toBe('set by the user');
    expect(() => makeSpeedModel({ capKmh: 0 })).toThrow(/capKmh must be a number > 0, got 0/);
  });

  it('refuses to build a graph with a way of unknown speed, naming it', () => {
    const ways = { lng: Float64Array.of(0, 0.01), lat: Float64Array.of(0, 0), wayStart: Int32Array.of(0, 2), wayVertices: Int32Array.of(0, 1), wayClass: Int32Array.of(0), classes: ['cart'], wayPostedKmh: Float32Array.of(NaN), wayOneway: Int8Array.of(0) };
    expect(() => buildRoadGraph(ways, DEFAULT_SPEED_MODEL)).toThrow(/Road way 0 has no speed: class "cart"/);
  });
});

describe('a road graph read from a PBF plugs into the factory', () => {
  it('gives each cell turnout + off-road legs + the fastest drive', async () => {
    const { ways } = await readRoads(handOsmPbf(), { file: 'hand.osm.pbf', box: BOX });
    const graph = buildRoadGraph(ways, DEFAULT_SPEED_MODEL);
    const cellsAt = [0, 2, 3, 4, 5].map((km) => latLngToCell(LAT0 + km / KM_PER_DEG_LAT, LNG, 9));
    const g = grid(cellsAt.map((h3) => ({ h3, population: 1, zone: 'z' })), [zone('z', 'rural')]);
    const model = createReachModel(g, { kind: 'road-network', graph }) as NetworkReach;
    const rules = makeRules({});
    const r = model.reach({ lng: LNG, lat: LAT0, turnoutMinutes: 3 }, model.limits(rules));
    expect(r.cells.length).toBe(5);
    // E (5 km) by hand: 3 turnout + 1.846 + 2.4 + 1.5 + 0.667 + its cell centre's leg (the station stands on A)
    const e = g.indexOf.get(cellsAt[4])!;
    const [la, ln] = cellToLatLng(cellsAt[4]);
    const snapped = model.snap(ln, la);
    const expected = 3 + (2 / 65) * 60 + 2.4 + 1.5 + 60 / 90 + (snapped.km / 15) * 60;
    expect(r.costs[[...r.cells].indexOf(e)]).toBeCloseTo(expected, 3);
  });
});
