/**
 * Region packs: what is written is what is read, the same region gives the
 * same bytes, other tools read the layers (DuckDB), and a damaged or
 * unknown-version pack is refused with the file name and the reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { getResolution, isValidCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3ToInt64, int64ToH3 } from '../../src/io/region/h3-int.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { writeRegionPack } from '../../src/io/region/pack-write.ts';
import { expectPackRefused } from '../helpers/pack-refusal.ts';
import { tinyRegion } from '../helpers/tiny-region.ts';

describe('H3 indexes as 64-bit integers', () => {
  it('round-trip as h3-js writes them (hex, no leading zeros), for every resolution', () => {
    const cells = ['8009fffffffffff', '81083ffffffffff', '8928308280fffff', '8f2830828052d25', '85283473fffffff'];
    expect(cells.every(isValidCell)).toBe(true);
    expect(int64ToH3(h3ToInt64(cells))).toEqual(cells);
    // the integer is the hex value itself (what DuckDB's h3 extension reads)
    expect(h3ToInt64(['8928308280fffff'])[0]).toBe(0x8928308280fffffn);
  });
});

describe('a pack round trip', () => {
  it('reads back the region it was written from, field by field', async () => {
    const region = tinyRegion();
    const back = await readRegionPack(writeRegionPack(region), 'tiny.region.zip');
    expect(back.cells.h3).toEqual(region.cells.h3);
    expect(Array.from(back.cells.population)).toEqual(Array.from(region.cells.population));
    expect(Array.from(back.cells.zone)).toEqual(Array.from(region.cells.zone));
    expect(back.zones).toEqual(region.zones);
    expect(back.stations).toEqual(region.stations);
    expect(back.zoneOutlines).toEqual(region.zoneOutlines);
    expect(back.partOutlines).toEqual(region.partOutlines);
    const { cells: _c, zones: _z, stations: _s, zoneOutlines: _o, partOutlines: _p, ...rest } = back;
    const { cells: _c2, zones: _z2, stations: _s2, zoneOutlines: _o2, partOutlines: _p2, ...expected } = region;
    expect(rest).toEqual(expected);
    expect(back.cells.h3.every((c) => getResolution(c) === 9)).toBe(true);
  });

  it('the same region gives the same bytes (no timestamps)', () => {
    expect(Buffer.from(writeRegionPack(tinyRegion())).equals(Buffer.from(writeRegionPack(tinyRegion())))).toBe(true);
  });
});

describe('other tools read the layers', () => {
  it('DuckDB reads cells.parquet (count, residents, H3 as hex) and the zones GeoParquet metadata', async () => {
    const region = tinyRegion();
    const dir = mkdtempSync(path.join(tmpdir(), 'pack-duckdb-'));
    for (const [name, bytes] of Object.entries(unzipSync(writeRegionPack(region)))) writeFileSync(path.join(dir, name), bytes);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const cells = (await con.runAndReadAll(`select count(*)::int n, sum(population) p, lower(printf('%x', min(h3))) lowest from read_parquet('${dir}/cells.parquet')`)).getRowObjects()[0];
    expect(cells.n).toBe(region.cells.h3.length);
    expect(cells.p).toBe(region.cells.population.reduce((s, v) => s + v, 0));
    expect(cells.lowest).toBe(region.cells.h3[0]);
    const zones = (await con.runAndReadAll(`select code, name, area_type from read_parquet('${dir}/zones.parquet') order by code`)).getRowObjects();
    expect(zones.map((z) => [z.code, z.name, z.area_type])).toEqual([['Z-east', '东镇', 'urban'], ['Z-west', '西镇', 'rural']]);
    const geo = (await con.runAndReadAll(`select decode(value) v from parquet_kv_metadata('${dir}/zones.parquet') where decode(key) = 'geo'`)).getRowObjects();
    expect(JSON.parse(String(geo[0].v))).toMatchObject({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB' } } });
    const stations = (await con.runAndReadAll(`select id, lng, lat from read_parquet('${dir}/stations.parquet') order by id`)).getRowObjects();
    expect(stations.map((s) => [s.id, s.lng, s.lat])).toEqual([['s-east', 118.23, 25.31], ['s-west', 118.17, 25.3]]);
  });
});

describe('damaged packs are refused, naming the file and the reason', () => {
  const good = () => writeRegionPack(tinyRegion());
  const refuse = expectPackRefused;

  it('a truncated pack', async () => {
    const bytes = good();
    await refuse(bytes.slice(0, Math.floor(bytes.length * 0.6)), /damaged or truncated zip/);
  });

  it('a pack of an unknown version', async () => {
    const members = unzipSync(good());
    const manifest = JSON.parse(new TextDecoder().decode(members['region.json']));
    members['region.json'] = strToU8(JSON.stringify({ ...manifest, version: 2 }));
    await refuse(zipSync(members), /version 2; this app reads version 1/);
  });

  it('a file that is not a pack', async () => {
    await refuse(strToU8('h3,population\n8928308280fffff,1\n'), /not a region pack/);
    await refuse(zipSync({ 'readme.txt': strToU8('hello') }), /has no region\.json/);
  });

  it('a manifest that breaks the schema names the field', async () => {
    const members = unzipSync(good());
    const manifest = JSON.parse(new TextDecoder().decode(members['region.json']));
    members['region.json'] = strToU8(JSON.stringify({ ...manifest, resolution: 'nine' }));
    await refuse(zipSync(members), /resolution/);
  });

  it('a cells layer that does not match the manifest (rows or residents)', async () => {
    const members = unzipSync(good());
    const manifest = JSON.parse(new TextDecoder().decode(members['region.json']));
    members['region.json'] = strToU8(JSON.stringify({ ...manifest, counts: { ...manifest.counts, population: manifest.counts.population + 1 } }));
    await refuse(zipSync(members), /residents where the manifest gives/);
    members['region.json'] = strToU8(JSON.stringify({ ...manifest, counts: { ...manifest.counts, cells: manifest.counts.cells - 1 } }));
    await refuse(zipSync(members), /rows where the manifest (gives|allows)/);
  });

  it('a damaged parquet member', async () => {
    const members = unzipSync(good());
    const cells = members['cells.parquet'].slice();
    cells.fill(0, 8, 200);
    members['cells.parquet'] = cells;
    await refuse(zipSync(members), /cells\.parquet/);
  });
});
