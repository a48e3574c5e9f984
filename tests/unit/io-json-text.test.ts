/**
 * GeoJSON text that JSON.parse cannot take, or that is valid but nested
 * deeper than any geometry: every reader names the file, the line and column
 * and what to do, instead of a raw parser message or a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { readPopulationPolygons } from '../../src/io/population-polygons.ts';
import { readZones } from '../../src/io/zones.ts';
import { utf8 } from '../helpers/fixtures-files.ts';

const readers = {
  zones: (b: Uint8Array, file: string) => readZones(b, { file }),
  facilities: (b: Uint8Array, file: string) => previewFacilities(b, { file }),
  'population polygons': (b: Uint8Array, file: string) => readPopulationPolygons(b, { file, resolution: 9 }),
};

/** The DataFileError a reader ends in (sync or async), or a failure naming what it did instead. */
async function failure(read: () => unknown): Promise<DataFileError> {
  try {
    await read();
  } catch (e) {
    if (e instanceof DataFileError) return e;
    throw new Error(`not a DataFileError: ${String(e)}`);
  }
  throw new Error('read without an error');
}

const feature = (geometry: string) => `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a","population":5},"geometry":${geometry}}]}`;

describe('GeoJSON text the readers refuse with the place and the reason', () => {
  for (const [name, read] of Object.entries(readers)) {
    it(`${name}: coordinates nested 100,000 deep are refused with the depth limit and the line, not a stack overflow`, async () => {
      const text = feature(`{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
      const e = await failure(() => read(utf8(text), 'deep.geojson'));
      expect(e.problems[0]).toMatchObject({ file: 'deep.geojson', code: 'too-complex' });
      expect(e.message).toMatch(/^deep\.geojson: file: line 1, column \d+: nested more than 64 levels deep/);
    });

    it(`${name}: GeometryCollections nested 20,000 deep are refused the same way`, async () => {
      const text = feature(`${'{"type":"GeometryCollection","geometries":['.repeat(20_000)}${']}'.repeat(20_000)}`);
      const e = await failure(() => read(utf8(text), 'nested.geojson'));
      expect(e.message).toMatch(/^nested\.geojson: file: line 1, column \d+: nested more than 64 levels deep/);
    });

    it(`${name}: a // comment is named with its line and column and how to fix it`, async () => {
      const text = '{\n  "type": "FeatureCollection",\n  // exported from the survey\n  "features": []\n}';
      const e = await failure(() => read(utf8(text), 'commented.geojson'));
      expect(e.problems[0]).toMatchObject({ file: 'commented.geojson', code: 'bad-json' });
      expect(e.message).toMatch(/^commented\.geojson: file: line 3, column 3: a comment \("\/\/"\); JSON allows no comments/);
      expect(e.message).toMatch(/fix: delete the comment/);
      expect(e.message).not.toMatch(/Unexpected token|is not valid JSON|in JSON at position/);
    });
  }

  it('names the line and column of other syntax errors in words', async () => {
    const cases: [string, RegExp][] = [
      ['{"type": "FeatureCollection",\n "features": [1, 2,]}', /line 2, column 19: a comma before "]"/],
      ['{"type": "FeatureCollection", "features": [NaN]}', /line 1, column 44: "NaN" is not a JSON value/],
      ['{"type": "Feature", "properties": {"name": "a\n"}}', /line 1, column 46: a line break inside a text value/],
      ['{"type": "FeatureCollection", "features": [', /line 1, column 44: the text ends inside an array/],
      ["{'type': 'Feature'}", /line 1, column 2: a single quote/],
    ];
    for (const [text, expected] of cases) {
      const e = await failure(() => readZones(utf8(text), { file: 'bad.geojson' }));
      expect(e.message).toMatch(/^bad\.geojson: file: /);
      expect(e.message).toMatch(expected);
    }
  });
});
