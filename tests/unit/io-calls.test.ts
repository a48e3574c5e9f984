import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { parseCallTime, periodYears } from '../../src/io/calls/call-time.ts';
import { MAX_LISTED_PROBLEMS, readCalls } from '../../src/io/calls/read-calls.ts';
import { spreadOverZones } from '../../src/io/calls/spread.ts';
import { fromWgs84 } from '../../src/io/crs.ts';
import { DataFileError } from '../../src/io/errors.ts';
import type { Region } from '../../src/io/region/types.ts';
import { csv, gbk, utf8, xlsx } from '../helpers/fixtures-files.ts';
import { tinyRegion } from '../helpers/tiny-region.ts';

/** Seven res-9 cells near Yongchun: township 350525100000 holds the first three (1, 2 and 3 residents), 350525101000 the other four (nobody). */
function sevenCells(): Region {
  const h3 = gridDisk(latLngToCell(25.3, 118.2, 9), 1).sort();
  const population = new Float64Array([1, 2, 3, 0, 0, 0, 0]);
  const zone = new Int32Array([0, 0, 0, 1, 1, 1, 1]);
  const base = tinyRegion();
  return {
    ...base,
    name: '七格',
    zones: [
      { ...base.zones[0], code: '350525100000', name: '甲镇' },
      { ...base.zones[1], code: '350525101000', name: '乙镇' },
    ],
    cells: { h3, population, zone },
  };
}

/** A cell's centre in GCJ-02, as AMap would give it. */
const gcjCentre = (h3: string) => {
  const [lat, lng] = cellToLatLng(h3);
  return fromWgs84(lng, lat, 'GCJ02').map((v) => v.toFixed(7));
};

