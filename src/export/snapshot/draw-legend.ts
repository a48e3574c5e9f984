/**
 * Draws the legend on the page: a heading, then each visible layer's
 * section with its symbols at the printed map's scale and wrapped labels,
 * flowing into a second column when the box is wide. Measures without
 * drawing when asked, so the page can shrink the type until it fits.
 */
import { font, INK, MUTED, paragraph, type Ctx } from './draw-text.ts';
import type { Rect } from './layout.ts';
import type { LegendItem, LegendSection, LegendSymbol } from './types.ts';

export interface LegendStyle {
  /** Pixels per A4 millimetre. */
  mm: number;
  /** Page pixels per CSS pixel of the printed map (symbol sizes follow the map). */
  mapRatio: number;
  heading: number;
  body: number;
  small: number;
}

const withAlpha = (hex: string, alpha: number) => {
  const v = parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
};

/** Draws a symbol centred in the box (x, y, w, h). */
export function drawSymbol(ctx: Ctx, symbol: LegendSymbol, box: Rect, style: LegendStyle): void {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  ctx.save();
  switch (symbol.kind) {
    case 'fill': {
      const h = Math.round(Math.min(box.h, 3.4 * style.mm));
      const r = { x: Math.round(box.x), y: Math.round(cy - h / 2), w: Math.round(box.w), h };
      ctx.fillStyle = symbol.base;
      ctx.fillRect(r.x, r.y, r.w, r.h);
      ctx.fillStyle = withAlpha(symbol.colour, symbol.alpha);
      ctx.fillRect(r.x, r.y, r.w, r.h);
      // the outline carries the full colour, so a pale fill (covered cells are drawn faint) still reads
      const lw = Math.max(1, Math.round(0.35 * style.mm));
      ctx.strokeStyle = symbol.colour;
      ctx.lineWidth = lw;
      ctx.strokeRect(r.x + lw / 2, r.y + lw / 2, r.w - lw, r.h - lw);
      break;
    }
    case 'line': {
      const w = Math.max(1, symbol.width * style.mapRatio);
      ctx.strokeStyle = symbol.colour;
      ctx.lineWidth = w;
      ctx.setLineDash(symbol.dash ? symbol.dash.map((d) => d * w) : []);
      ctx.beginPath();
      ctx.moveTo(box.x, cy);
      ctx.lineTo(box.x + box.w, cy);
      ctx.stroke();
      break;
    }
    case 'dot': {
      const r = symbol.radius * style.mapRatio;
      if (symbol.ring) {
        ctx.strokeStyle = withAlpha(symbol.ring, 0.7);
        ctx.lineWidth = style.mapRatio;
        ctx.beginPath();
        ctx.arc(cx, cy, r + 4 * style.mapRatio, 0, 2 * Math.PI);
        ctx.stroke();
      }
      ctx.globalAlpha = symbol.opacity ?? 1;
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
      ctx.fillStyle = symbol.fill;
      ctx.fill();
      ctx.lineWidth = symbol.strokeWidth * style.mapRatio;
      ctx.strokeStyle = symbol.stroke;
      ctx.stroke();
      // a white-stroked dot on white paper needs an edge to be seen
      if (symbol.stroke.toLowerCase() === '#ffffff') {
        ctx.lineWidth = Math.max(1, 0.12 * style.mm);
        ctx.strokeStyle = '#9aa1a8';
        ctx.beginPath();
        ctx.arc(cx, cy, r + (symbol.strokeWidth * style.mapRatio) / 2, 0, 2 * Math.PI);
        ctx.stroke();
      }
      break;
    }
    case 'ramp': {
      const h = Math.min(box.h, 3 * style.mm);
      const gradient = ctx.createLinearGradient(box.x, 0, box.x + box.w, 0);
      symbol.stops.forEach(([, colour], i) => gradient.addColorStop(i / (symbol.stops.length - 1), colour));
      ctx.fillStyle = gradient;
      ctx.fillRect(box.x, cy - h / 2, box.w, h);
      ctx.strokeStyle = '#9aa1a8';
      ctx.lineWidth = Math.max(1, 0.12 * style.mm);
      ctx.strokeRect(box.x, cy - h / 2, box.w, h);
      break;
    }
  }
  ctx.restore();
}

/** Symbol box width in A4 mm (the ramp is wider, it carries its end values). */
const symbolWidthMm = (s: LegendSymbol) => (s.kind === 'ramp' ? 24 : s.kind === 'dot' ? 6 : 7);

/** Legend dots are drawn a little smaller than on the map: the legend explains, the map shows. */
const DOT_SCALE = 0.8;

