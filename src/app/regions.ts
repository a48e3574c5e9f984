/**
 * The regions the app can open: the embedded demo regions (region packs made
 * by `npm run build:data`, listed in data/packs/index.json, bundled as static
 * files so the app works offline), and the region the user opened from their
 * own files or a pack, known by what the worker read.
 */
import index from '../../data/packs/index.json';
import type { PackIndexEntry } from '../io/region/types.ts';
import type { RegionInfo } from '../worker/api.ts';

export interface Region {
  id: string;
  name: string;
  /** 'county' and 'city' for the demo; 'user' for a region opened from files or a pack. */
  kind: 'county' | 'city' | 'user';
  city: string;
  /** Part codes (county adcodes in the demo). */
  counties: string[];
  /** Census population when known (the demo), else the cells' sum. */
  population: number;
  /** Where the demo pack is served (undefined for a user region). */
  url?: string;
}

const packUrls = import.meta.glob('../../data/packs/*.region.zip', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const urlOf = (file: string) => {
  const entry = Object.entries(packUrls).find(([path]) => path.endsWith(`/${file}`));
  if (!entry) throw new Error(`data/packs/index.json lists ${file}, which is not in data/packs: run \`npm run build:data\`.`);
  return entry[1];
};

/** The region opened first. */
export const DEFAULT_REGION_ID = '350525';

const entries = index as PackIndexEntry[];
const defaultCity = entries.find((e) => e.id === DEFAULT_REGION_ID)?.city;
// the default region's city first (Quanzhou, the demo's focus), then the others by code
const order = (e: PackIndexEntry) => [e.city === defaultCity ? 0 : 1, entries.find((c) => c.kind === 'city' && c.city === e.city)?.id ?? e.city, e.kind === 'city' ? 1 : 0, e.id].join('|');

/** The demo regions: each city's counties, then the city itself. */
export const DEMO_REGIONS: readonly Region[] = [...entries]
  .sort((a, b) => (order(a) < order(b) ? -1 : 1))
  .map((e) => ({ id: e.id, name: e.name, kind: e.kind, city: e.city, counties: e.parts, population: e.population, url: urlOf(e.file) }));

export function demoRegion(id: string): Region | undefined {
  return DEMO_REGIONS.find((r) => r.id === id);
}

/** Where a demo region's pack is served, and the file name its messages give it. */
export function demoPack(region: Region): { url: string; name: string } | null {
  return region.url ? { url: region.url, name: `${region.name}.region.zip` } : null;
}

/** A region as the app lists it: the demo entry, or one made from what the worker opened. */
export function regionOf(id: string, opened: RegionInfo | null | undefined): Region {
  const demo = demoRegion(id);
  if (demo) return demo;
  if (opened && opened.id === id) {
    const population = opened.parts.every((p) => p.censusPopulation !== null) ? opened.parts.reduce((s, p) => s + (p.censusPopulation ?? 0), 0) : 0;
    return { id, name: opened.name, kind: 'user', city: opened.city ?? '', counties: opened.parts.map((p) => p.code), population };
  }
  return { id, name: id, kind: 'user', city: '', counties: [], population: 0 };
}

/** True for a region of several parts (a whole city): its tables name the county of each township. */
export const spansParts = (region: Region) => region.counties.length > 1;

/** The region on screen. */
export const currentRegion = (state: { regionId: string; dataset: { region: RegionInfo } | null }): Region => regionOf(state.regionId, state.dataset?.region);
