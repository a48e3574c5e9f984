/**
 * URLs of the built demo data, bundled by Vite as static assets so the app
 * works offline from its own files.
 */
import townshipsUrl from '../../data/townships.json?url';
import facilitiesUrl from '../../data/facilities.json?url';
import zonesUrl from '../../data/zones.geojson?url';
import countiesUrl from '../../data/boundaries/counties.geojson?url';
import type { DemoDataUrls } from '../worker/api.ts';

const populationUrls = import.meta.glob('../../data/population/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** Population table URL by county adcode. */
export const POPULATION_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(populationUrls).map(([file, url]) => [file.match(/(\d{6})\.csv$/)![1], url]),
);

export const ZONES_URL = zonesUrl;
export const COUNTIES_URL = countiesUrl;

/** The files the worker needs for a set of counties. */
export function demoDataUrls(counties: readonly string[]): DemoDataUrls {
  const population: Record<string, string> = {};
  for (const c of counties) {
    const url = POPULATION_URLS[c];
    if (!url) throw new Error(`No demo population table for county ${c}.`);
    population[c] = url;
  }
  return { townships: townshipsUrl, facilities: facilitiesUrl, population };
}
