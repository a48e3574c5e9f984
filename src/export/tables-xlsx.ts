/**
 * Tables as XLSX workbooks (write-excel-file). Its "universal" entry is used:
 * the same code in the browser, the worker and Node, returning a Blob (the
 * "browser" entry adds only a download helper, the "node" entry a stream).
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import type { EmsSettings } from '../core/ems/settings.ts';
import { emsNotes, hospitalsTable, workloadTable } from './ems-tables.ts';
import { exportWords, fill, populationNote, type ExportTextOptions } from './table-vocabulary.ts';
import { townshipTable, type TableData, type TownshipTableInput } from './township-table.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxSheet {
  /** Sheet tab name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  table: TableData;
}

/** Column keys ending in _pct are shown with two decimals. */
const isPercent = (column: string) => column.endsWith('_pct');

function dataSheet({ name, table }: XlsxSheet): Sheet<Blob> {
  const header: Row = table.header.map((h) => ({ value: h, type: String, fontWeight: 'bold', wrap: true }));
  const rows: Row[] = table.rows.map((values) =>
    values.map((v, k): Cell => {
      if (v === null) return null;
      if (typeof v === 'number') return { value: v, type: Number, ...(isPercent(table.columns[k]) ? { format: '0.00' } : {}) };
      return { value: v, type: String };
    }),
  );
  // wide enough for the header or the longest value, CJK characters counting double
  const width = (k: number) => Math.min(40, Math.max(8, ...[table.header[k], ...table.rows.map((r) => r[k])].map((v) => displayWidth(v === null ? '' : String(v)) + 2)));
  return { sheet: name, data: [header, ...rows], columns: table.header.map((_, k) => ({ width: width(k) })), stickyRowsCount: 1 };
}

function notesSheet(name: string, notes: readonly string[]): Sheet<Blob> {
  return { sheet: name, data: notes.map((n) => [{ value: n, type: String }]), columns: [{ width: 100 }] };
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * A workbook of the given tables, plus a notes sheet when `notes` has lines.
 * Resolves to a Blob; `new Uint8Array(await blob.arrayBuffer())` gives the bytes.
 */
export function tablesToXlsx(sheets: readonly XlsxSheet[], notes?: { name: string; lines: readonly string[] }): Promise<Blob> {
  const all = sheets.map(dataSheet);
  if (notes && notes.lines.length > 0) all.push(notesSheet(notes.name, notes.lines));
  return writeXlsxFile(all, { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
}

export interface TownshipXlsxOptions extends ExportTextOptions {
  /** Lines for the notes sheet (title, date, rules, data notes); the population note is always the first. */
  notes?: readonly string[];
  /** The rules the EMS figures were computed under (their notes name the settings and assumptions); needed when `input.ems` is given. */
  rules?: { ems: EmsSettings; residentsPerAmbulance: number };
}

/**
 * The per-township table as an XLSX workbook: the table on the first sheet,
 * with EMS figures (`input.ems`) the station workload and hospital transport
 * sheets after it, and a notes sheet naming the population source (modelled
 * for the demo) and what the EMS columns mean.
 * @example const blob = await townshipTableXlsx({ ...report, populationSource: { kind: 'demo' } }, { language: 'zh-CN' });
 */
export function townshipTableXlsx(input: TownshipTableInput, options: TownshipXlsxOptions): Promise<Blob> {
  const words = exportWords(options);
  const minutes = input.response ? [fill(words.minutesNote, { horizon: String(input.response.horizonMinutes) })] : [];
  const ems = input.ems ?? null;
  if (ems && !options.rules) throw new Error('The EMS sheets need the rules their figures were computed under.');
  const emsLines = ems && options.rules ? emsNotes(ems, options.rules, options) : [];
  const lines = [populationNote(input.populationSource, words), ...minutes, ...emsLines, ...(options.notes ?? [])];
  const sheets: XlsxSheet[] = [{ name: words.sheetTownships, table: townshipTable(input, options) }];
  if (ems) sheets.push({ name: words.sheetWorkload, table: workloadTable(ems, options) });
  if (ems && ems.hospitals.length > 0) sheets.push({ name: words.sheetHospitals, table: hospitalsTable(ems, options) });
  return tablesToXlsx(sheets, { name: words.sheetNotes, lines });
}
