import { area, booleanClockwise, booleanPointInPolygon, distance, point, polygon } from '@turf/turf';
import { cellArea, cellToLatLng, gridPathCells, latLngToCell } from 'h3-js';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { CellRow } from '../../src/core/evaluate.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import { figures, type CountyRow, type ZoneRow } from '../../src/core/tables.ts';
import type { Station } from '../../src/core/types.ts';
import { downloadName, safeFileStem } from '../../src/export/download-name.ts';
import { buildReport } from '../../src/export/report.ts';
import { stationsCsv, stationsGeoJson } from '../../src/export/stations-export.ts';
import { csvBlob, townshipTableCsv } from '../../src/export/tables-csv.ts';
import { cellsGeoJson, gapsGeoJson } from '../../src/export/tables-geojson.ts';
import { EXPORT_DICTIONARIES as EXPORT_WORDS } from '../../src/export/table-vocabulary.ts';
import { townshipTableXlsx } from '../../src/export/tables-xlsx.ts';
import type { TownshipTableInput } from '../../src/export/township-table.ts';
import { toWgs84 } from '../../src/io/crs.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { grid, zone } from '../helpers/tiny.ts';

const rules = makeRules();

// A hand-made two-township table: every figure below is counted by hand.
const zoneRow = (code: string, name: string, areaType: 'urban' | 'rural', counts: [number, number, number, number, number], overridden = false): ZoneRow => ({
  code,
  name,
  county: '350525',
  countyName: '永春县',
  areaType,
  areaTypeOverridden: overridden,
  cells: 10,
  ...figures(rules, ...counts),
});
const taocheng = zoneRow('350525100000', '桃城镇', 'urban', [1000, 800, 0, 200, 700]);
// a name with a comma and quotes, to check RFC 4180 quoting
const dapu = zoneRow('350525104000', '达埔镇, "东"', 'rural', [50_000, 30_000, 15_000, 5000, 10_000], true);
const table: TownshipTableInput = {
  county: { code: '350525', name: '永春县' },
  zones: [taocheng, dapu],
  totals: figures(rules, 51_000, 30_800, 15_000, 5200, 10_700),
  populationSource: { kind: 'demo' },
};

const parseCsv = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('per-township CSV', () => {
  const csv = townshipTableCsv(table, { language: 'zh-CN' });
  const rows = parseCsv(csv);

  it('is UTF-8 with a BOM and CRLF line ends', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(5); // header, 2 townships, total, and the final line end
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('has Chinese headers and the hand-counted numbers', () => {
    expect(rows[0]).toEqual([
      '区县代码', '区县', '乡镇代码', '乡镇', '城乡类型', '类型已调整', '人口', '已覆盖人口', '覆盖率(%)', '边缘覆盖人口', '边缘覆盖占比(%)',
      '覆盖盲区人口', '覆盖盲区占比(%)', '急救圈内人口', '急救圈覆盖率(%)', '所需救护车(辆)', '所需AED(台)', '人口数据',
    ]);
    // 800 of 1,000 covered = 80 %; 1 ambulance per 30,000 and 1 AED per 10,000, rounded up
    expect(rows[1]).toEqual(['350525', '永春县', '350525100000', '桃城镇', '城区', '否', '1000', '800', '80', '0', '0', '200', '20', '700', '70', '1', '1', '由普查总数与 WorldPop 2020（10 公里）模拟的人口，非普查网格']);
    // 30,000 of 50,000 = 60 %; 50,000 residents need 2 ambulances and 5 AEDs
    expect(rows[2]).toEqual(['350525', '永春县', '350525104000', '达埔镇, "东"', '乡村', '是', '50000', '30000', '60', '15000', '30', '5000', '10', '10000', '20', '2', '5', '由普查总数与 WorldPop 2020（10 公里）模拟的人口，非普查网格']);
    // 30,800 of 51,000 = 60.39 %
    expect(rows[3]).toEqual(['350525', '永春县', '', '合计', '', '', '51000', '30800', '60.39', '15000', '29.41', '5200', '10.2', '10700', '20.98', '2', '6', '由普查总数与 WorldPop 2020（10 公里）模拟的人口，非普查网格']);
  });

  it('quotes fields with commas and quotes (RFC 4180)', () => {
    expect(csv).toContain('"达埔镇, ""东"""');
  });

  it('in English, with an imported population named instead of the modelled note', () => {
    const en = parseCsv(townshipTableCsv({ ...table, populationSource: { kind: 'imported', file: 'worldpop.tif' } }, { language: 'en' }));
    expect(en[0].slice(0, 4)).toEqual(['County code', 'County', 'Township code', 'Township']);
    expect(en[1][4]).toBe('urban');
    expect(en[1].at(-1)).toBe('imported: worldpop.tif');
    expect(en[3][3]).toBe('Total');
  });

  it('takes the caller’s dictionary (e.g. the app’s own words)', () => {
    const words = { 'zh-CN': { ...EXPORT_WORDS['zh-CN'], total: '全县合计' }, en: EXPORT_WORDS.en };
    expect(parseCsv(townshipTableCsv(table, { language: 'zh-CN', dictionaries: words }))[3][3]).toBe('全县合计');
  });

  it('adds county subtotals when the table spans several counties', () => {
    const dehua: ZoneRow = { ...taocheng, code: '350526100000', name: '浔中镇', county: '350526', countyName: '德化县' };
    const counties: CountyRow[] = [
      { county: '350525', countyName: '永春县', zones: 2, ...figures(rules, 51_000, 30_800, 15_000, 5200, 10_700) },
      { county: '350526', countyName: '德化县', zones: 1, ...figures(rules, 1000, 800, 0, 200, 700) },
    ];
    const all = parseCsv(townshipTableCsv({ ...table, county: { code: '350500', name: '泉州市' }, zones: [taocheng, dapu, dehua], counties, totals: figures(rules, 52_000, 31_600, 15_000, 5400, 11_400) }, { language: 'zh-CN' }));
    expect(all.slice(4).map((r) => [r[0], r[3], r[6]])).toEqual([
      ['350525', '永春县合计', '51000'],
      ['350526', '德化县合计', '1000'],
      ['350500', '合计', '52000'],
    ]);
  });

  it('a name that looks like a formula is written as text, not run by the spreadsheet', () => {
    const evil = parseCsv(townshipTableCsv({ ...table, zones: [{ ...taocheng, name: '=HYPERLINK("http://x","y")' }] }, { language: 'en' }));
    expect(evil[1][3]).toBe('\'=HYPERLINK("http://x","y")');
  });

  it('as a Blob to download', async () => {
    const blob = csvBlob(csv);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer())[0]).toBe(0xef);
  });
});

