/** Point features of suggested sites, numbered by pick order. */
import type { FeatureCollection, Point } from 'geojson';

export interface SuggestedPoint {
  rank: number;
  lng: number;
  lat: number;
  populationAdded: number;
}

/**
 * @example suggestionFeatures([{ rank: 1, lng: 118, lat: 25, populationAdded: 10 }]).features[0].properties.rank // 1
 */
export function suggestionFeatures(picks: readonly SuggestedPoint[]): FeatureCollection<Point, { rank: number; populationAdded: number }> {
  return {
    type: 'FeatureCollection',
    features: picks.map((p) => ({
      type: 'Feature',
      id: p.rank,
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: { rank: p.rank, populationAdded: p.populationAdded },
    })),
  };
}
