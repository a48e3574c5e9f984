/** H3 cells of county outlines, each cell given to exactly one county. */
import { bboxClip, bbox } from '@turf/turf';
import { polygonToCells } from 'h3-js';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf } from './geo.ts';

export interface CountyCells {
  adcode: string;
  /** H3 indexes whose centre lies in the outline, sorted, without cells an earlier county claimed. */
  cells: string[];
  /** Cells whose centre also lies in an earlier county's outline (by adcode), left to that county. */
  claimedEarlier: number;
}

/** Tiles per degree (0.1° ≈ 10 km tiles) for polyfilling large outlines piecewise. */
const TILES_PER_DEG = 10;

function hasArea(ring: Position[] | undefined): ring is Position[] {
  if (!ring || ring.length < 4) return false;
  let twiceArea = 0;
  for (let i = 1; i < ring.length; i++) twiceArea += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(twiceArea) > 1e-14;
}

/**
 * Cells whose centre lies in one polygon. h3's polyfill tests every candidate
 * centre against every edge, so a long coastline is cut into tiles first: each
 * tile sees only its own stretch of the outline. A centre exactly on a tile
 * edge would be found by both neighbours (the set keeps one).
 */
function polygonCells(rings: Position[][], resolution: number, out: Set<string>): void {
  const [minX, minY, maxX, maxY] = bbox({ type: 'Polygon', coordinates: rings });
  for (let x = Math.floor(minX * TILES_PER_DEG); x / TILES_PER_DEG < maxX; x++) {
    for (let y = Math.floor(minY * TILES_PER_DEG); y / TILES_PER_DEG < maxY; y++) {
      const box: [number, number, number, number] = [x / TILES_PER_DEG, y / TILES_PER_DEG, (x + 1) / TILES_PER_DEG, (y + 1) / TILES_PER_DEG];
      const clipped = bboxClip({ type: 'Polygon', coordinates: rings }, box).geometry as Polygon;
      // clipping leaves zero-area rings where the outline only grazes the tile; h3 rejects those
      const [shell, ...holes] = clipped.coordinates;
      if (!hasArea(shell)) continue;
      for (const h of polygonToCells([shell, ...holes.filter(hasArea)], resolution, true)) out.add(h);
    }
  }
}

/**
 * Polyfills each county outline at `resolution` (cell centre in polygon, one
 * polygon of a MultiPolygon at a time) and gives a cell claimed by two
 * counties to the first in the given order.
 */
export function assignCountyCells(
  counties: readonly { adcode: string; outline: Polygon | MultiPolygon }[],
  resolution: number,
): CountyCells[] {
  const owner = new Set<string>();
  return counties.map(({ adcode, outline }) => {
    const own = new Set<string>();
    for (const rings of polygonsOf(outline)) polygonCells(rings, resolution, own);
    const cells: string[] = [];
    let claimedEarlier = 0;
    for (const h of own) {
      if (owner.has(h)) claimedEarlier++;
      else cells.push(h);
    }
    for (const h of cells) owner.add(h);
    cells.sort();
    return { adcode, cells, claimedEarlier };
  });
}
