/**
 * Bringing your own data in the browser: a GBK facility CSV in GCJ-02 with two
 * bad rows, a population GeoTIFF read in the worker with a progress bar, a
 * cancelled raster import and a corrupt file. The tests share one page; the
 * raster import replaces the dataset, so the page after it is a fresh one; the
 * cancelled import comes last (its notice stays in the dialog). Each test makes
 * its files on the spot.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../src/io/crs.ts';
import { csv, gbk, yongchunSeats } from '../helpers/fixtures-files.ts';
import { syntheticPopulation, WORLDPOP_100M_DEG, WORLDPOP_1KM_DEG, writeGeoTiff } from '../helpers/fixtures-geotiff.ts';
import { headline, launchBrowser, screenshot, seq, SharedApp, waitCurrent, waitForUpdate, type OpenedApp } from './helpers.ts';

const YONGCHUN_BOX = [117.75, 25.18, 118.55, 25.6] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// one page for the tests that leave the dataset as they found it; after a failed test the next one gets a fresh page
const shared = new SharedApp(() => browser);
beforeEach((ctx) => ctx.onTestFailed(() => shared.markDirty()));
afterAll(() => shared.close());

/** Runs a test on the shared page; `replacesData`: the test imports a dataset, so the page is not passed on. */
async function withApp(run: (o: OpenedApp) => Promise<void>, { replacesData = false } = {}): Promise<void> {
  const o = await shared.get();
  // each test answers for the console messages of its own steps, as on a page of its own
  o.watch.clear();
  try {
    await run(o);
  } finally {
    if (replacesData) shared.markDirty();
  }
}

