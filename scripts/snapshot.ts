/**
 * Writes a meeting-ready map snapshot (PNG or PDF) headlessly, through the
 * production build in Chromium — the same page the app's export dialog makes.
 *   npm run snapshot -- --county 350525 --out yongchun.png
 *                       [--paper A4|A3] [--orientation landscape|portrait] [--dpi 150|300]
 *                       [--format png|pdf] [--title …] [--scenario …] [--footer …]
 *                       [--before-after] [--tables] [--lang zh-CN|en] [--viewport 1366x768]
 *                       [--calls calls.csv [--calls-crs gcj02]]   (imported as the app's calls tab does; the EMS page, with --tables, weighs them)
 * Exit code 0 on success, 2 on bad usage, 1 when the export fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAndServe, launchBrowser, ROOT } from './lib/browser.ts';
import { parseOptions, UsageError } from './lib/cli-options.ts';
import { writeRegionPack } from '../src/io/region/pack-write.ts';
import { resolveRegion } from './lib/demo-data.ts';
import { REGION_OPTION_SPECS, REGION_USAGE, regionFromOptions } from './lib/region-options.ts';
import { exportInPage, importCallsInPage, openForSnapshot } from './lib/snapshot-page.ts';
import { parseCrs, type Crs } from '../src/io/crs.ts';

const USAGE = `Usage: npm run snapshot -- (--county <adcode> | --pack <file> | --zones <file> --population <file>) --out <file.png|file.pdf> [options]
  --out <file>               where to write the snapshot
  --paper A4|A3              paper size (default A4)
  --orientation landscape|portrait   (default landscape)
  --dpi <n>                  resolution, e.g. 150 or 300 (default 300)
  --format png|pdf           default: from the --out extension, else png
  --title <text>             title (default "<region>急救站点覆盖分析")
  --scenario <text>          scenario name in the subtitle (default: existing + proposed stations)
  --footer <text>            footer line (default "内部规划资料，非正式出版地图")
  --before-after             two maps: without and with the proposed stations
  --tables                   add the township table and the gap areas: page 2 of the PDF,
                             or for PNG a second file <out>-page2.png (more pages for large regions)
  --lang zh-CN|en            page language (default zh-CN)
  --viewport <w>x<h>         browser window the view is fitted in (default 1366x768)
${REGION_USAGE}
  --help                     this text`;


function demoRegionId(value: string): string {
  try {
    return resolveRegion(value).id;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function viewportOf(value: string | undefined): { width: number; height: number } {
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(value ?? '1366x768');
  if (!m) throw new UsageError(`--viewport must look like 1366x768, got "${value}".`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** --calls-crs as the calls tab names it (checked already when the calls were read); undefined: from the file's headers. */
function callsCrs(value: string | undefined): Crs | undefined {
  return value === undefined ? undefined : (parseCrs(value) ?? undefined);
}

