/**
 * Rings around stations: the service radius of the station's area type and
 * the emergency circle, drawn by Turf at the radius the rules give.
 */
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/core/geo.ts';
import { circleRadiusKm, DEFAULT_RULES, makeRules } from '../../src/core/rules.ts';
import type { Station, Zone } from '../../src/core/types.ts';
import { ringSpecs } from '../../src/core/rings.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { buildGrid } from '../../src/core/grid.ts';
import { RING_STEPS, RingCache } from '../../src/map/circles.ts';
import { zoneLabelFeatures } from '../../src/map/zones.ts';

const station = (id: string, lng: number, lat: number, extra: Partial<Station> = {}): Station => ({ id, name: id, kind: 'station', status: 'existing', lng, lat, ...extra });

describe('which rings a station gets', () => {
  it('urban: the 5 km radius and the 15-minute circle of 32.07 km/h × 12 min / 1.6 ≈ 4.01 km', () => {
    const specs = ringSpecs(DEFAULT_RULES, 'urban');
    expect(specs.map((s) => [s.ring, s.dashed])).toEqual([
      ['cover', false],
      ['circle', false],
    ]);
    expect(specs[0].radiusKm).toBe(5);
    expect(specs[1].radiusKm).toBeCloseTo((32.07 * 12) / 60 / 1.6, 9);
  });

  it('rural, strict reading: 10 km solid, 20 km dashed, and a 40 km/h × 12 min / 1.6 = 5 km circle', () => {
    const specs = ringSpecs(DEFAULT_RULES, 'rural');
    expect(specs.map((s) => [s.ring, s.radiusKm, s.dashed])).toEqual([
      ['cover', 10, false],
      ['cover', 20, true],
      ['circle', 5, false],
    ]);
  });

  it('rural, lenient reading: only the 20 km radius, drawn solid', () => {
    const specs = ringSpecs(makeRules({ ruralReading: 'lenient' }), 'rural');
    expect(specs.filter((s) => s.ring === 'cover').map((s) => [s.radiusKm, s.dashed])).toEqual([[20, false]]);
  });

  it('follows the rules the planner set (7 km urban, 14 minutes)', () => {
    const rules = makeRules({ urbanRadiusKm: 7, circleMinutes: 14 });
    const specs = ringSpecs(rules, 'urban');
    expect(specs[0].radiusKm).toBe(7);
    expect(specs[1].radiusKm).toBeCloseTo((32.07 * 11) / 60 / 1.6, 9);
  });
});

describe('rings are the limits the engine applies', () => {
  // a station's rings (and the drag overlay's, which read the same specs) come from core: each radius
  // must be one of the straight-line limits the engine compares distances with, for that area type
  it.each([
    ['default rules', DEFAULT_RULES],
    ['lenient, 7 km urban, 14 minutes, rural 50 km/h', makeRules({ ruralReading: 'lenient', urbanRadiusKm: 7, circleMinutes: 14, ruralSpeedKmh: 50 })],
  ] as const)('%s', (_, rules) => {
    const g = buildGrid([], []);
    const limits = createEngine(g, { stations: [], rules }).reachLimits;
    for (const type of ['urban', 'rural'] as const) {
      const { cover, marginal, circle } = limits[type];
      const specs = ringSpecs(rules, type);
      expect(specs.filter((s) => s.ring === 'cover' && !s.dashed).map((s) => s.radiusKm)).toEqual([cover]);
      expect(specs.filter((s) => s.dashed).map((s) => s.radiusKm)).toEqual(marginal > cover ? [marginal] : []);
      expect(specs.filter((s) => s.ring === 'circle').map((s) => s.radiusKm)).toEqual([circle]);
    }
  });
});

