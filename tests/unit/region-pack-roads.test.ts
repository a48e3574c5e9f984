/**
 * Roads in region packs: the ways written are the ways read (junctions
 * joined again, so the graph and its minutes are the same), DuckDB reads the
 * layer, a damaged roads member is refused naming the file and the reason,
 * and packs without roads open as before.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/core/geo.ts';
import { BoundedDijkstra } from '../../src/core/roads/dijkstra.ts';
import { buildRoadGraph } from '../../src/core/roads/graph.ts';
import { DEFAULT_SPEED_MODEL } from '../../src/core/roads/speeds.ts';
import { wayCount, type RoadWays } from '../../src/core/roads/ways.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { writeRegionPack } from '../../src/io/region/pack-write.ts';
import type { RegionRoads } from '../../src/io/region/types.ts';
import { readRoads } from '../../src/io/roads/index.ts';
import { expectPackRefused } from '../helpers/pack-refusal.ts';
import { tinyRegion } from '../helpers/tiny-region.ts';
import { crossWays } from '../helpers/tiny-roads.ts';

const OSM_SOURCE = { what: 'roads', source: 'OpenStreetMap extract (test)', licence: 'ODbL 1.0', crs: 'WGS84' };

const withRoads = (ways: RoadWays, extra: Partial<RegionRoads> = {}) => ({
  ...tinyRegion(),
  roads: { ways, source: OSM_SOURCE, attribution: '© OpenStreetMap contributors', counts: { waysRead: 9, waysDrivable: 3, waysKept: wayCount(ways), waysOutside: 0, vertices: ways.lng.length }, ...extra },
});

const arrays = (w: RoadWays) => ({
  lng: Array.from(w.lng),
  lat: Array.from(w.lat),
  wayStart: Array.from(w.wayStart),
  wayVertices: Array.from(w.wayVertices),
  classOfWay: Array.from(w.wayClass, (c) => (c >= 0 ? w.classes[c] : null)),
  posted: Array.from(w.wayPostedKmh),
  oneway: Array.from(w.wayOneway),
});

/** Same node and arc counts, and the same minutes from every listed source. */
function expectSameRouting(a: RoadWays, b: RoadWays, sources: number[], budgetMinutes: number) {
  const ga = buildRoadGraph(a, DEFAULT_SPEED_MODEL);
  const gb = buildRoadGraph(b, DEFAULT_SPEED_MODEL);
  expect(gb.nodeCount).toBe(ga.nodeCount);
  expect(gb.arcTo.length).toBe(ga.arcTo.length);
  const da = new BoundedDijkstra(ga);
  const db = new BoundedDijkstra(gb);
  for (const source of sources) {
    da.run(source, budgetMinutes);
    db.run(source, budgetMinutes);
    expect(Array.from(db.minutes)).toEqual(Array.from(da.minutes));
  }
  return ga;
}

describe('roads in a pack: what is written is what is read', () => {
  it('a hand-made cross reads back way by way, its junction shared again (5 nodes on the cross, not 6)', async () => {
    const ways = crossWays();
    const back = (await readRegionPack(writeRegionPack(withRoads(ways)), 'cross.region.zip')).roads!;
    expect(arrays(back.ways)).toEqual(arrays(ways));
    // the centre is one vertex used by two ways: 6 vertices in all, not the 7 points the lines hold
    expect(back.ways.lng.length).toBe(6);
    expect(back.ways.wayVertices[1]).toBe(back.ways.wayVertices[4]);
    expect(back.source).toEqual(OSM_SOURCE);
    expect(back.attribution).toBe('© OpenStreetMap contributors');
    expect(back.counts).toEqual(withRoads(ways).roads.counts);
    // from the west end the north end is reached only through the shared centre
    const g = expectSameRouting(ways, back.ways, [0, 1, 2, 3, 4, 5], 60);
    const d = new BoundedDijkstra(g);
    d.run(0, 60);
    expect(Number.isFinite(d.minutes[4])).toBe(true);
    // the spur is one-way outwards: from its end nothing is reached
    d.run(5, 60);
    expect(d.settledCount).toBe(1);
  });

  it('the rest of the region is unchanged, and a region without roads writes no roads member', async () => {
    const plain = tinyRegion();
    const members = unzipSync(writeRegionPack(plain));
    expect(Object.keys(members)).not.toContain('roads.parquet');
    expect(JSON.parse(new TextDecoder().decode(members['region.json']))).not.toHaveProperty('roads');
    const back = await readRegionPack(writeRegionPack(withRoads(crossWays())), 'cross.region.zip');
    const { roads: _r, ...rest } = back;
    expect(rest).toEqual(await readRegionPack(writeRegionPack(plain), 'cross.region.zip'));
  });

  it('the demo packs (written before roads) open as before, without roads', async () => {
    const file = 'data/packs/350525.region.zip';
    const region = await readRegionPack(new Uint8Array(readFileSync(file)), file);
    expect(region.roads).toBeUndefined();
    expect(region.cells.h3.length).toBeGreaterThan(0);
  });
});

