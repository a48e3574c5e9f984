/**
 * Bytes → text for files exported from Chinese systems: UTF-8 with or without
 * BOM, UTF-16 (Excel "Unicode text"), or GBK/GB18030. UTF-8 is tried first and
 * strictly (fatal), since GB18030 decodes almost any byte string without error.
 */
import { DataFileError, type RowProblem } from './errors.ts';
import { toUint8, type FileBytes } from './bytes.ts';
import { fmtCount, IMPORT_LIMITS } from './limits.ts';

export type TextEncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Bytes that were not valid in that encoding (or NUL), shown as U+FFFD '�'.
   * 0 for a clean file; a few in an otherwise good file (e.g. a damaged byte)
   * are let through so the user sees which rows are affected.
   */
  damaged: number;
}

/** Encodings the caller may force, by WHATWG label ('utf-8', 'gbk', 'gb18030', 'utf-16le', …). */
export type EncodingOption = 'auto' | string;

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text file. `encoding` 'auto' (default) detects: BOM first, then
 * strict UTF-8, then strict GB18030 (a superset of GBK and GB2312). A file that
 * is none of them, or holds NUL bytes (a binary file), is a DataFileError.
 * @example decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'a.csv').text // '你好' (GBK)
 */
export function decodeText(bytes: FileBytes, file: string, encoding: EncodingOption = 'auto'): DecodedText {
  const b = toUint8(bytes);
  if (b.byteLength > IMPORT_LIMITS.maxTextBytes) {
    throw new DataFileError([{ file, row: 0, code: 'too-large', reason: `is ${fmtCount(b.byteLength / 2 ** 20)} MB of text, more than the ${fmtCount(IMPORT_LIMITS.maxTextBytes / 2 ** 20)} MB that can be read at once`, fix: 'split the file, or crop it to the region first' }]);
  }
  if (encoding !== 'auto') {
    let text: string | null;
    try {
      text = strict(encoding, b);
    } catch {
      text = null;
    }
    if (text === null) {
      throw new DataFileError([{ file, row: 0, code: 'bad-encoding', reason: `is not valid ${encoding} text`, fix: 'choose "auto" encoding or the encoding the file was saved in' }]);
    }
    const label = encoding.toLowerCase();
    const name: TextEncodingName = label.includes('16be') ? 'UTF-16BE' : label.includes('16') ? 'UTF-16LE' : label.includes('utf') ? 'UTF-8' : 'GB18030';
    return { text: text.replace(/^\uFEFF/, ''), encoding: name, damaged: 0 };
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = strict('utf-8', b.subarray(3));
    if (text !== null) return checkBinary(text, 'UTF-8 (BOM)', 0, file);
  }
  if (b[0] === 0xff && b[1] === 0xfe) {
    const text = strict('utf-16le', b.subarray(2));
    if (text !== null) return checkBinary(text, 'UTF-16LE', 0, file);
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    const text = strict('utf-16be', b.subarray(2));
    if (text !== null) return checkBinary(text, 'UTF-16BE', 0, file);
  }
  const utf8 = strict('utf-8', b);
  if (utf8 !== null) return checkBinary(utf8, 'UTF-8', 0, file);
  const gb = strict('gb18030', b);
  if (gb !== null) return checkBinary(gb, 'GB18030', 0, file);
  // a text file with a few damaged bytes: decode it anyway, in whichever encoding damages less
  const candidates = (['utf-8', 'gb18030'] as const).map((label) => {
    const body = label === 'utf-8' && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
    const text = new TextDecoder(label).decode(body);
    return { text, label, damaged: countReplacements(text) };
  });
  // UTF-8 read as GB18030 garbles every Chinese character with few '�', so UTF-8 wins unless it is far worse
  const [u, g] = candidates;
  const best = u.damaged <= 2 * g.damaged + 8 ? u : g;
  if (best.damaged <= Math.max(8, best.text.length / 100)) return checkBinary(best.text, best.label === 'utf-8' ? 'UTF-8' : 'GB18030', best.damaged, file);
  throw new DataFileError([
    { file, row: 0, code: 'bad-encoding', reason: 'is neither UTF-8 nor GBK/GB18030 text (a binary file, or text in another encoding)', fix: 'save it as CSV UTF-8 (Excel: 另存为 → CSV UTF-8)' },
  ]);
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Many NUL bytes mean a binary file; a stray one is damage, shown as '�'. */
function checkBinary(text: string, encoding: TextEncodingName, damaged: number, file: string): DecodedText {
  let nul = 0;
  for (let i = text.indexOf('\u0000'); i >= 0; i = text.indexOf('\u0000', i + 1)) nul++;
  if (nul === 0) return { text, encoding, damaged };
  if (nul > Math.max(2, text.length / 1000)) {
    throw new DataFileError([{ file, row: 0, code: 'binary', reason: `holds ${nul} NUL bytes: a binary file, not ${encoding} text`, fix: 'choose the right file, or save it as CSV' }]);
  }
  return { text: text.split('\u0000').join('\uFFFD'), encoding, damaged: damaged + nul };
}

/** The file-level warning for a decoded text with damaged bytes, or none. */
export function damageWarnings(d: DecodedText, file: string): RowProblem[] {
  if (d.damaged === 0) return [];
  return [{ file, row: 0, code: 'damaged-text', severity: 'warning', reason: `${d.damaged} byte(s) are not valid ${d.encoding} text and show as "�"; the rows holding them are marked` }];
}
