/**
 * Browser benchmark of the built app in headless Chromium (software WebGL):
 *   - navigation → first figures (results-panel data-ready), median of fresh page loads, and on each
 *     fresh page the switch to 泉州市 → its figures;
 *   - drag latency: pointer move on a station → results-panel data-seq changing,
 *     median over ~30 moves, for 永春县 and for all of Quanzhou;
 *   - production bundle size (JS raw and gzip, CSS, data assets);
 *   - the whole city (泉州市): a station toggle → its figures (median), a
 *     10-step drag until the drop's figures are shown, and the first visit
 *     against a revisit (永春县 → 泉州市 → 永春县 → 泉州市), each beside the
 *     same figure of the baseline commit (BENCH_BASELINE_REF, default 5552373, the last commit before this work,
 *     built from `git archive` in a temporary folder) measured in the same run.
 *   npm run bench:browser   (BENCH_LOADS=5, BENCH_MOVES=30, BENCH_TOGGLES=6, BENCH_BASELINE_REF=5552373; "none" skips the baseline; BENCH_ONLY=city for these alone, =load for the page loads alone; BENCH_DEBUG=1 prints the paced drag's move and result times)
 * Prints one line per figure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launchBrowser, ROOT, waitMapIdleAt, watchPage, type ServedApp } from './lib/browser.ts';
import { measureCity, type CityFigures } from './lib/bench-city.ts';
import { measureLargeOpen } from './lib/bench-large-region.ts';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const MOVES = Number(process.env.BENCH_MOVES ?? 30);
/** Today's path: the last commit before the whole-city work (issue 11, item 10), now that main holds that work. */
const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? '5552373';
const DRAG_STATION = 'yc-dapu';

/** In-page probes, installed before any app script runs: ready time, data-seq change times, pointer move times. */
const PROBE = `(() => {
  const b = (window.__bench = { readyAt: null, currentAt: null, seqs: [], moves: [] });
  addEventListener('pointermove', () => b.moves.push(performance.now()), true);
  const check = () => {
    const el = document.querySelector('[data-testid="results-panel"]');
    if (!el) return;
    const now = performance.now();
    if (b.readyAt === null && el.getAttribute('data-ready') === 'true' && document.querySelector('[data-testid="headline-covered"]')) b.readyAt = now;
    // every figure of the scenario current (the gap areas and EMS figures follow a headline-first answer)
    if (b.currentAt === null && b.readyAt !== null && el.getAttribute('data-current') !== 'false') b.currentAt = now;
    const s = Number(el.getAttribute('data-seq'));
    if (b.seqs.length === 0 || b.seqs[b.seqs.length - 1].seq !== s) b.seqs.push({ seq: s, t: now });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-seq', 'data-ready', 'data-current'] });
})();`;

