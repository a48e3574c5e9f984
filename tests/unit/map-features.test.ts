/**
 * Map features read straight from the scenario and the result: station
 * markers, gap outlines, and where focus requests take the camera.
 */
import { describe, expect, it } from 'vitest';
import type { Station } from '../../src/core/types.ts';
import type { GapSummary } from '../../src/worker/api.ts';
import { boundsOf, focusTarget, padBounds, ZONE_MARGIN, type FocusContext } from '../../src/map/focus.ts';
import { gapFeatures, hasOutlines } from '../../src/map/gaps.ts';
import { topStation } from '../../src/map/interaction.ts';
import { KIND_COLOURS, KIND_RADII } from '../../src/map/layers.ts';
import { stationFeatures } from '../../src/map/stations.ts';
import { mapLabel } from '../../src/map/text.ts';
import type { ZoneFeature } from '../../src/map/zones.ts';

const stations: Station[] = [
  { id: 'centre', name: '永春县医院（县急救中心）', kind: 'emergency-centre', status: 'existing', lng: 118.29, lat: 25.32, positionApproximate: true },
  { id: 'dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.2, lat: 25.29 },
  { id: 'hc', name: '达埔卫生院', kind: 'health-centre', status: 'disabled', lng: 118.2, lat: 25.29, positionApproximate: true },
];

const gap = (rank: number, outline: number[][][][] | null): GapSummary => ({
  rank,
  population: 1000 / rank,
  gapPopulation: 1000 / rank,
  marginalPopulation: 0,
  cellCount: 10,
  areaKm2: 1,
  centroid: [118 + rank / 10, 25],
  zone: null,
  zoneName: null,
  townships: [],
  county: null,
  outline,
});
const square = (w: number, s: number, e: number, n: number) => [[[[w, s], [e, s], [e, n], [w, n], [w, s]]]];

describe('station markers', () => {
  it('an approximate position is marked "≈" in the label; an exact one is not; full-width brackets are drawn half-width', () => {
    const f = stationFeatures(stations, null).features;
    expect(f.map((x) => x.properties.label)).toEqual(['≈ 永春县医院(县急救中心)', '达埔急救站', '≈ 达埔卫生院']);
    // the name itself stays as in the data
    expect(f[0].properties.name).toBe('永春县医院（县急救中心）');
    expect(f[0].geometry.coordinates).toEqual([118.29, 25.32]);
  });

  it('colour and size by kind, status kept for the style', () => {
    const [centre, dapu] = stationFeatures(stations, null).features.map((x) => x.properties);
    expect([centre.colour, centre.radius]).toEqual([KIND_COLOURS['emergency-centre'], KIND_RADII['emergency-centre']]);
    expect([dapu.kind, dapu.status]).toEqual(['station', 'proposed']);
  });

  it('a press where a station and a disabled health centre share the seat grabs the station; the selected one comes first', () => {
    const features = stationFeatures(stations, null).features;
    expect(topStation([features[2], features[1]])).toBe('dapu');
    const selected = stationFeatures(stations, 'hc').features;
    expect(selected[2].properties.selected).toBe(true);
    expect(topStation([selected[1], selected[2]])).toBe('hc');
    expect(topStation([])).toBeNull();
  });
});

describe('map label text', () => {
  it('swaps the full-width brackets and quotes MapLibre clips for half-width ones, pairs kept', () => {
    expect(mapLabel('永春县医院（县急救中心）')).toBe('永春县医院(县急救中心)');
    expect(mapLabel('《规划》【草案】「甲」')).toBe('«规划»[草案]"甲"');
    expect(mapLabel('桃城镇，五里街镇：达埔')).toBe('桃城镇，五里街镇：达埔');
  });
});

describe('gap outlines', () => {
  it('outlined groups become features carrying their rank, labelled at the centroid', () => {
    const f = gapFeatures([gap(1, square(118, 25, 118.1, 25.1)), gap(2, null)], (r) => `盲区片区 ${r}`);
    expect(f.outlines.features).toHaveLength(1);
    expect(f.outlines.features[0].properties.rank).toBe(1);
    expect(f.outlines.features[0].geometry.type).toBe('MultiPolygon');
    expect(f.labels.features[0].properties.label).toBe('盲区片区 1');
    expect(f.labels.features[0].geometry.coordinates).toEqual([118.1, 25]);
  });

  it('a drag update (no outlines) is told apart from a full one; no gaps at all is full', () => {
    expect(hasOutlines([gap(1, null), gap(2, null)])).toBe(false);
    expect(hasOutlines([gap(1, square(0, 0, 1, 1)), gap(2, null)])).toBe(true);
    expect(hasOutlines([])).toBe(true);
  });
});

describe('focus requests', () => {
  const zone: ZoneFeature = {
    type: 'Feature',
    properties: { code: 'Z', name: '一都镇', county: '350525', areaType: 'rural' },
    geometry: { type: 'Polygon', coordinates: square(117.9, 25.4, 118.0, 25.5)[0] },
  };
  const ctx: FocusContext = {
    regionBounds: [117.8, 25.1, 118.6, 25.6],
    zoneOutline: (code) => (code === 'Z' ? zone : undefined),
    zoneCellBounds: (code) => (code === 'C' ? [118, 25, 118.1, 25.1] : null),
    gaps: [gap(1, square(118.3, 25.3, 118.4, 25.35)), gap(7, null)],
    stations,
    pointZoom: 12.5,
  };

  it('region fits the loaded cells', () => {
    expect(focusTarget({ kind: 'region', nonce: 1 }, ctx)).toEqual({ bounds: [117.8, 25.1, 118.6, 25.6] });
    expect(focusTarget({ kind: 'region', nonce: 1 }, { ...ctx, regionBounds: null })).toBeNull();
  });

  it('zone fits its outline, else its cells, with its surroundings around it', () => {
    expect(focusTarget({ kind: 'zone', code: 'Z', nonce: 2 }, ctx)).toEqual({ bounds: padBounds([117.9, 25.4, 118.0, 25.5], ZONE_MARGIN) });
    expect(focusTarget({ kind: 'zone', code: 'C', nonce: 2 }, ctx)).toEqual({ bounds: padBounds([118, 25, 118.1, 25.1], ZONE_MARGIN) });
    expect(focusTarget({ kind: 'zone', code: 'nope', nonce: 2 }, ctx)).toBeNull();
  });

  it('gap fits its outline; a group without one flies to its centroid', () => {
    expect(focusTarget({ kind: 'gap', rank: 1, nonce: 3 }, ctx)).toEqual({ bounds: [118.3, 25.3, 118.4, 25.35] });
    expect(focusTarget({ kind: 'gap', rank: 7, nonce: 3 }, ctx)).toEqual({ center: [118.7, 25], zoom: 12.5 });
  });

  it('station flies to it', () => {
    expect(focusTarget({ kind: 'station', id: 'dapu', nonce: 4 }, ctx)).toEqual({ center: [118.2, 25.29], zoom: 12.5 });
    expect(focusTarget({ kind: 'station', id: 'gone', nonce: 4 }, ctx)).toBeNull();
  });

  it('bounds of nested coordinates', () => {
    expect(boundsOf([[[1, 2], [3, -4]], [[0, 5]]])).toEqual([0, -4, 3, 5]);
    expect(boundsOf([])).toBeNull();
  });
});
