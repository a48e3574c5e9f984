/**
 * Shared helpers of the browser tests: opening the served app in a fresh
 * Chromium context, reading the figures the app exposes (data-testid /
 * data-value), the map's pixels, screenshots, and the CLI report to compare with.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { launchBrowser, ROOT, watchPage, type PageWatch } from '../../scripts/lib/browser.ts';
import { runScript } from '../helpers/cli.ts';

export { launchBrowser } from '../../scripts/lib/browser.ts';

export const SHOTS_DIR = path.join(ROOT, 'test-results', 'e2e');

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  close(): Promise<void>;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** Opens the app in a fresh context (no shared storage) and waits for the first figures. */
export async function openApp(browser: Browser, options: { width?: number; height?: number; waitReady?: boolean } = {}): Promise<OpenedApp> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
  });
  await installCurrentCheck(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const watch = await watchPage(page);
  await page.goto(baseUrl(), { waitUntil: 'domcontentloaded' });
  if (options.waitReady !== false) await waitReady(page);
  return { context, page, watch, close: () => context.close() };
}

export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="results-panel"][data-ready="true"][data-current="true"]').waitFor({ state: 'attached', timeout });
  await page.locator('[data-testid="headline-covered"]').waitFor({ state: 'attached', timeout });
}

/** The raw number a figure carries in data-value. */
export async function value(page: Page, testId: string): Promise<number> {
  const raw = await page.getByTestId(testId).getAttribute('data-value', { timeout: 10_000 });
  if (raw === null) throw new Error(`[data-testid=${testId}] has no data-value`);
  return Number(raw);
}

export async function seq(page: Page): Promise<number> {
  return Number(await page.getByTestId('results-panel').getAttribute('data-seq'));
}

/**
 * Waits for a result newer than `after` that is the result of the scenario on
 * screen: the results panel's tag matches the store's scenario version
 * (data-current). A drag sends several requests; only the last completes.
 */
export async function waitForUpdate(page: Page, after: number, { timeout = 30_000 } = {}): Promise<number> {
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-seq')) > s && isCurrent(), after, { timeout, polling: 25 });
  return seq(page);
}

/**
 * Waits until the figures shown are the result of the scenario on screen: no
 * edit is waiting for its result. The store writes its scenario version on
 * <html data-scenario-version> as it changes, so an edit made just before is
 * seen even when React has not rendered it yet.
 */
export async function waitCurrent(page: Page, timeout = 30_000): Promise<number> {
  await page.waitForFunction(() => isCurrent(), undefined, { timeout, polling: 25 });
  return seq(page);
}

// runs in the page (serialised by waitForFunction with the functions above)
declare function isCurrent(): boolean;
/** Installs isCurrent() in every page of a context (called by openApp). */
export async function installCurrentCheck(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { isCurrent: () => boolean }).isCurrent = () => {
      const panel = document.querySelector('[data-testid="results-panel"]');
      return panel?.getAttribute('data-current') === 'true' && panel.getAttribute('data-version') === document.documentElement.dataset.scenarioVersion;
    };
  });
}

export interface Headline {
  population: number;
  covered: number;
  marginal: number;
  gap: number;
  within: number;
  coveredPct: number;
}

export async function headline(page: Page): Promise<Headline> {
  return {
    population: await value(page, 'headline-population'),
    covered: await value(page, 'headline-covered'),
    marginal: await value(page, 'headline-marginal'),
    gap: await value(page, 'headline-gap'),
    within: await value(page, 'headline-within'),
    coveredPct: await value(page, 'headline-covered-pct'),
  };
}

/** Waits until window.__emsMap exists, has loaded its style and is not moving. */
export async function waitMapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __emsMap?: { loaded(): boolean; isMoving(): boolean; isStyleLoaded(): boolean } }).__emsMap;
      return !!m && m.isStyleLoaded() && m.loaded() && !m.isMoving();
    },
    undefined,
    { timeout, polling: 50 },
  );
}

/** Page pixel of a WGS84 point on the map (map container offset + __emsMap.project). */
export async function mapPixel(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([x, y]) => {
      const m = (window as unknown as { __emsMap: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }).__emsMap;
      const p = m.project([x, y]);
      const r = m.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lng, lat] as [number, number],
  );
}

