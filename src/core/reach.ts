/**
 * The one question coverage asks of a reach model: which cells can this
 * station reach, and at what cost? The engine, the tables, gap areas,
 * deltas and the site optimiser ask it through this interface only, so they
 * never know the unit: the straight-line model answers in kilometres, a road
 * network in minutes. The model also owns turning the rules into limits in
 * its unit, per area type (a cell is judged by its own area type).
 */
import type { Rules } from './rules.ts';
import type { AreaType } from './types.ts';

/** Unit of a model's costs and limits. */
export type CostUnit = 'km' | 'minutes';

/** Where a reach starts: a station, or a candidate site (a station not built yet). */
export interface ReachOrigin {
  lng: number;
  lat: number;
  /** This station's minutes before the ambulance moves; absent = the rules' turnout. Models that count time add it to every cost. */
  turnoutMinutes?: number;
}

/** Thresholds for cells of one area type, in the model's unit. */
export interface AreaLimits {
  /** Cost within which a cell is covered. */
  cover: number;
  /** Cost beyond which a cell is a gap; between cover and this it is marginal. */
  marginal: number;
  /** Cost within which a cell is inside the emergency circle. */
  circle: number;
}

/** The rules as a model reads them, in its unit. */
export interface ReachLimits {
  urban: AreaLimits;
  rural: AreaLimits;
  /** The furthest any limit looks: a reach returns every cell within this. */
  max: number;
  /** Turnout of an origin that names none (minutes, from the rules). */
  defaultTurnoutMinutes: number;
}

export interface Reach {
  /** Cell indices reached, ascending. */
  cells: Int32Array;
  /** Cost to each reached cell, in the model's unit. */
  costs: Float64Array;
}

/** Where a run query writes: runs [from, to) of member positions, ascending. */
export interface RunSink {
  push(from: number, to: number): void;
}

/** Answers, for one origin, which members lie within their own limit, as runs of member positions. */
export type MemberRunQuery = (origin: ReachOrigin, sink: RunSink) => void;

export interface ReachModel {
  readonly unit: CostUnit;
  /** True when a reach is costly enough (a road search) to keep between evaluations (reach-cache.ts). */
  readonly cacheReach?: boolean;
  /** Changes whenever the model's costs change in place (roads re-weighted), so kept reaches are dropped. */
  readonly revision?: number;
  /** The rules as limits in this model's unit. */
  limits(rules: Rules): ReachLimits;
  /**
   * Every cell whose cost from the origin is within `limits.max`, ascending
   * by cell index. The arrays are valid until the model's next reach: a
   * caller that keeps them copies them (the engine keeps its own copy).
   */
  reach(origin: ReachOrigin, limits: ReachLimits): Reach;
  /**
   * Optional fast path for the site optimiser, asked once per question with
   * its demand cells (ascending grid indices) and each cell's limit (model
   * unit, indexed by grid cell): a query answering exactly what `reach`
   * filtered by those limits would, as runs of positions in `cells`.
   */
  memberRuns?(cells: Int32Array, limitByCell: Float64Array, limits: ReachLimits): MemberRunQuery;
  /**
   * Optional fast path of a full evaluation (offered together with
   * `nearestOf`): for every grid cell, the nearest origin within
   * `limits.max` and how many origins lie within the cell's cover limit,
   * exactly what reaching from each origin and keeping the least cost
   * (ties to the lower rank) would give, without listing every reach.
   */
  nearestAll?(origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, areaType: Uint8Array, out: NearestOut): void;
  /**
   * Optional: the nearest origin within `limits.max` of some cells only
   * (`cells[0 … count)`), written to `out.slot` and `out.cost` at those
   * cells (−1 and Infinity where none), as `nearestAll` would; the counts are
   * left alone. A removal re-finds its cells' nearest station with it.
   */
  nearestOf?(cells: Int32Array, count: number, origins: readonly (ReachOrigin | null)[], rank: Int32Array, limits: ReachLimits, out: NearestOut): void;
  /**
   * Optional, with `nearestOf`: the part of an origin's reach an engine needs
   * to add it to the stations it holds, whose least cost per cell is
   * `nearestCost` (Infinity: none): every cell within its cover limit and
   * every cell where the origin is not strictly beaten, each at its exact
   * cost. Cells beaten there may be missing, or listed at a larger cost
   * than theirs (never within a cover limit). Ascending by cell, valid until
   * the model's next reach; never to be kept as the origin's whole reach.
   */
  reachAgainst?(origin: ReachOrigin, limits: ReachLimits, nearestCost: Float64Array): Reach;
  /**
   * Optional: whether the origin's reach holds a cell of each area type
   * (`areaType`: 1 urban) at a cost within that type's limit, as listing
   * the reach and testing each cost would tell, without listing it (what a
   * station's rings are drawn for).
   */
  typesWithin?(origin: ReachOrigin, urbanLimit: number, ruralLimit: number, limits: ReachLimits, areaType: Uint8Array): { urban: boolean; rural: boolean };
}

/**
 * Where `nearestAll` (every cell) / `nearestOf` (the cells given) write, per grid cell: the nearest
 * origin's index in the origins given (−1: none within the largest limit),
 * its cost, and the origins within the cell's cover limit (urban or rural
 * by `areaType`: 1 urban).
 */
export interface NearestOut {
  slot: Int32Array;
  cost: Float64Array;
  inRange: Uint16Array;
}

/** The limits for cells of an area type. */
export function areaLimits(limits: ReachLimits, areaType: AreaType): AreaLimits {
  return areaType === 'urban' ? limits.urban : limits.rural;
}

/** The furthest limit that matters to a cell of this area type (beyond it the cell's status cannot change). */
export function outerLimit(limits: ReachLimits, areaType: AreaType): number {
  const a = areaLimits(limits, areaType);
  return Math.max(a.cover, a.marginal, a.circle);
}
