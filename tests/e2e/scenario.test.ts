/**
 * Scenarios that are never lost: undo/redo, autosave and restore on reload,
 * scenario files (saved, reloaded, and a damaged one refused), share links, the
 * pinned comparison, and the township CSV. The tests share one page while each
 * starts on the demo scenario; the first (undo) and the autosave test start in a
 * fresh browser context, so storage (the autosave) and the undo history are empty.
 */
import { readFileSync } from 'node:fs';
import { watchPage } from '../../scripts/lib/browser.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, cliReport, headline, launchBrowser, screenshot, seq, SharedApp, waitCurrent, waitForUpdate, waitReady, type Headline, type OpenedApp } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// one page passed from test to test while each starts on the demo scenario; a test that leaves another scenario marks it dirty, and the next one opens a fresh context
const shared = new SharedApp(() => browser);
beforeEach((ctx) => ctx.onTestFailed(() => shared.markDirty()));
afterAll(() => shared.close());

/** The shared page once its figures are those of the scenario on screen, its console record cleared: each test answers for its own steps. */
async function open(): Promise<OpenedApp> {
  const o = await shared.get();
  await waitCurrent(o.page);
  o.watch.clear();
  return o;
}

const counts = (h: Headline) => ({ population: h.population, covered: h.covered, marginal: h.marginal, gap: h.gap, within: h.within });

async function act(page: Page, action: () => Promise<void>): Promise<Headline> {
  const before = await seq(page);
  await action();
  await waitForUpdate(page, before);
  return headline(page);
}

async function openScenarioPanel(page: Page): Promise<void> {
  const heading = page.getByTestId('scenario-section').locator('h2 button');
  if ((await heading.getAttribute('aria-expanded')) !== 'true') await heading.click();
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

const toggled = (page: Page, id: string) => page.getByTestId(`station-toggle-${id}`).isChecked();

describe('undo and redo', () => {
  it('round-trips two station edits, by button and by Ctrl+Z', async () => {
    const { page, watch } = await open();
    await openScenarioPanel(page);
    const start = await headline(page);
    expect(await page.getByTestId('undo').isDisabled(), 'nothing to undo at first').toBe(true);
    const dapuOff = await act(page, () => page.getByTestId('station-toggle-yc-dapu').click());
    const bothOff = await act(page, () => page.getByTestId('station-toggle-yc-guiyang').click());
    expect(bothOff.covered).toBeLessThan(dapuOff.covered);

    const undone1 = await act(page, () => page.getByTestId('undo').click());
    expect(counts(undone1)).toEqual(counts(dapuOff));
    expect(await toggled(page, 'yc-guiyang')).toBe(true);
    // the keyboard shortcut, with focus on the page rather than a text field
    await page.locator('body').focus();
    const undone2 = await act(page, () => page.keyboard.press('Control+z'));
    expect(counts(undone2)).toEqual(counts(start));
    expect(await toggled(page, 'yc-dapu')).toBe(true);
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);

    const redone1 = await act(page, () => page.getByTestId('redo').click());
    expect(counts(redone1)).toEqual(counts(dapuOff));
    const redone2 = await act(page, () => page.keyboard.press('Control+y'));
    expect(counts(redone2)).toEqual(counts(bothOff));
    expect(await page.getByTestId('redo').isDisabled()).toBe(true);
    expect(watch.errors).toEqual([]);
    shared.markDirty();
  });
});

describe('autosave', () => {
  it('restores the scenario identically after a reload', async () => {
    const { page, watch } = await open();
    await openScenarioPanel(page);
    const off = await act(page, () => page.getByTestId('station-toggle-yc-guiyang').click());
    await page.getByTestId('scenario-name').fill('测试方案 <b>A</b>');
    // the name change is the last edit: wait for its own save (the store marks the autosave pending as the edit is made, saved when written)
    await page.waitForFunction(() => (window as unknown as { __emsState: () => { autosaveState: string } }).__emsState().autosaveState === 'saved', undefined, { polling: 25 });
    await expect.poll(() => page.getByTestId('autosave-status').textContent(), { timeout: 10_000 }).toMatch(/已自动保存/);

    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitReady(page);
    await openScenarioPanel(page);
    expect(counts(await headline(page)), 'figures after reload').toEqual(counts(off));
    expect(await toggled(page, 'yc-guiyang')).toBe(false);
    expect(await toggled(page, 'yc-dapu')).toBe(true);
    expect(await page.getByTestId('scenario-name').inputValue()).toBe('测试方案 <b>A</b>');
    expect(await page.getByTestId('scenario-notice').textContent()).toMatch(/已恢复/);
    await screenshot(page, 'scenario-restored');

    // back to the demo scenario: the autosave is forgotten
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('start-over').click();
    await expect.poll(async () => toggled(page, 'yc-guiyang'), { timeout: 20_000 }).toBe(true);
    expect(watch.errors).toEqual([]);
  });
});

