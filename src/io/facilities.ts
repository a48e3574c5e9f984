/**
 * Facility lists (CSV in UTF-8 or GBK, XLSX, GeoJSON points) → a preview of
 * stations: every source row ends up either among the good stations or with
 * at least one error in `problems`, never silently dropped.
 */
import { CAPABILITIES, type Capability } from '../core/ems/settings.ts';
import { type Station, type StationKind, type StationStatus } from '../core/types.ts';
import { sniffFileKind, toUint8, type FileBytes } from './bytes.ts';
import { guessMapping, parseCoordinate } from './columns.ts';
import { crsHintInText, toWgs84, type Crs } from './crs.ts';
import { DataFileError, guardReader, isError, pushAll, wrapLibraryError, type ProblemCode, type RowProblem } from './errors.ts';
import { CAPABILITY_EXAMPLES, KIND_EXAMPLES, mapCapabilities, mapKind, mapStatus, STATUS_EXAMPLES } from './facility-vocabulary.ts';
import { checkDeclaredCrs, parseGeoJson, pointOf } from './geojson.ts';
import { fmtCount, IMPORT_LIMITS } from './limits.ts';
import { CHINA_BBOX, locateInRegion, type ImportRegion } from './region.ts';
import { readTable, type TableRow } from './table.ts';
import type { EncodingOption, TextEncodingName } from './text.ts';

export const FACILITY_FIELDS = ['id', 'name', 'lng', 'lat', 'coords', 'kind', 'status', 'address', 'note', 'capabilities', 'plannedCapabilities', 'ambulances'] as const;
export type FacilityField = (typeof FACILITY_FIELDS)[number];
/** Which source column feeds each field (null: the file has none). */
export type FacilityColumnMapping = Record<FacilityField, string | null>;

/** Header words we recognise, Chinese and English (compared after normaliseHeader). */
export const FACILITY_COLUMN_ALIASES: Record<FacilityField, readonly string[]> = {
  id: ['id', '编号', '站点编号', '机构编号', '机构编码', '机构代码', '代码', 'code', 'stationid', 'facilityid', 'uid'],
  name: ['名称', '机构名称', '站点名称', '单位名称', '医院名称', '急救站名称', '站名', 'name', 'facilityname', 'stationname', 'facility', 'title'],
  lng: ['经度', 'lng', 'lon', 'long', 'longitude', 'x', '东经', 'pointx', 'gpsx'],
  lat: ['纬度', 'lat', 'latitude', 'y', '北纬', 'pointy', 'gpsy'],
  coords: ['经纬度', '坐标', '经纬度坐标', 'coordinates', 'coordinate', 'lnglat', 'lonlat', 'location'],
  kind: ['类型', '机构类型', '站点类型', '类别', 'type', 'kind', 'category'],
  status: ['状态', '建设状态', '现状', 'status', 'state'],
  address: ['地址', '详细地址', '机构地址', 'address', 'addr'],
  note: ['备注', '说明', 'note', 'notes', 'remark', 'remarks', 'comment'],
  capabilities: ['救治中心', '能力', '救治能力', '中心', '专科中心', '五大中心', 'capabilities', 'capability', 'centres', 'centers', 'treatmentcentres', 'treatmentcenters'],
  plannedCapabilities: ['规划救治中心', '规划中心', '拟建中心', '规划能力', 'plannedcapabilities', 'plannedcentres', 'plannedcenters'],
  ambulances: ['救护车', '救护车数量', '救护车数', '车辆数', '车辆', '救护车辆', 'ambulances', 'ambulance', 'vehicles', 'fleet'],
};

