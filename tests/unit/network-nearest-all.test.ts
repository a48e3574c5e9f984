/**
 * The road model's fast full evaluation (NetworkReach.nearestAll: every
 * station searched, pruned where a station searched before is nearer) must
 * hold exactly what the plain path holds (every station's whole reach
 * listed and compared by the engine), on random road graphs and stations:
 * the same nearest station and minutes to the last bit, the same in-range
 * counts, statuses and circle; also after moves, removals and additions;
 * and the minutes agree with a brute-force Dijkstra written here. A station
 * added or moved is searched pruned where the stations held are faster
 * (NetworkReach.reachAgainst): that part must hold every cell a plain
 * search would give it within its cover limit or where it is not strictly
 * beaten (exact ties included), and long edit runs with it must still equal
 * every reach compared.
 */
import { describe, expect, it } from 'vitest';
import { gridDisk, latLngToCell } from 'h3-js';
import type { CoverageEngine } from '../../src/core/coverage.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { KM_PER_DEG_LAT } from '../../src/core/geo.ts';
import { NetworkReach } from '../../src/core/network-reach.ts';
import type { RoadEdge, RoadGraph, RoadNode } from '../../src/core/roads/graph.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { withoutFastPaths } from '../helpers/plain-model.ts';
import { mulberry32 } from '../helpers/random.ts';
import { grid, zone } from '../helpers/tiny.ts';

const LNG = 118.2;
const LAT = 25.3;
const dLat = 1 / KM_PER_DEG_LAT;
const dLng = dLat / Math.cos((LAT * Math.PI) / 180);

/**
 * A random road graph over ~7 km × 7 km: a jittered lattice with edges left
 * out (dead ends, chains of shape points, detours), some one-way, a few long
 * fast links, and a small fragment off on its own. `whole`: every edge a
 * whole number of minutes (60 km/h, whole km), so equal sums tie exactly.
 */
function randomGraph(rand: () => number, whole: boolean): RoadGraph {
  const side = 7 + Math.floor(rand() * 8);
  const stepKm = 7 / side;
  const nodes: RoadNode[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const x = (c - side / 2 + (rand() - 0.5) * 0.6) * stepKm;
      const y = (r - side / 2 + (rand() - 0.5) * 0.6) * stepKm;
      nodes.push({ lng: LNG + x * dLng, lat: LAT + y * dLat });
    }
  }
  const edges: RoadEdge[] = [];
  const edge = (from: number, to: number) => {
    const oneWay = rand() < 0.15;
    if (whole) edges.push({ from, to, lengthKm: 1 + Math.floor(rand() * 4), speedKmh: 60, oneWay });
    else edges.push({ from, to, lengthKm: stepKm * (1 + rand() * 0.5), speedKmh: 5 + rand() * 30, oneWay });
  };
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = r * side + c;
      if (c + 1 < side && rand() < 0.8) edge(v, v + 1);
      if (r + 1 < side && rand() < 0.8) edge(v, v + side);
    }
  }
  for (let k = 0; k < 3; k++) edge(Math.floor(rand() * nodes.length), Math.floor(rand() * nodes.length));
  // a fragment: two nodes joined to nothing else
  const f = nodes.length;
  nodes.push({ lng: LNG + 3.2 * dLng, lat: LAT + 3.2 * dLat }, { lng: LNG + 3.3 * dLng, lat: LAT + 3.3 * dLat });
  edges.push({ from: f, to: f + 1, lengthKm: 0.2, speedKmh: 30 });
  return { nodes, edges };
}

const cells = gridDisk(latLngToCell(LAT, LNG, 9), 14).sort();

