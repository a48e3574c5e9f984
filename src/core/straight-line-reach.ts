/**
 * The straight-line reach model: cost = great-circle distance (km) from the
 * origin to a cell centre; the rules' radii and the emergency circle's
 * speed × (minutes − turnout) ÷ detour are its limits. One implementation
 * serves the engine (over every grid cell) and the site optimiser (over its
 * demand cells, answering in runs), so both count a cell the same way.
 *
 * Member cells (ascending grid indices, H3-sorted) are grouped into coarser
 * H3 blocks (two resolutions up, ~49 cells, contiguous runs) and sub-blocks
 * (one up, ~7 cells); a KD-tree of block centres finds the blocks near an
 * origin. A block or sub-block wholly inside the limit is taken without a
 * test per cell, one wholly outside is skipped, and only cells near the edge
 * are tested, on the squared chord between unit vectors (the exact test).
 */
import KDBush from 'kdbush';
import { boxAround, DEG as DEG_IMPORT, EARTH_RADIUS_KM } from './geo.ts';
import type { PopulationGrid } from './grid.ts';
import { h3Runs } from './h3-runs.ts';
import type { MemberRunQuery, NearestOut, Reach, ReachLimits, ReachModel, ReachOrigin, RunSink } from './reach.ts';
import { chordToKm, kmToChordSq, SLACK } from './chord.ts';
import { nearestAll, nearestOf, type MemberLayout } from './straight-line-nearest.ts';
import { circleRadiusKm, coverRadiusKm, marginalRadiusKm, maxRuleRadiusKm, type Rules } from './rules.ts';
import type { AreaType } from './types.ts';

// module-local copies: an imported binding may be read through a getter on every use in a hot loop
const TWO_R = 2 * EARTH_RADIUS_KM;
const DEG = DEG_IMPORT;
/** Up to this distance chordToKm takes its series (c/2 < 0.01 below 127 km): a scan within it needs no Math.asin. */
const SERIES_KM = 120;

export { chordToKm, kmToChordSq } from './chord.ts';

/**
 * The rules as straight-line limits (km): the urban radius, the rural strict
 * or lenient radius (the lenient one bounding the marginal band), and the
 * emergency circle's radius, per area type.
 * @example straightLineLimits(DEFAULT_RULES).urban // { cover: 5, marginal: 5, circle: 4.00875 }
 */
export function straightLineLimits(rules: Rules): ReachLimits {
  const byType = (t: AreaType) => ({ cover: coverRadiusKm(rules, t), marginal: marginalRadiusKm(rules, t), circle: circleRadiusKm(rules, t) });
  return { urban: byType('urban'), rural: byType('rural'), max: maxRuleRadiusKm(rules), defaultTurnoutMinutes: rules.turnoutMinutes };
}

