/**
 * A road network the size and shape of a prefecture's, for benchmarks: a
 * real OSM road graph (Andorra's) copied tile by tile over the places a
 * population grid has cells, joined by an expressway lattice.
 *
 * Why this and not a generated grid: a real extract has real structure —
 * most nodes are shape points on chains between junctions (Andorra: mean
 * degree 2.05), valley roads of every class, dead ends — where a uniform
 * grid makes every node a 4-way junction at one density, so a search
 * settles more nodes per km² and relaxes twice the arcs a real one does.
 * Andorra is mountain country like inland 泉州 (永春, 德化, 安溪), and a tile
 * (~31 × 26 km, 33,545 nodes) holds 42 nodes per km²; tiles over 泉州市's
 * ~11,000 km² give ~500,000+ nodes, the size an OSM extract of the
 * prefecture would reach once its residential streets are mapped (today
 * OSM in Fujian holds mostly the classed roads, fewer nodes). The
 * expressways, every tile row and column (~26–31 km apart, 0.07 km of
 * expressway per km²: Fujian's network is ~6,000 km over 124,000 km²,
 * 0.05, denser along the coast), let a search run fast between tiles as
 * G15 and G70 do, with an interchange every 5 km. Andorra's roads keep to
 * its valleys, so a lattice of village roads (unclassified, 1.5 km apart,
 * a vertex every 250 m, each crossing joined to the nearest tile road
 * within 500 m) gives every populated cell a road within 1 km, as the
 * villages of 泉州 have.
 *
 * What share a 20-minute search settles: 20 minutes' drive from a station
 * reaches ~15–25 km along roads, ~300–800 km² of 泉州市's ~11,000 km²,
 * 3–7 % of the land. Here the nodes lie at Andorra's density everywhere,
 * so from the 泉州市 stations a search settles a median 1.1 % of the nodes
 * and at most 5 % (bench:roads prints both). A real extract crowds its
 * nodes into the coastal cities where the stations are too, so a city
 * station's search there would settle more: bench:roads also times the
 * uniform grid (every node a 4-way junction, 8.6 % settled) as the bound
 * from above.
 */
import KDBush from 'kdbush';
import { haversineKm, KM_PER_DEG_LAT } from '../../src/core/geo.ts';
import { RoadWaysBuilder, wayCount, type RoadWays } from '../../src/core/roads/ways.ts';

const RAD = Math.PI / 180;
/**
 * A tile is laid where the grid has at least this many cells under it:
 * res-9 cells of ~0.105 km², so a third of a tile's ~790 km² populated
 * (泉州市: 21 tiles, fewer would leave towns without roads).
 */
const MIN_CELLS_PER_TILE = 2500;
const INTERCHANGE_KM = 5;
/** An interchange joins the nearest tile node within this distance (else none: open country). */
const LINK_MAX_KM = 3;
const VILLAGE_SPACING_KM = 1.5;
const VILLAGE_STEP_KM = 0.25;
const VILLAGE_LINK_KM = 0.5;

export interface TiledNetwork {
  ways: RoadWays;
  tiles: number;
  expresswayKm: number;
}

/**
 * Copies of `source` (its shape and lengths kept: offsets in km from its
 * south-west corner) laid in a lattice over the cells' box, one where at
 * least MIN_CELLS_PER_TILE cells fall in the tile, plus the expressways.
 */
