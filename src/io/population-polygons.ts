/**
 * Population polygons (GeoJSON areas with a population property, e.g.
 * census units) → H3 cells by areal weighting: each polygon's population is
 * split over the cells whose centres it contains, in proportion to cell area;
 * a polygon too small to contain a cell centre gives everything to the cell
 * containing a point inside it. Totals are kept exactly.
 */
import { pointOnFeature } from '@turf/turf';
import { cellArea, cellToLatLng, getHexagonAreaAvg, getHexagonEdgeLengthAvg, latLngToCell, polygonToCellsExperimental } from 'h3-js';
import { DEG, KM_PER_DEG_LAT } from '../core/geo.ts';
import type { FileBytes } from './bytes.ts';
import { guessColumn, parseNumber } from './columns.ts';
import { polygonsToWgs84, type Crs } from './crs.ts';
import { DataFileError, guardReader, pushAll, type RowProblem } from './errors.ts';
import { checkDeclaredCrs, inLngLatRange, parseGeoJson, polygonsOf, vertexBudget } from './geojson.ts';
import { fmtCount, IMPORT_LIMITS } from './limits.ts';
import { PolygonIndex } from './polygon-index.ts';
import { H3_COLUMN_ALIASES } from './population-h3.ts';
import { CellAccumulator, checkResolution, MAX_PLAUSIBLE_POPULATION, type PopulationImport, type PopulationSummary } from './population.ts';
import type { EncodingOption } from './text.ts';

export interface PolygonPopulationOptions {
  file: string;
  resolution: number;
  /** Property holding the population (guessed from population/pop/人口/… when absent). */
  populationField?: string;
  crs?: Crs;
  encoding?: EncodingOption;
  /** A polygon may cover at most this many cells (default 2 million). */
  maxCellsPerPolygon?: number;
  /** All polygons of the file together may cover at most this many cells (default IMPORT_LIMITS.maxPolygonCells). */
  maxCells?: number;
}

export interface PolygonPopulationSummary extends PopulationSummary {
  source: 'polygons';
  features: number;
  populationField: string;
  /** Polygons that held no cell centre and went whole to one cell. */
  smallPolygons: number;
}

/** Reads population polygons and spreads each over the H3 cells it contains. */
export function readPopulationPolygons(bytes: FileBytes, options: PolygonPopulationOptions): PopulationImport<PolygonPopulationSummary> {
  return guardReader(options.file, 'population polygons (GeoJSON)', () => readPolygons(bytes, options));
}

