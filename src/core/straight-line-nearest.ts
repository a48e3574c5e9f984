/**
 * Every cell's nearest station at once on the straight line, for a full
 * evaluation: instead of listing each station's reach (every cell within the
 * largest radius: ~2 million entries for 泉州市's 184 stations, each written,
 * copied and compared), each block of cells keeps only the stations that can
 * be nearest to one of its cells (centre distance − block radius within the
 * best centre distance + radius), and the stations whose cover radius takes
 * the whole of a sub-block count for all its cells at once. A cell then
 * tests two or three stations, not every station within 20 km; and it
 * compares squared chords, taking the km of the winner only (and of near
 * ties).
 *
 * Same answer as listing every reach: the same squared chords, the same km
 * (chordToKm), the same limits (squared chord within the largest limit's,
 * km within the cover limit), ties to the lower rank; whole sub-blocks only
 * with the model's own slack from the limit.
 */
import { chordToKm, kmToChordSq, SLACK as SLACK_IMPORT } from './chord.ts';
import { DEG as DEG_IMPORT } from './geo.ts';
import type { NearestOut, ReachLimits, ReachOrigin } from './reach.ts';

// module-local copies: an imported binding may be read through a getter on every use in a hot loop
const DEG = DEG_IMPORT;
const SLACK = SLACK_IMPORT;
/**
 * A station whose squared chord exceeds the best one's by more than this
 * share is farther by far more than any rounding, so its km need not be
 * computed; closer to the best, the km decide (ties to the lower rank).
 */
const FARTHER = 1e-9;

/** The members of a straight-line model as its scans see them (see StraightLineReach). */
export interface MemberLayout {
  /** Grid index of each member, ascending; null: member q is grid cell q. */
  cellOf: Int32Array | null;
  /** Member centres as unit vectors. */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  blockCount: number;
  blockStart: Int32Array;
  blockEnd: Int32Array;
  blockX: Float64Array;
  blockY: Float64Array;
  blockZ: Float64Array;
  blockRadiusKm: Float64Array;
  /** Block b holds sub-blocks [blockSub[b], blockSub[b + 1]). */
  blockSub: Int32Array;
  subStart: Int32Array;
  subEnd: Int32Array;
  subX: Float64Array;
  subY: Float64Array;
  subZ: Float64Array;
  subRadiusKm: Float64Array;
}

/** The active origins as unit vectors, with their indices and ranks. */
interface Sources {
  count: number;
  index: Int32Array;
  rank: Int32Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

function sourcesOf(origins: readonly (ReachOrigin | null)[], rank: Int32Array): Sources {
  const n = origins.length;
  const s: Sources = { count: 0, index: new Int32Array(n), rank: new Int32Array(n), x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n) };
  origins.forEach((o, k) => {
    if (!o) return;
    // the same expressions as the model's reach, so the same unit vectors to the last bit
    const la = o.lat * DEG;
    const ln = o.lng * DEG;
    s.index[s.count] = k;
    s.rank[s.count] = rank[k];
    s.x[s.count] = Math.cos(la) * Math.cos(ln);
    s.y[s.count] = Math.cos(la) * Math.sin(ln);
    s.z[s.count++] = Math.sin(la);
  });
  return s;
}

/** A squared chord at least that of `km`: a bound to prune by, rounding (far below the blocks' 1e-6 km padding) on the safe side. */
function chordAbove(km: number): number {
  return kmToChordSq(km * (1 + 1e-9) + 1e-9);
}

/**
 * The sources whose distance to a block (centre cx, cy, cz, radius r km) can
 * be the least of one of its cells within maxKm, into `near`; returns how
 * many. `centreChordSq[j]` receives each source's squared chord to the
 * centre: compared with bounds as squared chords, the km of only the
 * nearest is computed.
 */
function nearSources(src: Sources, cx: number, cy: number, cz: number, r: number, maxKm: number, centreChordSq: Float64Array, near: Int32Array): number {
  const { x, y, z, count: m } = src;
  let least = Infinity;
  for (let j = 0; j < m; j++) {
    const dx = x[j] - cx;
    const dy = y[j] - cy;
    const dz = z[j] - cz;
    const chordSq = dx * dx + dy * dy + dz * dz;
    centreChordSq[j] = chordSq;
    if (chordSq < least) least = chordSq;
  }
  // every cell of the block has a source within the nearest centre's km + r; one farther than that by r is never the nearest
  const bound = chordAbove(Math.min(chordToKm(least) + r, maxKm) + r);
  let count = 0;
  for (let j = 0; j < m; j++) if (centreChordSq[j] <= bound) near[count++] = j;
  return count;
}

