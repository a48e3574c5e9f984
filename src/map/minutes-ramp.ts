/**
 * The response-time layer's stepped colour ramp: which class a cell's
 * response minutes fall in, the class colours, and the steps the legend
 * shows. Blues up to the emergency circle's minutes, oranges beyond it (a
 * blue–orange ramp reads the same with red–green colour blindness), and two
 * greys of different lightness for "not reached" and "no road access".
 */

/** Class of a cell reached within the horizon but after the last step. */
export const BEYOND_LAST_STEP = 5;
/** Class of a cell no station reaches within the horizon (it has road access). */
export const NOT_REACHED = 6;
/** Class of a cell with no road access (too far from any road, or near a cut-off fragment only). */
export const NO_ROAD_ACCESS = 7;

/** Fill colour per class: 0–2 within the circle (faster darker), 3–5 beyond it, then not reached, no road access. */
export const MINUTES_COLOURS: readonly string[] = ['#08519c', '#3182bd', '#9ecae1', '#fdd0a2', '#fd8d3c', '#a63603', '#525252', '#bdbdbd'];

/** Fill opacity of the layer: the basemap's roads and the township outlines stay readable under it. */
export const MINUTES_OPACITY = 0.72;

/** Round steps a planner reads at a glance; the circle's own minutes replace the one nearest it. */
const ROUND_STEPS = [5, 10, 15, 20, 25];

/**
 * Upper bounds (minutes) of classes 0–4: two steps below the circle (the
 * round ones nearest it, else thirds of it), the circle itself (the key
 * step: its class is the last blue one), the circle + 5, and 30 (or the
 * circle + 10 when that is further).
 * @example minutesSteps(15) // [5, 10, 15, 20, 30]
 * @example minutesSteps(14) // [5, 10, 14, 19, 30]
 * @example minutesSteps(6) // [2, 4, 6, 11, 30]
 */
export function minutesSteps(circleMinutes: number): number[] {
  if (!(circleMinutes > 0 && Number.isFinite(circleMinutes))) throw new Error(`Got circle minutes ${circleMinutes} when expected a number above 0.`);
  let below = ROUND_STEPS.filter((m) => m < circleMinutes).slice(-2);
  if (below.length < 2) below = [circleMinutes / 3, (2 * circleMinutes) / 3].map((m) => Math.round(m * 10) / 10);
  return [...below, circleMinutes, circleMinutes + 5, Math.max(30, circleMinutes + 10)];
}

/**
 * A cell's class (its colour in MINUTES_COLOURS): the index of the first
 * step its minutes are within, else BEYOND_LAST_STEP, NOT_REACHED or
 * NO_ROAD_ACCESS.
 * @param minutes response minutes, NaN when not reached or without road access
 * @param steps from minutesSteps (five)
 * @param noAccess true when the cell has no road access
 * @example minutesClass(12.4, false, [5, 10, 15, 20, 30]) // 2
 * @example minutesClass(NaN, true, [5, 10, 15, 20, 30]) // 7
 */
export function minutesClass(minutes: number, noAccess: boolean, steps: readonly number[]): number {
  if (noAccess) return NO_ROAD_ACCESS;
  if (Number.isNaN(minutes)) return NOT_REACHED;
  for (let k = 0; k < steps.length; k++) if (minutes <= steps[k]) return k;
  return BEYOND_LAST_STEP;
}

/**
 * Class per cell of a result's minutes.
 * @param access per cell 0 with road access, else without (the result's roadAccess), or null when unknown
 */
export function minutesClasses(minutes: Float32Array, access: Uint8Array | null, steps: readonly number[]): Uint8Array {
  const out = new Uint8Array(minutes.length);
  for (let i = 0; i < minutes.length; i++) out[i] = minutesClass(minutes[i], access !== null && access[i] !== 0, steps);
  return out;
}
