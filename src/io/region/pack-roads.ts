/**
 * The roads member of a region pack (roads.parquet, see ./pack-format.ts):
 * one row per way with its class, posted limit, direction and line. A line
 * stores coordinates, not vertex numbers (that is what GIS tools draw), so
 * reading joins the ways again wherever they share a coordinate exactly:
 * junctions are where routes turn, and a pack that lost them would route
 * differently from the file it was made from. Two distinct road vertices at
 * the very same coordinate become one junction on reading (for OSM: two
 * nodes at one spot, a mapping error).
 */
import type { parquetWriteBuffer } from 'hyparquet-writer';
import { wayCount, type RoadWays } from '../../core/roads/ways.ts';
import { fileError } from '../errors.ts';
import { MEMBERS, type ManifestRoads } from './pack-format.ts';
import { readColumns, readValues } from './parquet-read.ts';
import type { RegionRoads } from './types.ts';

type ColumnSource = Parameters<typeof parquetWriteBuffer>[0]['columnData'][number];

/** WKB geometry type of a 2D LineString (OGC simple features). */
const WKB_LINESTRING = 2;
/** Highest posted speed taken as a value rather than damage, km/h. */
const MAX_POSTED_KMH = 1000;
const MAX_CLASS_CHARS = 200;

/** roads.parquet's columns, in order (the geometry last, as GeoParquet readers expect nothing else). */
export function roadColumns(ways: RoadWays): ColumnSource[] {
  const n = wayCount(ways);
  const classes = Array.from(ways.wayClass, (c) => (c >= 0 ? ways.classes[c] : ''));
  const geometry: Uint8Array[] = [];
  for (let w = 0; w < n; w++) geometry.push(lineToWkb(ways, ways.wayStart[w], ways.wayStart[w + 1]));
  return [
    { name: 'class', data: classes, type: 'STRING' },
    { name: 'posted_kmh', data: Float64Array.from(ways.wayPostedKmh), type: 'DOUBLE' },
    { name: 'oneway', data: Int32Array.from(ways.wayOneway), type: 'INT32' },
    { name: 'geometry', data: geometry, type: 'BYTE_ARRAY' },
  ];
}

/** The manifest's `roads`: rows, provenance and the import's counts. */
export function roadsManifest(roads: RegionRoads): ManifestRoads {
  return { ways: wayCount(roads.ways), source: roads.source, ...(roads.attribution ? { attribution: roads.attribution } : {}), counts: roads.counts };
}

/** Little-endian WKB LineString of the way's vertices [start, end). */
function lineToWkb(ways: RoadWays, start: number, end: number): Uint8Array {
  const n = end - start;
  const bytes = new Uint8Array(9 + 16 * n);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 1);
  view.setUint32(1, WKB_LINESTRING, true);
  view.setUint32(5, n, true);
  for (let k = 0; k < n; k++) {
    const v = ways.wayVertices[start + k];
    view.setFloat64(9 + 16 * k, ways.lng[v], true);
    view.setFloat64(17 + 16 * k, ways.lat[v], true);
  }
  return bytes;
}

/**
 * Reads and checks roads.parquet into road ways, vertices shared again by
 * exact coordinate. Refuses, naming the file, the member and the row, a row
 * that is not a road this app wrote.
 */
