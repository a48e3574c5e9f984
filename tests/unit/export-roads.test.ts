/**
 * Exports on roads, checked against minutes worked out by hand: four cells
 * strung on one residential road (25 km/h, no limit posted), a station at
 * the first, 3 minutes turnout. A cell's response = 3 + road km ÷ 25 × 60,
 * the road km summed segment by segment with the haversine written here.
 */
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { cellRows, evaluate } from '../../src/core/evaluate.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { defaultReachSettings } from '../../src/core/reach-settings.ts';
import { RoadNetwork } from '../../src/core/road-network.ts';
import { RoadWaysBuilder } from '../../src/core/roads/ways.ts';
import { makeRules } from '../../src/core/rules.ts';
import { townshipTableCsv } from '../../src/export/tables-csv.ts';
import { townshipTableXlsx } from '../../src/export/tables-xlsx.ts';
import { cellsGeoJson } from '../../src/export/tables-geojson.ts';
import { responseBlock } from '../../src/export/snapshot/response-block.ts';
import type { Texts } from '../../src/export/snapshot/types.ts';
import { townshipTable } from '../../src/export/township-table.ts';
import { formatNumber, formatPercent, translate } from '../../src/i18n/index.ts';
import { grid, zone } from '../helpers/tiny.ts';

const h3 = gridDisk(latLngToCell(25.3, 118.1, 9), 1).sort().slice(0, 4);
const population = [100, 300, 400, 200];
const g = grid(
  h3.map((c, k) => ({ h3: c, population: population[k], zone: k < 2 ? 'a' : 'b' })),
  [zone('a', 'rural'), zone('b', 'rural')],
);
const centre = (c: string): [number, number] => {
  const [lat, lng] = cellToLatLng(c);
  return [lng, lat];
};