export function tiledRoadWays(source: RoadWays, cellLng: Float64Array, cellLat: Float64Array): TiledNetwork {
  const [w0, s0, e0, n0] = extent(source.lng, source.lat);
  const srcKx = KM_PER_DEG_LAT * Math.cos(((s0 + n0) / 2) * RAD);
  const tileWkm = (e0 - w0) * srcKx;
  const tileHkm = (n0 - s0) * KM_PER_DEG_LAT;
  const [w, s, e, n] = extent(cellLng, cellLat);
  const kx = KM_PER_DEG_LAT * Math.cos(((s + n) / 2) * RAD);
  const cols = Math.ceil(((e - w) * kx) / tileWkm);
  const rows = Math.ceil(((n - s) * KM_PER_DEG_LAT) / tileHkm);
  const count = new Int32Array(cols * rows);
  for (let i = 0; i < cellLng.length; i++) {
    const c = Math.min(cols - 1, Math.floor(((cellLng[i] - w) * kx) / tileWkm));
    const r = Math.min(rows - 1, Math.floor(((cellLat[i] - s) * KM_PER_DEG_LAT) / tileHkm));
    count[r * cols + c]++;
  }
  const b = new RoadWaysBuilder();
  const vertexOf = new Int32Array(source.lng.length);
  /** First builder vertex of each laid tile (−1: none), so an interchange searches its own tile's vertices. */
  const tileFirst = new Int32Array(cols * rows).fill(-1);
  const nWays = wayCount(source);
  let tiles = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (count[r * cols + c] < MIN_CELLS_PER_TILE) continue;
      tiles++;
      tileFirst[r * cols + c] = b.vertices;
      const lng0 = w + (c * tileWkm) / kx;
      const lat0 = s + (r * tileHkm) / KM_PER_DEG_LAT;
      for (let v = 0; v < source.lng.length; v++) {
        vertexOf[v] = b.addVertex(lng0 + ((source.lng[v] - w0) * srcKx) / kx, lat0 + (source.lat[v] - s0));
      }
      for (let k = 0; k < nWays; k++) {
        const refs = source.wayVertices.subarray(source.wayStart[k], source.wayStart[k + 1]);
        const c0 = source.wayClass[k];
        b.addWay(Array.from(refs, (v) => vertexOf[v]), c0 >= 0 ? source.classes[c0] : null, source.wayPostedKmh[k], source.wayOneway[k] as -1 | 0 | 1);
      }
    }
  }
  const tileVertices = source.lng.length;
  // the builder's vertices so far, to find each interchange's nearest tile vertex
  const laid = b.finish();
  const centre = (r: number, c: number): [number, number] => [w + ((c + 0.5) * tileWkm) / kx, s + ((r + 0.5) * tileHkm) / KM_PER_DEG_LAT];
  const centreVertex = new Map<number, number>();
  const at = (r: number, c: number) => {
    let v = centreVertex.get(r * cols + c);
    if (v === undefined) {
      v = b.addVertex(...centre(r, c));
      centreVertex.set(r * cols + c, v);
    }
    return v;
  };
  let expresswayKm = 0;
  /** An expressway from tile centre (r, c) to (r2, c2), both laid: vertices every km, interchanges every INTERCHANGE_KM. */
  const expressway = (r: number, c: number, r2: number, c2: number) => {
    const [x0, y0] = centre(r, c);
    const [x1, y1] = centre(r2, c2);
    const km = haversineKm(x0, y0, x1, y1);
    expresswayKm += km;
    const steps = Math.ceil(km);
    const line = [at(r, c)];
    for (let k = 1; k < steps; k++) {
      const x = x0 + ((x1 - x0) * k) / steps;
      const y = y0 + ((y1 - y0) * k) / steps;
      const v = b.addVertex(x, y);
      line.push(v);
      if (k % INTERCHANGE_KM === 0) {
        const tile = k * 2 < steps ? r * cols + c : r2 * cols + c2;
        const near = nearestIn(laid, tileFirst[tile], tileVertices, x, y);
        if (near.km <= LINK_MAX_KM) b.addWay([v, near.vertex], 'motorway_link', NaN, 0);
      }
    }
    line.push(at(r2, c2));
    b.addWay(line, 'motorway', NaN, 0);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (tileFirst[r * cols + c] < 0) continue;
      if (c + 1 < cols && tileFirst[r * cols + c + 1] >= 0) expressway(r, c, r, c + 1);
      if (r + 1 < rows && tileFirst[(r + 1) * cols + c] >= 0) expressway(r, c, r + 1, c);
    }
  }
  villageRoads(b, laid, tileFirst, cols, rows, (c, r) => [w + (c * tileWkm) / kx, s + (r * tileHkm) / KM_PER_DEG_LAT], kx);
  return { ways: b.finish(), tiles, expresswayKm };
}

