/**
 * The engine against an independent brute-force computation on the demo
 * data: every cell centre (h3-js) to every active station with Turf's
 * distance, statuses from the township area types read straight from
 * data/townships.json. Covered population must agree within 0.1 %.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { cellToLatLng } from 'h3-js';
import { createEngine } from '../../src/core/evaluate.ts';
import { makeRules, type Rules } from '../../src/core/rules.ts';
import { totals } from '../../src/core/tables.ts';
import type { Station } from '../../src/core/types.ts';
import { DATA_DIR, loadDemoDataset } from '../../scripts/lib/demo-data.ts';

interface Township { code: string; areaType: 'urban' | 'rural' }
const areaType = new Map(
  (JSON.parse(readFileSync(path.join(DATA_DIR, 'townships.json'), 'utf8')) as Township[]).map((t) => [t.code, t.areaType]),
);

function bruteForce(county: string, stations: Station[], rules: Rules) {
  const text = readFileSync(path.join(DATA_DIR, `population/${county}.csv`), 'utf8');
  const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
  const active = stations.filter((s) => s.status !== 'disabled');
  const sums = { population: 0, covered: 0, marginal: 0, gap: 0 };
  for (const [h3, pop, zone] of rows) {
    const [lat, lng] = cellToLatLng(h3);
    let nearest = Infinity;
    for (const s of active) nearest = Math.min(nearest, distance([lng, lat], [s.lng, s.lat], { units: 'kilometers' }));
    const urban = areaType.get(zone) === 'urban';
    const cover = urban ? rules.urbanRadiusKm : rules.ruralReading === 'lenient' ? rules.ruralLenientRadiusKm : rules.ruralStrictRadiusKm;
    const marginal = urban ? rules.urbanRadiusKm : rules.ruralLenientRadiusKm;
    const p = Number(pop);
    sums.population += p;
    if (nearest <= cover) sums.covered += p;
    else if (nearest <= marginal) sums.marginal += p;
    else sums.gap += p;
  }
  return sums;
}

const cases: [string, string, (s: Station[]) => Station[], Rules][] = [
  ['Yongchun, demo scenario (centre + Dapu + Guiyang)', '350525', (s) => s, makeRules()],
  ['Yongchun without Dapu and Guiyang', '350525', (s) => s.filter((x) => x.status !== 'proposed'), makeRules()],
  ['Yongchun, every health centre switched on, lenient 20 km', '350525', (s) => s.map((x) => ({ ...x, status: 'existing' as const })), makeRules({ ruralReading: 'lenient' })],
  ['Jinjiang, demo scenario', '350582', (s) => s, makeRules()],
  ['Tong\'an (Xiamen), demo scenario', '350212', (s) => s, makeRules()],
];

describe('engine equals brute-force haversine on the demo data', () => {
  for (const [label, county, pick, rules] of cases) {
    it(label, async () => {
      const dataset = await loadDemoDataset(county);
      const stations = pick(dataset.stations);
      const t = totals(createEngine(dataset.grid, { stations, rules }));
      const b = bruteForce(county, stations, rules);
      expect(t.population).toBe(b.population);
      expect(Math.abs(t.covered - b.covered)).toBeLessThanOrEqual(0.001 * b.population);
      expect(Math.abs(t.marginal - b.marginal)).toBeLessThanOrEqual(0.001 * b.population);
      expect(Math.abs(t.gap - b.gap)).toBeLessThanOrEqual(0.001 * b.population);
      expect(b.covered).toBeGreaterThan(0); // the scenario must exercise coverage at all
    });
  }
});
