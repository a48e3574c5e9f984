/**
 * Reach models answer one question for the engine: which cells can a station
 * reach within a limit, and at what cost? Today the cost is straight-line
 * distance in km; a road-network model (minutes) plugs in behind the same
 * interface without touching rules, tables, gaps, deltas or the optimiser.
 */
import KDBush from 'kdbush';
import { boxAround, DEG, EARTH_RADIUS_KM, haversineKm } from './geo.ts';
import { h3Runs } from './h3-runs.ts';
import type { PopulationGrid } from './grid.ts';

export interface Reach {
  /** Cell indices reached. */
  cells: Int32Array;
  /** Cost to each reached cell, in the model's unit. */
  costs: Float64Array;
}

export interface ReachModel {
  /** Unit of costs and limits: kilometres (straight line) or minutes (road travel time). */
  readonly unit: 'km' | 'min';
  /** Every cell within `limit` of the point, with its cost. */
  reach(lng: number, lat: number, limit: number): Reach;
}

// a module-local constant: an imported binding may be read through a getter on every use in a hot loop
const TWO_R = 2 * EARTH_RADIUS_KM;

/**
 * Great-circle km from a squared chord of the unit sphere: d = 2R·asin(c/2).
 * Below c/2 = 0.01 (±127 km) the series x + x³/6 + 3x⁵/40 is exact to
 * 1e-11 and much cheaper than Math.asin in the hot loop.
 */
export function chordToKm(chordSq: number): number {
  const x = Math.sqrt(chordSq) / 2;
  if (x >= 0.01) return TWO_R * Math.asin(Math.min(1, x));
  const x2 = x * x;
  return TWO_R * x * (1 + x2 * (1 / 6 + x2 * (3 / 40)));
}

/** Resolution steps between a grid cell and the block it is scanned in (res 9 → res-6 blocks of ~343 cells). */
const BLOCK_STEPS = 3;

/**
 * Great-circle distance from the station to each cell centre. Cells are
 * grouped into coarser H3 blocks (contiguous runs of the H3-sorted grid); a
 * KD-tree of block centres finds the blocks near the station, and only blocks
 * that can hold a cell within the limit are scanned, in memory order.
 * @example new StraightLineReach(grid).reach(118.16, 25.31, 10) // cells within 10 km
 */
export class StraightLineReach implements ReachModel {
  readonly unit = 'km' as const;
  /** Cell centres as unit vectors, interleaved x,y,z per cell: the chord between two is all a distance needs. */
  private readonly xyz: Float64Array;
  /** Scan buffers reused by every query; each result is copied out at its exact size. */
  private scanCells = new Int32Array(0);
  private scanCosts = new Float64Array(0);
  /** Blocks: [start, end) cell runs, centre, and the furthest child centre from it (km). */
  private readonly blockStart: Int32Array;
  private readonly blockEnd: Int32Array;
  private readonly blockLng: Float64Array;
  private readonly blockLat: Float64Array;
  private readonly blockRadiusKm: Float64Array;
  private readonly maxBlockRadiusKm: number;
  private readonly blockIndex: KDBush;

  constructor(grid: PopulationGrid) {
    const n = grid.size;
    this.xyz = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const la = grid.lat[i] * DEG;
      const ln = grid.lng[i] * DEG;
      this.xyz[3 * i] = Math.cos(la) * Math.cos(ln);
      this.xyz[3 * i + 1] = Math.cos(la) * Math.sin(ln);
      this.xyz[3 * i + 2] = Math.sin(la);
    }
    // the grid is H3-sorted, so a block's children are one run
    const blocks = h3Runs(grid, null, Math.max(0, grid.resolution - BLOCK_STEPS));
    this.blockStart = blocks.start;
    this.blockEnd = blocks.end;
    this.blockLng = blocks.lng;
    this.blockLat = blocks.lat;
    this.blockRadiusKm = blocks.radiusKm;
    this.maxBlockRadiusKm = blocks.maxRadiusKm;
    this.blockIndex = new KDBush(Math.max(1, blocks.count));
    for (let b = 0; b < blocks.count; b++) this.blockIndex.add(blocks.lng[b], blocks.lat[b]);
    if (blocks.count === 0) this.blockIndex.add(0, 0); // kdbush needs one item; an empty grid has no blocks to scan
    this.blockIndex.finish();
  }

  reach(lng: number, lat: number, limitKm: number): Reach {
    const [minX, minY, maxX, maxY] = boxAround(lng, lat, limitKm + this.maxBlockRadiusKm);
    const blocks = this.blockIndex.range(minX, minY, maxX, maxY);
    let capacity = 0;
    const near: number[] = [];
    for (const b of blocks) {
      if (b >= this.blockStart.length) continue;
      if (haversineKm(lng, lat, this.blockLng[b], this.blockLat[b]) > limitKm + this.blockRadiusKm[b]) continue;
      near.push(b);
      capacity += this.blockEnd[b] - this.blockStart[b];
    }
    if (this.scanCells.length < capacity) {
      this.scanCells = new Int32Array(capacity);
      this.scanCosts = new Float64Array(capacity);
    }
    const cells = this.scanCells;
    const costs = this.scanCosts;
    const la = lat * DEG;
    const ln = lng * DEG;
    const sx = Math.cos(la) * Math.cos(ln);
    const sy = Math.cos(la) * Math.sin(ln);
    const sz = Math.sin(la);
    // great-circle distance d and chord c are tied by c = 2·sin(d / 2R): compare chords, take asin only inside
    const half = Math.min(Math.PI / 2, limitKm / (2 * EARTH_RADIUS_KM));
    const chordLimitSq = 4 * Math.sin(half) ** 2;
    const { xyz } = this;
    let k = 0;
    near.sort((a, b) => a - b);
    for (const b of near) {
      const end = this.blockEnd[b];
      for (let i = this.blockStart[b]; i < end; i++) {
        const dx = xyz[3 * i] - sx;
        const dy = xyz[3 * i + 1] - sy;
        const dz = xyz[3 * i + 2] - sz;
        const chordSq = dx * dx + dy * dy + dz * dz;
        if (chordSq <= chordLimitSq) {
          cells[k] = i;
          costs[k] = chordToKm(chordSq);
          k++;
        }
      }
    }
    return { cells: cells.slice(0, k), costs: costs.slice(0, k) };
  }
}
