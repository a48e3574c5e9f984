import { cellToLatLng, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/errors.ts';
import { planWindows, readPopulationRaster } from '../../src/io/population-raster.ts';
import { syntheticPopulation, WORLDPOP_100M_DEG, WORLDPOP_1KM_DEG, writeGeoTiff, type GeoTiffSpec } from '../helpers/fixtures-geotiff.ts';

// a corner of Yongchun (永春县), where WorldPop's grid would put these pixels
const WEST = 118.2;
const NORTH = 25.45;

function raster(type: 'float32' | 'int32' | 'uint16', pixelDeg: number, width: number, height: number, extra: Partial<GeoTiffSpec> = {}) {
  const nodata = type === 'uint16' ? 65535 : -99999;
  const pop = syntheticPopulation(width, height, type, nodata, width * 7 + height);
  const bytes = writeGeoTiff({ width, height, data: pop.data, west: WEST, north: NORTH, pixelDeg: [pixelDeg, pixelDeg], nodata, ...extra });
  return { ...pop, bytes, nodata };
}

const within = (got: number, want: number, fraction: number) => Math.abs(got - want) <= Math.abs(want) * fraction;

/** Per-pixel latLngToCell over every pixel: the straightforward answer the fast path must equal. */
function naive(data: ArrayLike<number>, width: number, height: number, pixelDeg: number, nodata: number, resolution: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      if (v === nodata || !(v > 0)) continue;
      const cell = latLngToCell(NORTH - (y + 0.5) * pixelDeg, WEST + (x + 0.5) * pixelDeg, resolution);
      sums.set(cell, (sums.get(cell) ?? 0) + v);
    }
  }
  return sums;
}

