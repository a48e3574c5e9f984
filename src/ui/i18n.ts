/**
 * Every string of the UI goes through here: zh-CN by default, English on
 * request. Dictionaries live in ./strings/*.ts, one per part of the UI, each
 * with the same keys in both languages (a test checks they match).
 */
import { useStore, type Language } from '../app/store.ts';
import { appStrings } from './strings/app.ts';
import { cardStrings } from './strings/cards.ts';
import { exportStrings } from './strings/export.ts';
import { importStrings } from './strings/import.ts';
import { mapStrings } from './strings/map.ts';
import { scenarioStrings } from './strings/scenario.ts';
import { suggestStrings } from './strings/suggest.ts';

export type Dictionary = Record<string, string>;
export interface Strings {
  'zh-CN': Dictionary;
  en: Dictionary;
}

export const DICTIONARIES: Strings[] = [appStrings, mapStrings, importStrings, exportStrings, scenarioStrings, suggestStrings, cardStrings];

const merged: Record<Language, Dictionary> = {
  'zh-CN': Object.assign({}, ...DICTIONARIES.map((d) => d['zh-CN'])),
  en: Object.assign({}, ...DICTIONARIES.map((d) => d.en)),
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Looks a key up and fills `{name}` placeholders; an unknown key shows itself so it is noticed. */
export function translate(language: Language, key: string, params?: Record<string, string | number>): string {
  const template = merged[language][key] ?? merged['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

/** Locale-aware number formatting. */
export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(value);
}

export function formatPercent(language: Language, value: number): string {
  return `${formatNumber(language, value, 1)}%`;
}

/** Hook: the translate function and formatters for the current language. */
export function useT() {
  const language = useStore((s) => s.language);
  return {
    language,
    t: ((key, params) => translate(language, key, params)) as Translate,
    n: (value: number, digits = 0) => formatNumber(language, value, digits),
    pct: (value: number) => formatPercent(language, value),
  };
}
