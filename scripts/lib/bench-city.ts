/**
 * The whole-city figures of the browser benchmark, measured on one served
 * app: 永春县 → 泉州市 (first visit), station toggles in 泉州市, a 10-step drag
 * in 泉州市, then 永春县 → 泉州市 again (revisit). Every wait is for a
 * condition (a new data-seq on the results panel, the headline population of
 * the region, the map idle); times come from in-page probes, so they run from
 * the user's event to the DOM change that shows its figures.
 */
import type { Browser, Page } from 'playwright-core';
import { waitMapIdleAt } from './browser.ts';

const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 6);
const DRAG_STEPS = 10;
/** Hand drags measured; the figure is their median (one drag varies with what the page happened to be doing). */
const DRAG_RUNS = Number(process.env.BENCH_DRAG_RUNS ?? 5);
/** Time between the moves of a hand's drag: 10 moves of 6 px in half a second. */
const PACE_MS = 50;
const STATION = 'yc-dapu';
const CITY = '350500';
const YONGCHUN = '350525';

export interface CityFigures {
  toggleStation: string;
  dragStation: string;
  /** Click on the station's switch → results panel showing the next data-seq, ms. */
  toggles: number[];
  /** A hand's drag: DRAG_STEPS moves PACE_MS apart, then the drop; first pointermove → the drop's figures shown, ms (median of DRAG_RUNS drags). */
  dragSettled: number;
  dragSettledRuns: number[];
  /** The same drag one step at a time, each waiting for its own figures: median pointermove → figures of a step, ms. */
  dragStepMedian: number;
  /** Steps whose figures never came (within 20 s). */
  dragMisses: number;
  /** Region select change → the region's figures shown, and → the map idle, ms. */
  firstVisit: number;
  /** The first visit until every figure is current (gap areas, EMS figures): later than firstVisit when the figures come headline first. */
  firstVisitComplete: number;
  firstVisitIdle: number;
  revisit: number;
  revisitIdle: number;
  /** The map's measured paint → frame time and the drag repaint interval it chose (absent in builds without them). */
  paintFrameMs: number | null;
  dragPaintMs: number | null;
}

/**
 * In-page probe, installed before any app script: the time of every change
 * of the results panel (data-seq, data-ready, headline population), of
 * clicks and pointer moves, and of region select changes.
 */
const PROBE = `(() => {
  const b = (window.__city = { log: [], clicks: [], moves: [], changes: [] });
  addEventListener('pointermove', () => b.moves.push(performance.now()), true);
  addEventListener('click', () => b.clicks.push(performance.now()), true);
  addEventListener('change', (e) => { if (e.target && e.target.getAttribute && e.target.getAttribute('data-testid') === 'region-select') b.changes.push(performance.now()); }, true);
  const check = () => {
    const el = document.querySelector('[data-testid="results-panel"]');
    if (!el) return;
    const pop = document.querySelector('[data-testid="headline-population"]');
    const entry = { t: performance.now(), seq: Number(el.getAttribute('data-seq')), ready: el.getAttribute('data-ready') === 'true', current: el.getAttribute('data-current') !== 'false', pop: pop ? pop.getAttribute('data-value') : null };
    const last = b.log[b.log.length - 1];
    if (!last || last.seq !== entry.seq || last.ready !== entry.ready || last.current !== entry.current || last.pop !== entry.pop) b.log.push(entry);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-seq', 'data-ready', 'data-current', 'data-value'] });
})();`;

interface LogEntry {
  t: number;
  seq: number;
  ready: boolean;
  /**
   * data-current: the figures are those of the scenario on screen. A build
   * without the attribute (the baseline) counts as current: its drop is then
   * the first result after the release, which can only flatter the baseline.
   */
  current: boolean;
  pop: string | null;
}

interface Probe {
  log: LogEntry[];
  clicks: number[];
  moves: number[];
  changes: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __city: Probe }).__city);
const lastSeq = async (page: Page) => {
  const log = (await probe(page)).log;
  return log.length > 0 ? log[log.length - 1].seq : 0;
};

