/**
 * The four coverage rows the EMS tables show for residents beside calls (the
 * panel's call coverage and the handout's EMS page): one list, so both say
 * the same rows in the same order.
 */
export const COVERAGE_ROWS = [
  { key: 'covered', label: 'results.covered', count: 'covered', percent: 'coveredPct' },
  { key: 'marginal', label: 'results.marginal', count: 'marginal', percent: 'marginalPct' },
  { key: 'gap', label: 'results.gap', count: 'gap', percent: 'gapPct' },
  { key: 'within', label: 'results.within', count: 'withinCircle', percent: 'withinCirclePct' },
] as const;
