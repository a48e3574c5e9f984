/**
 * A straight-line reach model over a subset of the grid's cells (for the
 * optimiser: only the cells still to be covered), built for many queries in
 * a row. Like StraightLineReach it scans coarser H3 blocks (here two
 * resolutions up, ~49 cells) found with a KD-tree of block centres, so its
 * answers come sorted by cell index — cells near each other in H3 order,
 * which is what lets the optimiser store a site's cells as a few long runs.
 * Distances are computed exactly as StraightLineReach computes them (chord
 * between unit vectors, turned into great-circle km the same way), so both
 * models agree on every cell to the last bit. reachRuns answers the
 * optimiser's own question (which members lie within their own limit?) as
 * runs, taking whole blocks and sub-blocks that lie inside without a test per
 * cell, and deciding the cells near the edge exactly as the engine does.
 */
import KDBush from 'kdbush';
import { boxAround, DEG as DEG_IMPORT, EARTH_RADIUS_KM } from '../geo.ts';
import type { PopulationGrid } from '../grid.ts';
import { h3Runs } from '../h3-runs.ts';
import { chordToKm, type Reach, type ReachModel } from '../reach.ts';

// module-local copies: an imported binding may be read through a getter on every use in a hot loop
const TWO_R = 2 * EARTH_RADIUS_KM;
const DEG = DEG_IMPORT;

/** A point as a unit vector of the sphere. */
function unitVector(lng: number, lat: number): [number, number, number] {
  return [Math.cos(lat * DEG) * Math.cos(lng * DEG), Math.cos(lat * DEG) * Math.sin(lng * DEG), Math.sin(lat * DEG)];
}

/** Squared chord of a great-circle distance: c = 2·sin(d / 2R). */
function kmToChordSq(km: number): number {
  return 4 * Math.sin(Math.min(Math.PI / 2, km / TWO_R)) ** 2;
}

/** Where reachRuns writes: runs [from, to) of member indices, ascending. */
export interface RunSink {
  push(from: number, to: number): void;
}

/** Each member's own limit, prepared for reachRuns. */
export interface MemberLimits {
  /** Limit in km, and squared chords certainly inside / certainly outside it. */
  km: Float64Array;
  chordInside: Float64Array;
  chordOutside: Float64Array;
  /** Per block and per sub-block: the smallest and largest member limit (km). */
  blockMin: Float64Array;
  blockMax: Float64Array;
  subMin: Float64Array;
  subMax: Float64Array;
  /** The largest limit of all. */
  max: number;
}

/** Entries per result chunk: results are views into chunks that are never rewritten (unless scratch). */
const CHUNK = 1 << 20;

export interface CellSubsetReachOptions {
  /** Resolution steps from a cell to the block it is scanned in (default 2: res 9 → res-7 blocks of ~49 cells). */
  blockSteps?: number;
  /**
   * Reuse one buffer for every answer: an answer is then valid only until the
   * next query (for callers that consume each answer at once; saves allocating every time).
   */
  scratch?: boolean;
}

/**
 * @example
 * const reach = new CellSubsetReach(grid, Int32Array.from([0, 5, 9]));
 * reach.reach(118.16, 25.31, 10) // those of cells 0, 5, 9 within 10 km, costs in km, by cell index
 */
export class CellSubsetReach implements ReachModel {
  readonly unit = 'km' as const;
  /** Grid index of each member cell, ascending. */
  private readonly cellOf: Int32Array;
  /** Member cell centres as unit vectors. */
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly z: Float64Array;
  /** Blocks: [start, end) member runs, centre as a unit vector, and the furthest member from it (km). */
  private readonly blockStart: Int32Array;
  private readonly blockEnd: Int32Array;
  private readonly blockX: Float64Array;
  private readonly blockY: Float64Array;
  private readonly blockZ: Float64Array;
  private readonly blockRadiusKm: Float64Array;
  private readonly maxBlockRadiusKm: number;
  /** Sub-blocks (one resolution finer than blocks): block b holds sub-blocks [blockSub[b], blockSub[b+1]). */
  private readonly blockSub: Int32Array;
  private readonly subStart: Int32Array;
  private readonly subEnd: Int32Array;
  private readonly subX: Float64Array;
  private readonly subY: Float64Array;
  private readonly subZ: Float64Array;
  private readonly subRadiusKm: Float64Array;
  private readonly blockIndex: KDBush;
  private readonly blockCount: number;
  private readonly scratch: boolean;
  private chunkCells = new Int32Array(0);
  private chunkCosts = new Float64Array(0);
  private used = 0;
  private readonly near: Int32Array;

