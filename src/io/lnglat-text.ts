/**
 * A typed coordinate pair ("118.1623, 25.3099", in WGS84 or GCJ-02) read
 * into a WGS84 point, or the reason it cannot be one. Nothing is guessed: a
 * pair that looks like latitude first is refused, not swapped.
 */
import { toWgs84, type Crs } from './crs.ts';

export type LngLatProblem = 'empty' | 'format' | 'range' | 'swapped';

export type LngLatReading = { ok: true; lng: number; lat: number } | { ok: false; problem: LngLatProblem };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads "lng, lat" (comma, Chinese comma, semicolon or spaces between) in `crs` and returns WGS84.
 * @example readLngLat('118.1672, 25.3072', 'GCJ02') // { ok: true, lng: ≈118.1623, lat: ≈25.3099 }
 */
export function readLngLat(text: string, crs: Crs): LngLatReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  const parts = trimmed.split(/\s*[,，;；]\s*|\s+/).filter((p) => p !== '');
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) return { ok: false, problem: 'format' };
  const [a, b] = parts.map(Number);
  if (Math.abs(a) <= 90 && Math.abs(b) > 90 && Math.abs(b) <= 180) return { ok: false, problem: 'swapped' };
  if (Math.abs(a) > 180 || Math.abs(b) > 90) return { ok: false, problem: 'range' };
  const [lng, lat] = toWgs84(a, b, crs);
  return { ok: true, lng, lat };
}
