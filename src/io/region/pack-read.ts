/**
 * Opens a region pack (see ./pack-format.ts), checking it all before anything
 * is used: the zip, the manifest's format and version, its schema, each
 * layer's columns and row counts against the manifest, and every value the
 * engine relies on. A pack that fails any check is refused with the file name
 * and the reason; nothing is half-opened.
 */
import { cellToLatLng } from 'h3-js';
import type { Geometry, MultiPolygon } from 'geojson';
import type { AreaType, Station, Zone } from '../../core/types.ts';
import { DataFileError, fileError, type RowProblem } from '../errors.ts';
import { int64ToH3 } from './h3-int.ts';
import { ClaimSchema, ManifestSchema, MEMBERS, PACK_FORMAT, PACK_VERSION, type Manifest } from './pack-format.ts';
import { checkParquetLayout } from './parquet-layout.ts';
import { readColumns, readRows } from './parquet-read.ts';
import { readRoadsMember } from './pack-roads.ts';
import { STATION_COLUMNS } from './station-columns.ts';
import { unzipMembers } from './zip-members.ts';
import type { PartOutline, Region, ZoneOutline } from './types.ts';

/** Largest pack read whole (bytes): a province at H3 res 9 is ~1.3 million cells, tens of MB. */
export const MAX_PACK_BYTES = 1_000_000_000;

async function unzip(bytes: Uint8Array, file: string): Promise<Record<string, Uint8Array>> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fileError(file, 'is not a region pack (a region pack is a .zip file made by this app)', 'unsupported');
  if (bytes.length > MAX_PACK_BYTES) throw fileError(file, `is ${(bytes.length / 1e6).toFixed(0)} MB; region packs up to ${MAX_PACK_BYTES / 1e6} MB are read`, 'too-large');
  let inflated = 0;
  try {
    return await unzipMembers(bytes, (f) => {
      if (!(Object.values(MEMBERS) as string[]).includes(f.name)) return false;
      // the sizes the zip declares, before anything is inflated
      inflated += f.originalSize;
      if (inflated > MAX_PACK_BYTES) throw new Error(`its members would inflate to over ${MAX_PACK_BYTES / 1e6} MB`);
      return true;
    });
  } catch (e) {
    throw fileError(file, `is a damaged or truncated zip (${(e as Error).message}); save the pack again or ask for a new copy`, 'unreadable');
  }
}

function member(members: Record<string, Uint8Array>, name: string, file: string): Uint8Array {
  const bytes = members[name];
  if (!bytes) throw fileError(file, `has no ${name}: it is not a region pack, or it is incomplete`, 'unreadable');
  return bytes;
}

function readManifest(bytes: Uint8Array, file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw fileError(file, `${MEMBERS.manifest} is not valid JSON (${(e as Error).message.slice(0, 200)})`, 'unreadable');
  }
  const claim = ClaimSchema.safeParse(json);
  if (!claim.success || claim.data.format !== PACK_FORMAT) throw fileError(file, `${MEMBERS.manifest} does not say it is an ${PACK_FORMAT}`, 'unsupported');
  if (claim.data.version !== PACK_VERSION) {
    throw fileError(file, `is a region pack of version ${JSON.stringify(claim.data.version)}; this app reads version ${PACK_VERSION} (open it with the version of the app that saved it, or save it again from there)`, 'unsupported');
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems: RowProblem[] = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ file, row: 0, reason: `${MEMBERS.manifest}, field "${i.path.join('.') || '(root)'}": ${i.message}; the pack is damaged`, code: 'unreadable' }));
    throw new DataFileError(problems);
  }
  return parsed.data;
}

const asMultiPolygon = (g: unknown): MultiPolygon | null => {
  const geometry = g as Geometry | null;
  if (!geometry) return null;
  if (geometry.type === 'MultiPolygon') return geometry;
  if (geometry.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
  return null;
};

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The H3 integers' header bits, checked without h3-js per cell: mode 1 (a
 * cell), the manifest's resolution, a base cell below 122, strictly
 * increasing (sorted, no repeats).
 */
function checkCells(h3: BigInt64Array, resolution: number, file: string): void {
  const halves = new Uint32Array(h3.buffer, h3.byteOffset, h3.length * 2);
  let prevHigh = -1;
  let prevLow = -1;
  for (let i = 0; i < h3.length; i++) {
    const high = halves[2 * i + 1];
    const low = halves[2 * i];
    const mode = (high >>> 27) & 0xf;
    const res = (high >>> 20) & 0xf;
    const baseCell = (high >>> 13) & 0x7f;
    if (mode !== 1 || res !== resolution || baseCell >= 122) {
      throw fileError(file, `${MEMBERS.cells} row ${i + 1}: not an H3 cell of resolution ${resolution}; the pack is damaged`, 'unreadable');
    }
    if (high < prevHigh || (high === prevHigh && low <= prevLow)) throw fileError(file, `${MEMBERS.cells} row ${i + 1}: cells are not sorted by H3 index or repeat one; the pack is damaged`, 'unreadable');
    prevHigh = high;
    prevLow = low;
  }
}