export interface FacilityImportOptions {
  /** File name, shown in every problem. */
  file: string;
  /** 'auto' (default) decides from the first bytes and the file name. */
  format?: 'auto' | 'csv' | 'xlsx' | 'geojson';
  /** Text encoding of CSV/GeoJSON; 'auto' (default) tries UTF-8 strictly, then GB18030/GBK. */
  encoding?: EncodingOption;
  /** XLSX sheet name or 1-based number (default the first). */
  sheet?: string | number;
  /**
   * Coordinate system of the file. When absent, a header hint ("经度(百度)",
   * "lng_gcj02") decides, else WGS84 with a warning.
   */
  crs?: Crs;
  /** Column choices that override the guesses (null: the file has no such column). */
  columns?: Partial<FacilityColumnMapping>;
  /** The loaded region; points far outside it are rejected, points just outside get a warning. */
  region?: ImportRegion;
  /**
   * How far outside the region's box a station may stand and still be kept
   * (with a warning), km. Default 20: the lenient rural radius of the
   * standards, beyond which a station cannot reach into the region.
   */
  regionMarginKm?: number;
  /** Kind for rows with an empty kind cell or no kind column (default 'station'). */
  defaultKind?: StationKind;
  /** Status for rows with an empty status cell or no status column (default 'existing'). */
  defaultStatus?: StationStatus;
  /** The caller's own words for kinds and statuses, checked before ours. */
  kindWords?: Record<string, StationKind>;
  statusWords?: Record<string, StationStatus>;
  /** Prefix of ids made for rows without one: `${idPrefix}-${row}` (default: the file name without extension). */
  idPrefix?: string;
  /** Import rows whose longitude and latitude are evidently swapped, swapped back (with a warning) instead of rejecting them. */
  applySwapFix?: boolean;
  /** Refuse a file with more usable stations than a scenario can be evaluated with (default IMPORT_LIMITS.maxStations). */
  maxStations?: number;
}

export interface FacilityRow extends TableRow {
  /** Id of the station the row became, or null when it was rejected (see problems). */
  stationId: string | null;
}

export interface FacilityPreview {
  file: string;
  format: 'csv' | 'xlsx' | 'geojson';
  /** Null for XLSX. */
  detectedEncoding: TextEncodingName | null;
  sourceCrs: Crs;
  /** Where sourceCrs came from. */
  crsFrom: 'option' | 'header' | 'default';
  header: string[];
  columnMapping: FacilityColumnMapping;
  /** Every data row with its source row number (1 = first row after the header). */
  rows: FacilityRow[];
  /** Stations in WGS84, in row order. */
  good: Station[];
  /** Errors (row rejected) and warnings (row imported, something assumed), in row order. */
  problems: RowProblem[];
  /** Row numbers of empty rows (not data, not counted in rows). */
  blankRows: number[];
  summary: { rows: number; good: number; rejected: number; warnings: number };
}

const headerScore = (cells: string[]) => {
  const m = guessMapping(cells.filter(Boolean), FACILITY_COLUMN_ALIASES);
  return FACILITY_FIELDS.filter((f) => m[f] !== null).length;
};

/**
 * Reads a facility file into a preview. Throws DataFileError only when the
 * file as a whole is unusable (not a table, no name or coordinate columns);
 * row problems are returned, never thrown.
 */
export async function previewFacilities(bytes: FileBytes, options: FacilityImportOptions): Promise<FacilityPreview> {
  return guardReader(options.file, 'a facility table (CSV, XLSX or GeoJSON)', () => preview(bytes, options));
}

