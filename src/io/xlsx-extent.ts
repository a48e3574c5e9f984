/**
 * What an XLSX sheet claims before read-excel-file reads it. That library
 * trusts the cell addresses: a row numbered 50,000,000 makes it insert 50
 * million empty rows, and one cell in column XFD makes it pad every row to
 * 16,384 cells. So the workbook's unzipped size and the sheet's farthest row
 * and column are checked here, on the raw XML bytes, against Excel's own
 * limits and the table cell limit; and no XML tag may be long enough to
 * stall its XML parser.
 */
import { unzipSync } from 'fflate';
import { DataFileError } from './errors.ts';
import { fmtCount, IMPORT_LIMITS } from './limits.ts';

const tooLarge = (file: string, reason: string, fix: string) => new DataFileError([{ file, row: 0, code: 'too-large', reason, fix }]);

/** Throws a DataFileError when the workbook or the sheet to read is beyond the limits; otherwise does nothing. */
export function checkXlsxSheet(bytes: Uint8Array, file: string, sheet: string | number): void {
  let unzipped = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        unzipped += f.originalSize;
        if (unzipped > IMPORT_LIMITS.maxUnzippedBytes) throw tooLarge(file, `unzips to more than ${fmtCount(IMPORT_LIMITS.maxUnzippedBytes / 2 ** 20)} MB (at ${f.name})`, 'save the sheet alone, or as CSV');
        return /\.(xml|rels)$/i.test(f.name);
      },
    });
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    return; // not a readable zip: read-excel-file says so in its own words
  }
  for (const [name, xml] of Object.entries(parts)) checkTagLengths(xml, file, name);
  const target = sheetPath(parts, sheet);
  for (const [name, xml] of Object.entries(parts)) if (target ? name === target : /^xl\/worksheets\/[^/]+\.xml$/.test(name)) checkExtent(xml, file);
}

/** Refuses a part with a tag (or comment) longer than the limit. */
function checkTagLengths(xml: Uint8Array, file: string, part: string): void {
  const limit = IMPORT_LIMITS.maxXmlTagBytes;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    const end = xml.indexOf(0x3e, i);
    if (end < 0 ? xml.length - i > limit : end - i > limit) {
      throw new DataFileError([{ file, row: 0, code: 'corrupt', reason: `is damaged: ${part} has an XML tag of ${fmtCount((end < 0 ? xml.length : end) - i)} bytes at byte ${fmtCount(i)}, where Excel writes at most a few hundred (limit ${fmtCount(limit)})`, fix: 'open it in Excel or WPS and save it again, or save the sheet as CSV' }]);
    }
    if (end < 0) return;
    i = end;
  }
}

const latin1 = (b: Uint8Array | undefined) => (b ? new TextDecoder('latin1').decode(b) : '');

/** The zip path of the sheet asked for (by 1-based number or name), or null when the workbook does not say. */
function sheetPath(parts: Record<string, Uint8Array>, sheet: string | number): string | null {
  const workbook = latin1(parts['xl/workbook.xml']);
  const rels = latin1(parts['xl/_rels/workbook.xml.rels']);
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({ name: /\bname="([^"]*)"/.exec(m[0])?.[1], id: /\br:id="([^"]*)"/.exec(m[0])?.[1] }));
  // names are compared as bytes (latin1) on both sides
  const wanted = typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.name === latin1(new TextEncoder().encode(sheet)));
  if (!wanted?.id) return null;
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => new RegExp(`\\bId="${wanted.id!.replace(/[^\w]/g, '')}"`).test(r));
  const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Where attribute r's value starts in the tag from `from` to `end`, or -1. */
function attributeR(xml: Uint8Array, from: number, end: number): number {
  for (let k = from; k + 3 < end; k++) {
    if (isSpace(xml[k]) && xml[k + 1] === 0x72 && xml[k + 2] === 0x3d && (xml[k + 3] === 0x22 || xml[k + 3] === 0x27)) return k + 4;
  }
  return -1;
}

// the address read by readAddress (module scratch: the walk allocates nothing per cell)
let addressColumn = 0;
let addressRow = 0;

/** Reads letters then digits at `at` ("XFD100002") into addressColumn/addressRow; false when it is no cell address. Columns past the limit read as limit + 1. */
function readAddress(xml: Uint8Array, at: number): boolean {
  let k = at;
  let column = 0;
  for (; k < xml.length; k++) {
    const c = xml[k] & 0xdf; // upper case
    if (c < 0x41 || c > 0x5a) break;
    if (column <= IMPORT_LIMITS.maxColumns) column = column * 26 + (c - 0x40);
  }
  let row = 0;
  const digits = k;
  for (; k < xml.length && xml[k] >= 0x30 && xml[k] <= 0x39; k++) if (row <= IMPORT_LIMITS.maxSheetRows) row = row * 10 + (xml[k] - 0x30);
  addressColumn = column;
  addressRow = row;
  return column > 0 && k > digits;
}

