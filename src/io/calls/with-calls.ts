/**
 * A region with calls set or removed, and the calls as the app is told of
 * them (without the counts per cell). No reader here: the worker's core
 * imports this without loading the table readers.
 */
import type { Region, RegionCalls } from '../region/types.ts';

/** The region with these calls (or without any: null); nothing else changes. */
export function withCalls(region: Region, calls: RegionCalls | null): Region {
  const { calls: _old, ...rest } = region;
  return calls ? { ...rest, calls } : rest;
}

/** The calls without their counts per cell. */
export function callsSummary({ perCell: _cells, ...summary }: RegionCalls): Omit<RegionCalls, 'perCell'> {
  return summary;
}
