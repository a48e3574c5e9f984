/**
 * A new region's figures come headline first: the worker's light answer
 * carries the statuses, totals, tables and before/after of the scenario (the
 * same as a full evaluation's), and says the gap groups and EMS figures are
 * not computed yet (null); the refresh that follows equals a plain full
 * evaluation. The page's early read-ahead of the first region's pack and
 * the region's open share one read.
 */
import { describe, expect, it } from 'vitest';
import { firstRegionPack } from '../../src/app/first-region.ts';
import { DEFAULT_REGION_ID, demoRegion } from '../../src/app/regions.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { EvaluationUpdate } from '../../src/worker/api.ts';
import { scenarioKey, takeAhead, type EngineAhead } from '../../src/worker/engine-ahead.ts';
import { RegionCache, type PreparedRegion } from '../../src/worker/region-cache.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

/** What the panels and the map are given, without the timing and the request it answers. */
const figures = (u: EvaluationUpdate) => ({ ...u, computeMs: 0, seq: 0, tag: null });

describe('a new region evaluated headline first (Yongchun, with its two proposed stations)', async () => {
  const rules = makeRules();
  const { service } = demoService();
  const dataset = await openDemo(service, '350525');
  const light = service.evaluate(dataset.stations, rules, { seq: 1, light: true });
  const refreshed = service.refresh({ seq: 2 });
  const plain = demoService().service;
  const full = plain.evaluate((await openDemo(plain, '350525')).stations, rules, { seq: 2 });

  it('gives the full evaluation’s statuses, totals, township table and before/after at once', () => {
    expect(Array.from(light.status)).toEqual(Array.from(full.status));
    expect(Array.from(light.withinCircle)).toEqual(Array.from(full.withinCircle));
    expect(light.totals).toEqual(full.totals);
    expect(light.zones).toEqual(full.zones);
    expect(light.delta).toEqual(full.delta);
    expect(light.delta?.stations.map((s) => s.id).sort()).toEqual(['yc-dapu', 'yc-guiyang']);
  });

  it('says the gap groups and EMS figures are not computed yet', () => {
    expect(light.gaps).toBeNull();
    expect(light.gapsUpdated).toBe(false);
    expect(light.ems).toBeNull();
    expect(light.emsUpdated).toBe(false);
    expect(light.firstDue).toBeNull();
    // Yongchun has gaps: the full answer lists them (so null above is "not yet", not "none")
    expect(full.gaps!.length).toBeGreaterThan(0);
  });

  it('then refreshes to exactly the plain full evaluation', () => {
    expect(figures(refreshed)).toEqual(figures(full));
    expect(refreshed.gapsUpdated && refreshed.emsUpdated).toBe(true);
  });
});

describe('the read-ahead of the first region', () => {
  it('shares one read between the read-ahead and the open', async () => {
    const { service, fetched } = demoService();
    const ahead = service.prefetchPack('350525.region.zip', '350525.region.zip');
    const opened = await openDemo(service, '350525');
    await ahead;
    expect(fetched).toEqual(['350525.region.zip']);
    expect(opened.population.reduce((s, p) => s + p, 0)).toBe(422_531);
  });

  it('evaluates the first scenario as a plain service does, whether the engine built ahead holds it or not', async () => {
    const plainFigures = async (rules: ReturnType<typeof makeRules>) => {
      const plain = demoService().service;
      return figures(plain.evaluate((await openDemo(plain, '350525')).stations, rules, { seq: 1 }));
    };
    for (const rules of [makeRules(), makeRules({ circleMinutes: 10 })]) {
      const { service } = demoService();
      await service.prefetchPack('350525.region.zip', '350525.region.zip');
      const opened = await openDemo(service, '350525');
      expect(figures(service.evaluate(opened.stations, rules, { seq: 1 }))).toEqual(await plainFigures(rules));
    }
    // the two rule sets give different figures, so the second case would catch an engine taken for the wrong scenario
    expect((await plainFigures(makeRules({ circleMinutes: 10 }))).totals).not.toEqual((await plainFigures(makeRules())).totals);
  });

  it('takes the engine built ahead only for the same region and the same stations and rules', () => {
    const region = {} as PreparedRegion;
    const rules = makeRules();
    const stations = [{ id: 'a', name: 'A', lng: 118.3, lat: 25.3, status: 'existing' }] as never[];
    const ahead = { prepared: region, key: scenarioKey(stations, rules), engine: {}, baseline: null } as unknown as EngineAhead;
    expect(takeAhead(ahead, region, structuredClone(stations), structuredClone(rules))).toBe(ahead);
    expect(takeAhead(ahead, {} as PreparedRegion, stations, rules)).toBeNull();
    expect(takeAhead(ahead, region, stations, makeRules({ circleMinutes: 10 }))).toBeNull();
    expect(takeAhead(ahead, region, [{ ...(stations[0] as object), lng: 118.31 }] as never[], rules)).toBeNull();
    expect(takeAhead(null, region, stations, rules)).toBeNull();
  });

  it('leaves a failure to the open, which reports it', async () => {
    const { service } = demoService();
    await expect(service.prefetchPack('nowhere.region.zip', 'nowhere.region.zip')).resolves.toBeUndefined();
    await expect(service.openPackUrl('nowhere.region.zip', 'nowhere.region.zip')).rejects.toThrow(/nowhere/);
  });

  it('prepares a region once when asked again while the first ask is under way, and again after a failure', async () => {
    const cache = new RegionCache(2);
    let prepared = 0;
    let fail = true;
    const prepare = async () => {
      prepared++;
      await new Promise((r) => setTimeout(r, 1));
      if (fail) throw new Error('broken');
      return { region: { id: 'a' } } as never;
    };
    const both = await Promise.allSettled([cache.get('a', prepare), cache.get('a', prepare)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(prepared).toBe(1);
    fail = false;
    const [x, y] = await Promise.all([cache.get('a', prepare), cache.get('a', prepare)]);
    expect(prepared).toBe(2);
    expect(x).toBe(y);
  });

  it('is the default demo region, unless the address names a pack or carries a share link', () => {
    const demo = demoRegion(DEFAULT_REGION_ID)!;
    expect(firstRegionPack({ search: '', hash: '' })).toEqual({ url: demo.url, name: `${demo.name}.region.zip` });
    expect(firstRegionPack({ search: '?lang=en', hash: '#' })?.url).toBe(demo.url);
    expect(firstRegionPack({ search: '?pack=https://example.org/x.region.zip', hash: '' })).toBeNull();
    expect(firstRegionPack({ search: '', hash: '#s=abc' })).toBeNull();
  });
});