/** The village-road lattice over each laid tile, its crossings joined to the nearest tile road within VILLAGE_LINK_KM. */
function villageRoads(b: RoadWaysBuilder, laid: RoadWays, tileFirst: Int32Array, cols: number, rows: number, corner: (c: number, r: number) => [number, number], kx: number): void {
  const index = new KDBush(laid.lng.length, 64, Float64Array);
  for (let v = 0; v < laid.lng.length; v++) index.add(laid.lng[v] * kx, laid.lat[v] * KM_PER_DEG_LAT);
  index.finish();
  const lines = (from: number, to: number) => Math.floor((to - from) / VILLAGE_SPACING_KM);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (tileFirst[r * cols + c] < 0) continue;
      const [x0, y0] = corner(c, r);
      const [x1, y1] = corner(c + 1, r + 1);
      const nx = lines(0, (x1 - x0) * kx);
      const ny = lines(0, (y1 - y0) * KM_PER_DEG_LAT);
      const per = Math.round(VILLAGE_SPACING_KM / VILLAGE_STEP_KM);
      // vertices of the lattice: crossings every `per` steps, shared by the two lines through them
      const stepsX = nx * per;
      const stepsY = ny * per;
      const vertex = new Int32Array((stepsX + 1) * (stepsY + 1)).fill(-1);
      const at = (i: number, j: number) => {
        const k = j * (stepsX + 1) + i;
        if (vertex[k] < 0) vertex[k] = b.addVertex(x0 + (i * VILLAGE_STEP_KM) / kx, y0 + (j * VILLAGE_STEP_KM) / KM_PER_DEG_LAT);
        return vertex[k];
      };
      for (let j = 0; j <= stepsY; j += per) b.addWay(Array.from({ length: stepsX + 1 }, (_, i) => at(i, j)), 'unclassified', NaN, 0);
      for (let i = 0; i <= stepsX; i += per) b.addWay(Array.from({ length: stepsY + 1 }, (_, j) => at(i, j)), 'unclassified', NaN, 0);
      for (let j = 0; j <= stepsY; j += per) {
        for (let i = 0; i <= stepsX; i += per) {
          const lng = x0 + (i * VILLAGE_STEP_KM) / kx;
          const lat = y0 + (j * VILLAGE_STEP_KM) / KM_PER_DEG_LAT;
          const near = index.within(lng * kx, lat * KM_PER_DEG_LAT, VILLAGE_LINK_KM);
          let best = -1;
          let bestKm = Infinity;
          for (const h of near) {
            const km = haversineKm(lng, lat, laid.lng[h], laid.lat[h]);
            if (km < bestKm) [best, bestKm] = [h, km];
          }
          if (best >= 0) b.addWay([at(i, j), best], 'unclassified', NaN, 0);
        }
      }
    }
  }
}

function extent(lng: ArrayLike<number>, lat: ArrayLike<number>): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lng.length; i++) {
    w = Math.min(w, lng[i]);
    e = Math.max(e, lng[i]);
    s = Math.min(s, lat[i]);
    n = Math.max(n, lat[i]);
  }
  return [w, s, e, n];
}

/** The nearest of vertices [first, first + count) to (lng, lat), by scanning (a few hundred interchanges in all). */
function nearestIn(ways: RoadWays, first: number, count: number, lng: number, lat: number): { vertex: number; km: number } {
  let best = -1;
  let bestKm = Infinity;
  for (let v = first; v < first + count; v++) {
    const km = haversineKm(lng, lat, ways.lng[v], ways.lat[v]);
    if (km < bestKm) [best, bestKm] = [v, km];
  }
  return { vertex: best, km: bestKm };
}