async function openTab(page: Page, tab: 'facilities' | 'population' | 'zones'): Promise<void> {
  // the header button toggles the dialog: a test before may have left it open
  if ((await page.getByTestId('import-open').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.getByTestId(`import-tab-${tab}`).click();
}

/** A raster over the 永春 box: `pixelDeg` square pixels of a synthetic population with a nodata river. */
function yongchunRaster(pixelDeg: number): { bytes: Buffer; total: number } {
  const width = Math.round((YONGCHUN_BOX[2] - YONGCHUN_BOX[0]) / pixelDeg);
  const height = Math.round((YONGCHUN_BOX[3] - YONGCHUN_BOX[1]) / pixelDeg);
  const pop = syntheticPopulation(width, height, 'float32', -99999, 7);
  const tif = writeGeoTiff({ width, height, data: pop.data, west: YONGCHUN_BOX[0], north: YONGCHUN_BOX[3], pixelDeg: [pixelDeg, pixelDeg], nodata: -99999, rowsPerStrip: 16, compression: 'deflate' });
  return { bytes: Buffer.from(tif), total: pop.total };
}

/** Sets window.__sawProgress once the progress bar has been in the page, however briefly. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean };
    w.__sawProgress = false;
    const seen = () => {
      if (document.querySelector('[data-testid="import-progress"]')) w.__sawProgress = true;
    };
    new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
  });
}

describe('population: a GeoTIFF raster over 永春', () => {
  it('shows progress, then the headline population equals the raster’s people inside 永春县 (the rest counted as outside) and the modelled badge gives way to the file', async () => {
    const raster = yongchunRaster(WORLDPOP_1KM_DEG);
    await withApp(async ({ page, watch }) => {
      await expect.poll(() => page.getByTestId('modelled-badge').count()).toBe(1);
      await openTab(page, 'population');
      await watchProgress(page);
      const s0 = await seq(page);
      await page.getByTestId('population-file').setInputFiles({ name: 'yongchun_pop_1km.tif', mimeType: 'image/tiff', buffer: raster.bytes });
      await page.getByTestId('population-summary').waitFor({ timeout: 60_000 });
      await waitForUpdate(page, s0);
      expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
      const h = await headline(page);
      // the raster's box reaches beyond the county: its people inside are counted, those outside listed as left out
      const inRegion = Number(await page.getByTestId('import-summary-in-region').getAttribute('data-value'));
      const outside = Number(/([\d,]+) 人/.exec((await page.getByTestId('import-summary-unzoned').textContent()) ?? '')![1].replace(/,/g, ''));
      expect(outside).toBeGreaterThan(0);
      expect(Math.abs(h.population - inRegion)).toBeLessThanOrEqual(1);
      const read = Number(await page.getByTestId('import-summary-output-total').getAttribute('data-value'));
      expect(read).toBeLessThanOrEqual(raster.total * 1.000001);
      expect(Math.abs(inRegion + outside - read)).toBeLessThanOrEqual(2);
      expect(await page.getByTestId('modelled-badge').count()).toBe(0);
      expect(await page.getByTestId('population-source').textContent()).toContain('yongchun_pop_1km.tif');
      const input = Number(await page.getByTestId('import-summary-input-total').getAttribute('data-value'));
      const output = Number(await page.getByTestId('import-summary-output-total').getAttribute('data-value'));
      expect(Math.abs(output / input - 1)).toBeLessThan(0.001);
      expect(Number(await page.getByTestId('import-summary-nodata').getAttribute('data-value'))).toBeGreaterThan(0);
      await screenshot(page, 'import-population-done');
      expect(watch.errors, watch.summary()).toEqual([]);
    }, { replacesData: true });
  });
});

describe('a corrupt file', () => {
  it('gives a clear error naming the file and loses nothing', async () => {
    await withApp(async ({ page }) => {
      const before = await headline(page);
      await openTab(page, 'population');
      const broken = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), Buffer.alloc(200, 0xff)]);
      await page.getByTestId('population-file').setInputFiles({ name: 'broken_pop.tif', mimeType: 'image/tiff', buffer: broken });
      const error = page.getByTestId('import-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('broken_pop.tif');
      expect(await headline(page)).toEqual(before);
      expect(await page.getByTestId('modelled-badge').count()).toBe(1);

      // and a facility file that is no table at all
      await page.getByTestId('import-tab-facilities').click();
      await page.getByTestId('facility-file').setInputFiles({ name: 'stations.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a workbook') });
      const ferror = page.getByTestId('facility-error');
      await ferror.waitFor();
      expect(await ferror.textContent()).toContain('stations.xlsx');
      await screenshot(page, 'import-corrupt');

      // Esc closes the dialog and focus returns to the header button
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('import-dialog').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-open');
      expect(await headline(page)).toEqual(before);
    });
  });
});

describe('facilities: a GBK CSV in GCJ-02 with two bad rows', () => {
  it('lists exactly the two problem rows, imports the three good ones and the covered figure changes', async () => {
    await withApp(async ({ page, watch }) => {
      const seats = yongchunSeats().filter((s) => ['一都镇', '横口乡', '东平镇'].includes(s.name));
      expect(seats).toHaveLength(3);
      const rows: (string | number)[][] = seats.map((s) => {
        const [x, y] = fromWgs84(s.lng, s.lat, 'GCJ02');
        return [`${s.name}急救站`, x.toFixed(6), y.toFixed(6), '急救站', '规划'];
      });
      rows.push(['坏行甲', '', '25.40', '急救站', '规划']);
      rows.push(['坏行乙', '25.41', '118.20', '急救站', '规划']);
      const bytes = gbk(csv(['名称', '经度', '纬度', '类型', '状态'], rows));
      const before = await headline(page);

      await openTab(page, 'facilities');
      await page.getByTestId('facility-file').setInputFiles({ name: '永春乡镇站点.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
      await page.getByTestId('facility-preview').waitFor();
      await page.getByTestId('facility-crs').selectOption('GCJ02');
      await page.waitForFunction(() => document.querySelector('[data-testid="facility-crs"]') instanceof HTMLSelectElement && (document.querySelector('[data-testid="facility-crs"]') as HTMLSelectElement).value === 'GCJ02' && !document.querySelector('[data-testid="import-dialog"] [role="status"]'));
      const counts = page.getByTestId('facility-counts');
      expect(await counts.getAttribute('data-good')).toBe('3');
      expect(await counts.getAttribute('data-rejected')).toBe('2');
      const problems = await page.$$eval('[data-testid="problem-row"]', (els) => els.map((e) => ({ row: e.getAttribute('data-row'), severity: e.getAttribute('data-severity'), code: e.getAttribute('data-code'), text: e.textContent })));
      expect(problems.map((p) => [p.row, p.severity, p.code])).toEqual([
        ['4', 'error', 'missing-coordinates'],
        ['5', 'error', 'swapped-lnglat'],
      ]);
      expect(problems[0].text).toContain('永春乡镇站点.csv');
      expect(problems[1].text).toContain('swap 经度 and 纬度');
      expect(await page.getByTestId('facility-apply-fixes').isEnabled()).toBe(true);
      expect(await page.getByTestId('good-row').count()).toBe(3);
      await screenshot(page, 'import-facilities-preview');

      const s0 = await seq(page);
      await page.getByTestId('facility-import-good').click();
      await waitForUpdate(page, s0);
      const after = await headline(page);
      for (const s of seats) await expect.poll(() => page.getByTestId(`station-row-永春乡镇站点-${rows.findIndex((r) => r[0] === `${s.name}急救站`) + 1}`).count()).toBe(1);
      const names = await page.$$eval('[data-testid^="station-name-"]', (els) => els.map((e) => (e as HTMLInputElement).value));
      for (const s of seats) expect(names).toContain(`${s.name}急救站`);
      expect(after.population).toBe(before.population);
      expect(after.covered).toBeGreaterThan(before.covered);
      await screenshot(page, 'import-facilities-done');
      expect(watch.errors, watch.summary()).toEqual([]);
    });
  });
});

describe('population: cancelling a large raster import', () => {
  it('leaves the figures as they were', async () => {
    // finer than WorldPop's 100 m (2,000 × 1,050 px) so the read lasts long enough to be cancelled on a slow machine
    const raster = yongchunRaster(WORLDPOP_100M_DEG / 2);
    await withApp(async ({ page, watch }) => {
      const before = await headline(page);
      await openTab(page, 'population');
      await page.getByTestId('population-file').setInputFiles({ name: 'yongchun_pop_100m.tif', mimeType: 'image/tiff', buffer: raster.bytes });
      await page.getByTestId('import-progress').waitFor();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="import-progress"] [role="progressbar"]')?.getAttribute('aria-valuenow')) > 0, undefined, { polling: 20 });
      await screenshot(page, 'import-population-progress');
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-cancelled').waitFor();
      await waitCurrent(page);
      expect(await headline(page)).toEqual(before);
      expect(await page.getByTestId('modelled-badge').count()).toBe(1);
      // the scenario still works on the old dataset
      const s0 = await seq(page);
      await page.getByTestId('station-toggle-yc-dapu').click();
      await waitForUpdate(page, s0);
      const s1 = await seq(page);
      await page.getByTestId('station-toggle-yc-dapu').click();
      await waitForUpdate(page, s1);
      expect(await headline(page)).toEqual(before);
      await screenshot(page, 'import-population-cancelled');
      expect(watch.errors, watch.summary()).toEqual([]);
    });
  });
});
