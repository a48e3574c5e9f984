/**
 * A file of historical 120 calls (CSV in UTF-8 or GBK, or XLSX) → calls per
 * region cell. Rows are read one at a time and counted into typed arrays;
 * no row and no call point is kept, so a 1,000,000-row file costs its text
 * and the region's cells, and nothing of it can be traced back to an address.
 * Every row is placed in a cell, counted outside the region, or refused
 * with a row problem (row, column, why, what to do).
 */
import { guessMapping, normaliseHeader, parseCoordinate } from '../columns.ts';
import { crsHintInText, toWgs84, type Crs } from '../crs.ts';
import { DataFileError, guardReader, isError, type ProblemCode, type RowProblem } from '../errors.ts';
import { fmtCount } from '../limits.ts';
import type { RegionCalls } from '../region/types.ts';
import { streamTable, type TableRow } from '../table.ts';
import type { EncodingOption, TextEncodingName } from '../text.ts';
import { CallCells, type CallRegion } from './call-cells.ts';
import { parseCallTime, periodYears } from './call-time.ts';
import { CALL_COLUMN_ALIASES, callHeaderScore, type CallColumnMapping, type CallField } from './fields.ts';
import { spreadOverZones } from './spread.ts';

export interface CallImportOptions {
  /** File name, shown in every problem. */
  file: string;
  /** The region the calls are counted into. */
  region: CallRegion;
  /** Coordinate system of the file; when absent a header hint ("经度(高德)") decides, else WGS84 with a warning. */
  crs?: Crs;
  encoding?: EncodingOption;
  /** XLSX sheet name or 1-based number (default the first). */
  sheet?: string | number;
  /** Column choices that override the guesses (null: the file has no such column). */
  columns?: Partial<CallColumnMapping>;
  /** Mark the calls synthetic (generated); also when the file name or a column says so. */
  synthetic?: boolean;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface CallsRead {
  calls: RegionCalls;
  format: 'csv' | 'xlsx';
  /** Null for XLSX. */
  encoding: TextEncodingName | null;
  /** Null when the file has township codes only. */
  sourceCrs: Crs | null;
  crsFrom: 'option' | 'header' | 'default' | null;
  mapping: CallColumnMapping;
  /** Calls placed by township code: shared over the township's cells by residents. */
  byTownship: number;
  /** Calls per priority and per outcome label (the first few dozen labels; the rest under "…"). */
  byPriority: Record<string, number>;
  byOutcome: Record<string, number>;
  /** The first MAX_LISTED_PROBLEMS row problems, in row order, and file-level ones. */
  problems: RowProblem[];
  /** Row problems beyond those listed (counted, not listed). */
  unlisted: number;
}

/** Row problems listed (a million bad rows would otherwise be a million messages); the rest are counted. */
export const MAX_LISTED_PROBLEMS = 1_000;
/** Distinct priority or outcome labels counted; more go under "…". */
const MAX_LABELS = 40;
const SYNTHETIC_NAME = /synthetic|合成|模拟|generated/i;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Reads a call file into calls per region cell. Throws DataFileError when
 * the file as a whole is unusable: not a table, no coordinate or township
 * column, or no row placed in the region (naming the refused rows).
 * @example const { calls } = await readCalls(bytes, { file: 'calls.csv', region, crs: 'GCJ02' });
 */
export function readCalls(bytes: Uint8Array, options: CallImportOptions): Promise<CallsRead> {
  return guardReader(options.file, 'a call table (CSV or XLSX)', () => read(bytes, options));
}

async function read(bytes: Uint8Array, options: CallImportOptions): Promise<CallsRead> {
  const { file, region } = options;
  const cells = new CallCells(region);
  const tally = new Tally(cells.count, region.zones.length);
  let ctx: RowContext | null = null;
  let reader: RowReader | null = null;
  const onRow = (r: TableRow) => {
    if (!reader) reader = new RowReader((ctx = startRows(r, options, cells)), tally);
    reader.read(r);
  };
  const table = await streamTable(bytes, { file, encoding: options.encoding, sheet: options.sheet, scoreHeader: callHeaderScore, onRow, signal: options.signal, onProgress: options.onProgress });
  ctx ??= startRows(null, options, cells, table.header);
  const c: RowContext = ctx;
  const fileProblems = [...table.problems, ...c.fileProblems];

  const unplaced = spreadOverZones(tally.perZone, region.cells, tally.perCell);
  if (unplaced > 0) fileProblems.push({ file, row: 0, column: c.mapping.township ?? undefined, code: 'outside-region', severity: 'warning', reason: `${fmtCount(unplaced)} calls name a township with no cell in the region; counted outside` });
  const outside = tally.outside + unplaced;
  const total = tally.placedPoints + tally.township - unplaced;
  if (total <= 0) {
    const why = tally.rows === 0 ? 'holds no call rows' : `has no call placed in ${region.name}: ${fmtCount(tally.rows)} rows read, ${fmtCount(tally.skipped)} refused, ${fmtCount(outside)} outside the region`;
    throw new DataFileError([...c.problems.filter(isError).slice(0, 9), { file, row: 0, code: 'no-calls', reason: why, fix: 'check the coordinate columns and coordinate system, or the township codes, against the open region' }]);
  }
  if (c.mapping.time !== null && tally.timed === 0) fileProblems.push({ file, row: 0, column: c.mapping.time, code: 'bad-time', severity: 'warning', reason: 'no call time could be read; the file is taken to cover one year', fix: 'write times as 2023-01-05 08:12' });
  if (c.unlisted > 0) fileProblems.push({ file, row: 0, code: 'too-large', severity: 'warning', reason: `${fmtCount(c.unlisted)} more row problems are counted but not listed (the first ${fmtCount(MAX_LISTED_PROBLEMS)} are)` });

  const periodAssumed = tally.timed === 0;
  const synthetic = options.synthetic === true || SYNTHETIC_NAME.test(file) || table.header.some((h) => SYNTHETIC_NAME.test(normaliseHeader(h)));
  const calls: RegionCalls = {
    perCell: tally.perCell,
    years: periodAssumed ? 1 : periodYears(tally.firstMs, tally.lastMs),
    periodAssumed,
    total,
    outside,
    rows: tally.rows,
    skipped: tally.skipped,
    synthetic,
    source: { what: 'calls', source: file, licence: synthetic ? 'generated (synthetic), no real call' : 'as given by the user', crs: c.sourceCrs },
  };
  return {
    calls,
    format: table.format,
    encoding: table.encoding,
    sourceCrs: c.sourceCrs,
    crsFrom: c.crsFrom,
    mapping: c.mapping,
    byTownship: tally.township - unplaced,
    byPriority: Object.fromEntries(c.priorities),
    byOutcome: Object.fromEntries(c.outcomes),
    problems: [...fileProblems, ...c.problems],
    unlisted: c.unlisted,
  };
}

/** Counts as rows are read, in typed arrays. */
class Tally {
  readonly perCell: Float64Array;
  readonly perZone: Float64Array;
  rows = 0;
  skipped = 0;
  placedPoints = 0;
  township = 0;
  outside = 0;
  timed = 0;
  firstMs = Infinity;
  lastMs = -Infinity;

