/**
 * Tabular files (CSV text in any of our encodings, or the first/named sheet of
 * an XLSX workbook) as a header and numbered rows of strings.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { toArrayBuffer, toUint8, type FileBytes } from './bytes.ts';
import { guessMapping, normaliseCell } from './columns.ts';
import { abortError, DataFileError, fileError, throwIfAborted, wrapLibraryError, type RowProblem } from './errors.ts';
import { fmtCount, IMPORT_LIMITS } from './limits.ts';
import { checkXlsxSheet } from './xlsx-extent.ts';
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
  /** The columns whose values each row keeps, chosen from the header (default, or null: all); a wide table then stays small. */
  keepColumns?: (header: string[]) => readonly string[] | null;
  /** Stop after this many data rows (e.g. 0 to read the header alone). */
  maxRows?: number;
  /**
   * Each data row handed over as it is read instead of kept (`rows` stays
   * empty): a million-row table is never held as row objects. The cell limit
   * then does not apply, since nothing is held.
   */
  onRow?: (row: TableRow) => void;
}

/** Reads a CSV file (bytes), row by row: only the rows (and columns) kept are held. */
export function readCsvTable(bytes: FileBytes, options: TableOptions): Table {
  const decoded = decodeText(bytes, options.file, options.encoding);
  const builder = new TableBuilder('csv', decoded.encoding, options);
  try {
    Papa.parse<string[]>(decoded.text, {
      header: false,
      skipEmptyLines: false,
      step: (results, parser) => {
        for (const e of results.errors) {
          if (e.code !== 'UndetectableDelimiter') builder.syntaxWarning(`CSV syntax: ${e.message}`);
        }
        if (!builder.add(results.data)) parser.abort();
      },
    });
  } catch (e) {
    throw wrapLibraryError(e, options.file, 'CSV text');
  }
  const table = builder.finish();
  table.problems = damageWarnings(decoded, options.file).concat(table.problems);
  return table;
}

/** Rows between pauses of a streamed read (to report progress and notice a cancel). */
const ROWS_PER_PAUSE = 50_000;

/**
 * Reads a CSV or XLSX table row by row into `options.onRow`, keeping no rows:
 * a CSV is parsed in slices with a pause between them, so `onProgress`
 * (fraction of the text read) is called and a cancelled `signal` stops the
 * read (rejecting with an AbortError). The returned table has no rows.
 */
export async function streamTable(bytes: FileBytes, options: TableOptions & { onRow: (row: TableRow) => void; signal?: AbortSignal; onProgress?: (fraction: number) => void }): Promise<Table> {
  const b = toUint8(bytes);
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    const table = await readXlsxTable(b, options);
    throwIfAborted(options.signal);
    return table;
  }
  const decoded = decodeText(b, options.file, options.encoding);
  const builder = new TableBuilder('csv', decoded.encoding, options);
  const length = Math.max(decoded.text.length, 1);
  await new Promise<void>((resolve, reject) => {
    let lines = 0;
    let failed = false;
    try {
      Papa.parse<string[]>(decoded.text, {
        header: false,
        skipEmptyLines: false,
        step: (results, parser) => {
          if (failed) return;
          try {
            for (const e of results.errors) {
              if (e.code !== 'UndetectableDelimiter') builder.syntaxWarning(`CSV syntax: ${e.message}`);
            }
            if (!builder.add(results.data)) return parser.abort();
          } catch (e) {
            failed = true;
            parser.abort();
            return reject(e);
          }
          if (++lines % ROWS_PER_PAUSE !== 0) return;
          parser.pause();
          options.onProgress?.(results.meta.cursor / length);
          setTimeout(() => {
            if (options.signal?.aborted) {
              failed = true;
              parser.abort();
              reject(abortError());
            } else parser.resume();
          }, 0);
        },
        complete: () => {
          if (!failed) resolve();
        },
      });
    } catch (e) {
      reject(wrapLibraryError(e, options.file, 'CSV text'));
    }
  });
  const table = builder.finish();
  table.problems = damageWarnings(decoded, options.file).concat(table.problems);
  return table;
}

