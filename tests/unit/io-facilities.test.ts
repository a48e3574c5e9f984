import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/core/geo.ts';
import type { Station } from '../../src/core/types.ts';
import { fromWgs84 } from '../../src/io/crs.ts';
import { DataFileError, isError } from '../../src/io/errors.ts';
import { mergeStations, previewFacilities, type FacilityPreview } from '../../src/io/facilities.ts';
import { mapKind, mapStatus } from '../../src/io/facility-vocabulary.ts';
import { regionFromOutlines } from '../../src/io/region.ts';
import { csv, gbk, utf8, utf8Bom, xlsx, yongchunOutline, yongchunSeats } from '../helpers/fixtures-files.ts';

const seats = yongchunSeats();
const outline = yongchunOutline();
const yongchun = regionFromOutlines('永春县', [outline.geometry]);
const metres = (s: Station, lng: number, lat: number) => haversineKm(s.lng, s.lat, lng, lat) * 1000;

/** Every source row is either a good station or has an error: nothing silently dropped. */
function expectAllRowsAccounted(p: FacilityPreview) {
  const rejected = new Set(p.problems.filter(isError).map((x) => x.row));
  for (const r of p.rows) {
    if (r.stationId === null) expect(rejected.has(r.row), `row ${r.row} dropped without an error`).toBe(true);
    else expect(p.good.some((s) => s.id === r.stationId)).toBe(true);
  }
  expect(p.good.length + p.rows.filter((r) => r.stationId === null).length).toBe(p.rows.length);
}

