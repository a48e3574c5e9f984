/** Where the autosave lives in IndexedDB, and the app's one connection to it (the entry's early read, then the autosave storage). */
import { createStore, type UseStore } from 'idb-keyval';

export const AUTOSAVE_DB = 'ems-coverage-planner';
export const AUTOSAVE_STORE = 'autosave';

/** The key of a region's latest scenario. */
export const autosaveKey = (region: string) => `scenario:${region}`;
/** The key of the undo history that led to it. */
export const historyKey = (region: string) => `history:${region}`;

let appStore: UseStore | undefined;

/**
 * The app's autosave store, opened on first use and then kept: the save
 * that follows an edit (flushed when the page is hidden) finds the database
 * already open, whoever read it first. Throws where there is no IndexedDB
 * (callers report that).
 */
export function appAutosaveStore(): UseStore {
  return (appStore ??= createStore(AUTOSAVE_DB, AUTOSAVE_STORE));
}
