// The parts of shpjs (no bundled types) that src/io/shapefile.ts uses.
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp, reprojected to WGS84 when a .prj text is given. */
  export function parseShp(shp: DataView, prj?: string | false): (Geometry | null)[];
  /** Records of a .dbf, decoded with the encoding a .cpg names (UTF-8 when absent). */
  export function parseDbf(dbf: DataView, cpg?: string): Record<string, unknown>[];
}
