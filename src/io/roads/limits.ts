/**
 * Size limits of the road readers, beside IMPORT_LIMITS (src/io/limits.ts)
 * and in its spirit: far beyond a planner's real file, low enough that a
 * read ends in bounded time and memory. Format limits say so.
 */
export const ROAD_LIMITS = {
  /**
   * Bytes of an .osm.pbf. Geofabrik's whole-China extract is ~1.2 GB; a
   * province cut from it ~100–300 MB. One ArrayBuffer holds the file.
   */
  maxPbfBytes: 1024 * 1024 * 1024,
  /** Bytes of a BlobHeader: a format limit (OSM PBF spec: "must be less than 64 KiB"). */
  maxBlobHeaderBytes: 64 * 1024,
  /** Uncompressed bytes of one blob: a format limit (OSM PBF spec: "must be less than 32 MiB"). */
  maxBlobBytes: 32 * 1024 * 1024,
  /**
   * OSM nodes kept inside the region's box (all nodes, before we know which
   * roads use them): 16 bytes each, so 40 million is ~640 MB; Fujian has
   * ~20 million.
   */
  maxOsmNodes: 40_000_000,
  /** Node references of the drivable ways (8 bytes each): a province has ~5 million. */
  maxRoadVertices: 40_000_000,
} as const;

/** A longitude/latitude box: [west, south, east, north], degrees. */
export type LngLatBox = readonly [number, number, number, number];