async function preview(bytes: FileBytes, options: FacilityImportOptions): Promise<FacilityPreview> {
  const { file } = options;
  const b = toUint8(bytes);
  const kind = options.format && options.format !== 'auto' ? options.format : sniffFileKind(b, file);
  let format: FacilityPreview['format'];
  let header: string[];
  let rows: TableRow[];
  let blankRows: number[] = [];
  let encoding: TextEncodingName | null;
  const fileProblems: RowProblem[] = [];
  let geometryPoints: Map<number, { point: [number, number] } | { reason: string }> | null = null;
  try {
    if (kind === 'geojson') {
      format = 'geojson';
      const gj = parseGeoJson(b, file, options.encoding);
      checkDeclaredCrs(gj.declaredCrs, file, []);
      pushAll(fileProblems, gj.problems);
      encoding = gj.encoding;
      header = gj.fields;
      geometryPoints = new Map();
      rows = gj.features.map((f) => {
        geometryPoints!.set(f.row, pointOf(f.geometry));
        const values: Record<string, string> = {};
        for (const h of header) values[h] = cellText(f.properties[h]);
        return { row: f.row, values };
      });
    } else if (kind === 'csv' || kind === 'xlsx') {
      const table = await readTable(b, { file, encoding: options.encoding, sheet: options.sheet, scoreHeader: headerScore });
      format = table.format;
      encoding = table.encoding;
      header = table.header;
      rows = table.rows;
      blankRows = table.blankRows;
      pushAll(fileProblems, table.problems);
    } else {
      throw new DataFileError([{ file, row: 0, code: 'unsupported', reason: `is a ${kind} file; facilities are read from CSV, XLSX or GeoJSON` }]);
    }
  } catch (e) {
    throw wrapLibraryError(e, file, 'a facility table (CSV, XLSX or GeoJSON)');
  }

  const mapping = guessMapping(header, FACILITY_COLUMN_ALIASES, options.columns);
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== null && !header.includes(column)) {
      throw new DataFileError([{ file, row: 0, column, code: 'no-such-column', reason: `column "${column}" chosen for ${field} is not in the file (columns: ${header.slice(0, 30).join(', ')})` }]);
    }
  }
  const hasGeometry = geometryPoints !== null;
  const hasCoords = (mapping.lng !== null && mapping.lat !== null) || mapping.coords !== null || hasGeometry;
  const missing: RowProblem[] = [];
  if (mapping.name === null) missing.push({ file, row: 0, column: 'name', code: 'missing-column', reason: `no name column (looked for ${FACILITY_COLUMN_ALIASES.name.slice(0, 6).join(', ')}; columns: ${header.slice(0, 30).join(', ') || 'none'})`, fix: 'choose the name column' });
  if (!hasCoords) missing.push({ file, row: 0, column: 'lng/lat', code: 'missing-column', reason: `no coordinate columns (looked for 经度/纬度, lng/lat, lon/lat, longitude/latitude, x/y or 经纬度; columns: ${header.slice(0, 30).join(', ') || 'none'})`, fix: 'choose the longitude and latitude columns' });
  if (missing.length > 0) throw new DataFileError([...fileProblems.filter(isError), ...missing]);
  if (mapping.coords !== null && mapping.lng !== null && mapping.lat !== null) mapping.coords = null;

  let sourceCrs: Crs = 'WGS84';
  let crsFrom: FacilityPreview['crsFrom'] = 'default';
  if (options.crs) {
    sourceCrs = options.crs;
    crsFrom = 'option';
  } else {
    const hint = [mapping.lng, mapping.lat, mapping.coords].map((c) => (c ? crsHintInText(c) : null)).find((c) => c !== null);
    if (hint) {
      sourceCrs = hint;
      crsFrom = 'header';
    } else {
      fileProblems.push({ file, row: 0, code: 'crs-assumed', severity: 'warning', reason: 'coordinate system not stated; read as WGS84 (GPS). AMap/高德 and Tencent coordinates are GCJ-02, Baidu/百度 BD-09: read in the wrong one, points move 300–700 m', fix: 'choose the coordinate system' });
    }
  }

  const ctx: RowContext = {
    options,
    mapping,
    sourceCrs,
    marginKm: options.regionMarginKm ?? 20,
    idPrefix: options.idPrefix ?? (file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'import'),
    seenIds: new Map(),
    seenNames: new Map(),
    geometryPoints,
    kinds: new Map(),
    statuses: new Map(),
  };
  const problems: RowProblem[] = [...fileProblems];
  const good: Station[] = [];
  // each row becomes its FacilityRow in place: a million-row file is not copied
  const out = rows as FacilityRow[];
  const rowProblems: RowProblem[] = [];
  for (const r of out) {
    rowProblems.length = 0;
    const station = readRow(r, ctx, rowProblems);
    pushAll(problems, rowProblems);
    if (station) good.push(station);
    r.stationId = station ? station.id : null;
  }
  if (mapping.kind === null) problems.push({ file, row: 0, column: 'kind', code: 'default-kind', severity: 'warning', reason: `no kind column; every facility is a ${options.defaultKind ?? 'station'}` });
  if (mapping.status === null) problems.push({ file, row: 0, column: 'status', code: 'default-status', severity: 'warning', reason: `no status column; every facility is ${options.defaultStatus ?? 'existing'}` });
  const maxStations = options.maxStations ?? IMPORT_LIMITS.maxStations;
  if (good.length > maxStations) {
    throw new DataFileError([
      {
        file,
        row: 0,
        code: 'too-large',
        reason: `holds ${fmtCount(good.length)} usable stations (of ${fmtCount(out.length)} rows), more than the ${fmtCount(maxStations)} a scenario can be evaluated with`,
        fix: 'keep the stations of the region you plan for (split the file by county), or leave out the rows that are not stations',
      },
    ]);
  }
  problems.sort((a, b) => a.row - b.row);
  const rejected = out.length - good.length;
  return {
    file,
    format,
    detectedEncoding: encoding,
    sourceCrs,
    crsFrom,
    header,
    columnMapping: mapping,
    rows: out,
    good,
    problems,
    blankRows,
    summary: { rows: out.length, good: good.length, rejected, warnings: problems.filter((p) => !isError(p)).length },
  };
}

