/**
 * What a roster name says by itself: its county (from the prefix), the
 * townships whose names it contains, and the category of institution.
 */
import type { FacilityCategory } from './facilities.ts';
import type { Township } from './townships.ts';

const CITY_PREFIXES = ['泉州市', '厦门市'];
/** Suffixes dropped from a township's name to get the word a facility name uses (达埔镇 → 达埔). */
const TOWNSHIP_SUFFIXES = ['街道办事处', '街道', '回族乡', '畲族乡', '镇', '乡'];

/** County (district) institutions named "<county><one of these>": they stand in the county seat. */
export const COUNTY_LEVEL_NAMES = new Set(['医院', '中医院', '中医医院', '总医院', '区医院', '妇幼保健院']);
/** The county-level ones taken as 120 points: the general and TCM hospitals (not 妇幼保健院). */
export const COUNTY_HOSPITAL_NAMES = new Set(['医院', '中医院', '中医医院', '总医院', '区医院']);

export interface CountyName {
  adcode: string;
  /** Full name, e.g. 永春县. */
  name: string;
}

/**
 * The county a name starts with (after an optional 泉州市/厦门市), by full
 * name or by its name without 县/市/区 (鲤城妇幼保健院 → 鲤城区); the rest is
 * the name after the prefix (a repeated full prefix removed too).
 * @example countyOfName('泉州市泉港区医院', counties) // { county: '350505', rest: '医院' }
 */
export function countyOfName(name: string, counties: readonly CountyName[]): { county: string | null; rest: string } {
  let rest = name;
  for (const p of CITY_PREFIXES) if (rest.startsWith(p)) rest = rest.slice(p.length);
  for (const c of counties) {
    const short = c.name.replace(/[县市区]$/, '');
    if (rest.startsWith(c.name)) {
      // a repeated full prefix goes too (永春县永春县外山卫生院); the short one never twice, or 丰泽区丰泽街道… would lose its township
      while (rest.startsWith(c.name)) rest = rest.slice(c.name.length);
    } else if (rest.startsWith(short)) {
      rest = rest.slice(short.length);
    } else {
      continue;
    }
    return { county: c.adcode, rest };
  }
  return { county: null, rest };
}

/**
 * The word facility names use for a township: its name without the county
 * prefix and without 镇/乡/街道… (晋江市经济开发区 → 经济开发区, 达埔镇 → 达埔).
 */
export function townshipWord(t: Pick<Township, 'name' | 'countyName'>): string {
  let word = t.name.startsWith(t.countyName) ? t.name.slice(t.countyName.length) : t.name;
  for (const s of TOWNSHIP_SUFFIXES) {
    if (word.endsWith(s) && word.length - s.length >= 2) {
      word = word.slice(0, -s.length);
      break;
    }
  }
  return word;
}

/**
 * The townships of the county whose word the text contains; when one word
 * lies inside another (龙门 in 龙门滩), only the longer one counts.
 */
export function townshipsInName(text: string, townships: readonly Township[]): Township[] {
  const hits = townships.filter((t) => text.includes(townshipWord(t)));
  return hits.filter((t) => !hits.some((o) => o !== t && townshipWord(o).length > townshipWord(t).length && townshipWord(o).includes(townshipWord(t))));
}

/**
 * The category a name gives: community centres and health centres by their
 * endings; hospitals by kind. A bracketed remark (洛江区医院(马甲中心卫生院))
 * does not change the category of the name before it.
 */
export function categoryOf(name: string): FacilityCategory {
  const main = name.replace(/[（(][^）)]*[）)]/g, '');
  const last = main.split('/').pop()!;
  if (/卫生服务?中心$/.test(last)) return 'chc';
  if (/卫生院$/.test(last)) return 'hc';
  if (/妇幼保健院$/.test(last)) return 'mch';
  if (/中医(医)?院$/.test(last)) return 'tcm';
  if (/医院$/.test(last)) return 'hosp';
  return 'spec';
}
