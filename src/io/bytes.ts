/**
 * File bytes as the readers take them, and the file-kind guess made from a
 * file's name and first bytes.
 */

/** What every reader accepts: the file's bytes, however they were obtained. */
export type FileBytes = ArrayBuffer | Uint8Array;

/** A view of the bytes (no copy). */
export function toUint8(bytes: FileBytes): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/** An ArrayBuffer holding exactly these bytes (copied only when the view is a part of a larger buffer). */
export function toArrayBuffer(bytes: FileBytes): ArrayBuffer {
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}

export type FileKind = 'csv' | 'xlsx' | 'geojson' | 'geotiff' | 'zip' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * Guesses what a file is from its first bytes, falling back to its name:
 * TIFF (II*\0, MM\0*, BigTIFF), ZIP (PK\3\4: an XLSX when the name says so or
 * it holds xl/workbook.xml, otherwise a zipped shapefile), JSON text, or CSV text.
 * @example sniffFileKind(new TextEncoder().encode('{"type":"FeatureCollection"'), 'x') // 'geojson'
 */
export function sniffFileKind(bytes: FileBytes, fileName = ''): FileKind {
  const b = toUint8(bytes);
  const name = fileName.toLowerCase();
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) || startsWith(b, [0x49, 0x49, 0x2b, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2b])) return 'geotiff';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    if (/\.xlsx$/.test(name)) return 'xlsx';
    if (/\.zip$/.test(name)) return 'zip';
    // an XLSX names its workbook part early in the archive
    const head = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 64 * 1024)));
    return head.includes('xl/') ? 'xlsx' : 'zip';
  }
  if (/\.(tif|tiff)$/.test(name)) return 'geotiff';
  if (/\.xlsx$/.test(name)) return 'xlsx';
  if (/\.zip$/.test(name)) return 'zip';
  if (/\.(geojson|json)$/.test(name)) return 'geojson';
  // skip a BOM and white space, then look at the first character
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  if (b[i] === 0x7b || b[i] === 0x5b) return 'geojson';
  if (/\.(csv|txt|tsv)$/.test(name) || b.length > 0) return 'csv';
  return 'unknown';
}
