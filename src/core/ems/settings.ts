/**
 * The parameters of the EMS measures (issue 14) as a scenario's rules carry
 * them: what cells are weighed by, the call rate used when no calls are
 * imported, how long a call keeps an ambulance busy, the busy fraction a
 * station should stay under, the fleet assumed when the facility file gives
 * none, and the scene-to-hospital targets per capability. Plain JSON, so
 * scenarios, autosaves, share links and reports keep them. Every default
 * that is not a published figure is an assumption and is labelled so where
 * shown (EMS_SETTING_SOURCES).
 */

/** What coverage, tables and suggestions weigh cells by: residents, calls, or both side by side. */
export type DemandWeight = 'residents' | 'calls' | 'both';

/** Hospital capabilities the seeds ask every county for (卒中、胸痛、创伤、危重孕产妇、危重儿童和新生儿救治中心). */
export const CAPABILITIES = ['chest-pain', 'stroke', 'trauma', 'maternal', 'neonatal'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface EmsSettings {
  demand: DemandWeight;
  /** 120 calls per 1,000 residents per year, used when no calls are imported. */
  callsPerThousandPerYear: number;
  /** Minutes one call keeps an ambulance busy (dispatch to back in service). */
  meanJobMinutes: number;
  /** Busy fraction one ambulance should stay under (0–1): sizes the fleet by workload. */
  busyTarget: number;
  /** Ambulances per station when the facility file gives none. */
  defaultAmbulancesPerStation: number;
  /** Scene-to-hospital target per capability (minutes). */
  hospitalTargetMinutes: Record<Capability, number>;
}

export const DEFAULT_EMS_SETTINGS: Readonly<EmsSettings> = Object.freeze({
  demand: 'residents',
  callsPerThousandPerYear: 30,
  meanJobMinutes: 60,
  busyTarget: 0.3,
  defaultAmbulancesPerStation: 1,
  hospitalTargetMinutes: Object.freeze({ 'chest-pain': 60, stroke: 60, trauma: 60, maternal: 60, neonatal: 60 }) as Record<Capability, number>,
});

/** A fresh, mutable copy of the defaults. */
export function defaultEmsSettings(): EmsSettings {
  return { ...DEFAULT_EMS_SETTINGS, hospitalTargetMinutes: { ...DEFAULT_EMS_SETTINGS.hospitalTargetMinutes } };
}

/** Where each default comes from; `assumption: true` values are labelled 假设 / assumption where shown. */
export interface EmsSettingSource {
  source: string;
  assumption: boolean;
}

export const EMS_SETTING_SOURCES: Record<Exclude<keyof EmsSettings, 'demand'>, EmsSettingSource> = {
  callsPerThousandPerYear: { source: 'Assumption of this tool (no published 120 call rate for Fujian in our sources); replace with the county\'s own call records.', assumption: true },
  meanJobMinutes: { source: 'Assumption of this tool (a typical dispatch-to-back-in-service time); replace with the centre\'s own figure.', assumption: true },
  busyTarget: { source: 'Assumption of this tool (a common planning ceiling on ambulance utilisation).', assumption: true },
  defaultAmbulancesPerStation: { source: 'Assumption of this tool when the facility file gives no fleet.', assumption: true },
  hospitalTargetMinutes: { source: 'Assumption of this tool (the "golden hour" from scene to a capable hospital); set per capability.', assumption: true },
};

/** Throws a message naming the setting and the value when one is unusable. */
export function validateEmsSettings(ems: EmsSettings): void {
  if (ems.demand !== 'residents' && ems.demand !== 'calls' && ems.demand !== 'both') throw new Error(`Demand weight must be "residents", "calls" or "both", got ${String(ems.demand)}.`);
  for (const key of ['callsPerThousandPerYear', 'meanJobMinutes', 'defaultAmbulancesPerStation'] as const) {
    const v = ems[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`EMS setting ${key} must be a positive number, got ${String(v)}.`);
  }
  if (typeof ems.busyTarget !== 'number' || !(ems.busyTarget > 0 && ems.busyTarget < 1)) throw new Error(`EMS setting busyTarget must be between 0 and 1, got ${String(ems.busyTarget)}.`);
  for (const c of CAPABILITIES) {
    const v = ems.hospitalTargetMinutes?.[c];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`Hospital target for ${c} must be a positive number of minutes, got ${String(v)}.`);
  }
}
