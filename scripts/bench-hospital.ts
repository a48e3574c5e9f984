/**
 * Scene-to-hospital minutes (issue 14 §4), each figure beside a baseline
 * measured in the same run:
 * - on roads (Andorra's real OSM roads, a synthetic grid of its sample's
 *   people): one multi-source search from all 13 hospitals against one
 *   search per hospital and the per-cell minimum (the same minutes, checked);
 * - on the straight line (all of Quanzhou, the demo's planned centres): the
 *   five capabilities' figures, before and after, against the per-cell
 *   minutes alone.
 * Run: npx tsx scripts/bench-hospital.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { latLngToCell } from 'h3-js';
import { hospitalAccess } from '../src/core/ems/hospital.ts';
import { hospitalMinutesByCell } from '../src/core/ems/hospital-minutes.ts';
import { buildGrid } from '../src/core/grid.ts';
import { defaultReachSettings } from '../src/core/reach-settings.ts';
import { RoadNetwork } from '../src/core/road-network.ts';
import { minutesToNearest } from '../src/core/roads/nearest-target.ts';
import { makeRules } from '../src/core/rules.ts';
import type { Station } from '../src/core/types.ts';
import { readRoads } from '../src/io/roads/index.ts';
import { loadDemoDataset, QUANZHOU } from './lib/demo-data.ts';
import { line, time, timeInterleaved } from './lib/timing.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(here, '../data/samples/andorra');

const csvRows = (file: string) => readFileSync(path.join(SAMPLE, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

async function onRoads(): Promise<void> {
  const people = new Map<string, number>();
  for (const [lng, lat, population] of csvRows('population-synthetic.csv')) {
    const h3 = latLngToCell(Number(lat), Number(lng), 9);
    people.set(h3, (people.get(h3) ?? 0) + Number(population));
  }
  const grid = buildGrid([...people].map(([h3, population]) => ({ h3, population, zone: 'ad' })), [{ code: 'ad', name: 'Andorra', county: 'ad', countyName: 'Andorra', areaType: 'rural', seat: null }]);
  const hospitals: Station[] = csvRows('stations.csv')
    .filter((r) => r[2] === 'hospital')
    .map(([id, name, , , lng, lat]) => ({ id, name, kind: 'hospital', status: 'existing', lng: Number(lng), lat: Number(lat), capabilities: ['stroke'] }));
  const { ways } = await readRoads(readFileSync(path.join(SAMPLE, 'andorra-latest.osm.pbf')), { file: 'andorra-latest.osm.pbf' });
  const roads = new RoadNetwork(grid, ways);
  const rules = makeRules({ reach: defaultReachSettings() });
  const reach = roads.model(rules);
  const targets = hospitals.map((h) => reach.snap(h.lng, h.lat)).filter((s) => s.node >= 0).map((s) => ({ node: s.node, minutes: (s.km / reach.offRoadKmh) * 60 }));
  const perHospital = () => {
    const best = new Float64Array(reach.graph.nodeCount).fill(Infinity);
    for (const t of targets) {
      const m = minutesToNearest(reach.graph, [t]);
      for (let v = 0; v < best.length; v++) if (m[v] < best[v]) best[v] = m[v];
    }
    return reach.cellMinutes(best);
  };
  const ours = hospitalMinutesByCell(grid, rules, hospitals, roads, 'stroke');
  const check = perHospital();
  for (let i = 0; i < grid.size; i++) if (ours[i] !== check[i] && !(Math.abs(ours[i] - check[i]) < 1e-9)) throw new Error(`cell ${i}: ${ours[i]} against ${check[i]} by one search per hospital`);
  // each run moves the hospitals by a nanodegree (the same nodes), so no run reads minutes kept from the last
  let run = 0;
  const moved = () => hospitals.map((h) => ({ ...h, lng: h.lng + ++run * 1e-9 }));
  const [one, each] = timeInterleaved([() => hospitalMinutesByCell(grid, rules, moved(), roads, 'stroke'), perHospital], 15);
  console.log(
    line(`Andorra roads (${reach.graph.nodeCount.toLocaleString('en-US')} nodes, ${grid.size.toLocaleString('en-US')} cells), minutes to the nearest of ${targets.length} hospitals: one multi-source search`, one, each, 'one search per hospital + per-cell minimum', 1),
  );
}

async function straightLine(): Promise<void> {
  const { grid, stations } = await loadDemoDataset(QUANZHOU);
  const rules = makeRules();
  const centres = stations.filter((s) => s.plannedCapabilities?.length).length;
  let run = 0;
  const moved = () => stations.map((s) => (s.plannedCapabilities ? { ...s, lng: s.lng + ++run * 1e-9 } : s));
  const minutesOnly = time(() => hospitalMinutesByCell(grid, rules, moved(), null, 'stroke'), 7);
  const figures = time(() => hospitalAccess(grid, rules, { stations: moved(), calls: null, roads: null }), 5);
  const label = `Quanzhou straight line (${grid.size.toLocaleString('en-US')} cells, ${centres} planned centres)`;
  console.log(line(`${label}: all 5 capabilities' figures, before and after, hospitals moved each run`, figures, minutesOnly, 'one capability\'s per-cell minutes', 1));
  const again = time(() => hospitalAccess(grid, rules, { stations, calls: null, roads: null }), 7);
  console.log(line(`${label}: the same figures again, no capable hospital moved (another station's edit)`, again, figures, 'computed afresh', 0));
}

await onRoads();
await straightLine();
