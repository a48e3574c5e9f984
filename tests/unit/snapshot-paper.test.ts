/** Paper sizes in pixels and the canvas-size guard of the snapshot export. */
import { describe, expect, it } from 'vitest';
import { CANVAS_LIMITS, checkCanvasSize } from '../../src/export/snapshot/canvas-limit.ts';
import { mmToPx, pagePixels, PT_PER_MM, ptToPx } from '../../src/export/snapshot/paper.ts';

describe('paper sizes at a resolution', () => {
  it('A4 at 300 dpi is 3508 × 2480 px landscape and 2480 × 3508 portrait', () => {
    expect(pagePixels('A4', 'landscape', 300)).toMatchObject({ widthPx: 3508, heightPx: 2480, widthMm: 297, heightMm: 210 });
    expect(pagePixels('A4', 'portrait', 300)).toMatchObject({ widthPx: 2480, heightPx: 3508, widthMm: 210, heightMm: 297 });
  });

  it('A3 at 150 dpi is 2480 × 1754 px, A3 at 300 dpi 4961 × 3508, A4 at 150 dpi 1754 × 1240', () => {
    expect(pagePixels('A3', 'landscape', 150)).toMatchObject({ widthPx: 2480, heightPx: 1754 });
    expect(pagePixels('A3', 'landscape', 300)).toMatchObject({ widthPx: 4961, heightPx: 3508 });
    expect(pagePixels('A4', 'landscape', 150)).toMatchObject({ widthPx: 1754, heightPx: 1240 });
  });

  it('an inch is 25.4 mm and 72 pt; A4 is 595.28 × 841.89 pt', () => {
    expect(mmToPx(25.4, 300)).toBe(300);
    expect(ptToPx(12, 300)).toBe(50);
    expect(210 * PT_PER_MM).toBeCloseTo(595.28, 2);
    expect(297 * PT_PER_MM).toBeCloseTo(841.89, 2);
  });

  it('refuses unknown paper and non-positive resolutions', () => {
    expect(() => pagePixels('A5' as never, 'landscape', 300)).toThrow(/Unknown paper "A5"/);
    expect(() => pagePixels('A4', 'landscape', 0)).toThrow(/positive number of dpi/);
  });
});

describe('the canvas-size guard', () => {
  it('lets every page the dialog offers through (up to A3 at 300 dpi, 17.4 MP)', () => {
    for (const paper of ['A4', 'A3'] as const)
      for (const orientation of ['landscape', 'portrait'] as const)
        for (const dpi of [150, 300]) {
          const p = pagePixels(paper, orientation, dpi);
          expect(checkCanvasSize(p.widthPx, p.heightPx), `${paper} ${orientation} ${dpi}`).toBeNull();
        }
  });

  it('refuses a side over 16,384 px: A3 at 1200 dpi is 19,843 px wide', () => {
    const p = pagePixels('A3', 'landscape', 1200);
    expect(p.widthPx).toBe(19843);
    expect(checkCanvasSize(p.widthPx, p.heightPx)).toEqual({ kind: 'side', width: 19843, height: 14031, maxSide: 16384 });
  });

  it('16,384 px square is the largest area allowed; one pixel more on a side is refused', () => {
    expect(CANVAS_LIMITS.maxArea).toBe(268_435_456);
    expect(checkCanvasSize(16384, 16384)).toBeNull();
    expect(checkCanvasSize(16385, 100)?.kind).toBe('side');
  });

  it('refuses an area over the limit even when each side fits', () => {
    expect(checkCanvasSize(10_000, 10_000, { maxSide: 20_000, maxArea: 50_000_000 })).toEqual({ kind: 'area', width: 10000, height: 10000, maxArea: 50_000_000 });
  });

  it('refuses empty and fractional sizes', () => {
    expect(checkCanvasSize(0, 100)?.kind).toBe('invalid');
    expect(checkCanvasSize(10.5, 100)?.kind).toBe('invalid');
  });
});
