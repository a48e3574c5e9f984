/**
 * A dataset's cells cross from the worker as H3 halves (one Uint32Array,
 * transferred), never as a million strings: cloning those costs the worker
 * and the page about a second each way on a large region, and then the page's
 * garbage collector. The strings (`dataset.h3`) are made on first read, for
 * the few places that need them (exports, a click's card, tests); the map
 * reads the halves.
 */
import { h3OfHalves } from '../core/h3-bits.ts';
import type { LoadedDataset } from './api.ts';

/**
 * Gives `dataset` its `h3` list, made from `h3Halves` on first read (or by
 * `strings`, when the caller already holds them). Not enumerable: structured
 * clone and object spread leave it out, so it never crosses to the page.
 * @example withCellIds(await client.openRegion(...)).h3[0] // '8941a008a1bffff'
 */
export function withCellIds<T extends Omit<LoadedDataset, 'h3'>>(dataset: T, strings: () => readonly string[] = () => h3OfHalves(dataset.h3Halves)): T & Pick<LoadedDataset, 'h3'> {
  let h3: string[] | null = null;
  Object.defineProperty(dataset, 'h3', {
    enumerable: false,
    configurable: true,
    get: () => (h3 ??= strings() as string[]),
  });
  return dataset as T & Pick<LoadedDataset, 'h3'>;
}
