/**
 * Large input files made on the spot for the size tests and the large-file
 * bench: facility tables of any length (CSV text, or an XLSX written directly
 * as sheet XML, since write-excel-file takes ~12 s for 100,000 rows), spread
 * over the township seats of all of 泉州市, and the city's outline as the
 * region they are checked against.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { strToU8, zipSync } from 'fflate';
import { fromWgs84 } from '../../src/io/crs.ts';
import { regionFromOutlines, type ImportRegion } from '../../src/io/region.ts';
import { ROOT } from './cli.ts';

export const FACILITY_HEADER = ['编号', '名称', '经度', '纬度', '类型', '状态'];

interface Seat {
  name: string;
  lng: number;
  lat: number;
}

function quanzhouSeats(): Seat[] {
  const all = JSON.parse(readFileSync(path.join(ROOT, 'data/townships.json'), 'utf8')) as { name: string; county: string; seat: [number, number] | null }[];
  return all.filter((t) => t.county.startsWith('3505') && t.seat).map((t) => ({ name: t.name, lng: t.seat![0], lat: t.seat![1] }));
}

/** 泉州市 as an import region: the outlines of its 12 counties (~34,000 vertices). */
export function quanzhouRegion(): ImportRegion {
  const fc = JSON.parse(readFileSync(path.join(ROOT, 'data/boundaries/counties.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { adcode: string }>;
  return regionFromOutlines('泉州市', fc.features.filter((f) => f.properties.adcode.startsWith('3505')).map((f) => f.geometry));
}

/**
 * `n` facility rows (GCJ-02, as AMap exports them), unique ids and names, at
 * the seats of 泉州市 nudged by up to ~100 m; `emptyKind` leaves the kind cell
 * empty, which gives every row a warning.
 */
export function facilityRows(n: number, options: { emptyKind?: boolean } = {}): (string | number)[][] {
  const seats = quanzhouSeats();
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const s = seats[i % seats.length];
    const [x, y] = fromWgs84(s.lng + ((i * 7919) % 1000) * 1e-6, s.lat + ((i * 104729) % 1000) * 1e-6, 'GCJ02');
    rows.push([`F${i}`, `${s.name}急救站${i}`, Number(x.toFixed(6)), Number(y.toFixed(6)), options.emptyKind ? '' : i % 3 ? '急救站' : '卫生院', i % 2 ? '现有' : '规划']);
  }
  return rows;
}

/** The rows as UTF-8 CSV text bytes (header first). */
export function facilityCsv(rows: readonly (readonly (string | number)[])[], header = FACILITY_HEADER): Uint8Array {
  const parts = [header.join(',')];
  for (const r of rows) parts.push(r.join(','));
  return new TextEncoder().encode(`${parts.join('\r\n')}\r\n`);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 1-based column number: 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * A minimal XLSX workbook of one sheet (numbers as numbers, text as inline
 * strings), as Excel lays it out. `extraXml` is appended inside sheetData,
 * e.g. a far-away `<row>` to test the sheet-extent checks.
 */
export function fastXlsx(rows: readonly (readonly (string | number)[])[], extraXml = ''): Uint8Array {
  const sheetRows: string[] = [];
  rows.forEach((r, i) => {
    const cells = r.map((v, k) => {
      const ref = `${columnLetters(k + 1)}${i + 1}`;
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    });
    sheetRows.push(`<row r="${i + 1}">${cells.join('')}</row>`);
  });
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetRows.join('')}${extraXml}</sheetData></worksheet>`),
  });
}
