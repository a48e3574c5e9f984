/**
 * Coverage weighed by calls: the status and circle splits of the calls per
 * year, region-wide and per zone, in the same figures as the residents'
 * tables (the per-resident ratios do not apply to calls: left at 0).
 */
import type { CoverageEngine } from '../coverage.ts';
import { figures, type CoverageFigures } from '../tables.ts';
import type { EmsFigures } from './types.ts';

/** Columns per zone row: covered, marginal, gap (the status codes), within circle, all. */
const WIDTH = 5;

/** @param calls calls per year per cell (grid order) */
export function callCoverage(engine: CoverageEngine, calls: Float64Array): EmsFigures['callCoverage'] {
  const { grid, status, withinCircle, rules } = engine;
  const rows = grid.zones.length + 1;
  const sums = new Float64Array(rows * WIDTH);
  const zoneCells = new Int32Array(rows);
  for (let i = 0; i < grid.size; i++) {
    zoneCells[grid.zone[i] + 1]++;
    const c = calls[i];
    if (c === 0) continue;
    const row = (grid.zone[i] + 1) * WIDTH;
    sums[row + status[i]] += c;
    if (withinCircle[i] === 1) sums[row + 3] += c;
    sums[row + 4] += c;
  }
  const of = (row: number, a: Float64Array = sums): CoverageFigures => ({
    ...figures(rules, a[row + 4], a[row], a[row + 1], a[row + 2], a[row + 3]),
    ambulancesNeeded: 0,
    aedsNeeded: 0,
  });
  const all = new Float64Array(WIDTH);
  for (let r = 0; r < rows; r++) for (let c = 0; c < WIDTH; c++) all[c] += sums[r * WIDTH + c];
  const totals = of(0, all);
  const zones: EmsFigures['callCoverage']['zones'] = [];
  grid.zones.forEach((z, k) => {
    if (zoneCells[k + 1] > 0) zones.push({ code: z.code, name: z.name, ...of((k + 1) * WIDTH) });
  });
  return { totals, zones };
}
