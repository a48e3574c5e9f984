/**
 * Layout measurements of the live page for the browser tests: does the header
 * hold on one line, is any table cell clipped, do two boxes overlap, is any
 * scroll area nested in another. Each returns what it found, so a failing
 * assertion names the element at fault.
 */
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** True when two boxes share more than a hairline of area. */
export function intersects(a: Box, b: Box): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
}

export async function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, selector);
}

export interface HeaderLines {
  /** Height of the header bar (px). */
  height: number;
  /** Height of its tallest control plus the bar's vertical padding: the height of one line. */
  oneLineHeight: number;
  /** Header texts laid out on more than one line, with their line count. */
  wrapped: string[];
  /** Header texts cut off (scrollWidth > clientWidth) or pushed out of the bar. */
  clipped: string[];
}

/** How the header's texts are laid out: lines per text (distinct line tops of its text), and cut-off texts. */
export async function headerLines(page: Page): Promise<HeaderLines> {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header') as HTMLElement;
    const hr = header.getBoundingClientRect();
    const style = getComputedStyle(header);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const wrapped: string[] = [];
    const clipped: string[] = [];
    let tallest = 0;
    for (const child of Array.from(header.children)) tallest = Math.max(tallest, child.getBoundingClientRect().height);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `#${el.getAttribute('data-testid')}` : ''}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of Array.from(header.querySelectorAll('h1, span, button, label, select, a'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // a select's range would hold every option's text: its box height tells instead
      if (el.querySelector('select')) continue;
      if (el.tagName === 'SELECT') {
        if (r.height > 2 * parseFloat(getComputedStyle(el).fontSize) + 8) wrapped.push(`${name(el)}: ${Math.round(r.height)} px tall`);
      } else {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set<number>();
        for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top / 4));
        if (tops.size > 1) wrapped.push(`${name(el)}: ${tops.size} lines`);
      }
      const h = el as HTMLElement;
      if (h.scrollWidth > h.clientWidth + 1 && getComputedStyle(h).overflow !== 'visible') clipped.push(`${name(el)}: ${h.scrollWidth} > ${h.clientWidth}`);
      if (r.right > hr.right + 1 || r.left < hr.left - 1) clipped.push(`${name(el)}: outside the bar (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    return { height: hr.height, oneLineHeight: tallest + padding, wrapped, clipped };
  });
}

export interface TableFit {
  /** Cells whose content is wider than the cell (cut off). */
  clippedCells: string[];
  /** Rows measured. */
  rows: number;
  /** Table width against the width of the box it is shown in (> means it scrolls sideways). */
  tableWidth: number;
  boxWidth: number;
}

/** Whether any cell of a table cuts its content off, and whether the table fits its box. */
export async function tableFit(page: Page, testId: string): Promise<TableFit> {
  return page.evaluate((id) => {
    const table = document.querySelector(`[data-testid="${id}"]`) as HTMLTableElement | null;
    if (!table) throw new Error(`No table [data-testid=${id}]`);
    const clippedCells: string[] = [];
    for (const cell of Array.from(table.querySelectorAll('th, td')) as HTMLElement[]) {
      const inner = Array.from(cell.querySelectorAll('button, span')) as HTMLElement[];
      for (const el of [cell, ...inner]) {
        if (el.scrollWidth > el.clientWidth + 0.5 && el.clientWidth > 0) clippedCells.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim()}": ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    const box = table.parentElement as HTMLElement;
    return { clippedCells: clippedCells.slice(0, 20), rows: table.rows.length, tableWidth: table.getBoundingClientRect().width, boxWidth: box.clientWidth };
  }, testId);
}

/**
 * Scroll areas inside scroll areas: every element that scrolls vertically
 * (overflow-y auto/scroll) with an ancestor that does too. Horizontal-only
 * wrappers (overflow-x auto, overflow-y hidden or visible) are allowed.
 */
export async function nestedScrollAreas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrolls = (el: Element) => {
      const s = getComputedStyle(el);
      return s.overflowY === 'auto' || s.overflowY === 'scroll';
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${String(el.className).split(/\s+/).join('.')}`;
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!scrolls(el)) continue;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (scrolls(a)) {
          found.push(`${name(el)} inside ${name(a)}`);
          break;
        }
      }
    }
    return found;
  });
}

/** Title and aria-label of a MapLibre control button. */
export async function controlLabels(page: Page, selector: string): Promise<{ title: string | null; aria: string | null }> {
  return page.evaluate((sel) => {
    const b = document.querySelector(sel);
    if (!b) throw new Error(`No control ${sel}`);
    return { title: b.getAttribute('title'), aria: b.getAttribute('aria-label') };
  }, selector);
}
