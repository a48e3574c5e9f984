/**
 * Boundary files (GeoJSON, zipped shapefile) → planning zones with polygons,
 * names, codes and urban/rural type; and the assignment of population cells
 * to zones by cell centre.
 */
import type { Feature, MultiPolygon } from 'geojson';
import { cellToLatLng } from 'h3-js';
import type { CellInput } from '../core/grid.ts';
import type { AreaType, Zone } from '../core/types.ts';
import { sniffFileKind, toUint8, type FileBytes } from './bytes.ts';
import { guessMapping, normaliseCell } from './columns.ts';
import { polygonsToWgs84, type Crs } from './crs.ts';
import { DataFileError, guardReader, isError, pushAll, type ProblemCode, type RowProblem } from './errors.ts';
import { checkDeclaredCrs, inLngLatRange, parseGeoJson, polygonsOf, vertexBudget, type NumberedFeature } from './geojson.ts';
import { PolygonIndex } from './polygon-index.ts';
import { readShapefileZip } from './shapefile.ts';
import type { EncodingOption } from './text.ts';

export const ZONE_FIELDS = ['name', 'code', 'areaType', 'county'] as const;
export type ZoneField = (typeof ZONE_FIELDS)[number];
export type ZoneFieldMapping = Record<ZoneField, string | null>;

export const ZONE_FIELD_ALIASES: Record<ZoneField, readonly string[]> = {
  name: ['name', '名称', '乡镇', '乡镇名称', '街道', '乡镇街道', 'XZQMC', '行政区名称', '区划名称', 'zone', 'zonename', 'township', 'NAME_3'],
  code: ['code', 'adcode', 'XZQDM', '编码', '代码', '乡镇代码', '区划代码', '行政区代码', 'zonecode', 'towncode', 'id'],
  areaType: ['areatype', 'area_type', 'urbanrural', 'urban_rural', 'ur_code', 'urcode', '城乡', '城乡分类', '城乡属性', '城乡类型', '城乡代码', 'type', '类型'],
  county: ['county', 'countycode', 'county_code', '区县代码', '县代码'],
};

export interface ZoneImportOptions {
  file: string;
  /** 'auto' (default): from the first bytes and the name. */
  format?: 'auto' | 'geojson' | 'shapefile';
  encoding?: EncodingOption;
  /** Coordinate system of the file (default WGS84; AMap district outlines are GCJ-02). */
  crs?: Crs;
  /** Shapefile layer when the zip holds several. */
  layer?: string;
  /** Field choices that override the guesses (null: none in the file). */
  fields?: Partial<ZoneFieldMapping>;
  /** Set every zone's area type by hand (overrides any field). */
  areaType?: AreaType;
  /** Area type for zones whose field is missing or unreadable (default 'rural', with a warning). */
  defaultAreaType?: AreaType;
  /** County adcode and name for every zone, when the file has no county field. */
  county?: string;
  countyName?: string;
}

export interface ZoneProperties {
  code: string;
  name: string;
  areaType: AreaType;
}

export interface ZoneRow {
  row: number;
  values: Record<string, string>;
  /** Code of the zone the row became, or null when rejected (see problems). */
  zoneCode: string | null;
}

export interface ZoneImport {
  file: string;
  format: 'geojson' | 'shapefile';
  zones: Zone[];
  /** One WGS84 MultiPolygon feature per zone, in the order of `zones`. */
  features: Feature<MultiPolygon, ZoneProperties>[];
  fieldMapping: ZoneFieldMapping;
  rows: ZoneRow[];
  problems: RowProblem[];
  summary: { rows: number; zones: number; rejected: number; urban: number; rural: number };
}

/**
 * Reads an urban/rural value: urban, 城区, 城镇, 城市, 街道; rural, 乡村, 农村, 乡;
 * NBS urban–rural codes 1xx (urban) and 2xx (rural), with 123 (special area)
 * unknown; 1/0, true/false, 是/否 when the field is an urban flag. Null when unknown.
 * @example parseAreaType('121') // 'urban'
 */
