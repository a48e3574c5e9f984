/**
 * Minutes from every node to the nearest of several targets (e.g. capable
 * hospitals), in one multi-source Dijkstra over the graph's arcs reversed.
 * The forward search (BoundedDijkstra) gives minutes *from* a source; a
 * patient rides *to* the hospital, and with one-way roads the two differ,
 * so the search runs over each arc v → u as u → v with v → u's minutes:
 * the minutes it settles at u are those of driving u → … → target.
 */
import FlatQueue from 'flatqueue';
import type { CsrRoadGraph } from './graph.ts';

/** A target node and the minutes already spent from it onwards (e.g. the off-road leg into the hospital). */
export interface NodeTarget {
  node: number;
  minutes: number;
}

/** The reversed arcs of a graph: node u's in-arcs are arcs revArc[revStart[u] … revStart[u + 1]) of the graph, each from revFrom. */
interface Reversed {
  revStart: Int32Array;
  revFrom: Int32Array;
  revArc: Int32Array;
}

/** One reversal per graph: its shape never changes (re-weighting only changes arcMinutes, read live through revArc). */
const reversedByGraph = new WeakMap<CsrRoadGraph, Reversed>();

function reversedOf(graph: CsrRoadGraph): Reversed {
  let r = reversedByGraph.get(graph);
  if (r) return r;
  const { nodeCount: n, arcStart, arcTo } = graph;
  const arcs = arcStart[n];
  const revStart = new Int32Array(n + 1);
  for (let a = 0; a < arcs; a++) revStart[arcTo[a] + 1]++;
  for (let v = 0; v < n; v++) revStart[v + 1] += revStart[v];
  const revFrom = new Int32Array(arcs);
  const revArc = new Int32Array(arcs);
  const fill = revStart.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let a = arcStart[v]; a < arcStart[v + 1]; a++) {
      const k = fill[arcTo[a]]++;
      revFrom[k] = v;
      revArc[k] = a;
    }
  }
  r = { revStart, revFrom, revArc };
  reversedByGraph.set(graph, r);
  return r;
}

/**
 * Per node, the fewest minutes of driving from it to any target plus that
 * target's own minutes (Infinity where no target can be reached: a one-way
 * road leading away, another component). Unbounded: the whole graph is
 * searched once, however many targets.
 * @example minutesToNearest(graph, [{ node: 4, minutes: 1.5 }])[0] // minutes 0 → 4 driven forward, + 1.5
 */
export function minutesToNearest(graph: CsrRoadGraph, targets: readonly NodeTarget[]): Float64Array {
  const { revStart, revFrom, revArc } = reversedOf(graph);
  const { arcMinutes } = graph;
  const minutes = new Float64Array(graph.nodeCount).fill(Infinity);
  const queue = new FlatQueue<number>();
  for (const t of targets) {
    if (t.node < 0 || !(t.minutes < minutes[t.node])) continue;
    minutes[t.node] = t.minutes;
    queue.push(t.node, t.minutes);
  }
  while (queue.length > 0) {
    const key = queue.peekValue()!;
    const u = queue.pop()!;
    // a stale entry: u was pushed again with fewer minutes
    if (key > minutes[u]) continue;
    for (let k = revStart[u], end = revStart[u + 1]; k < end; k++) {
      const t = key + arcMinutes[revArc[k]];
      const v = revFrom[k];
      if (t < minutes[v]) {
        minutes[v] = t;
        queue.push(v, t);
      }
    }
  }
  return minutes;
}
