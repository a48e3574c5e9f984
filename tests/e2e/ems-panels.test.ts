/**
 * The EMS measures in the panels, on the demo (永春县): every figure the EMS
 * panel shows carries the worker's `result.ems` value (read through
 * __emsState), the calls column appears beside the residents' when the
 * demand weight is calls and goes again when it is residents, and the
 * workload chart is tagged with the scenario version on screen after a
 * station edit. Screenshots at 1440×900 and 1280×720 in zh and en, with no
 * horizontal overflow. One page for the file; each test leaves the scenario
 * as it found it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EmsFigures } from '../../src/core/ems/types.ts';
import { switchRegion } from './drawn-state.ts';
import { horizontalOverflow, screenshot, seq, useSharedApp, value, waitCurrent, waitForUpdate } from './helpers.ts';

const shared = useSharedApp({ width: 1440, height: 900 });

/** The worker's EMS figures of the result on screen, and the scenario version it belongs to. */
async function workerEms(page: Page): Promise<{ ems: EmsFigures; version: number }> {
  return page.evaluate(() => {
    const s = (window as unknown as { __emsState: () => { result: { ems?: EmsFigures; tag: { version: number } } | null } }).__emsState();
    if (!s.result?.ems) throw new Error('The result on screen has no EMS figures.');
    return { ems: s.result.ems, version: s.result.tag.version };
  });
}

/** The raw value of a figure, '' (no value: over the horizon) as null. */
async function raw(page: Page, testId: string): Promise<number | null> {
  const v = await page.getByTestId(testId).getAttribute('data-value', { timeout: 10_000 });
  if (v === null) throw new Error(`[data-testid=${testId}] has no data-value`);
  return v === '' ? null : Number(v);
}

async function expand(page: Page, id: string): Promise<void> {
  const button = page.getByTestId(`${id}-section`).locator('.panel-heading button').first();
  if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
  await page.waitForSelector(`[data-testid="${id}-section"] .panel-body`, { state: 'attached' });
}

/** Opens the EMS panel and waits until it shows the figures of the scenario on screen. */
async function emsReady(page: Page): Promise<void> {
  await expand(page, 'ems');
  await waitCurrent(page);
  await page.locator('[data-testid="ems-panel"][data-ready="true"][data-current="true"]').waitFor({ state: 'attached' });
}

async function setDemand(page: Page, demand: 'residents' | 'calls' | 'both'): Promise<void> {
  await expand(page, 'rules');
  const before = await seq(page);
  await page.getByTestId(`ems-demand-${demand}`).check();
  await waitForUpdate(page, before);
  await page.locator(`[data-testid="ems-panel"][data-demand="${demand}"][data-current="true"]`).waitFor({ state: 'attached' });
}

