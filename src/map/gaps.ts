/**
 * Gap groups for display: the worker's outlines as MultiPolygons carrying
 * their rank, and a label point per group at its centroid.
 */
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { GapSummary } from '../worker/api.ts';
import { mapLabel } from './text.ts';

export interface GapFeatures {
  outlines: FeatureCollection<MultiPolygon, { rank: number; population: number }>;
  labels: FeatureCollection<Point, { rank: number; label: string }>;
}

/** True when the update carries outlines (full updates do; drag updates skip them). */
export function hasOutlines(gaps: readonly GapSummary[]): boolean {
  return gaps.length === 0 || gaps.some((g) => g.outline !== null);
}

/**
 * Outline and label features of the gap groups that have an outline.
 * @param label text of a group's label from its rank, e.g. (r) => `盲区片区 ${r}`
 * @example gapFeatures([{ rank: 1, outline: [[[[0, 0], [1, 0], [0, 1], [0, 0]]]], centroid: [0.3, 0.3], … }], String).labels.features[0].properties.label // '1'
 */
export function gapFeatures(gaps: readonly GapSummary[], label: (rank: number) => string): GapFeatures {
  const outlined = gaps.filter((g) => g.outline !== null);
  return {
    outlines: {
      type: 'FeatureCollection',
      features: outlined.map((g) => ({
        type: 'Feature',
        properties: { rank: g.rank, population: g.population },
        geometry: { type: 'MultiPolygon', coordinates: g.outline as number[][][][] },
      })),
    },
    labels: {
      type: 'FeatureCollection',
      features: outlined.map((g) => ({
        type: 'Feature',
        properties: { rank: g.rank, label: mapLabel(label(g.rank)) },
        geometry: { type: 'Point', coordinates: g.centroid },
      })),
    },
  };
}