describe('per-township XLSX', () => {
  it('reads back (read-excel-file) with the same cells as the CSV, numbers as numbers, and a notes sheet', async () => {
    const blob = await townshipTableXlsx(table, { language: 'zh-CN', notes: ['永春县 覆盖结果 2025-01-31'] });
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a ZIP, as every XLSX
    const sheets = await readXlsxFile(blob);
    expect(sheets.map((s) => s.sheet)).toEqual(['各乡镇覆盖', '说明']);
    const data = sheets[0].data;
    const csvRows = parseCsv(townshipTableCsv(table, { language: 'zh-CN' }));
    expect(data.map((r) => r.map((v) => (v === null ? '' : String(v))))).toEqual(csvRows);
    expect(data[1][6]).toBe(1000);
    expect(data[3][8]).toBe(60.39);
    expect(sheets[1].data).toEqual([['由普查总数与 WorldPop 2020（10 公里）模拟的人口，非普查网格'], ['永春县 覆盖结果 2025-01-31']]);
  });
});

// a straight line of 11 res-9 cells (~0.35 km apart); a 0.2 km urban radius covers only the station's cell
const line = gridPathCells(latLngToCell(25.3, 118.1, 9), latLngToCell(25.3, 118.15, 9)).slice(0, 11);
const lineGrid = grid(line.map((h3, i) => ({ h3, population: i < 5 ? 10 : 20, zone: 'u' })), [zone('u', 'urban', '桃城镇')]);
const [midLat, midLng] = cellToLatLng(line[5]);
const mid: Station = { id: 'mid', name: '中间站', kind: 'station', status: 'existing', lng: midLng, lat: midLat };
const lineRules = makeRules({ urbanRadiusKm: 0.2 });

