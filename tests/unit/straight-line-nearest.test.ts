/**
 * The straight-line model's fast path of a full evaluation (every cell's
 * nearest station and in-range count at once, straight-line-nearest.ts)
 * against the plain path it replaces: the same engine judging by the same
 * model with the fast path hidden, so every station's reach is listed and
 * compared. On random stations (some on one spot, ids out of insertion
 * order, so ties are decided by id), random rules, and random moves,
 * removals and additions after the full evaluation, every per-cell array
 * and every sum must be equal to the last bit.
 */
import { describe, expect, it } from 'vitest';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { AGG_COVERED, AGG_GAP, AGG_MARGINAL, AGG_WITHIN_CIRCLE, type CoverageEngine } from '../../src/core/coverage.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { makeRules, type Rules } from '../../src/core/rules.ts';
import { chordToKm, StraightLineReach } from '../../src/core/straight-line-reach.ts';
import { DEG, EARTH_RADIUS_KM } from '../../src/core/geo.ts';
import type { Station } from '../../src/core/types.ts';
import { withoutFastPaths } from '../helpers/plain-model.ts';
import { mulberry32 } from '../helpers/random.ts';
import { grid, zone } from '../helpers/tiny.ts';

// res-9 cells in two patches 30 km apart around Yongchun (a gap between them), urban and rural zones mixed
const rand = mulberry32(11);
const patches = [latLngToCell(25.32, 118.25, 9), latLngToCell(25.4, 117.98, 9)].flatMap((c) => gridDisk(c, 40));
const cells = [...new Set(patches)].sort();
const g = grid(
  cells.map((h3, i) => ({ h3, population: 1 + Math.floor(rand() * 500), zone: i % 3 === 0 ? 'urban-z' : 'rural-z' })),
  [zone('urban-z', 'urban'), zone('rural-z', 'rural')],
);

/** Where two engines differ: the first few cells of each per-cell array, and the sums (empty when equal to the last bit). */
function differences(a: CoverageEngine, b: CoverageEngine): string[] {
  const found: string[] = [];
  const id = (e: CoverageEngine, i: number) => e.stationAtSlot(e.nearestSlot[i])?.id ?? null;
  for (let i = 0; i < g.size && found.length < 5; i++) {
    if (a.status[i] !== b.status[i]) found.push(`cell ${i}: status ${a.status[i]} ≠ ${b.status[i]}`);
    if (a.withinCircle[i] !== b.withinCircle[i]) found.push(`cell ${i}: circle ${a.withinCircle[i]} ≠ ${b.withinCircle[i]}`);
    if (a.inRangeCount[i] !== b.inRangeCount[i]) found.push(`cell ${i}: in range ${a.inRangeCount[i]} ≠ ${b.inRangeCount[i]}`);
    if (!Object.is(a.nearestCost[i], b.nearestCost[i])) found.push(`cell ${i}: cost ${a.nearestCost[i]} ≠ ${b.nearestCost[i]}`);
    if (id(a, i) !== id(b, i)) found.push(`cell ${i}: nearest ${id(a, i)} ≠ ${id(b, i)}`);
  }
  for (const c of [AGG_COVERED, AGG_MARGINAL, AGG_GAP, AGG_WITHIN_CIRCLE]) if (a.total(c) !== b.total(c)) found.push(`sum ${c}: ${a.total(c)} ≠ ${b.total(c)}`);
  return found;
}

/** A station anywhere over the patches, or exactly on a cell centre (its cost there is 0), or on another's spot. */
function randomStation(id: string, r: () => number, others: Station[]): Station {
  const pick = r();
  if (pick < 0.15 && others.length > 0) {
    const o = others[Math.floor(r() * others.length)];
    return { id, name: id, kind: 'station', status: 'existing', lng: o.lng, lat: o.lat };
  }
  if (pick < 0.3) {
    const [lat, lng] = cellToLatLng(cells[Math.floor(r() * cells.length)]);
    return { id, name: id, kind: 'station', status: 'existing', lng, lat };
  }
  return { id, name: id, kind: 'station', status: r() < 0.2 ? 'proposed' : 'existing', lng: 117.85 + r() * 0.55, lat: 25.2 + r() * 0.35 };
}

const ruleCases: [string, Rules][] = [
  ['default rules (urban 5 km, rural 10 / 20 km)', makeRules()],
  ['lenient rural reading', makeRules({ ruralReading: 'lenient' })],
  ['small radii (urban 1.2 km, rural 2 / 3 km)', makeRules({ urbanRadiusKm: 1.2, ruralStrictRadiusKm: 2, ruralLenientRadiusKm: 3 })],
  ['a rural radius beyond 120 km (the model leaves its series)', makeRules({ ruralLenientRadiusKm: 130 })],
];

