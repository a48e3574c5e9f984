/** Public surface of site suggestion: maximal coverage, set cover, expected coverage (MEXCLP), p-center, their bounds and building blocks. */
export * from './control.ts';
export * from './candidates.ts';
export * from './matrix.ts';
export * from './demand.ts';
export * from './objective.ts';
export * from './greedy.ts';
export * from './swap.ts';
export * from './bound.ts';
export * from './mclp.ts';
export * from './lscp.ts';
export * from './suggest.ts';
export * from './mexclp.ts';
export * from './mexclp-sites.ts';
export * from './p-center.ts';
export * from './p-center-sites.ts';
