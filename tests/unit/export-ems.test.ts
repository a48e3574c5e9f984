import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { EmsFigures, Fractiles } from '../../src/core/ems/types.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import { figures, type ZoneRow } from '../../src/core/tables.ts';
import { hospitalsTable, workloadTable } from '../../src/export/ems-tables.ts';
import { buildReport } from '../../src/export/report.ts';
import { ZONE_CSV_HEADER, zonesToCsv } from '../../src/export/report-csv.ts';
import { ZONE_CSV_EMS_HEADER } from '../../src/export/report-ems.ts';
import { reportToMarkdown } from '../../src/export/report-markdown.ts';
import { emsHandoutTables } from '../../src/export/snapshot/ems-handout.ts';
import { translate } from '../../src/i18n/translate.ts';
import { EXPORT_DICTIONARIES, TOWNSHIP_COLUMNS, TOWNSHIP_EMS_COLUMNS } from '../../src/export/table-vocabulary.ts';
import { tableToCsv, townshipTableCsv } from '../../src/export/tables-csv.ts';
import { townshipTableXlsx } from '../../src/export/tables-xlsx.ts';
import type { TownshipTableInput } from '../../src/export/township-table.ts';
import { cellAt, grid, stationFrom, zone } from '../helpers/tiny.ts';

const rules = makeRules();
const parseCsv = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

// Figures as the worker posts them; the exports must carry these values, rounded as the columns say, never recompute them.
const fr = (weight: number, withinTarget: number, medianMinutes: number | null, p90Minutes: number | null): Fractiles => ({ weight, withinTarget, curve: [], medianMinutes, p90Minutes, unreached: 0 });
const ems: EmsFigures = {
  calls: { total: 1460, perYear: 1460, synthetic: true, source: 'imported' },
  callCoverage: { totals: figures(rules, 1460, 1000, 0, 460, 1200), zones: [] },
  fractiles: {
    basis: 'circle-formula',
    targetMinutes: 15,
    horizonMinutes: 60,
    region: { residents: fr(51_000, 0.6039, 9.25, null), calls: fr(1460, 0.71234, 8.5, 31.04) },
    zones: [
      { code: '350525100000', name: '桃城镇', county: '350525', residents: fr(1000, 0.8, 6.123, 14.5), calls: fr(460, 0.9, 5, 12) },
      // calls not known for this zone (a pair without calls): the call columns stay empty
      { code: '350525104000', name: '达埔镇', county: '350525', residents: fr(50_000, 0.6, 10, null), calls: null },
    ],
    before: null,
  },
  workload: [
    {
      id: 's1', name: '桃城站', firstDueCells: 12, firstDuePopulation: 30_000.4, callsPerYear: 900, callsSource: 'imported', ambulances: 2, ambulancesAssumed: false,
      busyFraction: 0.0513698, ambulancesForWorkload: 1, ambulancesForRatio: 1, fractiles: { residents: fr(30_000, 0.75, 8, 20.256), calls: null },
    },
    {
      id: 's2', name: '达埔站', firstDueCells: 40, firstDuePopulation: 21_000, callsPerYear: 560.25, callsSource: 'imported', ambulances: 1, ambulancesAssumed: true,
      busyFraction: 0.0639555, ambulancesForWorkload: 1, ambulancesForRatio: 1, fractiles: { residents: fr(21_000, 0.4, 16, null), calls: null },
    },
  ],
  availability: {
    busyFraction: 0.06,
    expectedCovered: { residents: 30_000, calls: 1300 },
    backupCovered: { residents: 12_000, calls: 300 },
    fleet: { existing: 2, assumed: 1, forWorkload: 2, forRatio: 2 },
    before: null,
  },
  hospitals: [
    {
      capability: 'stroke', targetMinutes: 60, basis: 'circle-formula',
      hospitals: [{ id: 'h1', name: '永春县医院' }],
      fractiles: { residents: fr(51_000, 0.95, 22.5, 48), calls: fr(1460, 0.97, 20, 41) },
      zonesBeyond: [{ code: '350525104000', name: '达埔镇', populationBeyond: 2550, shareBeyond: 0.05 }],
      before: { hospitals: [], fractiles: { residents: fr(51_000, 0.5, 61, null), calls: null }, zonesBeyond: [] },
    },
  ],
  equity: { worstZone: { code: '350525104000', name: '达埔镇', withinTarget: 0.6, p90Minutes: null }, bestZone: { code: '350525100000', name: '桃城镇', withinTarget: 0.8, p90Minutes: 14.5 }, spread: 0.2 },
};

