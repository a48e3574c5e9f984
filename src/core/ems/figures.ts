/**
 * The EMS figures of the scenario an engine holds (issue 14): calls, call-
 * weighted coverage, response-time fractiles (region, zones, first-due areas,
 * before/after), station workload and fleet, availability, hospital
 * transport and equity. Reads the engines, changes neither.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { PopulationGrid } from '../grid.ts';
import { RESPONSE_HORIZON_MINUTES } from '../road-network.ts';
import { cellCounts } from '../tables.ts';
import { availability } from './availability.ts';
import { callCoverage } from './call-coverage.ts';
import { callsPerYear, type CallsPerYear } from './calls.ts';
import { equity } from './equity.ts';
import { firstDueAreas, type FirstDueAreas } from './first-due.ts';
import { groupingFractiles, minuteBins, type Grouping } from './fractiles.ts';
import { groupFigures, scaled } from './group-figures.ts';
import { hospitalAccess } from './hospital.ts';
import type { EmsInputs } from './inputs.ts';
import { cellMinutes, minutesBasis } from './minutes.ts';
import type { EmsFigures, FractilePair, ZoneFractiles } from './types.ts';
import { workloadRows } from './workload.ts';

/** The inputs when the caller has nothing beyond the engine: its active stations, calls from the rate, no roads. */
export function engineOnlyInputs(engine: CoverageEngine): EmsInputs {
  return { stations: engine.activeStations(), calls: null, roads: null };
}

/** The bins of groupPairs, reused: read only within it. */
let binsBuffer = new Int32Array(0);

/**
 * Fractile pairs (residents, calls) of each group of each grouping, built
 * afresh (the before of a before/after). Calls from the rate are residents
 * scaled (no second pass); imported calls take their own pass.
 */
function groupPairs(minutes: Float64Array, grid: PopulationGrid, calls: CallsPerYear, callsPerResident: number, groupings: Grouping[], targetMinutes: number): FractilePair[][] {
  if (binsBuffer.length !== minutes.length) binsBuffer = new Int32Array(minutes.length);
  const bins = minuteBins(minutes, RESPONSE_HORIZON_MINUTES, binsBuffer);
  const residents = groupingFractiles(minutes, bins, grid.population, RESPONSE_HORIZON_MINUTES, groupings, targetMinutes);
  const byCalls = calls.summary.source === 'rate' ? null : groupingFractiles(minutes, bins, calls.perCell, RESPONSE_HORIZON_MINUTES, groupings, targetMinutes);
  return residents.map((list, k) => list.map((r, g) => ({ residents: r, calls: byCalls ? byCalls[k][g] : scaled(r, callsPerResident) })));
}

/**
 * First-due areas as the EMS figures take them: the station whose minutes are
 * the cell's (the circle engine's nearest), rows in the engine's active
 * station order (the rows of ems.workload).
 */
export const emsFirstDue = (engine: CoverageEngine): FirstDueAreas => firstDueAreas(engine.circleEngine, engine.activeStations());

/**
 * @param baseline the scenario without some stations (the before of a before/after), or null
 * @param inputs every station of the scenario, the imported calls (else the rules' rate), the road network
 */
export function emsFigures(engine: CoverageEngine, baseline: CoverageEngine | null, inputs: EmsInputs): EmsFigures {
  const { grid, rules } = engine;
  const target = rules.circleMinutes;
  const calls = callsPerYear(grid, rules, inputs.calls);
  const rate = rules.ems.callsPerThousandPerYear / 1000;
  // the region, zones and first-due areas, built again only where cells changed since the last evaluation
  const { areas, region, zones: zonePairs, areaPairs, sums } = groupFigures(engine, calls, rate, target, RESPONSE_HORIZON_MINUTES);
  const { stations } = areas;

  const zoneCells = cellCounts(grid);
  const zones: ZoneFractiles[] = [];
  grid.zones.forEach((z, k) => {
    if (zoneCells[k] > 0) zones.push({ code: z.code, name: z.name, county: z.county, ...zonePairs[k] });
  });

  const before = baseline ? groupPairs(cellMinutes(baseline).minutes, grid, calls, rate, [{ groupOf: null, groups: 1 }], target)[0][0] : null;
  const workload = workloadRows(rules, stations, sums, calls.summary.source, areaPairs);

  return {
    calls: calls.summary,
    callCoverage: callCoverage(engine, calls, rate),
    fractiles: { basis: minutesBasis(engine), targetMinutes: target, horizonMinutes: RESPONSE_HORIZON_MINUTES, region, zones, before },
    workload,
    availability: availability(engine, stations, workload, calls.perCell, baseline),
    hospitals: hospitalAccess(grid, rules, inputs),
    equity: equity(zones),
  };
}
