import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/lib/demo-data.ts';
import { makeRules } from '../../src/core/rules.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

// The worker's service, fed the demo region packs from disk instead of fetch.
const { service } = demoService();

describe('the coverage worker service on Yongchun', async () => {
  const dataset = await openDemo(service, '350525');
  const rules = makeRules();
  const first = service.evaluate(dataset.stations, rules, { seq: 1 });

  it('keeps the region\'s stations and leaves out those that cannot reach it', () => {
    expect(dataset.stations.some((s) => s.county === '350582')).toBe(false);
    // every Yongchun facility of the data file: its plan's 3 stations, 21 health centres and 3 more roster facilities
    const yongchun = (JSON.parse(readFileSync(path.join(DATA_DIR, 'facilities.json'), 'utf8')) as { county: string }[]).filter((f) => f.county === '350525');
    expect(yongchun).toHaveLength(27);
    expect(dataset.stations.filter((s) => s.county === '350525')).toHaveLength(yongchun.length);
  });

  it('loads every cell and the demo stations', () => {
    expect(dataset.h3.length).toBe(dataset.population.length);
    expect(dataset.population.reduce((s, p) => s + p, 0)).toBe(422_531);
    expect(dataset.stations.find((s) => s.id === 'yc-dapu')?.status).toBe('proposed');
  });

  it('returns per-cell statuses consistent with the totals', () => {
    let covered = 0;
    first.status.forEach((st, i) => {
      if (st === 0) covered += dataset.population[i];
    });
    expect(covered).toBe(first.totals.covered);
    expect(first.seq).toBe(1);
    expect(first.delta?.stations.map((s) => s.id).sort()).toEqual(['yc-dapu', 'yc-guiyang']);
    expect(first.gaps![0].outline).not.toBeNull();
  });

  it('switching Dapu and Guiyang off changes covered population by exactly the delta', () => {
    const dapu = dataset.stations.find((s) => s.id === 'yc-dapu')!;
    const guiyang = dataset.stations.find((s) => s.id === 'yc-guiyang')!;
    service.upsertStation({ ...dapu, status: 'disabled' }, { seq: 2 });
    const off = service.upsertStation({ ...guiyang, status: 'disabled' }, { seq: 3 });
    expect(off.totals.covered).toBe(first.delta!.covered.before);
    expect(off.delta).toBeNull();
    service.upsertStation(dapu, { seq: 4 });
    const on = service.upsertStation(guiyang, { seq: 5 });
    expect(on.totals.covered).toBe(first.totals.covered);
  });

  it('a light update (while dragging) keeps the last gap groups, and a full one recomputes them', () => {
    const dapu = dataset.stations.find((s) => s.id === 'yc-dapu')!;
    const before = service.upsertStation(dapu, { seq: 6 });
    const moved = service.upsertStation({ ...dapu, lng: dapu.lng + 0.05 }, { seq: 6, light: true });
    expect(moved.gaps).toEqual(before.gaps);
    expect(moved.totals.covered).not.toBe(first.totals.covered);
    const dropped = service.upsertStation({ ...dapu, lng: dapu.lng + 0.05 }, { seq: 6 });
    expect(dropped.gaps).not.toEqual(before.gaps);
    const back = service.upsertStation(dapu, { seq: 7 });
    expect(back.totals.covered).toBe(first.totals.covered);
  });

  it('removing a station that is switched off is harmless', () => {
    const hc = dataset.stations.find((s) => s.status === 'disabled')!;
    expect(() => service.removeStation(hc.id, { seq: 8 })).not.toThrow();
  });
});
