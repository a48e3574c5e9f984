import { unzipSync, zipSync } from 'fflate';
import proj4 from 'proj4';
import { latLngToCell, polygonToCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../src/core/grid.ts';
import { fromWgs84 } from '../../src/io/crs.ts';
import { DataFileError, isError } from '../../src/io/errors.ts';
import { assignCellsToZones, parseAreaType, readZones } from '../../src/io/zones.ts';
import { shapefileZip, square, utf8 } from '../helpers/fixtures-files.ts';

// two squares side by side in Yongchun, 0.1° each
const twoSquares = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, properties: { XZQMC: '桃城镇', XZQDM: '350525100000', CXFL: '121' }, geometry: square(118.2, 25.25, 118.3, 25.35) },
    { type: 'Feature' as const, properties: { XZQMC: '桂洋镇', XZQDM: '350525115000', CXFL: '220' }, geometry: square(118.3, 25.25, 118.4, 25.35) },
  ],
};

/** The same squares with Chinese field names (at most 5 GBK characters: a .dbf field name has 10 bytes). */
const chineseFields = {
  ...twoSquares,
  features: twoSquares.features.map((f) => ({ ...f, properties: { 乡镇名称: f.properties.XZQMC, 乡镇代码: f.properties.XZQDM, 城乡分类: f.properties.CXFL } })),
};

describe('zones from a zipped shapefile', () => {
  for (const encoding of ['utf-8', 'gbk'] as const) {
    it(`reads two squares with name/code fields (${encoding === 'gbk' ? 'GBK .dbf without .cpg, Chinese field names, as Chinese GIS writes it' : 'UTF-8 .dbf with .cpg'})`, async () => {
      const zip = await shapefileZip(encoding === 'gbk' ? chineseFields : twoSquares, { encoding });
      const z = readZones(zip, { file: 'towns.zip', fields: encoding === 'gbk' ? {} : { areaType: 'CXFL' } });
      expect(z.format).toBe('shapefile');
      expect(z.fieldMapping).toMatchObject(encoding === 'gbk' ? { name: '乡镇名称', code: '乡镇代码', areaType: '城乡分类' } : { name: 'XZQMC', code: 'XZQDM', areaType: 'CXFL' });
      expect(z.zones).toEqual([
        { code: '350525100000', name: '桃城镇', county: '350525', countyName: '350525', areaType: 'urban', seat: null },
        { code: '350525115000', name: '桂洋镇', county: '350525', countyName: '350525', areaType: 'rural', seat: null },
      ]);
      expect(z.problems.filter(isError)).toEqual([]);
      const ring = z.features[0].geometry.coordinates[0][0];
      expect(ring.map(([x]) => x).sort()).toEqual([118.2, 118.2, 118.2, 118.3, 118.3]);
    });
  }

  it('assigns cells to the square holding their centre; cells outside both are counted, not dropped', async () => {
    const z = readZones(await shapefileZip(twoSquares), { file: 'towns.zip', areaType: 'rural' });
    const left = polygonToCells(square(118.21, 25.26, 118.29, 25.34).coordinates, 9, true);
    const right = polygonToCells(square(118.31, 25.26, 118.39, 25.34).coordinates, 9, true);
    const outsideCell = latLngToCell(25.5, 118.0, 9);
    const cells = [...left, ...right, outsideCell].map((h3) => ({ h3, population: 2 }));
    const a = assignCellsToZones(cells, z.features);
    expect(a.cells).toHaveLength(cells.length);
    expect(a.perZone['350525100000']).toEqual({ cells: left.length, population: 2 * left.length });
    expect(a.perZone['350525115000']).toEqual({ cells: right.length, population: 2 * right.length });
    expect(a.outside).toBe(1);
    expect(a.outsidePopulation).toBe(2);
    expect(a.cells.at(-1)).toEqual({ h3: outsideCell, population: 2, zone: undefined });
    const grid = buildGrid(a.cells, z.zones);
    expect(grid.size).toBe(cells.length);
    expect(z.zones.every((zone) => zone.areaType === 'rural')).toBe(true);
  });

  it('reprojects a shapefile in UTM zone 50N (its .prj) to WGS84', async () => {
    const utm = '+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs';
    const projected = {
      ...twoSquares,
      features: twoSquares.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((ring) => ring.map((p) => proj4('WGS84', utm, p))) } })),
    };
    const files = unzipSync(await shapefileZip(projected));
    files['zones.prj'] = utf8(
      'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    );
    const z = readZones(zipSync(files), { file: 'utm.zip' });
    const [x, y] = z.features[0].geometry.coordinates[0][0][0];
    expect(x).toBeCloseTo(118.2, 6);
    expect(y).toBeCloseTo(25.25, 6);
    // without the .prj the metres are not longitude/latitude: every feature is refused, with the fix
    delete files['zones.prj'];
    const bare = readZones(zipSync(files), { file: 'utm.zip' });
    expect(bare.zones).toEqual([]);
    expect(bare.problems.filter(isError).map((p) => p.code)).toEqual(['out-of-range', 'out-of-range']);
  });

  it('refuses a corrupt .shp with a clear message instead of looping on it', async () => {
    const zip = await shapefileZip(twoSquares);
    const files = unzipSync(zip);
    const shp = files['zones.shp'];
    // record 1 content length: a negative number of 16-bit words
    new DataView(shp.buffer, shp.byteOffset).setInt32(104, -4, false);
    let error: unknown;
    try {
      readZones(zipSync(files), { file: 'bad.zip' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).problems[0]).toMatchObject({ file: 'bad.zip', row: 0, code: 'corrupt' });
    expect((error as DataFileError).message).toMatch(/bad\.zip: file: has a corrupt \.shp: record 1/);
    expect(() => readZones(zipSync({ 'readme.txt': utf8('no shapes') }), { file: 'empty.zip' })).toThrow(/holds no \.shp/);
  });
});

