/**
 * A cross of two ways meeting at (118.2, 25.3), inside tinyRegion, and a
 * one-way spur from the cross's east end: 6 distinct vertices, 5 road
 * segments, countable by hand.
 */
import { RoadWaysBuilder, type RoadWays } from '../../src/core/roads/ways.ts';

export function crossWays(): RoadWays {
  const b = new RoadWaysBuilder();
  const w = b.addVertex(118.19, 25.3);
  const c = b.addVertex(118.2, 25.3);
  const e = b.addVertex(118.21, 25.3);
  const s = b.addVertex(118.2, 25.29);
  const n = b.addVertex(118.2, 25.31);
  const spur = b.addVertex(118.22, 25.305);
  b.addWay([w, c, e], 'primary', NaN, 0);
  b.addWay([s, c, n], null, 40, 0);
  b.addWay([e, spur], 'residential', 30, 1);
  return b.finish();
}
