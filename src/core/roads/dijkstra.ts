/**
 * Bounded single-source shortest paths (Dijkstra) on a CSR road graph, with
 * scratch arrays kept between runs: a run touches only the nodes it reaches,
 * so a 20-minute search on a province graph costs what the 20 minutes hold,
 * not the graph's size.
 *
 * Most nodes of a real road graph are shape points: 90 % of Andorra's OSM
 * nodes have exactly two neighbours. The search runs on the junctions only
 * (the "core": every other node, plus one node of each ring of shape points
 * with no junction), each chain of shape points between two junctions an arc
 * of the core; then the nodes of every chain with a settled end get their
 * minutes from the nearer end, in one pass with no queue. Same minutes as a
 * plain Dijkstra on the whole graph (up to the rounding of a sum taken in
 * another order), several times fewer queue operations.
 */
import FlatQueue from 'flatqueue';
import type { CsrRoadGraph } from './graph.ts';

/**
 * How much worse than the bound a junction may be and still be entered by a
 * pruned run: far above the rounding of a sum of minutes along a path (about
 * 1e-11 for an hour of a thousand arcs), far below anything a driver notices.
 */
export const PRUNE_SLACK_MINUTES = 1e-6;

/** A pruned run's bound: see BoundedDijkstra.run. */
export interface Prune {
  /** Per node, the least response minutes known so far (Infinity: none). */
  bound: Float64Array;
  /** Minutes added to this run's minutes before comparing them with the bound (the source's turnout and off-road leg). */
  offset: number;
  /** Up to these minutes of the run nothing is pruned. */
  freeMinutes: number;
}

/**
 * A pruned run whose bound is read where cells are joined to the network
 * (NetworkReach.reachAgainst): a junction's bound is the least of its own
 * and, along each chain of shape points ending at it, a wanted node's plus
 * the drive from there to the junction; found when first needed, once a run.
 */
export interface NodePrune {
  /** Per node, the least response minutes known there (Infinity: none); asked of wanted nodes and junctions only. */
  boundAt: (node: number) => number;
  offset: number;
  freeMinutes: number;
}

type DijkstraGraph = Pick<CsrRoadGraph, 'nodeCount' | 'arcStart' | 'arcTo' | 'arcMinutes' | 'minutesVersion'>;

export class BoundedDijkstra {
  /** Minutes to each node from the last run's source; Infinity where not reached. Valid until the next run. */
  readonly minutes: Float64Array;
  /**
   * Nodes reached by the last run: settled[0 … settledCount), in no
   * particular order (junctions first, in order of minutes; then shape points).
   */
  readonly settled: Int32Array;
  settledCount = 0;
  /**
   * mourner's flatqueue, without decrease-key: a node is pushed again when
   * its minutes improve and the stale entry is skipped when popped (cheaper
   * than keeping positions). It grows as needed: its fixed-capacity typed
   * arrays measured slower on the junction core (48-minute searches on
   * bench:roads' tiled network, timed in turn: median 28 ms against 19 ms).
   */
  private readonly queue = new FlatQueue<number>();
  private readonly graph: DijkstraGraph;
  private readonly core: Core;
  /** The graph's minutesVersion the core's minutes were read at. */
  private weighedVersion: number;
  /** Run stamp per chain: its nodes have been given minutes in this run. */
  private readonly chainSeen: Int32Array;
  private stamp = 0;
  /** A NodePrune run's junction bounds, valid where boundStamp is the run's stamp (made on the first such run). */
  private boundValue: Float64Array | null = null;
  private boundStamp: Int32Array | null = null;

  /**
   * @param graph the road graph: its shape is read once here, its minutes again after setArcMinutes
   * @param wanted nodes whose minutes the caller reads (1), e.g. those cells are joined to; a shape point
   *   not wanted may be left out of `minutes` and `settled` (default: every node)
   */
  constructor(graph: DijkstraGraph, wanted?: Uint8Array) {
    this.minutes = new Float64Array(graph.nodeCount).fill(Infinity);
    this.settled = new Int32Array(graph.nodeCount);
    this.graph = graph;
    this.core = buildCore(graph, wanted);
    this.weighedVersion = graph.minutesVersion ?? 0;
    weigh(this.core, graph.arcMinutes);
    this.chainSeen = new Int32Array(this.core.chainFrom.length);
  }

