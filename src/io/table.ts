/**
 * Tabular files (CSV text in any of our encodings, or the first/named sheet of
 * an XLSX workbook) as a header and numbered rows of strings.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { toArrayBuffer, toUint8, type FileBytes } from './bytes.ts';
import { guessMapping, normaliseCell } from './columns.ts';
import { DataFileError, fileError, wrapLibraryError, type RowProblem } from './errors.ts';
import { damageWarnings, decodeText, type EncodingOption, type TextEncodingName } from './text.ts';

export interface TableRow {
  /** 1-based data row: the first row after the header is 1. */
  row: number;
  /** Cells by header, as text (numbers from XLSX are written back without loss). */
  values: Record<string, string>;
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** Null for XLSX (which stores text as UTF-8 internally). */
  encoding: TextEncodingName | null;
  header: string[];
  /** 0-based index of the header among the file's lines/sheet rows (title lines above it are skipped). */
  headerIndex: number;
  rows: TableRow[];
  /** Row numbers of rows with every cell empty: kept out of `rows`, counted here. */
  blankRows: number[];
  problems: RowProblem[];
}

export interface TableOptions {
  file: string;
  encoding?: EncodingOption;
  /** XLSX sheet by name or 1-based number; the first sheet by default. */
  sheet?: string | number;
  /**
   * Picks the header row among the first lines: the first whose cells score
   * highest on this function (e.g. number of recognised column names). Default:
   * the first non-empty line.
   */
  scoreHeader?: (cells: string[]) => number;
}

/** Reads a CSV file (bytes). */
export function readCsvTable(bytes: FileBytes, options: TableOptions): Table {
  const decoded = decodeText(bytes, options.file, options.encoding);
  const { text, encoding } = decoded;
  let parsed: Papa.ParseResult<string[]>;
  try {
    parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  } catch (e) {
    throw wrapLibraryError(e, options.file, 'CSV text');
  }
  const lines = parsed.data.map((cells) => cells.map(normaliseCell));
  const table = toTable(lines, 'csv', encoding, options);
  table.problems.unshift(...damageWarnings(decoded, options.file));
  for (const e of parsed.errors) {
    // Papa's row is the 0-based line index of the whole file
    const row = (e.row ?? -1) - table.headerIndex;
    if (e.code === 'UndetectableDelimiter') continue;
    table.problems.push({ file: options.file, row: Math.max(row, 0), code: 'csv-syntax', reason: `CSV syntax: ${e.message}`, severity: 'warning' });
  }
  return table;
}

/** Reads one sheet of an XLSX workbook (bytes). */
export async function readXlsxTable(bytes: FileBytes, options: TableOptions): Promise<Table> {
  const b = toUint8(bytes);
  if (!(b[0] === 0x50 && b[1] === 0x4b)) throw fileError(options.file, 'is not an XLSX workbook (no ZIP signature); old .xls files must be saved as .xlsx or CSV first', 'not-xlsx');
  let data: unknown[][];
  try {
    data = (await readSheet(toArrayBuffer(b), options.sheet ?? 1)) as unknown[][];
  } catch (e) {
    throw wrapLibraryError(e, options.file, `an XLSX workbook${options.sheet ? ` with sheet "${options.sheet}"` : ''}`);
  }
  if (!Array.isArray(data)) throw fileError(options.file, 'holds no readable sheet', 'not-xlsx');
  const lines = data.map((cells) => (Array.isArray(cells) ? cells.map(normaliseCell) : []));
  return toTable(lines, 'xlsx', null, options);
}

/** Reads a CSV or XLSX file, by its first bytes. */
export async function readTable(bytes: FileBytes, options: TableOptions): Promise<Table> {
  const b = toUint8(bytes);
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 ? readXlsxTable(b, options) : readCsvTable(b, options);
}

const isBlank = (cells: string[]) => cells.every((c) => c === '');

function toTable(lines: string[][], format: 'csv' | 'xlsx', encoding: TextEncodingName | null, options: TableOptions): Table {
  const { file } = options;
  let headerIndex = lines.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw new DataFileError([{ file, row: 0, code: 'empty', reason: 'is empty: no header row and no data' }]);
  if (options.scoreHeader) {
    let best = -1;
    for (let i = headerIndex; i < Math.min(lines.length, headerIndex + 10); i++) {
      const score = options.scoreHeader(lines[i]);
      if (score > best) {
        best = score;
        headerIndex = i;
      }
    }
    if (best <= 0) headerIndex = lines.findIndex((cells) => !isBlank(cells));
  }
  const problems: RowProblem[] = [];
  const header = uniqueHeaders(lines[headerIndex], file, problems);
  const rows: TableRow[] = [];
  const blankRows: number[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const row = i - headerIndex;
    const cells = lines[i];
    if (isBlank(cells)) {
      // Papa reports the final newline as one empty line: not a row of the file
      if (!(format === 'csv' && i === lines.length - 1)) blankRows.push(row);
      continue;
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
      problems.push({ file, row, code: 'extra-cells', severity: 'warning', reason: `${cells.length} cells where the header has ${header.length}; the extra cells are ignored` });
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = cells[k] ?? '';
    });
    const damaged = header.filter((h) => values[h].includes('\uFFFD'));
    if (damaged.length > 0) problems.push({ file, row, column: damaged[0], code: 'damaged-text', severity: 'warning', reason: `undecodable bytes ("�") in ${damaged.slice(0, 3).join(', ')}` });
    rows.push({ row, values });
  }
  return { format, encoding, header, headerIndex, rows, blankRows, problems };
}

/** Header cells made unique and non-empty ("列3" for an empty third header, "名称 (2)" for a repeated one). */
function uniqueHeaders(cells: string[], file: string, problems: RowProblem[]): string[] {
  const seen = new Set<string>();
  return cells.map((raw, k) => {
    let h = raw === '' ? `列${k + 1}` : raw;
    if (seen.has(h)) {
      let n = 2;
      while (seen.has(`${h} (${n})`)) n++;
      problems.push({ file, row: 0, column: h, code: 'duplicate-header', severity: 'warning', reason: `header "${h}" appears twice; the later column is called "${h} (${n})"` });
      h = `${h} (${n})`;
    }
    seen.add(h);
    return h;
  });
}

/**
 * Reads a table whose columns must all be found: the table, and each field's
 * column (guessed from `aliases`, or as the caller fixed it). A library failure
 * names the file and `expected`; missing columns are refused together.
 */
export async function readMappedTable<F extends string>(
  bytes: FileBytes,
  options: TableOptions & { columns?: Partial<Record<F, string | null>> },
  aliases: Record<F, readonly string[]>,
  expected: string,
): Promise<{ table: Table; mapping: Record<F, string> }> {
  const { file } = options;
  let table: Table;
  try {
    table = await readTable(bytes, { file, encoding: options.encoding, sheet: options.sheet });
  } catch (e) {
    throw wrapLibraryError(e, file, expected);
  }
  const mapping = guessMapping(table.header, aliases, options.columns);
  const fields = Object.keys(aliases) as F[];
  const missing = fields.filter((f) => mapping[f] === null || !table.header.includes(mapping[f]!));
  if (missing.length > 0) {
    throw new DataFileError(missing.map((f) => ({ file, row: 0, column: f, code: 'missing-column', reason: `no ${f} column (columns found: ${table.header.slice(0, 20).join(', ') || 'none'})`, fix: `choose the ${f} column` })));
  }
  return { table, mapping: mapping as Record<F, string> };
}
