/** Looking words up and formatting numbers, for the UI, the exports and the CLI alike. */
import { DICTIONARIES } from './dictionaries.ts';
import type { Dictionary, Language } from './types.ts';

const merged: Record<Language, Dictionary> = {
  'zh-CN': Object.assign({}, ...DICTIONARIES.map((d) => d['zh-CN'])),
  en: Object.assign({}, ...DICTIONARIES.map((d) => d.en)),
};

/** True when a dictionary defines `key` (in zh-CN, which every key has). */
export function hasKey(key: string): boolean {
  return key in merged['zh-CN'];
}

/**
 * Looks a key up and fills `{name}` placeholders; an unknown key shows itself so it is noticed.
 * @example translate('en', 'results.within', { minutes: 14 }) // 'Within 14-minute circle'
 */
export function translate(language: Language, key: string, params?: Record<string, string | number>): string {
  const template = merged[language][key] ?? merged['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

/**
 * Locale-aware number formatting.
 * @example formatNumber('en', 422531) // '422,531'
 */
export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  const key = `${language}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits })));
  return format.format(value);
}

/** One formatter per language and precision: making one costs far more than using it (tables format thousands of figures). */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** @example formatPercent('zh-CN', 71.23) // '71.2%' */
export function formatPercent(language: Language, value: number): string {
  return `${formatNumber(language, value, 1)}%`;
}
