/**
 * Details cards: a station's card from a map click (kind, status, source,
 * coordinates in WGS84 and GCJ-02 checked against gcoord), moving a station
 * by typed coordinates (one undo step), a map click on a populated cell
 * (nearest station and distance checked against a haversine over the data),
 * a click on a gap area (population = the gap list's figure), the township
 * outline after a township row click, and the region caveats of 晋江市 and
 * 泉州市 in Chinese. One page for the file; the region switches come last.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import gcoord from 'gcoord';
import { cellToLatLng, latLngToCell } from 'h3-js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser.ts';
import { makeRules, maxRuleRadiusKm } from '../../src/core/rules.ts';
import { cliReport, haversineKm, headline, mapPixel, screenshot, seq, useSharedApp, waitMapIdle, waitStationDrawn, type Headline } from './helpers.ts';

const shared = useSharedApp();

interface Facility {
  id: string;
  name: string;
  kind: string;
  status: string;
  basis: string;
  county: string;
  lng: number;
  lat: number;
}
interface Township {
  code: string;
  name: string;
  seat: [number, number];
}
const facilities = JSON.parse(readFileSync(path.join(ROOT, 'data/facilities.json'), 'utf8')) as Facility[];
const townships = JSON.parse(readFileSync(path.join(ROOT, 'data/townships.json'), 'utf8')) as Township[];
const meta = JSON.parse(readFileSync(path.join(ROOT, 'data/meta.json'), 'utf8')) as { counties: { adcode: string; name: string }[] };
const dapu = facilities.find((f) => f.id === 'yc-dapu')!;

/** The cells of Yongchun's population table: h3 → residents. */
function populationTable(county: string): Map<string, number> {
  const lines = readFileSync(path.join(ROOT, `data/population/${county}.csv`), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => l.split(',')).map(([h3, p]) => [h3, Number(p)]));
}

const counts = (h: Headline) => ({ covered: h.covered, marginal: h.marginal, gap: h.gap, within: h.within });

/** Waits for a result newer than `after` (a condition on the results panel, not a quiet time). */
async function waitSeqAbove(page: Page, after: number): Promise<number> {
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-seq')) > s, after, { timeout: 30_000, polling: 25 });
  return seq(page);
}

/** Waits until the point card holds figures of the result on screen. */
async function waitPointCardCurrent(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const card = document.querySelector('[data-testid="point-card"]');
      const panel = document.querySelector('[data-testid="results-panel"]');
      return card?.getAttribute('data-current') === 'true' && !!card.querySelector('[data-testid="point-card-nearest"]') && panel?.getAttribute('data-ready') === 'true';
    },
    undefined,
    { timeout: 30_000, polling: 25 },
  );
}

async function clickMapAt(page: Page, lng: number, lat: number): Promise<void> {
  const p = await mapPixel(page, lng, lat);
  await page.mouse.click(p.x, p.y);
}

