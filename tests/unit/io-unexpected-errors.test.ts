/**
 * Whatever goes wrong inside a reader (here: an option that throws a
 * TypeError when read, standing in for any bug or library failure) ends in
 * a DataFileError that names the file, never in a bare exception.
 */
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { readH3PopulationTable } from '../../src/io/population-h3.ts';
import { readPopulationPoints } from '../../src/io/population-points.ts';
import { readPopulationPolygons } from '../../src/io/population-polygons.ts';
import { readPopulationRaster } from '../../src/io/population-raster.ts';
import { readZones } from '../../src/io/zones.ts';
import { csv, utf8 } from '../helpers/fixtures-files.ts';
import { WORLDPOP_100M_DEG, writeGeoTiff } from '../helpers/fixtures-geotiff.ts';

/** Options whose every field but the file name and resolution throws when read. */
function booby<T>(file: string): T {
  return new Proxy({ file, resolution: 9 } as object, {
    get(target, key) {
      if (key === 'file' || key === 'resolution') return (target as Record<string, unknown>)[key as string];
      if (key === 'then') return undefined;
      throw new TypeError(`internal failure reading option ${String(key)}`);
    },
  }) as T;
}

const zones = utf8(JSON.stringify({ type: 'FeatureCollection', features: [] }));
const table = utf8(csv(['h3', 'population', 'lng', 'lat'], [['89411c0000fffff', 1, 118.2, 25.3]]));
const tif = writeGeoTiff({ width: 2, height: 2, data: new Float32Array([1, 2, 3, 4]), west: 118.2, north: 25.4, pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG] });

const cases: [string, () => unknown][] = [
  ['zones.geojson', () => readZones(zones, booby('zones.geojson'))],
  ['stations.csv', () => previewFacilities(table, booby('stations.csv'))],
  ['kontur.csv', () => readH3PopulationTable(table, booby('kontur.csv'))],
  ['points.csv', () => readPopulationPoints(table, booby('points.csv'))],
  ['census.geojson', () => readPopulationPolygons(zones, booby('census.geojson'))],
  ['worldpop.tif', () => readPopulationRaster(tif, booby('worldpop.tif'))],
];

describe('unexpected errors inside a reader', () => {
  for (const [file, read] of cases) {
    it(`${file}: wrapped in a DataFileError naming the file and the internal error`, async () => {
      const error = await (async () => read())().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as DataFileError).problems[0].file).toBe(file);
      expect((error as Error).message).toMatch(new RegExp(`^${file.replace('.', '\\.')}: file: .*internal failure reading option`));
    });
  }
});