const andorraPath = ['../shared/data/raw/osm/andorra-latest.osm.pbf', '/work/shared/data/raw/osm/andorra-latest.osm.pbf'].find((p) => existsSync(p));

describe.skipIf(!andorraPath)('the Andorra roads (© OpenStreetMap contributors, ODbL) through a pack', () => {
  it('read back, give the same ways, graph (nodes, arcs) and Dijkstra minutes from 20 sources', async () => {
    const r = await readRoads(readFileSync(andorraPath!), { file: 'andorra-latest.osm.pbf' });
    const region = withRoads(r.ways, { counts: r.counts });
    const back = (await readRegionPack(writeRegionPack(region), 'andorra.region.zip')).roads!;
    expect(back.ways.lng.length).toBe(r.ways.lng.length);
    expect(arrays(back.ways)).toEqual(arrays(r.ways));
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const sources = Array.from({ length: 20 }, () => Math.floor(next() * r.ways.lng.length));
    const g = expectSameRouting(r.ways, back.ways, sources, 15);
    expect(g.nodeCount).toBeGreaterThan(10_000);
  });

  it('DuckDB opens roads.parquet: one row per way, the same length (haversine over its WKT points), LineString in the GeoParquet metadata', async () => {
    const r = await readRoads(readFileSync(andorraPath!), { file: 'andorra-latest.osm.pbf' });
    const dir = mkdtempSync(path.join(tmpdir(), 'pack-roads-duckdb-'));
    writeFileSync(path.join(dir, 'roads.parquet'), unzipSync(writeRegionPack(withRoads(r.ways, { counts: r.counts })))['roads.parquet']);
    let km = 0;
    const { wayStart, wayVertices, lng, lat } = r.ways;
    for (let w = 0; w < wayCount(r.ways); w++) {
      for (let k = wayStart[w] + 1; k < wayStart[w + 1]; k++) km += haversineKm(lng[wayVertices[k - 1]], lat[wayVertices[k - 1]], lng[wayVertices[k]], lat[wayVertices[k]]);
    }
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    // DuckDB's spatial extension (ST_Length) cannot be installed offline; core DuckDB reads the geometry and writes it as WKT
    const sql = `
      with pts as (
        select list_transform(regexp_extract_all(st_astext(geometry), '(-?[0-9.]+) (-?[0-9.]+)'), s -> list_transform(string_split(s, ' '), x -> x::double)) p,
          class, oneway
        from read_parquet('${dir}/roads.parquet'))
      select count(*)::int n, sum(list_sum(list_transform(range(1, len(p)), i ->
          2 * 6371.0088 * asin(least(1, sqrt(
            pow(sin(radians(p[i + 1][2] - p[i][2]) / 2), 2)
            + cos(radians(p[i][2])) * cos(radians(p[i + 1][2])) * pow(sin(radians(p[i + 1][1] - p[i][1]) / 2), 2))))))) km,
        count(*) filter (where class = 'primary')::int primaries,
        count(*) filter (where oneway <> 0)::int oneways
      from pts`;
    const row = (await con.runAndReadAll(sql)).getRowObjects()[0];
    expect(row.n).toBe(wayCount(r.ways));
    expect(Math.abs(Number(row.km) - km) / km).toBeLessThan(1e-6);
    const primary = r.ways.classes.indexOf('primary');
    expect(row.primaries).toBe(r.ways.wayClass.filter((c) => c === primary).length);
    expect(row.oneways).toBe(r.ways.wayOneway.filter((o) => o !== 0).length);
    const geo = (await con.runAndReadAll(`select decode(value) v from parquet_kv_metadata('${dir}/roads.parquet') where decode(key) = 'geo'`)).getRowObjects();
    expect(JSON.parse(String(geo[0].v))).toMatchObject({ primary_column: 'geometry', columns: { geometry: { encoding: 'WKB', geometry_types: ['LineString'] } } });
  });
});