interface RowContext {
  options: FacilityImportOptions;
  mapping: FacilityColumnMapping;
  sourceCrs: Crs;
  marginKm: number;
  idPrefix: string;
  seenIds: Map<string, number>;
  seenNames: Map<string, number>;
  geometryPoints: Map<number, { point: [number, number] } | { reason: string }> | null;
  /** Kind and status words already looked up: a long file repeats a few words. */
  kinds: Map<string, StationKind | null>;
  statuses: Map<string, StationStatus | null>;
}

/** A cached lookup: the first call per distinct text does the work (up to a few thousand texts, then no more are kept). */
function cached<T>(cache: Map<string, T>, text: string, look: (text: string) => T): T {
  if (cache.has(text)) return cache.get(text) as T;
  const v = look(text);
  if (cache.size < 4096) cache.set(text, v);
  return v;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).trim();
}

/** Validates one row; pushes its problems and returns the station, or null when any error was found. */
function readRow(r: TableRow, ctx: RowContext, problems: RowProblem[]): Station | null {
  const { options, mapping } = ctx;
  const file = options.file;
  const row = r.row;
  const cell = (f: FacilityField) => (mapping[f] === null ? '' : (r.values[mapping[f]!] ?? ''));
  const error = (column: string | null, code: ProblemCode, reason: string, extra: Partial<RowProblem> = {}) =>
    problems.push({ file, row, ...(column ? { column } : {}), code, reason, ...extra });
  const warn = (column: string | null, code: ProblemCode, reason: string, extra: Partial<RowProblem> = {}) =>
    problems.push({ file, row, ...(column ? { column } : {}), code, reason, severity: 'warning', ...extra });

  // id
  let id = cell('id');
  if (id === '') {
    id = `${ctx.idPrefix}-${row}`;
    if (mapping.id !== null) warn(mapping.id, 'generated-id', `empty id; given "${id}"`);
  }
  const firstWithId = ctx.seenIds.get(id);
  if (firstWithId !== undefined) {
    error(mapping.id ?? 'id', 'duplicate-id', `id "${id}" already used by row ${firstWithId}`, { value: id, fix: `give this row another id (e.g. "${id}-2") or delete the repeated row` });
  }

  // name
  const name = cell('name');
  if (name === '') error(mapping.name, 'missing-name', 'empty name');

  // coordinates in the source CRS
  let x = NaN;
  let y = NaN;
  let coordColumn = mapping.coords ?? `${mapping.lng}/${mapping.lat}`;
  let coordsOk = true;
  const geo = ctx.geometryPoints?.get(row);
  if (geo && 'point' in geo && mapping.lng === null && mapping.coords === null) {
    [x, y] = geo.point;
    coordColumn = 'geometry';
  } else if (mapping.coords !== null) {
    const text = cell('coords');
    const parts = text.split(/[,，;；\s]+/).filter(Boolean);
    if (text === '') {
      error(mapping.coords, 'missing-coordinates', 'empty coordinates');
      coordsOk = false;
    } else if (parts.length !== 2) {
      error(mapping.coords, 'not-a-number', `"${text.slice(0, 60)}" is not "longitude,latitude"`, { value: text.slice(0, 60) });
      coordsOk = false;
    } else {
      x = parseCoordinate(parts[0]);
      y = parseCoordinate(parts[1]);
      if (Number.isNaN(x) || Number.isNaN(y)) {
        error(mapping.coords, 'not-a-number', `"${text.slice(0, 60)}" is not two numbers`, { value: text.slice(0, 60) });
        coordsOk = false;
      }
    }
  } else if (mapping.lng !== null && mapping.lat !== null) {
    for (const f of ['lng', 'lat'] as const) {
      const text = cell(f);
      const v = parseCoordinate(text);
      if (text === '') {
        error(mapping[f], 'missing-coordinates', `empty ${f === 'lng' ? 'longitude' : 'latitude'}`);
        coordsOk = false;
      } else if (Number.isNaN(v) || !Number.isFinite(v)) {
        error(mapping[f], 'not-a-number', `"${text.slice(0, 60)}" is not a ${f === 'lng' ? 'longitude' : 'latitude'} (a number of degrees)`, { value: text.slice(0, 60) });
        coordsOk = false;
      }
      if (f === 'lng') x = v;
      else y = v;
    }
  } else {
    error('geometry', 'missing-coordinates', geo && 'reason' in geo ? geo.reason : 'no point geometry and no coordinate columns');
    coordsOk = false;
  }

  let lng = NaN;
  let lat = NaN;
  if (coordsOk) {
    const placed = placePoint(x, y, ctx, coordColumn, error, warn);
    if (placed) [lng, lat] = placed;
    else coordsOk = false;
  }

  // kind and status
  const kindText = cell('kind');
  let kind: StationKind | null = options.defaultKind ?? 'station';
  if (kindText !== '') {
    kind = cached(ctx.kinds, kindText, (t) => mapKind(t, options.kindWords));
    if (kind === null) error(mapping.kind, 'unknown-kind', `unknown kind "${kindText.slice(0, 40)}"`, { value: kindText.slice(0, 40), fix: `use one of ${KIND_EXAMPLES}, or map "${kindText.slice(0, 40)}" to a kind` });
  } else if (mapping.kind !== null) warn(mapping.kind, 'default-kind', `empty kind; taken as ${kind}`);
  const statusText = cell('status');
  let status: StationStatus | null = options.defaultStatus ?? 'existing';
  if (statusText !== '') {
    status = cached(ctx.statuses, statusText, (t) => mapStatus(t, options.statusWords));
    if (status === null) error(mapping.status, 'unknown-status', `unknown status "${statusText.slice(0, 40)}"`, { value: statusText.slice(0, 40), fix: `use one of ${STATUS_EXAMPLES}, or map "${statusText.slice(0, 40)}" to a status` });
  } else if (mapping.status !== null) warn(mapping.status, 'default-status', `empty status; taken as ${status}`);

  const fleet = readFleet(cell, mapping, error);

  if (problems.some(isError)) return null;
  if (name !== '') {
    const firstWithName = ctx.seenNames.get(name);
    if (firstWithName !== undefined) warn(mapping.name, 'duplicate-name', `name "${name}" also on row ${firstWithName}; both kept`, { value: name, fix: 'check whether one of the two rows is a repeat' });
    else ctx.seenNames.set(name, row);
  }
  ctx.seenIds.set(id, row);
  const notes = [cell('address') && `地址: ${cell('address')}`, cell('note')].filter(Boolean).join('; ');
  return {
    id,
    name,
    kind: kind as StationKind,
    status: status as StationStatus,
    lng,
    lat,
    ...(notes ? { note: notes } : {}),
    ...fleet,
  };
}

