/**
 * The latest scenario of each region, kept in IndexedDB (idb-keyval) so work
 * survives a reload or a crash. Entries are stored as scenario-file text and
 * checked like a file on load: a corrupt entry is reported and ignored, and
 * no call ever throws (IndexedDB may be missing, full or blocked).
 */
import { delMany, getMany, promisifyRequest, type UseStore } from 'idb-keyval';
import { parseScenario, serializeScenario, type SavedScenario } from '../io/scenario-file.ts';
import { parseHistoryRecord, type HistoryLoad, type HistoryRecord } from './history-file.ts';
import { takeAutosaveEarly } from './autosave-early.ts';
import { appAutosaveStore, autosaveKey, historyKey } from './autosave-keys.ts';

export type AutosaveLoad =
  | { kind: 'none' }
  /** `history` is the undo history kept with it ('none' for an autosave written without one). */
  | { kind: 'loaded'; scenario: SavedScenario; history: HistoryLoad }
  /** The stored entry is not a readable scenario; `error` says why (the entry is left in place). */
  | { kind: 'corrupt'; error: string }
  /** IndexedDB could not be used (private browsing, blocked, quota…). */
  | { kind: 'unavailable'; error: string };

export type AutosaveWrite = { ok: true } | { ok: false; error: string };

export interface AutosaveStorage {
  /**
   * Stores the scenario as the latest of its region (replacing the previous
   * one), and its undo history with it in the same transaction (no history:
   * the region's stored history is removed, so it never outlives its scenario).
   */
  save(scenario: SavedScenario, history?: HistoryRecord): Promise<AutosaveWrite>;
  /** The latest scenario of a region, checked like a scenario file, with its undo history. */
  load(region: string): Promise<AutosaveLoad>;
  /** Forgets the region's latest scenario (e.g. after "start over"). */
  clear(region: string): Promise<AutosaveWrite>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Autosave storage in its own IndexedDB database (or the given idb-keyval
 * store, for tests). The database is opened on first use, not here.
 * @example const autosave = createAutosaveStorage(); await autosave.save(makeScenario(getState(), name));
 */
export function createAutosaveStorage(store?: UseStore): AutosaveStorage {
  let lazy: UseStore | undefined = store;
  // the entry reads the first region of the app's own database early; a given store (tests) is read here
  const early = store === undefined ? takeAutosaveEarly : () => null;
  // the app's store (one connection, shared with the entry's early read) is looked up when first used, so a missing IndexedDB is caught below
  const db = () => (lazy ??= appAutosaveStore());
  return {
    async save(scenario, history) {
      try {
        const text = serializeScenario(scenario);
        // one transaction: a scenario is never stored with another scenario's history
        await db()('readwrite', (store) => {
          store.put(text, autosaveKey(scenario.region));
          if (history) store.put(history, historyKey(scenario.region));
          else store.delete(historyKey(scenario.region));
          return promisifyRequest(store.transaction);
        });
        return { ok: true };
      } catch (e) {
        return { ok: false, error: `Could not autosave the scenario (${message(e)}).` };
      }
    },
    async load(region) {
      let stored: unknown;
      let storedHistory: unknown;
      try {
        // the entry's read of the first region (autosave-early.ts), else our own
        [stored, storedHistory] = await (early(region) ?? getMany([autosaveKey(region), historyKey(region)], db()));
      } catch (e) {
        return { kind: 'unavailable', error: `Could not read the autosaved scenario (${message(e)}).` };
      }
      if (stored === undefined) return { kind: 'none' };
      const source = `The autosaved scenario of region ${region}`;
      if (typeof stored !== 'string') return { kind: 'corrupt', error: `${source} is not scenario text (found ${stored === null ? 'null' : typeof stored}).` };
      const parsed = parseScenario(stored, source);
      if (!parsed.ok) return { kind: 'corrupt', error: parsed.error };
      if (parsed.scenario.region !== region) {
        return { kind: 'corrupt', error: `${source} belongs to region ${parsed.scenario.region}.` };
      }
      return { kind: 'loaded', scenario: parsed.scenario, history: parseHistoryRecord(storedHistory, region, parsed.scenario.savedAt) };
    },
    async clear(region) {
      try {
        await delMany([autosaveKey(region), historyKey(region)], db());
        return { ok: true };
      } catch (e) {
        return { ok: false, error: `Could not clear the autosaved scenario (${message(e)}).` };
      }
    },
  };
}

export interface AutosaveScheduler {
  /** Saves `make()` once no further schedule() came for `delayMs` (a drag's many moves make one write). */
  schedule(make: () => SavedScenario): void;
  /** Writes a pending save now (e.g. on `pagehide`); resolves when written. */
  flush(): Promise<AutosaveWrite | null>;
  /** Drops a pending save (e.g. before switching region). */
  cancel(): void;
}

/**
 * Debounced saves: the scenario is built (by `make`) and written only when
 * the edits pause. `onError` hears failed writes (the app may show them once).
 */
export function createAutosaveScheduler(storage: AutosaveStorage, delayMs = 1000, onError: (error: string) => void = () => {}): AutosaveScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: (() => SavedScenario) | null = null;
  const flush = async (): Promise<AutosaveWrite | null> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const make = pending;
    pending = null;
    if (!make) return null;
    let result: AutosaveWrite;
    try {
      result = await storage.save(make());
    } catch (e) {
      result = { ok: false, error: `Could not autosave the scenario (${message(e)}).` };
    }
    if (!result.ok) onError(result.error);
    return result;
  };
  return {
    schedule(make) {
      pending = make;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
