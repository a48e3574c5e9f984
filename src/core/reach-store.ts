/**
 * The engine's copy of every active station's reach, in one pair of arrays
 * that outlive evaluations: a full evaluation refills them from the start
 * and a moved station appends, so no reach is allocated (or collected) per
 * query. Each kept reach is a range of the arrays; when they fill up, the
 * live ranges are packed to the front (into larger arrays if need be).
 */
import type { Reach } from './reach.ts';

/** Cells per chunk, as a shift: cell index >> CHUNK_SHIFT. H3-sorted cells of a chunk lie close together. */
export const CHUNK_SHIFT = 6;

/** A reach's entries grouped by the chunk of their cell: entries [at[c], at[c+1]) have cells in chunk key[c]. */
export interface ReachChunks {
  key: Int32Array;
  at: Int32Array;
}

/** One kept reach: its range of the store and views of it. */
export interface KeptReach {
  start: number;
  end: number;
  /** Views into the store's arrays (valid until the store packs; read, never edit). */
  reach: Reach;
  /** Its chunks, made when first asked for. */
  chunks: ReachChunks | null;
}

/**
 * The chunks of a kept reach (cells ascending), so a removal can skip every
 * part of another station's reach that holds none of the cells it re-finds.
 */
export function chunksOf(kept: KeptReach): ReachChunks {
  if (kept.chunks) return kept.chunks;
  const { cells } = kept.reach;
  const n = cells.length;
  let count = 0;
  for (let k = 0, last = -1; k < n; k++) {
    const c = cells[k] >> CHUNK_SHIFT;
    if (c !== last) count++;
    last = c;
  }
  const key = new Int32Array(count);
  const at = new Int32Array(count + 1);
  for (let k = 0, last = -1, e = 0; k < n; k++) {
    const c = cells[k] >> CHUNK_SHIFT;
    if (c !== last) {
      key[e] = c;
      at[e++] = k;
    }
    last = c;
  }
  at[count] = n;
  kept.chunks = { key, at };
  return kept.chunks;
}

export class ReachStore {
  private cells = new Int32Array(0);
  private costs = new Float64Array(0);
  private used = 0;
  private readonly live = new Set<KeptReach>();
  private liveEntries = 0;

  /** Forgets every kept reach (their views must not be read again). */
  clear(): void {
    this.used = 0;
    this.live.clear();
    this.liveEntries = 0;
  }

  /** Copies a reach in (the model's arrays may be reused by its next query). */
  keep(reach: Reach): KeptReach {
    const n = reach.cells.length;
    if (this.used + n > this.cells.length) this.pack(n);
    const start = this.used;
    this.cells.set(reach.cells, start);
    this.costs.set(reach.costs, start);
    this.used += n;
    const kept: KeptReach = { start, end: start + n, reach: this.view(start, start + n), chunks: null };
    this.live.add(kept);
    this.liveEntries += n;
    return kept;
  }

  /** Marks a kept reach's range free (it is reused at the next packing). */
  release(kept: KeptReach): void {
    if (this.live.delete(kept)) this.liveEntries -= kept.end - kept.start;
  }

  private view(start: number, end: number): Reach {
    return { cells: this.cells.subarray(start, end), costs: this.costs.subarray(start, end) };
  }

  /** Packs the live ranges to the front, into arrays with room for `extra` more (doubling when half full). */
  private pack(extra: number): void {
    const need = this.liveEntries + extra;
    const size = need * 2 > this.cells.length ? Math.max(1024, need * 2) : this.cells.length;
    const cells = size === this.cells.length ? this.cells : new Int32Array(size);
    const costs = size === this.costs.length ? this.costs : new Float64Array(size);
    // in start order, so copying within the same arrays never overwrites a range not yet moved
    const ranges = [...this.live].sort((a, b) => a.start - b.start);
    let at = 0;
    for (const r of ranges) {
      if (cells === this.cells) {
        cells.copyWithin(at, r.start, r.end);
        costs.copyWithin(at, r.start, r.end);
      } else {
        cells.set(this.cells.subarray(r.start, r.end), at);
        costs.set(this.costs.subarray(r.start, r.end), at);
      }
      r.end = at + (r.end - r.start);
      r.start = at;
      at = r.end;
    }
    this.cells = cells;
    this.costs = costs;
    this.used = at;
    for (const r of ranges) r.reach = this.view(r.start, r.end);
  }
}
