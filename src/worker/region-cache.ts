/**
 * The demo regions the worker has already fetched and assembled, kept by the
 * files they came from, so switching back to a region (泉州市 → 永春县 →
 * 泉州市) skips fetching, parsing and indexing its 118,000 cells again.
 */
import type { ReachModel } from '../core/reach.ts';
import type { DemoDataset } from '../io/demo-dataset.ts';
import type { DemoDataUrls } from './api.ts';
import { CellOutliner } from './gap-outline.ts';

/** A region ready for an engine: its dataset (stations already narrowed to it), reach model and gap outliner. */
export interface PreparedRegion {
  dataset: DemoDataset;
  reach: ReachModel;
  outliner: CellOutliner;
}

/**
 * The key of a region's files: the same files give the same dataset.
 * @example regionKey({ townships: 't', facilities: 'f', population: { '350525': 'p' } }) // 't|f|350525=p'
 */
export function regionKey(urls: DemoDataUrls): string {
  const counties = Object.keys(urls.population).sort();
  return [urls.townships, urls.facilities, ...counties.map((c) => `${c}=${urls.population[c]}`)].join('|');
}

/** Least recently used regions, up to `capacity` (all of Quanzhou is ~30 MB in the worker). */
export class RegionCache {
  private readonly regions = new Map<string, PreparedRegion>();

  constructor(private readonly capacity = 4) {
    if (!(capacity >= 1)) throw new Error(`Got a region cache capacity of ${capacity} when expected at least 1.`);
  }

  /** The region prepared for `key`, made with `prepare` the first time (or after it was evicted). */
  async get(key: string, prepare: () => Promise<Omit<PreparedRegion, 'outliner'>>): Promise<PreparedRegion> {
    let region = this.regions.get(key);
    if (region) {
      // most recently used goes last
      this.regions.delete(key);
    } else {
      const made = await prepare();
      region = { ...made, outliner: new CellOutliner(made.dataset.grid.h3) };
    }
    this.regions.set(key, region);
    while (this.regions.size > this.capacity) this.regions.delete(this.regions.keys().next().value!);
    return region;
  }

  /** Whether `key` is held (for tests). */
  has(key: string): boolean {
    return this.regions.has(key);
  }
}
