/**
 * Words for station kinds and statuses as Chinese and English facility lists
 * write them (急救站, 卫生院, 规划, 停用, …), mapped to the core's kinds and
 * statuses; and words for hospital capabilities (胸痛中心, stroke, …).
 */
import type { Capability } from '../core/ems/settings.ts';
import { STATION_KINDS, STATION_STATUSES, type StationKind, type StationStatus } from '../core/types.ts';
import { normaliseHeader } from './columns.ts';

const KIND_WORDS: Record<string, StationKind> = {
  急救中心: 'emergency-centre',
  '120急救中心': 'emergency-centre',
  '120指挥中心': 'emergency-centre',
  急救指挥中心: 'emergency-centre',
  指挥中心: 'emergency-centre',
  emergencycentre: 'emergency-centre',
  emergencycenter: 'emergency-centre',
  emscentre: 'emergency-centre',
  emscenter: 'emergency-centre',
  centre: 'emergency-centre',
  center: 'emergency-centre',
  分中心: 'sub-centre',
  急救分中心: 'sub-centre',
  '120分中心': 'sub-centre',
  医疗次中心: 'sub-centre',
  县域医疗次中心: 'sub-centre',
  subcentre: 'sub-centre',
  subcenter: 'sub-centre',
  急救站: 'station',
  急救站点: 'station',
  急救点: 'station',
  分站: 'station',
  急救分站: 'station',
  '120站': 'station',
  '120急救站': 'station',
  站点: 'station',
  station: 'station',
  emsstation: 'station',
  ambulancestation: 'station',
  医院: 'hospital',
  综合医院: 'hospital',
  人民医院: 'hospital',
  中医院: 'hospital',
  hospital: 'hospital',
  卫生院: 'health-centre',
  中心卫生院: 'health-centre',
  乡镇卫生院: 'health-centre',
  社区卫生服务中心: 'health-centre',
  卫生服务中心: 'health-centre',
  社区卫生服务站: 'health-centre',
  healthcentre: 'health-centre',
  healthcenter: 'health-centre',
  候选: 'candidate',
  候选点: 'candidate',
  候选站点: 'candidate',
  备选: 'candidate',
  备选点: 'candidate',
  candidate: 'candidate',
};

/** Longer words are checked first, so 急救分中心 is a sub-centre, not an emergency centre. */
const KIND_SUFFIXES: [string, StationKind][] = [
  ['社区卫生服务中心', 'health-centre'],
  ['分中心', 'sub-centre'],
  ['次中心', 'sub-centre'],
  ['急救中心', 'emergency-centre'],
  ['卫生院', 'health-centre'],
  ['医院', 'hospital'],
  ['急救站', 'station'],
  ['分站', 'station'],
];

const STATUS_WORDS: Record<string, StationStatus> = {
  现有: 'existing',
  已有: 'existing',
  已建: 'existing',
  已建成: 'existing',
  建成: 'existing',
  在用: 'existing',
  运行: 'existing',
  运营: 'existing',
  运行中: 'existing',
  正常: 'existing',
  启用: 'existing',
  existing: 'existing',
  active: 'existing',
  open: 'existing',
  operating: 'existing',
  规划: 'proposed',
  拟建: 'proposed',
  新建: 'proposed',
  计划: 'proposed',
  在建: 'proposed',
  筹建: 'proposed',
  规划新建: 'proposed',
  候选: 'proposed',
  proposed: 'proposed',
  planned: 'proposed',
  new: 'proposed',
  停用: 'disabled',
  关闭: 'disabled',
  撤销: 'disabled',
  暂停: 'disabled',
  废弃: 'disabled',
  disabled: 'disabled',
  closed: 'disabled',
  inactive: 'disabled',
};

const key = (value: string) => normaliseHeader(value);

/**
 * The station kind a cell value names, or null. `extra` (the caller's own
 * words) is checked first; then the core's own kind names, then Chinese and
 * English words, then the endings of names such as "达埔卫生院".
 * @example mapKind('急救分中心') // 'sub-centre'
 */
export function mapKind(value: string, extra: Record<string, StationKind> = {}): StationKind | null {
  const k = key(value);
  if (k === '') return null;
  for (const [word, kind] of Object.entries(extra)) if (key(word) === k) return kind;
  const core = STATION_KINDS.find((s) => key(s) === k);
  if (core) return core;
  if (KIND_WORDS[k]) return KIND_WORDS[k];
  for (const [suffix, kind] of KIND_SUFFIXES) if (k.endsWith(suffix)) return kind;
  return null;
}

