/**
 * Snapshot export in headless Chromium: a 300-dpi A4 PNG of exactly
 * 3508 × 2480 px whose title, legend and figures hold ink and the map's
 * colours; a PDF of the A4 page size embedding that page as an image;
 * before/after maps (more gap before); the refusal of a page beyond the
 * canvas limit; and the dialog, by keyboard, downloading the file.
 * One page for the file (see SharedApp).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SnapshotHookResult } from '../../src/app/snapshot-hook.ts';
import type { Rect } from '../../src/export/snapshot/layout.ts';
import { COLOURS } from '../../src/map/layers.ts';
import { SHOTS_DIR, useSharedApp, waitMapIdle } from './helpers.ts';

const shared = useSharedApp();

async function exportSnapshot(page: Page, options: Record<string, unknown>): Promise<SnapshotHookResult> {
  await waitMapIdle(page);
  await page.waitForFunction(() => typeof window.__emsExportSnapshot === 'function');
  return page.evaluate((o) => window.__emsExportSnapshot!(o), options);
}

interface Image {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array | Uint8ClampedArray | Uint16Array;
}

function save(name: string, base64: string): { file: string; bytes: Buffer } {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, name);
  const bytes = Buffer.from(base64, 'base64');
  writeFileSync(file, bytes);
  return { file, bytes };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Pixels of `rect` that match `test`. */
function count(img: Image, rect: Rect, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++)
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * img.width + x) * img.channels;
      if (test(img.data[i], img.data[i + 1], img.data[i + 2])) n++;
    }
  return n;
}

const exactly = (hex: string) => {
  const [R, G, B] = rgb(hex);
  return (r: number, g: number, b: number) => r === R && g === G && b === B;
};
const ink = (r: number, g: number, b: number) => r + g + b < 200;
/** The gap fill as the map draws it (translucent red over the pale region fill). */
const reddish = (r: number, g: number, b: number) => r > 190 && g < 150 && b < 140 && r - g > 70;

describe('PNG snapshot', () => {
  it('300-dpi A4 landscape: 3508 × 2480 px, title in ink, legend and figures in the map colours', async () => {
    const { page, watch } = await shared.get();
    const r = await exportSnapshot(page, { paper: 'A4', orientation: 'landscape', dpi: 300, format: 'png' });
    const { file, bytes } = save('snapshot-a4-landscape-300dpi.png', r.base64);
    expect(r.mime).toBe('image/png');
    expect([r.width, r.height]).toEqual([3508, 2480]);
    const img = decode(bytes) as Image;
    expect([img.width, img.height], file).toEqual([3508, 2480]);
    const { header, legend, figures, maps, footer } = r.regions;
    // the default title 永春县急救站点覆盖分析, in 20 pt CJK: thousands of dark pixels
    expect(count(img, header, ink), `title ink (${file})`).toBeGreaterThan(20_000);
    for (const [name, hex] of [
      ['covered', COLOURS.covered],
      ['marginal', COLOURS.marginal],
      ['gap', COLOURS.gap],
    ] as const) {
      expect(count(img, legend, exactly(hex)), `legend swatch ${name} ${hex} (${file})`).toBeGreaterThan(200);
      expect(count(img, figures, exactly(hex)), `figures swatch ${name} ${hex} (${file})`).toBeGreaterThan(200);
    }
    expect(count(img, figures, ink), `figures text (${file})`).toBeGreaterThan(10_000);
    expect(count(img, footer, (r, g, b) => r + g + b < 500), `footer text (${file})`).toBeGreaterThan(10_000);
    // the map shows gap cells (Yongchun has 33,799 people in gaps) and is not blank
    expect(count(img, maps[0], reddish), `gap cells on the map (${file})`).toBeGreaterThan(20_000);
    expect(watch.errors, watch.summary()).toEqual([]);
    console.log(`[e2e] snapshot PNG ${r.width}×${r.height}, ${(r.bytes / 1e6).toFixed(2)} MB in ${(r.timings.totalMs / 1000).toFixed(1)} s (map ${(r.timings.mapMs / 1000).toFixed(1)} s): ${file}`);
  });

  it('before/after: two maps, the one without 达埔 and 桂洋 shows more gap', async () => {
    const { page } = await shared.get();
    const r = await exportSnapshot(page, { dpi: 150, beforeAfter: true });
    const { file, bytes } = save('snapshot-a4-before-after-150dpi.png', r.base64);
    expect([r.width, r.height]).toEqual([1754, 1240]);
    expect(r.regions.maps).toHaveLength(2);
    const img = decode(bytes) as Image;
    const [before, after] = r.regions.maps.map((m) => count(img, m, reddish));
    expect(before, `gap pixels before ${before}, after ${after} (${file})`).toBeGreaterThan(after * 1.3);
    for (const caption of r.regions.captions) expect(count(img, caption, ink), `caption (${file})`).toBeGreaterThan(500);
  });
});

