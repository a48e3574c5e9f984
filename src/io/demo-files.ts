/**
 * Readers for the built demo data files (data/townships.json,
 * data/facilities.json): JSON text in, validated core types out, with every
 * problem named by file, row and field.
 */
import { STATION_BASES, STATION_KINDS, STATION_STATUSES, type Station, type Zone } from '../core/types.ts';
import { isValidLngLat } from '../core/geo.ts';
import { CAPABILITIES, type Capability } from '../core/ems/settings.ts';
import { DataFileError, type RowProblem } from './errors.ts';

interface TownshipRecord {
  code: string;
  name: string;
  county: string;
  countyName: string;
  seat: [number, number] | null;
  areaType: string;
}

function parseArray(text: string, file: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataFileError([{ file, row: 0, reason: `not valid JSON (${(e as Error).message})` }]);
  }
  if (!Array.isArray(value)) throw new DataFileError([{ file, row: 0, reason: 'expected a JSON array' }]);
  return value;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
/** A non-empty list of known capabilities. */
const capabilityList = (v: unknown): v is Capability[] => Array.isArray(v) && v.length > 0 && v.every((c) => CAPABILITIES.includes(c as Capability));

/** Townships as zones. */
export function readTownships(text: string, file = 'townships.json'): Zone[] {
  const problems: RowProblem[] = [];
  const zones: Zone[] = [];
  parseArray(text, file).forEach((raw, k) => {
    const row = k + 1;
    const r = raw as Partial<TownshipRecord>;
    const bad = (column: string, reason: string) => problems.push({ file, row, column, reason });
    if (!isText(r.code)) return bad('code', 'missing township code');
    if (!isText(r.name)) return bad('name', 'missing name');
    if (!isText(r.county)) return bad('county', 'missing county adcode');
    if (r.areaType !== 'urban' && r.areaType !== 'rural') return bad('areaType', `expected "urban" or "rural", got ${JSON.stringify(r.areaType)}`);
    const seat = r.seat ?? null;
    if (seat !== null && !(Array.isArray(seat) && isValidLngLat(seat[0], seat[1]))) return bad('seat', `not a [lng, lat] pair: ${JSON.stringify(seat)}`);
    zones.push({ code: r.code, name: r.name, county: r.county, countyName: r.countyName ?? r.county, areaType: r.areaType, seat });
  });
  if (problems.length > 0) throw new DataFileError(problems);
  return zones;
}

/** Facilities as stations. */
export function readFacilities(text: string, file = 'facilities.json'): Station[] {
  const problems: RowProblem[] = [];
  const stations: Station[] = [];
  const seen = new Set<string>();
  parseArray(text, file).forEach((raw, k) => {
    const row = k + 1;
    const r = raw as Partial<Station>;
    const bad = (column: string, reason: string) => problems.push({ file, row, column, reason });
    if (!isText(r.id)) return bad('id', 'missing id');
    if (seen.has(r.id)) return bad('id', `id "${r.id}" appears twice`);
    if (!isText(r.name)) return bad('name', 'missing name');
    if (!STATION_KINDS.includes(r.kind as Station['kind'])) return bad('kind', `unknown kind ${JSON.stringify(r.kind)} (one of ${STATION_KINDS.join(', ')})`);
    if (!STATION_STATUSES.includes(r.status as Station['status'])) return bad('status', `unknown status ${JSON.stringify(r.status)} (one of ${STATION_STATUSES.join(', ')})`);
    if (typeof r.lng !== 'number' || typeof r.lat !== 'number' || !isValidLngLat(r.lng, r.lat)) return bad('lng/lat', `not a WGS84 position: ${r.lng}, ${r.lat}`);
    if (r.basis !== undefined && !STATION_BASES.includes(r.basis)) return bad('basis', `unknown basis ${JSON.stringify(r.basis)} (one of ${STATION_BASES.join(', ')})`);
    for (const key of ['capabilities', 'plannedCapabilities'] as const) {
      const v: unknown = r[key];
      if (v !== undefined && !capabilityList(v) && !(Array.isArray(v) && v.length === 0)) return bad(key, `expected a list of ${CAPABILITIES.join(', ')}, got ${JSON.stringify(r[key])}`);
    }
    seen.add(r.id);
    stations.push({
      id: r.id,
      name: r.name,
      kind: r.kind as Station['kind'],
      status: r.status as Station['status'],
      lng: r.lng,
      lat: r.lat,
      township: r.township,
      county: r.county,
      positionApproximate: r.positionApproximate === true,
      note: r.note,
      ...(isText(r.source) ? { source: r.source } : {}),
      ...(isText(r.positionSource) ? { positionSource: r.positionSource } : {}),
      ...(r.basis !== undefined ? { basis: r.basis } : {}),
      ...(capabilityList(r.capabilities) ? { capabilities: [...r.capabilities!] } : {}),
      ...(capabilityList(r.plannedCapabilities) ? { plannedCapabilities: [...r.plannedCapabilities!] } : {}),
      ...(isText(r.centresSource) ? { centresSource: r.centresSource } : {}),
    });
  });
  if (problems.length > 0) throw new DataFileError(problems);
  return stations;
}
