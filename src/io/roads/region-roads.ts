/**
 * A road file read for a region: clipped to the region's outline box plus
 * the road margin, refused with a message naming the file when it holds no
 * drivable road there, and labelled with its source. The worker's import and
 * the CLI's --roads both come through here, so the same file gives the same
 * network (and the same minutes) in the app and the CLI.
 */
import type { FileBytes } from '../bytes.ts';
import { DataFileError, fileError, isError } from '../errors.ts';
import { outlinesBbox } from '../region/assemble.ts';
import type { Region, RegionRoads } from '../region/types.ts';
import { readRoads, ROAD_MARGIN_KM, roadBox } from './index.ts';
import type { RoadRead } from './types.ts';

export interface RegionRoadsRead {
  roads: RegionRoads;
  /** What the reader found (format, counts, row problems). */
  read: RoadRead;
}

/**
 * Reads a road file for a region (any format readRoads knows).
 * @example const { roads } = await readRegionRoads(bytes, 'andorra-latest.osm.pbf', region);
 */
export async function readRegionRoads(bytes: FileBytes, file: string, region: Pick<Region, 'zoneOutlines' | 'partOutlines'>, options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<RegionRoadsRead> {
  const outlines = region.zoneOutlines.length > 0 ? region.zoneOutlines : region.partOutlines;
  const read = await readRoads(bytes, { file, box: roadBox(outlinesBbox(outlines)), signal: options.signal, onProgress: options.onProgress });
  if (read.counts.waysKept === 0) {
    const errors = read.problems.filter(isError);
    if (errors.length > 0) throw new DataFileError(errors);
    throw fileError(file, `has no drivable road within the region or ${ROAD_MARGIN_KM.value} km of it (${read.counts.waysRead} ways read, ${read.counts.waysDrivable} drivable, ${read.counts.waysOutside} outside)`, 'no-data');
  }
  const osm = read.format === 'osm-pbf' || read.format === 'osm-xml';
  return {
    read,
    roads: {
      ways: read.ways,
      source: { what: 'roads', source: file, licence: osm ? 'ODbL, © OpenStreetMap contributors' : 'as given by the user', crs: 'WGS84' },
      counts: read.counts,
    },
  };
}
