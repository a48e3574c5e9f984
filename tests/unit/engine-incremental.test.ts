import { describe, expect, it } from 'vitest';
import { gridDisk, latLngToCell } from 'h3-js';
import { createEngine } from '../../src/core/evaluate.ts';
import { AGG_COVERED, AGG_GAP, AGG_MARGINAL, AGG_WITHIN_CIRCLE, type CoverageEngine } from '../../src/core/coverage.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { grid, zone } from '../helpers/tiny.ts';

/** Small deterministic pseudo-random numbers (mulberry32) so failures replay. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A disk of res-7 cells (~5 km across each) around Yongchun, half urban, half rural zones.
const centreCell = latLngToCell(25.35, 118.2, 7);
const cells = gridDisk(centreCell, 12).sort();
const rand = random(42);
const zones = [zone('urban-z', 'urban'), zone('rural-z', 'rural')];
const g = grid(
  cells.map((h3, i) => ({ h3, population: 1 + Math.floor(rand() * 1000), zone: i % 2 ? 'urban-z' : 'rural-z' })),
  zones,
);

function randomStation(id: string, r: () => number): Station {
  return { id, name: id, kind: 'station', status: 'existing', lng: 117.9 + r() * 0.6, lat: 25.1 + r() * 0.5 };
}

function snapshot(e: CoverageEngine) {
  const agg = [AGG_COVERED, AGG_MARGINAL, AGG_GAP, AGG_WITHIN_CIRCLE].map((c) => e.total(c));
  return {
    status: [...e.status],
    within: [...e.withinCircle],
    inRange: [...e.inRangeCount],
    nearestCost: [...e.nearestCost],
    nearestId: [...e.nearestSlot].map((s) => e.stationAtSlot(s)?.id ?? null),
    agg,
  };
}

describe('incremental updates equal a fresh evaluation', () => {
  it('after 300 random adds, moves, removals and toggles', () => {
    const r = random(7);
    const rules = makeRules();
    let stations: Station[] = Array.from({ length: 8 }, (_, i) => randomStation(`s${i}`, r));
    const engine = createEngine(g, { stations, rules });
    let next = 8;
    for (let step = 0; step < 300; step++) {
      const action = r();
      if (action < 0.25 || stations.length === 0) {
        const s = randomStation(`s${next++}`, r);
        stations = [...stations, s];
        engine.upsertStation(s);
      } else if (action < 0.6) {
        const k = Math.floor(r() * stations.length);
        const moved = { ...stations[k], lng: stations[k].lng + (r() - 0.5) * 0.05, lat: stations[k].lat + (r() - 0.5) * 0.05 };
        stations = stations.map((s, i) => (i === k ? moved : s));
        engine.upsertStation(moved);
      } else if (action < 0.8) {
        const k = Math.floor(r() * stations.length);
        const gone = stations[k];
        stations = stations.filter((_, i) => i !== k);
        if (gone.status !== 'disabled') engine.removeStation(gone.id);
      } else {
        const k = Math.floor(r() * stations.length);
        const toggled: Station = { ...stations[k], status: stations[k].status === 'disabled' ? 'proposed' : 'disabled' };
        stations = stations.map((s, i) => (i === k ? toggled : s));
        engine.upsertStation(toggled);
      }
      if (step % 50 === 49) {
        const fresh = createEngine(g, { stations, rules });
        expect(snapshot(engine)).toEqual(snapshot(fresh));
      }
    }
    expect(snapshot(engine)).toEqual(snapshot(createEngine(g, { stations, rules })));
  });

  it('a station moved away and back restores the exact figures', () => {
    const r = random(3);
    const stations = Array.from({ length: 5 }, (_, i) => randomStation(`m${i}`, r));
    const engine = createEngine(g, { stations, rules: makeRules() });
    const before = snapshot(engine);
    engine.upsertStation({ ...stations[2], lng: stations[2].lng + 0.2 });
    expect(snapshot(engine)).not.toEqual(before);
    engine.upsertStation(stations[2]);
    expect(snapshot(engine)).toEqual(before);
  });

  it('changing the rules re-evaluates every station', () => {
    const r = random(11);
    const stations = Array.from({ length: 4 }, (_, i) => randomStation(`r${i}`, r));
    const engine = createEngine(g, { stations, rules: makeRules() });
    engine.setRules(makeRules({ ruralReading: 'lenient', circleMinutes: 14 }));
    expect(snapshot(engine)).toEqual(snapshot(createEngine(g, { stations, rules: makeRules({ ruralReading: 'lenient', circleMinutes: 14 }) })));
  });

  it('exact ties go to the lower station id, whatever the order stations come in', () => {
    // two stations on the same point are equally far from every cell
    const a: Station = { id: 'a', name: 'a', kind: 'station', status: 'existing', lng: 118.2, lat: 25.35 };
    const b: Station = { ...a, id: 'b', name: 'b' };
    const nearestIds = (e: CoverageEngine) => new Set([...e.nearestSlot].filter((s) => s >= 0).map((s) => e.stationAtSlot(s)!.id));
    expect(nearestIds(createEngine(g, { stations: [b, a], rules: makeRules() }))).toEqual(new Set(['a']));
    const engine = createEngine(g, { stations: [b], rules: makeRules() });
    engine.upsertStation(a); // added after b, one at a time
    expect(nearestIds(engine)).toEqual(new Set(['a']));
    engine.removeStation('a');
    expect(nearestIds(engine)).toEqual(new Set(['b']));
    engine.upsertStation(a);
    expect(snapshot(engine)).toEqual(snapshot(createEngine(g, { stations: [a, b], rules: makeRules() })));
    // a removal re-finds the nearest among the rest: c comes first, but b ties it and has the lower id
    const three = createEngine(g, { stations: [{ ...a, id: 'c', name: 'c' }, b, a], rules: makeRules() });
    three.removeStation('a');
    expect(nearestIds(three)).toEqual(new Set(['b']));
  });

  it('ties still go to the lower id after freed slots are taken by stations of other ids', () => {
    // all but x on one point: the tie-break alone decides; x is far from every cell
    const at = (id: string, lng = 118.2): Station => ({ id, name: id, kind: 'station', status: 'existing', lng, lat: 25.35 });
    const nearestIds = (e: CoverageEngine) => new Set([...e.nearestSlot].filter((s) => s >= 0).map((s) => e.stationAtSlot(s)!.id));
    const engine = createEngine(g, { stations: [at('a0'), at('m'), at('x', 100)], rules: makeRules() });
    engine.removeStation('x');
    engine.removeStation('a0');
    // z takes a0's slot, a takes x's: slot 0 once held the lowest id, now the highest
    engine.upsertStation(at('z'));
    engine.upsertStation(at('a'));
    expect(nearestIds(engine)).toEqual(new Set(['a']));
    // the removal re-finds each cell's nearest among z and m: m, the lower id
    engine.removeStation('a');
    expect(nearestIds(engine)).toEqual(new Set(['m']));
    expect(snapshot(engine)).toEqual(snapshot(createEngine(g, { stations: [at('z'), at('m')], rules: makeRules() })));
  });

  it('refuses a second station with the same id and a removal of an unknown id', () => {
    const engine = createEngine(g, { stations: [], rules: makeRules() });
    expect(() => engine.removeStation('nope')).toThrow(/No active station with id "nope"/);
    expect(() => createEngine(g, { stations: [randomStation('x', random(1)), randomStation('x', random(2))], rules: makeRules() })).toThrow(
      /Station id "x" is used twice/,
    );
  });
});
