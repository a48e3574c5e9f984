/**
 * The ambulance speed model: km/h on a road of a given class, with its
 * posted limit, in an urban or rural area, in a traffic scenario. Every
 * default carries where it comes from, or says it is an assumption, so the
 * rules panel can show it next to the value.
 */
import type { AreaType } from '../types.ts';

/** A default value with where it comes from. */
export interface Sourced {
  value: number;
  /** A publication or a program's published defaults; or text starting "assumption:". */
  source: string;
}

const OSRM = 'OSRM car profile (car.lua) highway speeds, km/h, as in Project OSRM and its ports (BSD-2)';
const JTG = '《公路工程技术标准》JTG B01-2014 design speeds: lowest speed of the class range (a conservative reading)';
const CJJ = '《城市道路工程设计规范》CJJ 37-2012 design speeds: lowest speed of the class range (a conservative reading)';
const ADMIN = 'assumption: administrative class read as its usual technical grade (JTG B01-2014), lowest design speed';

/**
 * km/h by road class: OSM `highway` values and the classes of Chinese road
 * files (technical grades 高速公路…四级公路, urban classes 快速路…支路,
 * administrative classes 国道…村道). A road file's class is looked up here
 * after normalising (see `roadClassKey`).
 */
export const CLASS_SPEEDS_KMH: Readonly<Record<string, Sourced>> = Object.freeze({
  motorway: { value: 90, source: OSRM },
  motorway_link: { value: 45, source: OSRM },
  trunk: { value: 85, source: OSRM },
  trunk_link: { value: 40, source: OSRM },
  primary: { value: 65, source: OSRM },
  primary_link: { value: 30, source: OSRM },
  secondary: { value: 55, source: OSRM },
  secondary_link: { value: 25, source: OSRM },
  tertiary: { value: 40, source: OSRM },
  tertiary_link: { value: 20, source: OSRM },
  unclassified: { value: 25, source: OSRM },
  residential: { value: 25, source: OSRM },
  living_street: { value: 10, source: OSRM },
  service: { value: 15, source: OSRM },
  road: { value: 15, source: 'assumption: OSM highway=road (type not yet known) driven like a service road' },
  track: { value: 5, source: 'OSRM-derived car profiles (e.g. Itinero car.lua): track 5 km/h' },
  高速公路: { value: 80, source: `${JTG}: 120/100/80` },
  一级公路: { value: 60, source: `${JTG}: 100/80/60` },
  二级公路: { value: 60, source: `${JTG}: 80/60` },
  三级公路: { value: 30, source: `${JTG}: 40/30` },
  四级公路: { value: 20, source: `${JTG}: 30/20` },
  等外公路: { value: 15, source: 'assumption: below grade 4 (等外), slower than 四级公路’s 20 km/h' },
  快速路: { value: 60, source: `${CJJ}: 100/80/60` },
  主干路: { value: 40, source: `${CJJ}: 60/50/40` },
  次干路: { value: 30, source: `${CJJ}: 50/40/30` },
  支路: { value: 20, source: `${CJJ}: 40/30/20` },
  国道: { value: 60, source: `${ADMIN} (二级公路 or better: 60)` },
  省道: { value: 60, source: `${ADMIN} (二级公路: 60)` },
  县道: { value: 30, source: `${ADMIN} (三级公路: 30)` },
  乡道: { value: 20, source: `${ADMIN} (四级公路: 20)` },
  村道: { value: 20, source: `${ADMIN} (四级公路: 20)` },
  专用公路: { value: 30, source: `${ADMIN} (三级公路: 30)` },
});

/** Other spellings of the Chinese classes found in road files, and their key in CLASS_SPEEDS_KMH. */
const CLASS_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  高速: '高速公路', 一级: '一级公路', 二级: '二级公路', 三级: '三级公路', 四级: '四级公路', 等外: '等外公路', 等外路: '等外公路',
  城市快速路: '快速路', 主干道: '主干路', 城市主干路: '主干路', 次干道: '次干路', 城市次干路: '次干路', 支道: '支路', 城市支路: '支路',
  国道公路: '国道', 省道公路: '省道', 县道公路: '县道', 乡道公路: '乡道', 乡村道路: '村道', 村道公路: '村道',
});

/**
 * The key of a road class in CLASS_SPEEDS_KMH, or null when unknown:
 * lower-cased, trimmed, spaces and hyphens read as '_', Chinese aliases
 * resolved (e.g. "一级" → "一级公路", "Primary Link" → "primary_link").
 */
