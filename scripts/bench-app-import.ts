/**
 * Benchmark of a population import through the app in headless Chromium: a
 * raster of WorldPop 100 m size over 永春县 (960 × 504 px, Float32, DEFLATE
 * strips, nodata; as scripts/bench-import.ts makes it) chosen in the import
 * dialog and read in the worker. Prints one line a figure: time from choosing
 * the file to updated figures, progress updates seen, and how responsive the
 * main thread stayed meanwhile (longest gap between animation frames, long
 * tasks, and the latency of clicks on a panel button while importing), beside
 * the same measures with nothing running as the baseline.
 *   npx tsx scripts/bench-app-import.ts     (BENCH_RUNS=3 for more runs)
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticPopulation, WORLDPOP_100M_DEG, writeGeoTiff } from '../tests/helpers/fixtures-geotiff.ts';
import { buildAndServe, launchBrowser, ROOT, watchPage } from './lib/browser.ts';

const BBOX = [117.75, 25.18, 118.55, 25.6] as const;
const WIDTH = Math.round((BBOX[2] - BBOX[0]) / WORLDPOP_100M_DEG);
const HEIGHT = Math.round((BBOX[3] - BBOX[1]) / WORLDPOP_100M_DEG);
const NODATA = -99999;
/** Tab buttons of the import dialog: a click flips aria-selected, which the probe waits for (a cheap, pure UI reaction). */
const PROBES = ['[data-testid="import-tab-zones"]', '[data-testid="import-tab-population"]'];

interface Responsiveness {
  maxFrameGapMs: number;
  frames: number;
  longTasks: number;
  longestTaskMs: number;
}

/**
 * Starts recording animation frames and long tasks in the page, and the
 * moment the import's progress bar leaves the page (the worker answered).
 */
async function startWatch(page: Page): Promise<void> {
  // a string, not a function: tsx would wrap inner functions in a helper the page lacks
  await page.evaluate(`(() => {
    const b = (window.__bench = { frames: [performance.now()], tasks: [], barGoneAt: null, on: true });
    const tick = (now) => {
      if (!b.on) return;
      b.frames.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    let seen = false;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      if (bar) {
        seen = true;
        b.updates = Number(bar.getAttribute('data-updates'));
      } else if (seen && b.barGoneAt === null) b.barGoneAt = performance.now();
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-updates'] });
  })()`);
}

interface Recorded {
  frames: number[];
  tasks: [number, number][];
  barGoneAt: number | null;
  updates?: number;
}

async function stopWatch(page: Page): Promise<Recorded> {
  return page.evaluate(`(() => { window.__bench.on = false; return window.__bench; })()`) as Promise<Recorded>;
}

/** Frame gaps ending in (from, to] and long tasks starting in [from, to) of the page clock. */
function between(r: Recorded, from: number, to: number): Responsiveness {
  let maxGap = 0;
  let frames = 0;
  for (let i = 1; i < r.frames.length; i++) {
    if (r.frames[i] <= from || r.frames[i] > to) continue;
    maxGap = Math.max(maxGap, r.frames[i] - r.frames[i - 1]);
    frames++;
  }
  const tasks = r.tasks.filter(([start]) => start >= from && start < to);
  return { maxFrameGapMs: maxGap, frames, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)) };
}