/** What a scan of member cells reads and writes: made once per nearestAll. */
interface CellScan {
  /** The candidates' unit vectors, copied in list order for each sub-block: the cell loop reads them without an index. */
  nearX: Float64Array;
  nearY: Float64Array;
  nearZ: Float64Array;
  partialX: Float64Array;
  partialY: Float64Array;
  partialZ: Float64Array;
  cellOf: Int32Array | null;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  src: Sources;
  areaType: Uint8Array;
  out: NearestOut;
  maxChordSq: number;
  coverUrban: number;
  coverRural: number;
  /** Squared chords a hair inside and outside each cover limit: only cells between them need their km. */
  insideUrban: number;
  outsideUrban: number;
  insideRural: number;
  outsideRural: number;
}

/**
 * Members [from, to): each one's nearest among the `near` sources (ties to
 * the lower rank) and its in-range count (`whole` sources cover every one
 * of them; each `partial` source is tested). Any order of `near` gives the
 * same answer: each test keeps the least (km, rank) so far, comparing km
 * wherever the squared chords are within rounding of each other (ranks are
 * distinct: the engine's ranks() numbers the stations).
 */
function scanCells(s: CellScan, from: number, to: number, near: Int32Array, nNear: number, partial: Int32Array, nPartial: number, whole: number): void {
  const { cellOf, x, y, z, areaType, maxChordSq, coverUrban, coverRural, insideUrban, outsideUrban, insideRural, outsideRural } = s;
  const { x: sx, y: sy, z: sz, rank: sRank, index: sIndex } = s.src;
  const { slot, cost, inRange } = s.out;
  const { nearX, nearY, nearZ, partialX, partialY, partialZ } = s;
  for (let t = 0; t < nNear; t++) {
    const j = near[t];
    nearX[t] = sx[j];
    nearY[t] = sy[j];
    nearZ[t] = sz[j];
  }
  for (let t = 0; t < nPartial; t++) {
    const j = partial[t];
    partialX[t] = sx[j];
    partialY[t] = sy[j];
    partialZ[t] = sz[j];
  }
  for (let q = from; q < to; q++) {
    const i = cellOf ? cellOf[q] : q;
    const qx = x[q];
    const qy = y[q];
    const qz = z[q];
    // the least squared chord decides; km only for the winner and for near ties (where the km, then the rank, decide)
    let bestChordSq = Infinity;
    let bestJ = -1;
    let best = Infinity;
    let exact = false;
    for (let t = 0; t < nNear; t++) {
      const dx = qx - nearX[t];
      const dy = qy - nearY[t];
      const dz = qz - nearZ[t];
      const chordSq = dx * dx + dy * dy + dz * dz;
      if (chordSq > maxChordSq) continue;
      const j = near[t];
      if (chordSq < bestChordSq * (1 - FARTHER)) {
        bestChordSq = chordSq;
        bestJ = j;
        exact = false;
      } else if (chordSq <= bestChordSq * (1 + FARTHER)) {
        if (!exact) {
          best = chordToKm(bestChordSq);
          exact = true;
        }
        const km = chordToKm(chordSq);
        if (km < best || (km === best && sRank[j] < sRank[bestJ])) {
          best = km;
          bestJ = j;
          bestChordSq = chordSq;
        }
      }
    }
    if (bestJ >= 0 && !exact) best = chordToKm(bestChordSq);
    slot[i] = bestJ < 0 ? -1 : sIndex[bestJ];
    cost[i] = best;
    let count = whole;
    let edge = 0;
    if (nPartial > 0) {
      const urban = areaType[i] === 1;
      const inside = urban ? insideUrban : insideRural;
      const outside = urban ? outsideUrban : outsideRural;
      const cover = urban ? coverUrban : coverRural;
      for (let t = 0; t < nPartial; t++) {
        const dx = qx - partialX[t];
        const dy = qy - partialY[t];
        const dz = qz - partialZ[t];
        const chordSq = dx * dx + dy * dy + dz * dz;
        // counted without a branch: whether a source crossing the sub-block is in range changes from cell
        // to cell, and a mispredicted branch costs more than the test; a cell a hair from a limit is counted again on km
        const isInside = +(chordSq <= inside);
        count += isInside;
        edge |= isInside ^ +(chordSq <= outside);
      }
      if (edge !== 0) count = countExact(s, qx, qy, qz, partial, nPartial, whole, cover, inside, outside);
    }
    inRange[i] = count;
  }
}

