/**
 * The options every CLI command takes to say which region it works on (a
 * demo region, a region pack, or the user's own files), their usage lines,
 * and opening that region. One place, so report, suggest and snapshot agree.
 */
import { openAsBlob, existsSync } from 'node:fs';
import path from 'node:path';
import { RoadNetwork } from '../../src/core/road-network.ts';
import type { Traffic } from '../../src/core/reach-settings.ts';
import { makeRules, type Rules } from '../../src/core/rules.ts';
import { callsNote, readRegionCalls } from '../../src/io/calls/region-calls.ts';
import { withCalls } from '../../src/io/calls/with-calls.ts';
import { parseCrs } from '../../src/io/crs.ts';
import { describeProblem } from '../../src/io/errors.ts';
import { readRegionRoads } from '../../src/io/roads/region-roads.ts';
import { UsageError } from './cli-options.ts';
import { loadReportData, type ReportData } from './user-data.ts';

export const REGION_OPTION_SPECS = {
  county: { type: 'string' },
  pack: { type: 'string' },
  name: { type: 'string' },
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
  roads: { type: 'string' },
  traffic: { type: 'string' },
  'service-along-roads': { type: 'boolean', default: false },
  calls: { type: 'string' },
  'calls-crs': { type: 'string' },
} as const;

export const REGION_USAGE = `  --county <adcode>      demo region (e.g. 350525 永春县, 350500 泉州市, 350200 厦门市); "all" = all of Quanzhou
  --pack <file>          a region pack (.region.zip) saved from the app or made by build:data
 Your own data (without --county or --pack, --zones and --population make the region and
 --facilities is optional; with them, each file replaces that part):
  --zones <file>         GeoJSON or zipped Shapefile: township polygons, or county outlines (each one zone)
  --zones-crs <crs>      wgs84 (default) | gcj02 (AMap, DataV) | bd09 (Baidu); gcj02/bd09 only inside China
  --zones-area-type urban|rural|density  every zone's area type (default: the file's urban/rural field, else the
                         density rule: urban when ≥ 50 % of residents live at ≥ 1,500/km², GHSL urban-centre density)
  --name <text>          name of a region made from files (default: the zone file's name)
  --population <file>    GeoTIFF raster (WGS84; WorldPop, GHS-POP), H3 table (h3,population) at any resolution,
                         point CSV (lng,lat,population) or GeoJSON polygons with counts
  --population-crs <crs> coordinate system of point/polygon population files
  --population-field <f> population property of GeoJSON polygons
  --facilities <file>    stations: CSV (UTF-8 or GBK), XLSX or GeoJSON
  --crs wgs84|gcj02|bd09 coordinate system of --facilities (default: from the file's headers, else WGS84)
  --h3-res <5-11>        H3 resolution of the population grid (default 9)
  --skip-bad-rows        go on without bad rows, listing them as warnings (default: stop, listing them)
 Roads (with any of the above; a pack that stores roads has them already):
  --roads <file>         road network: OpenStreetMap .osm.pbf or .osm, or GeoJSON / zipped Shapefile road lines
                         (class or speed field); kept within the region + 10 km. The emergency circle becomes
                         "≤ T min response on roads"; statuses stay the standard's straight-line radius
  --traffic off-peak|peak  speeds as given (default), or × the peak factor 0.7 (an assumption)
  --service-along-roads  judge the service radius along roads too (its km read as minutes by the circle formula)
 Calls (with any of the above):
  --calls <file>         historical 120 calls: CSV (UTF-8 or GBK) or XLSX, one call a row, with longitude/latitude
                         (经度/纬度) or a township code (乡镇代码; spread over the township's cells by residents),
                         optional time (呼救时间: the period), priority, outcome; counted per cell, no call point kept
  --calls-crs <crs>      wgs84 | gcj02 (AMap) | bd09 (Baidu) of --calls (default: from the file's headers, else WGS84)`;

type Values = { [K in keyof typeof REGION_OPTION_SPECS]?: (typeof REGION_OPTION_SPECS)[K]['type'] extends 'boolean' ? boolean : string };