/** Cells whose stored centre is compared with h3-js's (evenly spread over the layer). */
const CENTRE_SAMPLES = 512;
/**
 * How far (degrees, ~0.1 mm) a stored centre may differ from h3-js's: the
 * same h3-js gives centres a last bit apart in Node and in Chromium (their
 * Math.sin/atan2 differ), and a pack written by one is opened by the other.
 */
const CENTRE_TOLERANCE_DEG = 1e-9;

/**
 * The stored centres are taken as they are (computing a million costs
 * seconds): a sample spread over the layer must match h3-js's centres, so a
 * layer whose centres do not belong to its cells is refused.
 */
function checkCentres(h3: BigInt64Array, lng: Float64Array, lat: Float64Array, file: string): void {
  const halves = new Uint32Array(h3.buffer, h3.byteOffset, h3.length * 2);
  const step = Math.max(1, Math.floor(h3.length / CENTRE_SAMPLES));
  for (let i = 0; i < h3.length; i += step) {
    const [la, ln] = cellToLatLng([halves[2 * i], halves[2 * i + 1]]);
    if (!(Math.abs(la - lat[i]) <= CENTRE_TOLERANCE_DEG && Math.abs(ln - lng[i]) <= CENTRE_TOLERANCE_DEG)) throw fileError(file, `${MEMBERS.cells} row ${i + 1}: the stored centre is not the centre of its H3 cell; the pack is damaged`, 'unreadable');
  }
}

