/**
 * Writes a small OpenStreetMap .osm.pbf (OSMHeader, then DenseNodes and
 * Ways in blocks, zlib blobs): the tests' hand-made networks and the road
 * benchmark's synthetic province are written with it. Not a general writer:
 * no relations, no metadata.
 */
import { zlibSync } from 'fflate';
import Pbf from 'pbf';

export interface PbfNode {
  id: number;
  lng: number;
  lat: number;
}

export interface PbfWay {
  id: number;
  refs: readonly number[];
  tags: Readonly<Record<string, string>>;
}

/** Nodes as columns (the benchmark's millions of nodes without an object each). */
export interface PbfNodeColumns {
  id: Float64Array;
  lng: Float64Array;
  lat: Float64Array;
}

/** Entities per block (the OSM tools write 8,000). */
const BLOCK = 8000;

function frame(type: string, message: Uint8Array, compress: boolean): Uint8Array {
  const blob = new Pbf();
  if (compress) {
    blob.writeVarintField(2, message.length);
    blob.writeBytesField(3, zlibSync(message, { level: 6 }));
  } else blob.writeBytesField(1, message);
  const blobBytes = blob.finish();
  const header = new Pbf();
  header.writeStringField(1, type);
  header.writeVarintField(3, blobBytes.length);
  const headerBytes = header.finish();
  const out = new Uint8Array(4 + headerBytes.length + blobBytes.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length);
  out.set(headerBytes, 4);
  out.set(blobBytes, 4 + headerBytes.length);
  return out;
}

/** The bytes of an .osm.pbf holding these nodes (sorted by id is up to the caller) and ways. */
export function encodeOsmPbf(nodeList: readonly PbfNode[] | PbfNodeColumns, ways: readonly PbfWay[], options: { compress?: boolean } = {}): Uint8Array {
  const nodes: PbfNodeColumns = Array.isArray(nodeList)
    ? { id: Float64Array.from(nodeList, (n) => n.id), lng: Float64Array.from(nodeList, (n) => n.lng), lat: Float64Array.from(nodeList, (n) => n.lat) }
    : (nodeList as PbfNodeColumns);
  const nodeCount = nodes.id.length;
  const compress = options.compress ?? true;
  const parts: Uint8Array[] = [];
  const head = new Pbf();
  head.writeStringField(4, 'OsmSchema-V0.6');
  head.writeStringField(4, 'DenseNodes');
  head.writeStringField(16, 'bench-roads osm-pbf-write');
  parts.push(frame('OSMHeader', head.finish(), compress));
  for (let s = 0; s < nodeCount; s += BLOCK) {
    const end = Math.min(nodeCount, s + BLOCK);
    const block = new Pbf();
    block.writeMessage(1, (_: null, p: Pbf) => p.writeBytesField(1, new Uint8Array(0)), null);
    block.writeMessage(2, (_: null, group: Pbf) => {
      group.writeMessage(2, (_n: null, dense: Pbf) => {
        const ids: number[] = [];
        const lats: number[] = [];
        const lons: number[] = [];
        let id = 0;
        let lat = 0;
        let lon = 0;
        for (let k = s; k < end; k++) {
          const la = Math.round(nodes.lat[k] * 1e7);
          const lo = Math.round(nodes.lng[k] * 1e7);
          ids.push(nodes.id[k] - id);
          lats.push(la - lat);
          lons.push(lo - lon);
          id = nodes.id[k];
          lat = la;
          lon = lo;
        }
        dense.writePackedSVarint(1, ids);
        dense.writePackedSVarint(8, lats);
        dense.writePackedSVarint(9, lons);
      }, null);
    }, null);
    parts.push(frame('OSMData', block.finish(), compress));
  }
  for (let s = 0; s < ways.length; s += BLOCK) {
    const chunk = ways.slice(s, s + BLOCK);
    const strings = [''];
    const index = new Map<string, number>([['', 0]]);
    const sid = (str: string) => {
      let i = index.get(str);
      if (i === undefined) {
        i = strings.length;
        strings.push(str);
        index.set(str, i);
      }
      return i;
    };
    const encoded = chunk.map((w) => ({ w, keys: Object.keys(w.tags).map(sid), vals: Object.values(w.tags).map(sid) }));
    const block = new Pbf();
    const enc = new TextEncoder();
    block.writeMessage(1, (_: null, p: Pbf) => {
      for (const str of strings) p.writeBytesField(1, enc.encode(str));
    }, null);
    block.writeMessage(2, (_: null, group: Pbf) => {
      for (const { w, keys, vals } of encoded) {
        group.writeMessage(3, (_w: null, p: Pbf) => {
          p.writeVarintField(1, w.id);
          p.writePackedVarint(2, keys);
          p.writePackedVarint(3, vals);
          const deltas: number[] = [];
          let prev = 0;
          for (const r of w.refs) {
            deltas.push(r - prev);
            prev = r;
          }
          p.writePackedSVarint(8, deltas);
        }, null);
      }
    }, null);
    parts.push(frame('OSMData', block.finish(), compress));
  }
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
