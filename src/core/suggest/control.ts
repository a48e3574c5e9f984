/**
 * Progress and cancel for the site optimiser. The work is written as
 * generators that yield a progress step at every checkpoint (every slice of
 * candidates while the coverage matrix is built, every pick, every swap
 * round), so a caller can either run them to the end here, or drive them
 * itself and yield to its event loop between steps (a worker that must see a
 * cancel message arrive). What the steps need from the engine is read before
 * the first step, so the engine may change while they are pending: the answer
 * is for the scenario as it was when they began.
 */

export type SuggestPhase = 'matrix' | 'greedy' | 'swap' | 'bound' | 'reduce';

export interface SuggestProgress {
  phase: SuggestPhase;
  /** Units done and the total in this phase (candidates for 'matrix', picks for 'greedy', rounds otherwise). */
  done: number;
  total: number;
}

export interface SuggestControl {
  /** Called at every checkpoint. */
  onProgress?: (progress: SuggestProgress) => void;
  /** Checked at every checkpoint; true stops the run with a SuggestCancelled error. */
  shouldStop?: () => boolean;
  /** An AbortSignal (or anything with `aborted`), checked like shouldStop. */
  signal?: { readonly aborted: boolean };
}

/** Thrown when a run is stopped by its control; nothing partial is returned. */
export class SuggestCancelled extends Error {
  constructor() {
    super('Site suggestion was cancelled.');
    this.name = 'AbortError';
  }
}

/** A piece of optimiser work: yields progress at checkpoints, returns its result. */
export type Steps<T> = Generator<SuggestProgress, T, void>;

/**
 * Runs steps to the end, reporting progress and stopping when asked.
 * @example runSteps(suggestSitesSteps(engine, { k: 3 }), { onProgress: (p) => console.log(p.phase, p.done) })
 */
export function runSteps<T>(steps: Steps<T>, control: SuggestControl = {}): T {
  for (;;) {
    if (control.shouldStop?.() || control.signal?.aborted) {
      steps.return(undefined as never);
      throw new SuggestCancelled();
    }
    const next = steps.next();
    if (next.done) return next.value;
    control.onProgress?.(next.value);
  }
}