/** The station status a cell value names, or null (see mapKind). */
export function mapStatus(value: string, extra: Record<string, StationStatus> = {}): StationStatus | null {
  const k = key(value);
  if (k === '') return null;
  for (const [word, status] of Object.entries(extra)) if (key(word) === k) return status;
  const core = STATION_STATUSES.find((s) => key(s) === k);
  return core ?? STATUS_WORDS[k] ?? null;
}

/** Words shown in a fix suggestion for an unknown kind. */
export const KIND_EXAMPLES = '急救中心, 急救分中心, 急救站, 医院, 卫生院, 社区卫生服务中心, 候选 (or emergency-centre, sub-centre, station, hospital, health-centre, candidate)';
export const STATUS_EXAMPLES = '现有/已建, 规划/拟建, 停用 (or existing, proposed, disabled)';

/** Words for hospital capabilities (the seeds' 胸痛、卒中、创伤、危重孕产妇、危重新生儿救治中心), compared after normaliseHeader. */
const CAPABILITY_WORDS: Record<string, Capability> = Object.fromEntries(
  (
    [
      ['chest-pain', ['胸痛中心', '胸痛', '胸痛救治中心', 'chestpain', 'chestpaincentre', 'chestpaincenter', 'cpc']],
      ['stroke', ['卒中中心', '卒中', '脑卒中中心', '脑卒中', '卒中救治中心', 'stroke', 'strokecentre', 'strokecenter']],
      ['trauma', ['创伤中心', '创伤', '创伤救治中心', 'trauma', 'traumacentre', 'traumacenter']],
      ['maternal', ['危重孕产妇救治中心', '孕产妇救治中心', '危重孕产妇', '孕产妇', 'maternal', 'maternalcentre', 'maternalcenter', 'maternalcriticalcare', 'maternalcriticalcarecentre', 'maternalcriticalcarecenter']],
      ['neonatal', ['危重新生儿救治中心', '新生儿救治中心', '危重儿童和新生儿救治中心', '危重儿童救治中心', '儿童救治中心', '危重新生儿', '新生儿', 'neonatal', 'neonatalcentre', 'neonatalcenter', 'neonatalcriticalcare', 'neonatalcriticalcarecentre', 'neonatalcriticalcarecenter', 'nicu']],
    ] as const
  ).flatMap(([c, words]) => words.map((w) => [normaliseHeader(w), c] as const)),
);

/** Cell values meaning "no capability". */
const NO_CAPABILITY = new Set(['无', '没有', 'none', 'no', '-', '—', '/']);

/** A bracketed note saying the centre is planned, e.g. 胸痛中心（规划）. */
const PLANNED_NOTE = /[（(]\s*(规划|拟建|筹建|在建|创建中|创建|计划|planned|proposed|toberecognised|tobecertified)\s*[）)]/i;

/** Words shown when a capability is not known. */
export const CAPABILITY_EXAMPLES = '胸痛中心, 卒中中心, 创伤中心, 危重孕产妇救治中心, 危重新生儿救治中心 (or chest-pain, stroke, trauma, maternal, neonatal); a planned one as 胸痛中心（规划）';

/**
 * The capabilities a cell lists ("胸痛中心、卒中中心", "stroke; trauma"),
 * those marked planned ("胸痛中心（规划）") apart, and the words not known.
 * @example mapCapabilities('胸痛中心、卒中中心（规划）') // { has: ['chest-pain'], planned: ['stroke'], unknown: [] }
 */
export function mapCapabilities(value: string): { has: Capability[]; planned: Capability[]; unknown: string[] } {
  const has: Capability[] = [];
  const planned: Capability[] = [];
  const unknown: string[] = [];
  for (const raw of value.split(/[、,，;；|+\n]+/)) {
    const word = raw.trim();
    if (word === '' || NO_CAPABILITY.has(word.toLowerCase())) continue;
    const c = CAPABILITY_WORDS[normaliseHeader(word)];
    if (!c) unknown.push(word);
    else {
      const list = PLANNED_NOTE.test(word.normalize('NFKC').replace(/\s+/g, '')) ? planned : has;
      if (!list.includes(c)) list.push(c);
    }
  }
  return { has, planned: planned.filter((c) => !has.includes(c)), unknown };
}
