/**
 * A call file read for the open region, and the region with those calls.
 * The worker's import and the CLI's --calls both come through here, so the
 * same file gives the same calls per cell in the app and the CLI.
 */
import type { Crs } from '../crs.ts';
import { fmtCount } from '../limits.ts';
import type { Region } from '../region/types.ts';
import { readCalls, type CallsRead } from './read-calls.ts';

export interface RegionCallsOptions {
  crs?: Crs;
  synthetic?: boolean;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Reads a call file (CSV or XLSX) into calls per cell of `region`.
 * @example const { calls } = await readRegionCalls(bytes, 'calls-synthetic.csv', region, { crs: 'GCJ02' });
 */
export function readRegionCalls(bytes: Uint8Array, file: string, region: Pick<Region, 'name' | 'cells' | 'zones' | 'resolution'>, options: RegionCallsOptions = {}): Promise<CallsRead> {
  return readCalls(bytes, { file, region, ...options });
}

/** One line saying what the calls are, for notes and reports (English, as the CLI's data notes). */
export function callsNote(read: CallsRead): string {
  const c = read.calls;
  const period = c.periodAssumed ? 'period not given, taken as 1 year' : `${c.years.toFixed(2)} years from the call times`;
  const township = read.byTownship > 0 ? `; ${fmtCount(read.byTownship)} placed by township code, shared over the township's cells by residents` : '';
  const label = c.synthetic ? 'SYNTHETIC calls (generated, not real)' : 'Calls';
  return `${label}: ${c.source.source}: ${fmtCount(c.total)} placed in the region's cells, ${fmtCount(c.outside)} outside, ${fmtCount(c.skipped)} rows refused of ${fmtCount(c.rows)} (${period})${township}. Only counts per cell are kept, no call point.`;
}
