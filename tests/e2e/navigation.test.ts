/**
 * Moving around: a township row zooms the map to the township, the table
 * sorts, the gap list follows the CLI, and all of Quanzhou opens with the
 * CLI's figures. One page for the file, in this order (the zoom test wants the
 * region's first view; the region switch comes last).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/browser.ts';
import { cliReport, haversineKm, type CliReport, headline, mapView, screenshot, useSharedApp, waitMapIdle } from './helpers.ts';

const shared = useSharedApp();

const open = () => shared.get();

interface Township {
  code: string;
  name: string;
  seat: [number, number];
}
const townships = JSON.parse(readFileSync(path.join(ROOT, 'data/townships.json'), 'utf8')) as Township[];

describe('township table', () => {
  it('a row click zooms the map to the township seat (一都镇, far west of the county)', async () => {
    const code = '350525102000';
    const seat = townships.find((t) => t.code === code)!.seat;
    const { page } = await open();
    await waitMapIdle(page);
    const before = await mapView(page);
    await page.getByTestId(`township-row-${code}`).click();
    await page.waitForFunction(
      (z) => {
        const m = (window as unknown as { __emsMap: { getZoom(): number; isMoving(): boolean } }).__emsMap;
        return m.getZoom() > z + 0.3 && !m.isMoving();
      },
      before.zoom,
      { timeout: 15_000, polling: 50 },
    );
    await waitMapIdle(page);
    const after = await mapView(page);
    const file = await screenshot(page, 'township-zoom-yidu');
    const dBefore = haversineKm([before.lng, before.lat], seat);
    const dAfter = haversineKm([after.lng, after.lat], seat);
    expect(after.zoom, `zoom ${before.zoom.toFixed(2)} → ${after.zoom.toFixed(2)} (${file})`).toBeGreaterThan(before.zoom);
    // the township is fitted with a margin of its surroundings (cards.test.ts checks the margin): its seat is in view, nearer the centre than before
    expect(dAfter, `centre–seat distance ${dBefore.toFixed(1)} km → ${dAfter.toFixed(1)} km (${file})`).toBeLessThan(dBefore);
    const inView = await page.evaluate(([lng, lat]) => (window as unknown as { __emsMap: { getBounds(): { contains(p: [number, number]): boolean } } }).__emsMap.getBounds().contains([lng, lat]), seat as [number, number]);
    expect(inView, `the seat of 一都镇 is in view (${file})`).toBe(true);
  });

  it('sorts by population (descending, then ascending) like the CLI zones', async () => {
    const cli = cliReport('350525');
    const pop = new Map(cli.zones.map((z) => [z.code, z.population]));
    const { page } = await open();
    const order = () => page.$$eval('[data-testid^="township-row-"]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice('township-row-'.length)));
    const pops = async () => (await order()).map((c) => pop.get(c) ?? NaN);
    const isSorted = (xs: number[], dir: 1 | -1) => xs.every((x, i) => i === 0 || dir * (x - xs[i - 1]) >= 0);
    expect((await order()).sort()).toEqual([...pop.keys()].sort());
    await page.getByTestId('sort-population').click();
    const first = await pops();
    const firstDir = first[0] >= first[first.length - 1] ? -1 : 1;
    expect(isSorted(first, firstDir), `population column after one click: ${first.join(', ')}`).toBe(true);
    await page.getByTestId('sort-population').click();
    const second = await pops();
    expect(isSorted(second, firstDir === -1 ? 1 : -1), `population column after a second click: ${second.join(', ')}`).toBe(true);
    expect(Math.max(...first)).toBe(Math.max(...cli.zones.map((z) => z.population)));
  });

  it('the gap list ranks the gap areas like the CLI, by the same names', async () => {
    const cli = cliReport('350525');
    const { page } = await open();
    for (const g of cli.gaps.slice(0, 3) as (CliReport['gaps'][number] & { name: string })[]) {
      const item = page.getByTestId(`gap-item-${g.rank}`);
      expect(await item.count(), `gap-item-${g.rank}`).toBe(1);
      expect(g.name).toContain('一带');
      expect(await item.innerText()).toContain(g.name);
    }
  });
});

/** Switches the open page to city `code` and checks its headline against the CLI report; */
async function cityMatchesCli(page: Page, code: string, shot: string, cli: CliReport) {
  await page.getByTestId('region-select').selectOption(code);
  await page.waitForFunction(
    (pop) => Number(document.querySelector('[data-testid="headline-population"]')?.getAttribute('data-value')) === pop,
    cli.totals.population,
    { timeout: 60_000, polling: 100 },
  );
  const h = await headline(page);
  expect(h.covered).toBe(cli.totals.covered);
  expect(h.marginal).toBe(cli.totals.marginal);
  expect(h.gap).toBe(cli.totals.gap);
  expect(h.within).toBe(cli.totals.withinCircle);
  await waitMapIdle(page);
  await screenshot(page, shot);
}

describe('all of Quanzhou', () => {
  it('region-select 350500 shows the CLI figures for the whole city', async () => {
    const { page, watch } = await open();
    await cityMatchesCli(page, '350500', 'quanzhou-1366x768', cliReport('350500'));
    expect(watch.errors).toEqual([]);
  });
});

describe('all of Xiamen', () => {
  it('region-select 350200 shows the CLI figures for the whole of 厦门市 (5,163,970 residents by the census)', async () => {
    const cli = cliReport('350200');
    expect(cli.totals.population).toBe(5_163_970);
    const { page, watch } = await open();
    expect(await page.getByTestId('region-select').locator('option[value="350200"]').innerText()).toBe('厦门市（全市）');
    await cityMatchesCli(page, '350200', 'xiamen-1366x768', cli);
    expect(watch.errors).toEqual([]);
  });
});