describe('table exports', () => {
  it('the township CSV opens with a BOM, Chinese headers and the CLI\'s numbers', async () => {
    const cli = cliReport('350525');
    const { page } = await open();
    await openScenarioPanel(page);
    const csv = await download(page, 'export-township-csv');
    expect(csv.name).toMatch(/永春县.*\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/乡镇/);
    expect(lines[0]).toMatch(/人口/);
    const dapu = cli.zones.find((z) => z.name === '达埔镇')!;
    const row = lines.find((l) => l.includes('达埔镇'));
    expect(row, 'a row for 达埔镇').toBeDefined();
    expect(row).toContain(String(Math.round(dapu.population)));
    expect(row).toContain(String(Math.round(dapu.covered)));
    expect(text, "the modelled-population note").toMatch(/由普查总数与 WorldPop 2020（10 公里）模拟的人口/);

    const stations = await download(page, 'export-stations-geojson');
    const geo = JSON.parse(stations.bytes.toString('utf8')) as { features: { properties: { id: string } }[]; properties: { crs: string } };
    expect(geo.properties.crs).toMatch(/WGS84/);
    expect(geo.features.some((f) => f.properties.id === 'yc-dapu')).toBe(true);

    const gaps = await download(page, 'export-gaps-geojson');
    const gapFeatures = (JSON.parse(gaps.bytes.toString('utf8')) as { features: { geometry: { type: string }; properties: { population: number } }[] }).features;
    expect(gapFeatures.length).toBe(cli.gaps.length);
    expect(gapFeatures[0].properties.population).toBe(cli.gaps[0].population);
    expect(gapFeatures.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
  });
});

describe('scenario files', () => {
  it('saves a file that opens back to the same scenario', async () => {
    const { page } = await open();
    await openScenarioPanel(page);
    const start = await headline(page);
    const off = await act(page, () => page.getByTestId('station-toggle-yc-dapu').click());
    const saved = await download(page, 'save-scenario');
    expect(saved.name).toMatch(/^永春县.*\.json$/);
    const json = JSON.parse(saved.bytes.toString('utf8')) as { format: string; version: number; region: string; stations: { id: string; enabledStatus?: string; status: string }[] };
    expect(json.format).toBe('ems-coverage-scenario');
    expect(json.version).toBe(1);
    expect(json.region).toBe('350525');
    expect(json.stations.find((s) => s.id === 'yc-dapu')?.status).toBe('disabled');

    expect(counts(await act(page, () => page.getByTestId('station-toggle-yc-dapu').click()))).toEqual(counts(start));
    const reopened = await act(page, () => page.getByTestId('scenario-file').setInputFiles({ name: saved.name, mimeType: 'application/json', buffer: saved.bytes }));
    expect(counts(reopened)).toEqual(counts(off));
    expect(await toggled(page, 'yc-dapu')).toBe(false);
    // opening a file is one undoable step
    expect(counts(await act(page, () => page.getByTestId('undo').click()))).toEqual(counts(start));
  });

  it('refuses a damaged file or an unknown version with a clear message, leaving the scenario untouched', async () => {
    const { page, watch } = await open();
    await openScenarioPanel(page);
    const off = await act(page, () => page.getByTestId('station-toggle-yc-guiyang').click());
    const seqBefore = await seq(page);

    await page.getByTestId('scenario-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"ems-coverage-scenario","version":1,"stations":[') });
    const notice = page.getByTestId('scenario-notice');
    await expect.poll(() => notice.textContent()).toMatch(/broken\.json/);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toMatch(/当前方案未改变/);

    await page.getByTestId('scenario-file').setInputFiles({
      name: 'future.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'ems-coverage-scenario', version: 2, name: 'x', region: '350525', stations: [], rules: {} })),
    });
    await expect.poll(() => notice.textContent()).toMatch(/future\.json.*version 2/);
    await screenshot(page, 'scenario-file-refused');

    expect(await seq(page), 'no evaluation was asked for').toBe(seqBefore);
    expect(counts(await headline(page))).toEqual(counts(off));
    expect(await toggled(page, 'yc-guiyang')).toBe(false);
    expect(watch.errors).toEqual([]);
    shared.markDirty();
  });
});

describe('share link and comparison', () => {
  it('a share link opens the same scenario in a fresh browser', async () => {
    const a = await open();
    await openScenarioPanel(a.page);
    const off = await act(a.page, () => a.page.getByTestId('station-toggle-yc-dapu').click());
    await a.page.getByTestId('share-scenario').click();
    const link = await a.page.getByTestId('share-link').inputValue();
    expect(link.startsWith(baseUrl())).toBe(true);
    expect(link).toMatch(/#scenario=/);
    expect(link.length).toBeLessThan(8000);
    // the page that made the link is not passed on (it holds an edited scenario)
    await shared.close();

    // a fresh browser context (no autosave) that starts on the link itself
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const b = { page, watch: await watchPage(page), close: () => context.close() };
    await b.page.goto(link, { waitUntil: 'domcontentloaded' });
    await waitReady(b.page);
    await expect.poll(async () => counts(await headline(b.page)), { timeout: 20_000 }).toEqual(counts(off));
    expect(await toggled(b.page, 'yc-dapu')).toBe(false);
    expect(new URL(b.page.url()).hash, 'the link is consumed').toBe('');
    expect(b.watch.errors).toEqual([]);
    await b.close();
  });

  it('a pinned result stays beside the current one', async () => {
    const { page } = await open();
    await openScenarioPanel(page);
    const start = await headline(page);
    await page.getByTestId('pin-comparison').click();
    const off = await act(page, () => page.getByTestId('station-toggle-yc-guiyang').click());
    const table = page.getByTestId('comparison');
    await table.waitFor();
    expect(Number(await page.getByTestId('compare-covered-pinned').getAttribute('data-value'))).toBe(start.covered);
    expect(Number(await page.getByTestId('compare-covered-current').getAttribute('data-value'))).toBe(off.covered);
    expect(await table.textContent()).toMatch(/桂洋镇/);
    await screenshot(page, 'scenario-comparison');
    shared.markDirty();
  });
});
