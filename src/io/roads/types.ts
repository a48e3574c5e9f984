/** What every road reader takes and gives. */
import type { RoadWays } from '../../core/roads/ways.ts';
import type { RowProblem } from '../errors.ts';
import type { RoadCounts } from './collect.ts';
import type { LngLatBox } from './limits.ts';

export interface RoadReadOptions {
  /** The file's name, for messages. */
  file: string;
  /** Keep only road segments with both ends inside this box (the region's box plus a margin; see roadBox). Default: everything. */
  box?: LngLatBox;
  /** Keep highway=track (farm and forest tracks) too (default: no). */
  includeTracks?: boolean;
  signal?: AbortSignal;
  /** Share of the file read, 0…1. */
  onProgress?: (fraction: number) => void;
}

export type RoadFormat = 'osm-pbf' | 'osm-xml' | 'geojson' | 'shapefile';

export interface RoadRead {
  format: RoadFormat;
  ways: RoadWays;
  counts: RoadCounts;
  /** Row-level problems (line features skipped, and why) and file-level warnings. */
  problems: RowProblem[];
}
