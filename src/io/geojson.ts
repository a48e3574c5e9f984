/**
 * GeoJSON files as features we can trust: parsed from bytes, every feature
 * numbered (row = 1-based index), every geometry checked for finite
 * longitude/latitude positions before any library sees it.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { toUint8, type FileBytes } from './bytes.ts';
import { DataFileError, fileError, type ProblemCode, type RowProblem } from './errors.ts';
import { checkJsonText } from './json-text.ts';
import { fmtCount, IMPORT_LIMITS } from './limits.ts';
import { damageWarnings, decodeText, type EncodingOption, type TextEncodingName } from './text.ts';

export interface NumberedFeature {
  /** 1-based position in the file. */
  row: number;
  properties: Record<string, unknown>;
  /** Null when the feature has no geometry. */
  geometry: Geometry | null;
}

export interface GeoJsonFile {
  encoding: TextEncodingName;
  features: NumberedFeature[];
  /** Property names found on any feature, in first-seen order. */
  fields: string[];
  /** The `crs` member of old (2008) GeoJSON, when given, e.g. "urn:ogc:def:crs:EPSG::3857". */
  declaredCrs: string | null;
  /** File-level warnings (damaged text). */
  problems: RowProblem[];
}

/**
 * Parses a FeatureCollection, a single Feature, a bare geometry, or an array
 * of Features. Anything else is a DataFileError naming what was found.
 */
export function parseGeoJson(bytes: FileBytes, file: string, encoding: EncodingOption = 'auto'): GeoJsonFile {
  const decoded = decodeText(toUint8(bytes), file, encoding);
  // our own check first: its messages say where and what, and it refuses nesting no GeoJSON has
  const problem = checkJsonText(decoded.text, IMPORT_LIMITS.maxJsonDepth);
  if (problem) throw new DataFileError([{ file, row: 0, code: problem.code, reason: `line ${problem.line}, column ${problem.column}: ${problem.reason}`, fix: problem.fix }]);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (e) {
    throw fileError(file, `is not valid JSON (${(e as Error).message.slice(0, 200)})`, 'bad-json');
  }
  let list: unknown[];
  const v = value as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } } | null;
  if (Array.isArray(value)) list = value;
  else if (v && typeof v === 'object' && v.type === 'FeatureCollection' && Array.isArray(v.features)) list = v.features;
  else if (v && typeof v === 'object' && v.type === 'Feature') list = [v];
  else if (v && typeof v === 'object' && typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type)) list = [{ type: 'Feature', properties: {}, geometry: v }];
  else throw fileError(file, `is JSON but not GeoJSON: expected a FeatureCollection, Feature or geometry, got ${describeJson(value)}`, 'not-geojson');
  const declared = v && !Array.isArray(v) && typeof v.crs?.properties?.name === 'string' ? v.crs.properties.name : null;
  const fields: string[] = [];
  const seen = new Set<string>();
  const features = list.map((raw, k): NumberedFeature => {
    const f = raw as { properties?: unknown; geometry?: unknown } | null;
    const properties = f && typeof f === 'object' && f.properties && typeof f.properties === 'object' && !Array.isArray(f.properties) ? (f.properties as Record<string, unknown>) : {};
    for (const name of Object.keys(properties)) {
      if (!seen.has(name)) {
        seen.add(name);
        fields.push(name);
      }
    }
    const geometry = f && typeof f === 'object' && f.geometry && typeof f.geometry === 'object' ? (f.geometry as Geometry) : null;
    return { row: k + 1, properties, geometry };
  });
  return { encoding: decoded.encoding, features, fields, declaredCrs: declared, problems: damageWarnings(decoded, file) };
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const t = (value as { type?: unknown }).type;
    return t === undefined ? `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}` : `type ${JSON.stringify(t).slice(0, 40)}`;
  }
  return typeof value;
}

const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Longitude/latitude ranges (after any CRS conversion). */
export const inLngLatRange = (p: readonly number[]) => p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90;

/** Vertices still allowed in the file being read (shared by all its features). */
export interface VertexBudget {
  left: number;
}

/** A fresh budget of IMPORT_LIMITS.maxFileVertices. */
export const vertexBudget = (): VertexBudget => ({ left: IMPORT_LIMITS.maxFileVertices });

/** Thrown when a file's polygons together hold more vertices than the limit. */
function tooManyVertices(file: string): DataFileError {
  return new DataFileError([{ file, row: 0, code: 'too-complex', reason: `holds more than ${fmtCount(IMPORT_LIMITS.maxFileVertices)} polygon vertices in all`, fix: 'simplify the outlines (e.g. mapshaper -simplify 10%), or split the file' }]);
}

