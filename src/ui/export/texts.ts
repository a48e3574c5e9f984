/** The page's texts (translate and locale formatting) for a language, as the export code takes them. */
import type { Language } from '../../app/store.ts';
import type { Texts } from '../../export/snapshot/types.ts';
import { formatNumber, formatPercent, translate } from '../i18n.ts';

import { placeName } from '../../i18n/place-name.ts';

export function textsFor(language: Language): Texts {
  return {
    t: (key, params) => translate(language, key, params),
    n: (value, digits = 0) => formatNumber(language, value, digits),
    pct: (value) => formatPercent(language, value),
    place: (name) => placeName(name, language),
  };
}
