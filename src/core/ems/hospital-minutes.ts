/**
 * Minutes from every cell (the scene) to the nearest hospital of a
 * capability. On roads (a region's road network, reach model `roads`): one
 * multi-source search from all capable hospitals over the reversed graph
 * (scene → hospital, so one-way roads are driven the patient's way), plus
 * the off-road legs at both ends at the network's off-road speed; a cell or
 * hospital without road access gets no minutes. No turnout: the ambulance
 * is already on scene. On the straight line: the geodesic km to the nearest
 * hospital, times the cell's detour coefficient, at its area type's speed —
 * the circle formula's basis, and so labelled ('circle-formula').
 */
import { haversineKm } from '../geo.ts';
import type { PopulationGrid } from '../grid.ts';
import type { RoadNetwork } from '../road-network.ts';
import { minutesToNearest, type NodeTarget } from '../roads/nearest-target.ts';
import type { Rules } from '../rules.ts';
import type { Station } from '../types.ts';
import { capableHospitals, type HospitalPhase } from './capable-hospitals.ts';
import type { Capability } from './settings.ts';
import type { MinutesBasis } from './types.ts';

/** The basis the minutes are on: roads when a network is loaded and the rules drive on it (as engineModels decides), else the circle formula. */
export function hospitalMinutesBasis(rules: Rules, roads: RoadNetwork | null): MinutesBasis {
  return roads && rules.reach.model !== 'straight-line' ? 'roads' : 'circle-formula';
}

/**
 * Per cell (grid order), minutes to the nearest capable hospital; Infinity
 * where none is reached (no capable hospital, no road access, a road that
 * leads only away).
 * @param phase `after` (default): with planned capabilities and proposed facilities; `before`: without
 * @example hospitalMinutesByCell(grid, rules, stations, null, 'stroke') // straight line: km × 1.6 / speed × 60
 */
export function hospitalMinutesByCell(
  grid: PopulationGrid,
  rules: Rules,
  stations: readonly Station[],
  roads: RoadNetwork | null,
  capability: Capability,
  phase: HospitalPhase = 'after',
): Float64Array {
  const hospitals = capableHospitals(stations, capability, phase);
  if (hospitals.length === 0) return new Float64Array(grid.size).fill(Infinity);
  return hospitalMinutesBasis(rules, roads) === 'roads' ? onRoads(rules, roads!, hospitals) : straightLine(grid, rules, hospitals);
}

function onRoads(rules: Rules, roads: RoadNetwork, hospitals: readonly Station[]): Float64Array {
  const reach = roads.model(rules);
  const targets: NodeTarget[] = [];
  for (const h of hospitals) {
    const s = reach.snap(h.lng, h.lat);
    if (s.node >= 0) targets.push({ node: s.node, minutes: (s.km / reach.offRoadKmh) * 60 });
  }
  return reach.cellMinutes(minutesToNearest(reach.graph, targets));
}

function straightLine(grid: PopulationGrid, rules: Rules, hospitals: readonly Station[]): Float64Array {
  // minutes per km by area type: the circle formula read for a drive without turnout
  const urbanPerKm = (rules.urbanDetourCoefficient / rules.urbanSpeedKmh) * 60;
  const ruralPerKm = (rules.ruralDetourCoefficient / rules.ruralSpeedKmh) * 60;
  const zonePerKm = grid.zones.map((z) => ((rules.areaTypeOverrides[z.code] ?? z.areaType) === 'urban' ? urbanPerKm : ruralPerKm));
  const out = new Float64Array(grid.size);
  for (let i = 0; i < grid.size; i++) {
    let km = Infinity;
    for (const h of hospitals) km = Math.min(km, haversineKm(grid.lng[i], grid.lat[i], h.lng, h.lat));
    const z = grid.zone[i];
    // a cell of no zone is rural, as the engine takes it
    out[i] = km * (z >= 0 ? zonePerKm[z] : ruralPerKm);
  }
  return out;
}
