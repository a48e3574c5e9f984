/** Fuzzing the facility reader (GeoJSON points): mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { facilitiesGeoJson } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the facility reader (GeoJSON points)', facilitiesGeoJson, 5);
