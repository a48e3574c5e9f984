/**
 * Every cell's nearest station at once on the straight line, for a full
 * evaluation: instead of listing each station's reach (every cell within the
 * largest radius: ~2 million entries for 泉州市's 184 stations, each written,
 * copied and compared), each block of cells keeps only the stations that can
 * be nearest to one of its cells (centre distance − block radius within the
 * best centre distance + radius), and the stations whose cover radius takes
 * the whole of a sub-block count for all its cells at once. A cell then
 * tests two or three stations, not every station within 20 km.
 *
 * Same answer as listing every reach: the same squared chords, the same km
 * (chordToKm), the same limits (squared chord within the largest limit's,
 * km within the cover limit), ties to the lower rank; whole sub-blocks only
 * with the model's own slack from the limit.
 */
import { DEG as DEG_IMPORT } from './geo.ts';
import type { NearestOut, ReachLimits, ReachOrigin } from './reach.ts';

// module-local copy: an imported binding may be read through a getter on every use in a hot loop
const DEG = DEG_IMPORT;

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

/** The model's distance functions and slack, passed in so both files read one definition. */
export interface ChordMath {
  chordToKm(chordSq: number): number;
  kmToChordSq(km: number): number;
  slack: number;
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

/**
 * The sources whose distance to a block (centre cx, cy, cz, radius r km) can
 * be the least of one of its cells within maxKm, into `near`; returns how many.
 * `centreKm[j]` receives each source's centre distance (km).
 */
function nearSources(src: Sources, cx: number, cy: number, cz: number, r: number, maxKm: number, math: ChordMath, centreKm: Float64Array, near: Int32Array): number {
  let upper = Infinity;
  for (let j = 0; j < src.count; j++) {
    const dx = src.x[j] - cx;
    const dy = src.y[j] - cy;
    const dz = src.z[j] - cz;
    const km = math.chordToKm(dx * dx + dy * dy + dz * dz);
    centreKm[j] = km;
    if (km + r < upper) upper = km + r;
  }
  // every cell of the block has a source within `upper`; one beyond it by the radius is never the nearest
  const bound = Math.min(upper, maxKm);
  let count = 0;
  for (let j = 0; j < src.count; j++) if (centreKm[j] - r <= bound) near[count++] = j;
  return count;
}

/**
 * For every member cell: the nearest origin within limits.max (ties to the
 * lower rank) and the origins within its cover limit, into `out`.
 */
export function nearestAll(layout: MemberLayout, math: ChordMath, origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, areaType: Uint8Array, out: NearestOut): void {
  const src = sourcesOf(origins, rank);
  const { cellOf, x, y, z, blockX, blockY, blockZ, blockRadiusKm, blockSub, subStart, subEnd, subX, subY, subZ, subRadiusKm } = layout;
  const { slot, cost, inRange } = out;
  const { chordToKm, slack } = math;
  const maxKm = limits.max;
  const maxChordSq = math.kmToChordSq(maxKm);
  const coverUrban = limits.urban.cover;
  const coverRural = limits.rural.cover;
  const coverHi = Math.max(coverUrban, coverRural);
  const coverLo = Math.min(coverUrban, coverRural);
  // squared chords a hair inside and outside each cover limit: only cells between them need their km
  const insideUrban = math.kmToChordSq(coverUrban * (1 - slack));
  const outsideUrban = math.kmToChordSq(coverUrban * (1 + slack));
  const insideRural = math.kmToChordSq(coverRural * (1 - slack));
  const outsideRural = math.kmToChordSq(coverRural * (1 + slack));
  const m = src.count;
  const centreKm = new Float64Array(m);
  const blockNear = new Int32Array(m);
  const blockRange = new Int32Array(m);
  const subNear = new Int32Array(m);
  const subKm = new Float64Array(m);
  const partial = new Int32Array(m);
  for (let b = 0; b < layout.blockCount; b++) {
    const r = blockRadiusKm[b];
    const nNear = nearSources(src, blockX[b], blockY[b], blockZ[b], r, maxKm, math, centreKm, blockNear);
    let nRange = 0;
    for (let j = 0; j < m; j++) if (centreKm[j] - r <= coverHi) blockRange[nRange++] = j;
    for (let u = blockSub[b]; u < blockSub[b + 1]; u++) {
      const ur = subRadiusKm[u];
      const ux = subX[u];
      const uy = subY[u];
      const uz = subZ[u];
      // the block's candidates again, against the sub-block (candidates for the count are a superset)
      let upper = Infinity;
      for (let t = 0; t < nRange; t++) {
        const j = blockRange[t];
        const dx = src.x[j] - ux;
        const dy = src.y[j] - uy;
        const dz = src.z[j] - uz;
        subKm[j] = chordToKm(dx * dx + dy * dy + dz * dz);
      }
      for (let t = 0; t < nNear; t++) {
        const j = blockNear[t];
        if (centreKm[j] - r > coverHi) {
          const dx = src.x[j] - ux;
          const dy = src.y[j] - uy;
          const dz = src.z[j] - uz;
          subKm[j] = chordToKm(dx * dx + dy * dy + dz * dz);
        }
        if (subKm[j] + ur < upper) upper = subKm[j] + ur;
      }
      const bound = Math.min(upper, maxKm);
      let nSub = 0;
      for (let t = 0; t < nNear; t++) if (subKm[blockNear[t]] - ur <= bound) subNear[nSub++] = blockNear[t];
      let whole = 0;
      let nPartial = 0;
      for (let t = 0; t < nRange; t++) {
        const j = blockRange[t];
        if (subKm[j] - ur > coverHi) continue;
        if (subKm[j] + ur <= coverLo * (1 - slack)) whole++;
        else partial[nPartial++] = j;
      }
      for (let q = subStart[u]; q < subEnd[u]; q++) {
        const i = cellOf ? cellOf[q] : q;
        const qx = x[q];
        const qy = y[q];
        const qz = z[q];
        let best = Infinity;
        let bestJ = -1;
        for (let t = 0; t < nSub; t++) {
          const j = subNear[t];
          const dx = qx - src.x[j];
          const dy = qy - src.y[j];
          const dz = qz - src.z[j];
          const chordSq = dx * dx + dy * dy + dz * dz;
          if (chordSq > maxChordSq) continue;
          const km = chordToKm(chordSq);
          if (km < best || (km === best && src.rank[j] < src.rank[bestJ])) {
            best = km;
            bestJ = j;
          }
        }
        slot[i] = bestJ < 0 ? -1 : src.index[bestJ];
        cost[i] = best;
        let count = whole;
        if (nPartial > 0) {
          const urban = areaType[i] === 1;
          const inside = urban ? insideUrban : insideRural;
          const outside = urban ? outsideUrban : outsideRural;
          const cover = urban ? coverUrban : coverRural;
          for (let t = 0; t < nPartial; t++) {
            const j = partial[t];
            const dx = qx - src.x[j];
            const dy = qy - src.y[j];
            const dz = qz - src.z[j];
            const chordSq = dx * dx + dy * dy + dz * dz;
            if (chordSq <= inside || (chordSq <= outside && chordSq <= maxChordSq && chordToKm(chordSq) <= cover)) count++;
          }
        }
        inRange[i] = count;
      }
    }
  }
}

/**
 * For the member cells listed (grid indices), the nearest origin within
 * limits.max (ties to the lower rank), into `out.slot` and `out.cost`.
 * @param memberOf position of a grid cell among the members (−1: not a member)
 * @param blockOf block of each member
 */
export function nearestOf(layout: MemberLayout, math: ChordMath, memberOf: (cell: number) => number, blockOf: Int32Array, cells: Int32Array, count: number, origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, out: NearestOut): void {
  const src = sourcesOf(origins, rank);
  const { x, y, z, blockX, blockY, blockZ, blockRadiusKm } = layout;
  const { chordToKm } = math;
  const maxChordSq = math.kmToChordSq(limits.max);
  const centreKm = new Float64Array(src.count);
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
        nNear = nearSources(src, blockX[b], blockY[b], blockZ[b], blockRadiusKm[b], limits.max, math, centreKm, near);
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
