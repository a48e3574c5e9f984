/**
 * The map's cell and parent polygons of the datasets already shown, kept by
 * their content, so switching back to a region (泉州市 → 永春县 → 泉州市) does
 * not rebuild 118,000 hexagons. A dataset is a new object after every load
 * (it crosses from the worker), so the key is what it holds, not its identity.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { getHexagonAreaAvg, splitLongToH3Index } from 'h3-js';
import { resolutionOfHigh } from '../core/h3-bits.ts';
import { aggregateParents, buildCellLayer, buildParentFeatures, type CellLayer, type ParentProperties } from './cells.ts';
import { MAX_DRAWN_CELLS, PARENT_RESOLUTION } from './layers.ts';
import { EMPTY } from './style.ts';

export interface CellLayers {
  cells: CellLayer;
  parents: FeatureCollection<Polygon, ParentProperties>;
  /**
   * The cells (H3 halves) the layers were built from: equal in content to
   * the ones asked with, and the same array on every hit, so per-list
   * indexes (parentIndex) are found again too.
   */
  h3Halves: Uint32Array;
}

/**
 * A key for the cells' content: count, then a 32-bit FNV-1a hash of every H3
 * index (its two halves) and population (two loads of the same files give the
 * same key; an imported grid, even of the same counties, another).
 * @param h3 H3 index per cell as halves [low, high] per cell
 * @example cellContentKey(h3HalvesOf(['8941a008a1bffff']), [5]) === cellContentKey(h3HalvesOf(['8941a008a1bffff']), [5]) // true
 */
export function cellContentKey(h3: Uint32Array, population: ArrayLike<number>): string {
  const n = h3.length >>> 1;
  let hash = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    hash = Math.imul(hash ^ h3[2 * i + 1], 0x01000193);
    hash = Math.imul(hash ^ h3[2 * i], 0x01000193);
    // population is a whole or fractional count: both halves of its value enter the hash
    const p = population[i];
    hash = Math.imul(hash ^ (p | 0), 0x01000193);
    hash = Math.imul(hash ^ Math.round((p % 1) * 1e6), 0x01000193);
  }
  const cell = (i: number) => (n > 0 ? splitLongToH3Index(h3[2 * i], h3[2 * i + 1]) : '');
  return `${n}:${cell(0)}:${cell(n - 1)}:${(hash >>> 0).toString(16)}`;
}

/** Box of polygon features, or null for none. */
function boundsOfFeatures(fc: FeatureCollection<Polygon>): [number, number, number, number] | null {
  if (fc.features.length === 0) return null;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features) {
    for (const [x, y] of f.geometry.coordinates[0]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/** Built layers of the most recent datasets, least recently used dropped first. */
export class CellLayerCache {
  private readonly layers = new Map<string, CellLayers>();
  /** Builds done and answers from the cache, for tests and benchmarks. */
  builds = 0;
  hits = 0;

  constructor(private readonly capacity = 3) {
    if (!(capacity >= 1)) throw new Error(`Got a cell layer cache capacity of ${capacity} when expected at least 1.`);
  }

  /**
   * The cell hexagons and parent hexagons of a grid, built on first use.
   * @param h3 H3 index per cell in the engine's order, as halves [low, high] per cell
   * @param population residents per cell, same order
   */
  get(h3: Uint32Array, population: ArrayLike<number>): CellLayers {
    const key = cellContentKey(h3, population);
    let entry = this.layers.get(key);
    if (entry) {
      this.hits++;
      this.layers.delete(key);
    } else {
      this.builds++;
      // a grid already as coarse as the parents (a user's own table) is drawn as it is
      const n = h3.length >>> 1;
      const resolution = n > 0 ? Math.min(PARENT_RESOLUTION, resolutionOfHigh(h3[1])) : PARENT_RESOLUTION;
      if (n > MAX_DRAWN_CELLS) {
        // a large region: parents only, their density over the average cell area (no cell polygons are made)
        const area = new Float64Array(n).fill(getHexagonAreaAvg(resolutionOfHigh(h3[1]), 'km2'));
        const parents = buildParentFeatures(aggregateParents(h3, population, area, resolution));
        entry = { cells: { cells: EMPTY as CellLayer['cells'], areaKm2: area, bounds: boundsOfFeatures(parents) }, parents, h3Halves: h3 };
      } else {
        const cells = buildCellLayer(h3, population);
        const parents = buildParentFeatures(aggregateParents(h3, population, cells.areaKm2, resolution));
        entry = { cells, parents, h3Halves: h3 };
      }
    }
    this.layers.set(key, entry);
    while (this.layers.size > this.capacity) this.layers.delete(this.layers.keys().next().value!);
    return entry;
  }
}