describe('ring geometry', () => {
  const dapu = station('dapu', 118.2, 25.29);

  it('every vertex of the 10 km ring is 10 km from the station (haversine)', () => {
    const cache = new RingCache();
    const features = cache.features([{ station: dapu, areaTypes: ['rural'], selected: false, circleLabel: () => '' }], DEFAULT_RULES);
    expect(features).toHaveLength(3);
    for (const f of features) {
      expect(f.geometry.type).toBe('Polygon');
      const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0];
      expect(ring).toHaveLength(RING_STEPS + 1);
      for (const [lng, lat] of ring) expect(haversineKm(dapu.lng, dapu.lat, lng, lat)).toBeCloseTo(f.properties.radiusKm, 6);
    }
  });

  it('disabled stations get no rings', () => {
    const cache = new RingCache();
    expect(cache.features([{ station: { ...dapu, status: 'disabled' }, areaTypes: ['urban'], selected: false, circleLabel: () => '' }], DEFAULT_RULES)).toEqual([]);
  });

  it('a drag recomputes only the moved station', () => {
    const cache = new RingCache();
    const a = station('a', 118.2, 25.29);
    const b = station('b', 118.3, 25.3);
    const input = (s: Station) => ({ station: s, areaTypes: ['urban' as const], selected: false, circleLabel: () => '' });
    cache.features([input(a), input(b)], DEFAULT_RULES);
    expect(cache.recomputed).toBe(2);
    cache.features([input(a), input(b)], DEFAULT_RULES);
    expect(cache.recomputed).toBe(0);
    cache.features([input({ ...a, lng: 118.21 }), input(b)], DEFAULT_RULES);
    expect(cache.recomputed).toBe(1);
    // new rules change every radius
    cache.features([input({ ...a, lng: 118.21 }), input(b)], makeRules({ urbanRadiusKm: 6 }));
    expect(cache.recomputed).toBe(2);
  });

  it('a station whose reach spans both area types gets the rings of both, each with its area type', () => {
    const cache = new RingCache();
    const features = cache.features([{ station: dapu, areaTypes: ['urban', 'rural'], selected: true, circleLabel: (t) => `formula ${t}` }], DEFAULT_RULES);
    const rings = features.filter((f) => f.properties.ring !== 'label').map((f) => `${f.properties.areaType}:${f.properties.ring}:${f.properties.radiusKm.toFixed(3)}`);
    // urban 5 km + urban circle; rural 10 km solid, 20 km dashed + rural circle (32.07 and 60 km/h figures from standards.md via DEFAULT_RULES)
    expect(rings).toEqual(['urban:cover:5.000', `urban:circle:${((32.07 * 12) / 60 / 1.6).toFixed(3)}`, 'rural:cover:10.000', 'rural:cover:20.000', `rural:circle:${circleRadiusKm(DEFAULT_RULES, 'rural').toFixed(3)}`]);
    expect(features.filter((f) => f.properties.ring === 'label').map((f) => f.properties.label)).toEqual(['formula urban', 'formula rural']);
  });

  it('the selected station carries the circle formula at the top of its circle', () => {
    const cache = new RingCache();
    const features = cache.features([{ station: dapu, areaTypes: ['urban'], selected: true, circleLabel: () => 'formula' }], DEFAULT_RULES);
    const label = features.find((f) => f.properties.ring === 'label')!;
    expect(label.properties.label).toBe('formula');
    const [lng, lat] = (label.geometry as { coordinates: number[] }).coordinates;
    expect(lng).toBeCloseTo(dapu.lng, 9);
    expect(haversineKm(dapu.lng, dapu.lat, lng, lat)).toBeCloseTo((32.07 * 12) / 60 / 1.6, 6);
    expect(lat).toBeGreaterThan(dapu.lat);
  });
});

describe('township labels', () => {
  const zones: Zone[] = [
    { code: 'U', name: '桃城镇', county: '350525', countyName: '永春县', areaType: 'urban', seat: [118.29, 25.32] },
    { code: 'R', name: '达埔镇', county: '350525', countyName: '永春县', areaType: 'rural', seat: null },
  ];
  it('township labels sit at the seats; zones without a seat get none', () => {
    const labels = zoneLabelFeatures(zones);
    expect(labels.features).toHaveLength(1);
    expect(labels.features[0].properties.name).toBe('桃城镇');
    expect(labels.features[0].geometry.coordinates).toEqual([118.29, 25.32]);
  });
});