  /**
   * Reaches every node within `budgetMinutes` of `source` (none when the
   * budget is negative) and returns how many.
   * @param prune optional: beyond `freeMinutes` a junction is not entered when
   *   `offset` + its minutes exceed `bound` there by more than PRUNE_SLACK_MINUTES
   *   (another source is nearer: see NetworkReach.nearestAll); a NodePrune reads the bound
   *   of a junction off the nodes around it (NetworkReach.reachAgainst)
   */
  run(source: number, budgetMinutes: number, prune?: Prune | NodePrune): number {
    // setArcMinutes re-weighted the graph in place (a new speed model): read its minutes again
    const version = this.graph.minutesVersion ?? 0;
    if (version !== this.weighedVersion) {
      weigh(this.core, this.graph.arcMinutes);
      this.weighedVersion = version;
    }
    const { minutes, settled, queue, core } = this;
    const { coreStart, coreChain, chainOf } = core;
    // reset only what the last run touched: every node given minutes was settled
    for (let i = 0; i < this.settledCount; i++) minutes[settled[i]] = Infinity;
    queue.clear();
    this.settledCount = 0;
    if (!(budgetMinutes >= 0) || source < 0) return 0;
    const stamp = ++this.stamp;
    const sourceChain = chainOf[source];
    if (sourceChain < 0) {
      minutes[source] = 0;
      queue.push(source, 0);
    } else {
      // a shape point: start from both ends of its chain, the chain itself done at the end
      this.startOnChain(source, sourceChain, budgetMinutes);
    }
    let count = !prune ? this.settle(budgetMinutes) : 'bound' in prune ? this.settlePruned(budgetMinutes, prune) : this.settleAgainst(budgetMinutes, prune);
    // the chains leaving each settled junction: their nodes from the nearer end
    const junctions = count;
    const { chainSeen } = this;
    if (sourceChain >= 0) {
      chainSeen[sourceChain] = stamp;
      count = this.fillSourceChain(source, sourceChain, budgetMinutes, count);
    }
    for (let k = 0; k < junctions; k++) {
      const v = settled[k];
      for (let a = coreStart[v], end = coreStart[v + 1]; a < end; a++) {
        const c = coreChain[a];
        if (c < 0 || chainSeen[c] === stamp) continue;
        chainSeen[c] = stamp;
        count = this.fillChain(c, budgetMinutes, count);
      }
    }
    this.settledCount = count;
    return count;
  }

  /** The queue's junctions settled in order of minutes, up to the budget; returns how many. */
  private settle(budgetMinutes: number): number {
    const { minutes, settled, queue } = this;
    const { coreStart, coreTo, coreMinutes } = this.core;
    let count = 0;
    while (queue.length > 0) {
      const key = queue.peekValue()!;
      const v = queue.pop()!;
      // a stale entry: v was pushed again with fewer minutes and is settled already
      if (key > minutes[v]) continue;
      settled[count++] = v;
      for (let a = coreStart[v], end = coreStart[v + 1]; a < end; a++) {
        const t = key + coreMinutes[a];
        const u = coreTo[a];
        // pushes never exceed the budget, so the search stops at it by itself
        if (t <= budgetMinutes && t < minutes[u]) {
          minutes[u] = t;
          queue.push(u, t);
        }
      }
    }
    return count;
  }

  /** As settle, not entering a junction beyond the free minutes where the bound is nearer (a copy of its loop: the plain one stays as lean). */
  private settlePruned(budgetMinutes: number, prune: Prune): number {
    const { minutes, settled, queue } = this;
    const { coreStart, coreTo, coreMinutes } = this.core;
    const { bound, freeMinutes } = prune;
    const offset = prune.offset - PRUNE_SLACK_MINUTES;
    let count = 0;
    while (queue.length > 0) {
      const key = queue.peekValue()!;
      const v = queue.pop()!;
      if (key > minutes[v]) continue;
      settled[count++] = v;
      for (let a = coreStart[v], end = coreStart[v + 1]; a < end; a++) {
        const t = key + coreMinutes[a];
        const u = coreTo[a];
        if (t <= budgetMinutes && t < minutes[u] && (t <= freeMinutes || offset + t <= bound[u])) {
          minutes[u] = t;
          queue.push(u, t);
        }
      }
    }
    return count;
  }

