/**
 * Region packs, mutated: 1,200 damaged copies of a valid pack (byte flips,
 * truncations, repeated ranges, each member flipped inside a valid zip,
 * manifest fields changed to wrong values and types; the pack has roads). Each is either read
 * (a harmless change) or refused with the file name in the message; nothing
 * else escapes, and no read takes long.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/errors.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { writeRegionPack } from '../../src/io/region/pack-write.ts';
import { mulberry32 } from '../helpers/random.ts';
import { tinyRegion } from '../helpers/tiny-region.ts';
import { crossWays } from '../helpers/tiny-roads.ts';

const FILE = 'fuzz.region.zip';
/** Far above what a pack this small takes (a few ms); a hang or a blow-up shows. */
const SLOW_MS = 5_000;

// with roads, so the roads member and the manifest's roads are mutated too
const roads = { ways: crossWays(), source: { what: 'roads', source: 'made in the test', licence: 'none', crs: 'WGS84' }, counts: { waysRead: 3, waysDrivable: 3, waysKept: 3, waysOutside: 0, vertices: 6 } };
const seed = writeRegionPack({ ...tinyRegion({ rings: 3 }), roads });
const members = unzipSync(seed);
const rand = mulberry32(20261206);
const int = (n: number) => Math.floor(rand() * n);

function flip(bytes: Uint8Array, count: number): Uint8Array {
  const out = bytes.slice();
  for (let k = 0; k < count; k++) out[int(out.length)] = int(256);
  return out;
}

const WRONG_VALUES: unknown[] = [null, -1, 0, 1e308, 'x', '', true, [], {}, [1, 2], 'NaN', -0.5, 2 ** 53, '9'.repeat(400)];

/** One mutated pack, by a mutation picked at random. */
function mutant(i: number): Uint8Array {
  switch (i % 6) {
    case 0:
      return flip(seed, 1 + int(8));
    case 1:
      return seed.slice(0, int(seed.length));
    case 2: {
      const from = int(seed.length);
      const len = 1 + int(200);
      const at = int(seed.length);
      const out = new Uint8Array(seed.length + len);
      out.set(seed.subarray(0, at));
      out.set(seed.subarray(from, from + len), at);
      out.set(seed.subarray(at), at + Math.min(len, seed.length - from));
      return out;
    }
    case 3: {
      // a valid zip whose one member is damaged
      const names = Object.keys(members);
      const name = names[int(names.length)];
      return zipSync({ ...members, [name]: flip(members[name], 1 + int(4)) });
    }
    case 4: {
      // a manifest with one field set to a wrong value or type
      const manifest = JSON.parse(new TextDecoder().decode(members['region.json']));
      const paths = [['version'], ['resolution'], ['counts', 'cells'], ['counts', 'population'], ['counts', 'zones'], ['parts'], ['notes', 'extra'], ['name'], ['format'], ['modelled', 'population'], ['roads', 'ways'], ['roads', 'source'], ['roads', 'counts', 'vertices']];
      const path = paths[int(paths.length)];
      let target = manifest;
      for (const key of path.slice(0, -1)) target = target[key];
      target[path[path.length - 1]] = WRONG_VALUES[int(WRONG_VALUES.length)];
      return zipSync({ ...members, 'region.json': strToU8(JSON.stringify(manifest)) });
    }
    default: {
      // a member left out, or the manifest not JSON
      const names = Object.keys(members);
      const drop = names[int(names.length)];
      const { [drop]: _gone, ...rest } = members;
      return rand() < 0.5 ? zipSync(rest) : zipSync({ ...members, 'region.json': strToU8('{"format": "ems-region-pack", "version": 1,') });
    }
  }
}

describe('fuzzing the region pack reader', () => {
  it('1,200 mutated packs: each read or refused naming the file, none slow, nothing else thrown', async () => {
    let read = 0;
    let refused = 0;
    let slowest = 0;
    const escaped: string[] = [];
    for (let i = 0; i < 1200; i++) {
      const bytes = mutant(i);
      const t0 = performance.now();
      try {
        const region = await readRegionPack(bytes, FILE);
        expect(region.cells.h3.length).toBeGreaterThan(0);
        read++;
      } catch (e) {
        if (!(e instanceof DataFileError) || !e.message.includes(FILE)) escaped.push(`#${i} (${i % 6}): ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`);
        else refused++;
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    expect(escaped).toEqual([]);
    expect(slowest).toBeLessThan(SLOW_MS);
    // most damage is caught; some flips land in bytes nothing reads (zip comments, padding)
    expect(refused).toBeGreaterThan(900);
    expect(read + refused).toBe(1200);
  });
});
