/**
 * Urban or rural from population density, for zones whose file says neither
 * (a planner's own boundaries). The rule follows the GHSL Degree of
 * Urbanisation (Eurostat/JRC, "Applying the Degree of Urbanisation", 2021):
 * a grid cell of at least 1,500 residents per km² belongs to an urban centre.
 * Here density is taken on H3 resolution-8 cells (≈0.74 km², the H3 size
 * closest to GHSL's 1 km² grid; the region's own cells when they are
 * coarser), and a zone is urban when at least half of its residents live in
 * such dense cells. It is a stated default: the planner overrides any zone.
 */
import { cellArea, cellToParent } from 'h3-js';
import type { AreaType } from './types.ts';

/** Residents per km² of a GHSL urban-centre grid cell. */
export const URBAN_DENSITY_PER_KM2 = 1500;
/** Share of a zone's residents in dense cells above which the zone is urban. */
export const URBAN_RESIDENT_SHARE = 0.5;
/** H3 resolution the density is measured at (≈0.74 km² cells). */
export const DENSITY_RESOLUTION = 8;

export interface DensityVerdict {
  areaType: AreaType;
  /** Share of the zone's residents living in cells of ≥ URBAN_DENSITY_PER_KM2 (0 for an empty zone). */
  denseShare: number;
}

/**
 * @param h3 the region's cells
 * @param population residents per cell
 * @param zone zone index per cell (-1 none)
 * @param zoneCount number of zones
 * @example densityAreaTypes(['8928308280fffff'], Float64Array.of(2000), Int32Array.of(0), 1)[0].areaType // 'urban' only if 2000 people make ≥ 1,500/km² at res 8
 */
export function densityAreaTypes(h3: readonly string[], population: Float64Array, zone: Int32Array, zoneCount: number): DensityVerdict[] {
  const blockOf = new Map<string, number>();
  const blockPeople: number[] = [];
  const blockArea: number[] = [];
  const cellBlock = new Int32Array(h3.length);
  for (let i = 0; i < h3.length; i++) {
    const cell = h3[i];
    const resolution = parseInt(cell[1], 16);
    const parent = resolution > DENSITY_RESOLUTION ? cellToParent(cell, DENSITY_RESOLUTION) : cell;
    let b = blockOf.get(parent);
    if (b === undefined) {
      b = blockPeople.length;
      blockOf.set(parent, b);
      blockPeople.push(0);
      blockArea.push(cellArea(parent, 'km2'));
    }
    blockPeople[b] += population[i];
    cellBlock[i] = b;
  }
  const dense = new Float64Array(zoneCount);
  const all = new Float64Array(zoneCount);
  for (let i = 0; i < h3.length; i++) {
    const z = zone[i];
    if (z < 0) continue;
    all[z] += population[i];
    const b = cellBlock[i];
    if (blockPeople[b] / blockArea[b] >= URBAN_DENSITY_PER_KM2) dense[z] += population[i];
  }
  return Array.from({ length: zoneCount }, (_, z) => {
    const denseShare = all[z] > 0 ? dense[z] / all[z] : 0;
    return { areaType: denseShare >= URBAN_RESIDENT_SHARE ? 'urban' : 'rural', denseShare };
  });
}
