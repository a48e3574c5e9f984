/**
 * Fuzzing one reader: a small valid seed file, mutated at random with a
 * seeded PRNG (so a failure replays exactly), read again and again. Every
 * call must end within the time bound in a clean result or a DataFileError,
 * and every problem, and every error message, must name the file.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { DataFileError, type RowProblem } from '../../src/io/errors.ts';
import { mulberry32 } from './random.ts';

/** How the seed is laid out, which decides the structure-aware mutations. */
export type SeedKind = 'csv' | 'json' | 'xlsx' | 'zip' | 'tiff';

export interface FuzzTarget {
  /** File name handed to the reader; every problem must carry it. */
  file: string;
  seed: Uint8Array;
  kind: SeedKind;
  /** Reads the bytes; resolves with the problems of a clean result (or throws). */
  read: (bytes: Uint8Array, file: string) => Promise<readonly RowProblem[]>;
}

export interface FuzzReport {
  calls: number;
  clean: number;
  refused: number;
  failures: string[];
  slowest: { ms: number; what: string };
  totalMs: number;
}

type Mutation = (b: Uint8Array, rand: () => number) => Uint8Array;
const int = (rand: () => number, n: number) => Math.floor(rand() * n);
const pick = <T>(rand: () => number, xs: readonly T[]) => xs[int(rand, xs.length)];
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

const HUGE = ['1e308', '-1e400', '99999999999999999999999', '1.7976931348623157e309', '-0', '4294967296', '9007199254740993'];
const NOT_NUMBERS = ['NaN', 'Infinity', '-Infinity', 'nan', 'inf', '', 'null', 'undefined', '１１８．２', '0x1F', '1,2,3', '"'];

/** Byte-level mutations, good for any file. */
const anyBytes: Record<string, Mutation> = {
  truncate: (b, rand) => b.slice(0, int(rand, b.length)),
  'byte flips': (b, rand) => {
    const out = b.slice();
    for (let k = 1 + int(rand, 20); k > 0 && out.length > 0; k--) out[int(rand, out.length)] = int(rand, 256);
    return out;
  },
  'header flips': (b, rand) => {
    const out = b.slice();
    for (let k = 1 + int(rand, 6); k > 0 && out.length > 0; k--) out[int(rand, Math.min(out.length, 400))] = int(rand, 256);
    return out;
  },
  'duplicated range': (b, rand) => {
    const from = int(rand, b.length);
    const to = Math.min(b.length, from + 1 + int(rand, 2_000));
    const at = int(rand, b.length + 1);
    const copies = 1 + int(rand, rand() < 0.1 ? 200 : 3);
    const range = b.subarray(from, to);
    const out = new Uint8Array(b.length + range.length * copies);
    out.set(b.subarray(0, at));
    for (let c = 0; c < copies; c++) out.set(range, at + c * range.length);
    out.set(b.subarray(at), at + range.length * copies);
    return out;
  },
  'binary junk': (b, rand) => {
    const out = new Uint8Array(int(rand, 4096));
    for (let i = 0; i < out.length; i++) out[i] = int(rand, 256);
    // keep the magic bytes sometimes, so the junk gets past the first check
    if (rand() < 0.5) out.set(b.subarray(0, Math.min(8, out.length)));
    return out;
  },
  empty: () => new Uint8Array(0),
};

/** Replaces some numbers in the text by `values`. */
const replaceNumbers = (values: readonly string[]): Mutation => (b, rand) => {
  let n = 0;
  return bytes(text(b).replace(/-?\d+(\.\d+)?/g, (m) => (rand() < 0.2 && n++ < 12 ? pick(rand, values) : m)));
};