/** Reads digits at `at`, or -1. Numbers past the row limit read as limit + 1 or more. */
function readDigits(xml: Uint8Array, at: number): number {
  let n = -1;
  for (let k = at; k < xml.length && xml[k] >= 0x30 && xml[k] <= 0x39; k++) n = n < 0 ? xml[k] - 0x30 : n <= IMPORT_LIMITS.maxSheetRows * 100 ? n * 10 + (xml[k] - 0x30) : n;
  return n;
}

/** The attribute value at `at`, as text for a message. */
const valueText = (xml: Uint8Array, at: number) => latin1(xml.subarray(at, Math.min(xml.length, at + 24))).replace(/["'].*$/s, '');

/** Walks the <row> and non-empty <c> tags: farthest row and column, against Excel's limits and the cell limit. */
function checkExtent(xml: Uint8Array, file: string): void {
  let maxRow = 0;
  let maxColumn = 0;
  let row = 0;
  let column = 0;
  let corner = -1;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    if (xml[i + 1] === 0x2f || xml[i + 1] === 0x3f || xml[i + 1] === 0x21) continue; // </…>, <?…?>, <!…>
    // the tag name, without a namespace prefix
    let j = i + 1;
    let nameStart = j;
    while (j < xml.length && !isSpace(xml[j]) && xml[j] !== 0x3e && xml[j] !== 0x2f) {
      if (xml[j] === 0x3a) nameStart = j + 1;
      j++;
    }
    const len = j - nameStart;
    const isRow = len === 3 && xml[nameStart] === 0x72 && xml[nameStart + 1] === 0x6f && xml[nameStart + 2] === 0x77;
    const isCell = len === 1 && xml[nameStart] === 0x63;
    if (!isRow && !isCell) continue;
    const end = xml.indexOf(0x3e, j);
    if (end < 0) break;
    const at = attributeR(xml, j, end);
    if (isRow) {
      const r = at < 0 ? -1 : readDigits(xml, at);
      row = r >= 0 ? r : row + 1;
      column = 0;
      if (row > IMPORT_LIMITS.maxSheetRows) {
        throw tooLarge(file, `has row ${at < 0 ? fmtCount(row) : fmtCount(Number(valueText(xml, at)))}, beyond ${fmtCount(IMPORT_LIMITS.maxSheetRows)}, the last row Excel allows (a damaged sheet?)`, 'open it in Excel or WPS and save it again, or save the sheet as CSV');
      }
      if (row > maxRow) maxRow = row;
      continue;
    }
    const address = at >= 0 && readAddress(xml, at);
    column = address ? addressColumn : column + 1;
    // a self-closing <c/> holds nothing: read-excel-file pads rows only up to the last cell with a value
    if (xml[end - 1] === 0x2f) continue;
    if (column > IMPORT_LIMITS.maxColumns) {
      const ref = at >= 0 ? valueText(xml, at) : `number ${column}`;
      throw tooLarge(file, `has a cell ${ref} in column ${ref.replace(/\d+$/, '')}, beyond XFD (${fmtCount(IMPORT_LIMITS.maxColumns)}), the last column Excel allows (a damaged sheet?)`, 'open it in Excel or WPS and save it again, or save the sheet as CSV');
    }
    if (column > maxColumn) {
      maxColumn = column;
      corner = at;
    }
    if (address && addressRow > maxRow) {
      if (addressRow > IMPORT_LIMITS.maxSheetRows) throw tooLarge(file, `has a cell ${valueText(xml, at)} in a row beyond ${fmtCount(IMPORT_LIMITS.maxSheetRows)}, the last row Excel allows (a damaged sheet?)`, 'open it in Excel or WPS and save it again, or save the sheet as CSV');
      maxRow = addressRow;
    }
  }
  if (maxRow * maxColumn > IMPORT_LIMITS.maxTableCells) {
    throw tooLarge(
      file,
      `spans ${fmtCount(maxRow)} rows × ${fmtCount(maxColumn)} columns (a value in ${corner >= 0 ? valueText(xml, corner) : `column ${maxColumn}`}): ${fmtCount(maxRow * maxColumn)} cells, more than the ${fmtCount(IMPORT_LIMITS.maxTableCells)} a table may have`,
      'delete the columns and rows that are not needed (a stray value far right or far down?), or split the sheet',
    );
  }
}
