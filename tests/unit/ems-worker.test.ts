/**
 * The worker's EMS figures: the region's imported calls reach them aligned
 * with the grid's cells, and they equal the core's evaluate() of the same
 * scenario; the CLI report carries them under `ems`.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, proposedIds } from '../../src/core/evaluate.ts';
import { gridFromColumns } from '../../src/core/grid.ts';
import { makeRules } from '../../src/core/rules.ts';
import { buildReport } from '../../src/export/report.ts';
import type { Region } from '../../src/io/region/types.ts';
import { CoverageService } from '../../src/worker/coverage-service.ts';
import { tinyRegion } from '../helpers/tiny-region.ts';

/** The tiny region with 100 calls over two years in its first cell of the east zone (index `eastCell`). */
function withCalls(): { region: Region; eastCell: number } {
  const region = tinyRegion();
  const eastCell = region.cells.zone.indexOf(1);
  const perCell = new Float64Array(region.cells.population.length);
  perCell[eastCell] = 100;
  const source = { what: 'calls', source: 'generated in the test', licence: 'none', crs: null };
  return { region: { ...region, calls: { perCell, years: 2, periodAssumed: false, total: 100, outside: 0, rows: 100, skipped: 0, synthetic: true, source } }, eastCell };
}

describe('EMS figures from the worker', () => {
  const { region } = withCalls();
  const rules = makeRules();
  const service = new CoverageService(async () => new Uint8Array(0));
  service.openRegion(region);
  const update = service.evaluate(region.stations, rules, { seq: 1 });

  it('count the region’s calls per year in the zone of their cell (50 a year, all in the east zone)', () => {
    expect(update.ems!.calls).toEqual({ total: 100, perYear: 50, synthetic: true, source: 'imported' });
    expect(update.ems!.callCoverage.zones.map((z) => [z.code, z.population])).toEqual([['Z-west', 0], ['Z-east', 50]]);
    expect(update.emsUpdated).toBe(true);
  });

  it('equal the core’s evaluation of the same scenario with the same calls, before/after included', () => {
    const grid = gridFromColumns(region.cells, region.zones);
    const { result } = evaluate(grid, { stations: region.stations, rules }, undefined, null, { perCell: region.calls!.perCell, years: 2, synthetic: true });
    expect(result.ems.fractiles.before).not.toBeNull();
    expect(update.ems!).toEqual(result.ems);
  });

  it('a light update repeats the last full update’s figures', () => {
    const moved = { ...region.stations[0], lng: region.stations[0].lng + 0.01 };
    const light = service.upsertStation(moved, { seq: 2, light: true });
    expect(light.emsUpdated).toBe(false);
    expect(light.ems).toBe(update.ems!);
  });
});

describe('EMS figures in the CLI report', () => {
  it('are under `ems`, with the imported calls', () => {
    const { region } = withCalls();
    const rules = makeRules();
    const grid = gridFromColumns(region.cells, region.zones);
    const { engine } = evaluate(grid, { stations: region.stations, rules });
    const report = buildReport(engine, {
      county: { code: region.id, name: region.name, counties: ['P1'] },
      stations: region.stations,
      baselineWithout: proposedIds(engine.activeStations()),
      includeCells: false,
      bestSitesFor: 0,
      dataNotes: [],
      calls: { perCell: region.calls!.perCell, years: 2, synthetic: true },
    });
    expect(report.ems.calls.perYear).toBe(50);
    expect(report.ems.workload.map((w) => w.id)).toEqual(['s-west', 's-east']);
    expect(JSON.parse(JSON.stringify(report)).ems.fractiles.basis).toBe('circle-formula');
  });
});
