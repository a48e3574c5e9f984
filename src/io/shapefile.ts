/**
 * Zipped shapefiles (.shp + .dbf [+ .prj, .cpg]) → numbered features. The
 * .shp and .dbf structures are checked before shpjs parses them (a corrupt
 * record length would otherwise send it into an endless loop), and a .dbf
 * without .cpg is read as UTF-8 if it is valid UTF-8, else as GBK (GB18030),
 * as Chinese GIS software writes it.
 */
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import { toUint8, type FileBytes } from './bytes.ts';
import { DataFileError, fileError, guardReader, wrapLibraryError, type RowProblem } from './errors.ts';
import type { NumberedFeature } from './geojson.ts';
import { fmtCount, IMPORT_LIMITS } from './limits.ts';

export interface ShapefileLayer {
  /** Layer (base file) name inside the zip. */
  layer: string;
  features: NumberedFeature[];
  fields: string[];
  /** Encoding the .dbf was read with. */
  encoding: string;
  /** How the coordinates were read: 'longitude/latitude' or the projection reprojected from. */
  coordinates: string;
  problems: RowProblem[];
}

export interface ShapefileOptions {
  file: string;
  /** Layer to read when the zip holds several. */
  layer?: string;
  /** Force the .dbf encoding (a WHATWG label such as 'gbk' or 'utf-8'). */
  encoding?: string;
}

/** Reads one layer of a zipped shapefile. */
export function readShapefileZip(bytes: FileBytes, options: ShapefileOptions): ShapefileLayer {
  return guardReader(options.file, 'a zipped shapefile', () => readLayer(bytes, options));
}

function readLayer(bytes: FileBytes, options: ShapefileOptions): ShapefileLayer {
  const { file } = options;
  const b = toUint8(bytes);
  let unzipped = 0;
  if (!(b[0] === 0x50 && b[1] === 0x4b)) throw fileError(file, 'is not a ZIP archive; a shapefile must be zipped with its .shp, .dbf and .prj', 'not-zip');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(b, {
      filter: (f) => {
        if (!/\.(shp|dbf|prj|cpg)$/i.test(f.name) || f.name.includes('__MACOSX')) return false;
        unzipped += f.originalSize;
        if (unzipped > IMPORT_LIMITS.maxUnzippedBytes) {
          throw new DataFileError([{ file, row: 0, code: 'too-large', reason: `unzips to more than ${fmtCount(IMPORT_LIMITS.maxUnzippedBytes / 1024 / 1024)} MB (at ${f.name})`, fix: 'simplify or split the layer' }]);
        }
        return true;
      },
    });
  } catch (e) {
    throw wrapLibraryError(e, file, 'a ZIP archive');
  }
  const layers = new Map<string, Record<string, Uint8Array>>();
  for (const [name, data] of Object.entries(entries)) {
    const base = name.slice(0, -4);
    const ext = name.slice(-3).toLowerCase();
    if (!layers.has(base)) layers.set(base, {});
    layers.get(base)![ext] = data;
  }
  const withShp = [...layers.entries()].filter(([, parts]) => parts.shp);
  if (withShp.length === 0) throw fileError(file, `holds no .shp file (found: ${Object.keys(entries).join(', ') || 'nothing usable'})`, 'no-shp');
  let chosen = withShp[0];
  if (options.layer !== undefined) {
    const found = withShp.find(([name]) => name === options.layer || name.endsWith(`/${options.layer}`));
    if (!found) throw fileError(file, `has no layer "${options.layer}" (layers: ${withShp.map(([n]) => n).join(', ')})`, 'no-such-layer');
    chosen = found;
  } else if (withShp.length > 1) {
    throw new DataFileError([{ file, row: 0, code: 'several-layers', reason: `holds ${withShp.length} layers (${withShp.map(([n]) => n).join(', ')})`, fix: 'choose one layer' }]);
  }
  const [layer, parts] = chosen;
  const problems: RowProblem[] = [];
  const shpView = new DataView(parts.shp!.buffer, parts.shp!.byteOffset, parts.shp!.byteLength);
  checkShp(shpView, file);
  const prj = parts.prj ? new TextDecoder().decode(parts.prj) : null;
  let coordinates = 'longitude/latitude';
  let prjForShpjs: string | false = false;
  if (prj && /PROJCS|PROJCRS/i.test(prj)) {
    prjForShpjs = prj;
    coordinates = `projected (${(/PROJCS\["([^"]+)"/i.exec(prj)?.[1] ?? 'unknown').slice(0, 60)}), reprojected to WGS84 with proj4`;
  } else if (prj && !/WGS|CGCS|2000|4326|4490/i.test(prj)) {
    problems.push({ file, row: 0, code: 'other-datum', severity: 'warning', reason: `the .prj names "${(/GEOGCS\["([^"]+)"/i.exec(prj)?.[1] ?? prj).slice(0, 60)}", not WGS84/CGCS2000; read as WGS84 (old Chinese datums differ by up to ~100 m)` });
  } else if (!prj) {
    problems.push({ file, row: 0, code: 'no-prj', severity: 'warning', reason: 'no .prj file; coordinates read as longitude/latitude' });
  }
  let geometries: ReturnType<typeof parseShp>;
  try {
    geometries = parseShp(shpView, prjForShpjs);
  } catch (e) {
    throw wrapLibraryError(e, file, `a shapefile (${layer}.shp)`);
  }
  let records: Record<string, unknown>[] = [];
  let encoding = 'none';
  if (parts.dbf) {
    const dbfView = new DataView(parts.dbf.buffer, parts.dbf.byteOffset, parts.dbf.byteLength);
    checkDbf(dbfView, file);
    const cpg = parts.cpg ? new TextDecoder().decode(parts.cpg).trim() : '';
    encoding = options.encoding ?? (cpg ? cpgLabel(cpg) : detectDbfEncoding(dbfView));
    try {
      records = parseDbf(dbfView, encoding);
    } catch (e) {
      throw wrapLibraryError(e, file, `a shapefile attribute table (${layer}.dbf)`);
    }
    if (records.length !== geometries.length) {
      problems.push({ file, row: 0, code: 'count-mismatch', severity: 'warning', reason: `${layer}.shp has ${geometries.length} shapes but ${layer}.dbf ${records.length} records; shapes without a record get no attributes` });
    }
  } else {
    problems.push({ file, row: 0, code: 'no-dbf', severity: 'warning', reason: `no ${layer}.dbf: shapes have no attributes (names and codes will be generated)` });
  }
  const fields = records.length > 0 ? Object.keys(records[0]) : [];
  const features: NumberedFeature[] = geometries.map((geometry, i) => ({ row: i + 1, geometry: geometry ?? null, properties: records[i] ?? {} }));
  return { layer, features, fields, encoding, coordinates, problems };
}

