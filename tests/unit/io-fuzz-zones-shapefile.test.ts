/** Fuzzing the zones reader (zipped Shapefile, GBK .dbf): mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { zonesShapefile } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the zones reader (zipped Shapefile, GBK .dbf)', zonesShapefile, 2);
