/**
 * The one place a reach model is made: the engine, the worker, the CLI and
 * the optimiser all ask here, so switching a region to another model is a
 * change of spec, never of code that reads coverage.
 */
import type { PopulationGrid } from './grid.ts';
import { NetworkReach, type NetworkOptions, type RoadGraph } from './network-reach.ts';
import type { CsrRoadGraph } from './roads/graph.ts';
import type { ReachModel } from './reach.ts';
import { StraightLineReach } from './straight-line-reach.ts';

export type ReachSpec =
  /** Great-circle distance (km) from the station; the rules' radii as they are written. */
  | { kind: 'straight-line' }
  /** Response time (minutes) over a road graph (hand-made, or built from imported roads): station turnout + fastest drive. */
  | ({ kind: 'road-network'; graph: RoadGraph | CsrRoadGraph } & NetworkOptions);

export const STRAIGHT_LINE: ReachSpec = Object.freeze({ kind: 'straight-line' });

/**
 * The reach model of a spec over a grid (straight line by default).
 * @example createEngine(grid, scenario, createReachModel(grid, { kind: 'road-network', graph }))
 */
export function createReachModel(grid: PopulationGrid, spec: ReachSpec = STRAIGHT_LINE): ReachModel {
  switch (spec.kind) {
    case 'straight-line':
      return new StraightLineReach(grid, null, { blockSteps: 3 });
    case 'road-network':
      return new NetworkReach(grid, spec.graph, { maxSnapKm: spec.maxSnapKm, offRoadKmh: spec.offRoadKmh, fragmentShare: spec.fragmentShare });
  }
}
