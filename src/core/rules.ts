/**
 * The planning rules of `docs/standards.md`, each a named parameter with its
 * published default and the source it comes from. Nothing here is a number
 * the standards do not give; the user may change every one.
 */
import { DEFAULT_EMS_SETTINGS, validateEmsSettings, type EmsSettings } from './ems/settings.ts';
import { DEFAULT_REACH_SETTINGS, validateReachSettings, type ReachSettings } from './reach-settings.ts';
import type { AreaType } from './types.ts';

export type RuralReading = 'strict' | 'lenient';

export interface Rules {
  /** Urban service radius (km): "城区服务半径不超过5公里". */
  urbanRadiusKm: number;
  /** Rural strict reading of "乡村地区服务半径10～20公里" (km). */
  ruralStrictRadiusKm: number;
  /** Rural lenient reading (km). */
  ruralLenientRadiusKm: number;
  /** Which rural radius counts as covered; the band between them is "marginal" under the strict reading. */
  ruralReading: RuralReading;
  /** Minutes of the emergency circle (15, or 14 as the 2025 target). */
  circleMinutes: number;
  /** Turnout delay before the ambulance moves (minutes). */
  turnoutMinutes: number;
  urbanSpeedKmh: number;
  ruralSpeedKmh: number;
  urbanDetourCoefficient: number;
  ruralDetourCoefficient: number;
  /** Residents per ambulance (1 per 30,000). */
  residentsPerAmbulance: number;
  /** Residents per public AED (1 per 10,000). */
  residentsPerAed: number;
  /** Per-zone area type chosen by the planner, by zone code. */
  areaTypeOverrides: Record<string, AreaType>;
  /** Straight line or roads, and the ambulance speed model on roads. */
  reach: ReachSettings;
  /** Parameters of the EMS measures (calls, workload, availability, hospital transport). */
  ems: EmsSettings;
}

export interface RuleSource {
  /** The document as an official would cite it: title and number, and the passage's place in it. */
  document: string;
  /** The passage, in the document's own words. */
  quote: string;
  /** The copy of the document in shared/seeds (traceability only; never shown to the user). */
  seedFile?: string;
  /** An i18n key of the tool's own note on how the value is used (shown after the quote). */
  noteKey?: string;
}

const QUANZHOU_PLAN = '《泉州市进一步完善医疗卫生服务体系实施方案》（泉政办〔2024〕15号）任务15';
const JINJIANG_PLAN = '《晋江市“十四五”卫生健康事业发展专项规划》§三.3(2)';
const BEIJING_STUDY = '《中国全科医学》2011年第36期第4214–4216页（北京市院前急救网络布局研究）';

/** Where each default comes from, as shown beside the rule in the UI and the report. */
export const RULE_SOURCES: Record<Exclude<keyof Rules, 'areaTypeOverrides' | 'ruralReading' | 'reach' | 'ems'>, RuleSource> = {
  urbanRadiusKm: {
    document: `${QUANZHOU_PLAN}；${JINJIANG_PLAN}`,
    quote: '原则上城区服务半径不超过5公里',
    seedFile: '000_6160ce65375a65ff.txt; 003_04202515baa72f64.txt',
  },
  ruralStrictRadiusKm: {
    document: QUANZHOU_PLAN,
    quote: '乡村地区服务半径10～20公里',
    seedFile: '000_6160ce65375a65ff.txt',
    noteKey: 'rules.note.ruralStrict',
  },
  ruralLenientRadiusKm: {
    document: QUANZHOU_PLAN,
    quote: '乡村地区服务半径10～20公里',
    seedFile: '000_6160ce65375a65ff.txt',
    noteKey: 'rules.note.ruralLenient',
  },
  circleMinutes: {
    document: JINJIANG_PLAN,
    quote: '15分钟急救圈进一步缩减，力争到2025年达到14分钟以内',
    seedFile: '003_04202515baa72f64.txt',
  },
  turnoutMinutes: {
    document: '国家卫生健康委等《关于进一步完善院前医疗急救服务的指导意见》（2020年）',
    quote: '3分钟出车率达到95%',
  },
  urbanSpeedKmh: {
    document: BEIJING_STUDY,
    quote: '城区救护车平均车速32.07±14.73 km/h',
  },
  ruralSpeedKmh: {
    document: '本工具示例值（规划标准中急救圈的算例）',
    quote: '40 km/h × 15分钟 = 10 km',
    noteKey: 'rules.note.ruralSpeed',
  },
  urbanDetourCoefficient: {
    document: BEIJING_STUDY,
    quote: '道路曲度系数1.6',
  },
  ruralDetourCoefficient: {
    document: BEIJING_STUDY,
    quote: '道路曲度系数1.6',
    noteKey: 'rules.note.ruralDetour',
  },
  residentsPerAmbulance: {
    document: JINJIANG_PLAN,
    quote: '按照每3万人口配置1辆救护车的标准',
    seedFile: '003_04202515baa72f64.txt',
  },
  residentsPerAed: {
    document: JINJIANG_PLAN,
    quote: '按照每万人配置1台的标准推动各类公共场所自动体外除颤仪（AED）配置',
    seedFile: '003_04202515baa72f64.txt',
  },
};

