/**
 * The click card's response time on roads, from the core's description of a
 * cell on a hand-made road: a track (5 km/h, 12 minutes a km) through a line
 * of res-9 cells, so each cell's minutes are the 3-minute turnout plus
 * 12 × the km of hops before it, worked out from the centres; a cell 6 km
 * off the track has no road access, and the far end of the line is beyond
 * the 60-minute horizon.
 */
import { cellToLatLng, gridPathCells, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { describeCell } from '../../src/core/describe-cell.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { haversineKm, KM_PER_DEG_LAT } from '../../src/core/geo.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { RoadNetwork } from '../../src/core/road-network.ts';
import { RoadWaysBuilder } from '../../src/core/roads/ways.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { responseText } from '../../src/ui/cards/response-text.ts';
import { formatNumber, translate } from '../../src/i18n/translate.ts';
import type { Translate } from '../../src/i18n/types.ts';
import { grid, zone } from '../helpers/tiny.ts';

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);
const nZh = (v: number, d = 0) => formatNumber('zh-CN', v, d);
const nEn = (v: number, d = 0) => formatNumber('en', v, d);

describe('response time text', () => {
  it('gives the minutes on roads to one decimal, and says why there are none', () => {
    expect(responseText({ row: { minutes: 12.44 }, noRoadAccess: null }, zh, nZh)).toBe('12.4 分钟（路网）');
    expect(responseText({ row: { minutes: 12.44 }, noRoadAccess: null }, en, nEn)).toBe('12.4 min (on roads)');
    expect(responseText({ row: { minutes: null }, noRoadAccess: 'far' }, zh, nZh)).toBe('无道路可达（离道路太远）');
    expect(responseText({ row: { minutes: null }, noRoadAccess: 'fragment' }, en, nEn)).toBe('No road access (only near roads cut off from the network)');
    expect(responseText({ row: { minutes: null }, noRoadAccess: null }, zh, nZh)).toBe('60 分钟内未到达');
    expect(responseText({ row: { minutes: null }, noRoadAccess: null }, en, nEn)).toBe('Not reached within 60 min');
  });

  it('says nothing when reach is straight-line (the row has no minutes)', () => {
    expect(responseText({ row: {} }, zh, nZh)).toBeNull();
  });
});

describe('a clicked cell on a hand-made road', () => {
  // ~25 neighbouring res-9 cells eastward (~8 km); the last cell, 6 km north of the first, has no road near
  const line = gridPathCells(latLngToCell(42.5, 1.5, 9), latLngToCell(42.5, 1.6, 9));
  const [lat0, lng0] = cellToLatLng(line[0]);
  const far = latLngToCell(lat0 + 6 / KM_PER_DEG_LAT, lng0, 9);
  const h3 = [...line, far];
  const g = grid(
    h3.map((cell) => ({ h3: cell, population: 10, zone: 'z' })),
    [zone('z', 'rural')],
  );
  const at = (k: number) => {
    const [lat, lng] = cellToLatLng(line[k]);
    return { lng, lat };
  };
  const b = new RoadWaysBuilder();
  b.addWay(
    line.map((_, k) => b.addVertex(at(k).lng, at(k).lat)),
    'track',
    NaN,
    0,
  );
  const roads = new RoadNetwork(g, b.finish());
  const station: Station = { id: 'a', name: 'a', kind: 'station', status: 'existing', ...at(0) };
  const engine = createEngine(g, { stations: [station], rules: makeRules() }, createReachModel(g), roads);
  /** Hand minutes to line cell k: 3 turnout + 12 per km of the hops before it. */
  const hand = (k: number) => {
    let km = 0;
    for (let j = 0; j < k; j++) km += haversineKm(at(j).lng, at(j).lat, at(j + 1).lng, at(j + 1).lat);
    return 3 + 12 * km;
  };
  const cell = (h: string) => g.indexOf.get(h)!;

  it('a cell on the road: its minutes by hand, beside the straight-line km', () => {
    const d = describeCell(engine, cell(line[3]));
    expect(d.row.minutes).toBeCloseTo(hand(3), 6);
    expect(d.noRoadAccess).toBeNull();
    expect(d.row.distanceKm).toBeCloseTo(haversineKm(at(0).lng, at(0).lat, at(3).lng, at(3).lat), 6);
    expect(responseText(d, zh, nZh)).toBe(`${nZh(hand(3), 1)} 分钟（路网）`);
  });

  it('a cell on the road beyond 60 minutes is not reached; a cell far from the road has no road access', () => {
    const last = line.length - 1;
    expect(hand(last)).toBeGreaterThan(60);
    const beyond = describeCell(engine, cell(line[last]));
    expect(beyond.row.minutes).toBeNull();
    expect(beyond.noRoadAccess).toBeNull();
    expect(responseText(beyond, zh, nZh)).toBe('60 分钟内未到达');
    const off = describeCell(engine, cell(far));
    expect(off.row.minutes).toBeNull();
    expect(off.noRoadAccess).toBe('far');
    expect(responseText(off, en, nEn)).toBe('No road access (too far from any road)');
  });

  it('without roads the description carries no minutes and no road access', () => {
    const plain = createEngine(g, { stations: [station], rules: makeRules() }, createReachModel(g));
    const d = describeCell(plain, cell(line[3]));
    expect(d.row.minutes).toBeUndefined();
    expect('noRoadAccess' in d).toBe(false);
    expect(responseText(d, zh, nZh)).toBeNull();
  });
});
