/**
 * What the OSM readers (PBF and XML) share: nodes kept inside the box, the
 * drivable ways' node references, and, at the end, ways resolved into
 * polylines over shared vertices. A way that leaves the box is cut there:
 * each run of consecutive nodes inside it becomes a way of its own.
 */
import { DataFileError } from '../errors.ts';
import { fmtCount } from '../limits.ts';
import { RoadWaysBuilder, type RoadWays } from '../../core/roads/ways.ts';
import type { DrivableWay } from './osm-tags.ts';
import { ROAD_LIMITS, type LngLatBox } from './limits.ts';

/** Counts a road import reports. */
export interface RoadCounts {
  /** Ways (or line features) read. */
  waysRead: number;
  /** Of those, drivable. */
  waysDrivable: number;
  /** Ways handed on (a drivable way cut by the box counts once per piece). */
  waysKept: number;
  /** Drivable ways with no segment inside the box. */
  waysOutside: number;
  /** Vertices of the kept ways. */
  vertices: number;
}

export class OsmCollector {
  private ids = new Float64Array(1 << 16);
  private lngE7 = new Int32Array(1 << 16);
  private latE7 = new Int32Array(1 << 16);
  private nodes = 0;
  private sorted = true;
  private refs = new Float64Array(1 << 16);
  private refCount = 0;
  private readonly wayRefStart: number[] = [0];
  private readonly wayTags: DrivableWay[] = [];
  waysRead = 0;

  constructor(
    private readonly file: string,
    private readonly box: LngLatBox | null,
  ) {}

  /** A node, kept when inside the box. Coordinates in degrees. */
  addNode(id: number, lng: number, lat: number): void {
    const b = this.box;
    if (b && (lng < b[0] || lng > b[2] || lat < b[1] || lat > b[3])) return;
    if (this.nodes === this.ids.length) {
      if (this.nodes >= ROAD_LIMITS.maxOsmNodes) {
        throw new DataFileError([{ file: this.file, row: 0, code: 'too-large', reason: `holds more than ${fmtCount(ROAD_LIMITS.maxOsmNodes)} nodes inside the region's box`, fix: 'cut the extract to the region first (e.g. osmium extract -b …)' }]);
      }
      this.ids = grow(this.ids);
      this.lngE7 = grow(this.lngE7);
      this.latE7 = grow(this.latE7);
    }
    if (this.nodes > 0 && id <= this.ids[this.nodes - 1]) this.sorted = false;
    this.ids[this.nodes] = id;
    this.lngE7[this.nodes] = Math.round(lng * 1e7);
    this.latE7[this.nodes] = Math.round(lat * 1e7);
    this.nodes++;
  }

  /** A drivable way's node references (its other ways are only counted: call countWay). */
  addWay(refs: ArrayLike<number>, way: DrivableWay): void {
    while (this.refCount + refs.length > this.refs.length) {
      if (this.refs.length >= ROAD_LIMITS.maxRoadVertices) {
        throw new DataFileError([{ file: this.file, row: 0, code: 'too-large', reason: `holds more than ${fmtCount(ROAD_LIMITS.maxRoadVertices)} road nodes`, fix: 'cut the extract to the region first (e.g. osmium extract -b …)' }]);
      }
      this.refs = grow(this.refs);
    }
    for (let i = 0; i < refs.length; i++) this.refs[this.refCount++] = refs[i];
    this.wayRefStart.push(this.refCount);
    this.wayTags.push(way);
  }

  /** The ways as polylines over shared vertices, and the counts. */
  finish(): { ways: RoadWays; counts: RoadCounts } {
    const n = this.nodes;
    let order: Int32Array | null = null;
    if (!this.sorted) {
      const ids = this.ids;
      order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => ids[a] - ids[b]);
    }
    const sortedIds = order ? Float64Array.from(order, (i) => this.ids[i]) : this.ids.subarray(0, n);
    const find = (id: number): number => {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = sortedIds[mid];
        if (v < id) lo = mid + 1;
        else if (v > id) hi = mid - 1;
        else return order ? order[mid] : mid;
      }
      return -1;
    };
    const vertexOf = new Int32Array(n).fill(-1);
    const out = new RoadWaysBuilder();
    let waysOutside = 0;
    const run: number[] = [];
    for (let w = 0; w < this.wayTags.length; w++) {
      const tags = this.wayTags[w];
      let pieces = 0;
      const flush = () => {
        if (run.length >= 2) {
          out.addWay(run, tags.classKey, tags.postedKmh, tags.oneway);
          pieces++;
        }
        run.length = 0;
      };
      for (let k = this.wayRefStart[w]; k < this.wayRefStart[w + 1]; k++) {
        const node = find(this.refs[k]);
        if (node < 0) {
          flush();
          continue;
        }
        if (vertexOf[node] < 0) vertexOf[node] = out.addVertex(this.lngE7[node] / 1e7, this.latE7[node] / 1e7);
        run.push(vertexOf[node]);
      }
      flush();
      if (pieces === 0) waysOutside++;
    }
    const ways = out.finish();
    return {
      ways,
      counts: { waysRead: this.waysRead, waysDrivable: this.wayTags.length, waysKept: out.ways, waysOutside, vertices: ways.lng.length },
    };
  }
}

function grow<T extends Float64Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
