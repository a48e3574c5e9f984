/**
 * A station's rings are drawn for the area types of the cells it reaches
 * within each type's outer limit (core/rings.ts). The straight-line model
 * tells this without listing the reach (typesWithin); it must answer as the
 * listed reach does, station by station, on a grid of urban, rural and mixed
 * patches, under several rules.
 */
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/evaluate.ts';
import { ringAreaTypes } from '../../src/core/rings.ts';
import { makeRules, type Rules } from '../../src/core/rules.ts';
import { StraightLineReach } from '../../src/core/straight-line-reach.ts';
import type { Station } from '../../src/core/types.ts';
import { withoutFastPaths } from '../helpers/plain-model.ts';
import { mulberry32 } from '../helpers/random.ts';
import { grid, zone } from '../helpers/tiny.ts';

// three patches: all urban (~40 km east of the others), all rural, and mixed (every third cell urban) ~16 km north of the rural one
const centres = [latLngToCell(25.32, 118.55, 9), latLngToCell(25.32, 118.1, 9), latLngToCell(25.45, 118.18, 9)];
const patchOf = new Map<string, number>();
centres.forEach((c, p) => gridDisk(c, 25).forEach((h) => patchOf.set(h, p)));
const cells = [...patchOf.keys()].sort();
const g = grid(
  cells.map((h3, i) => {
    const p = patchOf.get(h3)!;
    const urban = p === 0 || (p === 2 && i % 3 === 0);
    return { h3, population: 10, zone: urban ? 'u' : 'r' };
  }),
  [zone('u', 'urban'), zone('r', 'rural')],
);

const ruleCases: [string, Rules][] = [
  ['default rules', makeRules()],
  ['lenient rural reading', makeRules({ ruralReading: 'lenient' })],
  ['small radii (urban 1.2 km, rural 2 / 3 km)', makeRules({ urbanRadiusKm: 1.2, ruralStrictRadiusKm: 2, ruralLenientRadiusKm: 3 })],
];

describe('ring area types without listing the reach', () => {
  for (const [label, rules] of ruleCases) {
    it(`${label}: the same types as the listed reach for 200 stations in and around the patches`, () => {
      const r = mulberry32(7);
      const stations: Station[] = Array.from({ length: 200 }, (_, k) => {
        // half on a cell centre, half anywhere over and beyond the patches (some reach nothing)
        const [lat, lng] = k % 2 === 0 ? cellToLatLng(cells[Math.floor(r() * cells.length)]) : [25.1 + r() * 0.6, 117.8 + r() * 1.0];
        return { id: `s${k}`, name: `s${k}`, kind: 'station', status: 'existing', lng, lat };
      });
      const model = new StraightLineReach(g, null, { blockSteps: 3 });
      expect(model.typesWithin).toBeTypeOf('function');
      const fast = createEngine(g, { stations, rules }, model);
      const listed = createEngine(g, { stations, rules }, withoutFastPaths(model));
      const seen = new Set<string>();
      for (const s of stations) {
        const types = ringAreaTypes(fast, s);
        expect(types, s.id).toEqual(ringAreaTypes(listed, s));
        seen.add(types.join('+'));
      }
      // the cases the rings tell apart all occur: urban only, both, rural only (and rural for a station reaching nothing)
      expect([...seen].sort()).toEqual(['rural', 'urban', 'urban+rural']);
    });
  }

  it('by hand: on the all-rural patch (the mixed one ~16 km away) the rural rings only; on the urban patch (the others ~40 km away) the urban ones only; on the mixed patch both', () => {
    const at = (c: string) => {
      const [lat, lng] = cellToLatLng(c);
      return { id: c, lng, lat };
    };
    const engine = createEngine(g, { stations: [], rules: makeRules() }, new StraightLineReach(g, null, { blockSteps: 3 }));
    expect(ringAreaTypes(engine, at(centres[1]))).toEqual(['rural']);
    expect(ringAreaTypes(engine, at(centres[0]))).toEqual(['urban']);
    expect(ringAreaTypes(engine, at(centres[2]))).toEqual(['urban', 'rural']);
  });
});
