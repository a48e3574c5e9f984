/**
 * A large region opened in the browser, as a planner opens a pack: the
 * region dialog's pack input is given the file, and the time runs from the
 * input's change event to the region's current figures; memory is the peak
 * of the browser's processes (resident set, sampled every 100 ms) above what
 * they held before. The same region from files (the new-region dialog, an H3
 * population CSV and a zones GeoJSON) is measured beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { waitMapIdleAt } from './browser.ts';

/** Resident memory of every Chromium process, MB. */
function chromiumRssMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

export interface LargeOpen {
  /** Change event of the file input → the region's current figures, ms. */
  figuresMs: number;
  /** Peak resident memory of the browser above its level before the open, MB. */
  peakMb: number;
  population: number;
}

/** Waits for figures of a region whose id starts with `idPrefix`, current; returns the page's time then. */
function waitRegionFigures(page: Page, idPrefix: string): Promise<number> {
  return page
    .waitForFunction(
      (prefix) => {
        const s = (window as unknown as { __emsState: () => { dataset: { region: { id: string } } | null; result: { tag: { dataset: number; version: number; partial?: boolean } } | null; datasetGeneration: number; scenarioVersion: number } }).__emsState();
        const tag = s.result?.tag;
        const current = !!tag && !tag.partial && tag.dataset === s.datasetGeneration && tag.version === s.scenarioVersion;
        return s.dataset?.region.id.startsWith(prefix) && current && document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-current') === 'true' ? performance.now() : false;
      },
      idPrefix,
      { timeout: 600_000, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<number>);
}

/** Opens the files in the dialog (`pack`: one region pack; else zones and population files) and measures. */
export async function measureLargeOpen(browser: Browser, url: string, files: { pack: Buffer } | { zones: Buffer; population: Buffer }): Promise<LargeOpen> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="results-panel"][data-current="true"]').waitFor({ state: 'attached', timeout: 120_000 });
    await waitMapIdleAt(page, 120_000);
    await page.getByTestId('region-open').click();
    const before = chromiumRssMb();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 100);
    try {
      await page.evaluate(() => {
        const w = window as unknown as { __changeAt: number };
        addEventListener('change', () => (w.__changeAt ??= performance.now()), true);
      });
      if ('pack' in files) {
        await page.getByTestId('region-tab-pack').click();
        await page.getByTestId('pack-file').setInputFiles({ name: 'large.region.zip', mimeType: 'application/zip', buffer: files.pack });
      } else {
        await page.getByTestId('region-zones').setInputFiles({ name: 'large-zones.geojson', mimeType: 'application/geo+json', buffer: files.zones });
        await page.getByTestId('region-area-type').selectOption('rural');
        await page.getByTestId('region-population').setInputFiles({ name: 'large-h3.csv', mimeType: 'text/csv', buffer: files.population });
        // the clock starts at the build button for files (choosing them is the user's time)
        await page.evaluate(() => ((window as unknown as { __changeAt: number | undefined }).__changeAt = undefined));
        await page.evaluate(() => addEventListener('click', () => ((window as unknown as { __changeAt: number }).__changeAt ??= performance.now()), true));
        await page.getByTestId('region-build').click();
      }
      const shown = await waitRegionFigures(page, 'user-');
      const at = await page.evaluate(() => (window as unknown as { __changeAt: number }).__changeAt);
      const population = Number(await page.getByTestId('headline-population').getAttribute('data-value'));
      return { figuresMs: shown - at, peakMb: peak - before, population };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await context.close();
  }
}
