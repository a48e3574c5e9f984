/**
 * The coverage worker is named for the pack it reads ahead (its `self.name`),
 * so it starts on that pack without waiting for a message; every other name
 * asks for nothing.
 */
import { describe, expect, it } from 'vitest';
import { startFirstRegion } from '../../src/app/first-region.ts';
import { DEFAULT_REGION_ID, demoRegion } from '../../src/app/regions.ts';
import { prefetchHint, workerName } from '../../src/worker/prefetch-hint.ts';

describe('the worker name that asks for a pack to read ahead', () => {
  it('gives back the pack it was made with, URL and file name exactly (quotes, spaces, CJK)', () => {
    const pack = { url: 'http://127.0.0.1:5173/assets/350525.region-BuoNuSq5.zip?x="1" y', name: '永春县 "demo".region.zip' };
    expect(prefetchHint(workerName(pack))).toEqual(pack);
  });

  it('asks for nothing without a pack, or when the name is not one it wrote', () => {
    expect(prefetchHint(workerName(null))).toBeNull();
    for (const name of ['', 'coverage', 'coverage {', 'coverage null', 'coverage []', 'coverage {"prefetch": 1, "file": "a"}', 'coverage {"prefetch": "a"}', 'other {"prefetch": "a", "file": "b"}']) {
      expect(prefetchHint(name), name).toBeNull();
    }
  });

  it("names the default demo region's pack for a plain address, and nothing when the address names a pack or a share link", () => {
    const demo = demoRegion(DEFAULT_REGION_ID)!;
    expect(prefetchHint(startFirstRegion({ search: '', hash: '' }))).toEqual({ url: demo.url, name: `${demo.name}.region.zip` });
    expect(prefetchHint(startFirstRegion({ search: '?pack=https://example.org/x.region.zip', hash: '' }))).toBeNull();
    expect(prefetchHint(startFirstRegion({ search: '', hash: '#s=abc' }))).toBeNull();
  });
});