/** The region a command works on, and its road network (from --roads, or stored in the pack) or null. */
export interface RegionData extends ReportData {
  roads: RoadNetwork | null;
}

/** Opens the region the options name, with --roads read into it; a usage error when they name none or contradict. */
export async function regionFromOptions(v: Values): Promise<RegionData> {
  const data = await openRegion(v);
  if (v.roads !== undefined) {
    if (!existsSync(v.roads)) throw new Error(`File not found: ${v.roads}`);
    const file = path.basename(v.roads);
    const { roads, read } = await readRegionRoads(new Uint8Array(await (await openAsBlob(v.roads)).arrayBuffer()), file, data.region);
    data.region = { ...data.region, roads };
    data.warnings.push(...read.problems.map(describeProblem));
    const c = read.counts;
    data.dataNotes.push(`Roads: ${file} (${roads.source.licence}): ${c.waysKept} drivable ways kept within the region + 10 km, ${c.vertices} vertices.`);
  }
  if (v['calls-crs'] !== undefined && v.calls === undefined) throw new UsageError('--calls-crs needs --calls <file>.');
  if (v.calls !== undefined) await readCallsOption(data, v.calls, v['calls-crs']);
  if (!data.region.roads && (v.traffic !== undefined || v['service-along-roads'])) throw new UsageError('--traffic and --service-along-roads need a road network: give --roads <file> (or a pack that stores roads).');
  return { ...data, roads: data.region.roads ? new RoadNetwork(data.grid, data.region.roads.ways) : null };
}

/** Listed per call file on stderr; the rest are counted. */
const LISTED_CALL_PROBLEMS = 20;

/** Reads --calls into the region (the same reader as the app's worker), its problems to the warnings and a line to the notes. */
async function readCallsOption(data: ReportData, file: string, crsText: string | undefined): Promise<void> {
  const crs = crsText === undefined ? undefined : parseCrs(crsText);
  if (crs === null) throw new UsageError(`--calls-crs must be wgs84, gcj02 or bd09, got "${crsText}".`);
  if (!existsSync(file)) throw new Error(`File not found: ${file}`);
  const read = await readRegionCalls(new Uint8Array(await (await openAsBlob(file)).arrayBuffer()), path.basename(file), data.region, { crs });
  data.region = withCalls(data.region, read.calls);
  const listed = read.problems.slice(0, LISTED_CALL_PROBLEMS);
  data.warnings.push(...listed.map(describeProblem));
  const more = read.problems.length - listed.length + read.unlisted;
  if (more > 0) data.warnings.push(`${path.basename(file)}: … and ${more} more call row problems`);
  data.dataNotes.push(callsNote(read));
}

/** The rules with the reach options applied (--traffic, --service-along-roads), validated. */
export function withReachOptions(rules: Rules, v: Values): Rules {
  const traffic = v.traffic ?? rules.reach.speeds.traffic;
  if (!isTraffic(traffic)) throw new UsageError(`--traffic must be off-peak or peak, got "${traffic}".`);
  const reach = { ...rules.reach, serviceAlongRoads: v['service-along-roads'] === true || rules.reach.serviceAlongRoads, speeds: { ...rules.reach.speeds, traffic } };
  return makeRules({ ...rules, reach });
}

const isTraffic = (s: string): s is Traffic => s === 'off-peak' || s === 'peak';

function openRegion(v: Values): Promise<ReportData> {
  if (!v.county && !v.pack && !v.zones) throw new UsageError('Give --county (e.g. --county 350525), --pack <file>, or --zones and --population.');
  if (v.county && v.pack) throw new UsageError('Give --county or --pack, not both.');
  if (!v.county && !v.pack && !v.population) throw new UsageError('--zones needs --population to make a region (or give --county / --pack to replace only the zones).');
  const areaType = v['zones-area-type'];
  if (areaType !== undefined && areaType !== 'urban' && areaType !== 'rural' && areaType !== 'density') throw new UsageError(`--zones-area-type must be urban, rural or density, got "${areaType}".`);
  return loadReportData(v.county, {
    pack: v.pack,
    name: v.name,
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
}
