import { beforeAll, describe, expect, it } from 'vitest';
import type { GapTownship } from '../../src/core/gaps.ts';
import { gapAreaName, gapAreaShares, loadPlaceNames, placeName, romanisePlace } from '../../src/i18n/index.ts';

const t = (name: string, population: number): GapTownship => ({ code: name, name, population });

describe('place names: pinyin beside the Chinese in English', () => {
  beforeAll(() => loadPlaceNames());
  it('reads township names as their road signs do, without the suffix', () => {
    expect(placeName('一都镇', 'en')).toBe('Yidu 一都镇'); // 都 is du in place names, not dou
    expect(placeName('横口乡', 'en')).toBe('Hengkou 横口乡');
    expect(placeName('五里街镇', 'en')).toBe('Wulijie 五里街镇');
    expect(placeName('厦港街道', 'en')).toBe('Xiagang 厦港街道'); // 厦 is xia in Fujian's names, not sha
    expect(romanisePlace('西安')).toBe("Xi'an");
  });
  it('leaves Chinese as written in zh-CN, and names without Chinese characters as they are', () => {
    expect(placeName('一都镇', 'zh-CN')).toBe('一都镇');
    expect(placeName('Zone A', 'en')).toBe('Zone A');
  });
});

describe('gap area names by the townships they span', () => {
  it('names the townships holding ≥ 10 % of its people, most first', () => {
    const ts = [t('一都镇', 600), t('横口乡', 250), t('玉斗镇', 100), t('锦斗镇', 50)];
    expect(gapAreaName(ts, 1000, 'zh-CN')).toBe('一都–横口–玉斗一带');
    expect(gapAreaShares(ts, 1000, 'zh-CN')).toBe('一都镇 60% · 横口乡 25% · 玉斗镇 10% · 其他 5%');
  });
  it('names at most 3, then says how many townships it touches', () => {
    const ts = [t('甲镇', 30), t('乙乡', 25), t('丙镇', 25), t('丁镇', 20)];
    expect(gapAreaName(ts, 100, 'zh-CN')).toBe('甲–乙–丙等4个乡镇一带');
  });
  it('a township with < 10 % is left out of the name; one name when one township holds nearly all', () => {
    expect(gapAreaName([t('石鼓镇', 995), t('东平镇', 5)], 1000, 'zh-CN')).toBe('石鼓一带');
    expect(gapAreaShares([t('石鼓镇', 995), t('东平镇', 5)], 1000, 'zh-CN')).toBe('石鼓镇 100% · 其他 1%');
  });
  it('in English: pinyin, then the Chinese', async () => {
    await loadPlaceNames();
    expect(gapAreaName([t('一都镇', 77), t('横口乡', 23)], 100, 'en')).toBe('Yidu–Hengkou (一都–横口) area');
    expect(gapAreaShares([t('一都镇', 77), t('横口乡', 23)], 100, 'en')).toBe('Yidu 一都镇 77% · Hengkou 横口乡 23%');
  });
});
