/**
 * The first-due workload and township equity layers on the demo (永春县), at
 * 1280×720: each switched on draws, for every cell, the class of its
 * first-due station's busy fraction against the busy target (from the
 * worker's first-due rows and workload), and for every township the class of
 * its residents' 90th-percentile minutes, the worst-served one outlined; the
 * legend names the stations over the target, the basis of the minutes and
 * that calls are modelled. Screenshots in zh and en. One page for the file.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EmsFigures } from '../../src/core/ems/types.ts';
import { screenshot, seq, useSharedApp, waitCurrent, waitForUpdate, waitMapIdle } from './helpers.ts';

const shared = useSharedApp({ width: 1280, height: 720 });

type PageState = { result: { seq: number; ems: EmsFigures; firstDue: Int32Array }; rules: { ems: { busyTarget: number } }; language: string };

/** The worker's EMS figures and first-due rows of the result on screen, and the busy target. */
const onScreen = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __emsState: () => PageState }).__emsState();
    return { seq: s.result.seq, ems: s.result.ems, firstDue: Array.from(s.result.firstDue), busyTarget: s.rules.ems.busyTarget };
  });

async function setLanguage(page: Page, language: 'zh' | 'en'): Promise<void> {
  const current = await page.evaluate(() => (window as unknown as { __emsState: () => PageState }).__emsState().language);
  if ((language === 'en') !== (current === 'en')) await page.getByTestId('lang-switch').click();
  await page.waitForFunction((en) => ((window as unknown as { __emsState: () => PageState }).__emsState().language === 'en') === en && (document.documentElement.lang === 'en') === en, language === 'en');
}

/** Both languages' screenshots of the map with its legend; back in zh after. */
async function shots(page: Page, name: string): Promise<void> {
  for (const language of ['zh', 'en'] as const) {
    await setLanguage(page, language);
    await waitMapIdle(page);
    await screenshot(page, `${name}-${language}`);
  }
  await setLanguage(page, 'zh');
}

