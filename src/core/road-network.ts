/**
 * A region's roads as the engine drives them: the CSR graph is built once
 * from the ways, its arc minutes re-weighted in place when only the speeds
 * change (a new traffic scenario, a class speed), and the cells re-snapped
 * only when the snapping settings change. The road reach model it hands out
 * always reaches RESPONSE_HORIZON_MINUTES, so the response-time curve has
 * every cell's minutes up to its end.
 */
import { latLngToCell } from 'h3-js';
import type { PopulationGrid } from './grid.ts';
import { NetworkReach } from './network-reach.ts';
import { speedModelOf } from './reach-settings.ts';
import { buildRoadGraph, setArcMinutes, type CsrRoadGraph } from './roads/graph.ts';
import type { RoadWays } from './roads/ways.ts';
import type { Rules } from './rules.ts';
import type { AreaType } from './types.ts';

/** The response-time curve's last minute: the road model reaches at least this far from every station. */
export const RESPONSE_HORIZON_MINUTES = 60;

export class RoadNetwork {
  private graph: CsrRoadGraph | null = null;
  private reach: NetworkReach | null = null;
  /** The speed settings the arc minutes were computed with (JSON), and the snap settings the cells were joined with. */
  private weightKey = '';
  private snapKey = '';
  /** The area-type overrides the arcs' urban/rural areas were read with (JSON). */
  private areaKey = '';

  /**
   * @param grid the population grid the reach answers in
   * @param ways the region's drivable ways (Region.roads.ways)
   */
  constructor(
    readonly grid: PopulationGrid,
    readonly ways: RoadWays,
  ) {}

  /** The graph as last weighted (null before the first model). */
  get currentGraph(): CsrRoadGraph | null {
    return this.graph;
  }

  /**
   * The road reach model under these rules' speed settings and area types.
   * The same object comes back while only speeds change (its graph is
   * re-weighted in place: an engine made with the old speeds must be
   * re-evaluated); a new one when the snapping settings or, with urban/rural
   * factors in use, the area types change.
   */
  model(rules: Rules): NetworkReach {
    const speeds = rules.reach.speeds;
    const areaKey = JSON.stringify(rules.areaTypeOverrides);
    // the urban/rural factors are the only use of an arc's area type: with both at 1, any areas will do
    const areasMatter = speeds.urbanFactor !== 1 || speeds.ruralFactor !== 1;
    const weightKey = JSON.stringify({ ...speeds, offRoadKmh: 0, maxSnapKm: 0 });
    if (!this.graph || (areasMatter && areaKey !== this.areaKey)) {
      this.graph = buildRoadGraph(this.ways, speedModelOf(speeds), { areaTypeAt: this.areaTypeAt(rules) });
      this.areaKey = areaKey;
      this.weightKey = weightKey;
      this.reach = null;
    } else if (weightKey !== this.weightKey) {
      setArcMinutes(this.graph, this.ways, speedModelOf(speeds));
      this.weightKey = weightKey;
    }
    const snapKey = `${speeds.offRoadKmh}/${speeds.maxSnapKm}`;
    if (!this.reach || snapKey !== this.snapKey) {
      this.reach = new NetworkReach(this.grid, this.graph, { offRoadKmh: speeds.offRoadKmh, maxSnapKm: speeds.maxSnapKm, horizonMinutes: RESPONSE_HORIZON_MINUTES });
      this.snapKey = snapKey;
    }
    return this.reach;
  }

  /** The area type at a point: that of the grid cell it falls in (its zone's, overrides first), unknown outside populated cells. */
  private areaTypeAt(rules: Rules): (lng: number, lat: number) => AreaType | null {
    const { grid } = this;
    return (lng, lat) => {
      const i = grid.indexOf.get(latLngToCell(lat, lng, grid.resolution));
      if (i === undefined || grid.zone[i] < 0) return null;
      const zone = grid.zones[grid.zone[i]];
      return rules.areaTypeOverrides[zone.code] ?? zone.areaType;
    };
  }
}
