/** The worker's suggest runner passes the location model and the demand weight through to the optimiser. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/evaluate.ts';
import { buildGrid } from '../../src/core/grid.ts';
import { makeRules } from '../../src/core/rules.ts';
import { SuggestRunner, type SuggestRequest } from '../../src/worker/suggest-runner.ts';
import { cellAt, stationFrom, zone } from '../helpers/tiny.ts';

// P: 1,000 residents, 5 calls; Q: 200 residents, 80 calls; an idle health centre 1 km from each, 100 km apart
const p = cellAt(118.0, 25.0);
const q = cellAt(119.0, 25.0);
const grid = buildGrid(
  [
    { h3: p, population: 1000, zone: 'r' },
    { h3: q, population: 200, zone: 'r' },
  ],
  [zone('r', 'rural')],
);
const engine = createEngine(grid, { stations: [], rules: makeRules() });
const centres = [stationFrom('hc-p', p, 1), stationFrom('hc-q', q, 1)].map((s) => ({ ...s, kind: 'health-centre' as const, status: 'disabled' as const }));
const calls = new Float64Array(grid.size);
calls[grid.indexOf.get(p)!] = 5;
calls[grid.indexOf.get(q)!] = 80;
const ask = (runner: SuggestRunner, change: Partial<SuggestRequest>) =>
  runner.run('t', { mode: 'k', k: 1, objective: 'coverage', candidates: 'facilities', stations: centres, ...change }, () => {});

describe('SuggestRunner with a location model and a demand weight', () => {
  it('weighs by calls when asked (Q), by residents otherwise (P)', async () => {
    const runner = new SuggestRunner(() => engine, () => ({ perCell: calls, years: 1 }));
    expect((await ask(runner, {})).picks[0].stationId).toBe('hc-p');
    expect((await ask(runner, { weight: 'calls' })).picks[0].stationId).toBe('hc-q');
  });

  it('MEXCLP: q from the calls (85 a year × 60 min over one new ambulance) unless given', async () => {
    const runner = new SuggestRunner(() => engine, () => ({ perCell: calls, years: 1 }));
    const answer = await ask(runner, { model: 'mexclp' });
    expect(answer.mode === 'k' && answer.model).toBe('mexclp');
    if (answer.mode === 'k' && answer.model === 'mexclp') expect(answer.busyFraction).toBeCloseTo((85 * 60) / 525_600, 12);
    const given = await ask(runner, { model: 'mexclp', busyFraction: 0.5 });
    if (given.mode === 'k' && given.model === 'mexclp') expect(given.expected.after).toBeCloseTo(500, 9);
  });

  it('p-center answers with the worst distance; calls without imported calls is refused with a reason', async () => {
    const runner = new SuggestRunner(() => engine);
    const answer = await ask(runner, { model: 'p-center', k: 2 });
    expect(answer.mode === 'k' && answer.model).toBe('p-center');
    await expect(ask(runner, { weight: 'calls' })).rejects.toThrow(/No calls are imported/);
  });
});