describe('first-due workload and township equity layers', () => {
  it('the workload layer draws each cell by its first-due station’s busy fraction against the busy target', async () => {
    const { page } = await shared.get();
    await waitCurrent(page, 60_000);
    // a busy target at the second busiest station's fraction: both busiest are over it, the others under
    const before = await onScreen(page);
    const busy = before.ems.workload.filter((w) => w.firstDueCells > 0).map((w) => w.busyFraction).sort((a, b) => b - a);
    expect(busy.length).toBeGreaterThan(3);
    const target = Math.floor(busy[1] * 1e4) / 1e4;
    const button = page.getByTestId('rules-section').locator('.panel-heading button').first();
    if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
    const last = await seq(page);
    await page.getByTestId('ems-rule-busyTarget').fill(String(target));
    await page.getByTestId('ems-rule-busyTarget').press('Enter');
    await waitForUpdate(page, last, { timeout: 60_000 });
    await page.getByTestId('layer-status').uncheck();
    await page.getByTestId('layer-workload').check();
    await page.waitForFunction(() => {
      const w = window as unknown as { __emsMapStats: { ems?: { workloadSeq: number | null } }; __emsState: () => PageState };
      const ems = w.__emsMapStats.ems as { workloadSeq: number | null; outlines: { seq: number } | null } | undefined;
      return ems?.workloadSeq === w.__emsState().result.seq && ems.outlines?.seq === w.__emsState().result.seq;
    }, null, { timeout: 30_000 });
    await waitMapIdle(page);

    const now = await onScreen(page);
    expect(now.busyTarget).toBe(target);
    // expected class per cell, worked from the worker's rows and busy fractions: 0 none, 1 < ½ target, 2 < target, 3 ≥ target, 4 ≥ 2× target
    const classOf = (b: number) => (b >= 2 * target ? 4 : b >= target ? 3 : b < target / 2 ? 1 : 2);
    const expected = now.firstDue.map((k) => (k < 0 ? 0 : classOf(now.ems.workload[k].busyFraction)));
    const drawn = await page.evaluate((n) => {
      const w = window as unknown as {
        __emsMap: { getFeatureState(f: { source: string; id: number }): { w?: number }; getLayoutProperty(id: string, p: string): string };
        __emsMapStats: { ems: { workload: { cells: number } } };
      };
      const base = w.__emsMapStats.ems.workload.cells;
      return { classes: Array.from({ length: n }, (_, i) => w.__emsMap.getFeatureState({ source: 'cells', id: i }).w ?? base), visibility: w.__emsMap.getLayoutProperty('workload-cells', 'visibility') };
    }, expected.length);
    expect(drawn.visibility).toBe('visible');
    expect(expected.length).toBeGreaterThan(1000);
    expect(drawn.classes.filter((c, i) => c !== expected[i]).length).toBe(0);
    // the two busiest stations' areas are drawn over the target, others under it
    expect(expected.filter((c) => c >= 3).length).toBeGreaterThan(0);
    expect(expected.filter((c) => c === 1 || c === 2).length).toBeGreaterThan(0);

    // the stations over the target are ringed (feature-state `over`), the others not
    const over = await page.evaluate((ids) => {
      const m = (window as unknown as { __emsMap: { getFeatureState(f: { source: string; id: string }): { over?: boolean } } }).__emsMap;
      return ids.map((id) => m.getFeatureState({ source: 'stations', id }).over === true);
    }, now.ems.workload.map((w) => w.id));
    expect(over).toEqual(now.ems.workload.map((w) => w.firstDueCells > 0 && w.busyFraction >= target));
    expect(over.filter(Boolean).length).toBe(2);
    // one border outline per station with a first-due area
    const areas = await page.evaluate(() => (window as unknown as { __emsMapStats: { ems: { outlines: { areas: number } } } }).__emsMapStats.ems.outlines.areas);
    expect(areas).toBe(now.ems.workload.filter((w) => w.firstDueCells > 0).length);
    const busiest = [...now.ems.workload].sort((a, b) => b.busyFraction - a.busyFraction)[0];
    expect(await page.getByTestId('legend-workload-over').textContent()).toContain(busiest.name);
    // no call file here: the calls are modelled from residents, and the legend says so
    expect(now.ems.calls.source).toBe('rate');
    expect(await page.getByTestId('legend-workload-calls').textContent()).toContain('模拟');
    await shots(page, 'ems-map-workload');
    await page.getByTestId('layer-workload').uncheck();
  });

  it('the equity layer fills each township by its residents’ 90th percentile around the target, the worst outlined', async () => {
    const { page } = await shared.get();
    await waitCurrent(page, 60_000);
    await page.getByTestId('layer-equity').check();
    await page.waitForFunction(() => {
      const w = window as unknown as { __emsMapStats: { ems?: { equity: { seq: number } | null } }; __emsState: () => PageState };
      return w.__emsMapStats.ems?.equity?.seq === w.__emsState().result.seq;
    }, null, { timeout: 30_000 });
    await waitMapIdle(page);
    const { ems } = await onScreen(page);
    const T = ems.fractiles.targetMinutes;
    // steps by hand for the target: a third, two thirds, T, T + 15, T + 30; then beyond, then among the unreached
    const steps = [Math.round(T / 3), Math.round((2 * T) / 3), T, T + 15, T + 30];
    const classOf = (p90: number | null, residents: number) => {
      if (!(residents > 0)) return 7;
      if (p90 === null) return 6;
      const k = steps.findIndex((s) => p90 <= s);
      return k < 0 ? 5 : k;
    };
    const zones = ems.fractiles.zones;
    expect(zones.length).toBeGreaterThan(5);
    const drawn = await page.evaluate(
      (codes) => {
        const w = window as unknown as { __emsMap: { getFeatureState(f: { source: string; id: string }): { e?: number; worst?: boolean }; getLayoutProperty(id: string, p: string): string } };
        return { states: codes.map((code) => w.__emsMap.getFeatureState({ source: 'zones', id: code })), fill: w.__emsMap.getLayoutProperty('equity-zones', 'visibility'), worst: w.__emsMap.getLayoutProperty('equity-worst', 'visibility') };
      },
      zones.map((z) => z.code),
    );
    expect(drawn.fill).toBe('visible');
    expect(drawn.worst).toBe('visible');
    zones.forEach((z, k) => expect(drawn.states[k].e, `${z.name} p90 ${z.residents.p90Minutes}`).toBe(classOf(z.residents.p90Minutes, z.residents.weight)));
    const worst = ems.equity.worstZone!;
    expect(drawn.states.filter((s) => s.worst === true).length).toBe(1);
    expect(drawn.states[zones.findIndex((z) => z.code === worst.code)].worst).toBe(true);
    expect(await page.getByTestId('legend-equity-worst').getAttribute('data-code')).toBe(worst.code);
    // the demo has no roads in the browser's first result: minutes by the circle formula, and the legend says so
    expect(await page.getByTestId('legend-equity-basis').getAttribute('data-basis')).toBe(ems.fractiles.basis);
    expect(await page.getByTestId('legend-equity-basis').textContent()).toContain(ems.fractiles.basis === 'roads' ? '路网' : '急救圈公式');
    await shots(page, 'ems-map-equity');
    await page.getByTestId('layer-equity').uncheck();
    await page.getByTestId('layer-status').check();
  });
});