function parse(argv: string[]) {
  const parsed = parseOptions(argv, {
    ...REGION_OPTION_SPECS,
    out: { type: 'string' },
    paper: { type: 'string' },
    orientation: { type: 'string' },
    dpi: { type: 'string' },
    format: { type: 'string' },
    title: { type: 'string' },
    scenario: { type: 'string' },
    footer: { type: 'string' },
    'before-after': { type: 'boolean' },
    tables: { type: 'boolean' },
    lang: { type: 'string' },
    viewport: { type: 'string' },
    help: { type: 'boolean' },
  });
  const v = parsed.values;
  if (v.help) return null;
  if (!v.out) throw new UsageError('--out is required.');
  const format = v.format ?? (path.extname(v.out).toLowerCase() === '.pdf' ? 'pdf' : 'png');
  const language = v.lang ?? 'zh-CN';
  if (language !== 'zh-CN' && language !== 'en') throw new UsageError(`--lang must be zh-CN or en, got "${language}".`);
  // the page checks paper, orientation, dpi and texts and answers with a message naming the bad one
  const options: Record<string, unknown> = { format, paper: v.paper, orientation: v.orientation, dpi: v.dpi, title: v.title, scenario: v.scenario, footer: v.footer, beforeAfter: v['before-after'] === true, tables: v.tables === true };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  // a demo region alone opens in the app's region list; anything else is made into a pack served beside the app
  const own = v.pack !== undefined || v.zones !== undefined || v.population !== undefined || v.facilities !== undefined || v['h3-res'] !== undefined || v.roads !== undefined;
  if (!own && !v.county) throw new UsageError('Give --county (e.g. --county 350525), --pack <file>, or --zones and --population.');
  // calls are imported in the page, through the calls tab (packs do not store calls); read here first, so a bad file fails before the build
  const calls = v.calls !== undefined;
  if (calls && v.tables !== true) console.error('snapshot: --calls weighs the EMS page, which comes with --tables; the map page is the same with or without calls.');
  return { region: v.county && !own ? demoRegionId(v.county) : '', regionOptions: own || calls ? v : null, makePack: own, calls: calls ? v.calls : undefined, out: path.resolve(v.out), language: language as 'zh-CN' | 'en', viewport: viewportOf(v.viewport), options };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const t0 = performance.now();
  const outDir = path.join(ROOT, 'test-results', 'snapshot-dist');
  // the region of the user's files (or pack, or a demo region with a file replaced), opened in Node by the one region loader
  const own = args.regionOptions ? await regionFromOptions(args.regionOptions) : null;
  for (const warning of own?.warnings ?? []) console.error(`snapshot: ${warning}`);
  for (const note of own?.region.calls ? own.dataNotes.filter((line) => /^(SYNTHETIC calls|Calls):/.test(line)) : []) console.error(`snapshot: ${note}`);
  const app = await buildAndServe({ outDir });
  const pack = own && args.makePack ? 'snapshot-region.region.zip' : undefined;
  // a region that is not the user's own (e.g. a demo region with a file replaced) gets a user id, so the page tells it from the demo
  if (own && pack) writeFileSync(path.join(outDir, pack), writeRegionPack(own.region.id.startsWith('user-') ? own.region : { ...own.region, id: `user-${own.region.id}` }));
  const browser = await launchBrowser();
  try {
    const { page, watch } = await openForSnapshot(browser, app.url, { ...args, pack });
    let result;
    try {
      // the same file and reader as the check above, imported as the app's calls tab does: the figures weigh these calls
      if (args.calls) await importCallsInPage(page, { name: path.basename(args.calls), bytes: readFileSync(args.calls), crs: callsCrs(args.regionOptions?.['calls-crs']) });
      result = await exportInPage(page, args.options);
    } catch (e) {
      // the page's message, without Playwright's evaluate wrapper
      const message = (e as Error).message.replace(/^page\.evaluate: /, '').replace(/^\w*Error: /, '').split('\n')[0];
      console.error(`Snapshot failed: ${message}`);
      if (watch.errors.length) console.error(watch.summary());
      return 1;
    }
    writeFileSync(args.out, Buffer.from(result.base64, 'base64'));
    const ext = path.extname(args.out);
    const extra = result.extraFiles.map((f, i) => {
      const file = `${args.out.slice(0, args.out.length - ext.length)}-page${i + 2}${ext}`;
      writeFileSync(file, Buffer.from(f.base64, 'base64'));
      return path.relative(process.cwd(), file);
    });
    const o = result.options;
    console.log(
      `wrote ${path.relative(process.cwd(), args.out)}: ${o.format.toUpperCase()} ${result.width} × ${result.height} px (${o.paper} ${o.orientation}, ${o.dpi} dpi${o.beforeAfter ? ', before/after' : ''}), ` +
        `${(result.bytes / 1024 / 1024).toFixed(2)} MB, ${result.pageCount} page${result.pageCount > 1 ? 's' : ''}${extra.length ? ` (also ${extra.join(', ')})` : ''}; export ${(result.timings.totalMs / 1000).toFixed(2)} s, whole run ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await browser.close();
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
