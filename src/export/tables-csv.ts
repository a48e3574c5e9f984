/**
 * Tables as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it
 * Excel on Chinese Windows reads the file as GBK and garbles the headers),
 * CRLF line ends and RFC 4180 quoting by papaparse.
 */
import Papa from 'papaparse';
import type { ExportTextOptions } from './table-vocabulary.ts';
import { townshipTable, type TableData, type TownshipTableInput } from './township-table.ts';

export const CSV_MIME = 'text/csv;charset=utf-8';

/**
 * A table as CSV text, BOM first. Text cells starting with = + - @ get a
 * leading apostrophe (papaparse escapeFormulae): names come from users' files,
 * and a spreadsheet must not run them as formulas. Numbers are left alone.
 */
export function tableToCsv(table: TableData): string {
  const body = Papa.unparse({ fields: table.header, data: table.rows }, { newline: '\r\n', escapeFormulae: true });
  return `\uFEFF${body}\r\n`;
}

/**
 * The per-township table (with subtotals and the total row) as CSV.
 * @example townshipTableCsv({ ...report, populationSource: { kind: 'demo' } }, { language: 'zh-CN' }).startsWith('\uFEFF区县代码,区县,乡镇代码,乡镇') // true
 */
export function townshipTableCsv(input: TownshipTableInput, options: ExportTextOptions): string {
  return tableToCsv(townshipTable(input, options));
}

/** CSV text as a Blob to download. */
export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: CSV_MIME });
}
