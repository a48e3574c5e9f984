/** What a snapshot page says: key figures from the result, legend of the visible layers, notes, options. */
import { describe, expect, it } from 'vitest';
import type { LayerKey } from '../../src/app/store.ts';
import type { ScenarioDelta } from '../../src/core/deltas.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { CoverageFigures } from '../../src/core/tables.ts';
import type { Station } from '../../src/core/types.ts';
import { buildContent, stampTime } from '../../src/export/snapshot/content.ts';
import { figureBlocks, signed } from '../../src/export/snapshot/figures.ts';
import { legendSections, type LegendInput } from '../../src/export/snapshot/legend-items.ts';
import { handoutFileName } from '../../src/export/snapshot/file-name.ts';
import { parseSnapshotOptions, snapshotDefaults } from '../../src/export/snapshot/options.ts';
import type { Texts } from '../../src/export/snapshot/types.ts';
import { COLOURS, KIND_COLOURS } from '../../src/map/layers.ts';
import { formatNumber, formatPercent, translate } from '../../src/i18n/index.ts';
import { loadPlaceNames, placeName } from '../../src/i18n/place-name.ts';

const texts = (language: 'zh-CN' | 'en'): Texts => ({
  t: (k, p) => translate(language, k, p),
  n: (v, d = 0) => formatNumber(language, v, d),
  pct: (v) => formatPercent(language, v),
});
const zh = texts('zh-CN');
const en = texts('en');

