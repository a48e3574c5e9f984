/**
 * Command-line option helpers shared by the scripts (report, suggest,
 * snapshot): usage errors, id lists, numbers, and the options the report and
 * the suggester share (--rural-radius, --minutes, --without, --with).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { makeRules, type Rules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';

/** Bad usage: the script prints the message and the usage text, and exits with code 2. */
export class UsageError extends Error {}

/** Parses the command line strictly; an unknown or malformed option is a UsageError. */
export function parseOptions<const O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A comma-separated id list ("a, b,,c" → [a, b, c]). */
export function idList(value: string | undefined): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${value}".`);
  return n;
}

/** Rules from --rural-radius (10–20 km; 20 = the lenient reading) and --minutes. */
export function rulesFrom(ruralRadius: string | undefined, minutes: string | undefined): Rules {
  const changes: Partial<Rules> = {};
  if (ruralRadius !== undefined) {
    const km = Number(ruralRadius);
    if (!Number.isFinite(km) || km < 10 || km > 20) throw new UsageError(`--rural-radius must be between 10 and 20 km (the standard's range), got "${ruralRadius}".`);
    if (km === 20) changes.ruralReading = 'lenient';
    else changes.ruralStrictRadiusKm = km;
  }
  if (minutes !== undefined) changes.circleMinutes = positiveNumber('--minutes', minutes, 15);
  return makeRules(changes);
}

/** Applies --without and --with to the stations, refusing ids that do not exist. */
export function scenarioStations(all: readonly Station[], without: string[], enable: string[]): Station[] {
  const known = new Set(all.map((s) => s.id));
  const unknown = [...without, ...enable].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`Unknown station id(s): ${unknown.join(', ')}. Known ids: ${[...known].join(', ')}.`);
  return all
    .filter((s) => !without.includes(s.id))
    .map((s) => (enable.includes(s.id) && s.status === 'disabled' ? { ...s, status: 'existing' as const } : s));
}

/** A share from "0.95", "95%" or "95 %", checked to lie in (0, 1]. */
export function parseShare(flag: string, value: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1).trim() : text);
  const share = percent ? n / 100 : n;
  if (!Number.isFinite(share) || share <= 0 || share > 1) {
    throw new UsageError(`${flag} must be a share above 0 and at most 1, or a percentage (e.g. 0.95 or 95%), got "${value}".`);
  }
  return share;
}

/** A positive whole number. */
export function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1, got "${value}".`);
  return n;
}