/** Mutations of text (CSV lines, JSON, XML inside a zip, a .dbf). */
const anyText: Record<string, Mutation> = {
  'huge numbers': replaceNumbers(HUGE),
  'NaN and Infinity': replaceNumbers(NOT_NUMBERS),
  'long line': (b, rand) => {
    const s = text(b);
    const at = int(rand, s.length + 1);
    return bytes(s.slice(0, at) + pick(rand, ['x', '9', ',', '"', ' ', '经']).repeat(50_000 + int(rand, 250_000)) + s.slice(at));
  },
  'wrong encoding': (b, rand) => {
    const s = text(b);
    const how = int(rand, 4);
    if (how === 0) return new Uint8Array(iconv.encode(s, 'utf-16le'));
    if (how === 1) return new Uint8Array(iconv.encode(s, 'utf-16be'));
    if (how === 2) return new Uint8Array(iconv.encode(s, 'big5'));
    // UTF-8 bytes read as GBK and written again as UTF-8: mojibake
    return bytes(iconv.decode(Buffer.from(b), 'gbk'));
  },
};

const csvText: Record<string, Mutation> = {
  'swapped columns': (b, rand) => {
    const lines = text(b).split(/\r?\n/);
    const [i, j] = [int(rand, 5), int(rand, 5)];
    return bytes(
      lines
        .map((line, k) => {
          if (k === 0 && rand() < 0.5) return line;
          const cells = line.split(',');
          [cells[i], cells[j]] = [cells[j], cells[i]];
          return cells.join(',');
        })
        .join('\n'),
    );
  },
  'many columns': (b, rand) => {
    // either a header wider than any spreadsheet (refused there) or a few hundred more columns on every line
    const lines = text(b).split(/\r?\n/);
    if (rand() < 0.5) return bytes([`${lines[0]},${Array.from({ length: 16_385 + int(rand, 5_000) }, (_, k) => `c${k}`).join(',')}`, ...lines.slice(1)].join('\n'));
    const extra = Array.from({ length: 100 + int(rand, 700) }, (_, k) => `c${k}`).join(',');
    return bytes(lines.map((line, k) => (line === '' ? line : `${line},${k === 0 ? extra : extra.replace(/c/g, '')}`)).join('\n'));
  },
  'deep quoting': (b, rand) => {
    const lines = text(b).split(/\r?\n/);
    lines.splice(1 + int(rand, lines.length), 0, `"${'"'.repeat(1 + int(rand, 100_000))}`);
    return bytes(lines.join('\n'));
  },
  'separator': (b, rand) => bytes(text(b).replace(/,/g, pick(rand, [';', '\t', '|', '，', '']))),
};

/** Random paths into a parsed JSON value, replaced by odd values. */
const jsonText: Record<string, Mutation> = {
  'json values': (b, rand) => {
    const doc = JSON.parse(text(b));
    const replacements: unknown[] = [null, 'x', 1e308, -1, [], {}, [[[]]], [Number.MAX_VALUE, -Number.MAX_VALUE], 'NaN', true, [[118.2, 25.3]], { type: 'Polygon' }, { type: 'GeometryCollection', geometries: [] }];
    for (let k = 1 + int(rand, 4); k > 0; k--) {
      let node: Record<string, unknown> = doc;
      for (let depth = 0; depth < 8; depth++) {
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = pick(rand, keys);
        const child = node[key];
        if (child === null || typeof child !== 'object' || rand() < 0.2) {
          node[key] = pick(rand, replacements);
          break;
        }
        node = child as Record<string, unknown>;
      }
    }
    return bytes(JSON.stringify(doc));
  },
  'deep nesting': (b, rand) => {
    const depth = pick(rand, [30, 70, 1_000, 100_000]);
    const s = text(b);
    // wrap the first coordinates, or nest geometry collections
    if (rand() < 0.5) return bytes(s.replace('"coordinates":', `"coordinates":${'['.repeat(depth)}`).replace(/(\]\s*)(\}\s*,?\s*"properties"|\}\s*\}|\}\s*,\s*\{)/, `$1${']'.repeat(depth)}$2`));
    const open = '{"type":"GeometryCollection","geometries":['.repeat(Math.min(depth, 20_000));
    return bytes(s.replace('"geometry":', `"geometry":${open}`).replace(/("geometry":.*?\}\s*)(\}\s*[,\]])/, `$1${']}'.repeat(Math.min(depth, 20_000))}$2`));
  },
  comments: (b, rand) => {
    const lines = JSON.stringify(JSON.parse(text(b)), null, 1).split('\n');
    lines.splice(1 + int(rand, lines.length - 1), 0, pick(rand, ['// exported from ArcGIS', '/* comment */', '# note']));
    return bytes(lines.join('\n'));
  },
  'swapped coordinates': (b) => bytes(text(b).replace(/\[(-?\d+\.?\d*),\s*(-?\d+\.?\d*)\]/g, '[$2,$1]')),
};

