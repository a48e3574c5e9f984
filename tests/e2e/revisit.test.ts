/**
 * A region opened again comes from the caches (the worker's assembled region,
 * the map's built cell layer): 永春县 → 泉州市 → 永春县 → 泉州市 shows the
 * same figures and statuses as the first visit, and every drawn cell and
 * parent hexagon has the status of the current result. Waits on the result
 * tag (data-current) and the map idle, never on time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser.ts';
import { checkDrawn, switchRegion } from './drawn-state.ts';
import { headline, launchBrowser, openApp, screenshot, waitMapIdle } from './helpers.ts';

/** Rows of the population tables of Quanzhou's 11 counties: every populated cell of the city. */
const quanzhouCells = ['350502', '350503', '350504', '350505', '350521', '350524', '350525', '350526', '350581', '350582', '350583']
  .map((c) => readFileSync(path.join(ROOT, `data/population/${c}.csv`), 'utf8').trimEnd().split('\n').length - 1)
  .reduce((s, n) => s + n, 0);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a region revisit', () => {
  it('永春县 → 泉州市 → 永春县 → 泉州市: the second city visit has the first one\'s figures and statuses, all drawn', async () => {
    const { page, watch, close } = await openApp(browser, { width: 1280, height: 720 });
    await waitMapIdle(page);
    const yongchun = await headline(page);
    await switchRegion(page, '350500');
    const first = { figures: await headline(page), drawn: await checkDrawn(page) };
    await switchRegion(page, '350525');
    expect(await headline(page)).toEqual(yongchun);
    expect((await checkDrawn(page)).wrongCells).toBe(0);
    await switchRegion(page, '350500');
    const again = { figures: await headline(page), drawn: await checkDrawn(page) };
    expect(again.figures).toEqual(first.figures);
    expect(again.drawn.cells).toBe(quanzhouCells);
    expect(again.drawn.status).toEqual(first.drawn.status);
    expect(again.drawn.wrongCells, 'cells drawn with another status than the result').toBe(0);
    expect(again.drawn.wrongParents, 'parent hexagons drawn with another status').toBe(0);
    await screenshot(page, 'revisit-city-zh');
    await page.getByTestId('lang-switch').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await waitMapIdle(page);
    await screenshot(page, 'revisit-city-en');
    expect(watch.errors, watch.summary()).toEqual([]);
    await close();
  }, 600_000);
});
