/**
 * What the EMS panels pick from the worker's figures: the weights shown for
 * each demand setting, workload bars busiest first, the before/after pairs
 * that exist, which figures are labelled as resting on an assumption, and
 * the township table's cells. Inputs are small hand-made figures whose
 * answers are read off by eye.
 */
import { describe, expect, it } from 'vitest';
import { defaultEmsSettings } from '../../src/core/ems/settings.ts';
import type { EmsFigures, Fractiles, FractilePair, HospitalAccess, StationWorkload } from '../../src/core/ems/types.ts';
import { availabilityAssumed, beforeAfterPairs, callsLabel, isAssumedSetting, isAssumedTarget, sameZoneEmsCells, weightsShown, withoutArea, workloadBars, zoneEmsCells } from '../../src/ui/ems/ems-view.ts';

const fr = (withinTarget: number, p90Minutes: number | null = 20, weight = 100): Fractiles => ({ weight, withinTarget, curve: [], medianMinutes: 10, p90Minutes, unreached: 0 });
const pair = (residents: number, calls: number | null): FractilePair => ({ residents: fr(residents), calls: calls === null ? null : fr(calls) });

const station = (id: string, name: string, busyFraction: number, ambulancesAssumed = false, firstDueCells = 1): StationWorkload => ({
  id, name, busyFraction, ambulancesAssumed,
  firstDueCells, firstDuePopulation: 1, callsPerYear: 1, callsSource: 'rate', ambulances: 1, ambulancesForWorkload: 1, ambulancesForRatio: 1, fractiles: pair(1, 1),
});

function figures(over: Partial<EmsFigures> = {}): EmsFigures {
  return {
    calls: { total: 10, perYear: 10, synthetic: false, source: 'rate' },
    callCoverage: { totals: { population: 0, covered: 0, marginal: 0, gap: 0, withinCircle: 0, coveredPct: 0, marginalPct: 0, gapPct: 0, withinCirclePct: 0, ambulancesNeeded: 0, aedsNeeded: 0 }, zones: [] },
    fractiles: { basis: 'circle-formula', targetMinutes: 15, horizonMinutes: 60, region: pair(0.8, 0.7), zones: [], before: null },
    workload: [],
    availability: { busyFraction: 0.1, expectedCovered: { residents: 1, calls: 1 }, backupCovered: { residents: 1, calls: 1 }, fleet: { existing: null, assumed: 3, forWorkload: 1, forRatio: 1 }, before: null },
    hospitals: [],
    equity: { worstZone: null, bestZone: null, spread: 0 },
    ...over,
  };
}

const hospital = (capability: HospitalAccess['capability'], after: FractilePair, before: FractilePair | null): HospitalAccess => ({
  capability, targetMinutes: 60, basis: 'circle-formula', hospitals: [], fractiles: after, zonesBeyond: [], before: before && { hospitals: [], fractiles: before, zonesBeyond: [] },
});

describe('weights shown', () => {
  it('residents alone; calls beside residents (never instead) for calls and both', () => {
    expect(weightsShown('residents')).toEqual(['residents']);
    expect(weightsShown('calls')).toEqual(['residents', 'calls']);
    expect(weightsShown('both')).toEqual(['residents', 'calls']);
  });
});

describe('workload bars', () => {
  it('are sorted busiest first, in percent, ties by id', () => {
    const bars = workloadBars([station('c', '甲', 0.1), station('b', '乙', 0.45, true), station('a', 'Z', 0.1), station('d', '丁', 1.2)]);
    expect(bars.map((b) => b.id)).toEqual(['d', 'b', 'a', 'c']);
    expect(bars.map((b) => b.busyPct)).toEqual([120, 45, 10, 10]);
    expect(bars[1].ambulancesAssumed).toBe(true);
  });
  it('leave out the stations with no first-due area in the region, counted apart', () => {
    const workload = [station('in', '甲', 0.2), station('next-county', '乙', 0, false, 0)];
    expect(workloadBars(workload).map((b) => b.id)).toEqual(['in']);
    expect(withoutArea(workload)).toBe(1);
  });
});