/**
 * A Polygon or MultiPolygon geometry as a list of polygons (rings of [lng, lat]
 * copies), or a reason why it is not one: wrong type, a ring with fewer than
 * 4 positions, a non-numeric position, a ring of more vertices than the limit
 * (code 'too-complex'). Rings are closed if the file left them open. With a
 * budget, the file's vertices are counted: past the file limit it throws a
 * DataFileError naming `file`.
 */
export function polygonsOf(geometry: Geometry | null, budget?: VertexBudget, file = ''): { polygons: number[][][][] } | { reason: string; code?: ProblemCode } {
  if (!geometry) return { reason: 'no geometry' };
  let list: unknown;
  if (geometry.type === 'Polygon') list = [(geometry as Polygon).coordinates];
  else if (geometry.type === 'MultiPolygon') list = (geometry as MultiPolygon).coordinates;
  else if (geometry.type === 'GeometryCollection') {
    const parts = Array.isArray(geometry.geometries) ? geometry.geometries : [];
    const polygons: number[][][][] = [];
    for (const g of parts) {
      const r = polygonsOf(g, budget, file);
      if ('reason' in r) return r;
      for (const p of r.polygons) polygons.push(p);
    }
    return polygons.length > 0 ? { polygons } : { reason: 'an empty GeometryCollection' };
  } else return { reason: `a ${String(geometry.type).slice(0, 30)} geometry where a Polygon or MultiPolygon was expected` };
  if (!Array.isArray(list) || list.length === 0) return { reason: 'no polygon coordinates' };
  const polygons: number[][][][] = [];
  for (const rings of list) {
    if (!Array.isArray(rings) || rings.length === 0) return { reason: 'a polygon without rings' };
    const copy: number[][][] = [];
    for (const ring of rings) {
      if (!Array.isArray(ring)) return { reason: 'a ring that is not an array of positions' };
      if (ring.length > IMPORT_LIMITS.maxRingVertices) {
        return { code: 'too-complex', reason: `a ring of ${fmtCount(ring.length)} vertices, more than the ${fmtCount(IMPORT_LIMITS.maxRingVertices)} allowed (simplify it, e.g. mapshaper -simplify 10%)` };
      }
      if (budget && (budget.left -= ring.length) < 0) throw tooManyVertices(file);
      const positions: number[][] = [];
      for (const p of ring) {
        if (!isPosition(p)) return { reason: `a position that is not two finite numbers: ${JSON.stringify(p)?.slice(0, 60)}` };
        positions.push([p[0], p[1]]);
      }
      if (positions.length > 0) {
        const [a, b] = [positions[0], positions[positions.length - 1]];
        if (a[0] !== b[0] || a[1] !== b[1]) positions.push([a[0], a[1]]);
      }
      if (positions.length < 4) return { reason: `a ring with ${positions.length} positions (at least 4 needed)` };
      copy.push(positions);
    }
    polygons.push(copy);
  }
  return { polygons };
}

/** A Point (or one-point MultiPoint) as [x, y], or a reason. */
export function pointOf(geometry: Geometry | null): { point: [number, number] } | { reason: string } {
  if (!geometry) return { reason: 'no geometry' };
  if (geometry.type === 'Point' && isPosition(geometry.coordinates)) return { point: [geometry.coordinates[0], geometry.coordinates[1]] };
  if (geometry.type === 'MultiPoint' && Array.isArray(geometry.coordinates) && geometry.coordinates.length === 1 && isPosition(geometry.coordinates[0])) {
    return { point: [geometry.coordinates[0][0], geometry.coordinates[0][1]] };
  }
  return { reason: `a ${String(geometry.type).slice(0, 30)} geometry where a Point was expected` };
}

/** Throws a DataFileError when a declared `crs` is not longitude/latitude. */
export function checkDeclaredCrs(declared: string | null, file: string, problems: RowProblem[]): void {
  if (!declared) return;
  if (/crs84|4326|4490|wgs ?84|cgcs2000/i.test(declared)) return;
  throw new DataFileError([
    ...problems,
    { file, row: 0, code: 'projected-crs', reason: `declares coordinate system "${declared.slice(0, 80)}"; only longitude/latitude (WGS84, GCJ-02, BD-09) can be read`, fix: 'export it again as GeoJSON in EPSG:4326 (e.g. ogr2ogr -t_srs EPSG:4326)' },
  ]);
}
