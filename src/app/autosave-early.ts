/**
 * The first region's autosave, read by the entry (main.tsx) while the app's
 * own code is still loading: read later, its answer waits behind the app's
 * first long tasks (React, the map), and the first figures wait for it.
 * The autosave storage takes this read once, for that region, in place of its
 * own; it checks the entries as always.
 */
import { getMany } from 'idb-keyval';
import { appAutosaveStore, autosaveKey, historyKey } from './autosave-keys.ts';

let early: { region: string; read: Promise<unknown[]> } | null = null;

/** Starts reading `region`'s scenario and undo history entries (never throws: a failure is the storage's to report when it takes the read). */
export function readAutosaveEarly(region: string): void {
  try {
    const read = getMany([autosaveKey(region), historyKey(region)], appAutosaveStore());
    // handled when taken; until then a rejection is not unhandled
    read.catch(() => undefined);
    early = { region, read };
  } catch {
    early = null;
  }
}

/** The early read of `region`'s entries, once (null: none, or for another region). */
export function takeAutosaveEarly(region: string): Promise<unknown[]> | null {
  const taken = early;
  early = null;
  return taken && taken.region === region ? taken.read : null;
}
