/**
 * Runs the site optimiser in the worker: drives its steps, reports progress
 * about every 50 ms, and yields to the worker's event loop between slices so
 * a cancel request (another message) can arrive and stop it.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import type { Station } from '../core/types.ts';
import {
  idleFacilities,
  SuggestCancelled,
  sitesForTargetSteps,
  stationCandidates,
  suggestSitesSteps,
  type SiteSuggestion,
  type SuggestObjective,
  type SuggestProgress,
  type TargetSuggestion,
} from '../core/suggest/index.ts';

export interface SuggestRequest {
  /** 'k': the k best new sites; 'target': the fewest sites to reach a share of the population. */
  mode: 'k' | 'target';
  k?: number;
  /** Share 0–1. */
  target?: number;
  objective: SuggestObjective;
  /** 'cells': every populated cell centre; 'facilities': health centres and disabled facilities not in use. */
  candidates: 'cells' | 'facilities';
  /** Weight of a second cover (0 = off). */
  backupWeight?: number;
  /** The scenario's station list (for the facility candidates). */
  stations: Station[];
}

export type SuggestAnswer = ({ mode: 'k' } & SiteSuggestion) | ({ mode: 'target' } & TargetSuggestion);

const REPORT_EVERY_MS = 50;

export class SuggestRunner {
  private readonly stopped = new Map<string, boolean>();

  constructor(private readonly engineOf: () => CoverageEngine) {}

  async run(id: string, request: SuggestRequest, onProgress: (p: SuggestProgress) => void): Promise<SuggestAnswer> {
    const engine = this.engineOf();
    const candidates = request.candidates === 'facilities' ? stationCandidates(engine.grid, idleFacilities(engine, request.stations)) : undefined;
    if (candidates && candidates.length === 0) throw new Error('There are no idle facilities (health centres or switched-off facilities) to suggest among.');
    this.stopped.set(id, false);
    try {
      if (request.mode === 'k') {
        const steps = suggestSitesSteps(engine, { k: request.k ?? 1, objective: request.objective, candidates, backupWeight: request.backupWeight });
        return { mode: 'k', ...(await this.drive(id, steps, onProgress)) };
      }
      const steps = sitesForTargetSteps(engine, { target: request.target ?? 0.95, objective: request.objective, candidates });
      return { mode: 'target', ...(await this.drive(id, steps, onProgress)) };
    } finally {
      this.stopped.delete(id);
    }
  }

  /** Stops a running suggestion at its next checkpoint; unknown ids are ignored. */
  cancel(id: string): void {
    if (this.stopped.has(id)) this.stopped.set(id, true);
  }

  private async drive<T>(id: string, steps: Generator<SuggestProgress, T, void>, onProgress: (p: SuggestProgress) => void): Promise<T> {
    let lastReport = -Infinity;
    for (;;) {
      if (this.stopped.get(id)) {
        steps.return(undefined as never);
        throw new SuggestCancelled();
      }
      const next = steps.next();
      if (next.done) return next.value;
      const now = performance.now();
      if (now - lastReport >= REPORT_EVERY_MS) {
        lastReport = now;
        onProgress(next.value);
        // let a cancel message in
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  }
}