/** Reads one sheet of an XLSX workbook (bytes), after checking that its size and cell addresses are within the limits. */
export async function readXlsxTable(bytes: FileBytes, options: TableOptions): Promise<Table> {
  const b = toUint8(bytes);
  if (!(b[0] === 0x50 && b[1] === 0x4b)) throw fileError(options.file, 'is not an XLSX workbook (no ZIP signature); old .xls files must be saved as .xlsx or CSV first', 'not-xlsx');
  checkXlsxSheet(b, options.file, options.sheet ?? 1);
  let data: unknown[][];
  try {
    data = (await readSheet(toArrayBuffer(b), options.sheet ?? 1)) as unknown[][];
  } catch (e) {
    throw wrapLibraryError(e, options.file, `an XLSX workbook${options.sheet ? ` with sheet "${options.sheet}"` : ''}`);
  }
  if (!Array.isArray(data)) throw fileError(options.file, 'holds no readable sheet', 'not-xlsx');
  const builder = new TableBuilder('xlsx', null, options);
  for (const cells of data) if (!builder.add(Array.isArray(cells) ? cells : [])) break;
  return builder.finish();
}

/** Reads a CSV or XLSX file, by its first bytes. */
export async function readTable(bytes: FileBytes, options: TableOptions): Promise<Table> {
  const b = toUint8(bytes);
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 ? readXlsxTable(b, options) : readCsvTable(b, options);
}

const isBlank = (cells: string[]) => cells.every((c) => c === '');

/** Lines the header is looked for among (title lines above it are skipped). */
const HEADER_LINES = 10;

/**
 * Turns lines, fed one at a time, into a Table: finds the header among the
 * first lines, numbers the rows, keeps the chosen columns only, and stops
 * with the limit it hit (columns, cells) as soon as a line passes it.
 */
class TableBuilder {
  private pending: string[][] = [];
  private firstNonBlank = -1;
  private lines = 0;
  private header: string[] | null = null;
  private headerIndex = -1;
  /** Indices of the header cells kept in each row (all when keepColumns gives null). */
  private kept: number[] = [];
  private cells = 0;
  private rowsRead = 0;
  private trailingBlank = false;
  private readonly rows: TableRow[] = [];
  private readonly blankRows: number[] = [];
  private readonly problems: RowProblem[] = [];

  constructor(
    private readonly format: 'csv' | 'xlsx',
    private readonly encoding: TextEncodingName | null,
    private readonly options: TableOptions,
  ) {}

  /** A CSV syntax warning for the line being read. */
  syntaxWarning(reason: string): void {
    const row = this.header ? this.lines - this.headerIndex : 0;
    this.problems.push({ file: this.options.file, row: Math.max(row, 0), code: 'csv-syntax', reason, severity: 'warning' });
  }

  /** Adds the next line; false once maxRows data rows are read (stop feeding). */
  add(raw: readonly unknown[]): boolean {
    const { file } = this.options;
    if (raw.length > IMPORT_LIMITS.maxColumns) {
      throw new DataFileError([
        {
          file,
          row: this.header ? this.lines - this.headerIndex : 0,
          code: 'too-large',
          reason: `line ${fmtCount(this.lines + 1)} has ${fmtCount(raw.length)} columns, more than the ${fmtCount(IMPORT_LIMITS.maxColumns)} a table may have (Excel's own limit)`,
          fix: 'delete the columns that are not needed, or check the separator (a file of one long line?)',
        },
      ]);
    }
    const cells = raw.map(normaliseCell);
    const index = this.lines++;
    if (this.header) return this.addRow(index, cells);
    this.pending.push(cells);
    if (this.firstNonBlank < 0 && !isBlank(cells)) this.firstNonBlank = index;
    if (this.firstNonBlank >= 0 && (!this.options.scoreHeader || index - this.firstNonBlank + 1 >= HEADER_LINES)) return this.decideHeader();
    return true;
  }