interface Bench {
  readyAt: number | null;
  currentAt: number | null;
  seqs: { seq: number; t: number }[];
  moves: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const watch = await watchPage(page);
  page.on('close', () => {
    if (watch.errors.length || watch.externalRequests.length) console.error(`(page problems)\n${watch.summary()}`);
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

const bench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);

const waitMapIdle = (page: Page) => waitMapIdleAt(page, 120_000);

/** One page load: navigation → first figures, DOMContentLoaded, map idle (ms); then, on the same fresh page, the switch to all of Quanzhou → its figures (ms). */
async function measureLoad(browser: Browser, url: string): Promise<{ ready: number; current: number; idle: number; dcl: number; toCity: number }> {
  const page = await newPage(browser, url);
  await page.waitForFunction(() => (window as unknown as { __bench: Bench }).__bench.currentAt !== null, undefined, { timeout: 120_000, polling: 50 });
  const { readyAt: ready, currentAt: current } = await bench(page);
  const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
  const idle = await waitMapIdle(page).catch(() => NaN);
  const toCity = await switchToCity(page);
  await page.context().close();
  return { ready: ready!, current: current!, idle, dcl, toCity };
}

/** The region list set to 泉州市 → the results panel ready with the city's population (ms). */
async function switchToCity(page: Page): Promise<number> {
  const popBefore = await page.getByTestId('headline-population').getAttribute('data-value');
  const t0 = Date.now();
  await page.getByTestId('region-select').selectOption('350500');
  await page.waitForFunction(
    (pop) => {
      const el = document.querySelector('[data-testid="headline-population"]');
      const panel = document.querySelector('[data-testid="results-panel"]');
      return !!el && panel?.getAttribute('data-ready') === 'true' && el.getAttribute('data-value') !== pop;
    },
    popBefore,
    { timeout: 180_000, polling: 50 },
  );
  return Date.now() - t0;
}

function stationLngLat(id: string): [number, number] {
  const facilities = JSON.parse(readFileSync(path.join(ROOT, 'data/facilities.json'), 'utf8')) as { id: string; lng: number; lat: number }[];
  const f = facilities.find((s) => s.id === id);
  if (!f) throw new Error(`No facility ${id} in data/facilities.json`);
  return [f.lng, f.lat];
}

/** Mouse down on the station, then MOVES small moves, each waiting for the next data-seq; latency from the pointermove event to the data-seq change. */
async function measureDrag(page: Page, id: string, lngLat: [number, number]): Promise<{ latencies: number[]; misses: number }> {
  await waitMapIdle(page);
  // the station must be drawn at its pixel, or the press pans the map instead
  await page.waitForFunction(
    ({ id, lng, lat }) => {
      const m = (window as unknown as {
        __emsMap: { project(p: [number, number]): { x: number; y: number }; queryRenderedFeatures(p: [number, number]): { properties?: Record<string, unknown> | null }[]; isMoving(): boolean };
      }).__emsMap;
      if (m.isMoving()) return false;
      const p = m.project([lng, lat]);
      return m.queryRenderedFeatures([p.x, p.y]).some((f) => f.properties?.id === id);
    },
    { id, lng: lngLat[0], lat: lngLat[1] },
    { timeout: 60_000, polling: 100 },
  );
  const p = await page.evaluate(
    ([lng, lat]) => {
      const m = (window as unknown as { __emsMap: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }).__emsMap;
      const q = m.project([lng, lat]);
      const r = m.getContainer().getBoundingClientRect();
      return { x: r.left + q.x, y: r.top + q.y };
    },
    lngLat as [number, number],
  );
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.waitForTimeout(100);
  const latencies: number[] = [];
  let misses = 0;
  let x = p.x;
  for (let i = 0; i < MOVES; i++) {
    const b0 = await bench(page);
    const lastSeq = b0.seqs[b0.seqs.length - 1]?.seq ?? 0;
    const movesBefore = b0.moves.length;
    x += i < MOVES / 2 ? 6 : -6;
    await page.mouse.move(x, p.y + (i % 2 ? 3 : -3));
    try {
      await page.waitForFunction((s) => (window as unknown as { __bench: Bench }).__bench.seqs.some((e) => e.seq > s), lastSeq, { timeout: 5_000, polling: 'raf' });
    } catch {
      misses++;
      continue;
    }
    const b1 = await bench(page);
    const moveAt = b1.moves[movesBefore];
    const seqAt = b1.seqs.find((e) => e.seq > lastSeq)!.t;
    if (moveAt !== undefined) latencies.push(seqAt - moveAt);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  return { latencies, misses };
}

/** JS the page loads before anything else: the scripts index.html names (module + preloads); the rest loads on demand. */
function initialJs(outDir: string): { raw: number; gz: number; files: number } {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const named = [...new Set([...html.matchAll(/assets\/[^"']+\.js/g)].map((m) => m[0]))];
  // the entry loads the app proper at once (a dynamic import, so the worker starts first): its chunks count as loaded at start
  const loadedByEntry = named.flatMap((f) => [...(readFileSync(path.join(outDir, f), 'utf8').match(/__vite__mapDeps=[^\]]*\]/)?.[0].matchAll(/assets\/[^"'`]+\.js/g) ?? [])].map((m) => m[0]));
  const files = [...new Set([...named, ...loadedByEntry])];
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(outDir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz, files: files.length };
}

function bundleSizes(outDir: string) {
  const dir = path.join(outDir, 'assets');
  let jsRaw = 0;
  let jsGz = 0;
  let cssRaw = 0;
  let cssGz = 0;
  let dataRaw = 0;
  let dataGz = 0;
  let jsFiles = 0;
  for (const f of readdirSync(dir)) {
    const file = path.join(dir, f);
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (f.endsWith('.js')) {
      jsRaw += bytes.length;
      jsGz += gz;
      jsFiles++;
    } else if (f.endsWith('.css')) {
      cssRaw += bytes.length;
      cssGz += gz;
    } else if (/\.(csv|json|geojson|bin|pbf)$/.test(f)) {
      dataRaw += statSync(file).size;
      dataGz += gz;
    }
  }
  return { jsRaw, jsGz, jsFiles, cssRaw, cssGz, dataRaw, dataGz };
}

async function main() {
  const app = await buildAndServe({ outDir: path.join(ROOT, 'test-results', 'bench-dist') });
  const browser = await launchBrowser();
  let baseline: { app: ServedApp; commit: string; dir: string } | null = null;
  try {
    console.log(`browser bench: ${browser.version()} headless, software WebGL (SwiftShader); build ${fmt(app.buildMs)}; ${app.url}`);
    // BENCH_ONLY=city: the whole-city figures alone (with their baseline); =large: the large region alone
    if (process.env.BENCH_ONLY === 'large') {
      await measureLargeRegion(browser, app);
      return;
    }
    baseline = await serveBaseline(app);
    // BENCH_ONLY=load: the page loads (first figures, switch to 泉州市) alone, with their baseline
    if (process.env.BENCH_ONLY === 'load') {
      await measureLoads(browser, app, baseline);
      return;
    }
    if (process.env.BENCH_ONLY !== 'city') await measureEverythingElse(browser, app, baseline);
    if (process.env.BENCH_ONLY !== 'city') await measureLargeRegion(browser, app);

    const city = await measureCity(browser, app.url);
    const before = baseline ? await measureCity(browser, baseline.app.url) : null;
    printCity(city, before, baseline?.commit ?? null);
  } finally {
    await browser.close();
    await app.close();
    if (baseline) {
      await baseline.app.close();
      rmSync(baseline.dir, { recursive: true, force: true });
    }
  }
}

/** A synthetic region of BENCH_LARGE_CELLS cells (default 1,000,000): opened from its pack, beside the same region from files. */
async function measureLargeRegion(browser: Browser, app: ServedApp) {
  const cells = Number(process.env.BENCH_LARGE_CELLS ?? 1_000_000);
  const { syntheticRegion } = await import('./lib/synthetic-region.ts');
  const { writeRegionPack } = await import('../src/io/region/pack-write.ts');
  const region = syntheticRegion(cells);
  const pack = Buffer.from(writeRegionPack(region));
  const lines = ['h3,population'];
  for (let i = 0; i < region.cells.h3.length; i++) lines.push(`${region.cells.h3[i]},${region.cells.population[i]}`);
  const population = Buffer.from(`${lines.join('\n')}\n`);
  const zones = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: region.zoneOutlines.map((f, i) => ({ type: 'Feature', properties: { name: region.zones[i].name, code: region.zones[i].code }, geometry: f.geometry })) }));
  const fromPack = await measureLargeOpen(browser, app.url, { pack });
  const fromFiles = process.env.BENCH_LARGE_FILES === '0' ? null : await measureLargeOpen(browser, app.url, { zones, population });
  console.log(
    `synthetic region of ${cells.toLocaleString('en-US')} cells (${(pack.length / 1e6).toFixed(1)} MB pack), opened in the region dialog → current figures: ${fmt(fromPack.figuresMs)}, browser memory +${fromPack.peakMb.toFixed(0)} MB; target ≤ 5,000 ms, ≤ 1,024 MB` +
      (fromFiles ? ` | the same region from files (H3 CSV ${(population.length / 1e6).toFixed(0)} MB + zones GeoJSON): ${fmt(fromFiles.figuresMs)}, +${fromFiles.peakMb.toFixed(0)} MB | ${(fromFiles.figuresMs / fromPack.figuresMs).toFixed(1)}× faster` : ''),
  );
}

/** Fresh page loads of this build and of the baseline, taken in turn so both meet the same machine: first figures, and the switch to 泉州市 on each. */
async function measureLoads(browser: Browser, app: ServedApp, baseline: { app: ServedApp; commit: string } | null) {
  const loads = { ready: [] as number[], current: [] as number[], idle: [] as number[], dcl: [] as number[], toCity: [] as number[] };
  const old = { ready: [] as number[], current: [] as number[], idle: [] as number[], dcl: [] as number[], toCity: [] as number[] };
  for (let i = 0; i < LOADS; i++) {
    for (const [into, url] of [[loads, app.url], ...(baseline ? [[old, baseline.app.url] as const] : [])] as const) {
      const one = await measureLoad(browser, url);
      for (const key of ['ready', 'current', 'idle', 'dcl', 'toCity'] as const) into[key].push(one[key]);
    }
  }
  const beside = (now: number[], before: number[]) =>
    `median ${fmt(median(now))}` + (baseline ? ` (baseline ${baseline.commit}: ${fmt(median(before))}, ${(median(before) / median(now)).toFixed(1)}× faster)` : '') + ` (n=${now.length}; ${now.map((v) => v.toFixed(0)).join(', ')})`;
  console.log(`first figures (navigation → results-panel data-ready), 永春县: ${beside(loads.ready, old.ready)}; target ≤ 1,000 ms`);
  console.log(`every figure current (gap areas and EMS figures too), 永春县: ${beside(loads.current, old.current)}`);
  console.log(`DOMContentLoaded (bundle fetched and run), 永春县: ${beside(loads.dcl, old.dcl)}`);
  console.log(`map idle after navigation, 永春县: ${beside(loads.idle, old.idle)}`);
  console.log(`region switch 永春县 → 泉州市 (all of Quanzhou) → figures, on a fresh page: ${beside(loads.toCity, old.toCity)}; target ≤ 1,500 ms`);
}

/** Page loads, drag latency in 永春县 and 泉州市, bundle sizes. */
async function measureEverythingElse(browser: Browser, app: ServedApp, baseline: { app: ServedApp; commit: string } | null) {
  {
    await measureLoads(browser, app, baseline);

    const lngLat = stationLngLat(DRAG_STATION);
    const page = await newPage(browser, app.url);
    await page.waitForFunction(() => (window as unknown as { __bench: Bench }).__bench.currentAt !== null, undefined, { timeout: 120_000 });
    const yc = await measureDrag(page, DRAG_STATION, lngLat);
    console.log(`drag update latency (pointermove → data-seq), 永春县, ${DRAG_STATION}: median ${fmt(median(yc.latencies))} (n=${yc.latencies.length}, no update: ${yc.misses})`);

    console.log(`region switch to all of Quanzhou (350500) after the 永春县 drag → figures: ${fmt(await switchToCity(page))}`);
    const qz = await measureDrag(page, DRAG_STATION, lngLat);
    console.log(`drag update latency (pointermove → data-seq), all Quanzhou, ${DRAG_STATION}: median ${fmt(median(qz.latencies))} (n=${qz.latencies.length}, no update: ${qz.misses})`);
    await page.context().close();

    const s = bundleSizes(app.outDir);
    console.log(`bundle JS (${s.jsFiles} files in assets/, incl. worker and on-demand chunks): ${kb(s.jsRaw)} raw, ${kb(s.jsGz)} gzip`);
    const first = initialJs(app.outDir);
    console.log(`JS loaded at start (${first.files} files: index.html's entry and the app chunks it loads at once; the worker and readers/exporters load on demand): ${kb(first.raw)} raw, ${kb(first.gz)} gzip`);
    console.log(`bundle CSS: ${kb(s.cssRaw)} raw, ${kb(s.cssGz)} gzip`);
    console.log(`data assets (csv/json/geojson): ${kb(s.dataRaw)} raw, ${kb(s.dataGz)} gzip`);
  }
}

/**
 * Builds and serves the baseline commit's app (today's path) from a plain copy of its files,
 * or null when there is none to compare with (BENCH_BASELINE_REF=none, or the same commit).
 */
async function serveBaseline(current: ServedApp): Promise<{ app: ServedApp; commit: string; dir: string } | null> {
  if (BASELINE_REF === 'none') return null;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
  const commit = git('rev-parse', '--short', BASELINE_REF);
  if (commit === git('rev-parse', '--short', 'HEAD') && git('status', '--porcelain', '--', 'src') === '') {
    console.log(`(no baseline: ${BASELINE_REF} is the commit under test)`);
    return null;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ems-bench-baseline-'));
  execFileSync('bash', ['-c', `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: ROOT });
  // the baseline's own dependencies when they differ from today's (e.g. jspdf, since removed)
  const sameLock = readFileSync(path.join(dir, 'package-lock.json'), 'utf8') === readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');
  if (sameLock) symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  else {
    // without the npm_* settings of the `npm run` that started this bench (they would steer the install)
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--include=dev'], { cwd: dir, stdio: 'ignore', env });
  }
  const app = await buildAndServe({ root: dir, outDir: path.join(dir, 'dist') });
  console.log(`baseline: ${BASELINE_REF} (${commit}) built in ${fmt(app.buildMs)}; ${app.url} (this build: ${current.url})`);
  return { app, commit, dir };
}

function printCity(now: CityFigures, before: CityFigures | null, commit: string | null) {
  const beside = (value: number, old: number | undefined) =>
    old === undefined ? fmt(value) : `${fmt(value)} (baseline ${commit}: ${fmt(old)}, ${(old / value).toFixed(1)}× faster)`;
  const list = (xs: number[]) => xs.map((v) => v.toFixed(0)).join(', ');
  console.log(
    `泉州市 station toggle (${now.toggleStation}) → figures (click → results-panel data-seq): median ${beside(median(now.toggles), before ? median(before.toggles) : undefined)}; target ≤ 300 ms (n=${now.toggles.length}: ${list(now.toggles)}${before ? `; baseline ${list(before.toggles)}` : ''})`,
  );
  console.log(
    `泉州市 10-step drag (${now.dragStation}) settled (10 moves of 6 px 50 ms apart, first pointermove → the drop's figures): median ${beside(now.dragSettled, before?.dragSettled)}; target ≤ 2,000 ms (n=${now.dragSettledRuns.length}: ${list(now.dragSettledRuns)}${before ? `; baseline ${list(before.dragSettledRuns)}` : ''})`,
  );
  if (now.paintFrameMs !== null) console.log(`泉州市 map paint → frame shown: mean ${fmt(now.paintFrameMs)} on this machine, so a drag repaints the cells at most every ${fmt(now.dragPaintMs ?? NaN)} (frame-pace.ts)`);
  console.log(
    `泉州市 drag one step at a time (pointermove → that step's figures): median ${beside(now.dragStepMedian, before?.dragStepMedian)} (steps without an update: ${now.dragMisses}${before ? `, baseline ${before.dragMisses}` : ''})`,
  );
  console.log(`泉州市 first visit (永春县 → 泉州市) → figures: ${beside(now.firstVisit, before?.firstVisit)}; target ≤ 1,500 ms; every figure current (gap areas, EMS figures) ${beside(now.firstVisitComplete, before?.firstVisitComplete)}; map idle ${beside(now.firstVisitIdle, before?.firstVisitIdle)}`);
  console.log(
    `泉州市 revisit (→ 永春县 → 泉州市) → figures: ${beside(now.revisit, before?.revisit)}, ${(now.revisit / now.firstVisit).toFixed(2)} of the first visit (target ≤ 1); map idle ${beside(now.revisitIdle, before?.revisitIdle)}`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
