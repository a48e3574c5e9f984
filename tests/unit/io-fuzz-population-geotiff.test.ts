/** Fuzzing the population raster reader (GeoTIFF, tiled, DEFLATE): mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { populationGeoTiff } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the population raster reader (GeoTIFF, tiled, DEFLATE)', populationGeoTiff, 6);
