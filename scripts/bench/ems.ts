/**
 * bench's EMS section: the EMS figures (fractiles of the region, every zone
 * and every first-due area for residents and calls, workload, availability)
 * after one station move on all of Quanzhou, beside the same figures with
 * the fractiles by a full sort per group, measured in the same run; and the
 * figures with their before (proposed stations left out) beside those without.
 */
import type { CoverageEngine } from '../../src/core/coverage.ts';
import { baselineEngine } from '../../src/core/deltas.ts';
import { emsFigures } from '../../src/core/ems/figures.ts';
import { proposedIds } from '../../src/core/evaluate.ts';
import { firstDueAreas } from '../../src/core/ems/first-due.ts';
import { cellMinutes } from '../../src/core/ems/minutes.ts';
import { callsPerYear } from '../../src/core/ems/calls.ts';
import { RESPONSE_HORIZON_MINUTES } from '../../src/core/road-network.ts';
import type { Station } from '../../src/core/types.ts';
import { line, time } from '../lib/timing.ts';
import { sortFractiles } from './sort-fractiles.ts';

/** The fractiles alone, the naive way: region, zones and first-due areas, residents and calls; returns the sum of the residents' medians. */
function naiveFractiles(engine: CoverageEngine): number {
  const { grid, rules } = engine;
  const { minutes } = cellMinutes(engine);
  const calls = callsPerYear(grid, rules, null).perCell;
  const areas = firstDueAreas(engine.circleEngine, engine.activeStations());
  let sum = 0;
  for (const weight of [grid.population, calls]) {
    for (const [groupOf, groups] of [[null, 1], [grid.zone, grid.zones.length], [areas.areaOf, areas.stations.length]] as const) {
      for (const f of sortFractiles(minutes, weight, RESPONSE_HORIZON_MINUTES, groupOf, groups, rules.circleMinutes)) if (weight === grid.population) sum += f.medianMinutes ?? 0;
    }
  }
  return sum;
}

/** Prints the EMS lines; the engine holds `stations`, and `mover` is moved 3 km east and back. */
export function benchEms(engine: CoverageEngine, stations: Station[], mover: Station): void {
  const away = { ...mover, lng: mover.lng + 0.03 };
  const inputs = { stations, calls: null, roads: null };
  let flip = false;
  const move = () => {
    engine.upsertStation(flip ? mover : away);
    flip = !flip;
  };
  const ours = time(() => {
    move();
    return emsFigures(engine, null, inputs);
  }, 41, 3);
  const figuresOnly = time(() => emsFigures(engine, null, inputs), 41, 3);
  const naive = time(() => {
    move();
    naiveFractiles(engine);
  }, 11, 1);
  // same answers: the residents' medians of the naive sort equal ours (calls from the rate are residents scaled in ours, summed anew in the naive)
  const f = emsFigures(engine, null, inputs);
  const oursSum = [f.fractiles.region, ...f.fractiles.zones, ...f.workload.map((w) => w.fractiles)].reduce((s, p) => s + (p.residents.medianMinutes ?? 0), 0);
  const naiveSum = naiveFractiles(engine);
  console.log(line(`EMS figures after one station move (${mover.id}): fractiles ×2 weights for region, ${f.fractiles.zones.length} zones, ${f.workload.length} first-due areas + workload + MEXCLP`, ours, naive, 'fractiles alone by a full sort per group'));
  console.log(line('  EMS figures alone (no move)', figuresOnly));
  console.log(`  residents' medians agree with the full sort: ${oursSum === naiveSum ? 'yes' : `NO (${oursSum} vs ${naiveSum})`}; target ≤ 20 ms`);
  // as the worker computes them when stations are proposed: the before fractiles and the before expected coverage on the baseline
  const without = proposedIds(engine.activeStations());
  if (without.length > 0) {
    const baseline = baselineEngine(engine, without);
    const withBefore = time(() => emsFigures(engine, baseline, inputs), 41, 3);
    console.log(line(`  EMS figures with the before (${without.length} proposed left out: before fractiles + expected coverage)`, withBefore, figuresOnly, 'the figures without a before', 2));
  }
}
