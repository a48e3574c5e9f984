/**
 * The EMS map layers by hand: backup coverage classes from in-range counts,
 * call density classes, the hospital ramp around its target, which
 * capabilities the layer offers, and that hospital minutes are drawn only
 * for the update on screen (stale hidden, never drawn). The worker's
 * hospital minutes on Yongchun equal the straight-line formula worked out
 * with Turf.
 */
import { distance } from '@turf/turf';
import { cellToLatLng } from 'h3-js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { capabilitiesOf, capabilityDrawn } from '../../src/map/capabilities-on-map.ts';
import { EmsLayers, type PaintContext } from '../../src/map/ems-layers.ts';
import { backupClasses, callClasses, HOSPITAL_NONE, hospitalClasses, hospitalSteps } from '../../src/map/ems-ramps.ts';
import type { MapInput } from '../../src/map/map-input.ts';
import { parentChildren } from '../../src/map/parent-status.ts';
import type { EvaluationUpdate, HospitalMinutes } from '../../src/worker/api.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

describe('EMS layer classes', () => {
  it('backup coverage: 0, 1 and 2 stations in range keep their count, 3 and 7 show as ≥ 2', () => {
    expect(Array.from(backupClasses(Uint16Array.of(0, 1, 2, 3, 7)))).toEqual([0, 1, 2, 2, 2]);
  });

  it('call density: no call is class 0 (not drawn); 0.5 and 1 → ≤ 1; 3 → ≤ 3; 3.01 → ≤ 10; 30 → ≤ 30; 31 → above', () => {
    expect(Array.from(callClasses(Float64Array.of(0, 0.5, 1, 3, 3.01, 30, 31)))).toEqual([0, 1, 1, 2, 3, 4, 5]);
  });

  it('hospital transport: steps a third, two thirds, the target, +15, +30; Infinity and NaN are "not reachable"', () => {
    expect(hospitalSteps(60)).toEqual([20, 40, 60, 75, 90]);
    expect(hospitalSteps(45)).toEqual([15, 30, 45, 60, 75]);
    expect(Array.from(hospitalClasses(Float64Array.of(0, 20, 20.1, 60, 61, 90, 91, Infinity, NaN), [20, 40, 60, 75, 90]))).toEqual([0, 0, 1, 2, 3, 4, 5, HOSPITAL_NONE, HOSPITAL_NONE]);
    expect(() => hospitalSteps(0)).toThrow(/above 0/);
  });
});

const station = (id: string, over: Partial<Station> = {}): Station => ({ id, name: id, kind: 'hospital', status: 'existing', lng: 118, lat: 25, ...over });

describe('capabilities the hospital layer offers', () => {
  const stations = [station('a', { capabilities: ['stroke'] }), station('b', { plannedCapabilities: ['chest-pain'] }), station('c', { status: 'proposed', capabilities: ['trauma'] }), station('d')];

  it('those any facility has or plans, proposed ones included, in the capability order', () => {
    expect(capabilitiesOf(stations)).toEqual(['chest-pain', 'stroke', 'trauma']);
    expect(capabilitiesOf([station('d')])).toEqual([]);
  });

  it('draws the user’s choice when a facility has it, else the first, else none', () => {
    expect(capabilityDrawn(stations, 'trauma')).toBe('trauma');
    expect(capabilityDrawn(stations, 'neonatal')).toBe('chest-pain');
    expect(capabilityDrawn(stations, null)).toBe('chest-pain');
    expect(capabilityDrawn([station('d')], 'stroke')).toBeNull();
  });
});

/** A map that records the feature-state it is given. */
function fakeMap() {
  const state = new Map<string, Record<string, number>>();
  const map = {
    setPaintProperty: () => {},
    setFeatureState: (f: { source: string; id: number }, s: Record<string, number>) => state.set(`${f.source}/${f.id}`, { ...state.get(`${f.source}/${f.id}`), ...s }),
    removeFeatureState: () => {},
  };
  return { map: map as unknown as MapLibreMap, state };
}

