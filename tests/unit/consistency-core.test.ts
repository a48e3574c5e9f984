/**
 * The pieces behind "a result belongs to one scenario": the baseline kept as
 * its own engine (reading a delta changes nothing), rings drawn for the area
 * types the engine applies, and the store-driven evaluation requests.
 */
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/core/geo.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { compareScenarios, scenarioDelta } from '../../src/core/deltas.ts';
import { outerRadiusKm, ringAreaTypes } from '../../src/core/rings.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { AreaType, Station } from '../../src/core/types.ts';
import { stationChanges, syncEvaluations, type EvaluationSink } from '../../src/app/evaluation-sync.ts';
import { initialState, type AppState } from '../../src/app/store.ts';
import { regionInfo } from '../../src/worker/coverage-service.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';
import { tinyRegion } from '../helpers/tiny-region.ts';
import type { ResultTag } from '../../src/worker/api.ts';
import { loadDemoDataset } from '../../scripts/lib/demo-data.ts';

const demo = await loadDemoDataset('350525');
const yongchun = demo.stations.filter((s) => s.county === '350525');
const rules = makeRules();

describe('the before/after baseline is its own state', () => {
  it('reading the delta leaves the engine exactly as it was (statuses, sums, nearest stations)', () => {
    const engine = createEngine(demo.grid, { stations: yongchun, rules });
    const before = { status: engine.status.slice(), agg: engine.zoneAgg.slice(), nearest: engine.nearestSlot.slice(), cost: engine.nearestCost.slice() };
    scenarioDelta(engine, ['yc-dapu', 'yc-guiyang']);
    expect(engine.status).toEqual(before.status);
    expect(engine.zoneAgg).toEqual(before.agg);
    expect(engine.nearestSlot).toEqual(before.nearest);
    expect(engine.nearestCost).toEqual(before.cost);
  });

  it('equals a brute-force count: covered with and without the proposed stations, and each one\'s unique cover', () => {
    const after = createEngine(demo.grid, { stations: yongchun, rules });
    const without = yongchun.filter((s) => s.status !== 'proposed');
    const before = createEngine(demo.grid, { stations: without, rules });
    const delta = compareScenarios(after, before);
    const { grid } = after;
    // brute force: a cell is covered when some active station is within its own type's radius
    const active = yongchun.filter((s) => s.status !== 'disabled');
    const radius = (i: number) => (after.areaType[i] === 1 ? rules.urbanRadiusKm : rules.ruralStrictRadiusKm);
    const coveredBy = (i: number, set: readonly Station[]) => set.filter((s) => haversineKm(s.lng, s.lat, grid.lng[i], grid.lat[i]) <= radius(i));
    let coveredAfter = 0;
    let coveredBefore = 0;
    const unique = new Map<string, number>();
    for (let i = 0; i < grid.size; i++) {
      const p = grid.population[i];
      if (p === 0) continue;
      const all = coveredBy(i, active);
      if (all.length > 0) coveredAfter += p;
      if (all.some((s) => s.status !== 'proposed')) coveredBefore += p;
      if (all.length === 1 && all[0].status === 'proposed') unique.set(all[0].id, (unique.get(all[0].id) ?? 0) + p);
    }
    expect(delta.covered.after).toBeCloseTo(coveredAfter, 6);
    expect(delta.covered.before).toBeCloseTo(coveredBefore, 6);
    expect(delta.baselineWithout.sort()).toEqual(['yc-dapu', 'yc-guiyang']);
    for (const s of delta.stations) expect(s.uniquelyCovered, s.id).toBeCloseTo(unique.get(s.id) ?? 0, 6);
    // newly covered per station sums to the change
    expect(delta.stations.reduce((a, s) => a + s.newlyCovered, 0)).toBeCloseTo(delta.covered.change, 6);
  });

  it('the worker keeps its baseline in step through toggles and moves (same delta as a fresh comparison)', async () => {
    const { service } = demoService();
    const dataset = await openDemo(service, '350525');
    service.evaluate(dataset.stations, rules, { seq: 1 });
    const dapu = dataset.stations.find((s) => s.id === 'yc-dapu')!;
    const centre = dataset.stations.find((s) => s.kind === 'emergency-centre')!;
    service.upsertStation({ ...centre, lng: centre.lng + 0.03 }, { seq: 2 });
    service.upsertStation({ ...dapu, status: 'existing' }, { seq: 3 });
    const last = service.upsertStation({ ...dapu, status: 'proposed', lng: dapu.lng - 0.02 }, { seq: 4 });
    const stations = dataset.stations.map((s) => (s.id === centre.id ? { ...centre, lng: centre.lng + 0.03 } : s.id === dapu.id ? { ...dapu, lng: dapu.lng - 0.02 } : s));
    const fresh = createEngine(service.currentEngine().grid, { stations, rules });
    const expected = scenarioDelta(fresh, ['yc-dapu', 'yc-guiyang']);
    expect(last.delta!.covered).toEqual(expected.covered);
    expect(last.delta!.stations).toEqual(expected.stations);
    expect(last.tag).toEqual({ dataset: 0, version: 4 });
  });
});

