/**
 * The region the page opens first, asked of the worker as early as possible.
 * Without a pack or a share link in the address that is the default demo
 * region; the worker reads and indexes its pack into its cache, and the
 * app's open (startApp → openRegion) then finds it there; its autosave is
 * read meanwhile too.
 */
import { wrap } from 'comlink';
import type { CoverageWorkerApi } from '../worker/api.ts';
import { readAutosaveEarly } from './autosave-early.ts';
import { DEFAULT_REGION_ID, demoPack, demoRegion } from './regions.ts';

/** The demo pack to read ahead for this address, or null (a pack or a share link decides what opens). */
export function firstRegionPack(address: Pick<Location, 'search' | 'hash'>): { url: string; name: string } | null {
  if (new URLSearchParams(address.search).has('pack') || address.hash.length > 1) return null;
  const demo = demoRegion(DEFAULT_REGION_ID);
  return demo ? demoPack(demo) : null;
}

export function prefetchFirstRegion(worker: Worker, address: Pick<Location, 'search' | 'hash'>): void {
  const pack = firstRegionPack(address);
  if (!pack) return;
  void wrap<CoverageWorkerApi>(worker).prefetchPack(pack.url, pack.name);
  // the region's autosave decides its starting scenario: read now, not behind the app's first long tasks
  readAutosaveEarly(DEFAULT_REGION_ID);
}
