/**
 * The EMS figures of small scenarios worked out by hand: straight-line
 * minutes by the circle formula, calls from the rate or imported, call-
 * weighted coverage, equity between three zones, and the before/after.
 */
import { describe, expect, it } from 'vitest';
import { callsPerYear } from '../../src/core/ems/calls.ts';
import { equity } from '../../src/core/ems/equity.ts';
import { cellMinutes, circleFormulaMinutes } from '../../src/core/ems/minutes.ts';
import type { Fractiles, ZoneFractiles } from '../../src/core/ems/types.ts';
import { createEngine, evaluate } from '../../src/core/evaluate.ts';
import { DEFAULT_RULES, circleRadiusKm, makeRules } from '../../src/core/rules.ts';
import { cellAt, grid, stationFrom, zone } from '../helpers/tiny.ts';

// three cells far apart: an urban one in zone a, rural ones in zones b and c
const ua = cellAt(118.0, 25.0);
const rb = cellAt(118.5, 25.0);
const rc = cellAt(119.0, 25.0);
const rc2 = cellAt(119.0, 25.5);
const g = grid(
  [
    { h3: ua, population: 1000, zone: 'a' },
    { h3: rb, population: 2000, zone: 'b' },
    { h3: rc, population: 3000, zone: 'c' },
    { h3: rc2, population: 3000, zone: 'c' },
  ],
  [zone('a', 'urban'), zone('b', 'rural'), zone('c', 'rural')],
);
const at = (h3: string) => g.indexOf.get(h3)!;
// 3.5 km from the urban cell, 15 km from rb (marginal), 4 km from rc; rc2 (55 km north of rc) out of every reach
const stations = [stationFrom('sa', ua, 3.5), stationFrom('sb', rb, 15, 90), stationFrom('sc', rc, 4, 180, 'proposed')];
const rules = makeRules();

describe('straight-line minutes by the circle formula', () => {
  it('reads the circle formula backwards: turnout + km × detour / speed × 60', () => {
    expect(circleFormulaMinutes(DEFAULT_RULES, 'rural', 10)).toBeCloseTo(3 + (10 * 1.6 * 60) / 40, 12); // 27
    expect(circleFormulaMinutes(DEFAULT_RULES, 'urban', 4)).toBeCloseTo(3 + (4 * 1.6 * 60) / 32.07, 12); // 14.974
    // the circle's own radius takes exactly the circle's minutes
    expect(circleFormulaMinutes(DEFAULT_RULES, 'urban', circleRadiusKm(DEFAULT_RULES, 'urban'))).toBeCloseTo(15, 12);
  });

  it('per cell from the nearest station: urban 3.5 km → 13.48 min, rural 15 km → 39 min, rural 4 km → 12.6 min, out of reach → Infinity', () => {
    const { minutes, basis } = cellMinutes(createEngine(g, { stations, rules }));
    expect(basis).toBe('circle-formula');
    expect(minutes[at(ua)]).toBeCloseTo(3 + (3.5 * 1.6 * 60) / 32.07, 2);
    expect(minutes[at(rb)]).toBeCloseTo(39, 2);
    expect(minutes[at(rc)]).toBeCloseTo(12.6, 2);
    expect(minutes[at(rc2)]).toBe(Infinity);
  });
});

describe('calls behind the call figures', () => {
  it('without imported calls: residents × 30 per 1,000 a year, source "rate"', () => {
    const c = callsPerYear(g, rules, null);
    expect(c.perCell[at(rb)]).toBeCloseTo(60, 12);
    expect(c.summary).toEqual({ total: expect.closeTo(270, 9), perYear: expect.closeTo(270, 9), synthetic: false, source: 'rate' });
  });

  it('imported over two years: per year is half the count, source "imported"', () => {
    const perCell = new Float64Array(g.size);
    perCell[at(ua)] = 100;
    perCell[at(rc)] = 300;
    const c = callsPerYear(g, rules, { perCell, years: 2, synthetic: true });
    expect(c.perCell[at(ua)]).toBe(50);
    expect(c.perCell[at(rb)]).toBe(0);
    expect(c.summary).toEqual({ total: 400, perYear: 200, synthetic: true, source: 'imported' });
  });

  it('calls given for another grid are refused, naming both sizes', () => {
    expect(() => callsPerYear(g, rules, { perCell: new Float64Array(3), years: 1, synthetic: false })).toThrow(/3 cells but the grid has 4/);
  });
});

