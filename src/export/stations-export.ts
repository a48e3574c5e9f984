/**
 * The station list as CSV or GeoJSON, in WGS84 or converted (gcoord) to
 * GCJ-02 for AMap/Tencent users or BD-09 for Baidu. The file always names its
 * CRS: in the CSV a `crs` column and the lng/lat headers ("经度(GCJ-02)", which
 * the facility importer reads back as a CRS hint); in GeoJSON a `crs` entry in
 * the collection's foreign `properties` member (RFC 7946 has no crs member and
 * assumes WGS84, so a GCJ-02 file says so loudly).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Station } from '../core/types.ts';
import { fromWgs84, type Crs } from '../io/crs.ts';
import { tableToCsv } from './tables-csv.ts';
import { exportWords, fill, STATION_COLUMNS, type ExportTextOptions, type StationColumn } from './table-vocabulary.ts';
import type { TableData, TableValue } from './township-table.ts';

/** The CRS as written in files; parseCrs in io/crs.ts reads each back. */
export const CRS_LABELS: Record<Crs, string> = { WGS84: 'WGS84', GCJ02: 'GCJ-02', BD09: 'BD-09' };

/** A station as the app holds it, or as the report lists it (township null when unknown). */
export type ExportStation = Pick<Station, 'id' | 'name' | 'kind' | 'status' | 'lng' | 'lat'> & {
  township?: string | null;
  positionApproximate?: boolean;
  note?: string;
};

export interface StationExportOptions {
  /** CRS of the written coordinates; the stations are WGS84 as the app keeps them. */
  crs: Crs;
  /** Decimal places of coordinates (default 6 ≈ 0.1 m). */
  precision?: number;
}

const round = (v: number, precision: number) => Math.round(v * 10 ** precision) / 10 ** precision;

/** A station's [lng, lat] in the export CRS, rounded. */
export function exportPosition(station: Pick<Station, 'lng' | 'lat'>, options: StationExportOptions): [number, number] {
  const [x, y] = fromWgs84(station.lng, station.lat, options.crs);
  const p = options.precision ?? 6;
  return [round(x, p), round(y, p)];
}

/** The station list as a table in the chosen language and CRS. */
export function stationsTable(stations: readonly ExportStation[], options: StationExportOptions & ExportTextOptions): TableData {
  const words = exportWords(options);
  const crs = CRS_LABELS[options.crs];
  const rows = stations.map((s): TableValue[] => {
    const [lng, lat] = exportPosition(s, options);
    const values: Record<StationColumn, TableValue> = {
      id: s.id,
      name: s.name,
      kind: words.kind[s.kind],
      status: words.status[s.status],
      lng,
      lat,
      crs,
      township: s.township ?? null,
      position_approximate: s.positionApproximate ? words.yes : words.no,
      note: s.note ?? null,
    };
    return STATION_COLUMNS.map((c) => values[c]);
  });
  return { columns: STATION_COLUMNS, header: STATION_COLUMNS.map((c) => fill(words.station[c], { crs })), rows };
}

/**
 * The station list as CSV (UTF-8 BOM, CRLF).
 * @example stationsCsv(stations, { crs: 'GCJ02', language: 'zh-CN' }).split('\r\n')[0] // '\uFEFF编号,名称,类型,状态,经度(GCJ-02),纬度(GCJ-02),坐标系,乡镇代码,位置近似,备注'
 */
export function stationsCsv(stations: readonly ExportStation[], options: StationExportOptions & ExportTextOptions): string {
  return tableToCsv(stationsTable(stations, options));
}

export interface StationProperties {
  id: string;
  name: string;
  kind: Station['kind'];
  status: Station['status'];
  township: string | null;
  positionApproximate: boolean;
  note: string | null;
}

/**
 * The station list as GeoJSON points in the chosen CRS; the collection's
 * `properties.crs` names it. Property names follow the report's stations.
 */
export function stationsGeoJson(stations: readonly ExportStation[], options: StationExportOptions): FeatureCollection<Point, StationProperties> & { properties: { crs: string; crsNote: string } } {
  const crs = CRS_LABELS[options.crs];
  const crsNote =
    options.crs === 'WGS84'
      ? 'WGS84 longitude/latitude (RFC 7946)'
      : `${crs} longitude/latitude, NOT WGS84: for Chinese web maps (${options.crs === 'GCJ02' ? 'AMap/高德, Tencent/腾讯' : 'Baidu/百度'}); GIS tools that assume RFC 7946 will place these points a few hundred metres off`;
  return {
    type: 'FeatureCollection',
    properties: { crs, crsNote },
    features: stations.map((s) => ({
      type: 'Feature' as const,
      id: s.id,
      geometry: { type: 'Point' as const, coordinates: exportPosition(s, options) },
      properties: {
        id: s.id,
        name: s.name,
        kind: s.kind,
        status: s.status,
        township: s.township ?? null,
        positionApproximate: s.positionApproximate === true,
        note: s.note ?? null,
      },
    })),
  };
}