const zoneRow = (code: string, name: string, counts: [number, number, number, number, number]): ZoneRow => ({
  code, name, county: '350525', countyName: '永春县', areaType: 'rural', areaTypeOverridden: false, cells: 10, ...figures(rules, ...counts),
});
const table: TownshipTableInput = {
  county: { code: '350525', name: '永春县' },
  zones: [zoneRow('350525100000', '桃城镇', [1000, 800, 0, 200, 700]), zoneRow('350525104000', '达埔镇', [50_000, 30_000, 15_000, 5000, 10_000])],
  totals: figures(rules, 51_000, 30_800, 15_000, 5200, 10_700),
  populationSource: { kind: 'demo' },
  ems,
};

describe('the township table with EMS figures', () => {
  const rows = parseCsv(townshipTableCsv(table, { language: 'en' }));
  const at = (row: string[], column: string) => row[[...TOWNSHIP_COLUMNS, ...TOWNSHIP_EMS_COLUMNS].indexOf(column as never)];

  it('adds the EMS columns after the existing ones, renaming none', () => {
    expect(rows[0].slice(0, TOWNSHIP_COLUMNS.length)).toEqual(TOWNSHIP_COLUMNS.map((c) => EXPORT_DICTIONARIES.en.township[c]));
    expect(rows[0].slice(TOWNSHIP_COLUMNS.length)).toEqual(['Calls', 'Residents within target (%)', 'Residents median response time (min)', 'Residents 90th-percentile response time (min)', 'Calls within target (%)', 'Calls median response time (min)', 'Calls 90th-percentile response time (min)', 'Minutes basis']);
  });

  it('each township carries its own figures: 0.8 → 80 %, 6.123 → 6.12 min; a township without calls leaves the call columns empty', () => {
    expect([at(rows[1], 'calls'), at(rows[1], 'within_target_pct'), at(rows[1], 'residents_median_minutes'), at(rows[1], 'residents_p90_minutes')]).toEqual(['460', '80', '6.12', '14.5']);
    expect([at(rows[1], 'calls_within_target_pct'), at(rows[1], 'calls_median_minutes'), at(rows[1], 'calls_p90_minutes')]).toEqual(['90', '5', '12']);
    expect(at(rows[1], 'minutes_basis')).toBe('straight line converted with the circle formula');
    expect([at(rows[2], 'calls'), at(rows[2], 'calls_within_target_pct'), at(rows[2], 'calls_p90_minutes')]).toEqual(['', '', '']);
  });

  it('the total row carries the region: 71.234 % of calls → 71.23, a p90 over the horizon stays empty', () => {
    const total = rows[3];
    expect(at(total, 'zone_name')).toBe('Total');
    expect([at(total, 'calls'), at(total, 'within_target_pct'), at(total, 'residents_p90_minutes'), at(total, 'calls_within_target_pct'), at(total, 'calls_p90_minutes')]).toEqual(['1460', '60.39', '', '71.23', '31.04']);
  });

  it('without EMS figures the table is as before', () => {
    expect(parseCsv(townshipTableCsv({ ...table, ems: null }, { language: 'en' }))[0]).toHaveLength(TOWNSHIP_COLUMNS.length);
  });
});

describe('the station workload and hospital transport tables', () => {
  it('one row per station with its first-due area, calls, busy fraction and fleet, in Chinese', () => {
    const rows = parseCsv(tableToCsv(workloadTable(ems, { language: 'zh-CN' })));
    expect(rows[0]).toEqual(['编号', '名称', '首责区网格数', '首责区居民', '每年呼叫量', '呼叫来源', '繁忙率', '救护车(辆)', '车辆数为假设', '按工作量所需救护车(辆)', '按人口比例所需救护车(辆)', '首责区目标时间内居民占比(%)', '首责区响应时间90百分位(分钟)']);
    expect(rows[1]).toEqual(['s1', '桃城站', '12', '30000', '900', '导入', '0.051', '2', '否', '1', '1', '75', '20.26']);
    expect(rows[2]).toEqual(['s2', '达埔站', '40', '21000', '560.3', '导入', '0.064', '1', '是', '1', '1', '40', '']);
  });

  it('one row per capability with the hospitals, shares, minutes, townships beyond and before', () => {
    const rows = parseCsv(tableToCsv(hospitalsTable(ems, { language: 'zh-CN' })));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(['卒中中心', '60', '1', '永春县医院', '95', '22.5', '48', '97', '达埔镇', '50', '直线距离按急救圈公式折算']);
  });
});

