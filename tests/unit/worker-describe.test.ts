/**
 * The worker's describeCell on Yongchun: the answer carries the update it
 * belongs to, agrees with that update's status array and gap list, and
 * follows the scenario after an edit (no gap groups kept from before).
 */
import { describe, expect, it } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { STATUS_NAMES } from '../../src/core/types.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

const { service } = demoService();

describe('describeCell in the worker service', async () => {
  const dataset = await openDemo(service, '350525');
  const first = service.evaluate(dataset.stations, makeRules(), { seq: 7 });

  it('a cell of gap area 1 is described under update 7 with the figures of gap 1', () => {
    // scan the uncovered populated cells until one lies in gap area 1 (the cached groups make each call cheap)
    const gap1 = first.gaps![0];
    let index = -1;
    for (let i = 0; i < dataset.h3.length && index < 0; i++) {
      if (first.status[i] === 0 || dataset.population[i] === 0) continue;
      const d = service.describeCell(i);
      if (d.gap?.rank === 1) index = i;
    }
    expect(index).toBeGreaterThanOrEqual(0);
    const d = service.describeCell(index);
    expect(d.seq).toBe(7);
    expect(d.row.status).toBe(STATUS_NAMES[first.status[index]]);
    expect(d.gap).toMatchObject({ rank: 1, population: gap1.population, gapPopulation: gap1.gapPopulation });
    expect(d.gap!.townships.reduce((s, z) => s + z.population, 0)).toBeCloseTo(gap1.population, 6);
  });

  it('after a station is placed on a gap cell, the answer belongs to the new update and the cell is covered', () => {
    const gapCell = first.status.findIndex((s, i) => s === 2 && dataset.population[i] > 0);
    expect(service.describeCell(gapCell).gap).not.toBeNull();
    const d0 = service.describeCell(gapCell);
    const next = service.upsertStation({ id: 'user-1', name: 'x', kind: 'station', status: 'proposed', lng: d0.centre[0], lat: d0.centre[1] }, { seq: 8 });
    const d = service.describeCell(gapCell);
    expect(d.seq).toBe(8);
    expect(next.status[gapCell]).toBe(0);
    expect(d.row).toMatchObject({ status: 'covered', nearestStationId: 'user-1' });
    expect(d.row.distanceKm).toBeLessThan(1e-6);
    expect(d.gap).toBeNull();
  });
});