describe('a damaged roads member is refused, naming the file and the reason', () => {
  const refuse = expectPackRefused;
  const packWith = (ways: RoadWays) => writeRegionPack(withRoads(ways));
  const manifestOf = (members: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(members['region.json']));

  it('the manifest lists roads the pack lacks, or the pack holds roads its manifest does not list', async () => {
    const members = unzipSync(packWith(crossWays()));
    const { 'roads.parquet': roads, ...without } = members;
    await refuse(zipSync(without), /has no roads\.parquet/);
    const { roads: _r, ...manifest } = manifestOf(members);
    await refuse(zipSync({ ...members, 'region.json': strToU8(JSON.stringify(manifest)) }), /roads\.parquet but its region\.json says nothing of roads/);
    expect(roads.length).toBeGreaterThan(0);
  });

  it('a row count other than the manifest says', async () => {
    const members = unzipSync(packWith(crossWays()));
    const manifest = manifestOf(members);
    await refuse(zipSync({ ...members, 'region.json': strToU8(JSON.stringify({ ...manifest, roads: { ...manifest.roads, ways: 2 } })) }), /roads\.parquet.*3 rows where the manifest allows 2/);
    await refuse(zipSync({ ...members, 'region.json': strToU8(JSON.stringify({ ...manifest, roads: { ...manifest.roads, ways: 4 } })) }), /roads\.parquet.*3 values where the manifest gives 4/);
  });

  it('a manifest roads entry that breaks the schema names the field', async () => {
    const members = unzipSync(packWith(crossWays()));
    const manifest = manifestOf(members);
    await refuse(zipSync({ ...members, 'region.json': strToU8(JSON.stringify({ ...manifest, roads: { ...manifest.roads, source: 'OSM' } })) }), /field "roads\.source"/);
  });

  it('a row with an impossible direction, no speed at all, or a speed of 5000 km/h', async () => {
    const bent = (change: (w: RoadWays) => void) => {
      const w = crossWays();
      change(w);
      return packWith(w);
    };
    await refuse(bent((w) => (w.wayOneway[1] = 7 as never)), /roads\.parquet row 2: oneway 7 is not/);
    await refuse(
      bent((w) => {
        w.wayClass[0] = -1;
        w.wayPostedKmh[0] = NaN;
      }),
      /roads\.parquet row 1: the way has neither a class nor a posted speed/,
    );
    await refuse(bent((w) => (w.wayPostedKmh[2] = 5000)), /roads\.parquet row 3: posted_kmh 5000/);
    await refuse(bent((w) => (w.lat[5] = 95)), /roads\.parquet row 3: point 2 .* not a WGS84/);
  });

  it('a damaged geometry or damaged bytes', async () => {
    const members = unzipSync(packWith(crossWays()));
    const roads = members['roads.parquet'].slice();
    roads.fill(0, 8, 200);
    await refuse(zipSync({ ...members, 'roads.parquet': roads }), /roads\.parquet/);
  });
});