describe('the township XLSX with EMS figures', () => {
  it('has the townships, workload and hospital sheets, and notes naming the synthetic calls and the assumptions', async () => {
    const blob = await townshipTableXlsx(table, { language: 'zh-CN', rules });
    const sheets = await readXlsxFile(blob);
    expect(sheets.map((s) => s.sheet)).toEqual(['各乡镇覆盖', '站点工作量', '送院时间', '说明']);
    const townships = sheets[0].data;
    expect(townships[0].slice(-8)).toEqual(TOWNSHIP_EMS_COLUMNS.map((c) => EXPORT_DICTIONARIES['zh-CN'].township[c]));
    expect(townships[1].slice(-8, -1)).toEqual([460, 80, 6.12, 14.5, 90, 5, 12]);
    expect(sheets[1].data[1].slice(0, 7)).toEqual(['s1', '桃城站', 12, 30_000, 900, '导入', 0.051]);
    const notes = sheets[3].data.map((r) => String(r[0]));
    expect(notes.some((n) => n.includes('合成呼叫'))).toBe(true);
    expect(notes.some((n) => n.startsWith('假设') && n.includes(`${rules.ems.meanJobMinutes}`))).toBe(true);
  });

  it('refuses EMS figures without the rules they were computed under', () => {
    expect(() => townshipTableXlsx(table, { language: 'en' })).toThrow(/rules/);
  });
});

describe('the CLI report lines with EMS figures', () => {
  const g = grid([{ h3: cellAt(118.3, 25.3), population: 100, zone: 'a' }], [zone('a', 'urban')]);
  const station = stationFrom('s1', cellAt(118.3, 25.3), 1);
  const { engine } = evaluate(g, { stations: [station], rules });
  const built = buildReport(engine, { county: { code: '999999', name: 'T', counties: ['999999'] }, stations: [station], baselineWithout: [], includeCells: false, bestSitesFor: 0, dataNotes: [] });
  const zoneEms: EmsFigures = { ...ems, fractiles: { ...ems.fractiles, zones: [{ ...ems.fractiles.zones[0], code: 'a' }] } };
  const report = { ...built, ems: zoneEms };
  // a report made before the EMS figures existed (an older JSON read back) has none
  const base = { ...built, ems: undefined } as unknown as typeof built;

  it('the per-zone CSV adds the EMS columns (zone and total rows), after today’s, and none without', () => {
    const rows = parseCsv(zonesToCsv(report));
    const k = ZONE_CSV_HEADER.length;
    expect(rows[0].slice(0, k)).toEqual(ZONE_CSV_HEADER);
    expect(rows[0].slice(k)).toEqual(ZONE_CSV_EMS_HEADER);
    expect(rows[1].slice(k)).toEqual(['460', '80', '6.12', '14.5', '90', '5', '12', 'circle-formula']);
    expect(rows[2].slice(k)).toEqual(['1460', '60.39', '9.25', '', '71.23', '8.5', '31.04', 'circle-formula']);
    expect(parseCsv(zonesToCsv(base))[0]).toEqual(ZONE_CSV_HEADER);
  });

  it('the Markdown has an EMS section: synthetic calls, fractiles, each station’s busy fraction, hospital transport, equity and assumptions', () => {
    const md = reportToMarkdown(report);
    expect(md).toContain('## EMS measures 院前急救指标');
    expect(md).toContain('synthetic calls (not real data)');
    expect(md).toMatch(/\| Calls 呼叫 \| 71\.2 % \| 8\.5 \| 31\.0 \|/);
    expect(md).toMatch(/\| s2 \| 达埔站 \| 21,000 \| 560\.3 \| 0\.064 \| 1 \(assumption 假设\) \| 1 \| 1 \|/);
    expect(md).toMatch(/\| stroke centre 卒中中心 \| 60 \| 1 \| 95\.0 % \| 22\.5 \| 48\.0 \| 50\.0 % \| 达埔镇 \|/);
    expect(md).toContain('Worst served: 达埔镇 (60.0 % within target)');
    expect(md).toContain(`mean job time (min): ${rules.ems.meanJobMinutes}`);
    expect(reportToMarkdown(base)).not.toContain('EMS measures');
  });
});

