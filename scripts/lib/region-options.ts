/**
 * The options every CLI command takes to say which region it works on (a
 * demo region, a region pack, or the user's own files), their usage lines,
 * and opening that region. One place, so report, suggest and snapshot agree.
 */
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
  --skip-bad-rows        go on without bad rows, listing them as warnings (default: stop, listing them)`;

type Values = { [K in keyof typeof REGION_OPTION_SPECS]?: (typeof REGION_OPTION_SPECS)[K]['type'] extends 'boolean' ? boolean : string };

/** Opens the region the options name; a usage error when they name none or contradict. */
export function regionFromOptions(v: Values): Promise<ReportData> {
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
