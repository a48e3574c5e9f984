/**
 * Every node, way and relation of a small .osm.pbf (the Andorra extract) with
 * its tags, for the data build. The app's road reader (src/io/roads/osm-pbf.ts)
 * keeps drivable ways only and guards against hostile files; this one is for
 * a known file at build time and keeps everything, so boundaries, buildings
 * and hospitals can be taken from it. OSM PBF format:
 * wiki.openstreetmap.org/wiki/PBF_Format.
 */
import { unzlibSync } from 'fflate';
import Pbf from 'pbf';
import { readBlockHead } from '../../src/io/roads/osm-pbf.ts';

export type Tags = Record<string, string>;
export interface OsmNode {
  id: number;
  lng: number;
  lat: number;
  tags: Tags;
}
export interface OsmWay {
  id: number;
  refs: number[];
  tags: Tags;
}
export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}
export interface OsmRelation {
  id: number;
  members: OsmMember[];
  tags: Tags;
}
export interface OsmData {
  /** Every node by id (tagged or not). */
  nodes: Map<number, OsmNode>;
  ways: OsmWay[];
  relations: OsmRelation[];
}

const MEMBER_TYPES = ['node', 'way', 'relation'] as const;
const decoder = new TextDecoder();

/** Reads the whole file. Throws naming the file on anything unexpected. */
export function readOsmPbfAll(bytes: Uint8Array, file: string): OsmData {
  const out: OsmData = { nodes: new Map(), ways: [], relations: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos < bytes.length) {
    const headerLen = view.getUint32(pos);
    pos += 4;
    const header = { type: '', datasize: 0 };
    new Pbf(bytes.subarray(pos, pos + headerLen)).readFields((tag, r, p) => {
      if (tag === 1) r.type = p.readString();
      else if (tag === 3) r.datasize = p.readVarint();
    }, header);
    pos += headerLen;
    const blob: { raw?: Uint8Array; zlib?: Uint8Array } = {};
    new Pbf(bytes.subarray(pos, pos + header.datasize)).readFields((tag, r, p) => {
      if (tag === 1) r.raw = p.readBytes();
      else if (tag === 3) r.zlib = p.readBytes();
    }, blob);
    pos += header.datasize;
    if (header.type !== 'OSMData') continue;
    const data = blob.raw ?? (blob.zlib ? unzlibSync(blob.zlib) : null);
    if (!data) throw new Error(`${file}: a data blob neither raw nor zlib-compressed`);
    readBlock(data, out);
  }
  return out;
}

function readBlock(data: Uint8Array, out: OsmData): void {
  const pbf = new Pbf(data);
  const head = readBlockHead(pbf);
  const block = { ...head, strings: head.strings.map((bytes) => decoder.decode(bytes)) };
  const s = block.strings;
  const deg = (offset: number, v: number) => 1e-9 * (offset + block.granularity * v);
  const tagsOf = (keys: number[], vals: number[]): Tags => Object.fromEntries(keys.map((k, i) => [s[k], s[vals[i]]]));
  for (const [start, end] of block.groups) {
    pbf.pos = start;
    pbf.readFields((tag, _r, p) => {
      if (tag === 1) {
        const n = { id: 0, lat: 0, lon: 0, keys: [] as number[], vals: [] as number[] };
        p.readMessage((t, r, q) => {
          if (t === 1) r.id = q.readSVarint();
          else if (t === 2) q.readPackedVarint(r.keys);
          else if (t === 3) q.readPackedVarint(r.vals);
          else if (t === 8) r.lat = q.readSVarint();
          else if (t === 9) r.lon = q.readSVarint();
        }, n);
        out.nodes.set(n.id, { id: n.id, lng: deg(block.lonOffset, n.lon), lat: deg(block.latOffset, n.lat), tags: tagsOf(n.keys, n.vals) });
      } else if (tag === 2) {
        const d = { ids: [] as number[], lats: [] as number[], lons: [] as number[], kv: [] as number[] };
        p.readMessage((t, r, q) => {
          if (t === 1) q.readPackedSVarint(r.ids);
          else if (t === 8) q.readPackedSVarint(r.lats);
          else if (t === 9) q.readPackedSVarint(r.lons);
          else if (t === 10) q.readPackedVarint(r.kv);
        }, d);
        let id = 0;
        let lat = 0;
        let lon = 0;
        let k = 0;
        for (let i = 0; i < d.ids.length; i++) {
          id += d.ids[i];
          lat += d.lats[i];
          lon += d.lons[i];
          // keys_vals: key, value pairs per node, each node's list ended by 0
          const tags: Tags = {};
          while (k < d.kv.length && d.kv[k] !== 0) {
            tags[s[d.kv[k]]] = s[d.kv[k + 1]];
            k += 2;
          }
          k++;
          out.nodes.set(id, { id, lng: deg(block.lonOffset, lon), lat: deg(block.latOffset, lat), tags });
        }
      } else if (tag === 3) {
        const w = { id: 0, keys: [] as number[], vals: [] as number[], refs: [] as number[] };
        p.readMessage((t, r, q) => {
          if (t === 1) r.id = q.readVarint();
          else if (t === 2) q.readPackedVarint(r.keys);
          else if (t === 3) q.readPackedVarint(r.vals);
          else if (t === 8) q.readPackedSVarint(r.refs);
        }, w);
        let ref = 0;
        out.ways.push({ id: w.id, refs: w.refs.map((d) => (ref += d)), tags: tagsOf(w.keys, w.vals) });
      } else if (tag === 4) {
        const rel = { id: 0, keys: [] as number[], vals: [] as number[], roles: [] as number[], memids: [] as number[], types: [] as number[] };
        p.readMessage((t, r, q) => {
          if (t === 1) r.id = q.readVarint();
          else if (t === 2) q.readPackedVarint(r.keys);
          else if (t === 3) q.readPackedVarint(r.vals);
          else if (t === 8) q.readPackedVarint(r.roles);
          else if (t === 9) q.readPackedSVarint(r.memids);
          else if (t === 10) q.readPackedVarint(r.types);
        }, rel);
        let ref = 0;
        const members = rel.memids.map((d, i): OsmMember => ({ type: MEMBER_TYPES[rel.types[i]], ref: (ref += d), role: s[rel.roles[i]] }));
        out.relations.push({ id: rel.id, members, tags: tagsOf(rel.keys, rel.vals) });
      }
    }, null, end);
  }
}
