/** Strings of the map, its legend and layer toggles. */
import type { Strings } from '../i18n.ts';

export const mapStrings: Strings = {
  'zh-CN': {},
  en: {},
};
