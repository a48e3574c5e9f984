/**
 * Test files made on the spot, never downloaded: CSV text in UTF-8 or GBK,
 * XLSX workbooks, zipped shapefiles (optionally with a GBK .dbf and no .cpg,
 * as Chinese GIS software writes them), and the real Yongchun township seats.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zip } from '@mapbox/shp-write';
import type { FeatureCollection, Polygon } from 'geojson';
import { unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { ROOT } from './cli.ts';

export interface Seat {
  code: string;
  name: string;
  lng: number;
  lat: number;
}

/** The 22 township seats of 永春县 (350525), WGS84, from the built demo data. */
export function yongchunSeats(): Seat[] {
  const all = JSON.parse(readFileSync(path.join(ROOT, 'data/townships.json'), 'utf8')) as { code: string; name: string; county: string; seat: [number, number] | null }[];
  return all.filter((t) => t.county === '350525' && t.seat).map((t) => ({ code: t.code, name: t.name, lng: t.seat![0], lat: t.seat![1] }));
}

/** The built county outline of 永春县, WGS84. */
export function yongchunOutline(): { bbox: [number, number, number, number]; geometry: Polygon | import('geojson').MultiPolygon } {
  const fc = JSON.parse(readFileSync(path.join(ROOT, 'data/boundaries/counties.geojson'), 'utf8')) as FeatureCollection<Polygon | import('geojson').MultiPolygon, { adcode: string }>;
  const f = fc.features.find((x) => x.properties.adcode === '350525')!;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const rings of polys) {
    for (const [x, y] of rings[0]) {
      bbox[0] = Math.min(bbox[0], x);
      bbox[1] = Math.min(bbox[1], y);
      bbox[2] = Math.max(bbox[2], x);
      bbox[3] = Math.max(bbox[3], y);
    }
  }
  return { bbox, geometry: f.geometry };
}

/** CSV text from a header and rows (cells quoted when needed). */
export function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[], eol = '\r\n'): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join(eol) + eol;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
/** Text encoded as GBK (what Excel on a Chinese Windows saves as "CSV"). */
export const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

/** An XLSX workbook with one sheet of these rows (first row = header). */
export async function xlsx(rows: readonly (readonly (string | number | null)[])[]): Promise<Uint8Array> {
  const data = rows.map((r) => r.map((v) => (v === null ? null : { value: v })));
  const buffer = await writeXlsxFile(data as never).toBuffer();
  return new Uint8Array(buffer);
}

/** A square polygon [west, south, east, north] as a GeoJSON ring (clockwise, as shapefiles store outer rings). */
export function square(w: number, s: number, e: number, n: number): Polygon {
  return { type: 'Polygon', coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] };
}

/**
 * A zipped shapefile of polygons (layer "zones"). Field names and text attributes are written
 * as GBK bytes with no .cpg (as Chinese GIS exports are), or as UTF-8 with a
 * .cpg saying so. (shp-write writes one byte per character, so the strings are
 * handed to it already encoded.)
 */
export async function shapefileZip(fc: FeatureCollection<Polygon>, options: { encoding?: 'gbk' | 'utf-8'; prj?: boolean } = {}): Promise<Uint8Array> {
  const encoding = options.encoding ?? 'utf-8';
  const toBinary = (s: string) => String.fromCharCode(...(encoding === 'gbk' ? iconv.encode(s, 'gbk') : new TextEncoder().encode(s)));
  const features = fc.features.map((f) => ({ ...f, properties: Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [toBinary(k), typeof v === 'string' ? toBinary(v) : v])) }));
  const zipped = await zip<'uint8array'>({ ...fc, features }, { outputType: 'uint8array', compression: 'DEFLATE', types: { polygon: 'zones' } });
  const entries = unzipSync(zipped);
  if (encoding === 'utf-8') entries['zones.cpg'] = new TextEncoder().encode('UTF-8');
  if (options.prj === false) delete entries['zones.prj'];
  return zipSync(entries);
}
