/**
 * Pure steps that make and change a region: population cells into the
 * region's zones (a cell belongs to the zone holding its centre; cells in no
 * zone are outside the region and left out, counted), new zones for the
 * cells, area types by the density rule, and the region's id. The worker and
 * the CLI call the same steps, so the same files give the same region.
 */
import type { CellInput } from '../../core/grid.ts';
import { densityAreaTypes, DENSITY_RESOLUTION, URBAN_DENSITY_PER_KM2, URBAN_RESIDENT_SHARE } from '../../core/density-area-type.ts';
import type { Zone } from '../../core/types.ts';
import { CHINA_BBOX } from '../region.ts';
import { fileError } from '../errors.ts';
import type { Crs } from '../crs.ts';
import { assignCellsToZones } from '../zones.ts';
import type { Region, RegionCells, ZoneOutline } from './types.ts';

export interface CellsInZones {
  cells: RegionCells;
  /** Cells whose centre lies in no zone: left out of the region, counted. */
  outside: number;
  outsidePopulation: number;
  /** Cells in two or more zones (the first zone in file order has them). */
  overlapping: number;
}

/** Cells sorted by H3, each given the index of the zone holding its centre; cells in no zone are left out. */
export function cellsInZones(cells: readonly CellInput[], zones: readonly Zone[], outlines: readonly ZoneOutline[]): CellsInZones {
  const index = new Map(zones.map((z, i) => [z.code, i]));
  const assigned = assignCellsToZones(cells, outlines);
  const kept = assigned.cells.filter((c) => c.zone !== undefined && index.has(c.zone) && c.population > 0);
  kept.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
  const population = new Float64Array(kept.length);
  const zone = new Int32Array(kept.length);
  kept.forEach((c, i) => {
    population[i] = c.population;
    zone[i] = index.get(c.zone!)!;
  });
  return { cells: { h3: kept.map((c) => c.h3), population, zone }, outside: assigned.outside, outsidePopulation: assigned.outsidePopulation, overlapping: assigned.overlapping };
}

/** The region's cells as reader rows (zone codes), e.g. to give them other zones. */
export function cellRows(region: Pick<Region, 'cells' | 'zones'>): CellInput[] {
  const { h3, population, zone } = region.cells;
  return h3.map((c, i) => ({ h3: c, population: population[i], zone: zone[i] >= 0 ? region.zones[zone[i]].code : undefined }));
}

/** Words for the density rule, as the rules panel and the notes state it. */
export const DENSITY_RULE_TEXT = `density rule: urban when ≥ ${URBAN_RESIDENT_SHARE * 100} % of residents live in H3 res-${DENSITY_RESOLUTION} cells of ≥ ${URBAN_DENSITY_PER_KM2.toLocaleString('en-US')} residents/km² (GHSL urban-centre density)`;

/** Zones with their area type set by the density rule, source stated per zone. */
export function withDensityAreaTypes(zones: readonly Zone[], cells: RegionCells): Zone[] {
  const verdicts = densityAreaTypes(cells.h3, cells.population, cells.zone, zones.length);
  return zones.map((z, i) => ({ ...z, areaType: verdicts[i].areaType, areaTypeSource: `${DENSITY_RULE_TEXT}; ${Math.round(verdicts[i].denseShare * 100)} % here` }));
}

/**
 * GCJ-02 (AMap) and BD-09 (Baidu) are Chinese map systems: a file read in
 * them whose positions fall outside China is in another system, and reading
 * it as such would move nothing yet claim a conversion.
 */
export function refuseChineseCrsOutsideChina(crs: Crs | undefined, bbox: readonly number[], file: string): void {
  if (!crs || crs === 'WGS84') return;
  const [w, s, e, n] = bbox;
  const [cw, cs, ce, cn] = CHINA_BBOX;
  if (w < cw || s < cs || e > ce || n > cn) {
    throw fileError(file, `was read as ${crs}, a Chinese map coordinate system, but its positions reach outside China (${w.toFixed(3)}, ${s.toFixed(3)} … ${e.toFixed(3)}, ${n.toFixed(3)}); outside China choose WGS84`, 'unsupported-crs');
  }
}

/** [west, south, east, north] of outlines. */
export function outlinesBbox(outlines: readonly { geometry: { coordinates: number[][][][] } }[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of outlines) {
    for (const polygon of f.geometry.coordinates) {
      for (const [x, y] of polygon[0] ?? []) {
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
    }
  }
  return box;
}

/**
 * A stable id for a region built from files: the same zones and cells give
 * the same id (FNV-1a over zone codes, H3 indexes and residents), so a
 * scenario saved for it finds it again.
 */
export function regionIdOf(zones: readonly Zone[], cells: RegionCells): string {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  for (const z of zones) mix(z.code);
  for (let i = 0; i < cells.h3.length; i++) {
    mix(cells.h3[i]);
    mix(String(Math.round(cells.population[i] * 1000)));
  }
  return `user-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
