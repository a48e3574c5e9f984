/**
 * Station reaches kept between evaluations, one cache per reach model
 * (shared by every engine over it: the scenario's and its before/after
 * baseline). On roads a reach is a Dijkstra search; a full evaluation after
 * a rules change that leaves the limits as they were (resource ratios,
 * area types, EMS settings), a scenario reloaded, or the baseline holding
 * the same stations, reads the searches already made instead of running
 * them again. A reach depends only on the origin (position, turnout), the
 * limits and the model's weights, so the key holds exactly those: new
 * limits or re-weighted roads (`revision`) empty the cache.
 */
import type { Reach, ReachLimits, ReachModel, ReachOrigin } from './reach.ts';

/** Kept entries (cells) at most, all reaches together: ~12 bytes each, 48 MB. */
export const REACH_CACHE_ENTRIES = 4_000_000;

/** Whole evaluations kept: a scenario and its before/after baseline, each also without a station being dragged. */
const EVALUATIONS_KEPT = 4;

export class ReachCache {
  private key = '';
  /** Reaches by origin, oldest use first (a Map keeps insertion order). */
  private readonly byOrigin = new Map<string, Reach>();
  private entries = 0;
  /** Whole evaluations a model's fast path kept (NetworkReach.nearestAll), newest first, by their own key. */
  private readonly evaluations: { key: string; value: unknown }[] = [];

  constructor(private readonly maxEntries = REACH_CACHE_ENTRIES) {}

  /**
   * True when the reach of every origin (disabled stations aside) under the
   * limits and the model's weights is kept: a full evaluation then reads
   * them rather than taking the model's fast path.
   */
  holdsAll(model: ReachModel, origins: readonly (ReachOrigin & { status?: string })[], limits: ReachLimits): boolean {
    if (this.key !== keyOf(model, limits)) return false;
    for (const o of origins) if (o.status !== 'disabled' && !this.byOrigin.has(originKey(o))) return false;
    return true;
  }

  /**
   * The model's reach from the origin under the limits, from the cache when
   * the same origin was reached under the same limits and weights. The
   * arrays are the cache's own: read, never edit.
   */
  reach(model: ReachModel, origin: ReachOrigin, limits: ReachLimits): Reach {
    const key = keyOf(model, limits);
    if (key !== this.key) {
      this.clear();
      this.key = key;
    }
    const at = originKey(origin);
    const hit = this.byOrigin.get(at);
    if (hit) {
      // most recently used last, so the oldest go first
      this.byOrigin.delete(at);
      this.byOrigin.set(at, hit);
      return hit;
    }
    const fresh = model.reach(origin, limits);
    const kept: Reach = { cells: fresh.cells.slice(), costs: fresh.costs.slice() };
    this.byOrigin.set(at, kept);
    this.entries += kept.cells.length;
    for (const [oldest, r] of this.byOrigin) {
      if (this.entries <= this.maxEntries || oldest === at) break;
      this.byOrigin.delete(oldest);
      this.entries -= r.cells.length;
    }
    return kept;
  }

  /** Forgets every reach and every kept evaluation. */
  clear(): void {
    this.forgetReaches();
    this.evaluations.length = 0;
  }

  /** Forgets every reach, keeping whole evaluations (a drag's steps share the one without the dragged station). */
  forgetReaches(): void {
    this.byOrigin.clear();
    this.entries = 0;
  }

  /** A whole evaluation kept under `key` (which must name the origins, limits and weights it depends on), or undefined. */
  evaluation<T>(key: string): T | undefined {
    return this.evaluations.find((e) => e.key === key)?.value as T | undefined;
  }

  /** Keeps a whole evaluation: the last EVALUATIONS_KEPT. */
  keepEvaluation(key: string, value: unknown): void {
    this.evaluations.unshift({ key, value });
    this.evaluations.length = Math.min(this.evaluations.length, EVALUATIONS_KEPT);
  }

  /** Reaches held. */
  get size(): number {
    return this.byOrigin.size;
  }
}

/** What every kept reach depends on besides its origin: the model's weights and the limits. */
function keyOf(model: ReachModel, limits: ReachLimits): string {
  return `${model.revision ?? 0}|${JSON.stringify(limits)}`;
}

function originKey(origin: ReachOrigin): string {
  return `${origin.lng},${origin.lat},${origin.turnoutMinutes ?? ''}`;
}

const caches = new WeakMap<ReachModel, ReachCache>();

/** The cache of a model that asks for one (`cacheReach`), null for others. */
export function reachCacheOf(model: ReachModel): ReachCache | null {
  if (!model.cacheReach) return null;
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = new ReachCache()));
  return cache;
}