describe('the EMS panel shows the worker’s figures', () => {
  it('calls, fractiles (with their basis), availability, fleet, equity and hospitals equal result.ems', async () => {
    const { page } = await shared.get();
    await emsReady(page);
    const { ems } = await workerEms(page);
    expect(await value(page, 'ems-calls')).toBe(ems.calls.perYear);
    expect(await page.getByTestId('ems-calls').getAttribute('data-source')).toBe(ems.calls.source);
    // no calls imported in the demo: the call figures are modelled from the rate, and say so
    expect(ems.calls.source).toBe('rate');
    expect(await page.getByTestId('ems-calls-flag').innerText()).toBe('模拟');

    const { fractiles } = ems;
    expect(await page.getByTestId('ems-fractiles').getAttribute('data-basis')).toBe(fractiles.basis);
    // the demo has no roads: minutes are straight-line distance through the circle formula, said in words
    expect(fractiles.basis).toBe('circle-formula');
    expect(await page.getByTestId('ems-basis').innerText()).toContain('急救圈公式');
    const r = fractiles.region.residents;
    expect(await raw(page, 'ems-fractile-residents-within-after')).toBe(r.withinTarget);
    expect(await raw(page, 'ems-fractile-residents-median-after')).toBe(r.medianMinutes);
    expect(await raw(page, 'ems-fractile-residents-p90-after')).toBe(r.p90Minutes);
    // 达埔 and 桂洋 are proposed: there is a before
    expect(fractiles.before).not.toBeNull();
    expect(await raw(page, 'ems-fractile-residents-within-before')).toBe(fractiles.before!.residents.withinTarget);
    expect(await raw(page, 'ems-fractile-residents-p90-before')).toBe(fractiles.before!.residents.p90Minutes);
    // residents only: no calls rows
    expect(await page.getByTestId('ems-fractile-calls-within-after').count()).toBe(0);

    const a = ems.availability;
    expect(await value(page, 'ems-busy')).toBe(a.busyFraction);
    expect(await value(page, 'ems-expected-residents')).toBe(a.expectedCovered.residents);
    // expected coverage without 达埔 and 桂洋 (the fractiles' baseline, its own busy fraction), in the figure and the before/after chart
    expect(a.before).not.toBeNull();
    expect(a.before!.busyFraction).toBeGreaterThan(a.busyFraction);
    expect(await value(page, 'ems-expected-before-residents')).toBe(a.before!.expectedCovered.residents);
    const chartPairs = JSON.parse((await page.getByTestId('ems-before-after-chart').getAttribute('data-pairs'))!) as [string, number, number][];
    expect(chartPairs.find(([key]) => key === 'expected-residents')).toEqual(['expected-residents', (100 * a.before!.expectedCovered.residents) / r.weight, (100 * a.expectedCovered.residents) / r.weight]);
    expect(await value(page, 'ems-backup-residents')).toBe(a.backupCovered.residents);
    expect(await raw(page, 'ems-fleet-existing')).toBe(a.fleet.existing);
    expect(await value(page, 'ems-fleet-assumed')).toBe(a.fleet.assumed);
    expect(await value(page, 'ems-fleet-workload')).toBe(a.fleet.forWorkload);
    expect(await value(page, 'ems-fleet-ratio')).toBe(a.fleet.forRatio);
    // the defaults of job minutes and fleet are assumptions of the tool: labelled where the busy fraction is shown
    expect(await page.getByTestId('ems-busy-flag').innerText()).toBe('假设');

    expect(await value(page, 'ems-equity-spread')).toBe(ems.equity.spread);
    expect(await page.getByTestId('ems-equity-worst').getAttribute('data-code')).toBe(ems.equity.worstZone?.code ?? '');
    expect(await raw(page, 'ems-equity-worst')).toBe(ems.equity.worstZone?.withinTarget ?? null);
    expect(await page.getByTestId('ems-equity-best').getAttribute('data-code')).toBe(ems.equity.bestZone?.code ?? '');

    for (const h of ems.hospitals) {
      expect(await raw(page, `ems-hospital-${h.capability}-within-residents`)).toBe(h.fractiles.residents.withinTarget);
      expect(await raw(page, `ems-hospital-${h.capability}-p90`)).toBe(h.fractiles.residents.p90Minutes);
    }
    expect(await page.locator('[data-testid^="ems-hospital-"][data-basis]').count()).toBe(ems.hospitals.length);

    // the workload chart: one bar per station, busiest first, with the worker's busy fractions
    const bars = JSON.parse((await page.getByTestId('ems-workload-chart').getAttribute('data-bars'))!) as [string, number][];
    const expected = ems.workload.filter((w) => w.firstDueCells > 0).sort((x, y) => y.busyFraction - x.busyFraction || (x.id < y.id ? -1 : 1)).slice(0, 20);
    expect(bars).toEqual(expected.map((w) => [w.id, w.busyFraction * 100]));
    expect(bars.length).toBeGreaterThan(0);
    const idle = ems.workload.length - expected.length;
    if (idle > 0) expect(Number(await page.getByTestId('ems-workload-without-area').getAttribute('data-value'))).toBe(idle);
  });
});

