import { cellToChildren, cellToParent, getResolution, latLngToCell, polygonToCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../src/core/grid.ts';
import { fromWgs84 } from '../../src/io/crs.ts';
import { DataFileError, isError } from '../../src/io/errors.ts';
import { readH3PopulationTable, resampleCells } from '../../src/io/population-h3.ts';
import { readPopulationPoints } from '../../src/io/population-points.ts';
import { readPopulationPolygons } from '../../src/io/population-polygons.ts';
import { csv, gbk, square, utf8, xlsx, yongchunSeats } from '../helpers/fixtures-files.ts';

const seats = yongchunSeats();
const sum = (cells: { population: number }[]) => cells.reduce((s, c) => s + c.population, 0);

/** Cells around the Yongchun seats at a resolution, with whole-number populations. */
function tableAt(resolution: number) {
  const cells = new Set<string>();
  for (const s of seats) for (const c of polygonToCells(square(s.lng - 0.01, s.lat - 0.01, s.lng + 0.01, s.lat + 0.01).coordinates, resolution, true)) cells.add(c);
  return [...cells].sort().map((h3, i) => ({ h3, population: (i * 37) % 500 }));
}

describe('H3 population tables (Kontur style)', () => {
  it('brings res-8 and res-10 tables to res 9 with totals equal', async () => {
    for (const from of [8, 10]) {
      const rows = tableAt(from);
      const total = sum(rows);
      const { cells, summary } = await readH3PopulationTable(utf8(csv(['h3', 'population'], rows.map((r) => [r.h3, r.population]))), { file: `kontur_r${from}.csv`, resolution: 9 });
      expect(summary.inputResolutions).toEqual({ [from]: rows.length });
      expect(summary.inputTotal).toBe(total);
      expect(summary.outputTotal).toBeCloseTo(total, 6);
      expect(sum(cells)).toBeCloseTo(total, 6);
      expect(cells.every((c) => getResolution(c.h3) === 9)).toBe(true);
      expect(summary.problems).toEqual([]);
      // going down splits evenly over the 7 children; going up sums the children into the parent
      if (from === 8) {
        const r = rows.find((x) => x.population > 0)!;
        for (const child of cellToChildren(r.h3, 9)) expect(cells.find((c) => c.h3 === child)!.population).toBeCloseTo(r.population / 7, 9);
      } else {
        const parent = cellToParent(rows[0].h3, 9);
        const want = sum(rows.filter((x) => cellToParent(x.h3, 9) === parent));
        expect(cells.find((c) => c.h3 === parent)?.population ?? 0).toBe(want);
      }
      expect(() => buildGrid(cells, [])).not.toThrow();
    }
  });

  it('reports bad rows by number and column, adds repeated cells (with a warning), and reads an XLSX table', async () => {
    const good = latLngToCell(25.3, 118.2, 9);
    const other = latLngToCell(25.31, 118.2, 9);
    const text = csv(['hex_id', 'pop'], [[good, 10], ['not-a-cell', 5], [other, 'many'], [good, 2.5], [other, '']]);
    const { cells, summary } = await readH3PopulationTable(utf8(text), { file: 't.csv', resolution: 9 });
    expect(cells).toEqual([{ h3: good, population: 12.5 }]);
    expect(summary.problems.map((p) => [p.row, p.column, p.code, p.severity ?? 'error'])).toEqual([
      [2, 'hex_id', 'bad-h3', 'error'],
      [3, 'pop', 'not-a-number', 'error'],
      [4, 'hex_id', 'duplicate-cell', 'warning'],
      [5, 'pop', 'no-data', 'warning'],
    ]);
    expect(summary.droppedNodata).toBe(1);
    const book = await readH3PopulationTable(await xlsx([['h3', 'population'], [good, 4]]), { file: 't.xlsx', resolution: 8 });
    expect(book.cells).toEqual([{ h3: cellToParent(good, 8), population: 4 }]);
    await expect(readH3PopulationTable(utf8('a,b\n1,2\n'), { file: 'x.csv', resolution: 9 })).rejects.toBeInstanceOf(DataFileError);
  });

  it('refuses a split that would make too many cells, and a resolution out of range', () => {
    const coarse = [{ h3: latLngToCell(25.3, 118.2, 3), population: 1000 }];
    expect(() => resampleCells(coarse, 12, { file: 'c.csv', maxCells: 1_000_000 })).toThrow(/cells when split from resolution 3 to 12/);
    expect(() => resampleCells(coarse, 16)).toThrow(DataFileError);
  });
});

describe('population points', () => {
  it('sums GBK point rows (GCJ-02) into the cells the WGS84 points fall in', async () => {
    const rows = seats.map((s, i) => {
      const [x, y] = fromWgs84(s.lng, s.lat, 'GCJ02');
      return [`${s.name}`, x.toFixed(7), y.toFixed(7), 1000 + i];
    });
    rows.push(['坏行', '118.1', '纬度?', 5]);
    const { cells, summary } = await readPopulationPoints(gbk(csv(['村名', '经度', '纬度', '人口'], rows)), { file: 'villages.csv', resolution: 9, crs: 'GCJ02' });
    expect(summary.inputTotal).toBe(seats.reduce((s, _, i) => s + 1000 + i, 0));
    expect(sum(cells)).toBe(summary.inputTotal);
    seats.forEach((s, i) => expect(cells.find((c) => c.h3 === latLngToCell(s.lat, s.lng, 9))?.population).toBe(1000 + i));
    expect(summary.problems.filter(isError).map((p) => [p.row, p.column])).toEqual([[23, '纬度']]);
  });
});

describe('population polygons (areal weighting)', () => {
  it('splits each polygon over the cells whose centres it holds, by cell area, keeping the total; tiny polygons go whole to one cell', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 名称: '甲村', 常住人口: 12000 }, geometry: square(118.2, 25.3, 118.25, 25.34) },
        { type: 'Feature', properties: { 名称: '乙村', 常住人口: '800' }, geometry: square(118.3, 25.3, 118.3005, 25.3005) },
        { type: 'Feature', properties: { 名称: '丙村', 常住人口: 'unknown' }, geometry: square(118.4, 25.3, 118.41, 25.31) },
        { type: 'Feature', properties: { 名称: '丁村', 常住人口: 50 }, geometry: { type: 'Point', coordinates: [118, 25] } },
      ],
    };
    const { cells, summary } = readPopulationPolygons(utf8(JSON.stringify(fc)), { file: 'census.geojson', resolution: 9 });
    expect(summary.populationField).toBe('常住人口');
    expect(summary.inputTotal).toBe(12800);
    expect(sum(cells)).toBeCloseTo(12800, 6);
    expect(summary.smallPolygons).toBe(1);
    const big = polygonToCells(fc.features[0].geometry.coordinates as number[][][], 9, true);
    expect(cells.filter((c) => big.includes(c.h3))).toHaveLength(big.length);
    expect(summary.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'not-a-number'],
      [4, 'bad-geometry'],
    ]);
  });
});
