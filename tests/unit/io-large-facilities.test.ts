/**
 * Large facility tables: a 200,000-row CSV and a 100,000-row XLSX checked
 * against all of 泉州市 (~34,000 outline vertices) are read within the time
 * bound, and a warning on every row reaches the CLI without overflowing the
 * call stack. (The 1,000,000-row CSV is measured by scripts/bench-large-files.ts.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportData } from '../../scripts/lib/user-data.ts';
import { DataFileError } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { facilityCsv, facilityRows, fastXlsx, FACILITY_HEADER, quanzhouRegion } from '../helpers/large-files.ts';

const region = quanzhouRegion();

describe('large facility tables', () => {
  it('reads a 200,000-row CSV against the 泉州市 outline in under 15 s', async () => {
    const bytes = facilityCsv(facilityRows(200_000));
    const t0 = performance.now();
    const p = await previewFacilities(bytes, { file: 'stations-200k.csv', crs: 'GCJ02', region });
    const ms = performance.now() - t0;
    expect(p.summary).toMatchObject({ rows: 200_000, good: 200_000, rejected: 0 });
    expect(ms).toBeLessThan(15_000);
  }, 60_000);

  it('reads a 100,000-row XLSX sheet against the 泉州市 outline in under 15 s', async () => {
    const bytes = fastXlsx([FACILITY_HEADER, ...facilityRows(100_000)]);
    const t0 = performance.now();
    const p = await previewFacilities(bytes, { file: 'stations-100k.xlsx', crs: 'GCJ02', region });
    const ms = performance.now() - t0;
    expect(p.summary).toMatchObject({ rows: 100_000, good: 100_000, rejected: 0 });
    expect(ms).toBeLessThan(15_000);
  }, 60_000);

  it('passes a warning on each of 150,000 rows through the CLI loader without a stack overflow, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ems-large-'));
    const file = path.join(dir, 'no-kinds.csv');
    writeFileSync(file, facilityCsv(facilityRows(150_000, { emptyKind: true })));
    // every row imports with a 'default-kind' warning; far more stations than a scenario holds
    const error = await loadReportData(['350525'], { facilities: file, crs: 'gcj02' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).message).toMatch(/^no-kinds\.csv: file: .*150,000 usable stations/);
  }, 120_000);
});
