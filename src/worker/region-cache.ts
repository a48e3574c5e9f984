/**
 * The regions the worker has already opened from a URL (the demo packs),
 * kept by URL, so switching back to a region (泉州市 → 永春县 → 泉州市) skips
 * fetching, reading and indexing its 118,000 cells again.
 */
import type { PopulationGrid } from '../core/grid.ts';
import type { ReachModel } from '../core/reach.ts';
import type { RoadNetwork } from '../core/road-network.ts';
import type { Region } from '../io/region/types.ts';
import type { CellOutliner } from './gap-outline.ts';

/** A region ready for an engine: the region, its grid, reach model, road network (when it has roads) and gap outliner. */
export interface PreparedRegion {
  region: Region;
  grid: PopulationGrid;
  reach: ReachModel;
  /** The region's roads over its grid (graph built on first use), or null. */
  roads: RoadNetwork | null;
  outliner: CellOutliner;
}

/** Least recently used regions, up to `capacity` (all of Quanzhou is ~30 MB in the worker). */
export class RegionCache {
  private readonly regions = new Map<string, PreparedRegion>();
  /** Regions being prepared: a second ask while the first is under way (the page's prefetch, then its open) waits for it. */
  private readonly pending = new Map<string, Promise<PreparedRegion>>();

  constructor(private readonly capacity = 4) {
    if (!(capacity >= 1)) throw new Error(`Got a region cache capacity of ${capacity} when expected at least 1.`);
  }

  /** The region prepared for `key`, made with `prepare` the first time (or after it was evicted). */
  async get(key: string, prepare: () => Promise<PreparedRegion>): Promise<PreparedRegion> {
    let region = this.regions.get(key);
    if (region) {
      // most recently used goes last
      this.regions.delete(key);
    } else {
      let making = this.pending.get(key);
      if (!making) {
        making = prepare().finally(() => this.pending.delete(key));
        this.pending.set(key, making);
      }
      region = await making;
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
