/**
 * The Andorra sample as a planner would try it: a new region from
 * data/samples/andorra (outline, synthetic population, hospitals), then
 * 导入路网 with the real OpenStreetMap extract. The response-time curve's
 * figures (within the 15-minute circle, median, 90th percentile) equal the
 * CLI's on the same files, off-peak and at peak (where the median grows);
 * screenshots at 1440×900 in Chinese and English.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseTimes } from '../../src/core/response-times.ts';
import { runScript } from '../helpers/cli.ts';
import type { SnapshotHookResult } from '../../src/app/snapshot-hook.ts';
import { ANDORRA_FILES, buildAndorraRegion, chooseAndorraRoads } from './andorra-sample.ts';
import { launchBrowser, openApp, screenshot, SHOTS_DIR, waitCurrent, waitMapIdle, type OpenedApp } from './helpers.ts';

const files = ANDORRA_FILES;

/** The CLI's response figures on the same files (the code path the app's worker shares). */
function cliResponse(extra: string[] = []): ResponseTimes {
  const r = runScript('scripts/report.ts', ['--zones', files.zones, '--population', files.population, '--facilities', files.facilities, '--roads', files.roads, ...extra, '--format', 'json']);
  if (r.code !== 0) throw new Error(`report exited ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { responseTimes: ResponseTimes }).responseTimes;
}

interface ShownCurve {
  version: number;
  median: number;
  p90: number;
  withinCircle: number;
}

/** Waits until the curve on screen carries the figures of the scenario on screen, and reads them. */
async function currentCurve(page: Page, timeout = 120_000): Promise<ShownCurve> {
  await page.waitForFunction(
    () => {
      const section = document.querySelector('[data-testid="response-section"][data-current="true"]');
      const curve = document.querySelector('[data-testid="response-curve"]');
      const panel = document.querySelector('[data-testid="results-panel"]');
      return !!section && !!curve && curve.getAttribute('data-version') === panel?.getAttribute('data-scenario-version');
    },
    undefined,
    { timeout, polling: 100 },
  );
  const curve = page.getByTestId('response-curve');
  const read = async (name: string) => Number(await curve.getAttribute(name));
  return { version: await read('data-version'), median: await read('data-median'), p90: await read('data-p90'), withinCircle: await read('data-within-circle') };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Andorra sample with its OpenStreetMap roads', () => {
  let app: OpenedApp;
  afterAll(async () => {
    await app?.close();
  });

  it('imports the roads into a new region, and the curve equals the CLI off-peak and at peak', async () => {
    app = await openApp(browser, { width: 1440, height: 900 });
    const { page } = app;
    await buildAndorraRegion(page);
    // before the import: straight line, and the page says so
    await expect(page.getByTestId('results-reach-in-use').getAttribute('data-model')).resolves.toBe('straight-line');
    await page.getByTestId('region-close').click();

    await chooseAndorraRoads(page);
    await expect(page.getByTestId('roads-in-use').getAttribute('data-file')).resolves.toBe('andorra-latest.osm.pbf');
    expect(Number(await page.getByTestId('import-summary-ways-kept').getAttribute('data-value'))).toBeGreaterThan(0);
    await page.getByTestId('import-close').click();

    const offPeak = await currentCurve(page);
    await expect(page.getByTestId('results-reach-in-use').getAttribute('data-model')).resolves.toBe('roads');
    const cli = cliResponse();
    expect(offPeak.median).toBe(cli.medianMinutes);
    expect(offPeak.p90).toBe(cli.p90Minutes);
    expect(offPeak.withinCircle).toBe(cli.curve[15]);
    await expect(page.getByTestId('no-road-access').getAttribute('data-value')).resolves.toBe(String(cli.noRoadAccess.farPopulation + cli.noRoadAccess.fragmentPopulation));
    // the township table's minutes are the CLI's per zone
    const zoneMedians = await page.getByTestId('township-median').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    expect(zoneMedians).toEqual(cli.zones.map((z) => z.medianMinutes));
    await page.getByTestId('response-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'roads-sample-zh');

    // peak traffic: slower roads, a later median, the same as the CLI's --traffic peak
    await page.locator('[data-testid="rules-section"] .panel-heading button').click();
    await page.getByTestId('reach-traffic-peak').check();
    const peak = await currentCurve(page);
    expect(peak.version).toBeGreaterThan(offPeak.version);
    expect(peak.median).toBeGreaterThan(offPeak.median);
    const cliPeak = cliResponse(['--traffic', 'peak']);
    expect(peak.median).toBe(cliPeak.medianMinutes);
    expect(peak.p90).toBe(cliPeak.p90Minutes);
    await expect(page.getByTestId('response-traffic').textContent()).resolves.toContain('高峰');
    expect(app.watch.errors).toEqual([]);
  });

  it('refuses a file with no roads, naming it, and keeps the network and figures', async () => {
    const { page } = app;
    const before = await currentCurve(page);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-tab-roads').click();
    await page.getByTestId('road-file').setInputFiles(files.facilities);
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 60_000 });
    await expect(error.textContent()).resolves.toContain('stations.csv');
    await expect(page.getByTestId('roads-in-use').getAttribute('data-file')).resolves.toBe('andorra-latest.osm.pbf');
    await page.getByTestId('import-close').click();
    expect(await currentCurve(page)).toEqual(before);
  });

  it('prints a handout that states the reach and the curve’s figures (PNG to look at)', async () => {
    const { page } = app;
    await waitMapIdle(page);
    await page.waitForFunction(() => typeof window.__emsExportSnapshot === 'function');
    const out: SnapshotHookResult = await page.evaluate(() => window.__emsExportSnapshot!({ format: 'png', title: 'Andorra' }));
    mkdirSync(SHOTS_DIR, { recursive: true });
    writeFileSync(path.join(SHOTS_DIR, 'roads-sample-handout.png'), Buffer.from(out.base64, 'base64'));
    expect(out.bytes).toBeGreaterThan(0);
  });

  it('reads in English with the same figures (screenshot)', async () => {
    const { page } = app;
    const before = await currentCurve(page);
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="response-section"] h3', { hasText: 'Response-time curve' }).waitFor();
    const after = await currentCurve(page);
    expect(after).toEqual(before);
    await expect(page.getByTestId('results-reach-in-use').textContent()).resolves.toContain('travel time on roads');
    await page.getByTestId('response-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'roads-sample-en');
  });

  it('移除路网 returns to straight line: the page says so and the curve and minutes go', async () => {
    const { page } = app;
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-tab-roads').click();
    await page.getByTestId('roads-remove').click();
    await page.locator('[data-testid="roads-in-use"][data-file=""]').waitFor();
    await page.getByTestId('import-close').click();
    await page.locator('[data-testid="results-reach-in-use"][data-model="straight-line"]').waitFor({ timeout: 60_000 });
    await waitCurrent(page, 60_000);
    await expect(page.getByTestId('response-section').count()).resolves.toBe(0);
    await expect(page.getByTestId('township-median').count()).resolves.toBe(0);
    expect(app.watch.errors).toEqual([]);
  });
});
