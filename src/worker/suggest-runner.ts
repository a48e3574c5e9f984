/**
 * Runs the site optimiser in the worker: drives its steps, reports progress
 * about every 50 ms, and yields to the worker's event loop between slices so
 * a cancel request (another message) can arrive and stop it.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import type { Station } from '../core/types.ts';
import { callsPerYear } from '../core/ems/calls.ts';
import {
  idleFacilities,
  mexclpSitesSteps,
  pCenterSitesSteps,
  questionBusyFraction,
  SuggestCancelled,
  sitesForTargetSteps,
  stationCandidates,
  suggestSitesSteps,
  type MexclpSuggestion,
  type PCenterSuggestion,
  type SiteModel,
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
  /** With mode 'k': what the sites are chosen for (default 'mclp': the most people newly covered). */
  model?: SiteModel;
  /** What each cell weighs: its residents (default) or its imported calls. */
  weight?: 'residents' | 'calls';
  /** MEXCLP busy fraction; default from the calls (or the call rate), the minutes per call and the fleet (questionBusyFraction). */
  busyFraction?: number;
  /** The scenario's station list (for the facility candidates). */
  stations: Station[];
}

export type SuggestAnswer = ({ mode: 'k' } & (SiteSuggestion | MexclpSuggestion | PCenterSuggestion)) | ({ mode: 'target' } & TargetSuggestion);

/** Calls per grid cell (aligned with the engine's grid) and the years they cover. */
export type CallsOf = () => { perCell: Float64Array; years: number } | null;

const REPORT_EVERY_MS = 50;

export class SuggestRunner {
  private readonly stopped = new Map<string, boolean>();

  constructor(
    private readonly engineOf: () => CoverageEngine,
    private readonly callsOf: CallsOf = () => null,
  ) {}

  async run(id: string, request: SuggestRequest, onProgress: (p: SuggestProgress) => void): Promise<SuggestAnswer> {
    const engine = this.engineOf();
    const candidates = request.candidates === 'facilities' ? stationCandidates(engine.grid, idleFacilities(engine, request.stations)) : undefined;
    if (candidates && candidates.length === 0) throw new Error('There are no idle facilities (health centres or switched-off facilities) to suggest among.');
    this.stopped.set(id, false);
    try {
      const calls = this.callsOf();
      if (request.weight === 'calls' && !calls) throw new Error('No calls are imported: import 120 call records to weigh suggestions by calls.');
      // calls a year, like the call figures of the panels and exports
      const weights = request.weight === 'calls' ? callsPerYear(engine.grid, engine.rules, { synthetic: false, ...calls! }).perCell : undefined;
      const question = { objective: request.objective, candidates, weights };
      if (request.mode === 'k') {
        const k = request.k ?? 1;
        if (request.model === 'mexclp') {
          const busyFraction = request.busyFraction ?? questionBusyFraction(engine.grid, engine.activeStations(), engine.rules.ems, calls, k).busyFraction;
          const steps = mexclpSitesSteps(engine, { ...question, k, busyFraction, defaultAmbulancesPerStation: engine.rules.ems.defaultAmbulancesPerStation });
          return { mode: 'k', ...(await this.drive(id, steps, onProgress)) };
        }
        if (request.model === 'p-center') return { mode: 'k', ...(await this.drive(id, pCenterSitesSteps(engine, { ...question, k }), onProgress)) };
        const steps = suggestSitesSteps(engine, { ...question, k, backupWeight: request.backupWeight });
        return { mode: 'k', ...(await this.drive(id, steps, onProgress)) };
      }
      const steps = sitesForTargetSteps(engine, { ...question, target: request.target ?? 0.95 });
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
