/**
 * Draws the page's header (title, subtitle, rule) and footer (notes on
 * sources, licences and coordinates; the footer line and the made-with stamp).
 */
import { font, INK, MUTED, paragraph, RULE, singleLine, type Ctx } from './draw-text.ts';
import type { Fonts, Rect } from './layout.ts';

export function drawHeader(ctx: Ctx, title: string, subtitle: string, rect: Rect, fonts: Fonts, mm: number): void {
  singleLine(ctx, title, rect.x, rect.y, rect.w, fonts.title, { bold: true });
  singleLine(ctx, subtitle, rect.x, rect.y + fonts.title * 1.3, rect.w, fonts.subtitle, { colour: MUTED });
  ctx.fillStyle = INK;
  ctx.fillRect(rect.x, Math.round(rect.y + rect.h - 0.5 * mm), rect.w, Math.max(1, Math.round(0.5 * mm)));
}

/** Draws the footer; the notes' type shrinks (to 70 %) until they fit above the footer line. */
export function drawFooter(ctx: Ctx, notes: readonly string[], footer: string, stamp: string, rect: Rect, fonts: Fonts, mm: number): void {
  ctx.fillStyle = RULE;
  ctx.fillRect(rect.x, rect.y, rect.w, Math.max(1, Math.round(0.25 * mm)));
  const lineH = fonts.body * 1.35;
  const notesTop = rect.y + 1.2 * mm;
  const room = rect.h - 1.2 * mm - lineH - 0.8 * mm;
  const text = notes.join(' ');
  let px = fonts.small;
  while (px > fonts.small * 0.7 && paragraph(ctx, text, rect.x, notesTop, rect.w, px, { draw: false }) > room) px *= 0.95;
  paragraph(ctx, text, rect.x, notesTop, rect.w, px, { colour: MUTED });
  const y = rect.y + rect.h - lineH;
  ctx.font = font(fonts.small);
  const stampW = ctx.measureText(stamp).width;
  singleLine(ctx, footer, rect.x, y, rect.w - stampW - 4 * mm, fonts.body, { bold: true });
  singleLine(ctx, stamp, rect.x + rect.w, y + (fonts.body - fonts.small) * 0.6, stampW + 1, fonts.small, { colour: MUTED, align: 'right' });
}