async function waitSeqAfter(page: Page, seq: number, timeout: number): Promise<LogEntry> {
  await page.waitForFunction((s) => (window as unknown as { __city: Probe }).__city.log.some((e) => e.seq > s), seq, { timeout, polling: 'raf' });
  return (await probe(page)).log.find((e) => e.seq > seq)!;
}

const waitMapIdle = (page: Page) => waitMapIdleAt(page, 300_000);

/** Switches region; times from the select's change event to the region's figures (ready, population of the region) and to the map idle. */
async function switchRegion(page: Page, region: string): Promise<{ figures: number; complete: number; idle: number; population: string }> {
  const before = await page.getByTestId('headline-population').getAttribute('data-value');
  const changes = (await probe(page)).changes.length;
  await page.getByTestId('region-select').selectOption(region);
  // the first figures (a headline-first answer), then every figure current (gap areas and EMS figures too)
  const shownAfter = (b: Probe, at: number, current: boolean) => b.log.find((e) => e.t >= at && e.ready && (!current || e.current) && e.pop !== null && e.pop !== before);
  for (const current of [false, true]) {
    await page.waitForFunction(
      ({ before, changes, current }) => {
        const b = (window as unknown as { __city: Probe }).__city;
        const at = b.changes[changes];
        return at !== undefined && b.log.some((e) => e.t >= at && e.ready && (!current || e.current) && e.pop !== null && e.pop !== before);
      },
      { before, changes, current },
      { timeout: 300_000, polling: 50 },
    );
  }
  const b = await probe(page);
  const at = b.changes[changes];
  const shown = shownAfter(b, at, false)!;
  const complete = shownAfter(b, at, true)!;
  const idle = await waitMapIdle(page);
  return { figures: shown.t - at, complete: complete.t - at, idle: idle - at, population: shown.pop! };
}

/**
 * Page pixel of the station where the map draws it now (read from the map's
 * stations source, so a station moved by an earlier drag is found), once it
 * is drawn there: else a press pans the map instead.
 */
async function stationPixel(page: Page, id: string): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const hit = await page.evaluate(async (id) => {
      type Feature = { geometry: { coordinates: [number, number] }; properties?: Record<string, unknown> | null };
      const m = (window as unknown as {
        __emsMap: {
          getSource(id: string): { getData(): Promise<{ features: Feature[] }> } | undefined;
          project(p: [number, number]): { x: number; y: number };
          queryRenderedFeatures(p: [number, number]): { properties?: Record<string, unknown> | null }[];
          isMoving(): boolean;
          getContainer(): HTMLElement;
        };
      }).__emsMap;
      const data = await m.getSource('stations')?.getData();
      const f = data?.features.find((g) => g.properties?.id === id);
      if (!f || m.isMoving()) return null;
      const q = m.project(f.geometry.coordinates);
      if (!m.queryRenderedFeatures([q.x, q.y]).some((g) => g.properties?.id === id)) return null;
      const r = m.getContainer().getBoundingClientRect();
      return { x: r.left + q.x, y: r.top + q.y };
    }, id);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`Station ${id} is not drawn on the map after 60 s.`);
    await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => done(true))));
  }
}

/** Toggles the station TOGGLES times (an even count leaves it as it was), each timed from the click to the next data-seq. */
async function measureToggles(page: Page, id: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < TOGGLES; i++) {
    await waitMapIdle(page);
    const seq = await lastSeq(page);
    const clicks = (await probe(page)).clicks.length;
    await page.getByTestId(`station-toggle-${id}`).click();
    const shown = await waitSeqAfter(page, seq, 60_000);
    const clickAt = (await probe(page)).clicks[clicks];
    times.push(shown.t - clickAt);
  }
  return times;
}

