/**
 * OpenStreetMap .osm.pbf → drivable road ways. The file is a sequence of
 * blobs (a 4-byte length, a BlobHeader, a Blob, zlib-compressed or raw)
 * holding protobuf messages (OSM PBF format, wiki.openstreetmap.org/wiki/PBF_Format);
 * the messages are read with `pbf` and the blobs inflated with fflate, so it
 * runs in a web worker as in Node. One pass: nodes inside the box are kept
 * (ids and coordinates in typed arrays), drivable ways' references resolved
 * at the end. Yields to the event loop between blobs so a cancel is heard.
 */
import { unzlibSync } from 'fflate';
import Pbf from 'pbf';
import { toUint8, type FileBytes } from '../bytes.ts';
import { DataFileError, fileError, throwIfAborted, wrapLibraryError } from '../errors.ts';
import { fmtCount } from '../limits.ts';
import { OsmCollector } from './collect.ts';
import { ROAD_LIMITS } from './limits.ts';
import { classifyOsmWay } from './osm-tags.ts';
import type { RoadReadOptions, RoadRead } from './types.ts';

/** The features this reader understands; a file requiring another is refused (OSM PBF spec). */
const KNOWN_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

const MB = 1024 * 1024;

/**
 * Reads the drivable ways of an .osm.pbf inside `options.box`.
 * @example const { ways, counts } = await readOsmPbf(bytes, { file: 'andorra-latest.osm.pbf' });
 */
