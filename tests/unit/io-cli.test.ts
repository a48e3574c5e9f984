import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getResolution } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { totalPopulation } from '../../src/core/grid.ts';
import { haversineKm } from '../../src/core/geo.ts';
import { fromWgs84 } from '../../src/io/crs.ts';
import { DataFileError } from '../../src/io/errors.ts';
import { loadReportData } from '../../scripts/lib/user-data.ts';
import { csv, gbk, shapefileZip, square, yongchunSeats } from '../helpers/fixtures-files.ts';
import { syntheticPopulation, WORLDPOP_100M_DEG, writeGeoTiff } from '../helpers/fixtures-geotiff.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ems-io-cli-'));
const put = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const seats = yongchunSeats();

// a WorldPop-100 m raster over a box in the middle of Yongchun
const BOX = [118.2, 25.25, 118.4, 25.35] as const;
const W = Math.round((BOX[2] - BOX[0]) / WORLDPOP_100M_DEG);
const H = Math.round((BOX[3] - BOX[1]) / WORLDPOP_100M_DEG);
const pop = syntheticPopulation(W, H, 'float32', -99999, 3);
const tif = put('wp.tif', writeGeoTiff({ width: W, height: H, data: pop.data, west: BOX[0], north: BOX[3], pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG], nodata: -99999, rowsPerStrip: 8 }));
const facilities = put(
  'stations.csv',
  gbk(
    csv(
      ['编号', '名称', '经度', '纬度', '类型', '状态'],
      seats.map((s, i) => {
        const [x, y] = fromWgs84(s.lng, s.lat, 'GCJ02');
        return [`U${i}`, `${s.name}急救站`, x.toFixed(6), y.toFixed(6), '急救站', i < 2 ? '规划' : '现有'];
      }),
    ),
  ),
);

describe('CLI user data (scripts/lib/user-data.ts)', () => {
  it('without user files gives the demo data unchanged', async () => {
    const d = await loadReportData('350525', {});
    expect(totalPopulation(d.grid)).toBe(422_531);
    expect(d.grid.zones).toHaveLength(22);
    expect(d.dataNotes.join(' ')).toMatch(/MODELLED.*APPROXIMATE.*APPROXIMATE/);
    expect(d.warnings).toEqual([]);
  });

  it('replaces the demo facilities with a GBK GCJ-02 file and the demo population with a GeoTIFF, keeping the demo zones', async () => {
    const d = await loadReportData('350525', { facilities, crs: 'gcj02', population: tif });
    expect(d.stations).toHaveLength(22);
    d.stations.forEach((s, i) => expect(haversineKm(s.lng, s.lat, seats[i].lng, seats[i].lat) * 1000).toBeLessThanOrEqual(5));
    expect(d.stations.filter((s) => s.status === 'proposed').map((s) => s.id)).toEqual(['U0', 'U1']);
    expect(d.grid.zones).toHaveLength(22);
    // every cell of the raster inside Yongchun is in the grid; anything outside is named in a note
    const outsideNote = d.dataNotes.find((n) => /outside the region left out/.test(n));
    const outside = outsideNote ? Number(/([\d,]+) people in [\d,]+ cells outside the region/.exec(outsideNote)![1].replace(/,/g, '')) : 0;
    expect(Math.abs(totalPopulation(d.grid) + outside - pop.total)).toBeLessThan(pop.total * 0.001 + 1);
    expect(d.dataNotes.some((n) => n.startsWith('Population: wp.tif (geotiff;'))).toBe(true);
    expect(d.dataNotes.some((n) => n.startsWith('Facilities: stations.csv (csv, GB18030, GCJ02 → WGS84), 22 stations'))).toBe(true);
    expect(d.dataNotes.some((n) => /APPROXIMATE \(Voronoi/.test(n))).toBe(true);
  });

  it('uses zones from a zipped shapefile (the region is then its zones: people outside them left out and counted) and the area type from its field', async () => {
    const zones = put(
      'towns.zip',
      await shapefileZip({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '西片', code: 'W', ur_code: '121' }, geometry: square(118.2, 25.25, 118.3, 25.35) },
          { type: 'Feature', properties: { name: '东片', code: 'E', ur_code: '220' }, geometry: square(118.3, 25.25, 118.38, 25.35) },
        ],
      }),
    );
    const d = await loadReportData('350525', { population: tif, zones, h3Res: 8 });
    expect(d.grid.resolution).toBe(8);
    expect(getResolution(d.grid.h3[0])).toBe(8);
    expect(d.grid.zones.map((z) => [z.code, z.areaType])).toEqual([
      ['W', 'urban'],
      ['E', 'rural'],
    ]);
    // the raster reaches 118.4°, the zones 118.38°: the strip between is outside the region, counted in the note
    const note = d.dataNotes.find((n) => /outside the region left out/.test(n))!;
    const outside = Number(/([\d,]+) people in [\d,]+ cells outside the region/.exec(note)![1].replace(/,/g, ''));
    expect(outside).toBeGreaterThan(0);
    // only the raster window over the zones (plus a margin) is read; what is read is in the region or counted outside
    const read = Number(/([\d,]+) people read/.exec(note)![1].replace(/,/g, ''));
    expect(read).toBeLessThan(pop.total);
    expect(Math.abs(totalPopulation(d.grid) + outside - read)).toBeLessThanOrEqual(2);
    expect(d.grid.zone.every((z) => z >= 0)).toBe(true);
  });

  it('refuses bad facility rows unless told to skip them, and a bad CRS name', async () => {
    const bad = put('bad.csv', csv(['名称', '经度', '纬度'], [['好站', seats[0].lng, seats[0].lat], ['坏站', 'x', 25.3]]));
    await expect(loadReportData('350525', { facilities: bad, crs: 'wgs84' })).rejects.toSatisfy((e: unknown) => e instanceof DataFileError && /--skip-bad-rows/.test(e.message) && /bad\.csv: row 2, column "经度"/.test(e.message));
    const d = await loadReportData('350525', { facilities: bad, crs: 'wgs84', skipBadRows: true });
    expect(d.stations.map((s) => s.name)).toEqual(['好站']);
    expect(d.warnings.some((w) => /row 2/.test(w))).toBe(true);
    await expect(loadReportData('350525', { facilities: bad, crs: 'mars' })).rejects.toThrow(/--crs must be wgs84, gcj02 or bd09/);
    await expect(loadReportData('350525', { population: path.join(dir, 'missing.tif') })).rejects.toThrow(/File not found/);
  });

  it('resamples the demo population to another resolution with the census total kept', async () => {
    const d = await loadReportData('350525', { h3Res: 8 });
    expect(d.grid.resolution).toBe(8);
    expect(totalPopulation(d.grid)).toBeCloseTo(422_531, 3);
  });
});
