/**
 * What a station's display rings are: the straight-line model's limits (the
 * radii the engine applies with that model), for each area type among the
 * cells the station reaches. Coverage is judged per cell by the cell's own
 * type, so a station near an urban–rural border draws the rings of both
 * types; the map draws these and derives no radius itself.
 */
import type { CoverageEngine } from './coverage.ts';
import { areaLimits, outerLimit } from './reach.ts';
import type { Rules } from './rules.ts';
import { straightLineLimits } from './straight-line-reach.ts';
import type { AreaType, Station } from './types.ts';

export type RingKind = 'cover' | 'circle';

export interface RingSpec {
  ring: RingKind;
  radiusKm: number;
  /** Dashed: the lenient rural radius drawn as the outer edge of the marginal band. */
  dashed: boolean;
}

/**
 * The rings for cells of one area type under the rules: the cover radius
 * solid; where a marginal band lies beyond it (rural, strict reading), its
 * outer edge (the lenient radius) dashed; and the emergency circle.
 * @example ringSpecs(DEFAULT_RULES, 'urban') // [{ ring: 'cover', radiusKm: 5, dashed: false }, { ring: 'circle', radiusKm: 4.009…, dashed: false }]
 */
export function ringSpecs(rules: Rules, areaType: AreaType): RingSpec[] {
  const km = areaLimits(straightLineLimits(rules), areaType);
  const cover: RingSpec[] = [{ ring: 'cover', radiusKm: km.cover, dashed: false }];
  if (km.marginal > km.cover) cover.push({ ring: 'cover', radiusKm: km.marginal, dashed: true });
  return [...cover, { ring: 'circle', radiusKm: km.circle, dashed: false }];
}

/** Largest ring of an area type: beyond it no cell of that type is touched by the station. */
export function outerRadiusKm(rules: Rules, areaType: AreaType): number {
  return outerLimit(straightLineLimits(rules), areaType);
}

/**
 * Area types of the populated or unpopulated cells within the station's
 * outer limit of that type (urban first), in the engine's reach model. A
 * station that reaches no cell (outside the region) gets the rural rings,
 * the wider reading.
 */
export function ringAreaTypes(engine: CoverageEngine, station: Pick<Station, 'id' | 'lng' | 'lat' | 'turnoutMinutes'>): AreaType[] {
  const urbanLimit = outerLimit(engine.reachLimits, 'urban');
  const ruralLimit = outerLimit(engine.reachLimits, 'rural');
  const model = engine.reachModel;
  // a model that can tell without listing the reach (the straight line: ~0.5 ms a station less, 184 stations on opening 泉州市)
  const { urban, rural } = model.typesWithin ? model.typesWithin(station, urbanLimit, ruralLimit, engine.reachLimits, engine.areaType) : typesInReach(engine, station, urbanLimit, ruralLimit);
  const types: AreaType[] = [];
  if (urban) types.push('urban');
  if (rural || !urban) types.push('rural');
  return types;
}

/** The area types among the station's reached cells within each type's limit, from its reach listed. */
function typesInReach(engine: CoverageEngine, station: Pick<Station, 'id' | 'lng' | 'lat' | 'turnoutMinutes'>, urbanLimit: number, ruralLimit: number): { urban: boolean; rural: boolean } {
  // an active station's reach is held by the engine; a disabled one is asked for
  const { cells, costs } = engine.stationReach(station.id) ?? engine.reachFrom(station);
  let urban = false;
  let rural = false;
  for (let k = 0; k < cells.length && !(urban && rural); k++) {
    const isUrban = engine.areaType[cells[k]] === 1;
    if (isUrban && costs[k] <= urbanLimit) urban = true;
    else if (!isUrban && costs[k] <= ruralLimit) rural = true;
  }
  return { urban, rural };
}
