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
import { DEG, EARTH_RADIUS_KM } from '../geo.ts';
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
  const onRoadsNow = hospitalMinutesBasis(rules, roads) === 'roads';
  const { owner, key } = minutesKey(grid, rules, roads, hospitals);
  let kept = minutesKept.get(owner);
  if (!kept) minutesKept.set(owner, (kept = new Map()));
  let minutes = kept.get(key);
  if (!minutes) {
    minutes = onRoadsNow ? onRoads(rules, roads!, hospitals) : straightLine(grid, rules, hospitals);
    if (kept.size >= KEPT_PER_OWNER) kept.clear();
    kept.set(key, minutes);
  }
  // a copy: the caller may transfer or change it
  return minutes.slice();
}

/**
 * What a set of hospitals' minutes depend on: the grid (straight line) or
 * the road model (its arcs' minutesVersion), the speeds and area types, and
 * where the hospitals stand. Equal keys of one owner give equal minutes.
 */
export function minutesKey(grid: PopulationGrid, rules: Rules, roads: RoadNetwork | null, hospitals: readonly Station[]): { owner: object; key: string } {
  const places = hospitals.map((h) => `${h.lng},${h.lat}`).sort().join(';');
  if (hospitalMinutesBasis(rules, roads) === 'roads') {
    const model = roads!.model(rules);
    return { owner: model, key: `${model.graph.minutesVersion ?? 0}|${places}` };
  }
  return { owner: grid, key: `${JSON.stringify([rules.urbanSpeedKmh, rules.ruralSpeedKmh, rules.urbanDetourCoefficient, rules.ruralDetourCoefficient, rules.areaTypeOverrides])}|${places}` };
}

/** Minutes computed before, by grid (straight line) or road model, and by hospital places and speeds. */
const minutesKept = new WeakMap<object, Map<string, Float64Array>>();
/** Enough for every capability before and after, with room for a few edits. */
const KEPT_PER_OWNER = 24;

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
  const hLat = hospitals.map((h) => h.lat * DEG);
  const hLng = hospitals.map((h) => h.lng * DEG);
  const hCos = hLat.map(Math.cos);
  const out = new Float64Array(grid.size);
  for (let i = 0; i < grid.size; i++) {
    // the haversine term grows with the distance: the nearest hospital is the least term, one asin a cell
    const lat = grid.lat[i] * DEG;
    const lng = grid.lng[i] * DEG;
    const cosLat = Math.cos(lat);
    let least = Infinity;
    for (let k = 0; k < hLat.length; k++) {
      const s = Math.sin((hLat[k] - lat) / 2);
      const t = Math.sin((hLng[k] - lng) / 2);
      const a = s * s + cosLat * hCos[k] * t * t;
      if (a < least) least = a;
    }
    const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(least)));
    const z = grid.zone[i];
    // a cell of no zone is rural, as the engine takes it
    out[i] = km * (z >= 0 ? zonePerKm[z] : ruralPerKm);
  }
  return out;
}
