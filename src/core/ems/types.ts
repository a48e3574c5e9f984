/**
 * The EMS measures of a scenario (issue 14), as one result the worker posts
 * and the panels, map, handout, exports and CLI read: call-weighted
 * coverage, response-time fractiles, station workload and fleet,
 * availability (MEXCLP expected coverage, backup coverage), hospital
 * transport per capability, and equity between zones. Plain data.
 *
 * Weights: every figure that counts people is given for residents and, when
 * calls are known (imported, or modelled from the call rate and so labelled),
 * for calls. Percentile minutes that fall among the unreached are null
 * ("over the horizon"), never invented.
 */
import type { CoverageFigures } from '../tables.ts';
import type { Capability } from './settings.ts';

/** Where minutes come from: response time on roads, or straight-line km converted with the circle formula (and said so). */
export type MinutesBasis = 'roads' | 'circle-formula';

/** Where a station's or the region's call figure comes from. */
export type CallsSource = 'imported' | 'rate';

/** Fractiles of one weight (residents or calls) over a set of cells. */
export interface Fractiles {
  /** Total weight counted (reached or not). */
  weight: number;
  /** Share (0–1) reached within the target (the rules' circle minutes). */
  withinTarget: number;
  /** curve[T] = share (0–1) reached within T minutes, T = 0…horizonMinutes. */
  curve: number[];
  /** Exact minutes of a cell (not interpolated); null when it falls among the not reached. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Weight not reached within the horizon. */
  unreached: number;
}

/** The same fractiles for residents and, when calls are known, calls. */
export interface FractilePair {
  residents: Fractiles;
  calls: Fractiles | null;
}

export interface ZoneFractiles extends FractilePair {
  code: string;
  name: string;
  county: string;
}

export interface FractileFigures {
  basis: MinutesBasis;
  targetMinutes: number;
  horizonMinutes: number;
  region: FractilePair;
  /** Per zone with cells, in zone order. */
  zones: ZoneFractiles[];
  /** The before/after baseline's region figures, or null when there is nothing to compare. */
  before: FractilePair | null;
}

/** One active station's first-due area (the cells it is nearest to: by road minutes when the circle is on roads) and its workload. */
export interface StationWorkload {
  id: string;
  name: string;
  /** Cells and residents whose nearest active station this is. */
  firstDueCells: number;
  firstDuePopulation: number;
  /** Expected calls per year in the first-due area. */
  callsPerYear: number;
  callsSource: CallsSource;
  /** Ambulances at the station: from the facility file, else the settings' default (`ambulancesAssumed`). */
  ambulances: number;
  ambulancesAssumed: boolean;
  /** callsPerYear × meanJobMinutes / (525,600 × ambulances). */
  busyFraction: number;
  /** Ambulances so the busy fraction stays under the target: ceil(callsPerYear × meanJobMinutes / (525,600 × busyTarget)). */
  ambulancesForWorkload: number;
  /** Ambulances by the seeds' ratio (1 per 30,000 residents of the first-due area). */
  ambulancesForRatio: number;
  /** Fractiles of the first-due area. */
  fractiles: FractilePair;
}

/** A weight covered, for residents and (when known) calls. */
export interface WeightPair {
  residents: number;
  calls: number | null;
}

export interface Availability {
  /** The system busy fraction q used by MEXCLP: total calls × job minutes / (525,600 × total ambulances), capped below 1. */
  busyFraction: number;
  /** MEXCLP expected coverage: Σ weight × (1 − q^k), k = ambulances whose station covers the cell. */
  expectedCovered: WeightPair;
  /** Covered by at least two stations (backup coverage). */
  backupCovered: WeightPair;
  /**
   * Fleet: ambulances the facility file gives at active stations (null when
   * none gives a number), ambulances assumed by the default for the others
   * (q counts existing + assumed), and the sums over stations of what
   * workload and the ratio ask for.
   */
  fleet: { existing: number | null; assumed: number; forWorkload: number; forRatio: number };
  /**
   * The before/after baseline (the scenario without the proposed stations, as
   * the fractiles' `before`): its system busy fraction, with its own fleet,
   * and its expected coverage; null when there is nothing to compare.
   */
  before: { busyFraction: number; expectedCovered: WeightPair } | null;
}

/** The figures of one capability's scene-to-hospital times. */
export interface HospitalFigures {
  /** Capable hospitals counted. */
  hospitals: { id: string; name: string }[];
  /** Share within the target, median and p90 minutes, for residents and calls. */
  fractiles: FractilePair;
  /** Zones with residents beyond the target, worst first. */
  zonesBeyond: { code: string; name: string; populationBeyond: number; shareBeyond: number }[];
}

export interface HospitalAccess extends HospitalFigures {
  capability: Capability;
  targetMinutes: number;
  basis: MinutesBasis;
  /** Without the planned capabilities and proposed facilities; null when nothing is planned for this capability. */
  before: HospitalFigures | null;
}

/** The spread of service between zones. */
export interface Equity {
  /** The zone with the smallest share of residents within the target (ties: the larger p90). */
  worstZone: { code: string; name: string; withinTarget: number; p90Minutes: number | null } | null;
  bestZone: { code: string; name: string; withinTarget: number; p90Minutes: number | null } | null;
  /** best − worst share within the target (0–1). */
  spread: number;
}

export interface CallsSummary {
  total: number;
  perYear: number;
  synthetic: boolean;
  source: CallsSource;
}

export interface EmsFigures {
  /** Calls behind the call figures: imported (maybe synthetic), or modelled from the rate (then `source: 'rate'`). */
  calls: CallsSummary;
  /** Coverage weighed by calls (status and circle splits of calls, region and per zone), beside the residents' tables. */
  callCoverage: { totals: CoverageFigures; zones: ({ code: string; name: string } & CoverageFigures)[] };
  fractiles: FractileFigures;
  /** Per active station, in the engine's station order. */
  workload: StationWorkload[];
  availability: Availability;
  /** One entry per capability that at least one facility has or plans. */
  hospitals: HospitalAccess[];
  equity: Equity;
}