describe('the handout’s EMS page', () => {
  const texts = (language: 'zh-CN' | 'en') => ({
    t: (key: string, params?: Record<string, string | number>) => translate(language, key, params),
    n: (v: number, digits = 0) => v.toFixed(digits),
    pct: (v: number) => `${v.toFixed(1)} %`,
  });
  // the region's coverage by residents as the result's totals give it
  const residents = figures(rules, 51_000, 30_000, 6_000, 15_000, 28_000);

  it('lists only stations with a first-due area in the region; the others are counted in the title', () => {
    const outside = { ...ems.workload[0], id: 'next', name: '邻县卫生院', firstDueCells: 0, firstDuePopulation: 0, callsPerYear: 0 };
    const tables = emsHandoutTables({ ...ems, workload: [...ems.workload, outside] }, rules, texts('zh-CN'), residents);
    expect(tables[3].rows.map((r) => r[0])).toEqual(ems.workload.map((w) => w.name));
    expect(tables[3].title).toBe('站点工作量（繁忙率目标 0.30）；另有 1 个站点在本区域内没有首责区域，未列出');
  });

  it('coverage by residents and by calls side by side: the result’s totals and the worker’s call coverage, the calls column flagged synthetic', () => {
    const [, coverage] = emsHandoutTables(ems, rules, texts('zh-CN'), residents);
    expect(coverage.title).toBe('覆盖：居民与呼叫分列');
    expect(coverage.columns.map((c) => c.label)).toEqual(['', '居民', '呼叫 (合成)']);
    // calls: 1000 of 1460 covered = 68.5 %, 460 in a gap = 31.5 %, 1200 within the circle = 82.2 %
    expect(coverage.rows).toEqual([
      ['已覆盖', '30000 (58.8 %)', '1000 (68.5 %)'],
      ['边缘覆盖', '6000 (11.8 %)', '0 (0.0 %)'],
      ['覆盖盲区', '15000 (29.4 %)', '460 (31.5 %)'],
      ['15分钟急救圈内', '28000 (54.9 %)', '1200 (82.2 %)'],
    ]);
  });

  it('calls modelled from the rate are flagged modelled; imported real calls carry no flag', () => {
    const modelled = emsHandoutTables({ ...ems, calls: { ...ems.calls, synthetic: false, source: 'rate' } }, rules, texts('en'), residents);
    expect(modelled[0].rows[0][0]).toBe('modelled from the call rate (30.0 per 1,000 residents a year)');
    expect(modelled[1].columns[2].label).toBe('Calls (modelled)');
    const real = emsHandoutTables({ ...ems, calls: { ...ems.calls, synthetic: false } }, rules, texts('en'), residents);
    expect(real[1].columns[2].label).toBe('Calls');
  });

  it('has the calls (labelled synthetic), coverage by residents and calls, fractiles, workload, availability, hospitals, equity and assumptions, in that order', () => {
    const tables = emsHandoutTables(ems, rules, texts('zh-CN'), residents);
    expect(tables.map((t) => t.title)).toEqual(['呼叫', '覆盖：居民与呼叫分列', '响应时间（直线距离按急救圈公式折算）', '站点工作量（繁忙率目标 0.30）', '可用性', '送院时间（目标内居民占比 · 中位数 · 90百分位）', '公平性', '假设与来源']);
    expect(tables[0].rows).toEqual([['合成呼叫（非真实数据）', '1460', '1460']]);
  });

  it('carries the worker’s figures: calls 71.2 % within 15 min, p90 over the horizon named, not invented; the assumed fleet flagged', () => {
    const tables = emsHandoutTables(ems, rules, texts('en'), residents);
    expect(tables[2].rows).toEqual([
      ['Residents', '60.4 %', '9.3 min', 'over 60 min'],
      ['Calls', '71.2 %', '8.5 min', '31.0 min'],
    ]);
    expect(tables[3].rows[1]).toEqual(['达埔站', '21000', '560.3', '0.064', '1 (assumption)', '1', '1']);
    expect(tables[4].rows[0]).toEqual(['Expected coverage (MEXCLP, system busy fraction 0.060)', '30000 (58.8 %)', '1300 (89.0 %)']);
    expect(tables[5].rows[0]).toEqual(['stroke centre', '60', '1', '95.0 %', '22.5 min', '48.0 min', '50.0 %', '达埔镇']);
    expect(tables[6].rows.map((r) => r[0])).toEqual(['Worst served: 达埔镇 (60.0 % within target)', 'Best served: 桃城镇 (80.0 %)', 'Spread between townships: 20.0 percentage points']);
    // each source in the handout's language, as the rules panel words it
    expect(tables[7].rows.every((r) => r[2].startsWith('Assumption of this tool'))).toBe(true);
  });

  it('before/after rows when the scenario has a baseline', () => {
    const withBefore = { ...ems, fractiles: { ...ems.fractiles, before: { residents: fr(51_000, 0.5, 12, null), calls: null } } };
    expect(emsHandoutTables(withBefore, rules, texts('en'), residents)[2].rows.map((r) => r[0])).toEqual(['Residents · Before', 'Residents · After', 'Calls · After']);
  });
});

