/**
 * Issue 14 end to end, on the demo (永春县), one page for the file: the
 * generated call file (GBK, GCJ-02, with bad rows) imported through the
 * import dialog's calls tab names its bad rows; the call-weighted coverage
 * and the station workload chart show; the backup and call density layers
 * draw each cell as the worker's result says; a stroke centre set on a
 * station card draws the hospital transport layer with its legend; the
 * township CSV and XLSX carry the new columns with the worker's values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { EmsFigures } from '../../src/core/ems/types.ts';
import { ROOT } from '../../scripts/lib/browser.ts';
import { screenshot, useSharedApp, waitCurrent, waitMapIdle } from './helpers.ts';

const shared = useSharedApp({ width: 1440, height: 900 });
const CALLS = path.join(ROOT, 'data/samples/calls/yongchun-350525-calls-synthetic.csv');

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await file.path())!);
}

/** The worker's EMS figures of the result on screen. */
const workerEms = (page: Page) => page.evaluate(() => (window as unknown as { __emsState: () => { result: { ems: EmsFigures } } }).__emsState().result.ems);

/** Cells whose drawn class (feature-state `key`, or the layer's baseline) differs from `expected` per cell. */
async function wrongCells(page: Page, key: 'b' | 'k', expected: 'backup' | 'calls'): Promise<{ cells: number; wrong: number }> {
  return page.evaluate(
    ({ key, expected }) => {
      type S = { dataset: { population: Float64Array; calls?: { perCell: Float32Array } | null }; result: { inRange: Uint16Array } };
      const w = window as unknown as {
        __emsState: () => S;
        __emsMap: { getFeatureState(f: { source: string; id: number }): Record<string, number | undefined> };
        __emsMapStats: { ems: { backup: { cells: number } | null; calls: { cells: number } | null } };
      };
      const { dataset, result } = w.__emsState();
      const base = w.__emsMapStats.ems[expected]!.cells;
      const steps = [1, 3, 10, 30];
      let wrong = 0;
      for (let i = 0; i < dataset.population.length; i++) {
        let want: number;
        if (expected === 'backup') want = Math.min(2, result.inRange[i]);
        else {
          const c = dataset.calls!.perCell[i];
          want = c > 0 ? 1 + steps.filter((s) => c > s).length : 0;
        }
        if ((w.__emsMap.getFeatureState({ source: 'cells', id: i })[key] ?? base) !== want) wrong++;
      }
      return { cells: dataset.population.length, wrong };
    },
    { key, expected },
  );
}

