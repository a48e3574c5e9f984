/**
 * bench's naive baseline for the EMS fractiles: for each group of cells,
 * gather its reached cells, sort them by minutes, and walk the sorted list
 * for the curve, the median and the 90th percentile (what one writes first).
 */
import type { Fractiles } from '../../src/core/ems/types.ts';

/** Fractiles of each group by a full sort of its cells (groupOf null: one group of every cell). */
export function sortFractiles(minutes: Float64Array, weight: Float64Array, horizon: number, groupOf: Int32Array | null, groups: number, targetMinutes: number): Fractiles[] {
  const members: number[][] = Array.from({ length: groups }, () => []);
  const total = new Float64Array(groups);
  for (let i = 0; i < minutes.length; i++) {
    const g = groupOf === null ? 0 : groupOf[i];
    if (g < 0 || weight[i] === 0) continue;
    total[g] += weight[i];
    if (minutes[i] <= horizon) members[g].push(i);
  }
  return members.map((cells, g) => {
    cells.sort((a, b) => minutes[a] - minutes[b] || a - b);
    const all = total[g];
    const curve: number[] = new Array(horizon + 1).fill(0);
    let cum = 0;
    let within = 0;
    let median: number | null = null;
    let p90: number | null = null;
    let t = 0;
    for (const i of cells) {
      const m = minutes[i];
      while (t <= horizon && t < m) curve[t++] = all > 0 ? cum / all : 0;
      cum += weight[i];
      if (m <= targetMinutes) within = cum;
      if (median === null && cum >= 0.5 * all) median = m;
      if (p90 === null && cum >= 0.9 * all) p90 = m;
    }
    while (t <= horizon) curve[t++] = all > 0 ? cum / all : 0;
    return { weight: all, withinTarget: all > 0 ? within / all : 0, curve, medianMinutes: median, p90Minutes: p90, unreached: all - cum };
  });
}