  /** As settlePruned, each junction's bound found when first compared (junctionBound). */
  private settleAgainst(budgetMinutes: number, prune: NodePrune): number {
    const { minutes, settled, queue } = this;
    const { coreStart, coreTo, coreMinutes } = this.core;
    const { freeMinutes } = prune;
    const offset = prune.offset - PRUNE_SLACK_MINUTES;
    const n = this.graph.nodeCount;
    const value = (this.boundValue ??= new Float64Array(n));
    const seen = (this.boundStamp ??= new Int32Array(n));
    const stamp = this.stamp;
    let count = 0;
    while (queue.length > 0) {
      const key = queue.peekValue()!;
      const v = queue.pop()!;
      if (key > minutes[v]) continue;
      settled[count++] = v;
      for (let a = coreStart[v], end = coreStart[v + 1]; a < end; a++) {
        const t = key + coreMinutes[a];
        const u = coreTo[a];
        if (t > budgetMinutes || t >= minutes[u]) continue;
        if (t > freeMinutes) {
          if (seen[u] !== stamp) {
            value[u] = this.junctionBound(u, prune.boundAt);
            seen[u] = stamp;
          }
          if (offset + t > value[u]) continue;
        }
        minutes[u] = t;
        queue.push(u, t);
      }
    }
    return count;
  }

  /**
   * The least bound known at junction u: its own, or a wanted node's on a
   * chain ending at u plus the drive along the chain from it to u (whoever
   * is that fast at the node is at most that slow at u).
   */
  private junctionBound(u: number, boundAt: (node: number) => number): number {
    const { coreStart, coreChain, chainFrom, chainTo, chainNodes, wantedStart, wantedPos, wantedToEnd, wantedToStart } = this.core;
    let bound = boundAt(u);
    for (let a = coreStart[u], end = coreStart[u + 1]; a < end; a++) {
      const c = coreChain[a];
      if (c < 0) continue;
      // (a loop from u back to u is listed twice and read twice: the same least)
      if (chainTo[c] === u) {
        for (let k = wantedStart[c]; k < wantedStart[c + 1]; k++) bound = Math.min(bound, boundAt(chainNodes[wantedPos[k]]) + wantedToEnd[k]);
      }
      if (chainFrom[c] === u) {
        for (let k = wantedStart[c]; k < wantedStart[c + 1]; k++) bound = Math.min(bound, boundAt(chainNodes[wantedPos[k]]) + wantedToStart[k]);
      }
    }
    return bound;
  }

  /** Gives chain c's wanted nodes min(from its start, from its end) minutes where within the budget. */
  private fillChain(c: number, budget: number, count: number): number {
    const { minutes, settled } = this;
    const { wantedStart, wantedPos, chainNodes, chainFrom, chainTo, fromMinutes, toMinutes } = this.core;
    const dFrom = minutes[chainFrom[c]];
    const dTo = minutes[chainTo[c]];
    for (let k = wantedStart[c], end = wantedStart[c + 1]; k < end; k++) {
      const i = wantedPos[k];
      const m = Math.min(dFrom + fromMinutes[i], dTo + toMinutes[i]);
      if (m <= budget && m !== Infinity) {
        minutes[chainNodes[i]] = m;
        settled[count++] = chainNodes[i];
      }
    }
    return count;
  }

  /** Pushes the two ends of the source's chain with the minutes of driving to them along it. */
  private startOnChain(source: number, c: number, budget: number): void {
    const { minutes, queue } = this;
    const { chainStart, chainFrom, chainTo, stepFromStart, stepFromEnd, chainPos, lastToEnd, firstToStart } = this.core;
    const p = chainPos[source];
    // towards the end: the steps p+1 … last, then last → end
    let toEnd = 0;
    for (let i = p + 1; i < chainStart[c + 1]; i++) toEnd += stepFromStart[i];
    toEnd += lastToEnd[c];
    let toStart = 0;
    for (let i = p - 1; i >= chainStart[c]; i--) toStart += stepFromEnd[i];
    toStart += firstToStart[c];
    for (const [end, t] of [[chainTo[c], toEnd], [chainFrom[c], toStart]] as const) {
      if (t <= budget && t < minutes[end]) {
        minutes[end] = t;
        queue.push(end, t);
      }
    }
  }

