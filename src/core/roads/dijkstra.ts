/**
 * Bounded single-source shortest paths (Dijkstra) on a CSR road graph, with
 * scratch arrays kept between runs: a run touches only the nodes it reaches,
 * so a 20-minute search on a province graph costs what the 20 minutes hold,
 * not the graph's size.
 */
import type { CsrRoadGraph } from './graph.ts';
import { MinHeap } from './heap.ts';

export class BoundedDijkstra {
  /** Minutes to each node from the last run's source; Infinity where not reached. Valid until the next run. */
  readonly minutes: Float64Array;
  /** Nodes settled by the last run, in order of minutes: settled[0 … settledCount). */
  readonly settled: Int32Array;
  settledCount = 0;
  private readonly done: Uint8Array;
  private readonly heap: MinHeap;
  private readonly graph: Pick<CsrRoadGraph, 'nodeCount' | 'arcStart' | 'arcTo' | 'arcMinutes'>;

  constructor(graph: Pick<CsrRoadGraph, 'nodeCount' | 'arcStart' | 'arcTo' | 'arcMinutes'>) {
    this.graph = graph;
    this.minutes = new Float64Array(graph.nodeCount).fill(Infinity);
    this.settled = new Int32Array(graph.nodeCount);
    this.done = new Uint8Array(graph.nodeCount);
    this.heap = new MinHeap(1024);
  }

  /**
   * Settles every node within `budgetMinutes` of `source` (none when the
   * budget is negative) and returns how many.
   */
  run(source: number, budgetMinutes: number): number {
    const { minutes, settled, done, heap } = this;
    const { arcStart, arcTo, arcMinutes } = this.graph;
    // reset what the last run touched: its settled nodes and the frontier left in the heap
    for (let i = 0; i < this.settledCount; i++) {
      const v = settled[i];
      done[v] = 0;
      minutes[v] = Infinity;
    }
    while (heap.length > 0) minutes[heap.pop()] = Infinity;
    this.settledCount = 0;
    if (!(budgetMinutes >= 0) || source < 0) return 0;
    minutes[source] = 0;
    heap.push(source, 0);
    let count = 0;
    while (heap.length > 0) {
      const v = heap.pop();
      if (done[v]) continue;
      done[v] = 1;
      settled[count++] = v;
      const base = minutes[v];
      for (let a = arcStart[v], end = arcStart[v + 1]; a < end; a++) {
        const t = base + arcMinutes[a];
        const u = arcTo[a];
        if (t <= budgetMinutes && t < minutes[u]) {
          minutes[u] = t;
          heap.push(u, t);
        }
      }
    }
    this.settledCount = count;
    return count;
  }
}
