import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createAutosaveStorage } from '../../src/app/autosave-storage.ts';
import { historyKey } from '../../src/app/autosave-keys.ts';
import { HISTORY_VERSION, makeHistoryRecord, MAX_SAVED_STEPS, parseHistoryRecord, type HistoryRecord } from '../../src/app/history-file.ts';
import { createHistory } from '../../src/app/history.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { makeScenario, serializeScenario, type SavedScenario } from '../../src/io/scenario-file.ts';

let dbCount = 0;
const freshStore = () => createStore(`history-test-${++dbCount}`, 'autosave');

/** One undo step: 达埔 at a longitude, with the rural radius. */
interface Step {
  stations: Station[];
  enabledStatus: Record<string, Station['status']>;
  rules: ReturnType<typeof makeRules>;
}
const step = (lng: number, ruralStrictRadiusKm = 10): Step => ({
  stations: [
    { id: 'yc-dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng, lat: 25.3072 },
    { id: 'yc-guiyang', name: '桂洋急救站', kind: 'station', status: 'disabled', lng: 118.01, lat: 25.65 },
  ],
  enabledStatus: { 'yc-dapu': 'proposed', 'yc-guiyang': 'proposed' },
  rules: makeRules({ ruralStrictRadiusKm }),
});
const text = (s: Step) => serializeScenario(makeScenario({ regionId: '350525', ...s }, 'undo step', new Date(0)));
const parts = (s: SavedScenario): Step => ({ stations: s.stations, enabledStatus: s.enabledStatus, rules: s.rules });

const SAVED_AT = '2025-01-31T09:30:00.000Z';
const current = (): SavedScenario => ({ ...makeScenario({ regionId: '350525', ...step(118.3) }, '方案A'), savedAt: SAVED_AT });

describe('undo history kept with the autosave', () => {
  it('a reload gets back every undo and redo step exactly, in order', async () => {
    const store = freshStore();
    const undo = [step(118.1), step(118.15, 12), step(118.2)];
    const redo = [step(118.4)];
    expect(await createAutosaveStorage(store).save(current(), makeHistoryRecord('350525', SAVED_AT, undo, redo, text))).toEqual({ ok: true });
    // a new storage object on the same database: the page after a reload
    const loaded = await createAutosaveStorage(store).load('350525');
    expect(loaded.kind).toBe('loaded');
    if (loaded.kind !== 'loaded' || loaded.history.kind !== 'loaded') throw new Error(`history not loaded: ${JSON.stringify(loaded)}`);
    expect(loaded.history.undo.map(parts)).toEqual(undo);
    expect(loaded.history.redo.map(parts)).toEqual(redo);
    expect(loaded.history.dropped).toEqual([]);
    // the first undo after the reload restores the state before the last edit: 达埔 at 118.2
    const h = createHistory<Step>(200);
    h.load(loaded.history.undo.map(parts), loaded.history.redo.map(parts));
    expect(h.undo(parts(loaded.scenario))?.stations[0].lng).toBe(118.2);
    expect(h.undo(step(118.2))?.rules.ruralStrictRadiusKm).toBe(12);
  });

  it(`keeps only the newest ${MAX_SAVED_STEPS} steps of each side`, async () => {
    const store = freshStore();
    const undo = Array.from({ length: 80 }, (_, i) => step(118 + i / 1000));
    await createAutosaveStorage(store).save(current(), makeHistoryRecord('350525', SAVED_AT, undo, [], text));
    const stored = (await get<HistoryRecord>(historyKey('350525'), store))!;
    expect(stored.undo.length).toBe(MAX_SAVED_STEPS);
    const loaded = await createAutosaveStorage(store).load('350525');
    if (loaded.kind !== 'loaded' || loaded.history.kind !== 'loaded') throw new Error('history not loaded');
    expect(loaded.history.undo.length).toBe(50);
    expect(loaded.history.undo[0].stations[0].lng).toBe(118.03); // step 30 of 0–79
    expect(loaded.history.undo[49].stations[0].lng).toBe(118.079);
  });

  it('a damaged step is dropped with its reason; the other steps and the scenario still restore', async () => {
    const store = freshStore();
    const undo = [step(118.1), step(118.2), step(118.25)];
    const record = makeHistoryRecord('350525', SAVED_AT, undo, [], text);
    record.undo[1] = record.undo[1].replace('"lng": 118.2', '"lng": "abc"');
    await createAutosaveStorage(store).save(current(), record);
    const loaded = await createAutosaveStorage(store).load('350525');
    if (loaded.kind !== 'loaded') throw new Error('scenario not loaded');
    expect(parts(loaded.scenario)).toEqual(step(118.3));
    expect(loaded.history).toEqual({
      kind: 'loaded',
      undo: [expect.objectContaining({ stations: step(118.1).stations }), expect.objectContaining({ stations: step(118.25).stations })],
      redo: [],
      dropped: ['The undo history of region 350525, undo step 2: stations[0].lng: expected a longitude between -180 and 180, got "abc"'],
    });
  });

  it('a step that is not text, or cut short, is dropped too', () => {
    const record = makeHistoryRecord('350525', SAVED_AT, [step(118.1), step(118.2)], [step(118.4)], text);
    const damaged = { ...record, undo: [42, record.undo[1]], redo: [record.redo[0].slice(0, 40)] };
    const h = parseHistoryRecord(damaged, '350525', SAVED_AT);
    if (h.kind !== 'loaded') throw new Error('history not loaded');
    expect(h.undo.map(parts)).toEqual([step(118.2)]);
    expect(h.redo).toEqual([]);
    expect(h.dropped[0]).toBe('The undo history of region 350525, undo step 2 is not scenario text (found number).');
    expect(h.dropped[1]).toMatch(/^The undo history of region 350525, redo step 1 is not valid JSON: it ends at character \d+ before the data is complete \(is the file cut short\?\)$/);
  });

  it('a history of another version, region or save is not used, and the scenario still restores', async () => {
    const record = makeHistoryRecord('350525', SAVED_AT, [step(118.1)], [], text);
    expect(parseHistoryRecord({ ...record, version: HISTORY_VERSION + 1 }, '350525', SAVED_AT)).toEqual({ kind: 'corrupt', error: 'The undo history of region 350525 is version 2; this app reads version 1.' });
    expect(parseHistoryRecord({ ...record, region: '350526' }, '350525', SAVED_AT)).toEqual({ kind: 'corrupt', error: 'The undo history of region 350525 belongs to region "350526".' });
    expect(parseHistoryRecord(record, '350525', '2025-02-01T00:00:00.000Z').kind).toBe('corrupt');
    expect(parseHistoryRecord('nonsense', '350525', SAVED_AT)).toEqual({ kind: 'corrupt', error: 'The undo history of region 350525 is not a history record (found string).' });
    expect(parseHistoryRecord(undefined, '350525', SAVED_AT)).toEqual({ kind: 'none' });

    const store = freshStore();
    await createAutosaveStorage(store).save(current(), record);
    await set(historyKey('350525'), { ...record, format: 'something-else' }, store);
    const loaded = await createAutosaveStorage(store).load('350525');
    if (loaded.kind !== 'loaded') throw new Error('scenario not loaded');
    expect(parts(loaded.scenario)).toEqual(step(118.3));
    expect(loaded.history.kind).toBe('corrupt');
  });

  it('a scenario saved without a history removes the old one, and clear forgets both', async () => {
    const store = freshStore();
    const autosave = createAutosaveStorage(store);
    await autosave.save(current(), makeHistoryRecord('350525', SAVED_AT, [step(118.1)], [], text));
    expect(await get(historyKey('350525'), store)).toBeDefined();
    await autosave.save({ ...current(), savedAt: '2025-02-01T00:00:00.000Z' });
    expect(await get(historyKey('350525'), store)).toBeUndefined();
    const loaded = await autosave.load('350525');
    expect(loaded.kind === 'loaded' && loaded.history).toEqual({ kind: 'none' });
    await autosave.save(current(), makeHistoryRecord('350525', SAVED_AT, [step(118.1)], [], text));
    await autosave.clear('350525');
    expect(await get(historyKey('350525'), store)).toBeUndefined();
    expect(await autosave.load('350525')).toEqual({ kind: 'none' });
  });
});

describe('history entries and load', () => {
  it('load keeps the newest `limit` steps and undo/redo continue from them', () => {
    const h = createHistory<number>(3);
    h.load([1, 2, 3, 4, 5], [9]);
    expect(h.entries()).toEqual({ undo: [3, 4, 5], redo: [9] });
    expect(h.undo(6)).toBe(5);
    expect(h.redo(5)).toBe(6);
    expect(h.redo(6)).toBe(9);
    expect(h.redo(9)).toBeNull();
  });
});
