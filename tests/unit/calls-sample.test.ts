/**
 * The committed synthetic call files (data/samples/calls): the build makes
 * them byte for byte again from the packs and the fixed seed, and the import
 * reads the 永春县 one as its README says (GBK, GCJ-02 from the headers, 20
 * calls by township code, the deliberately bad rows refused or counted outside).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCalls } from '../../src/io/calls/read-calls.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { buildSyntheticCalls, CALLS_DIR } from '../../scripts/data/synthetic-calls.ts';
import { ROOT } from '../helpers/cli.ts';

const DATA = path.join(ROOT, 'data');

describe('the synthetic call samples', () => {
  it('are made again byte for byte from the packs and the seed', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'calls-sample-'));
    for (const f of ['packs/350525.region.zip', 'samples/andorra/population-synthetic.csv']) {
      mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
      copyFileSync(path.join(DATA, f), path.join(out, f));
    }
    const written = await buildSyntheticCalls(out);
    expect(written.map((w) => w.file.file).sort()).toEqual([`${CALLS_DIR}/README.md`, `${CALLS_DIR}/andorra-calls-synthetic.csv`, `${CALLS_DIR}/yongchun-350525-calls-synthetic.csv`]);
    for (const { file } of written) expect(readFileSync(path.join(out, file.file)).equals(readFileSync(path.join(DATA, file.file))), file.file).toBe(true);
  });

  it('the 永春县 file imports as labelled: synthetic, GBK, GCJ-02 from its headers, one year, its bad rows refused or outside', async () => {
    const region = await readRegionPack(new Uint8Array(readFileSync(path.join(DATA, 'packs/350525.region.zip'))), '350525.region.zip');
    const bytes = new Uint8Array(readFileSync(path.join(DATA, CALLS_DIR, 'yongchun-350525-calls-synthetic.csv')));
    const read = await readCalls(bytes, { file: 'yongchun-350525-calls-synthetic.csv', region });
    const dataRows = readFileSync(path.join(DATA, CALLS_DIR, 'yongchun-350525-calls-synthetic.csv'), 'latin1').trim().split('\r\n').length - 1;
    expect(read.encoding).toBe('GB18030');
    expect([read.sourceCrs, read.crsFrom]).toEqual(['GCJ02', 'header']);
    expect(read.calls).toMatchObject({ rows: dataRows, skipped: 2, outside: 2, synthetic: true, periodAssumed: false });
    expect(read.calls.total).toBe(dataRows - 4);
    expect(read.byTownship).toBe(20);
    expect(read.calls.years).toBeCloseTo(1, 2);
    expect(read.problems.filter((p) => p.code === 'bad-time').map((p) => p.value)).toEqual(['2023-02-30 08:00:00', '待补录']);
  });
});