export const DEFAULT_RULES: Readonly<Rules> = Object.freeze({
  urbanRadiusKm: 5,
  ruralStrictRadiusKm: 10,
  ruralLenientRadiusKm: 20,
  ruralReading: 'strict',
  circleMinutes: 15,
  turnoutMinutes: 3,
  urbanSpeedKmh: 32.07,
  ruralSpeedKmh: 40,
  urbanDetourCoefficient: 1.6,
  ruralDetourCoefficient: 1.6,
  residentsPerAmbulance: 30_000,
  residentsPerAed: 10_000,
  areaTypeOverrides: {},
  reach: DEFAULT_REACH_SETTINGS,
  ems: DEFAULT_EMS_SETTINGS,
});

/** The circle minutes the standards name: 15 now, 14 as the 2025 target. */
export const OFFERED_CIRCLE_MINUTES = [15, 14] as const;

/** Returns DEFAULT_RULES with the given changes, validated. */
export function makeRules(changes: Partial<Rules> = {}): Rules {
  const rules: Rules = { ...DEFAULT_RULES, areaTypeOverrides: { ...DEFAULT_RULES.areaTypeOverrides }, reach: DEFAULT_RULES.reach, ems: DEFAULT_RULES.ems, ...changes };
  validateRules(rules);
  return rules;
}

/** Throws a message naming the rule and the value when a rule is unusable. */
export function validateRules(rules: Rules): void {
  const positive: (keyof Rules)[] = [
    'urbanRadiusKm', 'ruralStrictRadiusKm', 'ruralLenientRadiusKm', 'circleMinutes', 'urbanSpeedKmh',
    'ruralSpeedKmh', 'urbanDetourCoefficient', 'ruralDetourCoefficient', 'residentsPerAmbulance', 'residentsPerAed',
  ];
  for (const key of positive) {
    const v = rules[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new Error(`Rule ${key} must be a positive number, got ${String(v)}.`);
    }
  }
  if (!Number.isFinite(rules.turnoutMinutes) || rules.turnoutMinutes < 0) {
    throw new Error(`Rule turnoutMinutes must be ≥ 0, got ${rules.turnoutMinutes}.`);
  }
  if (rules.turnoutMinutes >= rules.circleMinutes) {
    throw new Error(`Rule turnoutMinutes (${rules.turnoutMinutes}) must be less than circleMinutes (${rules.circleMinutes}).`);
  }
  if (rules.ruralLenientRadiusKm < rules.ruralStrictRadiusKm) {
    throw new Error(`Rule ruralLenientRadiusKm (${rules.ruralLenientRadiusKm}) must be ≥ ruralStrictRadiusKm (${rules.ruralStrictRadiusKm}).`);
  }
  if (rules.ruralReading !== 'strict' && rules.ruralReading !== 'lenient') {
    throw new Error(`Rule ruralReading must be "strict" or "lenient", got ${String(rules.ruralReading)}.`);
  }
  validateReachSettings(rules.reach);
  validateEmsSettings(rules.ems);
  for (const [zone, type] of Object.entries(rules.areaTypeOverrides)) {
    if (type !== 'urban' && type !== 'rural') {
      throw new Error(`Area type override for zone ${zone} must be "urban" or "rural", got ${String(type)}.`);
    }
  }
}

/**
 * Radius of the emergency circle: speed × (minutes − turnout) / detour coefficient.
 * @example circleRadiusKm(DEFAULT_RULES, 'urban') // 32.07 × 12/60 / 1.6 ≈ 4.009 km
 */
export function circleRadiusKm(rules: Rules, areaType: AreaType): number {
  const speed = areaType === 'urban' ? rules.urbanSpeedKmh : rules.ruralSpeedKmh;
  const detour = areaType === 'urban' ? rules.urbanDetourCoefficient : rules.ruralDetourCoefficient;
  return (speed * ((rules.circleMinutes - rules.turnoutMinutes) / 60)) / detour;
}

/** Distance within which a cell of this type counts as covered. */
export function coverRadiusKm(rules: Rules, areaType: AreaType): number {
  if (areaType === 'urban') return rules.urbanRadiusKm;
  return rules.ruralReading === 'lenient' ? rules.ruralLenientRadiusKm : rules.ruralStrictRadiusKm;
}

/** Distance beyond which a cell is a gap; between cover and this it is marginal (rural, strict reading only). */
export function marginalRadiusKm(rules: Rules, areaType: AreaType): number {
  return areaType === 'urban' ? rules.urbanRadiusKm : rules.ruralLenientRadiusKm;
}

/** The furthest any rule looks from a station: the reach query limit. */
export function maxRuleRadiusKm(rules: Rules): number {
  return Math.max(
    rules.urbanRadiusKm,
    rules.ruralLenientRadiusKm,
    rules.ruralStrictRadiusKm,
    circleRadiusKm(rules, 'urban'),
    circleRadiusKm(rules, 'rural'),
  );
}

/** The formula with the values used, for display next to the circle. */
export function circleFormula(rules: Rules, areaType: AreaType): string {
  const speed = areaType === 'urban' ? rules.urbanSpeedKmh : rules.ruralSpeedKmh;
  const detour = areaType === 'urban' ? rules.urbanDetourCoefficient : rules.ruralDetourCoefficient;
  return `${speed} km/h × (${rules.circleMinutes} − ${rules.turnoutMinutes}) min / 60 / ${detour} = ${circleRadiusKm(rules, areaType).toFixed(2)} km`;
}

/** Ambulances needed by the ratio (rounded up). */
export function ambulancesNeeded(rules: Rules, population: number): number {
  return Math.ceil(population / rules.residentsPerAmbulance);
}

/** Public AEDs needed by the ratio (rounded up). */
export function aedsNeeded(rules: Rules, population: number): number {
  return Math.ceil(population / rules.residentsPerAed);
}
