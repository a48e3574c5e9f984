/**
 * Bounded single-source shortest paths (Dijkstra) on a CSR road graph, with
 * scratch arrays kept between runs: a run touches only the nodes it reaches,
 * so a 20-minute search on a province graph costs what the 20 minutes hold,
 * not the graph's size.
 */
import FlatQueue from 'flatqueue';
import type { CsrRoadGraph } from './graph.ts';

type DijkstraGraph = Pick<CsrRoadGraph, 'nodeCount' | 'arcStart' | 'arcTo' | 'arcMinutes'>;

export class BoundedDijkstra {
  /** Minutes to each node from the last run's source; Infinity where not reached. Valid until the next run. */
  readonly minutes: Float64Array;
  /** Nodes settled by the last run, in order of minutes: settled[0 … settledCount). */
  readonly settled: Int32Array;
  settledCount = 0;
  /**
   * mourner's flatqueue, without decrease-key: a node is pushed again when
   * its minutes improve and the stale entry is skipped when popped (cheaper
   * than keeping positions). It grows as needed: a fixed capacity would
   * have to hold one entry per arc (24 MB on a 2-million-arc graph) for the
   * rare worst case, and measured no faster (bench:roads).
   */
  private readonly queue = new FlatQueue<number>();
  private readonly graph: DijkstraGraph;

  constructor(graph: DijkstraGraph) {
    this.graph = graph;
    this.minutes = new Float64Array(graph.nodeCount).fill(Infinity);
    this.settled = new Int32Array(graph.nodeCount);
  }

  /**
   * Settles every node within `budgetMinutes` of `source` (none when the
   * budget is negative) and returns how many.
   */
  run(source: number, budgetMinutes: number): number {
    const { minutes, settled, queue } = this;
    const { arcStart, arcTo, arcMinutes } = this.graph;
    // reset only what the last run touched: every node given minutes was queued, so popped and settled
    for (let i = 0; i < this.settledCount; i++) minutes[settled[i]] = Infinity;
    queue.clear();
    this.settledCount = 0;
    if (!(budgetMinutes >= 0) || source < 0) return 0;
    minutes[source] = 0;
    queue.push(source, 0);
    let count = 0;
    while (queue.length > 0) {
      const key = queue.peekValue()!;
      const v = queue.pop()!;
      // a stale entry: v was pushed again with fewer minutes and is settled already
      if (key > minutes[v]) continue;
      settled[count++] = v;
      for (let a = arcStart[v], end = arcStart[v + 1]; a < end; a++) {
        const t = key + arcMinutes[a];
        const u = arcTo[a];
        // pushes never exceed the budget, so the search stops at it by itself
        if (t <= budgetMinutes && t < minutes[u]) {
          minutes[u] = t;
          queue.push(u, t);
        }
      }
    }
    this.settledCount = count;
    return count;
  }
}
