/**
 * Road lines of a GeoJSON file or a zipped shapefile → road ways: each
 * LineString / MultiLineString with a class field (OSM `highway`,
 * Geofabrik's `fclass`, Chinese 道路等级 / 等级 …) or a speed field
 * (maxspeed, 限速, 速度 …). Lines meet where they share an exact vertex.
 * A line with neither a known class nor a speed is a row problem, never
 * dropped silently; one of a class surely not driven (footway, path …) is
 * counted as not drivable.
 */
import type { Geometry } from 'geojson';
import { roadClassKey } from '../../core/roads/speeds.ts';
import { RoadWaysBuilder } from '../../core/roads/ways.ts';
import { DataFileError, throwIfAborted, type RowProblem } from '../errors.ts';
import type { NumberedFeature } from '../geojson.ts';
import { fmtCount } from '../limits.ts';
import { ROAD_LIMITS } from './limits.ts';
import { NOT_DRIVEN_HIGHWAYS, onewayOf, parseMaxspeed } from './osm-tags.ts';
import type { RoadRead, RoadReadOptions } from './types.ts';

/** Field names read as the road class, first found wins (compared without case). */
export const CLASS_FIELDS = ['highway', 'fclass', '道路等级', '等级', '公路等级', '技术等级', '行政等级', '道路类型', '道路类别', 'roadclass', 'road_class', 'class', 'kind', 'type', 'grade', 'level'];
/** Field names read as a speed in km/h (a posted limit, or the file's own speed). */
export const SPEED_FIELDS = ['maxspeed', 'max_speed', 'speed_kmh', 'speed', 'speedlimit', 'speed_limit', '限速', '速度', '设计速度', '设计时速', '时速'];
/** Field names read as direction: yes/1/F/是 along, -1/T against, no/0/B/否 both. */
export const ONEWAY_FIELDS = ['oneway', 'one_way', '单行', '单向', '是否单行'];

export interface LineFieldChoice {
  classField?: string;
  speedField?: string;
  onewayField?: string;
}

const pick = (fields: readonly string[], wanted: readonly string[], given?: string): string | null => {
  if (given !== undefined) return fields.includes(given) ? given : null;
  for (const w of wanted) {
    const found = fields.find((f) => f.trim().toLowerCase() === w);
    if (found !== undefined) return found;
  }
  return null;
};

function onewayValue(raw: unknown): -1 | 0 | 1 {
  const v = String(raw ?? '').trim().toLowerCase();
  if (v === 'f' || v === '是' || v === 'y') return 1;
  if (v === 't') return -1;
  if (v === 'b' || v === '否' || v === 'n') return 0;
  return onewayOf(v === '' ? undefined : v, '');
}

/**
 * Road ways from numbered line features (see parseGeoJson, readShapefileZip).
 * Throws when the file has neither a class nor a speed field.
 */