function randomCase(seed: number, whole: boolean) {
  const rand = mulberry32(seed);
  const g = grid(
    cells.map((h3) => ({ h3, population: 1 + Math.floor(rand() * 200), zone: rand() < 0.4 ? 'town' : 'country' })),
    [zone('town', 'urban'), zone('country', 'rural')],
  );
  const graph = randomGraph(rand, whole);
  const model = new NetworkReach(g, graph, { maxSnapKm: 0.6, offRoadKmh: 15, fragmentShare: 0.2 });
  const stations: Station[] = [];
  const count = 6 + Math.floor(rand() * 14);
  for (let k = 0; k < count; k++) {
    // some at the place of the one before (equal minutes everywhere: the id decides), some off every road
    const same = k > 0 && rand() < 0.15;
    const far = rand() < 0.05;
    stations.push({
      id: `s${String(count - k).padStart(2, '0')}`,
      name: `s${k}`,
      kind: 'station',
      status: rand() < 0.1 ? 'disabled' : rand() < 0.3 ? 'proposed' : 'existing',
      lng: same ? stations[k - 1].lng : LNG + (rand() - 0.5) * (far ? 0.3 : 0.06),
      lat: same ? stations[k - 1].lat : LAT + (rand() - 0.5) * (far ? 0.3 : 0.06),
      ...(rand() < 0.4 ? { turnoutMinutes: whole ? Math.floor(rand() * 4) : rand() * 4 } : {}),
    });
  }
  // limits that cut through the area: urban cover 1 + 1 × 1.6 / 30 × 60 = 4.2 min, rural cover 7.4, marginal 13.8, circle 6
  const rules = makeRules({ turnoutMinutes: 1, circleMinutes: 6, urbanRadiusKm: 1, ruralStrictRadiusKm: 2, ruralLenientRadiusKm: 4, urbanSpeedKmh: 30, ruralSpeedKmh: 20 });
  return { g, graph, model, stations, rules, rand };
}

/** Where two engines differ, cell by cell (empty when equal to the last bit). */
function differences(a: CoverageEngine, b: CoverageEngine): string[] {
  const found: string[] = [];
  const id = (e: CoverageEngine, i: number) => e.stationAtSlot(e.nearestSlot[i])?.id ?? null;
  for (let i = 0; i < a.grid.size && found.length < 5; i++) {
    if (a.status[i] !== b.status[i] || a.withinCircle[i] !== b.withinCircle[i] || a.inRangeCount[i] !== b.inRangeCount[i] || !Object.is(a.nearestCost[i], b.nearestCost[i]) || id(a, i) !== id(b, i)) {
      found.push(`cell ${i}: ${a.nearestCost[i]} by ${id(a, i)} (${a.inRangeCount[i]} in range) ≠ ${b.nearestCost[i]} by ${id(b, i)} (${b.inRangeCount[i]})`);
    }
  }
  for (let c = 0; c < 4; c++) if (a.total(c) !== b.total(c)) found.push(`total ${c}: ${a.total(c)} ≠ ${b.total(c)}`);
  return found;
}

/** Least minutes from `source` to every node, by a plain O(V²) Dijkstra over the hand-made graph's edges. */
function bruteMinutes(graph: RoadGraph, source: number): Float64Array {
  const n = graph.nodes.length;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  dist[source] = 0;
  for (;;) {
    let v = -1;
    for (let u = 0; u < n; u++) if (!done[u] && dist[u] < Infinity && (v < 0 || dist[u] < dist[v])) v = u;
    if (v < 0) return dist;
    done[v] = 1;
    for (const e of graph.edges) {
      const minutes = (e.lengthKm / e.speedKmh) * 60;
      if (e.from === v && dist[v] + minutes < dist[e.to]) dist[e.to] = dist[v] + minutes;
      if (e.to === v && !e.oneWay && dist[v] + minutes < dist[e.from]) dist[e.from] = dist[v] + minutes;
    }
  }
}

