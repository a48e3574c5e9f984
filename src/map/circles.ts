/**
 * Display rings around active stations: for each area type the engine found
 * among the cells the station reaches, that type's service radius and
 * emergency circle (radii from src/core/rings.ts). Turf draws them; the
 * engine, not these rings, decides coverage. A cache keeps each station's
 * rings until its position, area types or the rules change, so a drag
 * redraws only the moved station.
 */
import type { Feature, Point, Polygon } from 'geojson';
import { circle } from '@turf/turf';
import { ringSpecs, type RingKind as CoreRingKind, type RingSpec } from '../core/rings.ts';
import type { Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';
import type { ReachInUse } from '../core/reach-factory.ts';

/** 'label' is the point at the top of a selected station's emergency circle carrying its formula. */
export type RingKind = CoreRingKind | 'label';

export interface RingProperties extends Omit<RingSpec, 'ring'> {
  ring: RingKind;
  stationId: string;
  areaType: AreaType;
  selected: boolean;
  /** The emergency circle's formula on its label point; empty otherwise. */
  label: string;
}

/**
 * The straight-line rings that still mean something under a reach: on roads
 * the emergency circle is minutes on roads (isochrones are drawn in its
 * place), and with `serviceAlongRoads` the service radius is too, so no ring
 * pretends to be what the engine no longer applies.
 * @example ringKindsShown({ model: 'roads', serviceAlongRoads: false }) // Set { 'cover' }
 */
export function ringKindsShown(reach: ReachInUse | null | undefined): ReadonlySet<CoreRingKind> {
  if (!reach || reach.model !== 'roads') return new Set(['cover', 'circle']);
  return new Set(reach.serviceAlongRoads ? [] : ['cover']);
}

/** Vertices per ring: the chord of a 20 km ring strays under 25 m from the true circle. */
export const RING_STEPS = 72;

interface CacheEntry {
  key: string;
  polygons: Polygon[];
}

export interface RingInput {
  station: Station;
  /** Area types the station's rings are drawn for (from the engine's result). */
  areaTypes: readonly AreaType[];
  selected: boolean;
  /** Label of the emergency circle of an area type. */
  circleLabel: (areaType: AreaType) => string;
}

/** Rings of many stations, recomputing a station's geometry only when it changes. */
export class RingCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Stations whose geometry was recomputed by the last `features` call. */
  recomputed = 0;

  /**
   * Features of all given stations' rings (disabled stations are skipped).
   * Stations missing from `inputs` are dropped from the cache.
   * @param kinds the rings drawn (ringKindsShown), all by default
   */
  features(inputs: readonly RingInput[], rules: Rules, kinds: ReadonlySet<CoreRingKind> = ringKindsShown(null)): Feature<Polygon | Point, RingProperties>[] {
    this.recomputed = 0;
    const out: Feature<Polygon | Point, RingProperties>[] = [];
    const seen = new Set<string>();
    for (const { station, areaTypes, selected, circleLabel } of inputs) {
      if (station.status === 'disabled') continue;
      seen.add(station.id);
      const specs = areaTypes.flatMap((areaType) => ringSpecs(rules, areaType).filter((spec) => kinds.has(spec.ring)).map((spec) => ({ ...spec, areaType })));
      const key = `${station.lng},${station.lat},${specs.map((s) => `${s.areaType}:${s.radiusKm}`).join(',')}`;
      let entry = this.entries.get(station.id);
      if (!entry || entry.key !== key) {
        entry = { key, polygons: specs.map((s) => circle([station.lng, station.lat], s.radiusKm, { steps: RING_STEPS, units: 'kilometers' }).geometry) };
        this.entries.set(station.id, entry);
        this.recomputed++;
      }
      specs.forEach(({ areaType, ...spec }, k) => {
        const properties: RingProperties = { ...spec, stationId: station.id, areaType, selected, label: '' };
        out.push({ type: 'Feature', properties, geometry: entry.polygons[k] });
        if (spec.ring === 'circle' && selected) {
          // turf starts a circle due north: label the top of the ring
          const top = entry.polygons[k].coordinates[0][0];
          out.push({ type: 'Feature', properties: { ...properties, ring: 'label', label: circleLabel(areaType) }, geometry: { type: 'Point', coordinates: top } });
        }
      });
    }
    for (const id of [...this.entries.keys()]) if (!seen.has(id)) this.entries.delete(id);
    return out;
  }
}