/** Capabilities (has, planned) and ambulances of a row; an unknown word or a bad count is the row's error. */
function readFleet(cell: (f: FacilityField) => string, mapping: FacilityColumnMapping, error: Report): Pick<Station, 'capabilities' | 'plannedCapabilities' | 'ambulances'> {
  const out: Pick<Station, 'capabilities' | 'plannedCapabilities' | 'ambulances'> = {};
  const has = new Set<Capability>();
  const planned = new Set<Capability>();
  for (const field of ['capabilities', 'plannedCapabilities'] as const) {
    const text = cell(field);
    if (text === '') continue;
    const read = mapCapabilities(text);
    for (const word of read.unknown) {
      error(mapping[field], 'unknown-capability', `unknown centre "${word.slice(0, 40)}"`, { value: word.slice(0, 40), fix: `use ${CAPABILITY_EXAMPLES}, separated by 、 or commas` });
    }
    for (const c of read.has) (field === 'capabilities' ? has : planned).add(c);
    for (const c of read.planned) planned.add(c);
  }
  // a centre the facility has is not also planned; both in CAPABILITIES order
  if (has.size > 0) out.capabilities = CAPABILITIES.filter((c) => has.has(c));
  const plannedOnly = CAPABILITIES.filter((c) => planned.has(c) && !has.has(c));
  if (plannedOnly.length > 0) out.plannedCapabilities = plannedOnly;
  const text = cell('ambulances');
  if (text !== '') {
    const m = /^(\d+)\s*(辆|台|vehicles?|ambulances?)?$/i.exec(text.normalize('NFKC').trim());
    if (m) out.ambulances = Number(m[1]);
    else error(mapping.ambulances, 'bad-ambulances', `"${text.slice(0, 40)}" is not a number of ambulances`, { value: text.slice(0, 40), fix: 'write a whole number ≥ 0 (e.g. 2), or leave the cell empty for the default' });
  }
  return out;
}

