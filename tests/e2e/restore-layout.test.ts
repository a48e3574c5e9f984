/**
 * Issue 11, items 4 and 11: a scenario that is not the demo is announced by a
 * banner (with one click back to the demo, itself undoable), the undo history
 * survives a reload with the autosave, and the layout holds at laptop sizes in
 * both languages: a one-line header, no clipped table cell (also in the whole
 * city), the legend clear of the attribution, MapLibre's controls in the UI's
 * language, a new station in view and highlighted, the disabled health centres
 * in one collapsible group, and one scrolling sidebar.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { switchRegion } from './drawn-state.ts';
import { cliReport, headline, launchBrowser, mapPixel, openApp, screenshot, seq, SharedApp, waitMapIdle, waitReady, type Headline } from './helpers.ts';
import { boxOf, controlLabels, headerLines, intersects, nestedScrollAreas, tableFit } from './layout-probes.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const counts = (h: Headline) => ({ population: h.population, covered: h.covered, marginal: h.marginal, gap: h.gap, within: h.within });

/** Waits for a result newer than `after` (the result sequence number the results panel carries). */
async function waitForResult(page: Page, after: number): Promise<void> {
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-seq')) > s, after, { polling: 25 });
}

/** Runs an action that asks for one evaluation and returns the figures of its result. */
async function act(page: Page, action: () => Promise<void>): Promise<Headline> {
  const before = await seq(page);
  await action();
  await waitForResult(page, before);
  return headline(page);
}

/** Waits until the autosave of the latest edit is written (the app marks it on its root element). */
async function waitAutosaved(page: Page): Promise<void> {
  await page.locator('.app[data-autosave="saved"]').waitFor({ state: 'attached' });
}

const banner = (page: Page) => page.getByTestId('scenario-banner');

function cliHeadline(county: string, extra: string[] = []): Headline {
  const t = cliReport(county, extra).totals;
  return { population: t.population, covered: t.covered, marginal: t.marginal, gap: t.gap, within: t.withinCircle, coveredPct: t.coveredPct };
}

