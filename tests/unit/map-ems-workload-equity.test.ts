/**
 * The first-due workload and township equity layers by hand: busy-fraction
 * classes around the busy target, 90th-percentile classes around the
 * response target, what EmsLayers paints from a hand-made result (cells by
 * their first-due station's busy fraction, zones by their p90, the worst
 * outlined, a zone gone loses its state), and the worker's first-due rows on
 * Yongchun against the nearest station by great-circle distance.
 */
import { distance } from '@turf/turf';
import { cellToLatLng } from 'h3-js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { EmsLayers, type PaintContext } from '../../src/map/ems-layers.ts';
import { EQUITY_NONE, EQUITY_OVER_HORIZON, equityClass, equitySteps, WORKLOAD_NONE, workloadClass, workloadClasses } from '../../src/map/ems-ramps.ts';
import { parentChildren } from '../../src/map/parent-status.ts';
import type { MapInput } from '../../src/map/map-input.ts';
import type { EvaluationUpdate, FirstDueOutlines } from '../../src/worker/api.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

describe('first-due workload classes (busy target 0.3)', () => {
  it('under half the target is 1, under the target 2, at or over it 3, at or over twice it 4', () => {
    const cases: [number, number][] = [
      [0, 1],
      [0.149, 1],
      [0.15, 2],
      [0.299, 2],
      [0.3, 3],
      [0.599, 3],
      [0.6, 4],
      [2.5, 4],
      // calls but no ambulance
      [Infinity, 4],
    ];
    for (const [busy, want] of cases) expect(workloadClass(busy, 0.3), String(busy)).toBe(want);
    expect(() => workloadClass(0.1, 0)).toThrow(/busy target/);
  });

  it('each cell takes its first-due station’s class; no first-due station (−1) or an unknown row is class 0', () => {
    const rows = Int32Array.of(-1, 0, 1, 2, 1, 5);
    expect(Array.from(workloadClasses(rows, [0.1, 0.45, 0.61], 0.3))).toEqual([WORKLOAD_NONE, 1, 3, 4, 3, WORKLOAD_NONE]);
  });
});

describe('township equity classes', () => {
  it('steps a third and two thirds of the target, the target, +15, +30 (15 and 14 minutes)', () => {
    expect(equitySteps(15)).toEqual([5, 10, 15, 30, 45]);
    expect(equitySteps(14)).toEqual([5, 9, 14, 29, 44]);
  });

  it('a p90 at the target is the last blue class; beyond +30 is 5; among the unreached 6; no residents is not drawn', () => {
    const steps = [5, 10, 15, 30, 45];
    expect(equityClass(4.9, 100, steps)).toBe(0);
    expect(equityClass(10, 100, steps)).toBe(1);
    expect(equityClass(15, 100, steps)).toBe(2);
    expect(equityClass(15.1, 100, steps)).toBe(3);
    expect(equityClass(45, 100, steps)).toBe(4);
    expect(equityClass(46, 100, steps)).toBe(5);
    expect(equityClass(null, 100, steps)).toBe(EQUITY_OVER_HORIZON);
    expect(equityClass(null, 0, steps)).toBe(EQUITY_NONE);
  });
});

/** A map that records feature-state by source/id, removals included. */
function fakeMap() {
  const state = new Map<string, Record<string, unknown>>();
  const map = {
    setPaintProperty: () => {},
    getSource: (id: string) => ({ setData: (data: { features: unknown[] }) => state.set(`${id}/data`, { features: data.features.length }) }),
    setFeatureState: (f: { source: string; id: number | string }, s: Record<string, unknown>) => state.set(`${f.source}/${f.id}`, { ...state.get(`${f.source}/${f.id}`), ...s }),
    removeFeatureState: (f: { source: string; id?: number | string }, key?: string) => {
      for (const k of [...state.keys()]) {
        if (!k.startsWith(`${f.source}/`) || (f.id !== undefined && k !== `${f.source}/${f.id}`)) continue;
        if (key === undefined) state.delete(k);
        else delete state.get(k)![key];
      }
    },
  };
  return { map: map as unknown as MapLibreMap, state };
}

type Zone = { code: string; p90: number | null; residents: number };

