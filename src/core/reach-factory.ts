/**
 * The one place a reach model is made: the engine, the worker, the CLI and
 * the optimiser all ask here, so switching a region to another model is a
 * change of spec, never of code that reads coverage.
 */
import type { PopulationGrid } from './grid.ts';
import { NetworkReach, type NetworkOptions, type RoadGraph } from './network-reach.ts';
import type { CsrRoadGraph } from './roads/graph.ts';
import type { ReachModel } from './reach.ts';
import type { RoadNetwork } from './road-network.ts';
import type { Rules } from './rules.ts';
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

/** The models an engine judges by: statuses with one, the emergency circle (and response minutes) with another or the same. */
export interface EngineModels {
  /** Cover, marginal and in-range counts. */
  status: ReachModel;
  /** The emergency circle and response minutes; null: the status model. */
  circle: ReachModel | null;
}

/** The reach an engine actually uses, as reports and the app state it. */
export interface ReachInUse {
  /** 'roads' when the circle is measured in minutes on roads; 'straight-line' otherwise (chosen, or no road network). */
  model: 'straight-line' | 'roads';
  /** Statuses judged along roads too (their radii read as minutes). */
  serviceAlongRoads: boolean;
}

/**
 * Which reach applies, the one place it is decided: without roads, or with
 * `rules.reach.model` 'straight-line', the straight-line model for
 * everything; with roads, the circle on roads and statuses by the
 * standard's straight line, or (`serviceAlongRoads`) everything on roads.
 * @param straight the straight-line model of the grid (or any model to use without roads)
 * @param roads the region's road network, or null
 */
export function engineModels(rules: Rules, straight: ReachModel, roads: RoadNetwork | null): EngineModels {
  if (!roads || rules.reach.model === 'straight-line') return { status: straight, circle: null };
  const road = roads.model(rules);
  return rules.reach.serviceAlongRoads ? { status: road, circle: null } : { status: straight, circle: road };
}

/** The reach an engine uses, read off it. */
export function reachInUse(engine: { unit: string; circleEngine: { unit: string } }): ReachInUse {
  return { model: engine.circleEngine.unit === 'minutes' ? 'roads' : 'straight-line', serviceAlongRoads: engine.unit === 'minutes' };
}
