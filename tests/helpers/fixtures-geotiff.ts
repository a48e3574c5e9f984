/**
 * A small GeoTIFF writer for tests and benches: known pixel values in a
 * WGS84 grid, written in several strips or tiles (so windowed reading is
 * exercised), optionally DEFLATE-compressed, with a GDAL nodata value.
 * geotiff.js's own writer puts the whole image in one strip, which would
 * hide whether the reader really reads window by window.
 */
import { deflateSync } from 'node:zlib';
import { mulberry32 } from './random.ts';

export type PixelArray = Float32Array | Float64Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

export interface GeoTiffSpec {
  width: number;
  height: number;
  /** Row-major pixel values, top row first. */
  data: PixelArray;
  /** West edge and north edge of pixel (0, 0), degrees. */
  west: number;
  north: number;
  /** Pixel size in degrees [x, y] (both positive). */
  pixelDeg: [number, number];
  /** Rows per strip (default 16), ignored when `tile` is set. */
  rowsPerStrip?: number;
  /** Tile size [width, height], multiples of 16. */
  tile?: [number, number];
  nodata?: number | string;
  compression?: 'none' | 'deflate';
  /** Write a projected CRS key (for the "not lon/lat" error). */
  projectedEpsg?: number;
  /** Leave out every georeferencing tag. */
  noGeoreference?: boolean;
}

const TYPE = { BYTE: 1, ASCII: 2, SHORT: 3, LONG: 4, DOUBLE: 12 } as const;

function sampleFormat(data: PixelArray): [number, number] {
  if (data instanceof Float32Array) return [3, 32];
  if (data instanceof Float64Array) return [3, 64];
  if (data instanceof Int16Array) return [2, 16];
  if (data instanceof Int32Array) return [2, 32];
  if (data instanceof Uint8Array) return [1, 8];
  if (data instanceof Uint16Array) return [1, 16];
  return [1, 32];
}

/** Little-endian bytes of a typed array's values (copied). */
function leBytes(data: PixelArray, start: number, count: number): Uint8Array {
  const bytes = data.BYTES_PER_ELEMENT;
  const out = new Uint8Array(count * bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < count; i++) {
    const v = data[start + i];
    const o = i * bytes;
    if (data instanceof Float32Array) view.setFloat32(o, v, true);
    else if (data instanceof Float64Array) view.setFloat64(o, v, true);
    else if (data instanceof Int16Array) view.setInt16(o, v, true);
    else if (data instanceof Int32Array) view.setInt32(o, v, true);
    else if (data instanceof Uint8Array) view.setUint8(o, v);
    else if (data instanceof Uint16Array) view.setUint16(o, v, true);
    else view.setUint32(o, v, true);
  }
  return out;
}

