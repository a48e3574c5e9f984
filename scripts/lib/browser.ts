/**
 * Headless Chromium for the browser tests and the browser benchmark: launching
 * Debian's chromium through playwright-core with software WebGL, building and
 * serving the app with Vite's preview server, and watching a page for console
 * problems and requests that leave localhost.
 */
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type ConsoleMessage, type Page, type Request } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * WebGL without a GPU: ANGLE on SwiftShader (software Vulkan). Chromium 150 on
 * Debian also falls back to it without flags, but the automatic fallback is
 * deprecated (Chrome 137+ wants `--enable-unsafe-swiftshader` to allow it), so
 * both are named explicitly.
 */
export const WEBGL_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  ...WEBGL_FLAGS,
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A port nobody listens on right now (the preview server may still move on if it is taken meanwhile). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServedApp {
  /** Base URL ending in '/', e.g. http://127.0.0.1:41234/ */
  url: string;
  outDir: string;
  buildMs: number;
  close(): Promise<void>;
}

/**
 * Builds the app (or another Vite project at `root`) into `outDir` (default
 * test-results/e2e-dist, so a developer's dist/ is left alone) and serves it
 * with `vite preview` on a free localhost port.
 */
export async function buildAndServe(options: { outDir?: string; quiet?: boolean; root?: string } = {}): Promise<ServedApp> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? path.join(ROOT, 'test-results', 'e2e-dist');
  const logLevel = options.quiet === false ? 'info' : 'warn';
  const started = performance.now();
  // vitest sets NODE_ENV=test, and Vite would then bundle React's development
  // build (StrictMode double effects, slower): build exactly what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel, build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const buildMs = performance.now() - started;
  const port = await freePort();
  const server: PreviewServer = await preview({
    root,
    logLevel,
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  return {
    url: url.endsWith('/') ? url : `${url}/`,
    outDir,
    buildMs,
    close: () => server.close(),
  };
}

export function isLocalUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'ws:' && u.protocol !== 'wss:') return false;
  return u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
}

/** Console lines Chromium's software GL prints on its own; not the app's problem. */
const BENIGN_CONSOLE = [/GL Driver Message/, /GPU stall due to ReadPixels/, /Automatic fallback to software WebGL/];

export interface PageProblems {
  errors: string[];
  warnings: string[];
  /** Requests that failed or answered ≥ 400 (local), as "METHOD url: reason". */
  failedRequests: string[];
  /** Requests to anything but localhost (blocked: the app must work offline). */
  externalRequests: string[];
}

export interface PageWatch extends PageProblems {
  /** Every console line seen (any type), for debugging a failing test. */
  log: string[];
  /** A short multi-line summary of the problems, '' when there are none. */
  summary(): string;
  clear(): void;
}

/**
 * Watches a page (and its workers): console errors and warnings, uncaught
 * exceptions, failed requests. Requests that leave localhost are aborted, as
 * if the machine were offline, and recorded.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = {
    errors: [],
    warnings: [],
    failedRequests: [],
    externalRequests: [],
    log: [],
    summary() {
      const parts: string[] = [];
      if (watch.errors.length) parts.push(`console errors:\n  ${watch.errors.join('\n  ')}`);
      if (watch.warnings.length) parts.push(`console warnings:\n  ${watch.warnings.join('\n  ')}`);
      if (watch.failedRequests.length) parts.push(`failed requests:\n  ${watch.failedRequests.join('\n  ')}`);
      if (watch.externalRequests.length) parts.push(`non-localhost requests:\n  ${watch.externalRequests.join('\n  ')}`);
      return parts.join('\n');
    },
    clear() {
      watch.errors.length = 0;
      watch.warnings.length = 0;
      watch.failedRequests.length = 0;
      watch.externalRequests.length = 0;
      watch.log.length = 0;
    },
  };
  const seen = new WeakSet<ConsoleMessage>();
  const onConsole = (where: string) => (msg: ConsoleMessage) => {
    if (seen.has(msg)) return;
    seen.add(msg);
    const loc = msg.location();
    const text = `${where}${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`;
    watch.log.push(`${msg.type()}: ${text}`);
    if (BENIGN_CONSOLE.some((re) => re.test(msg.text()))) return;
    if (msg.type() === 'error' || msg.type() === 'assert') watch.errors.push(text);
    else if (msg.type() === 'warning') watch.warnings.push(text);
  };
  page.on('console', onConsole(''));
  page.on('worker', (w) => w.on('console', onConsole('[worker] ')));
  page.on('pageerror', (e) => watch.errors.push(`uncaught: ${e.stack ?? e.message}`));
  page.on('requestfailed', (r: Request) => {
    if (!isLocalUrl(r.url())) return; // recorded by the route below
    watch.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) watch.failedRequests.push(`${r.request().method()} ${r.url()}: HTTP ${r.status()}`);
  });
  page.on('request', (r) => {
    if (!isLocalUrl(r.url())) watch.externalRequests.push(`${r.method()} ${r.url()}`);
  });
  await page.context().route((url) => !isLocalUrl(url.href), (route) => route.abort('internetdisconnected'));
  return watch;
}

/** Waits until the map has drawn everything it has (style and sources loaded, not moving); returns the page's time then (ms). */
export async function waitMapIdleAt(page: Page, timeout = 120_000): Promise<number> {
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __emsMap?: { loaded(): boolean; isMoving(): boolean; isStyleLoaded(): boolean } }).__emsMap;
      return !!m && m.isStyleLoaded() && m.loaded() && !m.isMoving();
    },
    undefined,
    { timeout, polling: 'raf' },
  );
  return page.evaluate(() => performance.now());
}
