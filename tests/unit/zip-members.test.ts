/**
 * Reading zip members: the native inflater and fflate give fflate's own
 * answer, and a damaged archive is refused, never half-read.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipMembers } from '../../src/io/region/zip-members.ts';

const text = new TextEncoder().encode('cells '.repeat(5000));
const noise = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24);
const zip = zipSync({ 'a.txt': [text, { level: 6 }], 'b.bin': [noise, { level: 0 }], 'c/d.json': [new TextEncoder().encode('{"x":1}'), { level: 9 }] }, { comment: 'a comment after the directory' });

describe('zip members', () => {
  for (const native of [true, false]) {
    it(`${native ? 'DecompressionStream' : 'fflate'}: the wanted members, byte for byte as fflate unzips them`, async () => {
      const seen: [string, number][] = [];
      const got = await unzipMembers(zip, (e) => (seen.push([e.name, e.originalSize]), e.name !== 'c/d.json'), native);
      expect(seen).toEqual([['a.txt', text.length], ['b.bin', noise.length], ['c/d.json', 7]]);
      const expected = unzipSync(zip);
      expect(Object.keys(got)).toEqual(['a.txt', 'b.bin']);
      expect(got['a.txt']).toEqual(expected['a.txt']);
      expect(got['b.bin']).toEqual(expected['b.bin']);
    });

    it(`${native ? 'DecompressionStream' : 'fflate'}: a member that inflates to another size than declared is refused`, async () => {
      const bad = zip.slice();
      // the central directory's uncompressed size of a.txt (first entry), one byte smaller
      const view = new DataView(bad.buffer);
      let end = bad.length - 22;
      while (view.getUint32(end, true) !== 0x06054b50) end--;
      const p = view.getUint32(end + 16, true);
      view.setUint32(p + 24, text.length - 1, true);
      await expect(unzipMembers(bad, () => true, native)).rejects.toThrow(/a\.txt|declares/);
    });
  }

  it('refuses a truncated archive and one without a directory, and lets `want` refuse before inflating', async () => {
    await expect(unzipMembers(zip.subarray(0, zip.length - 40), () => true)).rejects.toThrow('no end of central directory');
    await expect(unzipMembers(zip.subarray(100), () => true)).rejects.toThrow(/damaged|past the end/);
    await expect(unzipMembers(new Uint8Array(3), () => true)).rejects.toThrow('no end of central directory');
    await expect(unzipMembers(zip, () => { throw new Error('too large'); })).rejects.toThrow('too large');
  });
});