  /**
   * @param grid the population grid the cell indices refer to
   * @param cells grid indices of the member cells (no repeats)
   */
  constructor(grid: PopulationGrid, cells: Int32Array, options: CellSubsetReachOptions = {}) {
    this.scratch = options.scratch ?? false;
    const members = Int32Array.from(cells).sort();
    const n = members.length;
    this.cellOf = members;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = members[k];
      const la = grid.lat[i] * DEG;
      const ln = grid.lng[i] * DEG;
      this.x[k] = Math.cos(la) * Math.cos(ln);
      this.y[k] = Math.cos(la) * Math.sin(ln);
      this.z[k] = Math.sin(la);
    }
    // the grid is H3-sorted, so the members of one block are one run
    const blockRes = Math.max(0, grid.resolution - (options.blockSteps ?? 2));
    const blocks = h3Runs(grid, members, blockRes);
    const m = blocks.count;
    this.blockCount = m;
    this.blockStart = blocks.start;
    this.blockEnd = blocks.end;
    this.blockX = new Float64Array(m);
    this.blockY = new Float64Array(m);
    this.blockZ = new Float64Array(m);
    this.blockRadiusKm = blocks.radiusKm;
    this.blockIndex = new KDBush(Math.max(1, m));
    for (let b = 0; b < m; b++) {
      const [x, y, z] = unitVector(blocks.lng[b], blocks.lat[b]);
      this.blockX[b] = x;
      this.blockY[b] = y;
      this.blockZ[b] = z;
      this.blockIndex.add(blocks.lng[b], blocks.lat[b]);
    }
    if (m === 0) this.blockIndex.add(0, 0); // kdbush needs one item; with no members nothing is scanned
    this.blockIndex.finish();
    this.maxBlockRadiusKm = blocks.maxRadiusKm;
    this.near = new Int32Array(m);