export function roadClassKey(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  if (Object.hasOwn(CLASS_SPEEDS_KMH, s)) return s;
  if (Object.hasOwn(CLASS_ALIASES, s)) return CLASS_ALIASES[s];
  const latin = s.toLowerCase().replace(/[\s-]+/g, '_');
  return Object.hasOwn(CLASS_SPEEDS_KMH, latin) ? latin : null;
}

export interface SpeedModel {
  /** km/h per class key (CLASS_SPEEDS_KMH by default). */
  classKmh: Readonly<Record<string, Sourced>>;
  /** Share of a posted limit an ambulance averages on that road. */
  postedShare: Sourced;
  /** No road is driven faster than this, whatever its class or limit says. */
  capKmh: Sourced;
  /** Multiplies speeds in urban areas (junctions, signals, crossings). */
  urbanFactor: Sourced;
  /** Multiplies speeds in rural areas. */
  ruralFactor: Sourced;
  /** Multiplies every speed for the traffic scenario (1 off-peak; below 1 at peak). */
  scenarioFactor: Sourced;
  /** Emergency vehicles may drive one-way roads against their direction. */
  bothDirections: boolean;
}

/** The speed factor of the peak-traffic scenario offered next to off-peak (1). */
export const PEAK_FACTOR: Sourced = Object.freeze({
  value: 0.7,
  source: 'assumption: peak traffic slows ambulances by 30 %; set it from local dispatch records (Beijing: 75 % of runs at 19.05–26.24 km/h against a 32.07 km/h mean, 《中国全科医学》2011(36))',
});

export const DEFAULT_SPEED_MODEL: SpeedModel = Object.freeze({
  classKmh: CLASS_SPEEDS_KMH,
  postedShare: { value: 0.8, source: 'OSRM car profile: 4/5 of a posted maxspeed taken as the travel speed' },
  capKmh: { value: 90, source: 'assumption: the fastest class speed (motorway, OSRM 90 km/h); no posted limit raises it' },
  urbanFactor: { value: 1, source: 'assumption: no urban adjustment beyond the class speeds (Beijing urban ambulance mean 32.07 km/h, 《中国全科医学》2011(36), for calibration)' },
  ruralFactor: { value: 1, source: 'assumption: no rural adjustment beyond the class speeds' },
  scenarioFactor: { value: 1, source: 'off-peak: speeds as given' },
  bothDirections: false,
});

/** A model from the defaults with some values replaced (each replaced value sourced "set by the user"). */
export function makeSpeedModel(overrides: Partial<Record<'postedShare' | 'capKmh' | 'urbanFactor' | 'ruralFactor' | 'scenarioFactor', number>> & { bothDirections?: boolean; classKmh?: Record<string, number> } = {}): SpeedModel {
  const user = (value: number, name: string): Sourced => {
    if (!(value > 0) || !Number.isFinite(value)) throw new Error(`Speed model ${name} must be a number > 0, got ${value}.`);
    return { value, source: 'set by the user' };
  };
  const model: SpeedModel = { ...DEFAULT_SPEED_MODEL, classKmh: { ...DEFAULT_SPEED_MODEL.classKmh } };
  for (const key of ['postedShare', 'capKmh', 'urbanFactor', 'ruralFactor', 'scenarioFactor'] as const) {
    const v = overrides[key];
    if (v !== undefined) model[key] = user(v, key);
  }
  if (overrides.bothDirections !== undefined) model.bothDirections = overrides.bothDirections;
  for (const [name, kmh] of Object.entries(overrides.classKmh ?? {})) {
    const key = roadClassKey(name) ?? name;
    (model.classKmh as Record<string, Sourced>)[key] = user(kmh, `speed of ${name}`);
  }
  return model;
}

/**
 * An ambulance's km/h on one road: the posted limit × postedShare when the
 * road has one, else its class speed; never above the cap; then × the area
 * factor (unknown area: 1) × the scenario factor. NaN when the class is
 * unknown and no limit is posted.
 * @example roadSpeedKmh(DEFAULT_SPEED_MODEL, 'primary', NaN, 'rural') // 65
 * @example roadSpeedKmh(DEFAULT_SPEED_MODEL, 'primary', 50, 'rural') // 40 (50 × 0.8)
 */
export function roadSpeedKmh(model: SpeedModel, classKey: string | null, postedKmh: number, areaType: AreaType | null): number {
  let kmh = postedKmh > 0 ? postedKmh * model.postedShare.value : classKey !== null && Object.hasOwn(model.classKmh, classKey) ? model.classKmh[classKey].value : NaN;
  kmh = Math.min(kmh, model.capKmh.value);
  const area = areaType === 'urban' ? model.urbanFactor.value : areaType === 'rural' ? model.ruralFactor.value : 1;
  return kmh * area * model.scenarioFactor.value;
}
