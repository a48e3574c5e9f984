/**
 * Benchmarks of the road network, each beside a baseline measured in the
 * same run:
 *   1. the Andorra extract (ODbL, © OpenStreetMap contributors): PBF read →
 *      road ways → CSR graph, time and peak memory (its own process);
 *   2. one station's Dijkstra to 30 minutes on Andorra (flatqueue) beside
 *      the same search with the hand-written heap it replaced, and a naive
 *      Dijkstra whose queue is an array scanned for its minimum;
 *   3. a 泉州市-shaped network of ≥ 500,000 nodes (Andorra's roads tiled over
 *      the 泉州市 pack's cells, joined by expressways: scripts/lib/tiled-roads.ts
 *      says why that is realistic): a 20-minute Dijkstra from each of the
 *      126 stations, beside the hand-written heap and graphology's
 *      Dijkstra (a general-purpose graph library);
 *   4. the coverage engine on that network and the 泉州市 cells: a full
 *      evaluation with 126 stations, the first move after it and a
 *      one-station move, each beside the engine listing every station's
 *      whole reach (the path before nearestAll, timed in turn) and beside
 *      the straight-line engine on the same cells and stations;
 *   5. a uniform road grid of 504,100 nodes (every node a 4-way junction:
 *      a worst case, not a realistic network): one 20-minute Dijkstra;
 *   6. a synthetic ~50 MB .osm.pbf (that grid plus building outlines) read
 *      and built, time and peak memory (its own process).
 *   npm run bench:roads          (BENCH_PBF_MB=10 for a smaller synthetic file)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { dijkstra as dijkstra_ } from 'graphology-shortest-path';
import { AGG_COVERED, AGG_WITHIN_CIRCLE, type CoverageEngine } from '../src/core/coverage.ts';
import { createEngine } from '../src/core/evaluate.ts';
import { KM_PER_DEG_LAT } from '../src/core/geo.ts';
import { networkLimits, type NetworkReach } from '../src/core/network-reach.ts';
import { reachCacheOf } from '../src/core/reach-cache.ts';
import { createReachModel } from '../src/core/reach-factory.ts';
import { BoundedDijkstra } from '../src/core/roads/dijkstra.ts';
import { buildRoadGraph, type CsrRoadGraph } from '../src/core/roads/graph.ts';
import { NodeSnapper } from '../src/core/roads/snap.ts';
import { DEFAULT_SPEED_MODEL } from '../src/core/roads/speeds.ts';
import { RoadWaysBuilder } from '../src/core/roads/ways.ts';
import { makeRules } from '../src/core/rules.ts';
import { totals } from '../src/core/tables.ts';
import { readRoads } from '../src/io/roads/index.ts';
import { FlatQueueDijkstra, MinHeapDijkstra } from './bench/plain-dijkstra.ts';
import { loadDemoDataset, QUANZHOU } from './lib/demo-data.ts';
import { tiledRoadWays } from './lib/tiled-roads.ts';
import { encodeOsmPbf, type PbfWay } from './lib/osm-pbf-write.ts';
import { line, time, timeInterleaved } from './lib/timing.ts';
import { mulberry32 } from '../tests/helpers/random.ts';
import { withoutFastPaths } from '../tests/helpers/plain-model.ts';

/** Compressed bytes of one synthetic building (4 nodes, a closed way), measured on a 5 MB file. */
const BYTES_PER_BUILDING = 14;

const here = path.dirname(fileURLToPath(import.meta.url));
const ANDORRA = path.resolve(here, '../../shared/data/raw/osm/andorra-latest.osm.pbf');
const SYNTHETIC = path.resolve(here, '../.scratch/bench-roads-synthetic.osm.pbf');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const STATIONS = 126;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The network as a graphology graph: a node per road node, an edge per drivable arc, weight `minutes`. */
function toGraphology(g: CsrRoadGraph): MultiDirectedGraph {
  const general = new MultiDirectedGraph({ allowSelfLoops: true });
  for (let v = 0; v < g.nodeCount; v++) general.addNode(String(v));
  for (let v = 0; v < g.nodeCount; v++) {
    for (let a = g.arcStart[v]; a < g.arcStart[v + 1]; a++) {
      // arcs against a one-way road cost Infinity: not drivable, so not an edge
      if (Number.isFinite(g.arcMinutes[a])) general.addDirectedEdge(String(v), String(g.arcTo[a]), { minutes: g.arcMinutes[a] });
    }
  }
  return general;
}

