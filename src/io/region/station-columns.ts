/**
 * The facility fields a pack stores, one column each (so QGIS and DuckDB see
 * plain columns): a new Station field is added here, in one place, and both
 * the writer and the reader follow.
 */
import { CAPABILITIES, type Capability } from '../../core/ems/settings.ts';
import { STATION_BASES, STATION_KINDS, STATION_STATUSES, type Station } from '../../core/types.ts';

export interface StationColumn {
  name: string;
  type: 'STRING' | 'DOUBLE' | 'BOOLEAN';
  nullable: boolean;
  get(station: Station): string | number | boolean | null;
  /** Checks a read value and writes it onto the station; returns a reason when the value is not acceptable. */
  set(station: Partial<Station>, value: unknown): string | null;
}

const optionalText = (key: 'township' | 'county' | 'note' | 'source' | 'positionSource' | 'centresSource'): StationColumn => ({
  name: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  type: 'STRING',
  nullable: true,
  get: (s) => s[key] ?? null,
  set: (s, v) => {
    // packs write a missing value as '' (every column is REQUIRED)
    if (v === null || v === undefined || v === '') return null;
    if (typeof v !== 'string') return 'expected text';
    s[key] = v;
    return null;
  },
});

const requiredText = (key: 'id' | 'name'): StationColumn => ({
  name: key,
  type: 'STRING',
  nullable: false,
  get: (s) => s[key],
  set: (s, v) => {
    if (typeof v !== 'string' || v.trim() === '') return 'expected non-empty text';
    s[key] = v;
    return null;
  },
});

const coordinate = (key: 'lng' | 'lat', limit: number): StationColumn => ({
  name: key,
  type: 'DOUBLE',
  nullable: false,
  get: (s) => s[key],
  set: (s, v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > limit) return `expected a WGS84 ${key === 'lng' ? 'longitude' : 'latitude'}`;
    s[key] = v;
    return null;
  },
});

/** A list of capabilities, written comma-separated ('' when none). */
const capabilityList = (key: 'capabilities' | 'plannedCapabilities'): StationColumn => ({
  name: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  type: 'STRING',
  nullable: true,
  get: (s) => s[key]?.join(',') ?? null,
  set: (s, v) => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v !== 'string') return 'expected text';
    const words = v.split(',');
    const bad = words.find((w) => !CAPABILITIES.includes(w as Capability));
    if (bad !== undefined) return `"${bad}" is not one of ${CAPABILITIES.join(', ')}`;
    s[key] = words as Capability[];
    return null;
  },
});

/** A field holding one of a fixed list of words (optional: '' when absent). */
function enumColumn<K extends 'kind' | 'status' | 'basis'>(key: K, values: readonly NonNullable<Station[K]>[], optional = false): StationColumn {
  return {
    name: key,
    type: 'STRING',
    nullable: optional,
    get: (s) => s[key] ?? null,
    set: (s, v) => {
      if (optional && (v === null || v === undefined || v === '')) return null;
      if (!values.includes(v as NonNullable<Station[K]>)) return `expected one of ${values.join(', ')}${optional ? ' or empty' : ''}`;
      s[key] = v as Station[K];
      return null;
    },
  };
}

export const STATION_COLUMNS: readonly StationColumn[] = [
  requiredText('id'),
  requiredText('name'),
  enumColumn('kind', STATION_KINDS),
  enumColumn('status', STATION_STATUSES),
  coordinate('lng', 180),
  coordinate('lat', 90),
  optionalText('township'),
  optionalText('county'),
  {
    name: 'position_approximate',
    type: 'BOOLEAN',
    nullable: false,
    get: (s) => s.positionApproximate === true,
    set: (s, v) => {
      if (typeof v !== 'boolean') return 'expected true or false';
      s.positionApproximate = v;
      return null;
    },
  },
  optionalText('note'),
  optionalText('source'),
  optionalText('positionSource'),
  enumColumn('basis', STATION_BASES, true),
  {
    name: 'turnout_minutes',
    type: 'DOUBLE',
    nullable: true,
    get: (s) => s.turnoutMinutes ?? null,
    set: (s, v) => {
      // packs write a missing value as NaN
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 120) return 'expected minutes from 0 to 120, or empty';
      s.turnoutMinutes = v;
      return null;
    },
  },
  {
    name: 'ambulances',
    type: 'DOUBLE',
    nullable: true,
    get: (s) => s.ambulances ?? null,
    set: (s, v) => {
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return 'expected a whole number of ambulances ≥ 0, or empty';
      s.ambulances = v;
      return null;
    },
  },
  capabilityList('capabilities'),
  capabilityList('plannedCapabilities'),
  optionalText('centresSource'),
];