type Report = (column: string | null, code: ProblemCode, reason: string, extra?: Partial<RowProblem>) => void;

const inBox = (b: readonly number[], lng: number, lat: number) => lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];
const validRange = (lng: number, lat: number) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90;

/**
 * Checks a source-CRS point: in range, not swapped, not (0, 0), and where the
 * region says it may be; returns it in WGS84, or null after reporting an error.
 */
function placePoint(x: number, y: number, ctx: RowContext, column: string, error: Report, warn: Report): [number, number] | null {
  const { region } = ctx.options;
  // the WGS84 position of the last point placed: converted once a row, not again when it is kept
  let wgs: [number, number] = [NaN, NaN];
  const where = (lng: number, lat: number) => {
    if (!validRange(lng, lat)) return 'invalid' as const;
    wgs = toWgs84(lng, lat, ctx.sourceCrs);
    if (region) return locateInRegion(region, wgs[0], wgs[1], ctx.marginKm);
    return inBox(CHINA_BBOX, wgs[0], wgs[1]) ? ('inside' as const) : ('outside' as const);
  };
  const value = `${x}, ${y}`;
  if (x === 0 && y === 0) {
    error(column, 'zero-coordinates', 'coordinates are 0, 0 (usually a missing value written as zero)', { value, fix: 'fill in the real coordinates' });
    return null;
  }
  const here = where(x, y);
  if (here === 'inside' || here === 'near') return finish(x, y, here);
  const swapped = where(y, x);
  const regionName = region ? region.name : 'China';
  if (swapped === 'inside' || swapped === 'near') {
    if (ctx.options.applySwapFix) {
      warn(column, 'swapped-lnglat', `longitude and latitude were swapped (${value}); read as ${y}, ${x}`, { value });
      return finish(y, x, swapped);
    }
    error(column, 'swapped-lnglat', `longitude and latitude look swapped: ${value} lies ${here === 'invalid' ? 'out of range' : `outside ${regionName}`}, ${y}, ${x} inside it`, {
      value,
      fix: `swap ${ctx.mapping.lng ?? 'longitude'} and ${ctx.mapping.lat ?? 'latitude'} (or import with the swap fix)`,
    });
    return null;
  }
  if (here === 'invalid') {
    error(column, 'out-of-range', `${value} is not a longitude/latitude (longitude −180…180, latitude −90…90)`, { value, fix: 'check the columns hold degrees, not metres or a projected coordinate' });
    return null;
  }
  if (region) {
    error(column, 'outside-region', `${value} lies outside ${regionName}, more than ${ctx.marginKm} km beyond its bounding box`, { value, fix: `check the coordinates and the coordinate system (${ctx.sourceCrs})` });
    return null;
  }
  const [wx, wy] = toWgs84(x, y, ctx.sourceCrs);
  warn(column, 'outside-china', `${value} lies outside China; kept as is`, { value });
  return [wx, wy];

  /** The point just placed by where(lng, lat), kept. */
  function finish(lng: number, lat: number, place: 'inside' | 'near'): [number, number] {
    if (place === 'near' && region) warn(column, 'near-region', `${lng}, ${lat} lies outside ${region.name} but within ${ctx.marginKm} km of it; kept (a station there can still reach in)`, { value: `${lng}, ${lat}` });
    return wgs;
  }
}

