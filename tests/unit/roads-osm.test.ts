/**
 * Reading OpenStreetMap roads: a hand-made network (tests/helpers/roads.ts)
 * as XML and as PBF, minutes worked out by hand; damaged files; and the real
 * Andorra extract (ODbL, © OpenStreetMap contributors).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/core/geo.ts';
import { BoundedDijkstra } from '../../src/core/roads/dijkstra.ts';
import { buildRoadGraph } from '../../src/core/roads/graph.ts';
import { DEFAULT_SPEED_MODEL, makeSpeedModel } from '../../src/core/roads/speeds.ts';
import { DataFileError } from '../../src/io/errors.ts';
import { readRoads, roadBox } from '../../src/io/roads/index.ts';
import { readOsmPbf } from '../../src/io/roads/osm-pbf.ts';
import { parseMaxspeed } from '../../src/io/roads/osm-tags.ts';
import { BOX, handOsmPbf, handOsmXml, LAT0 } from '../helpers/roads.ts';

const xml = new TextEncoder().encode(handOsmXml());
const pbf = handOsmPbf();

/** Minutes from the node at `fromKm` north of A to every node, by km north (rounded). */
function minutesByKm(ways: Awaited<ReturnType<typeof readRoads>>['ways'], model = DEFAULT_SPEED_MODEL, fromKm = 0): Map<number, number> {
  const g = buildRoadGraph(ways, model);
  const kmOf = (v: number) => Math.round((g.lat[v] - LAT0) * 111.19508);
  let source = -1;
  for (let v = 0; v < g.nodeCount; v++) if (kmOf(v) === fromKm) source = v;
  const d = new BoundedDijkstra(g);
  d.run(source, Infinity);
  const out = new Map<number, number>();
  for (let v = 0; v < g.nodeCount; v++) if (d.minutes[v] < Infinity) out.set(kmOf(v), d.minutes[v]);
  return out;
}

describe('the hand-made OSM network, from XML and from PBF', () => {
  for (const [name, bytes, file] of [['XML', xml, 'hand.osm'], ['PBF', pbf, 'hand.osm.pbf']] as const) {
    it(`${name}: keeps the drivable ways inside the box, cut where they leave it`, async () => {
      const r = await readRoads(bytes, { file, box: BOX });
      expect(r.format).toBe(name === 'XML' ? 'osm-xml' : 'osm-pbf');
      // 7 ways read; footway and building not drivable; E–F leaves the box at once (F outside): no piece left
      expect(r.counts).toEqual({ waysRead: 7, waysDrivable: 5, waysKept: 4, waysOutside: 1, vertices: 6 });
      expect(r.ways.classes).toEqual(['primary', 'residential', 'secondary', 'motorway']);
      expect([...r.ways.wayOneway]).toEqual([0, 1, 0, 1]); // residential oneway=yes; motorway implied
      expect([...r.ways.wayPostedKmh].map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, null, 50, 130]);
    });

    it(`${name}: minutes by hand — primary 65 km/h, residential 25, maxspeed 50 × 0.8 = 40, motorway capped at 90`, async () => {
      const { ways } = await readRoads(bytes, { file, box: BOX });
      // A→B 2 km @ 65 = 1.846…; B→C 1 km @ 25 = 2.4; C→D 1 km @ 40 = 1.5; D→E 1 km @ min(130 × 0.8, 90) = 0.667
      const m = minutesByKm(ways);
      expect(m.get(0)).toBe(0);
      expect(m.get(2)).toBeCloseTo((2 / 65) * 60, 4);
      expect(m.get(3)).toBeCloseTo((2 / 65) * 60 + 2.4, 4);
      expect(m.get(4)).toBeCloseTo((2 / 65) * 60 + 3.9, 4);
      expect(m.get(5)).toBeCloseTo((2 / 65) * 60 + 3.9 + 60 / 90, 4);
    });

    it(`${name}: one-way roads are driven one way; emergency vehicles may be allowed both`, async () => {
      const { ways } = await readRoads(bytes, { file, box: BOX });
      // from C: C→B is against the one-way residential; E is reached by the motorway, not left by it
      const fromC = minutesByKm(ways, DEFAULT_SPEED_MODEL, 3);
      expect([...fromC.keys()].sort()).toEqual([3, 4, 5]);
      expect(minutesByKm(ways, DEFAULT_SPEED_MODEL, 5).size).toBe(1);
      const both = minutesByKm(ways, makeSpeedModel({ bothDirections: true }), 3);
      expect(both.get(2)).toBeCloseTo(2.4, 4);
      expect(both.get(0)).toBeCloseTo(2.4 + (2 / 65) * 60, 4);
    });
  }

  it('reads the same ways from XML and PBF, and without a box keeps E–F', async () => {
    const a = await readRoads(xml, { file: 'hand.osm' });
    const b = await readRoads(pbf, { file: 'hand.osm.pbf' });
    expect(a.counts).toEqual({ waysRead: 7, waysDrivable: 5, waysKept: 5, waysOutside: 0, vertices: 7 });
    expect(b.counts).toEqual(a.counts);
    expect([...b.ways.lat].map((x) => x.toFixed(6))).toEqual([...a.ways.lat].map((x) => x.toFixed(6)));
  });

  it('reads maxspeed as OSM writes it', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('50 km/h')).toBe(50);
    expect(parseMaxspeed('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('60;80')).toBe(60);
    for (const v of ['none', 'walk', 'signals', 'DE:urban', '', undefined]) expect(parseMaxspeed(v)).toBeNaN();
  });

  it('a peak factor of 0.7 makes every drive 1 / 0.7 times as long', async () => {
    const { ways } = await readRoads(pbf, { file: 'hand.osm.pbf', box: BOX });
    const off = minutesByKm(ways);
    const peak = minutesByKm(ways, makeSpeedModel({ scenarioFactor: 0.7 }));
    expect(peak.get(5)! * 0.7).toBeCloseTo(off.get(5)!, 9);
  });
});