describe('the road model’s full evaluation equals every station’s reach compared one by one', () => {
  for (const whole of [false, true]) {
    it(`on 30 random road graphs (${whole ? 'whole minutes: many exact ties' : 'real-valued minutes'}), then after moves, removals and additions`, () => {
      for (let seed = 1; seed <= 30; seed++) {
        const { model, stations, rules, rand, g } = randomCase(seed * 7919 + (whole ? 1 : 0), whole);
        const fast = createEngine(g, { stations, rules }, model);
        const plain = createEngine(g, { stations, rules }, withoutFastPaths(model));
        expect(differences(fast, plain), `seed ${seed}`).toEqual([]);
        // edits after the fast path (its reaches made when a removal needs them), each followed by a check
        for (let step = 0; step < 6; step++) {
          const s = stations[Math.floor(rand() * stations.length)];
          const edit = rand();
          if (edit < 0.5) {
            const moved = { ...s, status: 'existing' as const, lng: s.lng + (rand() - 0.5) * 0.02, lat: s.lat + (rand() - 0.5) * 0.02 };
            fast.upsertStation(moved);
            plain.upsertStation(moved);
          } else if (edit < 0.75 && fast.hasStation(s.id)) {
            fast.removeStation(s.id);
            plain.removeStation(s.id);
          } else {
            const added = { ...s, id: `t${step}`, status: 'proposed' as const };
            fast.upsertStation(added);
            plain.upsertStation(added);
          }
          expect(differences(fast, plain), `seed ${seed}, step ${step}`).toEqual([]);
        }
        // a drag: one station moved step by step (the evaluation without it read again at each step)
        const dragged = fast.activeStations()[0];
        for (let step = 1; dragged && step <= 4; step++) {
          const at = { ...dragged, lng: dragged.lng + step * 0.004, lat: dragged.lat - step * 0.002 };
          fast.upsertStation(at);
          plain.upsertStation(at);
          expect(differences(fast, plain), `seed ${seed}, drag step ${step}`).toEqual([]);
        }
        // a full evaluation of the stations after the edits, on the model that has kept searches by now
        const now = fast.activeStations();
        fast.setStations(now);
        expect(differences(fast, createEngine(g, { stations: now, rules }, withoutFastPaths(model))), `seed ${seed}, again`).toEqual([]);
      }
    });
  }

  it('the nearest minutes are a brute-force Dijkstra’s: turnout + off-road legs + the least drive over the hand-made edges', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { model, graph, stations, rules, g } = randomCase(seed * 104729, false);
      const engine = createEngine(g, { stations, rules }, model);
      const limits = engine.reachLimits;
      const best = new Float64Array(g.size).fill(Infinity);
      for (const s of stations) {
        if (s.status === 'disabled') continue;
        const at = model.snap(s.lng, s.lat);
        if (at.node < 0) continue;
        const drive = bruteMinutes(graph, at.node);
        const first = (s.turnoutMinutes ?? rules.turnoutMinutes) + (at.km / model.offRoadKmh) * 60;
        for (let i = 0; i < g.size; i++) {
          const cell = model.snap(g.lng[i], g.lat[i]);
          if (cell.node < 0) continue;
          const minutes = first + drive[cell.node] + (cell.km / model.offRoadKmh) * 60;
          if (minutes <= limits.max && minutes < best[i]) best[i] = minutes;
        }
      }
      let reached = 0;
      for (let i = 0; i < g.size; i++) {
        if (best[i] === Infinity) expect(engine.nearestCost[i], `seed ${seed}, cell ${i}`).toBe(Infinity);
        else {
          reached++;
          expect(engine.nearestCost[i], `seed ${seed}, cell ${i}`).toBeCloseTo(best[i], 9);
        }
      }
      expect(reached).toBeGreaterThan(0);
    }
  });
});

