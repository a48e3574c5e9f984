/**
 * Scene-to-hospital minutes and figures (issue 14 §4), worked out by hand:
 * a square of roads with one one-way side (scene → hospital differs from
 * hospital → scene), straight-line minutes by the circle formula's speeds,
 * before/after with a planned centre, and the zones beyond the target.
 */
import { destination, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { capableHospitals } from '../../src/core/ems/capable-hospitals.ts';
import { hospitalAccess, zonesBeyond } from '../../src/core/ems/hospital.ts';
import { hospitalMinutesByCell } from '../../src/core/ems/hospital-minutes.ts';
import { defaultEmsSettings } from '../../src/core/ems/settings.ts';
import { weightedFractiles } from '../../src/core/ems/weighted-fractiles.ts';
import { haversineKm } from '../../src/core/geo.ts';
import { defaultReachSettings } from '../../src/core/reach-settings.ts';
import { RoadNetwork } from '../../src/core/road-network.ts';
import { BoundedDijkstra } from '../../src/core/roads/dijkstra.ts';
import { csrFromEdges, type RoadEdge } from '../../src/core/roads/graph.ts';
import { minutesToNearest } from '../../src/core/roads/nearest-target.ts';
import { RoadWaysBuilder } from '../../src/core/roads/ways.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { mulberry32 } from '../helpers/random.ts';
import { cellAt, centre, grid, zone } from '../helpers/tiny.ts';

/** The point `km` from [lng, lat] on a bearing, by Turf (the same Earth radius as haversineKm). */
const move = ([lng, lat]: readonly [number, number], km: number, bearing: number): [number, number] => destination(point([lng, lat]), km, bearing, { units: 'kilometers' }).geometry.coordinates as [number, number];

const hospital = (id: string, [lng, lat]: readonly [number, number], more: Partial<Station> = {}): Station => ({ id, name: id, kind: 'hospital', status: 'existing', lng, lat, ...more });

describe('minutes to the nearest target over reversed arcs', () => {
  // 0 → 1 one-way 1 km, 1 — 2 two-way 2 km, 0 — 2 two-way 6 km, all at 60 km/h (1 min per km)
  const nodes = [{ lng: 0, lat: 0 }, { lng: 0.01, lat: 0 }, { lng: 0.02, lat: 0 }];
  const edges: RoadEdge[] = [
    { from: 0, to: 1, lengthKm: 1, speedKmh: 60, oneWay: true },
    { from: 1, to: 2, lengthKm: 2, speedKmh: 60, oneWay: false },
    { from: 0, to: 2, lengthKm: 6, speedKmh: 60, oneWay: false },
  ];
  const g = csrFromEdges({ nodes, edges });

  it('drives the scene → hospital way: from 0 to a hospital at 1 is 1 min (the one-way road), where hospital → scene is 8 (1 → 2 → 0)', () => {
    const toHospital = minutesToNearest(g, [{ node: 1, minutes: 0 }]);
    expect(Array.from(toHospital)).toEqual([1, 0, 2]);
    const fromHospital = new BoundedDijkstra(g);
    fromHospital.run(1, Infinity);
    expect(fromHospital.minutes[0]).toBe(8);
  });

  it('takes the nearest of several hospitals, each with its own minutes beyond its node', () => {
    // hospital at 1 (0 min on), hospital at 2 with a 0.5-min leg: node 0 min(1, 6.5), node 2 min(2, 0.5)
    expect(Array.from(minutesToNearest(g, [{ node: 1, minutes: 0 }, { node: 2, minutes: 0.5 }]))).toEqual([1, 0, 0.5]);
  });

  it('goes around a one-way road, and leaves a node that cannot reach any hospital at Infinity', () => {
    // hospital at 0: node 1 cannot drive the one-way back, so 1 → 2 → 0 (2 + 6); 2 reaches 0 directly in 6
    expect(Array.from(minutesToNearest(g, [{ node: 0, minutes: 0 }]))).toEqual([0, 8, 6]);
    const oneWayOnly = csrFromEdges({ nodes, edges: [edges[0]] });
    expect(Array.from(minutesToNearest(oneWayOnly, [{ node: 0, minutes: 0 }]))).toEqual([0, Infinity, Infinity]);
  });

  it('equals the least forward search from each node to each hospital on 100 random graphs with one-way roads', () => {
    const rand = mulberry32(29);
    for (let trial = 0; trial < 100; trial++) {
      const n = 2 + Math.floor(rand() * 25);
      const list: RoadEdge[] = [];
      for (let k = Math.floor(rand() * n * 2.5); k > 0; k--) {
        list.push({ from: Math.floor(rand() * n), to: Math.floor(rand() * n), lengthKm: rand() * 5, speedKmh: 20 + rand() * 60, oneWay: rand() < 0.4 });
      }
      const graph = csrFromEdges({ nodes: Array.from({ length: n }, (_, i) => ({ lng: i * 0.01, lat: 0 })), edges: list });
      const targets = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({ node: Math.floor(rand() * n), minutes: rand() * 3 }));
      const got = minutesToNearest(graph, targets);
      const forward = new BoundedDijkstra(graph);
      for (let v = 0; v < n; v++) {
        forward.run(v, Infinity);
        const expected = Math.min(...targets.map((t) => forward.minutes[t.node] + t.minutes));
        if (expected === Infinity) expect(got[v]).toBe(Infinity);
        else expect(got[v]).toBeCloseTo(expected, 9);
      }
    }
  });
});

