/** Reads AMap district fences (GCJ-02 geometry files) and returns WGS84 outlines. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { gcjGeometryToWgs } from './geo.ts';

/**
 * Reads `boundaries/<adcode>.json` (a bare GeoJSON geometry in GCJ-02) and
 * returns it in WGS84 with coordinates rounded to 6 decimals. No simplification.
 */
export function readOutline(rawDir: string, adcode: string): Polygon | MultiPolygon {
  const file = path.join(rawDir, 'boundaries', `${adcode}.json`);
  let geom: unknown;
  try {
    geom = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  try {
    return gcjGeometryToWgs(geom as Polygon);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}
