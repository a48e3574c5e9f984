/** Fuzzing the population polygon reader (GeoJSON): mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { polygonGeoJson } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the population polygon reader (GeoJSON)', polygonGeoJson, 9);
