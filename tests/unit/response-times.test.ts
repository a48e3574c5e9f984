/**
 * Response-time figures, population-weighted, worked out by hand on four
 * cells: minutes 2, 7.5, 20 and not reached, residents 100, 300, 400, 200.
 */
import { describe, expect, it } from 'vitest';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { createEngine, evaluate } from '../../src/core/evaluate.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { defaultReachSettings } from '../../src/core/reach-settings.ts';
import { responseFigures } from '../../src/core/response-times.ts';
import { RoadNetwork } from '../../src/core/road-network.ts';
import { RoadWaysBuilder } from '../../src/core/roads/ways.ts';
import { makeRules } from '../../src/core/rules.ts';
import { grid, zone } from '../helpers/tiny.ts';

const h3 = gridDisk(latLngToCell(25.3, 118.1, 9), 1).sort().slice(0, 4);
const g = grid(
  [
    { h3: h3[0], population: 100, zone: 'a' },
    { h3: h3[1], population: 300, zone: 'a' },
    { h3: h3[2], population: 400, zone: 'b' },
    { h3: h3[3], population: 200, zone: 'b' },
  ],
  [zone('a', 'rural'), zone('b', 'rural')],
);
const minutesByH3 = new Map([[h3[0], 2], [h3[1], 7.5], [h3[2], 20], [h3[3], Infinity]]);
const minutes = Float64Array.from(g.h3, (c) => minutesByH3.get(c)!);

describe('response-time figures', () => {
  const f = responseFigures(g, minutes);

  it('the curve: share of the 1,000 residents reached within T minutes', () => {
    expect(f.population).toBe(1000);
    expect(f.curve).toHaveLength(61);
    expect(f.curve[0]).toBe(0);
    expect(f.curve[1]).toBe(0);
    expect(f.curve[2]).toBe(0.1); // 100
    expect(f.curve[7]).toBe(0.1); // 7.5 > 7
    expect(f.curve[8]).toBe(0.4); // + 300
    expect(f.curve[19]).toBe(0.4);
    expect(f.curve[20]).toBe(0.8); // + 400
    expect(f.curve[60]).toBe(0.8); // 200 never reached
    expect(f.unreachedPopulation).toBe(200);
  });

  it('median and 90th percentile: the minutes by which half (500) and 90 % (900) are reached, or null when not reached', () => {
    // ascending: 2 (100), 7.5 (400), 20 (800): 500 reached at 20; 900 never
    expect(f.medianMinutes).toBe(20);
    expect(f.p90Minutes).toBeNull();
  });

  it('per zone: a (100 at 2, 300 at 7.5) median 7.5, p90 7.5; b (400 at 20, 200 not reached) median 20, p90 null', () => {
    expect(f.zones.map((z) => [z.code, z.population, z.medianMinutes, z.p90Minutes, z.unreachedPopulation])).toEqual([
      ['a', 400, 7.5, 7.5, 0],
      ['b', 600, 20, null, 200],
    ]);
  });

  it('a cell beyond the 60-minute horizon counts as not reached', () => {
    const late = responseFigures(g, Float64Array.from(g.h3, (c) => (c === h3[2] ? 61 : minutesByH3.get(c)!)));
    expect(late.curve[60]).toBe(0.4);
    expect(late.medianMinutes).toBeNull();
  });
});

describe('response times of a scenario, before and after', () => {
  it('is null without roads; with roads gives the scenario, the baseline without the proposed station, and who has no road access', () => {
    const straight = evaluate(g, { stations: [], rules: makeRules() });
    expect(straight.result.responseTimes).toBeNull();
    // one residential road (25 km/h) through the four cells' centres
    const centre = (c: string) => {
      const [lat, lng] = cellToLatLng(c);
      return [lng, lat] as const;
    };
    const b = new RoadWaysBuilder();
    const v = h3.map((c) => b.addVertex(...centre(c)));
    b.addWay(v, 'residential', NaN, 0);
    const roads = new RoadNetwork(g, b.finish());
    const rules = makeRules({ reach: defaultReachSettings() });
    const [lng0, lat0] = centre(h3[0]);
    const stations = [{ id: 'p', name: 'p', kind: 'station' as const, status: 'proposed' as const, lng: lng0, lat: lat0 }];
    const { result } = evaluate(g, { stations, rules }, createReachModel(g), roads);
    const r = result.responseTimes!;
    expect(r.horizonMinutes).toBe(60);
    expect(r.baselineWithout).toEqual(['p']);
    // after: every cell within a few minutes (cells ~0.3 km apart at 25 km/h); before: nobody reached
    expect(r.curve[60]).toBe(1);
    expect(r.before).toEqual({ population: 1000, curve: new Array(61).fill(0), medianMinutes: null, p90Minutes: null, unreachedPopulation: 1000 });
    expect(r.noRoadAccess).toEqual({ farCells: 0, farPopulation: 0, fragmentCells: 0, fragmentPopulation: 0 });
    // the turnout alone (3 min) sits at the station's own cell: 100 reached by T = 3, none by T = 2
    expect(r.curve[2]).toBe(0);
    expect(r.curve[3]).toBe(0.1);
    expect(createEngine(g, { stations, rules }, createReachModel(g), roads).responseMinutes![g.indexOf.get(h3[0])!]).toBe(3);
  });
});
