/**
 * Draws the key-figures box: each block's heading, then label on the left
 * and value on the right (on its own line when both do not fit), the
 * headline share larger. Measures without drawing when asked.
 */
import { font, INK, MUTED, paragraph, RULE, type Ctx } from './draw-text.ts';
import type { Rect } from './layout.ts';
import type { FigureBlock, FigureRow } from './types.ts';

export interface FigureStyle {
  mm: number;
  heading: number;
  body: number;
}

const BOX_FILL = '#f4f6f8';

function row(ctx: Ctx, r: FigureRow, x: number, y: number, w: number, px: number, valuePx: number, draw: boolean): number {
  const { label, value, swatch } = r;
  const colour = r.muted ? MUTED : INK;
  const swatchW = swatch ? px * 0.9 : 0;
  const labelX = x + (swatch ? swatchW + px * 0.45 : 0);
  ctx.font = font(valuePx, valuePx > px);
  const valueW = value ? ctx.measureText(value).width : 0;
  ctx.font = font(px);
  const labelW = ctx.measureText(label).width;
  const oneLine = labelX - x + labelW + (value ? px + valueW : 0) <= w;
  const lineH = Math.max(px, valuePx) * 1.3;
  const labelH = oneLine ? px * 1.3 : paragraph(ctx, label, labelX, y, x + w - labelX, px, { draw: false, lineHeight: 1.3 });
  // a value too long for the line under its label wraps there, left-aligned (e.g. the list of overrides)
  const valueIndent = labelX + px;
  ctx.font = font(valuePx, valuePx > px);
  const valueWraps = !oneLine && value !== '' && valueW > x + w - labelX;
  const valueH = oneLine || value === '' ? 0 : valueWraps ? paragraph(ctx, value, valueIndent, y, x + w - valueIndent, valuePx, { draw: false, lineHeight: 1.3 }) : valuePx * 1.3;
  const height = oneLine ? lineH : labelH + valueH;
  if (!draw) return height;
  if (swatch) {
    ctx.fillStyle = swatch;
    const s = Math.round(swatchW);
    ctx.fillRect(Math.round(x), Math.round(y + (oneLine ? lineH - px * 1.3 : 0) + px * 0.2), s, s);
  }
  // label and value share a baseline on one line
  const labelY = oneLine ? y + lineH - px * 1.3 + (valuePx > px ? valuePx * 0.08 : 0) : y;
  paragraph(ctx, label, labelX, labelY, x + w - labelX, px, { lineHeight: 1.3, colour });
  if (value === '') return height;
  if (valueWraps) {
    paragraph(ctx, value, valueIndent, y + labelH, x + w - valueIndent, valuePx, { lineHeight: 1.3, colour });
    return height;
  }
  ctx.font = font(valuePx, valuePx > px);
  ctx.fillStyle = colour;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(value, x + w, oneLine ? y + (lineH - valuePx * 1.3) : y + labelH);
  ctx.textAlign = 'left';
  return height;
}

/** Height the blocks need inside a box of width `rect.w` (padding included); draws when `draw` is true. */
export function drawFigures(ctx: Ctx, blocks: readonly FigureBlock[], rect: Rect, st: FigureStyle, draw: boolean): number {
  const pad = 2.5 * st.mm;
  const x = rect.x + pad;
  const w = rect.w - 2 * pad;
  const measure = (paint: boolean) => {
    let y = rect.y + pad;
    blocks.forEach((block, b) => {
      if (b > 0) {
        if (paint) {
          ctx.fillStyle = RULE;
          ctx.fillRect(x, Math.round(y + 0.6 * st.mm), w, Math.max(1, Math.round(0.2 * st.mm)));
        }
        y += 1.8 * st.mm;
      }
      y += paragraph(ctx, block.title, x, y, w, st.heading, { bold: true, draw: paint, lineHeight: 1.3 }) + 0.6 * st.mm;
      for (const r of block.rows) {
        y += row(ctx, r, x, y, w, st.body, r.emphasis ? st.body * (b === 0 ? 1.9 : 1.3) : st.body, paint) + 0.5 * st.mm;
      }
    });
    return y + pad - rect.y;
  };
  const height = measure(false);
  if (draw) {
    ctx.fillStyle = BOX_FILL;
    ctx.fillRect(rect.x, rect.y, rect.w, height);
    ctx.strokeStyle = RULE;
    ctx.lineWidth = Math.max(1, Math.round(0.25 * st.mm));
    ctx.strokeRect(rect.x, rect.y, rect.w, height);
    measure(true);
  }
  return height;
}