describe('the print follows the live map', () => {
  it('a layer switched off in the legend is off in the next export (map and legend), and back on after', async () => {
    const { page } = await shared.get();
    await page.getByTestId('layer-status').click();
    let off: number;
    try {
      const r = await exportSnapshot(page, { dpi: 150 });
      const { file, bytes } = save('snapshot-status-off-150dpi.png', r.base64);
      const img = decode(bytes) as Image;
      // what is left red is the emergency centre's dot and the gap labels
      off = count(img, r.regions.maps[0], reddish);
      expect(count(img, r.regions.legend, exactly(COLOURS.gap)), `no status swatches in the legend (${file})`).toBe(0);
    } finally {
      await page.getByTestId('layer-status').click();
    }
    const r = await exportSnapshot(page, { dpi: 150 });
    const img = decode(Buffer.from(r.base64, 'base64')) as Image;
    const on = count(img, r.regions.maps[0], reddish);
    expect(on, `gap-red pixels with the status layer on ${on}, off ${off}`).toBeGreaterThan(off * 5);
    expect(count(img, r.regions.legend, exactly(COLOURS.gap))).toBeGreaterThan(50);
  });
});

describe('PDF snapshot', () => {
  it('A4 landscape is 841.89 × 595.28 pt and embeds the 3508 × 2480 page as one image', async () => {
    const { page } = await shared.get();
    const r = await exportSnapshot(page, { paper: 'A4', orientation: 'landscape', dpi: 300, format: 'pdf' });
    const { file, bytes } = save('snapshot-a4-landscape-300dpi.pdf', r.base64);
    expect(r.mime).toBe('application/pdf');
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-'), file).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 841\.889\d* 595\.275\d*\]/);
    expect(text).toMatch(/\/Subtype \/Image/);
    expect(text).toMatch(/\/Width 3508/);
    expect(text).toMatch(/\/Height 2480/);
    expect(text).toMatch(/\/Filter \/DCTDecode/);
    expect(text).toMatch(/\/Title \(/);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('A4 portrait is 595.28 × 841.89 pt', async () => {
    const { page } = await shared.get();
    const r = await exportSnapshot(page, { orientation: 'portrait', dpi: 150, format: 'pdf' });
    expect(Buffer.from(r.base64, 'base64').toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.275\d* 841\.889\d*\]/);
  });
});

describe('refusals', () => {
  it('a page beyond the canvas limit (A3 at 1200 dpi, 19,843 px wide) is refused with the sizes', async () => {
    const { page } = await shared.get();
    const message = await page.evaluate(() => window.__emsExportSnapshot!({ paper: 'A3', dpi: 1200 }).then(() => 'exported', (e: Error) => e.message));
    expect(message).toMatch(/19843 × 14031/);
    expect(message).toMatch(/16384/);
  });

  it('bad options name the field', async () => {
    const { page } = await shared.get();
    const message = await page.evaluate(() => window.__emsExportSnapshot!({ paper: 'B5' }).then(() => 'exported', (e: Error) => e.message));
    expect(message).toMatch(/paper must be one of A4, A3/);
  });
});

describe('export dialog', () => {
  it('opens from the header by keyboard, exports a PNG as a download, closes with Esc and gives focus back', async () => {
    const { page } = await shared.get();
    await waitMapIdle(page);
    const button = page.getByTestId('export-open');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await page.getByTestId('export-title').inputValue()).toBe('永春县急救站点覆盖分析');
    expect(await dialog.evaluate((d) => d.matches(':modal') && d.contains(document.activeElement)), 'a modal dialog holding the focus').toBe(true);
    await page.getByTestId('export-dpi').selectOption('150');
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId('export-title').fill('永春县 <script>alert(1)</script> 测试');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-start').click();
    const file = await download;
    // the title is canvas text on the page; the file name says what the file is
    expect(file.suggestedFilename()).toBe('永春县-覆盖图-A4横版-150dpi.png');
    expect(alerts, 'a title is never run as markup').toEqual([]);
    await page.getByTestId('export-status').filter({ hasText: '已生成' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-open');
  });
});
