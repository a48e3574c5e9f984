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
