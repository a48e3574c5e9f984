/**
 * A hand-made road network along the meridian 1.5° E, written both as OSM
 * XML and as an .osm.pbf, with distances exact by construction: nodes
 * 1 km apart in latitude (1 / KM_PER_DEG_LAT degrees), so every segment is
 * a whole number of kilometres.
 *
 *   A ─primary 2 km─ B ─residential oneway 1 km→ C ─secondary maxspeed 50, 1 km─ D ─motorway maxspeed 130, 1 km→ E
 *   E ─footway─ A (not driven);  E ─residential─ F (F is 1° north, outside the test box)
 */
import { KM_PER_DEG_LAT } from '../../src/core/geo.ts';
import { encodeOsmPbf, type PbfNode, type PbfWay } from '../../scripts/lib/osm-pbf-write.ts';

export const LNG = 1.5;
export const LAT0 = 42.5;
const kmNorth = (km: number) => LAT0 + km / KM_PER_DEG_LAT;

/** A, B, C, D, E at 0, 2, 3, 4, 5 km north; a vertex of A–B halfway (1 km). F 1° north. */
export const NODES: PbfNode[] = [
  { id: 101, lng: LNG, lat: kmNorth(0) }, // A
  { id: 102, lng: LNG, lat: kmNorth(1) }, // on A–B
  { id: 103, lng: LNG, lat: kmNorth(2) }, // B
  { id: 104, lng: LNG, lat: kmNorth(3) }, // C
  { id: 105, lng: LNG, lat: kmNorth(4) }, // D
  { id: 106, lng: LNG, lat: kmNorth(5) }, // E
  { id: 107, lng: LNG, lat: LAT0 + 1 }, // F
  { id: 108, lng: LNG + 0.01, lat: kmNorth(1) }, // corner of a building
];

export const WAYS: PbfWay[] = [
  { id: 10, refs: [101, 102, 103], tags: { highway: 'primary', name: 'Avinguda & "Carrer"' } },
  { id: 11, refs: [103, 104], tags: { highway: 'residential', oneway: 'yes' } },
  { id: 12, refs: [104, 105], tags: { highway: 'secondary', maxspeed: '50' } },
  { id: 13, refs: [105, 106], tags: { highway: 'motorway', maxspeed: '130' } },
  { id: 14, refs: [106, 101], tags: { highway: 'footway' } },
  { id: 15, refs: [102, 108, 103, 102], tags: { building: 'yes' } },
  { id: 16, refs: [106, 107], tags: { highway: 'residential' } },
];

/** A box holding A…E and not F. */
export const BOX = [LNG - 0.1, LAT0 - 0.1, LNG + 0.1, LAT0 + 0.5] as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function handOsmXml(): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="hand">', `  <bounds minlat="42" minlon="1" maxlat="44" maxlon="2"/>`];
  for (const n of NODES) lines.push(`  <node id="${n.id}" lat="${n.lat.toFixed(7)}" lon="${n.lng.toFixed(7)}" version="1"/>`);
  for (const w of WAYS) {
    lines.push(`  <way id="${w.id}">`);
    for (const r of w.refs) lines.push(`    <nd ref="${r}"/>`);
    for (const [k, v] of Object.entries(w.tags)) lines.push(`    <tag k="${esc(k)}" v="${esc(v)}"/>`);
    lines.push('  </way>');
  }
  lines.push('  <relation id="1"><member type="way" ref="10" role=""/><tag k="type" v="route"/></relation>', '</osm>');
  return lines.join('\n');
}

export const handOsmPbf = (): Uint8Array => encodeOsmPbf(NODES, WAYS);
