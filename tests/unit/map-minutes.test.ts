/**
 * The response-time layer and isochrones, by hand: the ramp's steps around
 * the circle's minutes, the class of a cell's minutes, the class a parent
 * hexagon shows (its residents' median), which straight-line rings still
 * mean something on roads, and the minutes outlined for the selected station.
 */
import { describe, expect, it } from 'vitest';
import { ringKindsShown } from '../../src/map/circles.ts';
import { isochroneKey, isochroneMinutes } from '../../src/map/isochrone-layer.ts';
import { minutesFillColor } from '../../src/map/layers.ts';
import type { MapInput } from '../../src/map/map-input.ts';
import { BEYOND_LAST_STEP, MINUTES_COLOURS, minutesClass, minutesClasses, minutesSteps, NO_ROAD_ACCESS, NOT_REACHED } from '../../src/map/minutes-ramp.ts';
import { parentChildren, refreshParentClasses } from '../../src/map/parent-status.ts';
import { CellStateTracker, commonBaseline } from '../../src/map/status-diff.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { EvaluationUpdate } from '../../src/worker/api.ts';

const STEPS_15 = [5, 10, 15, 20, 30];

describe('response-time ramp', () => {
  it('steps 5, 10, 15 (the circle), 20, 30 under the 15-minute circle', () => {
    expect(minutesSteps(15)).toEqual(STEPS_15);
  });

  it("the circle's own minutes are the key step: a 14-minute circle gives 5, 10, 14, 19, 30", () => {
    expect(minutesSteps(14)).toEqual([5, 10, 14, 19, 30]);
    expect(minutesSteps(25)).toEqual([15, 20, 25, 30, 35]);
    // too short a circle for two round steps below it: thirds of it
    expect(minutesSteps(6)).toEqual([2, 4, 6, 11, 30]);
    expect(() => minutesSteps(0)).toThrow('Got circle minutes 0 when expected a number above 0.');
  });

  it('a cell takes the first step its minutes are within (a step is inclusive)', () => {
    const cases: [number, number][] = [
      [3, 0],
      [5, 0],
      [5.01, 1],
      [12.4, 2],
      [15, 2],
      [15.1, 3],
      [20, 3],
      [30, 4],
      [30.5, BEYOND_LAST_STEP],
      [59.9, BEYOND_LAST_STEP],
    ];
    for (const [minutes, cls] of cases) expect(minutesClass(minutes, false, STEPS_15), `${minutes} min`).toBe(cls);
  });

  it('tells "not reached" (road access, no station within the horizon) from "no road access"', () => {
    expect(minutesClass(NaN, false, STEPS_15)).toBe(NOT_REACHED);
    expect(minutesClass(NaN, true, STEPS_15)).toBe(NO_ROAD_ACCESS);
    const classes = minutesClasses(Float32Array.of(4, 16, NaN, NaN), Uint8Array.of(0, 0, 0, 2), STEPS_15);
    expect([...classes]).toEqual([0, 3, NOT_REACHED, NO_ROAD_ACCESS]);
    // a result without access codes calls every cell without minutes "not reached"
    expect([...minutesClasses(Float32Array.of(NaN), null, STEPS_15)]).toEqual([NOT_REACHED]);
  });

  it('paints each class its own colour: blues up to the circle, oranges beyond, two greys', () => {
    expect(new Set(MINUTES_COLOURS).size).toBe(8);
    // the layer's expression maps feature-state m = k to colour k; a feature without state shows the baseline's
    const expression = minutesFillColor(3) as unknown[];
    expect(expression[1]).toEqual(['coalesce', ['feature-state', 'm'], 3]);
    const pairs = expression.slice(2, -1);
    for (let k = 0; k < 7; k++) expect(pairs.slice(2 * k, 2 * k + 2)).toEqual([k, MINUTES_COLOURS[k]]);
    expect(expression[expression.length - 1]).toBe(MINUTES_COLOURS[NO_ROAD_ACCESS]);
    // lighter towards the circle from either side (a blue–orange ramp keeps its order in lightness for colour-blind readers)
    const lightness = (hex: string) => {
      const v = parseInt(hex.slice(1), 16);
      return 0.2126 * ((v >> 16) & 255) + 0.7152 * ((v >> 8) & 255) + 0.0722 * (v & 255);
    };
    const l = MINUTES_COLOURS.map(lightness);
    expect(l[0]).toBeLessThan(l[1]);
    expect(l[1]).toBeLessThan(l[2]);
    expect(l[3]).toBeGreaterThan(l[4]);
    expect(l[4]).toBeGreaterThan(l[5]);
    expect(l[NOT_REACHED]).toBeLessThan(l[NO_ROAD_ACCESS]);
  });

  it('diffs classes like statuses: the most common class is the baseline, only the others are painted', () => {
    const classes = Uint8Array.of(7, 7, 3, 7);
    const zeros = new Uint8Array(4);
    const baseline = commonBaseline(classes, zeros);
    expect(baseline.status).toBe(7);
    const t = new CellStateTracker(4, baseline);
    expect([...t.update(classes, zeros)]).toEqual([2]);
    expect([...t.update(Uint8Array.of(7, 0, 3, 7), zeros)]).toEqual([1]);
  });
});

