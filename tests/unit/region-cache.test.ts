/**
 * The worker's region cache: a revisit fetches nothing and gives the same
 * cells and figures as the first visit (and as a service that never saw the
 * region), an import does not leak into the cached demo region, and the
 * least recently used region is the one dropped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { CoverageService } from '../../src/worker/coverage-service.ts';
import type { EvaluationUpdate } from '../../src/worker/api.ts';
import { RegionCache, regionKey } from '../../src/worker/region-cache.ts';
import { DATA_DIR } from '../../scripts/lib/demo-data.ts';

const urls = (...counties: string[]) => ({
  townships: 'townships.json',
  facilities: 'facilities.json',
  population: Object.fromEntries(counties.map((c) => [c, `population/${c}.csv`])),
});
const YONGCHUN = urls('350525');
const DEHUA = urls('350526');

/** A service reading the demo files from disk, counting what it fetched. */
function countingService(): { service: CoverageService; fetched: string[] } {
  const fetched: string[] = [];
  const service = new CoverageService(async (url) => {
    fetched.push(url);
    return readFileSync(path.join(DATA_DIR, url), 'utf8');
  });
  return { service, fetched };
}

/** What the panels and the map are given, without the timing and the request it answers. */
const figures = (u: EvaluationUpdate) => ({ ...u, computeMs: 0, seq: 0, tag: null });

describe('a region opened again from the worker cache', async () => {
  const rules = makeRules();
  const { service, fetched } = countingService();
  const first = await service.load(YONGCHUN);
  const firstFigures = service.evaluate(first.stations, rules, { seq: 1 });
  const firstFetches = fetched.length;
  await service.load(DEHUA);
  service.evaluate((await service.load(DEHUA)).stations, rules, { seq: 2 });
  const fetchesBeforeRevisit = fetched.length;
  const again = await service.load(YONGCHUN);
  const againFigures = service.evaluate(again.stations, rules, { seq: 3 });

  it('fetches no file again', () => {
    expect(firstFetches).toBe(3);
    // Dehua's files once, though it was loaded twice
    expect(fetchesBeforeRevisit).toBe(6);
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
    const d = await fresh.load(YONGCHUN);
    expect(figures(fresh.evaluate(d.stations, rules, { seq: 9 }))).toEqual(figures(againFigures));
    expect(againFigures.gaps[0].outline).not.toBeNull();
  });

  it('keeps the demo cells when an import replaced the loaded ones', async () => {
    const cells = service.cells().slice(0, 100);
    service.replaceCells(cells, service.zones());
    expect(service.evaluate(again.stations, rules, { seq: 4 }).status.length).toBe(100);
    const reopened = await service.load(YONGCHUN);
    expect(reopened.h3).toEqual(first.h3);
    expect(figures(service.evaluate(reopened.stations, rules, { seq: 5 }))).toEqual(figures(firstFigures));
  });
});

describe('the region cache', () => {
  it('keys a region by its files, whatever the order of its counties', () => {
    expect(regionKey(urls('350525', '350526'))).toBe(regionKey(urls('350526', '350525')));
    expect(regionKey(urls('350525'))).not.toBe(regionKey(urls('350526')));
  });

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