describe('restored scenario banner and undo across a reload', () => {
  // the CLI figures the first test compares with, run before its clock starts (three CLI runs take half a minute on a loaded machine)
  beforeAll(() => {
    for (const extra of [[], ['--without', 'yc-guiyang'], ['--without', 'yc-dapu,yc-guiyang']]) cliReport('350525', extra);
  });

  it('after two edits and a reload the banner shows; Ctrl+Z walks back through the edits made before the reload', async () => {
    const { page, watch, close } = await openApp(browser, { width: 1280, height: 720 });
    const demo = await headline(page);
    expect(counts(demo), 'precondition: the demo scenario').toEqual(counts(cliHeadline('350525')));
    expect(await banner(page).count(), 'no banner on the demo scenario').toBe(0);

    const guiyangOff = await act(page, () => page.getByTestId('station-toggle-yc-guiyang').click());
    expect(counts(guiyangOff)).toEqual(counts(cliHeadline('350525', ['--without', 'yc-guiyang'])));
    const bothOff = await act(page, () => page.getByTestId('station-toggle-yc-dapu').click());
    expect(counts(bothOff)).toEqual(counts(cliHeadline('350525', ['--without', 'yc-dapu,yc-guiyang'])));
    // an edited scenario is announced before any reload
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toMatch(/与演示方案不同/);
    await waitAutosaved(page);

    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitReady(page);
    await banner(page).waitFor();
    const file = await screenshot(page, 'restore-banner-zh-1280');
    expect(await banner(page).textContent(), `banner text (${file})`).toMatch(/已恢复上次编辑的方案/);
    expect(await banner(page).getByRole('button').textContent()).toMatch(/恢复演示方案/);
    expect(counts(await headline(page)), 'figures after the reload').toEqual(counts(bothOff));

    await page.locator('body').focus();
    const undone1 = await act(page, () => page.keyboard.press('Control+z'));
    expect(counts(undone1), 'the first undo after the reload restores the state before the last edit').toEqual(counts(guiyangOff));
    expect(await page.getByTestId('station-toggle-yc-dapu').isChecked()).toBe(true);
    const undone2 = await act(page, () => page.keyboard.press('Control+z'));
    expect(counts(undone2), 'the second undo restores the demo figures').toEqual(counts(demo));
    const redone = await act(page, () => page.keyboard.press('Control+Shift+z'));
    expect(counts(redone)).toEqual(counts(guiyangOff));
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('"恢复演示方案" in the banner returns the demo figures and hides the banner; undo brings the edit back', async () => {
    const { page, watch, close } = await openApp(browser, { width: 1280, height: 720 });
    const demo = await headline(page);
    const off = await act(page, () => page.getByTestId('station-toggle-yc-dapu').click());
    expect(off.covered).toBeLessThan(demo.covered);
    await waitAutosaved(page);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitReady(page);
    await banner(page).waitFor();
    expect(counts(await headline(page))).toEqual(counts(off));
    await switchLanguage(page, 'en');
    expect(await banner(page).textContent()).toMatch(/^Restored your last edited scenario \(.+\)·Restore the demo scenario$/);
    await screenshot(page, 'restore-banner-en-1280');
    await switchLanguage(page, 'zh-CN');

    const back = await act(page, () => banner(page).getByRole('button', { name: /恢复演示方案/ }).click());
    expect(counts(back), 'demo figures after 恢复演示方案').toEqual(counts(demo));
    expect(counts(back)).toEqual(counts(cliHeadline('350525')));
    await banner(page).waitFor({ state: 'detached' });
    expect(await page.getByTestId('station-toggle-yc-dapu').isChecked()).toBe(true);

    // going back to the demo is one undoable step
    await page.locator('body').focus();
    const undone = await act(page, () => page.keyboard.press('Control+z'));
    expect(counts(undone)).toEqual(counts(off));
    await banner(page).waitFor();
    expect(watch.errors).toEqual([]);
    await close();
  });
});

describe('a damaged undo step in the autosave', () => {
  it('is dropped with a notice; the scenario and the older steps still restore', async () => {
    const { page, watch, close } = await openApp(browser, { width: 1280, height: 720 });
    const demo = await headline(page);
    await act(page, () => page.getByTestId('station-toggle-yc-guiyang').click());
    const bothOff = await act(page, () => page.getByTestId('station-toggle-yc-dapu').click());
    await waitAutosaved(page);
    // cut the newest undo step short, in the app's own IndexedDB database
    const damaged = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('ems-coverage-planner');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('autosave', 'readwrite');
            const store = tx.objectStore('autosave');
            const get = store.get('history:350525');
            get.onsuccess = () => {
              const record = get.result as { undo: string[] };
              record.undo[record.undo.length - 1] = record.undo[record.undo.length - 1].slice(0, 60);
              store.put(record, 'history:350525');
              tx.oncomplete = () => resolve(record.undo.length);
            };
          };
        }),
    );
    expect(damaged, 'two undo steps were kept').toBe(2);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitReady(page);
    await banner(page).waitFor();
    expect(counts(await headline(page)), 'the scenario still restores').toEqual(counts(bothOff));
    const heading = page.getByTestId('scenario-section').locator('h2 button');
    if ((await heading.getAttribute('aria-expanded')) !== 'true') await heading.click();
    const notice = page.getByTestId('scenario-notice');
    expect(await banner(page).textContent()).toMatch(/部分撤销记录已损坏并丢弃/);
    expect(await notice.textContent()).toMatch(/撤销记录中有 1 步已损坏，已丢弃。原因：The undo history of region 350525, undo step 1 is not valid JSON/);
    await screenshot(page, 'restore-damaged-step');
    // the damaged newest step is gone: undo goes to the older one, the demo
    await page.locator('body').focus();
    expect(counts(await act(page, () => page.keyboard.press('Control+z')))).toEqual(counts(demo));
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
    expect(watch.errors).toEqual([]);
    await close();
  });
});

