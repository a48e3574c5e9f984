/**
 * RFC 4180 CSV reading with row/column context in every error, so a bad
 * source file is reported as `file:row:column` rather than a silent NaN.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Splits CSV text into rows of fields with Papa Parse (quoted fields with
 * commas, "" and line breaks; LF or CRLF); drops empty lines and a UTF-8 BOM.
 * Any malformed quoting is an error naming the file and row.
 * @example parseCsv('a,"b,c"\n1,2') // [['a', 'b,c'], ['1', '2']]
 */
export function parseCsv(text: string, file = '<csv>'): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true });
  const error = parsed.errors[0];
  if (error) throw new Error(`${file}:${(error.row ?? 0) + 1}: ${error.message}`);
  return parsed.data;
}

/** One parsed row with its 1-based line number in the file, for error messages. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * Reads a CSV file and checks that every row has `columns` fields.
 * Returns the rows with their 1-based row numbers.
 */
export function readCsvFile(file: string, columns: number): CsvRow[] {
  const rows = parseCsv(readFileSync(file, 'utf8'), file);
  return rows.map((fields, i) => {
    if (fields.length !== columns) {
      throw new Error(`${file}: row ${i + 1} has ${fields.length} fields when expected ${columns}`);
    }
    return { line: i + 1, fields };
  });
}

/**
 * Parses a field as a finite number; throws naming file, row and column.
 * Returns null for an empty field when `allowEmpty` is set.
 */
export function numberField(file: string, row: CsvRow, index: number, column: string, allowEmpty = false): number | null {
  const raw = row.fields[index].trim();
  if (raw === '') {
    if (allowEmpty) return null;
    throw new Error(`${file}: row ${row.line}, column ${column}: empty where a number was expected`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new Error(`${file}: row ${row.line}, column ${column}: "${raw}" is not a number`);
  }
  return value;
}
