/** Fuzzing the H3 population table reader: mutated files from a small valid seed (see tests/helpers/fuzz.ts). */
import { fuzzSuite } from '../helpers/fuzz.ts';
import { h3Table } from '../helpers/fuzz-seeds.ts';

fuzzSuite('the H3 population table reader', h3Table, 7);