/** A result of 4 cells with first-due rows and busy fractions per row, and zones with their residents' p90. */
function result(seq: number, firstDue: number[], busy: number[], zones: Zone[], worst: string | null): EvaluationUpdate {
  const fractiles = (z: Zone) => ({ residents: { weight: z.residents, p90Minutes: z.p90 }, calls: null });
  return {
    seq,
    tag: { dataset: 1, version: seq },
    inRange: Uint16Array.of(1, 1, 1, 1),
    firstDue: Int32Array.from(firstDue),
    ems: {
      workload: busy.map((b, k) => ({ id: `s${k}`, name: `s${k}`, busyFraction: b, firstDueCells: 1 })),
      fractiles: { basis: 'circle-formula', targetMinutes: 15, horizonMinutes: 60, zones: zones.map((z) => ({ code: z.code, name: z.code, county: 'c', ...fractiles(z) })) },
      equity: { worstZone: worst ? { code: worst, name: worst, withinTarget: 0.5, p90Minutes: null } : null, bestZone: null, spread: 0 },
    },
  } as unknown as EvaluationUpdate;
}

describe('EmsLayers paints first-due workload and township equity from the result', () => {
  // 4 cells, one parent holding them all
  const context: PaintContext = { generation: 1, population: [10, 10, 10, 10], index: { parentOf: Int32Array.of(0, 0, 0, 0), count: 1, children: parentChildren(Int32Array.of(0, 0, 0, 0), 1) }, coarse: false };
  const rules = makeRules();
  const drawn = (layers: EmsLayers, state: Map<string, Record<string, unknown>>, i: number) => (state.get(`cells/${i}`)?.w as number | undefined) ?? layers.stats.workload!.cells;

  it('cells by their first-due station’s busy fraction against rules.ems.busyTarget; zones by their p90; the worst outlined', () => {
    const { map, state } = fakeMap();
    const layers = new EmsLayers(map, null, () => context, () => {});
    const target = rules.ems.busyTarget;
    // station 0 at 0.2 × target (class 1), station 1 at 2.5 × target (class 4); cell 0 has none
    layers.showResult(result(1, [-1, 0, 1, 1], [0.2 * target, 2.5 * target], [{ code: 'a', p90: 12, residents: 100 }, { code: 'b', p90: null, residents: 50 }], 'b'), rules, context);
    expect([0, 1, 2, 3].map((i) => drawn(layers, state, i))).toEqual([0, 1, 4, 4]);
    // the station over the target is ringed, the other not
    expect(state.get('stations/s1')).toEqual({ over: true });
    expect(state.has('stations/s0')).toBe(false);
    expect(layers.layers.workload.shown).toBe(true);
    expect(layers.stats.workloadSeq).toBe(1);
    expect(state.get('zones/a')).toEqual({ e: 2 });
    expect(state.get('zones/b')).toEqual({ e: EQUITY_OVER_HORIZON, worst: true });
    expect(layers.stats.equity).toEqual({ seq: 1, zones: 2, worst: 'b' });
    expect(layers.shown(true)).toMatchObject({ workload: true, equity: true });
    expect(layers.shown(false)).toMatchObject({ workload: false, equity: false });

    // station 1's area now has cell 1 too, station 0 none; zone b has no figure any more, a is the worst
    layers.showResult(result(2, [-1, 1, 1, 1], [0.2 * target, 1.2 * target], [{ code: 'a', p90: 31, residents: 100 }], 'a'), rules, context);
    expect([0, 1, 2, 3].map((i) => drawn(layers, state, i))).toEqual([0, 3, 3, 3]);
    expect(state.get('stations/s1')).toEqual({ over: true });
    expect(state.get('zones/a')).toEqual({ e: 4, worst: true });
    expect(state.get('zones/b')).toEqual({});

    // station 1 back under the target: its ring goes
    layers.showResult(result(3, [-1, 1, 1, 1], [0.2 * target, 0.9 * target], [{ code: 'a', p90: 31, residents: 100 }], 'a'), rules, context);
    expect([0, 1, 2, 3].map((i) => drawn(layers, state, i))).toEqual([0, 2, 2, 2]);
    expect(state.get('stations/s1')).toEqual({});

    // a new dataset: nothing of the old zones stays
    layers.reset();
    expect(state.has('zones/a')).toBe(false);
    expect(layers.stats.equity).toBeNull();
    expect(layers.shown(true).equity).toBe(false);
  });

  it('first-due rows not of the dataset drawn (another length) hide the workload layer', () => {
    const { map } = fakeMap();
    const layers = new EmsLayers(map, null, () => context, () => {});
    layers.showResult(result(1, [0, 0, 0], [0.1], [], null), rules, context);
    expect(layers.layers.workload.shown).toBe(false);
    expect(layers.stats.workload).toBeNull();
    expect(layers.stats.equity).toBeNull();
  });
});

