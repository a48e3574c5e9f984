/**
 * Zones with very detailed outlines: one ring of 400,000 vertices is read and
 * its cells assigned in a bounded time (the point-in-polygon test is indexed,
 * not a walk around the whole ring per cell), and a ring beyond the vertex
 * limit is refused with the count and the limit.
 */
import { polygonToCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/io/limits.ts';
import { assignCellsToZones, readZones } from '../../src/io/zones.ts';
import { cpuTime } from '../helpers/cpu-time.ts';
import { utf8 } from '../helpers/fixtures-files.ts';

/** An ellipse around (118.25, 25.4) with `n` vertices, closed. */
function ellipse(n: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([118.25 + 0.3 * Math.cos(a), 25.4 + 0.2 * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

const zoneFile = (ring: number[][]) => utf8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '大片', code: 'Z1' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));

describe('zones with huge rings', () => {
  it('assigns 40,000 cells to a zone of one 400,000-vertex ring in under 5 s of CPU time', async () => {
    const z = readZones(zoneFile(ellipse(400_000)), { file: 'detailed.geojson' });
    const cells = polygonToCells([[[25.15, 117.9], [25.65, 117.9], [25.65, 118.6], [25.15, 118.6]]], 8).slice(0, 40_000).map((h3) => ({ h3, population: 1 }));
    const { value: a, ms } = await cpuTime(() => assignCellsToZones(cells, z.features));
    expect(ms).toBeLessThan(5_000);
    // inside the ellipse ⇔ assigned (no cell centre lies within a hair of this outline)
    expect(a.perZone.Z1.cells).toBeGreaterThan(1_000);
    expect(a.perZone.Z1.cells + a.outside).toBe(cells.length);
  }, 60_000);

  it(`refuses a ring of more than ${IMPORT_LIMITS.maxRingVertices.toLocaleString('en-US')} vertices, naming the feature, the count and the limit`, () => {
    const z = readZones(zoneFile(ellipse(IMPORT_LIMITS.maxRingVertices + 10)), { file: 'too-fine.geojson' });
    expect(z.zones).toHaveLength(0);
    expect(z.problems.find((p) => p.code === 'too-complex')).toMatchObject({ file: 'too-fine.geojson', row: 1, column: 'geometry' });
    expect(z.problems.find((p) => p.code === 'too-complex')!.reason).toMatch(/ring of 1,000,011 vertices, more than the 1,000,000 allowed/);
  }, 60_000);
});
