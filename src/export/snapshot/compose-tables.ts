/**
 * Draws the handout's table pages (page 2 on): the header as on the first
 * page, the township table and the gap areas flowed into columns (two on a
 * landscape sheet, one on portrait), and a footer with the page number.
 */
import { font, INK, MUTED, RULE, singleLine, type Ctx } from './draw-text.ts';
import { flowTables, type TablePiece } from './handout-tables.ts';
import { pageLayout, type PageLayout, type Rect } from './layout.ts';
import type { Page } from './paper.ts';
import type { HandoutTable } from './types.ts';

export interface TablesPageText {
  title: string;
  subtitle: string;
  footer: string;
  stamp: string;
  /** "第 {page} 页 / 共 {pages} 页" filled in per page. */
  pageLabel: (page: number, pages: number) => string;
  continued: (title: string) => string;
}

export interface TablesPlan {
  layout: PageLayout;
  slots: Rect[];
  /** Pieces per page, each page a list of slots. */
  pages: TablePiece[][][];
  rowH: number;
  px: number;
}

/** Lines a table's title and column head take. */
const HEAD_LINES = 2;
const ZEBRA = '#f4f6f8';

/** Where the tables go: slots per page and the pieces in each. */
export function planTablePages(page: Page, tables: readonly HandoutTable[]): TablesPlan {
  const layout = pageLayout(page);
  const { mm, fonts } = layout;
  const top = layout.header.y + layout.header.h + 4 * mm;
  const bottom = layout.footer.y + layout.footer.h - fonts.body * 1.35 - 4 * mm;
  const landscape = page.widthPx > page.heightPx;
  const columns = landscape ? 2 : 1;
  const gap = 8 * mm;
  const slotW = (layout.header.w - gap * (columns - 1)) / columns;
  const slots = Array.from({ length: columns }, (_, i) => ({ x: Math.round(layout.header.x + i * (slotW + gap)), y: Math.round(top), w: Math.round(slotW), h: Math.round(bottom - top) }));
  const px = fonts.body;
  const rowH = px * 1.55;
  const rowsPerSlot = Math.floor(slots[0].h / rowH);
  const flowed = flowTables(
    tables.map((t) => t.rows.length),
    rowsPerSlot,
    HEAD_LINES,
    tables.map((t) => t.total !== null),
  );
  const pages: TablePiece[][][] = [];
  for (let i = 0; i < flowed.length; i += columns) pages.push(flowed.slice(i, i + columns));
  return { layout, slots, pages, rowH, px };
}

/** Column widths for a table in `width` px at `px` (natural widths, spare space shared), and the size that fits. */
export function columnWidths(ctx: Ctx, table: HandoutTable, width: number, px: number): { widths: number[]; px: number } {
  const pad = px * 0.9;
  const natural = table.columns.map((c, i) => {
    ctx.font = font(px, true);
    let w = ctx.measureText(c.label).width;
    // the total row is drawn bold, so it is measured bold (measured plain, "59,551" lost its end)
    if (table.total) w = Math.max(w, ctx.measureText(table.total[i] ?? '').width);
    ctx.font = font(px);
    for (const r of table.rows) w = Math.max(w, ctx.measureText(r[i] ?? '').width);
    return w + pad;
  });
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum > width) {
    const scale = Math.max(0.7, width / sum);
    return { widths: natural.map((w) => (w * width) / sum), px: px * scale };
  }
  const spare = (width - sum) / natural.length;
  return { widths: natural.map((w) => w + spare), px };
}

function cells(ctx: Ctx, values: readonly string[], table: HandoutTable, widths: number[], x: number, y: number, px: number, bold: boolean, colour = INK): void {
  let left = x;
  values.forEach((v, i) => {
    const w = widths[i];
    const pad = px * 0.45;
    const align = table.columns[i].align;
    singleLine(ctx, v, align === 'right' ? left + w - pad : left + pad, y, w - 2 * pad, px, { bold, colour, align });
    left += w;
  });
}

