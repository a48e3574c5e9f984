import { describe, expect, it } from 'vitest';
import { evaluate, cellRows, createEngine } from '../../src/core/evaluate.ts';
import { circleRadiusKm, makeRules } from '../../src/core/rules.ts';
import { cellAt, grid, stationFrom, zone } from '../helpers/tiny.ts';

// Cells about 1° (≈100 km) apart so each one's station cannot reach another cell.
const A = cellAt(117.0, 25.0);
const B = cellAt(118.0, 25.0);
const C = cellAt(119.0, 25.0);

function statusOf(areaType: 'urban' | 'rural', km: number, rules = makeRules()) {
  const g = grid([{ h3: A, population: 100, zone: 'z' }], [zone('z', areaType)]);
  const { engine } = evaluate(g, { stations: [stationFrom('s', A, km)], rules });
  return cellRows(engine)[0];
}

describe('service radius rules (urban ≤ 5 km, rural 10–20 km)', () => {
  it('an urban cell 4 km from a station is covered', () => {
    expect(statusOf('urban', 4).status).toBe('covered');
  });
  it('an urban cell 6 km from a station is a gap, never marginal', () => {
    expect(statusOf('urban', 6).status).toBe('gap');
  });
  it('a rural cell 8 km from the nearest station is covered', () => {
    expect(statusOf('rural', 8).status).toBe('covered');
  });
  it('a rural cell 12 km from the nearest station is marginal under 10/20 km', () => {
    expect(statusOf('rural', 12).status).toBe('marginal');
  });
  it('a rural cell 25 km from the nearest station is a gap', () => {
    const row = statusOf('rural', 25);
    expect(row.status).toBe('gap');
    expect(row.nearestStationId).toBeNull(); // beyond the largest rule radius
  });
  it('under the lenient 20 km reading a rural cell 12 km away is covered', () => {
    expect(statusOf('rural', 12, makeRules({ ruralReading: 'lenient' })).status).toBe('covered');
  });
  it('a planner override makes a rural zone urban, so 8 km becomes a gap', () => {
    expect(statusOf('rural', 8, makeRules({ areaTypeOverrides: { z: 'urban' } })).status).toBe('gap');
  });
  it('reports the distance to the nearest station in km, matching Turf within a metre', () => {
    expect(statusOf('rural', 7.5).distanceKm).toBeCloseTo(7.5, 3);
  });
});

describe('the emergency circle: speed × (minutes − turnout) / detour', () => {
  it('15 minutes at the published urban values gives 32.07 × 12/60 / 1.6 = 4.00875 km', () => {
    expect(circleRadiusKm(makeRules(), 'urban')).toBeCloseTo(4.00875, 5);
  });
  it('14 minutes shrinks it to 32.07 × 11/60 / 1.6 = 3.6747 km', () => {
    expect(circleRadiusKm(makeRules({ circleMinutes: 14 }), 'urban')).toBeCloseTo(3.674688, 5);
  });
  it('an urban cell 3.9 km away is inside the 15-minute circle but not the 14-minute one', () => {
    expect(statusOf('urban', 3.9).withinCircle).toBe(true);
    expect(statusOf('urban', 3.9, makeRules({ circleMinutes: 14 })).withinCircle).toBe(false);
  });
  it('a rural cell 4.9 km away is inside the rural circle 40 × 12/60 / 1.6 = 5 km, 5.1 km is not', () => {
    expect(statusOf('rural', 4.9).withinCircle).toBe(true);
    expect(statusOf('rural', 5.1).withinCircle).toBe(false);
  });
  it('rejects a turnout longer than the circle', () => {
    expect(() => makeRules({ turnoutMinutes: 15 })).toThrow(/turnoutMinutes \(15\) must be less than circleMinutes \(15\)/);
  });
});

describe('stations in range and the nearest station', () => {
  it('counts the stations within the cover radius and names the nearest', () => {
    const g = grid([{ h3: A, population: 10, zone: 'u' }], [zone('u', 'urban')]);
    const stations = [stationFrom('far', A, 7, 90), stationFrom('near', A, 2, 0), stationFrom('mid', A, 4, 180)];
    const row = cellRows(createEngine(g, { stations, rules: makeRules() }))[0];
    expect(row.stationsInRange).toBe(2);
    expect(row.nearestStationId).toBe('near');
    expect(row.distanceKm).toBeCloseTo(2, 3);
  });
  it('ignores disabled stations', () => {
    const g = grid([{ h3: A, population: 10, zone: 'u' }], [zone('u', 'urban')]);
    const s = { ...stationFrom('off', A, 1), status: 'disabled' as const };
    expect(cellRows(createEngine(g, { stations: [s], rules: makeRules() }))[0].status).toBe('gap');
  });
});

describe('tables', () => {
  const g = grid(
    [
      { h3: A, population: 45_000, zone: 'u' },
      { h3: B, population: 20_000, zone: 'r' },
      { h3: C, population: 5_000, zone: 'r' },
    ],
    [zone('u', 'urban'), zone('r', 'rural')],
  );
  const stations = [stationFrom('a', A, 3), stationFrom('b', B, 15)];
  const { result } = evaluate(g, { stations, rules: makeRules() });

  it('sums population by status per zone and in total', () => {
    const [u, r] = result.zones;
    expect([u.population, u.covered, u.marginal, u.gap]).toEqual([45_000, 45_000, 0, 0]);
    expect([r.population, r.covered, r.marginal, r.gap]).toEqual([25_000, 0, 20_000, 5_000]);
    expect(result.totals.population).toBe(70_000);
    expect(result.totals.covered).toBe(45_000);
    expect(result.totals.coveredPct).toBeCloseTo((100 * 45) / 70, 10);
  });
  it('needs 1 ambulance per 30,000 and 1 AED per 10,000 residents, rounded up', () => {
    const [u, r] = result.zones;
    expect([u.ambulancesNeeded, u.aedsNeeded]).toEqual([2, 5]);
    expect([r.ambulancesNeeded, r.aedsNeeded]).toEqual([1, 3]);
    expect([result.totals.ambulancesNeeded, result.totals.aedsNeeded]).toEqual([3, 7]);
  });
  it('sums zones into a county row', () => {
    expect(result.counties).toHaveLength(1);
    expect(result.counties[0].population).toBe(70_000);
    expect(result.counties[0].zones).toBe(2);
  });
});