/** Opens every collapsed panel of the sidebar, so everything it can hold is laid out. */
async function expandAllPanels(page: Page): Promise<void> {
  // one at a time: a click changes what the selector matches
  const closed = page.locator('.panel-heading > button[aria-expanded="false"], .sidebar details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

/** Scrolls the sidebar so the township table's head is at its top (for the screenshots). */
async function showTable(page: Page): Promise<void> {
  await page.getByTestId('township-table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

async function switchLanguage(page: Page, to: 'zh-CN' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== to) await page.getByTestId('lang-switch').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

async function checkHeaderAndTable(page: Page, label: string): Promise<void> {
  const h = await headerLines(page);
  expect(h.wrapped, `${label}: header texts on more than one line`).toEqual([]);
  expect(h.clipped, `${label}: header texts cut off`).toEqual([]);
  expect(h.height, `${label}: header height is one line`).toBeLessThanOrEqual(h.oneLineHeight + 1);
  const fit = await tableFit(page, 'township-table');
  expect(fit.rows, `${label}: township rows`).toBeGreaterThan(5);
  expect(fit.clippedCells, `${label}: clipped township-table cells`).toEqual([]);
  expect(fit.tableWidth, `${label}: the township table fits the sidebar (no column hidden to the right)`).toBeLessThanOrEqual(fit.boxWidth + 0.5);
}

async function checkMapControls(page: Page, language: 'zh-CN' | 'en', label: string): Promise<void> {
  const zoomIn = await controlLabels(page, '.maplibregl-ctrl-zoom-in');
  const zoomOut = await controlLabels(page, '.maplibregl-ctrl-zoom-out');
  const attrib = await controlLabels(page, '.maplibregl-ctrl-attrib-button');
  if (language === 'zh-CN') {
    expect(zoomIn, `${label}: zoom-in labels`).toEqual({ title: '放大', aria: '放大' });
    expect(zoomOut, `${label}: zoom-out labels`).toEqual({ title: '缩小', aria: '缩小' });
    expect(attrib.title, `${label}: attribution toggle`).toMatch(/[\u4e00-\u9fff]/);
  } else {
    expect(zoomIn).toEqual({ title: 'Zoom in', aria: 'Zoom in' });
    expect(zoomOut).toEqual({ title: 'Zoom out', aria: 'Zoom out' });
    expect(attrib.title).toBe('Toggle attribution');
  }
}

async function checkLegendClearOfAttribution(page: Page, label: string): Promise<void> {
  const legend = await boxOf(page, '.ems-legend');
  const attribution = await boxOf(page, '.maplibregl-ctrl-attrib');
  expect(legend, `${label}: legend shown`).not.toBeNull();
  expect(attribution, `${label}: attribution shown`).not.toBeNull();
  expect(intersects(legend!, attribution!), `${label}: legend ${JSON.stringify(legend)} covers attribution ${JSON.stringify(attribution)}`).toBe(false);
}

/** Shows a region if it is not already on screen; waits for its current figures and the map idle. */
async function showRegion(page: Page, id: string): Promise<void> {
  if ((await page.getByTestId('region-select').inputValue()) !== id) await switchRegion(page, id);
}

/** Header, tables, map controls, legend and scroll areas of 永春县 in both languages. */
async function checkCountyLayout(page: Page, width: number, height: number): Promise<void> {
  await showRegion(page, '350525');
  await waitMapIdle(page);
  for (const language of ['zh-CN', 'en'] as const) {
    await switchLanguage(page, language);
    const label = `${language} ${width}×${height} 永春县`;
    await checkHeaderAndTable(page, label);
    await checkMapControls(page, language, label);
    await checkLegendClearOfAttribution(page, label);
    await showTable(page);
    await screenshot(page, `layout-${language}-${width}x${height}`);
    await expandAllPanels(page);
    expect(await nestedScrollAreas(page), `${label}: scroll areas inside scroll areas`).toEqual([]);
  }
}

/** The whole city (the widest numbers): header, table and scroll areas in both languages. */
async function checkCityLayout(page: Page, width: number, height: number): Promise<void> {
  if ((await page.getByTestId('region-select').inputValue()) !== '350500') {
    await switchLanguage(page, 'zh-CN');
    const cityTownships = cliReport('350500').zones.length;
    await page.getByTestId('region-select').selectOption('350500');
    // the city's result is in when the table holds every township of the city (the whole city is slow under software rendering)
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-ready') === 'true' && (document.querySelector('[data-testid="township-table"]') as HTMLTableElement | null)?.tBodies[0]?.rows.length === n,
      cityTownships,
      { timeout: 120_000, polling: 100 },
    );
  }
  for (const language of ['zh-CN', 'en'] as const) {
    await switchLanguage(page, language);
    const label = `${language} ${width}×${height} 泉州市`;
    await checkHeaderAndTable(page, label);
    await waitMapIdle(page);
    await showTable(page);
    await screenshot(page, `layout-${language}-${width}x${height}-quanzhou`);
    expect(await nestedScrollAreas(page), `${label}: scroll areas inside scroll areas`).toEqual([]);
  }
}

describe('layout at laptop sizes, in both languages', () => {
  // one page resized for every size: the whole city loads once for the file (it takes ~20 s under software rendering), a visit back to the county comes from the caches
  const shared = new SharedApp(() => browser, { width: 1280, height: 720 });
  beforeEach((ctx) => ctx.onTestFailed(() => shared.markDirty()));
  afterAll(() => shared.close());

  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    it(`${width}×${height}: one-line header, unclipped tables (county and whole city), translated map controls, one scroll area`, async () => {
      const { page, watch } = await shared.get();
      await page.setViewportSize({ width, height });
      // whichever region the page shows first, so the city is loaded at most once
      if ((await page.getByTestId('region-select').inputValue()) === '350500') {
        await checkCityLayout(page, width, height);
        await checkCountyLayout(page, width, height);
      } else {
        await checkCountyLayout(page, width, height);
        await checkCityLayout(page, width, height);
      }
      expect(watch.errors).toEqual([]);
    });
  }

  it('1024×700: the legend stays clear of the attribution', async () => {
    const { page } = await shared.get();
    await page.setViewportSize({ width: 1024, height: 700 });
    await showRegion(page, '350525');
    await waitMapIdle(page);
    for (const language of ['zh-CN', 'en'] as const) {
      await switchLanguage(page, language);
      await checkLegendClearOfAttribution(page, `${language} 1024×700`);
      await screenshot(page, `layout-${language}-1024x700`);
    }
  });
});

describe('the station list', () => {
  // one page for both: the group is read (and opened) first, then a station is added
  const shared = new SharedApp(() => browser, { width: 1280, height: 720 });
  beforeEach((ctx) => ctx.onTestFailed(() => shared.markDirty()));
  afterAll(() => shared.close());

  it('the disabled health centres are one collapsible group "停用的卫生院 (N)", N from the data', async () => {
    const { page } = await shared.get();
    // the panel lists the region's own stations (the report also lists neighbours' that reach in)
    const disabledHc = cliReport('350525').stations.filter((s) => s.kind === 'health-centre' && s.status === 'disabled' && s.township?.startsWith('350525'));
    expect(disabledHc.length, 'precondition: Yongchun has disabled health centres').toBeGreaterThan(3);
    const group = page.getByTestId('disabled-health-centres');
    expect(await group.evaluate((el) => el.tagName)).toBe('DETAILS');
    expect(await group.locator('summary').textContent()).toBe(`停用的卫生院 (${disabledHc.length})`);
    expect(await group.getAttribute('open'), 'collapsed at first').toBeNull();
    const ids = await group.locator('[data-testid^="station-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('station-row-'.length)));
    expect(ids.sort()).toEqual(disabledHc.map((s) => s.id).sort());
    expect(await page.getByTestId(`station-row-${disabledHc[0].id}`).isVisible()).toBe(false);
    await group.locator('summary').click();
    expect(await page.getByTestId(`station-row-${disabledHc[0].id}`).isVisible()).toBe(true);
    await screenshot(page, 'restore-layout-health-centres');
  });

  it('a station added on the map is the first row, in view and highlighted', async () => {
    const { page } = await shared.get();
    await waitMapIdle(page);
    const cli = cliReport('350525');
    const site = cli.gaps.find((g) => g.bestSite)!.bestSite!;
    const at = await mapPixel(page, site.lng, site.lat);
    const rowsBefore = await page.$$eval('[data-testid^="station-row-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    await page.getByTestId('add-station').click();
    await act(page, () => page.mouse.click(at.x, at.y));
    const rows = await page.$$eval('.station-list > [data-testid^="station-row-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    const added = rows.filter((r) => !rowsBefore.includes(r));
    expect(added.length, 'one new row').toBe(1);
    expect(rows[0], 'the new station is the first row').toBe(added[0]);
    const row = page.getByTestId(added[0]!);
    expect(await row.getAttribute('class')).toMatch(/\bselected\b/);
    const inView = await row.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const s = document.querySelector('.sidebar')!.getBoundingClientRect();
      return r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5 && r.height > 0;
    });
    const file = await screenshot(page, 'restore-layout-added-station');
    expect(inView, `the new row is inside the sidebar's visible box (${file})`).toBe(true);
  });
});
