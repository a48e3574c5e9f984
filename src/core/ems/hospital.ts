/**
 * Scene-to-hospital figures per capability (issue 14 §4): the capable
 * hospitals, the share of residents (and of imported calls) within the
 * capability's target, median and p90 minutes, the zones with residents
 * beyond the target (worst share first), and the same before the plan
 * (without planned capabilities and proposed facilities) when anything is
 * planned. Minutes come from hospital-minutes.ts (roads, or the circle
 * formula's basis). Calls are counted only when imported: calls modelled
 * from the rate are residents × a constant, so their shares are the
 * residents'.
 */
import type { PopulationGrid } from '../grid.ts';
import type { RoadNetwork } from '../road-network.ts';
import type { Rules } from '../rules.ts';
import type { Station } from '../types.ts';
import { capabilityPlanned, capableHospitals, type HospitalPhase } from './capable-hospitals.ts';
import { hospitalMinutesBasis, hospitalMinutesByCell, minutesKey } from './hospital-minutes.ts';
import { checkCallWeights, type CallWeights, type EmsInputs } from './inputs.ts';
import { CAPABILITIES, type Capability } from './settings.ts';
import type { HospitalAccess, HospitalFigures } from './types.ts';
import { weightedFractiles } from './weighted-fractiles.ts';

export { hospitalMinutesByCell, hospitalMinutesBasis } from './hospital-minutes.ts';

/** The hospital curves' last minute: two golden hours, or the target when a planner sets a longer one. */
export const HOSPITAL_HORIZON_MINUTES = 120;

/** One entry per capability that at least one facility has or plans, in CAPABILITIES order. */
export function hospitalAccess(grid: PopulationGrid, rules: Rules, inputs: EmsInputs): HospitalAccess[] {
  checkCallWeights(grid, inputs.calls);
  const basis = hospitalMinutesBasis(rules, inputs.roads);
  const out: HospitalAccess[] = [];
  for (const capability of CAPABILITIES) {
    if (capableHospitals(inputs.stations, capability, 'after').length === 0) continue;
    const targetMinutes = rules.ems.hospitalTargetMinutes[capability];
    const figures = (phase: HospitalPhase) => hospitalFigures(grid, rules, inputs.stations, inputs.roads, inputs.calls, capability, phase);
    out.push({
      capability,
      targetMinutes,
      basis,
      ...figures('after'),
      before: capabilityPlanned(inputs.stations, capability) ? figures('before') : null,
    });
  }
  return out;
}

function hospitalFigures(
  grid: PopulationGrid,
  rules: Rules,
  stations: readonly Station[],
  roads: RoadNetwork | null,
  calls: CallWeights | null,
  capability: Capability,
  phase: HospitalPhase,
): HospitalFigures {
  const target = rules.ems.hospitalTargetMinutes[capability];
  const horizon = Math.max(HOSPITAL_HORIZON_MINUTES, Math.ceil(target));
  const capable = capableHospitals(stations, capability, phase);
  // an evaluation that moved no capable hospital and changed no rule they depend on reads the figures kept
  const { owner, key: minutesAt } = minutesKey(grid, rules, roads, capable);
  const key = `${target}|${callsId(calls)}|${capable.map((s) => `${s.id}\u0000${s.name}`).join('\u0001')}|${minutesAt}`;
  let kept = figuresKept.get(owner);
  if (!kept) figuresKept.set(owner, (kept = new Map()));
  const found = kept.get(key);
  if (found) return found;
  const figures = computeFigures(grid, hospitalMinutesByCell(grid, rules, stations, roads, capability, phase), calls, target, horizon, capable);
  if (kept.size >= 24) kept.clear();
  kept.set(key, figures);
  return figures;
}

/** Figures kept by minutes owner (grid or road model) and key; plain data, never changed after. */
const figuresKept = new WeakMap<object, Map<string, HospitalFigures>>();
const callIds = new WeakMap<CallWeights, number>();
let nextCallId = 1;
const callsId = (calls: CallWeights | null): number => {
  if (!calls) return 0;
  let id = callIds.get(calls);
  if (id === undefined) callIds.set(calls, (id = nextCallId++));
  return id;
};

function computeFigures(grid: PopulationGrid, minutes: Float64Array, calls: CallWeights | null, target: number, horizon: number, capable: readonly Station[]): HospitalFigures {
  return {
    hospitals: capable.map((s) => ({ id: s.id, name: s.name })),
    fractiles: {
      residents: weightedFractiles(minutes, grid.population, target, horizon),
      calls: calls ? weightedFractiles(minutes, calls.perCell, target, horizon) : null,
    },
    zonesBeyond: zonesBeyond(grid, minutes, target),
  };
}

/** Zones with residents beyond the target (not reached counts as beyond), the largest share first, then the most residents. */
export function zonesBeyond(grid: PopulationGrid, minutes: Float64Array, targetMinutes: number): HospitalFigures['zonesBeyond'] {
  const { zones, zone, population } = grid;
  const total = new Float64Array(zones.length);
  const beyond = new Float64Array(zones.length);
  for (let i = 0; i < grid.size; i++) {
    const z = zone[i];
    if (z < 0) continue;
    total[z] += population[i];
    // NaN and Infinity (not reached) fail the test: beyond
    if (!(minutes[i] <= targetMinutes)) beyond[z] += population[i];
  }
  const rows: HospitalFigures['zonesBeyond'] = [];
  zones.forEach((z, k) => {
    if (beyond[k] > 0) rows.push({ code: z.code, name: z.name, populationBeyond: beyond[k], shareBeyond: beyond[k] / total[k] });
  });
  return rows.sort((a, b) => b.shareBeyond - a.shareBeyond || b.populationBeyond - a.populationBeyond || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
