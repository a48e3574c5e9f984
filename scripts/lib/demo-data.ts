/** Node-side loading of the committed demo data in data/. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDemoDataset, populationFile, type DemoDataset } from '../../src/io/demo-dataset.ts';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

/** Quanzhou city code: asking for it means every Quanzhou county. */
export const QUANZHOU = '350500';

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
 * Resolves a --county value (a county adcode, or 350500 / "all" for every
 * Quanzhou county) to the counties to load; throws a message listing the valid codes.
 */
export function resolveCounties(value: string, dataDir = DATA_DIR): string[] {
  const available = availableCounties(dataDir);
  if (available.length === 0) throw new Error(`No demo data in ${dataDir}: run \`npm run build:data\` first.`);
  if (value === 'all' || value === QUANZHOU) return available.filter((c) => c.startsWith('3505'));
  if (available.includes(value)) return [value];
  const names = countyNames(dataDir);
  const list = available.map((c) => `${c} ${names.get(c) ?? ''}`.trim()).join(', ');
  throw new Error(`Unknown county "${value}". Use one of: ${list}, or ${QUANZHOU} / all for all of Quanzhou.`);
}

export function loadDemoDataset(counties: string[], dataDir = DATA_DIR): DemoDataset {
  const read = (rel: string) => {
    const file = path.join(dataDir, rel);
    if (!existsSync(file)) throw new Error(`Missing data file ${file}: run \`npm run build:data\`.`);
    return readFileSync(file, 'utf8');
  };
  const population = Object.fromEntries(counties.map((c) => [c, read(populationFile(c))]));
  return assembleDemoDataset({ townships: read('townships.json'), facilities: read('facilities.json'), population });
}
