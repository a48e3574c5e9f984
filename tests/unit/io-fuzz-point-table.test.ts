/** Fuzzing the population point table reader: mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { pointTable } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the population point table reader', pointTable, 8);
