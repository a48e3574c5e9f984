/**
 * Road ways as the readers hand them to the graph builder: polylines over
 * shared vertices (ways that meet share the vertex index), each with its
 * class, posted limit and direction, in typed arrays. WGS84 throughout.
 */
export interface RoadWays {
  /** Vertex positions. */
  lng: Float64Array;
  lat: Float64Array;
  /** Way k runs through the vertices wayVertices[wayStart[k]] … wayVertices[wayStart[k + 1] − 1]. */
  wayStart: Int32Array;
  wayVertices: Int32Array;
  /** Index into `classes`, or −1 when the way has no known class (then it has a posted speed). */
  wayClass: Int32Array;
  /** Class keys of the speed model (see roadClassKey), e.g. 'primary', '一级公路'. */
  classes: string[];
  /** Posted (or file-given) speed in km/h, NaN when none. */
  wayPostedKmh: Float32Array;
  /** +1: drivable along the vertex order only; −1: against it only; 0: both ways. */
  wayOneway: Int8Array;
}

/** Number of ways. */
export const wayCount = (ways: RoadWays): number => ways.wayStart.length - 1;

/**
 * Collects ways one by one into growing typed arrays: the readers' common
 * sink. Vertices are added by the reader (with its own key for sharing).
 */
export class RoadWaysBuilder {
  private lng = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private vertexCount = 0;
  private wayVertices = new Int32Array(4096);
  private refCount = 0;
  private readonly wayStart: number[] = [0];
  private readonly wayClass: number[] = [];
  private readonly posted: number[] = [];
  private readonly oneway: number[] = [];
  private readonly classIndex = new Map<string, number>();
  private readonly classes: string[] = [];

  get vertices(): number {
    return this.vertexCount;
  }

  get ways(): number {
    return this.wayClass.length;
  }

  /** Adds a vertex and returns its index. */
  addVertex(lng: number, lat: number): number {
    if (this.vertexCount === this.lng.length) {
      this.lng = grow(this.lng);
      this.lat = grow(this.lat);
    }
    this.lng[this.vertexCount] = lng;
    this.lat[this.vertexCount] = lat;
    return this.vertexCount++;
  }

  /** Adds a way through vertex indices (at least 2). */
  addWay(vertices: ArrayLike<number>, classKey: string | null, postedKmh: number, oneway: -1 | 0 | 1): void {
    while (this.refCount + vertices.length > this.wayVertices.length) this.wayVertices = grow(this.wayVertices);
    for (let i = 0; i < vertices.length; i++) this.wayVertices[this.refCount++] = vertices[i];
    this.wayStart.push(this.refCount);
    let c = -1;
    if (classKey !== null) {
      c = this.classIndex.get(classKey) ?? -1;
      if (c < 0) {
        c = this.classes.length;
        this.classes.push(classKey);
        this.classIndex.set(classKey, c);
      }
    }
    this.wayClass.push(c);
    this.posted.push(postedKmh > 0 ? postedKmh : NaN);
    this.oneway.push(oneway);
  }

  finish(): RoadWays {
    return {
      lng: this.lng.slice(0, this.vertexCount),
      lat: this.lat.slice(0, this.vertexCount),
      wayStart: Int32Array.from(this.wayStart),
      wayVertices: this.wayVertices.slice(0, this.refCount),
      wayClass: Int32Array.from(this.wayClass),
      classes: this.classes.slice(),
      wayPostedKmh: Float32Array.from(this.posted),
      wayOneway: Int8Array.from(this.oneway),
    };
  }
}

function grow<T extends Float64Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