/** Applies a text mutation to one entry inside a zip, then zips again. */
function insideZip(entryPattern: RegExp, mutation: Mutation): Mutation {
  return (b, rand) => {
    const entries: Record<string, Uint8Array> = unzipSync(b);
    const names = Object.keys(entries).filter((n) => entryPattern.test(n));
    if (names.length === 0) return b;
    const name = pick(rand, names);
    entries[name] = mutation(entries[name], rand);
    return zipSync(entries);
  };
}

/** TIFF tag values set to extremes (width, offsets, counts…). */
const tiffTags: Mutation = (b, rand) => {
  const out = b.slice();
  const view = new DataView(out.buffer);
  if (out.length < 16) return out;
  const ifd = view.getUint32(4, true);
  if (ifd + 2 > out.length) return out;
  const n = view.getUint16(ifd, true);
  for (let k = 1 + int(rand, 3); k > 0; k--) {
    const at = ifd + 2 + int(rand, n) * 12;
    if (at + 12 > out.length) continue;
    const field = pick(rand, [4, 8]); // count or value/offset
    view.setUint32(at + field, pick(rand, [0, 1, 2, 0x7fffffff, 0xffffffff, 65_536, out.length, out.length + 1]), true);
  }
  return out;
};

/** The mutations for a seed kind, by name. */
export function mutationsFor(kind: SeedKind): Record<string, Mutation> {
  if (kind === 'csv') return { ...anyBytes, ...anyText, ...csvText };
  if (kind === 'json') return { ...anyBytes, ...anyText, ...jsonText };
  if (kind === 'xlsx') {
    const sheet = /^xl\/(worksheets\/sheet1|sharedStrings|workbook)\.xml$/;
    const inner = Object.fromEntries(Object.entries({ ...anyBytes, ...anyText }).map(([k, m]) => [`sheet XML: ${k}`, insideZip(sheet, m)]));
    return {
      ...anyBytes,
      ...inner,
      'far row': insideZip(/sheet1\.xml$/, (b, rand) => bytes(text(b).replace('</sheetData>', `<row r="${pick(rand, [1_048_577, 5e7, 4294967296])}"><c r="A1"><v>1</v></c></row></sheetData>`))),
      // XFD itself is allowed, but not on row 1,000 (16 million cells to fill)
      'far column': insideZip(/sheet1\.xml$/, (b, rand) => bytes(text(b).replace('</sheetData>', `<row r="1000"><c r="${pick(rand, ['XFD', 'XFE', 'ZZZZZZ', 'AAAAAAAAAAAAA'])}1000"><v>1</v></c></row></sheetData>`))),
    };
  }
  if (kind === 'zip') {
    const inner = Object.fromEntries(Object.entries({ ...anyBytes, ...anyText }).map(([k, m]) => [`inside: ${k}`, insideZip(/\.(shp|dbf|prj|cpg)$/, m)]));
    return { ...anyBytes, ...inner, 'no .dbf': (b) => {
      const entries = unzipSync(b);
      for (const n of Object.keys(entries)) if (n.endsWith('.dbf')) delete entries[n];
      return zipSync(entries);
    }, 'two layers': (b) => {
      const entries = unzipSync(b);
      for (const [n, v] of Object.entries(entries)) entries[`copy/${n}`] = v;
      return zipSync(entries);
    } };
  }
  return { ...anyBytes, 'tag values': tiffTags, 'tag values ×2': (b, rand) => tiffTags(tiffTags(b, rand), rand) };
}