  finish(): Table {
    if (!this.header) {
      if (this.firstNonBlank < 0) throw new DataFileError([{ file: this.options.file, row: 0, code: 'empty', reason: 'is empty: no header row and no data' }]);
      this.decideHeader();
    }
    // Papa reports the final newline as one empty line: not a row of the file
    if (this.format === 'csv' && this.trailingBlank) this.blankRows.pop();
    return { format: this.format, encoding: this.encoding, header: this.header!, headerIndex: this.headerIndex, rows: this.rows, blankRows: this.blankRows, problems: this.problems };
  }

  private decideHeader(): boolean {
    const lines = this.pending;
    let headerIndex = this.firstNonBlank;
    if (this.options.scoreHeader) {
      let best = -1;
      for (let i = headerIndex; i < Math.min(lines.length, this.firstNonBlank + HEADER_LINES); i++) {
        const score = this.options.scoreHeader(lines[i]);
        if (score > best) {
          best = score;
          headerIndex = i;
        }
      }
      if (best <= 0) headerIndex = this.firstNonBlank;
    }
    this.headerIndex = headerIndex;
    this.header = uniqueHeaders(lines[headerIndex], this.options.file, this.problems);
    const keep = this.options.keepColumns?.(this.header) ?? null;
    this.kept = this.header.map((_, k) => k).filter((k) => keep === null || keep.includes(this.header![k]));
    this.pending = [];
    for (let i = headerIndex + 1; i < lines.length; i++) if (!this.addRow(i, lines[i])) return false;
    return true;
  }

  private addRow(index: number, cells: string[]): boolean {
    const { file, maxRows } = this.options;
    const header = this.header!;
    const row = index - this.headerIndex;
    if (isBlank(cells)) {
      this.blankRows.push(row);
      this.trailingBlank = true;
      return true;
    }
    this.trailingBlank = false;
    if (maxRows !== undefined && this.rowsRead >= maxRows) return false;
    if (cells.length > header.length) {
      for (let k = header.length; k < cells.length; k++) {
        if (cells[k] === '') continue;
        this.problems.push({ file, row, code: 'extra-cells', severity: 'warning', reason: `${cells.length} cells where the header has ${header.length}; the extra cells are ignored` });
        break;
      }
    }
    this.rowsRead++;
    if (!this.options.onRow) this.cells += this.kept.length;
    if (this.cells > IMPORT_LIMITS.maxTableCells) {
      throw new DataFileError([
        {
          file,
          row,
          code: 'too-large',
          reason: `holds more than ${fmtCount(IMPORT_LIMITS.maxTableCells)} cells (${fmtCount(this.rows.length)} rows × ${fmtCount(this.kept.length)} columns so far), more than can be read at once`,
          fix: 'delete the columns that are not needed, or split the file into parts',
        },
      ]);
    }
    const values: Record<string, string> = {};
    let damaged: string[] | null = null;
    for (const k of this.kept) {
      const v = cells[k] ?? '';
      values[header[k]] = v;
      if (v.includes('\uFFFD')) (damaged ??= []).push(header[k]);
    }
    if (damaged) this.problems.push({ file, row, column: damaged[0], code: 'damaged-text', severity: 'warning', reason: `undecodable bytes ("�") in ${damaged.slice(0, 3).join(', ')}` });
    if (this.options.onRow) this.options.onRow({ row, values });
    else this.rows.push({ row, values });
    return true;
  }
}

/** Header cells made unique and non-empty ("列3" for an empty third header, "名称 (2)" for a repeated one), in linear time. */
function uniqueHeaders(cells: string[], file: string, problems: RowProblem[]): string[] {
  const seen = new Set<string>();
  // the next number to try for each repeated name
  const next = new Map<string, number>();
  return cells.map((raw, k) => {
    let h = raw === '' ? `列${k + 1}` : raw;
    if (seen.has(h)) {
      let n = next.get(h) ?? 2;
      while (seen.has(`${h} (${n})`)) n++;
      next.set(h, n + 1);
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
    // only the columns of the fields are kept: a wide table stays small
    const keepColumns = (header: string[]) => Object.values<string | null>(guessMapping(header, aliases, options.columns)).filter((c): c is string => c !== null);
    table = await readTable(bytes, { file, encoding: options.encoding, sheet: options.sheet, keepColumns });
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
