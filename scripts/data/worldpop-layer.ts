/**
 * The WorldPop layer of the population model, over the whole region at once:
 * each WorldPop cell's people (the region's part of them) are spread over the
 * region's H3 cells whose centres it holds, in proportion to the village-unit
 * kernel model — so WorldPop says how many people live in each ~9 km square,
 * the village units where inside it, across county borders too.
 */
import { cellArea, cellToLatLng } from 'h3-js';
import { EARTH_RADIUS_KM } from './geo.ts';
import { OUTER_LAND_BORDER_COUNTIES } from './regions.ts';
import type { WorldPopCell, WorldPopGrid } from './worldpop.ts';

/** A WorldPop cell outside the region with at least this many people is land (sea cells hold ~0 or are absent from the file). */
export const LAND_MIN_PEOPLE = 100;

export interface CountyKernel {
  adcode: string;
  /** The county's H3 cells. */
  cells: readonly string[];
  /** The kernel model's people per cell, parallel to `cells`. */
  values: Float64Array;
}

export interface CountyWorldPop {
  /** WorldPop people per cell (not yet scaled to the census total), parallel to the county's cells. */
  values: Float64Array;
  /** The county's WorldPop people (sum of `values`). */
  people: number;
  /** Of those, people from WorldPop cells on the region's outer land border (shared by area). */
  fromBorderCells: number;
  /** Cells in no WorldPop cell, so with no people. */
  cellsWithoutWorldPop: number;
  /** Cells of WorldPop cells no kernel reaches, which share its people evenly. */
  cellsSpreadEvenly: number;
}

const DEG = Math.PI / 180;

/** Area of a longitude/latitude box on the sphere, km². */
export function boxAreaKm2(c: Pick<WorldPopCell, 'lngMin' | 'latMin' | 'lngMax' | 'latMax'>): number {
  return EARTH_RADIUS_KM * EARTH_RADIUS_KM * (c.lngMax - c.lngMin) * DEG * (Math.sin(c.latMax * DEG) - Math.sin(c.latMin * DEG));
}

interface Square {
  cell: WorldPopCell;
  /** Region H3 cells in it. */
  count: number;
  /** Their area, km². */
  areaKm2: number;
  /** Whether it holds people (by the kernels) of a county on the region's outer land border. */
  borderCounty: boolean;
  /** Their kernel people. */
  kernel: number;
  /** The part of its people that live in the region. */
  regionShare: number;
}

/**
 * The region's share of a WorldPop cell's people. A cell holding people of a
 * county on the region's outer land border, next to a populated WorldPop cell
 * that holds no region cell, has land outside the region: its people are
 * shared by area (the region's H3 cells' area ÷ the cell's area, at most 1).
 * Any other cell (inland, or on the coast, where the rest is sea) gives all
 * its people to the region's cells in it.
 */
function regionShare(grid: WorldPopGrid, square: Omit<Square, 'regionShare'>, squares: ReadonlyMap<string, unknown>): number {
  const landOutside = square.borderCounty && grid.neighbours(square.cell).some((n) => !squares.has(n.key) && n.population >= LAND_MIN_PEOPLE);
  if (!landOutside) return 1;
  return Math.min(1, square.areaKm2 / boxAreaKm2(square.cell));
}

export function worldPopLayer(grid: WorldPopGrid, counties: readonly CountyKernel[]): Map<string, CountyWorldPop> {
  const cellOf = counties.map(({ cells }) =>
    cells.map((h) => {
      const [lat, lng] = cellToLatLng(h);
      return grid.cellAt(lng, lat);
    }),
  );
  const found = new Map<string, Omit<Square, 'regionShare'>>();
  counties.forEach(({ adcode, cells, values }, k) =>
    cellOf[k].forEach((c, i) => {
      if (!c) return;
      const s = found.get(c.key) ?? { cell: c, count: 0, areaKm2: 0, kernel: 0, borderCounty: false };
      // an empty cell of such a county (sea inside its outline, near 厦门岛) does not make the square a border square
      s.borderCounty ||= OUTER_LAND_BORDER_COUNTIES.has(adcode) && values[i] > 0;
      s.count++;
      s.areaKm2 += cellArea(cells[i], 'km2');
      s.kernel += values[i];
      found.set(c.key, s);
    }),
  );
  const squares = new Map<string, Square>();
  for (const [key, s] of found) squares.set(key, { ...s, regionShare: regionShare(grid, s, found) });

  const out = new Map<string, CountyWorldPop>();
  counties.forEach(({ adcode, values: kernel }, k) => {
    const values = new Float64Array(kernel.length);
    let people = 0;
    let fromBorderCells = 0;
    let cellsWithoutWorldPop = 0;
    let cellsSpreadEvenly = 0;
    cellOf[k].forEach((c, i) => {
      if (!c) {
        cellsWithoutWorldPop++;
        return;
      }
      const s = squares.get(c.key)!;
      const inRegion = s.cell.population * s.regionShare;
      if (s.kernel > 0) {
        values[i] = (inRegion * kernel[i]) / s.kernel;
      } else {
        values[i] = inRegion / s.count;
        cellsSpreadEvenly++;
      }
      people += values[i];
      if (s.regionShare < 1) fromBorderCells += values[i];
    });
    out.set(adcode, { values, people, fromBorderCells, cellsWithoutWorldPop, cellsSpreadEvenly });
  });
  return out;
}
