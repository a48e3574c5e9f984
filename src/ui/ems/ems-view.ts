/**
 * What the EMS panels show, read off the worker's `EmsFigures` without
 * computing any figure: which weights are shown for the rules' demand, the
 * workload bars busiest first, the before/after pairs there are, and which
 * figures rest on an assumed parameter (a default of this tool, not a
 * published figure, still in use). Pure, so it is tested without a browser.
 */
import { DEFAULT_EMS_SETTINGS, EMS_SETTING_SOURCES, type Capability, type DemandWeight, type EmsSettings } from '../../core/ems/settings.ts';
import type { EmsFigures, FractilePair, StationWorkload } from '../../core/ems/types.ts';

export type Weight = 'residents' | 'calls';

/** Residents always; calls beside them (never merged) when the demand weight is calls or both. */
export function weightsShown(demand: DemandWeight): Weight[] {
  return demand === 'residents' ? ['residents'] : ['residents', 'calls'];
}

/** Settings the figures may rest on (the demand weight is a choice, not a value). */
export type EmsParameter = keyof typeof EMS_SETTING_SOURCES;

/**
 * True when `key` is an assumption of this tool and the rules still use its
 * default: the figure resting on it is labelled 假设 / assumption. A value
 * the planner set is theirs, not ours, and is not labelled.
 */
export function isAssumedSetting(ems: EmsSettings, key: EmsParameter): boolean {
  if (!EMS_SETTING_SOURCES[key].assumption) return false;
  if (key === 'hospitalTargetMinutes') return Object.entries(ems.hospitalTargetMinutes).some(([c, m]) => DEFAULT_EMS_SETTINGS.hospitalTargetMinutes[c as Capability] === m);
  return ems[key] === DEFAULT_EMS_SETTINGS[key];
}

/** True when the hospital target of one capability is still the tool's assumed default. */
export function isAssumedTarget(ems: EmsSettings, capability: Capability): boolean {
  return EMS_SETTING_SOURCES.hospitalTargetMinutes.assumption && ems.hospitalTargetMinutes[capability] === DEFAULT_EMS_SETTINGS.hospitalTargetMinutes[capability];
}

/** How the call figures are labelled: synthetic (imported but generated), modelled (from the call rate), or measured (imported records: no label). */
export function callsLabel(calls: EmsFigures['calls']): 'synthetic' | 'modelled' | null {
  if (calls.source === 'rate') return 'modelled';
  return calls.synthetic ? 'synthetic' : null;
}

/** Availability rests on the busy fraction: calls (maybe modelled), job minutes and ambulances (maybe assumed). */
export function availabilityAssumed(ems: EmsSettings, figures: EmsFigures): boolean {
  return isAssumedSetting(ems, 'meanJobMinutes') || figures.workload.some((w) => w.ambulancesAssumed) || callsLabel(figures.calls) !== null;
}

export interface WorkloadBar {
  id: string;
  name: string;
  /** Busy fraction as a percentage (0–100+: above 100 the station cannot keep up). */
  busyPct: number;
  ambulancesAssumed: boolean;
}

/**
 * The busy fractions of the stations with a first-due area in the region, as
 * bars, busiest first (ties by id: a stable order that does not hang on the
 * locale's collation). A station with none (a neighbouring county's station
 * that reaches in, or one every cell has nearer) has no workload here: it is
 * counted apart (`withoutArea`), not drawn as an idle 0 %.
 */
export function workloadBars(workload: readonly StationWorkload[]): WorkloadBar[] {
  return workload
    .filter((w) => w.firstDueCells > 0)
    .map((w) => ({ id: w.id, name: w.name, busyPct: w.busyFraction * 100, ambulancesAssumed: w.ambulancesAssumed }))
    .sort((a, b) => b.busyPct - a.busyPct || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Stations with no first-due area in the region (left out of the workload bars). */
export const withoutArea = (workload: readonly StationWorkload[]): number => workload.filter((w) => w.firstDueCells === 0).length;

/** One before/after bar pair, shares in % (0–100). */
export interface BeforeAfterPair {
  key: string;
  kind: 'within' | 'expected' | 'hospital';
  weight: Weight;
  capability?: Capability;
  before: number;
  after: number;
}

const share = (pair: FractilePair, weight: Weight): number | null => (weight === 'residents' ? pair.residents.withinTarget : (pair.calls?.withinTarget ?? null));

/**
 * The before/after pairs the figures hold: the share within the circle
 * minutes (region), the expected coverage's share (MEXCLP) and each
 * capability's share within its hospital target,
 * for each weight shown; only those with a "before" (something proposed or
 * planned), and a weight without figures is left out.
 */
export function beforeAfterPairs(figures: EmsFigures, weights: readonly Weight[]): BeforeAfterPair[] {
  const pairs: BeforeAfterPair[] = [];
  const add = (key: string, kind: BeforeAfterPair['kind'], weight: Weight, after: FractilePair, before: FractilePair, capability?: Capability) => {
    const a = share(after, weight);
    const b = share(before, weight);
    if (a !== null && b !== null) pairs.push({ key, kind, weight, capability, before: b * 100, after: a * 100 });
  };
  const { before } = figures.fractiles;
  for (const w of weights) if (before) add(`within-${w}`, 'within', w, figures.fractiles.region, before);
  // expected coverage (MEXCLP) as a share of the weight, before (the baseline's own busy fraction) and after
  const a = figures.availability;
  for (const w of weights) {
    const total = w === 'residents' ? figures.fractiles.region.residents.weight : (figures.fractiles.region.calls?.weight ?? 0);
    const b = a.before?.expectedCovered[w] ?? null;
    const x = a.expectedCovered[w];
    if (b !== null && x !== null && total > 0) pairs.push({ key: `expected-${w}`, kind: 'expected', weight: w, before: (100 * b) / total, after: (100 * x) / total });
  }
  for (const h of figures.hospitals) {
    for (const w of weights) if (h.before) add(`hospital-${h.capability}-${w}`, 'hospital', w, h.fractiles, h.before.fractiles, h.capability);
  }
  return pairs;
}

/** One township's EMS cells in the township table: calls a year (when calls are shown), then per weight the share within the circle minutes and the 90th percentile. */
export interface ZoneEmsCells {
  callsPerYear: number | null;
  within: (number | null)[];
  p90: (number | null)[];
}

/** The township table's EMS cells per zone code, for the weights shown (a zone without figures is absent). */
export function zoneEmsCells(figures: EmsFigures, weights: readonly Weight[]): Map<string, ZoneEmsCells> {
  const cells = new Map<string, ZoneEmsCells>();
  for (const z of figures.fractiles.zones) {
    cells.set(z.code, {
      callsPerYear: weights.includes('calls') ? (z.calls?.weight ?? null) : null,
      within: weights.map((w) => z[w]?.withinTarget ?? null),
      p90: weights.map((w) => z[w]?.p90Minutes ?? null),
    });
  }
  return cells;
}

/** True when two zones' EMS cells show the same figures (the township row renders again only when they differ). */
export function sameZoneEmsCells(a: ZoneEmsCells | null | undefined, b: ZoneEmsCells | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const same = (x: (number | null)[], y: (number | null)[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.callsPerYear === b.callsPerYear && same(a.within, b.within) && same(a.p90, b.p90);
}
