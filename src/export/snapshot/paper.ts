/**
 * Paper sizes and the page's pixel size at a print resolution. ISO 216 sizes
 * in millimetres; pixels are rounded to the nearest whole pixel, so A4 at
 * 300 dpi is the familiar 2480 × 3508.
 */

export type PaperName = 'A4' | 'A3';
export type Orientation = 'landscape' | 'portrait';

/** Portrait width × height in millimetres (ISO 216). */
export const PAPER_MM: Record<PaperName, readonly [number, number]> = {
  A4: [210, 297],
  A3: [297, 420],
};

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;

/** A page: paper size in mm and in pixels at `dpi`. */
export interface Page {
  paper: PaperName;
  orientation: Orientation;
  dpi: number;
  widthMm: number;
  heightMm: number;
  widthPx: number;
  heightPx: number;
}

/**
 * Millimetres to pixels at a resolution (not rounded).
 * @example mmToPx(25.4, 300) // 300
 */
export function mmToPx(mm: number, dpi: number): number {
  return (mm / MM_PER_INCH) * dpi;
}

/**
 * Typographic points to pixels at a resolution.
 * @example ptToPx(12, 300) // 50
 */
export function ptToPx(pt: number, dpi: number): number {
  return (pt / PT_PER_INCH) * dpi;
}

/**
 * The page of a paper size in an orientation at `dpi` dots per inch.
 * @example pagePixels('A4', 'landscape', 300) // { widthPx: 3508, heightPx: 2480, widthMm: 297, heightMm: 210, … }
 */
export function pagePixels(paper: PaperName, orientation: Orientation, dpi: number): Page {
  const size = PAPER_MM[paper];
  if (!size) throw new Error(`Unknown paper "${paper}": expected ${Object.keys(PAPER_MM).join(' or ')}.`);
  if (!Number.isFinite(dpi) || dpi <= 0) throw new Error(`Resolution must be a positive number of dpi, got ${dpi}.`);
  const [shortMm, longMm] = size;
  const [widthMm, heightMm] = orientation === 'landscape' ? [longMm, shortMm] : [shortMm, longMm];
  return { paper, orientation, dpi, widthMm, heightMm, widthPx: Math.round(mmToPx(widthMm, dpi)), heightPx: Math.round(mmToPx(heightMm, dpi)) };
}

/** PDF points per millimetre (1 pt = 1/72 inch): A4 is 595.28 × 841.89 pt. */
export const PT_PER_MM = PT_PER_INCH / MM_PER_INCH;
