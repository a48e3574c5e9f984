/**
 * The worker's region cache: a revisit fetches nothing and gives the same
 * cells and figures as the first visit (and as a service that never saw the
 * region), an import does not leak into the cached demo region, and the
 * least recently used region is the one dropped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/lib/demo-data.ts';
import { makeRules } from '../../src/core/rules.ts';
import { cellRows } from '../../src/io/region/assemble.ts';
import type { EvaluationUpdate } from '../../src/worker/api.ts';
import { RegionCache } from '../../src/worker/region-cache.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

const countingService = demoService;

/** What the panels and the map are given, without the timing and the request it answers. */
const figures = (u: EvaluationUpdate) => ({ ...u, computeMs: 0, seq: 0, tag: null });

describe('a region opened again from the worker cache', async () => {
  const rules = makeRules();
  const { service, fetched } = countingService();
  const first = await openDemo(service, '350525');
  const firstFigures = service.evaluate(first.stations, rules, { seq: 1 });
  const firstFetches = fetched.length;
  await openDemo(service, '350526');
  service.evaluate((await openDemo(service, '350526')).stations, rules, { seq: 2 });
  const fetchesBeforeRevisit = fetched.length;
  const again = await openDemo(service, '350525');
  const againFigures = service.evaluate(again.stations, rules, { seq: 3 });

  it('fetches no file again', () => {
    expect(firstFetches).toBe(1);
    // Dehua's pack once, though it was opened twice
    expect(fetchesBeforeRevisit).toBe(2);
    expect(fetched.length).toBe(fetchesBeforeRevisit);
  });

  it('has the same cells and stations as the first visit', () => {
    expect(again.h3).toEqual(first.h3);
    expect(again.population).toEqual(first.population);
    expect(again.zone).toEqual(first.zone);
    expect(again.stations).toEqual(first.stations);
    // every row of the county's population table
    expect(again.h3.length).toBe(readFileSync(path.join(DATA_DIR, 'population/350525.csv'), 'utf8').trimEnd().split('\n').length - 1);
  });

  it('gives the same figures, gap areas and outlines as the first visit and as a fresh service', async () => {
    expect(figures(againFigures)).toEqual(figures(firstFigures));
    const fresh = countingService().service;
    const d = await openDemo(fresh, '350525');
    expect(figures(fresh.evaluate(d.stations, rules, { seq: 9 }))).toEqual(figures(againFigures));
    expect(againFigures.gaps![0].outline).not.toBeNull();
  });

  it('keeps the demo cells when an import replaced the loaded ones', async () => {
    const region = service.region();
    const kept = cellRows(region).slice(0, 100);
    service.replaceRegion({ ...region, cells: { h3: kept.map((c) => c.h3), population: Float64Array.from(kept, (c) => c.population), zone: region.cells.zone.slice(0, 100) } });
    expect(service.evaluate(again.stations, rules, { seq: 4 }).status.length).toBe(100);
    const reopened = await openDemo(service, '350525');
    expect(reopened.h3).toEqual(first.h3);
    expect(figures(service.evaluate(reopened.stations, rules, { seq: 5 }))).toEqual(figures(firstFigures));
  });
});

describe('the region cache', () => {
  it('prepares a region once, and drops the least recently used beyond its capacity', async () => {
    const cache = new RegionCache(2);
    let prepared = 0;
    const prepare = async () => {
      prepared++;
      return { dataset: { grid: { h3: [] } }, reach: null } as never;
    };
    await cache.get('a', prepare);
    await cache.get('b', prepare);
    await cache.get('a', prepare);
    expect(prepared).toBe(2);
    // a was used last, so b goes
    await cache.get('c', prepare);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    await cache.get('b', prepare);
    expect(prepared).toBe(4);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RegionCache(0)).toThrow('Got a region cache capacity of 0 when expected at least 1.');
  });
});
