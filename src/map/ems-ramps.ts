/**
 * The stepped ramps of the EMS layers (issue 14): backup coverage (stations
 * within the cover limit: 0, 1, ≥ 2, from the engine's in-range counts), call
 * density (calls per cell), first-due workload (the busy fraction of a cell's
 * first-due station against the busy target), hospital transport (minutes to
 * the nearest capable hospital, stepped around the capability's target) and
 * township equity (a zone's 90th-percentile response minutes around the
 * response target). Each gives a cell's or zone's class (its colour) and the
 * legend's steps.
 */
import { MINUTES_COLOURS, minutesClass, NOT_REACHED } from './minutes-ramp.ts';

/** 0 stations (orange-red), 1 station (light orange), ≥ 2 (blue): reads the same with red–green colour blindness. */
export const BACKUP_COLOURS: readonly string[] = ['#d95f0e', '#fec44f', '#2b8cbe'];
export const BACKUP_OPACITY = 0.6;

/**
 * Class per cell: the number of stations within its cover limit, capped at 2.
 * @example backupClasses(Uint16Array.of(0, 1, 2, 5)) // Uint8Array [0, 1, 2, 2]
 */
export function backupClasses(inRange: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(inRange.length);
  for (let i = 0; i < inRange.length; i++) out[i] = inRange[i] >= 2 ? 2 : inRange[i];
  return out;
}

/** Upper bounds of the call-density classes 1–4 (calls per cell); class 0 is no call, class 5 above the last step. */
export const CALL_STEPS: readonly number[] = [1, 3, 10, 30];
/** Class 0 (no call) is not drawn; then a purple ramp, darker with more calls. */
export const CALL_COLOURS: readonly string[] = ['rgba(0,0,0,0)', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'];
export const CALL_OPACITY = 0.75;

/**
 * Class per cell of its calls: 0 none, 1–4 up to each of CALL_STEPS, 5 above.
 * @example callClasses(Float64Array.of(0, 0.5, 3, 4, 31)) // Uint8Array [0, 1, 2, 3, 5]
 */
export function callClasses(calls: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(calls.length);
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i];
    if (!(c > 0)) continue;
    let k = 0;
    while (k < CALL_STEPS.length && c > CALL_STEPS[k]) k++;
    out[i] = k + 1;
  }
  return out;
}

/** The response-time ramp's colours: blues within the target, oranges beyond, grey where no capable hospital is reached. */
export const HOSPITAL_COLOURS = MINUTES_COLOURS;
/** Class of a cell no capable hospital is reached from. */
export const HOSPITAL_NONE = NOT_REACHED;

/**
 * Upper bounds (minutes) of the hospital classes 0–4: a third and two thirds
 * of the target, the target (the last blue class), target + 15, target + 30.
 * @example hospitalSteps(60) // [20, 40, 60, 75, 90]
 */
export function hospitalSteps(targetMinutes: number): number[] {
  if (!(targetMinutes > 0 && Number.isFinite(targetMinutes))) throw new Error(`Got a hospital target of ${targetMinutes} minutes when expected a number above 0.`);
  const third = Math.round(targetMinutes / 3);
  return [third, Math.round((2 * targetMinutes) / 3), targetMinutes, targetMinutes + 15, targetMinutes + 30];
}

/**
 * Class per cell of its minutes to the nearest capable hospital (Infinity or NaN: none reached).
 * @example hospitalClasses(Float64Array.of(10, 60, 61, Infinity), [20, 40, 60, 75, 90]) // Uint8Array [0, 2, 3, 6]
 */
export function hospitalClasses(minutes: ArrayLike<number>, steps: readonly number[]): Uint8Array {
  const out = new Uint8Array(minutes.length);
  for (let i = 0; i < minutes.length; i++) out[i] = Number.isFinite(minutes[i]) ? minutesClass(minutes[i], false, steps) : HOSPITAL_NONE;
  return out;
}

