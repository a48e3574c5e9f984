/**
 * A pack stores its cells' centres and the reader spot-checks them against
 * h3-js. Node and Chromium give the same h3-js centres only to the last bit
 * or so, so a pack written by one opens in the other; a centre that is off
 * by more than ~0.1 mm means the layer is not its cells and is refused.
 */
import { describe, expect, it, vi } from 'vitest';

// h3-js as the reading engine computes it: shifted by `shiftDeg` from the writer's
const shift = vi.hoisted(() => ({ deg: 0 }));
vi.mock('h3-js', async (original) => {
  const actual = await original<typeof import('h3-js')>();
  return { ...actual, cellToLatLng: (cell: Parameters<typeof actual.cellToLatLng>[0]) => actual.cellToLatLng(cell).map((v) => v + shift.deg) as [number, number] };
});

const { readRegionPack } = await import('../../src/io/region/pack-read.ts');
const { writeRegionPack } = await import('../../src/io/region/pack-write.ts');
const { tinyRegion } = await import('../helpers/tiny-region.ts');

describe('stored cell centres', () => {
  const bytes = writeRegionPack(tinyRegion());

  it('open when the reader\'s h3-js differs in the last bits (another JavaScript engine)', async () => {
    shift.deg = 3e-14;
    const region = await readRegionPack(bytes, 'other-engine.region.zip');
    expect(region.cells.h3.length).toBe(tinyRegion().cells.h3.length);
  });

  it('are refused, naming the file and the row, when they are not their cells\' centres', async () => {
    shift.deg = 1e-6;
    await expect(readRegionPack(bytes, 'moved.region.zip')).rejects.toThrow(/moved\.region\.zip.*cells\.parquet row 1: the stored centre is not the centre of its H3 cell/);
  });
});