  /** The source's own chain: along it from the source, or around through either end. */
  private fillSourceChain(source: number, c: number, budget: number, count: number): number {
    const { minutes, settled } = this;
    const { chainStart, chainNodes, chainFrom, chainTo, fromMinutes, toMinutes, stepFromStart, stepFromEnd, chainPos } = this.core;
    const p = chainPos[source];
    const dFrom = minutes[chainFrom[c]];
    const dTo = minutes[chainTo[c]];
    const first = chainStart[c];
    const last = chainStart[c + 1] - 1;
    const along = (i: number, direct: number) => {
      const m = Math.min(direct, dFrom + fromMinutes[i], dTo + toMinutes[i]);
      if (m <= budget && m !== Infinity) {
        minutes[chainNodes[i]] = m;
        settled[count++] = chainNodes[i];
      }
    };
    along(p, 0);
    let direct = 0;
    for (let i = p + 1; i <= last; i++) along(i, (direct += stepFromStart[i]));
    direct = 0;
    for (let i = p - 1; i >= first; i--) along(i, (direct += stepFromEnd[i]));
    return count;
  }
}

/**
 * The junction graph of a CSR graph, in CSR over the same node numbers (a
 * shape point's row is empty), and its chains of shape points. The shape is
 * found once; the minutes are read from the graph's arcs by `weigh`, again
 * whenever setArcMinutes re-weights the graph.
 */
interface Core {
  coreStart: Int32Array;
  coreTo: Int32Array;
  /** The graph arc of a core arc between two junctions, −1 for one through a chain. */
  coreArc: Int32Array;
  /** The chain a core arc drives through (−1: none), and which way: 1 start → end, −1 end → start. */
  coreChain: Int32Array;
  coreForward: Int8Array;
  coreMinutes: Float64Array;
  /** Per node: its chain (−1 for a junction) and its position in chainNodes. */
  chainOf: Int32Array;
  chainPos: Int32Array;
  /** Chain c: nodes chainNodes[chainStart[c] … chainStart[c + 1]) in order from chainFrom[c] to chainTo[c]. */
  chainStart: Int32Array;
  chainNodes: Int32Array;
  chainFrom: Int32Array;
  chainTo: Int32Array;
  /** Per chain position: the graph arc into it from the previous node, and from the next node. */
  stepFromStartArc: Int32Array;
  stepFromEndArc: Int32Array;
  /** Per chain: the graph arc from its last node to its end, and from its first node back to its start. */
  lastToEndArc: Int32Array;
  firstToStartArc: Int32Array;
  /** The minutes of those arcs, and per position the minutes from the chain's start along it and from its end back along it. */
  stepFromStart: Float64Array;
  stepFromEnd: Float64Array;
  lastToEnd: Float64Array;
  firstToStart: Float64Array;
  fromMinutes: Float64Array;
  toMinutes: Float64Array;
  /** Chain c's wanted positions: wantedPos[wantedStart[c] … wantedStart[c + 1]). */
  wantedStart: Int32Array;
  wantedPos: Int32Array;
  /** Per wanted position: the minutes from its node along the chain to its end, and back to its start (the bounds of a pruned run). */
  wantedToEnd: Float64Array;
  wantedToStart: Float64Array;
}

/**
 * Finds the shape points — exactly two out-arcs, to two distinct other
 * nodes, and exactly one in-arc from each of them — and the chains they
 * form between junctions.
 */