/** A cell's in-range count where a partial source lies a hair from its cover limit: the km decide. */
function countExact(s: CellScan, qx: number, qy: number, qz: number, partial: Int32Array, nPartial: number, whole: number, cover: number, inside: number, outside: number): number {
  const { x: sx, y: sy, z: sz } = s.src;
  let count = whole;
  for (let t = 0; t < nPartial; t++) {
    const j = partial[t];
    const dx = qx - sx[j];
    const dy = qy - sy[j];
    const dz = qz - sz[j];
    const chordSq = dx * dx + dy * dy + dz * dz;
    if (chordSq <= inside || (chordSq <= outside && chordSq <= s.maxChordSq && chordToKm(chordSq) <= cover)) count++;
  }
  return count;
}

/**
 * For every member cell: the nearest origin within limits.max (ties to the
 * lower rank) and the origins within its cover limit, into `out`.
 */
export function nearestAll(layout: MemberLayout, origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, areaType: Uint8Array, out: NearestOut): void {
  const src = sourcesOf(origins, rank);
  const { cellOf, blockX, blockY, blockZ, blockRadiusKm, blockSub, subStart, subEnd, subX, subY, subZ, subRadiusKm } = layout;
  const maxKm = limits.max;
  const coverUrban = limits.urban.cover;
  const coverRural = limits.rural.cover;
  // a sub-block of both types (or none) takes both limits' extremes
  const coverHi = Math.max(coverUrban, coverRural);
  const coverLo = Math.min(coverUrban, coverRural);
  const scan: CellScan = {
    nearX: new Float64Array(src.count),
    nearY: new Float64Array(src.count),
    nearZ: new Float64Array(src.count),
    partialX: new Float64Array(src.count),
    partialY: new Float64Array(src.count),
    partialZ: new Float64Array(src.count),
    cellOf,
    x: layout.x,
    y: layout.y,
    z: layout.z,
    src,
    areaType,
    out,
    maxChordSq: kmToChordSq(maxKm),
    coverUrban,
    coverRural,
    insideUrban: kmToChordSq(coverUrban * (1 - SLACK)),
    outsideUrban: kmToChordSq(coverUrban * (1 + SLACK)),
    insideRural: kmToChordSq(coverRural * (1 - SLACK)),
    outsideRural: kmToChordSq(coverRural * (1 + SLACK)),
  };
  const m = src.count;
  const { x: sx, y: sy, z: sz } = src;
  const centreChordSq = new Float64Array(m);
  /** Per source: the last block it was a candidate of the count for (+1). */
  const rangeOf = new Int32Array(m);
  const blockNear = new Int32Array(m);
  const blockRange = new Int32Array(m);
  const subNear = new Int32Array(m);
  const subKm = new Float64Array(m);
  const partial = new Int32Array(m);
  let subsPerBlock = 0;
  for (let b = 0; b < layout.blockCount; b++) subsPerBlock = Math.max(subsPerBlock, blockSub[b + 1] - blockSub[b]);
  const subCoverLo = new Float64Array(subsPerBlock);
  const subCoverHi = new Float64Array(subsPerBlock);
  for (let b = 0; b < layout.blockCount; b++) {
    const r = blockRadiusKm[b];
    const nNear = nearSources(src, blockX[b], blockY[b], blockZ[b], r, maxKm, centreChordSq, blockNear);
    // each sub-block's own cover limits (its cells mostly of one area type): an urban block needs the stations within 5 km, not 10
    let blockHi = 0;
    for (let u = blockSub[b]; u < blockSub[b + 1]; u++) {
      // the area types present (bit 0 rural, bit 1 urban), then their limits
      let types = 0;
      if (cellOf) for (let q = subStart[u]; q < subEnd[u]; q++) types |= 1 << areaType[cellOf[q]];
      else for (let q = subStart[u]; q < subEnd[u]; q++) types |= 1 << areaType[q];
      const lo = types === 2 ? coverUrban : types === 1 ? coverRural : coverLo;
      const hi = types === 2 ? coverUrban : types === 1 ? coverRural : coverHi;
      subCoverLo[u - blockSub[b]] = lo;
      subCoverHi[u - blockSub[b]] = hi;
      if (hi > blockHi) blockHi = hi;
    }
    let nRange = 0;
    const rangeBound = chordAbove(blockHi + r);
    for (let j = 0; j < m; j++) {
      if (centreChordSq[j] <= rangeBound) {
        blockRange[nRange++] = j;
        rangeOf[j] = b + 1;
      }
    }
    for (let u = blockSub[b]; u < blockSub[b + 1]; u++) {
      const ur = subRadiusKm[u];
      const ux = subX[u];
      const uy = subY[u];
      const uz = subZ[u];
      // the block's candidates again, against the sub-block (candidates for the count are a superset)
      let upper = Infinity;
      for (let t = 0; t < nRange; t++) {
        const j = blockRange[t];
        const dx = sx[j] - ux;
        const dy = sy[j] - uy;
        const dz = sz[j] - uz;
        subKm[j] = chordToKm(dx * dx + dy * dy + dz * dz);
      }
      for (let t = 0; t < nNear; t++) {
        const j = blockNear[t];
        if (rangeOf[j] !== b + 1) {
          const dx = sx[j] - ux;
          const dy = sy[j] - uy;
          const dz = sz[j] - uz;
          subKm[j] = chordToKm(dx * dx + dy * dy + dz * dz);
        }
        if (subKm[j] + ur < upper) upper = subKm[j] + ur;
      }
      const bound = Math.min(upper, maxKm);
      let nSub = 0;
      for (let t = 0; t < nNear; t++) {
        const j = blockNear[t];
        if (subKm[j] - ur > bound) continue;
        // nearest to the sub-block's centre first: most often every cell's nearest, so the later tests mostly fail
        // alike (a better-predicted branch); the answer does not depend on the order (see scanCells)
        let k = nSub++;
        while (k > 0 && subKm[subNear[k - 1]] > subKm[j]) {
          subNear[k] = subNear[k - 1];
          k--;
        }
        subNear[k] = j;
      }
      const subLo = subCoverLo[u - blockSub[b]];
      const subHi = subCoverHi[u - blockSub[b]];
      let whole = 0;
      let nPartial = 0;
      for (let t = 0; t < nRange; t++) {
        const j = blockRange[t];
        if (subKm[j] - ur > subHi) continue;
        if (subKm[j] + ur <= subLo * (1 - SLACK)) whole++;
        else partial[nPartial++] = j;
      }
      scanCells(scan, subStart[u], subEnd[u], subNear, nSub, partial, nPartial, whole);
    }
  }
}

