/**
 * Command-line coverage report on the embedded demo data.
 *   npm run report -- --county 350525 [--format md|csv|json] [--without id,id]
 *                     [--with id,id] [--rural-radius 10..20] [--minutes 15|14] [--cells]
 * Exit code 0 on success, 2 on bad usage or data.
 */
import { createEngine, proposedIds } from '../src/core/evaluate.ts';
import { buildReport } from '../src/export/report.ts';
import { cellsToCsv, zonesToCsv } from '../src/export/report-csv.ts';
import { reportToMarkdown } from '../src/export/report-markdown.ts';
import { loadPlaceNames } from '../src/i18n/place-name.ts';
import { idList, parseOptions, positiveNumber, rulesFrom, scenarioStations, UsageError } from './lib/cli-options.ts';
import { regionOfCounties, resolveCounties } from './lib/demo-data.ts';
import { loadReportData } from './lib/user-data.ts';

const USAGE = `Usage: npm run report -- --county <adcode> [options]
  --county <adcode>      county to report (e.g. 350525 永春县); a city code for all its counties: 350500 (or "all") 泉州市, 350200 厦门市
  --format md|csv|json   output format (default md); csv = per-township table, or per-cell with --cells
  --without <ids>        comma-separated station ids to leave out of the scenario
  --with <ids>           comma-separated ids of disabled stations to switch on (e.g. health centres)
  --rural-radius <km>    rural radius counted as covered, 10 (strict, default) to 20 (lenient)
  --minutes <min>        emergency circle minutes, 15 (default) or 14
  --cells                add per-cell rows
  --gaps <n>             gap groups listed in Markdown (default 10)
 Your own data (each replaces that part of the demo data):
  --facilities <file>    stations: CSV (UTF-8 or GBK), XLSX or GeoJSON
  --crs wgs84|gcj02|bd09 coordinate system of --facilities (default: from the file, else WGS84)
  --population <file>    GeoTIFF raster (WGS84), H3 table (h3,population), point CSV or GeoJSON polygons
  --population-crs <crs> coordinate system of point/polygon population files
  --population-field <f> population property of GeoJSON polygons
  --zones <file>         zones: GeoJSON or zipped Shapefile (name/code fields guessed)
  --zones-crs <crs>      coordinate system of --zones
  --zones-area-type urban|rural  area type of zones that have no such field
  --h3-res <5-11>        H3 resolution of the population grid (default 9)
  --skip-bad-rows        report bad rows as warnings and go on (default: stop, listing them)
  --help                 this text`;

async function main(argv: string[]): Promise<string> {
  const parsed = parseOptions(argv, {
    county: { type: 'string' },
    format: { type: 'string', default: 'md' },
    without: { type: 'string' },
    with: { type: 'string' },
    'rural-radius': { type: 'string' },
    minutes: { type: 'string' },
    cells: { type: 'boolean', default: false },
    gaps: { type: 'string' },
    facilities: { type: 'string' },
    crs: { type: 'string' },
    population: { type: 'string' },
    'population-crs': { type: 'string' },
    'population-field': { type: 'string' },
    zones: { type: 'string' },
    'zones-crs': { type: 'string' },
    'zones-area-type': { type: 'string' },
    'h3-res': { type: 'string' },
    'skip-bad-rows': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  const v = parsed.values;
  if (v.help) return `${USAGE}\n`;
  if (!v.county) throw new UsageError('--county is required (e.g. --county 350525).');
  if (!['md', 'csv', 'json'].includes(v.format!)) throw new UsageError(`--format must be md, csv or json, got "${v.format}".`);
  const rules = rulesFrom(v['rural-radius'], v.minutes);
  const topGaps = positiveNumber('--gaps', v.gaps, 10);

  const areaType = v['zones-area-type'];
  if (areaType !== undefined && areaType !== 'urban' && areaType !== 'rural') throw new UsageError(`--zones-area-type must be urban or rural, got "${areaType}".`);
  const counties = resolveCounties(v.county);
  const data = await loadReportData(counties, {
    facilities: v.facilities,
    crs: v.crs,
    population: v.population,
    populationCrs: v['population-crs'],
    populationField: v['population-field'],
    zones: v.zones,
    zonesCrs: v['zones-crs'],
    zonesAreaType: areaType,
    h3Res: v['h3-res'] === undefined ? undefined : Number(v['h3-res']),
    skipBadRows: v['skip-bad-rows'],
  });
  for (const warning of data.warnings) process.stderr.write(`report: ${warning}\n`);
  const stations = scenarioStations(data.stations, idList(v.without), idList(v.with));
  const engine = createEngine(data.grid, { stations, rules });
  const report = buildReport(engine, {
    county: { ...regionOfCounties(counties), counties },
    stations,
    baselineWithout: proposedIds(engine.activeStations()),
    includeCells: v.cells!,
    bestSitesFor: topGaps,
    dataNotes: data.dataNotes,
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