/** Height of one item (symbol and wrapped label) in a column of width `w`, drawing it when `draw` is true. */
function item(ctx: Ctx, it: LegendItem, x: number, y: number, w: number, st: LegendStyle, draw: boolean): number {
  const sw = symbolWidthMm(it.symbol) * st.mm;
  const textX = x + sw + 1.8 * st.mm;
  const lineH = st.body * 1.3;
  const textH = paragraph(ctx, it.label, textX, y, x + w - textX, st.body, { draw: false, lineHeight: 1.3 });
  const symbol = it.symbol.kind === 'dot' ? { ...it.symbol, radius: it.symbol.radius * DOT_SCALE } : it.symbol;
  const symbolH = symbol.kind === 'dot' ? 2 * (symbol.radius + (symbol.ring ? 4 : 0) + symbol.strokeWidth) * st.mapRatio : lineH;
  const rowH = Math.max(textH, symbolH);
  if (draw) {
    // a one-line label sits level with the symbol's centre
    paragraph(ctx, it.label, textX, y + (textH < rowH && textH <= lineH * 1.01 ? (rowH - lineH) / 2 : 0), x + w - textX, st.body, { lineHeight: 1.3 });
    const boxH = Math.max(symbolH, lineH);
    drawSymbol(ctx, symbol, { x, y: y + (textH > lineH * 1.01 ? 0 : (rowH - boxH) / 2), w: sw, h: boxH }, st);
    if (symbol.kind === 'ramp') {
      ctx.font = font(st.small);
      ctx.fillStyle = MUTED;
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      ctx.fillText(symbol.low, x, y + rowH);
      ctx.textAlign = 'right';
      ctx.fillText(symbol.high, x + sw, y + rowH);
      ctx.textAlign = 'left';
    }
  }
  return rowH + (symbol.kind === 'ramp' ? st.small * 1.2 : 0);
}

/** Height of one section, drawing it when `draw` is true. */
function section(ctx: Ctx, s: LegendSection, x: number, y: number, w: number, st: LegendStyle, draw: boolean): number {
  let h = paragraph(ctx, s.title, x, y, w, st.heading, { bold: true, draw, lineHeight: 1.3 });
  h += 0.6 * st.mm;
  const perRow = s.twoColumns && w > 50 * st.mm ? 2 : 1;
  const gap = 2 * st.mm;
  const colW = (w - gap * (perRow - 1)) / perRow;
  for (let i = 0; i < s.items.length; i += perRow) {
    const row = s.items.slice(i, i + perRow);
    const rowH = Math.max(...row.map((it) => item(ctx, it, 0, 0, colW, st, false)));
    if (draw) row.forEach((it, k) => item(ctx, it, x + k * (colW + gap), y + h, colW, st, true));
    h += rowH + 0.7 * st.mm;
  }
  if (s.note) h += paragraph(ctx, s.note, x, y + h, w, st.small, { colour: MUTED, draw, lineHeight: 1.3 }) + 0.6 * st.mm;
  return h;
}

/**
 * Lays the legend out in `rect` (one column, two when wider than 95 A4 mm)
 * and returns the height needed; draws only when `draw` is true and it fits.
 */
export function drawLegend(ctx: Ctx, title: string, sections: readonly LegendSection[], rect: Rect, st: LegendStyle, draw: boolean): { height: number; fits: boolean } {
  const titleH = paragraph(ctx, title, rect.x, rect.y, rect.w, st.heading * 1.15, { bold: true, draw, colour: INK }) + 1.2 * st.mm;
  const columns = rect.w > 95 * st.mm ? 2 : 1;
  const gap = 5 * st.mm;
  const colW = (rect.w - gap * (columns - 1)) / columns;
  const heights = sections.map((s) => section(ctx, s, 0, 0, colW, st, false) + 2 * st.mm);
  // greedy: fill a column, then the next; the last column takes the rest
  const available = rect.h - titleH;
  let col = 0;
  let y = 0;
  let tallest = 0;
  const placed: { s: LegendSection; col: number; y: number }[] = [];
  sections.forEach((s, i) => {
    if (y > 0 && y + heights[i] > available && col < columns - 1) {
      col++;
      y = 0;
    }
    placed.push({ s, col, y });
    y += heights[i];
    tallest = Math.max(tallest, y);
  });
  const height = titleH + tallest;
  const fits = height <= rect.h;
  if (draw) for (const p of placed) section(ctx, p.s, rect.x + p.col * (colW + gap), rect.y + titleH + p.y, colW, st, true);
  return { height, fits };
}
