/** Strings of the coverage terms, gap areas and the explanations beside the figures. */
import type { Strings } from '../types.ts';

export const termStrings: Strings = {
  'zh-CN': {
    'gapArea.name': '{names}一带',
    'gapArea.nameMore': '{names}等{count}个乡镇一带',
    'gapArea.unnamed': '未划入乡镇的区域',
    'gapArea.others': '其他',
    'gapArea.shares': '所含乡镇人口占比',
    'zones.roundingNote': '各乡镇分别向上取整，合计{sum}辆；{scope}按总人口计{total}辆',
    'zones.scope.county': '全县',
    'zones.scope.city': '全市',
    'zones.scope.district': '全区',
  },
  en: {
    'gapArea.name': '{names} area',
    'gapArea.nameMore': '{names} area ({count} townships)',
    'gapArea.unnamed': 'Area outside any township',
    'gapArea.others': 'others',
    'gapArea.shares': 'Share of its people by township',
    'zones.roundingNote': 'Each township is rounded up on its own: {sum} in all; {scope} by its total population: {total}',
    'zones.scope.county': 'the county',
    'zones.scope.city': 'the city',
    'zones.scope.district': 'the district',
  },
};
