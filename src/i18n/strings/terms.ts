/** Strings of the coverage terms, gap areas and the explanations beside the figures. */
import type { Strings } from '../types.ts';

export const termStrings: Strings = {
  'zh-CN': {},
  en: {},
};
