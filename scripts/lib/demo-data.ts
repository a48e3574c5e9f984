/**
 * Node-side access to the embedded demo regions: the region packs that
 * `npm run build:data` writes to data/packs (the CLI opens them through the
 * same pack reader as a planner's own pack).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridFromColumns, type PopulationGrid } from '../../src/core/grid.ts';
import type { Station } from '../../src/core/types.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import type { Region } from '../../src/io/region/types.ts';
import type { PackIndexEntry } from '../../src/io/region/types.ts';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

/** Quanzhou city code: asking for it (or "all") means the whole city. */
export const QUANZHOU = '350500';
/** Xiamen city code: asking for it means every Xiamen district. */
export const XIAMEN = '350200';

export interface DemoCity {
  adcode: string;
  name: string;
  counties: string[];
}

/** The cities of the built data and their counties (meta.json `cities`). */
export function demoCities(dataDir = DATA_DIR): DemoCity[] {
  const file = path.join(dataDir, 'meta.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { cities?: DemoCity[] }).cities ?? [];
}

/** Code and name of what a set of counties is: the county itself, or the city whose counties they are exactly. */
export function regionOfCounties(counties: readonly string[], dataDir = DATA_DIR): { code: string; name: string } {
  if (counties.length === 1) return { code: counties[0], name: countyNames(dataDir).get(counties[0]) ?? counties[0] };
  const key = [...counties].sort().join(',');
  const city = demoCities(dataDir).find((c) => [...c.counties].sort().join(',') === key);
  if (!city) throw new Error(`Counties ${key} are not one city of the demo data.`);
  return { code: city.adcode, name: city.name };
}

/** The demo regions listed in data/packs/index.json. */
export function packIndex(dataDir = DATA_DIR): PackIndexEntry[] {
  const file = path.join(dataDir, 'packs/index.json');
  if (!existsSync(file)) throw new Error(`No demo data in ${dataDir}: run \`npm run build:data\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as PackIndexEntry[];
}

/** County adcodes with a demo region of their own. */
export function availableCounties(dataDir = DATA_DIR): string[] {
  return packIndex(dataDir)
    .filter((e) => e.kind === 'county')
    .map((e) => e.id)
    .sort();
}

/** Names of the demo regions by id. */
export function countyNames(dataDir = DATA_DIR): Map<string, string> {
  return new Map(packIndex(dataDir).map((e) => [e.id, e.name]));
}

/**
 * Resolves a --county value (a county or city adcode of the demo, or "all" for
 * all of Quanzhou) to its demo region; throws a message listing the valid codes.
 */
export function resolveRegion(value: string, dataDir = DATA_DIR): PackIndexEntry {
  const index = packIndex(dataDir);
  const id = value === 'all' ? QUANZHOU : value;
  const entry = index.find((e) => e.id === id);
  if (entry) return entry;
  const list = (kind: PackIndexEntry['kind']) => index.filter((e) => e.kind === kind).map((e) => `${e.id}${e.id === QUANZHOU ? ' (or "all")' : ''} ${e.name}`).join(', ');
  throw new Error(`Unknown county "${value}". Use one of: ${list('county')}, or a whole city: ${list('city')}.`);
}

/** Reads a demo region's pack. */
export async function readDemoRegion(id: string, dataDir = DATA_DIR): Promise<Region> {
  const entry = resolveRegion(id, dataDir);
  const file = path.join(dataDir, 'packs', entry.file);
  return readRegionPack(new Uint8Array(readFileSync(file)), entry.file);
}

export interface DemoDataset {
  region: Region;
  counties: string[];
  grid: PopulationGrid;
  /** The region's facilities (its own, and any from outside whose reach enters it). */
  stations: Station[];
}

/** A demo region ready for an engine. */
export async function loadDemoDataset(id: string, dataDir = DATA_DIR): Promise<DemoDataset> {
  const region = await readDemoRegion(id, dataDir);
  return { region, counties: region.parts.map((p) => p.code), grid: gridFromColumns(region.cells, region.zones), stations: region.stations };
}
