/**
 * Undo/redo over immutable snapshots of any type. The caller pushes the state
 * *before* each edit; undo(current) hands back that earlier state and keeps
 * `current` for redo. Rapid pushes with the same coalesce key (the many moves
 * of one drag) make a single undo step.
 */

export interface History<T> {
  /**
   * Records the state before an edit and forgets anything undone. With a
   * `coalesceKey` equal to the previous push's, arriving within the coalesce
   * window of it, nothing is recorded: the step already holds the state
   * before the first of them.
   */
  push(snapshot: T, coalesceKey?: string): void;
  /** The state to restore, or null when there is nothing to undo; `current` becomes redoable. */
  undo(current: T): T | null;
  /** The state to restore, or null when there is nothing to redo; `current` becomes undoable. */
  redo(current: T): T | null;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Ends a run of coalescing pushes: the next push is a new step even with the same key (call on drop). */
  seal(): void;
  /** Forgets everything (e.g. on opening another region or loading a file). */
  clear(): void;
  /** Number of undo and redo steps held. */
  readonly size: { undo: number; redo: number };
  /** The steps held (oldest undo first; the last redo is the next redo), e.g. to keep them with an autosave. */
  entries(): { undo: readonly T[]; redo: readonly T[] };
  /** Replaces the steps with kept ones (e.g. after a reload); the newest `limit` of each side are used. */
  load(undo: readonly T[], redo: readonly T[]): void;
}

export interface HistoryOptions {
  /** Longest pause (ms) between pushes with the same key that still coalesce (default 1,000). */
  coalesceMs?: number;
  /** Clock in ms (tests pass their own). */
  now?: () => number;
}

/**
 * A history holding at most `limit` undo steps (the oldest are dropped).
 * @example
 * const h = createHistory<number>(10);
 * h.push(1); // state was 1, is now 2
 * h.undo(2); // 1
 * h.redo(1); // 2
 */
export function createHistory<T>(limit = 100, options: HistoryOptions = {}): History<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`History limit must be a positive integer, got ${limit}.`);
  const coalesceMs = options.coalesceMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let past: T[] = [];
  let future: T[] = [];
  let lastKey: string | null = null;
  let lastAt = -Infinity;

  return {
    push(snapshot, coalesceKey) {
      const t = now();
      const coalesce = coalesceKey !== undefined && coalesceKey === lastKey && t - lastAt <= coalesceMs && past.length > 0;
      lastKey = coalesceKey ?? null;
      lastAt = t;
      future = [];
      if (coalesce) return;
      past.push(snapshot);
      if (past.length > limit) past = past.slice(past.length - limit);
    },
    undo(current) {
      if (past.length === 0) return null;
      lastKey = null;
      future.push(current);
      return past.pop() as T;
    },
    redo(current) {
      if (future.length === 0) return null;
      lastKey = null;
      past.push(current);
      return future.pop() as T;
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    seal() {
      lastKey = null;
    },
    clear() {
      past = [];
      future = [];
      lastKey = null;
    },
    get size() {
      return { undo: past.length, redo: future.length };
    },
    entries: () => ({ undo: [...past], redo: [...future] }),
    load(undo, redo) {
      past = undo.slice(-limit);
      future = redo.slice(-limit);
      lastKey = null;
    },
  };
}
