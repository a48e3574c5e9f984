/** Asserts that a damaged region pack is refused with a message naming the file ('my.region.zip') and the reason. */
import { expect } from 'vitest';
import { readRegionPack } from '../../src/io/region/pack-read.ts';

export async function expectPackRefused(bytes: Uint8Array, reason: RegExp): Promise<void> {
  const error = await readRegionPack(bytes, 'my.region.zip').then(
    () => null,
    (e: Error) => e,
  );
  expect(error, 'refused').not.toBeNull();
  expect(error!.message).toMatch(/my\.region\.zip/);
  expect(error!.message).toMatch(reason);
}