describe('straight-line fast path equals listing every reach', () => {
  for (const [label, rules] of ruleCases) {
    for (const blockSteps of [2, 3, 4]) {
      it(`${label}, blocks ${blockSteps} resolutions up: full evaluation, then 60 random edits`, () => {
        const r = mulberry32(blockSteps * 1000 + rules.urbanRadiusKm * 10 + rules.ruralLenientRadiusKm);
        const stations: Station[] = [];
        // ids from high to low, so insertion order is not id order
        for (let k = 0; k < 25; k++) stations.push(randomStation(`s${String(99 - k).padStart(2, '0')}`, r, stations));
        const model = new StraightLineReach(g, null, { blockSteps });
        expect(model.nearestAll).toBeTypeOf('function');
        const fast = createEngine(g, { stations, rules }, model);
        const slow = createEngine(g, { stations, rules }, withoutFastPaths(model));
        expect(differences(fast, slow)).toEqual([]);
        // the fast path must not hide a station's reach from its readers
        expect(fast.stationReach(stations[3].id)).toEqual(slow.stationReach(stations[3].id));
        let next = 100;
        for (let step = 0; step < 60; step++) {
          const active = fast.activeStations();
          const roll = r();
          if (roll < 0.4 && active.length > 0) {
            const s = active[Math.floor(r() * active.length)];
            const moved = { ...s, lng: s.lng + (r() - 0.5) * 0.1, lat: s.lat + (r() - 0.5) * 0.1 };
            fast.upsertStation(moved);
            slow.upsertStation(moved);
          } else if (roll < 0.7 && active.length > 0) {
            const s = active[Math.floor(r() * active.length)];
            fast.removeStation(s.id);
            slow.removeStation(s.id);
          } else {
            const s = randomStation(`n${next++}`, r, active);
            fast.upsertStation(s);
            slow.upsertStation(s);
          }
          expect(differences(fast, slow)).toEqual([]);
        }
        // a second full evaluation after the edits: same again
        fast.setStations(stations);
        slow.setStations(stations);
        expect(differences(fast, slow)).toEqual([]);
      });
    }
  }

  it('a station a hair inside or outside a cell\'s cover limit is counted in range exactly as listing its reach counts it', () => {
    // stations 5 km (urban cells) or 10 km (rural) from a cell centre, a ten-billionth of the limit inside or outside:
    // the squared chords fall between the fast path's "surely inside" and "surely outside" bounds, so the km decide
    const rules = makeRules();
    const unit = (lng: number, lat: number) => [Math.cos(lat * DEG) * Math.cos(lng * DEG), Math.cos(lat * DEG) * Math.sin(lng * DEG), Math.sin(lat * DEG)];
    const kmBetween = (a: number[], b: number[]) => chordToKm((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2);
    const stations: Station[] = [];
    const kms: { km: number; cover: number }[] = [];
    for (const [k, cell] of [300, 301, 1200, 1201, 2500, 2502].entries()) {
      const cover = g.zone[cell] === 0 ? 5 : 10; // zone 0 is urban-z
      const lat1 = g.lat[cell] * DEG;
      const lng1 = g.lng[cell] * DEG;
      for (const [side, share] of [-1e-10, 1e-10].entries()) {
        // the point at that distance on a great circle from the centre, bearing by k
        const d = (cover * (1 + share)) / EARTH_RADIUS_KM;
        const bearing = 0.7 * k + 2 * side;
        const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
        const lng2 = lng1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        stations.push({ id: `edge-${k}-${side}`, name: 'edge', kind: 'station', status: 'existing', lng: lng2 / DEG, lat: lat2 / DEG });
        kms.push({ km: kmBetween(unit(g.lng[cell], g.lat[cell]), unit(lng2 / DEG, lat2 / DEG)), cover });
      }
    }
    // the premise: each within a billionth of the limit, some inside it and some outside
    for (const { km, cover } of kms) expect(Math.abs(km - cover)).toBeLessThan(cover * 1e-9);
    expect(kms.some(({ km, cover }) => km <= cover)).toBe(true);
    expect(kms.some(({ km, cover }) => km > cover)).toBe(true);
    for (const blockSteps of [2, 3]) {
      const model = new StraightLineReach(g, null, { blockSteps });
      const fast = createEngine(g, { stations, rules }, model);
      const slow = createEngine(g, { stations, rules }, withoutFastPaths(model));
      expect(differences(fast, slow)).toEqual([]);
    }
  });

  it("the engine's straight-line model offers the fast path", () => {
    const model = createReachModel(g);
    expect(model.nearestAll).toBeTypeOf('function');
    expect(model.nearestOf).toBeTypeOf('function');
  });

  it('a cell equally far from two stations goes to the lower id, whatever the order they came in', () => {
    const [lat, lng] = cellToLatLng(cells[500]);
    const a: Station = { id: 'b-second', name: 'b', kind: 'station', status: 'existing', lng, lat };
    const b: Station = { ...a, id: 'a-first', name: 'a' };
    const engine = createEngine(g, { stations: [a, b], rules: makeRules() }, new StraightLineReach(g, null, { blockSteps: 3 }));
    expect(engine.stationAtSlot(engine.nearestSlot[500])?.id).toBe('a-first');
    expect(engine.nearestCost[500]).toBe(0);
    expect(engine.inRangeCount[500]).toBe(2);
    engine.removeStation('a-first');
    expect(engine.stationAtSlot(engine.nearestSlot[500])?.id).toBe('b-second');
    expect(engine.inRangeCount[500]).toBe(1);
  });
});