/** A drag of DRAG_STEPS moves of 6 px, each waiting for its figures: the latency of one step, as a user who drags slowly sees it. */
async function measureDragSteps(page: Page, id: string): Promise<{ stepMedian: number; misses: number }> {
  await waitMapIdle(page);
  const p = await stationPixel(page, id);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  const steps: number[] = [];
  let misses = 0;
  for (let i = 0; i < DRAG_STEPS; i++) {
    const seq = await lastSeq(page);
    const moves = (await probe(page)).moves.length;
    await page.mouse.move(p.x + 6 * (i + 1), p.y);
    try {
      const shown = await waitSeqAfter(page, seq, 20_000);
      steps.push(shown.t - (await probe(page)).moves[moves]);
    } catch {
      misses++;
    }
  }
  const seq = await lastSeq(page);
  await page.mouse.up();
  await waitSeqAfter(page, seq, 60_000);
  const sorted = steps.sort((a, b) => a - b);
  return { stepMedian: sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN, misses };
}

/**
 * A hand's drag: DRAG_STEPS moves of 6 px PACE_MS apart (the pace is the
 * user's, not a wait for a result), then the drop; first move → the drop's
 * figures. The app may skip intermediate positions; the drop's must come.
 */
async function measureDragSettled(page: Page, id: string, direction: 1 | -1): Promise<number> {
  await waitMapIdle(page);
  const p = await stationPixel(page, id);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  const movesBefore = (await probe(page)).moves.length;
  for (let i = 0; i < DRAG_STEPS; i++) {
    await page.mouse.move(p.x + direction * 6 * (i + 1), p.y);
    await page.waitForTimeout(PACE_MS);
  }
  const upAt = await page.evaluate(() => performance.now());
  await page.mouse.up();
  // the drop's figures: the first current result after the release (a step's result arriving late is not current)
  await page.waitForFunction((at) => (window as unknown as { __city: Probe }).__city.log.some((e) => e.t >= at && e.current && e.ready), upAt, { timeout: 60_000, polling: 'raf' });
  const b = await probe(page);
  const drop = b.log.find((e) => e.t >= upAt && e.current && e.ready)!;
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ moves: b.moves.slice(movesBefore).map((t) => Math.round(t - b.moves[movesBefore])), upAt: Math.round(upAt - b.moves[movesBefore]), log: b.log.filter((e) => e.t >= b.moves[movesBefore]).map((e) => [Math.round(e.t - b.moves[movesBefore]), e.seq, e.current]) }));
  return drop.t - b.moves[movesBefore];
}

/** All whole-city figures on a fresh page of the app at `url` (it opens on 永春县). */
export async function measureCity(browser: Browser, url: string): Promise<CityFigures> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'zh-CN', serviceWorkers: 'block' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`(page error) ${e.message}`));
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as { __city?: Probe }).__city?.log.some((e) => e.ready) ?? false, undefined, { timeout: 120_000, polling: 50 });
    await waitMapIdle(page);
    const first = await switchRegion(page, CITY);
    const toggles = await measureToggles(page, STATION);
    const steps = await measureDragSteps(page, STATION);
    // DRAG_RUNS hand drags, alternately left and right (the station ends near where it stood): their median
    const settled: number[] = [];
    for (let run = 0; run < DRAG_RUNS; run++) settled.push(await measureDragSettled(page, STATION, run % 2 === 0 ? -1 : 1));
    const dragSettled = median(settled);
    const pace = await page.evaluate(() => {
      const s = (window as unknown as { __emsMapStats?: { paintFrameMs?: number | null; dragPaintMs?: number } }).__emsMapStats;
      return { paintFrameMs: s?.paintFrameMs ?? null, dragPaintMs: s?.dragPaintMs ?? null };
    });
    await switchRegion(page, YONGCHUN);
    const again = await switchRegion(page, CITY);
    if (again.population !== first.population) throw new Error(`The revisit shows ${again.population} residents when the first visit showed ${first.population}.`);
    return {
      toggleStation: STATION,
      dragStation: STATION,
      toggles,
      dragSettled,
      dragSettledRuns: settled,
      dragStepMedian: steps.stepMedian,
      dragMisses: steps.misses,
      firstVisit: first.figures,
      firstVisitComplete: first.complete,
      firstVisitIdle: first.idle,
      revisit: again.figures,
      revisitIdle: again.idle,
      ...pace,
    };
  } finally {
    await context.close();
  }
}