interface ReadFigures {
  readMs: number;
  buildMs: number;
  peakRssMB: number;
  nodes: number;
  arcs: number;
  ways: number;
  fileMB: number;
}

/** Child process: read and build one file, print its figures as JSON. */
async function measureRead(file: string): Promise<void> {
  const bytes = readFileSync(file);
  const t0 = performance.now();
  const read = await readRoads(bytes, { file: path.basename(file) });
  const t1 = performance.now();
  const graph = buildRoadGraph(read.ways, DEFAULT_SPEED_MODEL);
  const t2 = performance.now();
  const figures: ReadFigures = { readMs: t1 - t0, buildMs: t2 - t1, peakRssMB: process.resourceUsage().maxRSS / 1024, nodes: graph.nodeCount, arcs: graph.arcTo.length, ways: read.counts.waysKept, fileMB: bytes.length / 1048576 };
  process.stdout.write(JSON.stringify(figures));
}

function inChild(file: string): ReadFigures {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--read', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as ReadFigures;
}

/**
 * The baseline: Dijkstra with the same CSR arrays and the same budget, its
 * queue a plain array scanned for the smallest minutes at every step.
 */
function naiveDijkstra(graph: CsrRoadGraph, source: number, budget: number): number {
  const minutes = new Map<number, number>([[source, 0]]);
  const done = new Set<number>();
  const frontier: number[] = [source];
  while (frontier.length > 0) {
    let best = 0;
    for (let k = 1; k < frontier.length; k++) if (minutes.get(frontier[k])! < minutes.get(frontier[best])!) best = k;
    const v = frontier[best];
    frontier[best] = frontier[frontier.length - 1];
    frontier.pop();
    done.add(v);
    const base = minutes.get(v)!;
    for (let a = graph.arcStart[v]; a < graph.arcStart[v + 1]; a++) {
      const u = graph.arcTo[a];
      const t = base + graph.arcMinutes[a];
      if (t > budget || done.has(u)) continue;
      const old = minutes.get(u);
      if (old === undefined) frontier.push(u);
      if (old === undefined || t < old) minutes.set(u, t);
    }
  }
  return done.size;
}

/**
 * A road grid: nodes 150 m apart (710 × 710 nodes cover ~11,000 km², 泉州市's area);
 * every 100th line a trunk road (15 km apart), every 20th primary (3 km), every 5th
 * tertiary, the rest residential.
 */
function gridWays(side: number, lng0 = 118, lat0 = 25) {
  const dLat = 0.15 / KM_PER_DEG_LAT;
  const dLng = dLat / Math.cos((lat0 * Math.PI) / 180);
  const b = new RoadWaysBuilder();
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) b.addVertex(lng0 + c * dLng, lat0 + r * dLat);
  const cls = (k: number) => (k % 100 === 0 ? 'trunk' : k % 20 === 0 ? 'primary' : k % 5 === 0 ? 'tertiary' : 'residential');
  const row = new Int32Array(side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) row[c] = r * side + c;
    b.addWay(row, cls(r), NaN, 0);
  }
  for (let c = 0; c < side; c++) {
    for (let r = 0; r < side; r++) row[r] = r * side + c;
    b.addWay(row, cls(c), NaN, 0);
  }
  return b.finish();
}

