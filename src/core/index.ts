/** Public surface of the pure coverage core (no DOM, no map, no React). */
export * from './types.ts';
export * from './geo.ts';
export * from './rules.ts';
export * from './grid.ts';
export * from './reach.ts';
export * from './reach-factory.ts';
export * from './straight-line-reach.ts';
export * from './network-reach.ts';
export * from './coverage.ts';
export * from './tables.ts';
export * from './gaps.ts';
export * from './deltas.ts';
export * from './evaluate.ts';
export * from './suggest/index.ts';