describe('demand weighed by calls', () => {
  it('calls shows the call figures beside the residents’ (both columns equal result.ems); residents hides them again', async () => {
    const { page } = await shared.get();
    await emsReady(page);
    await setDemand(page, 'calls');
    const { ems } = await workerEms(page);
    const calls = ems.callCoverage.totals;
    expect(await value(page, 'ems-coverage-covered-calls')).toBe(calls.coveredPct);
    expect(await value(page, 'ems-coverage-within-calls')).toBe(calls.withinCirclePct);
    // the residents' column is the headline's own figure, not merged with the calls'
    expect(await value(page, 'ems-coverage-covered-residents')).toBe(await value(page, 'headline-covered-pct'));
    expect(await raw(page, 'ems-fractile-calls-within-after')).toBe(ems.fractiles.region.calls!.withinTarget);
    expect(await raw(page, 'ems-fractile-calls-p90-after')).toBe(ems.fractiles.region.calls!.p90Minutes);
    expect(await raw(page, 'ems-expected-calls')).toBe(ems.availability.expectedCovered.calls);
    // the township table's EMS columns on request: calls a year per township from the same figures
    await page.getByTestId('township-ems-toggle').check();
    const first = ems.fractiles.zones[0];
    const row = page.getByTestId(`township-row-${first.code}`);
    expect(Number(await row.getByTestId('township-ems-calls').getAttribute('data-value'))).toBe(first.calls!.weight);
    expect(Number(await row.getByTestId('township-ems-within-calls').getAttribute('data-value'))).toBe(first.calls!.withinTarget);
    await page.locator('[data-testid="ems-panel"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'ems-panels-calls-1440-zh');
    await page.getByTestId('township-table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'ems-panels-townships-1440-zh');
    await page.getByTestId('township-ems-toggle').uncheck();

    await setDemand(page, 'residents');
    expect(await page.getByTestId('ems-call-coverage').count()).toBe(0);
    expect(await page.getByTestId('ems-fractile-calls-within-after').count()).toBe(0);
  });
});

describe('the charts belong to the scenario on screen', () => {
  it('after switching 达埔 off the workload chart is tagged with the new scenario version and shows its figures; on again likewise', async () => {
    const { page } = await shared.get();
    await emsReady(page);
    for (const step of ['off', 'on']) {
      const before = await seq(page);
      await page.getByTestId('station-toggle-yc-dapu').click();
      await waitForUpdate(page, before);
      const version = await page.evaluate(() => Number(document.documentElement.dataset.scenarioVersion));
      const chart = page.locator(`[data-testid="ems-workload-chart"][data-version="${version}"][data-current="true"]`);
      await chart.waitFor({ state: 'attached' });
      const { ems, version: resultVersion } = await workerEms(page);
      expect(resultVersion, step).toBe(version);
      const ids = (JSON.parse((await chart.getAttribute('data-bars'))!) as [string, number][]).map(([id]) => id);
      expect(ids.includes('yc-dapu'), step).toBe(step === 'on');
      // Yongchun's active stations all fit the chart (it draws the 20 busiest)
      expect(ems.workload.length).toBeLessThanOrEqual(20);
      expect(ids.sort(), step).toEqual(ems.workload.filter((w) => w.firstDueCells > 0).map((w) => w.id).sort());
      expect(await page.getByTestId('ems-before-after-chart').getAttribute('data-version')).toBe(String(version));
    }
  });
});

describe('screenshots', () => {
  it('zh and en at 1440×900 and 1280×720: the EMS panel and its rules, nothing sticking out', async () => {
    const { page } = await shared.get();
    await emsReady(page);
    await expand(page, 'rules');
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      for (const language of ['zh', 'en'] as const) {
        const current = await page.evaluate(() => (window as unknown as { __emsState: () => { language: string } }).__emsState().language);
        if ((language === 'en') !== (current === 'en')) await page.getByTestId('lang-switch').click();
        await page.locator('[data-testid="ems-panel"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, `ems-panels-${width}-${language}`);
        await page.locator('[data-testid="ems-workload-chart"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, `ems-panels-charts-${width}-${language}`);
        await page.getByTestId('ems-rules').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, `ems-panels-rules-${width}-${language}`);
        const overflow = await horizontalOverflow(page);
        expect(overflow.offenders, `${width} ${language}`).toEqual([]);
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      }
    }
    if ((await page.evaluate(() => (window as unknown as { __emsState: () => { language: string } }).__emsState().language)) === 'en') await page.getByTestId('lang-switch').click();
  });
});

describe('hospital transport', () => {
  it('晋江市 (planned centres from the Jinjiang plan): each capability’s shares, before and p90 equal result.ems.hospitals', async () => {
    const { page } = await shared.get();
    await page.setViewportSize({ width: 1440, height: 900 });
    await switchRegion(page, '350582');
    await emsReady(page);
    const { ems } = await workerEms(page);
    expect(ems.hospitals.length).toBeGreaterThan(0);
    expect(ems.hospitals.some((h) => h.before !== null)).toBe(true);
    for (const h of ems.hospitals) {
      const row = page.getByTestId(`ems-hospital-${h.capability}`);
      expect(await row.getAttribute('data-basis')).toBe(h.basis);
      expect(await raw(page, `ems-hospital-${h.capability}-within-residents`)).toBe(h.fractiles.residents.withinTarget);
      expect(await raw(page, `ems-hospital-${h.capability}-median`)).toBe(h.fractiles.residents.medianMinutes);
      expect(await raw(page, `ems-hospital-${h.capability}-p90`)).toBe(h.fractiles.residents.p90Minutes);
      if (h.before) expect(await raw(page, `ems-hospital-${h.capability}-before-residents`)).toBe(h.before.fractiles.residents.withinTarget);
      expect(await page.getByTestId(`ems-hospital-${h.capability}-beyond`).count()).toBe(h.zonesBeyond.length > 0 ? 1 : 0);
    }
    // the before/after chart holds a pair for each capability with a before
    const pairs = JSON.parse((await page.getByTestId('ems-before-after-chart').getAttribute('data-pairs'))!) as [string, number, number][];
    for (const h of ems.hospitals.filter((x) => x.before)) expect(pairs.map(([key]) => key)).toContain(`hospital-${h.capability}-residents`);
    await page.getByTestId('ems-hospitals').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'ems-panels-hospitals-1440-zh');
    await page.getByTestId('ems-before-after-chart').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'ems-panels-before-after-1440-zh');
  });
});
