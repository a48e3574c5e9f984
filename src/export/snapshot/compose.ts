/**
 * Composes a snapshot page on a 2D canvas: white paper, header, the map (or
 * before/after pair) with its furniture, legend, key figures and footer.
 * Everything, Chinese text included, becomes pixels here, so PNG and PDF
 * show the same page without embedding fonts.
 */
import { drawFigures } from './draw-figures.ts';
import { drawFooter, drawHeader } from './draw-header-footer.ts';
import { drawLegend } from './draw-legend.ts';
import { drawCaption, drawMap, type MapImage } from './draw-map.ts';
import type { Ctx } from './draw-text.ts';
import { pageLayout, type LayoutOptions, type PageLayout, type Rect } from './layout.ts';
import type { Page } from './paper.ts';
import type { SnapshotContent } from './types.ts';

/** Type scales tried, largest first, until legend and figures fit their boxes. */
const TYPE_SCALES = [1, 0.93, 0.86, 0.8, 0.74, 0.68, 0.62];

/** Where things ended up on the page (for tests and for checking overlap). */
export interface ComposedRegions {
  header: Rect;
  maps: Rect[];
  captions: Rect[];
  legend: Rect;
  figures: Rect;
  footer: Rect;
}

export interface Composed {
  layout: PageLayout;
  regions: ComposedRegions;
  /** Type scale the legend and figures were drawn at (1 = nominal). */
  typeScale: number;
}

interface Fit {
  layout: PageLayout;
  typeScale: number;
  figuresHeight: number;
  legendHeight: number;
}

/** The largest type scale at which legend and figures fit (the smallest tried if none does). */
function fit(ctx: Ctx, page: Page, content: SnapshotContent, options: LayoutOptions): Fit {
  let last: Fit | null = null;
  for (const typeScale of TYPE_SCALES) {
    const base = pageLayout(page, options);
    const st = { mm: base.mm, heading: base.fonts.heading * typeScale, body: base.fonts.body * typeScale };
    const figuresHeight = drawFigures(ctx, content.figures, base.figures, st, false);
    const layout = pageLayout(page, { ...options, figuresHeight });
    const legend = drawLegend(ctx, content.legendTitle, content.legend, layout.legend, legendStyle(layout, typeScale), false);
    last = { layout, typeScale, figuresHeight, legendHeight: legend.height };
    if (legend.fits && figuresHeight <= layout.figures.h + 1) return last;
  }
  return last!;
}

function legendStyle(layout: PageLayout, typeScale: number) {
  return {
    mm: layout.mm * Math.max(typeScale, 0.8),
    mapRatio: layout.mapRatio,
    heading: layout.fonts.heading * typeScale,
    body: layout.fonts.body * typeScale,
    small: layout.fonts.small * typeScale,
  };
}

/**
 * Draws the whole page into `ctx` (a canvas of the page's pixel size).
 * `maps` are the printed maps: one, or before then after, rendered for
 * `pageLayout(page, { beforeAfter, contentAspect })`.
 */
export function composePage(ctx: Ctx, page: Page, content: SnapshotContent, maps: readonly MapImage[], contentAspect?: number): Composed {
  const { layout, typeScale, figuresHeight, legendHeight } = fit(ctx, page, content, { beforeAfter: maps.length === 2, contentAspect });
  const { mm, fonts } = layout;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, page.widthPx, page.heightPx);

  drawHeader(ctx, content.title, content.subtitle, layout.header, fonts, mm);
  const mapStyle = { mm, body: fonts.body, small: fonts.small };
  maps.forEach((map, i) => drawMap(ctx, map, layout.maps[i], { north: content.north, scaleNote: content.scaleNote }, mapStyle));
  layout.captions.forEach((rect, i) => {
    if (content.captions[i]) drawCaption(ctx, content.captions[i], rect, mapStyle);
  });
  drawLegend(ctx, content.legendTitle, content.legend, layout.legend, legendStyle(layout, typeScale), true);
  const figuresRect = { ...layout.figures, h: Math.round(figuresHeight) };
  drawFigures(ctx, content.figures, figuresRect, { mm, heading: fonts.heading * typeScale, body: fonts.body * typeScale }, true);
  drawFooter(ctx, content.notes, content.footer, content.stamp, layout.footer, fonts, mm);

  return {
    layout,
    typeScale,
    regions: {
      header: layout.header,
      maps: layout.maps,
      captions: layout.captions,
      legend: { ...layout.legend, h: Math.min(layout.legend.h, Math.round(legendHeight)) },
      figures: figuresRect,
      footer: layout.footer,
    },
  };
}