describe('an added station’s search is pruned where the stations held are faster (reachAgainst)', () => {
  it('holds every cell within the cover limit or not strictly beaten, at a plain search’s minutes, on 40 random graphs; the cells it leaves out are beaten', () => {
    let leftOut = 0;
    let ties = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { model, stations, rules, rand, g } = randomCase(seed * 6151 + 3, seed % 2 === 0);
      const engine = createEngine(g, { stations, rules }, model);
      const limits = engine.reachLimits;
      const held = engine.activeStations();
      for (let k = 0; k < 4; k++) {
        // the first at a held station's place (the same minutes everywhere: exact ties, which must not be cut)
        const twin = k === 0 ? held[Math.floor(rand() * held.length)] : undefined;
        const origin = twin ?? { lng: LNG + (rand() - 0.5) * 0.06, lat: LAT + (rand() - 0.5) * 0.06, ...(k % 2 ? { turnoutMinutes: rand() * 3 } : {}) };
        const whole = model.reach(origin, limits);
        const part = model.reachAgainst(origin, limits, engine.nearestCost);
        const partCost = new Map<number, number>();
        part.cells.forEach((cell, j) => partCost.set(cell, part.costs[j]));
        for (let j = 1; j < part.cells.length; j++) expect(part.cells[j], `seed ${seed}: ascending`).toBeGreaterThan(part.cells[j - 1]);
        const wholeCost = new Map<number, number>();
        whole.cells.forEach((i, j) => {
          const c = whole.costs[j];
          wholeCost.set(i, c);
          const needed = c <= engine.coverLimit[i] || c <= engine.nearestCost[i];
          if (twin && c === engine.nearestCost[i]) ties++;
          if (needed) expect(partCost.get(i), `seed ${seed}, origin ${k}, cell ${i} (${c} min, held ${engine.nearestCost[i]})`).toBe(c);
          else if (!partCost.has(i)) leftOut++;
        });
        for (const [i, c] of partCost) {
          const w = wholeCost.get(i)!;
          expect(w, `seed ${seed}, cell ${i}: listed, so reached`).toBeLessThanOrEqual(c);
          if (c > w) {
            expect(w, `seed ${seed}, cell ${i}: listed slower only where beaten`).toBeGreaterThan(engine.nearestCost[i]);
            expect(w).toBeGreaterThan(engine.coverLimit[i]);
          }
        }
      }
    }
    // the check above is only worth something if the pruning cut: cells really left out
    expect(leftOut).toBeGreaterThan(100);
    expect(ties, 'exact ties met').toBeGreaterThan(100);
  });

  it('a station that won cells through another’s removal loses them when it goes; long random edit runs equal every reach compared, each station’s whole reach made again', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { model, stations, rules, rand, g } = randomCase(seed * 3571 + 11, seed % 3 === 0);
      const fast = createEngine(g, { stations, rules }, model);
      const plain = createEngine(g, { stations, rules }, withoutFastPaths(model));
      const ids = stations.map((s) => s.id);
      for (let step = 0; step < 24; step++) {
        const active = fast.activeStations();
        const edit = rand();
        if (edit < 0.35 || active.length < 2) {
          // a station added near another, taking part of its cells, or at its very place (equal minutes: the lower id, this one, wins)
          const near = active[Math.floor(rand() * active.length)] ?? stations[0];
          const at = rand() < 0.3 ? 0 : 0.01;
          const added: Station = { ...near, id: `a${seed}-${String(step).padStart(2, '0')}`, status: 'proposed', lng: near.lng + (rand() - 0.5) * at, lat: near.lat + (rand() - 0.5) * at };
          ids.push(added.id);
          fast.upsertStation(added);
          plain.upsertStation(added);
        } else if (edit < 0.7) {
          const s = active[Math.floor(rand() * active.length)];
          fast.removeStation(s.id);
          plain.removeStation(s.id);
        } else {
          const s = active[Math.floor(rand() * active.length)];
          const moved = { ...s, lng: s.lng + (rand() - 0.5) * 0.03, lat: s.lat + (rand() - 0.5) * 0.03 };
          fast.upsertStation(moved);
          plain.upsertStation(moved);
        }
        expect(differences(fast, plain), `seed ${seed}, step ${step}`).toEqual([]);
      }
      // the whole reach of a station added with part of it is the plain one's (the isochrones and exports read it)
      for (const s of fast.activeStations()) {
        const a = fast.stationReach(s.id)!;
        const b = plain.stationReach(s.id)!;
        expect(Array.from(a.cells), `seed ${seed}, ${s.id}`).toEqual(Array.from(b.cells));
        expect(Array.from(a.costs), `seed ${seed}, ${s.id}`).toEqual(Array.from(b.costs));
      }
      // and removing each station after its whole reach was made still equals
      for (const s of fast.activeStations().slice(0, 3)) {
        fast.removeStation(s.id);
        plain.removeStation(s.id);
        expect(differences(fast, plain), `seed ${seed}, removing ${s.id}`).toEqual([]);
      }
      expect(ids.length).toBeGreaterThan(stations.length);
    }
  });
});