export async function mapView(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const m = (window as unknown as { __emsMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__emsMap;
    const c = m.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: m.getZoom() };
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Great-circle distance in km. */
export function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

export interface Delta3 {
  before: number;
  after: number;
  change: number;
}

/** The parts of the CLI's public JSON the browser tests compare with. */
export interface CliReport {
  totals: { population: number; covered: number; marginal: number; gap: number; withinCircle: number; coveredPct: number };
  deltas: { baselineWithout: string[]; covered: Delta3; marginal: Delta3; gap: Delta3; withinCircle: Delta3; stations: { id: string; name: string; newlyCovered: number }[] };
  zones: { code: string; name: string; population: number; covered: number; gap: number }[];
  gaps: { rank: number; population: number; zone: string | null; zoneName: string | null; townships: { code: string; name: string; population: number }[]; bestSite: { lng: number; lat: number } | null }[];
  stations: { id: string; name: string; kind: string; status: string; lng: number; lat: number; township: string | null }[];
}

const reports = new Map<string, CliReport>();

/**
 * `npm run report -- --county <c> --format json [...]`, run as node --import tsx scripts/report.ts; cached per
 * argument list, in memory and for the other test files of the run in the global setup's folder (a CLI run takes seconds).
 */
export function cliReport(county: string, extra: string[] = []): CliReport {
  const args = ['--county', county, '--format', 'json', ...extra];
  const key = args.join(' ');
  let report = reports.get(key);
  if (!report) {
    const file = path.join(inject('cliCacheDir'), `${createHash('sha1').update(key).digest('hex')}.json`);
    let json = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (json === null) {
      const r = runScript('scripts/report.ts', args);
      if (r.code !== 0) throw new Error(`report ${key} exited ${r.code}: ${r.stderr}`);
      json = r.stdout;
      // written whole under another name first, so a reader never sees half a report
      writeFileSync(`${file}.part`, json);
      renameSync(`${file}.part`, file);
    }
    report = JSON.parse(json) as CliReport;
    reports.set(key, report);
  }
  return report;
}

export function station(report: CliReport, id: string) {
  const s = report.stations.find((x) => x.id === id);
  if (!s) throw new Error(`The CLI report has no station ${id}`);
  return s;
}

/**
 * Elements sticking out of the viewport on the right that no clipping ancestor
 * hides, plus the document's scroll width (a horizontal scrollbar means overflow).
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const offenders: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox !== 'visible' && a.getBoundingClientRect().right <= W + 1) return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > W + 1 && !clipped(el)) {
        const id = el.getAttribute('data-testid') ?? el.id ?? '';
        offenders.push(`${el.tagName.toLowerCase()}${id ? `#${id}` : ''}.${(el.getAttribute('class') ?? '').split(/\s+/).join('.')} right=${Math.round(r.right)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: W, offenders: offenders.slice(0, 20) };
  });
}

/**
 * One app page shared by the tests of a file (a page load costs seconds under
 * software WebGL). Tests leave the scenario as they found it; after a failed
 * test the next one gets a fresh context, so one failure does not cascade.
 */
export class SharedApp {
  private opened: OpenedApp | null = null;
  private dirty = false;
  constructor(
    private readonly browser: () => Browser,
    private readonly options: Parameters<typeof openApp>[1] = {},
  ) {}

  async get(): Promise<OpenedApp> {
    if (this.opened && this.dirty) {
      await this.opened.close().catch(() => {});
      this.opened = null;
    }
    this.dirty = false;
    this.opened ??= await openApp(this.browser(), this.options);
    return this.opened;
  }

  /** The file's browser, for a test that needs a context of its own. */
  launchedBrowser(): Browser {
    return this.browser();
  }

  /** Use from a test's onTestFailed: the next test gets a fresh page. */
  markDirty(): void {
    this.dirty = true;
  }

  async close(): Promise<void> {
    await this.opened?.close().catch(() => {});
    this.opened = null;
  }
}

/**
 * Waits until the map has drawn a feature of the station (properties.id) at its
 * pixel, so a press there grabs the station rather than panning the map.
 */
export async function waitStationDrawn(page: Page, id: string, lng: number, lat: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ({ id, lng, lat }) => {
      const m = (window as unknown as {
        __emsMap?: { project(p: [number, number]): { x: number; y: number }; queryRenderedFeatures(p: [number, number]): { properties?: Record<string, unknown> | null }[]; isMoving(): boolean };
      }).__emsMap;
      if (!m || m.isMoving()) return false;
      const p = m.project([lng, lat]);
      return m.queryRenderedFeatures([p.x, p.y]).some((f) => f.properties?.id === id);
    },
    { id, lng, lat },
    { timeout, polling: 100 },
  );
}

/**
 * The hooks every browser test file of one shared page needs: a browser for the
 * file, a fresh page after a failed test, and both closed at the end.
 */
export function useSharedApp(options: Parameters<typeof openApp>[1] = {}): SharedApp {
  let browser: Browser | undefined;
  const shared = new SharedApp(() => {
    if (!browser) throw new Error('The browser is not launched yet (beforeAll has not run).');
    return browser;
  }, options);
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach((ctx) => ctx.onTestFailed(() => shared.markDirty()));
  afterAll(async () => {
    await shared.close();
    await browser?.close();
  });
  return shared;
}
