/**
 * Calls per cell per year behind the call figures: the imported calls
 * divided by the years they cover, or (none imported) residents × the rules'
 * call rate, labelled source 'rate'.
 */
import type { PopulationGrid } from '../grid.ts';
import type { Rules } from '../rules.ts';
import { checkCallWeights, type CallWeights } from './inputs.ts';
import type { CallsSummary } from './types.ts';

export interface CallsPerYear {
  /** Expected calls per year per cell (grid order). */
  perCell: Float64Array;
  summary: CallsSummary;
}

/**
 * The last answer per imported calls (or per grid, for the rate): every
 * evaluation asks again, and a station edit changes neither. Shared, so
 * read, never edit.
 */
const kept = new WeakMap<object, { grid: PopulationGrid; factor: number; answer: CallsPerYear }>();

/**
 * The answer is shared between calls with the same inputs: read, never edit.
 * @example callsPerYear(grid, rules, null) // residents × callsPerThousandPerYear / 1000 per cell, source 'rate'
 */
export function callsPerYear(grid: PopulationGrid, rules: Rules, calls: CallWeights | null): CallsPerYear {
  checkCallWeights(grid, calls);
  const owner: object = calls ?? grid;
  const factor = calls ? calls.years : rules.ems.callsPerThousandPerYear;
  const last = kept.get(owner);
  if (last && last.grid === grid && last.factor === factor) return last.answer;
  const answer = computeCallsPerYear(grid, rules, calls);
  kept.set(owner, { grid, factor, answer });
  return answer;
}

function computeCallsPerYear(grid: PopulationGrid, rules: Rules, calls: CallWeights | null): CallsPerYear {
  const perCell = new Float64Array(grid.size);
  let total = 0;
  if (calls) {
    if (!(calls.years > 0)) throw new Error(`Calls must cover a positive number of years, got ${calls.years}.`);
    for (let i = 0; i < grid.size; i++) {
      total += calls.perCell[i];
      perCell[i] = calls.perCell[i] / calls.years;
    }
    return { perCell, summary: { total, perYear: total / calls.years, synthetic: calls.synthetic, source: 'imported' } };
  }
  const rate = rules.ems.callsPerThousandPerYear / 1000;
  for (let i = 0; i < grid.size; i++) {
    perCell[i] = grid.population[i] * rate;
    total += perCell[i];
  }
  return { perCell, summary: { total, perYear: total, synthetic: false, source: 'rate' } };
}
