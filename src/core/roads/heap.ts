/**
 * A binary min-heap of (node, key) pairs in two growing typed arrays: the
 * priority queue of Dijkstra. The same layout as mourner's flatqueue (one
 * array of ids, one of values, no object per entry); written here because
 * flatqueue is not a dependency. Decrease-key is left out: Dijkstra pushes a
 * node again and skips stale pops, which is faster in practice.
 */
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