describe('damaged and foreign files get a message naming the file and the reason', () => {
  const expectError = async (bytes: Uint8Array, file: string, pattern: RegExp) => {
    const e = await readOsmPbf(bytes, { file }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as Error).message).toContain(file);
    expect((e as Error).message).toMatch(pattern);
  };

  it('cut short', () => expectError(pbf.subarray(0, pbf.length - 10), 'cut.osm.pbf', /ends inside a blob.*download the file again/));
  it('a blob whose zlib stream is damaged', () => {
    const bad = pbf.slice();
    // the last blob's compressed bytes: overwrite its middle
    for (let i = bad.length - 30; i < bad.length - 10; i++) bad[i] ^= 0xa5;
    return expectError(bad, 'flipped.osm.pbf', /(does not inflate|unreadable)/);
  });
  it('not a PBF at all', () => expectError(new TextEncoder().encode('hello, this is text and not protobuf'), 'notes.osm.pbf', /does not start like an OpenStreetMap PBF file/));
  it('empty', () => expectError(new Uint8Array(0), 'empty.osm.pbf', /is empty/));
  it('XML cut short, and XML that is not OSM', async () => {
    await expect(readRoads(xml.subarray(0, xml.length - 20), { file: 'cut.osm' })).rejects.toThrow(/cut\.osm.*ends before <\/osm>/);
    await expect(readRoads(new TextEncoder().encode('<gpx><trk/></gpx>'), { file: 'track.xml' })).rejects.toThrow(/track\.xml.*not OpenStreetMap XML/);
  });
  it('a cancelled read stops with an AbortError', async () => {
    const c = new AbortController();
    c.abort();
    await expect(readOsmPbf(pbf, { file: 'hand.osm.pbf', signal: c.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

const ANDORRA = '../shared/data/raw/osm/andorra-latest.osm.pbf';
const andorraPath = [ANDORRA, '/work/shared/data/raw/osm/andorra-latest.osm.pbf'].find((p) => existsSync(p));

describe.skipIf(!andorraPath)('the Andorra extract (© OpenStreetMap contributors, ODbL)', () => {
  const bytes = andorraPath ? readFileSync(andorraPath) : new Uint8Array(0);

  it('reads its drivable roads, all inside Andorra, the largest component ≥ 99 % of nodes', async () => {
    const progress: number[] = [];
    const r = await readRoads(bytes, { file: 'andorra-latest.osm.pbf', onProgress: (f) => progress.push(f) });
    expect(r.format).toBe('osm-pbf');
    expect(r.counts.waysRead).toBe(18909);
    expect(r.counts.waysDrivable).toBeGreaterThan(3000);
    expect(progress.at(-1)).toBe(1);
    const g = buildRoadGraph(r.ways, DEFAULT_SPEED_MODEL);
    const bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (let v = 0; v < g.nodeCount; v++) {
      bbox[0] = Math.min(bbox[0], g.lng[v]);
      bbox[1] = Math.min(bbox[1], g.lat[v]);
      bbox[2] = Math.max(bbox[2], g.lng[v]);
      bbox[3] = Math.max(bbox[3], g.lat[v]);
    }
    // Andorra: 1.41–1.79 E, 42.43–42.66 N
    expect(bbox[0]).toBeGreaterThan(1.4);
    expect(bbox[1]).toBeGreaterThan(42.42);
    expect(bbox[2]).toBeLessThan(1.79);
    expect(bbox[3]).toBeLessThan(42.66);
    let km = 0;
    for (let a = 0; a < g.arcKm.length; a++) km += g.arcKm[a];
    expect(km / 2).toBeGreaterThan(500); // ~540 km of drivable road (data README)
    expect(km / 2).toBeLessThan(600);
    expect(g.componentSize[0] / g.nodeCount).toBeGreaterThanOrEqual(0.99);
  });

  it('Dijkstra on Andorra equals a naive Dijkstra (array-scan queue) from 20 random sources (6-minute budget), and no node is reached faster than the straight line at 90 km/h', async () => {
    const { ways } = await readRoads(bytes, { file: 'andorra-latest.osm.pbf' });
    const g = buildRoadGraph(ways, DEFAULT_SPEED_MODEL);
    const ours = new BoundedDijkstra(g);
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 20; trial++) {
      const source = Math.floor(next() * g.nodeCount);
      const budget = 6;
      // the naive reckoning: a Map of tentative minutes, the smallest found by scanning
      const tentative = new Map<number, number>([[source, 0]]);
      const final = new Map<number, number>();
      while (tentative.size > 0) {
        let v = -1;
        let best = Infinity;
        for (const [node, m] of tentative) if (m < best) [v, best] = [node, m];
        tentative.delete(v);
        final.set(v, best);
        for (let a = g.arcStart[v]; a < g.arcStart[v + 1]; a++) {
          const u = g.arcTo[a];
          const t = best + g.arcMinutes[a];
          if (t <= budget && !final.has(u) && t < (tentative.get(u) ?? Infinity)) tentative.set(u, t);
        }
      }
      const settled = ours.run(source, budget);
      expect(settled).toBe(final.size);
      let worst = 0;
      let faster = 0;
      for (const [v, m] of final) {
        worst = Math.max(worst, Math.abs(ours.minutes[v] - m));
        const straightKm = haversineKm(g.lng[source], g.lat[source], g.lng[v], g.lat[v]);
        if (m < (straightKm / 90) * 60 - 1e-9) faster++;
      }
      expect(worst).toBeLessThan(1e-9);
      expect(faster).toBe(0);
    }
  });

  it('clips to a box: Andorra la Vella and its margin only', async () => {
    const box = roadBox([1.51, 42.5, 1.53, 42.51], 1);
    const r = await readRoads(bytes, { file: 'andorra-latest.osm.pbf', box });
    expect(r.counts.waysKept).toBeGreaterThan(0);
    expect(r.counts.waysOutside).toBeGreaterThan(0);
    let outside = 0;
    for (let i = 0; i < r.ways.lng.length; i++) if (!(r.ways.lng[i] >= box[0] && r.ways.lng[i] <= box[2] && r.ways.lat[i] >= box[1] && r.ways.lat[i] <= box[3])) outside++;
    expect(outside).toBe(0);
  });

  it('every error about a damaged copy names the file', async () => {
    for (const cut of [100, 50_000, Math.floor(bytes.length / 2), bytes.length - 3]) {
      await expect(readRoads(bytes.subarray(0, cut), { file: 'andorra-latest.osm.pbf' })).rejects.toThrow(/^andorra-latest\.osm\.pbf: /);
    }
    const flipped = Uint8Array.from(bytes);
    for (let i = 200_000; i < 200_400; i++) flipped[i] ^= 0xff;
    await expect(readRoads(flipped, { file: 'andorra-latest.osm.pbf' })).rejects.toThrow(/^andorra-latest\.osm\.pbf: /);
  });
});