/** Reads and checks a region pack. */
export async function readRegionPack(bytes: Uint8Array, file: string): Promise<Region> {
  const members = await unzip(bytes, file);
  const manifest = readManifest(member(members, MEMBERS.manifest, file), file);
  const { counts } = manifest;
  const bad = (what: string, row: number, reason: string): never => {
    throw fileError(file, `${what} row ${row}: ${reason}; the pack is damaged`, 'unreadable');
  };

  // every layer's layout first (see parquet-layout.ts): nothing is decoded from a layer that fails it
  const layer = (name: string, maxRows: number) => {
    const bytes = member(members, name, file);
    checkParquetLayout(bytes, file, name, maxRows);
    return bytes;
  };
  const zonesBytes = layer(MEMBERS.zones, counts.zones);
  const partsBytes = layer(MEMBERS.parts, counts.parts);
  const stationsBytes = layer(MEMBERS.stations, counts.stations);
  const cellsBytes = layer(MEMBERS.cells, counts.cells);
  const contextBytes = members[MEMBERS.context] ? layer(MEMBERS.context, 100_000) : null;
  if (members[MEMBERS.roads] && !manifest.roads) throw fileError(file, `has ${MEMBERS.roads} but its ${MEMBERS.manifest} says nothing of roads; the pack is damaged`, 'unreadable');
  const roadsBytes = manifest.roads ? layer(MEMBERS.roads, manifest.roads.ways) : null;

  // zones
  const zoneRows = await readRows(zonesBytes, file, MEMBERS.zones);
  if (zoneRows.length !== counts.zones) throw fileError(file, `${MEMBERS.zones} has ${zoneRows.length} rows where the manifest gives ${counts.zones}; the pack is damaged`, 'unreadable');
  const zones: Zone[] = [];
  const zoneOutlines: ZoneOutline[] = [];
  const codes = new Set<string>();
  zoneRows.forEach((r, k) => {
    const row = k + 1;
    if (!isText(r.code) || codes.has(r.code)) bad(MEMBERS.zones, row, 'missing or repeated code');
    const code = r.code as string;
    codes.add(code);
    if (!isText(r.name)) bad(MEMBERS.zones, row, 'missing name');
    if (r.area_type !== 'urban' && r.area_type !== 'rural') bad(MEMBERS.zones, row, `area_type must be urban or rural, not ${JSON.stringify(r.area_type)}`);
    if (typeof r.seat_lng !== 'number' || typeof r.seat_lat !== 'number') bad(MEMBERS.zones, row, 'seat is not a number');
    const geometry = asMultiPolygon(r.geometry);
    if (!geometry) bad(MEMBERS.zones, row, 'geometry is not a polygon');
    // a zone without a seat has NaN there (every column is REQUIRED)
    const seat: [number, number] | null = Number.isFinite(r.seat_lng) && Number.isFinite(r.seat_lat) ? [r.seat_lng as number, r.seat_lat as number] : null;
    zones.push({
      code,
      name: r.name as string,
      county: typeof r.county === 'string' ? r.county : '',
      countyName: typeof r.county_name === 'string' ? r.county_name : '',
      areaType: r.area_type as AreaType,
      ...(isText(r.area_type_source) ? { areaTypeSource: r.area_type_source } : {}),
      seat,
    });
    zoneOutlines.push({ type: 'Feature', properties: { code }, geometry: geometry! });
  });

  // parts
  const partRows = await readRows(partsBytes, file, MEMBERS.parts);
  if (partRows.length !== counts.parts) throw fileError(file, `${MEMBERS.parts} has ${partRows.length} rows where the manifest gives ${counts.parts}; the pack is damaged`, 'unreadable');
  const partOutlines: PartOutline[] = partRows.map((r, k) => {
    const geometry = asMultiPolygon(r.geometry);
    if (!isText(r.code) || !geometry) return bad(MEMBERS.parts, k + 1, 'missing code or outline');
    return { type: 'Feature', properties: { code: r.code as string, name: typeof r.name === 'string' ? r.name : '' }, geometry: geometry! };
  });

  // context outlines (optional)
  const contextRows = contextBytes ? await readRows(contextBytes, file, MEMBERS.context) : [];
  const contextOutlines: PartOutline[] = contextRows.map((r, k) => {
    const geometry = asMultiPolygon(r.geometry);
    if (!isText(r.code) || !geometry) return bad(MEMBERS.context, k + 1, 'missing code or outline');
    return { type: 'Feature', properties: { code: r.code as string, name: typeof r.name === 'string' ? r.name : '' }, geometry: geometry! };
  });

  // stations
  const stationRows = await readRows(stationsBytes, file, MEMBERS.stations);
  if (stationRows.length !== counts.stations) throw fileError(file, `${MEMBERS.stations} has ${stationRows.length} rows where the manifest gives ${counts.stations}; the pack is damaged`, 'unreadable');
  const ids = new Set<string>();
  const stations: Station[] = stationRows.map((r, k) => {
    const station: Partial<Station> = {};
    for (const c of STATION_COLUMNS) {
      const reason = c.set(station, r[c.name]);
      if (reason) bad(MEMBERS.stations, k + 1, `${c.name}: ${reason}`);
    }
    if (ids.has(station.id!)) bad(MEMBERS.stations, k + 1, `id ${station.id} repeats`);
    ids.add(station.id!);
    return station as Station;
  });

  // cells: whole columns
  const rows = checkParquetLayout(cellsBytes, file, MEMBERS.cells, counts.cells);
  if (rows !== counts.cells) throw fileError(file, `${MEMBERS.cells} has ${rows} rows where the manifest gives ${counts.cells}; the pack is damaged`, 'unreadable');
  const columns = await readColumns(cellsBytes, file, MEMBERS.cells, rows, { h3: BigInt64Array, population: Float64Array, zone: Int32Array, lng: Float64Array, lat: Float64Array });
  const h3Int = columns.h3 as BigInt64Array;
  const population = columns.population as Float64Array;
  const zone = columns.zone as Int32Array;
  const lng = columns.lng as Float64Array;
  const lat = columns.lat as Float64Array;
  checkCells(h3Int, manifest.resolution, file);
  checkCentres(h3Int, lng, lat, file);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const p = population[i];
    if (!(p >= 0) || p === Infinity) bad(MEMBERS.cells, i + 1, `population ${p} is not a number ≥ 0`);
    if (zone[i] < -1 || zone[i] >= zones.length) bad(MEMBERS.cells, i + 1, `zone ${zone[i]} is not a zone of the pack`);
    total += p;
  }
  if (Math.abs(total - counts.population) > 1e-6 * Math.max(1, counts.population)) {
    throw fileError(file, `${MEMBERS.cells} holds ${total} residents where the manifest gives ${counts.population}; the pack is damaged`, 'unreadable');
  }

  // the strings are made when first read: opening a large region needs none (the grid and the map read the integers)
  let strings: string[] | null = null;
  const cells: Region['cells'] = {
    get h3() {
      return (strings ??= int64ToH3(h3Int));
    },
    population,
    zone,
    h3Int,
    lng,
    lat,
  };

  const roads = roadsBytes && manifest.roads ? await readRoadsMember(roadsBytes, file, manifest.roads) : null;

  return {
    id: manifest.id,
    name: manifest.name,
    ...(manifest.city ? { city: manifest.city } : {}),
    parts: manifest.parts,
    partOutlines,
    ...(contextOutlines.length > 0 ? { contextOutlines } : {}),
    zones,
    zoneOutlines,
    resolution: manifest.resolution,
    cells,
    stations,
    sources: manifest.sources,
    attribution: manifest.attribution,
    notes: manifest.notes,
    modelled: manifest.modelled,
    ...(roads ? { roads } : {}),
  };
}