export function parseAreaType(value: unknown, flagField = false): AreaType | null {
  const t = normaliseCell(value).toLowerCase();
  if (t === '') return null;
  if (/^(urban|城区|城镇|城市|市区|镇区|街道|u)$/.test(t)) return 'urban';
  if (/^(rural|乡村|农村|乡|村|r)$/.test(t)) return 'rural';
  if (/^\d{3}$/.test(t)) {
    if (t === '123') return null;
    if (t[0] === '1') return 'urban';
    if (t[0] === '2') return 'rural';
    return null;
  }
  if (flagField) {
    if (/^(1|true|是|yes|y)$/.test(t)) return 'urban';
    if (/^(0|false|否|no|n)$/.test(t)) return 'rural';
  }
  return null;
}

/**
 * Reads a boundary file into zones. Throws DataFileError only when the file
 * as a whole is unusable; a bad feature is reported in `problems` and left out.
 */
export function readZones(bytes: FileBytes, options: ZoneImportOptions): ZoneImport {
  const { file } = options;
  return guardReader(file, 'zones (GeoJSON or a zipped shapefile)', () => readZonesFrom(bytes, options));
}

function readZonesFrom(bytes: FileBytes, options: ZoneImportOptions): ZoneImport {
  const { file } = options;
  const b = toUint8(bytes);
  const kind = options.format && options.format !== 'auto' ? (options.format === 'shapefile' ? 'zip' : 'geojson') : sniffFileKind(b, file);
  const problems: RowProblem[] = [];
  let features: NumberedFeature[];
  let fields: string[];
  let format: ZoneImport['format'];
  if (kind === 'zip') {
    const layer = readShapefileZip(b, { file, layer: options.layer, encoding: options.encoding === 'auto' ? undefined : options.encoding });
    features = layer.features;
    fields = layer.fields;
    pushAll(problems, layer.problems);
    format = 'shapefile';
  } else if (kind === 'geojson') {
    const gj = parseGeoJson(b, file, options.encoding);
    checkDeclaredCrs(gj.declaredCrs, file, []);
    pushAll(problems, gj.problems);
    features = gj.features;
    fields = gj.fields;
    format = 'geojson';
  } else {
    throw new DataFileError([{ file, row: 0, code: 'unsupported', reason: `is a ${kind} file; zones are read from GeoJSON or a zipped shapefile (.zip with .shp, .dbf, .prj)` }]);
  }

  const mapping = guessMapping(fields, ZONE_FIELD_ALIASES, options.fields);
  const flagField = mapping.areaType !== null && /urban|城镇|城市/i.test(mapping.areaType) && !/type|类型|code|代码/i.test(mapping.areaType);
  const crs = options.crs ?? 'WGS84';
  const defaultAreaType = options.defaultAreaType ?? 'rural';
  if (!options.areaType && mapping.areaType === null) {
    problems.push({ file, row: 0, column: 'areaType', code: 'default-area-type', severity: 'warning', reason: `no urban/rural field; every zone is ${defaultAreaType}`, fix: 'choose the urban/rural field, or set the type of each zone by hand' });
  }
  if (mapping.name === null) problems.push({ file, row: 0, column: 'name', code: 'no-name-field', severity: 'warning', reason: `no name field (fields: ${fields.slice(0, 20).join(', ') || 'none'}); zones are named by their code` });
  const prefix = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'zone';
  const zones: Zone[] = [];
  const out: Feature<MultiPolygon, ZoneProperties>[] = [];
  const seen = new Map<string, number>();
  const budget = vertexBudget();
  const rows: ZoneRow[] = features.map((f) => {
    const row = f.row;
    const values: Record<string, string> = {};
    for (const k of Object.keys(f.properties)) values[k] = normaliseCell(f.properties[k]);
    const rowProblems: RowProblem[] = [];
    const warn = (column: string, code: ProblemCode, reason: string) => rowProblems.push({ file, row, column, code, reason, severity: 'warning' });
    const error = (column: string, code: ProblemCode, reason: string, fix?: string) => rowProblems.push({ file, row, column, code, reason, ...(fix ? { fix } : {}) });

    let code = mapping.code ? (values[mapping.code] ?? '') : '';
    if (code === '') {
      code = `${prefix}-${row}`;
      if (mapping.code) warn(mapping.code, 'generated-code', `empty code; given "${code}"`);
    }
    const first = seen.get(code);
    if (first !== undefined) error(mapping.code ?? 'code', 'duplicate-code', `code "${code}" already used by feature ${first}`, 'give each zone its own code, or choose another code field');
    let name = mapping.name ? (values[mapping.name] ?? '') : '';
    if (name === '') {
      name = code;
      if (mapping.name) warn(mapping.name, 'missing-name', `empty name; named "${code}"`);
    }
    let areaType: AreaType = options.areaType ?? defaultAreaType;
    if (!options.areaType && mapping.areaType) {
      const raw = values[mapping.areaType] ?? '';
      const parsed = parseAreaType(raw, flagField);
      if (parsed) areaType = parsed;
      else warn(mapping.areaType, 'unknown-area-type', `area type "${raw.slice(0, 30)}" not recognised (urban/城区/城镇/1xx or rural/乡村/农村/2xx); taken as ${defaultAreaType}`);
    }
    const shape = polygonsOf(f.geometry, budget, file);
    let polygons: number[][][][] | null = null;
    if ('reason' in shape) error('geometry', shape.code ?? 'bad-geometry', shape.reason);
    else {
      polygonsToWgs84(shape.polygons, crs);
      if (!shape.polygons.every((rings) => rings.every((ring) => ring.every(inLngLatRange)))) {
        error('geometry', 'out-of-range', 'positions outside longitude −180…180 / latitude −90…90', 'give the shapefile its .prj, or export the file in EPSG:4326');
      } else polygons = shape.polygons;
    }
    pushAll(problems, rowProblems);
    if (rowProblems.some(isError) || !polygons) return { row, values, zoneCode: null };
    seen.set(code, row);
    const county = options.county ?? (mapping.county ? values[mapping.county] : '') ?? '';
    const countyCode = county || (/^\d{9}(\d{3})?$/.test(code) ? code.slice(0, 6) : '');
    zones.push({ code, name, county: countyCode, countyName: options.countyName ?? countyCode, areaType, seat: null });
    out.push({ type: 'Feature', properties: { code, name, areaType }, geometry: { type: 'MultiPolygon', coordinates: polygons } });
    return { row, values, zoneCode: code };
  });
  if (features.length === 0) throw new DataFileError([...problems.filter(isError), { file, row: 0, code: 'empty', reason: 'holds no features' }]);
  problems.sort((a, b) => a.row - b.row);
  return {
    file,
    format,
    zones,
    features: out,
    fieldMapping: mapping,
    rows,
    problems,
    summary: {
      rows: rows.length,
      zones: zones.length,
      rejected: rows.filter((r) => r.zoneCode === null).length,
      urban: zones.filter((z) => z.areaType === 'urban').length,
      rural: zones.filter((z) => z.areaType === 'rural').length,
    },
  };
}

