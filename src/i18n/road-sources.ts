/**
 * Where the road speed defaults come from, in the UI's language. The sources
 * are written once, in English, beside the values in src/core/roads
 * (speeds.ts, snap-defaults.ts), which stay language-free; this file gives
 * each its Chinese text, so the Chinese page carries no English gloss. A test
 * checks every default's source has one.
 */
import type { Language } from './types.ts';

/** Whole sources (without the "assumption: " the page shows as a tag), in Chinese. */
const ZH: Readonly<Record<string, string>> = {
  'OSRM car profile (car.lua) highway speeds, km/h, as in Project OSRM and its ports (BSD-2)': 'OSRM 汽车配置（car.lua）中各类道路的车速（公里/小时），见 Project OSRM 及其移植版本（BSD-2 许可）',
  'OSM highway=road (type not yet known) driven like a service road': 'OSM 中 highway=road（类型尚未确定）的道路按服务道路行驶',
  'OSRM-derived car profiles (e.g. Itinero car.lua): track 5 km/h': '源自 OSRM 的汽车配置（如 Itinero car.lua）：机耕道 5 公里/小时',
  'below grade 4 (等外), slower than 四级公路’s 20 km/h': '等外公路低于四级公路，慢于四级公路的 20 公里/小时',
  'OSRM car profile: 4/5 of a posted maxspeed taken as the travel speed': 'OSRM 汽车配置：行驶速度取标注限速的 4/5',
  'the fastest class speed (motorway, OSRM 90 km/h); no posted limit raises it': '最快道路等级的车速（高速公路，OSRM 90 公里/小时）；任何标注限速都不会超过此值',
  'no urban adjustment beyond the class speeds (Beijing urban ambulance mean 32.07 km/h, 《中国全科医学》2011(36), for calibration)': '城区不在道路等级车速之外另作调整（北京城区救护车平均 32.07 公里/小时，《中国全科医学》2011(36)，可供校准）',
  'no rural adjustment beyond the class speeds': '乡村不在道路等级车速之外另作调整',
  'off-peak: speeds as given': '非高峰：按给定车速',
  'peak traffic slows ambulances by 30 %; set it from local dispatch records (Beijing: 75 % of runs at 19.05–26.24 km/h against a 32.07 km/h mean, 《中国全科医学》2011(36))':
    '高峰交通使救护车减速 30%；请按本地调度记录设定（北京：75% 的出车车速为 19.05–26.24 公里/小时，平均 32.07 公里/小时，《中国全科医学》2011(36)）',
  'a cell centre over 1 km from every mapped road (≈ 3 res-9 H3 cells) has no road access': '网格中心距任何已知道路超过 1 公里（约 3 个 9 级 H3 网格）即视为无道路可达',
  'the unmapped last stretch is driven like a service road (OSRM car profile, service 15 km/h)': '地图上没有的最后一段按服务道路行驶（OSRM 汽车配置，服务道路 15 公里/小时）',
  "a road component with under 1 % of the largest one's nodes is a fragment (cut off at the region's edge, or unconnected in the map)": '节点数不足最大连通路网 1% 的道路连通块视为碎片（在区域边缘被截断，或在地图上未连通）',
};

/** Sources made of a document and the class's figures: the document's text in Chinese, the figures kept. */
const ZH_PREFIXES: readonly (readonly [string, string])[] = [
  ['《公路工程技术标准》JTG B01-2014 design speeds: lowest speed of the class range (a conservative reading): ', '《公路工程技术标准》JTG B01-2014 设计速度，取该等级范围的最低值（保守取值）：'],
  ['《城市道路工程设计规范》CJJ 37-2012 design speeds: lowest speed of the class range (a conservative reading): ', '《城市道路工程设计规范》CJJ 37-2012 设计速度，取该等级范围的最低值（保守取值）：'],
  ['administrative class read as its usual technical grade (JTG B01-2014), lowest design speed ', '行政等级按其通常对应的技术等级（JTG B01-2014）取最低设计速度'],
];

/** The Chinese of a source, or null when it has none (a new default not yet translated). */
export function roadSourceZh(source: string): string | null {
  if (Object.hasOwn(ZH, source)) return ZH[source];
  for (const [en, zh] of ZH_PREFIXES) {
    if (source.startsWith(en)) return zh + source.slice(en.length).replace(' or better', '及以上').replace(/\((.*)\)$/, '（$1）').replace(/: /g, '：');
  }
  return null;
}

/** A source (without its "assumption: " tag) as the page shows it in `language`. */
export function roadSourceText(source: string, language: Language): string {
  return language === 'zh-CN' ? (roadSourceZh(source) ?? source) : source;
}