export interface MergeOptions {
  /** Drop every existing station and keep only the incoming ones. */
  replace?: boolean;
  /**
   * What to do when an incoming id is already taken: 'rename' (default) gives
   * it the first free "<id>-2", "<id>-3"…; 'overwrite' replaces the existing
   * station; 'skip' leaves the incoming one out and reports it.
   */
  onIdClash?: 'rename' | 'overwrite' | 'skip';
}

export interface MergeResult {
  stations: Station[];
  added: string[];
  renamed: { from: string; to: string }[];
  overwritten: string[];
  /** Incoming stations left out (onIdClash 'skip'), with the reason. */
  skipped: { id: string; reason: string }[];
}

/**
 * Adds imported stations to existing ones. Every incoming station is either
 * added (possibly renamed), overwrites one, or is listed in `skipped`.
 * @example mergeStations([a], [{ ...b, id: a.id }]).renamed // [{ from: a.id, to: `${a.id}-2` }]
 */
export function mergeStations(existing: readonly Station[], incoming: readonly Station[], options: MergeOptions = {}): MergeResult {
  const mode = options.onIdClash ?? 'rename';
  const stations = options.replace ? [] : existing.map((s) => ({ ...s }));
  const index = new Map(stations.map((s, i) => [s.id, i]));
  const result: MergeResult = { stations, added: [], renamed: [], overwritten: [], skipped: [] };
  for (const s of incoming) {
    const at = index.get(s.id);
    if (at === undefined) {
      index.set(s.id, stations.length);
      stations.push({ ...s });
      result.added.push(s.id);
    } else if (mode === 'overwrite') {
      stations[at] = { ...s };
      result.overwritten.push(s.id);
    } else if (mode === 'skip') {
      result.skipped.push({ id: s.id, reason: `id "${s.id}" is already used by "${stations[at].name}"` });
    } else {
      let n = 2;
      while (index.has(`${s.id}-${n}`)) n++;
      const id = `${s.id}-${n}`;
      index.set(id, stations.length);
      stations.push({ ...s, id });
      result.added.push(id);
      result.renamed.push({ from: s.id, to: id });
    }
  }
  return result;
}
