/** Fuzzing the zones reader (GeoJSON): mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { zonesGeoJson } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the zones reader (GeoJSON)', zonesGeoJson, 1);
