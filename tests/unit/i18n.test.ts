import { describe, expect, it } from 'vitest';
import { DICTIONARIES, formatNumber, translate } from '../../src/i18n/index.ts';

describe('i18n', () => {
  it('every dictionary has the same keys in zh-CN and en, none empty', () => {
    for (const d of DICTIONARIES) {
      expect(Object.keys(d.en).sort()).toEqual(Object.keys(d['zh-CN']).sort());
      for (const value of [...Object.values(d.en), ...Object.values(d['zh-CN'])]) expect(value.trim()).not.toBe('');
    }
  });
  it('no key is defined twice across dictionaries', () => {
    const keys = DICTIONARIES.flatMap((d) => Object.keys(d['zh-CN']));
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'results.within', { minutes: 14 })).toBe('Within 14-minute circle');
    expect(translate('zh-CN', 'results.within', { minutes: 15 })).toBe('15分钟急救圈内');
    expect(formatNumber('en', 422531)).toBe('422,531');
  });
});
