/**
 * A planner's own region in the browser, with no demo data on the path:
 * three townships near 漳州 as GCJ-02 polygons, a GeoTIFF and a GBK station
 * table, through "区域文件 → 新建区域"; the figures equal the CLI on the same
 * files and a brute force. Then the region pack: saved, opened in a fresh
 * browser with identical figures; a truncated pack and a pack of an unknown
 * version refused with the file name and reason, the region on screen kept;
 * and ?pack=URL.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';
import { ownBruteForce, ownRaster, ownStationsCsv, ownZonesGeoJson } from '../helpers/own-region-files.ts';
import { baseUrl, headline, installCurrentCheck, launchBrowser, openApp, screenshot, waitCurrent, waitMapIdle, type Headline, type OpenedApp } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ems-own-e2e-'));
const put = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const raster = ownRaster();
const files = { zones: put('towns-gcj02.geojson', ownZonesGeoJson()), population: put('worldpop.tif', raster.bytes), facilities: put('stations-gbk.csv', ownStationsCsv()) };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The region id on screen (the open dataset's). */
const regionOnScreen = (page: Page) => page.evaluate(() => (window as unknown as { __emsState: () => { dataset: { region: { id: string; name: string } } | null } }).__emsState().dataset?.region ?? null);

/** Waits until the figures on screen are current and belong to a region of the user's own. */
async function waitOwnRegion(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    // the state hook comes with the app chunk, which the entry loads after starting the worker
    () => (window as unknown as { __emsState?: () => { dataset: { region: { id: string } } | null; phase: string } }).__emsState?.().dataset?.region.id.startsWith('user-') ?? false,
    undefined,
    { timeout, polling: 100 },
  );
  await waitCurrent(page, timeout);
}

async function buildFromFiles(page: Page): Promise<void> {
  await page.getByTestId('region-open').click();
  await page.getByTestId('region-dialog').waitFor();
  await page.getByTestId('region-zones').setInputFiles(files.zones);
  await page.getByTestId('region-zones-crs').selectOption('GCJ02');
  await page.getByTestId('region-population').setInputFiles(files.population);
  await page.getByTestId('region-facilities').setInputFiles(files.facilities);
  await page.getByTestId('region-facilities-crs').selectOption('GCJ02');
  await page.getByTestId('region-build').click();
  await waitOwnRegion(page);
  await page.locator('[data-testid="region-outcome"][data-outcome="done"]').waitFor();
}

function cliOnFiles(): { totals: Headline & { population: number }; county: { code: string; name: string } } {
  const r = runScript('scripts/report.ts', ['--zones', files.zones, '--zones-crs', 'gcj02', '--population', files.population, '--facilities', files.facilities, '--crs', 'gcj02', '--skip-bad-rows', '--format', 'json']);
  if (r.code !== 0) throw new Error(`report exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('a new region from files alone', () => {
  let app: OpenedApp;
  let shown: Headline;
  let packFile: string;

  afterAll(async () => {
    await app?.close();
  });

  it('builds through the dialog with the CLI’s figures on the same files, equal to a brute force', async () => {
    app = await openApp(browser);
    const { page } = app;
    await buildFromFiles(page);
    shown = await headline(page);
    const cli = cliOnFiles();
    const brute = ownBruteForce(raster);
    const file = await screenshot(page, 'own-region-built');
    expect(shown.population, file).toBe(cli.totals.population);
    expect(shown.covered).toBe(cli.totals.covered);
    expect(shown.marginal).toBe(cli.totals.marginal);
    expect(shown.gap).toBe(cli.totals.gap);
    expect(Math.abs(shown.population - brute.population)).toBeLessThanOrEqual(0.001 * brute.population + 1);
    expect(Math.abs(shown.covered - brute.covered)).toBeLessThanOrEqual(0.001 * brute.population + 1);
    expect((await regionOnScreen(page))?.id).toBe(cli.county.code);
    // the bad station row is listed; the rest was read
    await expect(page.locator('[data-testid="region-problems"] [data-testid="problem-row"][data-severity="error"]').count()).resolves.toBe(1);
    // the region list names it as the user's own
    await expect(page.getByTestId('region-select').inputValue()).resolves.toBe(cli.county.code);
    expect(app.watch.errors).toEqual([]);
  });

  it('saves a region pack that opens in a fresh browser with identical figures', async () => {
    const { page } = app;
    await page.getByTestId('region-tab-pack').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-save').click()]);
    expect(download.suggestedFilename()).toBe('towns-gcj02.region.zip');
    packFile = path.join(dir, download.suggestedFilename());
    await download.saveAs(packFile);
    const fresh = await openApp(browser);
    try {
      await fresh.page.getByTestId('region-open').click();
      await fresh.page.getByTestId('region-tab-pack').click();
      await fresh.page.getByTestId('pack-file').setInputFiles(packFile);
      await waitOwnRegion(fresh.page);
      expect(await headline(fresh.page)).toEqual(shown);
      expect((await regionOnScreen(fresh.page))?.name).toBe('towns-gcj02');
    } finally {
      await fresh.close();
    }
  });

  it('?pack=URL opens a pack from an address', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await installCurrentCheck(fresh);
    try {
      const page = await fresh.newPage();
      await page.route('**/shared/zhangzhou.region.zip', (route) => route.fulfill({ status: 200, contentType: 'application/zip', body: readFileSync(packFile) }));
      await page.goto(`${baseUrl()}?pack=${encodeURIComponent('/shared/zhangzhou.region.zip')}`);
      await waitOwnRegion(page);
      expect(await headline(page)).toEqual(shown);
    } finally {
      await fresh.close();
    }
  });

  it('a truncated pack and a pack of an unknown version are refused with the file and the reason; the region on screen stays', async () => {
    const { page } = app;
    const before = await headline(page);
    const region = await regionOnScreen(page);
    const bytes = new Uint8Array(readFileSync(packFile));
    const truncated = put('truncated.region.zip', bytes.slice(0, Math.floor(bytes.length / 2)));
    const members = unzipSync(bytes);
    members['region.json'] = strToU8(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(members['region.json'])), version: 99 }));
    const future = put('future.region.zip', zipSync(members));
    for (const [file, reason] of [
      [truncated, /truncated\.region\.zip.*damaged or truncated zip/s],
      [future, /future\.region\.zip.*version 99; this app reads version 1/s],
    ] as const) {
      await page.getByTestId('pack-file').setInputFiles(file);
      const outcome = page.locator('[data-testid="region-outcome"][data-outcome="error"]');
      await outcome.waitFor();
      expect(await outcome.textContent()).toMatch(reason);
      expect(await headline(page)).toEqual(before);
      expect(await regionOnScreen(page)).toEqual(region);
    }
    await screenshot(page, 'own-region-refused-pack');
    await waitMapIdle(page);
  });
});
