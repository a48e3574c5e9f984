/**
 * Coverage weighed by calls: the status and circle splits of the calls per
 * year, region-wide and per zone, in the same figures as the residents'
 * tables (the per-resident ratios do not apply to calls: left at 0).
 */
import { AGG_WIDTH, type CoverageEngine } from '../coverage.ts';
import { cellCounts, figures, type CoverageFigures } from '../tables.ts';
import type { CallsPerYear } from './calls.ts';
import type { EmsFigures } from './types.ts';

/** Columns per zone row: covered, marginal, gap (the status codes), within circle, all. */
const WIDTH = 5;

/**
 * @param calls calls per year per cell; from the rate they are residents × rate,
 *   so the engine's resident sums are scaled instead of a pass over the cells
 */
export function callCoverage(engine: CoverageEngine, calls: CallsPerYear, callsPerResident: number): EmsFigures['callCoverage'] {
  const { grid, status, withinCircle, rules } = engine;
  const rows = grid.zones.length + 1;
  const sums = new Float64Array(rows * WIDTH);
  if (calls.summary.source === 'rate') {
    // the engine's columns are covered, marginal, gap, within circle: the same first four
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < 4; c++) sums[r * WIDTH + c] = engine.zoneAgg[r * AGG_WIDTH + c] * callsPerResident;
      sums[r * WIDTH + 4] = engine.zonePopulation[r] * callsPerResident;
    }
  } else {
    const perCell = calls.perCell;
    for (let i = 0; i < grid.size; i++) {
      const c = perCell[i];
      if (c === 0) continue;
      const row = (grid.zone[i] + 1) * WIDTH;
      sums[row + status[i]] += c;
      if (withinCircle[i] === 1) sums[row + 3] += c;
      sums[row + 4] += c;
    }
  }
  const of = (row: number, a: Float64Array = sums): CoverageFigures => ({
    ...figures(rules, a[row + 4], a[row], a[row + 1], a[row + 2], a[row + 3]),
    ambulancesNeeded: 0,
    aedsNeeded: 0,
  });
  const all = new Float64Array(WIDTH);
  for (let r = 0; r < rows; r++) for (let c = 0; c < WIDTH; c++) all[c] += sums[r * WIDTH + c];
  const zoneCells = cellCounts(grid);
  const zones: EmsFigures['callCoverage']['zones'] = [];
  grid.zones.forEach((z, k) => {
    if (zoneCells[k] > 0) zones.push({ code: z.code, name: z.name, ...of((k + 1) * WIDTH) });
  });
  return { totals: of(0, all), zones };
}
