/**
 * The worker posts a new region's dataset before it builds the reach model
 * (the page draws while the worker builds): the model is made once, by
 * prepareReach or the first evaluation, and the figures are the same either way.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/core/reach-factory.ts', async (original) => {
  const actual = await original<typeof import('../../src/core/reach-factory.ts')>();
  return { ...actual, createReachModel: (...args: Parameters<typeof actual.createReachModel>) => (built.count++, actual.createReachModel(...args)) };
});

describe('the reach model of a region opened in the worker', () => {
  it('is built after the dataset is handed over, once, and gives the figures of one built at once', async () => {
    const rules = makeRules();
    const early = demoService().service;
    const dataset = await openDemo(early, '350525');
    expect(built.count).toBe(0);
    early.prepareReach();
    expect(built.count).toBe(1);
    const a = early.evaluate(dataset.stations, rules, { seq: 1 });
    expect(built.count).toBe(1);

    const late = demoService().service;
    await openDemo(late, '350525');
    const b = late.evaluate(dataset.stations, rules, { seq: 1 });
    expect(built.count).toBe(2);
    expect(b.totals).toEqual(a.totals);
    expect(b.status).toEqual(a.status);
  });
});