/** Reads `iterations` mutations of the target's seed and reports every call that broke the rules. */
export async function runFuzz(target: FuzzTarget, options: { seed: number; iterations: number; callLimitMs: number }): Promise<FuzzReport> {
  const started = performance.now();
  const rand = mulberry32(options.seed);
  const mutations = mutationsFor(target.kind);
  const names = Object.keys(mutations);
  const report: FuzzReport = { calls: 0, clean: 0, refused: 0, failures: [], slowest: { ms: 0, what: '' }, totalMs: 0 };
  const { file } = target;
  for (let i = 0; i < options.iterations; i++) {
    const mutation = names[int(rand, names.length)];
    let input: Uint8Array;
    try {
      input = mutations[mutation](target.seed, rand);
    } catch {
      input = anyBytes['byte flips'](target.seed, rand);
    }
    const what = `iteration ${i}: ${mutation} of ${file} (${input.length} bytes)`;
    const t0 = performance.now();
    try {
      const problems = await target.read(input, file);
      const unnamed = problems.find((p) => p.file !== file || !p.reason);
      if (unnamed) report.failures.push(`${what}: a problem without the file name: ${JSON.stringify(unnamed).slice(0, 200)}`);
      else report.clean++;
    } catch (e) {
      if (e instanceof DataFileError && e.problems.length > 0 && e.problems.every((p) => p.file === file && p.reason) && e.message.startsWith(`${file}: `)) report.refused++;
      else report.failures.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 400));
    }
    const ms = performance.now() - t0;
    report.calls++;
    if (ms > report.slowest.ms) report.slowest = { ms, what };
    if (ms > options.callLimitMs) report.failures.push(`${what}: took ${ms.toFixed(0)} ms`);
  }
  report.totalMs = performance.now() - started;
  return report;
}

/** One line for the test log. */
export const describeReport = (r: FuzzReport) =>
  `${r.calls} files, ${r.clean} read, ${r.refused} refused (DataFileError), ${r.failures.length} failures; slowest ${r.slowest.ms.toFixed(0)} ms (${r.slowest.what}); total ${(r.totalMs / 1000).toFixed(1)} s`;

/**
 * Files per reader (IO_FUZZ_ITERATIONS to change), the PRNG seed
 * (IO_FUZZ_SEED), and the bound on one call: a hang is caught, and the
 * largest file a mutation can make within the limits (a population polygon
 * of ~300,000 cells, ~3 s) still passes on a busy 2-core machine.
 */
const ITERATIONS = Number(process.env.IO_FUZZ_ITERATIONS ?? 1_000);
const SEED = Number(process.env.IO_FUZZ_SEED ?? 20_250_611);
const CALL_LIMIT_MS = 10_000;

/**
 * The fuzz test of one reader: the seed reads cleanly, then ITERATIONS
 * mutated files each end within CALL_LIMIT_MS in a result or a
 * DataFileError, every problem naming the file. `seedOffset` gives each
 * reader its own PRNG sequence.
 */
export function fuzzSuite(title: string, makeTarget: () => Promise<FuzzTarget>, seedOffset: number): void {
  describe(`fuzzing ${title}`, () => {
    it('reads the unmutated seed without an error', async () => {
      const target = await makeTarget();
      const problems = await target.read(target.seed, target.file);
      expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    });

    it(`ends each of ${ITERATIONS} mutated files within ${CALL_LIMIT_MS} ms in a result or a DataFileError naming the file (seed ${SEED + seedOffset})`, async () => {
      const report = await runFuzz(await makeTarget(), { seed: SEED + seedOffset, iterations: ITERATIONS, callLimitMs: CALL_LIMIT_MS });
      console.log(`${title} fuzz (seed ${SEED + seedOffset}): ${describeReport(report)}`);
      expect(report.failures).toEqual([]);
      expect(report.clean + report.refused).toBe(ITERATIONS);
      // both outcomes occur: the mutations are neither all harmless nor all fatal
      expect(report.clean).toBeGreaterThan(0);
      expect(report.refused).toBeGreaterThan(0);
    }, 180_000);
  });
}
