/**
 * Every size and complexity limit of the readers, in one place. Each is far
 * beyond what a planner's real file holds, and low enough that a reader
 * answers within bounded time (seconds) and memory (well under 1 GB) on a
 * 2-core machine; a file over one is refused with the limit, never read
 * half-way or left to hang. Where a limit is a real format limit, it says so.
 */
export const IMPORT_LIMITS = {
  /**
   * CSV and GeoJSON text, bytes. The text is decoded into one string (V8
   * cannot make a string over 2^29 − 24 ≈ 537 M characters at all), and a
   * GeoJSON's parsed geometry takes ~1.5× its text again; 256 MB is over 3×
   * a 1,000,000-row facility table (~70 MB) and a whole province of detailed
   * township outlines (~150 MB).
   */
  maxTextBytes: 256 * 1024 * 1024,
  /** Columns of a table: Excel's own maximum (column XFD), so no spreadsheet can make a wider one; real tables have 2–50. */
  maxColumns: 16_384,
  /** Rows of an XLSX sheet: Excel's own maximum (a format limit; CSV has none, the cell limit bounds it). */
  maxSheetRows: 1_048_576,
  /**
   * Table cells kept in memory (rows × columns read). 10 million is a
   * 1,000,000-row facility table with 10 columns, or an H3 table of 5 million
   * rows (only its 2 used columns are kept); ~50 bytes a cell, ≤ 500 MB.
   */
  maxTableCells: 10_000_000,
  /** Uncompressed bytes of the parts of an XLSX or zipped shapefile: a full 1,048,576-row sheet of 10 columns is ~400 MB of XML; beyond this is a zip bomb. */
  maxUnzippedBytes: 512 * 1024 * 1024,
  /**
   * Bytes of one XML tag inside an XLSX (from "<" to ">"). Excel's longest
   * tags (a <row> with all its attributes) are ~200 bytes; read-excel-file's
   * XML parser takes time growing with the square of a tag's length (70 s
   * for one of 200,000 bytes).
   */
  maxXmlTagBytes: 4_096,
  /**
   * JSON nesting depth. A FeatureCollection's MultiPolygon positions lie 9
   * levels deep (collection, features, feature, geometry, coordinates ×4,
   * position); nested GeometryCollections and property objects add a few.
   * Deeper text is not GeoJSON, and would overflow the call stack of
   * anything walking it recursively.
   */
  maxJsonDepth: 64,
  /**
   * Vertices of one ring. A township outline from AMap has ~1,000–5,000, one
   * surveyed at 1:2,000 along a coast ~200,000; each vertex costs ~50 bytes
   * parsed and time in every point-in-polygon test.
   */
  maxRingVertices: 1_000_000,
  /** Vertices of all polygons in one file: all of Fujian's ~1,100 townships at survey detail stay under it; ~250 MB parsed. */
  maxFileVertices: 5_000_000,
  /**
   * H3 cells filled from the polygons of one population file (each costs
   * ~10 µs: found, its centre tested, its area). All of 泉州市 at resolution
   * 10 is ~800,000 cells; a million stay under ~10 s.
   */
  maxPolygonCells: 1_000_000,
  /**
   * Stations a scenario is evaluated with. 泉州市 has 42 facilities, all of
   * Fujian a few thousand health centres and stations; the coverage engine
   * takes ~0.2 ms a station for a county, so 20,000 stay under ~10 s.
   */
  maxStations: 20_000,
} as const;

export type ImportLimits = typeof IMPORT_LIMITS;

/** A count as people read it: 1,048,576. */
export const fmtCount = (n: number) => Math.round(n).toLocaleString('en-US');