describe('hospital minutes on the map belong to the update shown', () => {
  // 3 cells, one parent holding them all
  const context: PaintContext = { generation: 1, population: [10, 10, 10], index: { parentOf: Int32Array.of(0, 0, 0), count: 1, children: parentChildren(Int32Array.of(0, 0, 0), 1) }, coarse: false };
  const rules = makeRules();
  const result = (seq: number) => ({ seq, tag: { dataset: 1, version: seq } }) as EvaluationUpdate;
  const input = (over: Partial<MapInput>): MapInput => ({ datasetGeneration: 1, result: result(1), resultCurrent: true, rules, layers: { hospital: true }, hospitalCapability: 'stroke', calls: null, ...over }) as MapInput;

  it('asks for the current update, draws its answer; a newer update hides it until its own answer comes; a late answer of an old update is never drawn', async () => {
    const { map, state } = fakeMap();
    const answers: { capability: string; resolve: (a: HospitalMinutes) => void }[] = [];
    const layers = new EmsLayers(map, (capability) => new Promise((resolve) => answers.push({ capability, resolve })), () => context, () => {});
    layers.update(input({}));
    expect(answers).toHaveLength(1);
    answers[0].resolve({ seq: 1, capability: 'stroke', basis: 'circle-formula', minutes: Float32Array.of(10, 10, 70) });
    await Promise.resolve();
    expect(layers.stats.hospitalDrawn).toEqual({ seq: 1, capability: 'stroke' });
    expect(layers.hospital.shown).toBe(true);
    // 10 min → class 0 is the baseline; the 70-minute cell (target 60 → class 3) is painted
    expect(state.get('cells/2')?.h).toBe(3);
    // update 2 on screen, still being computed: the minutes of update 1 are hidden, nothing asked yet
    layers.update(input({ result: result(2), resultCurrent: false }));
    expect(layers.hospital.shown).toBe(false);
    expect(answers).toHaveLength(1);
    layers.update(input({ result: result(2) }));
    expect(answers).toHaveLength(2);
    // the worker answers for update 2 only after update 3 reached the screen: not drawn
    layers.update(input({ result: result(3) }));
    answers[1].resolve({ seq: 2, capability: 'stroke', basis: 'circle-formula', minutes: Float32Array.of(80, 80, 80) });
    await Promise.resolve();
    expect(layers.hospital.shown).toBe(false);
    expect(state.get('cells/0')?.h).toBeUndefined();
    answers[2].resolve({ seq: 3, capability: 'stroke', basis: 'circle-formula', minutes: Float32Array.of(80, 10, 10) });
    await Promise.resolve();
    expect(layers.stats.hospitalDrawn).toEqual({ seq: 3, capability: 'stroke' });
    expect(state.get('cells/0')?.h).toBe(4);
  });

  it('another capability chosen hides the drawn one at once; the layer switched off asks nothing', () => {
    const { map } = fakeMap();
    let asked = 0;
    const layers = new EmsLayers(map, () => (asked++, new Promise(() => {})), () => context, () => {});
    layers.update(input({ layers: { hospital: false } as MapInput['layers'] }));
    expect(asked).toBe(0);
    layers.update(input({ hospitalCapability: null }));
    expect(asked).toBe(0);
    layers.update(input({}));
    layers.update(input({ hospitalCapability: 'trauma' }));
    expect(asked).toBe(2);
  });
});

describe('the worker’s hospital minutes on Yongchun', async () => {
  const { service } = demoService();
  const dataset = await openDemo(service, '350525');
  const rules = makeRules();
  const county = dataset.stations.find((s) => s.status === 'existing')!;
  const stations = dataset.stations.map((s) => (s.id === county.id ? { ...s, capabilities: ['stroke' as const] } : s));
  service.evaluate(stations, rules, { seq: 7 });

  it('are those of the update last evaluated, and equal great-circle km × detour ÷ speed × 60 to the one stroke centre', () => {
    const answer = service.hospitalMinutes('stroke');
    expect(answer.seq).toBe(7);
    expect(answer.basis).toBe('circle-formula');
    expect(answer.minutes).toHaveLength(dataset.population.length);
    for (const i of [0, 1000, 5000, dataset.population.length - 1]) {
      const [lat, lng] = cellToLatLng(dataset.h3[i]);
      const km = distance([lng, lat], [county.lng, county.lat], { units: 'kilometers' });
      const z = dataset.zone[i];
      const urban = z >= 0 && dataset.zones[z].areaType === 'urban';
      const perKm = urban ? (rules.urbanDetourCoefficient / rules.urbanSpeedKmh) * 60 : (rules.ruralDetourCoefficient / rules.ruralSpeedKmh) * 60;
      expect(answer.minutes[i]).toBeCloseTo(km * perKm, 1);
    }
  });

  it('a capability no facility has reaches no cell', () => {
    expect(service.hospitalMinutes('trauma').minutes.every((m) => Number.isNaN(m))).toBe(true);
  });
});
