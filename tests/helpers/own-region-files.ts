/**
 * A planner's own files for a region that is not in the demo (three
 * townships near 漳州, 117.5–117.8 E, 24.45–24.6 N), as a planner gets them:
 * township polygons in GCJ-02 (an AMap/DataV download) with a Chinese
 * urban/rural field, a WorldPop-style GeoTIFF (WGS84, 100 m), and a GBK
 * station table in GCJ-02. Made in the test; the WGS84 truth is kept beside
 * for brute-force checks.
 */
import { distance } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { fromWgs84 } from '../../src/io/crs.ts';
import { csv, gbk, square } from './fixtures-files.ts';
import { syntheticPopulation, WORLDPOP_100M_DEG, writeGeoTiff } from './fixtures-geotiff.ts';

/** The townships in WGS84: [name, code, 城乡 field, west, south, east, north]. */
export const OWN_TOWNSHIPS: [string, string, string, number, number, number, number][] = [
  ['芗城街道', '350602001000', '城区', 117.62, 24.48, 117.7, 24.56],
  ['天宝镇', '350602101000', '乡村', 117.52, 24.46, 117.62, 24.58],
  ['浦南镇', '350602102000', '乡村', 117.7, 24.47, 117.79, 24.59],
];

/** The stations in WGS84: [id, name, kind word, status word, lng, lat]. */
export const OWN_STATIONS: [string, string, string, string, number, number][] = [
  ['ZZ-1', '市急救中心', '急救中心', '现有', 117.655, 24.515],
  ['ZZ-2', '天宝急救站', '急救站', '现有', 117.56, 24.52],
  ['ZZ-3', '浦南急救站', '急救站', '规划', 117.75, 24.53],
];

/** The raster's box (WGS84), a little larger than the townships. */
export const OWN_RASTER_BOX = [117.5, 24.44, 117.81, 24.61] as const;

const gcj = ([x, y]: number[]) => fromWgs84(x, y, 'GCJ02').map((v) => Number(v.toFixed(7)));

/** The township polygons as the planner's file has them: GCJ-02 positions, a densified ring (a real outline has many vertices). */
export function ownZonesGeoJson(): string {
  const densify = (p: Polygon): Polygon => {
    const ring = p.coordinates[0];
    const out: number[][] = [];
    for (let i = 0; i < ring.length - 1; i++) for (let k = 0; k < 20; k++) out.push([ring[i][0] + ((ring[i + 1][0] - ring[i][0]) * k) / 20, ring[i][1] + ((ring[i + 1][1] - ring[i][1]) * k) / 20]);
    out.push(out[0]);
    return { type: 'Polygon', coordinates: [out.map(gcj)] };
  };
  const fc: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: OWN_TOWNSHIPS.map(([name, code, type, w, s, e, n]) => ({ type: 'Feature', properties: { 名称: name, 代码: code, 城乡: type }, geometry: densify(square(w, s, e, n)) })),
  };
  return JSON.stringify(fc);
}

/** The WGS84 township polygons (the truth the GCJ-02 file was made from). */
export const ownZonesWgs84 = (): Polygon[] => OWN_TOWNSHIPS.map(([, , , w, s, e, n]) => square(w, s, e, n));

export interface OwnRaster {
  bytes: Uint8Array;
  width: number;
  height: number;
  data: ArrayLike<number>;
  nodata: number;
  total: number;
}

export function ownRaster(): OwnRaster {
  const [w, s, e, n] = OWN_RASTER_BOX;
  const width = Math.round((e - w) / WORLDPOP_100M_DEG);
  const height = Math.round((n - s) / WORLDPOP_100M_DEG);
  const pop = syntheticPopulation(width, height, 'float32', -99999, 11);
  const bytes = writeGeoTiff({ width, height, data: pop.data, west: w, north: n, pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG], nodata: -99999, rowsPerStrip: 16 });
  return { bytes, width, height, data: pop.data, nodata: -99999, total: pop.total };
}

/** The station table: GBK, GCJ-02 columns named so, one row with a bad latitude. */
export function ownStationsCsv(): Uint8Array {
  const rows = OWN_STATIONS.map(([id, name, kind, status, lng, lat]) => {
    const [x, y] = gcj([lng, lat]);
    return [id, name, kind, status, x, y];
  });
  rows.push(['ZZ-X', '坏行', '急救站', '现有', 117.6, '二十四']);
  return gbk(csv(['编号', '名称', '类型', '状态', '经度', '纬度'], rows));
}

/**
 * The region's figures by brute force, independent of the app's readers:
 * pixels → res-9 cells by pixel centre, cells → townships by the WGS84
 * squares (centre inside), statuses by Turf distance to the WGS84 stations
 * (urban ≤ 5 km covered; rural ≤ 10 km covered, ≤ 20 km marginal).
 */
export function ownBruteForce(raster: OwnRaster): { population: number; covered: number; marginal: number; gap: number; cells: number } {
  const cells = new Map<string, number>();
  const [west, , , north] = OWN_RASTER_BOX;
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const v = raster.data[y * raster.width + x];
      if (v === raster.nodata || !(v > 0)) continue;
      const cell = latLngToCell(north - (y + 0.5) * WORLDPOP_100M_DEG, west + (x + 0.5) * WORLDPOP_100M_DEG, 9);
      cells.set(cell, (cells.get(cell) ?? 0) + v);
    }
  }
  const sums = { population: 0, covered: 0, marginal: 0, gap: 0, cells: 0 };
  for (const [cell, people] of cells) {
    const [lat, lng] = cellToLatLng(cell);
    const town = OWN_TOWNSHIPS.find(([, , , w, s, e, n]) => lng >= w && lng <= e && lat >= s && lat <= n);
    if (!town) continue;
    const nearest = Math.min(...OWN_STATIONS.map(([, , , , slng, slat]) => distance([lng, lat], [slng, slat], { units: 'kilometers' })));
    const urban = town[2] === '城区';
    sums.cells++;
    sums.population += people;
    if (nearest <= (urban ? 5 : 10)) sums.covered += people;
    else if (!urban && nearest <= 20) sums.marginal += people;
    else sums.gap += people;
  }
  return sums;
}