describe('population GeoTIFF → H3', () => {
  for (const type of ['float32', 'int32'] as const) {
    for (const resolution of [7, 9]) {
      it(`keeps the total of a WorldPop-100 m ${type} raster with nodata within 0.1 % at res ${resolution}, cell for cell as per-pixel H3`, async () => {
        const r = raster(type, WORLDPOP_100M_DEG, 180, 120);
        const { cells, summary } = await readPopulationRaster(r.bytes, { file: 'wp100.tif', resolution, windowPixels: 180 * 32 });
        expect(summary.mode).toBe('centre');
        expect(summary.droppedNodata).toBe(r.nodataPixels);
        expect(summary.nodataValue).toBe(-99999);
        expect(within(summary.inputTotal, r.total, 1e-9)).toBe(true);
        expect(within(summary.outputTotal, r.total, 0.001)).toBe(true);
        expect(within(cells.reduce((s, c) => s + c.population, 0), r.total, 0.001)).toBe(true);
        expect(cells.every((c) => getResolution(c.h3) === resolution && c.population > 0)).toBe(true);
        // the span shortcut puts every pixel in the same cell as asking H3 pixel by pixel
        const want = naive(r.data, 180, 120, WORLDPOP_100M_DEG, -99999, resolution);
        expect(cells.length).toBe(want.size);
        for (const c of cells) expect(c.population).toBeCloseTo(want.get(c.h3)!, 6);
      });
    }
  }

  for (const resolution of [7, 9]) {
    it(`keeps the total of a WorldPop-1 km raster within 0.1 % at res ${resolution} (res 9: pixels split over the cells whose centres they hold)`, async () => {
      const r = raster('float32', WORLDPOP_1KM_DEG, 40, 30);
      const { cells, summary } = await readPopulationRaster(r.bytes, { file: 'wp1km.tif', resolution });
      expect(summary.mode).toBe(resolution === 9 ? 'split' : 'centre');
      expect(within(summary.outputTotal, r.total, 0.001)).toBe(true);
      expect(within(cells.reduce((s, c) => s + c.population, 0), r.total, 0.001)).toBe(true);
      if (resolution === 9) {
        // a 1 km pixel holds ~7 res-9 cell centres: each gets an equal share of its pixel
        expect(cells.length).toBeGreaterThan(40 * 30 * 5);
        const pixelOf = (h3: string) => {
          const [lat, lng] = cellToLatLng(h3);
          return [Math.floor((lng - WEST) / WORLDPOP_1KM_DEG), Math.floor((NORTH - lat) / WORLDPOP_1KM_DEG)];
        };
        const perPixel = new Map<string, number[]>();
        for (const c of cells) {
          const key = pixelOf(c.h3).join(',');
          perPixel.set(key, [...(perPixel.get(key) ?? []), c.population]);
        }
        for (const [key, shares] of [...perPixel].slice(0, 50)) {
          const [x, y] = key.split(',').map(Number);
          if (x < 0 || y < 0 || x >= 40 || y >= 30) continue;
          const v = r.data[y * 40 + x];
          if (v === -99999) continue;
          for (const s of shares) expect(s).toBeCloseTo(v / shares.length, 6);
        }
      }
    });
  }

  it('reads an integer raster with an unsigned nodata value (65535), tiled and DEFLATE-compressed', async () => {
    const r = raster('uint16', WORLDPOP_100M_DEG, 150, 100, { tile: [32, 32], compression: 'deflate' });
    const { summary } = await readPopulationRaster(r.bytes, { file: 'tiled.tif', resolution: 8, windowPixels: 64 * 64 });
    expect(summary.blockSize).toEqual([32, 32]);
    expect(summary.windowsRead).toBeGreaterThan(1);
    expect(summary.droppedNodata).toBe(r.nodataPixels);
    expect(summary.outputTotal).toBe(r.total);
  });

  it('reads window by window (strips of 16 rows), reporting progress each time, and only the region box when given one', async () => {
    const r = raster('float32', WORLDPOP_100M_DEG, 200, 160);
    const fractions: number[] = [];
    const { summary } = await readPopulationRaster(r.bytes, { file: 'w.tif', resolution: 9, windowPixels: 200 * 32, onProgress: (f) => fractions.push(f) });
    expect(summary.blockSize).toEqual([200, 16]);
    expect(summary.windowsRead).toBe(5);
    expect(fractions).toHaveLength(5);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);

    // crop: a box over the top-left quarter reads only the strips it touches
    const box = [WEST, NORTH - 80 * WORLDPOP_100M_DEG, WEST + 100 * WORLDPOP_100M_DEG, NORTH] as const;
    const part = await readPopulationRaster(r.bytes, { file: 'w.tif', resolution: 9, bbox: box, windowPixels: 200 * 32 });
    expect(part.summary.window).toEqual([0, 0, 100, 80]);
    expect(part.summary.pixelsRead).toBe(100 * 80);
    let want = 0;
    for (let y = 0; y < 80; y++) for (let x = 0; x < 100; x++) if (r.data[y * 200 + x] !== -99999) want += r.data[y * 200 + x];
    expect(part.summary.outputTotal).toBeCloseTo(want, 3);
  });

  it('reads a Blob slice by slice (a File in the browser, fs.openAsBlob in Node) with the same result', async () => {
    const r = raster('int32', WORLDPOP_100M_DEG, 120, 64);
    const fromBytes = await readPopulationRaster(r.bytes, { file: 'a.tif', resolution: 9 });
    const fromBlob = await readPopulationRaster(new Blob([r.bytes.slice()]), { file: 'a.tif', resolution: 9 });
    expect(fromBlob.cells).toEqual(fromBytes.cells);
  });

  it('stops with an AbortError when cancelled mid-way, and before starting', async () => {
    const r = raster('float32', WORLDPOP_100M_DEG, 200, 160);
    const controller = new AbortController();
    let calls = 0;
    const run = readPopulationRaster(r.bytes, {
      file: 'w.tif',
      resolution: 9,
      windowPixels: 200 * 16,
      signal: controller.signal,
      onProgress: () => {
        calls++;
        if (calls === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(2);
    await expect(readPopulationRaster(r.bytes, { file: 'w.tif', resolution: 9, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('says why a raster cannot be used: projected, no georeference, truncated, not a TIFF', async () => {
    const data = new Float32Array(32 * 32).fill(1);
    const spec = { width: 32, height: 32, data, west: WEST, north: NORTH, pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG] as [number, number] };
    const fail = async (bytes: Uint8Array) => {
      try {
        await readPopulationRaster(bytes, { file: 'bad.tif', resolution: 9 });
      } catch (e) {
        expect(e).toBeInstanceOf(DataFileError);
        const p = (e as DataFileError).problems[0];
        expect(p.file).toBe('bad.tif');
        return `${p.code}: ${p.reason}`;
      }
      throw new Error('expected a DataFileError');
    };
    expect(await fail(writeGeoTiff({ ...spec, projectedEpsg: 32650 }))).toMatch(/^projected-crs: .*EPSG:32650/);
    expect(await fail(writeGeoTiff({ ...spec, noGeoreference: true }))).toMatch(/^no-georeference/);
    const whole = writeGeoTiff(spec);
    expect(await fail(whole.slice(0, whole.length - 100))).toMatch(/^truncated/);
    expect(await fail(new TextEncoder().encode('h3,population\n'))).toMatch(/could not be read as a GeoTIFF/);
  });

  it('plans windows along strip and tile boundaries', () => {
    // strips of 16 rows, 100 px wide: 3 strips per window
    expect(planWindows(0, 0, 100, 100, 100, 16, 4800, 100)).toEqual([
      [0, 0, 100, 48],
      [0, 48, 100, 96],
      [0, 96, 100, 100],
    ]);
    // a crop starting inside a strip keeps the strip grid
    expect(planWindows(0, 20, 100, 40, 100, 16, 1600, 100)).toEqual([
      [0, 20, 100, 32],
      [0, 32, 100, 40],
    ]);
    // tiles of 32: windows are whole tiles, cut to the crop
    const tiles = planWindows(10, 10, 100, 70, 32, 32, 64 * 64, 200);
    expect(tiles[0]).toEqual([10, 10, 64, 64]);
    expect(tiles.every(([x0, , x1]) => (x0 === 10 || x0 % 32 === 0) && (x1 === 100 || x1 % 32 === 0))).toBe(true);
    const area = tiles.reduce((s, [x0, y0, x1, y1]) => s + (x1 - x0) * (y1 - y0), 0);
    expect(area).toBe(90 * 60);
  });
});