describe('parent hexagons at low zoom', () => {
  // parent 0: cells 0, 1, 2; parent 1: cells 3, 4, 5 (no residents)
  const parentOf = Int32Array.of(0, 0, 0, 1, 1, 1);
  const children = parentChildren(parentOf, 2);

  it("show their residents' median class, not the worst: 10 at ≤5, 30 at 20 min, 5 not reached → the 20-minute class", () => {
    const out = new Uint8Array(2);
    refreshParentClasses(out, [0], children, Uint8Array.of(0, 3, NOT_REACHED, 1, 1, 7), Float64Array.of(10, 30, 5, 0, 0, 0));
    expect(out[0]).toBe(3);
  });

  it('a half exactly on a class boundary takes the faster class; 40 of 41 residents not reached shows not reached', () => {
    const out = new Uint8Array(2);
    refreshParentClasses(out, [0], children, Uint8Array.of(0, 4, 4, 0, 0, 0), Float64Array.of(20, 10, 10, 0, 0, 0));
    expect(out[0]).toBe(0);
    refreshParentClasses(out, [0], children, Uint8Array.of(0, NOT_REACHED, NOT_REACHED, 0, 0, 0), Float64Array.of(1, 20, 20, 0, 0, 0));
    expect(out[0]).toBe(NOT_REACHED);
  });

  it('a parent without residents counts its cells', () => {
    const out = new Uint8Array(2);
    refreshParentClasses(out, [1], children, Uint8Array.of(0, 0, 0, 1, 1, 7), Float64Array.of(5, 5, 5, 0, 0, 0));
    expect(out[1]).toBe(1);
  });
});

describe('rings and isochrones on roads', () => {
  it('straight line: service radius and circle; roads: the circle gives way to isochrones; along roads: no ring', () => {
    expect([...ringKindsShown(null)].sort()).toEqual(['circle', 'cover']);
    expect([...ringKindsShown({ model: 'straight-line', serviceAlongRoads: false })].sort()).toEqual(['circle', 'cover']);
    expect([...ringKindsShown({ model: 'roads', serviceAlongRoads: false })]).toEqual(['cover']);
    expect([...ringKindsShown({ model: 'roads', serviceAlongRoads: true })]).toEqual([]);
  });

  it("outlines 5, 10, the circle's and 20 minutes, each once", () => {
    expect(isochroneMinutes(15)).toEqual([5, 10, 15, 20]);
    expect(isochroneMinutes(12)).toEqual([5, 10, 12, 20]);
    expect(isochroneMinutes(20)).toEqual([5, 10, 20]);
  });

  const station = { id: 'a', name: 'a', kind: 'station' as const, status: 'existing' as const, lng: 1.5, lat: 42.5 };
  const result = (model: 'roads' | 'straight-line', dataset = 1) =>
    ({ tag: { dataset, version: 1 }, reach: { model, serviceAlongRoads: false }, minutes: model === 'roads' ? new Float32Array(1) : null, ringAreaTypes: { a: ['rural'] } }) as unknown as EvaluationUpdate;
  const input = (over: Partial<MapInput> = {}): MapInput =>
    ({
      datasetGeneration: 1,
      result: result('roads'),
      resultCurrent: true,
      stations: [station],
      selectedStationId: 'a',
      draggingStationId: null,
      rules: makeRules(),
      layers: { circles: true },
      ...over,
    }) as MapInput;

  it('are asked only for a selected, active, undragged station on a roads result of the dataset drawn', () => {
    const rules = makeRules();
    const key = isochroneKey(input({ rules }));
    expect(key).not.toBeNull();
    expect(isochroneKey(input({ rules }))).toBe(key);
    expect(isochroneKey(input({ selectedStationId: null }))).toBeNull();
    expect(isochroneKey(input({ draggingStationId: 'a' }))).toBeNull();
    expect(isochroneKey(input({ result: result('straight-line') }))).toBeNull();
    expect(isochroneKey(input({ result: result('roads', 0) }))).toBeNull();
    expect(isochroneKey(input({ layers: { circles: false } as MapInput['layers'] }))).toBeNull();
    expect(isochroneKey(input({ stations: [{ ...station, status: 'disabled' }] }))).toBeNull();
    // a moved station or other rules make the outlines drawn stale
    expect(isochroneKey(input({ rules, stations: [{ ...station, lng: 1.51 }] }))).not.toBe(key);
    expect(isochroneKey(input({ rules: makeRules({ circleMinutes: 14 }) }))).not.toBe(key);
  });
});
