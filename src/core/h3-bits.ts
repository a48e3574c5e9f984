/**
 * An H3 index read as bits, without h3-js: its two 32-bit halves from the
 * 15-digit string, and the part of them an ancestor keeps. Two cells whose
 * ancestor bits agree share that ancestor (mode, resolution, base cell and
 * the first `resolution` digits, 3 bits each from bit 44 down), so a list
 * sorted by H3 index is split into parents by comparing numbers.
 */

/** The top 32 bits of an H3 index string (its first 7 hex digits). */
export const h3High = (h3: string): number => parseInt(h3.slice(0, -8), 16);

/** The low 32 bits of an H3 index string (its last 8 hex digits). */
export const h3Low = (h3: string): number => parseInt(h3.slice(-8), 16);

/** Right shift that keeps only an ancestor's bits at `resolution`. */
export const ancestorShift = (resolution: number): number => 45 - 3 * resolution;

/** The ancestor's bits within the high half. */
export const ancestorHigh = (high: number, shift: number): number => (shift >= 32 ? high >>> (shift - 32) : high);

/** The ancestor's bits within the low half (none when the shift passes it). */
export const ancestorLow = (low: number, shift: number): number => (shift >= 32 ? 0 : low >>> shift);

/** The resolution written in an index's high half (bits 52–55 of the index). */
export const resolutionOfHigh = (high: number): number => (high >>> 20) & 0xf;

/**
 * Halves [low, high] per index of a list of H3 strings: the layout of
 * PopulationGrid.h3Halves, which h3-js takes per cell in place of a string.
 * @example h3HalvesOf(['8941a008a1bffff']) // Uint32Array [0x8a1bffff, 0x8941a00]
 */
export function h3HalvesOf(h3: readonly string[]): Uint32Array {
  const halves = new Uint32Array(2 * h3.length);
  for (let i = 0; i < h3.length; i++) {
    halves[2 * i] = h3Low(h3[i]);
    halves[2 * i + 1] = h3High(h3[i]);
  }
  return halves;
}

/** Two ASCII hex digits per byte value. */
const HEX_PAIRS = (() => {
  const digits = '0123456789abcdef';
  const table = new Uint8Array(512);
  for (let b = 0; b < 256; b++) {
    table[2 * b] = digits.charCodeAt(b >> 4);
    table[2 * b + 1] = digits.charCodeAt(b & 15);
  }
  return table;
})();

/**
 * The H3 strings of halves [low, high] per index (lowercase, 15 digits, as
 * h3-js writes a cell). All digits are written into one ASCII buffer, decoded
 * once, then sliced: a third of the time of formatting each number (a
 * million cells in well under a second). The indexes must be cells (top four
 * bits zero).
 * @example h3OfHalves(Uint32Array.of(0x8a1bffff, 0x8941a00)) // ['8941a008a1bffff']
 */
export function h3OfHalves(halves: Uint32Array): string[] {
  const n = halves.length >>> 1;
  const ascii = new Uint8Array(n * 16);
  for (let i = 0; i < n; i++) {
    const high = halves[2 * i + 1];
    const low = halves[2 * i];
    // most significant byte first: the high half's four bytes, then the low half's
    for (let k = 0; k < 4; k++) {
      const hb = (high >>> (24 - 8 * k)) & 0xff;
      const lb = (low >>> (24 - 8 * k)) & 0xff;
      ascii[i * 16 + 2 * k] = HEX_PAIRS[2 * hb];
      ascii[i * 16 + 2 * k + 1] = HEX_PAIRS[2 * hb + 1];
      ascii[i * 16 + 8 + 2 * k] = HEX_PAIRS[2 * lb];
      ascii[i * 16 + 8 + 2 * k + 1] = HEX_PAIRS[2 * lb + 1];
    }
  }
  const all = new TextDecoder().decode(ascii);
  const out: string[] = new Array(n);
  // the leading digit is the zero top nibble: a cell's string has 15 digits
  for (let i = 0; i < n; i++) out[i] = all.slice(i * 16 + 1, i * 16 + 16);
  return out;
}