    // sub-blocks one resolution finer: where a block straddles the edge, most of its sub-blocks do not;
    // a sub-block's parent lies in one block, so the finer runs nest inside the blocks' runs
    const subs = h3Runs(grid, members, Math.min(grid.resolution, blockRes + 1));
    const ms = subs.count;
    this.blockSub = new Int32Array(m + 1);
    for (let b = 0, u = 0; b <= m; b++) {
      const from = b < m ? blocks.start[b] : n;
      while (u < ms && subs.start[u] < from) u++;
      this.blockSub[b] = u;
    }
    this.subStart = subs.start;
    this.subEnd = subs.end;
    this.subX = new Float64Array(ms);
    this.subY = new Float64Array(ms);
    this.subZ = new Float64Array(ms);
    this.subRadiusKm = subs.radiusKm;
    for (let u = 0; u < ms; u++) {
      const [x, y, z] = unitVector(subs.lng[u], subs.lat[u]);
      this.subX[u] = x;
      this.subY[u] = y;
      this.subZ[u] = z;
    }
  }

  /** Member count; members are numbered in ascending cell index. */
  get size(): number {
    return this.cellOf.length;
  }

  /**
   * Prepares per-member limits for reachRuns from a limit per grid cell.
   * The chord bounds are a hair inside and outside the limit, so only
   * members within that hair need the exact km test.
   */
  memberLimits(limitByCell: Float64Array): MemberLimits {
    const n = this.cellOf.length;
    const km = new Float64Array(n);
    const chordInside = new Float64Array(n);
    const chordOutside = new Float64Array(n);
    const blockMin = new Float64Array(this.blockCount);
    const blockMax = new Float64Array(this.blockCount);
    let max = 0;
    for (let q = 0; q < n; q++) {
      km[q] = limitByCell[this.cellOf[q]];
      chordInside[q] = kmToChordSq(km[q] * (1 - 1e-9));
      chordOutside[q] = kmToChordSq(km[q] * (1 + 1e-9));
      max = Math.max(max, km[q]);
    }
    const range = (from: number, to: number, lo: Float64Array, hi: Float64Array, at: number) => {
      let a = Infinity;
      let z = 0;
      for (let q = from; q < to; q++) {
        a = Math.min(a, km[q]);
        z = Math.max(z, km[q]);
      }
      lo[at] = a;
      hi[at] = z;
    };
    for (let b = 0; b < this.blockCount; b++) range(this.blockStart[b], this.blockEnd[b], blockMin, blockMax, b);
    const subMin = new Float64Array(this.subStart.length);
    const subMax = new Float64Array(this.subStart.length);
    for (let u = 0; u < this.subStart.length; u++) range(this.subStart[u], this.subEnd[u], subMin, subMax, u);
    return { km, chordInside, chordOutside, blockMin, blockMax, subMin, subMax, max };
  }

  /**
   * Writes the runs of members (by member index, ascending) within their own
   * limit of the point — exactly those reach() would return with a cost
   * within the member's limit, without computing a cost for each: a block
   * whose every member is inside (centre distance + block radius within the
   * block's smallest limit) goes in whole, and only blocks straddling the
   * edge are tested member by member.
   */
  reachRuns(lng: number, lat: number, limits: MemberLimits, sink: RunSink): void {
    const reachKm = limits.max + this.maxBlockRadiusKm;
    const [minX, minY, maxX, maxY] = boxAround(lng, lat, reachKm);
    const found = this.blockIndex.range(minX, minY, maxX, maxY);
    const la = lat * DEG;
    const ln = lng * DEG;
    const sx = Math.cos(la) * Math.cos(ln);
    const sy = Math.cos(la) * Math.sin(ln);
    const sz = Math.sin(la);
    const { near, blockX, blockY, blockZ, blockStart, blockEnd, blockRadiusKm } = this;
    const blockLimitSq = kmToChordSq(reachKm);
    let nNear = 0;
    for (let t = 0; t < found.length; t++) {
      const b = found[t];
      if (b >= this.blockCount) continue;
      const dx = blockX[b] - sx;
      const dy = blockY[b] - sy;
      const dz = blockZ[b] - sz;
      if (dx * dx + dy * dy + dz * dz <= blockLimitSq) near[nNear++] = b;
    }
    near.subarray(0, nNear).sort();
    const { x, y, z } = this;
    const { km, chordInside, chordOutside, blockMin, blockMax, subMin, subMax } = limits;
    const { blockSub, subStart, subEnd, subX, subY, subZ, subRadiusKm } = this;
    let runFrom = -1;
    let runTo = -1;
    for (let t = 0; t < nNear; t++) {
      const b = near[t];
      const dx = blockX[b] - sx;
      const dy = blockY[b] - sy;
      const dz = blockZ[b] - sz;
      const centreKm = chordToKm(dx * dx + dy * dy + dz * dz);
      const r = blockRadiusKm[b];
      if (centreKm - r > blockMax[b]) continue;
      const start = blockStart[b];
      const end = blockEnd[b];
      if (centreKm + r <= blockMin[b] * (1 - 1e-9)) {
        // the whole block is inside, with room to spare for rounding
        if (start === runTo) runTo = end;
        else {
          if (runFrom >= 0) sink.push(runFrom, runTo);
          runFrom = start;
          runTo = end;
        }
        continue;
      }
      // the block straddles the edge: decide sub-block by sub-block, and member by member only where they straddle it too
      for (let u = blockSub[b]; u < blockSub[b + 1]; u++) {
        const ux = subX[u] - sx;
        const uy = subY[u] - sy;
        const uz = subZ[u] - sz;
        const subKm = chordToKm(ux * ux + uy * uy + uz * uz);
        const ur = subRadiusKm[u];
        if (subKm - ur > subMax[u]) continue;
        const from = subStart[u];
        const to = subEnd[u];
        if (subKm + ur <= subMin[u] * (1 - 1e-9)) {
          if (from === runTo) runTo = to;
          else {
            if (runFrom >= 0) sink.push(runFrom, runTo);
            runFrom = from;
            runTo = to;
          }
          continue;
        }
        for (let q = from; q < to; q++) {
          const ex = x[q] - sx;
          const ey = y[q] - sy;
          const ez = z[q] - sz;
          const chordSq = ex * ex + ey * ey + ez * ez;
          if (chordSq > chordOutside[q]) continue;
          // a hair from the edge: decide exactly as the engine does, on the km cost
          if (chordSq > chordInside[q] && chordToKm(chordSq) > km[q]) continue;
          if (q === runTo) runTo = q + 1;
          else {
            if (runFrom >= 0) sink.push(runFrom, runTo);
            runFrom = q;
            runTo = q + 1;
          }
        }
      }
    }
    if (runFrom >= 0) sink.push(runFrom, runTo);
  }

  /** Member cells within `limitKm` (geodesic) of the point, by ascending cell index. */
  reach(lng: number, lat: number, limitKm: number): Reach {
    const [minX, minY, maxX, maxY] = boxAround(lng, lat, limitKm + this.maxBlockRadiusKm);
    const found = this.blockIndex.range(minX, minY, maxX, maxY);
    const la = lat * DEG;
    const ln = lng * DEG;
    const sx = Math.cos(la) * Math.cos(ln);
    const sy = Math.cos(la) * Math.sin(ln);
    const sz = Math.sin(la);
    // keep the blocks whose centre is close enough for a member to be within the limit
    const blockLimitSq = kmToChordSq(limitKm + this.maxBlockRadiusKm);
    const { near, blockX, blockY, blockZ, blockStart, blockEnd } = this;
    let nNear = 0;
    let capacity = 0;
    for (let t = 0; t < found.length; t++) {
      const b = found[t];
      if (b >= this.blockCount) continue;
      const dx = blockX[b] - sx;
      const dy = blockY[b] - sy;
      const dz = blockZ[b] - sz;
      if (dx * dx + dy * dy + dz * dz > blockLimitSq) continue;
      near[nNear++] = b;
      capacity += blockEnd[b] - blockStart[b];
    }
    near.subarray(0, nNear).sort();
    if (this.scratch) this.used = 0;
    if (this.used + capacity > this.chunkCells.length) {
      const size = Math.max(CHUNK, capacity);
      this.chunkCells = new Int32Array(size);
      this.chunkCosts = new Float64Array(size);
      this.used = 0;
    }
    const cells = this.chunkCells;
    const costs = this.chunkCosts;
    const first = this.used;
    let k = first;
    const chordLimitSq = kmToChordSq(limitKm);
    const { x, y, z, cellOf } = this;
    for (let t = 0; t < nNear; t++) {
      const b = near[t];
      const end = blockEnd[b];
      for (let q = blockStart[b]; q < end; q++) {
        const dx = x[q] - sx;
        const dy = y[q] - sy;
        const dz = z[q] - sz;
        const chordSq = dx * dx + dy * dy + dz * dz;
        if (chordSq <= chordLimitSq) {
          cells[k] = cellOf[q];
          costs[k] = chordToKm(chordSq);
          k++;
        }
      }
    }
    this.used = k;
    return { cells: cells.subarray(first, k), costs: costs.subarray(first, k) };
  }
}
