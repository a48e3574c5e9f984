/**
 * The EMS figures an engine keeps between evaluations (only the zones and
 * first-due areas with a changed cell built again) equal, exactly, those of
 * a fresh engine holding the same stations, after random moves, adds and
 * removals: a cell whose minutes or first-due station changed and was missed
 * would leave its zone's or area's figures, or the region's histogram, stale.
 */
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { CoverageEngine } from '../../src/core/coverage.ts';
import { emsFigures } from '../../src/core/ems/figures.ts';
import type { CallWeights } from '../../src/core/ems/inputs.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { mulberry32 } from '../helpers/random.ts';
import { grid, zone } from '../helpers/tiny.ts';

// a disk of res-8 cells (~15 km across) around Yongchun, nine zones in a 3 × 3 pattern, urban and rural in turn
const [cLat, cLng] = [25.32, 118.29];
const cells = gridDisk(latLngToCell(cLat, cLng, 8), 16).sort();
const people = mulberry32(3);
const third = (d: number) => (d < -0.025 ? 0 : d < 0.025 ? 1 : 2);
const zoneOf = (h3: string) => {
  const [lat, lng] = cellToLatLng(h3);
  return `z${third(lat - cLat) * 3 + third(lng - cLng)}`;
};
const g = grid(
  cells.map((h3) => ({ h3, population: Math.floor(people() * 800), zone: zoneOf(h3) })),
  Array.from({ length: 9 }, (_, k) => zone(`z${k}`, k % 2 ? 'urban' : 'rural')),
);
const rules = makeRules();

function station(id: string, r: () => number): Station {
  return { id, name: id, kind: 'station', status: 'existing', lng: cLng - 0.08 + r() * 0.16, lat: cLat - 0.07 + r() * 0.14 };
}

/** The figures of a fresh engine (nothing kept) with the engine's active stations, in its order. */
const fromScratch = (engine: CoverageEngine, calls: CallWeights | null) => {
  const stations = engine.activeStations();
  return emsFigures(createEngine(g, { stations, rules }), null, { stations, calls, roads: null });
};

/** Random steps, mostly moves of a few hundred metres; after each, the engine's figures against a fresh engine's. */
function walk(seed: number, steps: number, calls: CallWeights | null): number {
  const r = mulberry32(seed);
  let next = 6;
  const engine = createEngine(g, { stations: Array.from({ length: next }, (_, k) => station(`s${k}`, r)), rules });
  let compared = 0;
  for (let step = 0; step < steps; step++) {
    const active = engine.activeStations();
    const action = r();
    if (action < 0.1) engine.upsertStation(station(`s${next++}`, r));
    else if (action < 0.15 && active.length > 2) engine.removeStation(active[Math.floor(r() * active.length)].id);
    else {
      const s = active[Math.floor(r() * active.length)];
      engine.upsertStation({ ...s, lng: s.lng + (r() - 0.5) * 0.01, lat: s.lat + (r() - 0.5) * 0.01 });
    }
    const stations = engine.activeStations();
    const ours = emsFigures(engine, null, { stations, calls, roads: null });
    expect(ours, `step ${step}`).toEqual(fromScratch(engine, calls));
    compared++;
  }
  return compared;
}

describe('EMS figures kept between evaluations', () => {
  it('equal a fresh engine’s exactly after 60 random moves, adds and removals (residents; calls from the rate)', () => {
    expect(walk(11, 60, null)).toBe(60);
  });

  it('equal a fresh engine’s exactly with imported calls (fractions per year: the region summed again, zones and areas kept)', () => {
    const r = mulberry32(5);
    const perCell = Float64Array.from(cells, () => Math.floor(r() * 40));
    expect(walk(23, 40, { perCell, years: 3, synthetic: true })).toBe(40);
  });

  it('follow a rules change (every group built again with the new minutes)', () => {
    const r = mulberry32(8);
    const stations = Array.from({ length: 5 }, (_, k) => station(`s${k}`, r));
    const engine = createEngine(g, { stations, rules });
    const inputs = { stations, calls: null, roads: null };
    const before = emsFigures(engine, null, inputs);
    const slower = makeRules({ ruralSpeedKmh: rules.ruralSpeedKmh / 2 });
    engine.setRules(slower);
    const after = emsFigures(engine, null, inputs);
    expect(after).toEqual(emsFigures(createEngine(g, { stations, rules: slower }), null, inputs));
    // slower rural driving: the region's median response is later than before
    expect(after.fractiles.region.residents.medianMinutes!).toBeGreaterThan(before.fractiles.region.residents.medianMinutes!);
  });
});
