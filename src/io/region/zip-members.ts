/**
 * The members of a zip archive, inflated by the runtime's own
 * DecompressionStream('deflate-raw') where there is one (browsers, Node ≥ 18:
 * native code, several times faster than inflating in JavaScript on a large
 * pack), else by fflate. Reads the central directory only; nothing is inflated
 * before every wanted member's declared size has been accepted.
 */
import { inflateSync } from 'fflate';

/** A member as the central directory declares it. */
export interface ZipEntry {
  name: string;
  /** Size once inflated (bytes), as declared. */
  originalSize: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Where each member's data lies, its method (0 stored, 8 deflate) and sizes. */
interface Located extends ZipEntry {
  method: number;
  start: number;
  size: number;
}

function centralDirectory(bytes: Uint8Array): Located[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end record is the last 22 bytes, unless a comment (≤ 65,535 bytes) follows it
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const out: Located[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new Error(`central directory entry ${k + 1} is damaged`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const originalSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const next = p + 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (next > bytes.length) throw new Error(`central directory entry ${k + 1} is damaged`);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new Error(`${name} is encrypted`);
    if (size === 0xffffffff || originalSize === 0xffffffff) throw new Error(`${name} is a zip64 member`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new Error(`the local header of ${name} is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > bytes.length) throw new Error(`${name} runs past the end of the file`);
    out.push({ name, method, start, size, originalSize });
    p = next;
  }
  return out;
}

async function inflateNative(data: Uint8Array, originalSize: number): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const out = new Uint8Array(originalSize);
  let filled = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.length > originalSize) {
      await reader.cancel();
      throw new Error(`inflates to more than the ${originalSize} bytes it declares`);
    }
    out.set(value, filled);
    filled += value.length;
  }
  return out.subarray(0, filled);
}

/**
 * The wanted members' bytes by name. `want` sees every member with its
 * declared size before anything is inflated, and may throw to refuse the
 * archive (a size limit). Throws on a damaged archive or a member whose
 * inflated size is not the declared one.
 * @param native use DecompressionStream when the runtime has it (false: fflate always)
 */
export async function unzipMembers(bytes: Uint8Array, want: (entry: ZipEntry) => boolean, native = typeof DecompressionStream === 'function'): Promise<Record<string, Uint8Array>> {
  const wanted = centralDirectory(bytes).filter((e) => want({ name: e.name, originalSize: e.originalSize }));
  const out: Record<string, Uint8Array> = {};
  for (const e of wanted) {
    const data = bytes.subarray(e.start, e.start + e.size);
    let inflated: Uint8Array;
    if (e.method === 0) inflated = data;
    else if (e.method !== 8) throw new Error(`${e.name} uses compression method ${e.method} (only stored and deflate are read)`);
    // one byte of room past the declared size: fflate stops silently at the end of `out`, and a longer member must show
    else inflated = native ? await inflateNative(data, e.originalSize) : inflateSync(data, { out: new Uint8Array(e.originalSize + 1) });
    if (inflated.length !== e.originalSize) throw new Error(`${e.name} inflates to ${inflated.length} bytes where the zip declares ${e.originalSize}`);
    out[e.name] = inflated;
  }
  return out;
}
