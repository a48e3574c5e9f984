/**
 * i18n in one place: the language type, every dictionary, the translator,
 * number formats and place names. Pure (no React, no store, no DOM), so the
 * app, the exports, the map and the UI all import it.
 */
export type { Dictionary, Language, Strings, Translate } from './types.ts';
export { LANGUAGES } from './types.ts';
export { DICTIONARIES } from './dictionaries.ts';
export { formatNumber, formatPercent, hasKey, translate } from './translate.ts';
export { loadPlaceNames, placeName, placeNamesReady, romanisePlace } from './place-name.ts';
export { gapAreaName, gapAreaShares, namedTownships, shortTownshipName } from './gap-area-name.ts';