export async function readOsmPbf(bytes: FileBytes, options: RoadReadOptions): Promise<RoadRead> {
  const { file, signal, onProgress } = options;
  const b = toUint8(bytes);
  if (b.length === 0) throw fileError(file, 'is empty', 'empty');
  if (b.length > ROAD_LIMITS.maxPbfBytes) throw new DataFileError([{ file, row: 0, code: 'too-large', reason: `is ${fmtCount(b.length / MB)} MB, more than the ${fmtCount(ROAD_LIMITS.maxPbfBytes / MB)} MB allowed`, fix: 'cut the extract to the region first (e.g. osmium extract -b …)' }]);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const collector = new OsmCollector(file, options.box ?? null);
  const includeTracks = options.includeTracks ?? false;
  let pos = 0;
  let blobs = 0;
  let lastYield = Date.now();
  while (pos < b.length) {
    const at = pos;
    if (pos + 4 > b.length) throw damaged(file, at, `ends inside a blob length (${b.length - pos} bytes left)`, 'truncated');
    const headerLen = view.getUint32(pos);
    pos += 4;
    if (headerLen > ROAD_LIMITS.maxBlobHeaderBytes) throw damaged(file, at, blobs === 0 ? `does not start like an OpenStreetMap PBF file (a first header of ${fmtCount(headerLen)} bytes; the format allows 64 KiB)` : `has a blob header of ${fmtCount(headerLen)} bytes (the format allows 64 KiB)`, blobs === 0 ? 'unsupported' : 'corrupt');
    if (pos + headerLen > b.length) throw damaged(file, at, 'ends inside a blob header', 'truncated');
    const header = readBlobHeader(b.subarray(pos, pos + headerLen), file, at);
    pos += headerLen;
    if (blobs === 0 && header.type !== 'OSMHeader') throw damaged(file, at, `does not start with an OSMHeader blob (found "${header.type.slice(0, 40)}"): not an OpenStreetMap PBF file`, 'unsupported');
    if (header.datasize < 0 || pos + header.datasize > b.length) throw damaged(file, at, `ends inside a blob (${fmtCount(header.datasize)} bytes announced, ${fmtCount(b.length - pos)} left)`, 'truncated');
    const data = inflateBlob(b.subarray(pos, pos + header.datasize), file, at);
    pos += header.datasize;
    if (header.type === 'OSMHeader') checkHeaderBlock(data, file, at);
    else if (header.type === 'OSMData') {
      try {
        readPrimitiveBlock(data, collector, includeTracks);
      } catch (e) {
        if (e instanceof DataFileError) throw e;
        throw damaged(file, at, `has an unreadable data block (${e instanceof Error ? e.message.slice(0, 120) : String(e)})`, 'corrupt');
      }
    }
    // other blob types are skipped, as the format asks
    blobs++;
    if (Date.now() - lastYield > 50) {
      onProgress?.(pos / b.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
    throwIfAborted(signal);
  }
  if (blobs === 0) throw fileError(file, 'holds no blobs', 'empty');
  onProgress?.(1);
  const { ways, counts } = collector.finish();
  return { format: 'osm-pbf', ways, counts, problems: [] };
}

function damaged(file: string, offset: number, reason: string, code: 'truncated' | 'corrupt' | 'unsupported'): DataFileError {
  return new DataFileError([{ file, row: 0, code, reason: `${reason} (at byte ${fmtCount(offset)})`, fix: code === 'unsupported' ? 'give an .osm.pbf file (e.g. a Geofabrik extract)' : 'download the file again: it is damaged or cut short' }]);
}

function readBlobHeader(bytes: Uint8Array, file: string, at: number): { type: string; datasize: number } {
  const h = { type: '', datasize: -1 };
  try {
    new Pbf(bytes).readFields((tag, r, p) => {
      if (tag === 1) r.type = p.readString();
      else if (tag === 3) r.datasize = p.readVarint();
    }, h);
  } catch (e) {
    throw damaged(file, at, `has an unreadable blob header (${(e as Error).message?.slice(0, 80)})`, 'corrupt');
  }
  if (h.type === '' || h.datasize < 0) throw damaged(file, at, 'has a blob header without a type or size', 'corrupt');
  return h;
}

function inflateBlob(bytes: Uint8Array, file: string, at: number): Uint8Array {
  const blob: { raw?: Uint8Array; rawSize: number; zlib?: Uint8Array; other?: string } = { rawSize: -1 };
  try {
    new Pbf(bytes).readFields((tag, r, p) => {
      if (tag === 1) r.raw = p.readBytes();
      else if (tag === 2) r.rawSize = p.readVarint();
      else if (tag === 3) r.zlib = p.readBytes();
      else if (tag === 4) r.other = 'LZMA';
      else if (tag === 5) r.other = 'bzip2';
      else if (tag === 6) r.other = 'LZ4';
      else if (tag === 7) r.other = 'Zstandard';
    }, blob);
  } catch (e) {
    throw damaged(file, at, `has an unreadable blob (${(e as Error).message?.slice(0, 80)})`, 'corrupt');
  }
  if (blob.raw) return blob.raw;
  if (blob.other) throw damaged(file, at, `uses ${blob.other} compression; only zlib and uncompressed blobs are read`, 'unsupported');
  if (!blob.zlib) throw damaged(file, at, 'has a blob with no data', 'corrupt');
  if (blob.rawSize > ROAD_LIMITS.maxBlobBytes) throw damaged(file, at, `has a blob of ${fmtCount(blob.rawSize / MB)} MB uncompressed (the format allows 32 MiB)`, 'corrupt');
  try {
    const out = unzlibSync(blob.zlib, blob.rawSize > 0 ? { out: new Uint8Array(blob.rawSize) } : undefined);
    if (blob.rawSize >= 0 && out.length !== blob.rawSize) throw new Error(`inflated to ${out.length} bytes, ${blob.rawSize} announced`);
    return out;
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    throw damaged(file, at, `has a blob that does not inflate (${(e as Error).message?.slice(0, 80)})`, 'corrupt');
  }
}

function checkHeaderBlock(data: Uint8Array, file: string, at: number): void {
  const required: string[] = [];
  try {
    new Pbf(data).readFields((tag, r, p) => {
      if (tag === 4) r.push(p.readString());
    }, required);
  } catch (e) {
    throw wrapLibraryError(e, file, 'an OpenStreetMap PBF header');
  }
  const unknown = required.filter((f) => !KNOWN_FEATURES.has(f));
  if (unknown.length > 0) throw damaged(file, at, `requires ${unknown.join(', ')}, which this reader does not support (e.g. a history file)`, 'unsupported');
}

/** A PrimitiveBlock's head: its string table (raw bytes), coordinate settings, and where its groups lie. */
export interface BlockHead {
  strings: Uint8Array[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
  groups: [number, number][];
}

interface Block extends BlockHead {
  decoded: (string | undefined)[];
}

const decoder = new TextDecoder();

/** Reads a PrimitiveBlock's head; its groups are only located, since they may come before the string table in the bytes. */
export function readBlockHead(pbf: Pbf): BlockHead {
  const head: BlockHead = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] };
  pbf.readFields((tag, r, p) => {
    if (tag === 1) {
      const end = p.readVarint() + p.pos;
      p.readFields((t, s, q) => {
        if (t === 1) s.push(q.readBytes());
      }, r.strings, end);
    } else if (tag === 2) {
      const len = p.readVarint();
      r.groups.push([p.pos, p.pos + len]);
      p.pos += len;
    } else if (tag === 17) r.granularity = p.readVarint();
    else if (tag === 19) r.latOffset = p.readVarint(true);
    else if (tag === 20) r.lonOffset = p.readVarint(true);
  }, head);
  return head;
}

/** One PrimitiveBlock: its head first, then its groups. */
function readPrimitiveBlock(data: Uint8Array, out: OsmCollector, includeTracks: boolean): void {
  const pbf = new Pbf(data);
  const block: Block = { ...readBlockHead(pbf), decoded: [] };
  const str = (i: number): string => block.decoded[i] ?? (block.decoded[i] = decoder.decode(block.strings[i]));
  for (const [start, end] of block.groups) {
    pbf.pos = start;
    pbf.readFields((tag, _r, p) => {
      if (tag === 1) readNode(p, block, out);
      else if (tag === 2) readDense(p, block, out);
      else if (tag === 3) readWay(p, block, str, out, includeTracks);
    }, null, end);
  }
}

const toDeg = (offset: number, granularity: number, value: number) => 1e-9 * (offset + granularity * value);

function readNode(pbf: Pbf, block: Block, out: OsmCollector): void {
  const n = { id: 0, lat: 0, lon: 0 };
  pbf.readMessage((tag, r, p) => {
    if (tag === 1) r.id = p.readSVarint();
    else if (tag === 8) r.lat = p.readSVarint();
    else if (tag === 9) r.lon = p.readSVarint();
  }, n);
  out.addNode(n.id, toDeg(block.lonOffset, block.granularity, n.lon), toDeg(block.latOffset, block.granularity, n.lat));
}

/** Reads a varint at `pos` of `buf` into `cursor.value`, moving `cursor.pos` past it (numbers up to 2^53). */
function zigzagAt(buf: Uint8Array, cursor: { pos: number; value: number }): void {
  let pos = cursor.pos;
  let b = buf[pos++];
  let v = b & 0x7f;
  if (b >= 0x80) {
    b = buf[pos++];
    v |= (b & 0x7f) << 7;
    if (b >= 0x80) {
      b = buf[pos++];
      v |= (b & 0x7f) << 14;
      if (b >= 0x80) {
        b = buf[pos++];
        v += (b & 0x7f) * 0x200000;
        let scale = 0x10000000;
        while (b >= 0x80) {
          if (pos >= buf.length) throw new Error('a varint runs past the end of its block');
          b = buf[pos++];
          v += (b & 0x7f) * scale;
          scale *= 128;
        }
      }
    }
  }
  cursor.pos = pos;
  // zigzag: even → v / 2, odd → −(v + 1) / 2 (arithmetic, as v may exceed 32 bits)
  cursor.value = v % 2 === 0 ? v / 2 : -(v + 1) / 2;
}

/**
 * DenseNodes: three packed, delta-coded columns (ids, latitudes,
 * longitudes), walked in step straight from the block's bytes, so no array
 * is made per block.
 */
function readDense(pbf: Pbf, block: Block, out: OsmCollector): void {
  const at = { id: [-1, -1], lat: [-1, -1], lon: [-1, -1] };
  pbf.readMessage((tag, r, p) => {
    const key = tag === 1 ? 'id' : tag === 8 ? 'lat' : tag === 9 ? 'lon' : null;
    if (key === null || p.type !== 2) {
      p.skip(p.type);
      return;
    }
    const len = p.readVarint();
    r[key] = [p.pos, p.pos + len];
    p.pos += len;
  }, at);
  if (at.id[0] < 0) return;
  if (at.lat[0] < 0 || at.lon[0] < 0) throw new Error('dense nodes without latitudes or longitudes');
  const buf = pbf.buf;
  const ids = { pos: at.id[0], value: 0 };
  const lats = { pos: at.lat[0], value: 0 };
  const lons = { pos: at.lon[0], value: 0 };
  let id = 0;
  let lat = 0;
  let lon = 0;
  const { granularity, latOffset, lonOffset } = block;
  while (ids.pos < at.id[1]) {
    if (lats.pos >= at.lat[1] || lons.pos >= at.lon[1]) throw new Error('dense nodes with fewer latitudes or longitudes than ids');
    zigzagAt(buf, ids);
    zigzagAt(buf, lats);
    zigzagAt(buf, lons);
    id += ids.value;
    lat += lats.value;
    lon += lons.value;
    out.addNode(id, toDeg(lonOffset, granularity, lon), toDeg(latOffset, granularity, lat));
  }
  if (ids.pos !== at.id[1] || lats.pos !== at.lat[1] || lons.pos !== at.lon[1]) throw new Error('dense nodes whose ids, latitudes and longitudes differ in number');
}

function readWay(pbf: Pbf, block: Block, str: (i: number) => string, out: OsmCollector, includeTracks: boolean): void {
  const w: { keys: number[]; vals: number[]; refsAt: number; refsEnd: number } = { keys: [], vals: [], refsAt: -1, refsEnd: -1 };
  pbf.readMessage((tag, r, p) => {
    if (tag === 2) p.readPackedVarint(r.keys);
    else if (tag === 3) p.readPackedVarint(r.vals);
    else if (tag === 8) {
      // keep where the references lie: they are decoded only for a drivable way
      const len = p.readVarint();
      r.refsAt = p.pos;
      r.refsEnd = p.pos + len;
      p.pos += len;
    }
  }, w);
  out.waysRead++;
  const { keys, vals } = w;
  const { strings } = block;
  const tag = (key: string): string | undefined => {
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] < strings.length && str(keys[i]) === key) return vals[i] < strings.length ? str(vals[i]) : undefined;
    }
    return undefined;
  };
  // cheap test first: most ways (buildings, land use) have no highway tag
  let hasHighway = false;
  for (let i = 0; i < keys.length && !hasHighway; i++) hasHighway = keys[i] < strings.length && str(keys[i]) === 'highway';
  if (!hasHighway) return;
  const drivable = classifyOsmWay(tag, includeTracks);
  if (!drivable || w.refsAt < 0) return;
  const refs: number[] = [];
  const end = pbf.pos;
  pbf.pos = w.refsAt;
  let id = 0;
  while (pbf.pos < w.refsEnd) {
    id += pbf.readSVarint();
    refs.push(id);
  }
  pbf.pos = end;
  out.addWay(refs, drivable);
}