let probe = 0;
/** One click on a dialog tab, from the Node side until the page shows it selected, ms. */
async function clickLatency(page: Page): Promise<number> {
  const sel = PROBES[probe++ % PROBES.length];
  const t0 = performance.now();
  await page.locator(sel).click();
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-selected') === 'true', sel, { polling: 'raf' });
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const f = (x: number, d = 0) => x.toFixed(d);

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 1);
  const pop = syntheticPopulation(WIDTH, HEIGHT, 'float32', NODATA, 2020);
  const tif = Buffer.from(writeGeoTiff({ width: WIDTH, height: HEIGHT, data: pop.data, west: BBOX[0], north: BBOX[3], pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG], nodata: NODATA, rowsPerStrip: 16, compression: 'deflate' }));
  const app = await buildAndServe({ outDir: path.join(ROOT, 'test-results', 'bench-dist') });
  const browser = await launchBrowser();
  console.log(`raster: ${WIDTH} × ${HEIGHT} px (${(WIDTH * HEIGHT).toLocaleString('en-US')} pixels), Float32 DEFLATE strips, ${(tif.byteLength / 1024 / 1024).toFixed(1)} MB, total ${Math.round(pop.total).toLocaleString('en-US')}; chromium headless, software WebGL; ${runs} run(s)`);
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      const watch = await watchPage(page);
      await page.goto(app.url);
      await page.locator('[data-testid="results-panel"][data-ready="true"]').waitFor();
      await page.waitForTimeout(1500);

      await page.getByTestId('import-open').click();
      await page.getByTestId('import-tab-population').click();
      // baseline: the same measures over 2 s with nothing running
      await startWatch(page);
      const idleClicks: number[] = [];
      const idleUntil = performance.now() + 2000;
      while (performance.now() < idleUntil) {
        idleClicks.push(await clickLatency(page));
        await page.waitForTimeout(100);
      }
      const idleRec = await stopWatch(page);
      const idle = between(idleRec, 0, Infinity);
      await page.getByTestId('import-tab-population').click();

      const seqBefore = Number(await page.getByTestId('results-panel').getAttribute('data-seq'));
      await startWatch(page);
      const pageT0 = (await page.evaluate('performance.now()')) as number;
      const t0 = performance.now();
      await page.getByTestId('population-file').setInputFiles({ name: 'yongchun_ppp_100m.tif', mimeType: 'image/tiff', buffer: tif });
      // probe clicks while the worker imports
      const busyClicks: number[] = [];
      const barGone = () => page.evaluate('window.__bench.barGoneAt !== null') as Promise<boolean>;
      while (!(await barGone())) {
        busyClicks.push(await clickLatency(page));
        await page.waitForTimeout(100);
      }
      await page.waitForFunction(
        (s) => {
          const panel = document.querySelector('[data-testid="results-panel"]');
          return panel?.getAttribute('data-ready') === 'true' && Number(panel.getAttribute('data-seq')) > s;
        },
        seqBefore,
        { polling: 'raf' },
      );
      const ms = performance.now() - t0;
      const rec = await stopWatch(page);
      const pageT1 = (await page.evaluate('performance.now()')) as number;
      // the worker's answer lands in the task that removes the bar: that task (store update, map cell layers rebuilt) belongs to the swap
      const answerAt = Math.min(rec.barGoneAt!, ...rec.tasks.filter(([start, d]) => start < rec.barGoneAt! && start + d + 2 >= rec.barGoneAt!).map(([start]) => start));
      const readMs = answerAt - pageT0;
      const busy = between(rec, pageT0, answerAt);
      const swap = between(rec, answerAt, pageT1);
      const updates = rec.updates ?? 0;
      if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ barGone: rec.barGoneAt! - pageT0, tasks: rec.tasks.map(([a, d]) => [Math.round(a - pageT0), Math.round(d)]) }));
      const population = Number(await page.getByTestId('headline-population').getAttribute('data-value'));
      if (await page.getByTestId('import-error').count()) throw new Error((await page.getByTestId('import-error').textContent()) ?? 'import failed');

      console.log(`run ${run + 1}: choose file → updated figures: ${f(ms)} ms (${f((WIDTH * HEIGHT) / (ms / 1000) / 1e6, 2)} M pixels/s)`);
      console.log(`run ${run + 1}: choose file → the worker's answer (raster read, grid and engine rebuilt in the worker): ${f(readMs)} ms`);
      console.log(`run ${run + 1}: progress updates seen by the app: ${updates} (the bar's count when it closed)`);
      console.log(`run ${run + 1}: headline population: ${f(population)} | raster total ${f(pop.total)} | ${((population / pop.total - 1) * 100).toFixed(4)} % off`);
      console.log(`run ${run + 1}: max gap between animation frames while the worker imports (includes Playwright putting the 1.7 MB file into the page): ${f(busy.maxFrameGapMs)} ms | idle baseline ${f(idle.maxFrameGapMs)} ms | ratio ${(busy.maxFrameGapMs / idle.maxFrameGapMs).toFixed(2)}`);
      console.log(`run ${run + 1}: long tasks (> 50 ms) on the main thread while the worker imports: ${busy.longTasks}, longest ${f(busy.longestTaskMs)} ms | idle baseline ${idle.longTasks}, longest ${f(idle.longestTaskMs)} ms`);
      console.log(`run ${run + 1}: after the import, swapping the dataset (map cell layers rebuilt, figures re-evaluated): max frame gap ${f(swap.maxFrameGapMs)} ms, long tasks ${swap.longTasks}, longest ${f(swap.longestTaskMs)} ms`);
      console.log(`run ${run + 1}: dialog-tab click latency while the worker imports: median ${f(median(busyClicks))} ms, max ${f(Math.max(...busyClicks))} ms (n=${busyClicks.length}) | idle baseline median ${f(median(idleClicks))} ms, max ${f(Math.max(...idleClicks))} ms (n=${idleClicks.length})`);
      if (watch.errors.length) console.log(`run ${run + 1}: console errors: ${watch.errors.join(' | ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