// round figures, so every line can be checked by hand
const totals: CoverageFigures = {
  population: 400_000,
  covered: 250_000,
  marginal: 100_000,
  gap: 50_000,
  withinCircle: 120_000,
  coveredPct: 62.5,
  marginalPct: 25,
  gapPct: 12.5,
  withinCirclePct: 30,
  ambulancesNeeded: 14,
  aedsNeeded: 40,
};
const delta: ScenarioDelta = {
  baselineWithout: ['yc-dapu', 'yc-guiyang'],
  covered: { before: 130_000, after: 250_000, change: 120_000 },
  marginal: { before: 150_000, after: 100_000, change: -50_000 },
  gap: { before: 120_000, after: 50_000, change: -70_000 },
  withinCircle: { before: 60_000, after: 120_000, change: 60_000 },
  zones: [],
  stations: [
    { id: 'yc-dapu', name: '达埔急救站', newlyCovered: 70_000, uniquelyCovered: 70_000 },
    { id: 'yc-guiyang', name: '桂洋急救站', newlyCovered: 50_000, uniquelyCovered: 50_000 },
  ],
};
const stations: Station[] = [
  { id: 'c', name: '县急救中心', kind: 'emergency-centre', status: 'existing', lng: 118.29, lat: 25.32, positionApproximate: true },
  { id: 'yc-dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.2, lat: 25.3 },
  { id: 'h', name: '某卫生院', kind: 'health-centre', status: 'disabled', lng: 118.1, lat: 25.4 },
];
const layers = (on: LayerKey[]): Record<LayerKey, boolean> =>
  Object.fromEntries((['population', 'status', 'gaps', 'radii', 'circles', 'stations', 'townships', 'basemap'] as LayerKey[]).map((k) => [k, on.includes(k)])) as Record<LayerKey, boolean>;
const legendInput = (on: LayerKey[], extra: Partial<LegendInput> = {}): LegendInput => ({ layers: layers(on), rules: makeRules(), stations, importedPopulation: null, highlightedGap: null, basemapHost: null, ...extra });

describe('key figures', () => {
  it('covered, marginal and gap population with shares; the headline share first', () => {
    const [main] = figureBlocks(totals, null, makeRules(), zh);
    expect(main.title).toBe('主要指标');
    expect(main.rows.map((r) => [r.label, r.value])).toEqual([
      ['覆盖率', '62.5%'],
      ['常住人口', '400,000 人'],
      ['已覆盖', '250,000 人（62.5%）'],
      ['边缘覆盖', '100,000 人（25.0%）'],
      ['覆盖盲区', '50,000 人（12.5%）'],
      ['15分钟急救圈内', '120,000 人（30.0%）'],
    ]);
    expect(main.rows[0].emphasis).toBe(true);
    expect(main.rows.find((r) => r.label === '已覆盖')?.swatch).toBe(COLOURS.covered);
  });

  it('before → after for the proposed stations, with each station\'s newly covered population', () => {
    const blocks = figureBlocks(totals, delta, makeRules(), zh);
    expect(blocks).toHaveLength(2);
    expect(blocks[1].rows.map((r) => [r.label, r.value])).toEqual([
      ['覆盖率', '32.5% → 62.5%'],
      ['已覆盖', '130,000 → 250,000（+120,000）'],
      ['边缘覆盖', '150,000 → 100,000（−50,000）'],
      ['覆盖盲区', '120,000 → 50,000（−70,000）'],
      ['达埔急救站 新增覆盖', '+70,000'],
      ['桂洋急救站 新增覆盖', '+50,000'],
    ]);
  });

  it('English uses the same numbers', () => {
    const [main, ba] = figureBlocks(totals, delta, makeRules(), en);
    expect(main.rows[2]).toMatchObject({ label: 'Covered', value: '250,000 (62.5%)' });
    expect(ba.rows[4]).toMatchObject({ label: 'Newly covered by 达埔急救站', value: '+70,000' });
  });

  it('under the lenient rural reading there is no marginal row when nobody is marginal', () => {
    const lenient = makeRules({ ruralReading: 'lenient' });
    const [main] = figureBlocks({ ...totals, marginal: 0, marginalPct: 0 }, null, lenient, zh);
    expect(main.rows.some((r) => r.label === '边缘覆盖')).toBe(false);
  });

  it('signed numbers use a real minus sign', () => {
    const n = (v: number) => formatNumber('en', v);
    expect([signed(1234, n), signed(-56, n), signed(0, n)]).toEqual(['+1,234', '−56', '0']);
  });
});

describe('legend', () => {
  it('one section per visible layer, in the map legend\'s order', () => {
    expect(legendSections(legendInput(['status']), zh).map((s) => s.title)).toEqual(['覆盖状态']);
    expect(legendSections(legendInput(['stations', 'radii', 'gaps', 'status', 'townships']), zh).map((s) => s.title)).toEqual(['站点', '服务半径', '盲区片区', '覆盖状态', '乡镇（近似边界）']);
    expect(legendSections(legendInput([]), zh)).toEqual([]);
  });

  it('status swatches carry the map\'s colours', () => {
    const [status] = legendSections(legendInput(['status']), zh);
    expect(status.items.map((i) => (i.symbol.kind === 'fill' ? i.symbol.colour : null))).toEqual([COLOURS.covered, COLOURS.marginal, COLOURS.gap]);
  });

  it('stations: the kinds of existing stations, then proposed, disabled and approximate', () => {
    const [s] = legendSections(legendInput(['stations']), zh);
    expect(s.items.map((i) => i.label)).toEqual(['急救中心', '规划', '停用', '≈ 位置近似（乡镇驻地）']);
    expect(s.items[0].symbol).toMatchObject({ kind: 'dot', fill: KIND_COLOURS['emergency-centre'] });
  });

  it('population names an imported file; a shown basemap names its host', () => {
    const [pop] = legendSections(legendInput(['population'], { importedPopulation: 'worldpop.tif' }), zh);
    expect(pop.title).toBe('人口（用户导入：worldpop.tif）');
    const [basemap] = legendSections(legendInput(['basemap'], { basemapHost: 'tile.example.org' }), zh);
    expect(basemap.note).toBe('tile.example.org');
  });
});

describe('page text', () => {
  const options = parseSnapshotOptions({}, snapshotDefaults('永春县', ['达埔急救站', '桂洋急救站'], zh));
  const content = buildContent(
    { options, date: new Date(2025, 5, 1, 9, 5), language: 'zh-CN', appName: '急救站点覆盖规划', legend: legendInput(['status', 'stations']), totals, delta, rules: makeRules(), dataSources: { population: { kind: 'demo' }, zones: { kind: 'demo' } }, gaps: [], overrides: [], withTables: false },
    zh,
  );

  it('default title from the region, subtitle with scenario and date, default footer', () => {
    expect(content.title).toBe('永春县急救站点覆盖分析');
    expect(content.subtitle).toBe('方案：现有站点 + 规划 达埔急救站、桂洋急救站　·　2025年6月1日');
    expect(content.footer).toBe('内部规划资料，非正式出版地图');
    expect(content.stamp).toBe('生成：急救站点覆盖规划 · 2025-06-01 09:05');
  });

  it('notes say the population is modelled, zones and positions approximate, coordinates WGS84, with licences', () => {
    const all = content.notes.join(' ');
    expect(all).toMatch(/CC BY 4\.0/);
    expect(all).toMatch(/普查区县总数与 WorldPop 2020（10 公里）模拟.*非普查格网/);
    expect(all).toMatch(/WorldPop \(www\.worldpop\.org\)，CC BY 4\.0/);
    expect(all).toMatch(/泰森多边形（近似/);
    expect(all).toMatch(/乡镇驻地（近似/);
    expect(all).toMatch(/WGS84（EPSG:4326）/);
  });

  it('before/after captions give each map\'s share covered', () => {
    const ba = buildContent(
      { options: { ...options, beforeAfter: true }, date: new Date(2025, 5, 1), language: 'zh-CN', appName: 'x', legend: legendInput(['gaps']), totals, delta, rules: makeRules(), dataSources: { population: { kind: 'demo' }, zones: { kind: 'demo' } }, gaps: [], overrides: [], withTables: false },
      zh,
    );
    expect(ba.captions).toEqual(['之前：不含规划站点　已覆盖 32.5%', '之后：含规划站点　已覆盖 62.5%']);
    expect(ba.legend[0].note).toBe('盲区片区轮廓与编号只画在“之后”图上');
  });

  it('imported population is named instead of the modelled note', () => {
    const c = buildContent(
      { options, date: new Date(), language: 'en', appName: 'x', legend: legendInput([]), totals, delta: null, rules: makeRules(), dataSources: { population: { kind: 'imported', file: 'kontur.csv' }, zones: { kind: 'demo' } }, gaps: [], overrides: [], withTables: false },
      en,
    );
    expect(c.notes.join(' ')).toMatch(/imported by the user from "kontur\.csv"/);
    expect(c.notes.join(' ')).not.toMatch(/modelled/);
  });

  it('stampTime pads to YYYY-MM-DD HH:mm', () => {
    expect(stampTime(new Date(2025, 0, 2, 3, 4))).toBe('2025-01-02 03:04');
  });
});

describe('options from outside', () => {
  const defaults = snapshotDefaults('永春县', [], en);
  it('fills what is missing: A4 landscape 300 dpi PNG, defaults for the texts', () => {
    expect(parseSnapshotOptions(undefined, defaults)).toEqual({ paper: 'A4', orientation: 'landscape', dpi: 300, format: 'png', title: '永春县: EMS station coverage', scenario: 'existing stations', footer: 'Internal planning material, not an officially published map', beforeAfter: false, tables: false });
  });
  it("names the region in the title as the page does: 'Yongchun 永春县' in English, 永春县 in Chinese", async () => {
    await loadPlaceNames();
    const withPlace = (language: 'zh-CN' | 'en'): Texts => ({ ...texts(language), place: (name) => placeName(name, language) });
    expect(snapshotDefaults('永春县', [], withPlace('en')).title).toBe('Yongchun 永春县: EMS station coverage');
    expect(snapshotDefaults('永春县', [], withPlace('zh-CN')).title).toBe('永春县急救站点覆盖分析');
  });
  it('names the bad field', () => {
    expect(() => parseSnapshotOptions({ paper: 'A5' }, defaults)).toThrow(/paper must be one of A4, A3, got "A5"/);
    expect(() => parseSnapshotOptions({ format: 'svg' }, defaults)).toThrow(/format must be one of png, pdf/);
    expect(() => parseSnapshotOptions({ dpi: 'high' }, defaults)).toThrow(/dpi must be a number/);
    expect(() => parseSnapshotOptions({ title: 'x'.repeat(201) }, defaults)).toThrow(/title is 201 characters/);
  });
  it('keeps text as text (no markup is interpreted) and folds newlines', () => {
    expect(parseSnapshotOptions({ title: '<b>永春</b>\n分析' }, defaults).title).toBe('<b>永春</b> 分析');
  });
  it('file names say region, single map or before/after, paper, orientation and dpi; PNG table pages their number', () => {
    const o = { beforeAfter: false, paper: 'A4', orientation: 'landscape', dpi: 300, format: 'png' } as const;
    expect(handoutFileName('永春县', o, zh)).toBe('永春县-覆盖图-A4横版-300dpi.png');
    expect(handoutFileName('永春县', { ...o, beforeAfter: true, paper: 'A3', orientation: 'portrait', dpi: 150, format: 'pdf' }, zh)).toBe('永春县-前后对比-A3竖版-150dpi.pdf');
    expect(handoutFileName('永春县', o, zh, 2)).toBe('永春县-覆盖图-A4横版-300dpi-第2页.png');
    expect(handoutFileName('永春县', { ...o, beforeAfter: true }, en)).toBe('永春县-before-after-A4-landscape-300dpi.png');
    expect(handoutFileName('永春县', o, en, 3)).toBe('永春县-coverage-map-A4-landscape-300dpi-page3.png');
    // characters Windows refuses never reach the name
    expect(handoutFileName('a/b:c', o, en)).toBe('a b c-coverage-map-A4-landscape-300dpi.png');
  });
});
