/**
 * H3 indexes as 64-bit integers (how packs store them: 8 bytes a cell,
 * DuckDB's h3 extension reads them as is) and back to the hex strings the
 * engine and h3-js use. The conversion goes through the two 32-bit halves,
 * never through BigInt per cell: a million cells convert in tens of ms.
 */

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

/** 64-bit integers → H3 hex strings (lowercase, no leading zeros, as h3-js writes them). */
export function int64ToH3(values: BigInt64Array | BigUint64Array): string[] {
  const halves = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const out: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const high = halves[2 * i + 1];
    const low = halves[2 * i].toString(16);
    out[i] = high === 0 ? low : high.toString(16) + '00000000'.slice(low.length) + low;
  }
  return out;
}
