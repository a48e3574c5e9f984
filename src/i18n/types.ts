/** The shapes every dictionary and translator shares (no React, no store, no DOM). */

export type Language = 'zh-CN' | 'en';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

export type Dictionary = Record<string, string>;

/** One dictionary: the same keys in both languages (a test checks). */
export interface Strings {
  'zh-CN': Dictionary;
  en: Dictionary;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;
