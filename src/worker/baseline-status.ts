/**
 * Per-cell statuses of the scenario without some stations (by default its
 * proposed ones): what the "before" map of a before/after snapshot paints.
 * The engine is returned to the scenario afterwards, as scenarioDelta does.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import { proposedIds } from '../core/evaluate.ts';

export interface BaselineStatus {
  /** Ids of the stations left out (active ones only). */
  withoutIds: string[];
  /** Per cell: 0 covered, 1 marginal, 2 gap, in the engine's cell order. */
  status: Uint8Array;
  /** Per cell: 1 inside the emergency circle. */
  withinCircle: Uint8Array;
}

/**
 * Statuses of the engine's scenario without `withoutIds` (default: its proposed stations).
 * @example baselineStatus(engine).withoutIds // ['yc-dapu', 'yc-guiyang'] on the Yongchun demo
 */
export function baselineStatus(engine: CoverageEngine, withoutIds: readonly string[] = proposedIds(engine.activeStations())): BaselineStatus {
  const removed = engine.activeStations().filter((s) => withoutIds.includes(s.id));
  for (const s of removed) engine.removeStation(s.id);
  const before = { status: engine.status.slice(), withinCircle: engine.withinCircle.slice() };
  for (const s of removed) engine.upsertStation(s);
  return { withoutIds: removed.map((s) => s.id), ...before };
}