/** Expands a sidebar panel (collapsed ones render nothing). */
async function openPanel(page: Page, id: string): Promise<void> {
  const button = page.getByTestId(`${id}-section`).locator('.panel-heading button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

const wgs84ToGcj = (lng: number, lat: number) => gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];

describe('station card', () => {
  it('a click on 达埔急救站 on the map opens its card: kind, status, source by title and number, WGS84 and GCJ-02 (= gcoord)', async () => {
    const { page, watch } = await shared.get();
    await waitMapIdle(page);
    await waitStationDrawn(page, dapu.id, dapu.lng, dapu.lat, 60_000).catch(async (e: Error) => {
      const seen = await page.evaluate(() => {
        const m = (window as unknown as { __emsMap: { getZoom(): number; isMoving(): boolean; loaded(): boolean } }).__emsMap;
        return { zoom: m.getZoom(), moving: m.isMoving(), loaded: m.loaded() };
      });
      throw new Error(`${e.message} ${JSON.stringify(seen)} (${await screenshot(page, 'card-station-not-drawn')})`);
    });
    await clickMapAt(page, dapu.lng, dapu.lat);
    const card = page.getByTestId('station-card');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('[data-station-id]').getAttribute('data-station-id')).toBe('yc-dapu');
    expect(await card.locator('h2').innerText()).toBe('达埔急救站');
    expect(await page.getByTestId('station-card-kind').innerText()).toBe('急救站');
    expect(await page.getByTestId('station-card-status').innerText()).toBe('规划');
    expect(await page.getByTestId('station-card-wgs84').innerText()).toBe(`${dapu.lng.toFixed(6)}, ${dapu.lat.toFixed(6)}`);
    const [gLng, gLat] = wgs84ToGcj(dapu.lng, dapu.lat);
    expect(await page.getByTestId('station-card-gcj02').innerText()).toBe(`${gLng.toFixed(6)}, ${gLat.toFixed(6)}`);
    const source = await page.getByTestId('station-card-source').innerText();
    expect(source).toContain('《永春县进一步完善医疗卫生服务体系实施方案》');
    expect(source).toContain('永政办〔2024〕44号');
    expect(source).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(await page.getByTestId('station-card-position').innerText()).toMatch(/^≈ 乡镇驻地/);
    expect(await page.getByTestId('station-card-note').innerText()).toContain('达埔卫生院新院');
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitMapIdle(page);
    await screenshot(page, 'card-station-zh');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(watch.errors).toEqual([]);
  });

  it('typed coordinates: an invalid pair is refused inline and changes nothing; a GCJ-02 pair moves 达埔 (map and figures), undo restores it', async () => {
    const { page } = await shared.get();
    const start = await headline(page);
    await openPanel(page, 'scenario');
    expect(await page.getByTestId('undo').isDisabled(), 'precondition: nothing to undo').toBe(true);
    await page.getByTestId('station-details-yc-dapu').click();
    const input = page.getByTestId('station-place-input');
    await input.fill('25.2, 118.0');
    await page.getByTestId('station-place-submit').click();
    const problem = page.getByTestId('station-place-problem');
    await problem.waitFor({ state: 'visible' });
    expect(await problem.getAttribute('data-problem')).toBe('swapped');
    expect(await problem.innerText()).toContain('先输入经度');
    expect(await page.getByTestId('station-card-wgs84').innerText(), 'not moved').toBe(`${dapu.lng.toFixed(6)}, ${dapu.lat.toFixed(6)}`);
    expect(await page.getByTestId('undo').isDisabled(), 'no undo step for a refused pair').toBe(true);

    // 一都镇's seat, far west (a gap area), typed in GCJ-02
    const yidu = townships.find((t) => t.code === '350525102000')!.seat;
    const [tLng, tLat] = wgs84ToGcj(yidu[0] + 0.01, yidu[1] + 0.01).map((v) => Number(v.toFixed(6)));
    const [wLng, wLat] = gcoord.transform([tLng, tLat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    await input.fill(`${tLng}，${tLat}`);
    await page.getByTestId('station-place-crs').selectOption('GCJ02');
    const before = await seq(page);
    await page.getByTestId('station-place-submit').click();
    await waitSeqAbove(page, before);
    expect(await page.getByTestId('station-place-problem').count()).toBe(0);
    expect(await page.getByTestId('station-card-wgs84').innerText()).toBe(`${wLng.toFixed(6)}, ${wLat.toFixed(6)}`);
    expect(await page.getByTestId('station-card-position').innerText()).toBe('精确点位（由用户放置、移动或从文件导入）');
    await waitStationDrawn(page, 'yc-dapu', wLng, wLat);
    const moved = await headline(page);
    expect(counts(moved), 'figures after the move').not.toEqual(counts(start));
    expect(moved.population).toBe(start.population);

    const beforeUndo = await seq(page);
    await page.getByTestId('undo').click();
    await waitSeqAbove(page, beforeUndo);
    expect(counts(await headline(page)), 'undo restores the figures').toEqual(counts(start));
    expect(await page.getByTestId('station-card-wgs84').innerText()).toBe(`${dapu.lng.toFixed(6)}, ${dapu.lat.toFixed(6)}`);
    await waitStationDrawn(page, 'yc-dapu', dapu.lng, dapu.lat);
    expect(await page.getByTestId('undo').isDisabled(), 'the move was one undo step').toBe(true);
    await page.getByTestId('card-close').click();
  });
});

describe('map-click card', () => {
  /**
   * The most populous Yongchun cell at least 2 km from every facility (a click
   * there hits no marker) whose pixel shows the map itself (not the legend or a card).
   */
  async function clearCell(page: Page): Promise<{ h3: string; population: number; lng: number; lat: number }> {
    const candidates = [...populationTable('350525')]
      .map(([h3, population]) => {
        const [lat, lng] = cellToLatLng(h3);
        return { h3, population, lng, lat };
      })
      .filter((c) => facilities.every((f) => haversineKm([f.lng, f.lat], [c.lng, c.lat]) > 2))
      .sort((a, b) => b.population - a.population || (a.h3 < b.h3 ? -1 : 1));
    const found = await page.evaluate((cells) => {
      const m = (window as unknown as {
        __emsMap: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement; queryRenderedFeatures(box: [[number, number], [number, number]], o: { layers: string[] }): unknown[] };
      }).__emsMap;
      const r = m.getContainer().getBoundingClientRect();
      const why: string[] = [];
      for (let k = 0; k < cells.length; k++) {
        const p = m.project([cells[k].lng, cells[k].lat]);
        const el = document.elementFromPoint(r.left + p.x, r.top + p.y);
        if (!el?.classList.contains('maplibregl-canvas')) {
          if (why.length < 5) why.push(`${el?.tagName}.${el?.className}`);
          continue;
        }
        // no station marker (or its larger hit target) within 25 px
        if (m.queryRenderedFeatures([[p.x - 25, p.y - 25], [p.x + 25, p.y + 25]], { layers: ['station-hit'] }).length === 0) return { k, why };
      }
      return { k: -1, why };
    }, candidates);
    if (found.k >= 0) return candidates[found.k];
    throw new Error(`No populated Yongchun cell clear of markers and overlays is in view (${found.why.join(', ')})`);
  }

  /** The nearest active station of the scenario (brute force over the data) and its distance. */
  function nearest(lng: number, lat: number, off: string[] = []): { id: string; km: number } {
    return facilities
      .filter((f) => f.status !== 'disabled' && !off.includes(f.id))
      .map((f) => ({ id: f.id, km: haversineKm([f.lng, f.lat], [lng, lat]) }))
      .sort((a, b) => a.km - b.km)[0];
  }

  async function nearestShown(page: Page) {
    const field = page.getByTestId('point-card-nearest');
    return { id: await field.locator('[data-station-id]').getAttribute('data-station-id'), km: Number(await field.getAttribute('data-value')) };
  }

  it('a click on a populated cell shows its township, residents, status and the nearest station at the haversine distance; it follows a scenario change', async () => {
    const { page, watch } = await shared.get();
    await waitMapIdle(page);
    const cell = await clearCell(page);
    expect(latLngToCell(cell.lat, cell.lng, 9)).toBe(cell.h3);
    await clickMapAt(page, cell.lng, cell.lat);
    const card = page.getByTestId('point-card');
    await card.waitFor({ state: 'visible' }).catch(async (e: Error) => {
      throw new Error(`${e.message} (${await screenshot(page, 'card-point-missing')})`);
    });
    await waitPointCardCurrent(page);
    expect(await card.locator('[data-h3]').getAttribute('data-h3')).toBe(cell.h3);
    // the clicked place is marked on the map
    const marker = await page.getByTestId('picked-point').boundingBox();
    const clicked = await mapPixel(page, cell.lng, cell.lat);
    expect(Math.hypot(marker!.x + marker!.width / 2 - clicked.x, marker!.y + marker!.height / 2 - clicked.y)).toBeLessThan(2);
    expect(Number(await page.getByTestId('point-card-cell-population').getAttribute('data-value'))).toBe(cell.population);
    const cli = cliReport('350525', ['--cells']) as ReturnType<typeof cliReport> & { cells: { h3: string; status: string; nearestStationId: string | null }[] };
    const row = cli.cells.find((c) => c.h3 === cell.h3)!;
    expect(await page.getByTestId('point-card-status').getAttribute('data-value')).toBe(row.status);
    const zoneCode = await page.getByTestId('point-card-township').getAttribute('data-value');
    const zone = cli.zones.find((z) => z.code === zoneCode)!;
    expect(await page.getByTestId('point-card-township').innerText()).toBe(`${zone.name}（永春县）`);
    expect(Number(await page.getByTestId('point-card-township-population').getAttribute('data-value'))).toBe(zone.population);
    const expected = nearest(cell.lng, cell.lat);
    const shown = await nearestShown(page);
    expect(shown.id).toBe(expected.id);
    expect(Math.abs(shown.km - expected.km), `card ${shown.km} km vs haversine ${expected.km} km`).toBeLessThan(0.01);
    expect(await page.getByTestId('point-card-nearest').innerText()).toContain(`${expected.km.toFixed(2)} km`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitMapIdle(page);
    await screenshot(page, 'card-point-zh');
    await page.setViewportSize({ width: 1366, height: 768 });

    // switching the nearest station off: the card never shows the old answer as current, and then shows the new one
    const before = await seq(page);
    await page.getByTestId(`station-toggle-${expected.id}`).click();
    await waitSeqAbove(page, before);
    await waitPointCardCurrent(page);
    const next = nearest(cell.lng, cell.lat, [expected.id]);
    // the engine names the nearest station as far as the largest rule radius
    if (next.km <= maxRuleRadiusKm(makeRules())) {
      const shownNext = await nearestShown(page);
      expect(shownNext.id).toBe(next.id);
      expect(Math.abs(shownNext.km - next.km)).toBeLessThan(0.01);
    } else {
      expect(await page.getByTestId('point-card-nearest').innerText()).toBe(`${maxRuleRadiusKm(makeRules())} km 内没有启用的站点`);
    }
    const back = await seq(page);
    await page.getByTestId(`station-toggle-${expected.id}`).click();
    await waitSeqAbove(page, back);
    await waitPointCardCurrent(page);
    expect((await nearestShown(page)).id).toBe(expected.id);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.getByTestId('picked-point').count(), 'the marker goes with the card').toBe(0);
    expect(watch.errors).toEqual([]);
  });

  it('a click in gap area 1 shows its population (= the gap list figure and the CLI) and the townships it spans', async () => {
    const { page } = await shared.get();
    const gap = cliReport('350525').gaps[0];
    expect(gap.bestSite, 'the CLI names a cell of the group').not.toBeNull();
    await page.getByTestId('gap-item-1').click();
    await waitMapIdle(page);
    // the best site is one of the group's own cell centres
    await clickMapAt(page, gap.bestSite!.lng, gap.bestSite!.lat);
    await waitPointCardCurrent(page);
    const section = page.getByTestId('gap-card');
    await section.waitFor({ state: 'visible' });
    expect(await section.getAttribute('data-rank')).toBe('1');
    const population = Number(await page.getByTestId('gap-card-population').getAttribute('data-value'));
    const listed = (await page.getByTestId('gap-item-1').innerText()).match(/([\d,]+) 人/)![1];
    expect(population, `gap list says ${listed}`).toBe(Number(listed.replace(/,/g, '')));
    expect(population).toBe(gap.population);
    const shares = await page.getByTestId('gap-card-townships').locator('li').evaluateAll((els) => els.map((e) => ({ code: e.getAttribute('data-code'), value: Number(e.getAttribute('data-value')) })));
    expect(shares[0].code, 'the township holding most of the group comes first').toBe(gap.zone);
    expect(shares.reduce((s, x) => s + x.value, 0)).toBeCloseTo(population, 6);
    await page.getByTestId('card-close').click();
  });

  it('a township row click outlines the township and keeps its surroundings in view', async () => {
    const { page } = await shared.get();
    const code = '350525102000';
    const zones = JSON.parse(readFileSync(path.join(ROOT, 'data/zones.geojson'), 'utf8')) as { features: { properties: { code: string }; geometry: { coordinates: unknown } }[] };
    const outline = zones.features.find((f) => f.properties.code === code)!;
    const xs: number[] = [];
    const ys: number[] = [];
    const visit = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') {
        xs.push(c[0]);
        ys.push(c[1] as number);
      } else if (Array.isArray(c)) c.forEach(visit);
    };
    visit(outline.geometry.coordinates);
    const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    await waitMapIdle(page);
    // the next camera move to end is the township fit
    await page.evaluate(() => {
      const w = window as unknown as { __fitDone?: boolean; __emsMap: { once(type: string, f: () => void): void } };
      w.__fitDone = false;
      w.__emsMap.once('moveend', () => (w.__fitDone = true));
    });
    await page.getByTestId(`township-row-${code}`).click();
    await page.waitForFunction(
      (c) => JSON.stringify((window as unknown as { __emsMap: { getFilter(id: string): unknown } }).__emsMap.getFilter('zone-highlight')) === JSON.stringify(['==', ['get', 'code'], c]),
      code,
      { timeout: 15_000, polling: 50 },
    );
    await page.waitForFunction(() => (window as unknown as { __fitDone?: boolean }).__fitDone === true, undefined, { timeout: 15_000, polling: 50 });
    await waitMapIdle(page);
    const view = await page.evaluate(() => (window as unknown as { __emsMap: { getBounds(): { toArray(): number[][] } } }).__emsMap.getBounds().toArray());
    const [[vw, vs], [ve, vn]] = view;
    // at least a quarter of the township's size around it on every side
    expect(vw, 'west margin').toBeLessThan(w - 0.25 * (e - w));
    expect(ve, 'east margin').toBeGreaterThan(e + 0.25 * (e - w));
    expect(vs, 'south margin').toBeLessThan(s - 0.25 * (n - s));
    expect(vn, 'north margin').toBeGreaterThan(n + 0.25 * (n - s));
  });
});

