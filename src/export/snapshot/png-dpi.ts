/**
 * Writes a PNG's print resolution: a pHYs chunk (pixels per metre, unit 1)
 * right after IHDR, so Word, PowerPoint and print dialogs place a 300-dpi
 * page at its paper size instead of at 96 dpi. Browsers' canvas encoders
 * write no pHYs; an existing one is replaced.
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const INCH_M = 0.0254;

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as PNG uses) of `bytes`. @example crc32(new TextEncoder().encode('IEND')) // 0xae426082 */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Pixels per metre for a resolution in dots per inch, rounded as PNG stores it.
 * @example pixelsPerMetre(300) // 11811
 */
export function pixelsPerMetre(dpi: number): number {
  return Math.round(dpi / INCH_M);
}

/** The 21 bytes of a pHYs chunk (length, type, data, CRC) for `dpi` in both directions. */
export function physChunk(dpi: number): Uint8Array {
  const ppm = pixelsPerMetre(dpi);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  return chunk;
}

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field in the file. */
  offset: number;
  /** Bytes of the whole chunk (12 + data length). */
  size: number;
  data: Uint8Array;
}

/** The chunks of a PNG file in order; throws when `png` is not one. */
export function pngChunks(png: Uint8Array): PngChunk[] {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('Not a PNG file: the 8-byte signature is missing.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > png.length) throw new Error(`PNG chunk ${type} at byte ${offset} runs past the end of the file.`);
    chunks.push({ type, offset, size: 12 + length, data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/**
 * The PNG with a pHYs chunk for `dpi` (after IHDR; any old pHYs dropped).
 * @example readPngDpi(withPngDpi(png, 300)) // 300 (11811 px/m)
 */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!(dpi > 0) || !Number.isFinite(dpi)) throw new Error(`A PNG resolution must be a positive number of dpi, got ${dpi}.`);
  const chunks = pngChunks(png);
  if (chunks[0]?.type !== 'IHDR') throw new Error('Not a PNG file: IHDR is not the first chunk.');
  const old = chunks.filter((c) => c.type === 'pHYs');
  const phys = physChunk(dpi);
  const out = new Uint8Array(png.length + phys.length - old.reduce((s, c) => s + c.size, 0));
  const ihdrEnd = chunks[0].offset + chunks[0].size;
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(phys, ihdrEnd);
  let w = ihdrEnd + phys.length;
  let r = ihdrEnd;
  for (const c of old) {
    out.set(png.subarray(r, c.offset), w);
    w += c.offset - r;
    r = c.offset + c.size;
  }
  out.set(png.subarray(r), w);
  return out;
}

/** The resolution a PNG declares, in dpi (from pHYs in metres), or null when it declares none. */
export function readPngDpi(png: Uint8Array): { x: number; y: number; pixelsPerMetre: [number, number] } | null {
  const phys = pngChunks(png).find((c) => c.type === 'pHYs');
  if (!phys || phys.data.length !== 9 || phys.data[8] !== 1) return null;
  const view = new DataView(phys.data.buffer, phys.data.byteOffset, 9);
  const px = view.getUint32(0);
  const py = view.getUint32(4);
  return { x: px * INCH_M, y: py * INCH_M, pixelsPerMetre: [px, py] };
}