describe('reading a call file into calls per cell', () => {
  it('counts six GBK rows in GCJ-02 into the cells they were made at (two in one cell)', async () => {
    const region = sevenCells();
    const h3 = region.cells.h3;
    const at = [0, 0, 2, 4, 5, 6];
    const rows = at.map((i, k) => [...gcjCentre(h3[i]), `2023-0${k + 1}-01 08:00`, k % 2 === 0 ? '一级' : '二级']);
    const bytes = gbk(csv(['经度', '纬度', '呼救时间', '优先级'], rows));
    const read = await readCalls(bytes, { file: 'calls.csv', region, crs: 'GCJ02' });
    expect(read.encoding).toBe('GB18030');
    expect([...read.calls.perCell]).toEqual([2, 0, 1, 0, 1, 1, 1]);
    expect(read.calls).toMatchObject({ total: 6, outside: 0, rows: 6, skipped: 0, synthetic: false, periodAssumed: false });
    expect(read.byPriority).toEqual({ 一级: 3, 二级: 3 });
    expect(read.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('takes the coordinate system from a header such as 经度(高德)', async () => {
    const region = sevenCells();
    const [lng, lat] = gcjCentre(region.cells.h3[3]);
    const read = await readCalls(utf8(csv(['经度(高德)', '纬度(高德)'], [[lng, lat]])), { file: 'a.csv', region });
    expect(read.sourceCrs).toBe('GCJ02');
    expect(read.crsFrom).toBe('header');
    expect(read.calls.perCell[3]).toBe(1);
  });

  it('spreads calls known by township code over its cells by residents: 6 calls over 1, 2, 3 residents give 1, 2, 3; 4 over a township of nobody give 1 each', async () => {
    const region = sevenCells();
    const rows = [...Array(6).fill(['350525100']), ...Array(4).fill(['350525101000'])];
    const read = await readCalls(utf8(csv(['乡镇代码'], rows)), { file: 't.csv', region });
    expect([...read.calls.perCell]).toEqual([1, 2, 3, 1, 1, 1, 1]);
    expect(read.byTownship).toBe(10);
    expect(read.calls.total).toBe(10);
    expect(read.sourceCrs).toBeNull();
  });

  it('spreadOverZones by hand: a zone of 10 and 30 residents shares 8 calls as 2 and 6; a zone without cells is returned unplaced', () => {
    const perCell = new Float64Array(3);
    const unplaced = spreadOverZones(new Float64Array([8, 0, 5]), { population: new Float64Array([10, 30, 7]), zone: new Int32Array([0, 0, 1]) }, perCell);
    expect([...perCell]).toEqual([2, 6, 0]);
    expect(unplaced).toBe(5);
  });

  it('names each bad row by row and column, refuses it, and still counts a call whose time is unreadable', async () => {
    const region = sevenCells();
    const [lng, lat] = gcjCentre(region.cells.h3[1]);
    const rows = [
      [lng, lat, '2023-01-01 00:10', ''], // 1 good
      ['', '', '2023-01-02 00:10', ''], // 2 no coordinates, no township
      ['abc', lat, '2023-01-03', ''], // 3 not a number
      ['0', '0', '2023-01-04', ''], // 4 zero
      [lat, lng, '2023-01-05', ''], // 5 swapped
      ['', '', '2023-01-06', '999999999999'], // 6 unknown township
      [lng, lat, '2023-13-40', ''], // 7 bad time: counted, warned
      ['118.9', '25.3', '2023-01-08', ''], // 8 ~70 km east: outside, counted
    ];
    const read = await readCalls(utf8(csv(['lng', 'lat', 'time', '乡镇代码'], rows)), { file: 'bad.csv', region, crs: 'GCJ02' });
    const listed = read.problems.filter((p) => p.row > 0).map((p) => [p.row, p.column, p.code, p.severity ?? 'error']);
    expect(listed).toEqual([
      [2, 'lng/lat', 'missing-coordinates', 'error'],
      [3, 'lng', 'not-a-number', 'error'],
      [4, 'lng/lat', 'zero-coordinates', 'error'],
      [5, 'lng/lat', 'swapped-lnglat', 'error'],
      [6, '乡镇代码', 'unknown-township', 'error'],
      [7, 'time', 'bad-time', 'warning'],
      [8, 'lng/lat', 'outside-region', 'warning'],
    ]);
    expect(read.calls).toMatchObject({ rows: 8, skipped: 5, total: 2, outside: 1 });
    expect(read.calls.perCell[1]).toBe(2);
    expect(read.problems.find((p) => p.row === 5)!.fix).toMatch(/swap lng and lat/);
  });

  it('takes the period from the call times: a year of daily calls is 365 days over 365.25; without times it is 1 year, assumed', async () => {
    const region = sevenCells();
    const [lng, lat] = gcjCentre(region.cells.h3[0]);
    const timed = await readCalls(utf8(csv(['lng', 'lat', '时间'], [[lng, lat, '2023/12/31 23:59'], [lng, lat, '2023年1月1日 0时5分'], [lng, lat, '2023-06-01']])), { file: 'a.csv', region, crs: 'GCJ02' });
    expect(timed.calls.years).toBe(365 / 365.25);
    expect(timed.calls.periodAssumed).toBe(false);
    const untimed = await readCalls(utf8(csv(['lng', 'lat'], [[lng, lat]])), { file: 'a.csv', region, crs: 'GCJ02' });
    expect(untimed.calls).toMatchObject({ years: 1, periodAssumed: true });
  });

  it('reads the time formats dispatch systems export', () => {
    const jan5 = Date.UTC(2023, 0, 5, 8, 12);
    expect(parseCallTime('2023-01-05 08:12:00')).toBe(jan5);
    expect(parseCallTime('2023/1/5 8:12')).toBe(jan5);
    expect(parseCallTime('2023年1月5日 8时12分')).toBe(jan5);
    expect(parseCallTime('2023-01-05T16:12:00+08:00')).toBe(jan5);
    expect(parseCallTime('202301050812')).toBe(jan5);
    expect(parseCallTime(String(jan5 / 1000))).toBe(jan5);
    expect(parseCallTime('44931.3416666667')).toBe(jan5); // Excel serial day
    expect(parseCallTime('2023-02-29 08:00')).toBeNaN();
    expect(parseCallTime('昨天')).toBeNaN();
    expect(periodYears(Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31, 23))).toBe(366 / 365.25);
  });

  it('reads an XLSX sheet (times as dates) into the same cells as the CSV', async () => {
    const region = sevenCells();
    const h3 = region.cells.h3;
    const rows = [0, 3, 3, 6].map((i) => [...gcjCentre(h3[i]).map(Number), '2023-03-01 10:00']);
    const fromCsv = await readCalls(utf8(csv(['经度', '纬度', '呼救时间'], rows)), { file: 'a.csv', region, crs: 'GCJ02' });
    const fromXlsx = await readCalls(await xlsx([['经度', '纬度', '呼救时间'], ...rows]), { file: 'a.xlsx', region, crs: 'GCJ02' });
    expect(fromXlsx.format).toBe('xlsx');
    expect([...fromXlsx.calls.perCell]).toEqual([1, 0, 0, 2, 0, 0, 1]);
    expect([...fromXlsx.calls.perCell]).toEqual([...fromCsv.calls.perCell]);
  });

  it('refuses a file with no call placed in the region, naming the file and the refused rows', async () => {
    const region = sevenCells();
    const bytes = utf8(csv(['lng', 'lat', 'time'], [['', '', '2023-01-01'], ['118.9', '25.3', '2023-01-02']]));
    const err = await readCalls(bytes, { file: 'far.csv', region, crs: 'WGS84' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as DataFileError).message).toMatch(/^far\.csv: row 1, column "lng\/lat": empty coordinates/);
    expect((err as DataFileError).message).toMatch(/far\.csv: file: has no call placed in 七格: 2 rows read, 1 refused, 1 outside the region/);
  });

  it('refuses a file with neither coordinates nor township codes', async () => {
    await expect(readCalls(utf8(csv(['时间', '结果'], [['2023-01-01', '送院']])), { file: 'x.csv', region: sevenCells() })).rejects.toThrow(/x\.csv: .*no coordinate columns and no township code column/);
  });

  it('labels the calls synthetic when the file name says so', async () => {
    const region = sevenCells();
    const [lng, lat] = gcjCentre(region.cells.h3[0]);
    const read = await readCalls(utf8(csv(['lng', 'lat'], [[lng, lat]])), { file: 'calls-synthetic.csv', region, crs: 'GCJ02' });
    expect(read.calls.synthetic).toBe(true);
  });

  it(`lists the first ${MAX_LISTED_PROBLEMS} row problems and counts the rest`, async () => {
    const region = sevenCells();
    const [lng, lat] = gcjCentre(region.cells.h3[0]);
    const rows = [[lng, lat], ...Array.from({ length: MAX_LISTED_PROBLEMS + 5 }, () => ['x', 'y'])];
    const read = await readCalls(utf8(csv(['lng', 'lat'], rows)), { file: 'a.csv', region, crs: 'GCJ02' });
    expect(read.problems.filter((p) => p.row > 0)).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(read.unlisted).toBe(5);
    expect(read.calls.skipped).toBe(MAX_LISTED_PROBLEMS + 5);
  });

  it('stops a long read between slices when cancelled, after reporting progress', async () => {
    const region = sevenCells();
    const [lng, lat] = gcjCentre(region.cells.h3[0]);
    const bytes = utf8(csv(['lng', 'lat'], Array.from({ length: 120_000 }, () => [lng, lat])));
    const controller = new AbortController();
    const fractions: number[] = [];
    const onProgress = (f: number) => {
      fractions.push(f);
      controller.abort();
    };
    await expect(readCalls(bytes, { file: 'big.csv', region, crs: 'GCJ02', signal: controller.signal, onProgress })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fractions).toHaveLength(1);
    expect(fractions[0]).toBeGreaterThan(0.3);
    expect(fractions[0]).toBeLessThan(0.5);
  });
});
