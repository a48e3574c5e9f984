/**
 * Joining points (cell centres, stations) to the road graph: the nearest
 * node of the connected network within a stated distance, found with a
 * kd-tree (kdbush) over the nodes in a local equirectangular projection and
 * confirmed by geodesic distance. A point beyond that distance has no road
 * access; so has a point whose only road within it is a fragment (a
 * component much smaller than the network, e.g. a car park cut off at the
 * region's edge): it is counted apart, never silently dropped.
 */
import KDBush from 'kdbush';
import { haversineKm, KM_PER_DEG_LAT } from '../geo.ts';
import type { CsrRoadGraph } from './graph.ts';


/** Why a point has no road access. */
export const NO_ACCESS_FAR = 1;
export const NO_ACCESS_FRAGMENT = 2;

export interface SnapOptions {
  /** Points farther than this from every network node have no road access. */
  maxSnapKm: number;
  /** A component with fewer nodes than this share of the largest is a fragment (nothing snaps to it). */
  fragmentShare: number;
}

/** Nearest-node lookups over the nodes of one graph. */
export class NodeSnapper {
  private readonly network: Index;
  private readonly fragments: Index | null;
  readonly maxSnapKm: number;

  constructor(graph: Pick<CsrRoadGraph, 'nodeCount' | 'lng' | 'lat' | 'component' | 'componentSize'>, options: SnapOptions) {
    if (!(options.maxSnapKm >= 0)) throw new Error(`The maximum snap distance must be ≥ 0 km, got ${options.maxSnapKm}.`);
    this.maxSnapKm = options.maxSnapKm;
    const largest = graph.componentSize.length > 0 ? graph.componentSize[0] : 0;
    const inNetwork = new Uint8Array(graph.nodeCount);
    let fragmentNodes = 0;
    for (let v = 0; v < graph.nodeCount; v++) {
      if (graph.componentSize[graph.component[v]] >= options.fragmentShare * largest) inNetwork[v] = 1;
      else fragmentNodes++;
    }
    let latMin = Infinity;
    let latMax = -Infinity;
    for (let v = 0; v < graph.nodeCount; v++) {
      latMin = Math.min(latMin, graph.lat[v]);
      latMax = Math.max(latMax, graph.lat[v]);
    }
    const lat0 = graph.nodeCount > 0 ? (latMin + latMax) / 2 : 0;
    this.network = new Index(graph, inNetwork, 1, lat0, latMin, latMax);
    this.fragments = fragmentNodes > 0 ? new Index(graph, inNetwork, 0, lat0, latMin, latMax) : null;
  }

  /**
   * The nearest network node within maxSnapKm and its distance (km), or
   * node −1 and the reason (NO_ACCESS_FAR, NO_ACCESS_FRAGMENT) in `reason`.
   */
  snap(lng: number, lat: number, out: SnapResult): SnapResult {
    const found = this.network.nearest(lng, lat, this.maxSnapKm, out);
    if (found.node >= 0) {
      found.reason = 0;
      return found;
    }
    const fragment = this.fragments?.nearest(lng, lat, this.maxSnapKm, { node: -1, km: Infinity, reason: 0 });
    out.node = -1;
    out.km = Infinity;
    out.reason = fragment && fragment.node >= 0 ? NO_ACCESS_FRAGMENT : NO_ACCESS_FAR;
    return out;
  }
}

export interface SnapResult {
  node: number;
  km: number;
  /** 0 when snapped, else NO_ACCESS_FAR or NO_ACCESS_FRAGMENT. */
  reason: number;
}

/** A kd-tree over the nodes where `mask[v] === keep`, in km of a local projection. */
class Index {
  private readonly tree: KDBush | null;
  private readonly ids: Int32Array;
  private readonly kx: number;
  /** Projected distances understate geodesic ones by at most this factor across the nodes' latitudes. */
  private readonly slack: number;

  constructor(private readonly graph: Pick<CsrRoadGraph, 'lng' | 'lat'>, mask: Uint8Array, keep: number, lat0: number, latMin: number, latMax: number) {
    const ids: number[] = [];
    for (let v = 0; v < mask.length; v++) if (mask[v] === keep) ids.push(v);
    this.ids = Int32Array.from(ids);
    const rad = Math.PI / 180;
    this.kx = KM_PER_DEG_LAT * Math.cos(lat0 * rad);
    // east–west scale varies with latitude: widen the search by the worst ratio (plus 1 % for the chord against the arc)
    const edge = Math.max(Math.abs(latMin), Math.abs(latMax));
    this.slack = 1.01 * Math.max(1, Math.cos(lat0 * rad) / Math.max(Math.cos(Math.min(edge, 89) * rad), 1e-6));
    if (ids.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new KDBush(ids.length, 64, Float64Array);
    for (const v of ids) tree.add(graph.lng[v] * this.kx, graph.lat[v] * KM_PER_DEG_LAT);
    tree.finish();
    this.tree = tree;
  }

  /** The nearest indexed node within maxKm (geodesic), ties to the lower node index. */
  nearest(lng: number, lat: number, maxKm: number, out: SnapResult): SnapResult {
    out.node = -1;
    out.km = Infinity;
    if (!this.tree) return out;
    const x = lng * this.kx;
    const y = lat * KM_PER_DEG_LAT;
    // grow the radius until something is found, then look once more as far as the best found could hide
    let r = Math.min(0.2, maxKm);
    for (;;) {
      const hits = this.tree.within(x, y, r * this.slack);
      if (hits.length > 0 || r >= maxKm) {
        let bestKm = Infinity;
        let best = -1;
        for (const h of hits) {
          const v = this.ids[h];
          const km = haversineKm(lng, lat, this.graph.lng[v], this.graph.lat[v]);
          if (km < bestKm || (km === bestKm && v < best)) {
            bestKm = km;
            best = v;
          }
        }
        if (best >= 0 && bestKm > r && r < maxKm) {
          // a node nearer than bestKm may lie outside the circle searched: search once more to bestKm
          r = Math.min(bestKm, maxKm);
          continue;
        }
        if (best >= 0 && bestKm <= maxKm) {
          out.node = best;
          out.km = bestKm;
        }
        return out;
      }
      r = Math.min(r * 4, maxKm);
      if (!Number.isFinite(r)) r = 40_000;
    }
  }
}
