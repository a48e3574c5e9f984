/** Fuzzing the facility reader (CSV in GBK and UTF-8): mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { facilitiesCsv } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the facility reader (CSV in GBK and UTF-8)', facilitiesCsv, 3);