describe('hospital minutes per cell on roads', () => {
  // four cells on a ~1 km square A (SW) B (SE) C (NE) D (NW); roads join their centres, A → B one-way,
  // B–C, C–D, D–A both ways, all posted 30 km/h (× 0.8 = 24 km/h: 2.5 min per km); E is 20 km off any road
  const a = cellAt(118.1, 25.3);
  const b = cellAt(...move(centre(a), 1, 90));
  const c = cellAt(...move(centre(b), 1, 0));
  const d = cellAt(...move(centre(a), 1, 0));
  const e = cellAt(...move(centre(a), 20, 180));
  const g = grid([a, b, c, d, e].map((h3) => ({ h3, population: 100, zone: 'z' })), [zone('z', 'rural')]);
  const ways = new RoadWaysBuilder();
  const [va, vb, vc, vd] = [a, b, c, d].map((h3) => ways.addVertex(...centre(h3)));
  ways.addWay([va, vb], 'residential', 30, 1);
  ways.addWay([vb, vc, vd, va], 'residential', 30, 0);
  const roads = new RoadNetwork(g, ways.finish());
  const rules = makeRules({ reach: defaultReachSettings() });
  const km = (p: string, q: string) => haversineKm(...centre(p), ...centre(q));
  const at = (minutes: Float64Array, h3: string) => minutes[g.indexOf.get(h3)!];

  it('a stroke centre at A: B rides B → C → D → A (the one-way A → B cannot be driven back), C and D by D, E has no road access', () => {
    const minutes = hospitalMinutesByCell(g, rules, [hospital('h', centre(a), { capabilities: ['stroke'] })], roads, 'stroke');
    expect(at(minutes, a)).toBe(0);
    expect(at(minutes, b)).toBeCloseTo((km(b, c) + km(c, d) + km(d, a)) * 2.5, 9);
    expect(at(minutes, c)).toBeCloseTo((km(c, d) + km(d, a)) * 2.5, 9);
    expect(at(minutes, d)).toBeCloseTo(km(d, a) * 2.5, 9);
    expect(at(minutes, e)).toBe(Infinity);
    // the hospital → scene way would give B the one-way road: A → B only
    expect(at(minutes, b)).toBeGreaterThan(km(a, b) * 2.5 * 2.5);
  });

  it('a hospital off the road adds its off-road leg at 15 km/h; a hospital without the capability does not count', () => {
    const off = move(centre(a), 0.2, 270);
    const minutes = hospitalMinutesByCell(g, rules, [hospital('h', off, { capabilities: ['stroke'] }), hospital('x', centre(b), { capabilities: ['trauma'] })], roads, 'stroke');
    const leg = (haversineKm(...off, ...centre(a)) / 15) * 60;
    expect(at(minutes, a)).toBeCloseTo(leg, 9);
    expect(at(minutes, d)).toBeCloseTo(km(d, a) * 2.5 + leg, 9);
  });

  it('peak traffic (speeds × 0.7, the graph re-weighted in place) gives minutes ÷ 0.7, not those kept from off-peak', () => {
    const stations = [hospital('h', centre(a), { capabilities: ['stroke'] })];
    const offPeak = at(hospitalMinutesByCell(g, rules, stations, roads, 'stroke'), d);
    const peak = makeRules({ reach: { ...defaultReachSettings(), speeds: { ...defaultReachSettings().speeds, traffic: 'peak' } } });
    expect(at(hospitalMinutesByCell(g, peak, stations, roads, 'stroke'), d)).toBeCloseTo(offPeak / 0.7, 9);
    expect(at(hospitalMinutesByCell(g, rules, stations, roads, 'stroke'), d)).toBeCloseTo(offPeak, 9);
  });

  it('with the straight-line reach chosen, roads loaded or not, the minutes are the circle formula\'s', () => {
    const straight = makeRules({ reach: { ...defaultReachSettings(), model: 'straight-line' } });
    const stations = [hospital('h', centre(a), { capabilities: ['stroke'] })];
    const minutes = hospitalMinutesByCell(g, straight, stations, roads, 'stroke');
    // rural: km × 1.6 / 40 km/h × 60 = 2.4 min per km
    expect(at(minutes, b)).toBeCloseTo(km(a, b) * 2.4, 9);
    expect(hospitalAccess(g, straight, { stations, calls: null, roads })[0].basis).toBe('circle-formula');
    expect(hospitalAccess(g, rules, { stations, calls: null, roads })[0].basis).toBe('roads');
  });
});

