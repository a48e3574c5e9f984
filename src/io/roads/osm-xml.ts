/**
 * OpenStreetMap XML (.osm) → drivable road ways. OSM XML is flat and
 * regular (<node id lat lon>, <way id> with <nd ref> and <tag k v>), so a
 * scan of its tags with one regular expression reads it without a general
 * XML parser; relations and metadata are skipped.
 */
import { toUint8, type FileBytes } from '../bytes.ts';
import { DataFileError, fileError, throwIfAborted } from '../errors.ts';
import { fmtCount, IMPORT_LIMITS } from '../limits.ts';
import { OsmCollector } from './collect.ts';
import { classifyOsmWay } from './osm-tags.ts';
import type { RoadRead, RoadReadOptions } from './types.ts';

const TAG = /<(\/?)(osm|node|way|nd|tag|relation)\b([^>]*)>/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(text); m; m = ATTR.exec(text)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k[0] === '#') return String.fromCodePoint(k[1] === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[k] ?? '';
  });
}

/**
 * Reads the drivable ways of an OSM XML file inside `options.box`.
 * @example await readOsmXml(new TextEncoder().encode('<osm>…</osm>'), { file: 'roads.osm' })
 */
export async function readOsmXml(bytes: FileBytes, options: RoadReadOptions): Promise<RoadRead> {
  const { file, signal, onProgress } = options;
  const b = toUint8(bytes);
  if (b.length === 0) throw fileError(file, 'is empty', 'empty');
  if (b.length > IMPORT_LIMITS.maxTextBytes) throw new DataFileError([{ file, row: 0, code: 'too-large', reason: `is ${fmtCount(b.length / 1048576)} MB of XML, more than the ${fmtCount(IMPORT_LIMITS.maxTextBytes / 1048576)} MB allowed`, fix: 'use the .osm.pbf extract instead (10× smaller), or cut it to the region' }]);
  const text = new TextDecoder('utf-8').decode(b);
  const collector = new OsmCollector(file, options.box ?? null);
  const includeTracks = options.includeTracks ?? false;
  let sawOsm = false;
  let closed = false;
  let way: { refs: number[]; tags: Map<string, string> } | null = null;
  let badNodes = 0;
  let lastYield = Date.now();
  let count = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const [, slash, name, rest] = m;
    if (name === 'osm') {
      if (slash) closed = true;
      else sawOsm = true;
      continue;
    }
    if (!sawOsm) throw fileError(file, `is not OpenStreetMap XML: <${name}> comes before any <osm> element`, 'unsupported');
    if (name === 'node' && !slash) {
      const a = attributes(rest);
      const id = Number(a.id);
      const lat = Number(a.lat);
      const lon = Number(a.lon);
      if (Number.isFinite(id) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && a.lat !== '' && a.lon !== '') collector.addNode(id, lon, lat);
      else badNodes++;
    } else if (name === 'way') {
      if (!slash) {
        way = { refs: [], tags: new Map() };
        collector.waysRead++;
        if (rest.trimEnd().endsWith('/')) way = null;
      } else if (way) {
        const w = way;
        const drivable = classifyOsmWay((k) => w.tags.get(k), includeTracks);
        if (drivable) collector.addWay(w.refs, drivable);
        way = null;
      }
    } else if (way && name === 'nd') {
      const ref = Number(attributes(rest).ref);
      if (Number.isFinite(ref)) way.refs.push(ref);
    } else if (way && name === 'tag') {
      const a = attributes(rest);
      if (a.k !== undefined && a.v !== undefined) way.tags.set(a.k, a.v);
    }
    if ((++count & 0xffff) === 0 && Date.now() - lastYield > 50) {
      onProgress?.(m.index / text.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
      throwIfAborted(signal);
    }
  }
  if (!sawOsm) throw fileError(file, 'is not OpenStreetMap XML: it has no <osm> element', 'unsupported');
  if (!closed) throw new DataFileError([{ file, row: 0, code: 'truncated', reason: 'ends before </osm>: the file is cut short', fix: 'download or export it again' }]);
  onProgress?.(1);
  const { ways, counts } = collector.finish();
  const problems = badNodes > 0 ? [{ file, row: 0, severity: 'warning' as const, code: 'missing-coordinates' as const, reason: `${fmtCount(badNodes)} nodes without a valid id, lat and lon were left out (ways through them are cut there)` }] : [];
  return { format: 'osm-xml', ways, counts, problems };
}