describe('first-due outlines on the map belong to the update shown', () => {
  const context: PaintContext = { generation: 1, population: [10], index: { parentOf: Int32Array.of(0), count: 1, children: parentChildren(Int32Array.of(0), 1) }, coarse: false };
  const update = (seq: number) => ({ seq, tag: { dataset: 1, version: seq } }) as EvaluationUpdate;
  const input = (seq: number, over: Partial<MapInput> = {}): MapInput => ({ datasetGeneration: 1, result: update(seq), resultCurrent: true, rules: makeRules(), layers: { workload: true }, hospitalCapability: null, calls: null, ...over }) as MapInput;
  const outlines = (seq: number, areas: number): FirstDueOutlines => ({ seq, outlines: { type: 'FeatureCollection', features: Array.from({ length: areas }, () => ({ type: 'Feature', properties: { stationId: 's', cells: 1 }, geometry: { type: 'MultiPolygon', coordinates: [] } })) } });

  it('are asked only with the workload layer on and the result current; a late answer of an older update is not drawn; a newer update hides them', async () => {
    const { map, state } = fakeMap();
    const asked: ((a: FirstDueOutlines) => void)[] = [];
    const layers = new EmsLayers(map, null, () => context, () => {}, () => new Promise((resolve) => asked.push(resolve)));
    layers.update(input(1, { layers: { workload: false } as MapInput['layers'] }));
    layers.update(input(1, { resultCurrent: false }));
    expect(asked).toHaveLength(0);
    layers.update(input(1));
    layers.update(input(1));
    expect(asked).toHaveLength(1);
    asked[0](outlines(1, 3));
    await Promise.resolve();
    expect(layers.stats.outlines).toEqual({ seq: 1, areas: 3 });
    expect(state.get('first-due-areas/data')).toEqual({ features: 3 });
    // update 2 on screen: the outlines of update 1 go at once; update 2's answer comes after update 3 is shown: not drawn
    layers.update(input(2));
    expect(layers.stats.outlines).toBeNull();
    expect(state.get('first-due-areas/data')).toEqual({ features: 0 });
    layers.update(input(3));
    asked[1](outlines(2, 5));
    await Promise.resolve();
    expect(layers.stats.outlines).toBeNull();
    asked[2](outlines(3, 4));
    await Promise.resolve();
    expect(layers.stats.outlines).toEqual({ seq: 3, areas: 4 });
  });
});

describe('the worker’s first-due rows on Yongchun', async () => {
  const { service } = demoService();
  const dataset = await openDemo(service, '350525');
  const rules = makeRules();
  const full = service.evaluate(dataset.stations, rules, { seq: 1 });

  it('name the nearest active station by great-circle distance, and count each station’s first-due cells and residents', () => {
    const rows = full.ems!.workload;
    const byId = new Map(dataset.stations.map((s) => [s.id, s]));
    const active = rows.map((w) => byId.get(w.id)!);
    const cells = new Array<number>(rows.length).fill(0);
    const residents = new Array<number>(rows.length).fill(0);
    for (let i = 0; i < full.firstDue!.length; i++) {
      const k = full.firstDue![i];
      if (k < 0) continue;
      cells[k]++;
      residents[k] += dataset.population[i];
    }
    expect(cells).toEqual(rows.map((w) => w.firstDueCells));
    residents.forEach((r, k) => expect(r).toBeCloseTo(rows[k].firstDuePopulation, 6));
    let checked = 0;
    for (let i = 0; i < full.firstDue!.length; i += 997) {
      if (full.firstDue![i] < 0) continue;
      const [lat, lng] = cellToLatLng(dataset.h3[i]);
      const km = active.map((s) => distance([lng, lat], [s.lng, s.lat], { units: 'kilometers' }));
      const nearest = Math.min(...km);
      expect(km[full.firstDue![i]], `cell ${i}`).toBeCloseTo(nearest, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('outline each station’s first-due area once, with its cell count', () => {
    const answer = service.firstDueOutlines();
    expect(answer.seq).toBe(1);
    const served = full.ems!.workload.filter((w) => w.firstDueCells > 0);
    expect(answer.outlines.features.map((f) => [f.properties.stationId, f.properties.cells])).toEqual(served.map((w) => [w.id, w.firstDueCells]));
    for (const f of answer.outlines.features) expect(f.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('a light update repeats the last full update’s rows, as it does its workload', () => {
    // the busiest area's station moves 5 km east: the areas change at the next full update, not at the light one
    const id = [...full.ems!.workload].sort((a, b) => b.firstDueCells - a.firstDueCells)[0].id;
    const moved = dataset.stations.map((s) => (s.id === id ? { ...s, lng: s.lng + 0.05 } : s));
    const light = service.evaluate(moved, rules, { seq: 2, light: true });
    expect(light.emsUpdated).toBe(false);
    expect(Array.from(light.firstDue!)).toEqual(Array.from(full.firstDue!));
    const next = service.evaluate(moved, rules, { seq: 3 });
    expect(next.firstDue!.some((k, i) => k !== full.firstDue![i])).toBe(true);
  });
});