describe('English cards', () => {
  it('the station and point cards in English at 1280×720', async () => {
    const { page } = await shared.get();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('lang-switch').click();
    // English arrives once the place-name table is loaded
    await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 30_000, polling: 50 });
    await page.getByTestId('station-details-yc-dapu').click();
    await page.getByTestId('station-card').waitFor({ state: 'visible' });
    expect(await page.getByTestId('station-card-kind').innerText()).toBe('Ambulance station');
    expect(await page.getByTestId('station-card-source').innerText()).toContain('Yongchun County plan');
    await waitMapIdle(page);
    await screenshot(page, 'card-station-en');
    const gap = cliReport('350525').gaps[0];
    await page.getByTestId('card-close').click();
    // bring gap area 1 into view (the view is where the last test left it)
    await page.getByTestId('gap-item-1').click();
    await waitMapIdle(page);
    await clickMapAt(page, gap.bestSite!.lng, gap.bestSite!.lat);
    await waitPointCardCurrent(page);
    // gap area 1 lies beyond every station's service radius; the card names the nearest one (haversine over the data) or none within the search limit
    const near = facilities
      .filter((f) => f.status !== 'disabled')
      .map((f) => ({ name: f.name, km: haversineKm([f.lng, f.lat], [gap.bestSite!.lng, gap.bestSite!.lat]) }))
      .sort((a, b) => a.km - b.km)[0];
    const nearestText = await page.getByTestId('point-card-nearest').innerText();
    if (near.km <= maxRuleRadiusKm(makeRules())) {
      expect(near.km).toBeGreaterThan(makeRules().urbanRadiusKm);
      expect(nearestText).toBe(`${near.name}, ${near.km.toFixed(2)} km in a straight line`);
    } else {
      expect(nearestText).toMatch(/^No active station within \d+ km$/);
    }
    expect(await page.getByTestId('gap-card').locator('h3').innerText()).toBe('Gap area 1');
    await waitMapIdle(page);
    await screenshot(page, 'card-point-en');
    await page.getByTestId('card-close').click();
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, { timeout: 30_000, polling: 50 });
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

describe('region caveats', () => {
  const assumedIn = (county: string) => facilities.filter((f) => f.county === county && f.status === 'existing' && f.basis === 'assumed').length;
  // the 18 institutions the Jinjiang plan names, and the roster's 晋江市医院 and 晋江市中医院
  const jinjiangAssumed = assumedIn('350582');

  it('晋江市: the caveat names its assumed 120 points in Chinese, and a Jinjiang card carries the note in Chinese', async () => {
    const { page } = await shared.get();
    expect(await page.getByTestId('region-caveat').count(), '永春县 has nothing to declare').toBe(0);
    await page.getByTestId('region-select').selectOption('350582');
    const item = page.getByTestId('caveat-assumed-350582');
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await item.innerText();
    expect(jinjiangAssumed).toBe(20);
    expect(text).toContain(`晋江市：${jinjiangAssumed} 处`);
    expect(text).toContain('假定为 120 急救点');
    expect(text.match(/[A-Za-z]{3,}/g)).toBeNull();
    await page.getByTestId('station-details-jj-350582001000-chc').click();
    expect(await page.getByTestId('station-card-note').innerText()).toMatch(/^假定的 120 急救点/);
    expect(await page.getByTestId('station-card-source').innerText()).toContain('《晋江市“十四五”卫生健康事业发展专项规划》');
    await page.getByTestId('card-close').click();
  });

  it('泉州市: every county has station data; the caveat counts the assumed 120 points of every county but 永春县', async () => {
    const { page } = await shared.get();
    await page.getByTestId('region-select').selectOption('350500');
    await page.getByTestId('caveat-assumed-350582').waitFor({ state: 'visible', timeout: 120_000 });
    expect(await page.getByTestId('caveat-no-data').count(), 'every county has stations in the data').toBe(0);
    const expected = meta.counties.filter((c) => c.adcode.startsWith('3505') && c.name !== '永春县');
    expect(expected).toHaveLength(10);
    for (const c of expected) {
      const item = page.getByTestId(`caveat-assumed-${c.adcode}`);
      expect(await item.getAttribute('data-value'), c.name).toBe(String(assumedIn(c.adcode)));
      expect(await item.innerText(), c.name).toContain(`${c.name}：${assumedIn(c.adcode)} 处`);
    }
    expect(await page.getByTestId('caveat-assumed-350525').count(), '永春县 assumes nothing').toBe(0);
    await page.getByTestId('region-caveat').scrollIntoViewIfNeeded();
    await screenshot(page, 'caveat-quanzhou-zh');
  });
});
