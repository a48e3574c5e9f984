/**
 * bench:roads' baselines for BoundedDijkstra: the plain Dijkstra over every
 * node as it was before the junction core, once with the hand-written
 * binary heap it used (MinHeap: (node, key) pairs in two growing typed
 * arrays) and once with flatqueue, so the queue swap is measured alone.
 */
import FlatQueue from 'flatqueue';
import type { CsrRoadGraph } from '../../src/core/roads/graph.ts';

type PlainGraph = Pick<CsrRoadGraph, 'nodeCount' | 'arcStart' | 'arcTo' | 'arcMinutes'>;

export class MinHeap {
  private ids: Int32Array;
  private keys: Float64Array;
  /** Number of pairs held. */
  length = 0;

  constructor(capacity = 1024) {
    this.ids = new Int32Array(Math.max(capacity, 16));
    this.keys = new Float64Array(Math.max(capacity, 16));
  }

  clear(): void {
    this.length = 0;
  }

  /** Adds a pair. */
  push(id: number, key: number): void {
    if (this.length === this.ids.length) this.grow();
    const { ids, keys } = this;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const parentKey = keys[parent];
      if (key >= parentKey) break;
      ids[pos] = ids[parent];
      keys[pos] = parentKey;
      pos = parent;
    }
    ids[pos] = id;
    keys[pos] = key;
  }

  /** The smallest key held (undefined when empty); pop() removes its id. */
  peekKey(): number | undefined {
    return this.length > 0 ? this.keys[0] : undefined;
  }

  /** Removes the pair with the smallest key and returns its id (-1 when empty). */
  pop(): number {
    if (this.length === 0) return -1;
    const { ids, keys } = this;
    const top = ids[0];
    const n = --this.length;
    if (n > 0) {
      const id = ids[n];
      const key = keys[n];
      let pos = 0;
      const half = n >> 1;
      while (pos < half) {
        let child = 2 * pos + 1;
        const right = child + 1;
        if (right < n && keys[right] < keys[child]) child = right;
        if (keys[child] >= key) break;
        ids[pos] = ids[child];
        keys[pos] = keys[child];
        pos = child;
      }
      ids[pos] = id;
      keys[pos] = key;
    }
    return top;
  }

  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2);
    const keys = new Float64Array(this.keys.length * 2);
    ids.set(this.ids);
    keys.set(this.keys);
    this.ids = ids;
    this.keys = keys;
  }
}

/** The Dijkstra loop as it was with this heap (a done flag per node), on the same CSR arrays: the flatqueue swap's baseline. */
export class MinHeapDijkstra {
  readonly minutes: Float64Array;
  private readonly settled: Int32Array;
  private settledCount = 0;
  private readonly done: Uint8Array;
  private readonly heap = new MinHeap(1024);

  constructor(private readonly graph: PlainGraph) {
    this.minutes = new Float64Array(graph.nodeCount).fill(Infinity);
    this.settled = new Int32Array(graph.nodeCount);
    this.done = new Uint8Array(graph.nodeCount);
  }

  run(source: number, budgetMinutes: number): number {
    const { minutes, settled, done, heap } = this;
    const { arcStart, arcTo, arcMinutes } = this.graph;
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

/** The plain Dijkstra with flatqueue (stale entries skipped by their key): the queue swap without the junction core. */
export class FlatQueueDijkstra {
  readonly minutes: Float64Array;
  private readonly settled: Int32Array;
  private settledCount = 0;
  private readonly queue = new FlatQueue<number>();

  constructor(private readonly graph: PlainGraph) {
    this.minutes = new Float64Array(graph.nodeCount).fill(Infinity);
    this.settled = new Int32Array(graph.nodeCount);
  }

  run(source: number, budgetMinutes: number): number {
    const { minutes, settled, queue } = this;
    const { arcStart, arcTo, arcMinutes } = this.graph;
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
      if (key > minutes[v]) continue;
      settled[count++] = v;
      for (let a = arcStart[v], end = arcStart[v + 1]; a < end; a++) {
        const t = key + arcMinutes[a];
        const u = arcTo[a];
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
