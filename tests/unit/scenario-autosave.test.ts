import 'fake-indexeddb/auto';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { createAutosaveScheduler, createAutosaveStorage, type AutosaveStorage, type AutosaveWrite } from '../../src/app/autosave-storage.ts';
import { autosaveKey } from '../../src/app/autosave-keys.ts';
import type { SavedScenario } from '../../src/io/scenario-file.ts';

let dbCount = 0;
/** A fresh IndexedDB database per test. */
const freshStore = () => createStore(`autosave-test-${++dbCount}`, 'autosave');

const scenario = (region: string, name = '方案A'): SavedScenario => ({
  name,
  savedAt: '2025-01-31T09:30:00.000Z',
  region,
  stations: [
    { id: 'yc-dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.1672, lat: 25.3072 },
    { id: 'yc-guiyang', name: '桂洋急救站', kind: 'station', status: 'disabled', lng: 118.01, lat: 25.65 },
  ],
  enabledStatus: { 'yc-dapu': 'proposed', 'yc-guiyang': 'proposed' },
  rules: makeRules({ circleMinutes: 14, areaTypeOverrides: { '350525104000': 'urban' } }),
  dataSources: { population: { kind: 'demo' }, zones: { kind: 'demo' } },
});

describe('autosave in IndexedDB (fake-indexeddb)', () => {
  it('nothing saved yet loads as none', async () => {
    expect(await createAutosaveStorage(freshStore()).load('350525')).toEqual({ kind: 'none' });
  });

  it('saves and loads the latest scenario of each region exactly', async () => {
    const autosave = createAutosaveStorage(freshStore());
    expect(await autosave.save(scenario('350525', 'first'))).toEqual({ ok: true });
    expect(await autosave.save(scenario('350525', 'second'))).toEqual({ ok: true });
    expect(await autosave.save(scenario('350526', 'Dehua'))).toEqual({ ok: true });
    expect(await autosave.load('350525')).toStrictEqual({ kind: 'loaded', scenario: scenario('350525', 'second'), history: { kind: 'none' } });
    expect(await autosave.load('350526')).toStrictEqual({ kind: 'loaded', scenario: scenario('350526', 'Dehua'), history: { kind: 'none' } });
  });

  it('clear forgets one region only', async () => {
    const autosave = createAutosaveStorage(freshStore());
    await autosave.save(scenario('350525'));
    await autosave.save(scenario('350526'));
    expect(await autosave.clear('350525')).toEqual({ ok: true });
    expect(await autosave.load('350525')).toEqual({ kind: 'none' });
    expect((await autosave.load('350526')).kind).toBe('loaded');
  });

  it('survives a new storage object on the same database (a page reload)', async () => {
    const store = freshStore();
    await createAutosaveStorage(store).save(scenario('350525'));
    expect((await createAutosaveStorage(store).load('350525')).kind).toBe('loaded');
  });

  it('a corrupt entry is reported with the field at fault, not thrown, and left in place', async () => {
    const store = freshStore();
    const autosave = createAutosaveStorage(store);
    await autosave.save(scenario('350525'));
    const text = (await get<string>(autosaveKey('350525'), store))!;
    await set(autosaveKey('350525'), text.replace('"lng": 118.1672', '"lng": "abc"'), store);
    expect(await autosave.load('350525')).toEqual({
      kind: 'corrupt',
      error: 'The autosaved scenario of region 350525: stations[0].lng: expected a longitude between -180 and 180, got "abc"',
    });
    expect(await get(autosaveKey('350525'), store)).toBeDefined();
  });

  it('truncated text, a non-text value, and another region’s scenario are corrupt too', async () => {
    const store = freshStore();
    const autosave = createAutosaveStorage(store);
    await set(autosaveKey('350525'), '{"format": "ems-coverage-scenario", "vers', store);
    expect(await autosave.load('350525')).toMatchObject({ kind: 'corrupt', error: expect.stringMatching(/^The autosaved scenario of region 350525 is not valid JSON: it ends at character \d+/) });
    await set(autosaveKey('350525'), { stations: [] }, store);
    expect(await autosave.load('350525')).toEqual({ kind: 'corrupt', error: 'The autosaved scenario of region 350525 is not scenario text (found object).' });
    await createAutosaveStorage(store).save(scenario('350526'));
    await set(autosaveKey('350525'), (await get(autosaveKey('350526'), store))!, store);
    expect(await autosave.load('350525')).toEqual({ kind: 'corrupt', error: 'The autosaved scenario of region 350525 belongs to region 350526.' });
  });

  it('an unusable IndexedDB (blocked, private mode, full) is reported, never thrown', async () => {
    const broken: UseStore = () => Promise.reject(new Error('QuotaExceededError'));
    const autosave = createAutosaveStorage(broken);
    expect(await autosave.save(scenario('350525'))).toEqual({ ok: false, error: 'Could not autosave the scenario (QuotaExceededError).' });
    expect(await autosave.load('350525')).toEqual({ kind: 'unavailable', error: 'Could not read the autosaved scenario (QuotaExceededError).' });
    expect(await autosave.clear('350525')).toEqual({ ok: false, error: 'Could not clear the autosaved scenario (QuotaExceededError).' });
  });
});

describe('debounced autosave', () => {
  afterEach(() => void vi.useRealTimers());

  /** Storage that records what it was asked to save. */
  const recorder = (result: AutosaveWrite = { ok: true }) => {
    const saved: string[] = [];
    const storage: AutosaveStorage = {
      save: async (s) => {
        saved.push(s.name);
        return result;
      },
      load: async () => ({ kind: 'none' }),
      clear: async () => ({ ok: true }),
    };
    return { saved, storage };
  };

  it('a drag of 60 moves writes once, the last state, after the pause', async () => {
    vi.useFakeTimers();
    const { saved, storage } = recorder();
    const scheduler = createAutosaveScheduler(storage, 1000);
    let built = 0;
    for (let k = 1; k <= 60; k++) {
      scheduler.schedule(() => {
        built++;
        return scenario('350525', `move ${k}`);
      });
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['move 60']);
    expect(built).toBe(1);
  });

  it('flush writes a pending save at once; cancel drops it; failures reach onError', async () => {
    vi.useFakeTimers();
    const errors: string[] = [];
    const { saved, storage } = recorder({ ok: false, error: 'disk full' });
    const scheduler = createAutosaveScheduler(storage, 1000, (e) => errors.push(e));
    scheduler.schedule(() => scenario('350525', 'a'));
    expect(await scheduler.flush()).toEqual({ ok: false, error: 'disk full' });
    expect(await scheduler.flush()).toBeNull();
    scheduler.schedule(() => scenario('350525', 'b'));
    scheduler.cancel();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual(['a']);
    expect(errors).toEqual(['disk full']);
  });
});