  constructor(cells: number, zones: number) {
    this.perCell = new Float64Array(cells);
    this.perZone = new Float64Array(zones);
  }
}

interface RowContext {
  file: string;
  cells: CallCells;
  mapping: CallColumnMapping;
  sourceCrs: Crs | null;
  crsFrom: CallsRead['crsFrom'];
  coordColumn: string;
  fileProblems: RowProblem[];
  problems: RowProblem[];
  unlisted: number;
  priorities: Map<string, number>;
  outcomes: Map<string, number>;
}

/** Decides the columns and the CRS once the header is known (on the first row, or at the end of a file without rows). */
function startRows(first: TableRow | null, options: CallImportOptions, cells: CallCells, headerIfEmpty: string[] = []): RowContext {
  const { file } = options;
  const header = first ? Object.keys(first.values) : headerIfEmpty;
  const mapping = guessMapping(header, CALL_COLUMN_ALIASES, options.columns);
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== null && !header.includes(column)) {
      throw new DataFileError([{ file, row: 0, column, code: 'no-such-column', reason: `column "${column}" chosen for ${field} is not in the file (columns: ${header.slice(0, 30).join(', ')})` }]);
    }
  }
  if (mapping.coords !== null && mapping.lng !== null && mapping.lat !== null) mapping.coords = null;
  const hasPoints = (mapping.lng !== null && mapping.lat !== null) || mapping.coords !== null;
  if (!hasPoints && mapping.township === null) {
    throw new DataFileError([
      {
        file,
        row: 0,
        column: 'lng/lat',
        code: 'missing-column',
        reason: `no coordinate columns and no township code column (looked for 经度/纬度, lng/lat, 经纬度 or 乡镇代码; columns: ${header.slice(0, 30).join(', ') || 'none'})`,
        fix: 'choose the longitude and latitude columns, or the township code column',
      },
    ]);
  }
  const fileProblems: RowProblem[] = [];
  let sourceCrs: Crs | null = null;
  let crsFrom: CallsRead['crsFrom'] = null;
  if (hasPoints) {
    const hint = [mapping.lng, mapping.lat, mapping.coords].map((c) => (c ? crsHintInText(c) : null)).find((c) => c !== null);
    if (options.crs) [sourceCrs, crsFrom] = [options.crs, 'option'];
    else if (hint) [sourceCrs, crsFrom] = [hint, 'header'];
    else {
      [sourceCrs, crsFrom] = ['WGS84', 'default'];
      fileProblems.push({ file, row: 0, code: 'crs-assumed', severity: 'warning', reason: 'coordinate system not stated; read as WGS84 (GPS). AMap/高德 and Tencent coordinates are GCJ-02, Baidu/百度 BD-09: read in the wrong one, calls move 300–700 m', fix: 'choose the coordinate system' });
    }
  }
  return {
    file,
    cells,
    mapping,
    sourceCrs,
    crsFrom,
    coordColumn: mapping.coords ?? `${mapping.lng}/${mapping.lat}`,
    fileProblems,
    problems: [],
    unlisted: 0,
    priorities: new Map(),
    outcomes: new Map(),
  };
}

