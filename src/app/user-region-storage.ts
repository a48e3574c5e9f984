/**
 * The user's own region, kept in the browser (IndexedDB, as region-pack
 * bytes) so that after a reload the region list offers it again: a region
 * built from files is not lost with the tab. One region is kept, the latest
 * opened. Reading it back goes through the pack reader like any pack file.
 */
import { createStore, get, setMany } from 'idb-keyval';

const store = () => createStore('ems-coverage-planner-regions', 'regions');

export interface KeptRegion {
  id: string;
  name: string;
}

export async function saveUserRegion(info: KeptRegion, bytes: Uint8Array): Promise<void> {
  await setMany(
    [
      ['user-region-info', info],
      ['user-region-pack', bytes],
    ],
    store(),
  );
}

/** The kept region's name and pack bytes, or null when none is kept. */
export async function loadUserRegion(): Promise<{ info: KeptRegion; bytes: Uint8Array } | null> {
  const s = store();
  const [info, bytes] = await Promise.all([get<KeptRegion>('user-region-info', s), get<Uint8Array>('user-region-pack', s)]);
  return info && bytes ? { info, bytes } : null;
}

/** Only the kept region's name (for the region list at start), or null. */
export async function keptRegionInfo(): Promise<KeptRegion | null> {
  try {
    return (await get<KeptRegion>('user-region-info', store())) ?? null;
  } catch {
    return null;
  }
}
