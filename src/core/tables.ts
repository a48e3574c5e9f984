/**
 * Per-zone, per-county and total tables read off the engine's sums, with the
 * resource ratios of the standards applied to each row.
 */
import { AGG_COVERED, AGG_GAP, AGG_MARGINAL, AGG_WITHIN_CIRCLE, type CoverageEngine } from './coverage.ts';
import type { PopulationGrid } from './grid.ts';
import { aedsNeeded, ambulancesNeeded, type Rules } from './rules.ts';
import type { AreaType } from './types.ts';

export interface CoverageFigures {
  population: number;
  covered: number;
  marginal: number;
  gap: number;
  /** Population inside the emergency circle (speed × minutes). */
  withinCircle: number;
  /** Percentages of population, 0–100. */
  coveredPct: number;
  marginalPct: number;
  gapPct: number;
  withinCirclePct: number;
  ambulancesNeeded: number;
  aedsNeeded: number;
}

export interface ZoneRow extends CoverageFigures {
  code: string;
  name: string;
  county: string;
  countyName: string;
  areaType: AreaType;
  /** True when the planner overrode the zone's default area type. */
  areaTypeOverridden: boolean;
  cells: number;
}

export interface CountyRow extends CoverageFigures {
  county: string;
  countyName: string;
  zones: number;
}

const pct = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

/** Builds the figures of a population split, with percentages and the ambulance/AED ratios. */
export function figures(rules: Rules, population: number, covered: number, marginal: number, gap: number, withinCircle: number): CoverageFigures {
  return {
    population,
    covered,
    marginal,
    gap,
    withinCircle,
    coveredPct: pct(covered, population),
    marginalPct: pct(marginal, population),
    gapPct: pct(gap, population),
    withinCirclePct: pct(withinCircle, population),
    ambulancesNeeded: ambulancesNeeded(rules, population),
    aedsNeeded: aedsNeeded(rules, population),
  };
}

/** Cells per zone, counted once per grid (read, never edit). */
const zoneCellCounts = new WeakMap<PopulationGrid, Int32Array>();

export function cellCounts(grid: PopulationGrid): Int32Array {
  let counts = zoneCellCounts.get(grid);
  if (!counts) {
    counts = new Int32Array(grid.zones.length);
    for (let i = 0; i < grid.size; i++) if (grid.zone[i] >= 0) counts[grid.zone[i]]++;
    zoneCellCounts.set(grid, counts);
  }
  return counts;
}

/** One row per zone that has at least one cell, in zone order. */
export function zoneRows(engine: CoverageEngine): ZoneRow[] {
  const { grid, rules } = engine;
  const cellCount = cellCounts(grid);
  const rows: ZoneRow[] = [];
  grid.zones.forEach((zone, z) => {
    if (cellCount[z] === 0) return;
    const v = (col: number) => engine.zoneValue(z, col);
    rows.push({
      code: zone.code,
      name: zone.name,
      county: zone.county,
      countyName: zone.countyName,
      areaType: engine.zoneAreaType(z),
      areaTypeOverridden: rules.areaTypeOverrides[zone.code] !== undefined,
      cells: cellCount[z],
      ...figures(rules, engine.zonePopulation[z + 1], v(AGG_COVERED), v(AGG_MARGINAL), v(AGG_GAP), v(AGG_WITHIN_CIRCLE)),
    });
  });
  return rows;
}

/** Zone rows summed by county. */
export function countyRows(engine: CoverageEngine, zones: readonly ZoneRow[] = zoneRows(engine)): CountyRow[] {
  const byCounty = new Map<string, ZoneRow[]>();
  for (const row of zones) {
    const list = byCounty.get(row.county) ?? [];
    list.push(row);
    byCounty.set(row.county, list);
  }
  return [...byCounty.entries()].map(([county, rows]) => {
    const sum = (key: 'population' | 'covered' | 'marginal' | 'gap' | 'withinCircle') => rows.reduce((s, r) => s + r[key], 0);
    return {
      county,
      countyName: rows[0].countyName,
      zones: rows.length,
      ...figures(engine.rules, sum('population'), sum('covered'), sum('marginal'), sum('gap'), sum('withinCircle')),
    };
  });
}

/** Figures for the whole grid, cells with no zone included. */
export function totals(engine: CoverageEngine): CoverageFigures {
  let population = 0;
  for (const p of engine.zonePopulation) population += p;
  return figures(
    engine.rules,
    population,
    engine.total(AGG_COVERED),
    engine.total(AGG_MARGINAL),
    engine.total(AGG_GAP),
    engine.total(AGG_WITHIN_CIRCLE),
  );
}
