/**
 * Road import: one entry for every road file a planner brings (.osm.pbf,
 * .osm XML, GeoJSON or zipped shapefile lines), each read into road ways
 * clipped to the region's box plus a margin, with progress and cancel.
 */
import { boxAround } from '../../core/geo.ts';
import { toUint8, type FileBytes } from '../bytes.ts';
import { fileError, guardReader } from '../errors.ts';
import { checkDeclaredCrs, parseGeoJson } from '../geojson.ts';
import { readShapefileZip } from '../shapefile.ts';
import type { LngLatBox } from './limits.ts';
import { readOsmPbf } from './osm-pbf.ts';
import { readOsmXml } from './osm-xml.ts';
import { roadsFromLines, type LineFieldChoice } from './road-lines.ts';
import type { RoadFormat, RoadRead, RoadReadOptions } from './types.ts';

export type { RoadRead, RoadReadOptions, RoadFormat } from './types.ts';
export type { LngLatBox } from './limits.ts';
export { ROAD_LIMITS } from './limits.ts';

/** Roads beyond the region are kept this far out, so a route that leaves the region and comes back is found. */
export const ROAD_MARGIN_KM = { value: 10, source: 'assumption: 10 km around the region (a 15-minute drive reaches ~10 km on rural roads)' };

/** The region's box widened by `marginKm` on every side. */
export function roadBox(regionBox: LngLatBox, marginKm: number = ROAD_MARGIN_KM.value): LngLatBox {
  const sw = boxAround(regionBox[0], regionBox[1], marginKm);
  const ne = boxAround(regionBox[2], regionBox[3], marginKm);
  return [sw[0], sw[1], ne[2], ne[3]];
}

/** The road file format from a file's first bytes and name, or null. */
export function sniffRoadFormat(bytes: FileBytes, file: string): RoadFormat | null {
  const b = toUint8(bytes);
  const name = file.toLowerCase();
  if (b[0] === 0x50 && b[1] === 0x4b) return 'shapefile';
  if (name.endsWith('.pbf')) return 'osm-pbf';
  const head = new TextDecoder('utf-8').decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'osm-xml';
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  // a PBF starts with a 4-byte header length (< 64 KiB: two zero bytes) and "OSMHeader"
  if (b.length > 16 && b[0] === 0 && b[1] === 0 && new TextDecoder('latin1').decode(b.subarray(4, 32)).includes('OSMHeader')) return 'osm-pbf';
  if (name.endsWith('.osm') || name.endsWith('.xml')) return 'osm-xml';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
  return null;
}

/**
 * Reads a road file of any supported format.
 * @example const { ways, counts, problems } = await readRoads(bytes, { file: 'fujian.osm.pbf', box: roadBox(regionBox) });
 */
export async function readRoads(bytes: FileBytes, options: RoadReadOptions & LineFieldChoice & { format?: RoadFormat }): Promise<RoadRead> {
  const { file } = options;
  const format = options.format ?? sniffRoadFormat(bytes, file);
  if (format === null) throw fileError(file, 'is not a road file this tool reads (an .osm.pbf, .osm XML, GeoJSON or zipped shapefile of road lines)', 'unsupported');
  switch (format) {
    case 'osm-pbf':
      return guardReader(file, 'an OpenStreetMap PBF file', () => readOsmPbf(bytes, options));
    case 'osm-xml':
      return guardReader(file, 'OpenStreetMap XML', () => readOsmXml(bytes, options));
    case 'geojson':
      return guardReader(file, 'GeoJSON road lines', () => {
        const parsed = parseGeoJson(bytes, file);
        checkDeclaredCrs(parsed.declaredCrs, file, parsed.problems);
        return roadsFromLines(parsed.features, parsed.fields, 'geojson', options).then((r) => ({ ...r, problems: [...parsed.problems, ...r.problems] }));
      });
    case 'shapefile':
      return guardReader(file, 'a zipped shapefile of road lines', () => {
        const layer = readShapefileZip(bytes, { file });
        return roadsFromLines(layer.features, layer.fields, 'shapefile', options).then((r) => ({ ...r, problems: [...layer.problems, ...r.problems] }));
      });
  }
}