describe('GeoJSON of cells and gap groups', () => {
  it('a known res-9 cell: closed counter-clockwise [lng, lat] hexagon of ~0.2 km edges around its centre', () => {
    const h3 = latLngToCell(25.3, 118.1, 9);
    const row: CellRow = { h3, population: 12, status: 'gap', withinCircle: false, nearestStationId: null, distanceKm: null, stationsInRange: 0 };
    const fc = cellsGeoJson([row], { populationSource: { kind: 'demo' } });
    const ring = fc.features[0].geometry.coordinates[0];
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(booleanClockwise(ring)).toBe(false); // RFC 7946 right-hand rule
    // lng first: Quanzhou is at 118° E, 25° N
    for (const [lng, lat] of ring) {
      expect(lng).toBeCloseTo(118.1, 2);
      expect(lat).toBeCloseTo(25.3, 2);
    }
    // a res-9 hexagon's corners lie one edge length (~0.17–0.23 km) from its centre
    const [lat, lng] = cellToLatLng(h3);
    for (const corner of ring.slice(0, 6)) {
      const km = distance(point([lng, lat]), point(corner), { units: 'kilometers' });
      expect(km).toBeGreaterThan(0.15);
      expect(km).toBeLessThan(0.25);
    }
    expect(booleanPointInPolygon(point([lng, lat]), polygon([ring]))).toBe(true);
    expect(area(polygon([ring])) / 1e6).toBeCloseTo(cellArea(h3, 'km2'), 3);
    expect(fc.features[0].properties).toEqual({ ...row, populationModelled: true });
    expect(fc.properties).toEqual({ crs: 'WGS84', distanceUnit: 'km (geodesic)', populationSource: 'modelled from census totals and WorldPop 2020 (10 km), not a census grid', populationModelled: true });
  });

  it('per-cell status of an evaluated scenario, with the report JSON names; `only` keeps gaps', () => {
    const { engine } = evaluate(lineGrid, { stations: [mid], rules: lineRules });
    const report = buildReport(engine, { county: { code: '999999', name: 'Test county', counties: ['999999'] }, stations: [mid], baselineWithout: [], includeCells: true, bestSitesFor: 0, dataNotes: [] });
    const fc = cellsGeoJson(report.cells, { populationSource: { kind: 'imported', file: 'kontur.csv' } });
    expect(fc.features).toHaveLength(11);
    const covered = fc.features.find((f) => f.properties.h3 === line[5])!;
    expect(covered.properties).toMatchObject({ h3: line[5], population: 20, status: 'covered', nearestStationId: 'mid' });
    expect(covered.properties.distanceKm).toBeLessThan(0.001);
    expect(Object.keys(covered.properties)).toEqual(expect.arrayContaining(['h3', 'population', 'status', 'nearestStationId', 'distanceKm']));
    expect(fc.properties.populationSource).toBe('imported: kontur.csv');
    const gaps = cellsGeoJson(report.cells, { populationSource: { kind: 'demo' }, only: ['gap'] });
    expect(gaps.features).toHaveLength(10);
  });

  it('gap groups from GapGroups become closed outlines holding their cells, ranked as in the report', () => {
    const { result } = evaluate(lineGrid, { stations: [mid], rules: lineRules });
    const fc = gapsGeoJson(result.gaps, { populationSource: { kind: 'demo' }, h3: lineGrid.h3 });
    expect(fc.features.map((f) => [f.properties.rank, f.properties.population, f.properties.cellCount])).toEqual([
      [1, 100, 5],
      [2, 50, 5],
    ]);
    const [first] = fc.features;
    expect(first.geometry.type).toBe('MultiPolygon');
    if (first.geometry.type !== 'MultiPolygon') return;
    const outer = first.geometry.coordinates[0][0];
    expect(outer[0]).toEqual(outer.at(-1));
    expect(booleanClockwise(outer)).toBe(false);
    // the most populous group is the five 20-person cells east of the station
    for (const h3 of line.slice(6)) {
      const [lat, lng] = cellToLatLng(h3);
      expect(booleanPointInPolygon(point([lng, lat]), { type: 'Polygon', coordinates: first.geometry.coordinates[0] })).toBe(true);
    }
    expect(first.properties.centroid.lng).toBeGreaterThan(midLng);
    expect(first.properties).not.toHaveProperty('cells');
    expect(first.properties.populationModelled).toBe(true);
  });

  it('a report gap (no cells) is its centroid point; a worker outline is used as given', () => {
    const { engine } = evaluate(lineGrid, { stations: [mid], rules: lineRules });
    const report = buildReport(engine, { county: { code: '999999', name: 'T', counties: ['999999'] }, stations: [mid], baselineWithout: [], includeCells: false, bestSitesFor: 1, dataNotes: [] });
    const fc = gapsGeoJson(report.gaps, { populationSource: { kind: 'demo' } });
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [report.gaps[0].centroid.lng, report.gaps[0].centroid.lat] });
    expect(fc.features[0].properties.bestSite).toEqual(report.gaps[0].bestSite);
    const square = [[[[118, 25], [118.01, 25], [118.01, 25.01], [118, 25.01], [118, 25]]]];
    const outlined = gapsGeoJson([{ ...report.gaps[0], outline: square }], { populationSource: { kind: 'demo' } });
    expect(outlined.features[0].geometry).toEqual({ type: 'MultiPolygon', coordinates: square });
  });
});