/** The grid as an .osm.pbf, padded with building outlines (4 nodes and a closed way each) to about `targetMB`. */
function syntheticPbf(side: number, targetMB: number): Uint8Array {
  const ways = gridWays(side);
  const pbfWays: PbfWay[] = [];
  for (let w = 0; w < ways.wayStart.length - 1; w++) {
    pbfWays.push({ id: w + 1, refs: Array.from(ways.wayVertices.subarray(ways.wayStart[w], ways.wayStart[w + 1]), (v) => v + 1), tags: { highway: ways.classes[ways.wayClass[w]] } });
  }
  // buildings at random places near the roads, each with a house number: BYTES_PER_BUILDING measured
  const buildings = Math.max(0, Math.floor((targetMB * 1048576) / BYTES_PER_BUILDING));
  const roadNodes = ways.lng.length;
  const n = roadNodes + 4 * buildings;
  const nodes = { id: new Float64Array(n), lng: new Float64Array(n), lat: new Float64Array(n) };
  for (let v = 0; v < roadNodes; v++) {
    nodes.id[v] = v + 1;
    nodes.lng[v] = ways.lng[v];
    nodes.lat[v] = ways.lat[v];
  }
  const d = 0.00005;
  const rnd = mulberry32(5);
  let k = roadNodes;
  let wid = pbfWays.length + 1;
  for (let b = 0; b < buildings; b++) {
    const v = Math.floor(rnd() * roadNodes);
    const x = ways.lng[v] + rnd() * 0.001;
    const y = ways.lat[v] + rnd() * 0.001;
    const first = k + 1;
    for (const [dx, dy] of [[0, 0], [d, 0], [d, d], [0, d]]) {
      nodes.id[k] = k + 1;
      nodes.lng[k] = x + dx;
      nodes.lat[k++] = y + dy;
    }
    pbfWays.push({ id: wid++, refs: [first, first + 1, first + 2, first + 3, first], tags: { building: 'yes', 'addr:housenumber': String(1 + Math.floor(rnd() * 300)) } });
  }
  return encodeOsmPbf(nodes, pbfWays);
}

