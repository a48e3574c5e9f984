/**
 * Road lines from GeoJSON and zipped shapefiles: a class or a speed field
 * (Chinese names too), direction fields, lines joined where they share a
 * vertex, and every line left out either counted or listed as a problem.
 */
import shpwrite from '@mapbox/shp-write';
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../src/core/roads/graph.ts';
import { DEFAULT_SPEED_MODEL } from '../../src/core/roads/speeds.ts';
import { readRoads } from '../../src/io/roads/index.ts';

const line = (coords: number[][], properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: coords } });
const json = (features: unknown[]) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));

describe('GeoJSON road lines', () => {
  const features = [
    line([[118, 25], [118.01, 25]], { 道路等级: '一级公路', 限速: 80, 单行: '否' }),
    line([[118.01, 25], [118.02, 25]], { 道路等级: '县道', 限速: null, 单行: '是' }),
    line([[118.02, 25], [118.03, 25]], { 道路等级: '机耕路', 限速: '' }), // unknown class, no speed: a problem
    line([[118.02, 25], [118.02, 25.01]], { 道路等级: '', 限速: '40' }), // speed only
    line([[118, 25], [118, 25.01]], { 道路等级: 'footway' }), // not driven: counted, no problem
    { type: 'Feature', properties: { 道路等级: '乡道' }, geometry: { type: 'Point', coordinates: [118, 25] } },
  ];

  it('reads class, speed and direction from Chinese fields, and joins lines at shared vertices', async () => {
    const r = await readRoads(json(features), { file: 'roads.geojson' });
    expect(r.format).toBe('geojson');
    expect(r.counts).toMatchObject({ waysRead: 6, waysDrivable: 3, waysKept: 3, vertices: 4 });
    expect(r.ways.classes).toEqual(['一级公路', '县道']);
    expect([...r.ways.wayClass]).toEqual([0, 1, -1]);
    expect([...r.ways.wayOneway]).toEqual([0, 1, 0]);
    expect([...r.ways.wayPostedKmh]).toEqual([80, NaN, 40]);
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[3, 'no-data'], [6, 'bad-geometry']]);
    expect(r.problems[0].reason).toMatch(/road class "机耕路" is not one the speed model knows/);
    const g = buildRoadGraph(r.ways, DEFAULT_SPEED_MODEL);
    expect(g.nodeCount).toBe(4);
    expect(g.componentSize[0]).toBe(4); // all three lines meet
  });

  it('clips to a box, counting the lines left wholly outside', async () => {
    const r = await readRoads(json(features), { file: 'roads.geojson', box: [117.99, 24.99, 118.015, 25.005] });
    expect(r.counts.waysKept).toBe(1);
    expect(r.counts.waysOutside).toBe(2);
  });

  it('refuses a file with neither a class nor a speed field, naming the file', async () => {
    await expect(readRoads(json([line([[0, 0], [1, 1]], { name: 'x' })]), { file: 'names.geojson' })).rejects.toThrow(/^names\.geojson: file: has neither a road class field/);
  });
});

describe('zipped shapefile road lines (Geofabrik layout: fclass, maxspeed 0 = unknown, oneway F/T/B)', () => {
  // shp-write merges every polyline of a collection into one record, so each layer here holds one line
  const zip = async (properties: Record<string, unknown>) => {
    const fc = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties, geometry: { type: 'LineString' as const, coordinates: [[118, 25], [118.01, 25], [118.01, 25.01]] } }] };
    return (await shpwrite.zip(fc, { outputType: 'uint8array', compression: 'STORE' })) as Uint8Array;
  };

  it('reads class, posted speed (0 = none) and direction (T = against the line)', async () => {
    const r = await readRoads(await zip({ fclass: 'residential', maxspeed: 30, oneway: 'T' }), { file: 'gis_osm_roads_free_1.zip' });
    expect(r.format).toBe('shapefile');
    expect(r.ways.classes).toEqual(['residential']);
    expect([...r.ways.wayOneway]).toEqual([-1]);
    expect([...r.ways.wayPostedKmh]).toEqual([30]);
    const none = await readRoads(await zip({ fclass: 'primary', maxspeed: 0, oneway: 'B' }), { file: 'roads.zip' });
    expect([...none.ways.wayPostedKmh]).toEqual([NaN]);
    expect([...none.ways.wayOneway]).toEqual([0]);
  });

  it('keeps tracks only when asked', async () => {
    const bytes = await zip({ fclass: 'track_grade2', maxspeed: 0, oneway: 'B' });
    expect((await readRoads(bytes, { file: 'roads.zip' })).counts.waysKept).toBe(0);
    expect((await readRoads(bytes, { file: 'roads.zip', includeTracks: true })).ways.classes).toEqual(['track']);
  });
});