export async function roadsFromLines(features: readonly NumberedFeature[], fields: readonly string[], format: 'geojson' | 'shapefile', options: RoadReadOptions & LineFieldChoice): Promise<RoadRead> {
  const { file, signal } = options;
  const classField = pick(fields, CLASS_FIELDS, options.classField);
  const speedField = pick(fields, SPEED_FIELDS, options.speedField);
  const onewayField = pick(fields, ONEWAY_FIELDS, options.onewayField);
  if (options.classField !== undefined && classField === null) throw new DataFileError([{ file, row: 0, code: 'no-such-column', reason: `has no field "${options.classField}" (fields: ${fields.join(', ').slice(0, 200)})` }]);
  if (options.speedField !== undefined && speedField === null) throw new DataFileError([{ file, row: 0, code: 'no-such-column', reason: `has no field "${options.speedField}" (fields: ${fields.join(', ').slice(0, 200)})` }]);
  if (classField === null && speedField === null) {
    throw new DataFileError([{ file, row: 0, code: 'missing-column', reason: `has neither a road class field (e.g. ${CLASS_FIELDS.slice(0, 4).join(', ')}) nor a speed field (e.g. ${SPEED_FIELDS.slice(0, 2).join(', ')}, 限速, 速度); fields: ${fields.join(', ').slice(0, 200) || 'none'}`, fix: 'name the class or speed field' }]);
  }
  const box = options.box ?? null;
  const includeTracks = options.includeTracks ?? false;
  const out = new RoadWaysBuilder();
  const vertexAt = new Map<string, number>();
  const problems: RowProblem[] = [];
  let waysRead = 0;
  let waysDrivable = 0;
  let waysOutside = 0;
  const inside = (p: number[]) => !box || (p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3]);
  for (const f of features) {
    if ((f.row & 0x3fff) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      throwIfAborted(signal);
      options.onProgress?.(f.row / features.length);
    }
    waysRead++;
    const lines = linesOf(f.geometry);
    if (typeof lines === 'string') {
      problems.push({ file, row: f.row, code: 'bad-geometry', reason: lines });
      continue;
    }
    const rawClass = classField === null ? '' : String(f.properties[classField] ?? '').trim();
    const osmish = rawClass.toLowerCase().replace(/^track_grade\d$/, 'track');
    if (NOT_DRIVEN_HIGHWAYS.has(osmish) || (osmish === 'track' && !includeTracks)) continue;
    const classKey = roadClassKey(osmish === 'track' ? 'track' : rawClass);
    const rawSpeed = speedField === null ? undefined : f.properties[speedField];
    const speed = typeof rawSpeed === 'number' ? (rawSpeed > 0 ? rawSpeed : NaN) : parseMaxspeed(rawSpeed === undefined || rawSpeed === null ? undefined : String(rawSpeed));
    if (classKey === null && !(speed > 0)) {
      problems.push({ file, row: f.row, column: classField ?? speedField ?? undefined, code: 'no-data', value: rawClass || String(rawSpeed ?? ''), reason: rawClass ? `road class "${rawClass.slice(0, 40)}" is not one the speed model knows, and no speed is given` : 'has no road class and no speed' });
      continue;
    }
    waysDrivable++;
    const oneway = onewayField === null ? 0 : onewayValue(f.properties[onewayField]);
    let pieces = 0;
    for (const line of lines) {
      const run: number[] = [];
      const flush = () => {
        if (run.length >= 2) {
          out.addWay(run, classKey, speed, oneway);
          pieces++;
        }
        run.length = 0;
      };
      for (const p of line) {
        if (!inside(p)) {
          flush();
          continue;
        }
        const key = `${p[0]},${p[1]}`;
        let v = vertexAt.get(key);
        if (v === undefined) {
          if (out.vertices >= ROAD_LIMITS.maxRoadVertices) throw new DataFileError([{ file, row: 0, code: 'too-large', reason: `holds more than ${fmtCount(ROAD_LIMITS.maxRoadVertices)} road vertices`, fix: 'cut the file to the region first' }]);
          v = out.addVertex(p[0], p[1]);
          vertexAt.set(key, v);
        }
        if (run[run.length - 1] !== v) run.push(v);
      }
      flush();
    }
    if (pieces === 0) waysOutside++;
  }
  options.onProgress?.(1);
  const ways = out.finish();
  return { format, ways, counts: { waysRead, waysDrivable, waysKept: out.ways, waysOutside, vertices: ways.lng.length }, problems };
}

const isPosition = (p: unknown): p is number[] => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;

/** The lines of a LineString / MultiLineString (positions checked), or why there are none. */
function linesOf(geometry: Geometry | null): number[][][] | string {
  if (!geometry) return 'no geometry';
  const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : null;
  if (!parts || !Array.isArray(parts)) return `a ${String(geometry.type).slice(0, 30)} geometry where a LineString or MultiLineString was expected`;
  for (const line of parts) {
    if (!Array.isArray(line)) return 'a line that is not an array of positions';
    for (const p of line) if (!isPosition(p)) return `a position that is not a longitude/latitude pair: ${JSON.stringify(p)?.slice(0, 60)}`;
  }
  return parts as number[][][];
}