const coordinate = (text: string) => (PLAIN_NUMBER.test(text) ? Number(text) : parseCoordinate(text));

/**
 * Reads rows into the tally: each placed, counted outside, or refused with
 * its problems. One object for the whole file: a row makes no closures.
 */
class RowReader {
  private row = 0;
  private values: Record<string, string> = {};

  constructor(
    private readonly ctx: RowContext,
    private readonly tally: Tally,
  ) {}

  read(r: TableRow): void {
    const { ctx, tally } = this;
    const { mapping, cells } = ctx;
    this.row = r.row;
    this.values = r.values;
    tally.rows++;

    let lngText = '';
    let latText = '';
    if (mapping.coords !== null) {
      const text = this.cell('coords');
      const parts = text.split(/[,，;；\s]+/).filter(Boolean);
      if (text !== '' && parts.length !== 2) return this.error(mapping.coords, 'not-a-number', `"${text.slice(0, 60)}" is not "longitude,latitude"`, { value: text.slice(0, 60) });
      [lngText, latText] = text === '' ? ['', ''] : parts;
    } else if (mapping.lng !== null) {
      lngText = this.cell('lng');
      latText = this.cell('lat');
    }
    let placed: 'cell' | 'zone' | 'outside' | null;
    if (lngText !== '' || latText !== '') {
      placed = this.placePoint(lngText, latText);
      if (placed === null) return;
    } else {
      const township = this.cell('township');
      if (township === '') {
        const column = mapping.township !== null && mapping.lng === null && mapping.coords === null ? mapping.township : ctx.coordColumn;
        return this.error(column, 'missing-coordinates', mapping.township !== null ? 'no coordinates and no township code' : 'empty coordinates', { fix: 'fill in the call position (longitude, latitude) or its township code' });
      }
      const z = cells.zoneOf(township);
      if (z < 0) return this.error(mapping.township, 'unknown-township', `township code "${township.slice(0, 20)}" is not a zone of ${cells.region.name}`, { value: township.slice(0, 20), fix: 'use the 12-digit statistical code of a township in the region' });
      tally.perZone[z]++;
      tally.township++;
      placed = 'zone';
    }

    const timeText = this.cell('time');
    if (timeText !== '') {
      const ms = parseCallTime(timeText);
      if (Number.isNaN(ms)) this.problem(mapping.time, 'bad-time', `"${timeText.slice(0, 40)}" is not a date and time; the call is counted, its time not used for the period`, { severity: 'warning', value: timeText.slice(0, 40), fix: 'write times as 2023-01-05 08:12' });
      else {
        tally.timed++;
        if (ms < tally.firstMs) tally.firstMs = ms;
        if (ms > tally.lastMs) tally.lastMs = ms;
      }
    }
    if (placed !== 'outside') {
      count(ctx.priorities, this.cell('priority'));
      count(ctx.outcomes, this.cell('outcome'));
    }
  }

