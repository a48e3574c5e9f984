/** Node-side loading of the committed demo data in data/. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StraightLineReach } from '../../src/core/reach.ts';
import { DEFAULT_RULES, maxRuleRadiusKm } from '../../src/core/rules.ts';
import { assembleDemoDataset, populationFile, type DemoDataset } from '../../src/io/demo-dataset.ts';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

/** Quanzhou city code: asking for it (or "all") means every Quanzhou county. */
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

/** Counties with a built population table. */
export function availableCounties(dataDir = DATA_DIR): string[] {
  const dir = path.join(dataDir, 'population');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d{6}\.csv$/.test(f))
    .map((f) => f.slice(0, 6))
    .sort();
}

/** Names of counties by adcode, from the built county outlines. */
export function countyNames(dataDir = DATA_DIR): Map<string, string> {
  const file = path.join(dataDir, 'boundaries/counties.geojson');
  const names = new Map<string, string>();
  if (!existsSync(file)) return names;
  const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: { adcode: string; name: string } }[] };
  for (const f of fc.features) names.set(f.properties.adcode, f.properties.name);
  return names;
}

/**
 * Resolves a --county value (a county adcode; a city code, 350500 or 350200,
 * for all its counties; "all" for every Quanzhou county, as before Xiamen was
 * added) to the counties to load; throws a message listing the valid codes.
 */
export function resolveCounties(value: string, dataDir = DATA_DIR): string[] {
  const available = availableCounties(dataDir);
  if (available.length === 0) throw new Error(`No demo data in ${dataDir}: run \`npm run build:data\` first.`);
  const city = demoCities(dataDir).find((c) => c.adcode === (value === 'all' ? QUANZHOU : value));
  if (city) return city.counties.filter((c) => available.includes(c));
  if (available.includes(value)) return [value];
  const names = countyNames(dataDir);
  const list = available.map((c) => `${c} ${names.get(c) ?? ''}`.trim()).join(', ');
  throw new Error(`Unknown county "${value}". Use one of: ${list}, or a whole city: ${QUANZHOU} (or all) 泉州市, ${XIAMEN} 厦门市.`);
}

/**
 * The demo dataset of the counties, with the stations the app's worker keeps
 * for them: the counties' own, and any from outside whose reach under the
 * default rules' largest radius enters their cells.
 */
export function loadDemoDataset(counties: string[], dataDir = DATA_DIR): DemoDataset {
  const read = (rel: string) => {
    const file = path.join(dataDir, rel);
    if (!existsSync(file)) throw new Error(`Missing data file ${file}: run \`npm run build:data\`.`);
    return readFileSync(file, 'utf8');
  };
  const population = Object.fromEntries(counties.map((c) => [c, read(populationFile(c))]));
  const dataset = assembleDemoDataset({ townships: read('townships.json'), facilities: read('facilities.json'), population });
  const reach = new StraightLineReach(dataset.grid);
  const limit = maxRuleRadiusKm(DEFAULT_RULES);
  const stations = dataset.stations.filter((s) => (s.county !== undefined && counties.includes(s.county)) || reach.reach(s.lng, s.lat, limit).cells.length > 0);
  return { ...dataset, stations };
}
