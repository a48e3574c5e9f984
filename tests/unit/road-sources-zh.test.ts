/**
 * Every road speed default's source has Chinese text (the Chinese page
 * carries no English gloss), and the English page shows the source as written.
 */
import { describe, expect, it } from 'vitest';
import { roadSourceText, roadSourceZh } from '../../src/i18n/road-sources.ts';
import { SNAP_DEFAULTS } from '../../src/core/roads/snap-defaults.ts';
import { CLASS_SPEEDS_KMH, DEFAULT_SPEED_MODEL, PEAK_FACTOR } from '../../src/core/roads/speeds.ts';

const sources = [
  ...Object.values(CLASS_SPEEDS_KMH).map((s) => s.source),
  ...(['postedShare', 'capKmh', 'urbanFactor', 'ruralFactor', 'scenarioFactor'] as const).map((k) => DEFAULT_SPEED_MODEL[k].source),
  PEAK_FACTOR.source,
  ...Object.values(SNAP_DEFAULTS).map((s) => (s as { source: string }).source),
].map((s) => s.replace(/^assumption:\s*/, ''));

/** English words of three letters or more, not names of software, standards or tags kept as written. */
const englishWords = (text: string) => (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !['OSRM', 'OSM', 'JTG', 'CJJ', 'BSD', 'car', 'lua', 'Itinero', 'Project', 'highway', 'road', 'res'].includes(w));

describe('road speed sources in Chinese', () => {
  it(`all ${new Set(sources).size} distinct sources have Chinese text with no English words left`, () => {
    const missing = sources.filter((s) => roadSourceZh(s) === null);
    expect(missing).toEqual([]);
    for (const s of sources) expect(englishWords(roadSourceZh(s)!), `${s} → ${roadSourceZh(s)}`).toEqual([]);
  });

  it('keeps each class’s figures: 一级公路 reads 100/80/60, 国道 “二级公路及以上：60”', () => {
    expect(roadSourceZh(CLASS_SPEEDS_KMH['一级公路'].source)).toBe('《公路工程技术标准》JTG B01-2014 设计速度，取该等级范围的最低值（保守取值）：100/80/60');
    expect(roadSourceZh(CLASS_SPEEDS_KMH['国道'].source.replace(/^assumption:\s*/, ''))).toBe('行政等级按其通常对应的技术等级（JTG B01-2014）取最低设计速度（二级公路及以上：60）');
  });

  it('English shows the source as written; an unknown source is shown as it is rather than lost', () => {
    expect(roadSourceText(DEFAULT_SPEED_MODEL.postedShare.source, 'en')).toBe(DEFAULT_SPEED_MODEL.postedShare.source);
    expect(roadSourceText('a new default', 'zh-CN')).toBe('a new default');
  });
});
