/** A reach model with its fast paths hidden, so an engine lists every station's reach: the path the fast ones must equal. */
import type { ReachModel } from '../../src/core/reach.ts';

/** The model's unit, limits and reach only (no nearestAll / nearestOf / memberRuns). */
export function withoutFastPaths(model: ReachModel): ReachModel {
  return { unit: model.unit, limits: (rules) => model.limits(rules), reach: (origin, limits) => model.reach(origin, limits) };
}