describe('hospital minutes per cell on the straight line', () => {
  const u = cellAt(118.6, 24.9);
  const r = cellAt(118.1, 25.4);
  const g = grid([{ h3: u, population: 1, zone: 'u' }, { h3: r, population: 1, zone: 'r' }], [zone('u', 'urban'), zone('r', 'rural')]);
  const rules = makeRules();

  it('urban 5 km: 5 × 1.6 / 32.07 × 60 ≈ 14.967 min; rural 10 km: 10 × 1.6 / 40 × 60 = 24 min (no turnout: the ambulance is on scene)', () => {
    const stations = [hospital('hu', move(centre(u), 5, 0), { capabilities: ['trauma'] }), hospital('hr', move(centre(r), 10, 90), { capabilities: ['trauma'] })];
    const minutes = hospitalMinutesByCell(g, rules, stations, null, 'trauma');
    expect(minutes[g.indexOf.get(u)!]).toBeCloseTo((5 * 1.6 * 60) / 32.07, 6);
    expect(minutes[g.indexOf.get(r)!]).toBeCloseTo(24, 6);
  });

  it('a zone set urban by the planner takes the urban speed', () => {
    const stations = [hospital('hr', move(centre(r), 10, 90), { capabilities: ['trauma'] })];
    const minutes = hospitalMinutesByCell(g, makeRules({ areaTypeOverrides: { r: 'urban' } }), stations, null, 'trauma');
    expect(minutes[g.indexOf.get(r)!]).toBeCloseTo((10 * 1.6 * 60) / 32.07, 6);
  });

  it('minutes kept from an earlier call follow a moved hospital and a changed speed (never stale)', () => {
    const at = (km: number) => [hospital('hr', move(centre(r), km, 90), { capabilities: ['trauma'] })];
    const i = g.indexOf.get(r)!;
    expect(hospitalMinutesByCell(g, rules, at(10), null, 'trauma')[i]).toBeCloseTo(24, 6);
    expect(hospitalMinutesByCell(g, rules, at(5), null, 'trauma')[i]).toBeCloseTo(12, 6);
    expect(hospitalMinutesByCell(g, makeRules({ ruralSpeedKmh: 80 }), at(10), null, 'trauma')[i]).toBeCloseTo(12, 6);
    // a copy each time: changing one leaves the next call's alone
    hospitalMinutesByCell(g, rules, at(10), null, 'trauma').fill(0);
    expect(hospitalMinutesByCell(g, rules, at(10), null, 'trauma')[i]).toBeCloseTo(24, 6);
  });

  it('no capable hospital: every cell Infinity', () => {
    expect(Array.from(hospitalMinutesByCell(g, rules, [hospital('h', centre(u), { capabilities: ['stroke'] })], null, 'maternal'))).toEqual([Infinity, Infinity]);
  });
});

describe('which facilities count', () => {
  const s = (id: string, status: Station['status'], capabilities?: Station['capabilities'], plannedCapabilities?: Station['plannedCapabilities']): Station => ({ ...hospital(id, [118, 25]), status, capabilities, plannedCapabilities });
  const stations = [s('on', 'existing', ['stroke']), s('off', 'disabled', ['stroke']), s('new', 'proposed', ['stroke']), s('plan', 'existing', [], ['stroke']), s('none', 'existing')];

  it('after: every facility with the capability or planning it, whatever its 120 status; before: not proposed, not planned', () => {
    expect(capableHospitals(stations, 'stroke', 'after').map((x) => x.id)).toEqual(['on', 'off', 'new', 'plan']);
    expect(capableHospitals(stations, 'stroke', 'before').map((x) => x.id)).toEqual(['on', 'off']);
  });
});