function readPolygons(bytes: FileBytes, options: PolygonPopulationOptions): PopulationImport<PolygonPopulationSummary> {
  const { file, resolution } = options;
  const crs = options.crs ?? 'WGS84';
  checkResolution(resolution, file);
  const gj = parseGeoJson(bytes, file, options.encoding);
  const problems: RowProblem[] = pushAll([], gj.problems);
  checkDeclaredCrs(gj.declaredCrs, file, problems);
  const field = options.populationField ?? guessColumn(gj.fields, H3_COLUMN_ALIASES.population);
  if (!field) {
    throw new DataFileError([{ file, row: 0, column: 'population', code: 'missing-column', reason: `no population property (properties found: ${gj.fields.slice(0, 20).join(', ') || 'none'})`, fix: 'choose the population property' }]);
  }
  const maxCells = options.maxCellsPerPolygon ?? 2_000_000;
  const maxFileCells = options.maxCells ?? IMPORT_LIMITS.maxPolygonCells;
  let filled = 0;
  const hexKm2 = getHexagonAreaAvg(resolution, 'km2');
  const acc = new CellAccumulator();
  let inputTotal = 0;
  let droppedNodata = 0;
  let smallPolygons = 0;
  const budget = vertexBudget();
  for (const f of gj.features) {
    const row = f.row;
    const raw = f.properties[field];
    const population = typeof raw === 'number' ? raw : parseNumber(String(raw ?? ''));
    if (raw === null || raw === undefined || raw === '') {
      droppedNodata++;
      problems.push({ file, row, column: field, code: 'no-data', severity: 'warning', reason: 'no population value; counted as no data' });
      continue;
    }
    if (!Number.isFinite(population) || population < 0 || population > MAX_PLAUSIBLE_POPULATION) {
      problems.push({ file, row, column: field, code: 'not-a-number', reason: `${JSON.stringify(raw).slice(0, 30)} is not a number of people (0 to 1e9)`, value: String(raw).slice(0, 30) });
      continue;
    }
    const shape = polygonsOf(f.geometry, budget, file);
    if ('reason' in shape) {
      problems.push({ file, row, column: 'geometry', code: shape.code ?? 'bad-geometry', reason: shape.reason });
      continue;
    }
    polygonsToWgs84(shape.polygons, crs);
    if (!shape.polygons.every((rings) => rings.every((ring) => ring.every(inLngLatRange)))) {
      problems.push({ file, row, column: 'geometry', code: 'out-of-range', reason: 'positions outside longitude −180…180 / latitude −90…90 (projected coordinates?)' });
      continue;
    }
    const estimate = estimateCells(shape.polygons, hexKm2);
    if (estimate > maxCells) {
      problems.push({ file, row, column: 'geometry', code: 'too-large', reason: `covers ~${Math.round(estimate).toLocaleString('en-US')} cells at resolution ${resolution}; choose a coarser resolution` });
      continue;
    }
    if ((filled += estimate) > maxFileCells) {
      throw new DataFileError([
        { file, row, column: 'geometry', code: 'too-large', reason: `the polygons up to this one cover ~${fmtCount(filled)} cells at resolution ${resolution}, more than the ${fmtCount(maxFileCells)} one file may fill`, fix: 'choose a coarser resolution, or crop the file to the region' },
      ]);
    }
    if (population === 0) continue;
    let cells: string[];
    try {
      cells = cellsWithCentreIn(shape.polygons, resolution);
    } catch (e) {
      problems.push({ file, row, column: 'geometry', code: 'bad-geometry', reason: `H3 could not fill this polygon (${(e as Error).message.slice(0, 100)})` });
      continue;
    }
    inputTotal += population;
    if (cells.length === 0) {
      smallPolygons++;
      const geometry = { type: 'MultiPolygon' as const, coordinates: shape.polygons };
      const [lng, lat] = pointOnFeature(geometry).geometry.coordinates;
      acc.add(latLngToCell(lat, lng, resolution), population);
      continue;
    }
    const areas = cells.map((c) => cellArea(c, 'km2'));
    const sum = areas.reduce((s, a) => s + a, 0);
    cells.forEach((c, i) => acc.add(c, (population * areas[i]) / sum));
  }
  const cells = acc.toCells();
  return {
    cells,
    summary: {
      file,
      source: 'polygons',
      resolution,
      inputTotal,
      outputTotal: acc.total,
      cells: cells.length,
      droppedNodata,
      method: `each polygon's population split over the H3 res-${resolution} cells whose centres it contains, by cell area; polygons holding no cell centre go to the cell at a point inside them`,
      problems,
      features: gj.features.length,
      populationField: field,
      smallPolygons,
    },
  };
}

/**
 * The cells whose centres lie in the polygons: for each polygon, the cells
 * of its box (grown by two cell edges), each centre tested against an index
 * of its edges, so the work grows with cells + vertices, not cells × vertices.
 */
function cellsWithCentreIn(polygons: number[][][][], resolution: number): string[] {
  const out = new Set<string>();
  const padKm = getHexagonEdgeLengthAvg(resolution, 'km') * 2;
  for (const rings of polygons) {
    const index = new PolygonIndex([rings]);
    const [w, s, e, n] = index.bbox;
    const dLat = padKm / KM_PER_DEG_LAT;
    const dLng = dLat / Math.cos(Math.min(89, Math.max(Math.abs(s), Math.abs(n)) + dLat) * DEG);
    const [w2, e2, s2, n2] = [w - dLng, e + dLng, Math.max(-90, s - dLat), Math.min(90, n + dLat)];
    for (const c of polygonToCellsExperimental([[[w2, s2], [e2, s2], [e2, n2], [w2, n2], [w2, s2]]], resolution, 'containmentCenter', true)) {
      const [lat, lng] = cellToLatLng(c);
      if (index.contains(lng, lat)) out.add(c);
    }
  }
  return [...out];
}

/** Cells a polygon list may cover: its box area over the cell area. */
function estimateCells(polygons: number[][][][], hexKm2: number): number {
  let total = 0;
  for (const rings of polygons) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of rings[0]) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    const km2 = (e - w) * (n - s) * KM_PER_DEG_LAT * KM_PER_DEG_LAT * Math.cos(((s + n) / 2) * DEG);
    total += km2 / hexKm2;
  }
  return total;
}
