/** The "before" statuses of a before/after snapshot: the scenario without its proposed stations, from the worker service. */
import { describe, expect, it } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

const { service } = demoService();

describe('baseline statuses on Yongchun (without 达埔 and 桂洋)', async () => {
  const dataset = await openDemo(service, '350525');
  const result = service.evaluate(dataset.stations, makeRules(), { seq: 1 });

  const sum = (status: Uint8Array, which: number) => status.reduce((s, st, i) => (st === which ? s + dataset.population[i] : s), 0);

  it('leaves out exactly the proposed stations', () => {
    expect(service.baselineStatus().withoutIds.sort()).toEqual(['yc-dapu', 'yc-guiyang']);
  });

  it('covered, marginal and gap population before equal the delta\'s "before"', () => {
    const b = service.baselineStatus();
    expect(b.status).toHaveLength(dataset.h3.length);
    expect(sum(b.status, 0)).toBe(result.delta!.covered.before);
    expect(sum(b.status, 1)).toBe(result.delta!.marginal.before);
    expect(sum(b.status, 2)).toBe(result.delta!.gap.before);
    const within = b.withinCircle.reduce((s, v, i) => (v ? s + dataset.population[i] : s), 0);
    expect(within).toBe(result.delta!.withinCircle.before);
  });

  it('puts the stations back: the next update equals the first', () => {
    service.baselineStatus();
    const again = service.evaluate(dataset.stations, makeRules(), { seq: 2 });
    expect(again.totals).toEqual(result.totals);
    expect(Array.from(again.status)).toEqual(Array.from(result.status));
  });
});
