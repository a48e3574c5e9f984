/**
 * The EMS figures of the scenario an engine holds (issue 14): calls, call-
 * weighted coverage, response-time fractiles (region, zones, first-due areas,
 * before/after), station workload and fleet, availability, hospital
 * transport and equity. Reads the engines, changes neither.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { PopulationGrid } from '../grid.ts';
import { RESPONSE_HORIZON_MINUTES } from '../road-network.ts';
import { availability } from './availability.ts';
import { callCoverage } from './call-coverage.ts';
import { callsPerYear } from './calls.ts';
import { equity } from './equity.ts';
import { firstDueAreas } from './first-due.ts';
import { groupFractiles, minuteBins } from './fractiles.ts';
import { hospitalAccess } from './hospital.ts';
import type { EmsInputs } from './inputs.ts';
import { cellMinutes } from './minutes.ts';
import type { EmsFigures, FractilePair, ZoneFractiles } from './types.ts';
import { stationWorkload } from './workload.ts';

/** The inputs when the caller has nothing beyond the engine: its active stations, calls from the rate, no roads. */
export function engineOnlyInputs(engine: CoverageEngine): EmsInputs {
  return { stations: engine.activeStations(), calls: null, roads: null };
}

/**
 * Fractile pairs (residents, calls) of each group of cells.
 * @param groupOf per cell its group, −1 none; null: one group of every cell
 */
function groupPairs(minutes: Float64Array, bins: Int32Array, grid: PopulationGrid, calls: Float64Array, groupOf: Int32Array | null, groups: number, targetMinutes: number): FractilePair[] {
  const residents = groupFractiles(minutes, bins, grid.population, RESPONSE_HORIZON_MINUTES, groupOf, groups, targetMinutes);
  const byCalls = groupFractiles(minutes, bins, calls, RESPONSE_HORIZON_MINUTES, groupOf, groups, targetMinutes);
  return residents.map((r, g) => ({ residents: r, calls: byCalls[g] }));
}

/**
 * @param baseline the scenario without some stations (the before of a before/after), or null
 * @param inputs every station of the scenario, the imported calls (else the rules' rate), the road network
 */
export function emsFigures(engine: CoverageEngine, baseline: CoverageEngine | null, inputs: EmsInputs): EmsFigures {
  const { grid, rules } = engine;
  const target = rules.circleMinutes;
  const calls = callsPerYear(grid, rules, inputs.calls);
  const { minutes, basis } = cellMinutes(engine);
  const bins = minuteBins(minutes, RESPONSE_HORIZON_MINUTES);

  const [region] = groupPairs(minutes, bins, grid, calls.perCell, null, 1, target);
  const zonePairs = groupPairs(minutes, bins, grid, calls.perCell, grid.zone, grid.zones.length, target);
  const zoneCells = new Int32Array(grid.zones.length + 1);
  for (let i = 0; i < grid.size; i++) zoneCells[grid.zone[i] + 1]++;
  const zones: ZoneFractiles[] = [];
  grid.zones.forEach((z, k) => {
    if (zoneCells[k + 1] > 0) zones.push({ code: z.code, name: z.name, county: z.county, ...zonePairs[k] });
  });

  let before: FractilePair | null = null;
  if (baseline) {
    const beforeMinutes = cellMinutes(baseline).minutes;
    [before] = groupPairs(beforeMinutes, minuteBins(beforeMinutes, RESPONSE_HORIZON_MINUTES), grid, calls.perCell, null, 1, target);
  }

  // first due: the station whose minutes are the cell's (the circle engine's nearest), rows in the engine's order
  const stations = engine.activeStations();
  const areas = firstDueAreas(engine.circleEngine, stations);
  const areaPairs = groupPairs(minutes, bins, grid, calls.perCell, areas.areaOf, stations.length, target);
  const workload = stationWorkload(rules, grid.population, calls.perCell, calls.summary.source, areas, areaPairs);

  return {
    calls: calls.summary,
    callCoverage: callCoverage(engine, calls.perCell),
    fractiles: { basis, targetMinutes: target, horizonMinutes: RESPONSE_HORIZON_MINUTES, region, zones, before },
    workload,
    availability: availability(engine, stations, workload, calls.perCell),
    hospitals: hospitalAccess(grid, rules, inputs),
    equity: equity(zones),
  };
}
