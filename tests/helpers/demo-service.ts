/**
 * A worker's coverage service in Node, reading the demo region packs from
 * data/packs as the worker fetches them (their file name is the URL).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../../scripts/lib/demo-data.ts';
import type { LoadedDataset } from '../../src/worker/api.ts';
import { CoverageService } from '../../src/worker/coverage-service.ts';

/** A service reading packs from data/packs; `fetched` lists every file it read. */
export function demoService(): { service: CoverageService; fetched: string[] } {
  const fetched: string[] = [];
  const service = new CoverageService(async (url) => {
    fetched.push(url);
    return new Uint8Array(readFileSync(path.join(DATA_DIR, 'packs', url)));
  });
  return { service, fetched };
}

/** Opens demo region `id` (a county or city adcode) in the service. */
export const openDemo = (service: CoverageService, id: string): Promise<LoadedDataset> => service.openPackUrl(`${id}.region.zip`, `${id}.region.zip`);
