/**
 * `npm run build:data`: builds data/ from the raw public data.
 * RAW_DATA_DIR overrides the input (default ../shared/data/raw beside the
 * repo), DATA_OUT_DIR the output (default data/). Prints one line per file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData } from './data/build.ts';
import { buildSyntheticCalls } from './data/synthetic-calls.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rawDir = path.resolve(repoRoot, process.env.RAW_DATA_DIR || '../shared/data/raw');
const outDir = path.resolve(repoRoot, process.env.DATA_OUT_DIR || 'data');

const started = performance.now();
const { lines, notes } = buildData({ rawDir, outDir });
for (const line of lines) console.log(line);
// the synthetic call files, drawn from the packs just written
for (const { file, summary } of await buildSyntheticCalls(outDir)) console.log(`${file.file} (${file.bytes.toLocaleString('en-US')} bytes): ${summary}`);
for (const note of notes) console.log(`note: ${note}`);
console.log(`built ${path.relative(process.cwd(), outDir) || '.'} from ${rawDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
