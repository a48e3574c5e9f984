/**
 * Command-line coverage report on a demo region, a region pack, or the user's own files.
 *   npm run report -- --county 350525 [--format md|csv|json] [--without id,id]
 *   npm run report -- --zones towns.geojson --population pop.tif [--facilities stations.csv]
 *   npm run report -- --pack my.region.zip
 *   npm run report -- --zones towns.geojson --population pop.tif --roads fujian-latest.osm.pbf [--traffic peak] [--service-along-roads]
 *                     [--with id,id] [--rural-radius 10..20] [--minutes 15|14] [--cells]
 * Exit code 0 on success, 2 on bad usage or data.
 */
import { createEngine, proposedIds } from '../src/core/evaluate.ts';
import { buildReport } from '../src/export/report.ts';
import { cellsToCsv, zonesToCsv } from '../src/export/report-csv.ts';
import { reportToMarkdown } from '../src/export/report-markdown.ts';
import { loadPlaceNames } from '../src/i18n/place-name.ts';
import { idList, parseOptions, positiveNumber, rulesFrom, scenarioStations, UsageError } from './lib/cli-options.ts';
import { REGION_OPTION_SPECS, REGION_USAGE, regionFromOptions, withReachOptions } from './lib/region-options.ts';

const USAGE = `Usage: npm run report -- (--county <adcode> | --pack <file> | --zones <file> --population <file>) [options]
  --format md|csv|json   output format (default md); csv = per-township table, or per-cell with --cells
  --without <ids>        comma-separated station ids to leave out of the scenario
  --with <ids>           comma-separated ids of disabled stations to switch on (e.g. health centres)
  --rural-radius <km>    rural radius counted as covered, 10 (strict, default) to 20 (lenient)
  --minutes <min>        emergency circle minutes, 15 (default) or 14
  --cells                add per-cell rows
  --gaps <n>             gap groups listed in Markdown (default 10)
${REGION_USAGE}
  --help                 this text`;

async function main(argv: string[]): Promise<string> {
  const parsed = parseOptions(argv, {
    ...REGION_OPTION_SPECS,
    format: { type: 'string', default: 'md' },
    without: { type: 'string' },
    with: { type: 'string' },
    'rural-radius': { type: 'string' },
    minutes: { type: 'string' },
    cells: { type: 'boolean', default: false },
    gaps: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  const v = parsed.values;
  if (v.help) return `${USAGE}\n`;
  if (!['md', 'csv', 'json'].includes(v.format!)) throw new UsageError(`--format must be md, csv or json, got "${v.format}".`);
  const rules = withReachOptions(rulesFrom(v['rural-radius'], v.minutes), v);
  const topGaps = positiveNumber('--gaps', v.gaps, 10);
  const data = await regionFromOptions(v);
  for (const warning of data.warnings) process.stderr.write(`report: ${warning}\n`);
  const stations = scenarioStations(data.stations, idList(v.without), idList(v.with));
  const engine = createEngine(data.grid, { stations, rules }, undefined, data.roads);
  const report = buildReport(engine, {
    county: { code: data.region.id, name: data.region.name, counties: data.counties },
    stations,
    baselineWithout: proposedIds(engine.activeStations()),
    includeCells: v.cells!,
    bestSitesFor: topGaps,
    dataNotes: data.dataNotes,
    roads: data.region.roads ?? null,
    roadNetwork: data.roads,
    calls: data.region.calls ? { perCell: data.region.calls.perCell, years: data.region.calls.years, synthetic: data.region.calls.synthetic } : null,
  });
  if (v.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (v.format === 'csv') return v.cells ? cellsToCsv(report) : zonesToCsv(report);
  await loadPlaceNames(); // pinyin beside the Chinese place names
  return reportToMarkdown(report, topGaps);
}

try {
  process.stdout.write(await main(process.argv.slice(2)));
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`report: ${message}\n${e instanceof UsageError ? `\n${USAGE}\n` : ''}`);
  process.exitCode = 2;
}
