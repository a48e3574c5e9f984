/**
 * The app in headless Chromium, ready for a snapshot: opens the served
 * build, switches region and language when asked, waits for the figures and
 * a still map, and calls window.__emsExportSnapshot. Shared by the snapshot
 * CLI and its benchmark.
 */
import type { Browser, Page } from 'playwright-core';
import type { SnapshotHookResult } from '../../src/app/snapshot-hook.ts';
import type { Crs } from '../../src/io/crs.ts';
import { watchPage, type PageWatch } from './browser.ts';

export interface SnapshotPageOptions {
  /** Region id as in the app's region list (a county adcode, or 350500 for all of Quanzhou). */
  region: string;
  /** A region pack served beside the app (a path relative to its URL), opened with ?pack= instead of `region`. */
  pack?: string;
  language: 'zh-CN' | 'en';
  viewport: { width: number; height: number };
}

const DEFAULT_REGION = '350525';

/** Waits for figures of the current region (data-ready) and a map that has loaded and stopped moving. */
export async function waitSettled(page: Page, timeout = 180_000): Promise<void> {
  await page.locator('[data-testid="results-panel"][data-ready="true"]').waitFor({ state: 'attached', timeout });
  await page.locator('[data-testid="headline-covered"]').waitFor({ state: 'attached', timeout });
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __emsMap?: { loaded(): boolean; isMoving(): boolean; isStyleLoaded(): boolean } }).__emsMap;
      return !!m && m.isStyleLoaded() && m.loaded() && !m.isMoving() && typeof window.__emsExportSnapshot === 'function';
    },
    undefined,
    { timeout, polling: 100 },
  );
}

/** Opens the app at `url` and brings it to the region and language asked for. */
export async function openForSnapshot(browser: Browser, url: string, options: SnapshotPageOptions): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport: options.viewport, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block', acceptDownloads: false });
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  const watch = await watchPage(page);
  await page.goto(options.pack ? `${url}?pack=${encodeURIComponent(options.pack)}` : url, { waitUntil: 'domcontentloaded' });
  await waitSettled(page);
  if (options.pack) {
    // the pack's region, not the default one, must be on screen
    await page.waitForFunction(() => (window as unknown as { __emsState: () => { dataset: { region: { id: string } } | null } }).__emsState().dataset?.region.id.startsWith('user-') ?? false, undefined, { timeout: 180_000, polling: 100 });
  } else if (options.region !== DEFAULT_REGION) {
    const before = await page.getByTestId('headline-population').getAttribute('data-value');
    await page.getByTestId('region-select').selectOption(options.region);
    await page.waitForFunction(
      (pop) => document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-ready') === 'true' && document.querySelector('[data-testid="headline-population"]')?.getAttribute('data-value') !== pop,
      before,
      { timeout: 180_000, polling: 100 },
    );
  }
  if (options.language === 'en') {
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  // the region fit animates after the first view; let it finish and the map settle
  await page.waitForTimeout(900);
  await waitSettled(page);
  return { page, watch };
}

/** Runs the export in the page; a refusal comes back as an Error with the app's message. */
export async function exportInPage(page: Page, options: Record<string, unknown>): Promise<SnapshotHookResult> {
  return page.evaluate(async (o) => {
    const hook = window.__emsExportSnapshot;
    if (!hook) throw new Error('window.__emsExportSnapshot is missing: is this build older than the snapshot export?');
    return hook(o);
  }, options);
}

/** A call file for the page's calls tab: its name, bytes and coordinate system (undefined: from the headers, as the tab's "auto"). */
export interface PageCallFile {
  name: string;
  bytes: Buffer;
  crs?: Crs;
}

/**
 * Imports a call file through the app's calls tab, as a user does, and waits
 * for the figures weighed by those calls and a still map. The app's refusal
 * of the file comes back as an Error with its message.
 */
export async function importCallsInPage(page: Page, file: PageCallFile, timeout = 180_000): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-tab-calls').click();
  if (file.crs) await page.getByTestId('calls-crs').selectOption(file.crs);
  const mimeType = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  await page.getByTestId('call-file').setInputFiles({ name: file.name, mimeType, buffer: file.bytes });
  await page.locator('[data-testid="call-summary"], [data-testid="import-error"], [data-testid="import-cancelled"]').first().waitFor({ state: 'attached', timeout });
  const refused = page.locator('[data-testid="import-error"], [data-testid="import-cancelled"]');
  if ((await refused.count()) > 0) throw new Error((await refused.first().textContent()) ?? `The app refused ${file.name}.`);
  await page.getByTestId('import-close').click();
  // the import is a new dataset: wait for its evaluation, whose EMS figures weigh the imported calls
  await page.waitForFunction(
    () => {
      const state = (window as unknown as { __emsState: () => { result: { ems?: { calls: { source: string } } | null } | null } }).__emsState();
      return state.result?.ems?.calls.source === 'imported';
    },
    undefined,
    { timeout, polling: 100 },
  );
  await waitSettled(page, timeout);
}
