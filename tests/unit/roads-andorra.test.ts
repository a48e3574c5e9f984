/**
 * Independent checks of the road network on the real Andorra extract (ODbL,
 * © OpenStreetMap contributors), read once: our Dijkstra (junction core and
 * flatqueue) against a general-purpose graph library's, the connectivity of
 * the drivable network, and the straight line as a floor under every cell's
 * response time.
 */
import { MultiDirectedGraph } from 'graphology';
import { dijkstra as generalDijkstra } from 'graphology-shortest-path';
import { cellToLatLng, polygonToCells } from 'h3-js';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/core/geo.ts';
import { NetworkReach } from '../../src/core/network-reach.ts';
import { BoundedDijkstra } from '../../src/core/roads/dijkstra.ts';
import { buildRoadGraph, type CsrRoadGraph } from '../../src/core/roads/graph.ts';
import { DEFAULT_SPEED_MODEL } from '../../src/core/roads/speeds.ts';
import { makeRules } from '../../src/core/rules.ts';
import { readRoads } from '../../src/io/roads/index.ts';
import { mulberry32 } from '../helpers/random.ts';
import { grid, zone } from '../helpers/tiny.ts';

const andorraPath = ['../shared/data/raw/osm/andorra-latest.osm.pbf', '/work/shared/data/raw/osm/andorra-latest.osm.pbf'].find((p) => existsSync(p));

/**
 * Minutes from `source` by graphology-shortest-path: its Dijkstra decides
 * the order and the predecessors; the minutes are summed along its tree
 * (the cheapest of parallel arcs, as its search took).
 */
function generalMinutes(general: MultiDirectedGraph, g: CsrRoadGraph, source: number): Map<number, number> {
  const [order, predecessors] = generalDijkstra.brandes(general, String(source), 'minutes');
  const minutes = new Map<number, number>([[source, 0]]);
  for (const key of order) {
    const w = Number(key);
    if (w === source) continue;
    const p = Number(predecessors[key][0]);
    let arc = Infinity;
    for (let a = g.arcStart[p]; a < g.arcStart[p + 1]; a++) if (g.arcTo[a] === w) arc = Math.min(arc, g.arcMinutes[a]);
    minutes.set(w, minutes.get(p)! + arc);
  }
  return minutes;
}

describe.skipIf(!andorraPath)('Andorra (© OpenStreetMap contributors, ODbL): independent checks', () => {
  let g: CsrRoadGraph;
  let general: MultiDirectedGraph;
  beforeAll(async () => {
    const { ways } = await readRoads(readFileSync(andorraPath!), { file: 'andorra-latest.osm.pbf' });
    g = buildRoadGraph(ways, DEFAULT_SPEED_MODEL);
    general = new MultiDirectedGraph({ allowSelfLoops: true });
    for (let v = 0; v < g.nodeCount; v++) general.addNode(String(v));
    for (let v = 0; v < g.nodeCount; v++) {
      for (let a = g.arcStart[v]; a < g.arcStart[v + 1]; a++) {
        // an arc against a one-way road costs Infinity: not an edge graphology may drive
        if (Number.isFinite(g.arcMinutes[a])) general.addDirectedEdge(String(v), String(g.arcTo[a]), { minutes: g.arcMinutes[a] });
      }
    }
  }, 60_000);

  it('Dijkstra equals graphology-shortest-path from 100 random sources: the same nodes reached, the same minutes, and a 10-minute bound keeps exactly those within it', () => {
    const rand = mulberry32(100);
    const ours = new BoundedDijkstra(g);
    let shapeSources = 0;
    for (let trial = 0; trial < 100; trial++) {
      const source = Math.floor(rand() * g.nodeCount);
      if (g.arcStart[source + 1] - g.arcStart[source] === 2) shapeSources++;
      const expected = generalMinutes(general, g, source);
      const reached = ours.run(source, Infinity);
      expect(reached).toBe(expected.size);
      let worst = 0;
      for (const [v, m] of expected) worst = Math.max(worst, Math.abs(ours.minutes[v] - m));
      expect(worst).toBeLessThan(1e-9);
      const within = ours.run(source, 10);
      let expectedWithin = 0;
      for (const m of expected.values()) if (m <= 10) expectedWithin++;
      expect(within).toBe(expectedWithin);
      for (let k = 0; k < within; k++) expect(expected.get(ours.settled[k])).toBeLessThanOrEqual(10);
    }
    // most sources are shape points (nine nodes in ten), so both ways into the search are checked
    expect(shapeSources).toBeGreaterThan(50);
  }, 120_000);

  it('the largest component holds ≥ 99 % of the drivable nodes; the rest are small pieces cut by the extract or private', () => {
    expect(g.componentSize[0] / g.nodeCount).toBeGreaterThanOrEqual(0.99);
    // every other component is a fragment by the snapping rule (< 1 % of the largest)
    for (let c = 1; c < g.componentSize.length; c++) expect(g.componentSize[c]).toBeLessThan(0.01 * g.componentSize[0]);
  });

  it('every reached cell of a res-9 grid of Andorra takes at least turnout + straight-line distance ÷ 90 km/h (the fastest speed of the model)', () => {
    const ring = [[1.4, 42.42], [1.8, 42.42], [1.8, 42.67], [1.4, 42.67], [1.4, 42.42]];
    const h3 = polygonToCells([ring], 9, true);
    const cells = grid(h3.map((c) => ({ h3: c, population: 1, zone: 'ad' })), [zone('ad', 'rural')]);
    const model = new NetworkReach(cells, g);
    const limits = model.limits(makeRules());
    const fastestKmh = Math.max(DEFAULT_SPEED_MODEL.capKmh.value, model.offRoadKmh);
    const rand = mulberry32(9);
    let checked = 0;
    for (let s = 0; s < 12; s++) {
      // stations anywhere in the box; those beyond a road reach nothing
      const lng = 1.45 + rand() * 0.3;
      const lat = 42.44 + rand() * 0.2;
      const turnout = 3;
      const r = model.reach({ lng, lat, turnoutMinutes: turnout }, limits);
      for (let k = 0; k < r.cells.length; k++) {
        const [cellLat, cellLng] = cellToLatLng(cells.h3[r.cells[k]]);
        const floor = turnout + (haversineKm(lng, lat, cellLng, cellLat) / fastestKmh) * 60;
        expect(r.costs[k]).toBeGreaterThanOrEqual(floor - 1e-9);
        expect(r.costs[k]).toBeLessThanOrEqual(limits.max);
      }
      checked += r.cells.length;
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
