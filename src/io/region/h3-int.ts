/**
 * H3 indexes as 64-bit integers (how packs store them: 8 bytes a cell,
 * DuckDB's h3 extension reads them as is) and back to the hex strings the
 * engine and h3-js use. The conversion goes through the two 32-bit halves,
 * never through BigInt per cell: a million cells convert in tens of ms.
 */
import { h3OfHalves } from '../../core/h3-bits.ts';

/** H3 hex strings → signed 64-bit integers (the top bit of an H3 index is always 0). */
export function h3ToInt64(h3: readonly string[]): BigInt64Array {
  const out = new BigInt64Array(h3.length);
  const halves = new Uint32Array(out.buffer);
  for (let i = 0; i < h3.length; i++) {
    const s = h3[i];
    // little-endian: low word first
    halves[2 * i] = parseInt(s.slice(-8), 16) >>> 0;
    halves[2 * i + 1] = parseInt(s.slice(0, -8) || '0', 16) >>> 0;
  }
  return out;
}

/**
 * 64-bit integers → H3 hex strings (lowercase, 15 digits, as h3-js writes a
 * cell), through their 32-bit halves (little-endian: the low word first, the
 * layout h3OfHalves reads). The integers must be H3 cells, as the pack reader
 * has checked.
 */
export function int64ToH3(values: BigInt64Array | BigUint64Array): string[] {
  return h3OfHalves(new Uint32Array(values.buffer, values.byteOffset, values.length * 2));
}