function buildCore(graph: DijkstraGraph, wanted: Uint8Array | undefined): Core {
  const { nodeCount: n, arcStart, arcTo } = graph;
  const shape = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (arcStart[v + 1] - arcStart[v] !== 2) continue;
    const a = arcTo[arcStart[v]];
    const b = arcTo[arcStart[v] + 1];
    if (a !== b && a !== v && b !== v) shape[v] = 1;
  }
  // in-arcs: one from each neighbour and no other
  const fromA = new Uint8Array(n);
  const fromB = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    for (let k = arcStart[u]; k < arcStart[u + 1]; k++) {
      const v = arcTo[k];
      if (!shape[v]) continue;
      if (u === arcTo[arcStart[v]]) fromA[v]++;
      else if (u === arcTo[arcStart[v] + 1]) fromB[v]++;
      else shape[v] = 0;
    }
  }
  for (let v = 0; v < n; v++) if (shape[v] && (fromA[v] !== 1 || fromB[v] !== 1)) shape[v] = 0;
  /** The arc from → to (unique where a shape point is one end). */
  const arcBetween = (from: number, to: number) => {
    for (let k = arcStart[from]; k < arcStart[from + 1]; k++) if (arcTo[k] === to) return k;
    throw new Error(`No arc from node ${from} to node ${to}.`);
  };
  const otherNeighbour = (v: number, prev: number) => (arcTo[arcStart[v]] === prev ? arcTo[arcStart[v] + 1] : arcTo[arcStart[v]]);

  // a ring of shape points has no junction to start from: make one of its nodes a junction
  const marked = new Uint8Array(n);
  const mark = (start: number, first: number) => {
    let prev = start;
    let cur = first;
    while (shape[cur] && !marked[cur]) {
      marked[cur] = 1;
      const next = otherNeighbour(cur, prev);
      prev = cur;
      cur = next;
    }
  };
  for (let v = 0; v < n; v++) if (!shape[v]) for (let k = arcStart[v]; k < arcStart[v + 1]; k++) mark(v, arcTo[k]);
  for (let v = 0; v < n; v++) {
    if (shape[v] && !marked[v]) {
      shape[v] = 0;
      for (let k = arcStart[v]; k < arcStart[v + 1]; k++) mark(v, arcTo[k]);
    }
  }

  const chainOf = new Int32Array(n).fill(-1);
  const chainPos = new Int32Array(n).fill(-1);
  const chainNodes: number[] = [];
  const chainStart: number[] = [0];
  const chainFrom: number[] = [];
  const chainTo: number[] = [];
  const stepFromStartArc: number[] = [];
  const stepFromEndArc: number[] = [];
  const lastToEndArc: number[] = [];
  const firstToStartArc: number[] = [];
  const coreStart = new Int32Array(n + 1);
  const coreTo: number[] = [];
  const coreArc: number[] = [];
  const coreChain: number[] = [];
  const coreForward: number[] = [];
  const addCore = (to: number, arc: number, chain: number, forward: number) => {
    coreTo.push(to);
    coreArc.push(arc);
    coreChain.push(chain);
    coreForward.push(forward);
  };
  for (let v = 0; v < n; v++) {
    coreStart[v] = coreTo.length;
    if (shape[v]) continue;
    for (let k = arcStart[v]; k < arcStart[v + 1]; k++) {
      const x = arcTo[k];
      if (!shape[x]) {
        addCore(x, k, -1, 0);
        continue;
      }
      let c = chainOf[x];
      if (c >= 0) {
        // reached from its other end: the chain driven backwards, end → last … first → start
        addCore(chainFrom[c], -1, c, -1);
        continue;
      }
      // a new chain from v through x to the next junction
      c = chainFrom.length;
      chainFrom.push(v);
      let prev = v;
      let cur = x;
      let step = k;
      while (shape[cur]) {
        chainOf[cur] = c;
        chainPos[cur] = chainNodes.length;
        chainNodes.push(cur);
        stepFromStartArc.push(step);
        const next = otherNeighbour(cur, prev);
        stepFromEndArc.push(arcBetween(next, cur));
        step = arcBetween(cur, next);
        prev = cur;
        cur = next;
      }
      chainTo.push(cur);
      lastToEndArc.push(step);
      firstToStartArc.push(arcBetween(x, v));
      chainStart.push(chainNodes.length);
      addCore(cur, -1, c, 1);
    }
  }
  coreStart[n] = coreTo.length;
  const wantedStart = new Int32Array(chainFrom.length + 1);
  const wantedPos: number[] = [];
  for (let c = 0; c < chainFrom.length; c++) {
    for (let i = chainStart[c]; i < chainStart[c + 1]; i++) if (!wanted || wanted[chainNodes[i]]) wantedPos.push(i);
    wantedStart[c + 1] = wantedPos.length;
  }
  const positions = chainNodes.length;
  const chains = chainFrom.length;
  return {
    coreStart,
    coreTo: Int32Array.from(coreTo),
    coreArc: Int32Array.from(coreArc),
    coreChain: Int32Array.from(coreChain),
    coreForward: Int8Array.from(coreForward),
    coreMinutes: new Float64Array(coreTo.length),
    chainOf,
    chainPos,
    chainStart: Int32Array.from(chainStart),
    chainNodes: Int32Array.from(chainNodes),
    chainFrom: Int32Array.from(chainFrom),
    chainTo: Int32Array.from(chainTo),
    stepFromStartArc: Int32Array.from(stepFromStartArc),
    stepFromEndArc: Int32Array.from(stepFromEndArc),
    lastToEndArc: Int32Array.from(lastToEndArc),
    firstToStartArc: Int32Array.from(firstToStartArc),
    stepFromStart: new Float64Array(positions),
    stepFromEnd: new Float64Array(positions),
    lastToEnd: new Float64Array(chains),
    firstToStart: new Float64Array(chains),
    fromMinutes: new Float64Array(positions),
    toMinutes: new Float64Array(positions),
    wantedStart,
    wantedPos: Int32Array.from(wantedPos),
    wantedToEnd: new Float64Array(wantedPos.length),
    wantedToStart: new Float64Array(wantedPos.length),
  };
}

