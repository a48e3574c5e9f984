/**
 * The app in headless Chromium: loads offline without console errors, shows
 * the same figures as the CLI report, switches language, renders names as
 * text, and fits 1366×768 and 1920×1080. One page for the file (see SharedApp).
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, cliReport, headline, horizontalOverflow, screenshot, seq, useSharedApp, value, waitForUpdate, waitMapIdle } from './helpers.ts';

const shared = useSharedApp();

describe('loading offline', () => {
  it('loads with no console errors, no failed and no non-localhost requests', async () => {
    const { page, watch } = await shared.get();
    // idle: style, glyphs and every source loaded; a late tile/glyph/sprite request would be among them
    await waitMapIdle(page);
    const file = await screenshot(page, 'load-yongchun-1366x768');
    expect(watch.externalRequests, `non-localhost requests (screenshot ${file})`).toEqual([]);
    expect(watch.failedRequests, `failed requests (screenshot ${file})`).toEqual([]);
    expect(watch.errors, `console errors (screenshot ${file})`).toEqual([]);
    if (watch.warnings.length) console.warn(`[e2e] console warnings on load:\n  ${watch.warnings.join('\n  ')}`);
    expect(await page.getByTestId('region-select').inputValue()).toBe('350525');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});

describe('start-up', () => {
  it('fetches MapLibre only once the first figures are shown, then makes the map', async () => {
    const context = await shared.launchedBrowser().newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    try {
      // the moment the first figures are in the page (what the browser benchmark calls first figures)
      await context.addInitScript(`new MutationObserver(() => {
        const panel = document.querySelector('[data-testid="results-panel"]');
        if (window.__figuresAt === undefined && panel?.getAttribute('data-ready') === 'true' && document.querySelector('[data-testid="headline-covered"]')) window.__figuresAt = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true });`);
      const page = await context.newPage();
      await page.goto(baseUrl(), { waitUntil: 'domcontentloaded' });
      await waitMapIdle(page, 60_000);
      const { figuresAt, fetchedAt } = await page.evaluate(() => ({
        figuresAt: (window as unknown as { __figuresAt?: number }).__figuresAt,
        fetchedAt: performance
          .getEntriesByType('resource')
          .filter((e) => /\/maplibre-[^/]*\.js$/.test(e.name))
          .map((e) => e.startTime),
      }));
      expect(figuresAt, 'first figures seen').toBeGreaterThan(0);
      expect(fetchedAt, 'the MapLibre chunk, fetched once').toHaveLength(1);
      // (were the first figures over 3 s late, the map's fallback timer would fetch MapLibre first: the times say which)
      expect(fetchedAt[0], `MapLibre fetched at ${fetchedAt[0].toFixed(0)} ms, after the first figures at ${figuresAt!.toFixed(0)} ms`).toBeGreaterThanOrEqual(figuresAt!);
    } finally {
      await context.close();
    }
  });
});

describe('start-up without the map', () => {
  it('a MapLibre download that fails says so in both languages, and the figures stay', async () => {
    const context = await shared.launchedBrowser().newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    try {
      await context.route(/\/maplibre-[^/]*\.js$/, (route) => route.abort('failed'));
      const page = await context.newPage();
      await page.goto(baseUrl(), { waitUntil: 'domcontentloaded' });
      const alert = page.getByTestId('map').getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.textContent()).toContain('地图程序未能加载');
      expect(await page.getByTestId('headline-covered').getAttribute('data-value'), 'the figures are shown').toBe(String(cliReport('350525').totals.covered));
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => alert.textContent()).toContain('The map code could not be loaded');
      // the message is not under the legend (both sit at the map's top left)
      const [box, legend] = await Promise.all([alert.boundingBox(), page.getByTestId('legend').boundingBox()]);
      expect(box!.x, 'the message starts right of the legend').toBeGreaterThanOrEqual(legend!.x + legend!.width);
    } finally {
      await context.close();
    }
  });
});

describe('figures equal the CLI report (永春县, default scenario)', () => {
  it('headline and before/after', async () => {
    const cli = cliReport('350525');
    const { page } = await shared.get();
    const h = await headline(page);
    expect(h.population, 'headline-population').toBe(cli.totals.population);
    expect(h.covered, 'headline-covered').toBe(cli.totals.covered);
    expect(h.marginal, 'headline-marginal').toBe(cli.totals.marginal);
    expect(h.gap, 'headline-gap').toBe(cli.totals.gap);
    expect(h.within, 'headline-within').toBe(cli.totals.withinCircle);
    expect(h.coveredPct, 'headline-covered-pct').toBeCloseTo(cli.totals.coveredPct, 6);
    expect(await value(page, 'delta-covered-before'), 'delta-covered-before').toBe(cli.deltas.covered.before);
    expect(await value(page, 'delta-covered-after'), 'delta-covered-after').toBe(cli.deltas.covered.after);
    expect(await value(page, 'delta-covered-change'), 'delta-covered-change').toBe(cli.deltas.covered.change);
    for (const s of cli.deltas.stations) {
      expect(await value(page, `delta-station-${s.id}`), `delta-station-${s.id}`).toBe(s.newlyCovered);
    }
  });
});

describe('language switch', () => {
  it('switches the UI text and html[lang] to English and back', async () => {
    const { page } = await shared.get();
    const title = page.locator('header h1').first();
    const zhTitle = (await title.textContent())?.trim() ?? '';
    const zhButton = (await page.getByTestId('lang-switch').textContent())?.trim() ?? '';
    const zhPanel = (await page.getByTestId('results-panel').innerText()).trim();
    expect(zhTitle).toMatch(/[\u4e00-\u9fff]/);

    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const enTitle = (await title.textContent())?.trim() ?? '';
    expect(enTitle, 'header title after switching').not.toBe(zhTitle);
    expect(enTitle).toMatch(/[A-Za-z]{3}/);
    expect((await page.getByTestId('lang-switch').textContent())?.trim()).not.toBe(zhButton);
    expect((await page.getByTestId('results-panel').innerText()).trim(), 'results panel text').not.toBe(zhPanel);
    await screenshot(page, 'language-en-1366x768');

    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect((await title.textContent())?.trim()).toBe(zhTitle);
  });
});

describe('layout', () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`${width}×${height}: results panel and map visible, nothing overflows horizontally`, async () => {
      const { page, watch } = await shared.get();
      await page.setViewportSize({ width, height });
      // the map has taken the new size
      await page.waitForFunction(
        (w) => {
          const map = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
          const canvas = document.querySelector('[data-testid="map"] canvas')?.getBoundingClientRect();
          return window.innerWidth === w && !!map && !!canvas && Math.round(canvas.width) === Math.round(map.width);
        },
        width,
        { polling: 25 },
      );
      await waitMapIdle(page);
      const file = await screenshot(page, `layout-${width}x${height}`);
      const panel = await page.getByTestId('results-panel').boundingBox();
      const map = await page.getByTestId('map').boundingBox();
      expect(panel, `results-panel box (${file})`).not.toBeNull();
      expect(map, `map box (${file})`).not.toBeNull();
      expect(panel!.width, 'results-panel width').toBeGreaterThan(200);
      expect(panel!.x + panel!.width, 'results-panel right edge').toBeLessThanOrEqual(width + 1);
      expect(panel!.y, 'results-panel top').toBeLessThan(height);
      expect(map!.width, 'map width').toBeGreaterThan(width * 0.4);
      expect(map!.height, 'map height').toBeGreaterThan(height * 0.5);
      expect(map!.x + map!.width, 'map right edge').toBeLessThanOrEqual(width + 1);
      const canvas = await page.locator('[data-testid="map"] canvas').first().boundingBox();
      expect(Math.round(canvas?.width ?? 0), 'map canvas follows the map size').toBe(Math.round(map!.width));
      expect(await page.getByTestId('headline-covered').isVisible(), 'headline-covered visible').toBe(true);
      const o = await horizontalOverflow(page);
      expect(o.scrollWidth, `document scrollWidth vs ${o.innerWidth} (${file})`).toBeLessThanOrEqual(o.innerWidth);
      expect(o.offenders, `elements past the right edge (${file})`).toEqual([]);
      expect(watch.errors).toEqual([]);
    });
  }
});

describe('names are text, not HTML', () => {
  it('a station renamed to an <img onerror> payload shows literally and runs nothing', async () => {
    const payload = '<img src=x onerror=window.__xss=1>';
    const { page, watch } = await shared.get();
    await page.setViewportSize({ width: 1366, height: 768 });
    const imgsBefore = await page.locator('img').count();
    const before = await seq(page);
    const input = page.getByTestId('station-name-yc-dapu');
    await input.fill(payload);
    await input.press('Enter');
    // a rename is an edit: its result (with the new name in the before/after table) is the current one
    await waitForUpdate(page, before);
    expect(await input.inputValue()).toBe(payload);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), 'window.__xss').toBeUndefined();
    expect(await page.locator('img[src="x"]').count(), 'img[src=x] elements').toBe(0);
    expect(await page.locator('img').count(), 'img elements').toBe(imgsBefore);
    // where the name is listed outside its input (before/after table), it is the literal text
    const listed = await page.getByTestId('results-panel').innerText();
    expect(listed, 'the before/after table lists the new name literally').toContain(payload);
    expect(watch.failedRequests.filter((r) => /\/x: /.test(r)), 'a request for "x" means an <img src=x> was created').toEqual([]);
    await screenshot(page, 'xss-rename');
  });
});
