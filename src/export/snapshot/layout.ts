/**
 * Where each part of the page goes: header (title, subtitle), the map or the
 * before/after pair, legend, key figures and the footer (sources, footer
 * line). Measured in millimetres of an A4 sheet and scaled with the paper, so
 * A3 is the same page √2 larger; returned in whole pixels at the page's dpi.
 */
import { mmToPx, PAPER_MM, ptToPx, type Page } from './paper.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Type sizes in pixels. */
export interface Fonts {
  title: number;
  subtitle: number;
  heading: number;
  body: number;
  small: number;
}

export interface PageLayout {
  /** Size of this paper relative to A4 (1 for A4, √2 for A3). */
  scale: number;
  /** Pixels per A4 millimetre (scaled with the paper): use for strokes, gaps and symbol sizes. */
  mm: number;
  /** Page pixels per CSS pixel of the printed map: the map is drawn as on a 96-dpi screen, scaled with the paper. */
  mapRatio: number;
  header: Rect;
  /** One map, or before then after. */
  maps: Rect[];
  /** Caption above each map (before/after only; empty otherwise). */
  captions: Rect[];
  legend: Rect;
  figures: Rect;
  footer: Rect;
  fonts: Fonts;
}

/**
 * CSS pixels per inch of the printed map: 96, as on a standard screen, so
 * labels and lines come out at the size a planner knows from the app (12 px ≈ 3.2 mm).
 */
export const CSS_DPI = 96;

/** Sizes on an A4 sheet, in millimetres; other papers scale them. */
const A4 = {
  margin: 10,
  header: 17,
  gap: 4,
  footerLandscape: 15,
  footerPortrait: 19,
  sidebar: 76,
  figuresLandscape: 56,
  panelPortrait: 82,
  caption: 6,
};

/** Type sizes on A4, in points. */
const TYPE_PT: Fonts = { title: 20, subtitle: 10.5, heading: 8.5, body: 7.5, small: 6.2 };

const rect = (x: number, y: number, w: number, h: number): Rect => ({ x: Math.round(x), y: Math.round(y), w: Math.round(w), h: Math.round(h) });

/**
 * Splits a map area in two (before, after): side by side, or one above the
 * other when that shows content of width/height `aspect` larger (a wide
 * county on a landscape page). Each slot keeps `caption` px on top.
 */
export function splitMaps(area: Rect, gap: number, caption: number, aspect = 1): Rect[] {
  const scale = (w: number, h: number) => Math.min(w / aspect, h - caption);
  const sideW = (area.w - gap) / 2;
  const stackH = (area.h - gap) / 2;
  if (scale(sideW, area.h) >= scale(area.w, stackH)) {
    return [rect(area.x, area.y, sideW, area.h), rect(area.x + sideW + gap, area.y, area.w - sideW - gap, area.h)];
  }
  return [rect(area.x, area.y, area.w, stackH), rect(area.x, area.y + stackH + gap, area.w, area.h - stackH - gap)];
}

export interface LayoutOptions {
  /** Two maps side by side (or one above the other when the map area is taller than wide). */
  beforeAfter?: boolean;
  /** Height the key figures need (px). Landscape: the legend above takes the rest of the side column; portrait: the bottom panel grows to it. */
  figuresHeight?: number;
  /** Width/height of what the maps show (Mercator), to choose side by side or stacked. */
  contentAspect?: number;
}

/**
 * The layout of a page.
 * @example pageLayout(pagePixels('A4', 'landscape', 300)).maps.length // 1
 */
export function pageLayout(page: Page, options: LayoutOptions = {}): PageLayout {
  const beforeAfter = options.beforeAfter === true;
  const scale = Math.min(page.widthMm, page.heightMm) / PAPER_MM.A4[0];
  const mm = mmToPx(1, page.dpi) * scale;
  const W = page.widthPx;
  const H = page.heightPx;
  const m = A4.margin * mm;
  const gap = A4.gap * mm;
  const landscape = page.widthMm >= page.heightMm;

  const header = rect(m, m, W - 2 * m, A4.header * mm);
  const footerH = (landscape ? A4.footerLandscape : A4.footerPortrait) * mm;
  const footer = rect(m, H - m - footerH, W - 2 * m, footerH);
  const bodyTop = header.y + header.h + gap;
  const bodyBottom = footer.y - gap;

  let mapArea: Rect;
  let legend: Rect;
  let figures: Rect;
  if (landscape) {
    const sidebarW = A4.sidebar * mm;
    const sidebarX = W - m - sidebarW;
    mapArea = rect(m, bodyTop, sidebarX - gap - m, bodyBottom - bodyTop);
    const figuresH = Math.min(options.figuresHeight ?? A4.figuresLandscape * mm, (bodyBottom - bodyTop) * 0.75);
    figures = rect(sidebarX, bodyBottom - figuresH, sidebarW, figuresH);
    legend = rect(sidebarX, bodyTop, sidebarW, figures.y - gap - bodyTop);
  } else {
    // the panel grows with the key figures (at most to 55 % of the body); the map takes the rest
    const panelH = Math.max(A4.panelPortrait * mm, Math.min(options.figuresHeight ?? 0, (bodyBottom - bodyTop) * 0.55));
    const panelY = bodyBottom - panelH;
    mapArea = rect(m, bodyTop, W - 2 * m, panelY - gap - bodyTop);
    const figuresW = A4.sidebar * mm;
    figures = rect(W - m - figuresW, panelY, figuresW, panelH);
    legend = rect(m, panelY, figures.x - gap - m, panelH);
  }

  let maps = [mapArea];
  let captions: Rect[] = [];
  if (beforeAfter) {
    const captionH = A4.caption * mm;
    const slots = splitMaps(mapArea, gap, captionH, options.contentAspect);
    captions = slots.map((s) => rect(s.x, s.y, s.w, captionH));
    maps = slots.map((s) => rect(s.x, s.y + captionH, s.w, s.h - captionH));
  }

  const fonts = Object.fromEntries(Object.entries(TYPE_PT).map(([k, pt]) => [k, ptToPx(pt * scale, page.dpi)])) as unknown as Fonts;
  return { scale, mm, mapRatio: page.dpi * scale / CSS_DPI, header, maps, captions, legend, figures, footer, fonts };
}

/** True when `inner` lies inside `outer` (edges may touch). */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** True when two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