export async function readRoadsMember(bytes: Uint8Array, file: string, manifest: ManifestRoads): Promise<RegionRoads> {
  const rows = manifest.ways;
  const bad = (row: number, reason: string): never => {
    throw fileError(file, `${MEMBERS.roads} row ${row}: ${reason}; the pack is damaged`, 'unreadable');
  };
  const numbers = await readColumns(bytes, file, MEMBERS.roads, rows, { posted_kmh: Float64Array, oneway: Int32Array });
  const posted = numbers.posted_kmh as Float64Array;
  const oneway = numbers.oneway as Int32Array;
  const classText = await readValues(bytes, file, MEMBERS.roads, 'class');
  const lines = await readValues(bytes, file, MEMBERS.roads, 'geometry');
  if (classText.length !== rows || lines.length !== rows) throw fileError(file, `${MEMBERS.roads} has ${Math.min(classText.length, lines.length)} rows where the manifest gives ${rows}; the pack is damaged`, 'unreadable');

  const wayClass = new Int32Array(rows);
  const classes: string[] = [];
  const classIndex = new Map<string, number>();
  const wayStart = new Int32Array(rows + 1);
  let points = 0;
  for (let r = 0; r < rows; r++) {
    const c = classText[r];
    if (typeof c !== 'string' || c.length > MAX_CLASS_CHARS) bad(r + 1, 'class is not a short text');
    const p = posted[r];
    if (!(Number.isNaN(p) || (p > 0 && p <= MAX_POSTED_KMH))) bad(r + 1, `posted_kmh ${p} is neither empty (NaN) nor a speed in (0, ${MAX_POSTED_KMH}] km/h`);
    if (c === '' && Number.isNaN(p)) bad(r + 1, 'the way has neither a class nor a posted speed');
    if (oneway[r] !== -1 && oneway[r] !== 0 && oneway[r] !== 1) bad(r + 1, `oneway ${oneway[r]} is not −1, 0 or 1`);
    let k = c === '' ? -1 : classIndex.get(c as string);
    if (k === undefined) {
      k = classes.length;
      classes.push(c as string);
      classIndex.set(c as string, k);
    }
    wayClass[r] = k;
    points += lineLength(lines[r], r + 1, bad);
    wayStart[r + 1] = points;
  }

  const vertices = new CoordinateIndex(points);
  const wayVertices = new Int32Array(points);
  for (let r = 0; r < rows; r++) {
    const wkb = lines[r] as Uint8Array;
    const view = new DataView(wkb.buffer, wkb.byteOffset, wkb.byteLength);
    const little = wkb[0] === 1;
    for (let k = 0, at = wayStart[r]; at < wayStart[r + 1]; k++, at++) {
      const lng = view.getFloat64(9 + 16 * k, little);
      const lat = view.getFloat64(17 + 16 * k, little);
      if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) bad(r + 1, `point ${k + 1} (${lng}, ${lat}) is not a WGS84 longitude and latitude`);
      wayVertices[at] = vertices.indexOf(lng, lat);
    }
  }
  const ways: RoadWays = {
    lng: vertices.lng.slice(0, vertices.count),
    lat: vertices.lat.slice(0, vertices.count),
    wayStart,
    wayVertices,
    wayClass,
    classes,
    wayPostedKmh: Float32Array.from(posted),
    wayOneway: Int8Array.from(oneway),
  };
  return { ways, source: manifest.source, ...(manifest.attribution ? { attribution: manifest.attribution } : {}), counts: manifest.counts };
}

/** Points of a row's WKB LineString, after checking it is one (2D, at least two points, no bytes over). */
function lineLength(value: unknown, row: number, bad: (row: number, reason: string) => never): number {
  if (!(value instanceof Uint8Array) || value.length < 9) return bad(row, 'geometry is not WKB');
  const little = value[0] === 1;
  if (value[0] > 1) return bad(row, 'geometry is not WKB (no byte order mark)');
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const type = view.getUint32(1, little);
  if (type !== WKB_LINESTRING) return bad(row, `geometry is WKB type ${type}, not a 2D LineString`);
  const n = view.getUint32(5, little);
  if (n < 2 || value.length !== 9 + 16 * n) return bad(row, `geometry is a LineString of ${n} points in ${value.length} bytes`);
  return n;
}

/**
 * Coordinates → vertex numbers, by exact equality: an open-addressing hash
 * table over the coordinates' bits, sized once for the most points possible.
 */
class CoordinateIndex {
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  count = 0;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly bits = new Float64Array(2);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(maxPoints: number) {
    this.lng = new Float64Array(maxPoints);
    this.lat = new Float64Array(maxPoints);
    // at most half full, so probes stay short
    let size = 16;
    while (size < 2 * maxPoints) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** The vertex at (lng, lat), added when new. */
  indexOf(lng: number, lat: number): number {
    // + 0 turns −0 into 0, so the bits hashed agree with ===
    this.bits[0] = lng + 0;
    this.bits[1] = lat + 0;
    const w = this.words;
    let h = Math.imul(w[0] ^ Math.imul(w[1], 0x9e3779b1), 0x85ebca6b) ^ Math.imul(w[2] ^ Math.imul(w[3], 0xc2b2ae35), 0x27d4eb2f);
    h ^= h >>> 15;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.slots[slot];
      if (v < 0) {
        this.slots[slot] = this.count;
        this.lng[this.count] = lng + 0;
        this.lat[this.count] = lat + 0;
        return this.count++;
      }
      if (this.lng[v] === lng && this.lat[v] === lat) return v;
    }
  }
}