/**
 * First-due workload: a cell's colour is the busy fraction of its first-due
 * station against the busy target. Class 0 no first-due station (no station
 * reaches the cell: grey), 1 under half the target, 2 under the target, 3 at
 * or over it, 4 at or over twice it. Two light blues, then orange and dark
 * red: the stations over the target stand out, red–green blind too.
 */
export const WORKLOAD_COLOURS: readonly string[] = ['#bdbdbd', '#c6dbef', '#6baed6', '#fd8d3c', '#a50f15'];
export const WORKLOAD_OPACITY = 0.65;
/** Class of a cell without a first-due station. */
export const WORKLOAD_NONE = 0;
/** Class from which a station is over the busy target. */
export const WORKLOAD_OVER = 3;

/**
 * Class of one busy fraction against the target (Infinity: calls but no ambulance, the top class).
 * @example workloadClass(0.05, 0.2) // 1  (under half the target)
 * @example workloadClass(0.2, 0.2) // 3   (at the target counts as over)
 * @example workloadClass(0.4, 0.2) // 4   (twice the target)
 */
export function workloadClass(busyFraction: number, busyTarget: number): number {
  if (!(busyTarget > 0 && Number.isFinite(busyTarget))) throw new Error(`Got a busy target of ${busyTarget} when expected a fraction above 0.`);
  if (busyFraction >= 2 * busyTarget) return 4;
  if (busyFraction >= busyTarget) return 3;
  return busyFraction < busyTarget / 2 ? 1 : 2;
}

/**
 * Class per cell of its first-due station's busy fraction.
 * @param firstDueRow per cell the row of its first-due station in `busyByRow`, −1 for none
 * @param busyByRow busy fraction per station row (the result's ems.workload order)
 * @example workloadClasses(Int32Array.of(-1, 0, 1), [0.05, 0.5], 0.2) // Uint8Array [0, 1, 4]
 */
export function workloadClasses(firstDueRow: ArrayLike<number>, busyByRow: readonly number[], busyTarget: number): Uint8Array {
  const byRow = busyByRow.map((b) => workloadClass(b, busyTarget));
  const out = new Uint8Array(firstDueRow.length);
  for (let i = 0; i < firstDueRow.length; i++) {
    const row = firstDueRow[i];
    out[i] = row >= 0 && row < byRow.length ? byRow[row] : WORKLOAD_NONE;
  }
  return out;
}

/**
 * Township equity: each zone by its residents' 90th-percentile response
 * minutes, stepped around the target like hospital transport (a third and
 * two thirds of it, the target, target + 15, target + 30), then "over the
 * horizon" (the 90th percentile falls among the unreached) and no figure.
 */
export const EQUITY_COLOURS: readonly string[] = [...MINUTES_COLOURS.slice(0, NOT_REACHED + 1), 'rgba(0,0,0,0)'];
export const EQUITY_OPACITY = 0.55;
/** Class of a zone whose 90th percentile falls among the residents not reached within the horizon. */
export const EQUITY_OVER_HORIZON = NOT_REACHED;
/** Class of a zone without a figure (no residents, or not in the result): not drawn. */
export const EQUITY_NONE = NOT_REACHED + 1;

/** Upper bounds (minutes) of the equity classes 0–4, around the response target. */
export const equitySteps = (targetMinutes: number): number[] => hospitalSteps(targetMinutes);

/**
 * Class of a zone's 90th-percentile minutes (null: among the unreached; `residents` 0: no figure).
 * @example equityClass(12, 1000, [5, 10, 15, 30, 45]) // 2
 * @example equityClass(null, 1000, [5, 10, 15, 30, 45]) // 6
 */
export function equityClass(p90Minutes: number | null, residents: number, steps: readonly number[]): number {
  if (!(residents > 0)) return EQUITY_NONE;
  return p90Minutes === null ? EQUITY_OVER_HORIZON : minutesClass(p90Minutes, false, steps);
}
