/**
 * What a station's display rings are: the radii the engine applies, for each
 * area type among the cells the station reaches. Coverage is judged per cell
 * by the cell's own type, so a station near an urban–rural border draws the
 * rings of both types; the map draws these and derives no radius itself.
 */
import type { CoverageEngine } from './coverage.ts';
import { circleRadiusKm, type Rules } from './rules.ts';
import type { AreaType, Station } from './types.ts';

export type RingKind = 'cover' | 'circle';

export interface RingSpec {
  ring: RingKind;
  radiusKm: number;
  /** Dashed: the lenient rural radius drawn as the outer edge of the marginal band. */
  dashed: boolean;
}

/**
 * The rings for cells of one area type under the rules. Urban: the urban
 * radius. Rural, strict reading: strict radius solid and the lenient radius
 * dashed (cells between are marginal). Rural, lenient reading: the lenient
 * radius only. Plus the emergency circle.
 * @example ringSpecs(DEFAULT_RULES, 'urban') // [{ ring: 'cover', radiusKm: 5, dashed: false }, { ring: 'circle', radiusKm: 4.009…, dashed: false }]
 */
export function ringSpecs(rules: Rules, areaType: AreaType): RingSpec[] {
  const cover: RingSpec[] =
    areaType === 'urban'
      ? [{ ring: 'cover', radiusKm: rules.urbanRadiusKm, dashed: false }]
      : rules.ruralReading === 'lenient'
        ? [{ ring: 'cover', radiusKm: rules.ruralLenientRadiusKm, dashed: false }]
        : [
            { ring: 'cover', radiusKm: rules.ruralStrictRadiusKm, dashed: false },
            { ring: 'cover', radiusKm: rules.ruralLenientRadiusKm, dashed: true },
          ];
  return [...cover, { ring: 'circle', radiusKm: circleRadiusKm(rules, areaType), dashed: false }];
}

/** Largest ring of an area type: beyond it no cell of that type is touched by the station. */
export function outerRadiusKm(rules: Rules, areaType: AreaType): number {
  return Math.max(...ringSpecs(rules, areaType).map((s) => s.radiusKm));
}

/**
 * Area types of the populated or unpopulated cells within the station's
 * outer ring of that type (urban first). A station that reaches no cell
 * (outside the region) gets the rural rings, the wider reading.
 */
export function ringAreaTypes(engine: CoverageEngine, station: Pick<Station, 'id' | 'lng' | 'lat'>): AreaType[] {
  // an active station's reach is held by the engine; a disabled one is asked for
  const { cells, costs } = engine.stationReach(station.id) ?? engine.reachFrom(station.lng, station.lat);
  const urbanKm = outerRadiusKm(engine.rules, 'urban');
  const ruralKm = outerRadiusKm(engine.rules, 'rural');
  let urban = false;
  let rural = false;
  for (let k = 0; k < cells.length && !(urban && rural); k++) {
    const isUrban = engine.areaType[cells[k]] === 1;
    if (isUrban && costs[k] <= urbanKm) urban = true;
    else if (!isUrban && costs[k] <= ruralKm) rural = true;
  }
  const types: AreaType[] = [];
  if (urban) types.push('urban');
  if (rural || !urban) types.push('rural');
  return types;
}