describe('zones from GeoJSON', () => {
  it('reads name/code/area type with Chinese field names and values, converting GCJ-02 outlines to WGS84', () => {
    const gcj = (ring: number[][]) => ring.map(([x, y]) => fromWgs84(x, y, 'GCJ02'));
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 名称: '城区', 编码: 'A', 城乡: '城镇' }, geometry: { type: 'Polygon', coordinates: [gcj(square(118.2, 25.25, 118.3, 25.35).coordinates[0])] } },
        { type: 'Feature', properties: { 名称: '山区', 编码: 'B', 城乡: '农村' }, geometry: { type: 'Polygon', coordinates: [gcj(square(118.3, 25.25, 118.4, 25.35).coordinates[0])] } },
        { type: 'Feature', properties: { 名称: '重复', 编码: 'B', 城乡: '农村' }, geometry: square(118.4, 25.25, 118.5, 25.35) },
        { type: 'Feature', properties: { 名称: '线', 编码: 'C', 城乡: '?' }, geometry: { type: 'LineString', coordinates: [[118, 25], [118.1, 25.1]] } },
      ],
    };
    const z = readZones(utf8(JSON.stringify(fc)), { file: 'z.geojson', crs: 'GCJ02', county: '350525', countyName: '永春县' });
    expect(z.zones.map((x) => [x.code, x.name, x.areaType, x.countyName])).toEqual([
      ['A', '城区', 'urban', '永春县'],
      ['B', '山区', 'rural', '永春县'],
    ]);
    const [x0, y0] = z.features[0].geometry.coordinates[0][0][0];
    expect(x0).toBeCloseTo(118.2, 5);
    expect(y0).toBeCloseTo(25.25, 5);
    expect(z.problems.map((p) => [p.row, p.code, p.severity ?? 'error'])).toEqual([
      [3, 'duplicate-code', 'error'],
      [4, 'unknown-area-type', 'warning'],
      [4, 'bad-geometry', 'error'],
    ]);
    expect(z.rows.map((r) => r.zoneCode)).toEqual(['A', 'B', null, null]);
    expect(z.summary).toMatchObject({ rows: 4, zones: 2, rejected: 2, urban: 1, rural: 1 });
  });

  it('defaults the area type with a warning when no field says it, and reads NBS codes', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: square(118, 25, 118.1, 25.1) }] };
    const z = readZones(utf8(JSON.stringify(fc)), { file: 'z.json' });
    expect(z.zones[0]).toMatchObject({ name: 'x', code: 'z-1', areaType: 'rural' });
    expect(z.problems.find((p) => p.code === 'default-area-type')).toMatchObject({ row: 0, severity: 'warning' });
    expect(['111', '112', '121', '122', '123', '210', '220', 'urban', '城区', '乡村', '农村', '?'].map((v) => parseAreaType(v))).toEqual([
      'urban',
      'urban',
      'urban',
      'urban',
      null,
      'rural',
      'rural',
      'urban',
      'urban',
      'rural',
      'rural',
      null,
    ]);
  });
});