describe('station list in WGS84 or GCJ-02', () => {
  const stations: Station[] = [
    { id: 'yc-centre', name: '永春县急救中心', kind: 'emergency-centre', status: 'existing', lng: 118.294, lat: 25.321, township: '350525100000', positionApproximate: true },
    { id: 'yc-dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.1623, lat: 25.3099 },
    { id: 'yc-guiyang', name: '桂洋卫生院', kind: 'health-centre', status: 'disabled', lng: 118.0123, lat: 25.6543, note: 'a, "b"' },
  ];

  it('GCJ-02 is a few hundred metres from WGS84 in Yongchun, and converts back to within a metre', () => {
    const fc = stationsGeoJson(stations, { crs: 'GCJ02' });
    expect(fc.properties.crs).toBe('GCJ-02');
    fc.features.forEach((f, k) => {
      const [lng, lat] = f.geometry.coordinates;
      const offsetM = distance(point([stations[k].lng, stations[k].lat]), point([lng, lat]), { units: 'meters' });
      expect(offsetM).toBeGreaterThan(200);
      expect(offsetM).toBeLessThan(800);
      const back = toWgs84(lng, lat, 'GCJ02');
      expect(distance(point([stations[k].lng, stations[k].lat]), point(back), { units: 'meters' })).toBeLessThan(1);
    });
    // the documented example of io/crs.ts: WGS84 (118.1623, 25.3099) ≈ GCJ-02 (118.1672, 25.3072)
    expect(fc.features[1].geometry.coordinates[0]).toBeCloseTo(118.1672, 3);
    expect(fc.features[1].geometry.coordinates[1]).toBeCloseTo(25.3072, 3);
  });

  it('WGS84 GeoJSON keeps the positions and names its CRS', () => {
    const fc = stationsGeoJson(stations, { crs: 'WGS84' });
    expect(fc.properties.crs).toBe('WGS84');
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual(stations.map((s) => [s.lng, s.lat]));
    expect(fc.features[0].properties).toEqual({ id: 'yc-centre', name: '永春县急救中心', kind: 'emergency-centre', status: 'existing', township: '350525100000', positionApproximate: true, note: null });
  });

  it('CSV names the CRS in its headers and a column', () => {
    const rows = parseCsv(stationsCsv(stations, { crs: 'GCJ02', language: 'zh-CN' }));
    expect(rows[0]).toEqual(['编号', '名称', '类型', '状态', '经度(GCJ-02)', '纬度(GCJ-02)', '坐标系', '乡镇代码', '位置近似', '备注']);
    expect(rows[1].slice(0, 4)).toEqual(['yc-centre', '永春县急救中心', '急救中心', '现有']);
    expect(rows.slice(1).map((r) => r[6])).toEqual(['GCJ-02', 'GCJ-02', 'GCJ-02']);
    const en = parseCsv(stationsCsv(stations, { crs: 'WGS84', language: 'en' }));
    expect(en[0].slice(4, 7)).toEqual(['lng (WGS84)', 'lat (WGS84)', 'crs']);
    expect(en[2].slice(0, 6)).toEqual(['yc-dapu', '达埔急救站', 'station', 'proposed', '118.1623', '25.3099']);
  });

  it('a GCJ-02 CSV goes back through the facility importer to the same stations (CRS read from the header)', async () => {
    const csv = stationsCsv(stations, { crs: 'GCJ02', language: 'zh-CN' });
    const preview = await previewFacilities(new TextEncoder().encode(csv), { file: 'stations.csv' });
    expect(preview.sourceCrs).toBe('GCJ02');
    expect(preview.crsFrom).toBe('header');
    expect(preview.good.map((s) => [s.id, s.name, s.kind, s.status])).toEqual(stations.map((s) => [s.id, s.name, s.kind, s.status]));
    preview.good.forEach((s, k) => {
      expect(distance(point([s.lng, s.lat]), point([stations[k].lng, stations[k].lat]), { units: 'meters' })).toBeLessThan(1);
    });
  });
});

describe('download file names', () => {
  it('keeps Chinese, strips what Windows forbids, adds the local date', () => {
    expect(downloadName('永春县 覆盖结果', 'csv', new Date(2025, 0, 31))).toBe('永春县 覆盖结果 2025-01-31.csv');
    expect(downloadName('方案: A/B? <最终> "版" *|\\', '.xlsx', new Date(2025, 11, 5))).toBe('方案 A B 最终 版 2025-12-05.xlsx');
    expect(safeFileStem('  ..\u0000 \u202e  ')).toBe('export');
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('报告.')).toBe('报告');
    expect(Array.from(safeFileStem('站'.repeat(300)))).toHaveLength(80);
  });
});
