/**
 * Calls through the worker's import and the CLI's --calls: the same file
 * gives the same calls per cell (both go through readRegionCalls), a refused
 * file keeps the calls already open, and removing them leaves the region as
 * it was. The region is the hand-made tiny one (tests/helpers/tiny-region.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cellToLatLng } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { fromWgs84 } from '../../src/io/crs.ts';
import { writeRegionPack } from '../../src/io/region/pack-write.ts';
import { CoverageService } from '../../src/worker/coverage-service.ts';
import { ImportService } from '../../src/worker/import-service.ts';
import { regionFromOptions } from '../../scripts/lib/region-options.ts';
import { runScript } from '../helpers/cli.ts';
import { csv, gbk, utf8 } from '../helpers/fixtures-files.ts';
import { tinyRegion } from '../helpers/tiny-region.ts';

const noProgress = () => {};

/** Calls at the GCJ-02 centres of cells 0, 5, 5, 40 and 90, one row without a place, one 70 km away, and two by township code. */
function callFile(h3: string[]): Uint8Array {
  const at = (i: number) => {
    const [lat, lng] = cellToLatLng(h3[i]);
    return fromWgs84(lng, lat, 'GCJ02').map((v) => v.toFixed(7));
  };
  const places = [at(0), at(5), at(5), at(40), at(90), ['', '', ''], ['118.9', '25.3', ''], ['', '', 'Z-east'], ['', '', 'Z-east']];
  const rows = places.map(([x, y, code = ''], k) => [x, y, `2023-${String(1 + k).padStart(2, '0')}-10 09:00`, code]);
  return gbk(csv(['经度', '纬度', '呼救时间', '乡镇代码'], rows));
}

function service() {
  const region = tinyRegion();
  const coverage = new CoverageService(async () => new Uint8Array(0));
  coverage.openRegion(region);
  coverage.evaluate(region.stations, makeRules({}), { seq: 1 });
  return { region, coverage, imports: new ImportService(coverage) };
}

describe('calls through the worker and the CLI', () => {
  it('the worker and the CLI place the same file in the same cells', async () => {
    const { region, coverage, imports } = service();
    const bytes = callFile(region.cells.h3);
    const imported = await imports.importCalls('c1', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'calls.csv', { crs: 'GCJ02' }, noProgress);
    expect(imported.calls).toMatchObject({ total: 7, outside: 1, rows: 9, skipped: 1, byTownship: 2 });
    expect(imported.dataset.region.calls).toMatchObject({ total: 7, outside: 1, synthetic: false });
    expect(imported.dataset.region.calls).not.toHaveProperty('perCell');
    const fromWorker = coverage.region().calls!.perCell;
    expect([0, 5, 40, 90].map((i) => fromWorker[i] - (i === 5 ? 2 : 1) - (region.cells.zone[i] === 1 ? 2 * region.cells.population[i] / eastPopulation(region) : 0))).toEqual([0, 0, 0, 0].map(() => expect.closeTo(0, 12)));

    const dir = mkdtempSync(path.join(tmpdir(), 'calls-'));
    writeFileSync(path.join(dir, 'tiny.region.zip'), writeRegionPack(region));
    writeFileSync(path.join(dir, 'calls.csv'), bytes);
    const cli = await regionFromOptions({ pack: path.join(dir, 'tiny.region.zip'), calls: path.join(dir, 'calls.csv'), 'calls-crs': 'gcj02' });
    expect([...cli.region.calls!.perCell]).toEqual([...fromWorker]);
    expect(cli.warnings[0]).toMatch(/^calls\.csv: row 6, column "经度\/纬度": no coordinates and no township code/);

    const report = runScript('scripts/report.ts', ['--pack', path.join(dir, 'tiny.region.zip'), '--calls', path.join(dir, 'calls.csv'), '--calls-crs', 'gcj02']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("Calls: calls.csv: 7 placed in the region's cells, 1 outside, 1 rows refused of 9");
    expect(report.stdout).toContain('2 placed by township code');
  });

  it('a refused file keeps the open calls; removing them leaves the region without calls, its cells unchanged', async () => {
    const { region, coverage, imports } = service();
    await imports.importCalls('c1', new Blob([callFile(region.cells.h3) as Uint8Array<ArrayBuffer>]), 'calls.csv', { crs: 'GCJ02' }, noProgress);
    const before = coverage.region().calls!;
    const far = utf8(csv(['lng', 'lat'], [['118.9', '25.3']]));
    await expect(imports.importCalls('c2', new Blob([far as Uint8Array<ArrayBuffer>]), 'far.csv', {}, noProgress)).rejects.toThrow(/^far\.csv: file: has no call placed in 示例区域/);
    expect(coverage.region().calls).toBe(before);
    const dataset = coverage.setCalls(null);
    expect(coverage.region().calls).toBeUndefined();
    expect(dataset.region.calls).toBeNull();
    expect([...dataset.population]).toEqual([...region.cells.population]);
  });

  it('a cancelled import rejects with an AbortError and keeps the region as it was', async () => {
    const { region, coverage, imports } = service();
    const [lat, lng] = cellToLatLng(region.cells.h3[0]);
    // more rows than one slice of the streamed read, so the read pauses and sees the cancel
    const big = utf8(csv(['lng', 'lat'], Array.from({ length: 120_000 }, () => [lng.toFixed(6), lat.toFixed(6)])));
    const running = imports.importCalls('c3', new Blob([big as Uint8Array<ArrayBuffer>]), 'big.csv', { crs: 'WGS84' }, noProgress);
    imports.cancelImport('c3');
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(coverage.region().calls).toBeUndefined();
  });

  it('the CLI refuses --calls-crs without --calls, and an unknown CRS', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calls-'));
    writeFileSync(path.join(dir, 'tiny.region.zip'), writeRegionPack(tinyRegion()));
    await expect(regionFromOptions({ pack: path.join(dir, 'tiny.region.zip'), 'calls-crs': 'gcj02' })).rejects.toThrow('--calls-crs needs --calls <file>.');
    writeFileSync(path.join(dir, 'c.csv'), 'lng,lat\n118.2,25.3\n');
    await expect(regionFromOptions({ pack: path.join(dir, 'tiny.region.zip'), calls: path.join(dir, 'c.csv'), 'calls-crs': 'mercator' })).rejects.toThrow('--calls-crs must be wgs84, gcj02 or bd09, got "mercator".');
  });
});

function eastPopulation(region: ReturnType<typeof tinyRegion>): number {
  let sum = 0;
  region.cells.zone.forEach((z, i) => {
    if (z === 1) sum += region.cells.population[i];
  });
  return sum;
}
