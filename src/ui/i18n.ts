/**
 * The React side of i18n: `useT` reads the language from the store. Words,
 * dictionaries and formatters live in `src/i18n` (pure, shared with the
 * exports and the CLI); they are re-exported here for the components.
 */
import { useStore } from '../app/store.ts';
import { formatNumber, formatPercent, translate } from '../i18n/translate.ts';
import { placeName } from '../i18n/place-name.ts';
import type { Translate } from '../i18n/types.ts';

export type { Dictionary, Language, Strings, Translate } from '../i18n/types.ts';
export { DICTIONARIES } from '../i18n/dictionaries.ts';
export { formatNumber, formatPercent, translate } from '../i18n/translate.ts';
export { placeName } from '../i18n/place-name.ts';

/** Hook: the translate function and formatters for the current language. */
export function useT() {
  const language = useStore((s) => s.language);
  return {
    language,
    t: ((key, params) => translate(language, key, params)) as Translate,
    n: (value: number, digits = 0) => formatNumber(language, value, digits),
    pct: (value: number) => formatPercent(language, value),
    /** A Chinese place name as shown in this language ("Yidu 一都镇" in English). */
    place: (name: string) => placeName(name, language),
  };
}
