/**
 * Township zones for display: outlines of the loaded counties and name
 * labels at the seats. (Which radii a station's rings get comes from the
 * engine: src/core/rings.ts.)
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaType, Zone } from '../core/types.ts';
import { placeName } from '../i18n/place-name.ts';
import type { Language } from '../i18n/types.ts';
import { mapLabel } from './text.ts';

export interface ZoneProperties {
  code: string;
  name: string;
  county: string;
  areaType: AreaType;
}

export type ZoneFeature = Feature<Polygon | MultiPolygon, ZoneProperties>;
export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>;

/**
 * Label points at the zone seats (zones without a seat get no label).
 * @example zoneLabelFeatures([{ code: '1', name: '桃城镇', county: '350525', countyName: '永春县', areaType: 'urban', seat: [118.29, 25.32] }]).features[0].properties.name // '桃城镇'
 */
export function zoneLabelFeatures(zones: readonly Zone[], language: Language = 'zh-CN'): FeatureCollection<Point, { code: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: zones
      .filter((z) => z.seat !== null)
      .map((z) => ({ type: 'Feature', properties: { code: z.code, name: mapLabel(placeName(z.name, language)) }, geometry: { type: 'Point', coordinates: z.seat as [number, number] } })),
  };
}

/**
 * The region's zone outlines with the properties the map's layers filter on
 * (code, name, county, area type), from the dataset the worker opened.
 */
export function zoneOutlineFeatures(dataset: { zones: readonly Zone[]; region: { zoneOutlines: FeatureCollection<MultiPolygon, { code: string }> } }): ZoneFeature[] {
  const byCode = new Map(dataset.zones.map((z) => [z.code, z]));
  return dataset.region.zoneOutlines.features.flatMap((f) => {
    const z = byCode.get(f.properties.code);
    return z ? [{ type: 'Feature' as const, properties: { code: z.code, name: z.name, county: z.county, areaType: z.areaType }, geometry: f.geometry }] : [];
  });
}
