/**
 * Records the text drawn on a page canvas (every fillText: what, where, how
 * large, how wide), so the PDF can lay the same words as selectable text
 * over the page's picture. The canvas still draws as before.
 */
import type { Ctx } from './draw-text.ts';

/** One fillText on the page, in canvas pixels. */
export interface DrawnText {
  text: string;
  /** Left end of the text. */
  x: number;
  /** Alphabetic baseline. */
  baseline: number;
  /** Font size (em) in pixels. */
  px: number;
  width: number;
}

/** Share of the em above the alphabetic baseline in the page's CJK font stack (Noto Sans CJK: 0.88). */
const ASCENT = 0.88;
const DESCENT = 0.12;

/**
 * The baseline of text drawn at `y` with a canvas textBaseline, for a font of `px`.
 * @example baselineOf(100, 'top', 50) // 144
 */
export function baselineOf(y: number, textBaseline: CanvasTextBaseline, px: number): number {
  switch (textBaseline) {
    case 'top':
    case 'hanging':
      return y + ASCENT * px;
    case 'middle':
      return y + ((ASCENT - DESCENT) / 2) * px;
    case 'bottom':
      return y - DESCENT * px;
    default:
      return y;
  }
}

/**
 * The left end of text of `width` drawn at `x` with a canvas textAlign (left-to-right page).
 * @example leftOf(100, 'right', 40) // 60
 */
export function leftOf(x: number, align: CanvasTextAlign, width: number): number {
  if (align === 'right' || align === 'end') return x - width;
  if (align === 'center') return x - width / 2;
  return x;
}

/** Starts recording `ctx`'s fillText calls; `stop()` restores the context and returns what was drawn. */
export function recordText(ctx: Ctx): { stop: () => DrawnText[] } {
  const drawn: DrawnText[] = [];
  const original = ctx.fillText;
  ctx.fillText = function (this: Ctx, text: string, x: number, y: number, maxWidth?: number) {
    const px = Number(/([\d.]+)px/.exec(ctx.font)?.[1] ?? 0);
    const m = ctx.getTransform();
    const measured = ctx.measureText(text).width;
    const width = maxWidth !== undefined ? Math.min(measured, maxWidth) : measured;
    const left = leftOf(x, ctx.textAlign, width);
    const base = baselineOf(y, ctx.textBaseline, px);
    drawn.push({ text, x: m.a * left + m.c * base + m.e, baseline: m.b * left + m.d * base + m.f, px: px * m.d, width: width * m.a });
    if (maxWidth === undefined) original.call(this, text, x, y);
    else original.call(this, text, x, y, maxWidth);
  };
  return {
    stop: () => {
      // the instance property shadowed the prototype's method; removing it restores that
      delete (ctx as Partial<Ctx>).fillText;
      if (ctx.fillText !== original) ctx.fillText = original;
      return drawn;
    },
  };
}
