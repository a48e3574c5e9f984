/** Reads one county's admin-division file (Vonng/adcode layout, no header). */
import path from 'node:path';
import { numberField, readCsvFile, type CsvRow } from './csv.ts';

const COLUMNS = [
  'code', 'parent', 'name', 'level', 'rank', 'adcode', 'post_code', 'area_code', 'ur_code', 'municipality',
  'virtual', 'dummy', 'longitude', 'latitude', 'center_wkb', 'province', 'city', 'county', 'town', 'village',
] as const;
const col = (name: (typeof COLUMNS)[number]): number => COLUMNS.indexOf(name);

/** NBS urban–rural codes a village-level unit may carry. */
const UR_CODES = new Set(['111', '112', '121', '122', '123', '210', '220']);

export interface AdminUnit {
  /** 12-digit statistical code. */
  code: string;
  parent: string;
  name: string;
  /** GCJ-02 [lng, lat] as published, or null when the row has none. */
  pointGcj: [number, number] | null;
}

export interface AdminVillage extends AdminUnit {
  urCode: string;
}

export interface AdminCounty {
  /** 6-digit adcode. */
  adcode: string;
  name: string;
  cityName: string;
  /** The county's AMap centre (its government seat) in GCJ-02, or null when the row has none. */
  pointGcj: [number, number] | null;
  towns: AdminUnit[];
  villages: AdminVillage[];
}

function point(file: string, row: CsvRow): [number, number] | null {
  const lng = numberField(file, row, col('longitude'), 'longitude', true);
  const lat = numberField(file, row, col('latitude'), 'latitude', true);
  if (lng === null && lat === null) return null;
  if (lng === null || lat === null) throw new Error(`${file}: row ${row.line}: longitude and latitude must both be set or both empty`);
  // a loose box around Fujian: a swapped or garbled pair fails here rather than on the map
  if (lng < 115 || lng > 121 || lat < 23 || lat > 29) {
    throw new Error(`${file}: row ${row.line}: point ${lng},${lat} is outside Fujian`);
  }
  return [lng, lat];
}

/**
 * Reads `admin/<adcode>.csv`: the county row, its towns and villages, each
 * sorted by code. Throws with file and row on a malformed row, an unknown
 * level or ur_code, or a village whose parent town is missing.
 */
export function readAdminCounty(rawDir: string, adcode: string): AdminCounty {
  const file = path.join(rawDir, 'admin', `${adcode}.csv`);
  const rows = readCsvFile(file, COLUMNS.length);
  let county: { name: string; cityName: string; pointGcj: [number, number] | null } | null = null;
  const towns: AdminUnit[] = [];
  const villages: AdminVillage[] = [];
  for (const row of rows) {
    const f = row.fields;
    const code = f[col('code')];
    if (!/^\d{12}$/.test(code)) throw new Error(`${file}: row ${row.line}, column code: "${code}" is not a 12-digit code`);
    if (f[col('adcode')] !== adcode) {
      throw new Error(`${file}: row ${row.line}, column adcode: ${f[col('adcode')]} when expected ${adcode}`);
    }
    const unit: AdminUnit = { code, parent: f[col('parent')], name: f[col('name')], pointGcj: point(file, row) };
    const level = f[col('level')];
    if (level === 'county') {
      if (county) throw new Error(`${file}: row ${row.line}: a second county row`);
      county = { name: unit.name, cityName: f[col('city')], pointGcj: unit.pointGcj };
    } else if (level === 'town') {
      towns.push(unit);
    } else if (level === 'village') {
      const urCode = f[col('ur_code')];
      if (!UR_CODES.has(urCode)) throw new Error(`${file}: row ${row.line}, column ur_code: "${urCode}" is not an NBS urban–rural code`);
      villages.push({ ...unit, urCode });
    } else {
      throw new Error(`${file}: row ${row.line}, column level: "${level}" is not county, town or village`);
    }
  }
  if (!county) throw new Error(`${file}: no county row`);
  const townCodes = new Set(towns.map((t) => t.code));
  for (const v of villages) {
    if (!townCodes.has(v.parent)) throw new Error(`${file}: village ${v.code} ${v.name} has parent ${v.parent}, which is not a town of the file`);
  }
  const byCode = (a: AdminUnit, b: AdminUnit): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return { adcode, name: county.name, cityName: county.cityName, pointGcj: county.pointGcj, towns: towns.sort(byCode), villages: villages.sort(byCode) };
}
