/**
 * Per-cell statuses of the scenario without its proposed stations: what the
 * "before" map of a before/after snapshot paints. The worker reads them from
 * its baseline engine, which it keeps beside the scenario's.
 */
export interface BaselineStatus {
  /** Ids of the stations left out (active ones only). */
  withoutIds: string[];
  /** Per cell: 0 covered, 1 marginal, 2 gap, in the engine's cell order. */
  status: Uint8Array;
  /** Per cell: 1 inside the emergency circle. */
  withinCircle: Uint8Array;
}