describe('EMS measures end to end', () => {
  it('imports the generated call file through the calls tab, naming its bad rows, and weighs coverage by calls', async () => {
    const { page } = await shared.get();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-tab-calls').click();
    await page.getByTestId('call-file').setInputFiles({ name: path.basename(CALLS), mimeType: 'text/csv', buffer: readFileSync(CALLS) });
    await page.getByTestId('call-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('call-summary').getAttribute('data-synthetic')).toBe('true');
    expect(await page.getByTestId('problem-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('problem-row').first().getAttribute('data-row')).toMatch(/^\d+$/);
    await page.getByTestId('import-close').click();
    await waitCurrent(page, 60_000);
    const ems = await workerEms(page);
    expect(ems.calls.source).toBe('imported');
    expect(ems.calls.synthetic).toBe(true);
    const hasCalls = await page.evaluate(() => (window as unknown as { __emsState: () => { dataset: { calls?: { perCell: ArrayLike<number> } | null } } }).__emsState().dataset.calls?.perCell.length ?? -1);
    expect(hasCalls, 'the dataset on the page carries its calls per cell').toBeGreaterThan(0);
    for (const id of ['rules', 'ems']) {
      const button = page.getByTestId(`${id}-section`).locator('.panel-heading button').first();
      if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
    }
    // calls beside residents: the call-weighted coverage shows with the demand weight "both"
    await page.getByTestId('ems-demand-both').check();
    await waitCurrent(page, 60_000);
    await page.getByTestId('ems-call-coverage').waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('[data-testid="ems-workload-chart"][data-current="true"]').waitFor({ state: 'attached', timeout: 30_000 });
  });

  it('the backup and call density layers draw every cell as the result and the calls say', async () => {
    const { page } = await shared.get();
    await page.getByTestId('layer-backup').check();
    await page.getByTestId('layer-calls').check();
    await page.waitForFunction(() => {
      const s = (window as unknown as { __emsMapStats: { ems?: { backup: unknown; calls: unknown } } }).__emsMapStats.ems;
      return s?.backup != null && s.calls != null;
    });
    await waitMapIdle(page);
    for (const [key, what] of [['b', 'backup'], ['k', 'calls']] as const) {
      const d = await wrongCells(page, key, what);
      expect(d.cells).toBeGreaterThan(1000);
      expect(d.wrong, what).toBe(0);
    }
    await screenshot(page, 'ems-backup-calls-zh');
    await page.getByTestId('layer-backup').uncheck();
    await page.getByTestId('layer-calls').uncheck();
  });

  it('a stroke centre set on a station card draws the hospital transport layer for the update on screen, with its legend', async () => {
    const { page } = await shared.get();
    const id = await page.evaluate(() => (window as unknown as { __emsState: () => { stations: { id: string; status: string; county?: string }[] } }).__emsState().stations.find((s) => s.status === 'existing' && s.county === '350525')!.id);
    await page.getByTestId(`station-details-${id}`).click();
    await page.getByTestId('station-centre-has-stroke').check();
    await page.waitForFunction(
      (id) => (window as unknown as { __emsState: () => { stations: { id: string; capabilities?: string[] }[] } }).__emsState().stations.find((s) => s.id === id)?.capabilities?.includes('stroke') === true,
      id,
      { timeout: 10_000 },
    );
    await page.keyboard.press('Escape');
    await waitCurrent(page, 60_000);
    await screenshot(page, 'ems-hospital-set-zh');
    await page.getByTestId('layer-hospital').check();
    await page.waitForFunction(() => {
      const w = window as unknown as { __emsMapStats: { ems?: { hospitalDrawn: { seq: number } | null } }; __emsState: () => { result: { seq: number } } };
      return w.__emsMapStats.ems?.hospitalDrawn?.seq === w.__emsState().result.seq;
    }, null, { timeout: 60_000 });
    expect(await page.getByTestId('hospital-capability').inputValue()).toBe('stroke');
    await waitMapIdle(page);
    await screenshot(page, 'ems-hospital-zh');
    const ems = await workerEms(page);
    expect(ems.hospitals.map((h) => h.capability)).toContain('stroke');
  });

  it('the township CSV and XLSX carry the calls, shares within target and minutes the worker computed', async () => {
    const { page } = await shared.get();
    const heading = page.getByTestId('scenario-section').locator('h2 button');
    if ((await heading.getAttribute('aria-expanded')) !== 'true') await heading.click();
    const ems = await workerEms(page);
    const csv = Papa.parse<string[]>((await download(page, 'export-township-csv')).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const header = csv[0];
    const col = (name: string) => header.indexOf(name);
    expect(col('呼叫量')).toBeGreaterThan(0);
    expect(col('目标时间内呼叫占比(%)')).toBeGreaterThan(0);
    const total = csv[csv.length - 1];
    expect(Number(total[col('呼叫量')])).toBe(Math.round(ems.fractiles.region.calls!.weight * 10) / 10);
    expect(Number(total[col('目标时间内呼叫占比(%)')])).toBe(Math.round(ems.fractiles.region.calls!.withinTarget * 10_000) / 100);
    const sheets = await readXlsxFile(await download(page, 'export-township-xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual(['各乡镇覆盖', '站点工作量', '送院时间', '说明']);
    const workload = sheets[1].data;
    expect(workload.length - 1).toBe(ems.workload.length);
    expect(workload[1].slice(0, 2)).toEqual([ems.workload[0].id, ems.workload[0].name]);
  });
});