describe('expected coverage before/after in the outputs', () => {
  // the worker's availability with a before: the baseline's own (higher) busy fraction and its expected coverage
  const withBefore: EmsFigures = { ...ems, availability: { ...ems.availability, before: { busyFraction: 0.08, expectedCovered: { residents: 25_500, calls: 1100 } } } };
  const handoutTexts = {
    t: (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params),
    n: (v: number, digits = 0) => v.toFixed(digits),
    pct: (v: number) => `${v.toFixed(1)} %`,
  };
  const residents = figures(rules, 51_000, 30_000, 6_000, 15_000, 28_000);

  it('the handout: a before row with its own busy fraction, then the after row (25,500 of 51,000 = 50.0 %; 1,100 of 1,460 calls = 75.3 %)', () => {
    const availability = emsHandoutTables(withBefore, rules, handoutTexts, residents).find((x) => x.title === '可用性')!;
    expect(availability.rows.slice(0, 2)).toEqual([
      ['期望覆盖（考虑车辆繁忙，系统繁忙率 0.080） · 规划前', '25500 (50.0 %)', '1100 (75.3 %)'],
      ['期望覆盖（考虑车辆繁忙，系统繁忙率 0.060） · 规划后', '30000 (58.8 %)', '1300 (89.0 %)'],
    ]);
    // nothing proposed: one row, no before/after words
    const alone = emsHandoutTables(ems, rules, handoutTexts, residents).find((x) => x.title === '可用性')!;
    expect(alone.rows[0][0]).toBe('期望覆盖（考虑车辆繁忙，系统繁忙率 0.060）');
  });

  it('the CLI Markdown: before then after, each with its busy fraction', () => {
    const g = grid([{ h3: cellAt(118.3, 25.3), population: 100, zone: 'a' }], [zone('a', 'urban')]);
    const station = stationFrom('s1', cellAt(118.3, 25.3), 1);
    const { engine } = evaluate(g, { stations: [station], rules });
    const built = buildReport(engine, { county: { code: '999999', name: 'T', counties: ['999999'] }, stations: [station], baselineWithout: [], includeCells: false, bestSitesFor: 0, dataNotes: [] });
    const md = reportToMarkdown({ ...built, ems: withBefore });
    const before = md.indexOf('系统繁忙率 0.080） · Before 规划前');
    const after = md.indexOf('系统繁忙率 0.060） · After 规划后');
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(before);
    expect(md.slice(before)).toMatch(/^[^\n]*: 25,500 \(50\.0 %\) · Calls 呼叫 1,100/);
  });

  it('the XLSX notes: expected coverage before and after, with their busy fractions', async () => {
    const sheets = await readXlsxFile(await townshipTableXlsx({ ...table, ems: withBefore }, { language: 'en', rules }));
    const notes = sheets[3].data.map((r) => String(r[0]));
    expect(notes).toContain('Expected coverage · Before (MEXCLP, system busy fraction 0.08): residents 25500, calls 1100.');
    expect(notes).toContain('Expected coverage · After (MEXCLP, system busy fraction 0.06): residents 30000, calls 1300.');
  });
});
