/**
 * Place names in the reader's language: Chinese as written in zh-CN; in
 * English the pinyin beside it ("Yidu 一都镇"), as road signs and maps do.
 * The pinyin dictionary (pinyin-pro, ~140 kB gzipped) is loaded only when
 * English is first wanted: `loadPlaceNames()` before the first English render
 * (the language switch and the CLI await it). Until it is loaded an English
 * place name is the Chinese name alone, never a wrong reading.
 */
import type { Language } from './types.ts';

type Romaniser = (hanzi: string) => string[];

let romaniser: Romaniser | null = null;
let loading: Promise<void> | null = null;
/** Pinyin already worked out, by name: tables re-render their rows often, names repeat. */
const cache = new Map<string, string | null>();

/** Readings that place names use where the common word does not (一都 is Yidu, not Yidou; 厦 is Xia, as in Xiamen). */
const PLACE_READINGS: Record<string, string> = { 都: 'du', 厦: 'xia' };

/** Administrative suffixes left out of the pinyin: 一都镇 → Yidu. Longest first. */
const SUFFIXES = ['街道办事处', '民族乡', '街道', '镇', '乡', '县', '市', '区'];

const HAN = /\p{Script=Han}/u;

/** Loads the pinyin dictionary once; later calls return the same promise. */
export function loadPlaceNames(): Promise<void> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    romaniser = (text) => pinyin(text, { toneType: 'none', type: 'array', });
  });
  return loading;
}

/** True once `loadPlaceNames()` has finished. */
export function placeNamesReady(): boolean {
  return romaniser !== null;
}

/**
 * Pinyin of a Chinese place name without its administrative suffix, or null
 * when it has no Chinese characters or the dictionary is not loaded.
 * @example romanisePlace('一都镇') // 'Yidu' (after loadPlaceNames())
 */
export function romanisePlace(name: string): string | null {
  if (!romaniser || !HAN.test(name)) return null;
  const known = cache.get(name);
  if (known !== undefined) return known;
  const pinyin = romaniseNow(name);
  cache.set(name, pinyin);
  return pinyin;
}

function romaniseNow(name: string): string | null {
  if (!romaniser) return null;
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  const stem = suffix ? name.slice(0, -suffix.length) : name;
  const chars = [...stem];
  // names mixing scripts (imported data) are shown as they are
  if (!chars.every((c) => HAN.test(c))) return null;
  const syllables = romaniser(stem).map((s, i) => PLACE_READINGS[chars[i]] ?? s);
  if (syllables.length !== chars.length) return null;
  let out = '';
  for (const s of syllables) {
    // Xi'an, not Xian: an apostrophe before a syllable that starts with a vowel
    if (out !== '' && /^[aoe]/.test(s)) out += "'";
    out += s;
  }
  return out === '' ? null : out[0].toUpperCase() + out.slice(1);
}

/**
 * A place name as shown in `language`: as written in zh-CN; "pinyin 汉字" in
 * English. Names without Chinese characters are shown as they are.
 * @example placeName('一都镇', 'en') // 'Yidu 一都镇'
 */
export function placeName(name: string, language: Language): string {
  if (language !== 'en') return name;
  const pinyin = romanisePlace(name);
  return pinyin === null ? name : `${pinyin} ${name}`;
}
