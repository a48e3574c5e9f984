/**
 * Closed rings from the member ways of an OSM (multi)polygon relation: ways
 * are chained end to end (either direction) by shared node ids until each
 * chain closes. A relation whose ways do not close is refused, naming the
 * open end, rather than drawn with a gap.
 */

/**
 * Rings of node ids, each closed (first id = last id), from ways given as
 * node-id lists in any order and direction.
 * @example assembleRings([[1, 2, 3], [3, 4, 1]]) // [[1, 2, 3, 4, 1]]
 */
export function assembleRings(ways: readonly (readonly number[])[], what: string): number[][] {
  const left = ways.filter((w) => w.length >= 2).map((w) => w.slice());
  const rings: number[][] = [];
  while (left.length > 0) {
    const ring = left.pop()!;
    while (ring[0] !== ring[ring.length - 1]) {
      const end = ring[ring.length - 1];
      const k = left.findIndex((w) => w[0] === end || w[w.length - 1] === end);
      if (k < 0) throw new Error(`${what}: its ways do not close into rings (an open end at node ${end})`);
      const next = left.splice(k, 1)[0];
      if (next[0] !== end) next.reverse();
      for (let i = 1; i < next.length; i++) ring.push(next[i]);
    }
    if (ring.length < 4) throw new Error(`${what}: a ring of ${ring.length - 1} nodes`);
    rings.push(ring);
  }
  return rings;
}
