/**
 * Point-in-polygon for outlines tested many times (a region against every
 * facility row, a zone against every cell): the edges are sorted once into
 * latitude bands, so a test crosses only the edges of its band instead of
 * walking every ring. Same answer as Turf's booleanPointInPolygon for valid
 * polygons: inside the outer ring and no hole, points on an edge inside.
 */

type Position = readonly number[];

/** Entries (edge × band) allowed per edge before fewer, taller bands are used: bounds memory for zig-zag rings. */
const ENTRIES_PER_EDGE = 8;

export class PolygonIndex {
  /** [west, south, east, north] of every vertex. */
  readonly bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  private readonly edges: Float64Array;
  /** Which polygon each edge belongs to (outer ring and holes share it). */
  private readonly owner: Int32Array;
  private readonly bands: number;
  private readonly bandHeight: number;
  /** CSR layout: the edges of band b are bandEdges[bandStart[b] … bandStart[b + 1]). */
  private readonly bandStart: Int32Array;
  private readonly bandEdges: Int32Array;
  private readonly parity: Uint8Array;
  private readonly touched: Int32Array;

  /** @param polygons rings of [lng, lat] positions per polygon (GeoJSON MultiPolygon coordinates) */
  constructor(polygons: readonly (readonly (readonly Position[])[])[]) {
    let count = 0;
    for (const rings of polygons) for (const ring of rings) count += Math.max(0, ring.length - 1);
    this.edges = new Float64Array(count * 4);
    this.owner = new Int32Array(count);
    const b = this.bbox;
    let e = 0;
    polygons.forEach((rings, p) => {
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [x1, y1] = ring[k];
          const [x2, y2] = ring[k + 1];
          this.edges[e * 4] = x1;
          this.edges[e * 4 + 1] = y1;
          this.edges[e * 4 + 2] = x2;
          this.edges[e * 4 + 3] = y2;
          this.owner[e++] = p;
          if (x1 < b[0]) b[0] = x1;
          if (y1 < b[1]) b[1] = y1;
          if (x1 > b[2]) b[2] = x1;
          if (y1 > b[3]) b[3] = y1;
        }
      }
    });
    this.parity = new Uint8Array(polygons.length);
    this.touched = new Int32Array(polygons.length);
    // about 4 edges a band for an ordinary outline; fewer bands when edges span many
    let bands = Math.max(1, Math.min(1 << 20, Math.ceil(count / 4)));
    let height = (b[3] - b[1]) / bands || 1;
    for (;;) {
      let entries = 0;
      for (let i = 0; i < count; i++) entries += this.bandOf(Math.max(this.edges[i * 4 + 1], this.edges[i * 4 + 3]), bands, height) - this.bandOf(Math.min(this.edges[i * 4 + 1], this.edges[i * 4 + 3]), bands, height) + 1;
      if (entries <= count * ENTRIES_PER_EDGE + bands || bands === 1) break;
      bands = Math.max(1, bands >> 2);
      height = (b[3] - b[1]) / bands || 1;
    }
    this.bands = bands;
    this.bandHeight = height;
    const start = new Int32Array(bands + 1);
    const range = (i: number): [number, number] => {
      const [ya, yb] = [this.edges[i * 4 + 1], this.edges[i * 4 + 3]];
      return [this.bandOf(Math.min(ya, yb), bands, height), this.bandOf(Math.max(ya, yb), bands, height)];
    };
    for (let i = 0; i < count; i++) {
      const [lo, hi] = range(i);
      for (let k = lo; k <= hi; k++) start[k + 1]++;
    }
    for (let k = 0; k < bands; k++) start[k + 1] += start[k];
    const fill = start.slice(0, bands);
    this.bandEdges = new Int32Array(start[bands]);
    for (let i = 0; i < count; i++) {
      const [lo, hi] = range(i);
      for (let k = lo; k <= hi; k++) this.bandEdges[fill[k]++] = i;
    }
    this.bandStart = start;
  }

  private bandOf(y: number, bands = this.bands, height = this.bandHeight): number {
    const k = Math.floor((y - this.bbox[1]) / height);
    return k < 0 ? 0 : k >= bands ? bands - 1 : k;
  }

  /** True when (x, y) lies inside a polygon (in its outer ring and in none of its holes) or on an edge. */
  contains(x: number, y: number): boolean {
    const b = this.bbox;
    if (!(x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])) return false;
    const band = this.bandOf(y);
    const edges = this.edges;
    let touched = 0;
    let inside = false;
    for (let j = this.bandStart[band], end = this.bandStart[band + 1]; j < end; j++) {
      const i = this.bandEdges[j];
      const x1 = edges[i * 4];
      const y1 = edges[i * 4 + 1];
      const x2 = edges[i * 4 + 2];
      const y2 = edges[i * 4 + 3];
      if ((y1 > y) !== (y2 > y)) {
        const xi = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
        if (x === xi) {
          inside = true;
          break;
        }
        if (x < xi) {
          const p = this.owner[i];
          if (this.parity[p] === 0 && !this.isTouched(p, touched)) this.touched[touched++] = p;
          this.parity[p] ^= 1;
        }
      } else if (onSegment(x, y, x1, y1, x2, y2)) {
        inside = true;
        break;
      }
    }
    for (let k = 0; k < touched; k++) {
      const p = this.touched[k];
      if (this.parity[p] === 1) inside = true;
      this.parity[p] = 0;
    }
    return inside;
  }

  private isTouched(p: number, touched: number): boolean {
    for (let k = 0; k < touched; k++) if (this.touched[k] === p) return true;
    return false;
  }
}

/** True when (x, y) lies on the segment (an edge along which the crossing test says nothing: horizontal, or touched at its top end). */
function onSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): boolean {
  if (x < Math.min(x1, x2) || x > Math.max(x1, x2) || y < Math.min(y1, y2) || y > Math.max(y1, y2)) return false;
  return (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) === 0;
}
