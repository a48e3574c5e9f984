/** Fuzzing the facility reader (XLSX): mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { facilitiesXlsx } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the facility reader (XLSX)', facilitiesXlsx, 4);