export interface ZoneAssignment {
  /** The input cells, each with `zone` set to the code of the zone holding its centre, or undefined. */
  cells: CellInput[];
  /** Cells whose centre is in no zone: kept (no zone), counted here. */
  outside: number;
  outsidePopulation: number;
  /** Cells whose centre lies in two or more zones (the first zone in file order gets them). */
  overlapping: number;
  perZone: Record<string, { cells: number; population: number }>;
}

/**
 * Gives each cell the zone containing its centre. Cells outside every zone
 * keep no zone and are counted, never dropped.
 * @example assignCellsToZones(cells, zoneImport.features).outside // cells in no zone
 */
export function assignCellsToZones(cells: readonly CellInput[], features: readonly Feature<MultiPolygon, { code: string }>[]): ZoneAssignment {
  // an index per zone: a test crosses the edges of one latitude band, not the whole outline
  const zones = features.map((f) => new PolygonIndex(f.geometry.coordinates));
  const perZone: ZoneAssignment['perZone'] = {};
  for (const f of features) perZone[f.properties.code] = { cells: 0, population: 0 };
  let outside = 0;
  let outsidePopulation = 0;
  let overlapping = 0;
  const out = cells.map((c) => {
    const [lat, lng] = cellToLatLng(c.h3);
    let zone: string | undefined;
    for (let i = 0; i < features.length; i++) {
      if (!zones[i].contains(lng, lat)) continue;
      if (zone === undefined) zone = features[i].properties.code;
      else {
        overlapping++;
        break;
      }
    }
    if (zone === undefined) {
      outside++;
      outsidePopulation += c.population;
    } else {
      perZone[zone].cells++;
      perZone[zone].population += c.population;
    }
    return { h3: c.h3, population: c.population, zone };
  });
  return { cells: out, outside, outsidePopulation, overlapping, perZone };
}
