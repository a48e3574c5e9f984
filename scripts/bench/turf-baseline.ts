/**
 * The naive approach a GIS user would script with Turf: draw each station's
 * service circle as a polygon, union them, then test every cell centre with
 * point-in-polygon. Used only as the benchmark baseline.
 */
import { booleanPointInPolygon, circle, featureCollection, point, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CoverageEngine } from '../../src/core/coverage.ts';
import { circleRadiusKm, coverRadiusKm, marginalRadiusKm, type Rules } from '../../src/core/rules.ts';
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

export interface TurfStatusSums {
  covered: number;
  marginal: number;
  gap: number;
  withinCircle: number;
}

/**
 * The same per-cell outputs the engine's statuses give (covered / marginal /
 * gap and inside the 15-minute circle), the polygon way: one union per
 * radius and area type, then up to three point-in-polygon tests per cell.
 */
export function turfStatusSums(engine: CoverageEngine, stations: readonly Station[], rules: Rules): TurfStatusSums {
  const active = stations.filter((s) => s.status !== 'disabled');
  const areaFor = new Map<number, Area | null>();
  const unionAt = (km: number) => {
    if (!areaFor.has(km)) areaFor.set(km, unionOf(active.map((s) => circle([s.lng, s.lat], km, { units: 'kilometers', steps: 64 }) as Area)));
    return areaFor.get(km)!;
  };
  const radii = (t: 'urban' | 'rural') => ({ cover: unionAt(coverRadiusKm(rules, t)), marginal: unionAt(marginalRadiusKm(rules, t)), circle: unionAt(circleRadiusKm(rules, t)) });
  const urban = radii('urban');
  const rural = radii('rural');
  const inside = (area: Area | null, p: ReturnType<typeof point>) => area !== null && booleanPointInPolygon(p, area);
  const { grid } = engine;
  const sums: TurfStatusSums = { covered: 0, marginal: 0, gap: 0, withinCircle: 0 };
  for (let i = 0; i < grid.size; i++) {
    const areas = engine.areaType[i] === 1 ? urban : rural;
    const p = point([grid.lng[i], grid.lat[i]]);
    const pop = grid.population[i];
    if (inside(areas.cover, p)) sums.covered += pop;
    else if (inside(areas.marginal, p)) sums.marginal += pop;
    else sums.gap += pop;
    if (inside(areas.circle, p)) sums.withinCircle += pop;
  }
  return sums;
}
