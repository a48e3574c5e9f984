/**
 * The columns of a 120 call file and the header words we recognise for each,
 * Chinese and English (compared after normaliseHeader, as for facilities).
 */
import { guessMapping } from '../columns.ts';

export const CALL_FIELDS = ['lng', 'lat', 'coords', 'township', 'time', 'priority', 'outcome'] as const;
export type CallField = (typeof CALL_FIELDS)[number];
/** Which source column feeds each field (null: the file has none). */
export type CallColumnMapping = Record<CallField, string | null>;

export const CALL_COLUMN_ALIASES: Record<CallField, readonly string[]> = {
  lng: ['经度', '呼救经度', '现场经度', '事发经度', 'lng', 'lon', 'long', 'longitude', 'x', '东经', 'pointx', 'gpsx'],
  lat: ['纬度', '呼救纬度', '现场纬度', '事发纬度', 'lat', 'latitude', 'y', '北纬', 'pointy', 'gpsy'],
  coords: ['经纬度', '坐标', '经纬度坐标', 'coordinates', 'coordinate', 'lnglat', 'lonlat', 'location'],
  township: ['乡镇代码', '乡镇编码', '乡镇街道代码', '街道代码', '区划代码', '统计用区划代码', '乡镇', 'townshipcode', 'township', 'towncode', 'zonecode', 'zone'],
  time: ['呼救时间', '来电时间', '呼叫时间', '受理时间', '接警时间', '时间', '日期', 'calltime', 'datetime', 'time', 'timestamp', 'date'],
  priority: ['优先级', '分级', '急救分级', '病情分级', '等级', 'priority', 'triage', 'level', 'grade'],
  outcome: ['结果', '结局', '处置结果', '出车结果', 'outcome', 'result', 'disposition'],
};

/** Header-row score: how many call fields the cells name (title lines above the header score 0). */
export const callHeaderScore = (cells: string[]): number => {
  const m = guessMapping(cells.filter(Boolean), CALL_COLUMN_ALIASES);
  return CALL_FIELDS.filter((f) => m[f] !== null).length;
};
