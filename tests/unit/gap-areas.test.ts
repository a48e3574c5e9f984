import { distance } from '@turf/turf';
import { cellToLatLng, gridPathCells, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { DATA_DIR, loadDemoDataset } from '../../scripts/lib/demo-data.ts';
import { grid, zone } from '../helpers/tiny.ts';

// 15 neighbouring res-9 cells in a line (~0.3 km apart), all rural; a station on
// the first. Rural covered ≤ 1 km, marginal ≤ 2 km (scaled-down 10/20 km rules),
// so the line runs covered → marginal → gap. Cells 0–9 lie in 甲镇, 10–14 in 乙乡.
const line = gridPathCells(latLngToCell(25.3, 118.1, 9), latLngToCell(25.3, 118.2, 9)).slice(0, 15);
const rules = makeRules({ ruralStrictRadiusKm: 1, ruralLenientRadiusKm: 2, urbanRadiusKm: 0.5 });
const [lat0, lng0] = cellToLatLng(line[0]);
const station: Station = { id: 's', name: 's', kind: 'station', status: 'existing', lng: lng0, lat: lat0 };
const population = (i: number) => 10 + i; // every cell a different count, so sums identify cells
const zoneOf = (i: number) => (i < 10 ? 'a' : 'b');

/** Status by straight-line distance, worked out here with Turf rather than by the engine. */
function handStatus(i: number): 'covered' | 'marginal' | 'gap' {
  const [lat, lng] = cellToLatLng(line[i]);
  const km = distance([lng0, lat0], [lng, lat], { units: 'kilometers' });
  return km <= 1 ? 'covered' : km <= 2 ? 'marginal' : 'gap';
}

describe('gap areas (盲区片区) hold gap cells only', () => {
  const g = grid(
    line.map((h3, i) => ({ h3, population: population(i), zone: zoneOf(i) })),
    [zone('a', 'rural', '甲镇'), zone('b', 'rural', '乙乡')],
  );
  const { result } = evaluate(g, { stations: [station], rules });
  const statuses = line.map((_, i) => handStatus(i));

  it('the hand-made line has covered, marginal and gap cells (so the test means something)', () => {
    expect(statuses.filter((s) => s === 'marginal').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'gap').length).toBeGreaterThan(0);
    expect(statuses[0]).toBe('covered');
  });

  it('one area of exactly the gap cells; its population is the headline gap and leaves out the marginal people', () => {
    const gapCells = statuses.flatMap((s, i) => (s === 'gap' ? [i] : []));
    const handGap = gapCells.reduce((sum, i) => sum + population(i), 0);
    expect(result.gaps).toHaveLength(1);
    expect(result.gaps[0].cellCount).toBe(gapCells.length);
    expect(result.gaps[0].population).toBe(handGap);
    expect(result.totals.gap).toBe(handGap);
    expect(result.gaps[0].gapPopulation).toBe(handGap);
    expect(result.gaps[0].marginalPopulation).toBe(0);
  });

  it('lists the townships it spans with their people, most first, adding up to the area', () => {
    const gapCells = statuses.flatMap((s, i) => (s === 'gap' ? [i] : []));
    const sumIn = (z: string) => gapCells.filter((i) => zoneOf(i) === z).reduce((sum, i) => sum + population(i), 0);
    const expected = [
      { code: 'a', name: '甲镇', population: sumIn('a') },
      { code: 'b', name: '乙乡', population: sumIn('b') },
    ].filter((t) => t.population > 0).sort((x, y) => y.population - x.population);
    expect(expected.length).toBe(2); // the gap run crosses the township line
    expect(result.gaps[0].townships).toEqual(expected);
    expect(result.gaps[0].zone).toBe(expected[0].code);
  });
});

describe('gap areas in Yongchun (永春县, demo scenario)', () => {
  it('add up exactly to the headline gap; none exceeds it; township parts add up to each area', async () => {
    expect(DATA_DIR).toBeTruthy();
    const dataset = await loadDemoDataset('350525');
    const { result } = evaluate(dataset.grid, { stations: dataset.stations, rules: makeRules() });
    expect(result.totals.gap).toBeGreaterThan(0);
    expect(result.totals.marginal).toBeGreaterThan(0); // marginal people exist and must not be counted
    const sum = result.gaps.reduce((s, g) => s + g.population, 0);
    expect(Math.abs(sum - result.totals.gap)).toBeLessThan(1e-6 * result.totals.gap);
    for (const g of result.gaps) {
      expect(g.population).toBeLessThanOrEqual(result.totals.gap);
      expect(Math.abs(g.townships.reduce((s, t) => s + t.population, 0) - g.population)).toBeLessThan(1e-6 * g.population + 1e-9);
      for (const t of g.townships) {
        const zoneRow = result.zones.find((z) => z.code === t.code)!;
        expect(t.population).toBeLessThanOrEqual(zoneRow.gap + 1e-6);
      }
    }
  });
});
