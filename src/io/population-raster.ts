/**
 * Population rasters (WorldPop, GHS-POP: GeoTIFF in WGS84 longitude/latitude)
 * → H3 cells, read window by window (strip- or tile-aligned) so a large file
 * is never decoded whole, with progress and cancel.
 *
 * How pixels become cells (the total is preserved exactly, up to rounding):
 * - 'centre' (pixels smaller than cells): each pixel's value goes to the cell
 *   containing the pixel centre. Along a row, once a pixel's cell is known,
 *   the row's span inside that cell is computed from the cell boundary, so
 *   H3 is asked about one pixel per cell crossing, not about every pixel;
 *   pixels within a metre of a cell edge are asked individually.
 * - 'split' (pixels larger than cells): each pixel's value is split evenly
 *   over the cells whose centres fall inside the pixel; a pixel holding no
 *   cell centre gives its value to the cell containing its own centre.
 * - 'auto' (default): 'split' when a pixel is larger than the average cell
 *   of the chosen resolution, else 'centre'.
 */
import { cellToBoundary, cellToLatLng, getHexagonAreaAvg, getHexagonEdgeLengthAvg, latLngToCell, polygonToCellsExperimental } from 'h3-js';
import { fromArrayBuffer, GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { DEG, KM_PER_DEG_LAT } from '../core/geo.ts';
import { toArrayBuffer, toUint8, type FileBytes } from './bytes.ts';
import { DataFileError, fileError, guardReader, throwIfAborted, wrapLibraryError, type ProblemCode, type RowProblem } from './errors.ts';
import { CellAccumulator, checkResolution, makeYielder, MAX_PLAUSIBLE_POPULATION, type PopulationImport, type PopulationSummary } from './population.ts';

/** A raster as bytes, or as a Blob/File read slice by slice (never whole). */
export type RasterInput = FileBytes | Blob;

export interface RasterImportOptions {
  file: string;
  /** Target H3 resolution. */
  resolution: number;
  /** Read only the pixels whose centres lie inside [west, south, east, north] (e.g. the region's box). */
  bbox?: readonly [number, number, number, number];
  /** 1-based band (default 1). */
  band?: number;
  method?: 'auto' | 'centre' | 'split';
  /** Pixels per read window (default 262,144, i.e. 1 MB of Float32); windows are whole strips/tiles. */
  windowPixels?: number;
  /** Refuse to read more pixels than this (default 1.5e9); crop with `bbox` instead. */
  maxPixels?: number;
  /** Refuse to make more cells than this (default 20 million): a split of large pixels into fine cells can. */
  maxCells?: number;
  /** Called after each window with the fraction of pixels done (0–1]. */
  onProgress?: (fraction: number) => void;
  /** Cancels the import: the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface RasterSummary extends PopulationSummary {
  source: 'geotiff';
  width: number;
  height: number;
  /** Pixel size in degrees [x, y]. */
  pixelSizeDeg: [number, number];
  /** The pixel window read, [col0, row0, col1, row1) (all of it unless `bbox` cropped it). */
  window: [number, number, number, number];
  pixelsRead: number;
  windowsRead: number;
  /** Block (strip or tile) size [width, height] of the file. */
  blockSize: [number, number];
  nodataValue: number | null;
  /** Pixels with a negative or implausibly large value, left out (reported in problems). */
  droppedInvalid: number;
  mode: 'centre' | 'split';
}


/**
 * Reads a population GeoTIFF and aggregates it to H3 cells.
 * @example const { cells, summary } = await readPopulationRaster(bytes, { file: 'chn_ppp_2020.tif', resolution: 9, bbox: [117.75, 25.18, 118.55, 25.6] });
 */
export async function readPopulationRaster(input: RasterInput, options: RasterImportOptions): Promise<PopulationImport<RasterSummary>> {
  return guardReader(options.file, 'a GeoTIFF raster', () => readRaster(input, options));
}

async function readRaster(input: RasterInput, options: RasterImportOptions): Promise<PopulationImport<RasterSummary>> {
  const { file, resolution, signal } = options;
  checkResolution(resolution, file);
  throwIfAborted(signal);
  const problems: RowProblem[] = [];
  const fileSize = input instanceof Blob ? input.size : toUint8(input).byteLength;
  let image: GeoTIFFImage;
  try {
    const tiff = input instanceof Blob ? await GeoTIFF.fromSource(blobSource(input) as never, undefined, signal) : await fromArrayBuffer(toArrayBuffer(input), signal);
    image = await tiff.getImage(0);
  } catch (e) {
    throw wrapLibraryError(e, file, 'a GeoTIFF raster');
  }
  const layout = await describeRaster(image, file, fileSize, options.band ?? 1);
  const { width, height, ox, oy, rx, ry } = layout;

  // the window to read: everything, or the part inside bbox
  let [c0, r0, c1, r1] = [0, 0, width, height];
  if (options.bbox) {
    const [w, s, e, n] = options.bbox;
    const cols = [(w - ox) / rx, (e - ox) / rx].sort((a, b) => a - b);
    const rows = [(n - oy) / ry, (s - oy) / ry].sort((a, b) => a - b);
    // the pixels whose centres lie in the box
    c0 = clamp(Math.ceil(cols[0] - 0.5 - 1e-9), 0, width);
    c1 = clamp(Math.floor(cols[1] - 0.5 + 1e-9) + 1, 0, width);
    r0 = clamp(Math.ceil(rows[0] - 0.5 - 1e-9), 0, height);
    r1 = clamp(Math.floor(rows[1] - 0.5 + 1e-9) + 1, 0, height);
    if (c1 <= c0 || r1 <= r0) {
      problems.push({ file, row: 0, code: 'no-overlap', severity: 'warning', reason: `the raster (${fmtBox(layout.bbox)}) does not overlap the region (${fmtBox(options.bbox)}); no population read` });
      [c0, r0, c1, r1] = [0, 0, 0, 0];
    }
  }
  const cropW = c1 - c0;
  const cropH = r1 - r0;
  const cropPixels = cropW * cropH;
  const maxPixels = options.maxPixels ?? 1.5e9;
  if (cropPixels > maxPixels) {
    throw fileError(file, `has ${cropPixels.toLocaleString('en-US')} pixels to read, more than the ${maxPixels.toLocaleString('en-US')} allowed; load a region first so only its part is read`, 'too-large');
  }

  const midLat = oy + ((r0 + r1) / 2) * ry;
  const pixelKm2 = Math.abs(rx * ry) * KM_PER_DEG_LAT * KM_PER_DEG_LAT * Math.cos(midLat * DEG);
  const cellKm2 = getHexagonAreaAvg(resolution, 'km2');
  const mode: 'centre' | 'split' = options.method === 'centre' || options.method === 'split' ? options.method : pixelKm2 > cellKm2 ? 'split' : 'centre';
  const cellsPerPixel = pixelKm2 / cellKm2;
  if (mode === 'split' && cellsPerPixel > 20_000) {
    throw fileError(file, `has ${pixelKm2.toFixed(3)} km² pixels: at H3 resolution ${resolution} each would be split over ~${Math.round(cellsPerPixel)} cells; choose a coarser resolution`, 'resolution-too-fine');
  }

  const maxCells = options.maxCells ?? 20_000_000;
  if (mode === 'split' && cropPixels * cellsPerPixel > maxCells) {
    throw fileError(file, `would be split into ~${Math.round(cropPixels * cellsPerPixel).toLocaleString('en-US')} H3 res-${resolution} cells, more than the ${maxCells.toLocaleString('en-US')} allowed; choose a coarser resolution or a smaller region`, 'too-many-cells');
  }

  const [blockW, blockH] = [layout.blockW, layout.blockH];
  let windowPixels = Math.max(1, options.windowPixels ?? 1 << 18);
  // in split mode a window's cell list must stay small too
  if (mode === 'split') windowPixels = Math.max(1, Math.min(windowPixels, Math.floor(2_000_000 / Math.max(1, cellsPerPixel))));
  const windows = planWindows(c0, r0, c1, r1, blockW, blockH, windowPixels, width);

  const acc = new CellAccumulator();
  const stats = { nodata: 0, invalid: 0, inputTotal: 0, pixelsRead: 0, firstInvalid: NaN };
  const nodata = layout.nodata;
  const float32 = layout.sampleFormat === 3 && layout.bitsPerSample === 32;
  const nodataF = nodata === null ? null : float32 ? Math.fround(nodata) : nodata;
  const yieldNow = makeYielder();
  const eps = spanEpsilonDeg(resolution);
  let windowsRead = 0;
  for (const [x0, y0, x1, y1] of windows) {
    throwIfAborted(signal);
    let data: ArrayLike<number>;
    try {
      const result = await image.readRasters({ window: [x0, y0, x1, y1], samples: [layout.band - 1], interleave: false, signal });
      data = (result as unknown as ArrayLike<number>[])[0];
    } catch (e) {
      throw wrapLibraryError(e, file, `a GeoTIFF raster (reading pixels ${x0}–${x1}, rows ${y0}–${y1})`);
    }
    const ww = x1 - x0;
    const wh = y1 - y0;
    if (!data || data.length < ww * wh) throw fileError(file, `is truncated: rows ${y0}–${y1} hold ${data?.length ?? 0} values where ${ww * wh} were expected`, 'truncated');
    // value → usable population, or -1 for no data / invalid
    const values = new Float64Array(ww * wh);
    for (let i = 0; i < ww * wh; i++) {
      const v = data[i];
      if (Number.isNaN(v) || (nodataF !== null && (v === nodataF || v === nodata))) {
        stats.nodata++;
        values[i] = -1;
      } else if (v < 0 || v > MAX_PLAUSIBLE_POPULATION || !Number.isFinite(v)) {
        stats.invalid++;
        if (Number.isNaN(stats.firstInvalid)) stats.firstInvalid = v;
        values[i] = -1;
      } else {
        values[i] = v;
        stats.inputTotal += v;
      }
    }
    if (mode === 'centre') centreWindow(values, x0, y0, ww, wh, layout, resolution, eps, acc);
    else splitWindow(values, x0, y0, ww, wh, layout, resolution, acc);
    stats.pixelsRead += ww * wh;
    windowsRead++;
    options.onProgress?.(stats.pixelsRead / cropPixels);
    await yieldNow();
  }
  if (stats.invalid > 0) {
    problems.push({ file, row: 0, code: 'invalid-pixels', severity: 'warning', reason: `${stats.invalid} pixels hold a negative or implausible value (e.g. ${stats.firstInvalid}) and no nodata value marks them; left out`, fix: 'set the nodata value of the raster (gdal_edit.py -a_nodata)' });
  }
  const cells = acc.toCells();
  const summary: RasterSummary = {
    file,
    source: 'geotiff',
    resolution,
    inputTotal: stats.inputTotal,
    outputTotal: acc.total,
    cells: cells.length,
    droppedNodata: stats.nodata,
    droppedInvalid: stats.invalid,
    method:
      mode === 'centre'
        ? `each pixel to the H3 res-${resolution} cell containing its centre (pixels ${pixelKm2.toFixed(4)} km², cells ${cellKm2.toFixed(4)} km²)`
        : `each pixel split evenly over the H3 res-${resolution} cells whose centres it holds (pixels ${pixelKm2.toFixed(4)} km², cells ${cellKm2.toFixed(4)} km²)`,
    problems,
    width,
    height,
    pixelSizeDeg: [Math.abs(rx), Math.abs(ry)],
    window: [c0, r0, c1, r1],
    pixelsRead: stats.pixelsRead,
    windowsRead,
    blockSize: [blockW, blockH],
    nodataValue: nodata,
    mode,
  };
  return { cells, summary };
}

interface RasterLayout {
  width: number;
  height: number;
  /** Corner of pixel (0, 0) and pixel step, degrees; ry < 0 for north-up rasters. */
  ox: number;
  oy: number;
  rx: number;
  ry: number;
  bbox: [number, number, number, number];
  blockW: number;
  blockH: number;
  band: number;
  nodata: number | null;
  sampleFormat: number;
  bitsPerSample: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const fmtBox = (b: readonly number[]) => b.map((v) => v.toFixed(4)).join(', ');

/** Checks what the file says about itself before any pixel is read: size, blocks, georeferencing, CRS. */
async function describeRaster(image: GeoTIFFImage, file: string, fileSize: number, band: number): Promise<RasterLayout> {
  const bad = (reason: string, code: ProblemCode, fix?: string) => new DataFileError([{ file, row: 0, code, reason, ...(fix ? { fix } : {}) }]);
  try {
    const width = image.getWidth();
    const height = image.getHeight();
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || width > 2 ** 31 || height > 2 ** 31) {
      throw bad(`claims a size of ${width} × ${height} pixels`, 'corrupt');
    }
    const samples = image.getSamplesPerPixel();
    if (!Number.isInteger(band) || band < 1 || band > samples) throw bad(`has ${samples} band(s); band ${band} was asked for`, 'no-such-band');
    const blockW = image.getTileWidth();
    const blockH = image.getTileHeight();
    if (!(blockW > 0 && blockH > 0)) throw bad(`has strips or tiles of ${blockW} × ${blockH} pixels`, 'corrupt');
    const fd = image.getFileDirectory();
    const sampleFormat = Number(((await fd.loadValue('SampleFormat')) as number[] | undefined)?.[0] ?? 1);
    const bitsPerSample = Number(image.getBitsPerSample(0));
    if (![1, 2, 3].includes(sampleFormat) || ![8, 16, 32, 64].includes(bitsPerSample)) {
      throw bad(`stores ${bitsPerSample}-bit samples of format ${sampleFormat}; population rasters are 8–64-bit integers or floats`, 'unsupported-pixels');
    }
    // every strip/tile must lie inside the file: a corrupt header is caught here, not by reading garbage
    const tiled = image.isTiled;
    const blocks = Math.ceil(width / blockW) * Math.ceil(height / blockH) * (image.planarConfiguration === 2 ? samples : 1);
    const offsets = (await fd.loadValue(tiled ? 'TileOffsets' : 'StripOffsets')) as ArrayLike<number | bigint> | undefined;
    const counts = (await fd.loadValue(tiled ? 'TileByteCounts' : 'StripByteCounts')) as ArrayLike<number | bigint> | undefined;
    if (!offsets || !counts || offsets.length < blocks || counts.length < blocks) {
      throw bad(`lists ${offsets?.length ?? 0} ${tiled ? 'tiles' : 'strips'} where a ${width} × ${height} raster in ${blockW} × ${blockH} blocks needs ${blocks}`, 'corrupt');
    }
    for (let i = 0; i < blocks; i++) {
      const end = Number(offsets[i]) + Number(counts[i]);
      if (!(end <= fileSize)) throw bad(`is truncated or corrupt: ${tiled ? 'tile' : 'strip'} ${i + 1} ends at byte ${end} of a ${fileSize}-byte file`, 'truncated');
    }
    const compression = Number((await fd.loadValue('Compression')) ?? 1);
    if (compression === 1) {
      const blockBytes = blockW * blockH * (bitsPerSample / 8) * (image.planarConfiguration === 2 ? 1 : samples);
      for (let i = 0; i < blocks; i++) {
        const y = tiled ? 0 : i % Math.ceil(height / blockH);
        const rowsHere = tiled ? blockH : Math.min(blockH, height - y * blockH);
        const need = (blockBytes / blockH) * rowsHere;
        if (Number(counts[i]) !== 0 && Number(counts[i]) < need) throw bad(`is corrupt: ${tiled ? 'tile' : 'strip'} ${i + 1} holds ${Number(counts[i])} bytes where ${need} are needed`, 'truncated');
      }
    }

    const keys = image.getGeoKeys() ?? {};
    const projected = keys.ProjectedCSTypeGeoKey ?? (keys.GTModelTypeGeoKey === 1 ? 'a projected system' : undefined);
    if (projected !== undefined) {
      throw bad(`is in ${typeof projected === 'number' ? `EPSG:${projected}` : projected}, not longitude/latitude`, 'projected-crs', 'reproject it to WGS84 first: gdalwarp -t_srs EPSG:4326 in.tif out.tif');
    }
    const geographic = keys.GeographicTypeGeoKey;
    if (geographic !== undefined && ![4326, 4490, 4979, 32767].includes(Number(geographic))) {
      throw bad(`is in geographic system EPSG:${geographic}; WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490) expected`, 'unsupported-crs', 'reproject it: gdalwarp -t_srs EPSG:4326 in.tif out.tif');
    }
    const transform = (await fd.loadValue('ModelTransformation')) as number[] | undefined;
    if (transform && (transform[1] !== 0 || transform[4] !== 0)) throw bad('is rotated or sheared; only north-up rasters can be read', 'rotated', 'warp it north-up: gdalwarp in.tif out.tif');
    let origin: number[];
    let res: number[];
    try {
      origin = image.getOrigin();
      res = image.getResolution();
    } catch {
      throw bad('has no georeferencing (no ModelTiepoint + ModelPixelScale or ModelTransformation): where its pixels lie is unknown', 'no-georeference');
    }
    let [ox, oy] = origin;
    const [rx, ry] = res;
    if (![ox, oy, rx, ry].every(Number.isFinite) || rx === 0 || ry === 0) throw bad(`has an unusable georeference (origin ${ox}, ${oy}; pixel ${rx} × ${ry})`, 'no-georeference');
    if (keys.GTRasterTypeGeoKey === 2) {
      // PixelIsPoint: the tie point is the centre of pixel (0, 0)
      ox -= rx / 2;
      oy -= ry / 2;
    }
    const xs = [ox, ox + width * rx].sort((a, b) => a - b);
    const ys = [oy, oy + height * ry].sort((a, b) => a - b);
    const slack = Math.max(Math.abs(rx), Math.abs(ry));
    if (xs[0] < -180 - slack || xs[1] > 180 + slack || ys[0] < -90 - slack || ys[1] > 90 + slack) {
      throw bad(`covers ${fmtBox([xs[0], ys[0], xs[1], ys[1]])}, which is not longitude/latitude in degrees`, 'projected-crs', 'reproject it to WGS84 first: gdalwarp -t_srs EPSG:4326 in.tif out.tif');
    }
    let nodata: number | null = null;
    try {
      nodata = image.getGDALNoData();
    } catch {
      nodata = null;
    }
    if (nodata !== null && Number.isNaN(nodata)) nodata = null; // NaN is always treated as no data
    return { width, height, ox, oy, rx, ry, bbox: [xs[0], ys[0], xs[1], ys[1]], blockW, blockH, band, nodata, sampleFormat, bitsPerSample };
  } catch (e) {
    throw wrapLibraryError(e, file, 'a GeoTIFF raster');
  }
}

/**
 * Windows [x0, y0, x1, y1) covering the crop, aligned to the file's blocks so
 * no strip or tile is decoded twice: full-width bands for stripped files,
 * squares of whole tiles for tiled ones.
 */
export function planWindows(c0: number, r0: number, c1: number, r1: number, blockW: number, blockH: number, windowPixels: number, width: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  if (c1 <= c0 || r1 <= r0) return out;
  const stripped = blockW >= width;
  let stepX: number;
  let stepY: number;
  if (stripped) {
    stepX = c1 - c0;
    stepY = Math.max(1, Math.floor(windowPixels / stepX / blockH)) * blockH;
  } else {
    const side = Math.sqrt(windowPixels);
    stepX = Math.max(1, Math.round(side / blockW)) * blockW;
    stepY = Math.max(1, Math.round(windowPixels / stepX / blockH)) * blockH;
  }
  const startY = Math.floor(r0 / blockH) * blockH;
  const startX = stripped ? c0 : Math.floor(c0 / blockW) * blockW;
  for (let y = startY; y < r1; y += stepY) {
    for (let x = startX; x < c1; x += stepX) {
      const w = [Math.max(x, c0), Math.max(y, r0), Math.min(x + stepX, c1), Math.min(y + stepY, r1)] as [number, number, number, number];
      if (w[2] > w[0] && w[3] > w[1]) out.push(w);
    }
  }
  return out;
}

/**
 * How far inside a cell's straight-edged outline a pixel centre must be to be
 * trusted without asking H3: the real edges are great-circle arcs, which
 * bow away from the straight lines by a hair (≪ 1 m at res 7–10).
 */
function spanEpsilonDeg(resolution: number): number {
  const edgeKm = getHexagonEdgeLengthAvg(resolution, 'km');
  return Math.max(1e-5, (((edgeKm * edgeKm) / (8 * 6371)) * 100) / KM_PER_DEG_LAT);
}

// the span found by spanOf (module scratch: the hot loop allocates nothing)
let spanLo = 0;
let spanHi = 0;

/** The longitude span of a cell's outline along latitude `lat` into spanLo/spanHi; false when there is none (a miss, the antimeridian). */
function spanOf(boundary: number[][], lat: number): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  const n = boundary.length;
  for (let i = 0; i < n; i++) {
    const a = boundary[i];
    const b = boundary[i + 1 === n ? 0 : i + 1];
    const aLat = a[0];
    const bLat = b[0];
    if ((aLat - lat) * (bLat - lat) > 0 || aLat === bLat) continue;
    const x = a[1] + ((lat - aLat) / (bLat - aLat)) * (b[1] - a[1]);
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  spanLo = lo;
  spanHi = hi;
  return hi >= lo && hi - lo < 180;
}

/**
 * Pixel centres → cells along each row. A cell found for one pixel holds the
 * following pixels up to (eps short of) its outline's east end, and a cell of
 * the row above holds a pixel when the pixel lies (eps) inside its outline
 * here: H3 is asked only when neither says, i.e. about once per cell.
 */
function centreWindow(values: Float64Array, x0: number, y0: number, ww: number, wh: number, L: RasterLayout, resolution: number, eps: number, acc: CellAccumulator): void {
  const runs = L.rx > 0;
  let prevCells: string[] = [];
  let prevBounds: number[][][] = [];
  let rowCells: string[] = [];
  let rowBounds: number[][][] = [];
  for (let r = 0; r < wh; r++) {
    const lat = L.oy + (y0 + r + 0.5) * L.ry;
    const base = r * ww;
    let p = 0;
    let c = 0;
    while (c < ww) {
      const v = values[base + c];
      if (v <= 0) {
        c++;
        continue;
      }
      const lng = L.ox + (x0 + c + 0.5) * L.rx;
      let cell: string | null = null;
      let b: number[][] | undefined;
      let east = NaN;
      if (runs) {
        // the row above's cells, west to east: skip those ending west of this pixel; the next one may hold it
        while (p < prevCells.length && !(spanOf(prevBounds[p], lat) && spanHi - eps >= lng)) p++;
        if (p < prevCells.length && lng >= spanLo + eps) {
          cell = prevCells[p];
          b = prevBounds[p];
          east = spanHi;
        }
      }
      if (cell === null) {
        cell = latLngToCell(lat, lng, resolution);
        if (runs) {
          b = cellToBoundary(cell);
          if (spanOf(b, lat) && lng >= spanLo && lng <= spanHi) east = spanHi;
        }
      }
      // last pixel whose centre is at least eps inside the outline's east end
      const end = east === east ? Math.min(ww - 1, Math.floor((east - eps - L.ox) / L.rx - 0.5) - x0) : c;
      let sum = v;
      for (let k = c + 1; k <= end; k++) {
        const u = values[base + k];
        if (u > 0) sum += u;
      }
      acc.add(cell, sum);
      if (b !== undefined && rowCells[rowCells.length - 1] !== cell) {
        rowCells.push(cell);
        rowBounds.push(b);
      }
      c = end > c ? end + 1 : c + 1;
    }
    [prevCells, prevBounds, rowCells, rowBounds] = [rowCells, rowBounds, prevCells, prevBounds];
    rowCells.length = 0;
    rowBounds.length = 0;
  }
}

function splitWindow(values: Float64Array, x0: number, y0: number, ww: number, wh: number, L: RasterLayout, resolution: number, acc: CellAccumulator): void {
  const west = L.ox + x0 * L.rx;
  const east = L.ox + (x0 + ww) * L.rx;
  const north = L.oy + y0 * L.ry;
  const south = L.oy + (y0 + wh) * L.ry;
  const pad = 1e-9;
  const [w, e] = [Math.min(west, east) - pad, Math.max(west, east) + pad];
  const [s, n] = [Math.min(north, south) - pad, Math.max(north, south) + pad];
  const candidates = polygonToCellsExperimental([[[w, s], [e, s], [e, n], [w, n], [w, s]]], resolution, 'containmentCenter', true);
  const owner = new Int32Array(candidates.length).fill(-1);
  const count = new Uint32Array(ww * wh);
  for (let i = 0; i < candidates.length; i++) {
    const [lat, lng] = cellToLatLng(candidates[i]);
    const c = Math.floor((lng - L.ox) / L.rx) - x0;
    const r = Math.floor((lat - L.oy) / L.ry) - y0;
    if (c < 0 || c >= ww || r < 0 || r >= wh) continue;
    const p = r * ww + c;
    owner[i] = p;
    count[p]++;
  }
  for (let i = 0; i < candidates.length; i++) {
    const p = owner[i];
    if (p >= 0 && values[p] > 0) acc.add(candidates[i], values[p] / count[p]);
  }
  for (let p = 0; p < ww * wh; p++) {
    if (count[p] > 0 || !(values[p] > 0)) continue;
    const r = Math.floor(p / ww);
    const c = p - r * ww;
    acc.add(latLngToCell(L.oy + (y0 + r + 0.5) * L.ry, L.ox + (x0 + c + 0.5) * L.rx, resolution), values[p]);
  }
}

/** A geotiff.js source reading a Blob slice by slice (works in browsers, workers and Node's fs.openAsBlob). */
function blobSource(blob: Blob) {
  return {
    fileSize: blob.size,
    async fetch(slices: { offset: number; length: number }[], signal?: AbortSignal) {
      return Promise.all(
        slices.map(async ({ offset, length }) => {
          throwIfAborted(signal);
          return blob.slice(offset, offset + length).arrayBuffer();
        }),
      );
    },
    async close() {},
  };
}