describe('rings are drawn for the area types the engine applies', () => {
  it('each Yongchun station gets the types of the cells within that type\'s outer ring (brute force)', () => {
    const engine = createEngine(demo.grid, { stations: yongchun, rules });
    const { grid } = engine;
    let both = 0;
    for (const s of yongchun) {
      const seen = new Set<AreaType>();
      for (let i = 0; i < grid.size; i++) {
        const type: AreaType = engine.areaType[i] === 1 ? 'urban' : 'rural';
        if (haversineKm(s.lng, s.lat, grid.lng[i], grid.lat[i]) <= outerRadiusKm(rules, type)) seen.add(type);
      }
      const expected = (['urban', 'rural'] as const).filter((t) => seen.has(t));
      expect(ringAreaTypes(engine, s), s.name).toEqual(expected.length > 0 ? expected : ['rural']);
      if (expected.length === 2) both++;
    }
    // the county seat's stations reach both urban 桃城 and the rural townships around it
    expect(both).toBeGreaterThan(0);
  });
});

describe('evaluation requests follow the store', () => {
  const a: Station = { id: 'a', name: 'A', kind: 'station', status: 'existing', lng: 118.2, lat: 25.3 };
  const b: Station = { id: 'b', name: 'B', kind: 'station', status: 'proposed', lng: 118.3, lat: 25.3 };

  it('stationChanges finds edits by identity and removals by id', () => {
    const b2 = { ...b, lng: 118.31 };
    expect(stationChanges([a, b], [a, b2])).toEqual({ upserts: [b2], removals: [] });
    expect(stationChanges([a, b], [b])).toEqual({ upserts: [], removals: ['a'] });
    expect(stationChanges([a], [a, b])).toEqual({ upserts: [b], removals: [] });
  });

  it('every edit is a new version; the last request of a version carries it whole, earlier ones are partial', () => {
    let state: AppState = { ...initialState };
    const listeners: ((n: AppState, p: AppState) => void)[] = [];
    const store = {
      getState: () => state,
      setState: (partial: Partial<AppState>) => {
        const prev = state;
        state = { ...state, ...partial };
        for (const l of listeners) l(state, prev);
      },
      subscribe: (l: (n: AppState, p: AppState) => void) => {
        listeners.push(l);
        return () => listeners.splice(listeners.indexOf(l), 1);
      },
    };
    const sent: string[] = [];
    const fmt = (tag: ResultTag) => `${tag.dataset}.${tag.version}${tag.partial ? 'p' : ''}`;
    const sink: EvaluationSink = {
      evaluate: (stations, _rules, tag, headlineFirst) => sent.push(`evaluate ${stations.length}${headlineFirst ? ' headline-first' : ''} @${fmt(tag)}`),
      upsert: (s, light, tag) => sent.push(`upsert ${s.id}${light ? ' light' : ''} @${fmt(tag)}`),
      remove: (id, tag) => sent.push(`remove ${id} @${fmt(tag)}`),
    };
    syncEvaluations(store, sink);
    const dataset = { region: regionInfo(tinyRegion()), counties: [], zones: [], stations: [], h3: [], h3Halves: new Uint32Array(), population: new Float64Array(), zone: new Int32Array(), prepareMs: 0 };
    store.setState({ phase: 'loading' });
    expect(sent).toEqual([]);
    store.setState({ phase: 'ready', dataset, stations: [a, b] });
    store.setState({ stations: [a, { ...b, lng: 118.32 }], draggingStationId: 'b' });
    store.setState({ stations: [{ ...a, name: 'A2' }], draggingStationId: null });
    store.setState({ rules: makeRules({ circleMinutes: 14 }) });
    store.setState({ dataset: { ...dataset } });
    // a new dataset's evaluation asks for the headline first; a rules change does not
    expect(sent).toEqual(['evaluate 2 headline-first @1.1', 'upsert b light @1.2', 'remove b @1.3p', 'upsert a @1.3', 'evaluate 1 @1.4', 'evaluate 1 headline-first @2.5']);
    expect(state.scenarioVersion).toBe(5);
    expect(state.datasetGeneration).toBe(2);
    // a store write that changes no scenario part sends nothing
    store.setState({ selectedStationId: 'a' });
    expect(sent).toHaveLength(6);
  });
});
