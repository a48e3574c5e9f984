import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../src/i18n/index.ts';

const zh = DICTIONARIES.flatMap((d) => Object.entries(d['zh-CN']));
const en = DICTIONARIES.flatMap((d) => Object.entries(d.en));

/** Latin words the Chinese UI may carry: units, file formats, coordinate systems, keys, proper names. */
const ALLOWED_LATIN = new Set([
  'km', 'h', 'dpi', 'H3', 'h3', 'AED', 'PNG', 'PDF', 'CSV', 'XLSX', 'JSON', 'GeoJSON', 'GeoTIFF', 'Shapefile', 'ZIP', 'zip',
  'shp', 'dbf', 'prj', 'png', 'WGS84', 'CGCS2000', 'GCJ-02', 'BD-09', 'EPSG', 'GPS', 'GBK', 'UTF-8', 'WebGL', 'http', 'https', 's',
  'Ctrl', 'Shift', 'Esc', 'Z', 'Y', 'e', 'English', 'WorldPop', 'Vonng', 'adcode', 'CC', 'BY', 'population',
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