  private cell(f: CallField): string {
    const column = this.ctx.mapping[f];
    return column === null ? '' : (this.values[column] ?? '');
  }

  /** Lists a problem of the current row (the first MAX_LISTED_PROBLEMS; the rest are counted). */
  private problem(column: string | null, code: ProblemCode, reason: string, extra: Partial<RowProblem> = {}): void {
    const { ctx } = this;
    if (ctx.problems.length >= MAX_LISTED_PROBLEMS) ctx.unlisted++;
    else ctx.problems.push({ file: ctx.file, row: this.row, ...(column ? { column } : {}), code, reason, ...extra });
  }

  /** Refuses the current row with this problem. */
  private error(column: string | null, code: ProblemCode, reason: string, extra: Partial<RowProblem> = {}): void {
    this.problem(column, code, reason, extra);
    this.tally.skipped++;
  }

  /** The region cell of a source-CRS point, -1 outside the region's cells, -2 when it is no longitude/latitude. */
  private at(lng: number, lat: number): number {
    if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return -2;
    const [wx, wy] = toWgs84(lng, lat, this.ctx.sourceCrs!);
    return this.ctx.cells.cellOf(wx, wy);
  }

  /** Places a point read in the source CRS: 'cell' (counted in it), 'outside' (counted outside), or null after refusing the row. */
  private placePoint(lngText: string, latText: string): 'cell' | 'outside' | null {
    const { ctx, tally } = this;
    const { mapping, cells } = ctx;
    const column = ctx.coordColumn;
    if (lngText === '' || latText === '') {
      this.error(mapping.coords ?? (lngText === '' ? mapping.lng : mapping.lat), 'missing-coordinates', `empty ${lngText === '' ? 'longitude' : 'latitude'}`, { fix: 'fill in the call position, or leave both empty and give its township code' });
      return null;
    }
    const x = coordinate(lngText);
    const y = coordinate(latText);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      const bad = Number.isFinite(x) ? latText : lngText;
      this.error(mapping.coords ?? (Number.isFinite(x) ? mapping.lat : mapping.lng), 'not-a-number', `"${bad.slice(0, 60)}" is not a ${Number.isFinite(x) ? 'latitude' : 'longitude'} (a number of degrees)`, { value: bad.slice(0, 60) });
      return null;
    }
    if (x === 0 && y === 0) {
      this.error(column, 'zero-coordinates', 'coordinates are 0, 0 (usually a missing value written as zero)', { value: `${x}, ${y}`, fix: 'fill in the real coordinates' });
      return null;
    }
    const here = this.at(x, y);
    if (here >= 0) {
      tally.perCell[here]++;
      tally.placedPoints++;
      return 'cell';
    }
    const value = `${x}, ${y}`;
    if (this.at(y, x) >= 0) {
      this.error(column, 'swapped-lnglat', `longitude and latitude look swapped: ${value} lies outside ${cells.region.name}, ${y}, ${x} inside it`, { value, fix: `swap ${mapping.lng ?? 'longitude'} and ${mapping.lat ?? 'latitude'}` });
      return null;
    }
    if (here === -2) {
      this.error(column, 'out-of-range', `${value} is not a longitude/latitude (longitude −180…180, latitude −90…90)`, { value, fix: 'check the columns hold degrees, not metres or a projected coordinate' });
      return null;
    }
    this.problem(column, 'outside-region', `${value} lies outside the cells of ${cells.region.name}; counted outside, not placed`, { severity: 'warning', value, fix: `check the coordinates and the coordinate system (${ctx.sourceCrs})` });
    tally.outside++;
    return 'outside';
  }
}

function count(labels: Map<string, number>, text: string): void {
  if (text === '') return;
  const key = labels.has(text) || labels.size < MAX_LABELS ? text : '…';
  labels.set(key, (labels.get(key) ?? 0) + 1);
}
