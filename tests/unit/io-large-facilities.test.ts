/**
 * Large facility tables: a 100,000-row CSV and a 50,000-row XLSX checked
 * against all of 泉州市 (~34,000 outline vertices) are read within the time
 * bound (the station limit lifted), a problem on every row reaches the CLI
 * without overflowing the call stack, and more usable stations than a
 * scenario holds are refused with the limit. (The 1,000,000-row CSV is
 * measured with a 100,000-row XLSX by scripts/bench-large-files.ts.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportData } from '../../scripts/lib/user-data.ts';
import { DataFileError } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { cpuTime } from '../helpers/cpu-time.ts';
import { facilityCsv, facilityRows, fastXlsx, FACILITY_HEADER, quanzhouRegion } from '../helpers/large-files.ts';

const region = quanzhouRegion();

describe('large facility tables', () => {
  it('reads a 100,000-row CSV against the 泉州市 outline in under 8 s of CPU time', async () => {
    const bytes = facilityCsv(facilityRows(100_000));
    const { value: p, ms } = await cpuTime(() => previewFacilities(bytes, { file: 'stations-100k.csv', crs: 'GCJ02', region, maxStations: Infinity }));
    expect(p.summary).toMatchObject({ rows: 100_000, good: 100_000, rejected: 0 });
    expect(ms).toBeLessThan(8_000);
  }, 120_000);

  it('reads a 50,000-row XLSX sheet against the 泉州市 outline in under 8 s of CPU time', async () => {
    const bytes = fastXlsx([FACILITY_HEADER, ...facilityRows(50_000)]);
    const { value: p, ms } = await cpuTime(() => previewFacilities(bytes, { file: 'stations-50k.xlsx', crs: 'GCJ02', region, maxStations: Infinity }));
    expect(p.summary).toMatchObject({ rows: 50_000, good: 50_000, rejected: 0 });
    expect(ms).toBeLessThan(8_000);
  }, 120_000);

  it('with --skip-bad-rows passes 150,000 bad rows to the CLI as 150,000 warnings without a stack overflow', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ems-large-'));
    const file = path.join(dir, 'mostly-bad.csv');
    // all but the first 10 rows have no longitude
    writeFileSync(file, facilityCsv(facilityRows(150_010).map((r, i) => (i < 10 ? r : [r[0], r[1], 'x', r[3], r[4], r[5]]))));
    const d = await loadReportData('350500', { facilities: file, crs: 'gcj02', skipBadRows: true });
    expect(d.stations).toHaveLength(10);
    expect(d.warnings.filter((w) => /^mostly-bad\.csv: row \d+, column "经度": "x" is not a longitude/.test(w))).toHaveLength(150_000);
  }, 120_000);

  it('refuses 25,000 usable stations with the number and the limit, naming the file', async () => {
    const error = await previewFacilities(facilityCsv(facilityRows(25_000)), { file: 'all-clinics.csv', crs: 'GCJ02', region }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).problems[0].code).toBe('too-large');
    expect((error as DataFileError).message).toMatch(/^all-clinics\.csv: file: holds 25,000 usable stations \(of 25,000 rows\), more than the 20,000 a scenario/);
  }, 120_000);
});