async function main(): Promise<void> {
  console.log('bench:roads — road import and network reach (Node', process.version + ')');

  // 1. Andorra: read + build in its own process (peak memory its own)
  if (!existsSync(ANDORRA)) throw new Error(`${ANDORRA} not found: the Andorra extract is in ../shared/data/raw/osm/.`);
  const andorra = inChild(ANDORRA);
  console.log(`Andorra PBF (${andorra.fileMB.toFixed(2)} MB) read → ways: ${andorra.readMs.toFixed(0)} ms; ways → CSR graph: ${andorra.buildMs.toFixed(0)} ms; ${int(andorra.ways)} ways, ${int(andorra.nodes)} nodes, ${int(andorra.arcs)} arcs; process peak RSS ${andorra.peakRssMB.toFixed(0)} MB`);

  // 2. Andorra: one station's Dijkstra to 30 minutes
  const read = await readRoads(readFileSync(ANDORRA), { file: 'andorra-latest.osm.pbf' });
  const graph = buildRoadGraph(read.ways, DEFAULT_SPEED_MODEL);
  const snapper = new NodeSnapper(graph, { maxSnapKm: 1, fragmentShare: 0.01 });
  // Andorra la Vella, by its main hospital (Hospital Nostra Senyora de Meritxell, Escaldes-Engordany)
  const station = snapper.snap(1.5335, 42.5075, { node: -1, km: 0, reason: 0 });
  const dijkstra = new BoundedDijkstra(graph);
  const heapDijkstra = new MinHeapDijkstra(graph);
  const flatDijkstra = new FlatQueueDijkstra(graph);
  const settled = dijkstra.run(station.node, 30);
  const naiveSettled = naiveDijkstra(graph, station.node, 30);
  if (naiveSettled !== settled || heapDijkstra.run(station.node, 30) !== settled || flatDijkstra.run(station.node, 30) !== settled) throw new Error(`The baselines settled ${naiveSettled} nodes and ours ${settled}: they must agree.`);
  const [ours, heap, flat] = timeInterleaved([() => dijkstra.run(station.node, 30), () => heapDijkstra.run(station.node, 30), () => flatDijkstra.run(station.node, 30)], 3 * runs, 3);
  const naive = time(() => naiveDijkstra(graph, station.node, 30), Math.max(3, Math.floor(runs / 3)), 1);
  const andorraLabel = `Andorra: one station's Dijkstra to 30 min (${int(settled)} of ${int(graph.nodeCount)} nodes settled)`;
  console.log(line(`${andorraLabel}, plain Dijkstra with flatqueue (the queue swap alone)`, flat, heap, 'the same with the hand-written heap', 2));
  console.log(line(`${andorraLabel}, BoundedDijkstra (junction core + flatqueue)`, ours, heap, 'plain Dijkstra, hand-written heap (before)', 2));
  console.log(line(andorraLabel, ours, naive, 'array-scan queue'));

  // 3. a 泉州市-shaped network: Andorra tiled over the pack's cells, expressways between the tiles
  const city = await loadDemoDataset(QUANZHOU);
  const tb = performance.now();
  const tiled = tiledRoadWays(read.ways, city.grid.lng, city.grid.lat);
  const net = buildRoadGraph(tiled.ways, DEFAULT_SPEED_MODEL);
  const netMs = performance.now() - tb;
  let chain = 0;
  for (let v = 0; v < net.nodeCount; v++) if (net.arcStart[v + 1] - net.arcStart[v] === 2) chain++;
  console.log(`泉州市-shaped network: Andorra's roads tiled ${tiled.tiles}× over the ${int(city.grid.size)} cells of 泉州市 + ${int(tiled.expresswayKm)} km of expressway: ${int(net.nodeCount)} nodes (${pct(chain, net.nodeCount)} on chains, degree 2), ${int(net.arcTo.length)} arcs, built in ${int(netMs)} ms`);
  // 126 stations of 泉州市 spread over its list (every facility on: the demo's 184)
  const all = city.stations.map((s) => ({ ...s, status: s.status === 'disabled' ? ('existing' as const) : s.status }));
  const stations = Array.from({ length: Math.min(STATIONS, all.length) }, (_, k) => all[Math.floor((k * all.length) / STATIONS)]);
  const netSnapper = new NodeSnapper(net, { maxSnapKm: 5, fragmentShare: 0.01 });
  const sources = stations.map((s) => netSnapper.snap(s.lng, s.lat, { node: -1, km: 0, reason: 0 }).node).filter((v) => v >= 0);
  const netDijkstra = new BoundedDijkstra(net);
  const netHeap = new MinHeapDijkstra(net);
  const netFlat = new FlatQueueDijkstra(net);
  const settledBy = sources.map((v) => netDijkstra.run(v, 20));
  sources.forEach((v, k) => {
    if (netHeap.run(v, 20) !== settledBy[k]) throw new Error('The hand-written heap and flatqueue disagree on the tiled network.');
  });
  const medianSettled = median(settledBy);
  // each round: one source, its search by each of the three
  let next = 0;
  const [netOurs, netHeapTiming, netFlatTiming] = timeInterleaved([() => netDijkstra.run(sources[next % sources.length], 20), () => netHeap.run(sources[next % sources.length], 20), () => netFlat.run(sources[next++ % sources.length], 20)], 2 * sources.length, 3);
  const most = Math.max(...settledBy);
  const netLabel = `泉州市-shaped network: one 20-min Dijkstra, each of ${sources.length} stations on a road (median ${int(medianSettled)} nodes settled, ${pct(medianSettled, net.nodeCount)} of the network; most ${int(most)}, ${pct(most, net.nodeCount)})`;
  console.log(line(netLabel, netOurs, netHeapTiming, 'plain Dijkstra, hand-written heap (before)', 2));
  console.log(line('泉州市-shaped network: the same, plain Dijkstra with flatqueue (the queue swap alone)', netFlatTiming, netHeapTiming, 'the same with the hand-written heap', 2));
  const busiest = sources[settledBy.indexOf(most)];
  const [busiestOurs, busiestHeap] = timeInterleaved([() => netDijkstra.run(busiest, 20), () => netHeap.run(busiest, 20)], runs, 3);
  console.log(line(`泉州市-shaped network: the 20-min Dijkstra that settles most (${int(most)} nodes)`, busiestOurs, busiestHeap, 'plain Dijkstra, hand-written heap (before)', 2));
  // graphology has no bound: its search covers the whole network, so ours is timed over the whole network too
  const tg = performance.now();
  const general = toGraphology(net);
  const generalBuildMs = performance.now() - tg;
  const whole = sources.slice(0, 3);
  const wholeSettled = netDijkstra.run(whole[0], Infinity);
  const [order] = dijkstra_.brandes(general, String(whole[0]), 'minutes');
  if (order.length !== wholeSettled) throw new Error(`graphology reached ${order.length} nodes and ours ${wholeSettled}: they must agree.`);
  next = 0;
  const oursWhole = time(() => netDijkstra.run(whole[next++ % whole.length], Infinity), 6, 1);
  next = 0;
  const graphologyWhole = time(() => dijkstra_.brandes(general, String(whole[next++ % whole.length]), 'minutes'), 3, 0);
  console.log(line(`泉州市-shaped network: Dijkstra over the whole network (${int(wholeSettled)} nodes; graphology has no bound)`, oursWhole, graphologyWhole, `graphology-shortest-path dijkstra.brandes, weighted, no path copies (graph built in ${int(generalBuildMs)} ms, not counted)`));
  console.log(line('泉州市-shaped network: our 20-min Dijkstra (the query the engine makes)', netOurs, graphologyWhole, 'graphology, whole network (it cannot stop at 20 min)'));

  // 4. the coverage engine on that network: 126 stations, full evaluation and a one-station move
  const rules = makeRules();
  const tm = performance.now();
  const roadModel = createReachModel(city.grid, { kind: 'road-network', graph: net });
  const modelMs = performance.now() - tm;
  const roadEngine = createEngine(city.grid, { stations, rules }, roadModel);
  const lineEngine = createEngine(city.grid, { stations, rules });
  const access = (roadModel as NetworkReach).roadAccess();
  console.log(`engine on the 泉州市-shaped network: cells snapped in ${int(modelMs)} ms (once per network); ${int(access.far.length)} of ${int(city.grid.size)} cells beyond 1 km of a road (tiles leave gaps), ${int(roadEngine.total(AGG_COVERED))} residents covered by road, ${int(lineEngine.total(AGG_COVERED))} by straight line; response-time bound ${networkLimits(rules).max.toFixed(0)} min (the rural marginal radius read as minutes)`);
  const evaluate = (engine: CoverageEngine) => () => {
    engine.setStations(stations);
    totals(engine);
  };
  // the searches the model keeps between evaluations (reach-cache.ts) are forgotten before each run: every station searched, as before the cache
  const kept = reachCacheOf(roadModel)!;
  // before: the engine lists every station's whole reach (no nearestAll, nothing kept) and compares them
  const plainEngine = createEngine(city.grid, { stations, rules }, withoutFastPaths(roadModel));
  if (plainEngine.total(AGG_COVERED) !== roadEngine.total(AGG_COVERED) || plainEngine.total(AGG_WITHIN_CIRCLE) !== roadEngine.total(AGG_WITHIN_CIRCLE)) throw new Error('The road model\'s full evaluation and every reach listed disagree.');
  const [roadFull, plainFull] = timeInterleaved(
    [
      () => {
        kept.clear();
        evaluate(roadEngine)();
      },
      evaluate(plainEngine),
    ],
    Math.max(5, Math.floor(runs / 3)),
    1,
  );
  const lineFull = time(evaluate(lineEngine), runs, 2);
  const fullLabel = `full evaluation, ${stations.length} stations, roads (statuses + totals), every station searched`;
  console.log(line(`${fullLabel} (nearestAll: searches pruned beyond the cover limit where a station searched before is nearer)`, roadFull, plainFull, 'every station\'s whole reach listed and compared (before), timed in turn', 2));
  console.log(line(fullLabel, roadFull, lineFull, 'straight-line engine, same cells and stations', 2));
  const roadKept = time(evaluate(roadEngine), Math.max(5, Math.floor(runs / 3)), 1);
  console.log(line(`full evaluation again with the searches kept (a rules change keeping the limits, a reload, the before/after baseline)`, roadKept, roadFull, 'every station searched', 1));
  const mover = stations[Math.floor(stations.length / 2)];
  const away = { ...mover, lng: mover.lng + 0.03 };
  const move = (engine: CoverageEngine) => {
    let flip = false;
    return () => {
      // a drag's every step is a new place: its search is never kept from the step before (the
      // evaluation without the dragged station, the same at every step, is: reach-cache.ts)
      if (engine === roadEngine) kept.forgetReaches();
      engine.upsertStation(flip ? mover : away);
      flip = !flip;
      totals(engine);
    };
  };
  // the first move after a full evaluation: the evaluation without the moved station is made (nearestAll), then kept for the drag's next steps
  const firsts: number[] = [];
  const plainFirsts: number[] = [];
  for (let k = 0; k < 3; k++) {
    kept.clear();
    evaluate(roadEngine)();
    const t = performance.now();
    move(roadEngine)();
    firsts.push(performance.now() - t);
    evaluate(plainEngine)();
    const tp = performance.now();
    move(plainEngine)();
    plainFirsts.push(performance.now() - tp);
    roadEngine.upsertStation(mover);
    plainEngine.upsertStation(mover);
  }
  const firstMove = { medianMs: median(firsts), minMs: Math.min(...firsts), runs: firsts.length };
  const plainFirstMove = { medianMs: median(plainFirsts), minMs: Math.min(...plainFirsts), runs: plainFirsts.length };
  console.log(line(`the first one-station move after a full evaluation, roads (the evaluation without it searched, as a full one)`, firstMove, plainFirstMove, 'the same after every reach listed (before)', 2));
  const [roadMove, plainMove] = timeInterleaved([move(roadEngine), move(plainEngine)], 41, 4);
  console.log(line(`one-station move (${mover.id}, 3 km) + totals, roads, timed in turn`, roadMove, plainMove, 'every station\'s whole reach kept and compared (before)', 2));
  const lineMove = time(move(lineEngine), 201, 10);
  console.log(line(`one-station move (${mover.id}, 3 km) + totals, roads`, roadMove, lineMove, 'straight-line engine', 2));

  // 5. the uniform grid: a worst case (every node a junction), not the realistic figure
  const side = Number(process.env.BENCH_GRID_SIDE ?? 710);
  const t0 = performance.now();
  const big = buildRoadGraph(gridWays(side), DEFAULT_SPEED_MODEL);
  const buildMs = performance.now() - t0;
  const centre = Math.floor(side / 2) * side + Math.floor(side / 2) + 3;
  const bigDijkstra = new BoundedDijkstra(big);
  const bigSettled = bigDijkstra.run(centre, 20);
  if (naiveDijkstra(big, centre, 20) !== bigSettled) throw new Error('The baseline and ours disagree on the synthetic grid.');
  console.log(`uniform grid ${side}×${side}: ${int(big.nodeCount)} nodes, ${int(big.arcTo.length)} arcs, built in ${buildMs.toFixed(0)} ms`);
  const bigOurs = time(() => bigDijkstra.run(centre, 20), runs, 3);
  const bigNaive = time(() => naiveDijkstra(big, centre, 20), 3, 1);
  console.log(line(`uniform grid (worst case): one 20-min Dijkstra (${int(bigSettled)} nodes settled)`, bigOurs, bigNaive, 'array-scan queue'));

  // 6. a synthetic ~50 MB PBF: read + build in its own process
  const targetMB = Number(process.env.BENCH_PBF_MB ?? 50);
  mkdirSync(path.dirname(SYNTHETIC), { recursive: true });
  const tw = performance.now();
  writeFileSync(SYNTHETIC, syntheticPbf(side, targetMB));
  const writeMs = performance.now() - tw;
  const synthetic = inChild(SYNTHETIC);
  console.log(`synthetic PBF (${synthetic.fileMB.toFixed(1)} MB, written in ${(writeMs / 1000).toFixed(1)} s, not counted) read → ways: ${(synthetic.readMs / 1000).toFixed(2)} s; → CSR graph: ${(synthetic.buildMs / 1000).toFixed(2)} s; ${int(synthetic.nodes)} road nodes; process peak RSS ${synthetic.peakRssMB.toFixed(0)} MB (targets: ≤ 30 s, ≤ 1.5 GB)`);
}

const at = process.argv.indexOf('--read');
if (at >= 0) await measureRead(process.argv[at + 1]);
else await main();
