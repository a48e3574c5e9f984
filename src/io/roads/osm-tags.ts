/**
 * Which OpenStreetMap ways an ambulance drives, and how: the `highway`
 * classes kept, the direction from `oneway` (with what a class or a
 * roundabout implies), and a posted `maxspeed` in km/h. Tag meanings follow
 * the OSM wiki (Key:highway, Key:oneway, Key:maxspeed).
 */

/** `highway` values kept: roads a motor vehicle drives (tracks only when asked). */
export const DRIVABLE_HIGHWAYS: readonly string[] = Object.freeze([
  'motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link',
  'tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street', 'service', 'road',
]);
const DRIVABLE = new Set(DRIVABLE_HIGHWAYS);

/** `highway` values that are surely not driven (paths, construction, …): filtered without a problem. */
export const NOT_DRIVEN_HIGHWAYS: ReadonlySet<string> = new Set([
  'footway', 'path', 'cycleway', 'pedestrian', 'steps', 'bridleway', 'corridor', 'elevator', 'platform', 'bus_stop',
  'construction', 'proposed', 'abandoned', 'disused', 'raceway', 'bus_guideway', 'escape', 'busway', 'via_ferrata',
  'sidewalk', 'crossing', 'rest_area', 'services', 'emergency_bay', 'unknown',
]);

export interface WayTagReader {
  /** The value of a tag, or undefined. */
  (key: string): string | undefined;
}

export interface DrivableWay {
  /** The `highway` class (a key of the speed model). */
  classKey: string;
  /** Posted km/h, NaN when none or not a number. */
  postedKmh: number;
  oneway: -1 | 0 | 1;
}

const NO = new Set(['no', 'private_no']);
const EMERGENCY_YES = new Set(['yes', 'designated', 'permissive', 'destination']);

/**
 * How an ambulance drives a way with these tags, or null when it does not
 * (not a road, a closed area, or closed to motor vehicles with no
 * emergency exception). `access=private` is kept: ambulances enter gated
 * estates.
 * @example classifyOsmWay((k) => ({ highway: 'primary', oneway: 'yes', maxspeed: '50' })[k]) // { classKey: 'primary', postedKmh: 50, oneway: 1 }
 */
export function classifyOsmWay(tag: WayTagReader, includeTracks = false): DrivableWay | null {
  const highway = tag('highway');
  if (highway === undefined) return null;
  if (!DRIVABLE.has(highway) && !(includeTracks && highway === 'track')) return null;
  if (tag('area') === 'yes') return null;
  const closed = NO.has(tag('access') ?? '') || NO.has(tag('vehicle') ?? '') || NO.has(tag('motor_vehicle') ?? '') || NO.has(tag('motorcar') ?? '');
  if (closed && !EMERGENCY_YES.has(tag('emergency') ?? '')) return null;
  return { classKey: highway, postedKmh: parseMaxspeed(tag('maxspeed')), oneway: onewayOf(tag('oneway'), highway, tag('junction')) };
}

/**
 * The direction of a way: +1 along its nodes, −1 against them, 0 both.
 * `oneway` yes/true/1 and −1/reverse are read; without it, motorways
 * (OSM wiki: highway=motorway implies oneway=yes) and roundabouts are one-way.
 */
export function onewayOf(oneway: string | undefined, highway: string, junction?: string): -1 | 0 | 1 {
  const v = oneway?.trim().toLowerCase();
  if (v === 'yes' || v === 'true' || v === '1') return 1;
  if (v === '-1' || v === 'reverse') return -1;
  if (v === 'no' || v === 'false' || v === '0' || v === 'alternating' || v === 'reversible') return 0;
  if (highway === 'motorway' || junction === 'roundabout' || junction === 'circular') return 1;
  return 0;
}

/**
 * A `maxspeed` value in km/h: "50", "50 km/h", "30 mph", "50;70" (the
 * first). NaN for "none", "walk", "signals", country zone codes
 * ("DE:urban") and anything else that is not a number.
 * @example parseMaxspeed('30 mph') // 48.28032
 */
export function parseMaxspeed(raw: string | undefined): number {
  if (raw === undefined) return NaN;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?\s*(?:;|$)/i.exec(raw);
  if (!m) return NaN;
  const n = Number(m[1]);
  if (!(n > 0)) return NaN;
  const unit = (m[2] ?? '').toLowerCase();
  return unit === 'mph' ? n * 1.609344 : unit === 'knots' ? n * 1.852 : n;
}