describe('hospital access figures, before and after', () => {
  // X (zone a, 100 residents, 9 calls) and Y (zone b, 300 residents, 1 call) 100 km apart, both rural (2.4 min per km)
  const x = cellAt(118.0, 25.0);
  const y = cellAt(...move(centre(x), 100, 90));
  const g = grid([{ h3: x, population: 100, zone: 'a' }, { h3: y, population: 300, zone: 'b' }], [zone('a', 'rural', '甲'), zone('b', 'rural', '乙')]);
  const calls = { perCell: Float64Array.from(g.h3, (h) => (h === x ? 9 : 1)), years: 1, synthetic: true };
  const rules = makeRules();
  // stroke: H1 10 km from X (24 min; Y ≈ 90 km, 216 min: beyond the 120-min horizon); H2 plans a stroke centre 5 km from Y (12 min)
  const h1 = hospital('H1', move(centre(x), 10, 0), { capabilities: ['stroke', 'chest-pain'] });
  const h2 = hospital('H2', move(centre(y), 5, 0), { plannedCapabilities: ['stroke'] });
  const result = hospitalAccess(g, rules, { stations: [h1, h2], calls, roads: null });

  it('lists the capabilities someone has or plans, in order, with the target and basis', () => {
    expect(result.map((h) => [h.capability, h.targetMinutes, h.basis])).toEqual([
      ['chest-pain', 60, 'circle-formula'],
      ['stroke', 60, 'circle-formula'],
    ]);
  });

  it('after: X at 24 min, Y at 12 — all within 60; median 12 (300 of 400 by 12), p90 24', () => {
    const stroke = result[1];
    expect(stroke.hospitals).toEqual([{ id: 'H1', name: 'H1' }, { id: 'H2', name: 'H2' }]);
    const r = stroke.fractiles.residents;
    expect(r.weight).toBe(400);
    expect(r.withinTarget).toBe(1);
    expect(r.medianMinutes).toBeCloseTo(12, 6);
    expect(r.p90Minutes).toBeCloseTo(24, 6);
    expect(r.curve[12]).toBe(0.75);
    expect(r.curve[24]).toBe(1);
    expect(r.curve).toHaveLength(121);
    expect(stroke.fractiles.calls!.withinTarget).toBe(1);
    expect(stroke.zonesBeyond).toEqual([]);
  });

  it('before (no planned centre): only X within the target, Y beyond the horizon; zone 乙 beyond entirely', () => {
    const before = result[1].before!;
    expect(before.hospitals).toEqual([{ id: 'H1', name: 'H1' }]);
    expect(before.fractiles.residents.withinTarget).toBe(0.25);
    expect(before.fractiles.residents.medianMinutes).toBeNull();
    expect(before.fractiles.residents.p90Minutes).toBeNull();
    expect(before.fractiles.residents.unreached).toBe(300);
    expect(before.fractiles.calls!.withinTarget).toBe(0.9);
    expect(before.fractiles.calls!.medianMinutes).toBeCloseTo(24, 6);
    expect(before.zonesBeyond).toEqual([{ code: 'b', name: '乙', populationBeyond: 300, shareBeyond: 1 }]);
  });

  it('nothing planned for chest pain: before is null; Y beyond 60 min names zone 乙', () => {
    expect(result[0].before).toBeNull();
    expect(result[0].zonesBeyond.map((z) => z.code)).toEqual(['b']);
  });

  it('a proposed facility\'s centre counts after only; a longer target moves the share', () => {
    const proposed = { ...h2, status: 'proposed' as const, capabilities: ['stroke' as const], plannedCapabilities: undefined };
    const [, stroke] = hospitalAccess(g, rules, { stations: [h1, proposed], calls: null, roads: null });
    expect(stroke.fractiles.residents.withinTarget).toBe(1);
    expect(stroke.before!.fractiles.residents.withinTarget).toBe(0.25);
    expect(stroke.fractiles.calls).toBeNull();
    const ems = defaultEmsSettings();
    ems.hospitalTargetMinutes.stroke = 20;
    const [, strict] = hospitalAccess(g, makeRules({ ems }), { stations: [h1, proposed], calls: null, roads: null });
    // X at 24 > 20: only Y's 300 within
    expect(strict.fractiles.residents.withinTarget).toBe(0.75);
    expect(strict.zonesBeyond).toEqual([{ code: 'a', name: '甲', populationBeyond: 100, shareBeyond: 1 }]);
  });

  it('no facility with any capability: an empty list', () => {
    expect(hospitalAccess(g, rules, { stations: [hospital('plain', centre(x))], calls: null, roads: null })).toEqual([]);
  });

  it('refuses calls that do not line up with the grid', () => {
    expect(() => hospitalAccess(g, rules, { stations: [h1], calls: { ...calls, perCell: new Float64Array(3) }, roads: null })).toThrow(/3 cells but the grid has 2/);
  });
});

