/**
 * Canvas text for the page: the CJK-first font stack, wrapped paragraphs
 * and single lines shrunk to fit. Names from files are drawn here as canvas
 * text, never parsed as markup.
 */
import { LOCAL_IDEOGRAPH_FONT_FAMILY } from '../../map/layers.ts';
import { wrapText } from './text-wrap.ts';

export type Ctx = CanvasRenderingContext2D;

/** Ink colours of the page. */
export const INK = '#1f2933';
export const MUTED = '#5b6570';
export const RULE = '#c9ced4';

/** A canvas font: the map's CJK-first stack (Noto Sans CJK SC, Microsoft YaHei, PingFang SC…). */
export function font(px: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${px.toFixed(1)}px ${LOCAL_IDEOGRAPH_FONT_FAMILY}`;
}

/** Lines of `text` wrapped to `maxWidth` in the context's current font. */
export function wrap(ctx: Ctx, text: string, maxWidth: number): string[] {
  return wrapText(text, maxWidth, (s) => ctx.measureText(s).width);
}

/**
 * Draws wrapped text from (x, y) (top of the first line) and returns the
 * height used. With `draw` false it only measures.
 */
export function paragraph(ctx: Ctx, text: string, x: number, y: number, maxWidth: number, px: number, options: { bold?: boolean; colour?: string; lineHeight?: number; draw?: boolean } = {}): number {
  ctx.font = font(px, options.bold);
  const lines = wrap(ctx, text, maxWidth);
  const lineHeight = px * (options.lineHeight ?? 1.35);
  if (options.draw !== false) {
    ctx.fillStyle = options.colour ?? INK;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    lines.forEach((line, i) => ctx.fillText(line, x, y + i * lineHeight));
  }
  return lines.length * lineHeight;
}

/** The largest size ≤ `px` at which `text` fits `maxWidth` on one line (not below 60 %). */
export function fittingSize(ctx: Ctx, text: string, maxWidth: number, px: number, bold = false): number {
  ctx.font = font(px, bold);
  const width = ctx.measureText(text).width;
  return width <= maxWidth ? px : Math.max(px * 0.6, (px * maxWidth) / width);
}

/** One line of text at (x, y) (top), shrunk to fit `maxWidth`, ellipsised if even that is too long. */
export function singleLine(ctx: Ctx, text: string, x: number, y: number, maxWidth: number, px: number, options: { bold?: boolean; colour?: string; align?: CanvasTextAlign } = {}): number {
  const size = fittingSize(ctx, text, maxWidth, px, options.bold);
  ctx.font = font(size, options.bold);
  let shown = text;
  while (shown.length > 1 && ctx.measureText(shown).width > maxWidth) shown = `${Array.from(shown).slice(0, -2).join('')}…`;
  ctx.fillStyle = options.colour ?? INK;
  ctx.textBaseline = 'top';
  ctx.textAlign = options.align ?? 'left';
  ctx.fillText(shown, x, y);
  return size;
}
