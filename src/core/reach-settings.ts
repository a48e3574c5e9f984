/**
 * How reach is measured, as a scenario's rules carry it: straight lines (the
 * standards' radii and circle formula) or response time on the region's road
 * network, and the ambulance speed model the roads are driven with. Plain
 * JSON, so scenarios, autosaves, share links and reports keep it; the road
 * code reads it through speedModelOf.
 */
import { makeSpeedModel, PEAK_FACTOR, type SpeedModel } from './roads/speeds.ts';
import { SNAP_DEFAULTS } from './roads/snap-defaults.ts';

/** Straight line (always available), or response time on the region's roads (only when it has a road network). */
export type ReachModelName = 'straight-line' | 'roads';

/** Traffic scenario: speeds as given, or × the peak factor. */
export type Traffic = 'off-peak' | 'peak';

export interface SpeedSettings {
  /** km/h per road class key the user changed (see roadClassKey); every other class keeps CLASS_SPEEDS_KMH. */
  classKmh: Record<string, number>;
  /** Share of a posted limit an ambulance averages. */
  postedShare: number;
  /** No road is driven faster than this (km/h). */
  capKmh: number;
  urbanFactor: number;
  ruralFactor: number;
  traffic: Traffic;
  /** Speed factor under `traffic: 'peak'` (off-peak: 1). */
  peakFactor: number;
  /** Emergency vehicles may drive one-way roads both ways. */
  bothDirections: boolean;
  /** Speed of the off-road legs between a point and its nearest road (km/h). */
  offRoadKmh: number;
  /** Points farther than this from every road have no road access (km). */
  maxSnapKm: number;
}

export interface ReachSettings {
  /** What the emergency circle (and response times) are measured with. 'roads' with no road network loaded falls back to straight line, and the page says so. */
  model: ReachModelName;
  /** With roads: also judge the service radius along roads (its straight-line km read as minutes by the circle formula) instead of the standard's straight line. */
  serviceAlongRoads: boolean;
  speeds: SpeedSettings;
}

export const DEFAULT_SPEED_SETTINGS: Readonly<SpeedSettings> = Object.freeze({
  classKmh: Object.freeze({}) as Record<string, number>,
  postedShare: 0.8,
  capKmh: 90,
  urbanFactor: 1,
  ruralFactor: 1,
  traffic: 'off-peak',
  peakFactor: PEAK_FACTOR.value,
  bothDirections: false,
  offRoadKmh: SNAP_DEFAULTS.offRoadKmh.value,
  maxSnapKm: SNAP_DEFAULTS.maxSnapKm.value,
});

export const DEFAULT_REACH_SETTINGS: Readonly<ReachSettings> = Object.freeze({
  model: 'roads',
  serviceAlongRoads: false,
  speeds: DEFAULT_SPEED_SETTINGS,
});

/** A fresh, mutable copy of the defaults. */
export function defaultReachSettings(): ReachSettings {
  return { ...DEFAULT_REACH_SETTINGS, speeds: { ...DEFAULT_SPEED_SETTINGS, classKmh: {} } };
}

/** Throws a message naming the setting and the value when one is unusable. */
export function validateReachSettings(reach: ReachSettings): void {
  if (reach.model !== 'straight-line' && reach.model !== 'roads') throw new Error(`Reach model must be "straight-line" or "roads", got ${String(reach.model)}.`);
  if (typeof reach.serviceAlongRoads !== 'boolean') throw new Error(`serviceAlongRoads must be true or false, got ${String(reach.serviceAlongRoads)}.`);
  const s = reach.speeds;
  for (const key of ['postedShare', 'capKmh', 'urbanFactor', 'ruralFactor', 'peakFactor', 'offRoadKmh', 'maxSnapKm'] as const) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`Speed setting ${key} must be a positive number, got ${String(v)}.`);
  }
  if (s.traffic !== 'off-peak' && s.traffic !== 'peak') throw new Error(`Traffic must be "off-peak" or "peak", got ${String(s.traffic)}.`);
  if (typeof s.bothDirections !== 'boolean') throw new Error(`bothDirections must be true or false, got ${String(s.bothDirections)}.`);
  for (const [name, kmh] of Object.entries(s.classKmh)) {
    if (typeof kmh !== 'number' || !Number.isFinite(kmh) || kmh <= 0) throw new Error(`Speed of road class ${name} must be a positive number of km/h, got ${String(kmh)}.`);
  }
}

/**
 * The speed model the road graph is weighted with: the defaults and their
 * sources, each value the settings change sourced "set by the user".
 * @example speedModelOf({ ...DEFAULT_SPEED_SETTINGS, traffic: 'peak' }).scenarioFactor.value // 0.7
 */
export function speedModelOf(s: SpeedSettings): SpeedModel {
  const d = DEFAULT_SPEED_SETTINGS;
  const changed = <K extends 'postedShare' | 'capKmh' | 'urbanFactor' | 'ruralFactor'>(key: K) => (s[key] !== d[key] ? s[key] : undefined);
  const model = makeSpeedModel({
    postedShare: changed('postedShare'),
    capKmh: changed('capKmh'),
    urbanFactor: changed('urbanFactor'),
    ruralFactor: changed('ruralFactor'),
    bothDirections: s.bothDirections,
    classKmh: s.classKmh,
  });
  if (s.traffic === 'peak') model.scenarioFactor = s.peakFactor === PEAK_FACTOR.value ? PEAK_FACTOR : { value: s.peakFactor, source: 'set by the user' };
  return model;
}
