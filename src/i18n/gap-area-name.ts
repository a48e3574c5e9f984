/**
 * The name of a gap area (盲区片区) from the townships it spans, as planners
 * say it: "一都–横口–玉斗一带" (townships holding ≥ 10 % of its people, most
 * first, at most 3; "等N个乡镇" when more than 3 hold 10 %, N counting every
 * township it touches), and each named township's share of its people.
 */
import type { GapTownship } from '../core/gaps.ts';
import { placeName, romanisePlace } from './place-name.ts';
import { formatNumber, translate } from './translate.ts';
import type { Language } from './types.ts';

/** Share of an area's people a township needs to be named. */
export const NAMED_SHARE = 0.1;
/** At most this many townships are named. */
export const MAX_NAMED = 3;

/** Administrative suffixes dropped in a compound name (一都镇 → 一都). */
const SHORT_SUFFIX = /(街道办事处|街道|民族乡|镇|乡)$/;

/** A township name without its suffix: 一都镇 → 一都 (kept whole when nothing would remain). */
export function shortTownshipName(name: string): string {
  const short = name.replace(SHORT_SUFFIX, '');
  return short === '' ? name : short;
}

/** The townships holding ≥ 10 % of an area's people, most first (the largest one when none does). */
function majorTownships(townships: readonly GapTownship[], population: number): GapTownship[] {
  const major = townships.filter((t) => population > 0 && t.population / population >= NAMED_SHARE);
  return major.length > 0 ? major : townships.slice(0, 1);
}

/** The townships an area is named by: ≥ 10 % of its people, most first, at most 3, never none. */
export function namedTownships(townships: readonly GapTownship[], population: number): GapTownship[] {
  return majorTownships(townships, population).slice(0, MAX_NAMED);
}

/**
 * The area's name in `language`.
 * @example gapAreaName([{ code: 'a', name: '一都镇', population: 60 }, { code: 'b', name: '横口乡', population: 40 }], 100, 'zh-CN') // '一都–横口一带'
 */
export function gapAreaName(townships: readonly GapTownship[], population: number, language: Language): string {
  if (townships.length === 0) return translate(language, 'gapArea.unnamed');
  const named = namedTownships(townships, population);
  const zh = named.map((t) => shortTownshipName(t.name)).join('–');
  const more = majorTownships(townships, population).length > named.length;
  if (language !== 'en') {
    return more ? translate(language, 'gapArea.nameMore', { names: zh, count: townships.length }) : translate(language, 'gapArea.name', { names: zh });
  }
  const pinyin = named.map((t) => romanisePlace(t.name) ?? shortTownshipName(t.name)).join('–');
  const names = pinyin === zh ? zh : `${pinyin} (${zh})`;
  return more ? translate(language, 'gapArea.nameMore', { names, count: townships.length }) : translate(language, 'gapArea.name', { names });
}

/**
 * Each named township's share of the area's people, then the rest:
 * "一都镇 52% · 横口乡 31% · 其他 17%".
 */
export function gapAreaShares(townships: readonly GapTownship[], population: number, language: Language): string {
  if (population <= 0 || townships.length === 0) return '';
  const named = namedTownships(townships, population);
  const pct = (p: number) => `${formatNumber(language, (100 * p) / population)}%`;
  const parts = named.map((t) => `${placeName(t.name, language)} ${pct(t.population)}`);
  const rest = population - named.reduce((s, t) => s + t.population, 0);
  // the rest only when it shows as at least 1 %
  if (townships.length > named.length && rest / population >= 0.005) parts.push(`${translate(language, 'gapArea.others')} ${pct(rest)}`);
  return parts.join(' · ');
}