describe('facility import', () => {
  it('reads a GBK CSV with Chinese headers and GCJ-02 (AMap) coordinates of the 22 Yongchun township seats to within 5 m', async () => {
    const rows = seats.map((s, i) => {
      const [x, y] = fromWgs84(s.lng, s.lat, 'GCJ02');
      return [`YC${String(i + 1).padStart(2, '0')}`, `${s.name}卫生院`, x.toFixed(6), y.toFixed(6), '卫生院', i % 2 ? '现有' : '规划', `永春县${s.name}`];
    });
    const bytes = gbk(csv(['编号', '机构名称', '经度', '纬度', '类型', '状态', '地址'], rows));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const p = await previewFacilities(bytes, { file: '永春卫生院.csv', crs: 'GCJ02', region: yongchun });
    expect(p.detectedEncoding).toBe('GB18030');
    expect(p.sourceCrs).toBe('GCJ02');
    expect(p.columnMapping).toMatchObject({ id: '编号', name: '机构名称', lng: '经度', lat: '纬度', kind: '类型', status: '状态', address: '地址' });
    expect(p.problems.filter(isError)).toEqual([]);
    expect(p.good).toHaveLength(22);
    p.good.forEach((s, i) => {
      expect(s.id).toBe(`YC${String(i + 1).padStart(2, '0')}`);
      expect(s.name).toBe(`${seats[i].name}卫生院`);
      expect(s.kind).toBe('health-centre');
      expect(s.status).toBe(i % 2 ? 'existing' : 'proposed');
      expect(metres(s, seats[i].lng, seats[i].lat)).toBeLessThanOrEqual(5);
    });
    // read as if WGS84, the same file is hundreds of metres off: the CRS matters
    const wrong = await previewFacilities(bytes, { file: '永春卫生院.csv', crs: 'WGS84', region: yongchun });
    expect(metres(wrong.good[0], seats[0].lng, seats[0].lat)).toBeGreaterThan(300);
  });

  it('reads BD-09 (Baidu) coordinates to within 5 m, the CRS taken from a header like "经度(百度)"', async () => {
    const rows = seats.map((s) => {
      const [x, y] = fromWgs84(s.lng, s.lat, 'BD09');
      return [`${s.name}急救站`, x, y];
    });
    const p = await previewFacilities(utf8Bom(csv(['名称', '经度(百度)', '纬度(百度)'], rows)), { file: 'bd.csv', region: yongchun });
    expect(p.detectedEncoding).toBe('UTF-8 (BOM)');
    expect(p.sourceCrs).toBe('BD09');
    expect(p.crsFrom).toBe('header');
    expect(p.good).toHaveLength(22);
    p.good.forEach((s, i) => expect(metres(s, seats[i].lng, seats[i].lat)).toBeLessThanOrEqual(5));
    // with no kind/status column every row takes the defaults, and the file says so once
    expect(p.good.every((s) => s.kind === 'station' && s.status === 'existing')).toBe(true);
    expect(p.problems.map((x) => x.code)).toEqual(['default-kind', 'default-status']);
  });

  it('reads an XLSX made in the test, skipping a title line above the header, with typed numbers and Chinese kinds', async () => {
    const bytes = await xlsx([
      ['永春县急救站点一览表', null, null, null, null],
      ['站点名称', '经度', '纬度', '站点类型', '建设状态'],
      ['永春县医院（县急救中心）', seats[0].lng, seats[0].lat, '急救中心', '已建'],
      ['达埔急救站', 118.1623, 25.3099, '急救站', '拟建'],
      ['桂洋急救站', 118.071, 25.4818, '分站', '规划'],
      ['蓬壶中心卫生院', seats[5].lng, seats[5].lat, '县域医疗次中心', '停用'],
    ]);
    const p = await previewFacilities(bytes, { file: 'stations.xlsx', crs: 'WGS84', region: yongchun });
    expect(p.format).toBe('xlsx');
    expect(p.detectedEncoding).toBeNull();
    expect(p.header).toEqual(['站点名称', '经度', '纬度', '站点类型', '建设状态']);
    expect(p.good.map((s) => [s.name, s.kind, s.status])).toEqual([
      ['永春县医院（县急救中心）', 'emergency-centre', 'existing'],
      ['达埔急救站', 'station', 'proposed'],
      ['桂洋急救站', 'station', 'proposed'],
      ['蓬壶中心卫生院', 'sub-centre', 'disabled'],
    ]);
    expect(p.good[1]).toMatchObject({ lng: 118.1623, lat: 25.3099 });
    expect(p.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });

  it('reads GeoJSON points, properties as columns', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: seats.slice(0, 3).map((s, i) => ({ type: 'Feature', properties: { id: `g${i}`, name: s.name, type: 'hospital' }, geometry: { type: 'Point', coordinates: [s.lng, s.lat] } })),
    };
    const p = await previewFacilities(utf8(JSON.stringify(fc)), { file: 'h.geojson', crs: 'WGS84' });
    expect(p.format).toBe('geojson');
    expect(p.good.map((s) => [s.id, s.kind, s.lng, s.lat])).toEqual(seats.slice(0, 3).map((s, i) => [`g${i}`, 'hospital', s.lng, s.lat]));
  });

  it('reports exactly the 5 bad rows of 100, with row numbers, columns and reasons, and imports the other 95', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 1; i <= 100; i++) {
      const s = seats[i % seats.length];
      rows.push([`F${i}`, `站点${i}`, (s.lng + (i % 5) * 0.001).toFixed(6), (s.lat - (i % 3) * 0.001).toFixed(6), '急救站', '现有']);
    }
    rows[6][2] = '东经abc'; // row 7: not a number
    rows[22][3] = ''; // row 23: missing latitude
    rows[47][2] = '25.31'; // row 48: latitude in the longitude column…
    rows[47][3] = '118.16'; // …and longitude in the latitude column
    rows[60][2] = '116.397'; // row 61: Beijing, far outside Yongchun
    rows[60][3] = '39.909';
    rows[94][5] = '已拆除'; // row 95: a status we do not know
    const p = await previewFacilities(utf8(csv(['id', 'name', 'lng', 'lat', 'type', 'status'], rows)), { file: 'hundred.csv', crs: 'WGS84', region: yongchun });
    const errors = p.problems.filter(isError);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'lng', 'not-a-number'],
      [23, 'lat', 'missing-coordinates'],
      [48, 'lng/lat', 'swapped-lnglat'],
      [61, 'lng/lat', 'outside-region'],
      [95, 'status', 'unknown-status'],
    ]);
    expect(errors.every((e) => e.file === 'hundred.csv' && e.reason.length > 10)).toBe(true);
    expect(errors[0].reason).toContain('东经abc');
    expect(errors[2].fix).toMatch(/swap lng and lat/);
    expect(errors[3].reason).toContain('永春县');
    expect(errors[4].fix).toContain('规划');
    expect(p.good).toHaveLength(95);
    expect(p.summary).toMatchObject({ rows: 100, good: 95, rejected: 5 });
    expect(p.rows.filter((r) => r.stationId === null).map((r) => r.row)).toEqual([7, 23, 48, 61, 95]);
    expectAllRowsAccounted(p);

    // the suggested swap, applied
    const fixed = await previewFacilities(utf8(csv(['id', 'name', 'lng', 'lat', 'type', 'status'], rows)), { file: 'hundred.csv', crs: 'WGS84', region: yongchun, applySwapFix: true });
    expect(fixed.good.find((s) => s.id === 'F48')).toMatchObject({ lng: 118.16, lat: 25.31 });
    expect(fixed.problems.find((x) => x.row === 48)).toMatchObject({ severity: 'warning', code: 'swapped-lnglat' });
  });

  it('rejects a repeated id (suggesting a new one), warns on a repeated name and on a point just outside the region', async () => {
    const [a, b] = seats;
    const rows = [
      ['X1', '甲站', a.lng, a.lat],
      ['X1', '乙站', b.lng, b.lat],
      ['X2', '甲站', b.lng, b.lat],
      ['X3', '边界站', outline.bbox[2] + 0.05, (outline.bbox[1] + outline.bbox[3]) / 2],
    ];
    const p = await previewFacilities(utf8(csv(['编号', '名称', 'lon', 'lat'], rows)), { file: 'dup.csv', crs: 'WGS84', region: yongchun });
    expect(p.good.map((s) => s.id)).toEqual(['X1', 'X2', 'X3']);
    expect(p.problems.filter((x) => x.row > 0).map((x) => [x.row, x.code, x.severity ?? 'error'])).toEqual([
      [2, 'duplicate-id', 'error'],
      [3, 'duplicate-name', 'warning'],
      [4, 'near-region', 'warning'],
    ]);
    expect(p.problems.find((x) => x.code === 'duplicate-id')!.fix).toContain('X1-2');
    expectAllRowsAccounted(p);
  });

  it('takes the caller’s column choices, a combined 经纬度 column, DMS values, and generates ids for rows without one', async () => {
    const p = await previewFacilities(utf8(csv(['A', 'B', 'C'], [['一号站', '118°09′44″', '25°18′36″'], ['二号站', '118.2', '25.35']])), { file: 'abc.csv', crs: 'WGS84', columns: { name: 'A', lng: 'B', lat: 'C' } });
    expect(p.good.map((s) => [s.id, s.name])).toEqual([
      ['abc-1', '一号站'],
      ['abc-2', '二号站'],
    ]);
    expect(p.good[0].lng).toBeCloseTo(118 + 9 / 60 + 44 / 3600, 9);
    const q = await previewFacilities(utf8(csv(['名称', '经纬度'], [['甲', '118.1,25.3'], ['乙', '118.2 , 25.4'], ['丙', '118.2']])), { file: 'c.csv', crs: 'WGS84' });
    expect(q.columnMapping.coords).toBe('经纬度');
    expect(q.good.map((s) => [s.lng, s.lat])).toEqual([
      [118.1, 25.3],
      [118.2, 25.4],
    ]);
    expect(q.problems.filter(isError)).toMatchObject([{ row: 3, column: '经纬度', code: 'not-a-number' }]);
  });

  it('warns when the coordinate system is not stated, and refuses a file with no name or coordinate columns', async () => {
    const p = await previewFacilities(utf8(csv(['name', 'lng', 'lat'], [['a', 118.1, 25.3]])), { file: 'n.csv' });
    expect(p.sourceCrs).toBe('WGS84');
    expect(p.problems.find((x) => x.code === 'crs-assumed')).toMatchObject({ row: 0, severity: 'warning' });
    await expect(previewFacilities(utf8(csv(['名称', '电话'], [['a', '123']])), { file: 'nocoords.csv' })).rejects.toSatisfy(
      (e: unknown) => e instanceof DataFileError && e.problems.some((x) => x.row === 0 && x.code === 'missing-column' && /coordinate/.test(x.reason)),
    );
    await expect(previewFacilities(new Uint8Array([0x00, 0xff, 0x13, 0x00, 0x80, 0x81]), { file: 'junk.csv' })).rejects.toBeInstanceOf(DataFileError);
  });

  it('imports a file with one damaged byte, marking the row that holds it instead of refusing the file', async () => {
    const bytes = utf8(csv(['名称', '经度', '纬度'], seats.slice(0, 5).map((s) => [`${s.name}站`, s.lng, s.lat])));
    const at = new TextDecoder().decode(bytes).indexOf(seats[2].name);
    bytes[new TextEncoder().encode(new TextDecoder().decode(bytes).slice(0, at)).length] = 0xff;
    const p = await previewFacilities(bytes, { file: 'damaged.csv', crs: 'WGS84' });
    expect(p.good).toHaveLength(5);
    expect(p.good[2].name).toContain('\uFFFD');
    expect(p.problems.filter((x) => x.code === 'damaged-text').map((x) => [x.row, x.severity])).toEqual([
      [0, 'warning'],
      [3, 'warning'],
    ]);
  });

  it('maps Chinese and English kind and status words', () => {
    expect(['急救中心', '急救分中心', '分站', '急救站', '人民医院', '卫生院', '社区卫生服务中心', '候选', 'Hospital', 'health-centre'].map((w) => mapKind(w))).toEqual([
      'emergency-centre',
      'sub-centre',
      'station',
      'station',
      'hospital',
      'health-centre',
      'health-centre',
      'candidate',
      'hospital',
      'health-centre',
    ]);
    expect(['现有', '已建', '规划', '拟建', '在建', '停用', 'planned', 'closed'].map((w) => mapStatus(w))).toEqual(['existing', 'existing', 'proposed', 'proposed', 'proposed', 'disabled', 'proposed', 'disabled']);
    expect(mapKind('消防站')).toBeNull();
    expect(mapKind('消防站', { 消防站: 'candidate' })).toBe('candidate');
  });
});

describe('merging imported stations', () => {
  const st = (id: string, name = id): Station => ({ id, name, kind: 'station', status: 'existing', lng: 118, lat: 25 });

  it('keeps existing stations and renames clashing ids by default', () => {
    const r = mergeStations([st('a'), st('a-2')], [st('a', 'new a'), st('b')]);
    expect(r.stations.map((s) => s.id)).toEqual(['a', 'a-2', 'a-3', 'b']);
    expect(r.renamed).toEqual([{ from: 'a', to: 'a-3' }]);
    expect(r.added).toEqual(['a-3', 'b']);
  });

  it('overwrites, skips (reporting) or replaces when asked', () => {
    expect(mergeStations([st('a')], [st('a', 'new a')], { onIdClash: 'overwrite' }).stations).toEqual([st('a', 'new a')]);
    const skipped = mergeStations([st('a')], [st('a', 'new a')], { onIdClash: 'skip' });
    expect(skipped.stations).toEqual([st('a')]);
    expect(skipped.skipped).toEqual([{ id: 'a', reason: 'id "a" is already used by "a"' }]);
    expect(mergeStations([st('a')], [st('b')], { replace: true }).stations.map((s) => s.id)).toEqual(['b']);
  });
});