/** Draws one piece of a table at the top of `rect` (starting `offset` lines down); returns the lines used. */
function drawPiece(ctx: Ctx, table: HandoutTable, piece: TablePiece, rect: Rect, offsetLines: number, plan: TablesPlan, text: TablesPageText): number {
  const { rowH, layout } = plan;
  const mm = layout.mm;
  const { widths, px } = columnWidths(ctx, table, rect.w, plan.px);
  let y = rect.y + offsetLines * rowH;
  const textY = (lineTop: number, size: number) => lineTop + (rowH - size * 1.2) / 2;
  singleLine(ctx, piece.continued ? text.continued(table.title) : table.title, rect.x, textY(y, plan.px * 1.15), rect.w, plan.px * 1.15, { bold: true });
  y += rowH;
  cells(
    ctx,
    table.columns.map((c) => c.label),
    table,
    widths,
    rect.x,
    textY(y, px),
    px,
    true,
    MUTED,
  );
  y += rowH;
  ctx.fillStyle = INK;
  ctx.fillRect(rect.x, Math.round(y - 0.2 * mm), rect.w, Math.max(1, Math.round(0.25 * mm)));
  for (let r = piece.from; r < piece.to; r++) {
    if ((r - piece.from) % 2 === 1) {
      ctx.fillStyle = ZEBRA;
      ctx.fillRect(rect.x, Math.round(y), rect.w, Math.round(rowH));
    }
    cells(ctx, table.rows[r], table, widths, rect.x, textY(y, px), px, false);
    y += rowH;
  }
  let lines = HEAD_LINES + (piece.to - piece.from);
  if (piece.withTotal && table.total) {
    ctx.fillStyle = RULE;
    ctx.fillRect(rect.x, Math.round(y), rect.w, Math.max(1, Math.round(0.25 * mm)));
    cells(ctx, table.total, table, widths, rect.x, textY(y, px), px, true);
    lines += 1;
  }
  return lines;
}

/** Draws table page `index` (0 = the first table page) of the plan. */
export function drawTablesPage(ctx: Ctx, page: Page, tables: readonly HandoutTable[], plan: TablesPlan, index: number, pageNumber: number, pageCount: number, text: TablesPageText): void {
  const { layout } = plan;
  const { mm, fonts } = layout;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, page.widthPx, page.heightPx);
  const h = layout.header;
  singleLine(ctx, text.title, h.x, h.y, h.w, fonts.title * 0.8, { bold: true });
  singleLine(ctx, text.subtitle, h.x, h.y + fonts.title * 0.8 * 1.3, h.w, fonts.subtitle, { colour: MUTED });
  ctx.fillStyle = INK;
  ctx.fillRect(h.x, Math.round(h.y + h.h - 0.5 * mm), h.w, Math.max(1, Math.round(0.5 * mm)));

  plan.pages[index].forEach((slot, s) => {
    let offset = 0;
    for (const piece of slot) offset += drawPiece(ctx, tables[piece.table], piece, plan.slots[s], offset, plan, text) + 1;
  });

  const y = layout.footer.y + layout.footer.h - fonts.body * 1.35;
  ctx.fillStyle = RULE;
  ctx.fillRect(h.x, Math.round(y - 1.2 * mm), h.w, Math.max(1, Math.round(0.25 * mm)));
  const right = `${text.stamp} · ${text.pageLabel(pageNumber, pageCount)}`;
  ctx.font = font(fonts.small);
  const rightW = ctx.measureText(right).width;
  singleLine(ctx, text.footer, h.x, y, h.w - rightW - 4 * mm, fonts.body, { bold: true });
  singleLine(ctx, right, h.x + h.w, y + (fonts.body - fonts.small) * 0.6, rightW + 1, fonts.small, { colour: MUTED, align: 'right' });
}