describe('zones beyond the target', () => {
  // zone a: 100 residents, 50 beyond (0.5); b: 1000, 200 beyond (0.2); c: 10, all beyond (1); d: none beyond; e: 40, 20 beyond (0.5)
  const cells = [
    ['a', 50, 10], ['a', 50, 70],
    ['b', 800, 30], ['b', 200, Infinity],
    ['c', 10, 61],
    ['d', 500, 60],
    ['e', 20, 5], ['e', 20, NaN],
  ] as const;
  const h3 = Array.from({ length: cells.length }, (_, k) => cellAt(118 + k * 0.05, 25));
  const g = grid(cells.map(([z, population], k) => ({ h3: h3[k], population, zone: z })), ['a', 'b', 'c', 'd', 'e'].map((z) => zone(z, 'rural')));
  const minutes = Float64Array.from(g.h3, (h) => cells[h3.indexOf(h)][2]);

  it('worst share first, equal shares by more residents beyond; a zone exactly at the target is not beyond; not reached is beyond', () => {
    expect(zonesBeyond(g, minutes, 60).map((z) => [z.code, z.populationBeyond, z.shareBeyond])).toEqual([
      ['c', 10, 1],
      ['a', 50, 0.5],
      ['e', 20, 0.5],
      ['b', 200, 0.2],
    ]);
  });
});

describe('weighted fractiles', () => {
  it('minutes 2, 7.5, 20, not reached with weights 100, 300, 400, 200: within 10 min 0.4, median 20, p90 null', () => {
    const f = weightedFractiles(Float64Array.of(2, 7.5, 20, Infinity), [100, 300, 400, 200], 10, 60);
    expect(f.weight).toBe(1000);
    expect(f.withinTarget).toBe(0.4);
    expect([f.curve[1], f.curve[2], f.curve[7], f.curve[8], f.curve[20], f.curve[60]]).toEqual([0, 0.1, 0.1, 0.4, 0.8, 0.8]);
    expect(f.medianMinutes).toBe(20);
    expect(f.p90Minutes).toBeNull();
    expect(f.unreached).toBe(200);
  });

  it('median and p90 equal a full sort\'s on 300 random sets (ties, zero weights, not reached, beyond the horizon, minutes ≤ 0)', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const minutes = Float64Array.from({ length: n }, () => {
        const r = rand();
        return r < 0.1 ? Infinity : r < 0.15 ? NaN : r < 0.2 ? -rand() : Math.round(rand() * 150 * 4) / 4;
      });
      const weight = Array.from({ length: n }, () => (rand() < 0.2 ? 0 : Math.floor(rand() * 50)));
      const f = weightedFractiles(minutes, weight, 60, 120);
      // naive: every reached cell sorted by minutes, walked until half (90 %) of all the weight
      const total = weight.reduce((a, b) => a + b, 0);
      const order = [...minutes.keys()].filter((i) => weight[i] > 0 && minutes[i] <= 120).sort((a, b) => minutes[a] - minutes[b]);
      const walk = (share: number) => {
        let sum = 0;
        for (const i of order) if ((sum += weight[i]) >= share * total) return minutes[i];
        return null;
      };
      expect(f.medianMinutes).toBe(total > 0 ? walk(0.5) : null);
      expect(f.p90Minutes).toBe(total > 0 ? walk(0.9) : null);
      expect(f.unreached).toBe(total - order.reduce((s2, i) => s2 + weight[i], 0));
    }
  });

  it('no weight: shares 0 and percentiles null', () => {
    const f = weightedFractiles(Float64Array.of(3), [0], 10, 60);
    expect([f.weight, f.withinTarget, f.medianMinutes, f.p90Minutes]).toEqual([0, 0, null, null]);
  });
});
