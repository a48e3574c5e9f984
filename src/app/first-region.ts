/**
 * The region the page opens first, asked of the worker as early as possible.
 * Without a pack or a share link in the address that is the default demo
 * region; the worker, named for it (prefetch-hint.ts), reads and indexes its
 * pack into its cache as soon as its code has run, and the app's open
 * (startApp → openRegion) then finds it there; its autosave is read
 * meanwhile too.
 */
import { workerName } from '../worker/prefetch-hint.ts';
import { readAutosaveEarly } from './autosave-early.ts';
import { DEFAULT_REGION_ID, demoPack, demoRegion } from './regions.ts';

/** The demo pack to read ahead for this address, or null (a pack or a share link decides what opens). */
export function firstRegionPack(address: Pick<Location, 'search' | 'hash'>): { url: string; name: string } | null {
  if (new URLSearchParams(address.search).has('pack') || address.hash.length > 1) return null;
  const demo = demoRegion(DEFAULT_REGION_ID);
  return demo ? demoPack(demo) : null;
}

/** Starts the first region's autosave read, and returns the coverage worker's name for this address (naming the pack to read ahead). */
export function startFirstRegion(address: Pick<Location, 'search' | 'hash'>): string {
  const pack = firstRegionPack(address);
  // the region's autosave decides its starting scenario: read now, not behind the app's first long tasks
  if (pack) readAutosaveEarly(DEFAULT_REGION_ID);
  return workerName(pack);
}
