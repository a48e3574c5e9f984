/**
 * The naive approach a GIS user would script with Turf: draw each station's
 * service circle as a polygon, union them, then test every cell centre with
 * point-in-polygon. Used only as the benchmark baseline.
 */
import { booleanPointInPolygon, circle, featureCollection, point, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CoverageEngine } from '../../src/core/coverage.ts';
import type { Station } from '../../src/core/types.ts';

type Area = Feature<Polygon | MultiPolygon>;

function unionOf(circles: Area[]): Area | null {
  if (circles.length === 0) return null;
  if (circles.length === 1) return circles[0];
  return union(featureCollection(circles)) as Area | null;
}

/**
 * Covered population by the polygon method: a cell is covered when its centre
 * lies in the union of circles of its area type's cover radius.
 */
export function turfCoveredPopulation(engine: CoverageEngine, stations: readonly Station[], urbanKm: number, ruralKm: number): number {
  const active = stations.filter((s) => s.status !== 'disabled');
  const draw = (km: number) => active.map((s) => circle([s.lng, s.lat], km, { units: 'kilometers', steps: 64 }) as Area);
  const urbanArea = unionOf(draw(urbanKm));
  const ruralArea = unionOf(draw(ruralKm));
  const { grid } = engine;
  let covered = 0;
  for (let i = 0; i < grid.size; i++) {
    const area = engine.areaType[i] === 1 ? urbanArea : ruralArea;
    if (area && booleanPointInPolygon(point([grid.lng[i], grid.lat[i]]), area)) covered += grid.population[i];
  }
  return covered;
}
