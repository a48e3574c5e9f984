import { describe, expect, it } from 'vitest';
import { gridPathCells, latLngToCell, cellToLatLng } from 'h3-js';
import { evaluate } from '../../src/core/evaluate.ts';
import { bestSiteForGap, gapGroups } from '../../src/core/gaps.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { cellAt, centre, grid, stationFrom, zone } from '../helpers/tiny.ts';

// A straight line of 11 res-9 cells (~0.35 km apart); with a 0.2 km urban radius
// a station on a cell covers that cell alone.
const line = gridPathCells(latLngToCell(25.3, 118.1, 9), latLngToCell(25.3, 118.15, 9)).slice(0, 11);
const tinyRadius = makeRules({ urbanRadiusKm: 0.2 });
const at = (h3: string, id: string, status: Station['status'] = 'existing'): Station => {
  const [lat, lng] = cellToLatLng(h3);
  return { id, name: id, kind: 'station', status, lng, lat };
};

describe('gap groups', () => {
  it('a line of 11 cells covered in the middle splits into two groups, ranked by population', () => {
    expect(line).toHaveLength(11);
    const g = grid(line.map((h3, i) => ({ h3, population: i < 5 ? 10 : 20, zone: 'u' })), [zone('u', 'urban')]);
    const { engine, result } = evaluate(g, { stations: [at(line[5], 'mid')], rules: tinyRadius });
    expect(engine.status[g.indexOf.get(line[5])!]).toBe(0);
    expect(result.gaps.map((x) => [x.rank, x.cellCount, x.population])).toEqual([
      [1, 5, 100],
      [2, 5, 50],
    ]);
    expect(result.gaps[0].areaKm2).toBeGreaterThan(5 * 0.09);
    expect(result.gaps[0].areaKm2).toBeLessThan(5 * 0.12);
  });

  it('cells with no people are not part of any group and break them', () => {
    const g = grid(line.map((h3, i) => ({ h3, population: i === 3 ? 0 : 1, zone: 'u' })), [zone('u', 'urban')]);
    const { result } = evaluate(g, { stations: [], rules: tinyRadius });
    expect(result.gaps.map((x) => x.cellCount)).toEqual([7, 3]);
  });

  it('marginal cells (12 km from a station, rural) form no gap area; gap cells 25 km away do, centred at the weighted centre', () => {
    const A = cellAt(117, 25);
    const B = cellAt(117.0036, 25); // next-door cells
    const g = grid([{ h3: A, population: 30, zone: 'r' }, { h3: B, population: 10, zone: 'r' }], [zone('r', 'rural')]);
    const marginal = evaluate(g, { stations: [stationFrom('s', A, 12)], rules: makeRules() }).result;
    expect(marginal.totals.marginal).toBe(40);
    expect(marginal.gaps).toEqual([]);
    const far = evaluate(g, { stations: [stationFrom('s', A, 25)], rules: makeRules() }).result;
    expect(far.gaps.map((x) => [x.population, x.gapPopulation, x.marginalPopulation])).toEqual([[40, 40, 0]]);
    const [lngA] = centre(A);
    const [lngB] = centre(B);
    expect(far.gaps[0].centroid[0]).toBeCloseTo((30 * lngA + 10 * lngB) / 40, 9);
  });

  it('the best site to close a group covers all of it when the radius allows', () => {
    const g = grid(line.map((h3) => ({ h3, population: 5, zone: 'u' })), [zone('u', 'urban')]);
    const { engine } = evaluate(g, { stations: [], rules: makeRules() });
    const [group] = gapGroups(engine);
    const site = bestSiteForGap(engine, group)!;
    expect(site.populationCovered).toBe(55);
  });
});

describe('before/after deltas against the scenario minus its proposed stations', () => {
  // Zone "old" is covered by an existing station; "new" only by a proposed one;
  // "both" by either, so the proposed station adds nothing there.
  const OLD = cellAt(117, 25);
  const NEW = cellAt(118, 25);
  const g = grid(
    [
      { h3: OLD, population: 1000, zone: 'old' },
      { h3: NEW, population: 700, zone: 'new' },
      { h3: cellAt(118.02, 25), population: 300, zone: 'new' },
    ],
    [zone('old', 'rural'), zone('new', 'rural')],
  );
  const existing = stationFrom('existing', OLD, 3);
  const proposed = stationFrom('proposed', NEW, 1, 0, 'proposed');
  const { result } = evaluate(g, { stations: [existing, proposed], rules: makeRules() });

  it('counts the newly covered population in total and per zone', () => {
    const d = result.delta!;
    expect(d.baselineWithout).toEqual(['proposed']);
    expect(d.covered).toEqual({ before: 1000, after: 2000, change: 1000 });
    expect(d.gap.change).toBe(-1000);
    expect(d.zones.map((z) => [z.code, z.covered.change])).toEqual([['new', 1000]]);
  });

  it('credits each proposed station with what it newly and uniquely covers', () => {
    expect(result.delta!.stations).toEqual([{ id: 'proposed', name: 'proposed', newlyCovered: 1000, uniquelyCovered: 1000 }]);
  });

  it('has no delta when nothing is proposed', () => {
    expect(evaluate(g, { stations: [existing], rules: makeRules() }).result.delta).toBeNull();
  });

  it('leaves the engine in the scenario state', () => {
    const { engine, result: r } = evaluate(g, { stations: [existing, proposed], rules: makeRules() });
    expect(r.totals.covered).toBe(2000);
    expect(engine.total(0)).toBe(2000);
  });
});
