/**
 * The worker builds the scenario's baseline (its stations without the
 * proposed ones) only when first asked for. Whatever the order of edits, the
 * before/after it gives equals the one two fresh engines give.
 */
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/core/deltas.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

describe('the scenario baseline, built on first use', async () => {
  const rules = makeRules();
  const { service } = demoService();
  const data = await openDemo(service, '350525');
  const existing = data.stations.filter((s) => s.status === 'existing');
  const fresh = (stations: Station[]) => {
    const grid = service.currentEngine().grid;
    return compareScenarios(createEngine(grid, { stations, rules }), createEngine(grid, { stations: stations.filter((s) => s.status !== 'proposed'), rules }));
  };

  it('is not needed while no station is proposed', () => {
    expect(service.evaluate(existing, rules, { seq: 1 }).delta).toBeNull();
  });

  it('a proposed station added afterwards gets the before/after of fresh engines', () => {
    const dapu = data.stations.find((s) => s.id === 'yc-dapu')!;
    const update = service.upsertStation(dapu, { seq: 2 });
    expect(update.delta).not.toBeNull();
    expect(update.delta).toEqual(fresh([...existing, dapu]));
    expect(update.delta!.covered.change).toBeGreaterThan(0);
  });

  it('stays right through a move of an existing station and a removal', () => {
    const moved = { ...existing[0], lng: existing[0].lng + 0.05 };
    service.upsertStation(moved, { seq: 3 });
    const update = service.removeStation(existing[1].id, { seq: 4 });
    const dapu = data.stations.find((s) => s.id === 'yc-dapu')!;
    expect(update.delta).toEqual(fresh([moved, ...existing.slice(2), dapu]));
  });

  it('the "before" map is the scenario without its proposed stations', () => {
    const before = service.baselineStatus();
    expect(before.withoutIds).toEqual(['yc-dapu']);
    const engine = createEngine(service.currentEngine().grid, { stations: service.currentEngine().activeStations().filter((s) => s.status !== 'proposed'), rules });
    expect([...before.status]).toEqual([...engine.status]);
  });
});