/**
 * For the member cells listed (grid indices), the nearest origin within
 * limits.max (ties to the lower rank), into `out.slot` and `out.cost`.
 * @param memberOf position of a grid cell among the members (−1: not a member)
 * @param blockOf block of each member
 */
export function nearestOf(layout: MemberLayout, memberOf: (cell: number) => number, blockOf: Int32Array, cells: Int32Array, count: number, origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, out: NearestOut): void {
  const src = sourcesOf(origins, rank);
  const { x, y, z, blockX, blockY, blockZ, blockRadiusKm } = layout;
  const maxChordSq = kmToChordSq(limits.max);
  const centreChordSq = new Float64Array(src.count);
  const near = new Int32Array(src.count);
  let nNear = 0;
  let lastBlock = -1;
  for (let k = 0; k < count; k++) {
    const i = cells[k];
    const q = memberOf(i);
    let best = Infinity;
    let bestJ = -1;
    if (q >= 0) {
      const b = blockOf[q];
      if (b !== lastBlock) {
        nNear = nearSources(src, blockX[b], blockY[b], blockZ[b], blockRadiusKm[b], limits.max, centreChordSq, near);
        lastBlock = b;
      }
      for (let t = 0; t < nNear; t++) {
        const j = near[t];
        const dx = x[q] - src.x[j];
        const dy = y[q] - src.y[j];
        const dz = z[q] - src.z[j];
        const chordSq = dx * dx + dy * dy + dz * dz;
        if (chordSq > maxChordSq) continue;
        const km = chordToKm(chordSq);
        if (km < best || (km === best && src.rank[j] < src.rank[bestJ])) {
          best = km;
          bestJ = j;
        }
      }
    }
    out.slot[i] = bestJ < 0 ? -1 : src.index[bestJ];
    out.cost[i] = best;
  }
}
