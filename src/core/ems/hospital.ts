/**
 * Scene-to-hospital times per capability (issue 14 §4). Contract only: the
 * hospital work fills this in (straight line by the circle formula's speeds,
 * or a multi-source search on the region's roads), with before/after when a
 * centre is planned.
 */
import type { PopulationGrid } from '../grid.ts';
import type { Rules } from '../rules.ts';
import type { EmsInputs } from './inputs.ts';
import type { HospitalAccess } from './types.ts';

/** One entry per capability that at least one facility has or plans, in CAPABILITIES order. */
export function hospitalAccess(grid: PopulationGrid, rules: Rules, inputs: EmsInputs): HospitalAccess[] {
  void grid; void rules; void inputs;
  return [];
}