describe('before/after pairs', () => {
  it('none when nothing is proposed or planned', () => {
    expect(beforeAfterPairs(figures({ hospitals: [hospital('stroke', pair(0.5, 0.5), null)] }), ['residents', 'calls'])).toEqual([]);
  });
  it('the circle share per weight shown, then each capability with a before; a weight without figures is left out', () => {
    const f = figures({
      fractiles: { ...figures().fractiles, region: pair(0.8, 0.7), before: pair(0.6, null) },
      hospitals: [hospital('chest-pain', pair(0.9, 0.95), pair(0.4, 0.5)), hospital('stroke', pair(0.5, 0.5), null)],
    });
    expect(beforeAfterPairs(f, ['residents']).map((p) => [p.key, p.before, p.after])).toEqual([
      ['within-residents', 60, 80],
      ['hospital-chest-pain-residents', 40, 90],
    ]);
    // the baseline has no call figures: the calls' circle pair is left out, the hospital's is kept
    expect(beforeAfterPairs(f, ['residents', 'calls']).map((p) => p.key)).toEqual(['within-residents', 'hospital-chest-pain-residents', 'hospital-chest-pain-calls']);
  });
  it('expected coverage as a share of each weight, before (the baseline’s busy fraction) and after, when the availability has a before', () => {
    // residents weigh 1,000 and calls 50 (pair() below); expected 600 → 750 residents, 20 → 40 calls
    const f = figures({
      fractiles: { ...figures().fractiles, region: { residents: { ...pair(0.8, 0.7).residents, weight: 1000 }, calls: { ...pair(0.8, 0.7).calls!, weight: 50 } }, before: pair(0.6, 0.5) },
      availability: { ...figures().availability, expectedCovered: { residents: 750, calls: 40 }, before: { busyFraction: 0.2, expectedCovered: { residents: 600, calls: 20 } } },
    });
    expect(beforeAfterPairs(f, ['residents', 'calls']).filter((p) => p.kind === 'expected').map((p) => [p.key, p.before, p.after])).toEqual([
      ['expected-residents', 60, 75],
      ['expected-calls', 40, 80],
    ]);
    // no before: no expected pair
    expect(beforeAfterPairs(figures({ fractiles: f.fractiles }), ['residents']).map((p) => p.key)).toEqual(['within-residents']);
  });
});

describe('figures labelled as resting on an assumption', () => {
  it('a setting is assumed while it is the tool’s default, not once the planner sets it', () => {
    const ems = defaultEmsSettings();
    expect(isAssumedSetting(ems, 'meanJobMinutes')).toBe(true);
    expect(isAssumedSetting({ ...ems, meanJobMinutes: ems.meanJobMinutes + 15 }, 'meanJobMinutes')).toBe(false);
    expect(isAssumedTarget(ems, 'stroke')).toBe(true);
    const set = { ...ems, hospitalTargetMinutes: { ...ems.hospitalTargetMinutes, stroke: 45 } };
    expect(isAssumedTarget(set, 'stroke')).toBe(false);
    expect(isAssumedTarget(set, 'trauma')).toBe(true);
  });
  it('calls are modelled from the rate, synthetic when generated, unlabelled when imported records', () => {
    expect(callsLabel({ total: 1, perYear: 1, synthetic: false, source: 'rate' })).toBe('modelled');
    expect(callsLabel({ total: 1, perYear: 1, synthetic: true, source: 'imported' })).toBe('synthetic');
    expect(callsLabel({ total: 1, perYear: 1, synthetic: false, source: 'imported' })).toBeNull();
  });
  it('availability is assumed when job minutes are the default, a fleet is assumed, or calls are not measured', () => {
    const ems = defaultEmsSettings();
    const own = { ...ems, meanJobMinutes: 45 };
    const imported = { total: 1, perYear: 1, synthetic: false, source: 'imported' as const };
    expect(availabilityAssumed(own, figures({ calls: imported, workload: [station('a', 'A', 0.1)] }))).toBe(false);
    expect(availabilityAssumed(ems, figures({ calls: imported, workload: [station('a', 'A', 0.1)] }))).toBe(true);
    expect(availabilityAssumed(own, figures({ calls: imported, workload: [station('a', 'A', 0.1, true)] }))).toBe(true);
    expect(availabilityAssumed(own, figures({ workload: [station('a', 'A', 0.1)] }))).toBe(true);
  });
});

describe('township EMS cells', () => {
  const f = figures({
    fractiles: {
      ...figures().fractiles,
      zones: [
        { code: 'z1', name: '一', county: 'c', residents: fr(0.5, 30, 1000), calls: fr(0.25, null, 40) },
        { code: 'z2', name: '二', county: 'c', residents: fr(1, 12, 500), calls: null },
      ],
    },
  });
  it('give calls a year only when calls are shown, and per weight the share within and the p90 (null: over the horizon)', () => {
    const residents = zoneEmsCells(f, ['residents']);
    expect(residents.get('z1')).toEqual({ callsPerYear: null, within: [0.5], p90: [30] });
    const both = zoneEmsCells(f, ['residents', 'calls']);
    expect(both.get('z1')).toEqual({ callsPerYear: 40, within: [0.5, 0.25], p90: [30, null] });
    expect(both.get('z2')).toEqual({ callsPerYear: null, within: [1, null], p90: [12, null] });
  });
  it('a row is the same only when every cell is', () => {
    const a = zoneEmsCells(f, ['residents', 'calls']).get('z1')!;
    expect(sameZoneEmsCells(a, { ...a, within: [...a.within] })).toBe(true);
    expect(sameZoneEmsCells(a, { ...a, p90: [30, 59] })).toBe(false);
    expect(sameZoneEmsCells(a, null)).toBe(false);
  });
});
