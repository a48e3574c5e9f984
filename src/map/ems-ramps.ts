/**
 * The stepped ramps of the three EMS layers (issue 14): backup coverage
 * (stations within the cover limit: 0, 1, ≥ 2, from the engine's in-range
 * counts), call density (calls per cell) and hospital transport (minutes to
 * the nearest capable hospital, stepped around the capability's target).
 * Each gives a cell's class (its colour) and the legend's steps.
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
