import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../src/i18n/index.ts';

const zh = DICTIONARIES.flatMap((d) => Object.entries(d['zh-CN']));
const en = DICTIONARIES.flatMap((d) => Object.entries(d.en));

/** Latin words the Chinese UI may carry: units, file formats, coordinate systems, keys, proper names. */
const ALLOWED_LATIN = new Set([
  'km', 'h', 'dpi', 'H3', 'h3', 'AED', 'PNG', 'PDF', 'CSV', 'XLSX', 'JSON', 'GeoJSON', 'GeoTIFF', 'Shapefile', 'ZIP', 'zip',
  'shp', 'dbf', 'prj', 'png', 'WGS84', 'CGCS2000', 'GCJ-02', 'BD-09', 'EPSG', 'GPS', 'GBK', 'UTF-8', 'WebGL', 'http', 'https', 's',
  'Ctrl', 'Shift', 'Esc', 'Z', 'Y', 'e', 'English', 'WorldPop', 'www.worldpop.org', 'Vonng', 'adcode', 'CC', 'BY', 'population',
  // names of data products, formats and tools a planner knows them by
  'DataV', 'GHS-POP', 'GeoParquet', 'QGIS', 'DuckDB', 'region.zip',
  // road data: OpenStreetMap, its extract formats and where planners download them
  'OpenStreetMap', 'Geofabrik', 'osm', 'osm.pbf',
]);

describe('one term per concept', () => {
  it('the Chinese dictionaries never say 未覆盖, 缺口, 拟建 or 未启用, and 盲区 only as 覆盖盲区 or 盲区片区', () => {
    const offending = zh.filter(([, v]) => /未覆盖|缺口|拟建|未启用/.test(v) || /盲区/.test(v.replace(/覆盖盲区|盲区片区/g, '')));
    expect(offending).toEqual([]);
  });
  it('the English dictionaries say covered / marginal / gap (gap area), never "uncovered" or "gap group"', () => {
    expect(en.filter(([, v]) => /uncovered|gap group/i.test(v))).toEqual([]);
  });
  it('the status words are 现有 / 规划 / 停用 wherever a station status is named', () => {
    const status = zh.filter(([k]) => /(^|\.)status\.(existing|proposed|disabled)$|stationStatus\./.test(k)).map(([, v]) => v);
    expect(new Set(status)).toEqual(new Set(['现有', '规划', '停用']));
  });
  it('the Chinese UI carries no English glosses: Latin words only from the allowed units, formats and names', () => {
    const words = zh.flatMap(([k, v]) => (v.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z0-9._-]*/g) ?? []).map((w) => `${k}: ${w}`));
    expect(words.length).toBeGreaterThan(0); // the scan finds the allowed ones (km, AED…), so it reads the words at all
    expect(words.filter((kw) => !ALLOWED_LATIN.has(kw.split(': ')[1]))).toEqual([]);
  });
});

describe('the words of travel on roads: 路网 / road network, 响应时间 / response time, 无道路可达 / no road access, 高峰/平峰 / peak/off-peak', () => {
  const zhOf = new Map(zh);
  const enOf = new Map(en);
  const term = (k: string) => [zhOf.get(`term.${k}`)!, enOf.get(`term.${k}`)!] as const;

  it('the glossary holds each pair', () => {
    expect([term('roadNetwork'), term('responseTime'), term('noRoadAccess'), term('peak'), term('offPeak')]).toEqual([
      ['路网', 'road network'],
      ['响应时间', 'response time'],
      ['无道路可达', 'no road access'],
      ['高峰', 'peak'],
      ['平峰', 'off-peak'],
    ]);
  });

  it('no other word for them: never 道路网, 路网络, 反应时间, 不可达, 无路可达, 非高峰, 低峰; never "road graph", "reaction time", "rush hour", "off peak", "non-peak"', () => {
    expect(zh.filter(([, v]) => /道路网|路网络|反应时间|不可达|无路可达|非高峰|低峰/.test(v))).toEqual([]);
    expect(en.filter(([, v]) => /road graph|reaction time|rush hour|off peak|non-peak|offpeak/i.test(v))).toEqual([]);
  });

  it('where the Chinese says a term, the English of the same string says its pair', () => {
    const pairs: [RegExp, RegExp][] = [
      [/无道路可达/, /no road access/i],
      [/响应时间/, /response[ -]time/i],
      [/平峰/, /off-peak/i],
      [/(?<!平)高峰/, /(?<!off-)peak/i],
      [/路网/, /road network|roads/i],
    ];
    const offending = pairs.flatMap(([z, e]) => zh.filter(([k, v]) => z.test(v) && !e.test(enOf.get(k) ?? '')).map(([k]) => `${k}: ${z}`));
    expect(offending).toEqual([]);
    // the check reads the road strings at all
    expect(zh.filter(([, v]) => /路网/.test(v)).length).toBeGreaterThan(5);
  });
});

describe('rule sources cite documents an official can quote', () => {
  it('every source names a document, never a seed file; the radius and ratios cite 泉政办〔2024〕15号 and the Jinjiang plan §三.3(2)', async () => {
    const { RULE_SOURCES } = await import('../../src/core/rules.ts');
    for (const [rule, source] of Object.entries(RULE_SOURCES)) {
      expect(source.document, rule).not.toMatch(/\.txt|[0-9a-f]{16}/);
      expect(source.quote, rule).toMatch(/\p{Script=Han}/u);
      // no English glosses in the quoted passage
      expect(source.quote.replace(/km\/h|km|AED/g, ''), rule).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(RULE_SOURCES.urbanRadiusKm.document).toContain('泉政办〔2024〕15号');
    expect(RULE_SOURCES.ruralStrictRadiusKm.document).toContain('泉政办〔2024〕15号');
    expect(RULE_SOURCES.residentsPerAmbulance.document).toContain('晋江市“十四五”卫生健康事业发展专项规划》§三.3(2)');
  });
});