/** Writes a little-endian classic TIFF with GeoTIFF tags. */
export function writeGeoTiff(spec: GeoTiffSpec): Uint8Array {
  const { width, height, data } = spec;
  if (data.length !== width * height) throw new Error(`${data.length} values for ${width} × ${height} pixels`);
  const [format, bits] = sampleFormat(data);
  // the blocks: strips or tiles, each as raw bytes
  const blocks: Uint8Array[] = [];
  let blockW = width;
  let blockH = Math.min(spec.rowsPerStrip ?? 16, height);
  if (spec.tile) {
    [blockW, blockH] = spec.tile;
    const scratch = new (data.constructor as new (n: number) => PixelArray)(blockW * blockH);
    for (let ty = 0; ty < Math.ceil(height / blockH); ty++) {
      for (let tx = 0; tx < Math.ceil(width / blockW); tx++) {
        scratch.fill(typeof spec.nodata === 'number' ? spec.nodata : 0);
        for (let r = 0; r < blockH; r++) {
          const y = ty * blockH + r;
          if (y >= height) break;
          for (let c = 0; c < blockW; c++) {
            const x = tx * blockW + c;
            if (x < width) scratch[r * blockW + c] = data[y * width + x];
          }
        }
        blocks.push(leBytes(scratch, 0, blockW * blockH));
      }
    }
  } else {
    for (let y = 0; y < height; y += blockH) blocks.push(leBytes(data, y * width, Math.min(blockH, height - y) * width));
  }
  const payload = spec.compression === 'deflate' ? blocks.map((b) => new Uint8Array(deflateSync(b))) : blocks;

  type Entry = { tag: number; type: number; values: number[] | string };
  const entries: Entry[] = [
    { tag: 256, type: TYPE.LONG, values: [width] },
    { tag: 257, type: TYPE.LONG, values: [height] },
    { tag: 258, type: TYPE.SHORT, values: [bits] },
    { tag: 259, type: TYPE.SHORT, values: [spec.compression === 'deflate' ? 8 : 1] },
    { tag: 262, type: TYPE.SHORT, values: [1] },
    { tag: 277, type: TYPE.SHORT, values: [1] },
    { tag: 284, type: TYPE.SHORT, values: [1] },
    { tag: 339, type: TYPE.SHORT, values: [format] },
  ];
  // offsets are patched once the layout is known
  const offsetsTag = spec.tile ? 324 : 273;
  const countsTag = spec.tile ? 325 : 279;
  entries.push({ tag: offsetsTag, type: TYPE.LONG, values: payload.map(() => 0) });
  entries.push({ tag: countsTag, type: TYPE.LONG, values: payload.map((p) => p.length) });
  if (spec.tile) {
    entries.push({ tag: 322, type: TYPE.SHORT, values: [blockW] });
    entries.push({ tag: 323, type: TYPE.SHORT, values: [blockH] });
  } else entries.push({ tag: 278, type: TYPE.LONG, values: [blockH] });
  if (!spec.noGeoreference) {
    entries.push({ tag: 33550, type: TYPE.DOUBLE, values: [spec.pixelDeg[0], spec.pixelDeg[1], 0] });
    entries.push({ tag: 33922, type: TYPE.DOUBLE, values: [0, 0, 0, spec.west, spec.north, 0] });
    const keys = spec.projectedEpsg
      ? [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, spec.projectedEpsg]
      : [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326];
    entries.push({ tag: 34735, type: TYPE.SHORT, values: keys });
  }
  if (spec.nodata !== undefined) entries.push({ tag: 42113, type: TYPE.ASCII, values: `${spec.nodata}\0` });
  entries.sort((a, b) => a.tag - b.tag);

  const size = (e: Entry) => (typeof e.values === 'string' ? e.values.length : e.values.length * ({ 1: 1, 2: 1, 3: 2, 4: 4, 12: 8 } as Record<number, number>)[e.type]);
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  let extra = ifdOffset + ifdSize;
  const extraAt = new Map<Entry, number>();
  for (const e of entries) {
    if (size(e) > 4) {
      extraAt.set(e, extra);
      extra += size(e) + (size(e) % 2);
    }
  }
  const blockOffsets: number[] = [];
  let pos = extra;
  for (const p of payload) {
    blockOffsets.push(pos);
    pos += p.length;
  }
  (entries.find((e) => e.tag === offsetsTag)!.values as number[]).splice(0, blockOffsets.length, ...blockOffsets);

  const out = new Uint8Array(pos);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdOffset, true);
  view.setUint16(ifdOffset, entries.length, true);
  const writeValues = (e: Entry, at: number) => {
    if (typeof e.values === 'string') {
      for (let i = 0; i < e.values.length; i++) out[at + i] = e.values.charCodeAt(i);
      return;
    }
    e.values.forEach((v, i) => {
      if (e.type === TYPE.SHORT) view.setUint16(at + i * 2, v, true);
      else if (e.type === TYPE.LONG) view.setUint32(at + i * 4, v, true);
      else if (e.type === TYPE.DOUBLE) view.setFloat64(at + i * 8, v, true);
      else out[at + i] = v;
    });
  };
  entries.forEach((e, k) => {
    const at = ifdOffset + 2 + k * 12;
    view.setUint16(at, e.tag, true);
    view.setUint16(at + 2, e.type, true);
    view.setUint32(at + 4, typeof e.values === 'string' ? e.values.length : e.values.length, true);
    const where = extraAt.get(e);
    if (where === undefined) writeValues(e, at + 8);
    else {
      view.setUint32(at + 8, where, true);
      writeValues(e, where);
    }
  });
  view.setUint32(ifdOffset + 2 + entries.length * 12, 0, true);
  payload.forEach((p, i) => out.set(p, blockOffsets[i]));
  return out;
}

/** Pixel size of WorldPop's 100 m (3 arc-second) and 1 km (30 arc-second) grids, degrees. */
export const WORLDPOP_100M_DEG = 0.000833333333333;
export const WORLDPOP_1KM_DEG = 0.00833333333333;

/**
 * A deterministic "population" raster over a box: a few Gaussian towns on a
 * low rural background, a band of nodata (a river) and, for integer types,
 * whole numbers. Returns the pixels and their exact total.
 */
export function syntheticPopulation(width: number, height: number, type: 'float32' | 'int32' | 'uint16', nodata: number, seed = 1): { data: PixelArray; total: number; nodataPixels: number } {
  const data = type === 'float32' ? new Float32Array(width * height) : type === 'int32' ? new Int32Array(width * height) : new Uint16Array(width * height);
  const rand = mulberry32(seed);
  const towns = Array.from({ length: 5 }, () => ({ x: rand() * width, y: rand() * height, peak: 50 + rand() * 150, sigma: 3 + rand() * (Math.min(width, height) / 8) }));
  let total = 0;
  let nodataPixels = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // a diagonal river of nodata
      if (Math.abs(x - y * (width / height) * 0.7 - width * 0.15) < 1.2) {
        data[i] = nodata;
        nodataPixels++;
        continue;
      }
      let v = 0.3 + rand() * 0.5;
      for (const t of towns) v += t.peak * Math.exp(-((x - t.x) ** 2 + (y - t.y) ** 2) / (2 * t.sigma * t.sigma));
      data[i] = type === 'float32' ? v : Math.round(v);
      total += data[i];
    }
  }
  return { data, total, nodataPixels };
}

export { mulberry32 };
