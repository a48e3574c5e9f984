/**
 * Display rings around active stations: the service radius of the area type
 * the station stands in, and the emergency circle (speed × minutes). Turf
 * draws them; the engine, not these rings, decides coverage. A cache keeps
 * each station's rings until its position, area type or the rules change, so
 * a drag redraws only the moved station.
 */
import type { Feature, Point, Polygon } from 'geojson';
import { circle } from '@turf/turf';
import { circleRadiusKm, type Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';

/** 'label' is the point at the top of a selected station's emergency circle carrying its formula. */
export type RingKind = 'cover' | 'circle' | 'label';

export interface RingSpec {
  ring: RingKind;
  radiusKm: number;
  /** Dashed: the lenient rural radius drawn as the outer edge of the marginal band. */
  dashed: boolean;
}

export interface RingProperties extends RingSpec {
  stationId: string;
  areaType: AreaType;
  selected: boolean;
  /** The emergency circle's formula on its label point; empty otherwise. */
  label: string;
}

/**
 * The rings a station standing in an area of this type gets under the rules.
 * Urban: the urban radius. Rural, strict reading: strict radius solid and the
 * lenient radius dashed (cells between are marginal). Rural, lenient reading:
 * the lenient radius only. Plus the emergency circle.
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

/** Vertices per ring: the chord of a 20 km ring strays under 25 m from the true circle. */
export const RING_STEPS = 72;

interface CacheEntry {
  key: string;
  polygons: Polygon[];
}

export interface RingInput {
  station: Station;
  areaType: AreaType;
  selected: boolean;
  /** Label of the emergency circle for this area type. */
  circleLabel: string;
}

/** Rings of many stations, recomputing a station's geometry only when it changes. */
export class RingCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Stations whose geometry was recomputed by the last `features` call. */
  recomputed = 0;

  /**
   * Features of all given stations' rings (disabled stations are skipped).
   * Stations missing from `inputs` are dropped from the cache.
   */
  features(inputs: readonly RingInput[], rules: Rules): Feature<Polygon | Point, RingProperties>[] {
    this.recomputed = 0;
    const out: Feature<Polygon | Point, RingProperties>[] = [];
    const seen = new Set<string>();
    for (const { station, areaType, selected, circleLabel } of inputs) {
      if (station.status === 'disabled') continue;
      seen.add(station.id);
      const specs = ringSpecs(rules, areaType);
      const key = `${station.lng},${station.lat},${specs.map((s) => s.radiusKm).join(',')}`;
      let entry = this.entries.get(station.id);
      if (!entry || entry.key !== key) {
        entry = { key, polygons: specs.map((s) => circle([station.lng, station.lat], s.radiusKm, { steps: RING_STEPS, units: 'kilometers' }).geometry) };
        this.entries.set(station.id, entry);
        this.recomputed++;
      }
      specs.forEach((spec, k) => {
        const properties = { ...spec, stationId: station.id, areaType, selected, label: '' };
        out.push({ type: 'Feature', properties, geometry: entry.polygons[k] });
        if (spec.ring === 'circle' && selected) {
          // turf starts a circle due north: label the top of the ring
          const top = entry.polygons[k].coordinates[0][0];
          out.push({ type: 'Feature', properties: { ...properties, ring: 'label', label: circleLabel }, geometry: { type: 'Point', coordinates: top } });
        }
      });
    }
    for (const id of [...this.entries.keys()]) if (!seen.has(id)) this.entries.delete(id);
    return out;
  }
}
