/**
 * What the map and panels show is the result of the scenario on screen
 * (issue 11, items 1, 2 and 8): after region switches every drawn cell and
 * parent hexagon has the status of the result the panels show; a suggestion
 * computed for an earlier scenario is marked out of date; rings are those of
 * the area types the engine applies around a station.
 */
import { cellToLatLng } from 'h3-js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outerRadiusKm } from '../../src/core/rings.ts';
import { makeRules } from '../../src/core/rules.ts';
import { checkDrawn, switchRegion } from './drawn-state.ts';
import { haversineKm, launchBrowser, headline, openApp, screenshot, seq, SharedApp, waitForUpdate, waitMapIdle } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// the rings (default rules, nothing changed) and then the suggestion (which changes the rules) on one page of 永春县
const shared = new SharedApp(() => browser, { width: 1280, height: 720 });
beforeEach((ctx) => ctx.onTestFailed(() => shared.markDirty()));
afterAll(() => shared.close());

describe('the map shows exactly the result the panels show', () => {
  it('永春县 → 泉州市 → 晋江市: every drawn cell and parent hexagon has the status of the current result', async () => {
    const { page, watch, close } = await openApp(browser, { width: 1280, height: 720 });
    await waitMapIdle(page);
    await switchRegion(page, '350500');
    await switchRegion(page, '350582');
    const d = await checkDrawn(page);
    expect(d.wrongCells, 'cells drawn with another status than the result').toBe(0);
    expect(d.wrongParents, 'parent hexagons drawn with another status').toBe(0);
    // the headline's marginal figure is what the drawn cells add up to
    expect(d.drawnMarginal).toBeCloseTo((await headline(page)).marginal, 3);
    await screenshot(page, 'consistency-jinjiang-after-city');
    expect(watch.errors, watch.summary()).toEqual([]);
    await close();
  });
});

describe('rings show the radii the engine applies', () => {
  it('a station in urban 桃城镇 reaching rural townships draws the urban and the rural rings (types by brute force)', async () => {
    const { page, watch } = await shared.get();
    await waitMapIdle(page);
    const got = await page.evaluate(async () => {
      type S = { stations: { id: string; kind: string; lng: number; lat: number }[]; dataset: { h3: string[]; zone: Int32Array; zones: { code: string; areaType: string }[] }; rules: { areaTypeOverrides: Record<string, string> } };
      const w = window as unknown as { __emsState: () => S; __emsMap: { getSource(id: string): { getData(): Promise<{ features: { properties: { stationId: string; areaType: string; ring: string; radiusKm: number } }[] }> } } };
      const state = w.__emsState();
      const centre = state.stations.find((s) => s.kind === 'emergency-centre')!;
      const data = await w.__emsMap.getSource('radii').getData();
      const rings = data.features.filter((f) => f.properties.stationId === centre.id && f.properties.ring !== 'label').map((f) => `${f.properties.areaType}:${f.properties.ring}:${f.properties.radiusKm.toFixed(3)}`);
      const types = Array.from(state.dataset.zone, (z) => (z < 0 ? 'rural' : (state.rules.areaTypeOverrides[state.dataset.zones[z].code] ?? state.dataset.zones[z].areaType)));
      return { centre, rings, h3: state.dataset.h3, types };
    });
    const rules = makeRules();
    const reached = new Set<string>();
    got.h3.forEach((h3, i) => {
      const [lat, lng] = cellToLatLng(h3);
      const type = got.types[i] as 'urban' | 'rural';
      if (haversineKm([got.centre.lng, got.centre.lat], [lng, lat]) <= outerRadiusKm(rules, type)) reached.add(type);
    });
    expect([...reached].sort()).toEqual(['rural', 'urban']);
    expect(got.rings).toEqual(['urban:cover:5.000', 'urban:circle:4.009', 'rural:cover:10.000', 'rural:cover:20.000', expect.stringMatching(/^rural:circle:/)]);
    expect(watch.errors, watch.summary()).toEqual([]);
  });
});

describe('a suggestion belongs to the scenario it was computed for', () => {
  it('a rule change marks it out of date (picks greyed, accept disabled); one click recomputes it', async () => {
    const { page, watch } = await shared.get();
    const heading = page.getByTestId('suggest-section').locator('h2 button');
    if ((await heading.getAttribute('aria-expanded')) !== 'true') await heading.click();
    await page.getByTestId('suggest-k').fill('2');
    await page.getByTestId('suggest-run').click();
    await page.locator('[data-testid="suggestion"][data-stale="false"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('suggest-accept-1').isDisabled()).toBe(false);
    const gain14 = Number(await page.getByTestId('suggest-pick-1').getAttribute('data-value'));

    const rulesHeading = page.getByTestId('rules-section').locator('h2 button');
    if ((await rulesHeading.getAttribute('aria-expanded')) !== 'true') await rulesHeading.click();
    const s0 = await seq(page);
    await page.getByTestId('rule-reading-lenient').check();
    await waitForUpdate(page, s0);
    await page.locator('[data-testid="suggestion"][data-stale="true"]').waitFor();
    expect(await page.getByTestId('suggest-accept-1').isDisabled(), 'accept is disabled on an out-of-date pick').toBe(true);
    expect(await page.getByTestId('suggest-stale').textContent()).toMatch(/已过期/);
    await screenshot(page, 'consistency-suggestion-stale');

    await page.getByTestId('suggest-recompute').click();
    await page.locator('[data-testid="suggestion"][data-stale="false"]').waitFor({ timeout: 60_000 });
    // under the lenient 20 km reading the best site gains a different number of people
    expect(Number(await page.getByTestId('suggest-pick-1').getAttribute('data-value'))).not.toBe(gain14);
    expect(await page.getByTestId('suggest-accept-1').isDisabled()).toBe(false);
    expect(watch.errors, watch.summary()).toEqual([]);
  });
});