/** WHATWG label for a .cpg text ("UTF-8", "GBK", "ANSI 936", "936"). */
function cpgLabel(cpg: string): string {
  const m = /^(?:ANSI\s*)?(\d+)$/i.exec(cpg);
  if (m) return m[1] === '65001' ? 'utf-8' : m[1] === '936' ? 'gbk' : `windows-${m[1]}`;
  try {
    return new TextDecoder(cpg).encoding;
  } catch {
    return 'utf-8';
  }
}

/** 'utf-8' when field names and records are valid UTF-8, else 'gb18030'. */
function detectDbfEncoding(view: DataView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const headerLen = view.getUint16(8, true);
  const parts: Uint8Array[] = [bytes.subarray(Math.min(headerLen, bytes.length))];
  for (let off = 32; off + 32 <= headerLen && bytes[off] !== 0x0d; off += 32) parts.push(bytes.subarray(off, off + 11));
  try {
    const d = new TextDecoder('utf-8', { fatal: true });
    for (const p of parts) d.decode(p);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Walks the .shp records and checks each length against the file, as shpjs trusts them. */
function checkShp(view: DataView, file: string): void {
  const bad = (reason: string) => fileError(file, `has a corrupt .shp: ${reason}`, 'corrupt');
  if (view.byteLength < 100) throw bad(`${view.byteLength} bytes, shorter than the 100-byte header`);
  if (view.getInt32(0, false) !== 9994) throw bad('wrong file code (not a shapefile)');
  const type = view.getInt32(32, true);
  if (![0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28].includes(type)) throw bad(`unknown shape type ${type}`);
  let offset = 100;
  let record = 0;
  let vertices = 0;
  while (offset + 8 <= view.byteLength) {
    record++;
    const len = view.getInt32(offset + 4, false) * 2;
    if (len < 0 || offset + 8 + len > view.byteLength) throw bad(`record ${record} claims ${len} bytes past byte ${offset + 8} of ${view.byteLength}`);
    if (len >= 4) {
      const t = view.getInt32(offset + 8, true);
      // polylines and polygons: parts and points must fit in the record
      if ([3, 5, 13, 15, 23, 25].includes(t)) {
        if (len < 44) throw bad(`record ${record} is too short for a ${t === 5 || t === 15 || t === 25 ? 'polygon' : 'line'}`);
        const parts = view.getInt32(offset + 8 + 36, true);
        const points = view.getInt32(offset + 8 + 40, true);
        if (parts < 0 || points < 0 || 44 + 4 * parts + 16 * points > len) throw bad(`record ${record} claims ${parts} parts and ${points} points, more than its ${len} bytes hold`);
        if ((vertices += points) > IMPORT_LIMITS.maxFileVertices) {
          throw new DataFileError([{ file, row: 0, code: 'too-complex', reason: `holds more than ${fmtCount(IMPORT_LIMITS.maxFileVertices)} polygon vertices in all (at shape ${record})`, fix: 'simplify the outlines (e.g. mapshaper -simplify 10%), or split the layer' }]);
        }
      } else if (t === 8 || t === 18 || t === 28) {
        const points = len >= 40 ? view.getInt32(offset + 8 + 36, true) : -1;
        if (points < 0 || 40 + 16 * points > len) throw bad(`record ${record} claims ${points} points, more than its ${len} bytes hold`);
      } else if ((t === 1 || t === 11 || t === 21) && len < 20) {
        throw bad(`record ${record} is too short for a point`);
      }
    }
    offset += 8 + len;
  }
}

/** Checks the .dbf header against the file size, as parsedbf loops over the record count it claims. */
function checkDbf(view: DataView, file: string): void {
  const bad = (reason: string) => fileError(file, `has a corrupt .dbf: ${reason}`, 'corrupt');
  if (view.byteLength < 32) throw bad(`${view.byteLength} bytes, shorter than the 32-byte header`);
  const records = view.getUint32(4, true);
  const headerLen = view.getUint16(8, true);
  const recLen = view.getUint16(10, true);
  if (headerLen < 33 || headerLen > view.byteLength) throw bad(`header length ${headerLen} in a ${view.byteLength}-byte file`);
  if (records > 0 && (recLen === 0 || headerLen + records * recLen > view.byteLength)) throw bad(`${records} records of ${recLen} bytes do not fit in ${view.byteLength - headerLen} bytes`);
  let fieldBytes = 1;
  for (let off = 32; off + 32 <= headerLen && view.getUint8(off) !== 0x0d; off += 32) fieldBytes += view.getUint8(off + 16);
  if (records > 0 && fieldBytes > recLen) throw bad(`fields of ${fieldBytes} bytes in records of ${recLen}`);
}