/** Reads the core's minutes from the graph's arcs: steps, sums along each chain, and the core arcs. */
function weigh(core: Core, arcMinutes: Float64Array): void {
  const { chainStart, stepFromStartArc, stepFromEndArc, lastToEndArc, firstToStartArc, stepFromStart, stepFromEnd, lastToEnd, firstToStart, fromMinutes, toMinutes } = core;
  for (let i = 0; i < stepFromStart.length; i++) {
    stepFromStart[i] = arcMinutes[stepFromStartArc[i]];
    stepFromEnd[i] = arcMinutes[stepFromEndArc[i]];
  }
  const chains = lastToEnd.length;
  /** Per chain: minutes start → end and end → start through it. */
  const forward = new Float64Array(chains);
  const backward = new Float64Array(chains);
  for (let c = 0; c < chains; c++) {
    lastToEnd[c] = arcMinutes[lastToEndArc[c]];
    firstToStart[c] = arcMinutes[firstToStartArc[c]];
    let m = 0;
    for (let i = chainStart[c]; i < chainStart[c + 1]; i++) fromMinutes[i] = m += stepFromStart[i];
    forward[c] = m + lastToEnd[c];
    m = 0;
    for (let i = chainStart[c + 1] - 1; i >= chainStart[c]; i--) toMinutes[i] = m += stepFromEnd[i];
    backward[c] = m + firstToStart[c];
  }
  // the wanted nodes' drive to each end, summed from that end (no differences of sums: one-way chains hold Infinity)
  const { wantedStart, wantedPos, wantedToEnd, wantedToStart } = core;
  for (let c = 0; c < chains; c++) {
    let m = lastToEnd[c];
    for (let i = chainStart[c + 1] - 1, k = wantedStart[c + 1] - 1; k >= wantedStart[c]; m += stepFromStart[i--]) if (wantedPos[k] === i) wantedToEnd[k--] = m;
    m = firstToStart[c];
    for (let i = chainStart[c], k = wantedStart[c]; k < wantedStart[c + 1]; m += stepFromEnd[i++]) if (wantedPos[k] === i) wantedToStart[k++] = m;
  }
  const { coreArc, coreChain, coreForward, coreMinutes } = core;
  for (let a = 0; a < coreMinutes.length; a++) {
    const c = coreChain[a];
    coreMinutes[a] = c < 0 ? arcMinutes[coreArc[a]] : coreForward[a] > 0 ? forward[c] : backward[c];
  }
}