describe('the EMS figures of a scenario', () => {
  const perCell = new Float64Array(g.size);
  perCell[at(ua)] = 10;
  perCell[at(rb)] = 20;
  perCell[at(rc)] = 30;
  perCell[at(rc2)] = 40;
  const { result } = evaluate(g, { stations, rules }, undefined, null, { perCell, years: 1, synthetic: true });
  const ems = result.ems;

  it('call-weighted coverage: covered ua (≤ 5 km urban) and rc (≤ 10 km rural) = 40 of 100 calls; marginal rb (10–20 km) 20; gap rc2 40', () => {
    expect(ems.callCoverage.totals.population).toBe(100);
    expect([ems.callCoverage.totals.covered, ems.callCoverage.totals.marginal, ems.callCoverage.totals.gap]).toEqual([40, 20, 40]);
    // circle radii 4.01 km urban, 5 km rural: ua and rc
    expect(ems.callCoverage.totals.withinCircle).toBe(40);
    expect(ems.callCoverage.totals.coveredPct).toBe(40);
    expect(ems.callCoverage.zones.map((z) => [z.code, z.population])).toEqual([['a', 10], ['b', 20], ['c', 70]]);
  });

  it('region fractiles, residents: 1,000 at 13.48, 2,000 at 39, 3,000 at 12.6, 3,000 not reached', () => {
    const r = ems.fractiles.region.residents;
    expect(ems.fractiles.basis).toBe('circle-formula');
    expect(ems.fractiles.targetMinutes).toBe(15);
    expect(r.weight).toBe(9000);
    expect(r.unreached).toBe(3000);
    expect(r.withinTarget).toBeCloseTo(4000 / 9000, 12);
    // cumulative 3,000 by 12.6, 4,000 by 13.48, 6,000 by 39: half (4,500) at 39; 90 % (8,100) never
    expect(r.medianMinutes).toBeCloseTo(39, 6);
    expect(r.curve[13]).toBeCloseTo(3000 / 9000, 12);
    expect(r.curve[14]).toBeCloseTo(4000 / 9000, 12);
    expect(r.p90Minutes).toBeNull();
    expect(ems.fractiles.region.calls!.weight).toBe(100);
  });

  it('before/after: the baseline lacks the proposed sc, so rc is not reached before', () => {
    expect(ems.fractiles.before!.residents.unreached).toBe(6000);
    // 1,000 by 13.48 and 2,000 by 39: 3,000 < 4,500
    expect(ems.fractiles.before!.residents.medianMinutes).toBeNull();
  });

  it('equity: worst zone b (nothing within 15 min), best a (all of it), c half; spread 1', () => {
    expect(ems.fractiles.zones.map((z) => z.residents.withinTarget)).toEqual([1, 0, 0.5]);
    expect(ems.equity.worstZone).toMatchObject({ code: 'b', withinTarget: 0 });
    expect(ems.equity.bestZone?.code).toBe('a');
    expect(ems.equity.bestZone?.withinTarget).toBe(1);
    expect(ems.equity.spread).toBe(1);
  });

  it('calls from the rate (30 per 1,000 a year) say so on every station, and split as the residents do', () => {
    const plain = evaluate(g, { stations, rules });
    const ems = plain.result.ems;
    expect(ems.calls.source).toBe('rate');
    expect(ems.workload.every((w) => w.callsSource === 'rate')).toBe(true);
    // residents: covered ua 1,000 + rc 3,000, marginal rb 2,000, gap rc2 3,000
    const t = ems.callCoverage.totals;
    expect([t.population, t.covered, t.marginal, t.gap, t.withinCircle].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([270, 120, 60, 90, 120]);
    expect(ems.callCoverage.zones.map((z) => Math.round(z.covered * 1e9) / 1e9)).toEqual([30, 0, 90]);
    expect(ems.fractiles.region.calls!.weight).toBeCloseTo(270, 9);
    expect(ems.fractiles.region.calls!.medianMinutes).toBe(ems.fractiles.region.residents.medianMinutes);
    expect(ems.workload.map((w) => Math.round(w.callsPerYear * 1e9) / 1e9)).toEqual([30, 60, 90]);
  });
});

describe('equity between three zones', () => {
  const f = (withinTarget: number, p90Minutes: number | null, weight = 100): Fractiles => ({ weight, withinTarget, curve: [], medianMinutes: null, p90Minutes, unreached: 0 });
  const z = (code: string, residents: Fractiles): ZoneFractiles => ({ code, name: code, county: 'x', residents, calls: null });

  it('worst = smallest share within target, best = largest, spread = their difference', () => {
    const e = equity([z('a', f(0.9, 12)), z('b', f(0.4, 30)), z('c', f(0.7, 20))]);
    expect([e.worstZone?.code, e.bestZone?.code]).toEqual(['b', 'a']);
    expect(e.spread).toBeCloseTo(0.5, 12);
  });

  it('ties on the share go to the larger p90 for the worst (null p90 the largest) and the smaller for the best', () => {
    const e = equity([z('a', f(0.5, 20)), z('b', f(0.5, null)), z('c', f(0.5, 10))]);
    expect([e.worstZone?.code, e.bestZone?.code, e.spread]).toEqual(['b', 'c', 0]);
  });

  it('a zone without residents is left out; no zone at all gives nulls', () => {
    expect(equity([z('a', f(0, null, 0)), z('b', f(0.6, 9))]).worstZone?.code).toBe('b');
    expect(equity([])).toEqual({ worstZone: null, bestZone: null, spread: 0 });
  });
});