/** Great-circle km on the sphere of radius 6371.0088 km, written out again for the check. */
function byHandKm([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

// the road runs through the cells' centres in order; minutes by hand along it
const expected: number[] = [3];
for (let k = 1; k < 4; k++) expected.push(expected[k - 1] + (byHandKm(centre(h3[k - 1]), centre(h3[k])) / 25) * 60);

const zh: Texts = { t: (k, p) => translate('zh-CN', k, p), n: (v, d = 0) => formatNumber('zh-CN', v, d), pct: (v) => formatPercent('zh-CN', v) };

function scenario() {
  const b = new RoadWaysBuilder();
  b.addWay(h3.map((c) => b.addVertex(...centre(c))), 'residential', NaN, 0);
  const roads = new RoadNetwork(g, b.finish());
  const [lng, lat] = centre(h3[0]);
  const stations = [{ id: 's', name: 's', kind: 'station' as const, status: 'existing' as const, lng, lat }];
  return evaluate(g, { stations, rules: makeRules({ reach: defaultReachSettings() }) }, createReachModel(g), roads);
}

describe('exports on roads carry the minutes a by-hand graph gives', () => {
  const { engine, result } = scenario();
  const input = { county: { code: 'X', name: 'X' }, zones: result.zones, totals: result.totals, populationSource: { kind: 'demo' as const }, response: result.responseTimes };

  it('the cells GeoJSON: each cell’s minutes = 3 + road km ÷ 25 km/h', () => {
    const byH3 = new Map(cellsGeoJson(cellRows(engine), { populationSource: { kind: 'demo' } }).features.map((f) => [f.properties.h3, f.properties.minutes]));
    h3.forEach((c, k) => expect(byH3.get(c), c).toBeCloseTo(expected[k], 6));
  });

  it('the township table adds median_minutes and p90_minutes: a (100 at m0, 300 at m1) → m1, m1; b (400 at m2, 200 at m3) → m2, m3; total → m2, m3', () => {
    const table = townshipTable(input, { language: 'en' });
    expect(table.columns.slice(-3)).toEqual(['population_source', 'median_minutes', 'p90_minutes']);
    const m = (k: number) => Math.round(expected[k] * 100) / 100;
    const rows = table.rows.map((r) => [r[2], r[table.columns.indexOf('median_minutes')], r[table.columns.indexOf('p90_minutes')]]);
    expect(rows).toEqual([
      ['a', m(1), m(1)],
      ['b', m(2), m(3)],
      [null, m(2), m(3)],
    ]);
  });

  it('the Chinese CSV names the minute columns in Chinese; straight line keeps today’s columns only', () => {
    const csv = Papa.parse<string[]>(townshipTableCsv(input, { language: 'zh-CN' }).replace(/^\uFEFF/, '')).data;
    expect(csv[0].slice(-2)).toEqual(['响应时间中位数(分钟)', '响应时间90百分位(分钟)']);
    const straight = townshipTable({ ...input, response: null }, { language: 'en' });
    expect(straight.columns).not.toContain('median_minutes');
    expect(straight.columns.at(-1)).toBe('population_source');
  });

  it('the XLSX carries the same minutes and says what they mean on its notes sheet; the cells GeoJSON names the unit', async () => {
    const sheets = await readXlsxFile(await townshipTableXlsx(input, { language: 'zh-CN' }));
    const [head, ...rows] = sheets[0].data;
    expect(head.slice(-2)).toEqual(['响应时间中位数(分钟)', '响应时间90百分位(分钟)']);
    expect(rows[0].slice(-2)).toEqual([Math.round(expected[1] * 100) / 100, Math.round(expected[1] * 100) / 100]);
    expect(sheets[1].data.flat().join('\n')).toContain('空白表示 60 分钟内未到达');
    const straight = await readXlsxFile(await townshipTableXlsx({ ...input, response: null }, { language: 'zh-CN' }));
    expect(straight[1].data.flat().join('\n')).not.toContain('响应时间');
    expect(cellsGeoJson(cellRows(engine), { populationSource: { kind: 'demo' } }).properties.minutesUnit).toMatch(/minutes incl\. turnout/);
    const straightCells = cellRows(evaluate(g, { stations: [], rules: makeRules() }).engine);
    expect(cellsGeoJson(straightCells, { populationSource: { kind: 'demo' } }).properties.minutesUnit).toBeUndefined();
  });

  it('a township not reached within the horizon has empty minutes, not a number', () => {
    const unreached = { ...result.responseTimes!, zones: result.responseTimes!.zones.map((z) => (z.code === 'b' ? { ...z, medianMinutes: null, p90Minutes: null } : z)) };
    const table = townshipTable({ ...input, response: unreached }, { language: 'en' });
    expect(table.rows[1].slice(-2)).toEqual([null, null]);
  });
});

describe('the handout on roads states the curve’s figures', () => {
  it('within 15 min, median and 90th percentile as the by-hand minutes give them; before → after when there is a baseline', () => {
    const { result } = scenario();
    const r = result.responseTimes!;
    // residents reached by 15 min: every cell whose by-hand minutes are ≤ 15
    const within = h3.reduce((sum, _c, k) => sum + (expected[k] <= 15 ? population[k] : 0), 0) / 1000;
    expect(r.curve[15]).toBeCloseTo(within, 12);
    const rules = makeRules({ reach: defaultReachSettings() });
    const block = responseBlock(r, rules, zh);
    const value = (label: string) => block.rows.find((row) => row.label === label)?.value;
    expect(value('15 分钟内可及人口')).toBe(formatPercent('zh-CN', within * 100));
    expect(value('响应时间中位数')).toBe(`${formatNumber('zh-CN', expected[2], 1)} 分钟`);
    expect(value('响应时间 90 百分位')).toBe(`${formatNumber('zh-CN', expected[3], 1)} 分钟`);
    expect(value('无道路可达')).toBe('0 人');
    expect(value('交通状况')).toBe('平峰');
    // a baseline that reaches nobody: "not reached" before, the minutes after
    const withBefore = responseBlock({ ...r, before: { population: 1000, curve: new Array(61).fill(0), medianMinutes: null, p90Minutes: null, unreachedPopulation: 1000 } }, rules, zh);
    expect(withBefore.rows[1].value).toBe(`超过 60 分钟或未到达 → ${formatNumber('zh-CN', expected[2], 1)} 分钟`);
  });
});
