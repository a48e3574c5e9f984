/** Township records: seat in WGS84, village-level unit counts, urban–rural codes and default area type. */
import type { AdminCounty } from './admin.ts';
import { gcjToWgs } from './geo.ts';

export type AreaType = 'urban' | 'rural';

/** One row of data/townships.json. */
export interface Township {
  /** 12-digit statistical code. */
  code: string;
  name: string;
  /** 6-digit county adcode. */
  county: string;
  countyName: string;
  /** Township government seat (AMap centre point) in WGS84, or null when the source has none. */
  seat: [number, number] | null;
  /** Number of village-level units (villages and communities) under the township. */
  villageUnits: number;
  /** Village-level units per NBS urban–rural code, keys in ascending order. */
  urCodes: Record<string, number>;
  areaType: AreaType;
  /** Whether data/zones.geojson has a zone (and population cells) for this township. */
  hasZone: boolean;
}

/** A village-level unit as the population model needs it. */
export interface VillageUnit {
  code: string;
  town: string;
  /** WGS84 point, or null when the source has no coordinates for the unit. */
  point: [number, number] | null;
  /** NBS urban–rural code (111 … 220). */
  urCode: string;
}

const URBAN_CODES = new Set(['111', '112', '121', '122']);
/** 123 "special area" units (e.g. farms, development zones) count neither way. */
const NEUTRAL_CODES = new Set(['123']);

/**
 * The default area type of a township from its units' NBS urban–rural codes:
 * urban when strictly more than half of the units that are not 123 carry an
 * urban-type code (111, 112, 121, 122); otherwise rural (also when no unit counts).
 * @example areaTypeOf({ '121': 3, '220': 3 }) // 'rural' (3 of 6 is not more than half)
 */
export function areaTypeOf(urCodes: Record<string, number>): AreaType {
  let urban = 0;
  let counted = 0;
  for (const [code, n] of Object.entries(urCodes)) {
    if (NEUTRAL_CODES.has(code)) continue;
    counted += n;
    if (URBAN_CODES.has(code)) urban += n;
  }
  return 2 * urban > counted ? 'urban' : 'rural';
}

function sortedCounts(values: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) out[key] = counts.get(key)!;
  return out;
}

/**
 * Builds the townships of one county (sorted by code, `hasZone` still false)
 * and its village-level units with WGS84 points.
 */
export function buildTownships(admin: AdminCounty): { townships: Township[]; villages: VillageUnit[] } {
  const townships = admin.towns.map((town): Township => {
    const units = admin.villages.filter((v) => v.parent === town.code);
    const urCodes = sortedCounts(units.map((v) => v.urCode));
    return {
      code: town.code,
      name: town.name,
      county: admin.adcode,
      countyName: admin.name,
      seat: town.pointGcj ? gcjToWgs(town.pointGcj) : null,
      villageUnits: units.length,
      urCodes,
      areaType: areaTypeOf(urCodes),
      hasZone: false,
    };
  });
  const villages = admin.villages.map((v): VillageUnit => ({
    code: v.code,
    town: v.parent,
    point: v.pointGcj ? gcjToWgs(v.pointGcj) : null,
    urCode: v.urCode,
  }));
  return { townships, villages };
}