/** Position of `value` in an ascending array, or −1. */
function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else if (sorted[mid] > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Each member's own limit, prepared for reachRuns. */
interface MemberLimits {
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

export interface StraightLineOptions {
  /** Resolution steps from a cell to the block it is scanned in (default 2: res 9 → res-7 blocks of ~49 cells). */
  blockSteps?: number;
}

/**
 * @example
 * const model = new StraightLineReach(grid);
 * model.reach(station, model.limits(rules)) // every cell within the largest rule radius, costs in km
 * new StraightLineReach(grid, Int32Array.from([0, 5, 9])).withinKm(118.16, 25.31, 10) // of cells 0, 5, 9, those within 10 km
 */
export class StraightLineReach implements ReachModel {
  readonly unit = 'km' as const;
  private readonly grid: PopulationGrid;
  /** Grid index of each member cell, ascending; null when every grid cell is a member (member q = cell q). */
  private readonly cellOf: Int32Array | null;
  private readonly memberCount: number;
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
  /** Answer buffers, reused by every query (an answer is valid until the next). */
  private outCells = new Int32Array(0);
  private outCosts = new Float64Array(0);
  private readonly near: Int32Array;
  /** Block of each member, made on the first nearestOf. */
  private blockOfMember: Int32Array | null = null;

  /**
   * @param grid the population grid the cell indices refer to
   * @param cells grid indices of the member cells (no repeats); default every cell of the grid
   */
  constructor(grid: PopulationGrid, cells: Int32Array | null = null, options: StraightLineOptions = {}) {
    this.grid = grid;
    const members = cells ? Int32Array.from(cells).sort() : null;
    const n = members ? members.length : grid.size;
    this.cellOf = members;
    this.memberCount = n;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = members ? members[k] : k;
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
      this.setUnit(this.blockX, this.blockY, this.blockZ, b, blocks.lng[b], blocks.lat[b]);
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
    for (let u = 0; u < ms; u++) this.setUnit(this.subX, this.subY, this.subZ, u, subs.lng[u], subs.lat[u]);
  }

  /** The blocks whose box may hold a member within `limitKm` of the point (a KD-tree range; callers test each block's distance), and the point as a unit vector. */
  private blocksNear(lng: number, lat: number, limitKm: number): { found: number[]; sx: number; sy: number; sz: number } {
    const [minX, minY, maxX, maxY] = boxAround(lng, lat, limitKm + this.maxBlockRadiusKm);
    const la = lat * DEG;
    const ln = lng * DEG;
    return { found: this.blockIndex.range(minX, minY, maxX, maxY), sx: Math.cos(la) * Math.cos(ln), sy: Math.cos(la) * Math.sin(ln), sz: Math.sin(la) };
  }

  private setUnit(x: Float64Array, y: Float64Array, z: Float64Array, k: number, lng: number, lat: number): void {
    x[k] = Math.cos(lat * DEG) * Math.cos(lng * DEG);
    y[k] = Math.cos(lat * DEG) * Math.sin(lng * DEG);
    z[k] = Math.sin(lat * DEG);
  }

  /** Member count; members are numbered in ascending cell index. */
  get size(): number {
    return this.memberCount;
  }

  limits(rules: Rules): ReachLimits {
    return straightLineLimits(rules);
  }

  /** Every member cell within the largest rule radius; a station's own turnout does not move a straight-line radius. */
  reach(origin: ReachOrigin, limits: ReachLimits): Reach {
    return this.withinKm(origin.lng, origin.lat, limits.max);
  }

  /** Every member's nearest origin and in-range count at once (see straight-line-nearest.ts). */
  nearestAll(origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, areaType: Uint8Array, out: NearestOut): void {
    nearestAll(this.layout(), origins, rank, limits, areaType, out);
  }

  /**
   * Whether a member of each area type lies within that type's limit (km),
   * as the reach within limits.max lists it (its km by chordToKm): one scan
   * per type that stops at the first such member, nothing listed.
   */
  typesWithin(origin: ReachOrigin, urbanLimit: number, ruralLimit: number, limits: ReachLimits, areaType: Uint8Array): { urban: boolean; rural: boolean } {
    return {
      urban: this.anyWithin(origin.lng, origin.lat, 1, Math.min(urbanLimit, limits.max), limits.max, areaType),
      rural: this.anyWithin(origin.lng, origin.lat, 0, Math.min(ruralLimit, limits.max), limits.max, areaType),
    };
  }

  /** Whether a member of area type `type` (1 urban, 0 rural: any other value) lies within `limitKm`, as a reach to `maxKm` lists it (chordToKm ≤ limitKm). */
  private anyWithin(lng: number, lat: number, type: number, limitKm: number, maxKm: number, areaType: Uint8Array): boolean {
    const { found, sx, sy, sz } = this.blocksNear(lng, lat, limitKm);
    const maxChordSq = kmToChordSq(maxKm);
    const { cellOf, x, y, z, blockX, blockY, blockZ, blockRadiusKm, blockStart, blockEnd } = this;
    for (let t = 0; t < found.length; t++) {
      const b = found[t];
      if (b >= this.blockCount) continue;
      const bx = blockX[b] - sx;
      const by = blockY[b] - sy;
      const bz = blockZ[b] - sz;
      if (chordToKm(bx * bx + by * by + bz * bz) - blockRadiusKm[b] > limitKm) continue;
      for (let q = blockStart[b]; q < blockEnd[b]; q++) {
        if ((areaType[cellOf ? cellOf[q] : q] === 1 ? 1 : 0) !== type) continue;
        const dx = x[q] - sx;
        const dy = y[q] - sy;
        const dz = z[q] - sz;
        const chordSq = dx * dx + dy * dy + dz * dz;
        if (chordSq <= maxChordSq && chordToKm(chordSq) <= limitKm) return true;
      }
    }
    return false;
  }

  /** The nearest origin of some member cells (see straight-line-nearest.ts). */
  nearestOf(cells: Int32Array, count: number, origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, out: NearestOut): void {
    if (!this.blockOfMember) {
      this.blockOfMember = new Int32Array(this.memberCount);
      for (let b = 0; b < this.blockCount; b++) this.blockOfMember.fill(b, this.blockStart[b], this.blockEnd[b]);
    }
    const { cellOf } = this;
    const memberOf = cellOf ? (cell: number) => binarySearch(cellOf, cell) : (cell: number) => cell;
    nearestOf(this.layout(), memberOf, this.blockOfMember, cells, count, origins, rank, limits, out);
  }

  /** The member arrays the nearest scans read. */
  private layout(): MemberLayout {
    const { cellOf, x, y, z, blockCount, blockStart, blockEnd, blockX, blockY, blockZ, blockRadiusKm, blockSub, subStart, subEnd, subX, subY, subZ, subRadiusKm } = this;
    return { cellOf, x, y, z, blockCount, blockStart, blockEnd, blockX, blockY, blockZ, blockRadiusKm, blockSub, subStart, subEnd, subX, subY, subZ, subRadiusKm };
  }

  memberRuns(cells: Int32Array, limitByCell: Float64Array): MemberRunQuery {
    const members = new StraightLineReach(this.grid, cells);
    const limits = members.memberLimits(limitByCell);
    return (origin, sink) => members.reachRuns(origin.lng, origin.lat, limits, sink);
  }

  /**
   * Member cells within `limitKm` (geodesic) of the point, by ascending cell
   * index, with their distances (km), valid until the next query. Whole
   * blocks and sub-blocks inside the limit skip the test; the cells taken are
   * exactly those whose squared chord is within the limit's.
   */
  withinKm(lng: number, lat: number, limitKm: number): Reach {
    const { found, sx, sy, sz } = this.blocksNear(lng, lat, limitKm);
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
    if (this.outCells.length < capacity) {
      this.outCells = new Int32Array(capacity * 2);
      this.outCosts = new Float64Array(capacity * 2);
    }
    let k = 0;
    const chordLimitSq = kmToChordSq(limitKm);
    const insideKm = limitKm * (1 - SLACK);
    const { blockRadiusKm, blockSub, subStart, subEnd, subX, subY, subZ, subRadiusKm } = this;
    // within 120 km chordToKm takes its series: a loop with no Math.asin in it (even one never called costs a fifth)
    const series = limitKm <= SERIES_KM;
    for (let t = 0; t < nNear; t++) {
      const b = near[t];
      const bx = blockX[b] - sx;
      const by = blockY[b] - sy;
      const bz = blockZ[b] - sz;
      const centreKm = chordToKm(bx * bx + by * by + bz * bz);
      const r = blockRadiusKm[b];
      if (centreKm - r > limitKm) continue;
      if (centreKm + r <= insideKm) {
        // the whole block is inside: one run, no test
        k = series ? this.takeRunSeries(blockStart[b], blockEnd[b], Infinity, sx, sy, sz, k) : this.takeRunExact(blockStart[b], blockEnd[b], Infinity, sx, sy, sz, k);
        continue;
      }
      for (let u = blockSub[b]; u < blockSub[b + 1]; u++) {
        const ux = subX[u] - sx;
        const uy = subY[u] - sy;
        const uz = subZ[u] - sz;
        const subKm = chordToKm(ux * ux + uy * uy + uz * uz);
        const ur = subRadiusKm[u];
        if (subKm - ur > limitKm) continue;
        const take = subKm + ur <= insideKm ? Infinity : chordLimitSq;
        k = series ? this.takeRunSeries(subStart[u], subEnd[u], take, sx, sy, sz, k) : this.takeRunExact(subStart[u], subEnd[u], take, sx, sy, sz, k);
      }
    }
    return { cells: this.outCells.subarray(0, k), costs: this.outCosts.subarray(0, k) };
  }

  /**
   * Writes members [from, to) whose squared chord from the origin (unit
   * vector sx, sy, sz) is within `take` (Infinity: all of them) into the
   * answer from entry k, with their km by chordToKm's series (exact below
   * 127 km); returns the next entry.
   */
  private takeRunSeries(from: number, to: number, take: number, sx: number, sy: number, sz: number, k: number): number {
    const { x, y, z, cellOf, outCells: cells, outCosts: costs } = this;
    for (let q = from; q < to; q++) {
      const dx = x[q] - sx;
      const dy = y[q] - sy;
      const dz = z[q] - sz;
      const chordSq = dx * dx + dy * dy + dz * dz;
      if (chordSq <= take) {
        cells[k] = cellOf ? cellOf[q] : q;
        const h = Math.sqrt(chordSq) / 2;
        const h2 = h * h;
        costs[k] = TWO_R * h * (1 + h2 * (1 / 6 + h2 * (3 / 40)));
        k++;
      }
    }
    return k;
  }

  /** takeRunSeries for any distance: chordToKm itself. */
  private takeRunExact(from: number, to: number, take: number, sx: number, sy: number, sz: number, k: number): number {
    const { x, y, z, cellOf, outCells: cells, outCosts: costs } = this;
    for (let q = from; q < to; q++) {
      const dx = x[q] - sx;
      const dy = y[q] - sy;
      const dz = z[q] - sz;
      const chordSq = dx * dx + dy * dy + dz * dz;
      if (chordSq <= take) {
        cells[k] = cellOf ? cellOf[q] : q;
        costs[k] = chordToKm(chordSq);
        k++;
      }
    }
    return k;
  }

  /**
   * Prepares per-member limits for reachRuns from a limit per grid cell.
   * The chord bounds are a hair inside and outside the limit, so only
   * members within that hair need the exact km test.
   */
  private memberLimits(limitByCell: Float64Array): MemberLimits {
    const n = this.memberCount;
    const { cellOf } = this;
    const km = new Float64Array(n);
    const chordInside = new Float64Array(n);
    const chordOutside = new Float64Array(n);
    const blockMin = new Float64Array(this.blockCount);
    const blockMax = new Float64Array(this.blockCount);
    let max = 0;
    for (let q = 0; q < n; q++) {
      km[q] = limitByCell[cellOf ? cellOf[q] : q];
      chordInside[q] = kmToChordSq(km[q] * (1 - SLACK));
      chordOutside[q] = kmToChordSq(km[q] * (1 + SLACK));
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
   * limit of the point — exactly those withinKm would return with a cost
   * within the member's limit, without computing a cost for each: a block
   * whose every member is inside (centre distance + block radius within the
   * block's smallest limit) goes in whole, and only blocks straddling the
   * edge are tested member by member.
   */
  private reachRuns(lng: number, lat: number, limits: MemberLimits, sink: RunSink): void {
    const reachKm = limits.max + this.maxBlockRadiusKm;
    const { found, sx, sy, sz } = this.blocksNear(lng, lat, limits.max);
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
      if (centreKm + r <= blockMin[b] * (1 - SLACK)) {
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
        if (subKm + ur <= subMin[u] * (1 - SLACK)) {
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
}
